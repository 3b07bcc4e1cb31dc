"""Ingest's worker processes give the passages one process gives: a folder of PDFs indexed with
-j 2 (forked workers, ingest's normal path) and with -j 1 exports the same passages."""

from __future__ import annotations

import shutil
from pathlib import Path

from .clirun import icpolicy
from .conftest import FIXTURES, make_pdf
from .pdf_ties import make_grid_pdf

SRC = str(Path(__file__).resolve().parents[1] / "src")  # this checkout's code, whatever the caller's PYTHONPATH


def _passages(home, docs, jobs: int) -> list[str]:
    """The exported passages, less their first column (the ingest's generation, a time stamp)."""
    index, dump = home / f"index-j{jobs}", home / f"dump-j{jobs}"
    done = icpolicy("ingest", docs, "--index", index, "-j", jobs, home=home, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    done = icpolicy("export", "--to", "clickhouse-tsv", "-o", dump, "--index", index, home=home, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    assert "INSERT INTO icpolicy.passages (gen, " in (dump / "load.sh").read_text(encoding="utf-8")
    rows = (dump / "passages.tsv").read_text(encoding="utf-8").splitlines()
    return [row.split("\t", 1)[1] for row in rows]


def test_worker_pool_and_one_process_give_the_same_passages(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_grid_pdf(docs / "grid.pdf")
    make_grid_pdf(docs / "grid_long.pdf", rows=8, columns=3)
    shutil.copy(FIXTURES / "blind14" / "g02_huaian_report.pdf", docs)
    shutil.copy(FIXTURES / "blind4" / "city_notice.pdf", docs)
    make_pdf(docs / "plain.pdf", [["青浦区促进集成电路产业高质量发展。", "支持先进封装和测试技术。"], ["第二页：支持 12 英寸硅片和光刻胶等领域实现技术突破。"]])
    pooled = _passages(tmp_path, docs, 2)
    alone = _passages(tmp_path, docs, 1)
    assert len(pooled) >= 20
    assert any("以上数据来源于统计部门。" in row for row in pooled)
    assert pooled == alone

"""A PDF reads the same however the objects of its layout fall in memory: equal distances between
text boxes are settled by the order the boxes were made in, not by their addresses (pdf_pages.py)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from icpolicy.readers.pdf import extract

from .conftest import FIXTURES
from .pdf_ties import make_grid_pdf

ROOT = Path(__file__).resolve().parents[1]
# a real report whose lone quotation marks are equal boxes: its passages came out in three orders
HUAIAN = FIXTURES / "blind14" / "g02_huaian_report.pdf"


def _text(path: Path) -> str:
    return extract(path, io.BytesIO(path.read_bytes()))


def _churned_reads(path: Path, times: int) -> set[str]:
    """The text of path read `times` times, with objects of other sizes allocated and freed between
    the reads, so that the layout's objects land at other addresses each time."""
    held, texts = [], set()
    for n in range(times):
        held.append([object() for _ in range(997 * (n + 1) ** 2 % 40009)])
        held.append([[n] * (n % 7) for _ in range(613 * (n + 3) % 9001)])
        texts.add(_text(path))
        if n % 2:
            del held[: len(held) // 2]
    return texts


def _read_in_fresh_process(path: Path) -> str:
    code = "import io, sys; from pathlib import Path; from icpolicy.readers.pdf import extract; p = Path(sys.argv[1]); " \
           "sys.stdout.buffer.write(extract(p, io.BytesIO(p.read_bytes())).encode('utf-8'))"
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, check=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def grid(tmp_path_factory) -> Path:
    return make_grid_pdf(tmp_path_factory.mktemp("order") / "grid.pdf")


def test_table_of_equal_cells_reads_the_same_every_time(grid):
    texts = _churned_reads(grid, 12)
    assert len(texts) == 1
    text = texts.pop()
    assert text.startswith("表一 各区集成电路企业数量") and "以上数据来源于统计部门。" in text
    assert all(f"{r}区{c}类" in text for r in "甲乙丙丁戊" for c in range(4))
    assert _read_in_fresh_process(grid) == text


def test_real_report_with_lone_quotation_marks_reads_the_same_every_time():
    texts = _churned_reads(HUAIAN, 8)
    assert len(texts) == 1
    assert _read_in_fresh_process(HUAIAN) == texts.pop()

"""review4's command-line findings, through the CLI: compare's exports cut at -n (F6), help and footer
wording (F6), the one-line malformed-query error (F11)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.clirun import icpolicy


def one_line(done) -> str:
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert "Traceback" not in done.err and len(lines) == 1, done.err
    return lines[0]


@pytest.fixture(scope="module")
def two_places(tmp_path_factory) -> Path:
    """Two provinces' notices of my own wording, each with eight clauses on test equipment."""
    root = tmp_path_factory.mktemp("places")
    docs = root / "docs"
    docs.mkdir()
    for place, city in (("浙江省", "杭州市"), ("湖北省", "武汉市")):
        clauses = "\n".join(f"{k}、{city}支持测试设备企业开展第{k}类产品验证，给予一次性奖励。" for k in range(1, 9))
        (docs / f"{city}.txt").write_text(f"{place}{city}关于支持测试设备产业发展的通知\n{clauses}\n{city}人民政府\n2024年5月6日\n",
                                          encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", root / "index", "-j", "1", home=root)
    assert done.returncode == 0, done.err
    return root / "index"


def test_compare_export_cut_at_n_says_so_and_all_gives_every_passage(two_places, tmp_path):
    cut = icpolicy("compare", "测试设备", "-r", "浙江", "-r", "湖北", "-f", "csv", "--index", two_places, home=tmp_path)
    assert cut.returncode == 0
    rows = list(csv.DictReader(io.StringIO(cut.out)))
    assert len(rows) == 10
    line = one_line(cut)
    assert "wrote 10 of" in line and "--all" in line
    every = icpolicy("compare", "测试设备", "-r", "浙江", "-r", "湖北", "-f", "csv", "--all", "--index", two_places, home=tmp_path)
    assert every.returncode == 0 and every.err == ""
    rows = list(csv.DictReader(io.StringIO(every.out)))
    assert len(rows) == sum(int(total) for total in {row["compared_region"]: row["region_total"] for row in rows}.values()) > 10


def test_search_help_names_143_and_the_footer_names_n(two_places, tmp_path):
    helped = icpolicy("search", "--help", home=tmp_path)
    assert "143" in helped.out
    footer = icpolicy("search", "测试设备", "-n", "2", "--index", two_places, home=tmp_path)
    assert "-n N or --all" in footer.out and "--limit N" not in footer.out


@pytest.mark.parametrize("query, position", [("((((测试设备", 4), ("测试设备 OR", 6)])
def test_a_malformed_query_is_one_line_with_its_position(two_places, tmp_path, query, position):
    done = icpolicy("search", query, "--index", two_places, home=tmp_path)
    assert done.returncode == 2
    line = one_line(done)
    assert "malformed query" in line and f"character {position}" in line and query.replace(" ", "") in line.replace(" ", "").replace("^", "")


def test_targets_help_says_the_year_filter_selects_passages(tmp_path):
    helped = icpolicy("targets", "--help", home=tmp_path)
    text = " ".join(helped.out.split())
    assert helped.returncode == 0 and "select passages, not figures" in text and "row's year may be another" in text

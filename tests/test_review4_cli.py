"""review4's command-line findings, through the CLI: compare's exports cut at -n (F6), help and footer
wording (F6), the one-line malformed-query error (F11)."""

from __future__ import annotations

import csv
import json
import io
from pathlib import Path

import pytest

from tests.clirun import icpolicy, one_line



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


def test_stats_by_type_and_year_show_the_passages_without_one(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "方案.txt").write_text("某市2024年集成电路产业工作方案\n一、推动集成电路封装企业扩产。\n二、集成电路设计企业流片给予补助。\n",
                                   encoding="utf-8")
    (docs / "随笔.txt").write_text("读书札记\n集成电路的故事从一块硅片讲起。\n后来集成电路走进了千家万户。\n", encoding="utf-8")
    index = tmp_path / "index"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    whole = icpolicy("search", "集成电路", "--all", "-f", "json", "--index", index, home=tmp_path)
    total = json.loads(whole.out)["total"]
    for by in ("type", "year"):
        done = icpolicy("stats", "集成电路", "--by", by, "-f", "json", "--index", index, home=tmp_path)
        assert done.returncode == 0, done.err
        rows = {row["key"]: row for row in json.loads(done.out)["rows"]}
        assert rows["(none)"]["documents"] == 1 and rows["(none)"]["passages"] >= 2, rows
        if by == "type":
            assert sum(row["passages"] for row in rows.values()) == total
    dated = icpolicy("stats", "集成电路", "--by", "year", "-y", "2024", "-f", "json", "--index", index, home=tmp_path)
    assert "(none)" not in dated.out
    empty = icpolicy("search", "集成电路", "-t", "", "--index", index, home=tmp_path)
    assert empty.returncode == 2 and "--type" in one_line(empty)

"""`--doc-year` selects passages by their document's own year (a 2025 report: every passage of it,
the review of 2024 included), where `--year` selects them by the years each passage speaks for.
Checked through the CLI against an oracle built from the same index's unfiltered answers."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy
from tests.conftest import SEEDS

REPORTS = {
    "r2024.txt": "青溪市2024年政府工作报告\n\n一、2023年工作回顾\n\n过去一年，我市先进封装产线建成投产，集成电路产值增长百分之十二。\n\n"
                 "二、2024年主要任务\n\n今年要推动先进封装和第三代半导体项目加快落地。\n",
    "r2025.txt": "青溪市2025年政府工作报告\n\n一、2024年工作回顾\n\n过去一年，我市先进封装基地二期开工，新增集成电路企业三十家。\n\n"
                 "二、2025年主要任务\n\n今年要推动先进封装测试平台建成运营。\n",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    docs = home / "docs"
    docs.mkdir()
    for name, text in REPORTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    for seed in sorted(SEEDS.iterdir()):
        (docs / seed.name).write_bytes(seed.read_bytes())
    done = icpolicy("ingest", docs, "--index", home / "idx", home=home)
    assert done.returncode == 0, done.err
    return home


def _rows(home, *args):
    done = icpolicy(*args, "--index", home / "idx", home=home)
    assert done.returncode in (0, 1), done.err
    return done


def _hits(home, *args):
    return [json.loads(line) for line in _rows(home, "search", *args, "-a", "-f", "jsonl").out.splitlines()]


def _doc_years(home):
    listed = json.loads(_rows(home, "docs", "-a", "-f", "json").out)["documents"]
    return {row["doc_id"]: row["years"] for row in listed}


@pytest.mark.parametrize("value,span", [("2025", (2025, 2025)), ("2024", (2024, 2024)), ("2023-2024", (2023, 2024)), ("2026-", (2026, 9999))])
def test_doc_year_keeps_exactly_the_passages_of_documents_of_those_years(index, value, span):
    years = _doc_years(index)
    every = _hits(index, "先进封装")
    wanted = sorted((h["doc_id"], h["passage"]) for h in every if any(span[0] <= y <= span[1] for y in years[h["doc_id"]]))
    got = sorted((h["doc_id"], h["passage"]) for h in _hits(index, "先进封装", "--doc-year", value))
    assert got == wanted and (value == "2026-" or got)


def test_a_reports_review_of_last_year_counts_for_the_reports_year_only(index):
    # the 2025 report's review of 2024 speaks for 2024 too: --year 2024 finds it, --doc-year 2024 does not
    by_passage = {h["title"] for h in _hits(index, "先进封装", "--year", "2024") if h["title"].startswith("青溪市")}
    by_doc = {h["title"] for h in _hits(index, "先进封装", "--doc-year", "2024") if h["title"].startswith("青溪市")}
    assert by_passage == {"青溪市2024年政府工作报告", "青溪市2025年政府工作报告"}
    assert by_doc == {"青溪市2024年政府工作报告"}
    assert [h["title"] for h in _hits(index, "先进封装基地二期", "--doc-year", "2025")] == ["青溪市2025年政府工作报告"]


def test_doc_year_works_in_the_views_and_refuses_what_is_no_year(index):
    counted = json.loads(_rows(index, "stats", "先进封装", "--doc-year", "2025", "--by", "type", "-f", "json").out)
    docs = json.loads(_rows(index, "docs", "先进封装", "--doc-year", "2025", "-a", "-f", "json").out)["documents"]
    assert {row["doc_id"] for row in docs} == {d for d, years in _doc_years(index).items() if 2025 in years} & {h["doc_id"] for h in _hits(index, "先进封装")}
    assert sum(row["passages"] for row in docs) == len(_hits(index, "先进封装", "--doc-year", "2025")) > 0
    assert counted
    for bad in ("20x5", "", "2025 2026"):
        done = icpolicy("search", "先进封装", "--doc-year", bad, "--index", index / "idx", home=index)
        assert done.returncode == 2 and "--doc-year" in done.err and "Traceback" not in done.err


@pytest.mark.parametrize("typed", ["2023至2025", "2023到2025年", "２０２３－２０２５", "2023年—2025年"])
def test_a_year_range_typed_the_chinese_way_is_the_same_range(index, typed):
    plain = sorted((h["doc_id"], h["passage"]) for h in _hits(index, "集成电路", "--year", "2023-2025"))
    assert plain and sorted((h["doc_id"], h["passage"]) for h in _hits(index, "集成电路", "--year", typed)) == plain
    assert sorted((h["doc_id"], h["passage"]) for h in _hits(index, "集成电路", "--doc-year", typed)) == \
           sorted((h["doc_id"], h["passage"]) for h in _hits(index, "集成电路", "--doc-year", "2023-2025"))


def test_a_type_typed_in_traditional_characters_is_the_same_type(index):
    plain = sorted((h["doc_id"], h["passage"]) for h in _hits(index, "先进封装", "-t", "政府工作报告"))
    assert plain and sorted((h["doc_id"], h["passage"]) for h in _hits(index, "先进封装", "-t", "政府工作報告")) == plain


@pytest.mark.parametrize("command", [["search", "先进封装"], ["stats", "先进封装"], ["trend", "先进封装"], ["docs"]])
def test_a_type_that_no_document_could_have_is_refused(index, command):
    # a slip (工做 for 工作) was answered "0 passages", exit 1, as if no report spoke of it
    done = icpolicy(*command, "-t", "政府工做报告", "--index", index / "idx", home=index)
    assert done.returncode == 2 and "政府工做报告" in done.err and "政府工作报告" in done.err, done.err

"""The analyst's targets and changes on classes an analyst's probe found: a work report's plan part opened by
a heading that words the year's work its own way, a range's row that shows the whole range, and a target of
another horizon that never counts as moved.  Reports of our own, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

REVIEW = "2025年，全县光电芯片产业营业收入完成90亿元，新增规上企业8家。"
PLAN = "光电芯片产业营业收入增长18%左右，新增规上企业10家。"
HEADINGS = ["二、全力做好2026年各项工作", "二、2026年主要工作", "二、关于2026年政府工作", "二、2026年重点抓好以下工作"]


def _cli(index, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *args, "--index", str(index)], capture_output=True, text=True, encoding="utf-8")


def _rows(index, *args: str) -> list[dict]:
    done = _cli(index, *args, "-f", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    docs = tmp_path_factory.mktemp("reports")
    places = ["丰县", "沛县", "安吉县", "德清县"]
    for place, heading in zip(places, HEADINGS):
        (docs / f"{place}.txt").write_text(
            f"2026年{place}政府工作报告\n\n——2026年1月12日在{place}第十八届人民代表大会第五次会议上\n\n一、2025年工作回顾\n\n{REVIEW}\n\n"
            f"{heading}\n\n{PLAN}\n", encoding="utf-8")
    # two years of one county's plan: an annual target that moved, a horizon that moved on, a range
    (docs / "桐庐县2025.txt").write_text("2025年桐庐县政府工作报告\n\n一、2024年工作回顾\n\n2024年，全县完成投资50亿元。\n\n二、2025年工作安排\n\n"
                                         "全县传感器产业规模增长8%左右。到2027年，传感器产业营业收入达到120亿元。\n", encoding="utf-8")
    (docs / "桐庐县2026.txt").write_text("2026年桐庐县政府工作报告\n\n一、2025年工作回顾\n\n2025年，全县完成投资56亿元。\n\n二、2026年工作安排\n\n"
                                         "全县传感器产业规模增长10%—12%。到2030年，传感器产业营业收入达到200亿元。\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("idx") / "index"
    done = _cli(index, "ingest", str(docs))
    assert done.returncode == 0, done.stderr
    return index


@pytest.mark.parametrize("place", ["丰县", "沛县", "安吉县", "德清县"])
def test_a_heading_naming_the_reports_year_of_work_opens_the_plan(reports, place):
    rows = _rows(reports, "targets", "-r", place, "-a")
    kinds = {(row["value"], row["kind"]) for row in rows}
    assert {(90, "reported"), (8, "reported"), (18, "target"), (10, "target")} <= kinds, kinds


def test_a_range_row_shows_the_whole_range(reports):
    rows = _rows(reports, "targets", "传感器产业规模", "-r", "桐庐县", "-y", "2026", "-a")
    ranged = [row for row in rows if row["value"] == 10]
    assert ranged and ranged[0]["text"].endswith("增长10%—12%"), rows


def test_a_target_of_another_horizon_does_not_move(reports):
    rows = _rows(reports, "changes", "-r", "桐庐县", "--from", "2025", "--to", "2026")
    # (jsonl's moved is json's list since session 32)
    moved = " ".join(f"{m['from']} -> {m['to']}{m['unit']}" for row in rows for m in row.get("moved") or [])
    assert "8 -> 10%" in moved  # this year's growth target, in each year's report
    assert "120 -> 200" not in moved  # 到2027年 against 到2030年: another horizon
    whole = json.loads(_cli(reports, "changes", "-r", "桐庐县", "--from", "2025", "--to", "2026", "-f", "json").stdout)
    years = {(m["from_year"], m["to_year"]) for c in whole["changed"] for m in c["moved"]}
    assert (2025, 2026) in years

"""A five-year period named to say which year of it a year is (2026年是“十五五”开局之年, …收官之年, …实施的第三年)
speaks of that one year: the passage keeps the year it states, not the period's five.  A report of our own,
through the CLI; the period named otherwise (“十四五”时期) still spans its years."""

from __future__ import annotations

import json
import subprocess
import sys

REPORT = """2026年德清县政府工作报告

——2026年1月14日在德清县第十八届人民代表大会第六次会议上

二、2026年工作安排

2026年是“十五五”开局之年。今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，新增规上工业企业60家。

“十四五”时期，全县地理信息产业营业收入年均增长两成，累计引进重大项目120个。

今年是“十五五”规划实施的第一年，全县将新建5G基站300个。
"""


def _years(index, query: str) -> list[list[int]]:
    done = subprocess.run([sys.executable, "-m", "icpolicy", "search", query, "-a", "-f", "jsonl", "--index", str(index)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return [json.loads(line)["years"] for line in done.stdout.splitlines()]


def test_a_period_named_for_one_of_its_years_adds_no_years(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "deqing_2026.txt").write_text(REPORT, encoding="utf-8")
    index = tmp_path / "idx"
    done = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(tmp_path / "docs"), "--index", str(index)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert _years(index, "新增规上工业企业60家") == [[2026]]
    assert _years(index, "新建5G基站300个") == [[2026]]
    [period] = _years(index, "累计引进重大项目120个")
    assert set(range(2021, 2026)) <= set(period)  # “十四五”时期: the period's years

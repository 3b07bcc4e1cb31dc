"""Years of passages, session 42, on documents in our own words, through the CLI.

- A yearly task in a plan of several years that starts in a later one of them (自2027年起，每年…, 2027年起各区每年…
  in a 2026—2028 plan) speaks for the years from that one to the plan's end; a yearly task from the plan's first year,
  or one whose start leads into another clause (每年开展评估，2027年起每两年发布…), speaks for the whole span.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl

PLAN = """合肥市新型显示产业提质扩能工作方案（2026—2028年）

一、工作目标

到2028年，全市新型显示产业营收突破2600亿元，带动上下游配套企业200家以上。

二、主要任务

（一）支持关键材料攻关。自2027年起，每年遴选8个以上显示材料揭榜挂帅项目，按研发投入的20%给予补助。

（二）壮大配套企业。2027年1月起逐年提高本地配套率，力争每年提升3个百分点。

（三）优化服务保障。市工信局每年对重点项目开展评估，2027年起每两年发布一次产业链图谱。

（四）加强人才引育。从2026年开始，每年引进显示领域高层次人才50名。
"""


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The years of the passage that starts with a text, in a document whose file name is given."""
    files = {"PLAN": PLAN}
    index = ingest_docs(tmp_path_factory.mktemp("years42"), {f"{name}.txt": text for name, text in files.items()})
    rows = jsonl("search", "的 OR 要 OR 市 OR 区 OR 产 OR 业 OR 年", "--index", index, "--all")

    def years_of(name, start):
        return next(row["years"] for row in rows if row["source"].endswith(f"{name}.txt") and row["text"].startswith(start))
    return years_of


def test_a_yearly_task_from_a_later_year_speaks_for_the_years_from_it(years):
    assert years("PLAN", "（一）支持关键材料攻关") == [2027, 2028]
    assert years("PLAN", "（二）壮大配套企业") == [2027, 2028]


def test_a_yearly_task_from_the_first_year_or_beside_another_start_speaks_for_the_span(years):
    assert years("PLAN", "（三）优化服务保障") == [2026, 2027, 2028]
    assert years("PLAN", "（四）加强人才引育") == [2026, 2027, 2028]

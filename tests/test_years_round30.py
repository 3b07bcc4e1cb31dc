"""Years and places of session 30's blind sets (h-blind29g, h-blind30h), through the CLI, on texts in our own words.

- A target a passage sets after its document's year (到2027年 in a 2025 plan) gave {2025, 2027}: a hole no reader
  means.  It runs on from the document's years now: 2025–2027 (at most five years on: a 2035 vision stays apart).
- `今年是实现“十四五”规划目标任务的攻坚之年` spoke for the whole period; a period named to say which year of it this
  is names that one year, with 规划目标任务 between too.
- 出海口 (a way to the sea) was read as 海口市."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PLAN = """绍兴市柯桥区2025年工作要点

一、总体要求

到2027年，全区集成电路封测产业规模突破八十亿元，建成特色工艺中试平台两个。

到2035年，基本建成长三角重要的集成电路封测基地。

今年是实现“十四五”规划目标任务的冲刺之年，全区上下要以更大力度抓项目、稳增长。

二、重点任务

推进内河港区建设，打通新的出海口，提升集装箱水运能力。
"""


def test_a_target_runs_on_from_the_document_year(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert jsonl("search", "封测产业规模突破", "--index", index)[0]["years"] == [2025, 2026, 2027]
    assert jsonl("search", "封测基地", "--index", index)[0]["years"] == [2025, 2035]


def test_which_year_of_a_period_names_that_year(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert jsonl("search", "冲刺之年", "--index", index)[0]["years"] == [2025]


def test_a_way_to_the_sea_is_no_city(tmp_path):
    brief = "内河航运工作简报（2026年第3期）\n\n新开辟的江海联运出海口本月开通集装箱航线两条，货物吞吐量增长一成。\n"
    index = ingest_docs(tmp_path, {"plan.txt": PLAN, "brief.txt": brief})
    assert jsonl("search", "出海口", "--index", index)[0]["region_path"] == ["浙江省", "绍兴市", "柯桥区"]
    assert "海口市" not in jsonl("search", "江海联运", "--index", index)[0]["region_path"]

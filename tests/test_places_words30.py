"""Ordinary words that hold a place's name, and a plan's look-back (session 30; h-blind30i), through the CLI.

- 老城区 (every town's old town) was 洛阳's 老城区 and moved a 鼓楼区 report there; it is a place only right after its
  city's name now (洛阳市老城区), as 城区 is; 老城 is a word (鼓楼区老城更新: checked
  on h-blind30i's story, where a shared district's name gave it support).  苏州河 (a river in 上海) was 苏州市.
- A plan's paragraph opening on the period before its own (“十四五”期间，… in a 十五五 plan) spoke for both periods;
  it speaks for the period it reviews, as a report's does."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

REPORT = """普陀区2026年城市更新工作要点

一、推进老城区有机更新。完成曹杨新村片区成套改造，改造老旧小区二十个。

二、建设苏州河滨水空间。贯通长风段滨河步道，新增公共绿地三万平方米。
"""

PLAN = """嘉善县“十五五”数字经济发展规划

“十四五”期间，全县数字经济核心产业增加值年均增长12%，集聚电子信息企业三百家。

到2030年，全县数字经济核心产业增加值突破三百亿元。
"""


def test_ordinary_words_name_no_place(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert jsonl("search", "老旧小区二十个", "--index", index)[0]["region_path"] == ["上海市", "普陀区"]
    assert jsonl("search", "滨河步道", "--index", index)[0]["region_path"] == ["上海市", "普陀区"]


def test_a_plan_s_look_back_speaks_for_the_period_it_reviews(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert jsonl("search", "集聚电子信息企业", "--index", index)[0]["years"] == [2021, 2022, 2023, 2024, 2025]

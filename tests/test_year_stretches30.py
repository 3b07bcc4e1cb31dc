"""A stretch of years a text sets itself speaks for each of its years (session 30; h-blind29g).

`从明年起用三年时间累计开放…` in a 2026 district report was read as 2026–2027 (明年 alone), and
`力争用三年时间…` gave only the report's year.  Now 用/利用 N 年(左右)时间 runs from its start (从今年起, 从明年起,
自2027年起, else the text's own year) through N years; a stretch already spent (仅用两年时间就…;
用八年时间把…聚到了一起) adds none.
Through the CLI, on a report in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

REPORT = """2026年玄武区政府工作报告

二、2026年主要任务

（一）从明年起用三年时间，累计建设低空飞行起降点四十个，拓展城市物流应用。

（二）力争利用两年左右时间，完成老旧厂房改造为孵化载体十二处。

（三）自2028年开始，用3到5年时间建成具身智能中试验证平台。

（四）回顾来看，我区仅用两年时间就建成了数据交易服务中心，为今年工作打下基础。

（五）晋江用八年时间把存储芯片上下游企业聚到了一起，我区要学习借鉴。
"""


def _years(index: str, phrase: str) -> list[int]:
    return jsonl("search", phrase, "--index", index)[0]["years"]


def test_a_stretch_runs_from_its_start_through_its_years(tmp_path):
    index = ingest_docs(tmp_path, {"玄武区2026年政府工作报告.txt": REPORT})
    # (the passage keeps its section's year, 2026, as every passage of the section does)
    assert _years(index, "低空飞行起降点") == [2026, 2027, 2028, 2029]
    assert _years(index, "老旧厂房改造") == [2026, 2027]
    assert _years(index, "具身智能中试") == [2026, 2028, 2029, 2030, 2031, 2032]


def test_a_stretch_already_spent_adds_no_years(tmp_path):
    index = ingest_docs(tmp_path, {"玄武区2026年政府工作报告.txt": REPORT})
    assert _years(index, "数据交易服务中心") == [2026]
    assert _years(index, "存储芯片上下游") == [2026]

"""A passage that opens on next year, and one that opens on the period ahead (session 31, h-blind31b).

- `明年，我局将…` in a summary signed in December 2025, and `明年东莞将出台…` in a story of November 2025, were filed
  under 2025 and 2026; a passage of one sentence opening on next year, in words or figures, speaks for it alone
  now.  `到2026年，…` is a target and still runs on from the text's year.
- `“十五五”期间，全市将…` in a 2025 report was 2025–2030: a passage opening on a period all after its text's
  years speaks for the period, as one opening on a period all before them does.
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

SUMMARY = """江阴市工业和信息化局2025年工作总结

今年以来，全市新增规上工业企业一百二十家。

明年，我局将聚焦集成电路封测和高端纺织两大产业，力争工业投资增长百分之八。

到2026年，全市智能工厂数量达到三十家。

江阴市工业和信息化局
2025年12月16日
"""

REPORT = """2025年赣州市政府工作报告

今年，全市将加快稀土永磁电机产业园建设。

“十五五”期间，全市将打造世界级稀土新材料产业集群，推动稀土深加工产值翻一番。
"""


def _years(index, anchor: str) -> list[int]:
    return jsonl("search", anchor, "--index", index)[0]["years"]


def test_next_year_and_the_period_ahead(tmp_path):
    index = ingest_docs(tmp_path, {"summary.txt": SUMMARY, "report.txt": REPORT})
    assert _years(index, "集成电路封测和高端纺织") == [2026]
    assert _years(index, "智能工厂数量达到三十家") == [2025, 2026]
    assert _years(index, "稀土永磁电机产业园") == [2025]
    assert _years(index, "世界级稀土新材料产业集群") == [2026, 2027, 2028, 2029, 2030]

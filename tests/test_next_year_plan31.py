"""A work summary's plan for next year (session 31).

- A heading naming the year after a one-year document's (二、2026年工作思路 in a 2025 summary) speaks for that year
  alone: its passages were filed under both years.
- Relative words under it count from the year the text is dated: 明年 in that section of a summary signed in
  December 2025 is 2026, not 2027.
- A heading that sets a target year (三、到2027年发展目标) runs on from the document's year, with no hole.
Through the CLI, on texts in our own words; the second summary is a held-out variant of the first."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

SUMMARY = """吴江区科技局2025年工作总结

一、2025年主要工作
今年以来，我局组织光电子企业申报研发项目二十三项，新认定高新技术企业四十家。

二、2026年工作思路
明年，我局将围绕光纤通信器件和激光芯片开展关键技术攻关，力争新增省级研发机构五家。
持续深化校企合作，推动科研成果就地转化。

三、到2027年发展目标
到2027年，全区光电子产业规模超过八百亿元。

吴江区科技局
2025年12月22日
"""

HELD_OUT = """# 海门区发展改革委2026年度工作总结

## 一、2026年工作回顾

这一年，全区新落地化合物半导体外延片项目三个，完成固定资产投资十二亿元。

## 二、2027年工作打算

明年全区将以碳化硅衬底为重点，引育配套企业十家以上。

做好重大项目要素保障，确保用地指标优先供给。

海门区发展改革委

2026年12月15日
"""

REPORT = """嘉善县2025年政府工作报告

一、2024年工作回顾
过去一年，全县数字经济核心产业增加值增长百分之十一。

二、2025年工作安排
今年要加快建设智能传感器产业园，推动十个重点项目开工。
"""


def _years(index, anchor: str) -> list[int]:
    return jsonl("search", anchor, "--index", index)[0]["years"]


def test_next_years_plan_section_speaks_for_that_year(tmp_path):
    index = ingest_docs(tmp_path, {"summary.txt": SUMMARY})
    assert _years(index, "新认定高新技术企业") == [2025]
    assert _years(index, "激光芯片开展关键技术攻关") == [2026]
    assert _years(index, "推动科研成果就地转化") == [2026]
    assert _years(index, "光电子产业规模超过八百亿元") == [2025, 2026, 2027]


def test_held_out_summary(tmp_path):
    index = ingest_docs(tmp_path, {"summary.md": HELD_OUT})
    assert _years(index, "外延片项目三个") == [2026]
    assert _years(index, "碳化硅衬底为重点") == [2027]
    assert _years(index, "用地指标优先供给") == [2027]


def test_a_reports_own_year_is_unchanged(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _years(index, "数字经济核心产业增加值") == [2024]
    assert _years(index, "智能传感器产业园") == [2025]

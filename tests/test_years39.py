"""Years of session 39's classes (h-blind39a), on texts in our own words, through the CLI.

- A stretch written `三年内` that sets a goal (`三年内力争…`, `力争3年内完成…`, `…，三年内实现…`) runs from the text's
  year through as many years (2024–2026 in a 2024 report); not a sanction's (`三年内不得申报`), nor a review's
  (`五年内，全县新增…` under 过去五年), nor the years just past (`近三年内`).
- Under a 2024 report's plan heading, a paragraph opening on `去年，` or `上年，` and naming no other year speaks for
  2023 alone, as one opening on `2023年，` does.
"""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

REPORT = """嵊州市2024年政府工作报告

——2024年1月12日在嵊州市第十七届人民代表大会第四次会议上

一、过去五年工作回顾

五年内，全市新增规上工业企业210家，电机产业集群年产值突破300亿元。

二、2024年主要任务

上年，全市研发经费投入强度达到2.9%，比上年提高0.3个百分点。

去年，全市高新技术产业投资增长21%，占工业投资比重提高到六成。

深入实施厨具电器产业倍增计划，三年内力争产业规模翻一番，今年新招引亿元以上项目25个。

三年内，推动经济开发区新增国家级专精特新企业10家以上。

加快老旧工业区改造，力争3年内完成城北片区土地腾退。

对虚报材料骗取扶持资金的企业，三年内不得申报市级产业扶持项目。

近三年内未发生重大安全事故的企业，可优先推荐参评市级智能工厂。
"""


def test_three_years_within_and_last_year_leads(tmp_path):
    index = ingest_docs(tmp_path, {"shengzhou.txt": REPORT})
    for needle in ("三年内力争产业规模翻一番", "推动经济开发区新增国家级", "力争3年内完成城北片区"):
        assert first_hit(index, needle)["years"] == [2024, 2025, 2026], needle
    assert first_hit(index, "三年内不得申报")["years"] == [2024]
    assert first_hit(index, "近三年内未发生")["years"] == [2024]
    assert 2024 not in first_hit(index, "全市新增规上工业企业210家")["years"]
    assert first_hit(index, "研发经费投入强度达到2.9%")["years"] == [2023]
    assert first_hit(index, "高新技术产业投资增长21%")["years"] == [2023]

"""A department's year-end work summary (session 31, h-blind31b).

- Its title line (…局2025年工作总结) did not end on a word titles end on, so the title fell to a later numbered
  heading (三、2026年工作计划), and the document's years to 2026.  A numbered heading is never the title now, and
  工作总结 ends a title.
- 工作总结 is a type of its own (…工作总结和2026年工作思路 too), never a notice asking for one.
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

SUMMARY = """常熟市商务局2025年工作总结
2025年，我局围绕开放型经济高质量发展，全年实际使用外资增长百分之九，外贸进出口总额突破两千亿元。
一、2025年主要工作成效
（一）招商引资成效明显。全年新引进外资项目八十个，其中集成电路项目十二个。
二、2026年工作计划
明年，我局将继续聚焦半导体和新能源产业链开展精准招商。
"""

NOTICE = "关于报送2025年工作总结的通知\n\n各科室：请于12月20日前报送本年度工作总结。\n"


def test_a_work_summary_keeps_its_title_type_and_year(tmp_path):
    index = ingest_docs(tmp_path, {"summary.txt": SUMMARY, "notice.txt": NOTICE})
    hit = jsonl("search", "外资项目八十个", "--index", index)[0]
    assert (hit["title"], hit["doc_type"], hit["years"]) == ("常熟市商务局2025年工作总结", "工作总结", [2025])
    assert jsonl("search", "报送本年度工作总结", "--index", index)[0]["doc_type"] == "通知"

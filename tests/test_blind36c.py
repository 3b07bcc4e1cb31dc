"""Classes from h-blind36c's first run (session 36, its clean held-out set), on texts in our own words, through the CLI.

- A numbered heading wrapped over two lines (`四、突破EDA` / `和Chiplet关键技术`; a PDF's `（一）推动GaN外延片和深紫外
  LED` / `芯片扩产`) is one passage: the heading stops on a Latin word, or the short line after it opens with a joining
  word, or the break cuts a word, and that line holds no stop of its own."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, make_pdf

PLAN = """某市第三代半导体产业发展工作方案

一、发展目标
到2027年，全市第三代半导体产业规模突破300亿元。
二、突破EDA
和Chiplet关键技术
支持设计企业建设EDA工具适配验证平台。
三、保障措施
加强组织领导。
"""


def test_a_numbered_heading_wrapped_over_two_lines_is_one_passage(tmp_path):
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "总结.pdf", [["某市第三代半导体产业链工作总结", "一、工作进展", "（一）推动GaN外延片和深紫外LED",
                                                "芯片扩产", "全年新增外延片产能每月2万片，深紫外芯片良率提高到92%。",
                                                "（二）完善产业生态", "新建公共检测平台1个。"]])
    index = ingest_docs(tmp_path, {"方案.txt": PLAN})
    assert first_hit(index, "突破EDA和Chiplet关键技术")["text"] == "二、突破EDA和Chiplet关键技术"
    assert first_hit(index, "深紫外LED芯片扩产")["text"] == "（一）推动GaN外延片和深紫外LED芯片扩产"
    assert first_hit(index, "支持设计企业建设EDA")["text"] == "支持设计企业建设EDA工具适配验证平台。"
    assert first_hit(index, "加强组织领导")["text"] == "加强组织领导。"

"""A markdown source's lines wrapped inside a sentence (session 28, h-formats28).

In markdown a line end inside a paragraph never ends it (CommonMark's soft break).  A writer who wraps Chinese prose
by hand wraps it anywhere, before a Latin word or between the digits of a number: `重点支持\\nSiC MOSFET、…推动车规级\\n
IGBT模块…。` was stored as three passages, since a line break inside a paragraph was joined only where the next line
ended the sentence.  Now the reader marks the source's line ends (models.WRAP) apart from the breaks a writer asks for
(two trailing spaces, <br>), and cleaning joins them inside a sentence; a heading, a label (目标：), a date line or a
table row still stands apart.  Through the CLI, on a file written here."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

_PLAN = """---
title: 镇江市功率半导体产业发展要点
date: 2025-02-10
---

重点支持
SiC MOSFET、GaN HEMT等功率器件研发，推动车规级
IGBT模块在新能源汽车中批量应用。

支持企业建设8英寸和12
英寸晶圆产线，建设公共
技术服务平台。

目标：
到2027年，全市功率半导体产业规模突破三百亿元。

一、组织保障
各区要明确责任分工。
"""


def test_a_sentence_wrapped_by_hand_is_one_passage(tmp_path):
    index = ingest_docs(tmp_path, {"plan.md": _PLAN})
    texts = [hit["text"] for hit in jsonl("search", "功率器件研发", "--index", index)]
    assert texts == ["重点支持SiC MOSFET、GaN HEMT等功率器件研发，推动车规级IGBT模块在新能源汽车中批量应用。"]
    texts = [hit["text"] for hit in jsonl("search", "12英寸晶圆", "--index", index)]
    assert texts == ["支持企业建设8英寸和12英寸晶圆产线，建设公共技术服务平台。"]


def test_a_label_or_heading_line_still_stands_apart(tmp_path):
    index = ingest_docs(tmp_path, {"plan.md": _PLAN})
    shown = jsonl("search", "规模突破三百亿元", "--index", index)[0]["text"]
    assert shown.startswith("到2027年") or shown.startswith("目标：")  # the label may lead its sentence, never a wrap
    assert jsonl("search", "明确责任分工", "--index", index)[0]["text"] == "各区要明确责任分工。"

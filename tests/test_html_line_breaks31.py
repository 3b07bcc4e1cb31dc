"""A web page's <br> inside a sentence (session 31, h-formats31).

`<p>支持方向包括8英寸<br>特色工艺生产线技术改造…。</p>` was two passages: a line break's line before was judged as
if it were the text's first block, a headline that nothing continues, whenever it held no comma.  It runs on now
into the line that ends its sentence; a label line (联系人：…) or a numbered heading before a <br> still stands
apart.  Through the CLI, on a page in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PAGE = """<html><head><meta charset="utf-8"><title>关于组织申报工业互联网平台项目的通知</title></head><body>
<div class="article"><h1>关于组织申报工业互联网平台项目的通知</h1>
<p>各区工业和信息化主管部门：现组织申报本年度工业互联网平台项目。</p>
<p>重点支持面向电子元器件行业的<br>设备联网和质量追溯平台建设。</p>
<p>申报企业应在本市依法注册<br>且近两年未发生重大安全生产事故。</p>
<p>一、支持方向<br>平台应覆盖不少于二十家上下游企业。</p>
<p>联系人：李四<br>联系电话：87654321</p>
</div></body></html>
"""


def test_a_line_break_inside_a_sentence_is_joined(tmp_path):
    index = ingest_docs(tmp_path, {"notice.html": PAGE})
    assert jsonl("search", "电子元器件行业的设备联网", "--index", index)[0]["text"] == "重点支持面向电子元器件行业的设备联网和质量追溯平台建设。"
    assert jsonl("search", "依法注册且近两年", "--index", index)[0]["text"].startswith("申报企业应在本市依法注册且")
    assert jsonl("search", "支持方向", "--index", index)[0]["text"] == "一、支持方向"
    assert jsonl("search", "李四", "--index", index)[0]["text"] == "联系人：李四"

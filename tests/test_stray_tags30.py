"""Text between a less-than and a greater-than sign is not a stray HTML tag (session 30; h-query30).

A .txt's stray tags (<p>, <br>, <span class="x">) go, as no reader rendered them.  The tag pattern took any text
up to the next `>` as a tag's attributes, so `电压<a 且 电流>b` lost `<a 且 电流>` from the passage: a search for
电流 did not find it.  Now a tag's attributes are as HTML writes them (name, name="value").  Through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

TEXT = """传感器测试规范

当电压<a 且 电流>b 时，判定为过载状态。

<p class="note">测试结果<b>合格</b>后方可出厂。</p>
"""


def test_comparison_signs_keep_the_text_between(tmp_path):
    index = ingest_docs(tmp_path, {"spec.txt": TEXT})
    hit = jsonl("search", "且电流", "--index", index)
    assert hit and "电压<a且电流>b" in hit[0]["text"].replace(" ", ""), hit


def test_real_stray_tags_still_go(tmp_path):
    index = ingest_docs(tmp_path, {"spec.txt": TEXT})
    assert jsonl("search", "测试结果合格", "--index", index)[0]["text"] == "测试结果合格后方可出厂。"

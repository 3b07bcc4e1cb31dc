"""Line breaks inside a sentence that no earlier rule joined: a block of a blank-line text wrapped at
a narrow width by itself, a <br> after a comma in markdown; and a front-matter title quoted with
YAML escapes.  Through the CLI, as a user searches across the break."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from icpolicy.text.clean import clean_text


def _cli(index: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *args, "--index", str(index)], capture_output=True, text=True, encoding="utf-8")


def _texts(index: Path, query: str) -> list[str]:
    done = _cli(index, "search", query, "-a", "-f", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(row)["text"] for row in done.stdout.splitlines()]


WRAPPED = """2026年青禾县政府工作报告

二、2026年重点任务

全县传感器产业营业收入力争突
破80亿元，新引进封装测试企业
6家，光电芯片产值年均增长两成
以上。

各位代表：

青禾县人民政府
"""


def test_a_narrow_block_wrapped_by_itself_reads_as_one_paragraph(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(WRAPPED, encoding="utf-8")
    (docs / "notes.md").write_text("---\ntitle: \"青禾县关于支持光电芯片发展的若干措施\\n（试行）\"\n---\n\n"
                                   "第一条 对新落户的光电芯片设计企业，<br>给予最高二百万元奖励。\n", encoding="utf-8")
    index = tmp_path / "idx"
    done = _cli(index, "ingest", str(docs))
    assert done.returncode == 0, done.stderr
    assert _texts(index, "营业收入力争突破80亿元，新引进封装测试企业6家") == [
        "全县传感器产业营业收入力争突破80亿元，新引进封装测试企业6家，光电芯片产值年均增长两成以上。"]
    assert _texts(index, "设计企业，给予最高二百万元")  # over the <br>
    listed = _cli(index, "docs", "-f", "jsonl")
    titles = {json.loads(row)["title"] for row in listed.stdout.splitlines()}
    assert "青禾县关于支持光电芯片发展的若干措施（试行）" in titles  # \n read as a line break, then joined


def test_lines_that_are_paragraphs_of_their_own_stay_apart():
    # a heading, a salutation ending in a colon, a signature, a list of unpunctuated items, and a line
    # wider than any wrap (a paragraph that lost its full stop)
    text = ("二、主要任务\n全县传感器产业营业收入力争突破80亿元。\n\n各镇人民政府，各有关部门：\n现将方案印发给你们，请认真贯彻执行。\n\n"
            "国务院总理某某某\n各位代表：\n\n加快建设光电芯片封装基地\n推动设计企业集聚发展壮大。\n\n"
            "一段完整的文字缺少句末标点却很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长\n"
            "下一段落另起一行并以句号结束。\n")
    assert clean_text(text).split("\n") == [
        "二、主要任务", "全县传感器产业营业收入力争突破80亿元。", "各镇人民政府，各有关部门：", "现将方案印发给你们，请认真贯彻执行。",
        "国务院总理某某某", "各位代表：", "加快建设光电芯片封装基地", "推动设计企业集聚发展壮大。",
        "一段完整的文字缺少句末标点却很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长",
        "下一段落另起一行并以句号结束。"]


def test_a_text_without_blank_lines_keeps_a_line_a_paragraph():
    text = "加快建设光电芯片封装基地项目\n推动设计企业集聚发展壮大。\n"
    assert clean_text(text).split("\n") == ["加快建设光电芯片封装基地项目", "推动设计企业集聚发展壮大。"]

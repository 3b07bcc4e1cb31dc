"""A short line cut inside a sentence where no width shows it (session 26, h-formats25 F1).

A text that sets its paragraphs apart with blank lines, with one line break inside a block, or a paragraph with a
manual line break (Word's Shift+Enter, HTML <br>): the break was joined only when it cut a dictionary word of three
characters or more.  `…晶圆级封\n装中试…` and `…，围绕高端芯片\n和基础软件…` stayed two passages, and a hit showed half a
sentence.  Now the break is a wrap when the next line ends the sentence and the break cuts a word of two characters
or more, or the line before holds a clause mark, or the next line opens with a word no sentence opens with
(data/cleaning.toml joining_start).  Titles, headings, signatures and date lines still stand apart, and so does a
text's line of its own in a text without blank lines.  Documents in our own words, ingested and searched with the CLI."""

from __future__ import annotations

import pytest

from icpolicy.text import clean
from tests.conftest import ingest_docs, jsonl, make_pdf

SPACED = """\
关于支持本市光电子器件产业发展的通知

各区县人民政府，市有关部门：

市工业和信息化局统筹推进硅光芯片封
装测试平台建设，对购置关键设备的企业给予补助。

鼓励龙头企业牵头组建创新联合体，围绕激光雷达
和光通信模块开展协同攻关。

支持高校建设光电子学院
及其配套实训基地，每年培养专业人才五百名。

推动光电子产业高质量发展
全市上下要形成合力，确保各项措施落地见效。

某某市人民政府
2025年6月18日
"""


def test_a_break_inside_a_spaced_block_is_a_wrap(tmp_path):
    index = ingest_docs(tmp_path, {"optics.txt": SPACED})
    for sentence in ("市工业和信息化局统筹推进硅光芯片封装测试平台建设，对购置关键设备的企业给予补助。",
                     "鼓励龙头企业牵头组建创新联合体，围绕激光雷达和光通信模块开展协同攻关。",
                     "支持高校建设光电子学院及其配套实训基地，每年培养专业人才五百名。"):
        hits = jsonl("search", sentence[8:20], "--index", index)
        assert [h["text"] for h in hits] == [sentence]


def test_what_stands_apart_still_does():
    paragraphs = [p.text for p in clean.clean(SPACED)]
    assert "推动光电子产业高质量发展" in paragraphs  # an unnumbered heading over its text: no clause mark, no cut word
    assert paragraphs[-2:] == ["某某市人民政府", "2025年6月18日"]
    assert paragraphs[0] == "关于支持本市光电子器件产业发展的通知"
    unspaced = SPACED.replace("\n\n", "\n")  # a text of one paragraph a line: its lines are its paragraphs
    assert "鼓励龙头企业牵头组建创新联合体，围绕激光雷达" in [p.text for p in clean.clean(unspaced)]


@pytest.mark.parametrize("left, right", [("统筹推进硅光芯片封", "装测试平台建设，给予补助。"), ("牵头组建创新联合体，围绕激光雷达", "和光通信模块开展协同攻关。")])
def test_a_manual_line_break_inside_a_word_paragraph_is_a_wrap(tmp_path, left, right):
    import docx

    document = docx.Document()
    document.add_paragraph("某某市光电子产业若干措施")
    para = document.add_paragraph(left)
    para.add_run().add_break()
    para.add_run(right)
    document.add_paragraph("本措施自印发之日起施行。")
    document.save(str(tmp_path / "measures.docx"))
    from icpolicy import readers

    raw, _ = readers.read(tmp_path / "measures.docx")
    assert left + right in [p.text for p in clean.clean(raw.text, raw.layout)]


def test_a_web_page_br_before_a_conjunction_is_a_wrap():
    from icpolicy.readers.html import page_to_raw

    page = ("<html><head><meta charset='utf-8'><title>某某区光电子产业通知</title></head><body><h1>某某区光电子产业通知</h1>"
            "<p>支持企业建设激光器芯片中试线<br>以及配套的可靠性测试实验室。</p><p>一、支持方向为光模块。<br>二、申报截止时间为十月八日。</p></body></html>")
    raw = page_to_raw(page, "utf-8")
    paragraphs = [p.text for p in clean.clean(raw.text, raw.layout)]
    assert "支持企业建设激光器芯片中试线以及配套的可靠性测试实验室。" in paragraphs
    assert "一、支持方向为光模块。" in paragraphs and "二、申报截止时间为十月八日。" in paragraphs


def test_a_speech_s_salutation_opens_a_paragraph(tmp_path):
    """`各位代表：` right under a report's delivery line (a PDF's lines, or a markdown or Word copy without a blank line
    between them) opened no paragraph: `——2024年1月在某某市…会议上各位代表：` was one passage (h-blind26, and 14 test
    documents of earlier rounds).  It opens one now, in every layout."""
    lines = ["2024年某某市政府工作报告", "——2024年1月16日在某某市第十七届人民代表大会第三次会议上", "各位代表：",
             "现在，我代表市人民政府，向大会报告工作，请予审议。"]
    assert [p.text for p in clean.clean("\n".join(lines) + "\n", "rendered")] == lines
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "report.pdf", [lines])
    index = ingest_docs(tmp_path)
    assert [h["text"] for h in jsonl("search", "各位代表", "--index", index)] == ["各位代表："]

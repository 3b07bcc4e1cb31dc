"""A PDF work report whose title, its subtitle naming where it was delivered and the issuing government under it are all
set large (session 41, h-blind41c): the three lines ran together as the title (`政府工作报告——2025年1月20日在…会议上
安徽省人民政府`).  A large line never runs on into a subtitle opening with a dash, nor does such a subtitle ending
`…会议上` run on into the line under it.  A real PDF written for this test (reportlab), read through the CLI."""

from __future__ import annotations

from tests.conftest import PDF_FONT, ingest_drawn, jsonl, pdf_canvas


def _pdf(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont(PDF_FONT, 16)
    pdf.drawString(250, 760, "政府工作报告")
    pdf.drawString(72, 730, "——2025年1月20日在安徽省第十四届人民代表大会第三次会议上")
    pdf.drawString(240, 700, "安徽省人民政府")
    pdf.setFont(PDF_FONT, 13)
    lines = ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。", "一、2024年工作回顾",
             "过去一年，全省集成电路产业营收增长18%，新型显示产业集群入选国家先进", "制造业集群名单。"]
    y = 660
    for line in lines:
        pdf.drawString(70, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()


def test_a_large_title_stands_apart_from_its_subtitle_and_issuer(tmp_path):
    index = ingest_drawn(tmp_path, "report.pdf", _pdf)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "政府工作报告"
    assert found["region"] == "安徽省"
    assert 2025 in found["years"]

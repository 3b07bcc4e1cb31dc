"""A PDF's title set large, wider than the body, never runs on into the body type under it (session 28, h-blind28d).

A centred title in 16 pt reaches past the body's right margin, so it looked like a full line that wraps: the title,
the issuer-and-number line under it and the addressees were one paragraph, and the document's title was all three.
Now a line set larger than the body continues only into a line of its own size (a wrapped title).  A real PDF written
for this test (reportlab), read through the CLI."""

from __future__ import annotations

from tests.conftest import PDF_FONT, draw_lines, ingest_drawn, jsonl, pdf_canvas


def _pdf(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont(PDF_FONT, 16)
    pdf.drawString(110, 760, "关于加快低空经济和无人机产业发展的实施意见")
    pdf.setFont(PDF_FONT, 13)
    pdf.drawString(70, 704, "台州市黄岩区经济和信息化局　黄经信〔2025〕9号")
    lines = ["各街道、镇，区直各单位：", "为推动我区低空经济集聚发展，打造无人机整机和零部件",
             "制造基地，结合黄岩区实际，制定本实施意见。", "一、支持企业建设无人机试飞场，对建成投用的给予补助",
             "一百万元。", "台州市黄岩区经济和信息化局　2025年3月6日"]
    draw_lines(pdf, lines, 70, 648, 44)
    pdf.showPage()
    pdf.save()


def test_a_large_title_stands_apart_from_the_line_under_it(tmp_path):
    index = ingest_drawn(tmp_path, "opinion.pdf", _pdf)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "关于加快低空经济和无人机产业发展的实施意见"
    assert found["doc_number"] == "黄经信〔2025〕9号"

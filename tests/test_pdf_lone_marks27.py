"""Quotation marks a PDF draws apart from their line (session 27, h-blind27c).

A word processor draws “ and ” from another font when its CJK font lacks them, a little lower and larger than the
words: pdfminer then sets them apart, as lines of their own, or hands them to the wrong line (the title above).  The
paragraph `“十四五”时期，…引领高质量发 / 展，…` was cut at the mark: `高质量发展` could not be found, and the period
cue was lost, so the paragraph's years were the report's.  Now a lone mark goes back into the line it stands in or
beside, by its place, and a line's characters read left to right (pdf._marks_put_back).  A real PDF written for this
test (reportlab), read and searched through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_drawn, jsonl, pdf_canvas


def _pdf(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont("STSong-Light", 14)
    pdf.drawString(72, 780, "某某市2026年政府工作报告")
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(84, 740, "十四五 时期，全市坚持以新质生产力引领高质量发")
    pdf.setFont("Helvetica", 16)  # the marks from another font, lower and larger
    pdf.drawString(72, 738, "\u201c")
    pdf.drawString(120, 738, "\u201d")
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 720, "展，经济总量稳步迈上新台阶，先进封装产业规模翻番。")
    pdf.showPage()
    pdf.save()


def test_a_mark_drawn_apart_goes_back_into_its_line(tmp_path):
    index = ingest_drawn(tmp_path, "report.pdf", _pdf)
    hits = jsonl("search", "高质量发展", "--index", index)
    assert len(hits) == 1 and "先进封装产业规模翻番" in hits[0]["text"]
    assert hits[0]["years"] == [2021, 2022, 2023, 2024, 2025]  # “十四五”时期，… in a 2026 report: the period
    title = jsonl("search", "政府工作报告", "--index", index)[0]["text"]
    assert "”" not in title and "“" not in title

"""A PDF line whose start is drawn after the rest of it reads in order (session 30; h-blind30h).

LibreOffice draws a line's words in runs; where a run of figures meets a quotation mark on the line (…完成投资260亿元；
…共建“光谷宜), it may draw the line's start (资260) after its rest.  pdfminer gives the two as separate lines, so
the start was read after the line's end (…共建“光谷宜资 260 / 昌产业园”…) and a search for 光谷宜昌产业园 or
投资260亿元 found nothing.  Now a piece that goes on the same run of text on the same baseline joins its line; a
table's next cell, standing apart by more than the line's own spacing, does not.  Through the CLI, on PDFs drawn
here the same way."""

from __future__ import annotations

from tests.conftest import PDF_FONT, ingest_drawn, jsonl, pdf_canvas


def _out_of_order(path) -> None:
    pdf, size = pdf_canvas(path), 12
    width = pdf.stringWidth
    pdf.setFont(PDF_FONT, size)
    pdf.drawString(72, 760, "项目建设提速提效。全年实施亿元以上项目120个，完成投")
    start = "资260"
    x = 72 + width("资", PDF_FONT, size) + width("260", "Helvetica", size) + 2
    pdf.drawString(x, 740, "亿元；主动对接武汉光谷，共建“光谷宜")  # the rest of the line first …
    pdf.drawString(72, 740, start[0])  # … then its start: a character, and figures in a Latin font
    pdf.setFont("Helvetica", size)
    pdf.drawString(72 + width("资", PDF_FONT, size), 740, start[1:])
    pdf.setFont(PDF_FONT, size)
    pdf.drawString(72, 720, "昌产业园”，承接光电子配套项目6个。")
    pdf.showPage()
    pdf.save()


def test_a_line_drawn_out_of_order_reads_in_order(tmp_path):
    index = ingest_drawn(tmp_path, "brief.pdf", _out_of_order)
    assert jsonl("search", "光谷宜昌产业园", "--index", index), "the phrase across the line's two runs is not found"
    hit = jsonl("search", "投资260亿元", "--index", index)
    assert hit and "完成投资260亿元；主动对接" in hit[0]["text"].replace(" ", "")


def _table(path) -> None:
    pdf, size = pdf_canvas(path), 12
    pdf.setFont(PDF_FONT, size)
    cell = "按流片费用给予补助"
    # a table row whose next cell starts 1.5 pt after the first one's text, drawn first (as a table's cells come)
    pdf.drawString(72 + pdf.stringWidth(cell, PDF_FONT, size) + 1.5, 760, "市工业和信息化局")
    pdf.drawString(72, 760, cell)
    pdf.drawString(72, 740, "流片补助")
    pdf.showPage()
    pdf.save()


def test_a_table_cell_beside_another_stays_apart(tmp_path):
    index = ingest_drawn(tmp_path, "table.pdf", _table)
    hit = jsonl("search", "按流片费用", "--index", index)
    assert hit and "补助市工业" not in hit[0]["text"], hit[0]["text"]

"""A note mark that pdfminer sets apart with the rest of its line (session 28, h-formats28).

A note cited by a small raised digit (`…统筹安排¹。加强…`), drawn by itself and the rest of the line after it, came out
of pdfminer as two lines on one baseline: the paragraph was cut at the mark, which stayed in the text (`1。加强…`),
and `统筹安排。加强` could not be found.  Now a piece opening on a note mark right where a line ends joins it
(pdf._pieces_joined), and the mark goes as any note mark does.  A real PDF written for this test (reportlab), read
and searched through the CLI."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from tests.conftest import PDF_FONT, ingest_drawn, jsonl, pdf_canvas


def _pdf(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont(PDF_FONT, 16)
    pdf.drawString(150, 780, "江门市新型储能产业扶持办法")
    pdf.setFont(PDF_FONT, 12)
    pdf.drawString(96, 740, "对新建储能电池产线的企业，按设备投资额的百分之十给予补助，单个")
    first = "项目最高不超过三千万元，所需资金由市财政统筹安排"
    pdf.drawString(72, 720, first)
    pdf.drawString(72, 700, "对通过安全评估的电站给予运营补贴。")
    pdf.setFont(PDF_FONT, 9)
    pdf.drawString(72, 100, "1 补助资金按年度预算安排。")
    # the note mark, small and raised, and the rest of its line, drawn last (as a writer adds a note)
    x = 72 + pdfmetrics.stringWidth(first, PDF_FONT, 12)
    pdf.setFont(PDF_FONT, 7)
    pdf.drawString(x, 725, "1")
    pdf.setFont(PDF_FONT, 12)
    pdf.drawString(x + pdfmetrics.stringWidth("1", PDF_FONT, 7) + 0.5, 720, "。加强储能安全管理，")
    pdf.showPage()
    pdf.save()


def test_a_note_mark_set_apart_with_the_rest_of_its_line_goes(tmp_path):
    index = ingest_drawn(tmp_path, "measures.pdf", _pdf)
    hits = jsonl("search", "统筹安排。加强储能安全管理", "--index", index)
    assert len(hits) == 1 and "给予运营补贴" in hits[0]["text"] and "安排1" not in hits[0]["text"]

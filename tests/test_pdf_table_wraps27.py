"""A PDF table whose row wraps in two cells at once (session 27, h-formats27 F1).

When both cells of a row wrap, their second lines stand at one height with white between, like a row: they were
read as a row of their own, so `国家级专精特新小巨人企业 | 新增十五家，累计达到四十` and `数量 | 家` cut words in
two (`累计达到四十家` could not be found).  Now a line right under a row, each of its cells under a cell whose line is
full, is that row's wrap (pdf_regions._without_wrapped_rows); a row's number (12 over 13) never wraps.  A real PDF
written for this test (reportlab: cells drawn line by line, as a word processor sets them), searched through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_drawn, jsonl, pdf_canvas

ROWS = [  # (number, label lines, target lines): the label column holds 9 characters a line, the target one 8
    ("1", ["集成电路设计业销"], ["突破九百亿元"]),
    ("2", ["封装测试业营业收", "入"], ["达到六百五十亿", "元，年均增长百分", "之十二"]),
    ("12", ["车规芯片通过认证"], ["新增六十款以上"]),
    ("13", ["先进封装产品出货", "量"], ["年出货超过四十亿", "颗"]),
]


def _table_pdf(path) -> None:
    pdf = pdf_canvas(path)
    y = 780
    pdf.drawString(72, y, "某某市集成电路产业主要发展指标")
    y -= 30
    for x, text in ((72, "序号"), (120, "指标"), (260, "目标")):
        pdf.drawString(x, y, text)
    y -= 18
    for number, label, target in ROWS:
        pdf.drawString(72, y, number)
        for k in range(max(len(label), len(target))):
            if k < len(label):
                pdf.drawString(120, y - 18 * k, label[k])
            if k < len(target):
                pdf.drawString(260, y - 18 * k, target[k])
        y -= 18 * max(len(label), len(target))
    pdf.showPage()
    pdf.save()


def test_a_row_wrapping_in_two_cells_reads_whole(tmp_path):
    index = ingest_drawn(tmp_path, "targets.pdf", _table_pdf)
    for phrase in ("封装测试业营业收入", "达到六百五十亿元，年均增长百分之十二", "先进封装产品出货量", "年出货超过四十亿颗"):
        hits = jsonl("search", phrase, "--index", index)
        assert len(hits) == 1, phrase
    assert "13 | 先进封装产品出货量 | 年出货超过四十亿颗" in jsonl("search", "先进封装产品出货量", "--index", index)[0]["text"]
    twelve = jsonl("search", "车规芯片通过认证", "--index", index)[0]["text"]
    assert "12 | 车规芯片通过认证 | 新增六十款以上" in twelve and "13" not in twelve

"""PDF pages that are not one column of running text: a table is read row by row (a row's label and its
figures in one line, a cell wrapped onto a second line kept in its cell), a list whose numbers stand apart
from the items reads as numbered lines that wrap on, and two columns whose gutter lies at a fractional
position are still read column by column.  PDFs of our own (reportlab), through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy

pytest.importorskip("reportlab")

BODY = "为加快建设化合物半导体产业集群，现将本市重点指标分解如下，各区各部门要按照职责分工抓好落实。"
ROWS = [("指标名称", "2025年基数", "2028年目标"), ("碳化硅衬底产能（万片）", "36", "90"),
        ("氮化镓外延片营收（亿元）", "12.5", "40"), ("规上企业数量（家）", "18", "35")]


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def _table_pdf(path, widths, wrap: bool) -> None:
    """A heading, a paragraph and a ruled table (platypus draws its cells column by column)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _fonts()
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK")
    cells = [[Paragraph(text, style) if wrap else text for text in row] for row in ROWS]
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 11), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [Paragraph("东川市化合物半导体产业发展三年行动计划", ParagraphStyle("t", parent=style, fontSize=16, leading=24)),
             Paragraph(BODY, style), table, Paragraph("本计划自印发之日起施行。", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _titled_canvas(path, x: float, title: str):
    """A reportlab canvas with a 16 pt title at (x, 780), set for 11 pt body text."""
    from reportlab.pdfgen import canvas

    _fonts()
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(x, 780, title)
    pdf.setFont("STSong-Light", 11)
    return pdf


def _numbered_pdf(path) -> None:
    """Items whose numbers stand apart (as a Word list's tab leaves them), an item wrapping onto a second line."""
    pdf = _titled_canvas(path, 110, "东川市关于推进功率器件产业链协同的工作要点")
    pdf.drawString(72, 740, "现就今年重点工作安排如下：")
    items = [("1.", ["支持整车企业与本地功率器件企业签订长期采购协议，对首年采购额超过一亿元", "的给予采购方奖励。"]),
             ("2.", ["建设车规级可靠性验证平台。"]), ("3.", ["组织产业链上下游开展季度对接活动。"])]
    y = 716
    for number, parts in items:
        pdf.drawString(72, y, number)
        for part in parts:
            pdf.drawString(110, y, part)  # (the number's white is wider than pdfminer's char_margin: two lines)
            y -= 20
    pdf.showPage()
    pdf.save()


LEFT = ("第一条　为支持本区传感器企业做大做强，结合本区实际，制定本措施。第二条　对首次认定的专精特新企业，"
        "一次性给予三十万元奖励。第三条　对企业购置的研发设备，按实际支出的百分之十五")
RIGHT = ("给予补助，单家企业每年最高二百万元。第四条　对企业参与制定的国际标准，每项奖励五十万元。"
         "第五条　本措施自二〇二六年七月一日起施行，有效期三年。")


def _fractional_columns_pdf(path) -> None:
    """Two filled columns of text, the right one starting at a fractional x, a narrow gutter."""
    pdf = _titled_canvas(path, 120, "某区关于支持传感器产业发展的若干措施")
    width = 20
    for x, text in ((72.0, LEFT), (307.6, RIGHT)):
        y = 740
        for k in range(0, len(text), width):
            pdf.drawString(x, y, text[k:k + width])
            y -= 18
    pdf.showPage()
    pdf.save()


def _ingest(tmp_path, make, name):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    make(docs / name)
    done = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert done.returncode == 0, done.err
    listed = json.loads(icpolicy("docs", "-a", "-f", "json", "--index", tmp_path / "ix", home=tmp_path).out)["documents"]
    shown = json.loads(icpolicy("show", listed[0]["doc_id"], "-f", "json", "--index", tmp_path / "ix", home=tmp_path).out)
    return "\n".join(p["text"] for p in shown["passages"])


def _search(tmp_path, query):
    done = icpolicy("search", query, "-a", "-f", "jsonl", "--index", tmp_path / "ix", home=tmp_path)
    return [json.loads(line)["text"] for line in done.out.splitlines()]


@pytest.mark.parametrize("wrap", [False, True], ids=["one-line cells", "wrapped cells"])
def test_a_table_reads_row_by_row(tmp_path, wrap):
    # narrow: the longer labels wrap inside their cells, and the shortest sits a cell's padding from its figure,
    # close enough that pdfminer sets both in one line (parted again at the white).  A label that fills its cell
    # to the edge runs into its figure: no white tells them apart, a case this does not handle.
    widths = [120, 90, 90] if wrap else [190, 90, 90]
    text = _ingest(tmp_path, lambda p: _table_pdf(p, widths, wrap), "指标.pdf")
    for label, base, target in ROWS[1:]:
        assert f"{label} | {base} | {target}" in text, (label, text)
    assert _search(tmp_path, '"氮化镓外延片营收（亿元） | 12.5 | 40"')
    assert BODY in text and "本计划自印发之日起施行。" in text


def test_numbers_set_apart_from_list_items_stay_with_them(tmp_path):
    text = _ingest(tmp_path, _numbered_pdf, "要点.pdf")
    assert "1. 支持整车企业与本地功率器件企业签订长期采购协议，对首年采购额超过一亿元的给予采购方奖励。" in text, text
    assert "2. 建设车规级可靠性验证平台。" in text and "3. 组织产业链上下游开展季度对接活动。" in text
    assert _search(tmp_path, "超过一亿元的给予采购方奖励")


def test_two_columns_with_a_fractional_gutter_read_column_by_column(tmp_path):
    text = _ingest(tmp_path, _fractional_columns_pdf, "措施.pdf")
    for term in ("按实际支出的百分之十五给予补助", "第二条　对首次认定的专精特新企业", "每项奖励五十万元"):
        assert _search(tmp_path, term), (term, text)

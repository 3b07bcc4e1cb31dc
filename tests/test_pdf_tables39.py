"""An office-made PDF's table whose rows wrap in every cell (h-blind39b, session 39), drawn in our own words.

- A deadline cell of five characters that wraps (`2025—` over `2026年`): a row's wrapped lines were taken for a row of
  their own, since a cell under so narrow a line was read as the next row's number; a narrow line ending on a mark that
  goes on (a dash, 至, 、, ，) has wrapped.
- Two cells that pdfminer sets in one line, the first reaching within an em of the next (`凉州区黄羊镇园区 建设碳纤维…`):
  the line is parted where a column of the table starts (other rows' cells start there), so that the row's wrapped
  line finds the cell it runs on from.
- A heading in larger type set close under the table (`四、保障措施`) is no wrapped line of the last row's cell.
"""

from __future__ import annotations

from tests.conftest import first_hit, ingest_drawn, pdf_canvas

COLUMNS = (74, 104, 230, 332, 490)  # 12 pt type: a name of nine characters ends 1.5 ems before the place


def _draw(path):
    pdf = pdf_canvas(path)
    y = 800
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(110, y, "河西走廊新材料产业重点项目推进方案")
    y -= 40
    pdf.drawString(74, y, "三、重点项目")
    pdf.setFont("STSong-Light", 12)
    y -= 30
    for x, text in zip(COLUMNS, ("序号", "项目名称", "建设地点", "建设内容", "建设期限")):
        pdf.drawString(x, y, text)
    rows = [
        (("1", "张掖光伏硅料提纯项", "甘州区", "建设多晶硅提纯线两条，配", "2025—"), ("", "目", "", "套尾气回收装置", "2026年")),
        (("2", "武威碳基新材料中试", "凉州区黄羊镇园区", "建设碳纤维原丝生产线，年", "2026—"), ("", "基地", "", "产能三千吨", "2027年")),
        (("3", "金昌镍钴电池材料扩", "金川区", "新增三元前驱体产能两万吨", "2025—"), ("", "能工程", "", "", "2027年")),
    ]
    for first, wrapped in rows:
        y -= 20
        for x, text in zip(COLUMNS, first):
            pdf.drawString(x, y, text)
        y -= 14  # set solid: the wrapped line two points of white under the first
        for x, text in zip(COLUMNS, wrapped):
            if text:
                pdf.drawString(x, y, text)
    pdf.setFont("STSong-Light", 16)
    y -= 24
    pdf.drawString(74, y, "四、保障措施")
    pdf.setFont("STSong-Light", 12)
    y -= 30
    pdf.drawString(98, y, "各市要建立项目调度机制，每季度报送进展情况。")
    pdf.drawString(290, 40, "— 2 —")
    pdf.showPage()
    pdf.save()


def test_rows_wrapping_in_every_cell_are_one_row_each(tmp_path):
    index = ingest_drawn(tmp_path, "plan.pdf", _draw)
    row = first_hit(index, "光伏硅料提纯项目")
    assert row["text"] == "1 | 张掖光伏硅料提纯项目 | 甘州区 | 建设多晶硅提纯线两条，配套尾气回收装置 | 2025—2026年"
    assert row["years"] == [2025, 2026]
    row = first_hit(index, "碳基新材料中试基地")
    assert row["text"] == "2 | 武威碳基新材料中试基地 | 凉州区黄羊镇园区 | 建设碳纤维原丝生产线，年产能三千吨 | 2026—2027年"
    assert first_hit(index, "电池材料扩能工程")["text"].startswith("3 | 金昌镍钴电池材料扩能工程 | 金川区 | ")
    assert first_hit(index, "保障措施")["text"] == "四、保障措施"


def _draw_dashes(path):
    """A statistics table whose row of no figures is dashes (— in each cell), the widest label over a row of figures."""
    pdf = pdf_canvas(path)
    y = 780
    pdf.drawString(74, y, "附表：主要指标完成情况")
    columns = (74, 300, 380, 460)
    rows = [("指标", "2023年", "2024年", "2025年"), ("规上制造业企业研发经费投入强度", "—", "—", "—"),
            ("专精特新小巨人企业（家）", "12", "15", "20"), ("集成电路产业营收（亿元）", "80", "96", "120")]
    for row in rows:
        y -= 16  # 12 pt type on a 16 pt pitch: four points of white between rows
        for x, text in zip(columns, row):
            pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()


def test_a_row_of_dashes_takes_no_row_under_it(tmp_path):
    """h-review39: a cell of a dash alone (no figure) was read as a cell that goes on, so the row under it was joined to it."""
    index = ingest_drawn(tmp_path, "table.pdf", _draw_dashes)
    assert first_hit(index, "小巨人企业")["text"] == "专精特新小巨人企业（家） | 12 | 15 | 20"
    assert first_hit(index, "研发经费投入强度")["text"] == "规上制造业企业研发经费投入强度 | — | — | —"

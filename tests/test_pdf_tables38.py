"""An office-made PDF's task table and short paragraphs (h-blind38b, session 38), on a PDF drawn in our own words.

- A table set at double spacing: a task cell that wraps puts its next line more than an em of white under the first
  (LibreOffice's 1.5–2× line spacing), and was a passage of its own ("体完工"), its row keeping the first line only.
  (Not drawn here: a full cell's text ending closer than an em to the next cell, `12 英寸特色工艺产|光谷…`, made its row
  no row, and a table whose rows all but its header are set so close no table; pdfminer sets such cells of a
  reportlab page in one line.  Checked on h-blind38b's LibreOffice PDFs.)
- A plan of short paragraphs, two lines each: their first lines' indent outnumbered the margin their second lines
  return to, so the indent was taken for the margin and every paragraph was cut after its first line.
"""

from __future__ import annotations

from tests.conftest import first_hit, ingest_drawn, pdf_canvas

EM = 12


def _draw_plan(path):
    pdf = pdf_canvas(path)
    y = 800
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(110, y, "青山区电子材料产业培育工作方案（2025—2027年）")
    pdf.setFont("STSong-Light", 12)
    y -= 40
    paragraphs = [
        ("一、工作目标", None),
        ("到2027年，全区电子材料产业营业收入达到300亿元，培育十亿级", "企业5家，电子特气和湿化学品产业链基本形成。"),
        ("二、重点任务", None),
        ("（一）壮大电子特气。依托化工园区建设电子特气产业基地，推动高纯", "氨和高纯氯化氢项目投产。"),
        ("（二）发展湿化学品。建设电子级硫酸和双氧水生产线，推动产品进入", "晶圆厂供应链。"),
        ("（三）完善配套服务。建设电子材料检测中心，为企业提供纯度检测和", "认证服务。"),
    ]
    for first, second in paragraphs:
        pdf.drawString(72 + 2 * EM, y, first)  # the first line indented two ems
        y -= 30
        if second:
            pdf.drawString(72, y, second)  # the second back at the margin
            y -= 30
    y -= 10
    pdf.drawString(72 + 2 * EM, y, "三、年度任务")
    y -= 40
    columns = (74, 180, 314, 430)
    pdf.drawString(columns[0], y, "序号")
    pdf.drawString(columns[1], y, "任务内容")
    pdf.drawString(columns[2], y, "责任单位")
    pdf.drawString(columns[3], y, "完成时限")
    rows = [("1", "电子特气基地一期主", "体完工投产", "化工园区管委会", "2025年底"),
            ("2", "12英寸晶圆用电子级硫", "酸产线投产", "区工业和信息化局", "2026年6月"),
            ("3", "电子材料检测中心建", "成运营", "区市场监管局", "2027年")]
    for number, task, wrapped, unit, due in rows:
        y -= 34
        pdf.drawString(columns[0], y, number)
        pdf.drawString(columns[1], y, task)
        pdf.drawString(columns[2], y, unit)
        pdf.drawString(columns[3], y, due)
        y -= 24.4  # the wrapped line, 12.4 pt of white under the first (more than an em)
        pdf.drawString(columns[1], y, wrapped)
    pdf.drawString(290, 40, "— 1 —")
    pdf.showPage()
    pdf.save()


def test_short_indented_paragraphs_and_a_double_spaced_table_with_wrapped_cells(tmp_path):
    index = ingest_drawn(tmp_path, "plan.pdf", _draw_plan)
    assert first_hit(index, "推动高纯")["text"].endswith("氨和高纯氯化氢项目投产。")
    assert first_hit(index, "进入")["text"].endswith("晶圆厂供应链。")
    row = first_hit(index, "电子特气基地一期")
    assert row["text"] == "1 | 电子特气基地一期主体完工投产 | 化工园区管委会 | 2025年底" and row["years"] == [2025]
    row = first_hit(index, "电子级硫")  # its task cell reaches within an em of the next cell
    assert row["text"] == "2 | 12英寸晶圆用电子级硫酸产线投产 | 区工业和信息化局 | 2026年6月" and row["years"] == [2026]
    assert first_hit(index, "检测中心建")["text"].startswith("3 | 电子材料检测中心建成运营 | ")


def _draw_split_number(path):
    """A paragraph under a heading set solid whose second line is the page's last: 年均增长2 / 0%以上 at the wrap."""
    pdf = pdf_canvas(path)
    body = "全市集成电路产业保持较快增长，设计、制造、封装测试协同发展，产业生态持续完善，重点企业加快集聚，创新能力显著增强。" * 3
    y = 780
    pdf.drawString(96, y, body[:34])  # a paragraph of three lines sets the page's margin and line spacing
    for k in range(2):
        y -= 27
        pdf.drawString(72, y, body[34 + 36 * k: 70 + 36 * k])
    y -= 40
    pdf.drawString(96, y, "二、发展目标")
    y -= 15  # the heading set solid over its paragraph
    pdf.drawString(96, y, "到2030年，全市电子材料和集成电路配套产业规模突破600亿元，年均增长2")  # to the margin
    y -= 27
    pdf.drawString(72, y, "0%以上；培育营收超过五十亿元的龙头企业三家、超过十亿元的骨干企业十五家；")
    pdf.drawString(290, 40, "— 1 —")
    pdf.showPage()
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 780, "建成国家级创新平台两个以上。")
    pdf.drawString(96, 753, "三、重点任务")
    pdf.drawString(290, 40, "— 2 —")
    pdf.showPage()
    pdf.save()


def test_a_paragraph_under_a_heading_set_solid_is_not_cut_at_its_pages_last_line(tmp_path):
    index = ingest_drawn(tmp_path, "plan.pdf", _draw_split_number)
    hit = first_hit(index, "年均增长")
    assert "年均增长20%以上" in hit["text"] and hit["text"].endswith("建成国家级创新平台两个以上。"), hit["text"]

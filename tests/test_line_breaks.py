"""Line breaks inside a sentence, in the two places a reader cannot tell them from paragraph ends:
a short plain text hard-wrapped at a fixed width (too few lines to measure shares of), and a
manual line break (Shift+Enter, w:br) inside a Word paragraph.  A hit's text must hold what it
matched, and the paragraphs that do end stay apart."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl, make_docx
from icpolicy.text import clean


WRAPPED = """\
晋中市促进氢能装备制造业发展的若干措施
为加快氢燃料电池电堆和储氢瓶等装备的研发与制造，带动上下游企业集聚，结合本市实
际，制定如下措施。一、到2026年，全市氢能装备产值力争突破一百二十亿元，建成加氢站
十二座。二、对新建的燃料电池双极板生产线，按设备投资额的百分之十给予补助。
晋中市人民政府
2024年5月20日
"""


def test_a_short_hard_wrapped_text_is_reflowed(tmp_path):
    index = ingest_docs(tmp_path, {"jz.txt": WRAPPED})
    for term in ("结合本市实际", "建成加氢站十二座"):
        hits = jsonl("search", term, "--index", index)
        assert len(hits) == 1, term
        (start, end), = hits[0]["highlights"]
        assert hits[0]["text"][start:end] == term
    paragraphs = [p.text for p in clean.clean(WRAPPED)]
    assert paragraphs[0] == "晋中市促进氢能装备制造业发展的若干措施"
    assert paragraphs[-2:] == ["晋中市人民政府", "2024年5月20日"]


def test_a_short_text_of_paragraphs_is_left_as_it_is():
    text = """\
关于组织申报二〇二五年度智能传感器专项资金的通知
各区科技主管部门，各有关单位
为支持微机电系统传感器设计和晶圆级封装能力建设，现将有关事项通知如下。
一、申报对象为在本市注册的传感器设计、制造和封测企业
二、申报材料于六月三十日前报送，逾期不予受理，联系人王工，电话八六六一二三四
市科学技术局
"""
    lines = [line for line in text.splitlines() if line]
    assert [p.text for p in clean.clean(text)] == lines


def test_two_headings_of_one_width_are_not_a_wrap():
    text = "智能网联汽车道路测试与示范应用管理实施细则\n第一章　总则\n为规范智能网联汽车道路测试，保障道路交通安全，制定本细则。\n第二章　测试主体、驾驶人及车辆\n"
    assert len(clean.clean(text)) == 4


def test_a_manual_line_break_inside_a_word_paragraph(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("鹤壁市关于支持北斗卫星导航产业发展的通知")
    para = document.add_paragraph("各有关企业：为推动高精度定位芯片研发，申报单位须提交高精度定位")
    para.add_run().add_break()  # Shift+Enter in the middle of a word
    para.add_run("模组测试报告和近三年财务审计报告。")
    listed = document.add_paragraph("一、支持方向为北斗短报文终端。")
    listed.add_run().add_break()  # after a sentence's end: the next line stays its own passage
    listed.add_run("二、申报截止时间为九月三十日。")
    (tmp_path / "docs").mkdir()
    document.save(str(tmp_path / "docs" / "hb.docx"))
    index = ingest_docs(tmp_path)
    hits = jsonl("search", "高精度定位模组测试报告", "--index", index)
    assert len(hits) == 1
    (start, end), = hits[0]["highlights"]
    assert hits[0]["text"][start:end] == "高精度定位模组测试报告"
    assert [h["text"] for h in jsonl("search", "截止时间", "--index", index)] == ["二、申报截止时间为九月三十日。"]


def test_a_word_paragraph_without_breaks_reads_as_before(tmp_path):
    path = make_docx(tmp_path / "plain.docx", ["毕节市数字经济发展三年行动方案", "一、发展目标。到2027年数字经济核心产业增加值翻一番。"])
    from icpolicy import readers

    raw, _ = readers.read(path)
    assert [p.text for p in clean.clean(raw.text, raw.layout)] == ["毕节市数字经济发展三年行动方案", "一、发展目标。到2027年数字经济核心产业增加值翻一番。"]


PAGE = """<html><head><meta charset="utf-8"><title>三亚市关于支持商业航天发射配套产业的通知</title></head><body>
<div class="crumb">首页 &gt; 政策文件</div>
<h1>三亚市关于支持商业航天发射配套产业的通知</h1>
<p>各有关单位：为推动火箭总装测试能力建设，申报单位须提交液体火箭发动机<br>试车台验收报告和近三年纳税证明。</p>
<p>一、支持方向为卫星载荷集成。<br>二、申报截止时间为十月八日。</p>
<p>—— 完 ——<br>责任编辑：周某<br>来源：市工业和信息化局</p>
</body></html>"""


def test_a_line_break_inside_a_web_page_paragraph(tmp_path):
    from icpolicy.readers.html import page_to_raw

    raw = page_to_raw(PAGE, "utf-8")
    paragraphs = [p.text for p in clean.clean(raw.text, raw.layout)]
    assert "各有关单位：为推动火箭总装测试能力建设，申报单位须提交液体火箭发动机试车台验收报告和近三年纳税证明。" in paragraphs
    assert "一、支持方向为卫星载荷集成。" in paragraphs and "二、申报截止时间为十月八日。" in paragraphs
    assert paragraphs[-2:] == ["——完——", "来源：市工业和信息化局"]  # a byline's lines stay apart (责任编辑 goes as page chrome)


def test_a_plain_line_break_that_cuts_a_word_is_joined():
    text = "漯河市2026年工作要点\n\n把食品装备和集成\n电路作为重点产业，加快发展。\n一、总体要求\n坚持创新驱动。\n"
    paragraphs = [p.text for p in clean.clean(text)]
    assert "把食品装备和集成电路作为重点产业，加快发展。" in paragraphs
    assert "一、总体要求" in paragraphs and "坚持创新驱动。" in paragraphs  # a heading stays apart


def test_a_markdown_soft_break_inside_a_paragraph(tmp_path):
    from icpolicy.readers.markdown import markdown_to_raw

    raw = markdown_to_raw("# 合肥市新型显示产业通知\n\n合肥市支持Mini\nLED背光产线建设，推动显示驱动芯\n片量产。\n\n合肥市人民政府  \n2026年3月1日\n", "utf-8")
    paragraphs = [p.text for p in clean.clean(raw.text, raw.layout)]
    assert "合肥市支持Mini LED背光产线建设，推动显示驱动芯片量产。" in paragraphs
    assert paragraphs[-2:] == ["合肥市人民政府", "2026年3月1日"]  # a hard break before a date line stays


def test_a_word_carriage_return_inside_a_paragraph(tmp_path):
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("济南市2025年工作方案")
    para = document.add_paragraph()
    para.add_run("鼓励晶圆级封装")
    para.runs[0]._r.append(OxmlElement("w:cr"))
    para.add_run("测试企业扩大先进产能。")
    document.save(str(tmp_path / "cr.docx"))
    from icpolicy import readers

    raw, _ = readers.read(tmp_path / "cr.docx")
    assert "鼓励晶圆级封装测试企业扩大先进产能。" in [p.text for p in clean.clean(raw.text, raw.layout)]

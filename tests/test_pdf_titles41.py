"""A PDF work report whose title, its subtitle naming where it was delivered and the issuing government under it are all
set large (session 41, h-blind41c): the three lines ran together as the title (`政府工作报告——2025年1月20日在…会议上
安徽省人民政府`).  A large line never runs on into a subtitle opening with a dash, nor does such a subtitle ending
`…会议上` run on into the line under it.  A real PDF written for this test (reportlab), read through the CLI."""

from __future__ import annotations

from tests.conftest import PDF_FONT, draw_lines, ingest_drawn, jsonl, pdf_canvas


def _pdf(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont(PDF_FONT, 16)
    pdf.drawString(250, 760, "政府工作报告")
    pdf.drawString(72, 730, "——2025年1月20日在安徽省第十四届人民代表大会第三次会议上")
    pdf.drawString(240, 700, "安徽省人民政府")
    pdf.setFont(PDF_FONT, 13)
    lines = ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。", "一、2024年工作回顾",
             "过去一年，全省集成电路产业营收增长18%，新型显示产业集群入选国家先进", "制造业集群名单。"]
    draw_lines(pdf, lines, 70, 660, 22)
    pdf.showPage()
    pdf.save()


def test_a_large_title_stands_apart_from_its_subtitle_and_issuer(tmp_path):
    index = ingest_drawn(tmp_path, "report.pdf", _pdf)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "政府工作报告"
    assert found["region"] == "安徽省"
    assert 2025 in found["years"]


def _notice(path) -> None:
    body = ["各省、自治区、直辖市工业和信息化主管部门：",
            "经地方推荐、专家评审和网上公示，确定江苏省无锡市等8个地区为传感器中试验证平台建设单位，现将有关事项通知",
            "如下。请各地加强组织保障，统筹资金、场地和人才等要素，推动平台尽快建成并投入使用，面向中小企业开放共享。",
            "一、建设目标", "通过两年左右的建设，在试点地区建成一批面向中小企业开放共享的中试验证公共服务平台，降低企业",
            "研发成本，缩短产品上市周期，形成可复制可推广的经验做法。"]
    pdf = pdf_canvas(path)
    for page in range(2):
        pdf.setFont(PDF_FONT, 9)
        pdf.drawString(252, 790, "工业和信息化部办公厅")
        if page == 0:
            pdf.setFont(PDF_FONT, 14)
            pdf.drawString(96, 758, "工业和信息化部办公厅关于公布2025年度传感器中试验证")
            pdf.drawString(190, 735, "平台建设单位名单的通知")
            pdf.drawString(212, 712, "工信厅科函〔2025〕88号")
        pdf.setFont(PDF_FONT, 12)
        draw_lines(pdf, body, 72, 690, 22.8)
        pdf.drawString(285, 40, f"— {page + 1} —")
        pdf.showPage()
    pdf.save()


def test_a_large_title_ending_as_a_title_stands_apart_from_the_document_number_set_as_large(tmp_path):
    """(h-blind41d) The number line under a two-line title, set in the title's size, ran on into it: the title was cut
    short, the 文号 began with the title's end, and the notice was typed news of 多地."""
    index = ingest_drawn(tmp_path, "notice.pdf", _notice)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "工业和信息化部办公厅关于公布2025年度传感器中试验证平台建设单位名单的通知"
    assert found["doc_number"] == "工信厅科函〔2025〕88号"
    assert found["doc_type"] == "通知" and found["region"] == "全国"


def _report(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont(PDF_FONT, 16)
    pdf.drawString(110, 760, "关于安徽省2024年国民经济和社会发展计划")
    pdf.drawString(150, 736, "执行情况与2025年计划草案的报告")
    pdf.setFont(PDF_FONT, 12)
    draw_lines(pdf, ("各位代表：", "受省人民政府委托，现将全省2024年计划执行情况与2025年计划草案提请审议。", "一、2024年计划执行情况",
                     "2024年，全省集成电路产业营收增长18%，新型显示产业集群加快壮大。"), 72, 700, 22)
    pdf.showPage()
    pdf.save()


def test_an_open_about_title_over_two_large_lines_stays_whole(tmp_path):
    """(h-review41 1) A 关于 title is open until its 的…: its first line ending on a title word (…计划) runs on."""
    index = ingest_drawn(tmp_path, "report.pdf", _report)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "关于安徽省2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
    assert found["doc_type"] == "报告" and found["years"] == [2024, 2025]

"""A header set small at the top of a later page, that no other page repeats (a two-page text has
it on its second page only): it must not land inside the sentence running across the page break.
A small label at a page's top that no sentence runs through stays text."""

from __future__ import annotations

from icpolicy import readers
from tests.conftest import pdf_canvas


def _two_pages(path, first_ends: str, top_of_second: str):
    pdf = pdf_canvas(path)
    body = ["马鞍山市关于支持高端装备零部件产业发展的若干措施",
            "为加快精密轴承和液压件产业集聚，提升配套能力，结合本市实际",
            "，制定以下措施。一、对新引进的精密轴承制造企业，按其设备",
            "投资额给予补助，最高不超过五百万元。二、支持企业联合高校开",
            first_ends]
    y = 760
    for line in body:
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(72, y, line)
        y -= 22
    pdf.showPage()
    pdf.setFont("STSong-Light", 9)
    pdf.drawString(72, 800, top_of_second)
    pdf.setFont("STSong-Light", 12)
    y = 760
    for line in ["化铸造成形工艺攻关，对通过验收的项目给予奖励。", "三、本措施自印发之日起施行。"]:
        pdf.drawString(72, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()
    return path


def test_a_header_only_the_second_page_has_leaves_the_sentence_whole(tmp_path):
    raw, _ = readers.read(_two_pages(tmp_path / "mas.pdf", "展轴承钢材料和零件热处理、表面强化等共性技术研究，推进数字", "马鞍山市高端装备零部件产业若干措施"))
    assert "推进数字化铸造成形工艺攻关" in raw.text
    assert "马鞍山市高端装备零部件产业若干措施" not in raw.text


def test_a_small_label_after_a_finished_sentence_stays(tmp_path):
    raw, _ = readers.read(_two_pages(tmp_path / "mas2.pdf", "展共性技术研究。", "图1  零部件企业数量"))
    assert "图1" in raw.text and "零部件企业数量" in raw.text

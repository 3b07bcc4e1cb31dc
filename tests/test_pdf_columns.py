"""A page set in two columns of text is read column by column: a sentence that runs down the left column and
on at the top of the right one reads whole, and no line of one column is spliced into the other's."""

from __future__ import annotations

import json

from tests.clirun import icpolicy
from tests.conftest import pdf_canvas

LEFT = ("第一条　为促进本区光电子产业集聚发展，结合本区实际，制定本办法。第二条　对新落户的光电子企业，"
        "按其实际到位投资额的百分之五给予落户奖励，单个企业最高不超过八百万元。第三条　对企业新建的中试线，按设备投资额")
RIGHT = ("的百分之十给予补助。第四条　对企业引进的领军人才，给予最高一百万元的安家补贴，并优先安排人才公寓。"
         "第五条　本办法自二〇二六年三月一日起施行，有效期三年，由区经济发展局负责解释。")


def _two_column_pdf(path):
    pdf = pdf_canvas(path)
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(120, 780, "某区关于促进光电子产业发展的若干办法")
    pdf.setFont("STSong-Light", 11)
    width = 18  # characters a column line holds: both columns filled to the same width
    for x, text in ((72, LEFT), (318, RIGHT)):
        y = 740
        for k in range(0, len(text), width):
            pdf.drawString(x, y, text[k:k + width])
            y -= 18
    pdf.drawString(290, 40, "— 1 —")
    pdf.showPage()
    pdf.save()


def test_a_two_column_page_reads_column_by_column(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _two_column_pdf(docs / "两栏.pdf")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path).returncode == 0
    # the sentence that runs from the foot of the left column to the top of the right one
    for term in ("按设备投资额的百分之十给予补助", "第二条　对新落户的光电子企业", "有效期三年，由区经济发展局负责解释"):
        found = icpolicy("search", term, "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
        assert found.returncode == 0, term
        hits = json.loads(found.out)["hits"]
        assert hits and "— 1 —" not in hits[0]["text"], term

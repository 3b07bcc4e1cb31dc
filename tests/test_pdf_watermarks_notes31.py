"""PDF watermarks and note marks (session 31, h-formats31).

- A watermark set aslant across the page (内部资料 at 35°, large and light) broke lines apart and interleaved two
  paragraphs, and one tiled in small light type over the text (仅供内部参考 ×n) was read into the words it
  covered (氮化内部资料严禁外传镓): phrases on those lines could not be found.  Glyphs set aslant are no text now, nor
  is a light phrase tiled over a page; light text written once (a grey note) stays.
- A raised note mark after a Latin word (NAND Flash①产能) or written with 注 (专项注2的) stayed in the sentence.
Drawn with reportlab in our own words, read through the CLI."""

from __future__ import annotations

from tests.conftest import PDF_FONT, cli, ingest_drawn, jsonl, pdf_canvas

BODY = [
    "一、支持企业建设十二英寸硅片再生利用产线，按设备投资额的百分之十五给予补助，",
    "单个项目最高补助两千万元。",
    "二、推动电子特气企业与晶圆厂组建联合实验室，缩短国产材料导入验证周期。",
    "三、建立首批次材料应用风险补偿机制，对首次进入主流产线的材料给予保费补贴。",
]


def _aslant(path):
    pdf = pdf_canvas(path)
    y = 780
    for line in BODY:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.saveState()
    pdf.setFillColorRGB(0.85, 0.85, 0.85)
    pdf.setFont(PDF_FONT, 56)
    pdf.translate(150, 560)
    pdf.rotate(35)
    pdf.drawString(0, 0, "内部资料")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()


def _tiled(path):
    pdf = pdf_canvas(path)
    pdf.setFillColorRGB(0.88, 0.88, 0.88)
    pdf.setFont(PDF_FONT, 9)
    for row in range(8):
        for column in range(5):
            pdf.drawString(40 + column * 110, 800 - row * 22 - 4, "仅供内部参考")
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont(PDF_FONT, 12)
    y = 800
    for line in BODY:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.setFillColorRGB(0.6, 0.6, 0.6)
    pdf.drawString(60, y - 22, "注：本页数据来源于市统计部门年度快报。")
    pdf.showPage()
    pdf.save()


def _noted(path):
    pdf = pdf_canvas(path)
    text = pdf.beginText(60, 780)
    for before, mark, after in (("一、支持存储企业扩大NAND Flash", "①", "产能，对新建产线给予补助。"),
                                ("二、对承担国家科技重大专项", "注2", "的存储芯片项目给予一比一配套支持。")):
        text.setFont(PDF_FONT, 12)
        text.textOut(before)
        text.setFont(PDF_FONT, 7)  # the note mark: small and raised
        text.setRise(5)
        text.textOut(mark)
        text.setRise(0)
        text.setFont(PDF_FONT, 12)
        text.textLine(after)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()


def test_an_aslant_watermark_is_no_text(tmp_path):
    index = ingest_drawn(tmp_path, "aslant.pdf", _aslant)
    assert jsonl("search", "按设备投资额的百分之十五给予补助，单个项目最高补助两千万元", "--index", index)
    assert jsonl("search", "组建联合实验室", "--index", index)
    assert cli("search", "内部资料", "--index", index).returncode == 1


def test_a_tiled_light_phrase_is_no_text_but_a_grey_note_is(tmp_path):
    index = ingest_drawn(tmp_path, "tiled.pdf", _tiled)
    assert jsonl("search", "硅片再生利用产线", "--index", index)
    assert jsonl("search", "首批次材料应用风险补偿机制", "--index", index)
    assert cli("search", "仅供内部参考", "--index", index).returncode == 1
    assert jsonl("search", "市统计部门年度快报", "--index", index)


def test_raised_note_marks_leave_the_sentence(tmp_path):
    index = ingest_drawn(tmp_path, "noted.pdf", _noted)
    assert jsonl("search", "NAND Flash产能", "--index", index)
    assert jsonl("search", "重大专项的存储芯片项目", "--index", index)

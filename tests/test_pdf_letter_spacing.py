"""A justified PDF line stretched by letter spacing: pdfminer reads a space into every gap, which
split numbers (到2 0 2 6年, 1 2 0 0亿元) and gave wrong targets.  The gaps of the line's own letter
spacing are no spaces; a table's columns stay apart."""

from __future__ import annotations

from icpolicy import readers
from tests.conftest import ingest_docs, jsonl, pdf_canvas


def _justified_pdf(path, lines, spaced=True):
    pdf = pdf_canvas(path)
    y = 780
    for line in lines:
        text = pdf.beginText(72, y)
        text.setFont("STSong-Light", 12)
        if spaced:
            text.setCharSpace(2.4)  # what justification adds between every two characters
        text.textOut(line)
        pdf.drawText(text)
        y -= 24
    label = pdf.beginText(72, y)  # a table row: a letter-spaced label, then single digits a column apart
    label.setFont("STSong-Light", 12)
    label.setCharSpace(2.4 if spaced else 0)
    label.textOut("本年度合计")
    pdf.drawText(label)
    pdf.setFont("STSong-Light", 12)
    end = 72 + 5 * 12 + (4 * 2.4 if spaced else 0)
    for k, cell in enumerate("749"):
        pdf.drawString(end + 9 + k * 14, y, cell)  # 8 points between digits: no letter spacing, less than a line break
    pdf.showPage()
    pdf.save()
    return path


LINES = ["芜湖市人民政府关于加快功率半导体产业发展的实施意见",
         "到2027年，全市功率半导体产业营业收入力争突破1200亿元，",
         "建成8英寸碳化硅晶圆生产线3条，培育上市企业15家。"]


def test_letter_spaced_numbers_read_whole(tmp_path):
    raw, _ = readers.read(_justified_pdf(tmp_path / "wh.pdf", LINES))
    assert "到2027年" in raw.text and "突破1200亿元" in raw.text and "8英寸" in raw.text and "3条" in raw.text
    row = next(line for line in raw.text.splitlines() if line.startswith("本年度"))
    assert row.replace("本年度 合 计", "本年度合计").split()[-3:] == ["7", "4", "9"], row


def test_an_unspaced_line_reads_as_before(tmp_path):
    raw, _ = readers.read(_justified_pdf(tmp_path / "plain.pdf", LINES, spaced=False))
    assert "到2027年，全市功率半导体产业营业收入力争突破1200亿元，" in raw.text


def test_the_target_of_a_letter_spaced_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _justified_pdf(docs / "wh.pdf", LINES)
    found = jsonl("targets", "营业收入", "--index", ingest_docs(tmp_path))
    assert any(t["value"] == 1200 and t["unit"] == "亿元" and t["year"] == 2027 for t in found), found

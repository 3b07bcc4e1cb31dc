"""Readers, session 44, on documents in our own words, through the CLI.

- A .doc that LibreOffice itself wrote from a .docx ending on a table (an attached list, as notices end) came back from
  LibreOffice's import with that table as one line of every cell's text run together: no row kept its place or years. The table is read from the .doc's own text stream (cell marks and row ends) and put back, a row a
  line; the rest of the text is LibreOffice's, as before.
- A two-column PDF page under a title set large across both columns: the title's width was taken for the page's right
  edge, so no line of the left column reached it and each line was a passage of its own (a sentence cut in three;
  AND and same-sentence searches missed it). A line set large sets no edge.
- A plain text's table set with tabs (an attached project list, a row a line) ran into one passage with its tabs
  gone (`…坪山区50002鹏锐…`), every row filed under the text's city: each row is a line of cells now, and keeps the
  district its 所在地 cell names.
- A markdown ordered list's numbers (`1. 中试平台…`) were dropped from its items' text; they are kept as the text's
  own numbering (`1.中试平台…`), with a space before an item that opens on a digit (`2. 2025年…`, no `2.2025`).
"""

from __future__ import annotations

import subprocess

import docx
import pytest

from icpolicy.readers import office
from tests.conftest import cli, jsonl, passage_finder, pdf_canvas

ROWS = [("序号", "项目", "所在地", "建设期"),
        ("1", "功率芯片模块封装线", "安徽省滁州市南谯区", "2025—2026"),
        ("2", "硅基传感器研发中心", "安徽省马鞍山市当涂县", "2026—2027"),
        ("3", "电子特气提纯工厂", "安徽省铜陵市义安区", "2024—2025")]


def _table_doc(folder, tmp_path) -> None:
    """A .doc made by LibreOffice from a .docx (python-docx) of two paragraphs and the table it ends on."""
    work = tmp_path / "make"
    work.mkdir()
    document = docx.Document()
    document.add_paragraph("安徽省经济和信息化厅关于下达2025年半导体重点项目清单的通知")
    document.add_paragraph("各市经济和信息化局：现将2025年半导体重点项目清单印发给你们，请抓好推进。")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for row, values in zip(table.rows, ROWS):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(work / "list.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to",
                    "doc", "--outdir", str(work), str(work / "list.docx")], check=True, capture_output=True, timeout=180)
    (folder / "list.doc").write_bytes((work / "list.doc").read_bytes())


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed")
def test_a_doc_table_libreoffice_runs_together_is_read_a_row_a_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _table_doc(docs, tmp_path)
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    index = str(tmp_path / "ix")
    row = passage_finder(index, "的 OR 要 OR 区 OR 县 OR 序号")
    for number, project, place, period in ROWS[1:]:
        found = row("list", f"{number} | {project} | {place} | {period}")
        first, last = (int(year) for year in period.split("—"))
        assert "/".join(found["region_path"]) == place.replace("省", "省/", 1).replace("市", "市/", 1)
        assert found["years"] == list(range(first, last + 1))
    assert any(h["text"].startswith("各市经济和信息化局") for h in jsonl("search", "请抓好推进", "--index", index))


PARAGRAPHS = ["2025年，临湖新区电子信息产业实现营业收入三百二十亿元，同比增长百分之十一点四，占全区工业比重提高到百分之二十六。",
              "集成电路设计领域，新区集聚设计企业六十余家，全年流片数量同比增长一倍，两家企业进入科创板上市辅导。",
              "下一步，新区将建设化合物半导体中试平台，开放应用场景二十个，推动芯片企业与整机企业联合攻关。",
              "在要素保障方面，新区新增工业用地八百亩，建设标准厂房三十万平方米，并对重点企业用电实行价格优惠。"]


def _two_columns_under_a_wide_title(path) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(100, 740, "临湖新区电子信息产业发展报告（2025年）")
    pdf.setFont("STSong-Light", 12)
    width = 16  # characters a column line holds; a paragraph's first line is indented two
    for x, paragraphs in ((72, PARAGRAPHS[:2]), (310, PARAGRAPHS[2:])):
        y = 690
        for text in paragraphs:
            lines = [text[:width - 2]] + [text[k:k + width] for k in range(width - 2, len(text), width)]
            for n, line in enumerate(lines):
                pdf.drawString(x + (24 if n == 0 else 0), y, line)
                y -= 22
    pdf.drawString(290, 40, "— 1 —")
    pdf.showPage()
    pdf.save()


def test_two_columns_under_a_wide_title_read_a_paragraph_a_passage(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _two_columns_under_a_wide_title(docs / "columns.pdf")
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 0
    index = str(tmp_path / "ix")
    for text in PARAGRAPHS:
        hits = jsonl("search", f'"{text[:10]}"', "--index", index)
        assert len(hits) == 1 and hits[0]["text"] == text, text
    done = cli("search", "同比增长百分之十一点四 提高到百分之二十六", "--same-sentence", "--index", index)
    assert done.returncode == 0, done.stdout


TABBED = """东莞市工业和信息化局关于2025年半导体技改项目的公示

经企业申报、镇街推荐和专家评审，拟支持以下项目。

一、\t申报对象
二、\t支持方式

序号\t项目名称\t所在地\t拟支持金额（万元）
1\t功率模块封装线智能化改造项目\t松山湖\t800
2\t晶圆测试设备扩产项目\t长安镇\t650
3\t电子级清洗剂产线升级项目\t塘厦镇\t420

公示期为2025年9月1日至9月7日。
"""


def test_a_tab_set_table_in_plain_text_is_read_a_row_a_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tabbed.txt").write_text(TABBED, encoding="utf-8")
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 0
    hits = jsonl("search", "项目", "--index", str(tmp_path / "ix"), "--all")
    rows = {h["text"] for h in hits if h["text"][:1].isdigit()}
    assert rows == {"1 | 功率模块封装线智能化改造项目 | 松山湖 | 800", "2 | 晶圆测试设备扩产项目 | 长安镇 | 650",
                    "3 | 电子级清洗剂产线升级项目 | 塘厦镇 | 420"}, rows
    # an item's label set off by a tab (一、\t申报对象) is no table's row (h-review44)
    assert not any(" | " in h["text"] for h in jsonl("search", "申报对象 OR 支持方式", "--index", str(tmp_path / "ix")))


LISTED = """# 嘉定区中试平台建设要点

1. 中试平台应具备晶圆级封装验证能力。
2. 2025年底前建成可靠性测试实验室。
"""


def test_a_markdown_ordered_lists_numbers_are_kept(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "listed.md").write_text(LISTED, encoding="utf-8")
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 0
    texts = {h["text"] for h in jsonl("search", "中试平台 OR 实验室", "--index", str(tmp_path / "ix"), "--all")}
    assert "1.中试平台应具备晶圆级封装验证能力。" in texts and "2. 2025年底前建成可靠性测试实验室。" in texts, texts

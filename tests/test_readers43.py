"""Inputs as offices publish them, session 43 (h-user43), on documents in our own words, through the CLI.

- A PDF set on a fixed grid (every character in a cell of one pitch, as layouts snapped to a grid place them) put a
  half-width digit or letter in a full cell: pdfminer read the cell's rest as a space (`达到3 2 0亿元`, `M O S F E T`), and
  the targets view took `3 2` for a metric and 0 for the value.  A line whose half-width characters advance by the
  ideographs' pitch reads them whole; a word space (two cells) stays.
- A plan whose period is stated only in its body as `计划期为…` or `行动期为…` (not only `实施期为…`) speaks for it.
- A table-laid page's menu cell (`<td class="topnav">`) is site navigation, as a `nav` class is.
"""

from __future__ import annotations

import os

from tests.conftest import cli, ingest_docs, ingest_drawn, jsonl, pdf_canvas


def _grid_pdf(path, lines, pitch: float = 14.0) -> None:
    pdf = pdf_canvas(path)
    pdf.setFont("STSong-Light", 14)
    y = 780
    for line in lines:
        x = 60.0
        for ch in line:
            pdf.drawString(x, y, ch)
            x += pitch
        y -= 24
    pdf.showPage()
    pdf.save()


def test_a_pdf_set_on_a_grid_reads_its_figures_and_words_whole(tmp_path):
    lines = ["南通市功率半导体产业提升行动方案", "到2027年，全市营业收入达到320亿元，", "同比增长18.5%，重点发展碳化硅MOSFET和",
             "SiC MOSFET模块，最高补助1500万元。"]
    index = ingest_drawn(tmp_path, "grid.pdf", lambda path: _grid_pdf(path, lines))
    hit = jsonl("search", "营业收入", "--index", index)[0]
    assert "到2027年，全市营业收入达到320亿元，同比增长18.5%，重点发展碳化硅MOSFET和SiC MOSFET模块，最高补助1500万元。" in hit["text"]
    rows = jsonl("targets", "--index", index)
    assert {(row["metric"], row["value"], row["unit"]) for row in rows} >= {("营业收入", 320, "亿元"), ("营业收入", 18.5, "%")}


def test_a_plan_period_stated_as_jihuaqi_or_xingdongqi_is_the_documents(tmp_path):
    index = ingest_docs(tmp_path, {
        "a.txt": "盐城市传感器产业培育计划\n\n为培育壮大全市传感器产业，制定本计划，计划期为2024年至2026年。\n\n重点培育传感器设计企业。\n",
        "b.txt": "泰州市集成电路产业攻坚方案\n\n为加快全市集成电路产业发展，制定本方案，本方案行动期为2025年至2027年。\n\n重点支持封测项目。\n"})
    years = {row["source"].rsplit("/", 1)[-1]: row["years"] for row in jsonl("docs", "--index", index)}
    assert years == {"a.txt": [2024, 2025, 2026], "b.txt": [2025, 2026, 2027]}


def test_a_table_laid_pages_menu_cell_is_navigation(tmp_path):
    page = ('<html><head><meta charset="utf-8"><title>扬中市关于支持电子元器件产业发展的意见</title></head><body><table>'
            '<tr><td class="topnav"><a href="/">网站首页</a> <a href="/a">机构概况</a> <a href="/b">政策文件</a></td></tr>'
            '<tr><td class="zw">一、到2025年，全市电子元器件产业营业收入达到八十亿元。<br>二、对新引进的元器件企业给予用地支持。</td></tr>'
            '</table></body></html>')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.htm").write_text(page, encoding="utf-8")
    index = ingest_docs(tmp_path)
    assert cli("search", "政策文件 OR 网站首页", "--index", index).returncode == 1
    assert jsonl("search", "元器件企业", "--index", index)


def test_a_proportional_pdfs_spaced_letters_and_figures_keep_their_spaces(tmp_path):
    """(h-review43 4) Single letters or figures a word space apart in type set proportionally are no grid."""
    def draw(path):
        pdf = pdf_canvas(path)
        y = 760
        for tokens in (["评级结果分为", "A", "B", "C", "D", "四档，"], ["两项指标分别为", "8", "9", "分。"]):
            x = 60.0
            for token in tokens:
                pdf.setFont("Helvetica" if token.isascii() else "STSong-Light", 12)
                pdf.drawString(x, y, token)
                x += pdf.stringWidth(token, "Helvetica" if token.isascii() else "STSong-Light", 12) + 0.35 * 12
            y -= 24
        pdf.showPage()
        pdf.save()
    index = ingest_drawn(tmp_path, "ratings.pdf", draw)
    text = jsonl("search", "评级结果", "--index", index)[0]["text"]
    assert "A B C D" in text and "8 9分" in text, text


def test_the_count_line_names_the_files_skipped_unread_so_the_summary_adds_up(tmp_path):
    """(h-user43 7) A file skipped before any reading (a named pipe) was in the summary's skipped but not in the count
    line."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(8):
        (docs / f"n{k}.txt").write_text(f"绍兴市集成电路产业第{k}号通报\n\n今年全市新增集成电路项目{k + 1}个。\n", encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 1, done.stderr  # (a file skipped: exit 1, as documented)
    assert "indexing 8 files" in done.stderr and "1 other file skipped unread" in done.stderr, done.stderr
    assert "indexed 8 files" in done.stderr and "1 skipped" in done.stderr, done.stderr

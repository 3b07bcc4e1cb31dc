"""A .docx table cell whose phrase is broken over two lines (session 31, h-formats31).

A cell holding `线宽小于65nm` / `的制造企业` (a line break, or two paragraphs) made its row three passages, so a
search for the whole phrase found only a piece and highlighted half of it.  In a data table's row a cell line that
stops inside a phrase runs on into the next; lines that end a sentence, list items and headings stay apart, and a
one-cell layout table keeps its paragraphs.  Through the CLI, on a document in our own words."""

from __future__ import annotations

from tests.conftest import ingest_drawn, jsonl


def _draw(path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于开展软件企业认定工作的通知")
    grid = document.add_table(rows=3, cols=2)
    grid.cell(0, 0).text = "类别"
    grid.cell(0, 1).text = "条件"
    grid.cell(1, 0).text = "嵌入式软件"
    run = grid.cell(1, 0).paragraphs[0].add_run()
    run.add_break()
    run.add_text("开发企业")
    grid.cell(1, 1).text = "研发人员占比"
    grid.cell(1, 1).add_paragraph("不低于百分之二十五")
    grid.cell(2, 0).text = "基础软件企业"
    grid.cell(2, 1).text = "1、拥有自主操作系统"
    grid.cell(2, 1).add_paragraph("2、近两年营收增长")
    layout = document.add_table(rows=1, cols=1)
    layout.cell(0, 0).text = "一、申报材料"
    layout.cell(0, 0).add_paragraph("企业应提交营业执照和审计报告。")
    document.save(str(path))


def test_a_wrapped_cell_keeps_its_row_whole(tmp_path):
    index = ingest_drawn(tmp_path, "notice.docx", _draw)
    assert jsonl("search", "嵌入式软件开发企业", "--index", index)[0]["text"] == "嵌入式软件开发企业 | 研发人员占比不低于百分之二十五"
    items = jsonl("search", "拥有自主操作系统", "--index", index)[0]["text"]
    assert "2、近两年营收增长" not in items  # list items in a cell stay apart
    assert jsonl("search", "申报材料", "--index", index)[0]["text"] == "一、申报材料"

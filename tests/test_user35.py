"""h-user35's review (session 35), through the CLI, on documents in our own words.

- A PDF line that ends early inside a word (`…，第三代半` / `导体产业规模达到50亿元。`) is joined to the next: the
  passage, its snippet and the targets view read the whole word (a chart's figures a line each stay apart)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl, make_pdf

LINES = ["某市人民政府关于印发某市2025年集成电路产业行动计划的通知",
         "一、发展目标",
         "到2025年底，全市集成电路产业营业收入达到400亿元，第三代半",
         "导体产业规模达到50亿元。",
         "二、重点任务",
         "推动碳化硅衬底和外延项目建设，支持龙头企业扩大先进封装产能，建设公共研发平台。",
         "加强人才引进和培养，落实各项扶持资金，优化营商环境，提升产业配套能力。",
         "156.23",
         "114.82"]


def test_a_pdf_line_cut_inside_a_word_is_joined(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "plan.pdf", [LINES])
    index = ingest_docs(tmp_path)
    hit = first_hit(index, "第三代半导体产业规模")
    assert hit["text"].endswith("第三代半导体产业规模达到50亿元。"), hit["text"]
    rows = jsonl("targets", "第三代半导体", "--index", index)
    assert any(r["metric"].endswith("第三代半导体产业规模") and r["value"] == 50 for r in rows), rows
    assert first_hit(index, "114.82")["text"] == "114.82"


REVIEW = """2024年某县政府工作报告

一、过去五年工作回顾

五年来，城镇新增就业年均5200人，新建成蔬菜大棚1800亩。
"""


def test_a_yearly_average_and_a_compound_verb_leave_the_metric_whole(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REVIEW})
    rows = {r["value"]: r["metric"] for r in jsonl("targets", "--all", "--index", index)}
    assert rows[5200] == "城镇新增就业" and rows[1800] == "蔬菜大棚", rows


def test_an_empty_number_cell_in_a_workbook_is_blank(tmp_path):
    import openpyxl

    from tests.conftest import cli

    index = ingest_docs(tmp_path, {"report.txt": REVIEW})
    out = tmp_path / "targets.xlsx"
    assert cli("targets", "--all", "--index", index, "-f", "xlsx", "-o", out).returncode == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    high = [row[header.index("high")].value for row in sheet.iter_rows(min_row=2)]
    assert high and all(v is None for v in high), high  # (=H2+1 gives #VALUE! on an empty text cell)

"""Defects h-user34 found as a new analyst, on texts in our own words, through the CLI.

- A highlight shows why a hit matched: an OR's branch the passage does not satisfy lights nothing, and 同句 lights only
  the sentences that satisfy the query (集成电路 -产业: not the 集成电路 of 集成电路产业…).
- `-5G`, `-28nm`, `-12英寸` in a query leave the word out; a dash before a figure alone (`-3.2%`) is still a minus sign.
- An option-like word after the query (`search 集成电路 -5G`) says how to leave a word out; `icpolicy` alone prints its help.
- The count line lists the last years one by one and the earlier ones as one span.
- The documents table keeps each doc_id whole on a 60-column terminal (the issuer, type and place give way).
- A folder moved and ingested under its new name is indexed there: its documents are not duplicates of files gone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tests.conftest import cli, ingest_docs, jsonl

OR_TEXT = """某市数字经济发展报告

全市人工智能企业超过两百家，产业发展势头良好。

数字经济核心产业增加值占比持续提高，发展动能不断增强。
"""

SENTENCES = """某区集成电路工作要点

集成电路产业营收增长一成。集成电路设计企业新增二十家。

全区5G基站新增三百个，12英寸晶圆项目开工，28nm工艺线投产。集成电路封测企业扩产。

全区居民消费价格指数同比下降-3.2%，企业利润率回升。
"""


def _lit(hit: dict) -> list[str]:
    return [hit["text"][a:b] for a, b in hit["highlights"]]


def test_highlights_show_only_the_branches_and_sentences_that_match(tmp_path):
    index = ingest_docs(tmp_path, {"or.txt": OR_TEXT, "sentences.txt": SENTENCES})
    hits = jsonl("search", "人工智能 OR (数字经济 发展)", "--all", "--index", index)
    ai = next(h for h in hits if "人工智能企业" in h["text"])
    assert _lit(ai) == ["人工智能"] and ai["matched"] == ["人工智能"]  # 发展 stands there without 数字经济
    digital = next(h for h in hits if "数字经济核心" in h["text"])
    assert set(_lit(digital)) == {"数字经济", "发展"}
    (hit,) = jsonl("search", "集成电路 -产业", "--same-sentence", "--index", index, "--all")[:1]
    first = hit["text"].index("集成电路设计")
    assert hit["highlights"] and all(a >= first for a, _ in hit["highlights"])  # not the 集成电路 of 集成电路产业营收


def test_a_dash_before_a_word_that_opens_with_digits_leaves_it_out(tmp_path):
    index = ingest_docs(tmp_path, {"sentences.txt": SENTENCES})
    every = jsonl("search", "集成电路", "--index", index, "--all")
    for word in ("-5G", "-28nm", "-12英寸"):
        hits = jsonl("search", f"集成电路 {word}", "--index", index, "--all")
        assert len(hits) == len(every) - 1 and not any(word[1:] in h["text"] for h in hits), word
    (hit,) = jsonl("search", "下降 -3.2%", "--index", index, "--all")  # a figure: searched as written
    assert "-3.2%" in hit["text"]


def test_an_option_like_word_says_how_to_leave_it_out_and_no_command_prints_help(tmp_path):
    index = ingest_docs(tmp_path, {"sentences.txt": SENTENCES})
    proc = cli("search", "集成电路", "-5G", "--index", index)
    assert proc.returncode == 2 and "icpolicy search -- 集成电路 -5G" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = subprocess.run([sys.executable, "-m", "icpolicy"], capture_output=True, text=True)
    assert proc.returncode == 2 and "\\x08" not in proc.stderr and "Commands:" in proc.stderr
    assert len(proc.stderr.splitlines()) > 10  # the help as --help prints it, not one line


def test_the_count_line_lumps_the_earlier_years(tmp_path):
    files = {f"r{year}.txt": f"{year}年某县工作报告\n\n{year}年，全县集成电路产业稳步发展。\n" for year in range(2010, 2026)}
    index = ingest_docs(tmp_path, files)
    proc = cli("search", "集成电路产业", "-n", "1", "--index", index, "--color", "never")
    line = proc.stdout.strip().splitlines()[-1]
    assert "years: 2010–2017 8, 2018 1," in line and line.endswith("2025 1")


def test_the_documents_table_keeps_the_doc_id_whole_on_a_narrow_terminal():
    from rich.console import Console

    from icpolicy.views.analyst_render import documents_table

    row = {"doc_id": "fdkfjwcxypnt", "years": [2023, 2024, 2025], "issued": "2023-05-01", "region": "青浦区",
           "region_path": ["上海市", "青浦区"], "doc_type": "行动方案", "issuer": "青浦区人民政府",
           "title": "上海市青浦区集成电路产业高质量发展三年行动方案", "doc_number": "青府发〔2023〕12号", "passages": 31}
    for width in (60, 64, 72):
        console = Console(width=width, record=True, color_system=None)
        console.print(documents_table({"query": "集成电路", "total": 1, "documents": [row]}, width=width))
        text = console.export_text()
        assert "fdkfjwcxypnt" in text and "2023–2025" in text, width
        assert max(len(line) for line in text.splitlines()) <= width


def test_a_moved_folder_is_indexed_under_its_new_name(tmp_path):
    old, new = tmp_path / "m" / "A", tmp_path / "m" / "B"
    old.mkdir(parents=True)
    (old / "notice.txt").write_text(OR_TEXT, encoding="utf-8")
    index = str(tmp_path / "ix")
    assert cli("ingest", str(old), "--index", index).returncode == 0
    shutil.move(str(old), str(new))
    proc = cli("ingest", str(new), "--index", index)
    assert proc.returncode == 0 and "duplicate" not in proc.stderr
    docs = json.loads(cli("docs", "--all", "-f", "json", "--index", index).stdout)["documents"]
    assert [d["source"] for d in docs] == [str(new / "notice.txt")]
    assert str(old) not in cli("info", "--index", index).stdout


def test_ingest_names_the_copy_it_indexes_in_place_of_an_original_gone(tmp_path):
    first, second = tmp_path / "X", tmp_path / "Y"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(OR_TEXT, encoding="utf-8")
    (second / "b.txt").write_text(OR_TEXT, encoding="utf-8")
    index = str(tmp_path / "ix")
    assert cli("ingest", str(first), str(second), "--index", index).returncode == 0
    (first / "a.txt").unlink()
    proc = cli("ingest", str(first), "--index", index)
    assert proc.returncode == 0 and f"kept: {second / 'b.txt'}" in proc.stderr


def test_a_bulletins_joint_issuer_line_and_a_bracketed_closing_body_name_the_issuer(tmp_path):
    joint = "湖南省2023年国民经济和社会发展统计公报\n\n湖南省统计局国家统计局湖南调查总队\n\n2024年3月20日\n\n全年全省集成电路产业营收增长一成。\n"
    closing = "桃源县2016年国民经济和社会发展统计公报\n\n全年全县电子信息产业产值增长两成。\n\n全年全县规模以上工业增加值增长8%。\n\n（桃源县统计局）\n"
    index = ingest_docs(tmp_path, {"joint.txt": joint, "closing.txt": closing})
    docs = json.loads(cli("docs", "--all", "-f", "json", "--index", index).stdout)["documents"]
    assert sorted(d["issuer"] for d in docs) == ["桃源县统计局", "湖南省统计局"]

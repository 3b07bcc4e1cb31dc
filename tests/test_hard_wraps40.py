"""Sentences broken by hand over lines of uneven length, and a title set like the body (h-user40 D1).

- A plain text whose paragraph was broken by hand inside words of two characters (集成电路产 / 业营收, 超过20亿 /
  元的) was cut into passages there, so `集成电路产业 营收` (AND) and `--same-sentence` missed the sentence.  A line
  break inside a block that cuts a dictionary word of two characters, after a line that runs on (a clause mark in it,
  no sentence end, no heading), is a wrap: the lines are one paragraph.  A run of such lines each ending in a word of
  its own stays apart (a subheading over its paragraph).
- A PDF whose first line is its title in body type, as long as the lines under it (…行动计划（2025—2027年）), ran on
  into the first paragraph: its width is no wrap, and the title stands apart.
Documents in our own words; through the CLI.
"""

from __future__ import annotations

import json

from tests.conftest import cli, make_pdf

WRAPPED = """丹阳市新型显示产业推进计划

为加快丹阳市新型显示产业集聚发展，到2027年，全市新型显示产
业营收突破150亿元，培育营收超过10亿
元的骨干企业4家，支持硅基OLED和MicroLED
中试线建设。

另行制定配套人才办法。
"""

# a subheading whose words end on its own line, over its paragraph: no word runs across the break; and a line ending on a
# labelled field over one opening with a place (张华 / 南山区: jieba reads 华南 across them, h-review40 7)
SUBHEADS = """丹阳市光电产业情况通报

一、光电产业规模持续扩大，骨干企业加快成长
全市光电产业实现营收86亿元，同比增长12%。
二、创新平台建设提速，研发投入稳步提高
全年新增省级研发平台3个。
"""

FIELD = """关于报送光电项目的通知

各有关单位：

请各单位于3月31日前报送光电项目，联系人：张华
南山区、福田区光电企业可直接向区工信局报送。

特此通知。
"""


def _passages(index, doc_query):
    hits = [json.loads(line) for line in cli("search", doc_query, "--index", str(index), "-f", "jsonl", "--all").stdout.splitlines() if line]
    return sorted((hit["passage"], hit["text"]) for hit in hits)


def test_a_paragraph_broken_by_hand_inside_words_is_one_passage(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "丹阳.txt").write_text(WRAPPED, encoding="utf-8")
    (tmp_path / "docs" / "通报.txt").write_text(SUBHEADS, encoding="utf-8")
    (tmp_path / "docs" / "通知.txt").write_text(FIELD, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "docs"), "--index", str(index)).returncode == 0
    for query in ("新型显示产业 营收", "10亿元 骨干企业", "MicroLED 中试线"):
        for mode in ((), ("--same-sentence",)):
            done = cli("search", query, *mode, "--index", str(index), "-f", "jsonl")
            assert done.returncode == 0, (query, mode, done.stderr)
            assert len(done.stdout.splitlines()) == 1
            assert json.loads(done.stdout)["text"].startswith("为加快丹阳市") and json.loads(done.stdout)["text"].endswith("中试线建设。")
    texts = [text for _, text in _passages(index, "光电")]
    assert "一、光电产业规模持续扩大，骨干企业加快成长" in texts  # the subheading stands apart
    assert "全市光电产业实现营收86亿元，同比增长12%。" in texts
    assert "请各单位于3月31日前报送光电项目，联系人：张华" in texts


def test_a_pdf_title_in_body_type_stands_apart_from_the_paragraph_under_it(tmp_path):
    (tmp_path / "docs").mkdir()
    lines = ["丹阳市新型显示产业高质量发展三年行动计划（2025—2027年）",
             "为推动新型显示产业高质量发展，加快建设光电产业园，制定本",
             "计划。到2027年，全市新型显示产业营收突破150亿元。",
             "支持企业建设硅基OLED中试线。"]
    make_pdf(tmp_path / "docs" / "计划.pdf", [lines])
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "docs"), "--index", str(index)).returncode == 0
    texts = [text for _, text in _passages(index, "丹阳 OR 新型显示")]
    assert texts[0] == "丹阳市新型显示产业高质量发展三年行动计划（2025—2027年）"
    assert texts[1].startswith("为推动新型显示产业") and texts[1].endswith("营收突破150亿元。")
    docs = json.loads(cli("docs", "--index", str(index), "-f", "json").stdout)
    record = (docs["documents"] if isinstance(docs, dict) else docs)[0]
    assert record["title"] == "丹阳市新型显示产业高质量发展三年行动计划（2025—2027年）"
    assert record["years"] == [2025, 2026, 2027]


def test_a_pdfs_first_line_that_is_a_sentence_ending_like_a_title_still_runs_on(tmp_path):
    """(h-review40 6) A first line that only ends as a title does (…印发2025年集成电路产业工作要点 / 和重点项目清单，…;
    …达到500亿元（同比增长15%） / 其中设计业…) is a sentence wrapped at the margin: it runs on, as before."""
    cases = {"要点.pdf": ["深圳市工业和信息化局近日印发2025年集成电路产业工作要点", "和重点项目清单，明确全年产业营收突破2800亿元的目标。",
                         "支持企业建设12英寸晶圆制造产线。"],
             "增长.pdf": ["2025年全市集成电路产业营收达到500亿元（同比增长15%）", "其中设计业营收占比超过四成，制造业稳步增长。",
                         "支持企业建设12英寸晶圆制造产线。"]}
    (tmp_path / "docs").mkdir()
    for name, lines in cases.items():
        make_pdf(tmp_path / "docs" / name, [lines])
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "docs"), "--index", str(index)).returncode == 0
    texts = [text for _, text in _passages(index, "重点项目清单 OR 设计业营收")]
    assert "深圳市工业和信息化局近日印发2025年集成电路产业工作要点和重点项目清单，明确全年产业营收突破2800亿元的目标。" in texts
    assert "2025年全市集成电路产业营收达到500亿元（同比增长15%）其中设计业营收占比超过四成，制造业稳步增长。" in texts

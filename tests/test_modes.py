"""Query modes through the API and the CLI: 同句, 同篇, 模糊, synonyms, traditional input, kwic."""

import json

import pytest

from click.testing import CliRunner

from icpolicy import Filters, open_index
from icpolicy.cli import main
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences


def _cli_json(seed_index, *args):
    result = CliRunner().invoke(main, ["search", *map(str, args), "-f", "json", "--all", "--index", str(seed_index)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_same_sentence_keeps_only_passages_with_a_sentence_holding_every_term(seed_engine, seed_index):
    passage_scope = seed_engine.search("集成电路 先进封装", limit=None)
    sentence_scope = seed_engine.search("集成电路 先进封装", limit=None, scope="sentence")
    assert 0 < sentence_scope.total < passage_scope.total
    for hit in sentence_scope.hits:
        assert any("集成电路" in normalise(s) and "先进封装" in normalise(s) for s in split_sentences(hit.text))
    dropped = {(h.doc_id, h.passage) for h in passage_scope.hits} - {(h.doc_id, h.passage) for h in sentence_scope.hits}
    assert dropped
    via_cli = _cli_json(seed_index, "集成电路", "先进封装", "--same-sentence")
    assert via_cli["total"] == sentence_scope.total


def test_document_scope_spreads_terms_over_the_document(seed_engine, seed_index):
    assert seed_engine.search("青浦 先进封装", limit=None).total == 1
    document = seed_engine.search("青浦 先进封装", limit=None, scope="document")
    assert document.documents == 1 and document.total > 1
    assert all(h.region == "青浦区" for h in document.hits)
    assert all(set(h.matched) & {"青浦", "先进封装"} for h in document.hits)
    assert _cli_json(seed_index, "青浦", "先进封装", "--scope", "document")["total"] == document.total
    none = seed_engine.search("青浦 昆山 先进封装 -先进封装", limit=None, scope="document")
    assert none.total == 0


def test_fuzzy_lets_a_terms_words_stand_apart_and_ranks_closer_first(seed_engine):
    exact = seed_engine.search("先进封装测试", limit=None)
    fuzzy = seed_engine.search("先进封装测试", limit=None, fuzzy=True)
    assert fuzzy.total > exact.total
    assert {(h.doc_id, h.passage) for h in exact.hits} <= {(h.doc_id, h.passage) for h in fuzzy.hits}
    assert fuzzy.hits[0].text.find("先进封装测试") != -1  # the adjacent form ranks first
    assert all(h.matched for h in fuzzy.hits)


def test_expand_finds_synonyms_and_says_which_form_matched(seed_engine, seed_index):
    plain = seed_engine.search("碳化硅", limit=None)
    expanded = seed_engine.search("碳化硅", limit=None, expand=True)
    assert expanded.total > plain.total
    assert any(m.startswith("SiC（") for h in expanded.hits for m in h.matched)
    for hit in expanded.hits:
        assert any(normalise(hit.text[s:e]) in ("碳化硅", "sic") for s, e in hit.highlights)
    assert _cli_json(seed_index, "碳化硅", "--expand")["total"] == expanded.total


def test_latin_synonyms_match_whole_words_only(seed_engine):
    for hit in seed_engine.search("集成电路", limit=None, expand=True).hits:
        for label in hit.matched:
            assert not label.startswith(("ic（", "IC（")) or "asic" not in normalise(hit.text)


def test_traditional_and_fullwidth_input(seed_engine, seed_index):
    assert seed_engine.search("半導體", limit=None).total == seed_engine.search("半导体", limit=None).total > 0
    assert seed_engine.search("積體電路 OR 集成電路", limit=None).total == seed_engine.search("集成电路", limit=None).total
    assert _cli_json(seed_index, "ＧａＮ")["total"] == _cli_json(seed_index, "gan")["total"] > 0


def test_kwic_prints_one_line_per_match(seed_index):
    result = CliRunner().invoke(main, ["search", "先进封装", "-f", "kwic", "--all", "--index", str(seed_index)])
    lines = [l for l in result.stdout.splitlines() if "先进封装" in l]
    assert len(lines) >= 17


def test_api_returns_typed_hits_with_the_json_fields(seed_index):
    with open_index(seed_index) as ix:
        result = ix.search("先进封装 region:江苏", Filters(year="2025"))
    assert result.total == len(result.hits) > 0
    hit = result.hits[0]
    assert hit.region_path[0] == "江苏省" and 2025 in hit.years
    assert set(hit.as_dict()) >= {"doc_id", "title", "source", "doc_type", "region", "region_path", "years", "segments", "passage", "text", "highlights", "score"}


def test_readme_api_example_runs_and_writes_a_csv(seed_index, tmp_path):
    import csv as csv_module
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "packaging_to_csv.py"
    out = tmp_path / "out.csv"
    done = subprocess.run([sys.executable, str(example), str(seed_index), str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv_module.DictReader(out.open(encoding="utf-8-sig")))
    assert rows and all("2025" in row["years"] for row in rows)
    assert "江苏省" in done.stdout


SYNTAX = [
    ("集成电路 封测", {}),                       # AND
    ("碳化硅 OR 氮化镓", {}),                     # OR
    ("集成电路 -上海", {}),                       # NOT with a minus
    ("集成电路 NOT 上海", {}),                    # NOT as a word
    ("(先进封装 OR 封装测试) 集成电路", {}),          # parentheses
    ('"集成电路 产业"', {}),                      # phrase with a space
    ("先进封装 region:江苏 year:2025", {}),        # inline filters
    ("集成电路 segment:封装测试 type:工作方案", {}),  # inline segment (label) and type
    ("ＥＤＡ", {}),                              # full width
    ("半導體", {}),                              # traditional
]


@pytest.mark.parametrize("query, _", SYNTAX)
def test_each_syntax_element_gives_the_same_hits_through_cli_and_api(seed_index, seed_engine, query, _):
    api = seed_engine.search(query, limit=None)
    cli = _cli_json(seed_index, query)
    assert api.total > 0, query
    assert cli["total"] == api.total
    assert [(h["doc_id"], h["passage"]) for h in cli["hits"]] == [(h.doc_id, h.passage) for h in api.hits]


def test_sort_by_year_and_region_through_the_cli(seed_index):
    by_year = _cli_json(seed_index, "集成电路", "--sort", "year")["hits"]
    newest = [max(h["years"]) for h in by_year]
    assert newest == sorted(newest, reverse=True)
    by_region = _cli_json(seed_index, "集成电路", "--sort", "region")["hits"]
    keys = ["/".join(h["region_path"]) for h in by_region]
    from icpolicy.meta.zones import sort_key  # the division table's order, 全国 first (since session 38; code point before)

    assert keys == sorted(keys, key=sort_key)


@pytest.fixture(scope="module")
def latin_index(tmp_path_factory):
    """Documents where Latin synonyms stand next to other Latin words."""
    from icpolicy.pipeline.ingest import ingest

    folder = tmp_path_factory.mktemp("latin")
    docs = folder / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("器件路线\n本市支持SiC MOSFET器件量产。\n", encoding="utf-8")
    (docs / "b.txt").write_text("算力芯片\n推动AI ASIC芯片设计，兼顾碳化硅衬底。\n", encoding="utf-8")
    (docs / "c.txt").write_text("定制芯片\n发展ASIC定制芯片，不涉及宽禁带材料。\n", encoding="utf-8")
    (docs / "d.txt").write_text("对照文件\n同时布局ASIC和SiC两条线，碳化硅芯片优先。\n", encoding="utf-8")
    ingest([docs], folder / "ix", workers=1)
    with open_index(folder / "ix") as ix:
        yield ix


def _where(result):
    return {(h.source.rsplit("/", 1)[-1], h.passage) for h in result.hits}


def test_expand_finds_a_latin_synonym_beside_another_latin_word(latin_index):
    sic = latin_index.search("碳化硅", limit=None, expand=True)
    assert {name for name, _ in _where(sic)} == {"a.txt", "b.txt", "d.txt"}
    ai = latin_index.search("人工智能", limit=None, expand=True)
    assert {name for name, _ in _where(ai)} == {"b.txt"}
    assert any(m.startswith("AI（") for h in ai.hits for m in h.matched)


def test_expand_never_matches_or_highlights_a_synonym_inside_a_longer_latin_word(latin_index):
    hits = latin_index.search("碳化硅", limit=None, expand=True).hits
    assert "c.txt" not in {h.source.rsplit("/", 1)[-1] for h in hits}
    for hit in hits:
        for start, end in hit.highlights:
            piece = hit.text[start:end]
            assert normalise(piece) in ("sic", "碳化硅"), piece
            assert not (start > 0 and hit.text[start - 1].isalpha() and hit.text[start - 1].isascii())


def test_expand_gives_and_the_same_hits_in_any_term_order(latin_index, seed_engine):
    for engine in (latin_index, seed_engine):
        for a, b in (("碳化硅", "芯片"), ("集成电路", "人工智能"), ("碳化硅", "衬底")):
            first = engine.search(f"{a} {b}", limit=None, expand=True)
            second = engine.search(f"{b} {a}", limit=None, expand=True)
            assert _where(first) == _where(second) and first.total == second.total, (a, b)

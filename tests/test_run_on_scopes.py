"""A term that runs from one passage into the next (a blank line inside a sentence) is found in the passage where
it starts by plain search, and so by --fuzzy (whose words then stand together: matched as typed, highlighted
whole) and by --same-sentence (the passage's last sentence runs on to the next sentence end): both missed it."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

_DOC = ("南通市2025年电子化学品工作要点\n\n推动湿电子化学品项目投产。\n\n支持企业扩大国产\n\n"
        "光刻胶产能，稳定下游晶圆厂供应。\n\n完善危化品仓储配套。\n")


def test_fuzzy_and_same_sentence_find_a_term_running_into_the_next_passage(tmp_path):
    index = ingest_docs(tmp_path, {"nt.txt": _DOC})
    plain = jsonl("search", "国产光刻胶", "--index", index)
    assert [h["text"] for h in plain] == ["支持企业扩大国产"]
    for option in ("--fuzzy", "--same-sentence"):
        hits = jsonl("search", "国产光刻胶", option, "--index", index)
        assert [(h["passage"], h["highlights"]) for h in hits] == [(plain[0]["passage"], plain[0]["highlights"])], (option, hits)
        assert hits[0]["matched"] == ["国产光刻胶"]
    # the second term starts in the next passage: no passage holds both in one sentence
    both = cli("search", "扩大国产 产能", "--same-sentence", "--index", index, "-f", "jsonl")
    assert both.returncode == 1 and both.stdout == ""


def test_fuzzy_highlights_a_whole_occurrence_with_its_punctuation(tmp_path):
    index = ingest_docs(tmp_path, {"nt.txt": _DOC})
    hit = jsonl("search", "项目投产", "--fuzzy", "--index", index)[0]
    assert [hit["text"][a:b] for a, b in hit["highlights"]] == ["项目投产"] and hit["matched"] == ["项目投产"]

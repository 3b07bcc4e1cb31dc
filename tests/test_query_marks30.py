"""Two query-side misses (session 30; h-query30).

- A full-width minus before a figure (增长率 －3.2%) was read as NOT, so the query found nothing, silently.  A dash
  right before a figure is now a minus sign, searched as written; -光伏 and －光伏 still exclude.
- A variation selector inside a word (芯︀粒: a glyph picked for the character) kept 芯粒 from matching it.  The search
  form of text and query now drops variation selectors, as it drops zero-width marks (normalize.INVISIBLE).
Through the CLI, on documents in our own words."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

DOCS = {
    "output.txt": "2026年全市存储芯片产量增长率为－3.2%，降幅比上年收窄。\n\n光伏组件产量增长率为12.5%。\n",
    "chiplet.txt": "支持企业开展芯\ufe00粒集成技术攻关，建设先进封装中试线。\n",
}


def test_a_dash_before_a_figure_is_a_minus_sign(tmp_path):
    index = ingest_docs(tmp_path, DOCS)
    hits = jsonl("search", "增长率", "－3.2%", "--index", index)
    assert [h["text"][:8] for h in hits] == ["2026年全市存"], hits
    done = cli("search", "--index", index, "--", "增长率", "-3.2%")  # (an ASCII dash word after --, as click wants)
    assert done.returncode == 0 and "－3.2%" in done.stdout, done.stdout + done.stderr


def test_a_dash_before_a_word_still_excludes(tmp_path):
    index = ingest_docs(tmp_path, DOCS)
    hits = jsonl("search", "增长率", "－存储芯片", "--index", index)
    assert [h["text"][:4] for h in hits] == ["光伏组件"], hits


def test_a_variation_selector_does_not_hide_a_word(tmp_path):
    index = ingest_docs(tmp_path, DOCS)
    assert jsonl("search", "芯粒集成", "--index", index)
    assert cli("search", "芯\ufe00粒", "--index", index).returncode == 0

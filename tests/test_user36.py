"""Defects h-user36 found as a new user (session 36), on texts in our own words, through the CLI.

- A text in traditional characters was found but never highlighted (`highlights: []`, `matched: []`, no kwic line):
  its passages were stored as "plain" (their ideographs their own search forms) because the tagger normalised the
  text's simplified reading, so the traditional characters never passed through the search form's table in the
  ingesting process."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

TRADITIONAL = """臺灣地區半導體產業發展概況

據統計，去年臺灣地區集成電路產業產值持續增長，晶圓代工和封裝測試兩個環節合計佔比超過七成。

新竹科學園區聚集了多家晶圓製造企業，推動經濟穩定增長。
"""


def test_a_text_in_traditional_characters_is_highlighted_and_shows_why(tmp_path):
    index = ingest_docs(tmp_path, {"概況.txt": TRADITIONAL})
    for query, word in (("集成电路", "集成電路"), ("經濟", "經濟"), ("封装测试", "封裝測試")):
        hits = jsonl("search", query, "--index", index)
        assert hits, query
        for hit in hits:
            assert hit["matched"] == [query], hit
            assert [hit["text"][a:b] for a, b in hit["highlights"]] == [word], hit
        kwic = cli("search", query, "--index", index, "-f", "kwic")
        assert kwic.returncode == 0 and word in kwic.stdout, kwic.stdout

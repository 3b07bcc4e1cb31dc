"""`show DOC TERM` finds what `search TERM` found: a term that runs from one passage into the next
(search finds it through the passage's tail) is in the document, highlighted in both parts."""

from __future__ import annotations

import json

from tests.conftest import cli, ingest_docs, jsonl


def test_show_highlights_a_term_across_two_passages(tmp_path):
    index = ingest_docs(tmp_path, {"ly.txt": "洛阳市2026年工作通知\n\n洛阳市推动研发轴承\n精密加工装备，加快量产。\n"})
    hit = jsonl("search", "轴承精密加工", "--index", index)[0]
    shown = cli("show", hit["doc_id"], "轴承精密加工", "--index", index, "-f", "json")
    assert shown.returncode == 0, shown.stderr
    parts = ["".join(p["text"][a:b] for a, b in p["highlights"]) for p in json.loads(shown.stdout)["passages"]]
    assert "".join(parts) == "轴承精密加工"
    missing = cli("show", hit["doc_id"], "滚珠丝杠", "--index", index)
    assert missing.returncode == 1 and "滚珠丝杠 is not in" in missing.stderr

"""`show DOC TERM` finds what `search TERM` found: a term that runs from one passage into the next
(search finds it through the passage's tail) is in the document, highlighted in both parts."""

from __future__ import annotations

import json
import subprocess
import sys


def test_show_highlights_a_term_across_two_passages(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ly.txt").write_text("洛阳市2026年工作通知\n\n洛阳市推动研发轴承\n精密加工装备，加快量产。\n", encoding="utf-8")
    run = [sys.executable, "-m", "icpolicy"]
    index = str(tmp_path / "ix")
    assert subprocess.run(run + ["ingest", str(docs), "--index", index], capture_output=True).returncode == 0
    found = subprocess.run(run + ["search", "轴承精密加工", "--index", index, "-f", "jsonl"], capture_output=True, text=True)
    hit = json.loads(found.stdout.splitlines()[0])
    shown = subprocess.run(run + ["show", hit["doc_id"], "轴承精密加工", "--index", index, "-f", "json"], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    parts = ["".join(p["text"][a:b] for a, b in p["highlights"]) for p in json.loads(shown.stdout)["passages"]]
    assert "".join(parts) == "轴承精密加工"
    missing = subprocess.run(run + ["show", hit["doc_id"], "滚珠丝杠", "--index", index], capture_output=True, text=True)
    assert missing.returncode == 1 and "滚珠丝杠 is not in" in missing.stderr

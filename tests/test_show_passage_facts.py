"""`show` says where each passage is placed and dated, as search keys its hits: `-f json` gives every passage
its region, region_path, zone, years and segments (the fields of a hit), and the table marks each place where
they change with a dim line (↳ 辽宁省/沈阳市 · 2025), so an analyst reading a round-up sees why a hit was keyed
as it was."""

from __future__ import annotations

import json

from tests.clirun import icpolicy
from tests.conftest import SEEDS

_FIELDS = ("region", "region_path", "zone", "years", "segments")


def test_show_json_passages_carry_the_hits_fields(tmp_path):
    ix = tmp_path / "ix"
    assert icpolicy("ingest", SEEDS, "--index", ix, home=tmp_path).returncode == 0
    hits = [json.loads(line) for line in icpolicy("search", "集成电路", "-a", "-f", "jsonl", "--index", ix, home=tmp_path).out.splitlines()]
    by_doc: dict[str, list[dict]] = {}
    for hit in hits:
        by_doc.setdefault(hit["doc_id"], []).append(hit)
    assert len(by_doc) >= 3
    places = set()
    for doc_id, doc_hits in by_doc.items():
        shown = json.loads(icpolicy("show", doc_id, "-f", "json", "--index", ix, home=tmp_path).out)
        passages = {p["passage"]: p for p in shown["passages"]}
        for hit in doc_hits:
            assert {k: passages[hit["passage"]][k] for k in _FIELDS} == {k: hit[k] for k in _FIELDS}
            places.add(tuple(hit["region_path"]))
    assert len(places) >= 5  # the round-ups' passages lie in many places, not in their document's


def test_show_table_marks_where_place_or_years_change(tmp_path):
    ix = tmp_path / "ix"
    assert icpolicy("ingest", SEEDS, "--index", ix, home=tmp_path).returncode == 0
    roundup = next(row for row in json.loads(icpolicy("docs", "-a", "-f", "json", "--index", ix, home=tmp_path).out)["documents"]
                   if row["region"] == "多地")
    shown = json.loads(icpolicy("show", roundup["doc_id"], "-f", "json", "--index", ix, home=tmp_path).out)["passages"]
    table = icpolicy("show", roundup["doc_id"], "--color", "never", "--index", ix, home=tmp_path).out
    marks = [line.strip() for line in table.splitlines() if line.strip().startswith("↳")]
    expected, last = [], None
    for p in shown:
        key = (p["region_path"], p["zone"], p["years"])
        if key != last:
            place = "/".join(p["region_path"] + ([p["zone"]] if p["zone"] else [])) or "—"
            expected.append(f"↳ {place} · {' '.join(map(str, p['years'])) or '—'}")
            last = key
    assert marks == expected and len(marks) > 3
    focus = icpolicy("show", roundup["doc_id"], "-p", str(shown[-1]["passage"]), "--color", "never", "--index", ix, home=tmp_path).out
    assert focus.count("↳") >= 1  # a passage shown in context is placed too

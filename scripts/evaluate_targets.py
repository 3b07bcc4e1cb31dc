"""Precision and recall of `icpolicy targets` extraction against hand labels.

    python scripts/evaluate_targets.py [-v] [labels.jsonl]

The labels (tests/fixtures/targets_labels.jsonl) are passages drawn at random from the seeds
and the corpus (any passage with a digit), each with every quantity a reader finds in it:
[value, unit, comparator, metric, year, kind].  `split` says whether the passage was read
while the rules in data/targets.toml were written ("tune") or labelled before the extractor
first ran on it ("holdout", "holdout2", "holdout3", … "holdout28", drawn one after the other; holdout18-
holdout28 are the adjudicated gold of two independent labellings, tests/fixtures/holdout18 … holdout28/);
"views6", "views8", "views11", "views12", "views13", "views14", "views17" and "views18" passages were written (views8: and drawn from the corpus) for the classes of
one round of rules, a third of each (by hash) held out and reported apart ("views6-ho", "views8-ho"),
never read for misses.

A found quantity is a detection hit when a label in the same passage has its value and unit;
it is fully right when, besides, comparator, year and kind are equal and the labelled metric
(a key phrase) lies inside the found one.  Precision = right / found, recall = right / labelled;
the same for each field alone (value, unit and that field right).

Each passage is scored with the part of its work report it stands in (review or plan,
meta/target_parts.py), worked out from its document's headings as ingest can, and with the year ingest gives
its uncued figures (its document's: target_store.figure_year, not the row's stored year), which the view moves
to the year a review looks back to (target_store.looked_back; session 34 moved 1096 labels of work-report reviews
from the report's year to the reviewed one, the labellers having followed the earlier convention); the document is
read from the repository or ../shared (the corpus).  `--passage-only` scores without it (the
passage's words alone decide the kind, as a query-time extraction without the part does).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

from icpolicy.meta.target_parts import by_ordinal
from icpolicy.meta.target_store import figure_year, looked_back, plan_start
from icpolicy.meta.targets import extract

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "targets_labels.jsonl"
FIELDS = ("comparator", "metric", "year", "kind")
# the repository, then $ICPOLICY_SHARED (as the tests read it), then the first ../shared up the tree (a worktree sits
# one level deeper than the checkout)
ROOTS = (DEFAULT.parents[2], *([Path(os.environ["ICPOLICY_SHARED"])] if os.environ.get("ICPOLICY_SHARED") else []),
         *(p / "shared" for p in DEFAULT.parents[3:]))
_PARTS: dict[str, dict[int, tuple[str, int]]] = {}  # document path -> passage ordinal -> (part, year), each document read once
_TEXTS: dict[str, list[tuple[str, int]]] = {}  # document path -> (passage text, ordinal), in order


def part_of(row: dict) -> tuple[str, int, tuple[int, ...], int]:
    """The part of its work report the row's passage stands in, the year ingest gives its uncued figures
    (target_store.figure_year), the passage's years and its plan's first year (target_store.plan_start), as ingest
    works them out; ("", the row's year, (), 0) when its document is not at hand."""
    doc, cache = row["doc"], _PARTS
    if doc not in cache:
        from icpolicy.pipeline.build import read_document
        path = next((root / doc for root in ROOTS if (root / doc).is_file()), None)
        try:
            document = read_document(path) if path else None
        except Exception:  # noqa: BLE001 - an unreadable document scores like one not at hand
            document = None
        cache[doc] = {}
        if document:
            meta, parts = document.meta, by_ordinal([(p.ordinal, p.text) for p in document.passages], document.meta.doc_type, document.meta.years)
            since = plan_start(meta.years, meta.doc_type)
            cache[doc] = {p.ordinal: (parts[p.ordinal], figure_year(meta.years, meta.doc_type, p.years, meta.issued), p.years, since) for p in document.passages}
            _TEXTS[doc] = [(p.text, p.ordinal) for p in document.passages]
    return cache[doc].get(_ordinal(row), ("", row["year"], (), 0))


def _ordinal(row: dict) -> int:
    """The ordinal of the row's passage as the code reads its document now: the one with the row's text (the labels
    keep the ordinal of the day they were drawn; a rule that cuts a paragraph into parts shifts the ones after it), or
    the first part of it where it is cut now, else the row's own."""
    texts = _TEXTS.get(row["doc"], ())
    text = row["text"]
    exact = [ordinal for passage, ordinal in texts if passage == text]
    if exact:
        return min(exact, key=lambda o: abs(o - row["passage"]))
    parts = [ordinal for passage, ordinal in texts if passage and text.startswith(passage)]
    return min(parts, key=lambda o: abs(o - row["passage"])) if parts else row["passage"]


def score(rows: list[dict], verbose: bool = False, sections: bool = True) -> Counter:
    """Counts of found, labelled, detected and fully right quantities, and per-field agreement."""
    tally = Counter()
    for row in rows:
        part, year, years, since = part_of(row) if sections else ("", row["year"], (), 0)
        found = [{"value": q.value, "unit": q.unit, "comparator": q.comparator, "metric": q.metric,
                  "year": looked_back(q.year, q.kind, year, years), "kind": q.kind, "clause": q.clause}
                 for q in extract(row["text"], year, row["doc_type"], part=part, since=since)]
        compare(found, labels_of(row), tally, f"{row['doc']}#{row['passage']}" if verbose else "")
    return tally


def labels_of(row: dict) -> list[dict]:
    """A labelled row's quantities as dicts of the six fields."""
    return [dict(zip(("value", "unit", "comparator", "metric", "year", "kind"), q)) for q in row["quantities"]]


def compare(found: list[dict], labels: list[dict], tally: Counter, where: str = "", either_way: bool = False) -> None:
    """Add one passage's found quantities, matched to its labels by value and unit, to `tally`; print each
    difference when `where` names the passage.  A metric agrees when the label's lies inside the found one (the
    extractor's may be longer), or either inside the other when `either_way` (two annotators)."""
    tally["found"] += len(found)
    tally["labelled"] += len(labels)
    free = list(labels)
    for q in found:
        match = next((l for l in free if abs(l["value"] - q["value"]) < 1e-9 and l["unit"] == q["unit"]), None)
        if match is None:
            if where:
                print(f"  extra  {where}: {q['value']:g}{q['unit']} {q['comparator']} {q['metric']} ({q.get('clause', '')})")
            continue
        free.remove(match)
        tally["detected"] += 1
        label_metric, found_metric = match["metric"].lower(), q["metric"].lower()
        ok = {
            "comparator": q["comparator"] == match["comparator"],
            "metric": label_metric in found_metric or (either_way and found_metric in label_metric),
            "year": q["year"] == match["year"],
            "kind": q["kind"] == match["kind"],
        }
        for name, good in ok.items():
            tally[name] += good
        if all(ok.values()):
            tally["right"] += 1
        elif where:
            wrong = ", ".join(f"{n}: {q[n]!r} not {match[n]!r}" for n, good in ok.items() if not good)
            print(f"  wrong  {where}: {q['value']:g}{q['unit']} {wrong} ({q.get('clause', '')})")
    if where:
        for label in free:
            print(f"  missed {where}: {label['value']:g}{label['unit']} {label['metric']}")


def report(name: str, t: Counter) -> str:
    """One line: detection and full-row precision/recall, and each field's precision/recall (a
    found quantity whose value, unit and that field are right, over found / over labelled)."""
    def pct(a, b):
        return f"{100 * a / b:5.1f}%" if b else "  n/a"

    def num(a, b):
        return f"{100 * a / b:.0f}" if b else "n/a"
    fields = " ".join(f"{f} {num(t[f], t['found'])}/{num(t[f], t['labelled'])}" for f in FIELDS)
    return (f"{name:8} labelled {t['labelled']:3} found {t['found']:3} | detection P {pct(t['detected'], t['found'])} R {pct(t['detected'], t['labelled'])}"
            f" | all fields P {pct(t['right'], t['found'])} R {pct(t['right'], t['labelled'])} | P/R % {fields}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sections = "--passage-only" not in argv
    paths = [a for a in argv if a not in ("-v", "--passage-only")]
    rows = [json.loads(line) for line in Path(paths[0] if paths else DEFAULT).read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in ("tune", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22", "holdout23", "holdout24", "holdout25", "holdout26", "holdout27", "holdout28"):
        chosen = [r for r in rows if r["split"] == split]
        if chosen:
            if verbose:
                print(f"{split}:")
            print(report(split, score(chosen, verbose, sections)))
    # views6: passages written for the classes of rules of that round; a third (by a hash of the
    # text) was held out and only ever scored, never read for misses
    # views8: the same for the next round (passages of our own for the classes of holdout9's misses)
    # views11: the same for the round after holdout10 (passages of our own for the classes of its misses)
    # views12: the same for the round after holdout11 (passages of our own for the classes of its misses)
    # views13: the same for the round after holdout13 (passages of our own for the classes of its misses)
    # views14: the same for the round after holdout14 (classes of the misses of every real held-out split)
    # views17: the same for the round after holdout15 (targets17: the classes left open on every real split)
    # views18: the same for the round after holdout16 (targets18: holdout16's classes)
    for own_split in ("views6", "views8", "views11", "views12", "views13", "views14", "views17", "views18"):
        own = [r for r in rows if r["split"] == own_split]
        for name, part in ((own_split, [r for r in own if not held_out(r)]), (own_split + "-ho", [r for r in own if held_out(r)])):
            if part:
                if verbose and name == own_split:
                    print(f"{name}:")
                print(report(name, score(part, verbose and name == own_split, sections)))
    return 0


def held_out(row: dict) -> bool:
    """Whether a written passage is in the held-out third (a hash of its text)."""
    return int(hashlib.sha256(row["text"].encode("utf-8")).hexdigest(), 16) % 3 == 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

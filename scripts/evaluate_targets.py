"""Precision and recall of `icpolicy targets` extraction against hand labels.

    python scripts/evaluate_targets.py [-v] [labels.jsonl]

The labels (tests/fixtures/targets_labels.jsonl) are passages drawn at random from the seeds
and the corpus (any passage with a digit), each with every quantity a reader finds in it:
[value, unit, comparator, metric, year, kind].  `split` says whether the passage was read
while the rules in data/targets.toml were written ("tune") or labelled before the extractor
first ran on it ("holdout", "holdout2", "holdout3", … "holdout8", drawn one after the other).

A found quantity is a detection hit when a label in the same passage has its value and unit;
it is fully right when, besides, comparator, year and kind are equal and the labelled metric
(a key phrase) lies inside the found one.  Precision = right / found, recall = right / labelled;
the same for each field alone (value, unit and that field right).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from icpolicy.meta.targets import extract

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "targets_labels.jsonl"
FIELDS = ("comparator", "metric", "year", "kind")


def score(rows: list[dict], verbose: bool = False) -> dict:
    """Counts of found, labelled, detected and fully right quantities, and per-field agreement."""
    tally = Counter()
    for row in rows:
        found = extract(row["text"], row["year"], row["doc_type"])
        labels = [dict(zip(("value", "unit", "comparator", "metric", "year", "kind"), q)) for q in row["quantities"]]
        tally["found"] += len(found)
        tally["labelled"] += len(labels)
        free = list(labels)
        for q in found:
            match = next((l for l in free if abs(l["value"] - q.value) < 1e-9 and l["unit"] == q.unit), None)
            if match is None:
                if verbose:
                    print(f"  extra  {row['doc']}#{row['passage']}: {q.value:g}{q.unit} {q.comparator} {q.metric} ({q.clause})")
                continue
            free.remove(match)
            tally["detected"] += 1
            ok = {
                "comparator": q.comparator == match["comparator"],
                "metric": match["metric"].lower() in q.metric.lower(),
                "year": q.year == match["year"],
                "kind": q.kind == match["kind"],
            }
            for name, good in ok.items():
                tally[name] += good
            if all(ok.values()):
                tally["right"] += 1
            elif verbose:
                wrong = ", ".join(f"{n}: {getattr(q, n)!r} not {match[n]!r}" for n, good in ok.items() if not good)
                print(f"  wrong  {row['doc']}#{row['passage']}: {q.value:g}{q.unit} {wrong} ({q.clause})")
        if verbose:
            for label in free:
                print(f"  missed {row['doc']}#{row['passage']}: {label['value']:g}{label['unit']} {label['metric']}")
    return tally


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
    paths = [a for a in argv if a != "-v"]
    rows = [json.loads(line) for line in Path(paths[0] if paths else DEFAULT).read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in ("tune", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8"):
        chosen = [r for r in rows if r["split"] == split]
        if chosen:
            if verbose:
                print(f"{split}:")
            print(report(split, score(chosen, verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

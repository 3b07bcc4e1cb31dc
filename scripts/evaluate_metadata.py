"""Compare the metadata icpolicy derives for each corpus document with MANIFEST.tsv.

    python scripts/evaluate_metadata.py [--corpus ../shared/corpus] [--json out.json]

Prints accuracy for region, year and type, and every miss.  How each is compared:
- region: the manifest's region string (e.g. 内蒙古自治区呼伦贝尔市海拉尔区, 全国) against our
  region path joined, down to the level the manifest gives;
- year: the manifest's year against the first of our policy years (a plan 2021-2023 issued
  in 2021 is 2021); "contains" also reports whether it is among them;
- type: the manifest's type, without its parenthesised note, split at "+", against ours;
  a match is equal, or one ends with the other (暂行办法 / 办法), or ours is the note's type
  (通知（考评办法）/ 办法).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from icpolicy.pipeline.ingest import build_document  # noqa: E402


def type_matches(ours: str, theirs: str) -> bool:
    """The comparison described in the module docstring."""
    note = "".join(re.findall(r"[（(]([^）)]*)[）)]", theirs))
    base = re.sub(r"[（(][^）)]*[）)]", "", theirs)
    alternatives = [a for a in base.split("+") if a]
    if not ours:
        return False
    return any(a == ours or a.endswith(ours) or ours.endswith(a) for a in alternatives) or (bool(note) and note.endswith(ours))


def evaluate(corpus: Path) -> dict:
    """Build every manifest document and compare; returns counts and misses."""
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    results = {"region": [], "year": [], "year_contains": [], "type": []}
    misses = []
    for row in rows:
        document, _ = build_document(corpus / row["file"])
        meta = document.meta
        region = "".join(meta.region.path)
        first_year = meta.years[0] if meta.years else 0
        checks = {
            "region": region == row["region"],
            "year": str(first_year) == row["year"],
            "year_contains": int(row["year"]) in meta.years,
            "type": type_matches(meta.doc_type, row["doc_type"]),
        }
        for key, ok in checks.items():
            results[key].append(ok)
        for key, ours, theirs in (("region", region, row["region"]), ("year", meta.years, row["year"]), ("type", meta.doc_type, row["doc_type"])):
            if not checks[key]:
                misses.append({"file": row["file"], "field": key, "ours": str(ours), "manifest": theirs, "title": meta.title})
    summary = {key: {"correct": sum(values), "total": len(values), "accuracy": round(sum(values) / len(values), 4)} for key, values in results.items()}
    return {"summary": summary, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not (args.corpus / "MANIFEST.tsv").exists():
        print(f"no MANIFEST.tsv in {args.corpus}", file=sys.stderr)
        return 2
    report = evaluate(args.corpus)
    for key, figures in report["summary"].items():
        print(f"{key:<14} {figures['correct']:>3}/{figures['total']:<3} {figures['accuracy']:.1%}")
    for miss in report["misses"]:
        print(f"miss {miss['field']:<6} {miss['file']}: ours {miss['ours']!r}, manifest {miss['manifest']!r}  ({miss['title'][:40]})")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

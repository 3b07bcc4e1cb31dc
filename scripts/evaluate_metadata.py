"""Compare the metadata icpolicy derives for each corpus document with MANIFEST.tsv, and
(attribution probes) each probed document and passage with what a careful reader gives it.

    python scripts/evaluate_metadata.py [--corpus ../shared/corpus] [--probes FILE] [--json out.json]

Attribution probes (tests/fixtures/attribution/probes.toml) are scored per field, documents
and passages apart, in two groups fixed before any rule was written: a probe is held out when
the SHA-1 of "file|text" (documents: of the file) is divisible by 3.  Misses are printed for
the tuned group only; --show-held-out prints those of the held-out group too (do not use it
while writing rules).  Entries with split = "blind2" form a third group: documents written
and labelled after the first round's rules, reported in their own column (likewise blind3,
written after the blind2 fixes; blind4, twenty documents written after the blind3 fixes; blind5, ten written after the blind4 fixes; blind6, seven after the blind5 fixes; blind7, five after the blind6 fixes; blind8, seventeen written by a helper that never read the rules; blind9, nineteen by a second such helper; blind10, twenty by a third; blind11 and blind13, twenty each by two more).  Split round4 (the fourth round's own documents) is
divided by the same hash into "round4" and "round4 held-out" (round5 and round7 likewise; round4b and round7b are tuned); --show round4 prints the former's misses (their first-run
figures are in the README; once looked at, they are no longer blind).  blind15 (twenty documents by a
helper that never read the rules) is split in halves by the SHA-1 of the file name
(tests/fixtures/attribution/blind15_split.txt): "blind15 dev", read while the ninth round's rules
were written, and "blind15 held-out", run only on the final rules; --skip "blind15 held-out" leaves
the latter unbuilt and unscored while writing rules, --probes-only skips the corpus and sector samples.  Document fields: region (full path), province, year (among ours),
type, title, 文号, issuer, date (only where the probe states them), and "facts": a document
whose stated 文号, issuer and date are all right; every document is also
checked for markup left in its passages (tags, front-matter keys, markdown marks).  Passage
fields: region (full path), year (among the passage's years), and phrase recall (the probe
text lies inside one passage).

Prints accuracy for region, year and type, and every miss.  How each is compared:
- region: the manifest's region string (e.g. 内蒙古自治区呼伦贝尔市海拉尔区, 全国) against our
  region path joined, down to the level the manifest gives; our path as users see
  it: a passage about a zone (苏州工业园区, 成都高新区) shows the division it lies in (meta/zones.py);
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

from icpolicy.meta.zones import division_path  # noqa: E402
from icpolicy.pipeline.ingest import build_document  # noqa: E402

import hashlib  # noqa: E402
import tomllib  # noqa: E402

_MARKUP = re.compile(r"<[A-Za-z/!][^>]{0,200}>|\*\*\S|^#{1,6}\s|^---$|^\+\+\+$|^[A-Za-z_]+:\s|!\[|\]\(|&[a-z]+;|&#x?[0-9a-fA-F]+;|\{\{|\{%"
                     r"|~~\S|__\S|(?<!\*)\*[^\s*][^*\n]{0,40}\*|\[\^\w+\]|^\s*\[[^\]]{1,40}\]:\s*\S|^>\s|`[^`\n]+`|^={3,}$|^\*\s\*\s\*", re.M)


# splits of a round's own probes that are divided by the hash like the first round's
HASH_SPLITS = ("round4", "round5", "round7", "round8")  # round7b: tuned, written with its rule


# blind15 is split in halves by the SHA-1 of the file name (tests/fixtures/attribution/blind15_split.txt):
# the dev half was read while the rules were written, the held-out half only run on the final rules
NAME_SPLITS = ("blind15",)


def name_half(file: str) -> str:
    """The half a file of a name-split set belongs to: first hex digit of sha1(name) 0-6 is dev."""
    return "dev" if hashlib.sha1(Path(file).name.encode("utf-8")).hexdigest()[0] in "0123456" else "held-out"


def held_out(key: str) -> bool:
    """The split fixed up front: a third of the probes, by hash, are never looked at while tuning."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 3 == 0


def _region_text(path) -> str:
    """The region as a user sees it: a trailing zone leaf gives way to its division (meta/zones.py)."""
    return "".join(division_path(path)[0])


def evaluate_probes(probes_file: Path, skip: tuple[str, ...] = ()) -> dict:
    """Score documents and passages against the probes (see module docstring)."""
    probes = tomllib.loads(probes_file.read_text(encoding="utf-8"))
    built: dict[str, object] = {}

    def doc(file: str):
        if file not in built:
            built[file], _ = build_document(ROOT / file)
        return built[file]

    groups: dict[str, dict] = {"tuned": {}, "held-out": {}}  # then one per `split` marker (blind2, blind3)

    def group_of(entry: dict, key: str) -> str:
        split = entry.get("split")
        if split in HASH_SPLITS:  # a round's own probes: a third held out by the same hash
            return f"{split} held-out" if held_out(key) else split
        if split in NAME_SPLITS:
            return f"{split} {name_half(entry['file'])}"
        return split or ("held-out" if held_out(key) else "tuned")
    misses: list[dict] = []

    def score(group: str, level: str, field_name: str, ok: bool, miss: dict) -> None:
        groups.setdefault(group, {}).setdefault(f"{level} {field_name}", []).append(ok)
        if not ok:
            misses.append({"group": group, "level": level, "field": field_name, **miss})

    for entry in probes.get("doc", []):
        group = group_of(entry, entry["file"])
        if group in skip:
            continue
        d = doc(entry["file"])
        meta = d.meta
        ours = {
            "region": _region_text(meta.region.path),
            "province": meta.region.path[0] if meta.region.path else "",
            "type": meta.doc_type,
            "title": meta.title.replace(" ", ""),
            "doc_number": meta.doc_number,
            "issuer": meta.issuer,
            "issued": meta.issued,
        }
        expected = dict(entry)
        if "region" in expected:
            expected["province"] = next((p for p in (expected["region"],) if p), "")
            gaz_path = _expected_province(expected["region"])
            expected["province"] = gaz_path
        for key in ("region", "province", "type", "title", "doc_number", "issuer", "issued"):
            if key in expected:
                want = expected[key].replace(" ", "") if key == "title" else expected[key]
                score(group, "document", key, ours[key] == want, {"file": entry["file"], "ours": ours[key], "expected": want})
        stated = [key for key in ("doc_number", "issuer", "issued") if key in expected]
        if stated:
            wrong = {key: ours[key] for key in stated if ours[key] != expected[key]}
            score(group, "document", "facts (all stated)", not wrong, {"file": entry["file"], "ours": wrong, "expected": {key: expected[key] for key in wrong}})
        if "year" in expected:
            score(group, "document", "year", expected["year"] in meta.years, {"file": entry["file"], "ours": list(meta.years), "expected": expected["year"]})
        marked = [p.text for p in d.passages if _MARKUP.search(p.text)]
        score(group, "document", "no markup", not marked, {"file": entry["file"], "ours": marked[:1], "expected": "no markup"})

    for entry in probes.get("probe", []):
        group = group_of(entry, entry["file"] + "|" + entry["text"])
        if group in skip:
            continue
        d = doc(entry["file"])
        passage = next((p for p in d.passages if entry["text"] in p.text), None)
        where = {"file": entry["file"], "text": entry["text"]}
        score(group, "passage", "phrase recall", passage is not None, {**where, "ours": "", "expected": "inside one passage"})
        if passage is None:
            continue
        if "region" in entry:
            ours = _region_text(passage.region.path)
            score(group, "passage", "region", ours == entry["region"], {**where, "ours": ours, "expected": entry["region"]})
        if "year" in entry:
            score(group, "passage", "year", entry["year"] in passage.years, {**where, "ours": list(passage.years), "expected": entry["year"]})
    summary = {group: {key: {"correct": sum(v), "total": len(v)} for key, v in sorted(fields.items())} for group, fields in groups.items()}
    return {"summary": summary, "misses": misses}


def evaluate_sectors(labels_file: Path, corpus: Path | None = None) -> dict:
    """Precision of sector tags on the hand-labelled sample: of the pairs still tagged, how many
    are right; and how many of the right pairs are still tagged."""
    from icpolicy.text.normalize import normalise

    rows = [line.rstrip("\n").split("\t") for line in labels_file.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    built: dict[str, object] = {}
    tagged_right = tagged_wrong = right = 0
    for file, segment, _keyword, label, snippet in rows:
        if file not in built:
            path = corpus / file.removeprefix("corpus:") if file.startswith("corpus:") and corpus else ROOT / file
            if not path.exists():
                continue
            built[file], _ = build_document(path)
        if file not in built:
            continue
        passage = next((p for p in built[file].passages if snippet in normalise(p.text)), None)
        tagged = passage is not None and segment in passage.segments
        right += label == "1"
        tagged_right += tagged and label == "1"
        tagged_wrong += tagged and label == "0"
    return {"pairs": len(rows), "tagged": tagged_right + tagged_wrong, "tagged_right": tagged_right, "right": right}


def _expected_province(region: str) -> str:
    from icpolicy.meta.regions import gazetteer

    if region in ("全国", "多地", "不详"):
        return region
    for mention in gazetteer().find(region)[:1]:
        return mention.places[0].path[0]
    return ""


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
        region = _region_text(meta.region.path)
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
    parser.add_argument("--probes", type=Path, default=ROOT / "tests" / "fixtures" / "attribution" / "probes.toml")
    parser.add_argument("--sectors", type=Path, default=ROOT / "tests" / "fixtures" / "attribution" / "sector_labels.tsv")
    parser.add_argument("--show-held-out", action="store_true", help="also print the misses of every other group (held-out, blind…)")
    parser.add_argument("--show", action="append", default=[], metavar="GROUP", help="also print this group's misses (e.g. round4)")
    parser.add_argument("--skip", action="append", default=[], metavar="GROUP", help="neither build nor score this group (e.g. \"blind15 held-out\" while writing rules)")
    parser.add_argument("--probes-only", action="store_true", help="score the probes only (no corpus manifest, no sector samples)")
    args = parser.parse_args()
    if not (args.corpus / "MANIFEST.tsv").exists():
        print(f"no MANIFEST.tsv in {args.corpus}", file=sys.stderr)
        return 2
    report = {"summary": {}, "misses": []} if args.probes_only else evaluate(args.corpus)
    for key, figures in report["summary"].items():
        print(f"{key:<14} {figures['correct']:>3}/{figures['total']:<3} {figures['accuracy']:.1%}")
    for miss in report["misses"]:
        print(f"miss {miss['field']:<6} {miss['file']}: ours {miss['ours']!r}, manifest {miss['manifest']!r}  ({miss['title'][:40]})")
    if args.probes.exists():
        probes = evaluate_probes(args.probes, tuple(args.skip))
        report["probes"] = probes
        names = list(probes["summary"])
        print(f"\nattribution probes ({args.probes.name})".ljust(41) + "".join(f"{name:<17}" for name in names))
        keys = sorted(set().union(*probes["summary"].values()))
        for key in keys:
            cells = []
            for group in names:
                figures = probes["summary"][group].get(key)
                cells.append(f"{figures['correct']:>3}/{figures['total']:<3} {figures['correct'] / figures['total']:>6.1%}" if figures else " " * 14)
            print(f"{key:<28} " + "   ".join(cells))
        for miss in probes["misses"]:
            if miss["group"] == "tuned" or miss["group"] in args.show or args.show_held_out:
                print(f"miss [{miss['group']}] {miss['level']} {miss['field']}: {miss['file']} {miss.get('text', '')!r}: ours {miss['ours']!r}, expected {miss['expected']!r}")
    for labels in () if args.probes_only else (args.sectors, *(args.sectors.with_name(args.sectors.stem + suffix) for suffix in ("_heldout.tsv", "_fresh.tsv", "_fresh2.tsv", "_fresh3.tsv"))):
        if labels.exists():
            sectors = report.setdefault("sectors", {})[labels.name] = evaluate_sectors(labels, args.corpus)
            print(f"sector precision ({labels.name}): {sectors['tagged_right']}/{sectors['tagged']} "
                  f"{sectors['tagged_right'] / max(1, sectors['tagged']):.1%} of the sampled tags are right; "
                  f"{sectors['tagged_right']}/{sectors['right']} of the right ones are kept")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

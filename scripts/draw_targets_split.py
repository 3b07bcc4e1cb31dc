"""Draw a split of real passages for hand-labelling `icpolicy targets` (holdout18 and after).

    icpolicy ingest ../shared/corpus ../shared/seeds --index IDX
    icpolicy search "0 OR 1 OR 2 OR 3 OR 4 OR 5 OR 6 OR 7 OR 8 OR 9" --all -f jsonl --index IDX > hits.jsonl
    python scripts/draw_targets_split.py hits.jsonl --salt label21 --labels tests/fixtures/targets_labels.jsonl \
        [--labels more.jsonl ...] > passages.json

Candidates: passages with a digit, 15-250 characters, not a heading, neither labelled before (by document and
passage, or by text) nor sharing a 30-character run with any labelled text; two passages excluded by name (the
README's own `targets` example and a deadline-only policy passage, as every draw since holdout13).  The
candidates are sorted by SHA-1 of "SALT:doc#passage"; from each document the first in that order (outside work
reports, the first with a digit before a measure word, when there is one), the documents least used by earlier
labels first, up to a quota per kind of document.  Prints the passages as JSON: doc, passage, year (the newest of
the hit's years, the year ingest gives its uncued figures), doc_type, title, text.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys

QUOTA = {"gwr": 27, "stat": 6, "plan": 4, "policy": 4, "news": 2}
DIGIT = re.compile(r"[0-9０-９]")
MEASURED = re.compile(r"[0-9０-９](?:万|亿)*(?:元|家|个|项|%|％|人|吨|亩|平方米|公里|户|倍)")
EXCLUDED = {("seeds/002_fb61b6fb22bb7e3f.txt", 13)}  # README's own `targets` example


def stratum(doc_type: str) -> str:
    if doc_type == "政府工作报告":
        return "gwr"
    if doc_type.startswith("统计"):
        return "stat"
    if doc_type in ("行动方案", "行动计划", "工作方案", "计划"):
        return "plan"
    return "news" if doc_type == "新闻综述" else "policy"


def heading(text: str) -> bool:
    return len(text) < 40 and not re.search("[，。；]", text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hits", help="JSONL hits of every passage with a digit")
    parser.add_argument("--salt", required=True)
    parser.add_argument("--labels", action="append", required=True, help="labelled rows to exclude (repeatable)")
    parser.add_argument("--shared", default="/work/shared/", help="the prefix of the hits' source paths")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for path in args.labels for line in open(path, encoding="utf-8") if line.strip()]
    labelled = {(r["doc"], r["passage"]) for r in rows}
    texts = {r["text"] for r in rows}
    runs = {t[i:i + 30] for t in texts for i in range(len(t) - 29)}
    use = collections.Counter(r["doc"] for r in rows)

    def key(doc: str, passage: int) -> str:
        return hashlib.sha1(f"{args.salt}:{doc}#{passage}".encode()).hexdigest()

    by = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(args.hits, encoding="utf-8"):
        hit = json.loads(line)
        doc, text, passage = hit["source"].replace(args.shared, ""), hit["text"], hit["passage"]
        if (doc, passage) in labelled or text in texts or not 15 <= len(text) <= 250 or not DIGIT.search(text):
            continue
        if any(text[i:i + 30] in runs for i in range(len(text) - 29)) or (doc, passage) in EXCLUDED:
            continue
        if "广东" in hit["title"] and "公共数据" in hit["title"] and passage == 45:
            continue  # a 15个工作日内 deadline: excluded since holdout13
        by[stratum(hit["doc_type"])][doc].append(hit)
    picked = []
    for name, quota in QUOTA.items():
        firsts = []
        for doc, hits in by[name].items():
            hits = [h for h in hits if not heading(h["text"])]
            if name != "gwr":
                hits = [h for h in hits if MEASURED.search(h["text"])] or hits
            if hits:
                hits.sort(key=lambda h: key(doc, h["passage"]))
                firsts.append((use[doc], key(doc, hits[0]["passage"]), doc, hits[0]))
        picked += [(doc, hit) for *_, doc, hit in sorted(firsts)[:quota]]
    out = [{"doc": doc, "passage": h["passage"], "year": max(h["years"]) if h["years"] else None, "doc_type": h["doc_type"],
            "title": h["title"], "text": h["text"]} for doc, h in picked]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

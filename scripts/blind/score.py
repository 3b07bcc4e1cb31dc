#!/usr/bin/env python3
"""Score a blind set: score.py TOOL SETDIR [--errata] [--misses] [--dump OUT.json]

TOOL is a source tree (TOOL/src/icpolicy). SETDIR holds docs/ and labels.jsonl
(one {"file","needle","region_path","years"} per line) and optionally errata.jsonl
(the same keys: the writer's corrections, keyed by file+needle)."""
import json, os, subprocess, sys, tempfile

RUNNER = r'''
import json, sys, tempfile, os, unicodedata
from icpolicy import Filters, open_index, ingest
setdir, out = sys.argv[1], sys.argv[2]
labels = [json.loads(l) for l in open(os.path.join(setdir, "labels.jsonl"), encoding="utf-8") if l.strip()]
idx = tempfile.mkdtemp(prefix="score51_")
rep = ingest([os.path.join(setdir, "docs")], idx)
skipped = [str(s) for s in getattr(rep, "skipped", [])]
norm = lambda s: "".join(unicodedata.normalize("NFKC", s).split()).lower()
res = []
with open_index(idx) as ix:
    for lab in labels:
        needle = lab["needle"]
        got = None
        try:
            r = ix.search('"%s"' % needle, Filters(), limit=None)
            hits = [h for h in r.hits if os.path.basename(h.source.split("!")[-1]) == lab["file"]]
            hits.sort(key=lambda h: h.passage)
            inside = [h for h in hits if norm(needle) in norm(h.text)] or hits
            if inside:
                h = inside[0]
                got = {"region_path": list(h.region_path), "years": sorted(h.years), "text": h.text[:80],
                       "passage": h.passage, "doc_type": h.doc_type, "title": h.title}
        except Exception as e:
            got = {"error": repr(e)}
        res.append({"label": lab, "got": got})
json.dump({"skipped": skipped, "results": res}, open(out, "w", encoding="utf-8"), ensure_ascii=False)
'''

def main():
    args = sys.argv[1:]
    tool, setdir = os.path.abspath(args[0]), os.path.abspath(args[1])
    errata, misses = "--errata" in args, "--misses" in args
    dump = args[args.index("--dump") + 1] if "--dump" in args else None
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        env = dict(os.environ, PYTHONPATH=os.path.join(tool, "src"))
        py = os.environ.get("SCORE_PY", "/work/main/.venv/bin/python")
        p = subprocess.run([py, "-c", RUNNER, setdir, out], env=env, capture_output=True, text=True)
        if p.returncode:
            sys.exit("runner failed:\n" + p.stderr[-3000:])
        data = json.load(open(out, encoding="utf-8"))
    fixes = {}
    if errata and os.path.exists(os.path.join(setdir, "errata.jsonl")):
        for l in open(os.path.join(setdir, "errata.jsonl"), encoding="utf-8"):
            if l.strip():
                e = json.loads(l)
                fixes[(e["file"], e["needle"])] = e
    n = found = reg = yrs = 0
    lines = []
    for row in data["results"]:
        lab, got = dict(row["label"]), row["got"]
        e = fixes.get((lab["file"], lab["needle"]))
        if e:
            lab.update({k: e[k] for k in ("region_path", "years") if k in e})
        n += 1
        if not got or "error" in got:
            lines.append("NOT FOUND %s %s %s" % (lab["file"], lab["needle"], got))
            row["ok"] = [False, False]
            continue
        found += 1
        r_ok = list(got["region_path"]) == list(lab["region_path"])
        y_ok = sorted(got["years"]) == sorted(lab["years"])
        reg += r_ok; yrs += y_ok
        row["ok"] = [r_ok, y_ok]
        if not (r_ok and y_ok):
            lines.append("%s%s %s | %s\n    want %s %s\n    got  %s %s\n    %s" % (
                "R" if not r_ok else "-", "Y" if not y_ok else "-", lab["file"], lab["needle"],
                "/".join(lab["region_path"]), lab["years"], "/".join(got["region_path"]), got["years"], got["text"]))
    if misses:
        print("\n".join(lines))
    if data["skipped"]:
        print("skipped files:", data["skipped"])
    print("labels %d found %d region %d (%.1f%%) years %d (%.1f%%)" % (
        n, found, reg, 100.0 * reg / max(n, 1), yrs, 100.0 * yrs / max(n, 1)))
    if dump:
        json.dump(data, open(dump, "w", encoding="utf-8"), ensure_ascii=False)

main()

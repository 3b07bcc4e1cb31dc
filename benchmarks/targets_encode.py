"""CPU time of the quantities ingest stores (meta/target_store.encode) over a generated corpus, against
the same code at another git revision, measured in the same run.

    python benchmarks/targets_encode.py --mb 10 --base main [--runs 5]

The corpus is benchmarks/corpus/<mb>mb (made by benchmarks/generate.py when missing); its documents are
read and cut into passages once, and each passage is encoded with its newest year, its document's type
and its work report's part, as the ingest workers do.  The base revision's src/ is exported with
`git archive` into a temporary folder; each run is one process (base and ours alternating), which times
one pass after a warm-up pass; the medians of the runs and their ratio are printed.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PASS = """
import pickle, sys, time
from icpolicy.meta.target_parts import Parts
from icpolicy.meta import target_store
docs = pickle.loads(open(sys.argv[1], "rb").read())
jobs = []
for doc_type, passages in docs:
    parts = Parts(doc_type).feed([text for text, _ in passages])
    jobs += [(text, year, doc_type, part) for (text, year), part in zip(passages, parts)]
[target_store.encode(*job) for job in jobs]
start = time.process_time()
found = [target_store.encode(*job) for job in jobs]
print(time.process_time() - start, sum(s.count(chr(0x1e)) for s in found if s))
"""


def passages(folder: Path, out: Path) -> int:
    """Every document of folder as (doc_type, [(text, newest year)]), pickled to out; the passage count."""
    sys.path.insert(0, str(ROOT / "src"))
    from icpolicy.pipeline.build import read_document

    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        document = read_document(path)
        docs.append((document.meta.doc_type, [(p.text, max(p.years, default=0)) for p in document.passages]))
    out.write_bytes(pickle.dumps(docs))
    return sum(len(d[1]) for d in docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--base", default="main", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    corpus = ROOT / "benchmarks" / "corpus" / f"{args.mb:g}mb"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--mb", str(args.mb), str(corpus)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        count = passages(corpus, tmp / "passages.pkl")
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "src"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
        times: dict[str, list[float]] = {"base": [], "ours": []}
        rows = {}
        for _ in range(args.runs):
            for name, src in (("base", tmp / "src"), ("ours", ROOT / "src")):
                out = subprocess.run([sys.executable, "-c", _PASS, str(tmp / "passages.pkl")], check=True, capture_output=True,
                                     text=True, env={**os.environ, "PYTHONPATH": str(src)}).stdout.split()
                times[name].append(float(out[0]))
                rows[name] = int(out[1])
    base, ours = statistics.median(times["base"]), statistics.median(times["ours"])
    print(f"target_store.encode, {count} passages of {corpus.name}, CPU s, median of {args.runs} interleaved runs")
    print(f"  base {args.base}: {base:.3f} s ({rows['base']} quantities)  runs {[round(t, 3) for t in times['base']]}")
    print(f"  ours:      {ours:.3f} s ({rows['ours']} quantities)  runs {[round(t, 3) for t in times['ours']]}")
    print(f"  ours / base: {ours / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

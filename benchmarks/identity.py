"""Prove that a speed change left the index and every output as they were: a digest of each.

    python benchmarks/identity.py OUT.json                 # digests of this checkout's output
    python benchmarks/identity.py OUT.json --mb 10         # ... with the generated 10 MB corpus too
    python benchmarks/identity.py --compare BEFORE.json AFTER.json

Another commit's output: export it beside a link to ../shared (`mkdir -p X/repo && ln -s
$PWD/../shared X/shared && git archive COMMIT src benchmarks scripts seeds tests | tar -x -C X/repo`),
copy this script into X/repo/benchmarks and run it there with PYTHONPATH=X/repo/src.  The files
are copied into one scratch folder first, so the digests do not depend on where a checkout lies.

Run it on the code before a change and after it, then compare.  What it digests, for each set
of files (the 70 corpus documents, the seeds, the test fixtures, and the generated corpus):

- every tantivy document the ingest hands the writer (all fields: tokens, stored record with
  its stored quantities, filter and facet values, document facts), from an ingest through the
  worker processes (order-free: one digest per document, sorted) and one in this process;
- the same for the streamed path (the text files of the set, in 3,000-character chunks);
- the Whoosh document index (every stored record) and the manifest's counts;
- full hit lists (every field of every hit: highlights, scores, labels, stored quantities)
  of the benchmark's 50 queries and a few more, and the targets and documents views;
- the output of scripts/evaluate_metadata.py and scripts/evaluate_targets.py.

A `words` field is compared as a sorted set of words (it is one, and its order follows str
hashing).  `--dump DIR` writes each section's text, to find what differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import shutil
from pathlib import Path

# one commit at the end of each ingest: a commit every 30 s would cut segments where a loaded
# machine happens to be, and the order of equal scores and the manifest's opstamp with them
os.environ["ICPOLICY_COMMIT_SECONDS"] = "1000000"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"  # the 70 corpus documents and the seeds (as the evaluation scripts find them)
sys.path.insert(0, str(HERE))

EXTRA_QUERIES = [("集成电路 OR 芯片", {}), ("集成电路 -封装", {}), ("发展 同句 产业", {}), ("江苏", {}), ("亿元", {}), ("集", {}),
                 ("ASIC", {}), ("2025年", {}), ("目标", {"types": ["政府工作报告"]})]
VIEW_QUERIES = ["", "集成电路", "亿元", "营业收入", "产业"]


def _canonical(fields: dict) -> str:
    out = {}
    for name, values in sorted(fields.items()):
        if name == "words":
            values = [" ".join(sorted(v.split(" "))) for v in values]
        out[name] = [v.hex() if isinstance(v, bytes) else v for v in values]
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


class _Recording:
    """tantivy's IndexWriter, recording every document added."""

    def __init__(self, inner, sink: list):
        self._inner, self._sink = inner, sink

    def add_document(self, doc):
        self._sink.append(_canonical(doc.to_dict()))
        return self._inner.add_document(doc)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _ingest(paths: list[Path], index_dir: Path, workers: int) -> list[str]:
    from icpolicy.engine import writer as index
    from icpolicy.pipeline.ingest import ingest

    sink: list[str] = []
    original = index.Writer.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.writer = _Recording(self.writer, sink)

    index.Writer.__init__ = init
    try:
        report = ingest(paths, index_dir, workers=workers)
    finally:
        index.Writer.__init__ = original
    sink.append(json.dumps({"indexed": len(report.indexed), "skipped": sorted((s.path, s.reason) for s in report.skipped),
                            "passages": report.passages}, ensure_ascii=False))
    return sink


def _hits(index_dir: Path, queries) -> str:
    from icpolicy import Filters, open_index

    lines = []
    with open_index(index_dir) as ix:
        for text, filters in queries:
            result = ix.search(text, Filters(**filters), limit=None)
            lines.append(f"## {text} {filters} total={result.total}")
            lines.extend(json.dumps(vars(hit), ensure_ascii=False, default=str) for hit in result.hits)
            top = ix.search(text, Filters(**filters), limit=10)
            lines.append(json.dumps([vars(h) for h in top.hits], ensure_ascii=False, default=str))
            lines.append(json.dumps({f: getattr(top, f) for f in ("documents", "by_province", "by_region", "by_year", "by_type")},
                                    ensure_ascii=False, default=str, sort_keys=True))
        for text in VIEW_QUERIES:
            lines.append(json.dumps(ix.targets(text), ensure_ascii=False, default=str))
            lines.append(json.dumps(ix.documents(text), ensure_ascii=False, default=str))
    return "\n".join(lines)


def _stores(index_dir: Path) -> str:
    from icpolicy.engine import documents

    manifest = json.loads((index_dir / "icpolicy.json").read_text(encoding="utf-8"))
    kept = {k: manifest.get(k) for k in ("documents", "passages", "key_counts", "taxonomy", "cleaning", "targets")}
    whoosh = documents.read(index_dir)
    return json.dumps({"manifest": kept, "documents": whoosh}, ensure_ascii=False, sort_keys=True, default=str)


def digest_set(name: str, paths: list[Path], work: Path, sections: dict[str, str]) -> None:
    """The sections of one set of files (see the module docstring)."""
    from run import QUERIES

    # copies in the fixed scratch folder, all with one mtime (a source's path and mtime are in its
    # records): two checkouts in different folders, made at different times, give the same digests
    copied = work / f"{name}-files"
    for k, root in enumerate(paths):
        shutil.copytree(root, copied / str(k), symlinks=True)
    for path in copied.rglob("*"):
        if path.is_file() and not path.is_symlink():
            os.utime(path, (1_700_000_000, 1_700_000_000))
    paths = sorted(copied.iterdir())
    pooled = _ingest(paths, work / f"{name}-pool", workers=2)
    sections[f"{name}/tantivy docs (workers, sorted)"] = "\n".join(sorted(pooled))
    alone = _ingest(paths, work / f"{name}-one", workers=1)
    sections[f"{name}/tantivy docs (in order)"] = "\n".join(alone)
    sections[f"{name}/document index and manifest"] = _stores(work / f"{name}-one")
    sections[f"{name}/hits and views"] = _hits(work / f"{name}-one", QUERIES + EXTRA_QUERIES)

    from icpolicy.pipeline import stream

    texts = sorted(p for root in paths for p in ([root] if root.is_file() else root.rglob("*")) if p.suffix in (".txt", ".md"))
    chunk, limit = stream.CHUNK_CHARS, stream.STREAM_BYTES
    stream.CHUNK_CHARS, stream.STREAM_BYTES = 3000, 10_000
    try:
        streamed = work / f"{name}-stream"
        streamed.mkdir()
        for k, path in enumerate(texts[:40]):
            shutil.copy2(path, streamed / f"{k:03d}{path.suffix}")  # the same mtime: it is in the facts
        sections[f"{name}/tantivy docs (streamed, 3000-character chunks)"] = "\n".join(_ingest([streamed], work / f"{name}-streamed", 1))
    finally:
        stream.CHUNK_CHARS, stream.STREAM_BYTES = chunk, limit


def _script(args: list[str]) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)
    return f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--mb", type=float, help="also the generated corpus of this size (benchmarks/corpus/<mb>mb)")
    parser.add_argument("--dump", type=Path, help="write each section's text here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/icpolicy-identity"), help="a scratch folder (emptied)")
    parser.add_argument("--quick", action="store_true", help="the 70 corpus documents and the seeds only")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        differ = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
        for key in differ:
            print(f"DIFFERS: {key}")
        print(f"{len(before)} / {len(after)} sections, {len(differ)} differ")
        return 1 if differ else 0
    if args.out is None:
        parser.error("give OUT.json, or --compare BEFORE AFTER")
    sets = {"corpus": [SHARED / "corpus"], "seeds": [SHARED / "seeds"]}
    if not args.quick:
        sets["fixtures"] = [ROOT / "tests" / "fixtures"]
    if args.mb:
        from generate import generate

        corpus = HERE / "corpus" / f"{args.mb:g}mb"
        if not corpus.exists():
            generate(corpus, int(args.mb * 1e6), None)
        sets[f"{args.mb:g}mb"] = [corpus]
    sections: dict[str, str] = {}
    # a fixed folder: the streamed copies' paths are their sources, in every record
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    try:
        for name, paths in sets.items():
            digest_set(name, paths, args.work, sections)
    finally:
        shutil.rmtree(args.work, ignore_errors=True)
    sections["scripts/evaluate_metadata.py --show-held-out"] = _script(["scripts/evaluate_metadata.py", "--show-held-out"])
    sections["scripts/evaluate_targets.py -v"] = _script(["scripts/evaluate_targets.py", "-v"])
    sections["scripts/evaluate_targets.py --passage-only"] = _script(["scripts/evaluate_targets.py", "--passage-only"])
    digests = {k: hashlib.sha256(v.encode("utf-8")).hexdigest() for k, v in sections.items()}
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for k, v in sections.items():
            (args.dump / (k.replace("/", "_").replace(" ", "_") + ".txt")).write_text(v, encoding="utf-8")
    args.out.write_text(json.dumps(digests, ensure_ascii=False, indent=1), encoding="utf-8")
    for k, v in digests.items():
        print(f"{v[:16]}  {k} ({len(sections[k])} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

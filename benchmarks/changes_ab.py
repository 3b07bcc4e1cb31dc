"""A/B check of the changes view: two versions of the source, the same index, every answer compared.

    python benchmarks/changes_ab.py --against REV [--index DIR]

REV's src/ (`git archive`, into a temporary folder) and the working tree's each run `changes`
(the Python API, views/changes.py) in a process of their own, each on an index of ../shared/corpus
it ingested itself (so that an index schema change between them does not matter; --index gives one
index both read), for every case: each place with a
政府工作报告 in at least two years, every pair of its consecutive years (as the index has them),
one pair two steps apart and one year it has no report for (and EXTRA: the other errors);
each with no query, the queries of
benchmarks/views.py and a few more (an OR, a NOT, a phrase, a term of its reports); and, for the
first pair of each place, thresholds 40 and 80 besides the default.  An answer is the payload as
JSON (added, removed, changed with similarity, diff and moved targets, kept, both documents) or
the error's class and message.  Prints the cases that differ and exits 1 when one does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERIES = ["", "经济", "旅游", "经济 OR 旅游", "发展 -旅游", '"营商环境"', "就业", "集成电路", "先进封装", "产业链", "数字经济",
           "集成电路 人才 基金", '"高质量发展"', "营业收入", "亿元"]
THRESHOLDS = (40.0, 80.0)
# the errors: a place whose reports are those of a place within it, a year with several
# documents of a type, a plan for several years (the same document both years)
EXTRA = [("呼伦贝尔", 2018, 2019, "政府工作报告"), ("内蒙古", 2018, 2019, "政府工作报告"), ("内蒙古", 2024, 2025, "政府工作报告"),
         ("全国", 2023, 2024, "统计公报"), ("全国", 2024, 2025, "统计公报"), ("青浦", 2023, 2024, "行动方案"), ("江苏", 2024, 2025, "行动方案")]


def cases(index: Path) -> list[dict]:
    """The cases: places with a 政府工作报告 in two years or more (from the docs view of this tree)."""
    from icpolicy import Filters, open_index

    years: dict[str, set[int]] = {}
    with open_index(index) as ix:
        for doc in ix.documents("", Filters(types=["政府工作报告"]), sort="region")["documents"]:
            if doc["years"] and doc["region"]:
                years.setdefault(doc["region"], set()).add(max(doc["years"]))
    out = []
    for region, found in sorted(years.items()):
        ordered = sorted(found)
        if len(ordered) < 2:
            continue
        pairs = list(zip(ordered, ordered[1:])) + ([(ordered[0], ordered[2])] if len(ordered) > 2 else [])
        missing = next(y for y in range(ordered[-1] - 1, 0, -1) if y not in found)
        pairs.append((missing, ordered[-1]))
        for k, (a, b) in enumerate(pairs):
            for q in QUERIES:
                out.append({"region": region, "from": a, "to": b, "query": q, "threshold": 60.0})
            if k == 0:
                out += [{"region": region, "from": a, "to": b, "query": q, "threshold": t} for t in THRESHOLDS for q in ("", "经济")]
    for region, a, b, doc_type in EXTRA:
        out += [{"region": region, "from": a, "to": b, "query": q, "threshold": 60.0, "type": doc_type} for q in ("", "经济")]
    return out


def answers(index: Path, listed: list[dict]) -> list[str]:
    """Each case's answer from the icpolicy this process imports (JSON text)."""
    from icpolicy import open_index
    from icpolicy.views.changes import changes

    out = []
    with open_index(index) as ix:
        for c in listed:
            try:
                payload = changes(ix.engine, c["region"], c["from"], c["to"], c.get("type", "政府工作报告"), query=c["query"], threshold=c["threshold"])
            except Exception as exc:  # noqa: BLE001 - an error is an answer too, compared by class and message
                payload = {"error": type(exc).__name__, "message": str(exc)}
            out.append(json.dumps(payload, ensure_ascii=False, sort_keys=True))
    return out


def _run_version(src: Path, index: Path, listed: Path, into: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, __file__, "--answer", str(listed), "--index", str(index), "--into", str(into), "--expect", str(src)],
                   env=env, check=True)


def _ingest_with(src: Path, index: Path) -> None:
    """../shared/corpus ingested by the icpolicy under src (each version reads an index of its own
    schema; a doc_id comes from the file's path, so both answer about the same documents)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", str(ROOT.parent / "shared" / "corpus"), "--index", str(index)],
                   env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="the git revision whose src/ is the A side (default HEAD)")
    parser.add_argument("--index", type=Path, help="an index both versions can read (default: each ingests ../shared/corpus into a temporary folder)")
    parser.add_argument("--keep", type=Path, help="a folder to keep the cases and both sides' answers in (cases.json, a.json, b.json)")
    parser.add_argument("--answer", type=Path, help=argparse.SUPPRESS)  # child: the cases file
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--expect", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.answer:  # a child: answer with the icpolicy of PYTHONPATH
        import icpolicy

        if not Path(icpolicy.__file__).resolve().is_relative_to(args.expect.resolve()):
            sys.exit(f"changes_ab: imported {icpolicy.__file__}, not the version under {args.expect}")
        listed = json.loads(args.answer.read_text(encoding="utf-8"))
        args.into.write_text(json.dumps(answers(args.index, listed), ensure_ascii=False), encoding="utf-8")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="changes-ab-") as tmp:
        tmp = Path(tmp)
        archive = tmp / "a.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), args.against, "src"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp / "a", filter="data")
        if args.index:  # both versions read it (the same index schema)
            index_a = index_b = args.index
        else:  # each version ingests the corpus itself
            index_a, index_b = tmp / "index-a", tmp / "index-b"
            _ingest_with(tmp / "a" / "src", index_a)
            _ingest_with(ROOT / "src", index_b)
        listed = cases(index_b)
        (tmp / "cases.json").write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
        _run_version(tmp / "a" / "src", index_a, tmp / "cases.json", tmp / "a.json")
        _run_version(ROOT / "src", index_b, tmp / "cases.json", tmp / "b.json")
        old = json.loads((tmp / "a.json").read_text(encoding="utf-8"))
        new = json.loads((tmp / "b.json").read_text(encoding="utf-8"))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("cases.json", "a.json", "b.json"):
                (args.keep / name).write_bytes((tmp / name).read_bytes())
    differ = [(c, a, b) for c, a, b in zip(listed, old, new) if a != b]
    errors = sum(1 for a in old if a.startswith('{"error"'))
    for c, a, b in differ[:20]:
        print(f"DIFFERS {c}\n  {args.against}: {a[:300]}\n  working tree: {b[:300]}")
    print(f"{len(listed)} cases ({len(listed) - errors} answers, {errors} errors) on {args.index or 'the corpus, ingested by each'}: "
          f"{len(listed) - len(differ)} identical, {len(differ)} differ ({args.against} vs the working tree)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

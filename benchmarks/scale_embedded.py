"""The embedded index (tantivy passages + Whoosh documents) at times x a corpus's size, for
`scale.py replicate-embedded`: reading 1 GB of files is out of reach on the shared cores, so
the rows the ingest workers make of the corpus (Document + schema.Prepared, as `ingest` hands
them to its writer) are made once, cached, and given to the index's own Writer times over,
copy k under document ids ending in `.k` and sources ending in `#k` (the stored record's doc
id rewritten to match), as `scale.py replicate` does for chdb.  Term statistics keep their
proportions; every posting list is times as long.  Then the same queries are timed on the
1x and the times-x index in one process, interleaved (1x, Nx, 1x, ...), wall and CPU.
"""

from __future__ import annotations

import os
import pickle
import shutil
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def built_rows(corpus: Path, cache: Path) -> tuple[list, dict]:
    """What two ingest workers make of the corpus's files (pipeline.build.safe_build), cached in `cache`."""
    import json

    facts_path = cache.with_suffix(".json")
    if cache.exists() and facts_path.exists():
        return pickle.loads(cache.read_bytes()), json.loads(facts_path.read_text())
    from icpolicy.models import IngestReport
    from icpolicy.pipeline import build
    from icpolicy.pipeline.walk import walk

    files = sorted(walk([corpus], IngestReport()).values())
    build.warm()
    start, before = time.perf_counter(), os.getloadavg()[0]
    with ProcessPoolExecutor(max_workers=2) as pool:
        made = [m for m in pool.map(build.safe_build, files, chunksize=8) if isinstance(m, tuple)]
    facts = {"embedded_read_s": time.perf_counter() - start, "embedded_read_loadavg": [before, os.getloadavg()[0]],
             "embedded_read_bytes": sum(p.stat().st_size for p in files), "embedded_read_documents": len(made)}
    cache.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    facts_path.write_text(json.dumps(facts))
    return made, facts


def _copy(document, prepared, k: int):
    """Copy k of a built document: doc id `.k`, source `#k`, each stored record's doc id to match."""
    doc_id = f"{document.doc_id}.{k}"
    old = document.doc_id.encode("utf-8") + b"\t"
    new = doc_id.encode("utf-8") + b"\t"
    rows = tuple(row[:3] + (new + row[3][len(old):],) + row[4:] for row in prepared.rows)
    return document._replace(doc_id=doc_id, source=f"{document.source}#{k}"), prepared._replace(rows=rows)


def write(folder: Path, made: list, times: int) -> dict:
    """A fresh index folder holding made times over (copy k suffixed .k/#k; times 1 keeps the ids), written by the
    index's own Writer as ingest writes (one commit, then its merges); the time, CPU and bytes."""
    from icpolicy.engine import folder as folders
    from icpolicy.engine import writer as index
    from icpolicy.meta.sectors import taxonomy_hash
    from icpolicy.meta.target_store import manifest_hash
    from icpolicy.pipeline.ingest import _rules_hash

    shutil.rmtree(folder, ignore_errors=True)
    facts = {"taxonomy": taxonomy_hash(), "cleaning": _rules_hash(), "targets": manifest_hash(None), "roots": []}
    before = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    with folders.lock(folder):
        writer = index.Writer(folder, facts)
        for k in range(times):
            for document, prepared in made:
                writer.add(*(_copy(document, prepared, k) if times > 1 else (document, prepared)))
        writer.commit()
        writer.merge_small()
        writer.close()
    text = sum(len(row[3]) for _, prepared in made for row in prepared.rows) * times
    return {"write_s": time.perf_counter() - start, "write_cpu_s": time.process_time() - cpu, "write_loadavg": [before, os.getloadavg()[0]],
            "record_bytes": text, "bytes": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())}


def time_queries(folders: dict[str, Path], queries: list[str], filtered: list[tuple[str, dict]], views: list[tuple], runs: int, pct, run_view) -> dict:
    """p50/p95 wall and CPU of the top-10 queries, with filters, and trend/stats counts, on each folder, interleaved."""
    from icpolicy.engine.search import Filters, open_index

    opened = {name: open_index(path) for name, path in folders.items()}
    for ix in opened.values():  # warm: file cache, first-query set-up
        for text in queries[:2]:
            ix.search(text)
    wall: dict[str, list] = {f"{n}_{k}": [] for n in opened for k in ("plain", "filtered", "views")}
    cpu: dict[str, list] = {key: [] for key in wall}
    out: dict = {"loadavg_before_queries": os.getloadavg()[0]}
    for _ in range(runs):
        for kind, items in (("plain", [(q, {}) for q in queries]), ("filtered", filtered)):
            for text, f in items:
                for name, ix in opened.items():
                    t, c = time.perf_counter(), time.process_time()
                    ix.search(text, Filters(**f), limit=10)
                    wall[f"{name}_{kind}"].append(time.perf_counter() - t)
                    cpu[f"{name}_{kind}"].append(time.process_time() - c)
        for view, text, by in views:
            for name, ix in opened.items():
                t, c = time.perf_counter(), time.process_time()
                run_view(ix, view, text, by)
                wall[f"{name}_views"].append(time.perf_counter() - t)
                cpu[f"{name}_views"].append(time.process_time() - c)
    out["loadavg_after_queries"] = os.getloadavg()[0]
    for key, values in wall.items():
        out[f"{key}_p50_ms"] = statistics.median(values) * 1000
        out[f"{key}_p95_ms"] = pct(values, 0.95) * 1000
        out[f"{key}_cpu_p50_ms"] = statistics.median(cpu[key]) * 1000
        out[f"{key}_cpu_p95_ms"] = pct(cpu[key], 0.95) * 1000
    for ix in opened.values():
        ix.close()
    return out


def show(result: dict) -> None:
    """The replicated embedded index's table (markdown)."""
    times = result["times"]
    print(f"embedded index, the {result['mb']:g} MB corpus's built rows written 1 and {times} times: "
          f"{result['x1']['bytes'] / 1e6:.0f} / {result[f'x{times}']['bytes'] / 1e6:.0f} MB on disk; {result['runs']} interleaved runs; "
          f"load average {result['loadavg_before_queries']:.1f} before the queries, {result['loadavg_after_queries']:.1f} after; {result['date']}")
    for name in ("x1", f"x{times}"):
        w = result[name]
        print(f"writer alone, {name}: {w['record_bytes'] / 1e6:.0f} MB of stored passages in {w['write_s']:.1f} s wall, {w['write_cpu_s']:.1f} s CPU "
              f"(load average {w['write_loadavg'][0]:.1f} before, {w['write_loadavg'][1]:.1f} after)")
    print(f"| ms | 1x p50 wall | 1x p95 wall | {times}x p50 wall | {times}x p95 wall | 1x p50 CPU | 1x p95 CPU | {times}x p50 CPU | {times}x p95 CPU |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, label in (("plain", "top-10"), ("filtered", "top-10 with filters"), ("views", "trend / stats")):
        cells = [f"{result[f'{n}_{kind}_{q}_ms']:.1f}" for q in ("p50", "p95") for n in ("x1", f"x{times}")]
        cells = [cells[0], cells[2], cells[1], cells[3]]
        cpu = [f"{result[f'{n}_{kind}_cpu_{q}_ms']:.1f}" for n in ("x1", f"x{times}") for q in ("p50", "p95")]
        print(f"| {label} | " + " | ".join(cells + cpu) + " |")


def growth(result: dict) -> None:
    """Growth exponents k (t ∝ size^k) of the p95s from 1x to times x, and 5 GB on one node by them."""
    import math

    times = result["times"]
    print(f"\nembedded growth exponents k from {result['mb']:g} MB to {result['mb'] * times:g} MB, and 5 GB by them")
    print("| p95 | k | measured | 5 GB |\n|---|---|---|---|")
    for kind, label in (("plain", "top-10"), ("filtered", "top-10 with filters"), ("views", "trend / stats")):
        for q, name in (("p95", "wall"), ("cpu_p95", "CPU")):
            a, b = result[f"x1_{kind}_{q}_ms"], result[f"x{times}_{kind}_{q}_ms"]
            k = math.log(b / a) / math.log(times)
            print(f"| {label} {name} | {k:.2f} | {b:.1f} ms | {b * (5000 / (result['mb'] * times)) ** k:.1f} ms |")

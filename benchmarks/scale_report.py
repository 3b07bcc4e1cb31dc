"""The tables `benchmarks/scale.py` prints (markdown, for the README): one run at a size, the
replicated chdb tables, and `report`'s growth exponents and extrapolation."""

from __future__ import annotations

import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def show_replicated(result: dict) -> None:
    print(f"chdb, the {result['replicated_from_mb']:g} MB corpus's rows loaded {result['times']} times: {result['passages']} passages, "
          f"{result['passage_bytes'] / 1e6:.0f} MB of passage text, {result['chdb_bytes'] / 1e6:.0f} MB on disk, {result['chdb_parts']} parts; "
          f"{result['runs']} runs; load average {result['loadavg_before_queries']:.1f} before the queries, {result['loadavg_after_queries']:.1f} after; {result['date']}")
    _show_load(result)
    print("| | p50 wall | p95 wall | p50 CPU | p95 CPU |\n|---|---|---|---|---|")
    for kind, label in (("plain", "top-10 query"), ("filtered", "top-10 query with filters"), ("views", "trend / stats")):
        print(_row(label, [f"{result[f'chdb_{kind}_{q}_ms']:.0f} ms" for q in ("p50", "p95", "cpu_p50", "cpu_p95")]))


def _show_load(result: dict) -> None:
    """The load alone: MB of passage text per second of wall and of CPU, the load average around it."""
    mb = result["passage_bytes"] / 1e6
    print(f"chdb load alone ({result.get('batch_bytes', 16e6) / 1e6:.0f} MB of text per insert, {result.get('cores', 1)} writer(s)): {mb:.0f} MB of passage text in {result['chdb_load_s']:.1f} s = {mb / result['chdb_load_s']:.1f} MB/s wall, "
          f"{mb / result['chdb_load_cpu_s']:.1f} MB/s per CPU-second; load average {result['load_loadavg'][0]:.1f} before, "
          f"{result['load_loadavg'][1]:.1f} after; then {result['chdb_merge_wait_s']:.0f} s of background merges")


def _row(label: str, values: list[str]) -> str:
    return f"| {label} | " + " | ".join(values) + " |"


def show(result: dict) -> None:
    mbps = lambda seconds, size=result["bytes"]: f"{size / 1e6 / seconds:.1f} MB/s"
    print(f"corpus {result['bytes'] / 1e6:.0f} MB, {result['files']} files, {result['passages']} passages; {result['runs']} interleaved runs")
    print("| | embedded | chdb | chdb ÷ embedded |\n|---|---|---|---|")
    print(_row("ingest (files → searchable)", [mbps(result["embedded_ingest_s"]), mbps(result["chdb_ingest_s"]), f"{result['embedded_ingest_s'] / result['chdb_ingest_s']:.2f}× faster"]))
    print(_row("chdb read alone (files → rows, 2 worker processes)", ["", mbps(result["chdb_read_s"]), ""]))
    print(_row("chdb load alone (passage text into the tables)", ["", mbps(result["chdb_load_s"], result["passage_bytes"]), ""]))
    if "chdb_load_cpu_s" in result:
        print(_row("chdb load alone, per CPU-second (idle cores give this to twice this)", ["", mbps(result["chdb_load_cpu_s"], result["passage_bytes"]), ""]))
    for kind in ("plain", "filtered", "views"):
        for q in ("p50", "p95"):
            e, c = result[f"embedded_{kind}_{q}_ms"], result[f"chdb_{kind}_{q}_ms"]
            label = {"plain": "top-10 query", "filtered": "top-10 query with filters", "views": "trend / stats"}[kind]
            print(_row(f"{label} {q}", [f"{e:.1f} ms", f"{c:.0f} ms", f"{c / e:.0f}×"]))
            if f"chdb_{kind}_cpu_{q}_ms" in result:
                e, c = result[f"embedded_{kind}_cpu_{q}_ms"], result[f"chdb_{kind}_cpu_{q}_ms"]
                print(_row(f"{label} {q}, CPU time", [f"{e:.1f} ms", f"{c:.0f} ms", f"{c / e:.0f}×"]))
    print(_row("index bytes", [f"{result['embedded_bytes'] / 1e6:.0f} MB", f"{result['chdb_bytes'] / 1e6:.0f} MB", f"{result['chdb_bytes'] / result['embedded_bytes']:.2f}×"]))
    if "loadavg_before_queries" in result:
        print(f"load average {result['loadavg_before_queries']:.1f} before the queries, {result['loadavg_after_queries']:.1f} after; "
              f"{result['chdb_parts']} passage parts; {result.get('date', '')}")
    if "load_loadavg" in result:
        _show_load(result)


def report(paths: list[Path]) -> None:
    runs = sorted((json.loads(p.read_text()) for p in paths), key=lambda r: r["bytes"])
    for r in runs:
        show(r)
        print()
    replicated = [json.loads(p.read_text()) for p in sorted(OUT.glob("replicated-*mb.json")) if not p.name.startswith("replicated-embedded")]
    for big in replicated:
        # the smaller size: the same corpus loaded once by `replicate --times 1` (same construction), else its `run`
        once = next((r for r in replicated if r["times"] == 1 and r["replicated_from_mb"] == big["replicated_from_mb"]), None)
        small = once or next((r for r in runs if r["mb"] == big["replicated_from_mb"]), None)
        show_replicated(big)
        if small is None or big["times"] == 1:
            continue
        ratio = big["times"]
        print(f"\nchdb growth exponents k (t ∝ size^k) from {small['mb']:g} MB ({'loaded once' if once else 'files'}) to its {ratio} copies, "
              "and extrapolation (per node)")
        print("| measure | k | measured | 5 GB, one node | 100 GB on 20 nodes | 100 GB on 100 nodes |\n|---|---|---|---|---|---|")
        for kind, label in (("plain", "top-10 p95"), ("filtered", "filtered top-10 p95"), ("views", "trend/stats p95")):
            for q in ("p95", "cpu_p95"):
                a, b = small[f"chdb_{kind}_{q}_ms" if q == "p95" else f"chdb_{kind}_cpu_p95_ms"], big[f"chdb_{kind}_{q}_ms"]
                k = math.log(b / a) / math.log(ratio)
                at = lambda gb: b * (gb * 1000 / big["mb"]) ** k
                print(_row(f"{label}{' CPU' if q != 'p95' else ''}", [f"{k:.2f}", f"{b:.0f} ms"] + [f"{at(gb):.0f} ms" for gb in (5, 5, 1)]))
        print()
    for path in sorted(OUT.glob("replicated-embedded-*mb.json")):
        import scale_embedded

        embedded = json.loads(path.read_text())
        scale_embedded.show(embedded)
        scale_embedded.growth(embedded)
        print()
    if len(runs) < 2:
        return
    small, large = runs[0], runs[-1]
    ratio = large["bytes"] / small["bytes"]
    print(f"growth exponents k (t ∝ size^k) from {small['bytes'] / 1e6:.0f} MB to {large['bytes'] / 1e6:.0f} MB, and extrapolation")
    print("| measure | k | at 1 GB (measured) | 5 GB, one node | 100 GB on 10 nodes | 100 GB on 20 nodes |\n|---|---|---|---|---|---|")
    for key, label in (("chdb_plain_p95_ms", "chdb top-10 p95"), ("chdb_filtered_p95_ms", "chdb filtered p95"), ("chdb_views_p95_ms", "chdb trend/stats p95"),
                       ("embedded_plain_p95_ms", "embedded top-10 p95"), ("chdb_ingest_s", "chdb ingest time"), ("embedded_ingest_s", "embedded ingest time"),
                       ("chdb_bytes", "chdb bytes"), ("embedded_bytes", "embedded bytes")):
        k = math.log(large[key] / small[key]) / math.log(ratio)
        at = lambda gb: large[key] * (gb * 1e9 / large["bytes"]) ** k
        unit = "ms" if key.endswith("_ms") else ("s" if key.endswith("_s") else "MB")
        scale = 1 if unit != "MB" else 1e-6
        print(_row(label, [f"{k:.2f}", f"{large[key] * scale:.0f} {unit}"] + [f"{at(gb) * scale:.0f} {unit}" for gb in (5, 10, 5)]))

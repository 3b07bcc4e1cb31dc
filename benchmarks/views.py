"""The analyst views against `search --all` for the same query, in the same run (issue 14: each within 2x).

    python benchmarks/views.py --mb 100 --runs 5

Generates (once) the corpus benchmarks/run.py uses, ingests it into benchmarks/out/views-<name>/,
then for each query times, interleaved run by run: search (every hit), targets, docs and trend
(counts of the query per year, and the indexed passages per year the manifest keeps).  `changes` needs one document per place
and year, which the generated corpus does not have, so it is timed on ../shared/corpus
(海拉尔 2018 -> 2019 reports) against `search --all` of the same query there.
Prints the median time of each and its ratio to search, in wall time and in the process's CPU time
(on shared cores a few milliseconds of wall time move with the others' load), and the load
average; writes benchmarks/out/views-<name>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from generate import generate  # noqa: E402

QUERIES = ["集成电路", "先进封装", "产业链", "数字经济", "集成电路 人才 基金", '"高质量发展"', "营业收入", "亿元"]
SHARED = HERE.parent.parent / "shared" / "corpus"


def _ingest(corpus: Path, index: Path) -> None:
    if not (index / "icpolicy.json").exists():
        subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", str(corpus), "--index", str(index)], check=True)


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _both(fn) -> tuple[float, float]:
    """(wall, CPU) seconds of one call: on shared cores the wall time of a few milliseconds moves
    with the other processes' load, the process's CPU time much less."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(index: Path, runs: int) -> dict:
    """Median seconds per view and query, and each view's ratio to search --all (wall time)."""
    return measure_both(index, runs)[0]


def measure_both(index: Path, runs: int) -> tuple[dict, dict]:
    """measure's figures in wall time and in the process's CPU time, from the same runs."""
    from icpolicy import Filters, open_index
    from icpolicy.views.documents import documents
    from icpolicy.views.targets import targets

    views = {
        # what `search Q --all -f json` does: every hit read and exported (an engine may load hits lazily)
        "search_all": lambda ix, q: [hit.as_dict() for hit in ix.search(q, None, limit=None).hits],
        "targets": lambda ix, q: targets(ix, q),
        "docs": lambda ix, q: documents(ix, q),
        # what `trend Q` does: the query's counts per year and the indexed passages per year (share's denominator)
        "trend": lambda ix, q: (ix.counts(q, Filters(), "year"), ix.counts("", Filters(), "year", documents=False)),
    }
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    with open_index(index) as ix:
        for q in QUERIES:  # warm the page cache and lazy imports once
            for fn in views.values():
                fn(ix, q)
        for _ in range(runs):
            for q in QUERIES:
                for name, fn in views.items():
                    wall, used = _both(lambda: fn(ix.engine, q))
                    times.setdefault((name, q), []).append(wall)
                    cpu.setdefault((name, q), []).append(used)
    return _summary(times, list(views)), _summary(cpu, list(views))


def measure_cli(index: Path, runs: int) -> dict:
    """The same, as a user runs it: one `python -m icpolicy VIEW Q ... -f json` process per answer
    (start-up, the view, its JSON on a pipe), interleaved with `search Q --all -f json`."""
    commands = {"search_all": ["search", "--all"], "targets": ["targets", "--all"], "docs": ["docs", "--all"], "trend": ["trend"]}
    times: dict[tuple[str, str], list[float]] = {}

    def once(name: str, q: str) -> float:
        argv = [sys.executable, "-m", "icpolicy", commands[name][0], q, *commands[name][1:], "-f", "json", "--index", str(index)]
        return _time(lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False))

    for q in QUERIES[:2]:
        for name in commands:
            once(name, q)
    for _ in range(runs):
        for q in QUERIES:
            for name in commands:
                times.setdefault((name, q), []).append(once(name, q))
    return _summary(times, list(commands))


def _summary(times: dict, names: list[str]) -> dict:
    out = {}
    for name in names:
        ratios = [statistics.median(times[(name, q)]) / statistics.median(times[("search_all", q)]) for q in QUERIES]
        worst = max(range(len(QUERIES)), key=lambda k: ratios[k])
        out[name] = {"median_ms": round(1000 * statistics.median(statistics.median(times[(name, q)]) for q in QUERIES), 1),
                     "ratio_median": round(statistics.median(ratios), 2), "ratio_max": round(ratios[worst], 2),
                     "worst_query": QUERIES[worst],
                     "worst_ms": [round(1000 * statistics.median(times[(n, QUERIES[worst])]), 1) for n in (name, "search_all")]}
    return out


CHANGES_CASES = [("海拉尔", 2018, 2019), ("海拉尔", 2015, 2016), ("全国", 2018, 2019), ("全国", 2023, 2024)]
CHANGES_QUERIES = QUERIES + ["经济", "旅游"]


def _ingest_changes(work: Path, corpus: Path) -> Path:
    """The generated corpus and ../shared/corpus in one index: the yearly reports changes
    compares, among as many passages as the views' index holds."""
    index = work / "changes-index"
    if not (index / "icpolicy.json").exists():
        subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", str(corpus), str(SHARED), "--index", str(index)], check=True)
    return index


def measure_changes(work: Path, runs: int, corpus: Path | None = None) -> dict | None:
    """changes on the real yearly reports of ../shared/corpus (ingested with the generated
    corpus), for each place and pair of years of CHANGES_CASES and each query of CHANGES_QUERIES,
    against `search Q --all --region R --year Y1-Y2` (every hit read and exported, as -f json);
    also against the same search with --type 政府工作报告 (the type changes compares by default).
    Without a query there is no search to compare with (search wants a QUERY): its time is
    reported against reading every passage of the place and years (search's Python API with no query)."""
    from icpolicy import Filters, open_index
    from icpolicy.cli.analyst_cmd import rows_json
    from icpolicy.views import export
    from icpolicy.views.changes import change_rows, changes

    if not SHARED.is_dir():
        return None
    index = _ingest_changes(work, corpus or HERE / "corpus" / work.name.removeprefix("views-"))
    wall: dict[tuple, list[float]] = {}
    cpu: dict[tuple, list[float]] = {}

    def timed(key, fn) -> None:
        w, c = _both(fn)
        wall.setdefault(key, []).append(w)
        cpu.setdefault(key, []).append(c)

    with open_index(index) as ix:
        ix = ix.engine
        jobs = []
        for region, a, b in CHANGES_CASES:
            for q in ["", *CHANGES_QUERIES]:
                span = Filters(regions=[region], year=f"{a}-{b}")
                typed = Filters(regions=[region], year=f"{a}-{b}", types=["政府工作报告"])
                jobs.append(((region, a, b, q), [
                    ("changes", lambda region=region, a=a, b=b, q=q: changes(ix, region, a, b, query=q)),
                    ("search_all", lambda q=q, span=span: [h.as_dict() for h in ix.search(q, span, limit=None).hits]),
                    ("search_all_type", lambda q=q, typed=typed: [h.as_dict() for h in ix.search(q, typed, limit=None).hits]),
                    # what the commands do with -f json, between opening the index and writing: changes' rows
                    # (for the exit code) and its JSON; search's hits, total, documents and its JSON (cli/search_cmd.py)
                    ("changes_json", lambda region=region, a=a, b=b, q=q: _changes_json(changes(ix, region, a, b, query=q), change_rows, rows_json)),
                    ("search_json", lambda q=q, span=span: _search_json(ix.search(q, span, limit=None), q, export)),
                ]))
        for case, fns in jobs:  # warm the page cache and lazy imports once
            for _, fn in fns:
                fn()
        order = random.Random(14)
        for _ in range(runs):
            for case, fns in jobs:
                # each run in its own order: what runs first after another case finds the caches cold
                for name, fn in order.sample(fns, len(fns)):
                    timed((name, case), fn)
    out = {"index": str(index), "cases": [list(c) for c, _ in jobs]}
    for label, times in (("wall", wall), ("cpu", cpu)):
        rows = []
        for case, _ in jobs:
            c, s, t, cj, sj = (statistics.median(times[(n, case)]) for n in ("changes", "search_all", "search_all_type", "changes_json", "search_json"))
            rows.append({"case": f"{case[0]} {case[1]}->{case[2]} {case[3] or '(no query)'}", "query": case[3], "changes_ms": round(1000 * c, 2),
                         "search_all_ms": round(1000 * s, 2), "search_all_type_ms": round(1000 * t, 2), "changes_json_ms": round(1000 * cj, 2),
                         "search_json_ms": round(1000 * sj, 2), "ratio": round(c / s, 2), "ratio_type": round(c / t, 2), "ratio_json": round(cj / sj, 2)})
        queried = [r for r in rows if r["query"]]
        out[label] = {"no_query": [[r["case"], r["changes_ms"], r["search_all_ms"]] for r in rows if not r["query"]], "rows": rows}
        for key in ("ratio", "ratio_type", "ratio_json"):
            worst = max(queried, key=lambda r: r[key])
            out[label][key] = {"median": round(statistics.median(r[key] for r in queried), 2), "max": worst[key], "worst": worst["case"],
                               "over_2": sum(r[key] > 2 for r in queried)}
    return out


def measure_cli_changes(work: Path, runs: int, corpus: Path) -> dict:
    """changes as a user runs it, one process per answer, against search of the same query, place
    and years (`search Q --all --region R --year Y1-Y2 -f json`), interleaved; for each place and
    years of CHANGES_CASES and each query of CHANGES_QUERIES."""
    index = _ingest_changes(work, corpus)
    times: dict[tuple, list[float]] = {}

    def once(name: str, case: tuple, q: str) -> float:
        region, a, b = case
        rest = ["--region", region, "--from", str(a), "--to", str(b)] if name == "changes" else ["--all", "--region", region, "--year", f"{a}-{b}"]
        argv = [sys.executable, "-m", "icpolicy", name, q, *rest, "-f", "json", "--index", str(index)]
        return _time(lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False))

    once("changes", CHANGES_CASES[0], CHANGES_QUERIES[0])
    for _ in range(runs):
        for case in CHANGES_CASES:
            for q in CHANGES_QUERIES:
                for name in ("changes", "search"):
                    times.setdefault((name, case, q), []).append(once(name, case, q))
    ratios = {(case, q): statistics.median(times[("changes", case, q)]) / statistics.median(times[("search", case, q)])
              for case in CHANGES_CASES for q in CHANGES_QUERIES}
    worst = max(ratios, key=ratios.get)
    return {"case": f"{len(CHANGES_CASES)} places and years x {len(CHANGES_QUERIES)} queries", "ratio_median": round(statistics.median(ratios.values()), 2),
            "ratio_max": round(ratios[worst], 2), "worst_query": f"{worst[0][0]} {worst[0][1]}->{worst[0][2]} {worst[1]}",
            "worst_ms": [round(1000 * statistics.median(times[(n, *worst)]), 1) for n in ("changes", "search")],
            "over_2": sum(r > 2 for r in ratios.values())}


def _changes_json(payload: dict, change_rows, rows_json) -> str:
    change_rows(payload)
    return rows_json(payload)


def _search_json(result, q: str, export) -> str:
    return export.to_json(result.hits, {"query": q, "total": result.total, "documents": result.documents})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cli-runs", type=int, default=0, help="also time one CLI process per answer, this many interleaved runs")
    parser.add_argument("--changes-only", action="store_true", help="time changes only (not targets, docs, trend)")
    args = parser.parse_args()
    name = f"{args.mb:g}mb"
    corpus = HERE / "corpus" / name
    if not corpus.exists():
        generate(corpus, int(args.mb * 1e6))
    work = HERE / "out" / f"views-{name}"
    work.mkdir(parents=True, exist_ok=True)
    if args.changes_only:
        wall = cpu = {}
    else:
        _ingest(corpus, work / "index")
        wall, cpu = measure_both(work / "index", args.runs)
    report = {"corpus": name, "views": wall, "views_cpu": cpu, "changes": measure_changes(work, args.runs, corpus), "load": os.getloadavg()}
    if args.cli_runs:
        if not args.changes_only:
            report["cli"] = measure_cli(work / "index", args.cli_runs)
        if SHARED.is_dir():
            report["cli_changes"] = measure_cli_changes(work, args.cli_runs, corpus)
    (HERE / "out" / f"views-{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"corpus {name}; medians over {len(QUERIES)} queries x {args.runs} interleaved runs; load average at the end {report['load'][0]:.1f}")
    for label, block in (("", report["views"]), ("cpu ", report["views_cpu"])):
        for view, figures in block.items():
            print(f"  {label}{view:<11} {figures['median_ms']:>9.1f} ms   x search --all: median {figures['ratio_median']:.2f}, worst {figures['ratio_max']:.2f}"
                  f" ({figures['worst_query']}: {figures['worst_ms'][0]} vs {figures['worst_ms'][1]} ms)")
    for view, figures in report.get("cli", {}).items():
        print(f"  cli {view:<7} {figures['median_ms']:>9.1f} ms   x search --all: median {figures['ratio_median']:.2f}, worst {figures['ratio_max']:.2f}"
              f" ({figures['worst_query']}: {figures['worst_ms'][0]} vs {figures['worst_ms'][1]} ms)")
    if report.get("cli_changes"):
        c = report["cli_changes"]
        print(f"  cli changes ({c['case']}) x search Q --all --region --year (wall, one process each): median {c['ratio_median']:.2f},"
              f" worst {c['ratio_max']:.2f} ({c['worst_query']}: {c['worst_ms'][0]} vs {c['worst_ms'][1]} ms), over 2x: {c['over_2']}")
    if report["changes"]:
        n = len(report["changes"]["cases"])
        print(f"  changes: {len(CHANGES_CASES)} places/years x {len(CHANGES_QUERIES)} queries + no query ({n} cases) on {report['changes']['index']}")
        pairings = (("ratio", "search Q --all --region R --year Y1-Y2 (hits as dicts)"), ("ratio_type", "the same with --type 政府工作报告"),
                    ("ratio_json", "both as -f json does it (changes' rows and JSON; search's total, documents and JSON)"))
        for k in ("wall", "cpu"):
            c = report["changes"][k]
            for key, words in pairings:
                r = c[key]
                print(f"  changes ({k:<4}) x {words}: median {r['median']:.2f}, worst {r['max']:.2f} ({r['worst']}), over 2x: {r['over_2']} of {n - len(c['no_query'])}")
            print(f"  changes ({k:<4}) no query (no search to compare): " + "; ".join(f"{case}: {ms} ms (all its passages: {s} ms)" for case, ms, s in c["no_query"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

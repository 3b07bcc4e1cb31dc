"""Measure icpolicy and its reference points on the same corpus, in the same run.

    python benchmarks/run.py --mb 10              # generate (once) and measure a 10 MB corpus
    python benchmarks/run.py --mb 100 --runs 5
    python benchmarks/run.py --passages 1000000 --skip-naive
    python benchmarks/run.py --mb 100 --views     # also the analyst views (benchmarks/views.py)

Prints a table and writes benchmarks/out/<corpus>.json.  Figures are medians (latency
p50/p95 over the query set, repeated --runs times), as wall time and as CPU time (the
searching thread's for queries, the process's for one-shot searches): on a machine whose
cores are shared, a wall time also holds the waits for a core, CPU time only the work.  The peer is bare tantivy-bigram
(peer.py), measured in the same run and interleaved with icpolicy (ingest, each query, each
one-shot search alternate), so the ratios icpolicy / peer are fair to the machine's load.
Other reference points: ripgrep over the raw text (when `rg` is installed) and a naive Whoosh
index with jieba's ChineseAnalyzer, both on the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from generate import generate  # noqa: E402
import peer as bare  # noqa: E402

QUERIES = [
    # single terms
    ("集成电路", {}), ("先进封装", {}), ("电路", {}), ("芯片", {}), ("人工智能", {}), ("新质生产力", {}),
    ("第三代半导体", {}), ("碳化硅", {}), ("光刻胶", {}), ("EDA", {}), ("5G", {}), ("算力", {}),
    ("产业链", {}), ("高质量发展", {}), ("营商环境", {}), ("数字经济", {}), ("新能源汽车", {}), ("专精特新", {}),
    # 2-3 term ANDs
    ("集成电路 封测", {}), ("芯片 设计", {}), ("人工智能 算力", {}), ("集成电路 人才 基金", {}),
    ("先进封装 晶圆", {}), ("数字经济 数据", {}), ("新能源 汽车 电池", {}), ("半导体 材料", {}),
    # phrases
    ('"集成电路产业"', {}), ('"推动集成电路"', {}), ('"加快建设"', {}), ('"关键核心技术攻关"', {}),
    ('"高质量发展"', {}), ('"战略性新兴产业"', {}), ('"国家实验室"', {}), ('"产业集群"', {}),
    # with filters
    ("集成电路", {"regions": ["江苏"]}), ("集成电路", {"year": "2025"}), ("先进封装", {"regions": ["上海"], "year": "2023-2025"}),
    ("芯片", {"segments": ["design"]}), ("人工智能", {"regions": ["广东"], "year": "2024-"}), ("产业链", {"types": ["政府工作报告"]}),
    ("集成电路 封测", {"regions": ["江苏"]}), ("数字经济", {"year": "2020-2022"}), ('"高质量发展"', {"regions": ["浙江"]}),
    ("半导体", {"segments": ["packaging"], "year": "2025"}), ("人才", {"regions": ["苏州"]}), ("基金", {"segments": ["finance"]}),
    ("算力", {"regions": ["北京", "上海"]}), ("光刻胶", {"year": "2023-2026"}), ("新质生产力", {"regions": ["四川"]}),
    ("集成电路", {"regions": ["昆山"], "year": "2025"}),
]


def _run(cmd: list[str], env: dict | None = None, **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, **kwargs)
    return time.perf_counter() - start, done


def _run_cpu(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a command."""
    before = _children_cpu()
    wall, _ = _run(cmd)
    return wall, _children_cpu() - before


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far (workers included: they are waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure_icpolicy(corpus: Path, work: Path, runs: int, ingest_runs: int, oneshots: int) -> tuple[dict, dict]:
    """icpolicy and the bare tantivy-bigram peer, interleaved: ingest, query latency, one-shot
    CLI search, index bytes.  Returns (icpolicy figures, peer figures)."""
    index_dir, peer_dir = work / "index", work / "peer"
    exe = [sys.executable, "-m", "icpolicy"]
    # What pip does for a regular install; with PYTHONDONTWRITEBYTECODE set (as in some sandboxes)
    # an editable install would otherwise recompile its modules on every one-shot command.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src"), str(HERE)], check=True)
    text_bytes = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    files = sum(1 for _ in corpus.rglob("*.txt"))
    mine_walls, peer_walls, peak_kb = [], [], 0
    mine_cpu, peer_cpu = [], []  # CPU seconds of the process and its workers: what a shared machine's load does not change
    for _ in range(ingest_runs):
        shutil.rmtree(index_dir, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cpu = _children_cpu()
        seconds, done = _run(exe + ["-q", "ingest", str(corpus), "--index", str(index_dir)])
        if done.returncode not in (0, 1):
            raise SystemExit(f"ingest failed: {done.stderr[-2000:]}")
        mine_cpu.append(_children_cpu() - cpu)
        peak_kb = max(peak_kb, before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        mine_walls.append(seconds)
        shutil.rmtree(peer_dir, ignore_errors=True)
        cpu = _children_cpu()
        seconds, done = _run([sys.executable, str(HERE / "peer.py"), "build", str(corpus), str(peer_dir)])
        if done.returncode != 0:
            raise SystemExit(f"peer build failed: {done.stderr[-2000:]}")
        peer_cpu.append(_children_cpu() - cpu)
        peer_walls.append(seconds)
    seconds = _median(mine_walls)
    figures = {
        "ingest_seconds": round(seconds, 2),
        "ingest_mb_per_s": round(text_bytes / 1e6 / seconds, 3),
        "ingest_files_per_s": round(files / seconds, 1),
        "ingest_cpu_seconds": round(_median(mine_cpu), 2),
        "ingest_peak_rss_mb": round(peak_kb / 1024, 1),
        "index_mb": round(_du(index_dir) / 1e6, 2),
    }
    peer = {"ingest_seconds": round(_median(peer_walls), 2), "ingest_cpu_seconds": round(_median(peer_cpu), 2), "index_mb": round(_du(peer_dir) / 1e6, 2), "passages": int(done.stdout.strip() or 0)}
    manifest = json.loads((index_dir / "icpolicy.json").read_text(encoding="utf-8"))
    figures["passages"] = manifest.get("passages")
    figures["documents"] = manifest.get("documents")

    from icpolicy import Filters, open_index

    # wall time, and this thread's CPU time (what the search itself costs, whatever else the
    # machine's cores are doing: on a shared machine a wall time also holds the waits for a core)
    latencies: dict[str, list[float]] = {}
    peer_latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    peer_cpu: dict[str, list[float]] = {}
    other = bare.Peer(peer_dir)
    with open_index(index_dir) as ix:
        for _ in range(runs):
            for text, filters in QUERIES:
                key = f"{text} {filters}"
                start, used = time.perf_counter(), time.thread_time()
                ix.search(text, Filters(**filters), limit=10)
                latencies.setdefault(key, []).append(time.perf_counter() - start)
                cpu.setdefault(key, []).append(time.thread_time() - used)
                start, used = time.perf_counter(), time.thread_time()
                other.search(text, 10)  # the peer has no metadata: filters are not applied
                peer_latencies.setdefault(key, []).append(time.perf_counter() - start)
                peer_cpu.setdefault(key, []).append(time.thread_time() - used)
    for target, measured, measured_cpu in ((figures, latencies, cpu), (peer, peer_latencies, peer_cpu)):
        per_query = [_median(v) * 1000 for v in measured.values()]
        target["query_p50_ms"] = round(_percentile(per_query, 0.5), 3)
        target["query_p95_ms"] = round(_percentile(per_query, 0.95), 3)
        target["query_max_ms"] = round(max(per_query), 2)
        per_query = [_median(v) * 1000 for v in measured_cpu.values()]
        target["query_p50_cpu_ms"] = round(_percentile(per_query, 0.5), 3)
        target["query_p95_cpu_ms"] = round(_percentile(per_query, 0.95), 3)
    slowest = sorted(latencies.items(), key=lambda kv: -_median(kv[1]))[:3]
    figures["slowest_queries"] = [(k, round(_median(v) * 1000, 1)) for k, v in slowest]

    cli = ["icpolicy"] if shutil.which("icpolicy") else exe
    walls, peer_walls, cpus, peer_cpus = [], [], [], []
    for _ in range(oneshots):
        wall, used = _run_cpu(cli + ["search", "集成电路", "--limit", "10", "--index", str(index_dir)])
        walls.append(wall)
        cpus.append(used)
        wall, used = _run_cpu([sys.executable, str(HERE / "peer.py"), "search", str(peer_dir), "集成电路"])
        peer_walls.append(wall)
        peer_cpus.append(used)
    figures["oneshot_search_s"] = round(_median(walls), 3)
    peer["oneshot_search_s"] = round(_median(peer_walls), 3)
    figures["oneshot_search_cpu_s"] = round(_median(cpus), 4)
    peer["oneshot_search_cpu_s"] = round(_median(peer_cpus), 4)

    unchanged, _ = _run(exe + ["-q", "ingest", str(corpus), "--index", str(index_dir)])
    figures["reingest_unchanged_seconds"] = round(unchanged, 2)
    extra = work / "new_doc"
    shutil.rmtree(extra, ignore_errors=True)
    generate(extra, target_bytes=50_000, seed=99)
    added, _ = _run(exe + ["-q", "ingest", str(extra), "--index", str(index_dir)])
    figures["add_50kb_doc_seconds"] = round(added, 2)
    return figures, peer


def ratios(mine: dict, peer: dict) -> dict:
    """icpolicy / bare tantivy-bigram for the figures the issue sets targets for."""
    pairs = {"top-10 query p50, in-process": "query_p50_ms", "top-10 query p95, in-process": "query_p95_ms",
             "one-shot CLI search": "oneshot_search_s", "ingest wall time": "ingest_seconds", "ingest CPU time": "ingest_cpu_seconds",
             "index bytes": "index_mb", "top-10 query p50, CPU": "query_p50_cpu_ms", "top-10 query p95, CPU": "query_p95_cpu_ms",
             "one-shot CLI search, CPU": "oneshot_search_cpu_s"}
    return {label: round(mine[key] / peer[key], 2) if peer.get(key) else None for label, key in pairs.items()}


def measure_ripgrep(corpus: Path, runs: int) -> dict | None:
    rg = shutil.which("rg")
    if rg is None:
        return None
    per_query = []
    for text, _ in QUERIES:
        pattern = text.strip('"').split()[0]
        walls = [_run([rg, "-c", "--fixed-strings", pattern, str(corpus)])[0] for _ in range(max(1, runs // 2))]
        per_query.append(statistics.median(walls) * 1000)
    return {"query_p50_ms": round(_percentile(per_query, 0.5), 1), "query_p95_ms": round(_percentile(per_query, 0.95), 1)}


def measure_naive(corpus: Path, work: Path, runs: int) -> dict:
    """Whoosh + jieba.analyse.ChineseAnalyzer, one document per file paragraph, procs=1."""
    code = f"""
import sys, time, json, statistics
from pathlib import Path
from jieba.analyse import ChineseAnalyzer
from whoosh import fields, index
from whoosh.qparser import QueryParser
from whoosh.highlight import ContextFragmenter
schema = fields.Schema(path=fields.ID(stored=True), content=fields.TEXT(stored=True, analyzer=ChineseAnalyzer()))
folder = Path({str(work / 'naive')!r}); folder.mkdir(parents=True, exist_ok=True)
ix = index.create_in(str(folder), schema)
start = time.perf_counter(); writer = ix.writer(limitmb=256)
for path in sorted(Path({str(corpus)!r}).rglob('*.txt')):
    for n, line in enumerate(path.read_text(encoding='utf-8').splitlines()):
        if line.strip():
            writer.add_document(path=f'{{path}}#{{n}}', content=line)
writer.commit(); build = time.perf_counter() - start
queries = {[q for q, _ in QUERIES]!r}
lat = []
with ix.searcher() as s:
    parser = QueryParser('content', ix.schema)
    for q in queries:
        times = []
        for _ in range({runs}):
            t = time.perf_counter(); r = s.search(parser.parse(q), limit=10)
            for hit in r: hit.highlights('content')
            times.append(time.perf_counter() - t)
        lat.append(statistics.median(times) * 1000)
lat.sort()
print(json.dumps({{'build_seconds': round(build, 1), 'query_p50_ms': round(lat[len(lat)//2], 1), 'query_p95_ms': round(lat[int(0.95*(len(lat)-1))], 1)}}))
"""
    _, done = _run([sys.executable, "-c", code])
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    text_bytes = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    figures["build_mb_per_s"] = round(text_bytes / 1e6 / figures["build_seconds"], 3)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--mb", type=float)
    group.add_argument("--passages", type=int)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ingest-runs", type=int, default=1, help="ingests of each system (alternating)")
    parser.add_argument("--oneshots", type=int, default=7, help="one-shot CLI searches of each system (alternating)")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-rg", action="store_true")
    parser.add_argument("--views", action="store_true", help="also the analyst views against search --all (benchmarks/views.py)")
    args = parser.parse_args()
    name = f"{args.mb:g}mb" if args.mb else f"{args.passages}p"
    corpus = HERE / "corpus" / name
    if not corpus.exists():
        generate(corpus, int(args.mb * 1e6) if args.mb else None, args.passages)
    work = HERE / "out" / f"work-{name}"
    work.mkdir(parents=True, exist_ok=True)
    text_mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
    mine, peer = measure_icpolicy(corpus, work, args.runs, args.ingest_runs, args.oneshots)
    report = {
        "corpus": name,
        "text_mb": round(text_mb, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "icpolicy": mine,
        "bare_tantivy_bigram": peer,
        "icpolicy_over_bare_tantivy": ratios(mine, peer),
        "ripgrep": None if args.skip_rg else measure_ripgrep(corpus, args.runs),
        "naive_whoosh_jieba": None if args.skip_naive else measure_naive(corpus, work, max(1, args.runs // 2)),
    }
    if args.views:  # issue 14: each view within 2x of search --all for the same query
        import views

        views_work = HERE / "out" / f"views-{name}"
        views_work.mkdir(parents=True, exist_ok=True)
        views._ingest(corpus, views_work / "index")
        report["views"] = {**views.measure(views_work / "index", args.runs), "changes": views.measure_changes(views_work, args.runs)}
    out = HERE / "out" / f"{name}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"corpus {name}: {report['text_mb']} MB text; {report['machine']}")
    for system in ("icpolicy", "bare_tantivy_bigram", "icpolicy_over_bare_tantivy", "ripgrep", "naive_whoosh_jieba", *(("views",) if args.views else ())):
        figures = report[system]
        if figures is None:
            print(f"  {system:<20} (not measured)")
            continue
        for key, value in figures.items():
            print(f"  {system:<20} {key:<28} {value}")
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

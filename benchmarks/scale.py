"""Scale: the embedded index against ClickHouse (chdb, in this process) on the same generated corpus.

    python benchmarks/scale.py run --mb 100 [--runs 5]     # generate (once), load both, measure; writes benchmarks/out/scale-100mb.json
    nice python benchmarks/scale.py run --mb 1000 --runs 3
    nice python benchmarks/scale.py run --mb 1000 --phase embedded     # the two long ingests apart (or side by side),
    nice python benchmarks/scale.py run --mb 1000 --phase chdb
    nice python benchmarks/scale.py run --mb 1000 --runs 3 --reuse     # then the interleaved queries on both
    python benchmarks/scale.py report                       # growth exponents and extrapolation from the runs written
    nice python benchmarks/scale.py replicate --mb 100 --times 10   # chdb alone: the 100 MB corpus's rows loaded 10 times over
    nice python benchmarks/scale.py replicate-embedded --mb 100 --times 10   # the index folder at 1x and 10x (scale_embedded.py)

Measured per corpus, both backends in the same process and run:
- ingest MB/s: embedded `ingest` (its own workers, both cores); chdb in two phases timed
  apart: the read (files -> rows: read, clean, tag, cut and encode in two worker processes,
  as `ingest` does; cached beside the tables) and the load alone (the Loader from the first
  row to the last commit and clean-up, MB of passage text per second of wall and of CPU;
  then the background merges it leaves, timed apart)
- top-10 query p50/p95 over a fixed query set, without and with filters, runs interleaved
  (embedded, chdb, embedded, ...) so both see the same machine load
- `trend` and `stats` latency: the counts each command asks of the index (run_view: stats by
  region also counts by city, trend by year also counts every passage by year)
- index bytes on disk
`report` fits t = c * size^k between the two sizes (k is the growth exponent) and extrapolates
to 5 GB on one node and 100 GB spread over N nodes (100/N GB each, queries fan out in
parallel, so a query costs what one node's share costs; merge overhead not included).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import shutil
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import scale_embedded  # noqa: E402
from scale_report import _show_load, report, show, show_replicated  # noqa: E402
from generate import generate  # noqa: E402

OUT = HERE / "out"
QUERIES = [
    "集成电路", "先进封装", "芯片", "人工智能", "第三代半导体", "碳化硅", "光刻胶", "产业链", "集成电路 封测", "芯片 设计",
    "人工智能 算力", '"集成电路产业"', '"关键核心技术攻关"', "新能源 汽车 电池", "高质量发展 OR 新质生产力", "集成电路 -光伏",
]
FILTERED = [
    ("集成电路", {"regions": ["江苏"]}), ("集成电路", {"year": "2025"}), ("先进封装", {"regions": ["上海"], "year": "2023-2025"}),
    ("芯片", {"segments": ["design"]}), ("人工智能", {"regions": ["广东"], "year": "2024-"}), ("产业链", {"types": ["政府工作报告"]}),
    ("集成电路 封测", {"regions": ["江苏"]}), ("数字经济", {"year": "2020-2022"}), ('"高质量发展"', {"regions": ["浙江"]}),
    ("人才", {"regions": ["苏州"]}), ("算力", {"regions": ["北京", "上海"]}), ("集成电路", {"regions": ["昆山"], "year": "2025"}),
]
VIEWS = [("trend", "集成电路", "year"), ("trend", "芯片", "year"), ("stats", "", "region"), ("stats", "人工智能", "region"), ("stats", "", "year")]


def run_view(ix, view: str, text: str, by: str) -> None:
    """The counts a `trend` or `stats` command asks of the index (cli/views.py): stats by region
    also counts by city; trend by year also counts every passage by year (its denominator)."""
    from icpolicy.engine.search import Filters

    ix.counts(text, None, by)
    if by == "region":
        ix.counts(text, None, "city")
    if view == "trend" and by == "year":
        ix.counts("", Filters(), by, documents=False)


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def run(mb: float, runs: int, work: Path, reuse: bool = False, phase: str = "all") -> dict:
    from icpolicy.engine.clickhouse.connection import ChdbConnection
    from icpolicy.engine.clickhouse.search import ClickHouseIndex
    from icpolicy.engine.search import Filters, open_index
    from icpolicy.pipeline.ingest import ingest, walk
    from icpolicy.models import IngestReport

    corpus = work / f"corpus-{mb:g}mb"
    if not (corpus / ".done").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, int(mb * 1e6))
        (corpus / ".done").touch()
    files = list(walk([corpus], IngestReport()).values())
    size = sum(p.stat().st_size for p in files)
    result: dict = {"mb": mb, "bytes": size, "files": len(files), "runs": runs, "cpus": os.cpu_count()}

    embedded_dir = work / f"embedded-{mb:g}mb"
    done = work / f"embedded-{mb:g}mb.ingest.json"  # the ingest's figures, so a later run can reuse the index it built
    if phase != "chdb" and not (reuse and done.exists() and embedded_dir.exists()):
        shutil.rmtree(embedded_dir, ignore_errors=True)
        done.unlink(missing_ok=True)
        start = time.perf_counter()
        report = ingest([corpus], embedded_dir)
        done.write_text(json.dumps({"embedded_ingest_s": time.perf_counter() - start, "passages": report.passages,
                                    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}))
    if phase == "embedded":
        return {**result, **json.loads(done.read_text())}

    chdb_dir = work / f"chdb-{mb:g}mb"
    chdb_done = work / f"chdb-{mb:g}mb.ingest.json"
    if reuse and chdb_done.exists() and chdb_dir.exists():
        conn = ChdbConnection(str(chdb_dir))
    else:
        chdb_done.unlink(missing_ok=True)
        conn = _load_chdb(chdb_dir, files, result)
        chdb_done.write_text(json.dumps({k: v for k, v in result.items() if k.startswith(("chdb_", "read_", "load_")) or k == "passage_bytes"}))
    result.update(json.loads(chdb_done.read_text()))
    if phase == "chdb":
        return result
    result.update({f"embedded_{k}" if k == "date" else k: v for k, v in json.loads(done.read_text()).items()})

    while int(conn.rows("SELECT count() AS n FROM system.merges WHERE database = {db:String}", {"db": conn.database})[0]["n"]):
        time.sleep(1)  # merges would compete with the timed queries (the load waited for them already, unless --reuse)
    result["chdb_parts"] = int(conn.rows("SELECT count() AS n FROM system.parts WHERE active AND database = {db:String} AND table = 'passages'",
                                         {"db": conn.database})[0]["n"])
    result["embedded_bytes"] = _du(embedded_dir)
    parts = conn.rows("SELECT sum(bytes_on_disk) AS b FROM system.parts WHERE active AND database = {db:String}", {"db": conn.database})
    result["chdb_bytes"] = int(parts[0]["b"])

    conn.command("SET use_query_condition_cache = 0")  # each run scans as a first asking does (ClickHouse would otherwise remember which granules a
    # condition matched, and every repeat of the fixed query set would skip the others)
    embedded, clickhouse = open_index(embedded_dir), ClickHouseIndex(conn)
    timings = {key: [] for key in ("embedded_plain", "chdb_plain", "embedded_filtered", "chdb_filtered", "embedded_views", "chdb_views")}
    cpu = {key: [] for key in timings}  # CPU seconds of this process (all its threads): what the shared cores' load does not change
    result["loadavg_before_queries"] = os.getloadavg()[0]
    for text in QUERIES[:2]:  # warm both (file cache, chdb's first-query set-up)
        embedded.search(text), clickhouse.search(text)
    for _ in range(runs):
        for kind, items in (("plain", [(q, {}) for q in QUERIES]), ("filtered", FILTERED)):
            for text, f in items:
                for name, ix in (("embedded", embedded), ("chdb", clickhouse)):
                    t, c = time.perf_counter(), time.process_time()
                    ix.search(text, Filters(**f), limit=10)
                    timings[f"{name}_{kind}"].append(time.perf_counter() - t)
                    cpu[f"{name}_{kind}"].append(time.process_time() - c)
        for view, text, by in VIEWS:
            for name, ix in (("embedded", embedded), ("chdb", clickhouse)):
                t, c = time.perf_counter(), time.process_time()
                run_view(ix, view, text, by)
                timings[f"{name}_views"].append(time.perf_counter() - t)
                cpu[f"{name}_views"].append(time.process_time() - c)
    for key, values in timings.items():
        result[f"{key}_p50_ms"] = statistics.median(values) * 1000
        result[f"{key}_p95_ms"] = _pct(values, 0.95) * 1000
        result[f"{key}_cpu_p50_ms"] = statistics.median(cpu[key]) * 1000
        result[f"{key}_cpu_p95_ms"] = _pct(cpu[key], 0.95) * 1000
    result["loadavg_after_queries"] = os.getloadavg()[0]
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    embedded.close()
    return result


def _read_rows(chdb_dir: Path, files: list[Path]) -> tuple[list, dict]:
    """What two worker processes make of the files, as `ingest` reads them (read, clean, tag, encode
    the rows), and how long that took; cached beside the tables so the load alone can be timed again."""
    from icpolicy.pipeline.clickhouse_load import _read_one
    from icpolicy.readers import MAX_FILE_BYTES

    cache = chdb_dir.with_name(chdb_dir.name + ".rows.pickle")
    if cache.exists():
        return pickle.loads(cache.read_bytes()), json.loads(cache.with_suffix(".json").read_text())
    start, before = time.perf_counter(), os.getloadavg()[0]
    with ProcessPoolExecutor(max_workers=2) as pool:
        made = [m for m in pool.map(_read_one, files, [MAX_FILE_BYTES] * len(files), chunksize=8) if isinstance(m, tuple)]
    facts = {"chdb_read_s": time.perf_counter() - start, "read_loadavg": [before, os.getloadavg()[0]],
             "read_date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    cache.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    cache.with_suffix(".json").write_text(json.dumps(facts))
    return made, facts


def _copies(made: list, times: int) -> list:
    """made, times over, copy k under document ids and sources ending in .k / #k (rows rewritten, not re-read)."""

    from icpolicy.engine.clickhouse.loader import Rows

    if times == 1:
        return made
    out = []
    for k in range(times):
        for document, rows in made:
            doc = f"{document.doc_id}.{k}".encode()
            lines = tuple(b"\t".join(line.split(b"\t", 3)[:2] + [doc, line.split(b"\t", 3)[3]]) for line in rows.lines)
            out.append((document._replace(doc_id=doc.decode(), source=f"{document.source}#{k}"), Rows(lines, rows.own_bytes, rows.text_bytes)))
    return out


def _load_rows(chdb_dir: Path, made: list, result: dict, database: str = "icpolicy", batch_mb: float | None = None,
               cores: int | None = None):
    """Load rows into fresh tables and time the load alone (nothing else of this run competes); the open connection.
    cores: how many writers a batch is split over (default: the machine's cores, as `ingest` does)."""
    from icpolicy.engine.clickhouse.connection import ChdbConnection
    from icpolicy.engine.clickhouse.loader import Loader

    conn = ChdbConnection(str(chdb_dir), database=database)
    conn.cores = cores or conn.cores
    conn.command(f"DROP DATABASE IF EXISTS {database}")
    before = os.getloadavg()[0]
    loading, cpu_start = time.perf_counter(), time.process_time()
    with Loader(conn, **({"batch_bytes": int(batch_mb * 1e6)} if batch_mb else {})) as loader:
        for document, rows in made:
            loader.add(document, rows)
    result["chdb_load_s"] = time.perf_counter() - loading
    result["chdb_load_cpu_s"] = time.process_time() - cpu_start  # CPU of this process and chdb's threads (2 cores: wall >= cpu / 2)
    result["load_loadavg"] = [before, os.getloadavg()[0]]
    result["batch_bytes"] = loader.batch_bytes
    result["cores"] = conn.cores
    result["passage_bytes"] = loader.loaded_bytes
    result["chdb_passages"] = loader.loaded_passages
    settle = time.perf_counter()  # the merges of the loaded parts, which a load leaves to the background
    while int(conn.rows("SELECT count() AS n FROM system.merges WHERE database = {db:String}", {"db": database})[0]["n"]):
        time.sleep(1)
    result["chdb_merge_wait_s"] = time.perf_counter() - settle
    return conn


def _load_chdb(chdb_dir: Path, files: list[Path], result: dict):
    """Read the files in two workers, then load their rows into chdb, timing both apart; the open connection."""
    shutil.rmtree(chdb_dir, ignore_errors=True)
    made, facts = _read_rows(chdb_dir, files)
    result.update(facts)
    conn = _load_rows(chdb_dir, made, result)
    result["chdb_ingest_s"] = result["chdb_read_s"] + result["chdb_load_s"]
    return conn


def replicate(mb: float, times: int, runs: int, work: Path, reuse: bool = False) -> dict:
    """chdb alone at times x the size: the rows the workers made of the mb corpus (`run --phase
    chdb` caches them), loaded times over through the loader under new document ids into
    chdb-{mb}mb-x{times}, the load timed, then the same queries timed on it (wall and CPU).  For
    when reading times x mb of files is out of reach on the shared cores; the rows repeat, so
    term statistics keep their proportions and every scan reads times x the rows, but repeated
    text compresses better, so a scan is somewhat cheaper than on as much distinct text."""
    from icpolicy.engine.clickhouse import schema
    from icpolicy.engine.clickhouse.search import ClickHouseIndex
    from icpolicy.engine.search import Filters

    cache = work / f"chdb-{mb:g}mb.rows.pickle"
    if not cache.exists():
        raise SystemExit(f"run `scale.py run --mb {mb:g} --phase chdb` first")
    folder = work / f"chdb-{mb:g}mb-x{times}"
    result: dict = {"mb": mb * times, "replicated_from_mb": mb, "times": times, "runs": runs}
    earlier = OUT / f"replicated-{mb * times:g}mb.json"
    if reuse and folder.exists() and earlier.exists():  # the tables and load figures of the last replicate
        from icpolicy.engine.clickhouse.connection import ChdbConnection

        result.update({k: v for k, v in json.loads(earlier.read_text()).items() if k.startswith(("chdb_load", "chdb_merge", "load_", "batch_", "passage_bytes"))})
        conn = ChdbConnection(str(folder))
    else:
        made = _copies(pickle.loads(cache.read_bytes()), times)
        shutil.rmtree(folder, ignore_errors=True)
        conn = _load_rows(folder, made, result)
        del made
    info = schema.describe(conn)
    result.update(passages=info["passages"], documents=info["documents"], chdb_bytes=info["bytes"])
    result["chdb_parts"] = int(conn.rows("SELECT count() AS n FROM system.parts WHERE active AND database = {db:String} AND table = 'passages'",
                                         {"db": conn.database})[0]["n"])
    conn.command("SET use_query_condition_cache = 0")  # each run scans as a first asking does
    ix = ClickHouseIndex(conn)
    ix.search(QUERIES[0])
    timings: dict[str, list] = {k: [] for k in ("plain", "filtered", "views")}
    cpu: dict[str, list] = {k: [] for k in timings}
    result["loadavg_before_queries"] = os.getloadavg()[0]
    for _ in range(runs):
        for kind, items in (("plain", [(q, {}) for q in QUERIES]), ("filtered", FILTERED)):
            for text, f in items:
                t, c = time.perf_counter(), time.process_time()
                ix.search(text, Filters(**f), limit=10)
                timings[kind].append(time.perf_counter() - t)
                cpu[kind].append(time.process_time() - c)
        for view, text, by in VIEWS:
            t, c = time.perf_counter(), time.process_time()
            run_view(ix, view, text, by)
            timings["views"].append(time.perf_counter() - t)
            cpu["views"].append(time.process_time() - c)
    for kind in timings:
        for q, values in (("", timings[kind]), ("cpu_", cpu[kind])):
            result[f"chdb_{kind}_{q}p50_ms"] = statistics.median(values) * 1000
            result[f"chdb_{kind}_{q}p95_ms"] = _pct(values, 0.95) * 1000
    result["loadavg_after_queries"] = os.getloadavg()[0]
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return result


def replicate_embedded(mb: float, times: int, runs: int, work: Path, reuse: bool = False) -> dict:
    """The index folder at 1x and times x the mb corpus (its built rows written times over, see
    scale_embedded.py), then the same queries timed on both, interleaved (wall and CPU)."""
    corpus = work / f"corpus-{mb:g}mb"
    if not (corpus / ".done").exists():
        raise SystemExit(f"run `scale.py run --mb {mb:g} --phase chdb` first (it generates the corpus)")
    folders = {"x1": work / f"embedded-{mb:g}mb-x1", f"x{times}": work / f"embedded-{mb:g}mb-x{times}"}
    earlier = OUT / f"replicated-embedded-{mb * times:g}mb.json"
    result: dict = {"mb": mb, "times": times, "runs": runs}
    if reuse and earlier.exists() and all(f.exists() for f in folders.values()):
        result.update({k: v for k, v in json.loads(earlier.read_text()).items() if k in folders or k.startswith("embedded_read")})
    else:
        made, facts = scale_embedded.built_rows(corpus, work / f"embedded-{mb:g}mb.built.pickle")
        result.update(facts)
        for name, folder in folders.items():
            result[name] = scale_embedded.write(folder, made, int(name[1:]))
        del made
    result.update(scale_embedded.time_queries(folders, QUERIES, FILTERED, VIEWS, runs, _pct, run_view))
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return result


def load_only(mb: float, times: int, repeat: int, work: Path, batch_mb: float | None = None, cores: list[int] | None = None) -> dict:
    """The chdb load alone, repeat times into fresh tables: the cached rows of the mb corpus
    (times over, as replicate loads them), medians of wall and CPU; with several `cores` values,
    each repeat loads once with each of them, interleaved, and the medians are per value."""
    cache = work / f"chdb-{mb:g}mb.rows.pickle"
    if not cache.exists():
        raise SystemExit(f"run `scale.py run --mb {mb:g} --phase chdb` first")
    made = _copies(pickle.loads(cache.read_bytes()), times)
    folder = work / "chdb-load"
    shutil.rmtree(folder, ignore_errors=True)
    values = cores or [None]
    runs: dict = {value: [] for value in values}
    for k in range(repeat):
        for value in values:
            one: dict = {}
            conn = _load_rows(folder, made, one, database=f"load{k}", batch_mb=batch_mb, cores=value)  # one folder per process: a database each
            conn.command(f"DROP DATABASE load{k}")
            runs[value].append(one)
            _show_load(one)
    mb_text = runs[values[0]][0]["passage_bytes"] / 1e6
    shutil.rmtree(folder, ignore_errors=True)
    medians = {str(value or "default"): {"wall_mbps_median": statistics.median(mb_text / r["chdb_load_s"] for r in done),
                                         "cpu_mbps_median": statistics.median(mb_text / r["chdb_load_cpu_s"] for r in done),
                                         "cores": done[0]["cores"]}
               for value, done in runs.items()}
    return {"mb": mb * times, "repeat": repeat, "passage_bytes": runs[values[0]][0]["passage_bytes"], "runs": [one for done in runs.values() for one in done],
            "medians": medians, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("run")
    one.add_argument("--mb", type=float, required=True)
    one.add_argument("--runs", type=int, default=5)
    one.add_argument("--work", type=Path, default=HERE / "corpus")
    one.add_argument("--reuse", action="store_true", help="use the index folder and chdb tables (and their ingest figures) of earlier runs of this size")
    one.add_argument("--phase", choices=["all", "embedded", "chdb"], default="all",
                     help="embedded / chdb: only build that store and record its ingest (then `run --reuse` measures the queries)")
    copies = sub.add_parser("replicate")
    copies.add_argument("--mb", type=float, default=100, help="size whose chdb tables are copied")
    copies.add_argument("--times", type=int, default=10)
    copies.add_argument("--runs", type=int, default=2)
    copies.add_argument("--work", type=Path, default=HERE / "corpus")
    copies.add_argument("--reuse", action="store_true", help="query the tables the last replicate loaded (and keep its load figures)")
    embedded = sub.add_parser("replicate-embedded", help="the index folder at --times x: the corpus's built rows written times over (scale_embedded.py)")
    embedded.add_argument("--mb", type=float, default=100, help="size whose corpus is built and copied")
    embedded.add_argument("--times", type=int, default=10)
    embedded.add_argument("--runs", type=int, default=3)
    embedded.add_argument("--work", type=Path, default=HERE / "corpus")
    embedded.add_argument("--reuse", action="store_true", help="query the folders the last replicate-embedded wrote (and keep its write figures)")
    load = sub.add_parser("load")
    load.add_argument("--mb", type=float, default=100, help="size whose cached rows are loaded")
    load.add_argument("--times", type=int, default=1)
    load.add_argument("--repeat", type=int, default=3)
    load.add_argument("--work", type=Path, default=HERE / "corpus")
    load.add_argument("--batch-mb", type=float, help="text per insert (default: the Loader's)")
    load.add_argument("--cores", type=int, action="append", help="writers a batch is split over (default: the machine's cores); "
                      "given more than once, the loads alternate between the values")
    sub.add_parser("report")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.command == "run":
        args.work.mkdir(parents=True, exist_ok=True)
        result = run(args.mb, args.runs, args.work, args.reuse, args.phase)
        if args.phase != "all":
            print(json.dumps(result))
            return 0
        (OUT / f"scale-{args.mb:g}mb.json").write_text(json.dumps(result, indent=2))
        show(result)
    elif args.command == "replicate":
        result = replicate(args.mb, args.times, args.runs, args.work, args.reuse)
        (OUT / f"replicated-{args.mb * args.times:g}mb.json").write_text(json.dumps(result, indent=2))
        show_replicated(result)
    elif args.command == "replicate-embedded":
        result = replicate_embedded(args.mb, args.times, args.runs, args.work, args.reuse)
        (OUT / f"replicated-embedded-{args.mb * args.times:g}mb.json").write_text(json.dumps(result, indent=2))
        scale_embedded.show(result)
        scale_embedded.growth(result)
    elif args.command == "load":
        result = load_only(args.mb, args.times, args.repeat, args.work, args.batch_mb, args.cores)
        (OUT / f"load-{args.mb * args.times:g}mb.json").write_text(json.dumps(result, indent=2))
        for value, median in result["medians"].items():
            print(f"median of {args.repeat}, {median['cores']} writer(s) per batch: {median['wall_mbps_median']:.1f} MB/s wall, "
                  f"{median['cpu_mbps_median']:.1f} MB/s per CPU-second")
    else:
        report(sorted(OUT.glob("scale-*mb.json")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

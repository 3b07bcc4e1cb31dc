"""Peak memory of ingesting one large file, whole and streamed, at two sizes.

    python benchmarks/memory.py [--small-mb 4] [--large-mb 12]

Builds single text files from the deterministic benchmark generator, ingests each with
`python -m icpolicy ingest` into a fresh index, and prints the peak resident memory of the
ingest (its largest process).  The streamed rows use ICPOLICY_STREAM_MB=1, so the file goes
through stream.py in chunks; the whole rows raise the threshold so it is read in one piece.
If streaming bounds memory, the streamed rows stay flat as the file grows.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def one_file(mb: float, folder: Path) -> Path:
    """A single text file of about mb megabytes."""
    parts = folder / "parts"
    generate(parts, target_bytes=int(mb * 1e6), seed=7)
    target = folder / "docs" / f"big_{mb:g}mb.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        for path in sorted(parts.rglob("*.txt")):
            out.write(path.read_bytes())
    shutil.rmtree(parts)
    return target


def peak_rss_mb(file: Path, stream_mb: float, work: Path) -> tuple[float, float]:
    """(peak RSS in MB of the ingest's largest process, seconds) in a child that runs the ingest."""
    index_dir = work / f"index-{file.stem}-{stream_mb:g}"
    shutil.rmtree(index_dir, ignore_errors=True)
    code = (
        "import resource, subprocess, sys, time, os\n"
        f"start = time.perf_counter()\n"
        f"done = subprocess.run([sys.executable, '-m', 'icpolicy', '-q', 'ingest', {str(file.parent)!r}, '--index', {str(index_dir)!r}, '--max-file-mb', '1000'], env=dict(os.environ, ICPOLICY_STREAM_MB='{stream_mb}'))\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - start, done.returncode)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"ingest of {file} failed")
    return int(out[0]) / 1024, float(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-mb", type=float, default=4)
    parser.add_argument("--large-mb", type=float, default=12)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for mb in (args.small_mb, args.large_mb):
            folder = work / f"{mb:g}"
            file = one_file(mb, folder)
            for mode, threshold in (("streamed", 1), ("whole", 10_000)):
                if mode == "whole" and mb == args.large_mb:
                    continue  # the whole-file path is what the threshold protects against
                rss, seconds = peak_rss_mb(file, threshold, work)
                rows.append({"file_mb": mb, "mode": mode, "peak_rss_mb": round(rss, 1), "seconds": round(seconds, 1)})
                print(f"{mb:>6g} MB  {mode:<9} peak RSS {rss:7.1f} MB  {seconds:6.1f} s", flush=True)
    out = HERE / "out" / "memory.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "rows": rows}, indent=2), encoding="utf-8")
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

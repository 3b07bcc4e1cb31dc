"""Do the two backends rank alike at scale?  The top 10 of the index folder and of a ClickHouse
backend loaded with the same passages, over scale.py's fixed queries (with and without filters)
and the Python-ranked modes (document and sentence scope, --fuzzy, --expand).

    python benchmarks/agreement.py --index /tmp/final-work/embedded-100mb --backend chdb:/tmp/final-work/chdb-100mb

Two top lists agree when they have the same length, the same score at every rank to a tie
(1e-5 of the score: tantivy adds in 32-bit floats, the ClickHouse backend in 64), and the same
hit wherever the folder's score is clear of its neighbours' (the 11th included) by more than a
tie.  Prints one line per query that differs and a count; exit 1 if any differs.  (The test
suite checks the same on small corpora: tests/test_clickhouse.py.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from scale import FILTERED, QUERIES  # noqa: E402

TIE = 1e-5
MODES = [{"scope": "document"}, {"scope": "sentence"}, {"fuzzy": True}, {"expand": True}]
MODE_QUERIES = ["集成电路 封测", "人工智能 算力", "芯片 设计", "集成电路 -光伏", "第三代半导体", "AI 芯片", "SiC"]


def tie(x: float, y: float) -> bool:
    return abs(x - y) <= TIE * max(1.0, abs(x))


def agree(first, second) -> bool:
    """first: the folder's top 11, second: the backend's top 10."""
    if len(first[:10]) != len(second):
        return False
    for k, (a, b) in enumerate(zip(first, second)):
        if not tie(a.score, b.score):
            return False
        clear = all(not tie(a.score, other.score) for other in first[max(0, k - 1) : k] + first[k + 1 : k + 2])
        if clear and (a.doc_id, a.passage) != (b.doc_id, b.passage):
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--backend", required=True, help="chdb:PATH or clickhouse://HOST:PORT/DB")
    args = parser.parse_args()
    from icpolicy.engine.clickhouse.connection import connect
    from icpolicy.engine.clickhouse.search import ClickHouseIndex
    from icpolicy.engine.search import Filters, open_index

    folder, other = open_index(args.index), ClickHouseIndex(connect(args.backend, create=False))
    cases = [(q, None, {}) for q in QUERIES] + [(q, Filters(**f), {}) for q, f in FILTERED]
    cases += [(q, None, mode) for q in MODE_QUERIES for mode in MODES]
    differ = 0
    for text, filters, mode in cases:
        first = folder.search(text, filters=filters, limit=11, **mode).hits
        second = other.search(text, filters=filters, limit=10, **mode).hits
        if not agree(first, second):
            differ += 1
            show = lambda hits: [(h.doc_id, h.passage, round(h.score, 4)) for h in hits]
            print(f"differs: {text!r} {filters} {mode}: {show(first[:10])} against {show(second)}")
    print(f"top-10 agreement: {len(cases) - differ} of {len(cases)} queries ({len(QUERIES)} plain, {len(FILTERED)} filtered, "
          f"{len(MODE_QUERIES) * len(MODES)} in the four Python-ranked modes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

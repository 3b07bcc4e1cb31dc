"""Where a 10 MB ingest's CPU goes, stage by stage, against the peer's whole build, in one process.

    python benchmarks/ingest_floor.py --mb 10 --rounds 3

Each round runs in a process forked after the rules are loaded (as ingest forks its workers),
so every round starts from the same state; in it, one after the other (a loaded machine's load
falls on all of them alike): the peer's build (peer.py, two indexing threads, as run.py gives
it); icpolicy's worker stages over every file in one process, each timed with
time.process_time; and tantivy indexing the rows those stages made, five ways: the real schema
(engine/schema.py); the same schema given no `words` values, or no filter and facet values; the
`bi` field alone (own and tail bigrams with positions: what no search could do without); and
the `bi` field of each passage's own bigrams (what the peer indexes).  Tantivy's figures are
the process's CPU (every thread, resource.getrusage) from the first document to the end of its
merges.  Prints the medians over the rounds, in seconds and as multiples of the peer's build.
What this leaves out of an ingest (start-up and the rules loaded before the fork, the hand-off
between processes, the manifest and the document index) is in run.py's ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import peer  # noqa: E402
from generate import generate  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stages(files: list[Path], times: dict[str, list[float]]) -> list:
    """The worker's stages (pipeline/build.py) over every file, each timed; returns (doc id, doc type, rows) per file."""
    from icpolicy import readers
    from icpolicy.engine import schema
    from icpolicy.meta import tagging
    from icpolicy.meta.document import describe
    from icpolicy.meta.target_store import encode_all
    from icpolicy.models import doc_id_for
    from icpolicy.text import clean, passages
    from icpolicy.text.tokens import cut

    spent: dict[str, float] = defaultdict(float)

    def timed(name, call, *args):
        start = time.process_time()
        out = call(*args)
        spent[name] += time.process_time() - start
        return out

    built = []
    for path in files:
        raw, _ = timed("read", readers.read, path, readers.MAX_FILE_BYTES)
        pieces = timed("clean and split", lambda: passages.split(clean.clean(raw.text, raw.layout)))
        meta, roundup = timed("document facts", describe, raw.title, pieces, path.stem, dict(raw.hints))
        tagger = tagging.PassageTagger(meta, roundup)
        found = timed("passage tagging", tagger.tag, pieces)
        quantities = timed("quantities (targets view)", encode_all, found, meta)
        words = timed("jieba words", lambda: [cut(n) for n in tagger.norms])
        prepared = timed("index rows", schema.prepare, doc_id_for(str(path)), found, tagger.norms, words, None, quantities)
        built.append((doc_id_for(str(path)), meta.doc_type, prepared.rows))
    for name, seconds in spent.items():
        times[name].append(seconds)
    times["workers, all stages"].append(sum(spent.values()))
    return built


def index(built: list, fields: str, folder: Path) -> float:
    """CPU seconds (all threads) of indexing the rows: the real schema, or the `bi` field alone ("bi", "own")."""
    import tantivy

    from icpolicy.engine import schema
    from icpolicy.engine.writer import WRITER_BYTES, WRITER_THREADS

    if fields in ("schema", "no words", "no filters"):
        built_schema = schema.build()
    else:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("bi", tokenizer_name="whitespace", index_option="position")
        builder.add_bytes_field("record", stored=True)
        built_schema = builder.build()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    start = _cpu()
    writer = tantivy.Index(built_schema, path=str(folder), reuse=False).writer(WRITER_BYTES, WRITER_THREADS)
    for doc_id, doc_type, rows in built:
        for row in rows:
            if fields == "schema":
                writer.add_document(schema.passage_doc(doc_id, doc_type, row))
                continue
            if fields in ("no words", "no filters"):
                writer.add_document(schema.passage_doc(doc_id, doc_type, row, words=fields != "no words", filters=fields != "no filters"))
                continue
            doc = tantivy.Document()
            doc.add_text("bi", row[0] if fields == "bi" else row[0].partition(schema.TAIL_MARK)[0])
            doc.add_bytes("record", row[3])
            writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return _cpu() - start


def _round(corpus: Path, files: list[Path], work: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    start = _cpu()
    peer.build(corpus, work / "peer")
    times["peer's whole build"].append(_cpu() - start)
    built = stages(files, times)
    for fields, label in (("schema", "tantivy: the real schema"), ("no words", "tantivy: the schema, no words"),
                          ("no filters", "tantivy: the schema, no filter or facet values"), ("bi", "tantivy: bi alone (own + tail bigrams)"),
                          ("own", "tantivy: own bigrams alone (the peer's field)")):
        times[label].append(index(built, fields, work / "ours"))
    return times


def _forked(call, *args) -> dict:
    """call(*args) in a child forked now, as ingest forks its workers after warming the rules: each
    round starts from the same state (the rules' caches of the round before do not carry over)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        with os.fdopen(write, "w") as out:
            out.write(json.dumps(call(*args)))
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        result = json.loads(answer.read())
    os.waitpid(pid, 0)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = HERE / "corpus" / f"{args.mb:g}mb"
    if not corpus.exists():
        generate(corpus, int(args.mb * 1e6), None)
    files = sorted(corpus.rglob("*.txt"))
    from icpolicy.pipeline.build import warm

    warm()
    times: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="icpolicy-floor-") as scratch:
        work = Path(scratch)
        for _ in range(args.rounds):
            for name, values in _forked(_round, corpus, files, work).items():
                times[name] += values
    base = statistics.median(times["peer's whole build"])
    print(f"{len(files)} files, {args.rounds} rounds, medians of CPU seconds (x the peer's whole build)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<46} {median:6.2f} s  {median / base:5.2f}x   (rounds: {', '.join(f'{v:.2f}' for v in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

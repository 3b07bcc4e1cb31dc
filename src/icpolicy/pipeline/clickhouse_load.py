"""Files, or an embedded index, into the ClickHouse tables (engine/clickhouse).

`ingest` walks the paths like the embedded ingest, skips unchanged files and duplicates by
the documents table's sizes, times and hashes, reads files in worker processes and loads
whole documents in batches (loader.py: a kill mid-load leaves whole documents only).
`migrate` copies an embedded index's documents through its public search and document
calls, without reading the sources again.  `export_tsv` writes TabSeparated files for
`clickhouse-client` bulk loads.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from icpolicy import readers
from icpolicy.engine.clickhouse import schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.engine.clickhouse.loader import DOCUMENT_COLUMNS, PASSAGE_COLUMNS, Loader, document_line, known_documents, passage_lines
from icpolicy.units import MB
from icpolicy.models import DocMeta, Document, IngestReport, Passage, Region, Skipped, doc_id_for
from icpolicy.pipeline.ingest import Progress, read_document, walk


def ingest(paths: list[Path], conn: Connection, workers: int | None = None, on_progress: Callable[[Progress], None] | None = None,
           max_file_mb: float | None = None, follow_links: bool = False) -> IngestReport:
    """Load the files under paths into ClickHouse; re-ingest replaces changed documents."""
    report = IngestReport()
    files = walk(paths, report, follow_links)
    schema.create(conn)
    todo, stale = _plan(files, known_documents(conn), report)
    max_bytes = int(max_file_mb * MB) if max_file_mb else readers.MAX_FILE_BYTES
    sizes = {str(p): p.stat().st_size for p in todo}
    total = sum(sizes.values())
    done = 0
    with Loader(conn) as loader:
        for source in stale:
            loader.delete(doc_id_for(source), source)
        try:
            for path, result in _read_all(todo, workers, max_bytes):
                done += 1
                report.bytes_read += sizes[str(path)]
                if isinstance(result, Skipped):
                    report.skipped.append(result)
                else:
                    loader.add(*result)
                    report.indexed.append(str(path))
                    report.passages += len(result[1])
                if on_progress:
                    on_progress(Progress(done, len(todo), report.bytes_read, total, path.name))
        except KeyboardInterrupt:  # what was read is whole documents: it is committed on the way out
            report.interrupted = True
            report.not_done = sorted(set(map(str, todo)) - set(report.indexed) - {s.path for s in report.skipped})
    report.skipped.sort(key=lambda s: s.path)
    report.indexed.sort()
    return report


def ingest_spec(spec: str, paths: list[Path], index_dir=None, rebuild: bool = False, workers: int | None = None,
                on_progress: Callable[[Progress], None] | None = None, debug: bool = False, max_file_mb: float | None = None,
                follow_links: bool = False) -> IngestReport:
    """ingest() with the embedded ingest's arguments, into the backend named by spec."""
    from icpolicy.engine.clickhouse.connection import connect

    return ingest(paths, connect(spec), workers, on_progress, max_file_mb, follow_links)


def remove(paths: list[Path], conn: Connection):
    """Take the documents of the given files, or of every file under the given folders, out of
    the tables (the files need not exist); a pipeline.remove.RemoveReport."""
    from icpolicy.pipeline.remove import RemoveReport, _keys, _under

    schema.check(conn)
    report = RemoveReport()
    known = known_documents(conn)
    gone: set[str] = set()
    for path in paths:
        group = _keys(path)
        matched = [source for source in known if any(_under(source, key) for key in group)]
        if not matched:
            report.not_found.append(str(path))
        gone.update(matched)
    with Loader(conn) as loader:
        for source in sorted(gone):
            loader.delete(known[source]["doc"], source)
    report.removed = sorted(gone)
    return report


def _plan(files: dict[str, Path], known: dict[str, dict], report: IngestReport) -> tuple[list[Path], list[str]]:
    """(files to read, sources to drop): unchanged files and duplicate contents are reported, not read."""
    by_hash = {facts["content_hash"]: source for source, facts in known.items()}
    todo, stale = [], []
    for source, path in files.items():
        facts = known.get(source)
        stat = path.stat()
        if facts and int(facts["size"]) == stat.st_size and float(facts["mtime"]) == stat.st_mtime:
            report.unchanged.append(str(path))
            continue
        digest = readers.hash_file(path)
        owner = by_hash.get(digest)
        if owner == source:
            report.unchanged.append(str(path))
        elif owner is not None:
            report.duplicates.append((str(path), owner))
            if facts:
                stale.append(source)
        else:
            by_hash[digest] = source
            todo.append(path)
    return todo, stale


def _read_one(path: Path, max_bytes: int):
    """(Document, its passage_lines) or Skipped; runs in a worker."""
    try:
        document = read_document(path, max_bytes)
        return document, passage_lines(document)
    except Exception as exc:  # one bad file never stops a load
        reason = getattr(exc, "reason", None) or f"could not be processed ({type(exc).__name__}: {exc})"
        return Skipped(str(path), reason)


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_all(todo: list[Path], workers: int | None, max_bytes: int) -> Iterator[tuple[Path, object]]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(todo) <= 2:
        for path in todo:
            yield path, _read_one(path, max_bytes)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker) as pool:
        yield from zip(todo, pool.map(_read_one, todo, [max_bytes] * len(todo), chunksize=4))


def embedded_documents(index) -> Iterator[Document]:
    """Every document of an open embedded index, rebuilt from its public calls (no source is read)."""
    hits = index.search("", limit=None).hits
    by_doc: dict[str, list] = {}
    for hit in hits:
        by_doc.setdefault(hit.doc_id, []).append(hit)
    for doc_id in sorted(by_doc):
        record, _ = index.document(doc_id)
        passages = tuple(sorted((Passage(h.passage, h.text, Region(tuple(h.region_path)), tuple(h.years), tuple(h.segments))
                                 for h in by_doc[doc_id]), key=lambda p: p.ordinal))
        meta = DocMeta(record["title"], record["doc_type"], Region(tuple(record["region_path"])),
                       tuple(int(y) for y in str(record["years"]).split()), record["doc_number"], record["issuer"], record["issued"])
        yield Document(doc_id, record["source"], record["content_hash"], meta, passages, float(record["mtime"]), int(record["size"]))


def migrate(documents: Iterator[Document], conn: Connection, on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Load documents (e.g. embedded_documents) into ClickHouse; returns (documents, passages)."""
    count = 0
    with Loader(conn) as loader:
        for document in documents:
            loader.add(document)
            count += 1
            if on_progress:
                on_progress(count, loader.loaded_bytes)
        return count, loader.loaded_passages


def export_tsv(documents: Iterator[Document], folder: Path, database: str = "icpolicy") -> tuple[int, int]:
    """Write schema.sql, passages.tsv, documents.tsv and load.sh for clickhouse-client; returns (documents, passages)."""
    from icpolicy.engine.clickhouse.loader import new_generation

    folder.mkdir(parents=True, exist_ok=True)
    gen = new_generation()
    docs = rows = 0
    with open(folder / "passages.tsv", "w", encoding="utf-8", newline="\n") as pf, open(folder / "documents.tsv", "w", encoding="utf-8", newline="\n") as df:
        for document in documents:
            lines = passage_lines(document)
            pf.write("".join(f"{gen}\t{line}" for line in lines))
            rows += len(lines)
            df.write(f"{gen}\t{document_line(document, lines)}")
            docs += 1
    statements = [f"CREATE DATABASE IF NOT EXISTS {database}"] + schema.ddl(database)
    statements.append(f"INSERT INTO {database}.meta (key, value) VALUES ('schema_version', '{schema.SCHEMA_VERSION}')")
    (folder / "schema.sql").write_text(";\n\n".join(statements) + ";\n", encoding="utf-8")
    (folder / "load.sh").write_text(
        "#!/bin/sh\n# Load into a ClickHouse server: sh load.sh [clickhouse-client options, e.g. --host H --port 9000]\nset -e\n"
        'cd "$(dirname "$0")"\n'
        'clickhouse-client "$@" --multiquery < schema.sql\n'
        f'clickhouse-client "$@" --query "INSERT INTO {database}.passages ({", ".join(PASSAGE_COLUMNS)}) FORMAT TabSeparated" < passages.tsv\n'
        f'clickhouse-client "$@" --query "INSERT INTO {database}.documents ({", ".join(DOCUMENT_COLUMNS)}) FORMAT TabSeparated" < documents.tsv\n',
        encoding="utf-8")
    return docs, rows

"""Files, or an embedded index, into the ClickHouse tables (engine/clickhouse).

`ingest` walks and plans like the embedded ingest (pipeline/plan.py: unchanged files and
duplicates by the documents table's sizes, times and hashes; files gone from the folders
given, and members gone from a re-read zip, are removed and reported), reads files in worker
processes and loads whole documents in batches (loader.py: a kill mid-load leaves whole
documents only).
`migrate` copies an embedded index's documents through its public search and document
calls, without reading the sources again.  `export_tsv` writes TabSeparated files for
`clickhouse-client` bulk loads.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from icpolicy import readers
from icpolicy.engine.clickhouse import schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.engine.clickhouse.loader import DOCUMENT_COLUMNS, PASSAGE_COLUMNS, Loader, document_line, known_documents, passage_rows
from icpolicy.units import MB
from icpolicy.models import DocMeta, Document, IngestReport, Passage, Region, Skipped, container_of, doc_id_for, readable_path, source_key
from icpolicy.meta.zones import zoned_path
from icpolicy.pipeline import archive as archives
from icpolicy.pipeline import plan as planning
from icpolicy.pipeline.archive import build_archive, is_archive
from icpolicy.pipeline.build import member_document
from icpolicy.pipeline.ingest import Progress, read_document, walk
from icpolicy.pipeline.workers import WorkerFailed, outcomes, start_pool, stop_pool


def ingest(paths: list[Path], conn: Connection, workers: int | None = None, on_progress: Callable[[Progress], None] | None = None,
           max_file_mb: float | None = None, follow_links: bool = False) -> IngestReport:
    """Load the files under paths into ClickHouse; re-ingest replaces changed documents and
    removes those of files gone from disk and of members gone from a changed zip (report.removed),
    planned by the same functions as the embedded ingest."""
    report = IngestReport()
    files = walk(paths, report, follow_links)
    schema.create(conn)
    # what `remove` took out stays out of the folders and zips it lies in, as in the embedded ingest
    before = excluded(conn)
    files, report.passed_over, left, again = planning.exclusions(files, paths, before)
    if left != sorted(before):
        _record_excluded(conn, left)
    removed_members = set(left)
    known = known_documents(conn)
    gone = planning.gone(paths, files, known)
    members = archives.members_by_archive(known)
    leaving = gone + sorted({container_of(g) for g in gone} - {""})
    todo, stale, _ = planning.plan(files, archives.with_archives(known), report, leaving, again)
    report.removed = list(gone)
    max_bytes = int(max_file_mb * MB) if max_file_mb else readers.MAX_FILE_BYTES
    sizes = {str(p): p.stat().st_size for p in todo}
    total = sum(sizes.values())
    done = 0
    with Loader(conn) as loader:
        for source in archives.expand(stale, members) + gone:
            loader.delete(known[source]["doc"] if source in known else doc_id_for(source), source)
        try:
            for path, result in _read_all(todo, workers, max_bytes):
                done += 1
                report.bytes_read += sizes[str(path)]
                if isinstance(result, Skipped):
                    report.skipped.append(result)
                elif isinstance(result, archives.ArchiveBuilt):  # each member of a zip is a document (not one removed)
                    kept = tuple(built for built in result.documents if built[0].source not in removed_members)
                    _load_archive(loader, report, replace(result, documents=kept), members.get(source_key(path), ()), known)
                else:
                    loader.add(*result)
                    report.indexed.append(str(path))
                    report.passages += len(result[1].lines)
                if on_progress:
                    on_progress(Progress(done, len(todo), report.bytes_read, total, path.name))
        except KeyboardInterrupt:  # what was read is whole documents: it is committed on the way out
            report.interrupted = True
            report.not_done = sorted(set(map(str, todo)) - set(report.indexed) - {s.path for s in report.skipped})
    report.skipped.sort(key=lambda s: s.path)
    report.indexed.sort()
    return report


def _load_archive(loader: Loader, report: IngestReport, built, before, known: dict[str, dict]) -> None:
    """A re-read zip's members: those no longer in it leave (reported removed), as archives.record does
    for the embedded index; a member that could not be read keeps its earlier document."""
    new = {document.source for document, _ in built.documents} | {s.path for s in built.skipped}
    for source in sorted(set(before) - new):
        loader.delete(known[source]["doc"], source)
        report.removed.append(source)
    for document, rows in built.documents:
        loader.add(document, rows)
        report.indexed.append(document.source)
        report.passages += len(rows.lines)
    report.skipped.extend(built.skipped)


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
    # what was removed stays out of the folders (and zips) it lies in (pipeline/plan.py), as in an index folder
    removed = {readable_path(str(path.resolve())) for path in paths if str(path) not in report.not_found}
    if removed:
        _record_excluded(conn, sorted(set(excluded(conn)) | removed))
    report.removed = sorted(gone)
    return report


_EXCLUDED = "excluded"  # the meta key of what `remove` took out: {"t": nanoseconds, "keys": [...]}, the newest counts


def excluded(conn: Connection) -> list[str]:
    """The source keys `remove` took out (an index folder keeps them in its manifest)."""
    rows = conn.rows(f"SELECT value FROM {conn.database}.meta WHERE key = {{k:String}}", {"k": _EXCLUDED})
    newest = max((json.loads(row["value"]) for row in rows), key=lambda v: v.get("t", 0), default={})
    return list(newest.get("keys", []))


def _record_excluded(conn: Connection, keys: list[str]) -> None:
    conn.insert("meta", ["key", "value"], [(_EXCLUDED, json.dumps({"t": time.time_ns(), "keys": sorted(keys)}, ensure_ascii=False))])


def _read_one(path: Path, max_bytes: int):
    """(Document, its passage_rows) or Skipped; runs in a worker."""
    try:
        if is_archive(path):
            return build_archive(path, max_bytes, _member_lines)
        document = read_document(path, max_bytes)
        return document, passage_rows(document)
    except Exception as exc:  # one bad file never stops a load
        reason = getattr(exc, "reason", None) or f"could not be processed ({type(exc).__name__}: {exc})"
        return Skipped(str(path), reason)


def _member_lines(*args):
    """(Document, its passage_rows) of one member of an archive."""
    document = member_document(*args)
    return document, passage_rows(document)


def _read_all(todo: list[Path], workers: int | None, max_bytes: int) -> Iterator[tuple[Path, object]]:
    """(path, _read_one's result) for each file, in worker processes (see pipeline/workers.py) as they finish."""
    workers = workers or os.cpu_count() or 1
    pool = start_pool(workers) if workers > 1 and len(todo) > 2 else None
    finished = False
    try:
        for path, result in outcomes(pool, _read_one, todo, (max_bytes,)):
            if isinstance(result, WorkerFailed):
                result = Skipped(str(path), result.reason("run the load again"))
            yield path, result
        finished = True
    finally:
        if pool is not None:
            stop_pool(pool, wait=finished)


def embedded_documents(index) -> Iterator[Document]:
    """Every document of an open embedded index, rebuilt from its public calls (no source is read)."""
    hits = index.search("", limit=None).hits
    by_doc: dict[str, list] = {}
    for hit in hits:
        by_doc.setdefault(hit.doc_id, []).append(hit)
    for doc_id in sorted(by_doc):
        record, _ = index.document(doc_id)
        passages = tuple(sorted((Passage(h.passage, h.text, Region(tuple(zoned_path(h.region_path, h.zone))), tuple(h.years), tuple(h.segments))
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


EXPORT_FILES = ("passages.tsv", "documents.tsv", "schema.sql", "finish.sql", "load.sh")  # load.sh, the set's entry point, renamed last


def export_tsv(documents: Iterator[Document], folder: Path, database: str = "icpolicy") -> tuple[int, int]:
    """Write schema.sql, passages.tsv, documents.tsv, finish.sql (the BM25 term counts) and load.sh for clickhouse-client;
    returns (documents, passages).  Each file is written whole beside its name and renamed into place only when all are,
    and the set replaces an earlier export's as one (fileset.py): a failed export (a full disk, a kill) leaves the
    folder's earlier export as it was, and no part file (OutputFailed)."""

    from icpolicy import partfiles
    from icpolicy.engine.clickhouse.loader import new_generation
    from icpolicy.engine.folder import EXPORT_MARK
    from icpolicy.errors import OutputFailed
    from icpolicy.pipeline import fileset

    folder.mkdir(parents=True, exist_ok=True)
    parts: dict[str, Path] = {}
    try:
        with fileset.replaced_whole(folder, EXPORT_FILES, EXPORT_MARK) as target:
            for name in EXPORT_FILES:
                partfiles.sweep(target, name)  # what a killed earlier export left
                made: list[str] = []
                os.close(partfiles.create(target, name, made))
                parts[name] = Path(made[-1])
            docs, count = _write_export(documents, parts, database, new_generation)
            mask = os.umask(0)
            os.umask(mask)
            for name, part in parts.items():
                _fsync(part)
                os.chmod(part, 0o666 & ~mask)  # (partfiles.create made it 0600) as the files written directly were
            for name, part in parts.items():
                os.replace(part, target / name)
    except OSError as exc:
        raise OutputFailed(f"cannot write the export to {folder}: {exc.strerror or exc} (the files there are as they were)") from None
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)
    return docs, count


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _write_export(documents: Iterator[Document], parts: dict[str, Path], database: str, new_generation) -> tuple[int, int]:
    gen = new_generation()
    docs = count = 0
    prefix = f"{gen}\t".encode()
    with open(parts["passages.tsv"], "wb") as pf, open(parts["documents.tsv"], "w", encoding="utf-8", newline="\n") as df:
        for document in documents:
            rows = passage_rows(document)
            pf.write(b"".join(prefix + line for line in rows.lines))
            count += len(rows.lines)
            df.write(f"{gen}\t{document_line(document, rows)}")
            docs += 1
    statements = [f"CREATE DATABASE IF NOT EXISTS {database}"] + schema.ddl(database)
    statements.append(f"INSERT INTO {database}.meta (key, value) VALUES ('schema_version', '{schema.SCHEMA_VERSION}')")
    parts["schema.sql"].write_text(";\n\n".join(statements) + ";\n", encoding="utf-8")
    # after the rows: count their BM25 terms, as a load's clean-up does (loader.clean_up)
    finish = [schema.count_terms_sql(database, f"gen <= {gen}"),
              f"INSERT INTO {database}.meta (key, value) VALUES ('terms_counted', '{gen}'), ('terms_exact', '{new_generation()}')"]
    parts["finish.sql"].write_text(";\n\n".join(finish) + ";\n", encoding="utf-8")
    parts["load.sh"].write_text(
        "#!/bin/sh\n# Load into a ClickHouse server: sh load.sh [clickhouse-client options, e.g. --host H --port 9000]\nset -e\n"
        'cd "$(dirname "$0")"\n'
        'clickhouse-client "$@" --multiquery < schema.sql\n'
        f'clickhouse-client "$@" --query "INSERT INTO {database}.passages ({", ".join(PASSAGE_COLUMNS)}) FORMAT TabSeparated" < passages.tsv\n'
        f'clickhouse-client "$@" --query "INSERT INTO {database}.documents ({", ".join(DOCUMENT_COLUMNS)}) FORMAT TabSeparated" < documents.tsv\n'
        'clickhouse-client "$@" --multiquery < finish.sql\n',
        encoding="utf-8")
    return docs, count

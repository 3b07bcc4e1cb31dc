"""Ingest: files -> documents -> index, in parallel, without ever losing what the index held.

Workers (one per core) read, clean, split, tag, tokenise and encode each file's bigrams
(schema.prepare); the parent is the single writer and only hands their tokens to tantivy.  Unchanged
files (same size and mtime, or same content hash) are not re-read; identical content under
another name is reported as a duplicate and indexed once.  Work is committed every
COMMIT_SECONDS, so Ctrl-C or a crash loses at most that much, and a commit is atomic (tantivy's
meta.json; see engine/writer.py).  A --rebuild is built in a fresh sibling folder and swapped
in only when complete (engine/folder.py: the index touches only what it made).

Workers are forked before the parent takes the index lock, so they never hold it, and they
die with the parent (PR_SET_PDEATHSIG on Linux, and a watch on the parent's pid elsewhere).
SIGTERM is handled like Ctrl-C: what was done is committed, then the CLI exits 143.  Any
OSError while writing the index becomes one IndexWriteFailed that says what was committed.

The phases live in modules of their own: plan.py (what changed, duplicates, gone files),
build.py (one file through the stages, in a worker), stream.py (large files, chunk by chunk),
commits.py (write errors and commit counts); _run below runs them in order.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from icpolicy import readers
from icpolicy.readers import office
from icpolicy.data import read_bytes, rule_files
from icpolicy.engine import folder
from icpolicy.engine import swap as swapping
from icpolicy.engine import manifest
from icpolicy.engine import writer as index
from icpolicy.errors import IndexWriteFailed, NotAnIndex, SourceUnreachable
from icpolicy.meta.sectors import taxonomy_hash
from icpolicy.meta.target_store import manifest_hash as targets_hash
from icpolicy.models import IngestReport, Skipped, container_of, source_key
from icpolicy.pipeline import archive as archives
from icpolicy.pipeline import build, commits, stream, twins
from icpolicy.pipeline import copies as run_copies
from icpolicy.pipeline import plan as planning
from icpolicy.pipeline.build import build_document, read_document  # noqa: F401  (the stages' entry points, used from here)
from icpolicy.pipeline.walk import walk
from icpolicy.pipeline.workers import Stop, WorkerFailed, outcomes, start_pool, stop_flag, stop_pool
from icpolicy.units import MB, env_number

COMMIT_SECONDS = env_number("ICPOLICY_COMMIT_SECONDS", 30)
log = logging.getLogger("icpolicy.ingest")


@dataclass(frozen=True)
class Progress:
    """What the progress callback is told: files done of total, bytes done, the current file."""

    done: int
    total: int
    bytes_done: int
    bytes_total: int
    current: str
    copies: int = 0  # byte copies of files in the batch, not read (the summary counts them as duplicates, or skipped)
    unread: int = 0  # files found but skipped before reading (an .ofd, a pipe: the summary counts them as skipped)


CUT_SHORT = "interrupted while indexing (nothing of it was kept)"


def _index_large(path: Path, content_hash: str, writer, stop, on_chunk, debug: bool):
    """A large file through stream.py, with the same failure handling as the workers'.

    --max-file-mb does not apply: it protects formats read whole; streamed memory is bounded.
    """
    try:
        return stream.index_large(path, content_hash, writer, stop, on_chunk)
    except (commits.WriteError, IndexWriteFailed):
        raise
    except KeyboardInterrupt:
        return Skipped(str(path), CUT_SHORT)
    except Exception as exc:
        return build.skipped(path, exc, debug)


def ingest(
    paths: list[Path] | list[str] | Path | str,
    index_dir: Path | str,
    rebuild: bool = False,
    workers: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    debug: bool = False,
    max_file_mb: float | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """Index the files under paths into index_dir; see the module docstring for the guarantees."""
    # the Python API takes str or Path, one path or a list, as open_index does
    paths = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
    index_dir = Path(index_dir)
    report = IngestReport()
    # an --index given through a symlink is the folder it points to: a rebuild is made beside that folder
    # and swapped in there, leaving the link as the user made it (a broken link is refused, by _check_folder)
    if os.path.exists(index_dir):
        index_dir = Path(os.path.realpath(index_dir))
    files = walk(paths, report, follow_links)
    made = not os.path.lexists(index_dir)
    try:
        _check_folder(index_dir, rebuild)
    except OSError as exc:
        raise commits.write_failed(exc, index_dir, report, rebuild) from None
    roots = sorted(set(manifest.recorded_roots(index_dir)) | {str(p.resolve()) for p in paths if p.exists()})
    # removed with `icpolicy remove`: not re-read from their folders (and zips) until named
    files, report.passed_over, excluded, again = planning.exclusions(files, paths, manifest.recorded(index_dir, "excluded") or [])
    for left in office.sweep_temp():  # a LibreOffice conversion's folders that a killed ingest left
        log.info("deleted %s, left by an ingest that was killed", left)
    workers = workers or os.cpu_count() or 1
    pool = None
    if workers > 1 and len(files) > 2:
        try:
            build.warm()  # before the fork, so the workers share what it loads instead of each loading it
            pool = start_pool(workers)
        except Exception as exc:  # no processes to be had (limits, memory): work in this one
            log.warning("could not start %d worker processes (%s); indexing in this process", workers, exc)
    target: Path | None = None
    writer = None
    first = False
    try:
        with stop_flag() as stop, folder.lock(index_dir):
            try:
                for left in swapping.sweep(index_dir, manifest.layout()):
                    log.warning("deleted %s, left by an ingest --rebuild that was killed", left)
                if _orphans(index_dir):
                    log.warning("%s held index files but no %s (deleted or lost): they were deleted and the index is built anew",
                                index_dir, folder.MANIFEST)
                if rebuild and manifest.recorded_roots(index_dir) and (lost := planning.unreachable(paths, files, report, lambda: index.indexed_sources(index_dir))):
                    raise SourceUnreachable(str(index_dir), *lost)  # before anything is written: the old index stays whole
                target = swapping.fresh_sibling(index_dir, "rebuild") if rebuild else index_dir
                first = not rebuild and not folder.is_index(index_dir)
                # targets: the rules the stored quantities were extracted by (stale once they are mixed)
                previous = None if rebuild else manifest.recorded(index_dir, "targets")
                facts = {"taxonomy": taxonomy_hash(), "cleaning": _rules_hash(), "targets": targets_hash(previous), "roots": roots, "excluded": excluded}
                writer = index.Writer(target, facts)
                known = {} if rebuild else writer.known_documents()
                gone = [] if rebuild else planning.gone(paths, files, known)
                # sources a killed `remove` was taking out (recorded before its commit): taken out now
                # (not one the user names again, nor a member of an archive named again: it is read as any file is)
                pending = [] if rebuild else [s for s in manifest.recorded(index_dir, planning.PENDING) or []
                                              if s in known and (container_of(s) or s) not in files and s not in gone]
                for source in pending:
                    log.warning("took %s out of the index: a remove of it was killed before it finished", source)
                writer.facts["roots"] = _kept_roots(roots, paths, files, gone)
                members = archives.members_by_archive(known)
                copies = {} if rebuild else twins.on_record({twins.KEY: manifest.recorded(index_dir, twins.KEY)})
                todo, stale, digests = planning.plan(files, archives.with_archives(known), report,
                                                     gone + sorted({container_of(g) for g in gone} - {""}) + pending, again, copies)
                writer.facts[twins.KEY] = twins.updated(copies, known, report.duplicates, digests)
                moved = [source for source in stale if source not in files]  # originals gone from disk, their copies indexed
                if moved:
                    writer.facts["roots"] = _kept_roots(roots, paths, files, gone + moved)
                stale = archives.expand(stale, members)
                report.removed = gone + moved
                max_bytes = int(max_file_mb * MB) if max_file_mb else readers.MAX_FILE_BYTES
                try:
                    _run(commits.Guarded(writer), todo, stale + gone + pending, digests, report, pool, stop, on_progress, debug, max_bytes, members,
                         {key for key in excluded if container_of(key)})
                finally:
                    writer.close()  # lets go of the engine's memory maps
                if first and not report.indexed and not report.unchanged and not report.duplicates:
                    _unmade(index_dir, report, made)
                if rebuild and not report.interrupted:
                    # the writer's mark, as in any folder an icpolicy writer worked in (folder.made_here): a damaged
                    # manifest of the rebuilt index is then known for its own, and gets the rebuild command
                    (target / folder.LOCK).touch()
                    swapping.swap(target, index_dir, manifest.layout())
                    target = None
            except (OSError, commits.WriteError, IndexWriteFailed) as exc:
                failed = commits.write_failed(exc, index_dir, report, rebuild)
                # (no writer when opening it failed: its document index could not be written on a full disk)
                undos = ([writer.cancel, writer.close] if writer is not None else []) + [lambda: _orphans(index_dir)]
                if first and not (index_dir / folder.MANIFEST).exists():
                    undos.append(lambda: folder.let_go(index_dir, made))  # (its lock files, and the folder it made: as before)
                for undo in undos:  # frees what the failed write left, under the lock; then a first ingest that committed
                    try:  # no document deletes the files it made, which are no index
                        undo()
                    except Exception:
                        pass  # a later error must not hide the first
                raise failed from None
    except OSError as exc:  # taking the lock: the folder cannot be created or written
        raise commits.write_failed(exc, index_dir, report, rebuild) from None
    finally:
        if pool is not None:  # after Ctrl-C, SIGTERM or an error the workers are ended at once: their files' outcomes are not wanted
            stop_pool(pool, wait=not report.interrupted and report.committed == len(report.indexed))
        if rebuild and target is not None and target.exists():
            swapping.discard(target, manifest.layout())
    run_copies.skipped_alike(report)
    run_copies.read_as_copies(report)
    report.skipped.sort(key=lambda s: s.path)
    report.indexed.sort()
    return report


def index_files(writer: index.Writer, todo: list[Path], stale: list[str], digests: dict[str, str], report: IngestReport) -> None:
    """Delete the stale sources, index the files in this process, commit and merge (remove's copies of what it takes out)."""
    _run(writer, todo, stale, digests, report, None, Stop(), None, False, readers.MAX_FILE_BYTES)


def _kept_roots(roots: list[str], paths: list[Path], files: dict[str, Path], gone: list[str]) -> list[str]:
    """What `ingest --rebuild` reads again: the folders given, and the files given that are read (one
    of a type never read gives no document, so it is not remembered); a file given before that is
    gone from disk now, its document removed by this run, is dropped."""
    given = {str(p.resolve()) for p in paths}
    dropped = {root for root in roots if root in given and os.path.lexists(root) and not os.path.isdir(root) and source_key(Path(root)) not in files}
    dropped |= {root for root in roots if root in set(gone) and not os.path.lexists(root)}
    # a folder gone from disk whose documents this run removes (moved elsewhere and ingested there)
    dropped |= {root for root in roots if not os.path.lexists(root) and any(planning.covers(root, source) for source in gone)}
    return [root for root in roots if root not in dropped]


def _orphans(index_dir: Path) -> bool:
    """An index folder without its manifest (deleted, or a first ingest killed or failed before a document was
    committed: engine/writer.py) holds index files no manifest describes: they are deleted (only the index's own:
    folder.remove), so the index is built anew from the PATHs given, instead of refusing the folder for ever.
    Returns whether anything was deleted."""
    if (index_dir / folder.MANIFEST).exists() or not index_dir.is_dir() or not folder.made_here(index_dir):
        return False
    layout = manifest.layout()
    return bool([entry.name for entry in os.scandir(index_dir)
                 if entry.name not in (folder.LOCK, folder.HOLDER) and folder.remove(Path(entry.path), layout)])


def _unmade(index_dir: Path, report: IngestReport, made: bool = False) -> None:
    """A first ingest that indexed nothing (an empty or unmounted folder, every file skipped) leaves no index that
    would answer "0 passages": its manifest and the files it made go (_orphans), and search and info say there is
    no index, as after a first ingest that failed before its first document."""
    (index_dir / folder.MANIFEST).unlink(missing_ok=True)
    _orphans(index_dir)
    folder.let_go(index_dir, made)  # (under the lock: another ingest gives up at once, none waits on the lock file)
    report.no_index = True


def _check_folder(index_dir: Path, rebuild: bool) -> None:
    """Refuse, before anything is written, a folder that is not an index (or, for a rebuild, holds anything else)."""
    folder.claim(index_dir, adopt=manifest.index_files_alone)  # see _orphans
    if rebuild and index_dir.exists():
        others = folder.foreign(index_dir, manifest.layout())
        if others:
            raise NotAnIndex(str(index_dir), f"holds {others[0]}, which icpolicy did not make; --rebuild replaces the whole folder, so move that out first (a plain ingest leaves it alone)")


def _run(writer: index.Writer, todo: list[Path], stale: list[str], digests: dict[str, str], report: IngestReport, pool,
         stop: Stop, on_progress, debug, max_bytes: int, members: dict[str, list[str]] | None = None, excluded: set[str] = frozenset()) -> None:
    """The ingest's phases, in order: drop stale documents, small files (in workers), large files
    (streamed, each a transaction), the same for copies of skipped files named for another reader,
    the interrupted files' account, the last commit and merges."""
    run = _Recorder(writer, report, todo, on_progress, members or {}, excluded)
    for source in stale:
        writer.delete_source(source)
    for batch in (lambda: todo, lambda: run_copies.to_read(report, digests)):  # then the copies of skipped files another reader may read
        batch = batch()  # (the second once the first is done)
        run.expect(batch)
        _index_small(run, [p for p in batch if not stream.is_large(p)], pool, stop, debug, max_bytes)
        _index_large_files(run, [p for p in batch if stream.is_large(p)], digests, stop, debug)
        if stop.is_set():
            break
    if stop.is_set():
        _account_interrupted(report, [Path(p) for p in run.sizes], stop.by)
    _finish(run)


class _Recorder:
    """Hands each finished file to the writer, keeps the report and the progress, commits every COMMIT_SECONDS."""

    def __init__(self, writer: index.Writer, report: IngestReport, todo: list[Path], on_progress, members: dict[str, list[str]], excluded=frozenset()):
        self.writer, self.report, self.on_progress, self.members, self.excluded = writer, report, on_progress, members, excluded
        self.sizes: dict[str, int] = {}
        self.unread = len(report.skipped)  # skipped by the walk, before any reading
        self.total_bytes = self.total_files = self.done = 0
        self.expect(todo)
        self.last_commit = time.monotonic()

    def expect(self, paths: list[Path]) -> None:
        """Files to be read (the batch, then the copies of skipped files read again), for the progress."""
        fresh = {str(p): _size(p) for p in paths if str(p) not in self.sizes}
        self.sizes.update(fresh)
        self.total_bytes, self.total_files = self.total_bytes + sum(fresh.values()), self.total_files + len(fresh)

    def progress(self, current: str, extra_bytes: int = 0) -> None:
        if self.on_progress:
            self.on_progress(Progress(self.done, self.total_files, self.report.bytes_read + extra_bytes, self.total_bytes, current,
                                      len(self.report.duplicates), self.unread))

    def record(self, path: Path, result) -> None:
        """A file is done: skipped, streamed (its passage count) or built (document, tokens)."""
        report = self.report
        self.done += 1
        report.bytes_read += self.sizes[str(path)]
        if isinstance(result, Skipped):
            report.skipped.append(result)
        elif isinstance(result, archives.ArchiveBuilt):  # its members, each a document
            kept = tuple(built for built in result.documents if built[0].source not in self.excluded)  # members removed before
            report.passed_over.extend(built[0].source for built in result.documents  # (unless said before the read)
                                      if built[0].source in self.excluded and built[0].source not in report.passed_over)
            archives.record(self.writer, report, replace(result, documents=kept), self.members.get(source_key(path), ()))
        elif isinstance(result, int):  # a large file, already added chunk by chunk
            report.indexed.append(str(path))
            report.passages += result
        else:
            document, prepared = result
            self.writer.delete_source(document.source)
            self.writer.add(document, prepared)
            report.indexed.append(str(path))
            report.passages += len(prepared)
        self.progress(path.name)
        if time.monotonic() - self.last_commit >= COMMIT_SECONDS:
            self.progress("committing…")
            commits.commit(self.writer, report)
            self.last_commit = time.monotonic()


def _index_small(run: _Recorder, small: list[Path], pool, stop, debug: bool, max_bytes: int) -> None:
    """Files read whole: built in the worker processes (or here, without a pool or for a couple of files)."""
    for path, result in outcomes(pool if len(small) > 2 else None, build.safe_build, small, (debug, max_bytes), stop):
        if isinstance(result, WorkerFailed):
            if stop.is_set():
                continue  # killed with the parent's process group: not done, not skipped
            result = Skipped(str(path), result.reason("run ingest again"))
        run.record(path, result)


def _index_large_files(run: _Recorder, large: list[Path], digests: dict[str, str], stop, debug: bool) -> None:
    """Large files, streamed in this process, each a transaction of its own (see stream.index_large)."""
    for path in large:
        if stop.is_set():
            break
        commits.commit(run.writer, run.report)
        streamed = [0]

        def on_chunk(nbytes: int, name: str = path.name, size: int = run.sizes[str(path)]) -> None:
            streamed[0] = min(size, streamed[0] + nbytes)
            run.progress(name, streamed[0])

        result = _index_large(path, digests[str(path)], run.writer, stop, on_chunk, debug)
        if isinstance(result, Skipped):
            run.writer.cancel()
        run.record(path, result)


def _account_interrupted(report: IngestReport, todo: list[Path], by: str) -> None:
    """Ctrl-C or SIGTERM: documents are added whole between checks (what was added is committed); name the rest."""
    report.interrupted = True
    report.interrupted_by = by
    cut = {s.path for s in report.skipped if s.reason == CUT_SHORT}  # not indexed, not skipped: counted once, with the rest
    report.skipped = [s for s in report.skipped if s.reason != CUT_SHORT]
    finished_paths = set(report.indexed) | {s.path for s in report.skipped} | {container_of(s) for s in report.indexed}
    report.not_done = sorted({str(p) for p in todo if str(p) not in finished_paths} | cut)


def _finish(run: _Recorder) -> None:
    """The last commit, then (unless interrupted) tantivy's merges run to the end."""
    run.progress("committing to the index…")
    _unrecord_unread_twins(run.writer, run.report)
    commits.commit(run.writer, run.report)
    if not run.report.interrupted:
        run.progress("merging segments…")
        run.writer.merge_small()


def _unrecord_unread_twins(writer: index.Writer, report: IngestReport) -> None:
    """A copy of a file this run skipped (two empty files, two copies of a damaged PDF) is no duplicate of anything
    in the index: it leaves the record, as run_copies.skipped_alike gives it the original's reason (else `remove` of any file
    would later name it "a copy of a file taken out")."""
    entries = twins.on_record(writer.facts)
    skipped = run_copies.skipped_by_key(report) if entries and report.skipped else {}
    if skipped:
        writer.facts[twins.KEY] = {copy: entry for copy, entry in entries.items() if entry.get("of") not in skipped}


def _rules_hash() -> str:
    """One hash over every packaged rule file, recorded in the manifest with each ingest."""
    digest = hashlib.sha256()
    for name in rule_files():
        digest.update(read_bytes(name))
    return digest.hexdigest()[:12]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

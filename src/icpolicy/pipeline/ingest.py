"""Ingest: files -> documents -> index, in parallel, without ever losing what the index held.

Workers (one per core) read, clean, split, tag, tokenise and encode each file's bigrams
(schema.prepare); the parent is the single writer and only hands their tokens to tantivy.  Unchanged
files (same size and mtime, or same content hash) are not re-read; identical content under
another name is reported as a duplicate and indexed once.  Work is committed every
COMMIT_SECONDS, so Ctrl-C or a crash loses at most that much, and a commit is atomic (tantivy's
meta.json; see engine/writer.py).  A --rebuild is built beside the old index and swapped in
only when complete.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from icpolicy.text import clean as cleaning
from icpolicy.engine import schema, writer as index
from icpolicy.text import passages
from icpolicy import readers
from icpolicy.pipeline import stream
from icpolicy.meta import tagging
from icpolicy.errors import ExtractionError
from icpolicy.models import Document, IngestReport, Skipped, doc_id_for, source_key
from icpolicy.text.normalize import normalise
from icpolicy.meta.sectors import taxonomy_hash
from icpolicy.text.tokens import cut
from icpolicy.units import MB

COMMIT_SECONDS = float(os.environ.get("ICPOLICY_COMMIT_SECONDS", "30"))
log = logging.getLogger("icpolicy.ingest")


@dataclass(frozen=True)
class Progress:
    """What the progress callback is told: files done of total, bytes done, the current file."""

    done: int
    total: int
    bytes_done: int
    bytes_total: int
    current: str


def walk(paths: Iterable[Path], report: IngestReport) -> dict[str, Path]:
    """Supported files under the given paths, each once, in a stable order: {source key: path}.

    Named files of an unsupported type are reported as skipped; inside folders such files,
    hidden entries and lock files are passed over.  Symlink loops and unreadable folders are
    reported, never followed forever.
    """
    found: dict[str, Path] = {}
    for path in paths:
        if not path.exists():
            report.skipped.append(Skipped(str(path), "no such file or folder"))
        elif path.is_dir():
            _walk_dir(path, found, report)
        elif readers.is_supported(path):
            found.setdefault(source_key(path), path)
        else:
            report.skipped.append(Skipped(str(path), f"unsupported type '{path.suffix or '(none)'}' (supported: {', '.join(sorted(readers.READERS))})"))
    return dict(sorted(found.items(), key=lambda item: str(item[1])))


def _walk_dir(root: Path, found: dict[str, Path], report: IngestReport) -> None:
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        report.skipped.append(Skipped(str(exc.filename), f"folder not readable ({exc.strerror})"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        real = os.path.realpath(dirpath)  # once per folder: resolving every file costs a stat per path part
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or readers.is_ignored(path) or not readers.is_supported(path):
                continue
            key = source_key(path) if os.path.islink(path) else os.path.join(real, name)
            found.setdefault(key, path)


def build_document(path: Path, max_bytes: int = readers.MAX_FILE_BYTES) -> tuple[Document, schema.Prepared]:
    """Read, clean, split, tag and tokenise one file (runs in a worker process)."""
    raw, data = readers.read(path, max_bytes)
    paragraphs = cleaning.clean(raw.text, raw.layout)
    if not paragraphs:
        raise ExtractionError(str(path), "no text left after cleaning")
    pieces = passages.split(paragraphs)
    meta, passage_list = tagging.tag_document(raw.title, pieces, path.stem, raw.hints)
    source = source_key(path)
    stat = path.stat()
    document = Document(
        doc_id=doc_id_for(source),
        source=source,
        content_hash=hashlib.sha256(data).hexdigest(),
        meta=meta,
        passages=tuple(passage_list),
        mtime=stat.st_mtime,
        size=stat.st_size,
    )
    norms = [normalise(p.text) for p in passage_list]
    return document, schema.prepare(document.passages, norms, [cut(n) for n in norms])


def _safe_build(path: Path, debug: bool = False, max_bytes: int = readers.MAX_FILE_BYTES):
    """build_document, with every failure turned into a Skipped reason (runs in the worker)."""
    try:
        return build_document(path, max_bytes)
    except Exception as exc:
        return _skipped(path, exc, debug)


def _skipped(path: Path, exc: BaseException, debug: bool) -> Skipped:
    """The Skipped entry, with a reason, for a file whose processing failed."""
    if isinstance(exc, ExtractionError):
        return Skipped(str(path), exc.reason)
    if isinstance(exc, MemoryError):
        return Skipped(str(path), "too large to process in memory")
    # one bad file must never stop an ingest
    detail = "".join(traceback.format_exception(exc)) if debug else f"{type(exc).__name__}: {exc}"
    return Skipped(str(path), f"could not be processed ({detail})")


def _index_large(path: Path, content_hash: str, writer, stop, on_chunk, debug: bool):
    """A large file through stream.py, with the same failure handling as the workers'.

    --max-file-mb does not apply: it protects formats read whole; streamed memory is bounded.
    """
    try:
        return stream.index_large(path, content_hash, writer, stop, on_chunk)
    except KeyboardInterrupt:
        return Skipped(str(path), "interrupted while indexing (nothing of it was kept)")
    except Exception as exc:
        return _skipped(path, exc, debug)


@contextmanager
def _interrupt_flag():
    """Turn Ctrl-C into a flag the ingest loop checks between documents (main thread only)."""
    stop = threading.Event()
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    except ValueError:  # not the main thread: Ctrl-C keeps its default behaviour
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore_sigint() -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _plan(files: dict[str, Path], known: dict[str, dict], report: IngestReport) -> tuple[list[Path], list[str], dict[str, str]]:
    """(files to index, sources whose old passages must go, their content hashes); records unchanged files and duplicates."""
    by_hash = {facts["content_hash"]: source for source, facts in known.items()}
    todo, stale, digests = [], [], {}
    for source, path in files.items():
        facts = known.get(source)
        try:
            stat = path.stat()
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"cannot read ({exc.strerror})"))
            continue
        if facts and facts["size"] == stat.st_size and facts["mtime"] == stat.st_mtime:
            report.unchanged.append(str(path))
            continue
        try:
            digest = readers.hash_file(path)
        except PermissionError:
            report.skipped.append(Skipped(str(path), "permission denied"))
            continue
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"cannot read ({exc.strerror})"))
            continue
        owner = by_hash.get(digest)
        if owner == source:
            report.unchanged.append(str(path))
        elif owner is not None:
            report.duplicates.append((str(path), owner))
            if facts:  # it was indexed with other content, which is gone now
                stale.append(source)
        else:
            by_hash[digest] = source
            digests[str(path)] = digest
            todo.append(path)
    return todo, stale, digests


def ingest(
    paths: list[Path],
    index_dir: Path,
    rebuild: bool = False,
    workers: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    debug: bool = False,
    max_file_mb: float | None = None,
) -> IngestReport:
    """Index the files under paths into index_dir; see the module docstring for the guarantees."""
    report = IngestReport()
    files = walk(paths, report)
    roots = sorted(set(index.recorded_roots(index_dir)) | {str(p.resolve()) for p in paths if p.exists()})
    with index.writer_lock(index_dir):
        target = index_dir
        if rebuild:
            target = index_dir.with_name(index_dir.name + ".rebuild")
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
        facts = {"taxonomy": taxonomy_hash(), "cleaning": _rules_hash(), "roots": roots}
        writer = index.Writer(target, facts)
        try:
            known = {} if rebuild else writer.known_documents()
            todo, stale, digests = _plan(files, known, report)
            max_bytes = int(max_file_mb * MB) if max_file_mb else readers.MAX_FILE_BYTES
            _run(writer, todo, stale, digests, report, workers, on_progress, debug, max_bytes)
        finally:
            writer.close()
        if rebuild and not report.interrupted:
            _swap(target, index_dir)
    report.skipped.sort(key=lambda s: s.path)
    report.indexed.sort()
    return report


def _run(writer: index.Writer, todo: list[Path], stale: list[str], digests: dict[str, str], report: IngestReport, workers, on_progress, debug, max_bytes: int) -> None:
    """The ingest's phases, in order: drop stale documents, small files (in workers), large files
    (streamed, each a transaction), the interrupted files' account, the last commit and merges."""
    run = _Recorder(writer, report, todo, on_progress)
    for source in stale:
        writer.delete_source(source)
    small = [p for p in todo if not stream.is_large(p)]
    large = [p for p in todo if stream.is_large(p)]
    with _interrupt_flag() as stop:
        _index_small(run, small, workers or os.cpu_count() or 1, stop, debug, max_bytes)
        _index_large_files(run, large, digests, stop, debug)
        if stop.is_set():
            _account_interrupted(report, todo)
    _finish(run)


class _Recorder:
    """Hands each finished file to the writer, keeps the report and the progress, commits every COMMIT_SECONDS."""

    def __init__(self, writer: index.Writer, report: IngestReport, todo: list[Path], on_progress):
        self.writer, self.report, self.on_progress = writer, report, on_progress
        self.sizes = {str(p): _size(p) for p in todo}
        self.total_bytes, self.total_files = sum(self.sizes.values()), len(todo)
        self.done = 0
        self.last_commit = time.monotonic()

    def progress(self, current: str, extra_bytes: int = 0) -> None:
        if self.on_progress:
            self.on_progress(Progress(self.done, self.total_files, self.report.bytes_read + extra_bytes, self.total_bytes, current))

    def record(self, path: Path, result) -> None:
        """A file is done: skipped, streamed (its passage count) or built (document, tokens)."""
        report = self.report
        self.done += 1
        report.bytes_read += self.sizes[str(path)]
        if isinstance(result, Skipped):
            report.skipped.append(result)
        elif isinstance(result, int):  # a large file, already added chunk by chunk
            report.indexed.append(str(path))
            report.passages += result
        else:
            document, prepared = result
            self.writer.delete_source(document.source)
            self.writer.add(document, prepared)
            report.indexed.append(str(path))
            report.passages += len(prepared.passages)
        self.progress(path.name)
        if time.monotonic() - self.last_commit >= COMMIT_SECONDS:
            self.progress("committing…")
            self.writer.commit()
            self.last_commit = time.monotonic()


def _index_small(run: _Recorder, small: list[Path], workers: int, stop, debug: bool, max_bytes: int) -> None:
    """Files read whole: built in worker processes (or here, for one worker or a couple of files)."""
    if workers <= 1 or len(small) <= 2:
        for path in small:
            if stop.is_set():
                break
            run.record(path, _safe_build(path, debug, max_bytes))
        return
    pending: dict[Future, Path] = {}
    queue = list(reversed(small))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    while (queue or pending) and not stop.is_set():
        while queue and len(pending) < workers * 4:
            path = queue.pop()
            pending[pool.submit(_safe_build, path, debug, max_bytes)] = path
        finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
        for future in finished:
            path = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # a worker killed (out of memory?) or a broken pool
                result = Skipped(str(path), f"worker process failed ({type(exc).__name__}); run ingest again for this file")
            run.record(path, result)
    pool.shutdown(wait=not stop.is_set(), cancel_futures=True)


def _index_large_files(run: _Recorder, large: list[Path], digests: dict[str, str], stop, debug: bool) -> None:
    """Large files, streamed in this process, each a transaction of its own (see stream.index_large)."""
    for path in large:
        if stop.is_set():
            break
        run.writer.commit()
        streamed = [0]

        def on_chunk(nbytes: int, name: str = path.name, size: int = run.sizes[str(path)]) -> None:
            streamed[0] = min(size, streamed[0] + nbytes)
            run.progress(name, streamed[0])

        result = _index_large(path, digests[str(path)], run.writer, stop, on_chunk, debug)
        if isinstance(result, Skipped):
            run.writer.cancel()
        run.record(path, result)


def _account_interrupted(report: IngestReport, todo: list[Path]) -> None:
    """Ctrl-C: documents are added whole between checks (what was added is committed); name the rest."""
    report.interrupted = True
    finished_paths = set(report.indexed) | {s.path for s in report.skipped}
    report.not_done = sorted(str(p) for p in todo if str(p) not in finished_paths)


def _finish(run: _Recorder) -> None:
    """The last commit, then (unless interrupted) tantivy's merges run to the end."""
    run.progress("committing to the index…")
    run.writer.commit()
    if not run.report.interrupted:
        run.progress("merging segments…")
        run.writer.merge_small()


def _rules_hash() -> str:
    from importlib import resources

    digest = hashlib.sha256()
    for name in ("cleaning.toml", "regions.toml", "doctypes.toml", "userdict.txt"):
        digest.update(resources.files("icpolicy.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _swap(new: Path, current: Path) -> None:
    """Put a completed rebuild in place of the current index (two renames)."""
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)

"""Writing the index during an ingest: its OSErrors told apart from a bad file's, commits
counted, and a failed write turned into one IndexWriteFailed that says what was committed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from icpolicy.engine import folder
from icpolicy.engine import writer as index
from icpolicy.errors import IndexWriteFailed
from icpolicy.models import IngestReport
from icpolicy.units import counted, megabytes


class WriteError(Exception):
    """An OSError while writing the index, carried past the per-file error handling."""

    def __init__(self, error: OSError, action: str):
        super().__init__(str(error))
        self.error = error
        self.action = action


_ACTIONS = {"add": "adding a document", "flush": "writing a segment", "commit": "committing", "merge_small": "merging segments",
            "delete_source": "removing a document", "cancel": "undoing"}


class Guarded:
    """The writer, with its OSErrors marked as index write errors (so no file is blamed for them)."""

    def __init__(self, writer: index.Writer):
        self._writer = writer
        self.dir = writer.dir
        self.facts = writer.facts  # (the same dict: what the next commit records)

    def __getattr__(self, name: str):
        method = getattr(self._writer, name)

        def call(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except OSError as exc:
                failed = WriteError(exc, _ACTIONS.get(name, name))
                failed.free = free_bytes(self.dir)
                raise failed from exc
            except IndexWriteFailed as exc:
                exc.free = free_bytes(self.dir)  # now, before the writer's close frees what it held
                raise

        return call


def write_failed(exc: OSError | WriteError | IndexWriteFailed, index_dir: Path, report: IngestReport, rebuild: bool) -> IndexWriteFailed:
    """One error that says what failed, where, and what of this run is in the index."""
    # the space left when the write failed (a failed writer's close frees what it held) or now
    now = free_bytes(index_dir)
    free = min(getattr(exc, "free", now), now)
    if isinstance(exc, IndexWriteFailed):  # the engine's own account of a failed write
        where, reason = exc.path, exc.reason
        full = os.strerror(errno.ENOSPC)
        limit = file_size_limit()
        if free < 1 << 20 or "os error 28" in reason or full in reason:
            reason = full  # (the engine's own words, a Rust thread's panic, tell the user nothing more)
        elif limit is not None:
            reason = f"{os.strerror(errno.EFBIG)}: this process may write files of {megabytes(limit)} at most (ulimit -f)"
        elif "io::Error" in reason or "killed" in reason:
            reason = f"the index writer met an input/output error (a full disk, a file size limit or a drive gone): {reason}"
    else:
        error = exc.error if isinstance(exc, WriteError) else exc
        where = error.filename or index_dir
        reason = error.strerror or str(error)
        if error.errno is None and free < 1 << 20:  # a short write: "N requested and M written"
            reason = f"{os.strerror(errno.ENOSPC)}: {error}"
    if isinstance(exc, WriteError):
        reason += f", while {exc.action}"
    done = len(report.indexed)
    if rebuild or not report.committed:
        made = rebuild or folder.is_index(index_dir)  # a first ingest commits its manifest with its first document
        committed = "nothing of this run was committed: " + ("the index is as it was before" if made else "no index was made")
    elif report.committed >= done and not report.removed:
        committed = f"all {done} documents of this run were committed before the failure" if done != 1 else "the document of this run was committed before the failure"
    else:
        committed = f"{counted(report.committed, 'document')} of this run {'was' if report.committed == 1 else 'were'} committed before the failure, the rest were not"
    return IndexWriteFailed(str(where), reason, committed + "; fix that and run the same command again")


def file_size_limit() -> int | None:
    """The largest file this process may write (the soft RLIMIT_FSIZE, `ulimit -f`), or None when there is no limit."""
    try:
        import resource
    except ImportError:  # (Windows)
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def free_bytes(index_dir: Path) -> int:
    """Space left for the index (the nearest existing folder's file system), or a lot when unknown."""
    for candidate in (index_dir, *index_dir.parents):
        try:
            st = os.statvfs(candidate)
        except (OSError, AttributeError):  # missing folder; no statvfs on Windows
            continue
        return st.f_bavail * st.f_frsize
    return 1 << 62


def commit(writer, report: IngestReport) -> None:
    """Commit, and keep count of what of this run is committed, even when the commit fails after its commit point."""
    before = commit_marks(writer.dir)
    try:
        writer.commit()
    except (WriteError, IndexWriteFailed):
        if commit_marks(writer.dir) != before:  # a commit file was replaced: the commit took effect
            report.committed = len(report.indexed)
        raise
    report.committed = len(report.indexed)


def commit_marks(index_dir: Path) -> list[tuple[str, int, int]]:
    """The files whose replacement marks a commit: the manifest, and an engine's own (DIR/*/meta.json)."""
    marks = []
    for path in (index_dir / folder.MANIFEST, *sorted(index_dir.glob("*/meta.json"))):
        try:
            st = os.stat(path)
        except OSError:
            continue
        marks.append((str(path), st.st_ino, st.st_mtime_ns))
    return marks

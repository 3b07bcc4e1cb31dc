"""What an ingest has to do: which files changed, which are duplicates, which are gone."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from icpolicy import readers
from icpolicy.models import IngestReport, Skipped
from icpolicy.pipeline.walk import inside


def plan(files: dict[str, Path], known: dict[str, dict], report: IngestReport, gone: Iterable[str] = ()) -> tuple[list[Path], list[str], dict[str, str]]:
    """(files to index, sources whose old passages must go, their content hashes); records unchanged files and duplicates.

    Duplicates are decided once the batch's own changes are known: content that a changed or
    gone file held is not "already indexed", so its identical twin is indexed in its place.
    """
    changed: dict[str, tuple[Path, str]] = {}
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
            changed[source] = (path, readers.hash_file(path))
        except PermissionError:
            report.skipped.append(Skipped(str(path), "permission denied"))
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"cannot read ({exc.strerror})"))
    leaving = set(gone) | {s for s, (_, digest) in changed.items() if s in known and known[s]["content_hash"] != digest}
    by_hash = {facts["content_hash"]: source for source, facts in known.items() if source not in leaving}
    todo, stale, digests = [], [], {}
    for source, (path, digest) in changed.items():
        owner = by_hash.get(digest)
        if owner == source:
            report.unchanged.append(str(path))
        elif owner is not None:
            report.duplicates.append((str(path), owner))
            if source in known:  # it was indexed with other content, which is gone now
                stale.append(source)
        else:
            by_hash[digest] = source
            digests[str(path)] = digest
            todo.append(path)
    return todo, stale, digests


def gone(paths: list[Path], files: dict[str, Path], known: dict[str, dict]) -> list[str]:
    """Indexed sources under the given folders (or named files) that no longer exist on disk."""
    trees = [str(p.resolve()) for p in paths if p.is_dir()]
    named = {str(p.resolve()) for p in paths if not os.path.lexists(p)}
    gone = []
    for source in known:
        if source in files or not (source in named or inside(source, trees)):
            continue
        try:
            os.lstat(source)
        except (FileNotFoundError, NotADirectoryError):
            gone.append(source)  # really gone; an unreadable folder (EACCES) is not
        except OSError:
            pass
    return sorted(gone)

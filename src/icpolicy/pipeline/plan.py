"""What an ingest has to do: which files changed, which are duplicates, which are gone."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple
from pathlib import Path

from icpolicy import readers
from icpolicy.models import IngestReport, Skipped, container_of, disk_path, readable_path
from icpolicy.pipeline import twins
from icpolicy.pipeline.walk import inside


def plan(files: dict[str, Path], known: dict[str, dict], report: IngestReport, gone: Iterable[str] = (),
         again: Iterable[str] = (), copies: Mapping[str, dict] | None = None) -> tuple[list[Path], list[str], dict[str, str]]:
    """(files to index, sources whose old passages must go, the content hashes of those and of the duplicates);
    records unchanged files and duplicates.

    Duplicates are decided once the batch's own changes are known: content that a changed or
    gone file held is not "already indexed", so its identical twin is indexed in its place, and so is
    a copy recorded before (`copies`, twins.py) whose original leaves or left the index.
    Sources in `again` are read even when unchanged (an archive whose removed member comes back).  A file whose
    content an indexed source holds that is gone from disk, wherever it lay, is indexed in its place (a moved folder):
    that source is among the stale ones, though it is not in `files`.
    """
    again = set(again)
    changed: dict[str, tuple[Path, str]] = {}
    for source, path in files.items():
        facts = known.get(source)
        try:
            stat = path.stat()
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"cannot read ({exc.strerror})"))
            continue
        if facts and source not in again and facts["size"] == stat.st_size and facts["mtime"] == stat.st_mtime:
            report.unchanged.append(str(path))
            continue
        _hash_into(changed, source, path, report)
    leaving = set(gone) | (again & set(changed)) | {s for s, (_, digest) in changed.items() if s in known and known[s]["content_hash"] != digest}
    orphans = set(twins.orphans(copies or {}, known, leaving))  # copies on record whose original leaves the index
    for copy in orphans:
        if copy not in files and os.path.lexists(on_disk := disk_path(copy)):  # (one outside the PATHs is read too; one gone from disk is let go)
            _hash_into(changed, copy, Path(on_disk), report)
    by_hash = {facts["content_hash"]: source for source, facts in known.items() if source not in leaving}
    todo, stale, digests = [], [], {}
    for source, (path, digest) in changed.items():
        owner = by_hash.get(digest)
        if owner == source:
            report.unchanged.append(str(path))
        elif owner is not None and owner not in files and not os.path.lexists(disk_path(container_of(owner) or owner)):
            # its original is gone from disk (a folder moved, then ingested under its new name): this file is indexed
            # in its place, under its own name, and the original's passages go
            stale.append(owner)
            by_hash[digest] = source
            digests[str(path)] = digest
            todo.append(path)
        elif owner is not None:
            report.duplicates.append((str(path), owner))
            digests[str(path)] = digest  # for the record of duplicates (twins.py)
            if source in known:  # it was indexed with other content, which is gone now
                stale.append(source)
        else:
            by_hash[digest] = source
            digests[str(path)] = digest
            todo.append(path)
    # (named whether it lies in the PATHs given or not: the original's text is still in the index through it)
    report.kept = [str(changed[copy][0]) for copy in sorted(orphans) if copy in changed and changed[copy][0] in todo]
    return todo, stale, digests


def _hash_into(changed: dict[str, tuple[Path, str]], source: str, path: Path, report: IngestReport) -> None:
    """Add a file and its content hash to the changed ones; one that cannot be read is skipped, with the reason."""
    try:
        changed[source] = (path, readers.hash_file(path))
    except PermissionError:
        report.skipped.append(Skipped(str(path), "permission denied"))
    except OSError as exc:
        report.skipped.append(Skipped(str(path), f"cannot read ({exc.strerror})"))


def gone(paths: list[Path], files: dict[str, Path], known: dict[str, dict]) -> list[str]:
    """Indexed sources under the given folders (or named files) that no longer exist on disk."""
    trees = [str(p.resolve()) for p in paths if p.is_dir()]
    named = {str(p.resolve()) for p in paths if not os.path.lexists(p)}
    gone = []
    for source in known:
        on_disk = container_of(source) or source  # a member of an archive goes with its archive
        if source in files or on_disk in files or not (on_disk in named or inside(on_disk, trees)):
            continue
        try:
            os.lstat(disk_path(on_disk))
        except (FileNotFoundError, NotADirectoryError):
            gone.append(source)  # really gone; an unreadable folder (EACCES) is not
        except OSError:
            pass
    return sorted(gone)


# Removed sources (`icpolicy remove`) stay out of the folders they lie in: the manifest keeps
# their keys as "excluded", which a folder ingest or a rebuild passes over.  Naming one again
# (`icpolicy ingest FILE`) brings it back, as `git add` does a file that was ignored.  A remove records its exclusions
# and the sources it takes out (PENDING) before its commit, so that a kill cannot lose them; the next ingest or remove
# takes out those the index still holds.
PENDING = "removing"

def covers(outer: str, key: str) -> bool:
    """Whether key is outer, lies under the folder outer, or is a member of the archive outer."""
    return key == outer or key.startswith(outer.rstrip(os.sep) + os.sep) or container_of(key) == outer


def unrecorded(index_dir: Path, roots: list[str]) -> list[Path]:
    """The files (or archives) of documents the index holds that no recorded root covers, as they are on disk: an ingest
    killed between tantivy's commit and the manifest's committed them without recording their folder, and a rebuild
    from the roots alone would drop them."""
    from icpolicy.engine.manifest import recorded
    from icpolicy.engine.writer import indexed_sources

    out: dict[str, None] = {}
    leaving = list(recorded(index_dir, "excluded") or []) + list(recorded(index_dir, PENDING) or [])  # (a killed remove's)
    for source in indexed_sources(index_dir) or []:
        key = container_of(source) or source
        if not any(covers(root, key) for root in roots) and not any(covers(gone, source) for gone in leaving) and os.path.lexists(key):
            out[key] = None
    return [Path(key) for key in out]


def named_keys(paths: Iterable[Path]) -> list[str]:
    """The keys of the paths given on the command line, as `remove` records an exclusion."""
    return [readable_path(str(Path(p).resolve())) for p in paths]


def lifted(excluded: Iterable[str], paths: Iterable[Path]) -> list[str]:
    """The exclusions left once the paths named by the user are ingested again (each names its own)."""
    named = set(named_keys(paths))
    return sorted(key for key in excluded if key not in named and container_of(key) not in named)  # an archive named: its members too


class Exclusions(NamedTuple):
    """What the exclusions recorded by `remove` make of an ingest's files (see exclusions)."""

    files: dict[str, Path]  # the files to plan: those passed over left out
    passed_over: list[str]  # the removed files and archive members found here, said in the summary
    left: list[str]  # the exclusions that stay (those the paths named are lifted)
    again: list[str]  # the archives to read even when unchanged: a removed member of theirs comes back


def exclusions(files: dict[str, Path], paths: Iterable[Path], excluded: Iterable[str]) -> Exclusions:
    """The one exclusion step of both ingests (an index folder's and ClickHouse's)."""
    excluded = list(excluded)
    passed = passed_over(files, paths, excluded)
    gone = set(passed)
    files = {source: path for source, path in files.items() if source not in gone}
    left = lifted(excluded, paths)
    members = sorted(key for key in left if container_of(key) in files)  # passed over whether their archive is read or not
    again = sorted({container_of(key) for key in set(excluded) - set(left)} - {""})
    return Exclusions(files, passed + members, left, again)


def passed_over(files: dict[str, Path], paths: Iterable[Path], excluded: Iterable[str]) -> list[str]:
    """The sources among files that were removed before and are found here only inside a folder
    (or archive) that holds them: an exclusion that lies inside the nearest path given applies;
    a path named at or inside the exclusion itself brings the file back."""
    excluded = list(excluded)
    if not excluded:
        return []
    named = named_keys(paths)
    left = []
    for source in files:
        nearest = max((key for key in named if covers(key, source)), key=len, default=None)
        if nearest is not None and any(covers(e, source) and covers(nearest, e) and e != nearest for e in excluded):
            left.append(source)
    return left


def unreachable(paths: Iterable[Path], files: dict[str, Path], report: IngestReport, indexed: Callable[[], list[str] | None]) -> tuple[str, str, int | None] | None:
    """For a rebuild: the first source root that documents came from which cannot be read now
    (missing, unreadable, or a folder with nothing in it: an unmounted drive, a renamed folder),
    with why and how many documents came from it; else None.  `indexed` gives the old index's sources (None when it cannot be read:
    then a missing root is refused all the same)."""
    sources: list[str] | None = []
    for path in paths:
        key = readable_path(str(Path(path).resolve()))
        failed = next((s for s in report.skipped if s.path == str(path)), None)
        if not os.path.lexists(path):
            why = "is not there"
        elif failed is not None and (path.is_dir() or not path.exists()):  # an unreadable folder, a broken link
            why = f"cannot be read ({failed.reason})"
        elif path.is_dir() and not any(covers(key, s) for s in files) and not any(covers(str(path), s.path) for s in report.skipped):
            why = "holds none of them now"
        else:
            continue
        if sources == []:
            sources = indexed()
        had = None if sources is None else sum(1 for source in sources if covers(key, source))
        if had or (had is None and not why.startswith("holds none")):
            return str(path), why, had
    return None

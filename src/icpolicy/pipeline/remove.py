"""Remove: take files, or everything under folders, out of an index (through the writer's delete API).

An archive's path takes all its members out; `ARCHIVE!MEMBER` takes out one member."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from icpolicy.engine import manifest
from icpolicy.engine.manifest import read_manifest
from icpolicy.engine import writer as index
from icpolicy.models import IngestReport, Skipped, container_of, disk_path, readable_path
from icpolicy.pipeline import archive as archives
from icpolicy.pipeline import plan as planning
from icpolicy.pipeline import twins

# Manifest entries the writer keeps itself; everything else is a fact of the ingests, carried over.
_WRITER_KEYS = {"segments", "deleted", "next_segment", "generation", "documents", "passages", "files", "tool_version", "schema_version", "written"}


@dataclass
class RemoveReport:
    """What a remove did: the sources taken out, and the paths that matched nothing in the index."""

    removed: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # files and folders `ingest --rebuild` no longer reads
    kept: list[str] = field(default_factory=list)  # copies of removed files (duplicates), indexed in their place
    skipped: list[Skipped] = field(default_factory=list)  # such copies that could not be read


def _keys(path: Path) -> set[str]:
    """The source keys a path may be known by: resolved (as ingest records it) and as written; each also as a name that
    is not UTF-8 is recorded (readable_path: a GBK 附件.txt), besides as given (the folders a rebuild reads again)."""
    given = {str(path.resolve()), os.path.abspath(path)}
    return given | {readable_path(key) for key in given}


def _under(source: str, key: str) -> bool:
    """Whether a source is the path, lies under it, or is a member of the archive at it (or under it)."""
    archive = container_of(source)
    if archive and (archive == key or archive.startswith(key.rstrip(os.sep) + os.sep)):
        return True
    return source == key or source.startswith(key.rstrip(os.sep) + os.sep)


def remove(paths: list[Path], index_dir: Path) -> RemoveReport:
    """Delete the documents of the given files, or of every file under the given folders, and commit.

    The files need not exist any more.  A removed folder is also dropped from the folders an
    `ingest --rebuild` reads again, and every removed path is recorded as excluded (see
    pipeline/plan.py): ingests of the folders around it pass it over.
    """
    report = RemoveReport()
    read_manifest(index_dir)  # IndexMissing / IndexIncompatible before any lock or write
    with index.writer_lock(index_dir):
        recorded = read_manifest(index_dir)
        keys = [_keys(path) for path in paths]
        facts = {k: v for k, v in recorded.items() if k not in _WRITER_KEYS}
        pending = facts.pop(planning.PENDING, None) or []  # a remove killed before its commit: it is done now
        if "roots" in facts:
            report.dropped = [root for root in facts["roots"] if any(_under(root, key) for group in keys for key in group)]
            facts["roots"] = [root for root in facts["roots"] if root not in report.dropped]
        writer = index.Writer(index_dir, facts)
        known = writer.known_documents()
        copies = twins.on_record(facts)  # duplicates on record: not indexed, but known to the index
        gone: set[str] = {source for source in pending if source in known}
        for path, group in zip(paths, keys):
            matched = [source for source in known if any(_under(source, key) for key in group)]
            taken = [copy for copy in copies if any(_under(copy, key) for key in group)]
            if not matched and not taken and not any(_under(root, key) for root in report.dropped for key in group):
                report.not_found.append(str(path))
            gone.update(matched)
            copies = {copy: entry for copy, entry in copies.items() if copy not in taken}
        # what was removed stays out of the folders (and archives) it lies in: a later ingest of such a
        # folder, or a rebuild, passes it over until the user ingests it by name (pipeline/plan.py)
        removed = {readable_path(str(path.resolve())) for path in paths if str(path) not in report.not_found}
        writer.facts["excluded"] = sorted(set(facts.get("excluded") or []) | removed)
        # written ahead of the commit: a kill after tantivy's commit and before the manifest's would otherwise lose the
        # exclusions (the next folder ingest would bring the files back), and one before the commit leaves the
        # sources to take out, which the next ingest or remove does
        ahead = {"excluded": writer.facts["excluded"], planning.PENDING: sorted(gone), **({"roots": facts["roots"]} if "roots" in facts else {})}
        manifest.amend(index_dir, **ahead)
        try:
            _commit(writer, known, copies, gone, done := IngestReport())
        except BaseException:
            if not writer.committed:  # a failed write (a full disk), or Ctrl-C: nothing was removed, and the record says so
                try:
                    manifest.amend(index_dir, **{key: recorded.get(key) for key in ahead})
                except OSError:
                    pass  # (the next ingest or remove then finishes the removal the user asked for)
            raise
    report.removed = sorted(gone)
    report.kept, report.skipped = done.indexed, done.skipped
    return report


def _commit(writer: index.Writer, known: dict, copies: dict, gone: set[str], done: IngestReport) -> None:
    """Take the sources out and commit, indexing in their place the copies of them still on disk (twins.py)."""
    # a copy of a file taken out, still on disk and not taken out itself, is indexed in its place, in the same
    # commit as the removal; a kill before it leaves the entry, which the next ingest or remove acts on (twins.py)
    left = archives.with_archives({source: entry for source, entry in known.items() if source not in gone})  # (a zip's copy: the zip)
    orphans = {copy: Path(on_disk) for copy in twins.orphans(copies, left) if os.path.lexists(on_disk := disk_path(copy))}
    todo, _, digests = planning.plan(orphans, left, done)
    writer.facts[twins.KEY] = twins.updated(copies, known, done.duplicates, digests)
    if todo:
        from icpolicy.pipeline import ingest as ingesting  # the stages, loaded only when a copy is read

        ingesting.index_files(writer, todo, sorted(gone), digests, done)
    else:
        for source in sorted(gone):
            writer.delete_source(source)
        writer.commit()

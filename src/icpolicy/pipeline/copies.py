"""Copies of files within one ingest: a copy of a file skipped under its own name's reader, named for another reader,
is read as its own type (page.html, a byte copy of a page misnamed bad.pdf); a copy named for the same reader is
skipped for the original's reason; and an original skipped whose copy was read is that copy's duplicate, as the next
ingest reports it.  (twins.py keeps the record of duplicates across ingests.)"""

from __future__ import annotations

from pathlib import Path

from icpolicy import readers
from icpolicy.models import IngestReport, Skipped, source_key
from icpolicy.pipeline import stream


def to_read(report: IngestReport, digests: dict[str, str]) -> list[Path]:
    """The copies of files skipped in this run that are named for another reader (page.html, a byte copy of a
    page misnamed bad.pdf, that failed as a PDF): read now, as their own type; they leave the duplicates.  A
    copy named for the same reader would fail alike (skipped_alike gives it the original's reason)."""
    if not report.duplicates or not report.skipped:
        return []
    skipped = skipped_by_key(report)
    again, kept, chosen = [], [], {}  # chosen: (original, reader) -> the copy read; the others are its duplicates
    for path, owner in report.duplicates:
        reader = readers.READERS.get(Path(path).suffix.lower())
        if owner not in skipped or reader is readers.READERS.get(Path(owner).suffix.lower()):
            kept.append((path, owner))
        elif (owner, reader) in chosen:
            kept.append((path, chosen[owner, reader]))
        else:
            chosen[owner, reader] = source_key(Path(path))
            again.append(Path(path))
            report.read_for[str(path)] = owner
    report.duplicates = kept
    for path in again:
        if stream.is_large(path):
            digests[str(path)] = readers.hash_file(path)
    return again


def skipped_by_key(report: IngestReport) -> dict[str, Skipped]:
    """The files skipped so far, by source key (what a duplicate names as its original)."""
    found = {}
    for entry in report.skipped:
        try:
            found[source_key(Path(entry.path))] = entry
        except (OSError, RuntimeError):  # a symlink loop, skipped for that: the twin of no file
            pass
    return found


def skipped_alike(report: IngestReport) -> None:
    """A copy of a file that was skipped is skipped for the same reason: it was not "indexed once"."""
    if not report.duplicates or not report.skipped:
        return
    reasons = skipped_by_key(report)
    kept = []
    for path, owner in report.duplicates:
        original = reasons.get(owner)
        if original is None:
            kept.append((path, owner))
        else:
            report.skipped.append(Skipped(path, f"{original.reason} (the same content as {original.path})"))
    report.duplicates = kept


def read_as_copies(report: IngestReport) -> None:
    """An original skipped under its own name's reader (a text saved as a.docx: corrupt docx) whose copy was read as its
    own type and indexed (a.txt) is a duplicate of that copy, as the next ingest finds it: one report for both runs."""
    indexed = set(report.indexed)
    copies = {owner: copy for copy, owner in report.read_for.items() if copy in indexed}
    originals = {owner: entry for owner, entry in skipped_by_key(report).items() if owner in copies} if copies else {}
    if originals:
        report.skipped = [entry for entry in report.skipped if all(entry is not o for o in originals.values())]
        report.duplicates += [(entry.path, source_key(Path(copies[owner]))) for owner, entry in originals.items()]

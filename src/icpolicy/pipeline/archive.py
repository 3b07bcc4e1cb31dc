"""Archives in an ingest: every member of a .zip is a document of its own, known by the key
`ARCHIVE!MEMBER` (models.member_key), with its own title, place, years and type.

The archive is the unit that is walked, checked for change and deduplicated: its members'
records carry the archive's size and mtime, and a content hash `SHA256-OF-ARCHIVE!MEMBER`, so
an unchanged (or merely touched) archive is not opened again, and a copy of one under another
name is a duplicate.  When a changed archive is read again, members no longer in it leave the
index and are reported as removed; when the archive is gone, all its members do (ingest._gone).
A member that cannot be read is skipped and named `ARCHIVE!MEMBER` with its reason; the
others are indexed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from icpolicy import readers
from icpolicy.errors import ExtractionError
from icpolicy.models import MEMBER_SEPARATOR, IngestReport, RawText, Skipped, container_of, member_key, source_key

# (raw text, source key, content hash, file stem, mtime, size) -> whatever the backend indexes
Make = Callable[[RawText, str, str, str, float, int], object]


@dataclass(frozen=True)
class ArchiveBuilt:
    """What a worker made of one archive: its members' documents, and the members it skipped."""

    path: str
    documents: tuple
    skipped: tuple[Skipped, ...]


def is_archive(path: Path) -> bool:
    """Whether a file is read member by member."""
    return path.suffix.lower() in readers.ARCHIVES


def build_archive(path: Path, max_bytes: int, make: Make) -> ArchiveBuilt:
    """Every readable member of the archive at path through make(); raises ExtractionError when none is."""
    archive_key = source_key(path)
    try:
        stat = path.stat()
        digest = readers.hash_file(path)
    except OSError as exc:
        raise ExtractionError(str(path), f"cannot read ({exc.strerror or exc})") from None
    documents, skipped = [], []
    for member in readers.ARCHIVES[path.suffix.lower()](path, max_bytes):
        key = member_key(archive_key, member.name)
        if member.raw is None:
            skipped.append(Skipped(key, member.reason))
            continue
        stem = PurePosixPath(member.name.rsplit(MEMBER_SEPARATOR, 1)[-1]).stem
        try:
            documents.append(make(member.raw, key, f"{digest}{MEMBER_SEPARATOR}{member.name}", stem, stat.st_mtime, stat.st_size))
        except ExtractionError as exc:
            skipped.append(Skipped(key, exc.reason))
        except Exception as exc:  # one bad member never stops the others
            skipped.append(Skipped(key, f"could not be processed ({type(exc).__name__}: {exc})"))
    if not documents:
        detail = "; ".join(f"{s.path.rsplit(MEMBER_SEPARATOR, 1)[-1]}: {s.reason}" for s in skipped[:3])
        raise ExtractionError(str(path), "no readable document inside the zip" + (f" ({detail})" if detail else ""))
    return ArchiveBuilt(str(path), tuple(documents), tuple(skipped))


def members_by_archive(known: dict[str, dict]) -> dict[str, list[str]]:
    """{archive source key: the source keys of its members} among the indexed documents."""
    found: dict[str, list[str]] = {}
    for source in known:
        archive = container_of(source)
        if archive:
            found.setdefault(archive, []).append(source)
    return found


def with_archives(known: dict[str, dict]) -> dict[str, dict]:
    """known, plus one record per indexed archive (its size, mtime and own hash) for the change check.

    Members kept from an older version of the archive (a member that could not be read the
    last time keeps its earlier document) make the record disagree, so the archive is read again.
    """
    plus = dict(known)
    for archive, members in members_by_archive(known).items():
        versions = {(known[m]["size"], known[m]["mtime"], str(known[m]["content_hash"]).split(MEMBER_SEPARATOR, 1)[0]) for m in members}
        size, mtime, digest = versions.pop() if len(versions) == 1 else (-1, -1.0, "")
        plus.setdefault(archive, {"source": archive, "size": size, "mtime": mtime, "content_hash": digest})
    return plus


def expand(sources: Iterable[str], members: dict[str, list[str]]) -> list[str]:
    """Sources with each archive replaced by its members' sources."""
    out: list[str] = []
    for source in sources:
        out.extend(members.get(source, [source]))
    return out


def record(writer, report: IngestReport, built: ArchiveBuilt, before: Iterable[str]) -> None:
    """Put an archive's documents in the index (members gone from it leave, and are reported;
    a member that could not be read keeps its earlier document, as a file that cannot be read does)."""
    new = {document.source for document, _ in built.documents} | {s.path for s in built.skipped}
    for source in sorted(set(before) - new):
        writer.delete_source(source)
        report.removed.append(source)
    for document, prepared in built.documents:
        writer.delete_source(document.source)
        writer.add(document, prepared)
        report.indexed.append(document.source)
        report.passages += len(prepared)
    report.skipped.extend(built.skipped)

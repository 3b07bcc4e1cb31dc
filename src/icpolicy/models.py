"""The values the pipeline stages hand each other: read -> clean -> passages -> metadata -> index -> hits."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path


SOFT_BREAK = "\u2028"  # LINE SEPARATOR


@dataclass(frozen=True)
class RawText:
    """What a reader extracted from a file, before cleaning.

    `layout` is "plain" (one paragraph per line or blank-line separated), "markdown", "rendered"
    (HTML and Word blocks), "laid" (a PDF's paragraphs laid out from the page, one a line: plain
    text whose lines are never cut or joined again by the plain-text rules), or "wrapped" (hard
    line breaks inside paragraphs).
    `title` is a title the container declares (HTML <title>, docx core properties).
    `hints` are facts the container states outside the text (markdown front matter, HTML
    <meta>): pairs of (field, value) with field one of title, date, source, doc_number, issuer.
    A line break inside a paragraph (docx's w:br) is SOFT_BREAK: cleaning joins it inside a sentence.
    """

    text: str
    layout: str = "plain"
    title: str = ""
    encoding: str = ""
    hints: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """One cleaned paragraph; `heading` is its markdown heading level, 0 for body text."""

    text: str
    heading: int = 0


@dataclass(frozen=True)
class Region:
    """A resolved administrative division: the path from province down, e.g. 江苏省/苏州市/昆山市."""

    path: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The most specific place, or "" when unknown."""
        return self.path[-1] if self.path else ""


@dataclass(frozen=True)
class DocMeta:
    """Facts about a whole document."""

    title: str = ""
    doc_type: str = ""
    region: Region = Region()
    years: tuple[int, ...] = ()
    doc_number: str = ""
    issuer: str = ""
    issued: str = ""


@dataclass(frozen=True)
class Passage:
    """A passage ready for the index: cleaned text plus the keys it is filed under."""

    ordinal: int
    text: str
    region: Region = Region()
    years: tuple[int, ...] = ()
    segments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A cleaned, split and tagged document."""

    doc_id: str
    source: str
    content_hash: str
    meta: DocMeta
    passages: tuple[Passage, ...]
    mtime: float = 0.0
    size: int = 0


@dataclass(frozen=True)
class Hit:
    """One matching passage, with the fields every export carries."""

    doc_id: str
    title: str
    source: str
    doc_type: str
    region: str
    region_path: list[str]
    years: list[int]
    segments: list[str]
    passage: int
    text: str
    highlights: list[tuple[int, int]]
    score: float
    doc_number: str = ""
    issuer: str = ""
    issued: str = ""
    matched: list[str] = field(default_factory=list)
    # the development zone the passage is about (苏州工业园区), "" otherwise: region_path is the
    # division it lies in (meta/zones.py)
    zone: str = ""
    # the passage's quantities as the index stored them at ingest (meta/target_store.py), for the
    # targets view; None when not stored.  No part of what a hit shows or compares.
    stored_targets: str | None = field(default=None, compare=False, repr=False)
    # whether the passage's ideographs are their own search form (engine/schema.plain_ideographs):
    # a term of ideographs then occurs in its search form where it occurs in its text.  Not shown.
    plain: bool = field(default=False, compare=False, repr=False)

    def as_dict(self) -> dict:
        """The hit as a plain dict with JSON-ready values, in the documented field order."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "doc_type": self.doc_type,
            "region": self.region,
            "region_path": list(self.region_path),
            "zone": self.zone,
            "years": list(self.years),
            "segments": list(self.segments),
            "passage": self.passage,
            "text": self.text,
            "highlights": [list(span) for span in self.highlights],
            "score": round(self.score, 4),
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issued": self.issued,
            "matched": list(self.matched),
        }


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did; filled in as it goes."""

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    passages: int = 0
    bytes_read: int = 0
    interrupted: bool = False
    interrupted_by: str = ""  # the signal that stopped it: SIGINT (Ctrl-C) or SIGTERM
    not_done: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # indexed files gone from a re-ingested folder
    committed: int = 0  # documents of this run committed so far (what a failure leaves in the index)
    page_assets: list[str] = field(default_factory=list)  # X_files/ folders of saved pages X.html, passed over
    passed_over: list[str] = field(default_factory=list)  # removed before (`icpolicy remove`), so not read again from their folder


def source_key(path: Path) -> str:
    """The string a file is known by in the index: its resolved absolute path (readable_path)."""
    return readable_path(str(path.resolve()))


_UNDECODED = re.compile("[\udc80-\udcff]")


def readable_path(text: str) -> str:
    """A path (or name) that can be written as UTF-8: a part of it whose bytes are not UTF-8
    (which Python keeps as lone surrogates: GBK names unzipped from a Windows archive) is read
    as GB18030 when it is that, else its stray bytes are written as \\xNN escapes."""
    if not _UNDECODED.search(text):
        return text
    parts = []
    for part in re.split(r"([/\\])", text):
        if _UNDECODED.search(part):
            raw = part.encode("utf-8", "surrogateescape")
            try:
                part = raw.decode("gb18030")
            except UnicodeDecodeError:
                part = raw.decode("utf-8", "backslashreplace")
        parts.append(part)
    return "".join(parts)


# A member of an archive is known as ARCHIVE!MEMBER: the archive's source key, "!", and the
# member's path inside it with "/" separators (`/data/reports.zip!苏州/2025.txt`; a zip inside
# a zip adds another `!`).  The archive is found again by the first ".zip!" in the key.
MEMBER_SEPARATOR = "!"
_ARCHIVE_MARK = ".zip" + MEMBER_SEPARATOR


def member_key(archive_source: str, member: str) -> str:
    """The source key of one member of an archive."""
    return f"{archive_source}{MEMBER_SEPARATOR}{member}"


def container_of(source: str) -> str:
    """The source key of the archive a member's key lies in, or "" for a plain file's key."""
    at = source.lower().find(_ARCHIVE_MARK)
    return source[: at + len(_ARCHIVE_MARK) - 1] if at >= 0 else ""


# Consonants only: an id can never read as a number (00906e731229 is 9.06e731228 to a
# spreadsheet), a date, a boolean or a word.  20**12 ids, about 4e15.
DOC_ID_ALPHABET = "bcdfghjkmnpqrstvwxyz"
DOC_ID_LENGTH = 12


def doc_id_for(source: str) -> str:
    """A document's stable id: 12 lowercase consonants drawn from the SHA-1 of its source key."""
    import hashlib  # here: the search path never makes an id

    number = int.from_bytes(hashlib.sha1(source.encode("utf-8")).digest(), "big")
    letters = []
    for _ in range(DOC_ID_LENGTH):
        number, digit = divmod(number, len(DOC_ID_ALPHABET))
        letters.append(DOC_ID_ALPHABET[digit])
    return "".join(letters)

"""The values the pipeline stages hand each other: read -> clean -> passages -> metadata -> index -> hits."""

from __future__ import annotations

import os
import re
from collections import namedtuple
from pathlib import Path, PurePosixPath

from icpolicy.records import Record


SOFT_BREAK = "\u2028"  # LINE SEPARATOR: a line break inside a paragraph (docx's w:br, HTML's <br>, a text's own U+2028)
WRAP = "\u2063"  # INVISIBLE SEPARATOR: a line break its format says lies inside the paragraph (markdown's soft break)
PARAGRAPH_END = "\u2029"  # PARAGRAPH SEPARATOR: a line end, as "\n" is (some editors and typesetting tools put it between paragraphs)
LINE_END = re.compile("\r\n|[\r\n" + PARAGRAPH_END + "]")  # a line end, whatever wrote it: CR LF, CR, LF, U+2029
CELL_SEPARATOR = " | "  # between the cells of a table's row, which every reader gives as one line
# … and what parts the cells of a row set with spaces (1  海沧…项目  厦门市海沧区: two ASCII spaces or more; a full-width
# one, 　, sets a heading's number apart): in a plain text (text/clean) and a PDF drawn as text lines (readers/pdf_regions)
SPACED_CELLS = re.compile(r" {2,}")
FULL_STOPS = "。！？!?"  # the marks that end a sentence outright
SENTENCE_ENDS = FULL_STOPS + "；;"  # a passage's sentences (同句) end at these
TARGET_KINDS = ("target", "reported")  # a quantity is a commitment or an achieved figure (meta/target_kind.py)


def unify_line_ends(text: str) -> str:
    """Text with every line end (LINE_END) as "\n"; a line break inside a paragraph stays SOFT_BREAK."""
    return LINE_END.sub("\n", text) if "\r" in text or PARAGRAPH_END in text else text


class RawText(Record, namedtuple("RawText", "text layout title encoding hints", defaults=("plain", "", "", ()))):
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

    __slots__ = ()
    text: str
    layout: str
    title: str
    encoding: str
    hints: tuple[tuple[str, str], ...]


class Paragraph(Record, namedtuple("Paragraph", "text heading", defaults=(0,))):
    """One cleaned paragraph; `heading` is its markdown heading level, 0 for body text."""

    __slots__ = ()
    text: str
    heading: int


class Region(Record, namedtuple("Region", "path", defaults=((),))):
    """A resolved administrative division: the path from province down, e.g. 江苏省/苏州市/昆山市."""

    __slots__ = ()
    path: tuple[str, ...]

    @property
    def name(self) -> str:
        """The most specific place, or "" when unknown."""
        return self.path[-1] if self.path else ""


class DocMeta(Record, namedtuple("DocMeta", "title doc_type region years doc_number issuer issued", defaults=("", "", Region(), (), "", "", ""))):
    """Facts about a whole document."""

    __slots__ = ()
    title: str
    doc_type: str
    region: Region
    years: tuple[int, ...]
    doc_number: str
    issuer: str
    issued: str


class Passage(Record, namedtuple("Passage", "ordinal text region years segments", defaults=(Region(), (), ()))):
    """A passage ready for the index: cleaned text plus the keys it is filed under."""

    __slots__ = ()
    ordinal: int
    text: str
    region: Region
    years: tuple[int, ...]
    segments: tuple[str, ...]


class Document(Record, namedtuple("Document", "doc_id source content_hash meta passages mtime size", defaults=(0.0, 0))):
    """A cleaned, split and tagged document."""

    __slots__ = ()
    doc_id: str
    source: str
    content_hash: str
    meta: DocMeta
    passages: tuple[Passage, ...]
    mtime: float
    size: int


class Hit:
    """One matching passage, with the fields every export carries.  Frozen: setting a field raises
    AttributeError.  Its fields live in its __dict__, so that results.hit_from can hand it one whole."""

    FIELDS = ("doc_id", "title", "source", "doc_type", "region", "region_path", "years", "segments", "passage", "text",
              "highlights", "score", "doc_number", "issuer", "issued", "matched", "zone", "stored_targets", "plain")
    # the fields a hit shows and compares: the last two are not (see __init__)
    SHOWN = FIELDS[:-2]

    def __init__(self, doc_id: str, title: str, source: str, doc_type: str, region: str, region_path: list[str], years: list[int],
                 segments: list[str], passage: int, text: str, highlights: list[tuple[int, int]], score: float,
                 doc_number: str = "", issuer: str = "", issued: str = "", matched: list[str] | None = None, zone: str = "",
                 stored_targets: str | None = None, plain: bool = False):
        # zone: the development zone the passage is about (苏州工业园区), "" otherwise: region_path is
        # the division it lies in (meta/zones.py).
        # stored_targets: the passage's quantities as the index stored them at ingest
        # (meta/target_store.py), for the targets view; None when not stored.
        # plain: whether the passage's ideographs are their own search form (engine/schema.plain_ideographs):
        # a term of ideographs then occurs in its search form where it occurs in its text.
        _set(self, "__dict__", {
            "doc_id": doc_id, "title": title, "source": source, "doc_type": doc_type, "region": region, "region_path": region_path,
            "years": years, "segments": segments, "passage": passage, "text": text, "highlights": highlights, "score": score,
            "doc_number": doc_number, "issuer": issuer, "issued": issued, "matched": [] if matched is None else matched, "zone": zone,
            "stored_targets": stored_targets, "plain": plain})

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}: a Hit is frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r}: a Hit is frozen")

    def __eq__(self, other):
        if type(other) is not Hit:
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__
        return all(mine[name] == theirs[name] for name in Hit.SHOWN)

    __hash__ = None  # its lists make it unhashable, as they made the frozen dataclass it was

    def __repr__(self) -> str:
        fields = self.__dict__
        return "Hit(" + ", ".join(f"{name}={fields[name]!r}" for name in Hit.SHOWN) + ")"

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


class Skipped(Record, namedtuple("Skipped", "path reason")):
    """A file that was not indexed, and why."""

    __slots__ = ()
    path: str
    reason: str


class IngestReport:
    """What an ingest did; filled in as it goes."""

    def __init__(self, indexed: list[str] | None = None, skipped: list[Skipped] | None = None):
        self.indexed: list[str] = indexed or []
        self.unchanged: list[str] = []
        self.duplicates: list[tuple[str, str]] = []
        self.skipped: list[Skipped] = skipped or []
        self.passages = 0
        self.bytes_read = 0
        self.interrupted = False
        self.interrupted_by = ""  # the signal that stopped it: SIGINT (Ctrl-C) or SIGTERM
        self.not_done: list[str] = []
        self.removed: list[str] = []  # indexed files gone from a re-ingested folder
        self.kept: list[str] = []  # copies on record indexed in place of an original that left (gone, edited, removed)
        self.committed = 0  # documents of this run committed so far (what a failure leaves in the index)
        self.page_assets: list[str] = []  # X_files/ folders of saved pages X.html, passed over
        self.passed_over: list[str] = []  # removed before (`icpolicy remove`), so not read again from their folder
        self.no_index = False  # a first ingest that indexed nothing: the files it made are deleted, no empty index stays
        self.read_for: dict[str, str] = {}  # a copy of a skipped file read as its own type -> the skipped original's key


_set = object.__setattr__


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


def disk_path(key: str) -> str:
    """The path on disk a source key names: the key itself, or, where a part of it is the readable form of a name that
    is not UTF-8 (readable_path: GBK bytes read as 附件.txt, other bytes written \\xNN), that name as the file system
    holds it; the key when neither is there (a file gone from disk)."""
    if os.path.lexists(key) or not ("\\x" in key or any(ord(ch) > 127 for ch in key)):
        return key
    found = ""
    for part in re.split(r"(?<=/)", key):  # (on / alone: a name's \xNN holds a backslash)
        name = part.rstrip("/")
        tail = part[len(name):]
        if not name:
            found += tail  # (the root)
            continue
        candidates = [name]
        try:
            candidates.append(os.fsdecode(name.encode("gb18030")))
        except UnicodeEncodeError:
            pass
        if "\\x" in name:  # (bytes of no encoding, written \xNN: a Latin-1 café.txt is caf\xe9.txt)
            import codecs

            candidates.append(os.fsdecode(codecs.escape_decode(name.encode("utf-8"))[0]))
        chosen = next((c for c in candidates if os.path.lexists(found + c)), None)
        if chosen is None:
            return key
        found += chosen + tail
    return found


# A member of an archive is known as ARCHIVE!MEMBER: the archive's source key, "!", and the
# member's path inside it with "/" separators (`/data/reports.zip!苏州/2025.txt`; a zip inside
# a zip adds another `!`).  The archive is found again by the first ".zip!" in the key.
MEMBER_SEPARATOR = "!"
_ARCHIVE_MARK = ".zip" + MEMBER_SEPARATOR


def member_key(archive_source: str, member: str) -> str:
    """The source key of one member of an archive."""
    return f"{archive_source}{MEMBER_SEPARATOR}{member}"


_ARCHIVE_SPLIT = re.compile(re.escape(_ARCHIVE_MARK), re.IGNORECASE)


def folders_of(source: str, depth: int = 2) -> tuple[str, ...]:
    """The names of the folders a document lies in, nearest first, at most `depth` of them: a member of an
    archive counts the folders inside the archive, then the archive itself (its name without .zip), then
    the folders the archive lies in (`/data/苏州市/2025.txt`: 苏州市, data; `/data/苏州.zip!报告/a.txt`: 报告, 苏州)."""
    names: list[str] = []
    layers = _ARCHIVE_SPLIT.split(source)
    for outer, layer in enumerate(reversed(layers)):
        path = PurePosixPath(layer)
        if outer:
            names.append(path.name)
        names.extend(part for part in reversed(path.parent.parts) if part not in ("/", "."))
    return tuple(names[:depth])


def described_hints(raw: RawText, source: str) -> dict:
    """What a reader found beside the text (front matter, <meta>, the page's site) and the folders the source lies
    in (folders_of): the hints meta.document.describe reads."""
    return {**dict(raw.hints), "folders": folders_of(source)}


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

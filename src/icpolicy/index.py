"""The on-disk index: a Whoosh index of passages plus a manifest saying what built it.

Only this module and search.py import whoosh.  Each passage is one Whoosh document; each
source file also has one record (kind "doc") that carries its content hash, so a re-ingest
can tell unchanged, changed and duplicate files apart without reading every passage.

Fields that make matching exact:
- `chars`: every character and every character bigram of the normalised passage, with its
  position.  A term of one or two characters is one token; a longer term is a phrase of its
  bigrams at consecutive positions, which is true exactly when the term is a substring.
  The first 32 characters of the next passage follow as marked bigrams, so a term that
  starts in a passage and runs across its end (a cut sentence, a paragraph break in a PDF)
  is found in the passage where it starts, and nowhere else.
- `words`: jieba's words, normalised, with positions: used for ranking whole-word matches.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from array import array
from itertools import accumulate
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import columns, fields, formats, index as whoosh_index
from whoosh.analysis import IDAnalyzer
from whoosh.filedb.filestore import FileStorage

from . import __version__
from .errors import IndexBusy, IndexIncompatible, IndexMissing
from .models import Document
from .normalize import grams, normalise, tail_prefix

SCHEMA_VERSION = 4
POOL_MB = 64  # Whoosh's in-memory posting pool before it spills sorted runs to disk
MANIFEST = "icpolicy.json"
LOCK = "icpolicy.lock"
INDEX_NAME = "passages"


class CompactPositions(formats.Positions):
    """Positions stored as a count and deltas in a uint32 array instead of a pickled list.

    Whoosh's own Positions format pickles every posting's list; encoding and decoding that
    dominated ingest workers and phrase checks.  Matchers always go through the format
    object, so only these methods change.
    """

    def encode(self, poslist):
        deltas = [poslist[0]] + [b - a for a, b in zip(poslist, poslist[1:])] if poslist else []
        return array("I", [len(poslist)] + deltas).tobytes()

    def decode_frequency(self, valuestring):
        return int.from_bytes(valuestring[:4], sys.byteorder)

    def decode_positions(self, valuestring):
        values = array("I")
        values.frombytes(valuestring[4:])
        return list(accumulate(values))


class PostingsField(fields.FieldType):
    """A field whose value is already {token: [positions]}: tokenised in the worker processes."""

    def __init__(self):
        self.format = CompactPositions()
        self.analyzer = IDAnalyzer()
        self.scorable = True
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None

    def index(self, value, **kwargs):
        """Yield (token bytes, frequency, weight, encoded positions) for each token."""
        if isinstance(value, dict):
            value = encode_postings(value)
        return iter(value)


def encode_postings(postings: dict[str, list[int]]) -> list[tuple[bytes, int, float, bytes]]:
    """Pre-encode a token -> positions map the way the Positions format stores it."""
    encode = CompactPositions().encode
    return [(token.encode("utf-8"), len(poses), float(len(poses)), encode(poses)) for token, poses in postings.items()]


def make_schema() -> fields.Schema:
    """The passage schema (see module docstring)."""
    return fields.Schema(
        kind=fields.ID(stored=True),
        doc_id=fields.ID(stored=True, sortable=True),
        source=fields.ID(stored=True),
        content_hash=fields.ID(stored=True),
        passage=fields.STORED,
        text=fields.STORED,
        tail=fields.STORED,
        chars=PostingsField(),
        words=PostingsField(),
        region=fields.KEYWORD(commas=True),
        region_path=fields.STORED,
        years=fields.KEYWORD(stored=True),
        segments=fields.KEYWORD(commas=True, stored=True),
        doc_type=fields.ID(stored=True, sortable=True),
        title=fields.STORED,
        doc_number=fields.STORED,
        issuer=fields.STORED,
        issued=fields.STORED,
        size=fields.STORED,
        mtime=fields.STORED,
        n_passages=fields.STORED,
        facet=fields.COLUMN(columns.VarBytesColumn()),
    )


@dataclass(frozen=True)
class Facet:
    """The keys of one passage that facets count, read from the `facet` column."""

    region_path: tuple[str, ...]
    years: tuple[int, ...]
    doc_type: str
    doc_id: str
    segments: tuple[str, ...]


def facet_value(region_path, years, doc_type: str, doc_id: str, segments) -> bytes:
    """One column value per passage holding what the spread line and facets count."""
    fields_ = ["/".join(region_path), " ".join(str(y) for y in years), doc_type, doc_id, ",".join(segments)]
    return "\t".join(fields_).encode("utf-8")


def parse_facet(value: bytes) -> Facet:
    """The Facet stored in a column value."""
    path, years, doc_type, doc_id, segments = value.decode("utf-8").split("\t")
    return Facet(tuple(p for p in path.split("/") if p), tuple(int(y) for y in years.split()), doc_type, doc_id, tuple(s for s in segments.split(",") if s))


@dataclass(frozen=True)
class PreparedPassage:
    """A passage's index fields, computed in a worker process."""

    ordinal: int
    text: str
    tail: str
    region_keys: str
    region_path: tuple[str, ...]
    years: tuple[int, ...]
    segments: tuple[str, ...]
    chars: list
    words: list


def prepare(passages, norm_texts: list[str], word_lists: list[list[str]], next_text: str = "") -> list[PreparedPassage]:
    """Encode the postings of consecutive passages (runs in the worker).

    `next_text` is the passage that follows the last one, when it comes in a later batch
    (large files are indexed in chunks); its start is the last passage's tail.
    """
    out = []
    for k, (passage, norm, words) in enumerate(zip(passages, norm_texts, word_lists)):
        following = passages[k + 1].text if k + 1 < len(passages) else next_text
        tail = tail_prefix(following) if following else ""
        word_postings: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            word_postings.setdefault(word, []).append(position)
        out.append(
            PreparedPassage(
                ordinal=passage.ordinal,
                text=passage.text,
                tail=tail,
                region_keys=",".join(region_keys(passage.region.path)),
                region_path=passage.region.path,
                years=passage.years,
                segments=passage.segments,
                chars=encode_postings(grams(norm, normalise(tail))),
                words=encode_postings(word_postings),
            )
        )
    return out


def region_keys(path: tuple[str, ...]) -> list[str]:
    """Filter keys for a region path: every prefix, so 江苏省 matches 江苏省/苏州市/昆山市."""
    return ["/".join(path[: i + 1]) for i in range(len(path))]


def read_manifest(index_dir: Path) -> dict:
    """The manifest of an index folder, or raise IndexMissing / IndexIncompatible."""
    manifest_path = index_dir / MANIFEST
    if not manifest_path.exists():
        if index_dir.exists() and any(index_dir.glob("*.toc")):
            raise IndexIncompatible(
                f"{index_dir} holds a Whoosh index that icpolicy did not build (no {MANIFEST}); "
                f"rebuild it with: icpolicy ingest --rebuild --index {index_dir} PATH..."
            )
        raise IndexMissing(f"no index at {index_dir}: build one with: icpolicy ingest --index {index_dir} PATH...")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexIncompatible(f"{manifest_path} is unreadable ({exc}); rebuild with: icpolicy ingest --rebuild --index {index_dir} PATH...") from None
    if manifest.get("schema_version") != SCHEMA_VERSION:
        paths = "" if manifest.get("roots") else " PATH..."
        raise IndexIncompatible(
            f"{index_dir} was built by icpolicy {manifest.get('tool_version', '?')} with index schema "
            f"{manifest.get('schema_version', '?')}; this is icpolicy {__version__} (schema {SCHEMA_VERSION}). "
            f"Rebuild it with: icpolicy ingest --rebuild --index {index_dir}{paths}"
            + (" (it re-reads the files and folders ingested before)" if not paths else "")
        )
    return manifest


def recorded_roots(index_dir: Path) -> list[str]:
    """The files and folders ever ingested into an index (from its manifest, any version)."""
    try:
        return list(json.loads((index_dir / MANIFEST).read_text(encoding="utf-8")).get("roots", []))
    except (OSError, ValueError):
        return []


def write_manifest(index_dir: Path, **facts) -> None:
    """Write the manifest atomically (temp file + rename), so a crash never leaves half of it."""
    manifest = {"tool_version": __version__, "schema_version": SCHEMA_VERSION, "written": time.strftime("%Y-%m-%dT%H:%M:%S"), **facts}
    tmp = index_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, index_dir / MANIFEST)


def open_for_search(index_dir: Path):
    """Open the Whoosh index read-only, after checking the manifest."""
    read_manifest(index_dir)
    try:
        # No mmap here either: Whoosh wraps each mapped segment file in BytesIO, which copies
        # the whole file into memory on open (1.2 s for a 100 MB corpus; 0.16 s without).
        return FileStorage(str(index_dir), supports_mmap=False, readonly=True).open_index(INDEX_NAME)
    except whoosh_index.EmptyIndexError:
        raise IndexIncompatible(f"{index_dir} has a manifest but no index data; rebuild with: icpolicy ingest --rebuild --index {index_dir} PATH...") from None


@contextmanager
def writer_lock(index_dir: Path):
    """Hold the single-writer lock; the kernel drops it when the process dies, so it never goes stale."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock_path = index_dir / LOCK
    fh = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise IndexBusy(f"{index_dir} is being written by {holder}; wait for it to finish (only one ingest at a time)") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"icpolicy ingest (pid {os.getpid()})")
        fh.flush()
        yield
    finally:
        fh.close()


def open_for_writing(index_dir: Path, rebuild: bool = False):
    """Open (or create) the Whoosh index for writing; the caller holds writer_lock."""
    # No mmap for the writer: merges read whole segments, and mapped pages count as resident
    # memory that grows with the index (4.7 GB at 100 MB of text); plain reads keep it flat.
    storage = FileStorage(str(index_dir), supports_mmap=False)
    if storage.index_exists(INDEX_NAME) and not rebuild:
        read_manifest(index_dir)
        return storage.open_index(INDEX_NAME)
    ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
    # The manifest goes down with the empty index, so a crash before the first commit still
    # leaves an index that icpolicy recognises (empty, searchable, ready for the next ingest).
    write_manifest(index_dir, documents=0, passages=0)
    return ix


def known_documents(ix) -> dict[str, dict]:
    """source -> stored fields of its document record (doc_id, content_hash, size, mtime...)."""
    with ix.searcher() as searcher:
        return {fields["source"]: fields for fields in (searcher.stored_fields(n) for n in searcher.document_numbers(kind="doc"))}


def add_document(writer, document: Document, prepared: list[PreparedPassage]) -> None:
    """Replace whatever the index holds for this document's source with its new passages."""
    writer.delete_by_term("source", document.source)
    add_record(writer, document, len(prepared))
    add_passages(writer, document, prepared)


def _common(document: Document) -> dict:
    meta = document.meta
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "doc_type": meta.doc_type,
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issued": meta.issued,
    }


def add_record(writer, document: Document, n_passages: int) -> None:
    """The document's own record: its content hash, size and mtime, for re-ingest decisions."""
    meta = document.meta
    writer.add_document(
        kind="doc",
        content_hash=document.content_hash,
        region=",".join(region_keys(meta.region.path)),
        region_path=list(meta.region.path),
        years=" ".join(str(y) for y in meta.years),
        size=document.size,
        mtime=document.mtime,
        n_passages=n_passages,
        **_common(document),
    )


def add_passages(writer, document: Document, prepared: list[PreparedPassage]) -> None:
    """Add prepared passages of a document (all of them, or one chunk of a large file)."""
    common = _common(document)
    for passage in prepared:
        writer.add_document(
            kind="passage",
            passage=passage.ordinal,
            text=passage.text,
            tail=passage.tail,
            chars=passage.chars,
            words=passage.words,
            region=passage.region_keys,
            region_path=list(passage.region_path),
            years=" ".join(str(y) for y in passage.years),
            segments=",".join(passage.segments),
            facet=facet_value(passage.region_path, passage.years, document.meta.doc_type, document.doc_id, passage.segments),
            **common,
        )


def delete_source(writer, source: str) -> None:
    """Remove a document and its passages."""
    writer.delete_by_term("source", source)

"""One file through the stages, in a worker process: read, clean, split, tag, tokenise, extract the quantities.

What a worker sends back is the Document (its passages left out: they travel as index rows)
and its index rows (engine/schema.Prepared), or a Skipped entry that says why the file was left
out; one bad file never stops an ingest.
warm() runs the stages once on a made-up text in the parent, before the workers are forked,
so that they share its dictionaries and compiled rules instead of each loading their own.
"""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from icpolicy import readers
from icpolicy.engine import schema
from icpolicy.errors import ExtractionError
from icpolicy.meta import tagging, towns
from icpolicy.meta.document import describe
from icpolicy.meta.target_store import encode_all as stored_quantities
from icpolicy.pipeline import archive as archives
from icpolicy.models import Document, RawText, Skipped, described_hints, doc_id_for, readable_path, source_key
from icpolicy.text import clean as cleaning
from icpolicy.text import passages
from icpolicy.text.normalize import normalise
from icpolicy.text.tokens import cut

# Made-up text that touches every rule table the stages load on first use (places, zones,
# years, types, facts, sectors, sections, jieba's dictionary).
_SAMPLE = """江苏省人民政府办公厅关于推进集成电路产业高质量发展的通知
苏政办发〔2024〕1号
各市、县（区）人民政府：
为加快苏州工业园区先进封装和芯片设计发展，到2025年形成“十四五”产业集群。
江苏省人民政府办公厅
2024年3月5日
"""


def warm() -> None:
    """Load every table and rule the stages use, in this process (see the module docstring)."""
    from icpolicy.readers.encoding import decode

    text, _ = decode(Path("sample.txt"), _SAMPLE.encode("utf-8"))
    pieces = passages.split(cleaning.clean(text, "plain"))
    meta, roundup = describe("", pieces, "sample")
    tagger = tagging.PassageTagger(meta, roundup)
    found = tagger.tag(pieces)
    schema.prepare("sample", found, tagger.norms, [cut(n) for n in tagger.norms], quantities=stored_quantities(found, meta))
    normalise(_SAMPLE)  # a text this long builds normalise's scan pattern (~7 ms) once, not in every worker
    towns.warm()  # the town table (~0.2 s), read once before the workers fork


def build_document(path: Path, max_bytes: int = readers.MAX_FILE_BYTES) -> tuple[Document, schema.Prepared]:
    """Read, clean, split, tag and tokenise one file (runs in a worker process)."""
    return _prepared(*_read(path, max_bytes))


def read_document(path: Path, max_bytes: int = readers.MAX_FILE_BYTES) -> Document:
    """Read, clean, split and tag one file: the Document every backend indexes."""
    return _read(path, max_bytes)[0]


def member_document(raw: RawText, source: str, content_hash: str, stem: str, mtime: float, size: int) -> Document:
    """The Document of one member of an archive (what a reader extracted from its bytes)."""
    return document_from(raw, source, content_hash, stem, mtime, size)[0]


def build_member(raw: RawText, source: str, content_hash: str, stem: str, mtime: float, size: int) -> tuple[Document, schema.Prepared]:
    """member_document, tokenised for the index, as the worker sends it (see shipped)."""
    return shipped(_prepared(*document_from(raw, source, content_hash, stem, mtime, size)))


def _prepared(document: Document, norms: list[str]) -> tuple[Document, schema.Prepared]:
    quantities = stored_quantities(document.passages, document.meta)  # the targets view's, extracted here once
    return document, schema.prepare(document.doc_id, document.passages, norms, [cut(n) for n in norms], quantities=quantities)


def shipped(built: tuple[Document, schema.Prepared]) -> tuple[Document, schema.Prepared]:
    """What a worker sends the parent: the Document without its passages, which are in the
    index rows already (the writer needs only the document's facts), so they are not pickled twice."""
    document, prepared = built
    return document._replace(passages=()), prepared


def _read(path: Path, max_bytes: int) -> tuple[Document, list[str]]:
    """read_document, and the search form of each passage (the tagger makes them for sectors)."""
    raw, data = readers.read(path, max_bytes)
    stat = path.stat()
    return document_from(raw, source_key(path), hashlib.sha256(data).hexdigest(), readable_path(path.stem), stat.st_mtime, stat.st_size)


def document_from(raw: RawText, source: str, content_hash: str, stem: str, mtime: float, size: int) -> tuple[Document, list[str]]:
    """Clean, split and tag what a reader extracted (from a file or a member of an archive): the
    Document, and the search form of each passage."""
    paragraphs = cleaning.clean(raw.text, raw.layout)
    if not paragraphs:
        raise ExtractionError(source, "no text left after cleaning")
    pieces = passages.split(paragraphs)
    hints = described_hints(raw, source)
    meta, roundup = describe(raw.title, pieces, stem, hints)
    tagger = tagging.tag_placed(meta, roundup, pieces, tagging.outlet_of(pieces, hints))  # as tagging.tag_document, keeping its search forms
    document = Document(doc_id=doc_id_for(source), source=source, content_hash=content_hash, meta=tagger.described,
                        passages=tuple(tagger.passages), mtime=mtime, size=size)
    return document, tagger.norms


def safe_build(path: Path, debug: bool = False, max_bytes: int = readers.MAX_FILE_BYTES):
    """build_document (each member of an archive: pipeline/archive.py), with every failure turned
    into a Skipped reason (runs in the worker)."""
    try:
        if archives.is_archive(path):
            return archives.build_archive(path, max_bytes, build_member)
        return shipped(build_document(path, max_bytes))
    except Exception as exc:
        return skipped(path, exc, debug)


def skipped(path: Path, exc: BaseException, debug: bool) -> Skipped:
    """The Skipped entry, with a reason, for a file whose processing failed."""
    if isinstance(exc, ExtractionError):
        return Skipped(str(path), exc.reason)
    if isinstance(exc, MemoryError):
        return Skipped(str(path), "too large to process in memory")
    # one bad file must never stop an ingest
    detail = "".join(traceback.format_exception(exc)) if debug else f"{type(exc).__name__}: {exc}"
    return Skipped(str(path), f"could not be processed ({detail})")

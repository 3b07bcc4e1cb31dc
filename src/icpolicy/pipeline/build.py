"""One file through the stages, in a worker process: read, clean, split, tag, tokenise.

What a worker sends back is the Document and its index tokens (engine/schema.Prepared), or a
Skipped entry that says why the file was left out; one bad file never stops an ingest.
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
from icpolicy.meta import tagging
from icpolicy.models import Document, Skipped, doc_id_for, source_key
from icpolicy.text import clean as cleaning
from icpolicy.text import passages
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
    meta, roundup = tagging.describe("", pieces, "sample")
    tagger = tagging.PassageTagger(meta, roundup)
    found = tagger.tag(pieces)
    schema.prepare(found, tagger.norms, [cut(n) for n in tagger.norms])


def build_document(path: Path, max_bytes: int = readers.MAX_FILE_BYTES) -> tuple[Document, schema.Prepared]:
    """Read, clean, split, tag and tokenise one file (runs in a worker process)."""
    document, norms = _read(path, max_bytes)
    return document, schema.prepare(document.passages, norms, [cut(n) for n in norms])


def read_document(path: Path, max_bytes: int = readers.MAX_FILE_BYTES) -> Document:
    """Read, clean, split and tag one file: the Document every backend indexes."""
    return _read(path, max_bytes)[0]


def _read(path: Path, max_bytes: int) -> tuple[Document, list[str]]:
    """read_document, and the search form of each passage (the tagger makes them for sectors)."""
    raw, data = readers.read(path, max_bytes)
    paragraphs = cleaning.clean(raw.text, raw.layout)
    if not paragraphs:
        raise ExtractionError(str(path), "no text left after cleaning")
    pieces = passages.split(paragraphs)
    meta, roundup = tagging.describe(raw.title, pieces, path.stem, dict(raw.hints))
    tagger = tagging.PassageTagger(meta, roundup)
    passage_list = tagger.tag(pieces)  # as tagging.tag_document, keeping the tagger's search forms
    norms = tagger.norms
    source = source_key(path)
    stat = path.stat()
    document = Document(
        doc_id=doc_id_for(source),
        source=source,
        content_hash=hashlib.sha256(data).hexdigest(),
        meta=meta,
        passages=tuple(passage_list),
        mtime=stat.st_mtime,
        size=stat.st_size,
    )
    return document, norms


def safe_build(path: Path, debug: bool = False, max_bytes: int = readers.MAX_FILE_BYTES):
    """build_document, with every failure turned into a Skipped reason (runs in the worker)."""
    try:
        return build_document(path, max_bytes)
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

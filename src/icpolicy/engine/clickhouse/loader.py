"""Loading documents into the ClickHouse tables: batched, by generation, never half a document.

A batch's passages go in first (one insert), then its documents' rows commit them (one
insert): until then the new rows are invisible (schema.LIVE).  Re-loading a document gives it
a newer generation, which replaces the old one the moment its documents row lands.
`clean_up` deletes passages no committed generation owns (replaced ones, or those of a load
that was killed); one writer at a time is assumed, as for the embedded index.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from icpolicy.engine.clickhouse import schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.models import Document
from icpolicy.text.normalize import TAIL, normalise

PASSAGE_COLUMNS = ["province", "city", "doc", "gen", "passage", "region", "years", "sectors", "type", "text", "norm", "own"]
DOCUMENT_COLUMNS = ["doc", "gen", "live", "source", "content_hash", "size", "mtime", "title", "type", "doc_number",
                    "issuer", "issued", "region", "years", "n_passages"]
BATCH_BYTES = 16_000_000  # text per insert: big blocks load fast and keep parts few


def passage_rows(document: Document, gen: int) -> list[tuple]:
    """The passages table rows of a document: normalised text with the next passage's first TAIL characters."""
    norms = [normalise(p.text) for p in document.passages]
    rows = []
    for k, passage in enumerate(document.passages):
        tail = norms[k + 1][:TAIL] if k + 1 < len(norms) else ""
        path = list(passage.region.path)
        rows.append((path[0] if path else "", path[1] if len(path) > 1 else "", document.doc_id, gen, passage.ordinal,
                     path, list(passage.years), list(passage.segments), document.meta.doc_type, passage.text,
                     norms[k] + tail, len(norms[k].encode("utf-8"))))
    return rows


def document_row(document: Document, gen: int, live: bool = True) -> tuple:
    """The documents table row that commits a document's generation (or, live=False, deletes it)."""
    meta = document.meta
    return (document.doc_id, gen, int(live), document.source, document.content_hash, int(document.size), float(document.mtime),
            meta.title, meta.doc_type, meta.doc_number, meta.issuer, meta.issued, list(meta.region.path), list(meta.years),
            len(document.passages))


def new_generation() -> int:
    """A generation number later than any before it on this clock."""
    return time.time_ns()


class Loader:
    """Batches documents into the tables; `flush` commits what was added; use as a context manager."""

    def __init__(self, conn: Connection, batch_bytes: int = BATCH_BYTES):
        schema.create(conn)
        self.conn = conn
        self.batch_bytes = batch_bytes
        self.gen = new_generation()
        self._passages: list[tuple] = []
        self._documents: list[tuple] = []
        self._bytes = 0
        self.loaded_passages = 0
        self.loaded_bytes = 0

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.flush()
            self.clean_up()

    def add(self, document: Document) -> None:
        """Queue a document (replacing any earlier generation of it when the batch commits)."""
        rows = passage_rows(document, self.gen)
        self._passages += rows
        self._documents.append(document_row(document, self.gen))
        size = sum(len(p.text.encode("utf-8")) for p in document.passages)
        self._bytes += size
        self.loaded_bytes += size
        self.loaded_passages += len(rows)
        if self._bytes >= self.batch_bytes:
            self.flush()

    def add_all(self, documents: Iterable[Document]) -> None:
        """Queue many documents."""
        for document in documents:
            self.add(document)

    def delete(self, doc_id: str, source: str) -> None:
        """Remove a document from what searches see (committed with the batch)."""
        self._documents.append((doc_id, self.gen, 0, source, "", 0, 0.0, "", "", "", "", "", [], [], 0))

    def flush(self) -> None:
        """Insert the queued passages, then commit them with their documents rows."""
        if self._passages:
            self.conn.insert("passages", PASSAGE_COLUMNS, self._passages)
        if self._documents:
            self.conn.insert("documents", DOCUMENT_COLUMNS, self._documents)
        self._passages, self._documents, self._bytes = [], [], 0
        self.gen = new_generation()  # a later re-add of the same document must win over this batch

    def clean_up(self) -> None:
        """Delete passages that no committed live generation owns."""
        db = self.conn.database
        self.conn.command(f"DELETE FROM {db}.passages WHERE NOT {schema.LIVE.format(db=db)}")


def known_documents(conn: Connection) -> dict[str, dict]:
    """{source: facts} of the live documents: what a re-ingest compares files against."""
    rows = conn.rows(f"SELECT doc, source, content_hash, size, mtime FROM {conn.database}.documents FINAL WHERE live = 1")
    return {row["source"]: row for row in rows}

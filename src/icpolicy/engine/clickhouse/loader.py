"""Loading documents into the ClickHouse tables: batched, by generation, never half a document.

A batch's passages go in first (one insert), then its documents' rows commit them (one
insert): until then the new rows are invisible (schema.LIVE).  Re-loading a document gives it
a newer generation, which replaces the old one the moment its documents row lands.
`clean_up` deletes passages no committed generation owns (replaced ones, or those of a load
that was killed); one writer at a time is assumed, as for the embedded index.
"""

from __future__ import annotations

import time

from icpolicy.engine.clickhouse import schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.models import Document
from icpolicy.text.normalize import TAIL, normalise

PASSAGE_COLUMNS = ["gen", "province", "city", "doc", "passage", "region", "years", "sectors", "type", "text", "norm", "own", "words"]
DOCUMENT_COLUMNS = ["gen", "doc", "live", "source", "content_hash", "size", "mtime", "title", "type", "doc_number",
                    "issuer", "issued", "region", "years", "n_passages", "own_bytes"]
BATCH_BYTES = 16_000_000  # text per insert: big blocks load fast and keep parts few


def passage_lines(document: Document) -> list[str]:
    """The passages table rows of a document as TabSeparated lines, all columns but the leading gen.

    Its normalised text carries the next passage's first TAIL normalised characters; its words
    are the distinct jieba words of two characters or more of its own normalised text (the
    words the embedded index boosts).  Built in the worker processes, so the loader only joins
    and inserts.
    """
    from icpolicy.text.tokens import cut

    norms = [normalise(p.text) for p in document.passages]
    lines = []
    for k, passage in enumerate(document.passages):
        tail = norms[k + 1][:TAIL] if k + 1 < len(norms) else ""
        path = list(passage.region.path)
        row = (path[0] if path else "", path[1] if len(path) > 1 else "", document.doc_id, passage.ordinal, path,
               list(passage.years), list(passage.segments), document.meta.doc_type, passage.text, norms[k] + tail,
               len(norms[k].encode("utf-8")), word_field(cut(norms[k])))
        lines.append(tsv_line(row))
    return lines


def word_field(words) -> str:
    """The `words` column: the distinct words of two characters or more, each between WORD_SEP."""
    distinct = sorted({w for w in words if len(w) > 1})
    return schema.WORD_SEP + "".join(w + schema.WORD_SEP for w in distinct) if distinct else ""


def document_line(document: Document, lines: list[str]) -> str:
    """The documents table row that commits a document's generation, without gen; lines are its passage_lines.

    own_bytes, the byte length of its passages' normalised texts (their `own` column), gives
    with n_passages the average passage length BM25 needs without scanning the passages."""
    meta = document.meta
    own_bytes = sum(int(line.split("\t", 11)[10]) for line in lines)
    return tsv_line((document.doc_id, 1, document.source, document.content_hash, int(document.size), float(document.mtime),
                     meta.title, meta.doc_type, meta.doc_number, meta.issuer, meta.issued, list(meta.region.path), list(meta.years),
                     len(document.passages), own_bytes))


def tsv_line(row: tuple) -> str:
    """One row in ClickHouse's TabSeparated format (what inserts and `export --to clickhouse-tsv` write)."""
    return "\t".join(_field(v) for v in row) + "\n"


def _field(value) -> str:
    if isinstance(value, str):
        return _escape(value)
    if isinstance(value, list):
        return "[" + ",".join("'" + _escape(v).replace("'", "\\'") + "'" if isinstance(v, str) else str(v) for v in value) + "]"
    return repr(value) if isinstance(value, float) else str(value)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0")


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

    def add(self, document: Document, lines: list[str] | None = None) -> None:
        """Queue a document (with its passage_lines when a worker made them); it replaces any
        earlier generation of the document when the batch commits."""
        lines = passage_lines(document) if lines is None else lines
        self._passages += lines
        self._documents.append(document_line(document, lines))
        size = sum(len(p.text.encode("utf-8")) for p in document.passages)
        self._bytes += size
        self.loaded_bytes += size
        self.loaded_passages += len(lines)
        if self._bytes >= self.batch_bytes:
            self.flush()

    def delete(self, doc_id: str, source: str) -> None:
        """Remove a document from what searches see (committed with the batch)."""
        self._documents.append(tsv_line((doc_id, 0, source, "", 0, 0.0, "", "", "", "", "", [], [], 0, 0)))

    def flush(self) -> None:
        """Insert the queued passages, then commit them with their documents rows."""
        prefix = f"{self.gen}\t"
        if self._passages:
            self.conn.insert_tsv("passages", PASSAGE_COLUMNS, prefix + prefix.join(self._passages))
        if self._documents:
            self.conn.insert_tsv("documents", DOCUMENT_COLUMNS, prefix + prefix.join(self._documents))
        self._passages, self._documents, self._bytes = [], [], 0
        self.gen = new_generation()  # a later re-add of the same document must win over this batch

    def clean_up(self) -> None:
        """Delete passages that no committed live generation owns (a DELETE rewrites every part's
        row mask, so it runs only when a count over the small key columns finds such rows)."""
        db = self.conn.database
        dead = f"NOT {schema.LIVE.format(db=db)}"
        if int(self.conn.rows(f"SELECT count() AS n FROM {db}.passages WHERE {dead}")[0]["n"]):
            self.conn.command(f"DELETE FROM {db}.passages WHERE {dead}")


def known_documents(conn: Connection) -> dict[str, dict]:
    """{source: facts} of the live documents: what a re-ingest compares files against."""
    rows = conn.rows(f"SELECT doc, source, content_hash, size, mtime FROM {conn.database}.documents FINAL WHERE live = 1")
    # typed as the embedded index's records are (JSON output quotes 64-bit integers), so the shared planning compares them
    return {row["source"]: {**row, "size": int(row["size"]), "mtime": float(row["mtime"])} for row in rows}

"""Loading documents into the ClickHouse tables: batched, by generation, never half a document.

A batch's passages go in first (one insert), then its documents' rows commit them (one
insert): until then the new rows are invisible (schema.LIVE).  Re-loading a document gives it
a newer generation, which replaces the old one the moment its documents row lands.
`clean_up` deletes passages no committed generation owns (replaced ones, or those of a load
that was killed); one writer at a time is assumed, as for the embedded index.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from icpolicy.engine.clickhouse import rank, schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.models import Document
from icpolicy.text.normalize import TAIL, normalise

PASSAGE_COLUMNS = ["gen", "province", "city", "doc", "passage", "region", "years", "sectors", "type", "text", "norm", "own", "words",
                   "bi_len", "bi_fn", "words_len", "words_fn", "wordbits"]
DOCUMENT_COLUMNS = ["gen", "doc", "live", "source", "content_hash", "size", "mtime", "title", "type", "doc_number",
                    "issuer", "issued", "region", "years", "n_passages", "own_bytes"]
BATCH_BYTES = 64_000_000  # text per insert: fewer parts, fewer merges during a long load (at 1 GB 20 MB/s per CPU-second against 15 with 16 MB); ~0.5 GB of rows in memory at most


@dataclass(frozen=True)
class Rows:
    """A document's passages table rows, made in a worker: TabSeparated lines in UTF-8 (every
    column but the leading gen), with the byte counts the loader needs, so that it only joins
    and inserts (bytes cross from the worker without a decode and an encode)."""

    lines: tuple[bytes, ...]
    own_bytes: int  # of the normalised texts (the `own` column): documents.own_bytes
    text_bytes: int  # of the raw texts: what a load's MB/s counts


def passage_rows(document: Document) -> Rows:
    """The passages table rows of a document.

    Its normalised text carries the next TAIL normalised characters of the document (as the
    folder index's tail: past a short next passage into the ones after it); its words are the
    distinct jieba words of two characters or more of its own normalised text (the words the
    embedded index boosts); bi_len and words_len are the token counts of the folder index's
    `bi` and `words` fields for it, with their tantivy fieldnorm codes (rank.py).
    """
    from icpolicy.engine.schema import field_words
    from icpolicy.text.tokens import cut

    norms = [normalise(p.text) for p in document.passages]
    joined = "".join(norms)
    lines, own_total, text_total, at = [], 0, 0, 0
    for k, passage in enumerate(document.passages):
        at += len(norms[k])
        tail = joined[at : at + TAIL]
        path = list(passage.region.path)
        own = len(norms[k].encode("utf-8"))
        indexed = field_words(cut(norms[k]))  # the folder index's `words` tokens
        long = [w for w in indexed if len(w) > 1]
        bi_len = len(norms[k]) + max(len(tail) - 1, 0)
        row = (path[0] if path else "", path[1] if len(path) > 1 else "", document.doc_id, passage.ordinal, path,
               list(passage.years), list(passage.segments), document.meta.doc_type, passage.text, norms[k] + tail,
               own, word_field(long), bi_len, rank.fieldnorm_id(bi_len), len(indexed), rank.fieldnorm_id(len(indexed)),
               schema.word_bits(long))
        line = tsv_line(row).encode("utf-8")
        lines.append(line)
        own_total += own
        text_total += len(passage.text.encode("utf-8"))
    return Rows(tuple(lines), own_total, text_total)


def word_field(words) -> str:
    """The `words` column: the given distinct words (passage_rows keeps those of two characters or more),
    each between WORD_SEP."""
    distinct = sorted(words)
    return schema.WORD_SEP + "".join(w + schema.WORD_SEP for w in distinct) if distinct else ""


def document_line(document: Document, rows: Rows) -> str:
    """The documents table row that commits a document's generation, without gen; rows are its passage_rows.

    own_bytes, the byte length of its passages' normalised texts (their `own` column), gives
    with n_passages the average passage length BM25 needs without scanning the passages."""
    meta = document.meta
    return tsv_line((document.doc_id, 1, document.source, document.content_hash, int(document.size), float(document.mtime),
                     meta.title, meta.doc_type, meta.doc_number, meta.issuer, meta.issued, list(meta.region.path), list(meta.years),
                     len(document.passages), rows.own_bytes))


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


BLOCKS_PER_WRITER = 2  # a batch's blocks per writing thread: a writer starts on a block while the next is parsed
MIN_BLOCK_BYTES = 32_000_000  # of TSV: a smaller batch is one block (one part), however many cores there are


def split_settings(size: int, cores: int) -> dict[str, int] | None:
    """Insert settings that write a batch of `size` TSV bytes on several threads at once.

    One insert block makes one part, and one thread writes a part (sort, compress, the bigram
    skip index): a batch as one block left the other core idle for most of a load.  A batch is
    cut into up to cores x BLOCKS_PER_WRITER blocks of at least MIN_BLOCK_BYTES (squashed by
    bytes alone), written by up to `cores` threads; a small load stays one part, and many cores
    do not make many small parts.  The default batch (64 MB of text, ~210 MB of TSV) is four
    blocks on two cores, parts of ~55 MB on disk that stay unmerged (schema.MERGE_CAP): merging
    them while loading cost more than writing them in parallel saved (measured at 1 GB)."""
    blocks = min(cores * BLOCKS_PER_WRITER, size // MIN_BLOCK_BYTES)
    if cores < 2 or blocks < 2:
        return None
    return {"max_insert_threads": min(cores, blocks), "min_insert_block_size_rows": 0,
            "min_insert_block_size_bytes": size // blocks + 1}


def new_generation() -> int:
    """A generation number later than any before it on this clock."""
    return time.time_ns()


class Loader:
    """Batches documents into the tables; `flush` commits what was added; use as a context manager.

    A batch is inserted by one background thread while the next one is queued (ClickHouse
    works outside the GIL), one batch at a time and in order: passages, then the documents
    rows that commit them."""

    def __init__(self, conn: Connection, batch_bytes: int = BATCH_BYTES):
        schema.create(conn)
        self.conn = conn
        self.batch_bytes = batch_bytes
        self.gen = new_generation()
        self._passages: list[bytes] = []
        self._documents: list[str] = []
        self._bytes = 0
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="icpolicy-load")
        self._pending: Future | None = None
        self.loaded_passages = 0
        self.loaded_bytes = 0

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, kind, *_) -> None:
        try:
            if kind is None:
                self.flush()
                self.wait()
                self.clean_up()
        finally:
            self._thread.shutdown(wait=True)  # a batch being inserted is finished, never cut in half

    def add(self, document: Document, rows: Rows | None = None) -> None:
        """Queue a document (with its passage_rows when a worker made them); it replaces any
        earlier generation of the document when the batch commits."""
        rows = passage_rows(document) if rows is None else rows
        self._passages += rows.lines
        self._documents.append(document_line(document, rows))
        self._bytes += rows.text_bytes
        self.loaded_bytes += rows.text_bytes
        self.loaded_passages += len(rows.lines)
        if self._bytes >= self.batch_bytes:
            self.flush()

    def delete(self, doc_id: str, source: str) -> None:
        """Remove a document from what searches see (committed with the batch)."""
        self._documents.append(tsv_line((doc_id, 0, source, "", 0, 0.0, "", "", "", "", "", [], [], 0, 0)))

    def flush(self) -> None:
        """Hand the queued passages and their documents rows to the insert thread (after the batch before)."""
        prefix = f"{self.gen}\t"
        passages = prefix.encode() + prefix.encode().join(self._passages) if self._passages else b""
        documents = prefix + prefix.join(self._documents) if self._documents else ""
        self._passages, self._documents, self._bytes = [], [], 0
        self.gen = new_generation()  # a later re-add of the same document must win over this batch
        if passages or documents:
            self.wait()
            self._pending = self._thread.submit(self._insert, passages, documents)

    def wait(self) -> None:
        """Wait for the batch being inserted; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def _insert(self, passages: bytes, documents: str) -> None:
        if passages:
            self.conn.insert_tsv("passages", PASSAGE_COLUMNS, passages, split_settings(len(passages), self.conn.cores))
        if documents:
            self.conn.insert_tsv("documents", DOCUMENT_COLUMNS, documents)

    def clean_up(self) -> None:
        """Delete the passages no committed live generation owns (see clean_up)."""
        self.wait()
        clean_up(self.conn)


def clean_up(conn: Connection) -> None:
    """Delete passages that no committed live generation owns, count the new rows into `terms`,
    then record the newest committed generation as `clean_gen` (every row up to it is live:
    schema.LIVE's fast test).  A DELETE rewrites every part's row mask, so it runs only when a
    count finds such rows; one writer at a time, as for loading.

    `terms` (schema.py) holds the rows up to generation `terms_counted`: the rows deleted that
    it counted are subtracted first, the rows after it (now all live) added after, in one
    multi-threaded INSERT ... SELECT each.  Meta `terms_stale` is newer than `terms_exact`
    while that runs, so that a clean-up cut off in between (a kill) is never subtracted or
    added twice: the next one counts `terms` afresh from the live rows instead."""
    db = conn.database
    newest = int(conn.rows(f"SELECT max(gen) AS g FROM {db}.documents")[0]["g"] or 0)
    dead = f"NOT {schema.LIVE.format(db=db)}"
    counted = _meta_gen(conn, "terms_counted")
    stale = _terms_stale(conn)
    has_dead = bool(int(conn.rows(f"SELECT count() AS n FROM {db}.passages WHERE {dead}")[0]["n"]))
    top = int(conn.rows(f"SELECT max(gen) AS g FROM {db}.passages")[0]["g"] or 0)
    if has_dead or top > counted or stale:
        _mark_terms(conn, "terms_stale")
        if has_dead:
            if not stale:
                conn.command(schema.count_terms_sql(db, f"gen <= {counted} AND {dead}", sign=-1))
            conn.command(f"DELETE FROM {db}.passages WHERE {dead}")
        if stale:
            conn.command(f"TRUNCATE TABLE {db}.terms")
        conn.command(schema.count_terms_sql(db, f"gen <= {top}" if stale else f"gen > {counted} AND gen <= {top}"))
        conn.insert("meta", ["key", "value"], [("terms_counted", str(top))])
        _mark_terms(conn, "terms_exact")
    if newest > _meta_gen(conn, "clean_gen"):
        conn.insert("meta", ["key", "value"], [("clean_gen", str(newest))])


def _meta_gen(conn: Connection, key: str) -> int:
    """The largest number meta holds under key (a generation or a time in ns); 0 when none."""
    return int(conn.rows(f"SELECT max(toUInt64OrZero(value)) AS g FROM {conn.database}.meta WHERE key = {{k:String}}", {"k": key})[0]["g"] or 0)


def _mark_terms(conn: Connection, key: str) -> None:
    """Record when `terms` went stale or was made exact (nanoseconds: meta's `at` has whole seconds)."""
    conn.insert("meta", ["key", "value"], [(key, str(time.time_ns()))])


def _terms_stale(conn: Connection) -> bool:
    """Whether a clean-up began subtracting from `terms` and was cut off before it was exact again."""
    return _meta_gen(conn, "terms_stale") > _meta_gen(conn, "terms_exact")


def known_documents(conn: Connection) -> dict[str, dict]:
    """{source: facts} of the live documents: what a re-ingest compares files against."""
    rows = conn.rows(f"SELECT doc, source, content_hash, size, mtime FROM {conn.database}.documents FINAL WHERE live = 1")
    # typed as the embedded index's records are (JSON output quotes 64-bit integers), so the shared planning compares them
    return {row["source"]: {**row, "size": int(row["size"]), "mtime": float(row["mtime"])} for row in rows}

"""The ClickHouse tables: passages (the searched rows), documents (one row per document
generation: the commit marker), meta (schema version and what built the tables) and terms
(the document frequency of every token the folder index's BM25 weighs: its bigrams, tail
bigrams and words; counted at each load's end, so that ranking is tantivy's, rank.py).

Passages are ordered by (province, city, doc, passage), the filters people use most, so a
region filter reads only its part of the table; `norm` carries an ngrambf_v1 skip index over
character bigrams, so a rare term skips the granules that cannot hold it; `words` holds the
passage's distinct jieba words (of two characters or more) as one string, each word between
WORD_SEP characters, so the whole-word boost is `position(words, SEP term SEP) > 0` in SQL
and a top 10 is ranked exactly in one scan (a string reads ~1.3x faster than Array(String),
which stores an 8-byte offset per word).  `norm`, which every query scans, is stored
uncompressed: at 1 GB a common term's scan took 480 ms CPU against 850 with LZ4, the LZ4
decoding being most of it (benchmarks/scale.py, README), for ~0.4 GB more on disk; `text` and
`words`, read by key for a few rows, use LZ4 (ZSTD(1) made scans and loads ~1.5x slower).

Loading is idempotent by generation: a document's passages are inserted with a new `gen`,
then its row in `documents` (ReplacingMergeTree on gen) commits that generation.  Searches
read only passages whose (doc, gen) is a live committed row, so a load killed part way
leaves every document as it was: old generation visible, new rows orphaned until the next
load's clean-up deletes them.
"""

from __future__ import annotations

from icpolicy._version import __version__
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.errors import IndexIncompatible, IndexMissing

SCHEMA_VERSION = 5  # 5: a table row's cell mark (|) dropped from the search form (session 57); 4: tantivy's BM25 (terms, bi_len/bi_fn, words_len/words_fn; tails run on past a short next passage); wordbits from the loader
INDEX_GRANULARITY = 256  # rows per granule: small enough that the bigram filter stays selective
BLOOM_BYTES = 8192  # per 256-row granule: a quarter of the 32 KB schema 2 began with; reading the filters cost a common term more than it saved (benchmarks/scale.py, README)
MERGE_CAP = 100_000_000  # bytes on disk: parts merge up to this, so a load's parts (~55 MB each, loader.split_settings) stay as written
WORD_SEP = "\x1f"  # never inside normalised text: normalise drops control characters
# `wordbits`: a Bloom filter of the passage's words, four 64-bit words with one bit each per word
# (word_bits).  A term whose bits are not all set is no word of the passage, so its BM25 bound
# needs no whole-word boost there; set bits only say it may be one (~1% of terms at the median 26
# words, ~18% at 67).  Read by a scan instead of `words` (40 bytes a row against ~260), it makes the
# bound settle where the terms alone did not (search.py).  Made by the loader's workers: made by
# ClickHouse at insert (schema 3, a MATERIALIZED cityHash64 expression) it cost ~17 s of a 1 GB load.
WORD_BITS = 4


def bit_places(word: str) -> list[int]:
    """The bit a word sets in each of the WORD_BITS words: 6 bits each of its CRC-32."""
    from zlib import crc32

    h = crc32(word.encode("utf-8"))
    return [(h >> (6 * i)) & 63 for i in range(WORD_BITS)]


def word_bits(words) -> list[int]:
    """The `wordbits` of a passage with these words."""
    out = [0] * WORD_BITS
    for word in words:
        for i, place in enumerate(bit_places(word)):
            out[i] |= 1 << place
    return out


TABLES = {
    "passages": """
CREATE TABLE IF NOT EXISTS {db}.passages (
    province LowCardinality(String),
    city LowCardinality(String),
    doc String,
    gen UInt64,
    passage UInt32,
    region Array(LowCardinality(String)),
    years Array(UInt16),
    sectors Array(LowCardinality(String)),
    type LowCardinality(String),
    text String CODEC(LZ4),
    norm String CODEC(NONE),
    own UInt32,
    words String CODEC(LZ4),
    bi_len UInt32,
    bi_fn UInt8,
    words_len UInt32,
    words_fn UInt8,
    wordbits Array(UInt64) CODEC(NONE),
    INDEX norm_bigrams norm TYPE ngrambf_v1(2, {bloom}, 2, 0) GRANULARITY 1
) ENGINE = {engine}
ORDER BY (province, city, doc, passage)
SETTINGS index_granularity = {granularity}, max_bytes_to_merge_at_max_space_in_pool = {merge_cap}""",
    "documents": """
CREATE TABLE IF NOT EXISTS {db}.documents (
    doc String,
    gen UInt64,
    live UInt8,
    source String,
    content_hash String,
    size UInt64,
    mtime Float64,
    title String,
    type LowCardinality(String),
    doc_number String,
    issuer String,
    issued String,
    region Array(String),
    years Array(UInt16),
    n_passages UInt32,
    own_bytes UInt64
) ENGINE = {replacing}
ORDER BY doc""",
    # n: how many passages hold each token the folder index's BM25 weighs (its document
    # frequency), keyed by kind (0 an own bigram, 1 a tail bigram, 2 a word) and token (a
    # bigram's UTF-8 bytes read as a little-endian UInt64, zero-padded: two characters are at
    # most 8 bytes; a word's cityHash64).  Counted by the load's clean-up (loader.py), never per
    # insert: a materialized view did the same work block by block at 4x the load's CPU.
    "terms": """
CREATE TABLE IF NOT EXISTS {db}.terms (
    kind UInt8,
    token UInt64,
    n Int64
) ENGINE = SummingMergeTree
ORDER BY (kind, token)""",
    "meta": """
CREATE TABLE IF NOT EXISTS {db}.meta (
    key String,
    value String,
    at DateTime DEFAULT now()
) ENGINE = {replacing_at}
ORDER BY key""",
}

# The distinct (kind, token) keys of a passage row that the folder index's BM25 counts (engine/
# schema.py's `bi` and `words` fields; see `terms`): bigrams of the own text and the tail's first
# character (END at a document's end), the tail's bigrams, and the words (of two characters or
# more, the only ones a query weighs).
TERM_KEYS = ("arrayConcat("
             "arrayMap(t -> (toUInt8(0), t), arrayDistinct(arrayMap(g -> reinterpretAsUInt64(g), ngrams(concat(substring(norm, 1, own), "
             "if(length(norm) > own, substringUTF8(substring(norm, own + 1), 1, 1), '\\x02')), 2)))), "
             "arrayMap(t -> (toUInt8(1), t), arrayDistinct(arrayMap(g -> reinterpretAsUInt64(g), ngrams(substring(norm, own + 1), 2)))), "
             "arrayMap(w -> (toUInt8(2), cityHash64(w)), arrayFilter(w -> w != '', splitByChar('\\x1F', words))))")
OWN, TAIL_GRAM, WORD = 0, 1, 2  # the kinds


def count_terms_sql(db: str, where: str, sign: int = 1) -> str:
    """Add (sign 1) or take away (-1) the term keys of the passages rows `where` selects: TERM_KEYS,
    with the bigrams of norm (and END at a document's end) made once and cut at the own text's
    end (the same keys, ~10% less CPU than TERM_KEYS itself; the tests compare the two)."""
    keys = "arrayMap(g -> reinterpretAsUInt64(g), ngrams(concat(norm, if(length(norm) = own, '\\x02', '')), 2))"
    split = ("arrayConcat(arrayMap(t -> (toUInt8(0), t), arrayDistinct(arraySlice(keys, 1, n))), "
             "arrayMap(t -> (toUInt8(1), t), arrayDistinct(arraySlice(keys, n + 1))), "
             "arrayMap(w -> (toUInt8(2), cityHash64(w)), arrayFilter(w -> w != '', splitByChar('\\x1F', words))))")
    return (f"INSERT INTO {db}.terms SELECT k.1, k.2, {'-' if sign < 0 else ''}toInt64(count()) FROM "
            f"(SELECT {keys} AS keys, lengthUTF8(substring(norm, 1, own)) AS n, words FROM {db}.passages WHERE {where}) "
            f"ARRAY JOIN {split} AS k GROUP BY k.1, k.2")


def bigram_key(gram: str) -> int:
    """A bigram's `terms` token: its UTF-8 bytes as a little-endian UInt64 (reinterpretAsUInt64)."""
    return int.from_bytes(gram.encode("utf-8")[:8].ljust(8, b"\0"), "little")


# What a search may read: the committed, live generation of every document.  A load's
# clean-up leaves only live rows, and records the newest generation then as meta `clean_gen`;
# while no documents row is newer, the rows to read are those of a generation up to it (one
# UInt64 column: the scalar subqueries fold to a constant before the scan); after a newer
# commit (a load under way, or killed) the full (doc, gen) lookup decides.
CLEAN_GEN = "(SELECT max(toUInt64OrZero(value)) FROM {db}.meta WHERE key = 'clean_gen')"
LIVE = (f"if((SELECT count() FROM {{db}}.documents WHERE gen > {CLEAN_GEN}) = 0, gen <= {CLEAN_GEN}, "
        "(doc, gen) IN (SELECT doc, gen FROM {db}.documents FINAL WHERE live = 1))")


def ddl(database: str) -> list[str]:
    """The CREATE TABLE statements for one node (the README gives the cluster form)."""
    engines = {"engine": "MergeTree", "replacing": "ReplacingMergeTree(gen)", "replacing_at": "ReplacingMergeTree(at)"}
    return [text.format(db=database, bloom=BLOOM_BYTES, granularity=INDEX_GRANULARITY, merge_cap=MERGE_CAP, **engines).strip()
            for text in TABLES.values()]


def create(conn: Connection) -> None:
    """Create the database and tables if missing, and stamp the schema version (refuses a mismatch)."""
    conn.command(f"CREATE DATABASE IF NOT EXISTS {conn.database}")
    existing = _version(conn)
    if existing is not None:
        _check(conn, existing)
        return
    for statement in ddl(conn.database):
        conn.command(statement)
    conn.insert("meta", ["key", "value"], [("schema_version", str(SCHEMA_VERSION)), ("tool_version", __version__)])


def check(conn: Connection) -> None:
    """Raise IndexMissing when the tables are not there, IndexIncompatible on another schema version."""
    version = _version(conn)
    if version is None:
        raise IndexMissing(f"no icpolicy tables at {conn.where}: load them with: icpolicy --backend {conn.where} ingest PATH... "
                           f"(or icpolicy migrate --from INDEX --to {conn.where})")
    _check(conn, version)


def describe(conn: Connection) -> dict:
    """What `icpolicy info` reports of the tables: schema_version, built_by, documents, passages,
    bytes on disk and last_ingest (ISO time of the newest committed generation); IndexMissing
    or IndexIncompatible as check() raises them."""
    from datetime import datetime

    check(conn)
    db = conn.database
    built = conn.rows(f"SELECT argMax(value, at) AS v FROM {db}.meta WHERE key = 'tool_version'")
    docs = conn.rows(f"SELECT count() AS d, sum(n_passages) AS p, max(gen) AS g FROM {db}.documents FINAL WHERE live = 1")[0]
    size = conn.rows("SELECT sum(bytes_on_disk) AS b FROM system.parts WHERE active AND database = {db:String}", {"db": db})
    newest = int(docs["g"] or 0)
    return {"schema_version": SCHEMA_VERSION, "built_by": built[0]["v"] if built else None, "documents": int(docs["d"]),
            "passages": int(docs["p"] or 0), "bytes": int(size[0]["b"] or 0) if size else 0,
            "last_ingest": datetime.fromtimestamp(newest / 1e9).astimezone().isoformat(timespec="seconds") if newest else None}


def _check(conn: Connection, version: str) -> None:
    if version != str(SCHEMA_VERSION):
        raise IndexIncompatible(f"{conn.where} holds icpolicy tables of schema {version}; this is icpolicy {__version__} "
                                f"(schema {SCHEMA_VERSION}). Drop the database {conn.database} and load it again "
                                f"(icpolicy migrate --from INDEX --to {conn.where}).")


def _version(conn: Connection) -> str | None:
    found = conn.rows("SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = 'meta'", {"db": conn.database})
    if not found or not int(found[0]["n"]):
        return None
    rows = conn.rows(f"SELECT argMax(value, at) AS v FROM {conn.database}.meta WHERE key = 'schema_version'")
    return rows[0]["v"] if rows and rows[0]["v"] else None

"""The passage index's schema (tantivy): one tantivy document per passage, one per source document.

A passage is indexed by the character bigrams of its normalised text (normalize.py), as
space-separated tokens that tantivy's `whitespace` tokenizer numbers in order, so a term of
n >= 2 characters is a phrase query over its n - 1 bigrams: an exact substring match.

    bi      bigrams starting in the passage, then the bigrams of the next TAIL normalised
            characters of the document marked with TAIL_MARK: a term that starts in the
            passage and runs on into the next one is a phrase whose first bigrams are
            unmarked and the rest marked, so it is found in the passage where it starts
            and never in the one before (see translate.py).  The last character of a
            document pairs with END, so every character of a passage starts an unmarked
            bigram: a one-character term is a regex over the bigrams that start with it
    edge    the last unmarked bigram of `bi` (the passage's last character and the next's first,
            or END): a term read as running on into the tail must have that bigram where its
            unmarked bigrams end, so translate.py leaves out every such reading whose bigram no
            passage has as its edge (one doc_freq each; passages end with punctuation, so
            nearly all).  It is indexed only: nothing scores on it
    words   jieba's words of the passage (the whole-word boost)
    record  what a hit shows, stored as one value (tantivy reads one stored value several
            times faster than ten): the passage text, its normalised tail (for highlights),
            doc id, ordinal, region path, years, sectors, and whether its ideographs are
            their own search form (`plain`: highlights then need no normalisation); and its
            quantities for the targets view, extracted at ingest (meta/target_store.py)
    doc, ordinal, region (every prefix of the region path), city, years, newest, sectors, doc_type:
            indexed and fast, for filters, facets and ordering

A document record (kind "d") carries the document's facts as stored JSON; it is written with
the document's last passage, so a commit holds a document whole or not at all.  Normalised
text never holds whitespace (normalise drops it), so the whitespace tokenizer sees exactly
the tokens written here.
"""

from __future__ import annotations

import json
import os
import re
from array import array
from collections import namedtuple
from fnmatch import fnmatchcase
from pathlib import Path

from icpolicy.engine.folder import OwnedLayout
from icpolicy.models import Document, Passage
from icpolicy.records import Record
from icpolicy.text.normalize import CJK_RANGES, TAIL, is_cjk, keeps_ideographs

FOLDER = "tantivy"  # the tantivy index's subfolder of the index folder
# The names tantivy writes there: segment files (uuid.ext), its meta files and locks, temporaries of atomic writes.
_UUID4 = re.compile(r"[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}")


def committed(folder: Path) -> dict:
    """tantivy's last commit, its meta.json in `folder` (DIR/tantivy), read; raises OSError or ValueError (unreadable)."""
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def segment_ids(meta: dict) -> set[str]:
    """The ids of the segments a commit (committed) names, as their files are named (no dashes); KeyError, TypeError
    when it names none the way tantivy writes them."""
    return {s["segment_id"].replace("-", "") for s in meta["segments"]}


def tantivy_owned(folder: Path) -> set[str] | None:
    """The names in the folder tantivy wrote: its meta files, locks and temporaries, the files of the segments
    meta.json names, and every file .managed.json lists (tantivy lists a file there before creating it, so a
    killed writer's are in it).  A name that only looks like a segment file (a user's 32 hex digits.store) is
    not; None (every name the patterns take) when meta.json cannot be read."""
    try:
        segments = segment_ids(committed(folder))
        names = [entry.name for entry in os.scandir(folder)]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        managed = set(json.loads((folder / ".managed.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        # (a damaged list, the very case a rebuild is asked for: a segment's file by the shape of tantivy's ids,
        # random UUIDs, version 4, whose 13th digit is 4 and 17th one of 8 9 a b; ab12…ab12.store is no such id)
        managed = {name for name in names if _UUID4.fullmatch(name.split(".", 1)[0])}
    return {"meta.json", ".managed.json"} | managed | {name for name in names if name.split(".", 1)[0] in segments
                                                      or name.startswith(".tmp") or fnmatchcase(name, ".tantivy-*.lock")}


LAYOUT = OwnedLayout({"meta.json": None, ".managed.json": None, ".tantivy-*.lock": None, "[0-9a-f]" * 32 + ".*": None, ".tmp*": None},
                     tantivy_owned)
TAIL_MARK = "\x01"
END = "\x02"  # normalised text holds no control characters (normalize.py drops them)
PASSAGE, DOCUMENT = "p", "d"
ROW_SECTORS = 7  # where a passage's sectors are in its row (see Prepared)
UNSTORED = "?"  # a record's quantities field when they were not stored (the targets view extracts them)


def build():
    """The tantivy schema of the passage index."""
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("kind", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("bi", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("words", tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field("doc", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("source", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("ordinal", indexed=True, fast=True)
    sb.add_bytes_field("record", stored=True)
    sb.add_text_field("region", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("years", indexed=True, fast=True)
    sb.add_integer_field("newest", fast=True)
    sb.add_text_field("sectors", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("doc_type", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("city", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("region_key", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_bytes_field("facts", stored=True)
    sb.add_text_field("edge", tokenizer_name="raw", index_option="basic")
    return sb.build()


def bigrams(own: str, tail: str) -> str:
    """The `bi` field of a passage: its own bigrams, then the tail's bigrams marked.

    The code points are interleaved in one array (text[i], text[i + 1], space for each own
    bigram; mark, tail[j], tail[j + 1], space for each of the tail's) and decoded once: a few C
    calls instead of a str per bigram (4x faster than joining the pairs)."""
    n, m = len(own), max(len(tail) - 1, 0)
    if not n and not m:
        return ""
    points = array("I")
    points.frombytes((own + (tail or END)).encode("utf-32-le", "surrogatepass"))
    out = array("I", bytes(4 * (3 * n + 4 * m)))
    if n:
        out[0 : 3 * n : 3] = points[:n]
        out[1 : 3 * n : 3] = points[1 : n + 1]
        out[2 : 3 * n : 3] = array("I", _SPACE) * n
    if m:
        at = 3 * n
        out[at::4] = array("I", _MARK) * m
        out[at + 1 :: 4] = points[n : n + m]
        out[at + 2 :: 4] = points[n + 1 : n + m + 1]
        out[at + 3 :: 4] = array("I", _SPACE) * m
    return out.tobytes().decode("utf-32-le", "surrogatepass")[:-1]


_SPACE, _MARK = [ord(" ")], [ord(TAIL_MARK)]


def edge(own: str, tail: str) -> str:
    """The `edge` field of a passage: its last own bigram, the one that pairs its last character
    with the first of the tail (or END), "" for a passage without text.  A term that runs on
    into the tail has this bigram where its own bigrams end, so translate.py restricts each
    such reading to the few passages with that edge (a filter, which adds nothing to a score)."""
    return own[-1] + (tail or END)[0] if own else ""


def word_field(words: list[str]) -> str:
    """The `words` field of a passage: its distinct jieba words, space-separated (order carries nothing)."""
    return " ".join(field_words(words))


def field_words(words: list[str]) -> set[str]:
    """The tokens the `words` field holds of these words: the distinct ones, blanks dropped."""
    distinct = set(words)
    distinct.discard("")
    if any(map(str.isspace, distinct)):
        distinct = {w for w in distinct if not w.isspace()}
    return distinct


class Prepared(Record, namedtuple("Prepared", "rows ends")):
    """Consecutive passages of one document as index rows, built in a worker process, so that
    the parent (the single writer) only hands them to tantivy (passage_doc).

    A row is a plain tuple (they cross a process boundary by the thousand; a tuple pickles and
    loads fastest): (bigrams, words, ordinal, record, region keys, years, newest year, sectors,
    city or "", region key).  `ends` says the document ends with this run (large files come in
    several runs).
    """

    __slots__ = ()
    rows: tuple[tuple, ...]
    ends: bool

    def __len__(self) -> int:
        return len(self.rows)


def prepare(doc_id: str, passages, norm_texts: list[str], word_lists: list[list[str]], next_norm: str | None = None,
            quantities: list[str | None] | None = None) -> Prepared:
    """Index rows of consecutive passages of a document.

    next_norm: the normalised text that follows in the same document when it comes in a later
    run (large files; at least TAIL characters of it when the document has them); None when
    the document ends here.  quantities: each passage's stored quantities (see record), or None.
    """
    joined = "".join(norm_texts) + (next_norm or "")[:TAIL]
    rows, at = [], 0
    for k, (passage, norm, words) in enumerate(zip(passages, norm_texts, word_lists)):
        at += len(norm)
        tail = joined[at : at + TAIL]
        path = passage.region.path
        stored = record(doc_id, passage, tail, plain_ideographs(passage.text, norm), quantities[k] if quantities else None)
        rows.append((bigrams(norm, tail), word_field(words), passage.ordinal, stored, tuple(region_keys(path)),
                     passage.years, max(passage.years, default=0), passage.segments, "/".join(path[:2]), "/".join(path) or "~",
                     edge(norm, tail)))
    return Prepared(rows=tuple(rows), ends=next_norm is None)


def plain_ideographs(text: str, norm: str) -> bool:
    """Whether the search form of text maps one to one onto it and leaves every ideograph as
    it is (nor makes one): then a term of ideographs occurs in the search form exactly where
    it occurs in text, at the same offsets.  True of nearly every passage; a traditional or
    compatibility character, a dropped space or an expanded ligature makes it False.

    norm is normalise(text), computed in this process (which is what one_to_one relies on)."""
    return keeps_ideographs(text, norm)  # one regex scan for the few characters that break it


_MAIN = CJK_RANGES[1]  # 一-鿿


def ideographs_only(needle: str) -> bool:
    """Whether a normalised needle is all ideographs (see plain_ideographs)."""
    # not a regex: compiling a negated class of these ranges costs ~10 ms, in every one-shot search;
    # most needles lie in the main block, which two C calls check
    return bool(needle) and ((_MAIN[0] <= min(needle) and max(needle) <= _MAIN[1]) or all(map(is_cjk, needle)))


def record(doc_id: str, passage: Passage, tail: str, plain: bool, quantities: str | None = None) -> bytes:
    """A passage's stored value: the fields a hit shows, tab-separated on the first line (none
    of them holds a tab or a line break: tails are normalised, the rest are ids, names and
    numbers; quantities are meta/target_store.py's encoding, which holds neither, or None when
    they were not stored), then the text as it is."""
    head = (doc_id, str(passage.ordinal), "1" if plain else "", "/".join(passage.region.path),
            " ".join(map(str, passage.years)), " ".join(passage.segments), tail, UNSTORED if quantities is None else quantities)
    return ("\t".join(head) + "\n" + passage.text).encode("utf-8")


def read_record(value: bytes) -> tuple[str, int, bool, list[str], list[int], list[str], str, str, str | None]:
    """(doc id, ordinal, plain, region path, years, sectors, tail, text, quantities or None) of a stored record."""
    doc_id, ordinal, plain, path, years, sectors, tail, text, quantities = split_record(value)
    return (doc_id, int(ordinal), plain, path.split("/") if path else [], list(map(int, years.split())),
            sectors.split(), tail, text, quantities)


def record_doc_id(value: bytes) -> str:
    """The doc id of a stored record alone (its first field: a tab follows it), nothing else decoded."""
    return value[: value.index(b"\t")].decode("utf-8")


def split_record(value: bytes) -> tuple[str, str, bool, str, str, str, str, str, str | None]:
    """read_record's fields as stored: ordinal, region path ("/"-joined) and years (space-separated)
    still strings, for a reader that converts them its own way (results.HitMaker.from_record)."""
    head, _, text = value.decode("utf-8").partition("\n")
    doc_id, ordinal, plain, path, years, sectors, tail, quantities = head.split("\t")
    return doc_id, ordinal, plain == "1", path, years, sectors, tail, text, None if quantities == UNSTORED else quantities


def region_keys(path) -> list[str]:
    """Filter and facet keys for a region path: every prefix, so 江苏省 matches 江苏省/苏州市/昆山市."""
    keys, key = [], ""
    for part in path:  # each key from the one before: no slice and join per prefix (3x faster, on every hit read)
        key = f"{key}/{part}" if key else part
        keys.append(key)
    return keys


def passage_doc(doc_id: str, doc_type: str, row: tuple, words: bool = True, filters: bool = True):
    """The tantivy document of a passage, from its row (see Prepared).  words / filters False leave
    out the `words` field's value or the filter and facet fields' (benchmarks/ingest_floor.py
    measures what they cost tantivy; the index always has both)."""
    import tantivy

    bi, words_text, ordinal, stored, regions, years, newest, sectors, city, region_key, edge_gram = row
    doc = tantivy.Document()
    doc.add_text("kind", PASSAGE)
    doc.add_text("bi", bi)
    if words:
        doc.add_text("words", words_text)
    doc.add_text("doc", doc_id)
    if filters:
        doc.add_integer("ordinal", ordinal)
    doc.add_bytes("record", stored)
    if filters:
        for key in regions:
            doc.add_text("region", key)
        for year in years:
            doc.add_integer("years", year)
        doc.add_integer("newest", newest)
        for sector in sectors:
            doc.add_text("sectors", sector)
        doc.add_text("doc_type", doc_type)
        if city:
            doc.add_text("city", city)
        doc.add_text("region_key", region_key)
    if edge_gram:
        doc.add_text("edge", edge_gram)
    return doc


def document_facts(document: Document, passages: int, sectors: list[str]) -> dict:
    """What the index records about a document (everything but its passages)."""
    meta = document.meta
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "content_hash": document.content_hash,
        "size": document.size,
        "mtime": document.mtime,
        "title": meta.title,
        "doc_type": meta.doc_type,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issued": meta.issued,
        "region_path": list(meta.region.path),
        "years": list(meta.years),
        "sectors": sorted(sectors),
        "n_passages": passages,
    }


def document_doc(facts: dict):
    """The tantivy record of a document."""
    import tantivy

    doc = tantivy.Document()
    doc.add_text("kind", DOCUMENT)
    doc.add_text("doc", facts["doc_id"])
    doc.add_text("source", facts["source"])
    doc.add_bytes("facts", json.dumps(facts, ensure_ascii=False).encode("utf-8"))
    return doc

"""The passage store: immutable columnar segments that make substring search exact and fast.

Why not Whoosh for passages: indexing every character bigram through Whoosh's writer costs
~25 µs a posting (1.2 postings a character), which capped ingest near 0.07 MB/s, and its
positional phrase check ~65 µs a candidate passage (see the README's Performance section).
Here the same guarantee costs a numpy sort at ingest and a `find` at query time.

A segment is a folder written once and never changed:

    meta.json   passage count; the document parts it holds (doc_id, source, hash, title...,
                first passage, count); the distinct region paths, year sets and segment sets
                that the passage columns point into
    cols.npy    uint32 (n, 5): document part, ordinal, region id, years id, segments id
    norm.bin    the normalised passages (normalize.py), UTF-8, in document order; each
                document ends with "\\n", which normalised text never contains
    noff.npy    int64 (n + 1): where each passage starts in norm.bin
    text.bin    the passages as shown, UTF-8;  toff.npy  int64 (n + 1)
    keys.npy    uint64: sorted distinct character bigrams (first << 21 | second)
    kofs.npy    int64 (len(keys) + 1), pids.npy  uint32: the passages holding each bigram
    words.npy   bit per byte of norm.bin: a jieba word starts there (packbits)

A passage's bigrams are those of its own text and of the TAIL characters that follow it in
the document, so a term that starts in a passage and runs on into the next one finds the
passage as a candidate; `find` over norm.bin then decides, and a match counts for the
passage it starts in.  Deleted documents are listed in the manifest (index.py) and masked.
"""

from __future__ import annotations

import json
import mmap
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from icpolicy.models import Document, Passage
from icpolicy.text.normalize import TAIL

PID_BITS = 21
CHAR_BITS = 21  # a code point fits in 21 bits; a bigram key is first << CHAR_BITS | second
MAX_PASSAGES = (1 << PID_BITS) - 1  # passages in one segment (ids share a uint64 with the bigram)
_PID_MASK = np.uint64((1 << PID_BITS) - 1)
SEPARATOR = "\n"
SEGMENT_FILES = {"meta.json": None, "*.npy": None, "*.bin": None}  # what a segment folder holds (engine/folder.py layout)


@dataclass(frozen=True)
class Prepared:
    """Consecutive passages of one document, encoded in a worker process.

    `pairs` are sorted distinct (bigram << 21 | k) for passage k of this run; `offsets` the
    byte offset of each passage in `norm`; `words` the byte offsets where jieba words start.
    `ends` says the document ends with this run (more runs follow for large files).
    """

    passages: tuple[Passage, ...]
    norm: bytes
    offsets: np.ndarray
    pairs: np.ndarray
    words: np.ndarray
    ends: bool


def term_keys(norm: str) -> list[int]:
    """The distinct bigram keys of a normalised term's first TAIL + 1 characters: every passage
    where the term starts owns all of them (a one-character term has none; see Segment.postings_from)."""
    start = norm[: TAIL + 1]
    return list({(ord(a) << CHAR_BITS) | ord(b) for a, b in zip(start, start[1:])})


def _utf8_offsets(codes: np.ndarray) -> np.ndarray:
    """Byte offset in UTF-8 of every character boundary (len(codes) + 1 values)."""
    sizes = 1 + (codes >= 0x80).astype(np.int64) + (codes >= 0x800) + (codes >= 0x10000)
    out = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=out[1:])
    return out


def prepare(passages, norm_texts: list[str], word_lists: list[list[str]], next_norm: str | None = None) -> Prepared:
    """Encode consecutive passages of a document (runs in the worker).

    next_norm: the normalised text that follows in the same document when it comes in a later
    run (large files); None when the document ends here.
    """
    joined = "".join(norm_texts)
    follow = SEPARATOR if next_norm is None else next_norm[:TAIL]
    full = joined + follow
    codes = np.frombuffer(full.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    char_starts = np.zeros(len(norm_texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in norm_texts], out=char_starts[1:])
    n = len(norm_texts)
    bigrams = (codes[:-1] << np.uint64(CHAR_BITS)) | codes[1:] if len(codes) > 1 else np.zeros(0, np.uint64)
    # passage k owns the bigrams starting in [start_k, end_k + TAIL), within what is known
    upper = np.minimum(char_starts[1:] + TAIL, len(bigrams))
    lengths = np.maximum(upper - char_starts[:-1], 0)
    if lengths.sum():
        owner = np.repeat(np.arange(n, dtype=np.uint64), lengths)
        run_start = np.repeat(np.cumsum(lengths) - lengths, lengths)
        position = np.arange(lengths.sum()) - run_start + np.repeat(char_starts[:-1], lengths)
        pairs = np.unique((bigrams[position] << np.uint64(PID_BITS)) | owner)
    else:
        pairs = np.zeros(0, np.uint64)
    byte_at = _utf8_offsets(codes[: len(joined)])
    word_starts = []
    for k, (norm, words) in enumerate(zip(norm_texts, word_lists)):
        if sum(map(len, words)) != len(norm):
            continue  # words must tile the passage; otherwise it simply gets no whole-word boost
        at = char_starts[k]
        for word in words:
            word_starts.append(at)
            at += len(word)
    return Prepared(
        passages=tuple(passages),
        norm=joined.encode("utf-8") + (SEPARATOR.encode() if next_norm is None else b""),
        offsets=byte_at[char_starts[:-1]],
        pairs=pairs,
        words=byte_at[np.array(word_starts, dtype=np.int64)] if word_starts else np.zeros(0, np.int64),
        ends=next_norm is None,
    )


def doc_facts(document: Document) -> dict:
    """What a segment records about a document part (everything but its passages)."""
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
    }


class _Interner:
    def __init__(self):
        self.ids: dict[tuple, int] = {}

    def __call__(self, value: tuple) -> int:
        return self.ids.setdefault(tuple(value), len(self.ids))

    def table(self) -> list[list]:
        return [list(v) for v in self.ids]


class SegmentBuilder:
    """Accumulates passages in memory and writes them as one segment folder."""

    def __init__(self):
        self.docs: list[dict] = []
        self.cols: list[np.ndarray] = []
        self.passages = 0
        self.norm: list[bytes] = []
        self.norm_size = 0
        self.noff: list[np.ndarray] = []
        self.text: list[bytes] = []
        self.text_size = 0
        self.toff: list[np.ndarray] = []
        self.pairs: list[np.ndarray] = []
        self.words: list[np.ndarray] = []
        self.regions, self.years, self.segments = _Interner(), _Interner(), _Interner()
        self._open_doc: str | None = None  # source of a document whose runs are still arriving

    @property
    def size(self) -> int:
        return self.norm_size

    def add(self, document: Document, prepared: Prepared) -> None:
        """Append a run of a document's passages (a whole document, or one run of a large one)."""
        if self._open_doc != document.source:
            self.docs.append({**doc_facts(document), "first": self.passages, "count": 0, "doc_segments": []})
        part = len(self.docs) - 1
        facts = self.docs[part]
        facts["count"] += len(prepared.passages)
        facts["doc_segments"] = sorted(set(facts["doc_segments"]).union(*(p.segments for p in prepared.passages)))
        self._open_doc = None if prepared.ends else document.source
        base = self.passages
        rows = [(part, p.ordinal, self.regions(p.region.path), self.years(p.years), self.segments(p.segments)) for p in prepared.passages]
        self.cols.append(np.array(rows, dtype=np.uint32).reshape(len(rows), 5))
        encoded = [p.text.encode("utf-8") for p in prepared.passages]
        sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        self.toff.append(np.cumsum(sizes) - sizes + self.text_size)
        self.text.extend(encoded)
        self.text_size += int(sizes.sum())
        self.noff.append(prepared.offsets + self.norm_size)
        self.words.append(prepared.words + self.norm_size)
        self.norm.append(prepared.norm)
        self.norm_size += len(prepared.norm)
        self.pairs.append(prepared.pairs + np.uint64(base))
        self.passages += len(prepared.passages)

    def write(self, folder: Path) -> dict:
        """Write the segment (via a temporary folder renamed into place); returns its manifest entry."""
        if self._open_doc is not None:  # a large document continues in the next segment
            self.norm.append(SEPARATOR.encode())
            self.norm_size += 1
            self._open_doc = None
        tmp = folder.with_name(folder.name + ".tmp")
        if tmp.exists():  # left by a crash; removed only when it holds nothing but segment files
            from icpolicy.engine import folder as owned

            owned.remove(tmp, {tmp.name: SEGMENT_FILES})
        tmp.mkdir(parents=True)
        n = self.passages
        meta = {"passages": n, "docs": self.docs, "regions": self.regions.table(), "years": self.years.table(), "segments": self.segments.table()}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "cols.npy", np.concatenate(self.cols) if self.cols else np.zeros((0, 5), np.uint32))
        _write_bytes(tmp / "norm.bin", self.norm)
        np.save(tmp / "noff.npy", np.concatenate(self.noff + [np.array([self.norm_size])]).astype(np.int64))
        _write_bytes(tmp / "text.bin", self.text)
        np.save(tmp / "toff.npy", np.concatenate(self.toff + [np.array([self.text_size])]).astype(np.int64))
        pairs = np.concatenate(self.pairs) if self.pairs else np.zeros(0, np.uint64)
        self.pairs = []
        pairs.sort()  # in place: the pairs are the largest thing in memory
        _write_postings(tmp, pairs)
        del pairs
        bits = np.zeros(self.norm_size + 1, dtype=bool)
        for offsets in self.words + self.noff:
            bits[offsets] = True
        bits[self.norm_size] = True
        np.save(tmp / "words.npy", np.packbits(bits))
        _fsync_folder(tmp)
        from icpolicy.engine import checks

        files = checks.record(tmp)  # sizes and checksums, verified when the segment is opened
        os.replace(tmp, folder)
        return {"name": folder.name, "passages": n, "bytes": self.norm_size, "files": files}


def _write_bytes(path: Path, parts: list[bytes]) -> None:
    with open(path, "wb") as fh:
        for part in parts:
            fh.write(part)


def _write_postings(folder: Path, pairs: np.ndarray) -> None:
    """keys / kofs / pids from sorted (bigram << 21 | passage) pairs, without a second full copy."""
    np.save(folder / "pids.npy", (pairs & _PID_MASK).astype(np.uint32))
    if len(pairs):
        pairs >>= np.uint64(PID_BITS)  # in place: now the bigram of each pair
        starts = np.flatnonzero(pairs[1:] != pairs[:-1]) + 1
        starts = np.concatenate(([0], starts))
    else:
        starts = np.zeros(0, np.int64)
    np.save(folder / "keys.npy", pairs[starts])
    np.save(folder / "kofs.npy", np.append(starts, len(pairs)).astype(np.int64))


def _fsync_folder(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


class Segment:
    """A segment opened for reading: arrays are memory-mapped, nothing is read until used."""

    def __init__(self, folder: Path, deleted: list[int] = ()):
        self.folder = folder
        self.name = folder.name
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.docs: list[dict] = self.meta["docs"]
        self.n = self.meta["passages"]
        self.cols = np.load(folder / "cols.npy", mmap_mode="r") if self.n else np.zeros((0, 5), np.uint32)
        self.noff = np.load(folder / "noff.npy", mmap_mode="r")
        self.toff = np.load(folder / "toff.npy", mmap_mode="r")
        self.keys = np.load(folder / "keys.npy", mmap_mode="r") if self.n else np.zeros(0, np.uint64)
        self.kofs = np.load(folder / "kofs.npy", mmap_mode="r")
        self.pids = np.load(folder / "pids.npy", mmap_mode="r") if self.n else np.zeros(0, np.uint32)
        self.norm = _map(folder / "norm.bin")
        self.text = _map(folder / "text.bin")
        self._words = None
        self.deleted = set(deleted)
        doc_col = np.asarray(self.cols[:, 0])
        self.live = ~np.isin(doc_col, np.array(sorted(self.deleted), dtype=np.uint32)) if self.deleted else np.ones(self.n, bool)
        self.doc_col = doc_col

    @property
    def words(self) -> np.ndarray:
        if self._words is None:
            self._words = np.load(self.folder / "words.npy", mmap_mode="r")
        return self._words

    def postings(self, key: int) -> np.ndarray:
        """The passages holding a bigram (sorted)."""
        i = int(np.searchsorted(self.keys, np.uint64(key)))
        if i < len(self.keys) and int(self.keys[i]) == key:
            return np.asarray(self.pids[self.kofs[i] : self.kofs[i + 1]])
        return np.zeros(0, np.uint32)

    def postings_from(self, first: int) -> np.ndarray:
        """The passages holding any bigram that starts with the character `first` (one-character terms)."""
        lo = int(np.searchsorted(self.keys, np.uint64(first << CHAR_BITS)))
        hi = int(np.searchsorted(self.keys, np.uint64((first + 1) << CHAR_BITS)))
        if lo == hi:
            return np.zeros(0, np.uint32)
        return np.unique(np.asarray(self.pids[self.kofs[lo] : self.kofs[hi]]))

    def passage_text(self, pid: int) -> str:
        return self.text[int(self.toff[pid]) : int(self.toff[pid + 1])].decode("utf-8")

    def passage_norm(self, pid: int) -> str:
        return self.norm[int(self.noff[pid]) : int(self.noff[pid + 1])].decode("utf-8").rstrip(SEPARATOR)

    def is_word_start(self, offsets: np.ndarray) -> np.ndarray:
        """Whether a jieba word starts (or the passage ends) at each byte offset of norm.bin."""
        words = self.words
        return ((words[offsets >> 3] >> (7 - (offsets & 7)).astype(np.uint8)) & 1).astype(bool)

    def close(self) -> None:
        for mapped in (self.norm, self.text):
            if isinstance(mapped, mmap.mmap):
                mapped.close()


def _map(path: Path):
    """A read-only map of a file (bytes for an empty one, which mmap refuses)."""
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return b""
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def merge(segments: list[Segment], folder: Path) -> dict:
    """Write the live documents of several segments as one new segment; returns its manifest entry.

    Postings are merged, not rebuilt: each segment's (bigram, passage) pairs are renumbered
    into the new passage ids and sorted once.
    """
    builder = SegmentBuilder()
    for segment in segments:
        if not segment.live.any():
            continue
        remap = [np.array([intern(tuple(v)) for v in segment.meta[name]] or [0], dtype=np.uint32)
                 for intern, name in ((builder.regions, "regions"), (builder.years, "years"), (builder.segments, "segments"))]
        new_id = np.full(segment.n, -1, dtype=np.int64)
        bits = np.unpackbits(np.asarray(segment.words))
        for part, facts in enumerate(segment.docs):
            first, count = facts["first"], facts["count"]
            if part in segment.deleted or not count:
                continue
            new_id[first : first + count] = np.arange(count) + builder.passages
            builder.docs.append({**facts, "first": builder.passages})
            cols = np.array(segment.cols[first : first + count])
            cols[:, 0] = len(builder.docs) - 1
            for column, table in zip((2, 3, 4), remap):
                cols[:, column] = table[cols[:, column]]
            builder.cols.append(cols)
            lo, hi = int(segment.noff[first]), int(segment.noff[first + count])
            shift = builder.norm_size - lo
            builder.noff.append(np.asarray(segment.noff[first : first + count]) + shift)
            builder.words.append(np.flatnonzero(bits[lo:hi]) + lo + shift)
            builder.norm.append(segment.norm[lo:hi])
            builder.norm_size += hi - lo
            tlo, thi = int(segment.toff[first]), int(segment.toff[first + count])
            builder.toff.append(np.asarray(segment.toff[first : first + count]) - tlo + builder.text_size)
            builder.text.append(segment.text[tlo:thi])
            builder.text_size += thi - tlo
            builder.passages += count
        owners = np.repeat(np.asarray(segment.keys), np.diff(np.asarray(segment.kofs)))
        targets = new_id[np.asarray(segment.pids)]
        alive = targets >= 0
        builder.pairs.append((owners[alive] << np.uint64(PID_BITS)) | targets[alive].astype(np.uint64))
    return builder.write(folder)

"""Incremental decoders for a file read in blocks (pipeline/stream.py), and the warnings the
decoders and readers/encoding.py give about the bytes they had to guess at.

- StrayDecoder: any encoding; a few stray bytes read as U+FFFD, with a warning.
- LineDecoder: UTF-8, a line at a time where the bytes are not UTF-8: a line pasted in from a GBK
  file (its bytes Chinese in GB18030) is read as GB18030, other bad bytes are stray bytes.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from icpolicy.readers import legacy_cjk

# GBK bytes read as UTF-8 -> invalid; UTF-8 read as GBK gives these tell-tale sequences.
MOJIBAKE = re.compile(r"[鍙鐨鏄杩涓嶆湁浠庡彂鎴绛涔鍒鍏鏈]{2}|Ã.|â€|锟斤拷")

STRAY_BYTES = 8  # at most this many bytes may not fit the encoding
MIXED = "utf-8+gb18030"  # the encoding of a UTF-8 file with a few lines pasted in GB18030
PASTED_LINES, PASTED_SHARE = 3, 0.05  # at most this many such lines, or this share of the file's lines
HOLD_BYTES = 1 << 20  # a streamed line longer than this is decoded in pieces, cut before a character
PASTED_HANZI = 0.5  # of a pasted line's non-ASCII characters, read as GB18030, this share are common hanzi or CJK punctuation


def incremental_decoder(path: Path, name: str):
    """The block-by-block decoder for a streamed file of that encoding (decode() named it)."""
    return LineDecoder(path) if name in ("utf-8", MIXED) else StrayDecoder(path, name)


class LineDecoder:
    """An incremental UTF-8 decoder, a line at a time where the bytes are not UTF-8: a line that
    reads as Chinese in GB18030 (pasted from a GBK file) is read so, with one warning for the file;
    other bad bytes are stray bytes, as StrayDecoder reads them.  More than STRAY_BYTES stray bytes,
    or more pasted lines than PASTED_LINES / PASTED_SHARE allow by the end, raise UnicodeDecodeError."""

    def __init__(self, path: Path, warn: bool = True):
        self.path, self.warn = path, warn
        self.held = b""  # the bytes after the last line end, not decoded yet
        self.lines = 0
        self.consumed = 0  # file offset of the first byte of self.held
        self.pasted: list[int] = []  # line numbers (from 1) read as GB18030
        self.pasted_chars = 0  # the non-ASCII characters of those lines
        self.strays: list[int] = []  # file offsets of stray bytes

    def decode(self, block: bytes, final: bool = False) -> str:
        """The text of the whole lines in held bytes plus block (of all of them when final)."""
        data = self.held + block
        end = len(data) if final else data.rfind(b"\n") + 1
        if not end and len(data) > HOLD_BYTES:  # a line without end: not held whole (memory stays bounded)
            end = next((i for i in range(len(data) - 1, max(0, len(data) - 4) - 1, -1) if not 0x80 <= data[i] < 0xC0), len(data))
        self.held = data[end:]
        whole = data[:end]
        try:
            text = whole.decode("utf-8")
            self.lines += whole.count(b"\n")
            self.consumed += end
        except UnicodeDecodeError:
            text = "".join(self._line(line) for line in whole.splitlines(keepends=True))
        if final and len(self.pasted) > max(PASTED_LINES, PASTED_SHARE * max(self.lines, 1)):
            raise UnicodeDecodeError("utf-8", whole, 0, len(whole), f"{len(self.pasted)} lines are not UTF-8")
        return text

    def _line(self, raw: bytes) -> str:
        self.lines += raw.endswith((b"\n", b"\r"))
        start, self.consumed = self.consumed, self.consumed + len(raw)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        text = _pasted(raw)
        if text is not None:
            self.pasted.append(self.lines + (not raw.endswith((b"\n", b"\r"))))
            self.pasted_chars += _non_ascii(text)
            if self.warn:
                warn_pasted(self.path, self.pasted)
            return text
        pieces, at = [], 0
        while True:
            try:
                pieces.append(raw[at:].decode("utf-8"))
                return "".join(pieces)
            except UnicodeDecodeError as exc:
                bad = range(at + exc.start, at + exc.end)
                self.strays.extend(start + i for i in bad)
                if len(self.strays) > STRAY_BYTES:
                    raise
                pieces.append(raw[at : bad.start].decode("utf-8") + "\ufffd")
                if self.warn:
                    warn_stray(self.path, "utf-8", [start + i for i in bad])
                at = bad.stop


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _pasted(raw: bytes) -> str | None:
    """A line's text when its bytes read as Chinese in GB18030, else None."""
    try:
        text = raw.decode(legacy_cjk.GB)
    except UnicodeDecodeError:
        return None
    if _non_ascii(text) < 2 or MOJIBAKE.search(text):
        return None
    return text if legacy_cjk.score(text) >= PASTED_HANZI else None


_warned: dict[str, set[int]] = {}


def warn_stray(path: Path, name: str, offsets: list[int], how: str = "read with \ufffd in their place") -> None:
    """One warning line for stray bytes, each offset of a file named once (a streamed file's
    first megabyte is decoded more than once)."""
    seen = _warned.setdefault(str(path), set())
    fresh = [offset for offset in offsets if offset not in seen]
    if not fresh:
        return
    seen.update(fresh)
    if len(_warned) > 1000:
        _warned.clear()
    shown = ", ".join(map(str, fresh[:5])) + (f" and {len(fresh) - 5} more" if len(fresh) > 5 else "")
    logging.getLogger("icpolicy.readers").warning(
        "%s: %d byte(s) not %s at offset %s; %s", path, len(fresh), name, shown, how)


class StrayDecoder:
    """An incremental decoder (for a file read in blocks) that reads a few stray bytes as U+FFFD,
    with the same warning and the same limit (STRAY_BYTES) as decode(); more raise
    UnicodeDecodeError, as a strict decoder does."""

    def __init__(self, path: Path, name: str):
        self.path, self.name = path, name
        self.decoder = codecs.getincrementaldecoder(name)()
        self.consumed = 0  # file offset of the first byte the decoder has not turned into text
        self.offsets: list[int] = []

    def decode(self, block: bytes, final: bool = False) -> str:
        """The text of block (and of a character's bytes held back from the block before)."""
        data = self.decoder.getstate()[0] + block
        self.decoder.reset()
        pieces: list[str] = []
        at = 0
        while True:
            try:
                pieces.append(self.decoder.decode(data[at:], final))
                break
            except UnicodeDecodeError as exc:
                bad = range(at + exc.start, at + exc.end)
                self.offsets.extend(self.consumed + i for i in bad)
                if len(self.offsets) > STRAY_BYTES:
                    raise
                self.decoder.reset()
                pieces.append(data[at : bad.start].decode(self.name) + "\ufffd")
                warn_stray(self.path, self.name, [self.consumed + i for i in bad])
                at = bad.stop
        self.consumed += len(data) - len(self.decoder.getstate()[0])
        return "".join(pieces)


_warned_pasted: set[str] = set()


def warn_pasted(path: Path, lines: list[int]) -> None:
    """One warning a file: its lines read as GB18030 (a streamed file's first megabyte is decoded twice)."""
    if str(path) in _warned_pasted:
        return
    if len(_warned_pasted) > 1000:
        _warned_pasted.clear()
    _warned_pasted.add(str(path))
    shown = ", ".join(map(str, lines[:5])) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    logging.getLogger("icpolicy.readers").warning(
        "%s: line %s not UTF-8 like the rest of the file; read as GB18030 (pasted from a GBK file?)", path, shown)

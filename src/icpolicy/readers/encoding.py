"""Bytes to text: BOMs, declared charsets, UTF-16 without a BOM, GB18030 or Big5, and a mojibake check.

A UTF-8 file with a line or two pasted in from a GBK file (bytes that are not UTF-8, but Chinese in
GB18030) stays UTF-8: those lines alone are read as GB18030, with one warning naming the file
(readers/decoders.py LineDecoder, for a file read whole and for one streamed alike)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.readers import legacy_cjk
from icpolicy.readers.decoders import MIXED, MOJIBAKE, STRAY_BYTES, LineDecoder, warn_pasted, warn_stray

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
# private-use characters: what GB18030 makes of Big5 punctuation and of random bytes; a real
# document has a few at most (icon-font glyphs in a web page)
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def decode(path: Path, data: bytes, declared: str = "", stray: bool = True) -> tuple[str, str]:
    """Return (text, encoding name) for bytes, or raise ExtractionError naming why not.

    stray=False: a few stray bytes (read as U+FFFD, with a warning) are not accepted either; for
    a sample cut from a longer file, whose last character may be cut in two (pipeline/stream.py)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise ExtractionError(str(path), f"undecodable bytes (starts with a {name} BOM but is not {name})") from None
    candidates = []
    if declared:
        candidates.append(_canonical(declared))
    candidates.append("utf-8")
    utf16 = _utf16_order(data)
    if utf16:
        candidates.insert(0, utf16)
    elif b"\x00" in data[:8192]:
        raise ExtractionError(str(path), "not a text file (binary content)")
    if not _valid_utf8(data[: legacy_cjk.SAMPLE_BYTES]):
        candidates.extend(legacy_cjk.order(data))
    else:
        candidates.append(legacy_cjk.GB)
    for name in dict.fromkeys(candidates):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible(text):
            return text, name
    if "utf-8" in candidates:
        found = _with_pasted_lines(path, data, stray)
        if found is not None:
            return found, MIXED
    for name in dict.fromkeys(candidates if stray else ()):
        found = _nearly(data, name)
        if found:
            text, offsets, skipped = found
            warn_stray(path, name, [offset for offset in offsets if offset not in skipped])
            warn_stray(path, name, skipped, "skipped (a byte slipped inside a character)")
            return text, name
    return _detect(path, data)


STRAY_SHARE = 0.002  # ... and at most this share of a file's bytes (decoders.STRAY_BYTES) may not fit the encoding
STRAY_LEAST = 3  # ... or this many, in a short file (one stray byte can put the next two out of step)


def _nearly(data: bytes, name: str) -> tuple[str, list[int], list[int]] | None:
    """(text, offsets of the bad bytes, those of them skipped rather than read as U+FFFD) when the encoding fits all but a few stray bytes, else None.

    A file cut in the middle of a character, one 0xFF in GBK, a trailing non-breaking space
    saved as Latin-1: one bad byte should not lose a whole document.  Real binaries have
    bad bytes everywhere and stay refused, as does text the decoding turns into mojibake.

    A byte slipped in after a character's first byte (`\\xbd\\xff\\xf0`) is read as a stray byte
    of its own, not as the end of a cut character: the character before it is kept, and the
    characters after it are not read one byte out of step (_slipped_in); the stray byte is
    skipped, so that the character reads whole, as it was typed."""
    offsets: list[int] = []
    skipped: list[int] = []
    pieces: list[str] = []
    position = 0
    while True:
        try:
            pieces.append(data[position:].decode(name))
            break
        except LookupError:
            return None
        except UnicodeDecodeError as exc:
            bad = range(position + exc.start, position + exc.end)
            head = data[position : bad.start].decode(name)
            slipped = _slipped_in(data, bad, name)
            if slipped:
                offsets.append(bad.stop)
                skipped.append(bad.stop)
                pieces.append(head + slipped)
                position = bad.stop + 2  # past the stray byte and the character's second byte
            else:
                offsets.extend(bad)
                pieces.append(head + "\ufffd")
                position = bad.stop
            if len(offsets) > STRAY_BYTES:
                return None
    text = "".join(pieces)
    if not offsets or len(offsets) > max(STRAY_LEAST, STRAY_SHARE * len(data)) or not plausible(text):
        return None
    return text, offsets, skipped


RESYNC_BYTES = 48  # how far past a bad byte the two readings of it are compared


def _slipped_in(data: bytes, bad: range, name: str) -> str:
    """The character a multi-byte encoding's bad first byte begins when the byte after it is a
    stray one slipped in (the first byte and the byte after the stray read as one two-byte
    character, and the bytes after them read better so than when the first byte is dropped); else ''."""
    after = bad.stop
    if len(bad) != 1 or after + 1 >= len(data) or data[after] < 0x80:
        return ""
    decoder = codecs.getincrementaldecoder(name)
    mended = data[bad.start : after] + data[after + 1 : after + 1 + RESYNC_BYTES]
    dropped = data[after : after + RESYNC_BYTES]
    try:
        first = decoder().decode(mended[:2], final=True)
    except UnicodeDecodeError:
        return ""
    if len(first) != 1 or legacy_cjk.score(first) < 1:
        return ""
    return first if _reads(mended, decoder) > _reads(dropped, decoder) else ""


def _reads(sample: bytes, decoder) -> float:
    """How well bytes read: common characters less ten for each byte that does not fit."""
    text = decoder("replace").decode(sample, final=False)
    return legacy_cjk.score(text) * len(text) - 10 * text.count("\ufffd")


def _with_pasted_lines(path: Path, data: bytes, stray: bool) -> str | None:
    """The text of a UTF-8 file with a few lines in GB18030 (and with stray bytes only if stray), else None.
    Most of its Chinese must be UTF-8: a GBK file with a damaged line is not one."""
    decoder = LineDecoder(path, warn=False)
    try:
        text = decoder.decode(data, final=True)
    except UnicodeDecodeError:
        return None
    if not decoder.pasted or (decoder.strays and not stray) or not plausible(text):
        return None
    if len(text) - len(text.encode("ascii", "ignore")) < 2 * decoder.pasted_chars:
        return None  # not a UTF-8 file with a line pasted in: as much of its Chinese is GB18030 as UTF-8
    warn_pasted(path, decoder.pasted)
    if decoder.strays:
        warn_stray(path, "utf-8", decoder.strays)
    return text


def _canonical(name: str) -> str:
    name = name.strip().lower()
    if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn"}:
        return legacy_cjk.GB
    if name in {"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"}:
        return legacy_cjk.BIG5  # what the web means by the label: Big5 with the HKSCS additions
    return name


def _utf16_order(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' for text that looks like UTF-16 without a BOM, else ''.

    Latin text in UTF-16 is half zero bytes.  Chinese text has few (only its ASCII digits,
    punctuation and line ends give any), so it is recognised by its code units instead: read
    in the right byte order nearly all of them are hanzi, CJK or full-width punctuation or
    ASCII, in the wrong order few are.  Bytes that are valid UTF-8 are never taken for UTF-16
    (ASCII pairs read as UTF-16 fall in the hanzi range).
    """
    sample = data[:8192]
    if len(sample) < 4:
        return ""
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    if max(odd_zero, even_zero) > 0.3 and min(odd_zero, even_zero) < 0.05:
        return "utf-16-le" if odd_zero > even_zero else "utf-16-be"
    if _valid_utf8(sample):
        return ""
    sample = sample[: len(sample) // 2 * 2]
    shares = {order: _chinese_share(sample.decode(order, errors="replace")) for order in ("utf-16-le", "utf-16-be")}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.8 and min(shares.values()) < 0.5 else ""


def _valid_utf8(sample: bytes) -> bool:

    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)  # a cut last character is fine
    except UnicodeDecodeError:
        return False
    return True


_CHINESE_UNITS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\r\n]")


def _chinese_share(text: str) -> float:
    """The share of characters that Chinese text is made of (hanzi, CJK and full-width punctuation, ASCII)."""
    if not text:
        return 0.0
    hanzi = len(_CJK.findall(text))
    if hanzi < len(text) * 0.3:
        return 0.0
    return len(_CHINESE_UNITS.findall(text)) / len(text)


def plausible(text: str) -> bool:
    """False when decoded text is full of control characters or reads as mojibake."""
    return not text or _plausible_sample(text[:20000])


@lru_cache(maxsize=4)  # a reader's decoding and garbled.check ask of the same text in turn
def _plausible_sample(sample: str) -> bool:
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 200):
        return False
    if len(_PRIVATE_USE.findall(sample)) > max(3, len(sample) // 50):
        return False
    cjk, common_hanzi, common_cjk = class_counts(sample)
    if cjk and MOJIBAKE_START.search(sample) and len(MOJIBAKE.findall(sample)) > max(2, cjk // 100):
        return False
    if cjk >= 30 and common_hanzi < 0.2 * cjk:
        return False  # real Chinese is mostly common characters; mojibake is mostly rare ones
    if cjk and common_cjk < 0.9 * cjk:
        return False
    return True


def class_counts(text: str) -> tuple[int, int, int]:
    """How many characters of text are CJK ideographs (_CJK), how many of those are common
    hanzi, and how many lie in U+4E00-U+9FA5.

    Without a regex match per run of them (the runs are short in Chinese text, a comma apart):
    the ranges are whole 256-character blocks, told by the high byte of each UTF-16 code unit,
    less the few characters of those blocks outside the class, which are rare and found by one
    scan; common hanzi are the ideographs less the rare ones, found the same way."""
    high = text.encode("utf-16-be", "surrogatepass")[::2]
    cjk = _in_blocks(high, 0x34, 0x9F) - len(_HEXAGRAMS.findall(text))
    return cjk, cjk - len(_rare_hanzi().findall(text)), _in_blocks(high, 0x4E, 0x9F) - len(_LATE_CJK.findall(text))


_HEXAGRAMS = re.compile(r"[\u4dc0-\u4dff]")  # in the blocks 0x34-0x9F, not in _CJK
_LATE_CJK = re.compile(r"[\u9fa6-\u9fff]")  # in the blocks 0x4E-0x9F, not in U+4E00-U+9FA5
MOJIBAKE_START = re.compile(r"[鍙鐨鏄杩涓嶆湁浠庡彂鎴绛涔鍒鍏鏈Ãâ锟]")  # a character every MOJIBAKE match holds


def _in_blocks(high: bytes, first: int, last: int) -> int:
    """How many of the high bytes lie in first..last."""
    return len(high) - len(high.translate(None, bytes(range(first, last + 1))))


@lru_cache(maxsize=1)
def _rare_hanzi() -> re.Pattern:
    """The characters _CJK counts that are not common hanzi: cjk less these is the common ones."""
    common = _common_hanzi()
    rare = [c for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)) for c in map(chr, range(lo, hi + 1)) if c not in common]
    return re.compile("[" + "".join(rare) + "]")


def _common_hanzi() -> frozenset[str]:
    """The common hanzi, simplified and traditional (legacy_cjk.common_hanzi)."""
    return legacy_cjk.common_hanzi()


def _detect(path: Path, data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        raise ExtractionError(str(path), "undecodable bytes (no known text encoding fits)")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ExtractionError(str(path), f"undecodable bytes (guessed {best.encoding}, which does not fit the whole file)") from None
    if not plausible(text):
        raise ExtractionError(str(path), f"undecodable bytes (best guess {best.encoding} gives mojibake)")
    return text, best.encoding

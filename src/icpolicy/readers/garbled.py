"""One check on the text every reader gives, whatever path made it (a decoded .txt, a page with a
wrong charset, LibreOffice's reading of an RTF or .doc): mojibake is repaired when it can be
undone exactly, and refused with the reason when it cannot.

UTF-8 read as Windows-1252 or Latin-1 (what Word and LibreOffice make of an RTF holding UTF-8
bytes, what a browser makes of a page that declares iso-8859-1): each Chinese character became
two to four Latin characters ("济宁" as "æµŽå®").  Their bytes in that code page are the UTF-8
bytes again, so a run of such characters that decodes as UTF-8 to CJK text is put back.  Real
Latin text never holds such a run: an accented letter is not followed by two C1 symbols.
"""

from __future__ import annotations

import re
from collections import Counter

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.readers.encoding import plausible

_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# a UTF-8 lead byte (0xC2-0xF4 in either code page) then one to three continuation bytes
# (0x80-0xBF); the five bytes cp1252 leaves undefined come out as C1 controls, or (LibreOffice)
# as a private-use character ending in the byte (U+F181 for 0x81)
_CONTINUATION = "\x80-\xbf\uf080-\uf0bf\uf180-\uf1bf" + _CP1252_HIGH
_RUN = re.compile(f"(?:[\xc2-\xf4][{_CONTINUATION}]{{1,3}})+")
_BYTE = {ch: ch.encode("cp1252")[0] for ch in _CP1252_HIGH}
MOJIBAKE_SHARE = 0.3  # of the non-ASCII characters, in runs that no decoding puts back: refused
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# pdfminer's mark for a glyph its font maps to no character: a few are dropped (a symbol), a text of mostly
# these has no text to read (fonts without a Unicode map: a copy-protected or badly made PDF)
_UNMAPPED = re.compile(r"\(cid:\d+\)")
UNMAPPED_SHARE = 0.2  # of the text's glyphs, such marks: refused
ONE_CHARACTER_SHARE = 0.3  # of its Chinese characters, one character: a font that maps every glyph to it (常常常…)
ONE_CHARACTER_SAMPLE = 2000  # characters read for that (such a font maps the whole text alike)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a text whose letters, in any script, are nearly all one letter (ｂｂｂｂ…: 20,000 bytes 0x82 read as Shift-JIS) is no text
DEGENERATE_LETTERS, DEGENERATE_SHARE = 200, 0.9
_NO_TEXT = "no text to read: its fonts map their glyphs to {} (a copy-protected or badly made PDF?); get a Word or text copy, or OCR it"
NO_MAP, ONE_CHARACTER = _NO_TEXT.format("no characters"), _NO_TEXT.format("one character")


def check(label: str, raw: RawText) -> RawText:
    """raw with UTF-8-as-Latin mojibake put back; ExtractionError when its text is still garbled."""
    (text, found), title = _repair(raw.text), repair(raw.title)
    sample = text[:20000]
    unmapped = _UNMAPPED.findall(text) if "(cid:" in text else []
    if unmapped:
        glyphs = len("".join(text.split())) - sum(map(len, unmapped)) + len(unmapped)  # a mark is one glyph
        if len(unmapped) > UNMAPPED_SHARE * glyphs:
            raise ExtractionError(label, NO_MAP)
        text, title = _UNMAPPED.sub("", text), _UNMAPPED.sub("", title)
        sample = text[:20000]
    han = _HAN.findall(sample[:ONE_CHARACTER_SAMPLE]) if raw.encoding == "pdf" else []  # (a PDF font's failing)
    if len(han) >= 40 and max(Counter(han).values()) > ONE_CHARACTER_SHARE * len(han):
        raise ExtractionError(label, ONE_CHARACTER)
    letters = [ch for ch in sample[:ONE_CHARACTER_SAMPLE] if ch.isalpha()]
    if len(letters) >= DEGENERATE_LETTERS and max(Counter(letters).values()) > DEGENERATE_SHARE * len(letters):
        raise ExtractionError(label, "garbled text (one character over and over: not a document's text, or bytes of no text encoding)")
    left = sum(len(run) for run in _RUN.findall(sample)) if found else 0  # no run anywhere: none in the sample either
    if left >= 6 and left > MOJIBAKE_SHARE * len(_NON_ASCII.findall(sample)):
        raise ExtractionError(label, "garbled text (UTF-8 read as a Western code page, and not all of it can be put back)")
    if not plausible(text):
        raise ExtractionError(label, "garbled text (its characters do not read as any language: wrong or mixed encoding, or damaged)")
    if text is raw.text and title is raw.title:
        return raw
    return RawText(text, raw.layout, title, raw.encoding, raw.hints)


def repair(text: str) -> str:
    """text with each run of UTF-8-read-as-Latin characters decoded back (the same object when none)."""
    return _repair(text)[0]


def _repair(text: str) -> tuple[str, bool]:
    """repair(text), and whether the text holds any such run at all (put back or not)."""
    runs = {run: _decoded(run) for run in _RUN.findall(text)}
    if not any(any(ord(ch) >= 0x2E80 for ch in decoded) for decoded in runs.values() if decoded):
        return text, bool(runs)  # no run is CJK: accented Latin (even "Ã©") is left as written
    return _RUN.sub(lambda match: runs[match.group()] or match.group(), text), True


def _decoded(run: str) -> str:
    """The UTF-8 text run's characters are the bytes of, or "" when they are not UTF-8."""
    try:
        return bytes(_BYTE.get(ch, ord(ch) & 0xFF) for ch in run).decode("utf-8")
    except UnicodeDecodeError:
        return ""

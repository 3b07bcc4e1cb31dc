"""Search normalisation: the one definition of "the same text" for index and query.

A character is normalised on its own: NFKC (full-width = half-width, Kangxi radicals =
ideographs), lower case, traditional -> simplified, and whitespace or zero-width marks
dropped.  Working per character keeps an exact map from every normalised character back
to the original one, which is what highlight spans are built from.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC's traditional -> simplified converter, loaded on first use."""
    import opencc

    return opencc.OpenCC("t2s")


CJK_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))  # the ideographs t2s applies to


def is_cjk(char: str) -> bool:
    """Whether char is a CJK unified (or compatibility) ideograph."""
    return any(lo <= char <= hi for lo, hi in CJK_RANGES)


def is_latin_letter(char: str) -> bool:
    """The Latin word boundary's one definition: a character whose search form is an ASCII letter."""
    norm = _TABLE[ord(char)] if char else ""
    return len(norm) == 1 and norm.isascii() and norm.isalpha()


def _step(char: str) -> str:
    """One pass for one character: NFKC, lower case, spaces dropped, traditional -> simplified."""
    if char.isspace() or char in _INVISIBLE:
        return ""
    out = unicodedata.normalize("NFKC", char).lower()
    parts = []
    for ch in out:  # NFKC may give several characters (㈾ -> (資)): each is converted
        if ch.isspace() or ch in _INVISIBLE:
            continue
        if is_cjk(ch):
            converted = _t2s().convert(ch)
            ch = converted if len(converted) == 1 else ch
        parts.append(ch)
    return "".join(parts)


def _normalise_char(char: str) -> str:
    # repeated to a fixed point, so normalise(normalise(x)) == normalise(x) (薴 -> 苧 -> 苎)
    out = _step(char)
    for _ in range(4):
        again = "".join(_step(ch) for ch in out)
        if again == out:
            break
        out = again
    return out


class _CharTable(dict):
    """A str.translate table that fills itself: one computation per distinct character."""

    def __missing__(self, code: int) -> str:
        value = _normalise_char(chr(code))
        self[code] = value
        return value


_TABLE = _CharTable()
# ASCII is the hot path for digits and Latin terms; fill it without touching OpenCC.
for _code in range(128):
    _TABLE[_code] = _normalise_char(chr(_code))


def normalise(text: str) -> str:
    """Return the search form of text (see module docstring)."""
    return text.translate(_TABLE)


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return the search form of text and, for each of its characters, the index in text."""
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        mapped = _TABLE[ord(char)]
        if mapped:
            parts.append(mapped)
            offsets.extend([index] * len(mapped))
    return "".join(parts), offsets


def occurrences(text: str, needle: str, tail: str = "", whole_latin: bool = False) -> list[tuple[int, int, int]]:
    """(start in the normalised text, start, end in text) of each occurrence of a normalised
    needle that starts in text; with `tail` (what follows text) it may run on into it, and its
    span is cut at the end of text.  whole_latin: only where no Latin letter touches it in
    text (a space is a boundary, so SiC stands alone in "SiC MOSFET" but not in "ASIC")."""
    norm, offsets = normalise_with_offsets(text + tail)
    found = []
    start = norm.find(needle) if needle else -1
    while start != -1 and offsets[start] < len(text):
        end = start + len(needle)
        first, last = offsets[start], offsets[end - 1]
        full = text + tail
        if not whole_latin or not ((first > 0 and is_latin_letter(full[first - 1])) or (last + 1 < len(full) and is_latin_letter(full[last + 1]))):
            found.append((start, first, min(len(text), last + 1)))
        start = norm.find(needle, start + 1)
    return found


def find_spans(text: str, needles: list[str], tail: str = "", latin: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Return merged [start, end) spans of text where any normalised needle occurs.

    With `tail` (the start of the next passage), a needle that starts in text and runs on
    into the tail counts too; its span is cut at the end of text.  Needles in `latin` count
    only as whole Latin words (see occurrences).
    """
    latin = {normalise(n) for n in latin}
    needles = [n for n in {normalise(n) for n in needles} if n]
    spans: list[tuple[int, int]] = []
    for needle in needles:
        spans += [(a, b) for _, a, b in occurrences(text, needle, tail, whole_latin=needle in latin)]
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


TAIL = 32  # normalised characters after a passage that it also indexes (engine/schema.py): terms run on into them

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


def _normalise_char(char: str) -> str:
    if char.isspace() or char in _INVISIBLE:
        return ""
    out = unicodedata.normalize("NFKC", char).lower()
    if any(ch.isspace() for ch in out):
        out = "".join(ch for ch in out if not ch.isspace())
    if len(out) == 1 and "\u3400" <= out <= "\u9fff":
        converted = _t2s().convert(out)
        if len(converted) == 1:
            out = converted
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


def find_spans(text: str, needles: list[str], tail: str = "") -> list[tuple[int, int]]:
    """Return merged [start, end) spans of text where any normalised needle occurs.

    With `tail` (the start of the next passage), a needle that starts in text and runs on
    into the tail counts too; its span is cut at the end of text.
    """
    needles = [n for n in {normalise(n) for n in needles} if n]
    if not needles:
        return []
    norm, offsets = normalise_with_offsets(text + tail)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = norm.find(needle)
        while start != -1 and offsets[start] < len(text):
            end = start + len(needle)
            spans.append((offsets[start], min(len(text), offsets[end - 1] + 1)))
            start = norm.find(needle, start + 1)
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


TAIL = 32  # characters after a passage whose bigrams it also owns (store.py): terms run on into them

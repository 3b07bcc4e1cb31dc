"""Words: jieba segmentation (rjieba, the Rust port of jieba: same dictionary, same algorithm)
with the domain dictionary in data/userdict.txt.

Used at ingest (word starts, for ranking whole-word matches) and by --fuzzy; never on the
plain query path.  rjieba segments ~20x faster than the Python jieba and loads in ~0.06 s;
its words are jieba's except that it keeps hyphenated Latin/digit runs (utf-8, 1-2) whole.
"""

from __future__ import annotations

import re


from icpolicy.text.normalize import is_cjk, normalise
from icpolicy.data import read_text

_segmenter = None


def _jieba():
    global _segmenter
    if _segmenter is None:
        import rjieba

        # rjieba loads its dictionary into a default segmenter at import (~0.1 s): that one is
        # taken rather than loading it a second time; nothing else in icpolicy uses it
        segmenter = getattr(getattr(rjieba, "cut", None), "__self__", None) or rjieba.Jieba()
        lines = read_text("userdict.txt").splitlines()
        for line in lines:
            parts = line.split()
            if parts and not parts[0].startswith("#"):
                segmenter.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
        _segmenter = segmenter
    return _segmenter


def cut(norm: str) -> list[str]:
    """jieba's words of already-normalised text; they tile it exactly."""
    return _jieba().cut(norm, True)


def tokenise(text: str) -> list[str]:
    """jieba's words of text, normalised, punctuation and spaces dropped."""
    return _words(_jieba(), text)


def _words(segmenter, text: str) -> list[str]:
    """segmenter's words of text, normalised, punctuation and spaces dropped."""
    out = []
    for word in segmenter.cut(text, True):
        norm = normalise(word)
        if norm and any(ch.isalnum() for ch in norm):
            out.append(norm)
    return out


_plain_segmenter = None


def fuzzy_words(text: str) -> list[str]:
    """The words a --fuzzy term may stand apart in: jieba's own dictionary's, without the domain words of
    userdict.txt that keep an industry term whole for ranking (先进封装测试: 先进, 封装, 测试; 第三代半导体:
    第三代, 半导体); normalised, punctuation and spaces dropped."""
    global _plain_segmenter
    if _plain_segmenter is None:
        import rjieba

        _plain_segmenter = rjieba.Jieba()  # (a segmenter of its own: the shared one holds the domain words)
    return _words(_plain_segmenter, text)


_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def word_across(before: str, after: str, shortest: int = 3) -> bool:
    """True when a dictionary word of `shortest` or more characters runs across the join of
    before and after (集成 | 电路, 半 | 导体): a break that cuts a word is inside a sentence."""
    head, tail = _CJK_SPACE.sub("", before[-12:])[-6:], after[:6]  # (a space between ideographs goes in cleaning: read without it)
    if not head or not tail:
        return False
    if not (any(map(is_cjk, before[-12:])) and any(map(is_cjk, after[:8]))):
        return False  # (156.23 | 114.82, a chart's figures a line each, are no word cut; 突破15 | 00亿元 is a number cut)
    start = 0
    for word in _jieba().cut(head + tail, False):
        end = start + len(word)
        if start < len(head) < end:
            return len(word) >= shortest
        start = end
    return False


def starts_inside_word(text: str, start: int, end: int) -> bool:
    """True when a dictionary word runs from before text[start:end] into it and stops inside it (面临高端: 面临 ends on
    临高's first character), read a few characters before it; a word that holds it whole (福建厦门) is no such word.
    (Only the start is read: a word out past the end, 大连篇 read as 大 | 连篇, is the name's suffix more often than not.)"""
    left = max(0, start - 4)
    at = left
    for word in _jieba().cut(text[left:end + 2], False):
        after = at + len(word)
        if at < start < after < end:
            return True
        if after > start:
            return False
        at = after
    return False


def last_word(text: str) -> str:
    """The dictionary word a text ends on (…合作区内的一家 -> 一家, …新动向 -> 动向)."""
    words = list(_jieba().cut(text[-8:], False)) if text else []
    return words[-1] if words else ""


def first_word(text: str) -> str:
    """The dictionary word a text starts with (同比增长… -> 同比)."""
    words = list(_jieba().cut(text[:8], False)) if text else []
    return words[0] if words else ""

"""A lead's letters and clauses: its text up to the first clause mark, the marks a round-up puts before a name (❶, 1️⃣,
▶), and whether its letters may name a place (1️⃣ 西·安).  Used by meta/sections.py and the section readers after it."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.meta import regions
from icpolicy.text.normalize import nfkc


def first_clause(text: str) -> str:
    """A paragraph's text up to its first clause mark."""
    return CLAUSE_MARK.split(nfkc(text[:80]).strip(), maxsplit=1)[0]


CLAUSE_MARK = re.compile("[，,。：:；;！？!?]")
# marks before a lead, whatever they are (❶, ①, 1️⃣, ▶▶, ✦): no letters, so no subject
MARKS = re.compile(r"(?:\d\ufe0f?\u20e3|[\u2460-\u24ff\u2776-\u2793\u3251-\u32bf]|[^\w\s《“‘\"'（(])+\s*")


class _NotLetters(dict):
    """str.translate's table deleting every character that is not a letter (what _letters keeps), filled as read."""

    def __missing__(self, code: int):
        self[code] = value = code if chr(code).isalpha() else None
        return value


@lru_cache(maxsize=1024)
def may_name(plain: str) -> bool:
    """Whether a lead may name a place: as written, or in its letters alone (a label line, 1️⃣ 西·安)."""
    gaz = regions.gazetteer()
    return gaz.may_name(plain) or gaz.may_name(plain.translate(_NOT_LETTERS))  # (the letters only when the line names none)


_NOT_LETTERS = _NotLetters()


def only_letters(text: str, limit: int = 1 << 30) -> str:
    """The letters of a line (Unicode category L*: _NotLetters), without the marks a round-up puts around a name (1️⃣,
    ▶, ：, 。); past `limit` letters it stops (a long line is no label)."""
    head = text[:limit + 1].translate(_NOT_LETTERS) if limit < len(text) else ""  # (a long line of letters: its head holds them)
    return head if len(head) > limit else text.translate(_NOT_LETTERS)[:limit + 1]

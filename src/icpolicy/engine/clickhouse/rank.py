"""What SQL cannot decide, done in Python on fetched rows as the embedded engine does it:
exact (overlapping) occurrence counts, Latin whole-word synonyms, same-sentence, fuzzy
closeness; and the same BM25 as the SQL ranking, for the rows the Python path ranks.

A row here is a dict with at least `norm` (own text + tail), `own` (own bytes) and `words`.
"""

from __future__ import annotations

import math

from icpolicy.engine import matching
from icpolicy.engine import query as ql
from icpolicy.engine.clickhouse.schema import WORD_SEP

WORD_BOOST = 1.0  # the embedded engine's: a whole-word occurrence doubles a term's weight
K1, B = 1.2, 0.4


def own_text(row: dict) -> tuple[str, str]:
    """(own normalised text, tail) of a row."""
    data = row["norm"].encode("utf-8")
    return data[: row["own"]].decode("utf-8"), data[row["own"]:].decode("utf-8")


def occurrences(needle: str, norm: str, own_chars: int, latin_word: bool = False, overlap: bool = True) -> list[int]:
    """Start offsets of needle in norm that lie in the own text: every one, or (overlap=False)
    those a left-to-right scan finds without overlap, as SQL's countSubstrings counts them."""
    found = []
    at = norm.find(needle)
    while at != -1 and at < own_chars:
        if not latin_word or _stands_alone(norm, at, len(needle)):
            found.append(at)
            at = norm.find(needle, at + (1 if overlap else len(needle)))
        else:
            at = norm.find(needle, at + 1)
    return found


def _stands_alone(norm: str, at: int, size: int) -> bool:
    before = norm[at - 1] if at > 0 else ""
    after = norm[at + size] if at + size < len(norm) else ""
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def term_holds(term: ql.Term, norm: str, own_chars: int) -> bool:
    """Whether a term matches a passage (starting in its own text)."""
    if term.words:
        return all(occurrences(w, norm, own_chars) for w in term.words)
    if term.forms:
        return any(occurrences(f, norm, own_chars, f != term.norm and f.isascii()) for f in term.forms)
    return bool(occurrences(term.norm, norm, own_chars))


def tree_holds(node, norm: str, own_chars: int) -> bool:
    """The query tree decided exactly on one passage."""
    if isinstance(node, ql.Term):
        return term_holds(node, norm, own_chars)
    if isinstance(node, ql.And):
        return all(tree_holds(item, norm, own_chars) for item in node.items)
    if isinstance(node, ql.Or):
        return any(tree_holds(item, norm, own_chars) for item in node.items)
    if isinstance(node, ql.Not):
        return not tree_holds(node.item, norm, own_chars)
    raise TypeError(node)


def in_one_sentence(tree, text: str) -> bool:
    """同句, by the embedded engine's own rule."""
    return matching.in_one_sentence(tree, text)


def counts(terms: list[ql.Term], row: dict) -> list[tuple[int, bool]]:
    """(occurrences, whole-word) of each positive term in a row: the numbers BM25 needs.

    Occurrences are counted without overlap, as SQL's countSubstrings does, so that the SQL
    ranking and this one give the same score.  Whole-word is the embedded index's rule: one of the term's strings (two characters or
    more) is a jieba word of the passage (the row's `words`)."""
    norm = row["norm"]
    own_chars = len(own_text(row)[0])
    words = row["words"]  # each word between WORD_SEP characters (schema.py)
    out = []
    for term in terms:
        tf, whole = 0, False
        for needle in term.needles():
            latin = bool(term.forms) and needle != term.norm and needle.isascii()
            found = occurrences(needle, norm, own_chars, latin, overlap=False)
            tf += len(found)
            whole = whole or (len(needle) > 1 and f"{WORD_SEP}{needle}{WORD_SEP}" in words)
        out.append((tf, whole))
    return out


def length(row: dict) -> int:
    """A passage's length for BM25: its own bytes, plus the separator byte that ends a
    document in the embedded index's text store (the last passage has no tail)."""
    return row["own"] + (len(row["norm"].encode("utf-8")) == row["own"])


def idf(df: int, total: int) -> float:
    """BM25 idf over the matching passages, as the embedded engine computes it."""
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def bm25(weights: list[float], term_counts: list[tuple[int, bool]], length: float, boost: bool = True) -> float:
    """Score of one passage: length is its own bytes over the average."""
    score = 0.0
    for w, (tf, whole) in zip(weights, term_counts):
        score += w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length)) * (1 + WORD_BOOST * (whole and boost))
    return score


def closeness(terms: list[ql.Term], row: dict) -> float:
    """Fuzzy ranking: a term's words close together score higher (the embedded engine's rule)."""
    own, _ = own_text(row)
    gaps = sum(matching.window(t.words, own) for t in terms if t.words)
    return 1.0 / (1.0 + 0.05 * gaps)

"""同句 hits shown by sentence: which sentences of a passage satisfy the query on their own (pure)."""

from __future__ import annotations

from icpolicy.engine.matching import satisfying_sentences
from icpolicy.text.passages import split_sentences


def satisfying(tree, text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a 同句 hit's text that satisfies the query tree on its own
    (engine/matching.satisfying_sentences, the judge of 同句).  When none does, the hit's satisfying sentence is
    its last, running on into the next passage (a term across the passage break): that one."""
    found = list(satisfying_sentences(tree, text))
    if found:
        return found
    last = split_sentences(text)[-1:] if text else []
    return [(len(text) - len(last[0]), len(text))] if last else []


def within(spans: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(span, the range it starts in) for each span that starts in one of the ranges, in order."""
    return [((start, end), r) for start, end in spans for r in ranges if r[0] <= start < r[1]]

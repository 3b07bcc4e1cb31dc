"""同句 hits shown by sentence: which sentences of a passage satisfy the query on their own (pure)."""

from __future__ import annotations

from itertools import accumulate

from icpolicy.engine.translate import accepts
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences


def satisfying(tree, text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a 同句 hit's text that satisfies the query tree on its own, as
    engine/matching.in_one_sentence judges a sentence.  When none does, the hit's satisfying sentence is its
    last, running on into the next passage (a term across the passage break): that one."""
    sentences = split_sentences(text)
    ends = list(accumulate(len(s) for s in sentences))
    ranges = [(end - len(s), end) for s, end in zip(sentences, ends)]
    found = [r for r, s in zip(ranges, sentences) if accepts(tree, s, normalise(s), "")]
    return found or ranges[-1:]


def within(spans: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(span, the range it starts in) for each span that starts in one of the ranges, in order."""
    return [((start, end), r) for start, end in spans for r in ranges if r[0] <= start < r[1]]

"""Matching beyond the index: a query tree evaluated against text, per sentence or per document,
and proximity for fuzzy terms.  Pure functions."""

from __future__ import annotations

from icpolicy.text.normalize import is_latin_letter, normalise
from icpolicy.text.passages import split_sentences
from icpolicy.engine.query import And, Not, Or, Term


def occurs(needle: str, norm: str) -> bool:
    """Substring match in normalised text; a Latin needle (IC, SiC) must also stand as a whole
    Latin word of it (text as written is better judged by normalize.occurrences, whole_latin=True)."""
    start = norm.find(needle)
    if not needle.isascii():
        return start != -1
    while start != -1:
        before = norm[start - 1] if start > 0 else ""
        after = norm[start + len(needle)] if start + len(needle) < len(norm) else ""
        if not is_latin_letter(before) and not is_latin_letter(after):
            return True
        start = norm.find(needle, start + 1)
    return False


def evaluate(node, text: str) -> bool:
    """Whether text (as written) satisfies the query tree: every term judged as the index judges it."""
    from icpolicy.engine.translate import accepts

    return accepts(node, text, normalise(text), "")


def in_one_sentence(node, text: str) -> bool:
    """同句: some sentence of the passage satisfies the whole tree on its own."""
    return any(evaluate(node, sentence) for sentence in split_sentences(text))


def evaluate_sets(node, docs_with: dict[str, set], universe: set) -> set:
    """同篇: the documents satisfying the tree, given which documents contain each needle set."""
    if isinstance(node, Term):
        return docs_with[node.norm]
    if isinstance(node, And):
        result = set(universe)
        for item in node.items:
            result &= evaluate_sets(item, docs_with, universe)
        return result
    if isinstance(node, Or):
        result: set = set()
        for item in node.items:
            result |= evaluate_sets(item, docs_with, universe)
        return result
    if isinstance(node, Not):
        return universe - evaluate_sets(node.item, docs_with, universe)
    raise TypeError(node)


def window(words: tuple[str, ...], norm: str) -> int:
    """Extra characters between a fuzzy term's words at their closest (0 = adjacent, in order)."""
    positions = {word: [i for i in _all(norm, word)] for word in words}
    if not all(positions.values()):
        return len(norm)
    best = len(norm)
    for anchor in positions[words[0]]:
        span_start, span_end = anchor, anchor + len(words[0])
        for word in words[1:]:
            nearest = min(positions[word], key=lambda p: abs(p - anchor))
            span_start, span_end = min(span_start, nearest), max(span_end, nearest + len(word))
        best = min(best, span_end - span_start - sum(len(w) for w in words))
    return max(0, best)


def _all(norm: str, word: str):
    start = norm.find(word)
    while start != -1:
        yield start
        start = norm.find(word, start + 1)

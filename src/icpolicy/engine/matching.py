"""Matching beyond the index: a query tree evaluated against text, per sentence or per document,
and proximity for fuzzy terms.  Pure functions."""

from __future__ import annotations

import re

from icpolicy.models import SENTENCE_ENDS
from icpolicy.text.normalize import is_latin_letter, normalise
from icpolicy.text.passages import split_sentences

_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")


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


def in_one_sentence(node, text: str, following: str = "") -> bool:
    """同句: some sentence of the passage satisfies the whole tree on its own; the passage's last sentence runs on
    into `following` (the normalised text after the passage) up to its first sentence end when it has none of its
    own (a term across a passage break inside a sentence starts in it, as search finds it)."""
    return next(satisfying_sentences(node, text, following), None) is not None


def satisfying_sentences(node, text: str, following: str = ""):
    """[start, end) of each sentence of text that satisfies the whole tree on its own, in order, as in_one_sentence
    judges a sentence (a generator: in_one_sentence stops at the first)."""
    from icpolicy.engine.translate import accepts

    sentences = split_sentences(text)
    start = 0
    for k, sentence in enumerate(sentences):
        run_on = ""
        if k == len(sentences) - 1 and following and not _SENTENCE_END.search(sentence):
            end = _SENTENCE_END.search(following)
            run_on = following[: end.start() + 1] if end else following
        if accepts(node, sentence, normalise(sentence), run_on):
            yield start, start + len(sentence)
        start += len(sentence)


def evaluate_sets(node, docs_with: dict[str, set], universe: set) -> set:
    """同篇: the documents satisfying the tree, given which documents contain each needle set."""
    from icpolicy.engine.query import fold

    def all_of(sets: list[set]) -> set:
        result = set(universe)
        for found in sets:
            result &= found
        return result

    return fold(node, lambda t: docs_with[t.norm], all_of, lambda sets: set().union(*sets), lambda found: universe - found)


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

"""The folder index's ranking, reproduced: tantivy's BM25 over the same tokens, from the same
statistics, so that both backends put the same passages first (engine/rank.py and translate.py
say what the folder index asks tantivy; this module computes what tantivy answers).

- A term of n >= 2 characters is a phrase over its bigrams, read several ways (translate.py):
  the full reading (n - 1 own bigrams) counts the occurrences that end at most one character
  into the tail; reading j (j own bigrams, then tail-marked ones) matches once, when the term
  starts j characters before the own text ends.  Each reading scores
  idf_sum * (1 + K1) * tf / (tf + K1 * (1 - B + B * fieldnorm / avg)), idf_sum over its tokens
  with repeats, fieldnorm the passage's `bi` token count through tantivy's 256-value code.
- One character is a regex over bigrams: a constant 1.
- AND and OR add the scores of the clauses that match; NOT adds nothing; a branch of NOTs
  alone matches every passage through `kind`, whose score is a constant.
- The whole-word boost: each distinct string (two characters or more) that is one of the
  passage's jieba words adds its BM25 on the `words` field (tf 1).
- idf = ln(1 + (N - df + 0.5) / (df + 0.5)); N counts passages and document records, the
  averages are token totals over N (tantivy's searcher statistics).

Tantivy computes in 32-bit floats, this in 64: scores agree to about 1e-6 of their size.
A row here is a dict with at least `norm` (own text + tail), `own` (own bytes), `words`, `bi_fn`
and `words_fn`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

from icpolicy.engine import matching
from icpolicy.engine import query as ql
from icpolicy.engine.clickhouse.schema import WORD_SEP
from icpolicy.engine.rank import whole_words
from icpolicy.engine.schema import END, TAIL_MARK
from icpolicy.text.normalize import TAIL

K1, B = 1.2, 0.75  # tantivy's (query/bm25.rs)


def _fieldnorms() -> list[int]:
    """tantivy's FIELD_NORMS_TABLE (fieldnorm/code.rs, Lucene's SmallFloat): lengths 0-23 as they
    are, then 3-bit mantissas of growing exponents, plus 24."""
    out = list(range(24))
    for j in range(232):
        bits, shift = j & 7, (j >> 3) - 1
        out.append((bits if shift < 0 else (bits | 8) << shift) + 24)
    return out


FIELDNORMS = _fieldnorms()


def fieldnorm_id(length: int) -> int:
    """The code tantivy stores for a field of `length` tokens (the largest table value not above it)."""
    return bisect_right(FIELDNORMS, length) - 1


def idf(df: int, docs: int) -> float:
    return math.log(1 + (docs - df + 0.5) / (df + 0.5))


@dataclass
class Stats:
    """The index-wide numbers BM25 takes: N (passages + documents), token totals, and the
    document frequency of each token asked (terms table: bigrams, TAIL_MARK + tail bigrams,
    WORD_SEP + words)."""

    docs: int
    bi_tokens: int
    word_tokens: int
    df: dict[str, int] = field(default_factory=dict)
    passages: int = 0


@dataclass
class Weights:
    """A query's BM25 weights: per needle its full reading's and its tail readings' (j, weight),
    per word its boost weight; the `kind` constant; the denominators by fieldnorm code."""

    full: dict[str, float]
    readings: dict[str, list[tuple[int, float]]]
    words: dict[str, float]
    kind: float
    bi_cache: list[float]
    word_cache: list[float]


def head(needle: str) -> str:
    """What the folder index queries of a needle: its first TAIL + 1 characters (translate.py)."""
    return needle[: TAIL + 1]


def _grams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def tokens(terms: list[ql.Term], tree) -> list[str]:
    """Every token whose document frequency the weights of this query need."""
    out = set()
    for needle in _needles(tree):
        grams = _grams(head(needle))
        out.update(grams)
        out.update(TAIL_MARK + g for g in grams[1:])
    out.update(WORD_SEP + w for w in whole_words(terms))
    return sorted(out)


def _needles(tree) -> set[str]:
    return {n for t in (ql.terms(tree) if tree is not None else ()) for n in t.needles() if len(n) > 1}


def weights(tree, terms: list[ql.Term], stats: Stats) -> Weights:
    n = max(stats.docs, 1)
    w = lambda tokens: (1 + K1) * sum(idf(stats.df.get(t, 0), n) for t in tokens)
    full, readings = {}, {}
    for needle in _needles(tree):
        grams = _grams(head(needle))
        full[needle] = w(grams)
        readings[needle] = [(j, w(grams[:j] + [TAIL_MARK + g for g in grams[j:]])) for j in range(1, len(grams))]
    words = {word: w([WORD_SEP + word]) for word in whole_words(terms) if stats.df.get(WORD_SEP + word, 0) > 0}
    avg_bi, avg_words = stats.bi_tokens / n, stats.word_tokens / n
    cache = lambda avg: [K1 * (1 - B + B * norm / avg) if avg else K1 * (1 - B) for norm in FIELDNORMS]
    # `kind`: one token per record, so its fieldnorm is its average
    kind = (1 + K1) * idf(stats.passages, n) / (1 + K1)
    return Weights(full, readings, words, kind, cache(avg_bi), cache(avg_words))


def own_text(row: dict) -> tuple[str, str]:
    """(own normalised text, tail) of a row."""
    data = row["norm"].encode("utf-8")
    return data[: row["own"]].decode("utf-8"), data[row["own"]:].decode("utf-8")


def occurrences(needle: str, norm: str, own_chars: int, latin_word: bool = False) -> list[int]:
    """Start offsets of needle in norm that lie in the own text (a Latin word: standing alone)."""
    found = []
    at = norm.find(needle)
    while at != -1 and at < own_chars:
        if not latin_word or _stands_alone(norm, at, len(needle)):
            found.append(at)
        at = norm.find(needle, at + 1)
    return found


def _stands_alone(norm: str, at: int, size: int) -> bool:
    before = norm[at - 1] if at > 0 else ""
    after = norm[at + size] if at + size < len(norm) else ""
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def term_holds(term: ql.Term, norm: str, own_chars: int) -> bool:
    """Whether a term matches a passage (starting in its own text)."""
    if term.words:
        return all(occurrences(w, norm, own_chars) for w in term.words) or bool(occurrences(term.norm, norm, own_chars))
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


def in_one_sentence(tree, row: dict) -> bool:
    """同句, by the embedded engine's own rule (the last sentence running on into the row's tail)."""
    return matching.in_one_sentence(tree, row["text"], own_text(row)[1])


def needle_score(needle: str, own: str, tail: str, bi_fn: int, w: Weights) -> float:
    """A needle's score in a passage (0 when it does not start there): see the module docstring."""
    if len(needle) == 1:
        return 1.0 if needle in own else 0.0
    query = head(needle)
    ext = own + (tail[:1] or END)
    tf = sum(1 for at in range(len(own)) if ext.startswith(query, at))
    norm = w.bi_cache[bi_fn]
    score = w.full[needle] * tf / (tf + norm) if tf else 0.0
    for j, weight in w.readings[needle]:
        if own.endswith(query[:j]) and tail.startswith(query[j:]):
            score += weight / (1 + norm)
    return score


def tree_score(node, leaf, kind, add, branch):
    """The score of a matching passage under the tree, as tantivy adds its clauses (translate.py):
    leaf(term) a term's score, kind the constant of a branch of NOTs alone, add(scores) their sum,
    branch(item, score) an OR item's share (its score where it matches the passage, else 0).
    Python numbers (score) or SQL expressions (ranking.score_sql) alike."""
    if isinstance(node, ql.Term):
        return leaf(node)
    if isinstance(node, ql.Not):
        return tree_score(node.item.item, leaf, kind, add, branch) if isinstance(node.item, ql.Not) else kind
    if isinstance(node, ql.And):
        positive = [item for item in node.items if not excluded(item)]
        return add([tree_score(item, leaf, kind, add, branch) for item in positive]) if positive else kind
    return add([branch(item, tree_score(item, leaf, kind, add, branch)) for item in node.items])


def excluded(node) -> bool:
    """A NOT item (not a double negation), which an AND turns into a must-not clause."""
    return isinstance(node, ql.Not) and not isinstance(node.item, ql.Not)


def score(tree, terms: list[ql.Term], row: dict, w: Weights) -> float:
    """A matching row's score (the folder index's, to float precision)."""
    own, tail = own_text(row)
    bi_fn = int(row["bi_fn"])
    leaf = lambda t: sum(needle_score(n, own, tail, bi_fn, w) for n in t.needles())
    branch = lambda node, value: value if tree_holds(node, row["norm"], len(own)) else 0.0
    total = tree_score(tree, leaf, w.kind, sum, branch) if tree is not None else w.kind
    words = row["words"]
    for word, weight in w.words.items():
        if f"{WORD_SEP}{word}{WORD_SEP}" in words:
            total += weight / (1 + w.word_cache[int(row["words_fn"])])
    return total


def closeness(terms: list[ql.Term], row: dict) -> float:
    """Fuzzy ranking: the embedded engine's rule (engine/rank.closeness), on the row's own text."""
    from icpolicy.engine import rank as engine_rank

    own, _ = own_text(row)
    return engine_rank.closeness(own, terms)

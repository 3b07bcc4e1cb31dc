"""Top-k by an upper bound (issue 16): the best `limit` hits of an exact query on a large index
without scoring every match, or None when that cannot be proven (the caller then runs the query).

The ranking (rank.py) sums BM25 over the phrase queries of each term's readings
(translate.py) and the whole-word clauses.  tantivy scores a phrase as BM25 with the summed idf
of its tokens and the phrase's frequency; one of its tokens occurs at least as often in the
passage, and BM25 grows with the frequency, so

    phrase score <= (idf sum of the phrase / idf of the token) * that token's own BM25 score.

The bound query mirrors the scoring query clause for clause, each phrase replaced by its
rarest token (fewest passages: the searcher's doc_freq) boosted by that ratio (N, the idf's
document count, read from tantivy's own explanation of a score); a phrase that runs on into the
tail by its rarest tail token beside it (both must match, the ratio over their idf sum: each
scores at least its idf times the phrase's term frequency part), or every passage with the own
token would be bounded as if it ran on; the whole-word clauses, single
tokens, filters and NOT clauses stay as they are.  It reads posting lists without positions,
and every match of the real query is one of its candidates, scoring at most its bound.  Two
shapes are rearranged for tantivy's sake, with the same sum: a term or an OR of terms without
filters becomes one flat union of term queries (block-max WAND; see Bound.union), and in an
AND of terms each term carries its own whole-word clause (Bound.paired).  So:

1. the best FETCH x limit candidates of the bound query (tantivy's top-k over it);
2. the real scoring query run on the passages of the documents of the first CANDIDATES x limit
   candidates and of every candidate bounded as high as the limit-th (a `doc` term set, put on
   every phrase reading, and on the whole when a match need not hold a positive term: each
   clause scores what it scores in the full query, plus 0), then of every candidate whose
   bound reaches the limit-th real score found, until none is left (that score only rises);
3. a passage not fetched scores at most the lowest bound fetched: when that is below the
   limit-th real score, these are tantivy's own top `limit` in its order (equal scores by
   address, every passage that could score as much having been run).  When fewer candidates
   than asked come back, every match was among them.  Otherwise None, having spent one bound
   scan and one small verification.

Tried only on indexes of MIN_PASSAGES entries or more, for queries that may match MIN_MATCHES
passages or more (below that the full query is as fast), and when some phrase has a token
rarer than itself to stand for it.
"""

from __future__ import annotations

import json
import math

from icpolicy.engine import query as ql
from icpolicy.engine import rank
from icpolicy.engine.schema import TAIL_MARK, record_doc_id
from icpolicy.engine.translate import Plan

MIN_PASSAGES = 60_000  # index entries (passages and document records) from which the bound is tried
MIN_MATCHES = 50_000  # and passages the query may match (Bound.matches): fewer are scored faster than bounded
CANDIDATES = 4  # bound candidates verified first, per hit asked for
FETCH = 100  # bound candidates fetched, per hit asked for
MARGIN = 1.0001  # on each ratio: tantivy's scores are float32


class Bound:
    """The bound query of one parsed tree, built against an open index (search.Index)."""

    def __init__(self, ix):
        self.ix = ix
        self.tr = ix.tr
        self.schema = ix.tantivy.schema
        self.docs = total_docs(ix)
        self.replaced = 0  # phrases stood for by one token
        self.freqs: dict[str, int] = {}

    def freq(self, token: str) -> int:
        if token not in self.freqs:
            self.freqs[token] = self.ix._doc_freq("bi", token)
        return self.freqs[token]

    def idf(self, token: str) -> float:
        n = self.freq(token)
        return math.log(1 + (self.docs - n + 0.5) / (n + 0.5))

    def matches(self, node) -> int:
        """At most how many passages the tree matches, by the rarest bigram of each reading (a
        term: the sum over its forms and readings; AND: the least of its terms; OR: the sum)."""
        if isinstance(node, ql.Term):
            return sum(self._readings(norm) for norm in (node.forms or (node.norm,)))
        if isinstance(node, ql.Not):
            return self.docs
        parts = [self.matches(item) for item in node.items if not isinstance(item, ql.Not)]
        if isinstance(node, ql.And):
            return min(parts, default=self.docs)
        return sum(parts) if len(parts) == len(node.items) else self.docs

    def _readings(self, norm: str) -> int:
        if len(norm) == 1:
            return self.docs
        return sum(min(self.freq(w) for w in words) for words in self.tr.readings(norm))

    def options(self, norm: str) -> list:
        """Bounds of the clauses of translate.substring(norm) (one per reading), each matching a
        superset of its clause's passages and scoring at least what it scores."""
        if len(norm) == 1:
            return [self.tr.substring(norm).query]
        Q, options = self.tr.Q, []
        for words in self.tr.readings(norm):
            if len(words) == 1:
                options.append(Q.term_query(self.schema, "bi", words[0]))
                continue
            idf = {w: self.idf(w) for w in set(words)}
            rarest = max(words, key=lambda w: idf[w])
            # a reading that runs on into the tail matches only where a tail token follows: its rarest
            # tail token stands beside the rarest own one (both must be there; their idf sum divides)
            tail = [w for w in words if w.startswith(TAIL_MARK)]
            rare = [rarest] if rarest in tail or not tail else [rarest, max(tail, key=lambda w: idf[w])]
            ratio = sum(idf[w] for w in words) / sum(idf[w] for w in rare) * MARGIN
            token = Q.term_query(self.schema, "bi", rare[0]) if len(rare) == 1 else \
                Q.boolean_query([(self.tr.Occur.Must, Q.term_query(self.schema, "bi", w)) for w in rare])
            options.append(Q.boost_query(token, ratio))
            self.replaced += 1
        return options

    def term_options(self, term: ql.Term) -> list:
        if term.words:  # --fuzzy, never an exact plan
            return [self.tr.term(term).query]
        return [o for form in (term.forms or (term.norm,)) for o in self.options(form)]

    def term(self, term: ql.Term):
        return self.any_of(self.term_options(term))

    def flat(self, node) -> list | None:
        """The bounds of every clause of a term or an OR of terms, as one list; None otherwise."""
        if isinstance(node, ql.Term):
            return self.term_options(node)
        if isinstance(node, ql.Or):
            parts = [self.flat(item) for item in node.items]
            return None if any(p is None for p in parts) else [o for p in parts for o in p]
        return None

    def union(self, tree, terms, few: int = 0):
        """A term or an OR of terms, alone or with NOTs beside it in an AND, as one boolean query:
        the bounds of its clauses and the whole-word clauses as should-clauses side by side (their
        scores sum as the full query's nested ones do), each NOT's exact plan a must-not clause
        (an inexact one, or one that may match at most `few` passages, is left out: a superset,
        of which at most `few` candidates are excluded).  tantivy ranks a union of term queries by
        block-max WAND, not once a must-not clause is added.  None for any other tree (an AND of
        two positive items; NOT NOT x is x, as the translator folds it)."""
        items = [_unwrapped(item) for item in (tree.items if isinstance(tree, ql.And) else (tree,))]
        positive = [item for item in items if not isinstance(item, ql.Not)]
        flat = self.flat(positive[0]) if len(positive) == 1 else None
        if flat is None:
            return None
        Q, Occur = self.tr.Q, self.tr.Occur
        words = [Q.term_query(self.schema, "words", w) for w in rank.whole_words(terms)]
        clauses = [(Occur.Should, q) for q in flat + words]
        for item in items:
            if isinstance(item, ql.Not) and self.matches(item.item) > few:
                excluded = self.tr.tree(item.item)
                if excluded.exact:
                    clauses.append((Occur.MustNot, excluded.query))
        return Q.boolean_query(clauses)

    def paired(self, tree, terms):
        """An AND of terms (NOTs beside them): each term's bound carries the whole-word clauses of
        its own needles, AND-ed, instead of all of them beside the AND.  Every word present in a
        match is a term's that matches (the passage's jieba words are substrings of its own
        text), and every term of a match is matched, so each such word still adds its score (a
        word of two terms adds it twice: a higher bound, still one); tantivy then pairs each word's
        postings with its term's, not every word's with the whole intersection (集成电路 封测 at
        1 GB: 11 -> 7 ms; with an OR of terms as an item it was 2 ms slower: not done).  None for
        any other tree."""
        if not isinstance(tree, ql.And):
            return None
        items = [_unwrapped(item) for item in tree.items]
        positive = [item for item in items if not isinstance(item, ql.Not)]
        if len(positive) < 2 or not all(isinstance(item, ql.Term) for item in positive):
            return None
        # the words of the ranking query's terms (NOT NOT x gives x no words: not one of them)
        parts = [rank.boosted(self.term(item), self.schema, [item] if item in terms else []) for item in positive]
        return self.all_of(parts, [self.tr.tree(item.item) for item in items if isinstance(item, ql.Not)])

    def walk(self, node):
        """("pos", bound query) or ("neg", the exact Plan of a NOT's item), as translate.Translator.tree folds it."""
        if isinstance(node, ql.Term):
            return "pos", self.term(node)
        if isinstance(node, ql.Not):
            if isinstance(node.item, ql.Not):
                return self.walk(node.item.item)
            return "neg", self.tr.tree(node.item)
        parts = [self.walk(item) for item in node.items]
        if isinstance(node, ql.And):
            return "pos", self.all_of([q for k, q in parts if k == "pos"], [p for k, p in parts if k == "neg"])
        return "pos", self.any_of([q if k == "pos" else self.all_of([], [q]) for k, q in parts])

    def all_of(self, positive: list, excluded: list):
        """The translator's AND of bound queries and NOTs' exact plans (an inexact NOT only narrows:
        left out, a superset)."""
        return self.tr.all_of([Plan(q, True) for q in positive], excluded).query

    def any_of(self, options: list):
        """The translator's OR of bound queries."""
        return self.tr.any_of([Plan(q, True) for q in options]).query

    def query(self, tree, terms, filter_queries, few: int = 0):
        """The bound query: a union (see union) without filters; with filters the nesting of the
        full query, where tantivy intersects the filters with the term queries (a union under a
        filter must be seeked window by window: slower by half)."""
        found = None if filter_queries else self.union(tree, terms, few)
        if found is None:
            found = self.paired(tree, terms)
        if found is None:
            kind, found = self.walk(tree)
            found = rank.boosted(self.all_of([], [found]) if kind == "neg" else found, self.schema, terms)
        return self.tr.filtered(found, filter_queries)


def top(ix, tree, terms, filter_queries, limit: int):
    """tantivy's top `limit` (score, address) of the scoring query (tree's exact plan, boosted by
    terms' whole words and filtered) found through the bound, or None when it cannot be proven
    (or is not worth trying)."""
    if tree is None or ix.searcher.num_docs < MIN_PASSAGES:
        return None
    bound = Bound(ix)
    fetch = FETCH * limit  # many more than are verified at first: the heap costs little beside the scan
    upper = bound.query(tree, terms, filter_queries, fetch // 10)  # a NOT of at most a tenth of them may be left out
    if not bound.replaced or bound.matches(tree) < MIN_MATCHES:
        return None  # no phrase stood for by a rarer token, or too few matches: the bound costs what the query does
    candidates = ix._call(ix.searcher.search, upper, limit=fetch, count=False).hits
    complete = len(candidates) < fetch  # every passage the bound matches, so every match, is a candidate
    docs: dict = {}  # address key -> doc id of the candidates verified
    run = (ix, tree, terms, filter_queries, limit)
    # first, the best CANDIDATES x limit and every candidate bounded at least as high as the limit-th:
    # the limit-th real score is at most that bound, so these all have to be run (one round, not two,
    # when a passage reprinted in many documents ties at the top)
    first = candidates[: CANDIDATES * limit]
    if len(candidates) >= limit:
        if not complete and candidates[-1][0] >= candidates[limit - 1][0]:
            return None  # every candidate ties with the limit-th: one left out may score as much (the stop rule below would say so after running them all)
        first += [c for c in candidates[len(first) :] if c[0] >= candidates[limit - 1][0]]
    found = _verify(run, first, docs)
    while True:
        # a passage left out scores at most its bound: those bounded below the limit-th score found
        # cannot enter (that score only rises as more are run); the others must all have been run
        least = found[-1][0] if len(found) == limit else -math.inf
        if not complete and candidates[-1][0] >= least:
            return None
        more = [c for c in candidates if c[0] >= least and _key(c[1]) not in docs]
        if not more:
            return found
        found = _verify(run, more, docs)


def _verify(run: tuple, more: list, docs: dict) -> list:
    """The top `limit` of the real scoring query over the passages of the documents of every
    candidate run so far (docs, to which more's are added).  The restriction is put on each
    phrase (Translator.restricted): the same clauses, each scoring what it scores in the full
    query plus 0; on the whole as well only when a match need not hold a positive term (the
    leaves' restriction then leaves something out)."""
    ix, tree, terms, filter_queries, limit = run
    for _, address in more:
        try:  # not through _call: one read per candidate
            docs[_key(address)] = record_doc_id(ix.searcher.doc(address).get_first("record"))
        except BaseException as exc:
            raise ix._damaged(exc) from None
    only = ix.tr.Q.term_set_query(ix.tantivy.schema, "doc", sorted(set(docs.values())))
    plan = ix.tr.restricted(only).tree(tree)
    whole = [] if _anchored(tree) else [only]
    scoring = ix.tr.filtered(rank.boosted(plan.query, ix.tantivy.schema, terms), [*filter_queries, *whole])
    return ix._call(ix.searcher.search, scoring, limit=limit, count=False).hits


def _unwrapped(node):
    """node without the NOT NOTs in front of it."""
    while isinstance(node, ql.Not) and isinstance(node.item, ql.Not):
        node = node.item.item
    return node


def _anchored(node) -> bool:
    """Whether every passage the tree matches holds one of its positive terms (so matches one of
    its restricted leaves): a NOT alone, or an OR with such a branch, does not."""
    return ql.fold(node, lambda t: True, any, all, lambda value: False)


def _key(address) -> tuple[int, int]:
    return (address.segment_ord, address.doc)


def total_docs(ix) -> int:
    """N of tantivy's BM25 (its documents, deleted ones included until a merge drops them), read
    once per open index from its own explanation of a score; twice the live count if unreadable
    (the idf ratios grow with N, so a larger N keeps the bound a bound)."""
    known = getattr(ix, "_bm25_docs", None)
    if known is None:
        known = 2 * ix.searcher.num_docs
        try:
            hits = ix.searcher.search(ix.tr.passages(), limit=1, count=False).hits
            if hits:
                found = _named(json.loads(ix.tr.passages().explain(ix.searcher, hits[0][1]).to_json()), "N, total number of docs")
                known = int(found) if found else known
        except (ValueError, KeyError, TypeError):
            pass
        ix._bm25_docs = known
    return known


def _named(node: dict, description: str):
    if node.get("description") == description:
        return node.get("value")
    for child in node.get("details") or ():
        found = _named(child, description)
        if found is not None:
            return found
    return None

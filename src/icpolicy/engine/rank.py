"""Ranking on the tantivy index: BM25 over the phrase matches, then the whole-word boost as a
re-rank of the top RERANK candidates; closeness for --fuzzy.

The boost: a passage where a query term (of two or more characters) is one of jieba's words
(the `words` field) ranks above one where the term sits inside a longer word.  Tantivy ranks
every match by BM25 of the phrase queries alone; the best RERANK of them gain the BM25 score
of the `words` clause for the terms they hold as whole words, and are put in order again.
The candidates are found in one query: `pid` (a fast field, a 64-bit hash of document and
ordinal) is read for the RERANK addresses, and the words clause is run restricted to those
pids.  Adding the clause to the match query itself ranks every match that way, but costs a
pass over the words' postings as long as the match (about a third of the search at 100 MB).
"""

from __future__ import annotations

from icpolicy.engine import query as ql

RERANK = 20  # the top candidates by BM25 that the whole-word boost re-ranks


def whole_words(terms: list[ql.Term]) -> list[str]:
    """The needles the whole-word boost looks for: every form of two or more characters."""
    return sorted({n for t in terms for n in t.needles() if len(n) > 1})


def bonus(call, searcher, schema, keys: list[tuple[int, int]], terms: list[ql.Term]) -> dict[tuple[int, int], float]:
    """key -> the BM25 score of the words clause, for those of the passages (addresses as
    (segment, doc)) that hold a term as a whole word.  call runs a tantivy read (damage checks)."""
    import tantivy

    return _bonus(call, searcher, schema, [tantivy.DocAddress(s, d) for s, d in keys], terms)


def reranked(scored: list, call, searcher, schema, terms: list[ql.Term]) -> list:
    """(score, address) pairs, best first, with the first RERANK re-ranked by the boost."""
    head = scored[:RERANK]
    gained = _bonus(call, searcher, schema, [a for _, a in head], terms)
    if not gained:
        return scored
    head = [(s + gained.get((a.segment_ord, a.doc), 0.0), a) for s, a in head]
    head.sort(key=lambda sa: (-sa[0], sa[1].segment_ord, sa[1].doc))
    return head + scored[RERANK:]


def _bonus(call, searcher, schema, addresses: list, terms: list[ql.Term]) -> dict[tuple[int, int], float]:
    words = whole_words(terms)
    if not words or not addresses:
        return {}
    import tantivy

    Q, Occur = tantivy.Query, tantivy.Occur
    pids = call(searcher.fast_field_values, "pid", addresses)
    held = Q.term_query(schema, "words", words[0]) if len(words) == 1 else Q.boolean_query([(Occur.Should, Q.term_query(schema, "words", w)) for w in words])
    among = Q.boolean_query([(Occur.Should, Q.term_query(schema, "pid", p)) for p in set(pids)])
    query = Q.boolean_query([(Occur.Must, held), (Occur.Must, Q.const_score_query(among, 0.0))])
    found = call(searcher.search, query, limit=len(addresses), count=True)
    if found.count > len(addresses):  # another passage shares a candidate's pid (a hash): read them all
        found = call(searcher.search, query, limit=found.count)
    return {(a.segment_ord, a.doc): s for s, a in found.hits}  # one that only shares a pid is never looked up


def closeness(own: str, terms: list[ql.Term]) -> float:
    """Fuzzy ranking: a term's words close together score higher."""
    from icpolicy.engine import matching

    gaps = sum(matching.window(t.words, own) for t in terms if t.words)
    return 1.0 / (1.0 + 0.05 * gaps)

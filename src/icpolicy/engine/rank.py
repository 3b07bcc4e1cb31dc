"""Ranking on the tantivy index: BM25 over the phrase matches plus the whole-word boost, and
closeness for --fuzzy.

The boost: a passage where a query term (of two or more characters) is one of jieba's words
(the `words` field, written at ingest) ranks above one where the term sits inside a longer
word (电路 in 新型电路 above 电路 in 集成电路).  It is a should-clause per such term on the
`words` field, added to the query that selects the passages: it never changes which passages
match, and every match is ranked with it.

Issue 15 asked for the boost as a re-rank of the top candidates instead, if measurement
supports it.  It was built and measured (README, Ranking): BM25 alone for every match, then
the best 20 re-ranked by one more query (their `pid` fast field read, the words clause run
restricted to those pids).  At 10 MB it cost the same as the clause, at 100 MB more (20 pid
lookups in each of the index's segments), and it lifts no whole-word passage that BM25 puts
below the 20th (7 of the benchmark's 59 top-10 lists changed).  So the clause stays.
"""

from __future__ import annotations

from icpolicy.engine import query as ql


def whole_words(terms: list[ql.Term]) -> list[str]:
    """The needles the whole-word boost looks for: every form of two or more characters."""
    return sorted({n for t in terms for n in t.needles() if len(n) > 1})


def boosted(query, schema, terms: list[ql.Term]):
    """The scoring query: query (the match), plus a should-clause per whole word on `words`."""
    import tantivy

    words = whole_words(terms)
    if not words:
        return query
    Q, Occur = tantivy.Query, tantivy.Occur
    return Q.boolean_query([(Occur.Must, query)] + [(Occur.Should, Q.term_query(schema, "words", w)) for w in words])


APART = 0.5  # what a fuzzy term's words standing apart cost at least, against the term as typed


def closeness(own: str, terms: list[ql.Term]) -> float:
    """Fuzzy ranking: a term's words close together score higher, and the term as typed highest (先进封装测试 before
    先进封装和测试, whatever the passages' lengths make of their scores)."""
    from icpolicy.engine import matching

    apart = [t for t in terms if t.words and t.norm not in own]
    gaps = sum(matching.window(t.words, own) for t in apart)
    return (APART if apart else 1.0) / (1.0 + 0.05 * gaps)

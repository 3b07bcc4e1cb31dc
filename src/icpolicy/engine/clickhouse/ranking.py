"""The SQL of a ranked search (search.py's SQL path): rank.score as an SQL expression, the scan
that gives the facets and the best rows by a bound on it, and the best rows by the exact score
when that bound did not settle the top.

The weights come first, from the `terms` table (rank.weights), so one scan ranks every query
shape alike: the bound is the exact score except for the whole-word boost, which needs the
`words` column (~260 bytes a row): there a word counts wherever it may be one (`wordbits`,
40 bytes a row, or anywhere when few terms may be words).  Both scans turn off ClickHouse's
move of conditions to PREWHERE: its steps filter every column read so far after each
condition, copying `norm` once per step (a NOT term cost ~1.5x as much CPU with it).
"""

from __future__ import annotations

from icpolicy.engine.clickhouse import rank
from icpolicy.engine.clickhouse.translate import Params, reading_sql, tf_sql, tree_sql

SETTINGS = " SETTINGS optimize_move_to_prewhere = 0"


def needle_sql(needle: str, w: rank.Weights, p: Params, cache: str) -> str:
    """rank.needle_score in SQL; cache is the row's BM25 denominator (by its bi_fn)."""
    if len(needle) == 1:
        return f"if(position(norm, {p.add(needle)}) BETWEEN 1 AND own, 1., 0.)"
    head = rank.head(needle)
    tf = tf_sql(head, p)
    parts = [f"{p.add(w.full[needle], 'Float64')} * {tf} / ({tf} + {cache})"]
    parts += [f"if({reading_sql(head, j, p)}, {p.add(weight, 'Float64')} / (1 + {cache}), 0.)" for j, weight in w.readings[needle]]
    return "(" + " + ".join(parts) + ")"


def score_sql(tree, w: rank.Weights, p: Params, word, counted=frozenset()) -> str:
    """rank.score in SQL, the clauses added in its order; word(string) is the SQL that is 1 where
    that word counts as one of the passage's (exact: its position in `words`; a bound: may be one)."""
    cache = f"{p.add(w.bi_cache, 'Array(Float64)')}[bi_fn + 1]"
    kind = p.add(w.kind, "Float64")
    add = lambda parts: "(" + " + ".join(parts) + ")"
    leaf = lambda t: add([needle_sql(n, w, p, cache) for n in t.needles()])
    branch = lambda node, value: f"if({tree_sql(node, p, counted=counted)}, {value}, 0.)"
    parts = [rank.tree_score(tree, leaf, kind, add, branch)] if tree is not None else [kind]
    word_cache = f"{p.add(w.word_cache, 'Array(Float64)')}[words_fn + 1]"
    parts += [f"{word(string)} * {p.add(weight, 'Float64')} / (1 + {word_cache})" for string, weight in w.words.items()]
    return " + ".join(parts)


def scan_sql(db: str, where: str, bound: str, fetch: int) -> str:
    """One row of n, docs; by_region, by_year, by_type as ([keys], [counts]) (region paths joined by
    '/'); and `top`, the fetch rows with the highest bound (an SQL expression over a row), as
    (-bound, doc, passage, province, city), best first, ties in (doc, passage) order."""
    facets = ("sumMap([arrayStringConcat(region, '/')], [toUInt64(1)]) AS by_region, "
              "sumMap(arrayDistinct(years), arrayMap(y -> toUInt64(1), arrayDistinct(years))) AS by_year, "
              "sumMap([toString(type)], [toUInt64(1)]) AS by_type")
    return (f"SELECT count() AS n, uniqExact(doc) AS docs, {facets}, groupArraySorted({int(fetch)})((-b, doc, passage, province, city)) AS top "
            f"FROM (SELECT region, years, type, doc, province, city, passage, {bound} AS b FROM {db}.passages WHERE {where}){SETTINGS}")


def exact_sql(db: str, where: str, bound: str, score: str) -> str:
    """The {fetch} best rows by the exact score among those whose bound reaches {floor}: the conditions
    on norm run first (PREWHERE), so `words` is read only for the granules that hold such rows."""
    return (f"SELECT province, city, doc, passage, {score} AS s FROM {db}.passages PREWHERE {where} AND {bound} >= {{floor:Float64}} "
            f"ORDER BY s DESC, doc, passage LIMIT {{fetch:UInt64}}")

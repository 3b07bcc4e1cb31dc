"""The SQL of a ranked search (search.py's SQL path): the scan that gives the facets, the BM25
document frequencies and the best rows by a bound on BM25, and the best rows by exact BM25 when
that bound did not settle the top.

When every counted term is in every match (one term, an AND of terms, NOT terms aside) every
weight is the same, and the scan is one aggregation without keys over the matching rows: count,
documents, df{k}, the facets as three sumMap (by region path, year and type) and the best rows
by the bound over a common weight as one groupArraySorted (scan_sql).  Grouping by (region,
years, type) and gathering every group's rows into arrays to rank them once the weights are
known (grouped_sql, the code before 2026-12-01 evening) cost ~1.3x as much CPU on a common term
at 1 GB; it stays for unequal weights (an OR).  Both turn off ClickHouse's move of conditions to
PREWHERE: its steps filter every column read so far after each condition, copying `norm` once
per step (a NOT term cost ~1.5x as much CPU with it).
"""

from __future__ import annotations

from icpolicy.engine.clickhouse import rank
from icpolicy.engine.clickhouse.translate import Params, tf_sql, word_sql

SETTINGS = " SETTINGS optimize_move_to_prewhere = 0"


def bm25_sql(n: int, weight, tf, length, boost) -> str:
    """rank.bm25 as SQL over the expressions weight(k), tf(k), length and boost(k) (1 when term k is a
    word of the passage), the terms added in rank.bm25's order."""
    return " + ".join(f"{weight(k)} * {tf(k)} * {rank.K1 + 1} / ({tf(k)} + {rank.K1} * (1 - {rank.B} + {rank.B} * {length}))"
                      f" * (1 + {rank.WORD_BOOST} * {boost(k)})" for k in range(n))


def _tfs(terms, p: Params) -> str:
    return ", ".join(f"{' + '.join(tf_sql(needle, p) for needle in t.needles())} AS tf{k}" for k, t in enumerate(terms))


def _matching(db: str, where: str, terms, p: Params, boost: list[str]) -> str:
    """The matching rows with their length (own bytes, + 1 for a document's last passage), tf{k} and
    mb{k}, the boost term k's bound counts there (boost[k], an SQL expression: 1 when it may be a word)."""
    mbs = ", ".join(f"toUInt8({b}) AS mb{k}" for k, b in enumerate(boost))
    return (f"SELECT region, years, type, doc, province, city, passage, own + (length(norm) = own) AS len, {_tfs(terms, p)}, {mbs} "
            f"FROM {db}.passages WHERE {where}")


def scan_sql(db: str, where: str, terms, p: Params, avg: float, boost: list[str], fetch: int) -> str:
    """For every weight the same: one row of n, docs, df{k}; by_region, by_year, by_type as ([keys],
    [counts]) (region paths joined by '/'); and `top`, the fetch rows with the highest bound on BM25
    over a common weight (boost: see _matching), as (-bound, doc, passage, province, city, length,
    tf0, ..., mb0, ...), best first, ties in (doc, passage) order."""
    n = len(terms)
    dfs = ", ".join(f"countIf(tf{k} > 0) AS df{k}" for k in range(n))
    facets = ("sumMap([arrayStringConcat(region, '/')], [toUInt64(1)]) AS by_region, "
              "sumMap(arrayDistinct(years), arrayMap(y -> toUInt64(1), arrayDistinct(years))) AS by_year, "
              "sumMap([toString(type)], [toUInt64(1)]) AS by_type")
    bound = bm25_sql(n, lambda k: "1", lambda k: f"tf{k}", f"(len / {p.add(avg, 'Float64')})", lambda k: f"mb{k}")
    listed = ", ".join(["doc", "passage", "province", "city", "len"] + [f"tf{k}" for k in range(n)] + [f"mb{k}" for k in range(n)])
    return (f"SELECT count() AS n, uniqExact(doc) AS docs, {dfs}, {facets}, groupArraySorted({int(fetch)})((-({bound}), {listed})) AS top "
            f"FROM ({_matching(db, where, terms, p, boost)}){SETTINGS}")


def grouped_sql(db: str, where: str, terms, p: Params, avg: float, boost: list[str]) -> str:
    """For unequal weights (an OR), whose bound needs the weights the scan counts: one row of
    `facets`, the (region, years, type, n) groups of the matching passages; n, docs and df{k}; and
    `top`: the {fetch} rows with the highest bound on BM25, as (bound, province, city, doc,
    passage, length, tf0, ..., mb0, ...), highest first.  The scan groups by (region, years, type) once
    (count, documents, df{k}, the rows' (tf.., length, key)) and the outer level merges the groups,
    the weights taken there."""
    n = len(terms)
    group_dfs = ", ".join(f"countIf(tf{k} > 0) AS gdf{k}" for k in range(n))
    dfs = ", ".join(f"sum(gdf{k}) AS df{k}, log(1 + (n - df{k} + 0.5) / (df{k} + 0.5)) AS w{k}" for k in range(n))
    # x = (tf0 .. tf{n-1}, length in bytes, province, city, doc, passage, mb0 .. mb{n-1})
    bound = bm25_sql(n, lambda k: f"w{k}", lambda k: f"x.{k + 1}", f"(x.{n + 1} / {p.add(avg, 'Float64')})", lambda k: f"x.{n + 6 + k}")
    keep = ", ".join([f"x.{n + i}" for i in range(2, 6)] + [f"x.{n + 1}"] + [f"x.{k + 1}" for k in range(n)] + [f"x.{n + 6 + k}" for k in range(n)])
    listed = ", ".join([f"tf{k}" for k in range(n)] + ["len", "province", "city", "doc", "passage"] + [f"mb{k}" for k in range(n)])
    # highest bound first, ties in (doc, passage) order; only the first {fetch} sorted
    best = f"arrayPartialSort(y -> (-y.1, y.4, y.5), {{fetch:UInt64}}, arrayMap(x -> ({bound}, {keep}), groupArrayArray(rows)))"
    return (f"SELECT groupArray((region, years, type, gn)) AS facets, sum(gn) AS n, uniqExactMerge(gdocs) AS docs, {dfs}, "
            f"arraySlice({best}, 1, {{fetch:UInt64}}) AS top "
            f"FROM (SELECT region, years, type, count() AS gn, uniqExactState(doc) AS gdocs, {group_dfs}, groupArray(({listed})) AS rows "
            f"FROM ({_matching(db, where, terms, p, boost)}) GROUP BY region, years, type){SETTINGS}")


def exact_sql(db: str, where: str, terms, p: Params, avg: float, boost: list[str]) -> str:
    """The {fetch} best rows by exact BM25 (the boost from `words`, weights w{k} as parameters) among
    those whose bound reaches {floor}: the conditions on norm run first (PREWHERE), so `words` is
    read only for the granules that hold such rows."""
    n = len(terms)
    avg_ref = p.add(avg, "Float64")
    whole = ", ".join(f"{word_sql(t, p)} AS wh{k}" for k, t in enumerate(terms))
    weights = ", ".join(f"{{w{k}:Float64}} AS w{k}" for k in range(n))
    bound = bm25_sql(n, lambda k: f"w{k}", lambda k: f"tf{k}", "len", lambda k: boost[k])
    score = bm25_sql(n, lambda k: f"w{k}", lambda k: f"tf{k}", "len", lambda k: f"wh{k}")
    return (f"SELECT province, city, doc, passage, {weights}, (own + (length(norm) = own)) / {avg_ref} AS len, {_tfs(terms, p)}, {whole}, {score} AS s "
            f"FROM {db}.passages PREWHERE {where} AND {bound} >= {{floor:Float64}} ORDER BY s DESC, doc, passage LIMIT {{fetch:UInt64}}")


"""A search's counts without its hits, from ClickHouse's answers (search.py): counted, from the one scan of
ranking.scan_sql (n, docs and its facet arrays); grouped, from (region, years, type, n) groups of the matching
passages.  Each gives a SearchResult whose facets add a region's count to every level above it."""

from __future__ import annotations

from collections import Counter

from icpolicy.engine.search import SearchResult


def counted(row: dict) -> SearchResult:
    """A SearchResult without hits from ranking.scan_sql's counts: n, docs and the three facet maps."""
    by_region: Counter = Counter()
    for key, n in zip(*row["by_region"]):
        path = key.split("/") if key else []
        by_region.update({"/".join(path[: i + 1]): int(n) for i in range(len(path))})
    return SearchResult(hits=[], total=int(row["n"]), documents=int(row["docs"]),
                        by_province=Counter({k: v for k, v in by_region.items() if "/" not in k}), by_region=by_region,
                        by_year=Counter({int(y): int(n) for y, n in zip(*row["by_year"])}),
                        by_type=Counter({t: int(n) for t, n in zip(*row["by_type"]) if t}))


def grouped(groups: list[dict], documents: int) -> SearchResult:
    """A SearchResult without hits from (region, years, type, n) groups of the matching passages."""
    by_region: Counter = Counter()
    by_year: Counter = Counter()
    by_type: Counter = Counter()
    total = 0
    for g in groups:
        n = int(g["n"])
        total += n
        path = list(g["region"])
        by_region.update({"/".join(path[: i + 1]): n for i in range(len(path))})
        by_year.update({int(y): n for y in g["years"]})
        if g["type"]:
            by_type[g["type"]] += n
    return SearchResult(hits=[], total=total, documents=documents,
                        by_province=Counter({k: v for k, v in by_region.items() if "/" not in k}),
                        by_region=by_region, by_year=by_year, by_type=by_type)

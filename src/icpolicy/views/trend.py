"""Trend rows: every year (or place) of the range, zeros included, with share per 1,000 indexed passages."""

from __future__ import annotations


def year_span(year_filter: str | None, matched: list[tuple[str, int, int]], indexed: list[tuple[str, int, int]] = ()) -> tuple[int, int] | None:
    """The years a trend lists: the --year range, an open end closed at the first or last year
    the index holds passages of under the filters (2030- lists 2030 up to the latest such year,
    zeros included), else with a match; None without a --year."""
    from icpolicy.meta import years as year_rules

    if not year_filter:
        return None
    lo, hi = year_rules.parse_range(year_filter)
    held = [int(k) for k, total, _ in indexed if k.isdigit() and total and lo <= int(k) <= hi]
    found = held or [int(k) for k, _, _ in matched if k.isdigit()] or [lo if lo > 0 else hi]
    return (lo if lo > 0 else min(found), hi if hi < 9999 else max(found))


def trend_rows(matched: list[tuple[str, int, int]], indexed: list[tuple[str, int, int]], by: str,
               year_range: tuple[int, int] | None = None) -> list[dict]:
    """Rows {key, passages, documents, share}: share = matching passages per 1,000 indexed passages of that key.

    By year: every year from the range asked (or from the first to the last year with a match);
    by place: every place the index holds under the filters.
    """
    found = {k: (p, d) for k, p, d in matched}
    totals = {k: p for k, p, _ in indexed}
    if by == "year":
        years = [int(k) for k in found if k.isdigit()]
        lo, hi = year_range if year_range else ((min(years), max(years)) if years else (0, -1))
        keys = [str(y) for y in range(lo, hi + 1)]
    else:
        keys = [k for k, _ in sorted(totals.items(), key=lambda kv: -found.get(kv[0], (0, 0))[0])]
        keys += [k for k in found if k not in totals]
    rows = []
    for key in keys:
        passages, documents = found.get(key, (0, 0))
        total = totals.get(key, 0)
        rows.append({"key": key, "passages": passages, "documents": documents, "indexed": total,
                     "share": round(1000 * passages / total, 2) if total else 0.0})
    return rows

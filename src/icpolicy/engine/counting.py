"""Counts by key (stats, trend): which keys a passage counts under, and the rows in the order the views show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def keys_of(by: str, region_keys: list[str], years, sectors, doc_type: str) -> list[str]:
    """The keys a passage counts under by region (its province), city (province/city, or the province
    alone), year (each of its years), segment (each sector) or type (its document's)."""
    if by == "region":
        return region_keys[:1]
    if by == "city":
        return region_keys[1:2] or region_keys[:1]
    if by == "year":
        return [str(y) for y in years]
    if by == "segment":
        return list(sectors)
    return [doc_type]


def tally(passages: Iterable[tuple[str, list[str]]], by: str, documents: bool = True) -> list[tuple[str, int, int]]:
    """(key, passages, documents) rows of (doc_id, keys) pairs, one pair per passage."""
    counted: Counter = Counter()
    doc_sets: dict[str, set] = {}
    for doc_id, keys in passages:
        for key in keys:
            counted[key] += 1
            doc_sets.setdefault(key, set()).add(doc_id)
    return ordered_counts(counted, by, doc_sets if documents else None)


def ordered_counts(passages: Counter, by: str, doc_sets: dict | None = None) -> list[tuple[str, int, int]]:
    """(key, passages, documents) rows: provinces only for region, years in order, else by count."""
    keep = [k for k in passages if k and not (by == "region" and "/" in k)]
    ordered = sorted(keep) if by == "year" else sorted(keep, key=lambda k: (-passages[k], k))
    return [(k, passages[k], len(doc_sets[k]) if doc_sets is not None else 0) for k in ordered]

"""The targets one side of a changed pair states and the other does not: dropped from the old sentence, set anew in
the new one (引进第三代半导体重点项目8个，产业规模达到120亿元 -> 产业规模达到150亿元，企业超过40家: 8个 dropped, 40家
new; 120 -> 150 moved, align.moved_targets).  One target is align.target_key's: metric (or one a word fuller), unit
without its multiplier, comparator, kind and year."""

from __future__ import annotations

from icpolicy.views.align import near_key, target_key
from icpolicy.views.stated import Stated


def unpaired(a: dict, b: dict, year_a: int, year_b: int, stated: Stated) -> tuple[list[dict], list[dict]]:
    """(dropped, new): each as {metric, comparator, value, unit, year}, in the order of its sentence."""
    before = [q for q in stated(a, year_a) if q[0]]
    after = [q for q in stated(b, year_b) if q[0]]
    if not (before and after):
        return [_record(q) for q in before], [_record(q) for q in after]
    olds: dict[tuple, list] = {}
    news: dict[tuple, list] = {}
    for q in before:
        olds.setdefault(target_key(q, year_a, year_b), []).append(q)
    for q in after:
        news.setdefault(target_key(q, year_b, year_b), []).append(q)
    dropped = [q for q in before if not near_key(news, target_key(q, year_a, year_b))]
    added = [q for q in after if not near_key(olds, target_key(q, year_b, year_b))]
    return [_record(q) for q in dropped], [_record(q) for q in added]


def _record(q: tuple) -> dict:
    """A quantity (Stated's tuple) as the payload gives it."""
    metric, unit, comparator, value, year, _ = q
    return {"metric": metric, "comparator": comparator, "value": int(value) if float(value).is_integer() else value, "unit": unit, "year": year}

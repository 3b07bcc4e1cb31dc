"""The targets one side of a changed pair states and the other does not: dropped from the old sentence, set anew in
the new one (引进第三代半导体重点项目8个，产业规模达到120亿元 -> 产业规模达到150亿元，企业超过40家: 8个 dropped, 40家
new; 120 -> 150 moved, align.moved_targets).  One target is align.target_key's: metric (or one a word fuller), unit
without its multiplier, comparator, kind and year."""

from __future__ import annotations

from icpolicy.views.align import near_key, shape, target_key
from icpolicy.units import whole
from icpolicy.views.stated import Stated


def unpaired(a: dict, b: dict, year_a: int, year_b: int, stated: Stated) -> tuple[list[dict], list[dict]]:
    """(dropped, new): each as {metric, comparator, value, unit, year, high, bound}, in the order of its sentence."""
    before = [q for q in stated(a, year_a) if q[0]]
    after = [q for q in stated(b, year_b) if q[0]]
    old_keys = [target_key(q, year_a, year_b) for q in before]
    new_keys = [target_key(q, year_b, year_b) for q in after]
    olds, news = {key: [key] for key in old_keys}, {key: [key] for key in new_keys}  # (near_key's tables: a list per key)
    dropped = [_record(q) for q, key in zip(before, old_keys) if not near_key(news, key)]
    added = [_record(q) for q, key in zip(after, new_keys) if not near_key(olds, key)]
    return dropped, added


def _record(q: tuple) -> dict:
    """A quantity (Stated's tuple) as the payload gives it."""
    metric, unit, comparator, value, year = q[:5]
    return {"metric": metric, "comparator": comparator, "value": whole(value), "unit": unit, "year": year, **shape(q)}

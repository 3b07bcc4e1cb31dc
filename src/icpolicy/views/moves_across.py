"""Targets that moved between sentences already paired with others, for `changes`.

The alignment (views/align.py) pairs each sentence with at most one of the other year's.  A sentence that states
several figures (国内生产总值增长3%，城镇新增就业1206万人，居民消费价格上涨2%) pairs with the other year's sentence
most like it, and the figures the other year states in other sentences (国内生产总值增长8.1%。…居民消费价格上涨0.9%。)
had no move.  So a target stated once in each document (by one sentence, once: its metric of ONLY_METRIC characters
or more, unit, comparator, kind and year, align.target_key), with another value, also pairs the two sentences that state
it, when either of them is in a pair with another sentence already: such a sentence is in more than one changed pair.
Two sentences neither of which is paired are align.pair_moved_targets' to pair (or not)."""

from __future__ import annotations

from icpolicy.views.align import near_key, moved_targets, stated_once
from icpolicy.views.stated import Stated


def across(old: list[dict], new: list[dict], pairs: list[tuple], added: list[dict], removed: list[dict],
           year_from: int, year_to: int, stated: Stated) -> tuple[list[tuple], list[dict], list[dict]]:
    """(more pairs, added, removed): `old` and `new` the sentences compared (each document's, or the query's), `pairs`
    the changed pairs found, `added` and `removed` the sentences left over."""
    if not pairs:
        return [], added, removed
    once_before = {key: (old[i], value) for key, (i, value) in stated_once(old, year_from, year_to, stated).items()}
    once_after = {key: (new[j], value) for key, (j, value) in stated_once(new, year_to, year_to, stated).items()}
    if not (once_before and once_after):
        return [], added, removed
    paired_old = {_at(a): _at(b) for a, b, _ in pairs}
    paired_new = {_at(b): _at(a) for a, b, _ in pairs}
    listed = {key: [value] for key, value in once_before.items()}  # (near_key's table: a list per key)
    chosen: dict[tuple, tuple[dict, dict]] = {}
    for key, (b, value) in once_after.items():
        was = near_key(listed, key)
        if not was or was[0][1] == value:
            continue
        a = was[0][0]
        if paired_old.get(_at(a)) == _at(b) or (_at(a) not in paired_old and _at(b) not in paired_new):
            continue  # shown already, or two left-over sentences (pair_moved_targets' to judge)
        chosen.setdefault((_at(a), _at(b)), (a, b))
    more = []
    if chosen:
        from rapidfuzz import fuzz

        for a, b in chosen.values():
            if moved_targets(a, b, year_from, year_to, stated):  # (a figure summed over years against one year's: none)
                more.append((a, b, fuzz.ratio(a["text"], b["text"])))
    taken_old, taken_new = {_at(a) for a, _, _ in more}, {_at(b) for _, b, _ in more}
    return more, [s for s in added if _at(s) not in taken_new], [s for s in removed if _at(s) not in taken_old]


def _at(sentence: dict) -> tuple:
    return sentence["doc_id"], sentence["passage"], sentence["sentence"]

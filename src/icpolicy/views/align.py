"""Sentence alignment for the changes view: which sentences of two documents are kept, changed
(the most similar pairs above THRESHOLD, a sentence kept whole inside a longer one, or a target
whose value moved), added or removed, and the character diff of a changed pair (rapidfuzz).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.text.normalize import normalise
from icpolicy.units import whole
from icpolicy.views.stated import Stated

THRESHOLD = 60.0  # rapidfuzz ratio (0-100) above which two sentences are one sentence changed
EXTENDED_MIN = 8  # characters of an old sentence found whole inside a new one that make the two one sentence changed
MOVED_FLOOR = 40.0  # a pair below THRESHOLD still counts when a target in it moved, down to this
# ... and, reworded further, down to ONLY_FLOOR when its metric is one of ONLY_METRIC characters or more that one
# left-over sentence states on each side (旅游收入完成82.8亿元 / 全年旅游收入达到94.8亿元): no other pair could be meant
ONLY_METRIC = 4
ONLY_FLOOR = 20.0
NEAR_METRIC = 2  # characters one year's metric may add to the other's and still be the same measure (城镇新增就业 / 新增就业)

def align(old: list[dict], new: list[dict], threshold: float, plain: tuple[list[bool], list[bool]] | None = None):
    """(kept count, [(old, new, similarity)], added, removed): exact matches first, then the most
    similar remaining pairs (greedy, best first) above the threshold, then a sentence kept whole
    inside a longer one.  plain: whether each old and new sentence comes from a plain passage
    (engine/schema.plain_ideographs), when known."""
    old_keys, new_keys = _exact_keys(old, new, plain)
    remaining_old = {}
    for k, key in enumerate(old_keys):
        remaining_old.setdefault(key, []).append(k)
    kept, left_new = 0, []
    used_old = set()
    for s, key in zip(new, new_keys):
        slots = remaining_old.get(key)
        if slots:
            used_old.add(slots.pop(0))
            kept += 1
        else:
            left_new.append(s)
    left_old = [s for k, s in enumerate(old) if k not in used_old]
    pairs = []
    if left_old and left_new:
        pairs, left_new, left_old = similar_pairs(left_old, left_new, threshold)
        extended = _extended_pairs(left_old, left_new)
        pairs += [(left_old[i], left_new[j], score) for i, j, score in extended]
        pairs.sort(key=lambda p: (p[1]["passage"], p[1]["sentence"]))
        taken_old, taken_new = {i for i, _, _ in extended}, {j for _, j, _ in extended}
        left_old = [s for i, s in enumerate(left_old) if i not in taken_old]
        left_new = [s for j, s in enumerate(left_new) if j not in taken_new]
    return kept, pairs, left_new, left_old


def similar_pairs(old: list[dict], new: list[dict], threshold: float) -> tuple[list[tuple], list[dict], list[dict]]:
    """([(old, new, similarity)], new left, old left): the most similar pairs at or above the threshold, greedy, best first."""
    candidates = sorted(_similar_pairs([s["text"] for s in old], [s["text"] for s in new], threshold), reverse=True)
    pairs, taken_old, taken_new = [], set(), set()
    for score, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((old[i], new[j], score))
    return pairs, [s for j, s in enumerate(new) if j not in taken_new], [s for i, s in enumerate(old) if i not in taken_old]


def _extended_pairs(old: list[dict], new: list[dict]) -> list[tuple[int, int, float]]:
    """(i, j, similarity): a sentence kept whole inside a longer one (a clause added to it) is that
    sentence changed, though fuzz.ratio puts it below the threshold by length alone.  Each old sentence
    of at least EXTENDED_MIN characters (without its closing mark) pairs with the first remaining new
    sentence that holds it."""
    from rapidfuzz import fuzz

    pairs, taken, forms, joined, starts = [], set(), [], None, []
    for i, a in enumerate(old):
        core = normalise(a["text"]).rstrip("。；;，,.!！?？ ")
        if len(core) < EXTENDED_MIN:
            continue
        if joined is None:  # each new sentence normalised once, and only when some old one is long enough
            forms, at = [normalise(b["text"]) for b in new], 0
            for form in forms:
                starts.append(at)
                at += len(form) + len(_SEPARATOR)
            joined = _SEPARATOR.join(forms)
        j = _first_holding(forms, joined, starts, core, taken)
        if j is not None:
            taken.add(j)
            pairs.append((i, j, fuzz.ratio(a["text"], new[j]["text"])))
    return pairs


_SEPARATOR = "\x00"  # between the new sentences' forms in one string: searched at once, in C


def _first_holding(forms: list[str], joined: str, starts: list[int], core: str, taken: set[int]) -> int | None:
    """The first sentence not taken whose form holds core (joined: the forms apart by _SEPARATOR, each at its start)."""
    if _SEPARATOR in core:  # never in a cleaned text; were it there, a match could run over two forms
        return next((j for j, form in enumerate(forms) if j not in taken and core in form), None)
    at = joined.find(core)
    while at != -1:
        j = bisect.bisect_right(starts, at) - 1
        if j not in taken:
            return j
        at = joined.find(core, starts[j + 1]) if j + 1 < len(starts) else -1
    return None


def _exact_keys(old: list[dict], new: list[dict], plain) -> tuple[list, list]:
    """The sentences' search forms: sentences with the same one are the same sentence (kept).

    A sentence of a plain passage has a search form of its own length, so when every sentence
    is one, a sentence of a length the other side does not have cannot be kept: it gets a key of
    its own instead of being normalised (a sentence of the same form on its side has the same
    length, so it gets one too, and no slot is taken in another order)."""
    if plain is None or not (all(plain[0]) and all(plain[1])):
        return [normalise(s["text"]) for s in old], [normalise(s["text"]) for s in new]
    old_lengths, new_lengths = {len(s["text"]) for s in old}, {len(s["text"]) for s in new}
    return ([normalise(s["text"]) if len(s["text"]) in new_lengths else ("old", k) for k, s in enumerate(old)],
            [normalise(s["text"]) if len(s["text"]) in old_lengths else ("new", k) for k, s in enumerate(new)])


def _similar_pairs(old: list[str], new: list[str], threshold: float):
    """(score, i, j) of every pair at or above the threshold.  fuzz.ratio is at most
    200·short/(short+long), so each old sentence is scored (by process.extract, in C) only
    against the new ones of a length that can reach the threshold."""
    from rapidfuzz import fuzz, process

    order = sorted(range(len(new)), key=lambda j: len(new[j]))
    texts = [new[j] for j in order]
    lengths = [len(t) for t in texts]
    least = threshold / (200 - threshold) if threshold < 100 else 1.0  # shortest/longest ratio that can reach it
    for i, text in enumerate(old):
        lo = bisect.bisect_left(lengths, len(text) * least - 1e-9)
        hi = bisect.bisect_right(lengths, len(text) / least + 1e-9) if least else len(texts)
        if lo >= hi:
            continue
        for _, score, k in process.extract(text, texts[lo:hi], scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
            yield score, i, order[lo + k]


def pair_moved_targets(old: list[dict], new: list[dict], year_from: int, year_to: int, stated: Stated | None = None):
    """Pairs (old, new, similarity) of sentences left over by the alignment that state the same
    target (metric, unit, comparator) with another value: a moved target is a change, however
    much the wording around it changed.  Returns (pairs, new left, old left).

    Such a pair holds a number on both sides and is at least MOVED_FLOOR similar, so only the
    sentences of such pairs have their quantities read (reading them is most of the time)."""
    stated = stated or Stated()
    near = _near_pairs(old, new, stated)
    by_target: dict[tuple, list[tuple[int, float]]] = {}  # (metric, unit, comparator) -> old sentences and values
    for i in sorted({i for i, _ in near}):
        for quantity in stated(old[i], year_from):
            if quantity[0]:
                by_target.setdefault(target_key(quantity, year_from, year_to), []).append((i, _amount(quantity)))
    candidates = []
    if near:
        from rapidfuzz import fuzz
    for j in sorted({j for _, j in near}):
        sentence = new[j]
        moved = {i for quantity in stated(sentence, year_to) if quantity[0]
                 for i, before in near_key(by_target, target_key(quantity, year_to, year_to)) if before != _amount(quantity)}
        for i in moved:
            score = fuzz.ratio(old[i]["text"], sentence["text"])
            if score >= MOVED_FLOOR and _comparable(old[i], sentence, year_from, year_to, stated) and _moves(stated(old[i], year_from), stated(sentence, year_to), year_from, year_to):
                candidates.append((score, i, j))
    pairs, used_old, used_new = [], set(), set()
    for score, i, j in sorted(candidates, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j], score))
    for score, i, j in _only_statements(old, new, used_old, used_new, year_from, year_to, stated):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j], score))
    return pairs, [s for j, s in enumerate(new) if j not in used_new], [s for i, s in enumerate(old) if i not in used_old]


def _only_statements(old, new, used_old, used_new, year_from, year_to, stated: Stated) -> list[tuple[float, int, int]]:
    """(score, i, j), best first: the left-over old and new sentence that are the only ones on their
    side to state a metric of ONLY_METRIC characters or more (with its unit and comparator), with
    another value, and are at least ONLY_FLOOR similar.  Reads the quantities of every left-over
    sentence that may hold one."""
    before, after = stated_once(old, year_from, year_to, stated, used_old), stated_once(new, year_to, year_to, stated, used_new)
    if not (before and after):
        return []
    from rapidfuzz import fuzz

    found = set()
    listed = {k: [v] for k, v in before.items()}  # (near_key's table: a list per key)
    for key, (j, value) in after.items():
        was = near_key(listed, key)
        if was and was[0][1] != value:
            i = was[0][0]
            score = fuzz.ratio(old[i]["text"], new[j]["text"])
            if score >= ONLY_FLOOR and _comparable(old[i], new[j], year_from, year_to, stated):
                found.add((score, i, j))
    return sorted(found, reverse=True)


def stated_once(sentences: list[dict], year: int, later: int, stated: Stated, used=frozenset()) -> dict[tuple, tuple[int, float]]:
    """Target key (target_key, of a document of `year` compared with one of `later`) -> (the index of the one sentence that
    states it, its amount: _amount), for the targets of ONLY_METRIC characters or more that one sentence of `sentences` states
    once, the `used` ones left out."""
    seen: dict[tuple, list[tuple[int, float]]] = {}
    for i, s in enumerate(sentences):
        if i not in used:
            for quantity in dict.fromkeys(stated(s, year)):
                if len(quantity[0]) >= ONLY_METRIC:
                    seen.setdefault(target_key(quantity, year, later), []).append((i, _amount(quantity)))
    return {key: found[0] for key, found in seen.items() if len({i for i, _ in found}) == 1 and len(found) == 1}


def _near_pairs(old: list[dict], new: list[dict], stated: Stated) -> set[tuple[int, int]]:
    """(i, j) of the old and new sentences that both hold a number and are about MOVED_FLOOR
    similar or more (scored by process.extract, in C; half a point below the floor, so that no
    pair fuzz.ratio puts at the floor is missed)."""
    with_number = [j for j, s in enumerate(new) if stated.may_hold(s)]
    if not with_number:
        return set()
    from rapidfuzz import fuzz, process

    choices = [new[j]["text"] for j in with_number]
    near = set()
    for i, s in enumerate(old):
        if stated.may_hold(s):
            for _, _, k in process.extract(s["text"], choices, scorer=fuzz.ratio, score_cutoff=MOVED_FLOOR - 0.5, limit=None):
                near.add((i, with_number[k]))
    return near


def char_diff(a: str, b: str) -> list[list[str]]:
    """The edit from a to b as [op, old text, new text] runs: equal, delete, insert or replace."""
    from rapidfuzz.distance import Indel

    out = []
    for op in Indel.opcodes(a, b):
        old, new = a[op.src_start:op.src_end], b[op.dest_start:op.dest_end]
        if out and out[-1][0] != "equal" and op.tag != "equal":
            out[-1] = ["replace", out[-1][1] + old, out[-1][2] + new]
        else:
            out.append([op.tag, old, new])
    return out


def moved_targets(a: dict | str, b: dict | str, year_a: int, year_b: int, stated: Stated | None = None) -> list[dict]:
    """Quantities of the same metric, unit and comparator whose value differs between two sentences (texts or records,
    see Stated), in the order of the second's (see _moves)."""
    stated = stated or Stated()
    if not _comparable(a, b, year_a, year_b, stated):
        return []
    return [{"metric": quantity[0], "comparator": quantity[2], "unit": quantity[1], "from": whole(old[3]), "to": whole(quantity[3]),
             "from_year": old[4], "to_year": quantity[4], **({"from_unit": old[1]} if old[1] != quantity[1] else {}),
             **shape(quantity), **{f"from_{k}": v for k, v in shape(old).items()}}
            for old, quantity in _moves(stated(a, year_a), stated(b, year_b), year_a, year_b)]


def shape(quantity: tuple) -> dict:
    """What a quantity's number says besides its value, as the targets view gives it: {"high": a range's upper end or
    None, "bound": 超过, 以内, 左右 or ""} (增长20%—25%: high 25; 150亿元以上: bound 超过)."""
    return {"high": whole(quantity[6]) if len(quantity) > 6 else None, "bound": quantity[7] if len(quantity) > 7 else ""}


def _moves(before: list[tuple], after: list[tuple], year_a: int, year_b: int) -> list[tuple[tuple, tuple]]:
    """(old quantity, new quantity) of each quantity that moved between two sentences' quantities (of documents of
    year_a and year_b), in the order of `after` (one target: target_key, its comparator the new side's; (metric, unit,
    comparator, value, year, kind) each).  A metric stated as often on both sides pairs its values in order
    (分别提高13.1%和17.7% -> 分别提高9.97%和14.1%: 13.1 -> 9.97, 17.7 -> 14.1; 分别增加30元和5元 on both sides: nothing
    moved); stated once on one side, that value against each of the other's; else nothing (which of several is which
    would be a guess)."""
    olds: dict[tuple, list] = {}
    counts: dict[tuple, int] = {}
    for quantity in before:
        olds.setdefault(target_key(quantity, year_a, year_b), []).append(quantity)
    for quantity in after:
        key = target_key(quantity, year_b, year_b)
        counts[key] = counts.get(key, 0) + 1
    out, seen = [], {}
    for quantity in after:
        key = target_key(quantity, year_b, year_b)
        n, seen[key] = seen.get(key, 0), seen.get(key, 0) + 1
        was = near_key(olds, key)
        if not was:
            continue
        if len(was) == counts[key]:
            pairs = [(was[n], quantity)]
        elif len(was) == 1:
            pairs = [(was[0], quantity)]
        elif counts[key] == 1:
            pairs = [(w, quantity) for w in was]
        else:
            continue
        # (one amount with another bound or range moved too: 增长5%以上 -> 增长5%左右)
        out += [(w, v) for w, v in pairs if not (_same_amount(w, v) and shape(w) == shape(v)) and not {w[0], v[0]} & _generic()]
    return out


def _same_amount(a: tuple, b: tuple) -> bool:
    """Whether two quantities of one target state one amount, in their units (1000亿元 and 0.1万亿元)."""
    return _amount(a) == _amount(b)


def _amount(quantity: tuple) -> float:
    """A quantity's value in its unit without the multiplier (0.11万亿元: 1.1e11), to twelve digits."""
    scale = _scaled(quantity[1])[1]
    return quantity[3] if scale == 1.0 else float(f"{quantity[3] * scale:.12g}")


@lru_cache(maxsize=256)
def _scaled(unit: str) -> tuple[str, float]:
    """(the unit without its multiplier, the multiplier): 万亿元 -> (元, 1e12); 万片/月 -> (片/月, 1e4); 万 -> (万, 1)."""
    for prefix, times in sorted(load_toml("changes.toml")["unit_multipliers"].items(), key=lambda item: -len(item[0])):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix):], times
    return unit, 1.0


def near_key(table: dict[tuple, list], key: tuple) -> list:
    """What table holds for a target key, or for the one key whose metric differs from its metric only by a word of
    at most NEAR_METRIC characters put in (新增就业 / 城镇新增就业, 办理人大代表建议 / 共办理区人大代表建议: the same measure,
    one year's report wording it fuller), its unit, comparator and year the same; else []."""
    if key in table:
        return table[key]
    metric, rest = key[0], key[1:]
    near = [k for k in table if k[1:] == rest and k[0] and metric and _put_in(k[0], metric)]
    return table[near[0]] if len(near) == 1 else []


def _put_in(a: str, b: str) -> bool:
    """True when the shorter of two metrics (of ONLY_METRIC characters or more) is the longer with at most
    NEAR_METRIC characters left out, in order."""
    short, long = sorted((a, b), key=len)
    if len(short) < ONLY_METRIC or not 0 < len(long) - len(short) <= NEAR_METRIC:
        return False
    chars = iter(long)
    return all(c in chars for c in short)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Metrics that name no measure by themselves (计划投资): never a moved target (data/changes.toml [generic])."""
    return frozenset(load_toml("changes.toml")["generic"]["metrics"])


@lru_cache(maxsize=1)
def _cumulative() -> re.Pattern:
    return re.compile(load_toml("changes.toml")["cumulative"]["pattern"])


def _comparable(a: dict | str, b: dict | str, year_a: int = 0, year_b: int = 0, stated: Stated | None = None) -> bool:
    """False when one sentence states a figure summed over several years and the other does not: no target of the one
    moved to the other.  Summed over several years: by its own words (五年累计…: data/changes.toml [cumulative]), or by
    its passage's, a look-back over several years before its document's (五年来… or a heading's 过去五年工作回顾, then
    棚户区住房改造2600多万套: the passage speaks for 2013–2017 in the 2018 report)."""
    over = [bool(_cumulative().search(s if isinstance(s, str) else s["text"])) or _looks_back(s, year, stated)
            for s, year in ((a, year_a), (b, year_b))]
    return over[0] == over[1]


def _looks_back(sentence: dict | str, year: int, stated: Stated | None) -> bool:
    """Whether a sentence's passage speaks for three years or more, all before its document's year, and the sentence
    names no one year of them (data/changes.toml [cumulative] one_year)."""
    if stated is None or isinstance(sentence, str) or not year:
        return False
    years = stated.years.get((sentence["doc_id"], sentence["passage"]), ())
    return len(years) >= 3 and max(years) < year and not _one_year().search(sentence["text"])


@lru_cache(maxsize=1)
def _one_year() -> re.Pattern:
    return re.compile(load_toml("changes.toml")["cumulative"]["one_year"])


@lru_cache(maxsize=1)
def _same_level() -> frozenset[str]:
    return frozenset(load_toml("changes.toml")["same_level"])


def target_key(quantity: tuple, own: int, later: int) -> tuple:
    """What makes two quantities one target: metric, unit and comparator (the comparators of one level as one:
    达到1000亿元 → 突破1200亿元 moved; data/changes.toml), its kind (a result reported and a target set are no move of
    each other: 完成22250元 → 达到25617元), and the year it is for, of a document of year `own`
    compared with one of year `later`: either document's own year is one (今年增长5% in each year's report; 到2025年
    in the 2024 plan and 今年 in the 2025 report), and so is the year before each (the figures each report's review gives
    for its year before: 城镇新增就业1206万人 for 2022 in the 2023 report → 1244万人 for 2023 in the 2024 report, however
    precisely each review passage's years were told; the kind keeps a review's result from the plan's target); any other
    year stands for itself (到2025年 against 到2027年: another horizon, no move; 2023年完成… against 2024年完成…, both
    named: two years' results)."""
    metric, unit, comparator, _, year, kind = quantity[:6]
    year = year or own
    when = "own" if year in (own - 1, own, later) else year  # (own - 1: each report's review of its year before)
    return metric, _scaled(unit)[0], "level" if comparator in _same_level() else comparator, when, kind

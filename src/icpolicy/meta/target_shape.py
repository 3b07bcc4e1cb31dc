"""What a figure's number says besides its value: a running total (累计建成…: 累计, not 新增), a bound (增长超30%: at least 30%), a range's upper end
(6%—7%, 5至8个), a fraction as written (占1/3).  Pure helpers of meta/targets.py.

A bound is named as the comparators name one (data/targets.toml `bound_names`: 超过 at least, 以内 at most), so one
word list says what bounds a figure whether it is the row's comparator (不低于5亿元: 超过) or qualifies another one
(增长超30%: 增长, bound 超过; 稳定在5.5亿吨以上: 达到, bound 超过).
"""

from __future__ import annotations

import re

from icpolicy.meta.target_numbers import number
from icpolicy.meta.target_rules import Rules

_TAIL = re.compile(r"\s*(.)\s*(\d+(?:\.\d+)?)")  # a range mark and the number after it (its unit checked apart)


def bound_of(lead: str, suffix: str, comparator: str, r: Rules) -> str:
    """超过 (a lower bound), 以内 (an upper bound) or "": the comparator when it is a bound, else a bound word right before
    the number (增长超过30%, 增长不低于5%), else a bound suffix after it (15%以上, 5%以内)."""
    if comparator in r.bound_names:
        return comparator
    lead = lead.rstrip()
    last = None
    for found in r.comparator_re.finditer(lead) if lead[-1:] in r.bound_ends else ():
        last = found
    if last is not None and last.end() == len(lead) and r.comparator_names[last.group(0)] in r.bound_names:
        return r.comparator_names[last.group(0)]
    named = r.suffixes.get(suffix, "")
    return named if named in r.bound_names else ""


def upper_of(match, rest: str, unit: str, r: Rules) -> float | None:
    """The upper end of a range, in the figure's unit: written as one number (5至8个, 100-120亿元), or a number in the
    same unit right after a range mark (6%-7%, 30家-50家, 1.2万人至1.5万人; `rest` the text after the figure); None
    for a single number."""
    to = match.group("to")
    if to:
        return number(to)
    tail = _TAIL.match(rest) if rest[:1] in r.range_marks or rest[:1].isspace() else None
    return float(tail.group(2)) if tail and tail.group(1) in r.range_marks and rest.startswith(unit, tail.end()) else None


def ratio_of(match) -> str:
    """A fraction as written, part/whole (占1/3, 三分之二 → "2/3"); "" for any other number (百分之五 is an exact %)."""
    if match.group("part"):
        return f"{int(match.group('part'))}/{int(match.group('whole'))}"
    den = match.group("den")
    if den and den != "百":
        part, whole = number(match.group("num")), number(den)
        return f"{part:g}/{whole:g}"
    return ""


def cumulative(comparator: str, lead: str, r: Rules) -> str:
    """累计 (data: cumulative_name) for a figure added (新增) after a cumulative word in its clause (`lead`: the clause's words
    before the number; 累计建成5G基站18.6万个), else the comparator as it is."""
    words, name = r.cumulative
    return name if comparator == r.adding_name and any(w in lead for w in words) else comparator

"""Numbers in figures that look like years and are none: a quantity (突破2000亿元, 新增2030家) or an ordinal (第2087号建议).
Read by years.title_year before a bare number in a title is taken for its year."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.year_words import years_rule


def not_a_year(text: str, match: re.Match) -> bool:
    """True when the bare number at match is a quantity or an ordinal, not a year."""
    return _counted(text, match) or _ordinal(text, match)


@lru_cache(maxsize=1)
def _quantity() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """data/targets.toml's units (after 多/余 or none): one of several characters or led by 万/亿 (亿元, 万家,
    个百分点), one character (家, 人, 台), and its words that stand just before a number (突破, 新增, 超)."""
    raw = load_toml("targets.toml")
    units = sorted(raw["units"], key=len, reverse=True)
    long = [u for u in units if len(u) > 1 or u in "万亿"]
    short = [u for u in units if u not in long]
    verbs = sorted(set(raw["adjacent_only"] + raw["overridable"] + raw["counts_kept"]), key=len, reverse=True)
    return (re.compile(r"\s*[多余]?(?:" + "|".join(map(re.escape, long)) + ")"),
            re.compile(r"\s*[多余]?(?:" + "|".join(map(re.escape, short)) + ")"),
            re.compile("(?:" + "|".join(map(re.escape, verbs)) + r")\s*$"))


def _counted(text: str, match: re.Match) -> bool:
    """True when a bare number is a quantity, not a year: followed by a unit of several characters or
    led by 万/亿 (突破2000亿元), or by a one-character unit after a word that leads figures (新增2030家;
    not 2025人工智能大会)."""
    long, short, verb = _quantity()
    if long.match(text, match.end()):
        return True
    return bool(short.match(text, match.end()) and verb.search(text, 0, match.start()))


def _ordinal(text: str, match: re.Match) -> bool:
    """True when a bare number is an ordinal (第2087号: data/years.toml [ordinal])."""
    return bool(years_rule("ordinal", "before").search(text, 0, match.start()) and years_rule("ordinal", "after").match(text, match.end()))

"""A paragraph that opens on a named period or on words of several years past (“十四五”时期，…; 过去五年，…), and the
period before a plan's own that its base section tells of: read from data/years.toml [periods] and [relative] through
year_words.word_rules.  Used by year_leads.py and passage_years.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.meta.year_words import word_rules


@lru_cache(maxsize=1)
def _period_lead() -> re.Pattern:
    names = sorted(word_rules()[3], key=len, reverse=True)
    # (展望“十五五”，…: a look ahead at the period, with or without 时期)
    return re.compile(r"^\s*(?:展望\s*)?[“\"‘']?(" + "|".join(map(re.escape, names)) + r")[”\"’']?(?:规划)?(?:时期|期间|以来|(?<=[”\"’'])(?=\s*[，,]))\s*[，,]") if names else re.compile("(?!)")


def opening_period(text: str) -> tuple[tuple[int, int], int] | None:
    """The (first, last) years of the period a paragraph opens by naming (“十四五”时期，…: (2021, 2025)) and where
    that lead ends, or None (year_leads.period_lead judges the rest)."""
    match = _period_lead().match(text)
    return (word_rules()[3][match.group(1)], match.end()) if match else None


@lru_cache(maxsize=1)
def _look_back_lead() -> re.Pattern:
    _, relative, _, _ = word_rules()
    words = sorted((w for w, v in relative.items() if isinstance(v, list) and max(v) < 0), key=len, reverse=True)
    return re.compile(r"^\s*(" + "|".join(map(re.escape, words)) + r")(?:里|中|间)?\s*[，,]") if words else re.compile("(?!)")


def opening_look_back(text: str, base: int) -> tuple[tuple[int, int], int] | None:
    """The (first, last) years a paragraph opens by looking back over, in words of several years counted from base
    (过去五年，… in a 2023 report: (2018, 2022)), and where that lead ends, or None."""
    match = _look_back_lead().match(text) if base else None
    if not match:
        return None
    offsets = word_rules()[1][match.group(1)]
    return (base + min(offsets), base + max(offsets)), match.end()


@lru_cache(maxsize=64)
def period_before(own: tuple[int, ...]) -> tuple[int, ...]:
    """The years before the ones a plan's years are, that its base section tells of: the named period before a named
    period's (a “十五五” plan, 2026–2030: the “十四五”'s, 2021–2025), else the year before a span's first (a 2025—2030
    plan: 2024, the base year its 截至2024年底，… states); () for a document of one or two years (a summary and plan,
    2024年工作总结和2025年工作计划, whose 发展现状 is its first year's)."""
    spans = [range(start, end + 1) for start, end in word_rules()[3].values()]
    if len(own) < 3 or tuple(own) != tuple(range(own[0], own[-1] + 1)):
        return ()
    if tuple(own) not in [tuple(span) for span in spans]:
        return (own[0] - 1,)
    return next((tuple(span) for span in spans if span[-1] == own[0] - 1), ())

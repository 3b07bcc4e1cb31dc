"""The years of a sentence's figures (到2025年, 由2010年的…增加到2015年的…, “十四五”末, 去年), by the rules in
data/targets.toml: a pure helper of meta/targets.py."""

from __future__ import annotations

import re

from icpolicy.meta.target_metric import OPENING_QUOTES as _OPENING_QUOTES
from icpolicy.meta.target_patterns import year_number
from icpolicy.meta.target_rules import Rules


def years_of(sentence: str, default: int, r: Rules, totals: bool = True) -> list[tuple[int, int, bool]]:
    """(position, year, came from a target marker) of every year a figure may be for, in order.  totals: a total over a
    period still running is for its last year (not in a report's review, or a report of results: what is done so far)."""
    out = []
    for match in r.year.finditer(sentence) if "年" in sentence else ():  # (every year ends with 年: most sentences hold none)
        before = sentence[max(0, match.start() - 4): match.start()]
        if before.endswith(r.base_markers):
            continue
        if before.endswith(("~", "～", "-", "—", "至")) and sentence[match.end():match.end() + 1] in ")）":
            continue
        if sentence.startswith(r.year_not_before, match.end()):
            if default and sentence.startswith(r.span_openers, match.end()):
                out.append((match.start(), default, False))  # 从1998年起，…: a span up to the passage's year
            continue
        if r.multiple_base.match(sentence, match.end()):
            continue  # 为1982年的3.4倍: the base of a multiple, not the figure's year
        after = sentence[match.end(): match.end() + 3]
        if re.match(r"\s*[-~～—–至到]\s*(?:19|20)\d{2}", after):
            continue  # the start of a range: the end year governs
        marker = before.endswith(r.target_year_markers) and not before.endswith(r.not_target_markers)
        out.append((match.start(), year_number(match.group(1)), marker))
        _pair_end(sentence, match, before, out, r)
    if any(c in sentence for c in r.period_hint):  # “十四五”末: the period's last year
        for match in r.period_end.finditer(sentence):
            start = match.start() - (sentence[match.start() - 1: match.start()] in _OPENING_QUOTES if match.start() else 0)
            before = sentence[max(0, start - 4): start]
            if before.endswith(r.base_markers):
                continue
            marker = before.endswith(r.target_year_markers) and not before.endswith(r.not_target_markers)
            out.append((start, r.period_years[match.group(1)], marker))
            _pair_end(sentence, match, before, out, r)
        for match in r.period_total.finditer(sentence) if totals else ():  # “十四五”期间累计完成… in 2024: its last year
            if default and r.period_years[match.group(1)] > default:
                out.append((match.start() - (sentence[match.start() - 1: match.start()] in _OPENING_QUOTES if match.start() else 0),
                            r.period_years[match.group(1)], False))
    if default:
        for match in r.relative_re.finditer(sentence):
            before = sentence[max(0, match.start() - 2): match.start()]
            if before.endswith(r.base_markers):
                continue
            out.append((match.start(), default + r.relative[match.group(0)], False))
            _pair_end(sentence, match, before, out, r)
            end = r.clause_end.search(sentence, match.end()) if match.group(0) in r.clause_years else None
            if end:
                out.append((end.start(), None, False))  # 今明两年…，高职院校扩招: its clause only
    return sorted(out, key=lambda y: y[0])


def pair_years(sentence: str, years: list, last_pair, r: Rules):
    """(opener position, closer position, start year, end year) of a 由…到 pair in a sentence: with years of its
    own (由2010年的162.4亿元增加到2015年的287.9亿元), or with none when a pair before gave them (last_pair)."""
    if years:
        start = r.pair_start.search(sentence)
        end = r.pair_end.search(sentence, start.end()) if start else None
        after = r.year.search(sentence, end.end(), end.end() + 6) if end else None
        return (start.start(), end.start(), year_number(start.group(1)), year_number(after.group(1))) if after else None
    if not last_pair:
        return None
    start = r.pair_bare.search(sentence)
    end = r.pair_end.search(sentence, start.end()) if start else None
    return (start.start(), end.start(), *last_pair) if end else None


def _pair_end(sentence: str, match: re.Match, before: str, out: list, r: Rules) -> None:
    """A year opening a change written as a pair (由上年的512万吨增加到538万吨) is the year of its first
    figure only: from the pair's 到 on, the year in force before it governs again (None marks it)."""
    if before.endswith(r.pair_openers):
        end = r.pair_end.search(sentence, match.end())
        if end:
            out.append((end.start(), None, False))


def year_at(years, position: int, context: tuple[int, bool]) -> tuple[int, bool]:
    best = before_pair = context
    for at, year, marker in years:
        if at < position:
            if year is None:
                best = before_pair
            else:
                before_pair, best = best, (year, marker)
    return best

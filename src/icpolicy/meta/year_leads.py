"""Years a passage opens on: one year (2023年，…), a span or list (2021—2022年，…), next year in words (明年，…), a
period (“十四五”时期，…), and the deadlines it sets (2025年底前…).  Used by tagging.py and news_years.py; the years
a text states or speaks of are years.py's."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import dates
from icpolicy.meta.period_leads import opening_look_back, opening_period
from icpolicy.meta.year_words import since_event, spoken, years_rule
from icpolicy.meta.years import stated
from icpolicy.models import FULL_STOPS


def lead_year(text: str, whole: bool = False) -> int:
    """The one year a passage of one sentence opens by naming (2023年，…; 到2026年，…; data/years.toml [lead]), or 0:
    a paragraph that goes on past it (2023年，全省…。太原市集聚了…。; 到2027年，…。支持济南…) is more than that year.
    whole: a paragraph of several sentences too, when it names no other year (a section reviewing several years
    tells them year by year: 2025年，全区…。张掖路步行街提质扩容…。)."""
    match = years_rule("lead", "pattern").match(dates.plain(text[:40]))
    if not match or _founding(dates.plain(text), match.end(1)):
        return 0  # (…的根在苏州。2009年，公司由…团队孵化成立: the firm's founding, no year the passage speaks for)
    rest = dates.plain(text)[match.end():]  # (plain drops spaces: the rest is read in the match's own text)
    if whole:
        return 0 if any(year != int(match.group(1)) for year in stated(rest)) else int(match.group(1))
    return 0 if goes_on(rest) else int(match.group(1))


def _founding(plain: str, end: int) -> bool:
    """True when the year whose digits end at plain[end] dates a founding ([founded] after: 2009年，公司由…孵化成立) or a
    birth ([founded] born: 1986年，某某出生在…; since session 62)."""
    return plain.startswith("年", end) and bool(years_rule("founded", "after").match(plain, end + 1) or years_rule("founded", "born").match(plain, end + 1))


def period_year_lead(text: str) -> int:
    """The year a passage of one sentence opens on as one of a period's (2026年是“十五五”开局之年，全市将…: data/years.toml
    [lead] period_year), or 0."""
    match = years_rule("lead", "period_year").match(dates.plain(text[:60]))
    return int(match.group(1)) if match and not goes_on(dates.plain(text)[match.end():]) else 0


def stage_years(text: str) -> tuple[int, ...]:
    """The years of a plan's stage a paragraph opens on, in brackets (第一阶段（2025年）：…: 2025; 全面推进阶段（2024年7月—
    2025年12月）。…: 2024–2025; data/years.toml [lead] stage), or the year of a vision it opens on (2035年远景。…: 2035;
    [lead] vision), else ()."""
    plain = dates.plain(text[:60])
    vision = years_rule("lead", "vision").match(plain)
    if vision:
        return (int(vision.group(1)),)  # 4.二〇三五年远景目标。到二〇三五年，… (since session 56)
    match = years_rule("lead", "stage").match(plain)
    found = stated(match.group(1)) if match else ()
    return tuple(range(min(found), max(found) + 1)) if found and max(found) - min(found) <= 5 else ()


def lead_span(text: str) -> tuple[int, ...]:
    """The years a paragraph opens on as a span or a list (2021—2022年，…; 2021年、2022年全省…: data/years.toml [lead]
    span), when it names no year outside them, else ()."""
    plain = dates.plain(text)
    match = years_rule("lead", "span").match(plain[:40])
    if not match:
        return ()
    first, last = int(match.group(1)), int(match.group(2))
    span = tuple(range(first, last + 1)) if first < last <= first + 5 and plain[match.end(1):match.start(2)].strip("年 ") not in "、和及与" \
        else tuple(sorted({first, last}))
    return span if set(stated(plain)) <= set(span) else ()


def next_year_lead(text: str, base: int = 0) -> tuple[int, ...]:
    """How many years after its own (base) each year is that a passage of one sentence opens on in words (明年，…: (1,);
    明后两年，…: (1, 2); [next_lead] of data/years.toml), or a passage of several whose later sentences name no other
    year (明年，本市将新建…。同时，将修订…; since session 61), else ()."""
    match = years_rule("next_lead", "pattern").match(text[:24]) if "明" in text[:24] else None
    if not match:
        return ()
    ahead = (1, 2) if match.group("two") else (1,)
    rest = text[match.end():]
    if goes_on(rest) and not years_rule("next_lead", "period_year").match(text, match.end()):
        later = rest[_sentence_end(rest):]
        named = set(stated(later)) | set(spoken(later, base))
        if not base or not named <= {base + k for k in ahead} or years_rule("next_lead", "now").search(later):
            return ()
    return ahead


def next_year_only(text: str, base: int) -> bool:
    """Whether a story's passage speaks of next year in its first sentence and of no other time (按照计划，二期项目将于明年
    开工，…; 业内人士认为，…产业明年有望…: [next_lead] next_only), no year in figures, no time now, nor 明年 as a target's end
    (到明年底) or a start (明年起); since session 64."""
    first = text[:_sentence_end(text)]
    if "明年" not in first or not base:
        return False  # (…规模约占全国的五分之一。明年，无锡将…: now, then next year)
    rule = years_rule("next_lead", "next_only")
    if rule.search(text) or stated(text) or set(spoken(text, base)) != {base + 1} or years_rule("next_lead", "now").search(text):
        return False
    clauses = _CLAUSE.split(first)
    ahead = years_rule("next_lead", "before_next")
    # (not 双流区的…项目完成设备搬入，预计明年二季度投产: an event now, then next year)
    return all(ahead.search(clause.strip("“”\"")) for clause in clauses[:next(k for k, c in enumerate(clauses) if "明年" in c)])


_CLAUSE = re.compile(r"[，,；;]")


def _sentence_end(text: str) -> int:
    """Where a passage's first sentence ends (at its first full stop, left out), or its length."""
    return min((text.find(mark) for mark in FULL_STOPS if mark in text), default=len(text))


def writer_lead(text: str) -> int | None:
    """The offset from the year a text was signed in of the year a paragraph opens on in words (今年以来，…: 0; 去年，…: -1;
    [writer_lead] of data/years.toml), else None."""
    match = years_rule("writer_lead", "pattern").match(text[:24]) if "年" in text[:16] else None
    if match and match.group("subject"):  # (从全市看，重庆市去年…: a place as its subject; not 与去年相比, 我们要把去年…)
        from icpolicy.meta import regions

        subject = match.group("subject")
        if not regions.covers(regions.gazetteer().find(subject), subject):
            return None
    return _writer_words()[match.group("word") or match.group("viewed")] if match else None


@lru_cache(maxsize=1)
def _writer_words() -> dict[str, int]:
    return load_toml("years.toml")["writer_lead"]["words"]


def goes_on(rest: str) -> bool:
    """True when the rest of a passage after its lead holds another sentence: a sentence end before its last (not
    before a last one that only points to a table: …。分年度目标见下表。, [lead] pointer)."""
    rest = years_rule("lead", "pointer").sub("", rest.rstrip()) if "下" in rest or "见" in rest else rest
    return any(mark in rest.rstrip(FULL_STOPS + " \n") for mark in FULL_STOPS)


def period_lead(text: str, base: int) -> tuple[int, ...]:
    """The years of the period a paragraph opens by naming (“十四五”时期，…: 2021-2025; 过去五年，… in a 2023 report:
    2018-2022), when it names no year outside them after (in figures, or in words counted from base: 今年), else ()."""
    opened = opening_period(text) or opening_look_back(text, base)
    if not opened:
        return ()
    (start, end), at = opened
    rest = text[at:]
    named = set(spoken(rest, base)) | set(stated(rest))  # (由2015年的…提高到2020年: 2015 a base, no year named)
    return tuple(range(start, end + 1)) if named <= set(range(start, end + 1)) else ()


@lru_cache(maxsize=1)
def review_rule() -> dict:
    """Report types that review the year before, and how long a lead names it (data/years.toml, [review])."""
    return load_toml("years.toml")["review"]


@lru_cache(maxsize=1)
def _section_year() -> dict:
    return load_toml("years.toml")["section_year"]


@lru_cache(maxsize=64)
def _section_year_lead(year: int, last: bool) -> re.Pattern:
    rule = _section_year()
    words = "|".join(rule["last_year" if last else "this_year"])
    return re.compile(rule["lead"].replace("{year}", str(year)).replace("{words}", words))


def turns_to_year(first: str, year: int, last: bool = False) -> bool:
    """True when a paragraph's first sentence opens on the report's year (今年主要预期目标是…, 2026年是“十五五”开局
    之年), or with `last` on the year before it (year: 2025年是…收官之年, 过去一年，…): under a heading naming a period
    and that year, it and the rest of the section speak for that year (data/years.toml [section_year])."""
    return bool(_section_year_lead(year, last).match(first))


def turns_to_period(first: str, period: tuple[int, ...], base: int) -> bool:
    """True when a paragraph's first sentences turn to a period under review (“十四五”时期，…; 城乡面貌显著改善。五年来，…:
    two of its years, or a word of [section_year] period_words)."""
    return any(word in first for word in _section_year()["period_words"]) or len(set(spoken(first, base)) & set(period)) > 1


def opens_on_last_year(text: str) -> bool:
    """True when a line opens on a word for the year before (一年来的主要工作是：, 过去一年，我们…以下工作：): in a report's
    review it goes on with the review, however short (data/years.toml [section_year] last_year)."""
    return text.lstrip().startswith(tuple(_section_year()["last_year"]))


_YEARISH = re.compile("年|五|以来|末")  # what a lead naming years holds (2021年至2023年, “十二五”末, 党的十八大以来)


def past_lead(text: str, base: int, first: int) -> tuple[int, ...]:
    """The years a paragraph's short lead names, from before `first` (the document's first year) up to the year the
    text is dated in at most (base), when the rest names no later year (“十二五”末，…: 2015; 2021年至2023年，…;
    “十三五”期间，…; 党的十八大以来，… in a 2025 reply, white paper or report on 2025 and 2026's plan): the paragraph
    looks back to them alone, else ()."""
    lead, comma, rest = text.partition("，")
    if not comma or len(lead) > 14 or not _YEARISH.search(lead):
        return ()  # (most paragraphs: no short lead naming a time)
    said = set(stated(lead)) | set(spoken(lead, base)) | set(since_event(lead, base))
    if len(said) < 2 and "末" not in lead:
        return ()  # one year (过去一年，…; 2023年，…) is the review's and the lead rules' (lead_year)
    last = max(base, first - 1)  # (党的十八大以来，… runs to the year the text is dated in: one of its years)
    if not said or min(said) >= first or max(said) > last:
        return ()
    later = set(stated(rest)) | set(spoken(rest, base))
    return tuple(sorted(said)) if not later or max(later) <= last else ()


def spans_all(text: str) -> bool:
    """Whether a passage of a plan speaks for its whole span whatever years it names (a validity clause, a yearly task:
    data/years.toml [named] whole), or a date line alone (2024年7月: date)."""
    return bool(years_rule("named", "whole").search(text) or years_rule("named", "date").match(text))


def yearly_from(text: str, span: tuple[int, ...]) -> tuple[int, ...]:
    """The years of a plan's span (2025—2027) that a yearly task starting in a later one of them speaks for (自2026年起，
    每年支持…: 2026, 2027: data/years.toml [named] start), else ()."""
    starts = {int(m.group(1)) for m in years_rule("named", "start").finditer(text)}
    if len(starts) != 1:
        return ()
    first = starts.pop()
    return tuple(y for y in span if y >= first) if min(span) < first <= max(span) else ()


def recent_span(text: str, years: tuple[int, ...]) -> tuple[int, ...]:
    """The years of a paragraph that opens on the last few (近三年，…: data/years.toml [recent_lead]), ending with the one
    year it otherwise speaks for; else years as they are."""
    lead = years_rule("recent_lead", "pattern").match(text) if len(years) == 1 else None
    if not lead or set(stated(text)) - set(years) or years_rule("recent_lead", "condition").search(text):
        return years
    count = dates.cn_number((lead.group("n") or lead.group("m") or lead.group("prior")).replace("两", "二"))  # (两 as periods.py and year_words read it)
    if lead.group("prior"):  # 此前三年，… in a report on 2024: 2021–2023; with 本年度… after it, 2024 too
        own = years[0] in set(stated(text)) | set(spoken(text[lead.end():], years[0]))
        return tuple(range(years[0] - count, years[0] + own))
    return tuple(range(years[0] - count + 1, years[0] + 1))


def onward(text: str, stated_years: tuple[int, ...], span: tuple[int, ...]) -> tuple[int, ...]:
    """The years of a span from the one date a passage names as the start of what holds (对2024年1月1日以后竣工的项目:
    data/years.toml [named] onward) to its end, when that is the only year it names; else ()."""
    found = {int(m.group(1)) for m in years_rule("named", "onward").finditer(text)}
    if len(found) != 1 or set(stated_years) != found:
        return ()
    first = found.pop()
    return tuple(y for y in span if y >= first) if min(span) <= first <= max(span) else ()

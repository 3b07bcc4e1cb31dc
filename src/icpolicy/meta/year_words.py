"""Years said in words (data/years.toml [relative] and [periods]): 去年 and 今明两年 count from a text's own year,
"十四五" names 2021-2025.  meta/years.py reads them with the years written in figures."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.dates import count, plain


@lru_cache(maxsize=None)
def years_rule(table: str, key: str) -> re.Pattern:
    """A pattern of data/years.toml, compiled once: years_rule("period_year", "after") is [period_year]'s after (what,
    right after a period's name, makes it name one year of it); ("comparison", "before") what makes a relative word a
    comparison's base; ("founded", "before") what right before a year makes it a founding's date (成立于2009年)."""
    return re.compile(load_toml("years.toml")[table][key])


@lru_cache(maxsize=1)
def _ahead_of_period() -> frozenset[str]:
    return frozenset(load_toml("years.toml")["ahead_of_period"]["words"])


def date_line(text: str) -> bool:
    """True when text is only a date of its document's adoption, issue or delivery ([date_line])."""
    return text[:1] in "（(—" and bool(years_rule("date_line", "pattern").match(plain(text.strip())))


def _compared(text: str, start: int, end: int) -> bool:
    """True when the year words at text[start:end] are a comparison's base (比上年, 较2022年: [comparison] before),
    a figure's multiple's (是2021年的2.3倍), or a change's starting point (由2020年的…, 由去年同期的28%…)."""
    if years_rule("comparison", "before").search(text, max(0, start - 2), start):
        return True
    if years_rule("comparison", "level_before").search(text, max(0, start - 3), start) \
            and years_rule("comparison", "level_after").match(text, end):
        return True  # 超过2024年全年水平
    if years_rule("comparison", "base_before").search(text, max(0, start - 1), start) \
            and years_rule("comparison", "base_after").match(text, end):
        return True  # 以2020年为基数
    if years_rule("comparison", "base_named").search(text, max(0, start - 7), start):
        return True  # 基准年为2025年
    if years_rule("comparison", "same_period").match(text, end):
        return True  # 去年同期仅为11%
    if years_rule("comparison", "ground_before").search(text, max(0, start - 1), start) \
            and years_rule("comparison", "ground_after").match(text, end):
        return True  # 在去年营收86亿元的基础上
    before, after, starting, season = _based()
    return bool(before.search(text, max(0, start - 3), start) and after.match(text, end)) \
        or bool(starting.search(text, max(0, start - 1), start) and season.match(text, end))


@lru_cache(maxsize=1)
def _based() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """What around year words makes them a multiple's base or a change's start ([comparison] multiple_…, from…)."""
    rule = load_toml("years.toml")["comparison"]
    return (re.compile(rule["multiple_before"]), re.compile(rule["multiple_after"]), re.compile(rule["from"]),
            re.compile(rule["from_after"]))


def said_once(text: str, base: int) -> list[int]:
    """The year each relative word of one year names (去年 in a 2025 text: 2024), a comparison's base excepted
    (较上年, 比去年同期: [comparison]): one entry per word, to count how often a text speaks of a year."""
    pattern, relative, _, _ = word_rules()
    return [base + relative[m.group()] for m in pattern.finditer(text)
            if isinstance(relative[m.group()], int) and not _compared(text, m.start(), m.end())]


def is_base_year(text: str, start: int, end: int) -> bool:
    """True when the year written at text[start:end] (2020年) is a comparison's base (比2020年, 较2022年), a
    multiple's (是2020年的2倍) or a change's starting point (由2020年的…增长到…): it adds no year to what the text
    speaks for ([comparison])."""
    return _compared(text, start, end)


@lru_cache(maxsize=1)
def _since() -> tuple[re.Pattern, int, str]:
    """A year and 以来, how far back it may lie, and the word itself ([since] of data/years.toml)."""
    rule = load_toml("years.toml")["since"]
    return re.compile(rule["year"] + re.escape(rule["word"])), int(rule["reach"]), rule["word"]


@lru_cache(maxsize=1)
def schedule_longest() -> int:
    """Years a schedule or a term may span ([schedule] longest; year_spans reads it too)."""
    return int(load_toml("years.toml")["schedule"]["longest"])


@lru_cache(maxsize=1)
def _since_event() -> tuple[dict[str, int], re.Pattern]:
    """Congresses and the years they met, and the pattern of one and 以来 ([since_event] of data/years.toml)."""
    events = dict(load_toml("years.toml")["since_event"])
    return events, re.compile("(" + "|".join(map(re.escape, events)) + ")以来")


@lru_cache(maxsize=1)
def _since_recent() -> dict[str, int]:
    return dict(load_toml("years.toml")["since_recent"])


def since_event(text: str, base: int) -> tuple[int, ...]:
    """The years from a congress, or the last few years, to base that text names (党的十八大以来 in a 2025 text:
    2012–2025; 近十年来: 2016–2025: [since_event], [since_recent]), or ()."""
    if not base or "以来" not in text and "年来" not in text:
        return ()
    events, event = _since_event()
    found = event.search(text)
    recent = next((n for word, n in _since_recent().items() if word in text), 0)
    start = events[found.group(1)] if found else base - recent + 1 if recent else base
    return tuple(range(start, base + 1)) if 0 < base - start <= _since()[1] else ()


@lru_cache(maxsize=1)
def word_rules() -> tuple[re.Pattern, dict[str, int | list[int]], re.Pattern, dict[str, tuple[int, int]]]:
    """(pattern of the relative words, their offsets, pattern of the period names, their year ranges)."""
    raw = load_toml("years.toml")
    relative = raw.get("relative", {})
    periods = {k: tuple(v) for k, v in raw.get("periods", {}).items()}
    words = sorted(relative, key=len, reverse=True)
    names = sorted(periods, key=len, reverse=True)
    return (re.compile("(?<![一二三四五六七八九十百\\d])(?:" + "|".join(map(re.escape, words)) + ")" if words else "(?!)"), relative,
            re.compile("|".join(map(re.escape, names)) or "(?!)"), periods)


def within_year(text: str) -> bool:
    """True when text says 年内 of its context's year ([within_year] of data/years.toml), not 三年内."""
    return "年内" in text and bool(years_rule("within_year", "pattern").search(text))


def offsets(value: int | list[int]) -> list[int]:
    """The offsets of a relative word: one (去年: -1) or several (今明两年: 0, 1)."""
    return value if isinstance(value, list) else [value]


def ahead(value: int | list[int]) -> bool:
    """Words of several years from the text's own on (今明两年, 今后五年), not of years past (过去五年)."""
    return isinstance(value, list) and min(value) >= 0


@lru_cache(maxsize=1)
def _duration() -> tuple[re.Pattern, re.Pattern, re.Pattern, int, tuple[re.Pattern, re.Pattern, re.Pattern]]:
    """A stretch of years a text sets itself, what before it and after it tells of one already spent, the longest
    ([duration] of data/years.toml)."""
    rule = load_toml("years.toml")["duration"]
    return (re.compile(rule["pattern"]), re.compile(rule["past"]), re.compile(rule["done"]), int(rule["span"]),
            (re.compile(rule["within"]), re.compile(rule["within_aim"]), re.compile(rule["within_doing"])))


def stretches(text: str, base: int) -> set[int]:
    """The years of each stretch a text sets itself (用三年时间 in a 2026 text: 2026–2028; 从明年起用三年时间: 2027–2029;
    自2027年起利用五年左右时间: 2027–2031); none for a stretch already spent (仅用三年时间就…, 用八年时间把…聚到了一起)."""
    pattern, past, done, span, _ = _duration()
    found = within_years(text, base)
    for m in pattern.finditer(text) if "时间" in text else ():
        if past.search(text, max(0, m.start("use") - 4), m.start("use")) or done.match(text, m.end()):
            continue
        if m.group("year"):
            start = int(m.group("year"))  # 自2027年起
        else:
            start = base + (m.group("word") == "明年") if base else 0  # 从明年起, else the text's own year (none: 0)
        length = max(count(m.group("n")), count(m.group("m") or ""))
        if start and 1 <= length <= span:
            found.update(range(start, start + length))
    return found


def within_years(text: str, base: int) -> set[int]:
    """The years of each stretch written 三年内 that sets a goal (三年内力争…, 力争3年内完成… in a 2023 text: 2023–2025;
    [duration] within of data/years.toml); a review section's (五年内，新增… under 过去五年工作回顾) is left out by its reader."""
    _, _, done, _, (within, aim, doing) = _duration()
    found: set[int] = set()
    for m in within.finditer(text) if base and "年内" in text else ():
        aimed = aim.search(text, max(0, m.start() - 5), m.start())
        if (aimed or framing(text, m.start()) and doing.match(text, m.end())) and not done.match(text, m.end()):
            found.update(range(base, base + count(m.group("n"))))
    return found


@lru_cache(maxsize=1)
def _target() -> tuple[re.Pattern, int]:
    rule = load_toml("years.toml")["target"]
    return re.compile(rule["pattern"]), int(rule["span"])


def next_in_heading(text: str, base: int) -> tuple[int, ...]:
    """(base + 1,) when a title or heading names next year in words (下一年度工作打算: [next_heading]), else ()."""
    return (base + 1,) if base and any(word in text for word in _next_words()) else ()


@lru_cache(maxsize=1)
def _next_words() -> tuple[str, ...]:
    return tuple(load_toml("years.toml")["next_heading"]["words"])


@lru_cache(maxsize=None)
def typed(table: str) -> frozenset[str]:
    """The document types a table of data/years.toml lists (`acts`: a 批复 or 函; `reports`: a 简报), read once."""
    return frozenset(load_toml("years.toml")[table]["types"])


def repeals(title: str) -> bool:
    """Whether a title is a notice's that repeals or clears other texts (关于废止…文件的通知: years.toml [acts] repealing)."""
    return bool(years_rule("acts", "repealing").search(title))


def is_act(doc_type: str, title: str) -> bool:
    """Whether a text is one act of the year it is signed: a 批复, 函 or 讲话, or a notice repealing or clearing other
    texts (years.toml [acts])."""
    return doc_type in typed("acts") or repeals(title)


def target_span() -> int:
    """How many years past a text's own a target may run on to ([target] span of data/years.toml)."""
    return _target()[1]


def run_on(found: tuple[int, ...], own: tuple[int, ...], text: str) -> tuple[int, ...]:
    """found with the years between own's last and the latest target year text sets after it (到2028年 in a 2026
    text: 2027 too; 到“十五五”末 in a 2025 one: 2026–2029), so the span has no hole ([target] of data/years.toml); found
    as it is otherwise."""
    if not own or "年" not in text and "末" not in text:
        return found
    pattern, span = _target()
    top = max(own)
    text = plain(text)  # (到２０２７年: full-width digits)
    ends = [year for found in (pattern, years_rule("target", "planned")) for m in found.finditer(text)
            if top < (year := int(next(g for g in m.groups() if g))) <= top + span and not _outlook(text, m.start())] \
        + [end for end in period_ends(text) if top < end <= top + span]  # 到“十五五”末 in a 2025 text: 2025–2030
    if not ends or max(ends) not in found:
        return found
    return tuple(sorted(set(found) | set(range(top + 1, max(ends)))))


def union(*groups: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted(set().union(*groups)))


def section_years(own: tuple[int, ...], spoken: tuple[int, ...]) -> tuple[int, ...]:
    """The years a section or a passage's lead speaks for: a look-back (every year it names before the
    document's own: 一、2024年工作回顾 in a 2025 report, 过去五年…) speaks for the years it reviews alone, and
    so does a part of a document of several years (二、2025年重点任务 in a 2024—2026 plan); any other adds
    its years to the document's (到2027年 in a 2025 report)."""
    if own and spoken and (max(spoken) < min(own) or (len(own) > 1 and set(spoken) < set(own))):
        return tuple(sorted(set(spoken)))
    return union(own, spoken)


def heading_years(own: tuple[int, ...], spoken: tuple[int, ...], heading: str) -> tuple[int, ...]:
    """The years a section speaks for, from its heading's (section_years): a heading naming the year after the
    document's alone, not as a target (二、2026年工作思路 in a 2025 work summary), is that year's plan and speaks
    for it alone, and so is a span that starts then (三、2026—2027年工作思路 in a 2024—2025 summary: since session 48); a
    target year (三、到2027年发展目标 in a 2025 text) runs on from the document's (run_on)."""
    if spoken and own and min(spoken) == max(own) + 1 and not any(target_lead(heading, year) for year in spoken):
        return spoken
    return run_on(section_years(own, spoken), own, heading) if own else section_years(own, spoken)


def next_year_alone(own: tuple[int, ...], year: int, text: str) -> bool:
    """True when text names the year after own's as that year's, not as a target's end (二、2026年工作思路, 2026年，全区将…
    in a 2025 text; not 到2026年, [target]): it speaks for that year alone."""
    return bool(own) and year == max(own) + 1 and not target_lead(text, year)


def target_lead(text: str, year: int) -> bool:
    """True when text names year as a target's end (到2026年, 力争2027年…: [target]; not an outlook's, 展望到2035年)."""
    return any(int(m.group(1)) == year and not _outlook(text, m.start()) for m in _target()[0].finditer(text))


def _outlook(text: str, start: int) -> bool:
    """Whether the target year at text[start:] is an outlook's (展望到2035年, 展望未来，到2035年: [target] outlook)."""
    return bool(years_rule("target", "outlook").search(text, max(0, start - 10), start))


@lru_cache(maxsize=1)
def _frame_before() -> tuple[str, ...]:
    return tuple(load_toml("years.toml")["frame"]["before"])


def framing(text: str, start: int, end: int = -1) -> bool:
    """Whether the words of several years at start frame their clause (今明两年，全市…; 力争未来三年…; 吉安市今明两年计划…,
    their clause's verb right after them at end), rather than qualify a noun in the middle of one (…，以及未来三年扩产计划:
    a survey's question, no years of the text's; [frame] of data/years.toml)."""
    before = text[:start].rstrip()
    return not before or before.endswith(_frame_before()) or before[-1:] in "）)】」》\n" \
        or (end >= 0 and text.startswith(_frame_after(), end))


@lru_cache(maxsize=1)
def _frame_after() -> tuple[str, ...]:
    return tuple(load_toml("years.toml")["frame"]["after"])


@lru_cache(maxsize=1)
def _period_first_numbers() -> dict[str, int]:
    return load_toml("years.toml")["period_first"]["numbers"]


@lru_cache(maxsize=1024)  # (a passage's years are asked for by several rules)
def spoken(text: str, base: int, period_start: int = 0) -> tuple[int, ...]:
    """Years a text speaks of in words (data/years.toml): 去年 in a 2025 report is 2024, 十四五 is
    2021-2025 (but in 2025年是“十四五”收官之年 it names no years: [period_year]; nor does 比上年, the base of
    a comparison: [comparison]); 2023年以来 in a 2025 text is 2023-2025 ([since]), and 去年以来 is 2024-2025.  Relative words need the
    document's single year as base (0: none); `period_start`, when given, is the first of the text's own years, from
    which the words of [ahead_of_period] count (今后五年 in a 十五五 建议 dated 2025: 2026–2030)."""
    pattern, relative, period_pattern, periods = word_rules()
    found: set[int] = set()
    if base:
        for m in pattern.finditer(text):
            if _compared(text, m.start(), m.end()):
                continue
            if relative[m.group()] == -1 and years_rule("recurring", "before").search(text, max(0, m.start() - 40), m.start()):
                continue  # 每年1月底前报送上年度…: each year's year before
            if isinstance(relative[m.group()], list) and max(relative[m.group()]) > 0 and not framing(text, m.start(), m.end()):
                continue  # (以及未来三年扩产计划: what a survey asks for)
            if max(offsets(relative[m.group()])) > 0 and years_rule("period_purpose", "relative_before").search(text, max(0, m.start() - 4), m.start()) \
                    and years_rule("period_purpose", "relative_after").match(text, m.end()):
                continue  # 为明年经济发展打好基础: what this year's work serves
            start = period_start if period_start and m.group() in _ahead_of_period() else base
            found.update(start + offset for offset in offsets(relative[m.group()]))
            if text.startswith(_since()[2], m.end()) and isinstance(relative[m.group()], int):
                found.update(range(base + relative[m.group()], base + 1))  # 去年以来: last year to this
        since, reach, _ = _since()
        for m in since.finditer(text):
            if 0 < base - int(m.group(1)) <= reach:
                found.update(range(int(m.group(1)), base + 1))
        for m in years_rule("schedule", "relative").finditer(text):  # (今年四季度开工，2027年达产)
            start = base + relative[m.group(1)]
            if 0 < int(m.group(2)) - start <= schedule_longest():
                found.update(range(start, int(m.group(2)) + 1))
    if "时间" in text or "年内" in text:
        found.update(stretches(text, base))
    for match in period_pattern.finditer(text):
        if years_rule("period_year", "after").match(text, match.end()):
            continue  # 2025年是“十四五”收官之年: that year, stated in figures
        if years_rule("period_purpose", "before").search(text, max(0, match.start() - 40), match.start()) \
                and years_rule("period_purpose", "after").match(text, match.end()):
            continue  # 为“十五五”…奠定坚实基础: what the year's work serves ([period_purpose])
        if (years_rule("period_plan", "before").search(text, max(0, match.start() - 20), match.start())
                and years_rule("period_plan", "after").match(text, match.end())) or years_rule("period_plan", "drafted").match(text, match.end()) \
                or years_rule("period_plan", "prepared").search(text, max(0, match.start() - 4), match.start()):
            continue  # 编制…“十五五”发展规划, 做好《…“十五五”规划》编制工作: the plan being drafted names the period ([period_plan])
        start, end = periods[match.group()]
        done, goal_before, goal_after = _period_goal()
        lead = max(0, match.start() - 14)
        if goal_after.match(text, match.end()) and (done.search(text, lead, match.start())
                                                     or (base >= end and goal_before.search(text, lead, match.start()))):
            continue  # 提前一年完成“十四五”规划目标: the goals it met, not years ([period_goal])
        if base >= end and years_rule("period_goal", "done_after").match(text, match.end()):
            continue  # “十四五”规划主要目标任务全面完成 in a 2025 report: likewise
        if years_rule("period_first", "half").match(text, match.end()):
            continue  # “十四五”后半程: no years of its own ([period_first] half)
        first = years_rule("period_first", "after").match(text, match.end())
        if first:  # “十四五”前四年: its first four
            count = _period_first_numbers()[first.group(1)]
            found.update(range(start, min(end, start + count - 1) + 1))
            continue
        if (last := years_rule("period_first", "last").match(text, match.end())):  # “十四五”后两年: its last two
            found.update(range(max(start, end - _period_first_numbers()[last.group(1)] + 1), end + 1))
            continue
        after = _period_after().match(text, match.end())
        if after and not after.group("end") and years_rule("since", "record").match(text, after.end()):
            continue  # 实现了“十四五”以来的最好水平: a record, no years ([since] record)
        if after and after.group("end") and _period_base(text, match.start(), after.end()):
            continue  # 由“十三五”末的820亿元增长到…: a change's starting point, as 由2020年的… is ([comparison] from)
        if after and after.group("end"):
            found.add(end)  # 到“十四五”末: its last year (a target's: run_on counts on to it)
        elif after and base and 0 <= base - start <= _since()[1]:
            # “十四五”以来 in a 2024 text: 2021–2024, as 2021年以来 is; in the year after the period, the period it reviews
            found.update(range(start, end + 1 if base == end + 1 else base + 1))
        else:
            found.update(range(start, end + 1))
    return tuple(sorted(found))


def _period_base(text: str, start: int, end: int) -> bool:
    """True when a period's end named at text[start:end] (“十三五”末) is a change's starting point (由“十三五”末的…) or a
    comparison's base (较“十三五”末翻一番, 比“十三五”末增长: [comparison] before)."""
    _, _, starting, season = _based()
    opened = start - 1 if start and text[start - 1] in "“\"‘'" else start
    return bool(starting.search(text, max(0, opened - 1), opened) and season.match(text, end)) \
        or bool(years_rule("comparison", "before").search(text, max(0, opened - 2), opened))


@lru_cache(maxsize=1)
def _period_goal() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    rule = load_toml("years.toml")["period_goal"]
    return re.compile(rule["done"]), re.compile(rule["before"]), re.compile(rule["after"])


@lru_cache(maxsize=1)
def _period_after() -> re.Pattern:
    """Right after a period's name: its end (“十四五”末, 十四五期末: group end) or a stretch since its start (以来)."""
    return re.compile(r"[”’\"」』]?\s*(?:规划)?\s*(?:(?P<end>(?:期|时期)?末)|(?:实施)?以来)")


@lru_cache(maxsize=1)
def _period_end() -> re.Pattern:
    names = sorted(word_rules()[3], key=len, reverse=True)
    return re.compile("(?:到|至)[“\"‘']?(" + "|".join(map(re.escape, names)) + ")[”\"’']?(?:规划)?(?:期|时期)?末") if names else re.compile("(?!)")


def period_ends(text: str) -> list[int]:
    """The years a text sets goals for by a period's end (到“十四五”末: 2025; 至“十五五”期末: 2030)."""
    periods = word_rules()[3]
    return [periods[m.group(1)][1] for m in _period_end().finditer(text)]

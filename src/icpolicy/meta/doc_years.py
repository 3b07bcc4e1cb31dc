"""A document's years: its plan period, its report year, the period it states for itself, or the year it is dated,
from its title, opening, body, signature, 文号, file name and front matter (meta/years.py and meta/periods.py read each)."""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import compilations, dates, facts, news_years, periods, years
from icpolicy.meta.year_words import next_in_heading, repeals, typed

_DATES = re.compile(r"(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]")  # a date's year is no year the text speaks of


# a report on one year of a plan, its title the plan's with its period, then that year (…三年行动（2024—2026年）2025年上半年
# 推进情况报告, …规划（2021—2025年）2023年度实施情况): that year's, not the plan's period (since session 60)
PLAN_REPORT = re.compile(load_toml("years.toml")["plan_report"]["pattern"])
_REPORT_PERIOD = re.compile(r"报告期[：:为]?\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*(?:至|到|—|－|-|~|～)\s*((?:19|20)\d{2})\s*年")


def _reported_year(title: str, plan: tuple[int, ...]) -> int:
    """The year of the plan a title reports on (PLAN_REPORT), when the plan's period holds it, else 0."""
    match = PLAN_REPORT.search(title)
    return int(match.group(1)) if match and plan[0] <= int(match.group(1)) <= plan[-1] else 0


_AWARD_CALL = re.compile(load_toml("years.toml")["award_call"]["title"])
_AWARD_LIST = re.compile(load_toml("years.toml")["award_call"]["listed"])

# a yearbook's edition in its title: 年鉴（2024）, 年鉴2024, 2024年鉴 (not 2023年…年鉴: a year it names)
_YEARBOOK = re.compile(r"年鉴\s*[（(]?\s*((?:19|20)\d{2})\s*[）)]?|((?:19|20)\d{2})\s*年鉴(?!定)")


def detect_years(title: str, news: bool, doc_type: str, opening: list[str], body: list[str], stem: str, roundup: bool, hints: dict, issued: str = "", number: str = "") -> tuple[int, ...]:
    """The years a document speaks for (its plan period, report year, or the year it is dated)."""
    declared = years.declared(hints.get("year", ""))
    if declared:
        return declared  # the author's front matter (year: 2025): no rule below overrides it
    year, date = years.first_date(opening)
    if news and hints.get("date") and year and int(hints["date"][:4]) - year >= 2:
        # a story dated by its page (发布时间：2024-08-20) whose first full date recalls a past day (2019年8月20日…揭牌以来, in
        # a fifth anniversary's story): the page's (since session 62)
        year, date = int(hints["date"][:4]), hints["date"]
    hinted = int(hints["date"][:4]) if hints.get("date") else 0
    if compilations.is_compilation(title) and (compiled := next(iter(years.title_years(title)), 0) or years.signed_year(opening[1:6])
                                               or hinted or _signed(issued, body, number)):
        # 惠企政策汇编 over （2024年版） and 2024年3月: its own year, the entries' terms theirs (meta/compilations.py; since session 66;
        # not the first entry's 文号 or date)
        return (compiled,)
    if not news and periods.TERM_CHANGE.search(title) and (longer := periods.extended(body, _signed(issued, body, number))):
        return longer  # 关于调整《…（2021—2025年）》实施期限…的通知, 由原定的2025年底延长至2027年底: the extension's years, not the
        # plan's named period (since session 67)
    plan = years.plan_range(title) or years.attached_plan_range(title, body)
    act = bool(plan and doc_type in typed("acts") or repeals(title))
    if (act or plan and _AWARD_CALL.search(title)) and not news:
        signed = _signed(issued, body, number)
        if signed and (act or signed > plan[-1]):
            return (signed,)  # 关于…规划（2025—2030年）的批复, signed 2025: that year's act, not the plan's period (关于废止…的通知: not
            # the terms of the texts it lists; 关于组织申报2022—2024年度…奖励的通知, signed 2025: the call's, since session 64)
    if plan and (reported := _reported_year(title, plan)):
        return (reported,)  # …三年行动（2024—2026年）2025年上半年推进情况报告: a report on 2025, not the plan
    if plan:
        return years.drafted(plan, title, issued)
    if doc_type == "年鉴" and (edition := _YEARBOOK.search(title)):
        return (int(edition.group(1) or edition.group(2)) - 1,)  # 《芜湖年鉴（2024）》 records 2023
    if doc_type == "政府工作报告":
        found = years.report_year(title, opening, body, stem, hinted)
        if found:
            return (found,)
    if roundup:
        found = years.report_year_in(title) or years.named_report_year(opening) \
            or (not (date or hints.get("date") or issued) and years.event_year(title, opening))
        if found:
            return (found,)  # (2024第三代半导体…论坛在厦门举办, undated: 2024, not the year its figures are of)
        titled = years.title_years(title, aside=False)  # (not 2024年以来多地…, 对比2023年…: no year of its own)
        dated = date or hints.get("date") or issued
        if titled and (not dated or max(titled) <= int(dated[:4])):
            return titled  # 2025年我国集成电路产业发展回顾与2026年展望, dated 2026-01-20: the years it is titled by
        if date or hints.get("date"):
            # dated early in a year and writing the year before more often, it speaks for both (a
            # January comparison of 2023 and 2025); else for the year it is dated
            return years.around(date or hints["date"], body)
        titled = years.title_years(title)  # (2025年各地电子信息产业动态, undated: 2025, not a plan year its sections state)
        titled = titled[0] if len(titled) == 1 else 0
        # (… or, undated, its file's name, as a text of one place's is dated: 新华社北京5月16日电 over 2023年我国算力总规模… in
        # …_2024.txt is 2024's, not the year its figures are of; since session 68)
        found = years.roundup_year(opening, body, year or hinted or years.bylined_year(opening[:6] + body[-facts.TAIL:]) or titled
                                   or years.filename_year(stem))
        if found:
            return (found,)
    if not news and issued:
        # an official text is dated by its signature or labelled date, not by the first date
        # its body mentions (已经2024年12月27日市政府常务会议审议通过, dated 2025年1月16日)
        year, date = int(issued[:4]), issued
    # a headline's relative year counts from the date (成都明年将…, dated 2024-12-30: 2025)
    relative = years.spoken(title, year or hinted) if year or hinted else ()
    # (a dated text's title aiming at a year, 合肥发布…方案 到2027年产业规模…, is no year of its own: since session 47)
    stated_in_title = years.title_years(title, aside=not (year or hinted))
    if len(stated_in_title) == 1 and (after := next_in_heading(title, stated_in_title[0])):
        stated_in_title = stated_in_title + after  # …2024年度工作总结及下一年度工作打算: the year after too
    if stated_in_title and not news and _AWARD_CALL.search(title) and (signed_in := _signed(issued, body, number)) > max(stated_in_title):
        return (signed_in,)  # 关于组织申报2022年度和2023年度…奖励的通知, signed 2024: the call's own year (years.toml [award_call])
    if len(stated_in_title) == 1 and (listed := _AWARD_LIST.search(title)) and int(listed.group(1) or listed.group(2)) == stated_in_title[0] \
            and 0 < (signed_in := (year or hinted) if news else _signed(issued, body, number)) - stated_in_title[0] <= 2:
        return tuple(range(stated_in_title[0], signed_in + 1))  # 关于公布2023年度…奖励名单的通知, signed 2024 ([award_call] listed)
    if len(stated_in_title) == 1 and (period := _REPORT_PERIOD.search(dates.plain("".join(opening[:6])))) \
            and int(period.group(1)) == stated_in_title[0] == int(period.group(2)) - 1:
        return stated_in_title + (stated_in_title[0] + 1,)  # 2024财年年度报告摘要 （报告期：2024年4月1日至2025年3月31日）: a fiscal
        # year over two calendar years (since session 67)
    if stated_in_title:
        # (a term in force from the title's year on: 2026年…招商公告 …有效期至2027年12月31日 is 2026–2027, since session 42)
        # (not a bulletin's, 算力产业政策月报（2025年5月）, whose items' terms are theirs: years.toml [reports]; since session 68)
        held = () if news or len(stated_in_title) > 1 or doc_type in typed("reports") else periods.in_force(body, stated_in_title[0], issued) or periods.stated_period(body)
        # (… and since session 57 a period it states from the title's year on: 2024年…试点园区名单的通知 …试点期为2024年至2026年)
        return held if held and held[0] == stated_in_title[0] else stated_in_title
    if relative and news and (date or hints.get("date")) and relative[0] > (year or hinted) and not _lead_speaks_of(relative[0], year or hinted, body):
        # a dated story whose headline looks ahead (…年营收有望突破3000亿元 明年将再添一批重大项目, dated 2025-12-22)
        # while its lead reports now is a story of its dateline's year (since session 52)
        return _story_years(years.around(date or hints["date"], body), year or hinted, body)
    if relative:
        # …明年将… speaks for the year it names; …去年突破6000亿元 reports a year past, and speaks for the year
        # it is dated too when its text does (今年，光谷将…; a story of last year's figures alone does not)
        dated = year or hinted
        if relative[0] < dated and any(dated in years.spoken(text, dated) or dated in years.stated(_DATES.sub("", text)) for text in body[:40]):
            return (relative[0], dated)
        return relative[:1]
    # (by month, at the end or under the title and its bodies as a memo dates itself; by 文号)
    signed = year or hinted or years.signed_year(body[-facts.TAIL:]) or years.signed_year(opening[1:6]) or years.number_year(number)
    issued_on = issued or years.signed_month(body[-facts.TAIL:]) or years.signed_month(opening[1:6])
    # (an approval or a reply is one act of its year: the works it approves, 产业园建设期为2023年至2025年, are its subject;
    # its own term, 本批复有效期两年, is still its years: since session 67)
    in_force = () if news or doc_type in typed("reports") else periods.in_force(body, signed, issued_on) if doc_type in typed("acts") \
        else periods.stated(body, signed, issued_on)
    if in_force:
        return in_force  # 自2026年1月1日起施行，有效期至2028年12月31日; 本方案实施期为2024年至2025年: whenever it was signed
    if date or hints.get("date"):
        if news:
            return _story_years(years.around(date or hints["date"], body), int((date or hints["date"])[:4]), body)
        if news_years.looks_back_by_type(doc_type):
            return (int((date or hints["date"])[:4]),)  # (a reply of March giving last year's figures: its own year; since session 65)
        return years.horizon(years.around(date or hints["date"], body), doc_type, opening)
    # dated by month alone (2024年7月) or by its 文号 (〔2025〕4号): dated all the same, so its goals set up front count
    dated = signed or years.bylined_year(opening[:6] + body[-facts.TAIL:])
    if dated and not news:
        return years.horizon((dated,), doc_type, opening)
    found = dated or years.event_year(title, opening) or years.filename_year(stem) or (news and news_years.after_results(body)) or years.most_stated(body, news or not doc_type) \
        or next(filter(None, map(years.filename_year, hints.get("folders", ()))), 0)  # 2025年/通知.txt: the folder's year
    return (found,) if found else ()  # undated: a target year is no reason to span (see years.horizon)


def _signed(issued: str, body: list[str], number: str) -> int:
    """The year a text was signed in: its issue date's, else its signature's, else its 文号's; 0 when none."""
    return (int(issued[:4]) if issued else 0) or years.signed_year(body[-facts.TAIL:]) or years.number_year(number)


def _story_years(around: tuple[int, ...], year: int, body: list[str]) -> tuple[int, ...]:
    """A dated story's years: the year of its dateline, and the year before or after that `around` adds (it writes
    that year more) only when its lead speaks of it (记者从…获悉，2025年全年，全市新增…, dated 2026-01-06: 2025 and
    2026).  A story of now that quotes more of another year (a groundbreaking on 3月16日 with 2023's figures; a plant's
    roof finished in November 2025 with 2026年3月完成设备调试) is of its dateline's year alone (since session 52: blind
    writers labelled its paragraphs that name no year so)."""
    other = [found for found in around if found != year]
    return around if not other or _lead_speaks_of(other[0], year, body) else (year,)


def _lead_speaks_of(other: int, year: int, body: list[str]) -> bool:
    """Whether a story dated in `year` speaks of `other` in its lead, the first sentence of its body's first paragraph
    (not a schedule told after it: …主体结构顺利封顶。…计划明年二季度投产, dated November; since session 61)."""
    lead = next((text for text in body[:8] if len(text) >= 20 and "。" in text), "")
    plain = _DATES.sub("", dates.plain(lead.split("。", 1)[0]))
    return other in years.stated(plain) + years.spoken(plain, year)


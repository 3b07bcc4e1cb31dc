"""The years of each passage, as PassageTagger (tagging.py) reads them: a heading's years for its section, a report's
review, a passage's own lead (2023年，…; “十二五”末，…; 明年，…), a section turned to the report's year, deadlines in a
document of several years, and the year a news story is dated in.  A mixin: the state it reads and sets (years,
year_rank, review, meta, news, dated, written) is the tagger's."""

from __future__ import annotations

import re

from icpolicy.meta import dates, news_years, sections, year_leads, years
from icpolicy.models import CELL_SEPARATOR as CELL
from icpolicy.meta.paragraph_forms import RANK_LEAD, caption_years, column_years, heading_rank, one_year_column, rank_of, row_span, span_columns
from icpolicy.meta.period_leads import period_before
from icpolicy.meta.review_parts import ReviewParts
from icpolicy.meta.year_words import heading_years, next_in_heading, next_year_alone, period_ends, said_once, section_years, target_lead, target_span, union, within_year, years_rule
from icpolicy.text.passages import split_sentences


_BARE_YEAR = re.compile(r"^((?:19|20)\d{2})$")  # a year in figures alone on its line (data/years.toml [chronicle] year_line)


_RULE_ROW = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$")

class PassageYears(ReviewParts):
    """The years half of PassageTagger."""

    def _heading_years(self, text: str, level: int) -> None:
        """A section heading stating years (一、2024年工作回顾) speaks for what follows it, until a
        heading of its rank or above; a lower heading without years leaves them."""
        if dates.line_date(text) or (self.ordinal == 0 and text.replace(" ", "") == self.meta.title.replace(" ", "")):
            return  # a signature's date line (2024年6月18日 before the text a notice issues) heads nothing; the title's
            # years are the document's already (去年我国…出口…, dated 2026: 2025)
        rank = self.heading_seen = heading_rank(text, level)
        self.heading_at = self.ordinal
        text = years_rule("revision", "pattern").sub("", text)  # (附件：…管理办法（2024年修订）: when it was revised, no period)
        stated = years.stated(text) or tuple(int(y) for y in _BARE_YEAR.findall(text.strip()))  # (a timeline's 2017: since session 55)
        base = self._base()
        spoken = union(stated, years.spoken(text, base), next_in_heading(text, base))
        if base in spoken and max(stated, default=0) < base and any(w in text for w in year_leads.review_rule()["looked_back"]) \
                and base not in said_once(text, base):
            # 一、2024年和“十四五”以来工作回顾 in a 2025 report: the look-back ends with the year before (2021–2024); not
            # 一、2019年和今年以来工作回顾, which names this year
            spoken = tuple(y for y in spoken if y < base)
        if len(self.meta.years) == 2 and (self.meta.years[1] in spoken or any(w in text for w in year_leads.review_rule()["ahead"])):
            self.turned_ahead = True  # (五、2026年展望, 二、明年工作计划: what follows looks ahead)
        if spoken:
            self.years, self.year_rank = heading_years(self.meta.years, spoken, text), rank
            self.said_relatively = not stated  # 一、去年主要工作和成效: counted from the speaker's year
        elif self._looks_back(text):
            self.years, self.year_rank = self.meta.years[:1], rank  # 一、主要工作成效 in a 2025 summary and 2026 plan: 2025
        elif years_rule("review", "base").match(text) and (before := period_before(self.meta.years)):
            self.years, self.year_rank = before, rank  # 一、发展基础 in a “十五五” plan: what the “十四五” built
        elif (reviewed := self._reviewed_part(text)):
            self.years, self.year_rank = reviewed, rank  # 三、存在的主要问题 in a mid-term review written in 2023: 2023
        elif (now := self._drafted_problems(text)):
            self.years, self.year_rank = now, rank  # 二、存在的问题 in a “十五五” proposal written in 2025: 2025 (since session 61)
        elif self._dated_ahead(text):
            self.years, self.year_rank = (self.written,), rank  # 四、审计建议 in an audit of 2023 delivered in 2024: 2024
        elif self._ends_years(rank, text):
            # (四、保障措施 after 三、2025年工作安排 goes on with the plan: the next year's; since session 61)
            self.years, self.year_rank = (self.meta.years[1:], rank) if self._still_ahead(text) else (self.meta.years, 99)
        self.headed = self.years  # (a round-up's place opening under it keeps them: tagging._place)

    def _ends_years(self, rank: float, text: str) -> bool:
        """True when a heading of `rank` and no years ends the years its section spoke for: one of their heading's rank or
        above; in a review a lead opened (一、牢记殷殷嘱托…, then 2024年是…。一年来，…), not a heading below the one it
        opened under (（一）筑牢实体根基，…: a part of the review)."""
        if self.review == 1 and (rank > self.review_under or not self._turns_ahead(text, year_leads.review_rule())):
            return False  # (二、主要工作 in a status report: still the review; 三、存在问题 ends it)
        return rank <= self.year_rank

    def _review_years(self, text: str) -> None:
        """In a one-year report whose headings state no year, the first paragraph whose lead names
        the year before (2025年，…, 过去一年，…), near its start, opens the review: what follows speaks for that year too,
        until a lead naming the report's own year (今年…) or a heading line; once only (data/years.toml, [review])."""
        if self.review == 2:
            return
        rule = year_leads.review_rule()
        if self.roundup or len(self.meta.years) != 1 or self.meta.doc_type not in rule["types"] \
                or any(word in self.meta.title[-8:] for word in rule["greetings"]) or any(word in self.meta.title for word in rule["events"]) \
                or (self.meta.doc_type in rule["early_types"] and self.meta.issued[5:7].isdigit() and int(self.meta.issued[5:7]) > rule["early_month"]):
            self.review = 2  # a document that tells no review (its facts, read once, not again for every paragraph)
            return
        if self.year_rank < 98:
            self.review = 2  # the headings state the years
            return
        year, lead = self.meta.years[0], years_rule("review", "speaker").sub("", text, count=1)[: rule["lead"]]
        # (relative words from the writer's year: 过去一年 in a report on 2025 signed in January 2026 is 2025, no review)
        said = set(years.stated(lead)) | set(years.spoken(lead, self.written if self._reported_after(year) else year))
        if self.review == 0 and said == {year - 1} and self.ordinal < rule["within"] and not self._speaks_for(text, year):
            self.years, self.year_rank, self.review = section_years(self.meta.years, (year - 1,)), 98, 1
            self.review_under = self.heading_seen
        elif self.review == 1 and (year in said or self._closes_review(text) and self._turns_ahead(text, rule)
                                   or self.meta.doc_type in rule["closer_types"] and years_rule("review", "closer").match(text)):
            self.years, self.year_rank, self.review = self.meta.years, 99, 2

    @staticmethod
    def _speaks_for(text: str, year: int) -> bool:
        """Whether a paragraph names the report's own year after its lead too (2024年，全市…。今年1—7月，…: a mid-year
        report's status, last year and this year so far, not a review of the year before)."""
        return year in years.stated(text) or year in years.spoken(text, year)

    @staticmethod
    def _closes_review(text: str) -> bool:
        """True when a line with no year of its own ends a report's review: a heading line, but not a numbered one below
        the top rank (（一）筑牢实体根基，产业体系…: one of the review's parts) nor a short one opening on the year before
        (一年来的主要工作是：)."""
        return sections.is_heading_like(text, 0) and rank_of(text) <= 2 and not year_leads.opens_on_last_year(text)

    def _turns_ahead(self, text: str, rule: dict) -> bool:
        """Whether a heading ends the review: in a status report ([review] headed_types) any but one that goes on with it
        (二、主要工作, not 四、下一步打算); in a work report any."""
        return self.meta.doc_type not in rule["headed_types"] or any(word in text for word in rule["ahead"]) \
            or not any(word in text for word in rule["going_on"])

    def _lead_years(self, text: str) -> tuple[int, ...]:
        """_opening_years; the first paragraph under a heading naming a period and the year before the report's, opening
        on that year (2025年，全区… under 一、2025年和“十四五”时期工作回顾), turns the section to it (_own_in_section)."""
        found = self._opening_years(text)
        if found and found == (self._base() - 1,) and self.ordinal == self.heading_at + 1 and self._year_and_period():
            self.turned = (self.years, found[0])
        elif found and found == (self._base(),) and self._year_and_period(found[0]) \
                and year_leads.turns_to_year(RANK_LEAD.sub("", split_sentences(text)[0]), found[0]):
            self.years = found  # 2022年，全市经济社会发展的主要预期目标是… under 二、今后五年目标任务和2022年工作安排: as
            # 今年主要预期目标是… does (_own_in_section), the rest of the section is the year's (since session 58)
        elif self.turned[1] and len(set(found) & set(self.years)) > 1:
            self.turned = ((), 0)  # 过去五年，… after 2025年是…收官之年。一年来，…: the period's again, and so is what follows
        return found

    def _column_years(self, text: str) -> tuple[int, ...]:
        """A table row's years from the header row above it that gives one year a column (指标 | 2022年 | 2023年 |
        2024年, then 营业收入（亿元） | 96 | 118 | 141: 2022–2024), for the rows of as many cells that follow it; else the
        years of the table's caption (表3　2025年分辖市区…: 2025, since session 47); else ()."""
        if _RULE_ROW.match(text):
            return ()  # |---|---| under a header row, as a plain text writes a table: the header's columns go on (since session 67)
        cells = text.count(CELL) + 1 if CELL in text else 0
        if not cells:
            self.captioned = caption_years(text)  # (a caption's years are its table rows', when no header gives columns)
            self.spans = (None, 0)
            return ()
        spans = span_columns(text)
        if spans:
            self.spans = (spans, cells)
        elif cells != self.spans[1]:
            self.spans = (None, 0)
        header = column_years(text)
        reported = 0 if header else one_year_column(text)
        if reported and self.meta.years and reported < max(self.meta.years):
            header = (reported,)  # (排名 | 企业名称 | … | 2024年营收（亿元） | 同比增长 in a ranking of 2025: its rows' 2024)
        if header:
            self.columns = (header, cells)
            return ()  # (the header row's own years are its cells', paragraph_forms.row_years)
        if cells != self.columns[1]:
            self.columns = ((), 0)
        return self.columns[0] or self.captioned

    def _span_years(self, text: str) -> tuple[int, ...]:
        """A table row's years from its start cell through its end cell, under a header row naming those columns
        (开工年份 | 竣工年份; paragraph_forms.span_columns, read by _column_years on the same text just before, which
        forgets them at a row of another width or a line that is no row), else ()."""
        return row_span(text, self.spans[0]) if self.spans[0] else ()

    def _year_and_period(self, year: int = 0) -> bool:
        """Whether the section is one of a one-year document under a heading naming a period and the year before it (or
        `year`)."""
        return len(self.meta.years) == 1 and self.year_rank < 98 and len(self.years) >= 3 and (year or self._base() - 1) in self.years

    def _opening_years(self, text: str) -> tuple[int, ...]:
        """The year a passage opens by naming (2023年，…), when it speaks for that year alone (year_words.section_years:
        before the document's years, or one of its several), or the years of a plan's stage it opens on, else ()."""
        stage = year_leads.stage_years(text)
        if stage:
            return stage  # 第一阶段（2025年）：夯实基础。… in a 2025—2027 plan
        if self._dated_after() and years_rule("review", "dated_address").match(text):
            return (self.written,)  # 主任、…各位委员，我们将… closing an audit of 2023 delivered in 2024 (since session 56)
        if len(self.meta.years) > 1 and (named := year_leads.period_year_lead(text)) and named not in self.meta.years:
            return (named,)  # 2026年是“十五五”开局之年，全市将… in a “十四五” summary's outlook
        year = year_leads.lead_year(text) or (self.news and news_years.news_lead_year(text))
        if not year and self.news and self.dated in self.years and len(self.years) > 1:
            named = set(years.stated(text)) | set(years.spoken(text, self.dated))
            first = split_sentences(text)[0]
            if len(named) == 1 and (early := min(named)) < self.dated and early in self.years and early in years.stated(first):
                # 2024年，江苏…营收突破4000亿元。无锡、苏州…贡献了…; 浙江2024年…营收约1700亿元。杭州以设计为主… in a story
                # of 2024 and 2025 dated February 2025: the year before's results, all of it
                year = early
        if not year and len(self.years) > 1 and self.meta.years and (max(self.years) < min(self.meta.years) or self._several(dated=False)
                                                                     or self._part_of_several()):
            # a section reviewing several years before the document's (一、2025年及“十四五”工作回顾 in a 2026 report),
            # or a document of several years (2024年计划执行情况和2025年计划草案), or a part of several of them (一、规划实施
            # 总体情况 in a mid-term review: 2021–2023): a paragraph opening with one of them and naming no other is that year's
            year = year_leads.lead_year(text, whole=True)
            year = year if year in self.years and not target_lead(text, year) else 0
            span = () if year else year_leads.lead_span(text)
            if span and set(span) < set(self.years):
                return span  # 2021—2022年，全省… in a “十四五” mid-term review
        if not year and len(self.meta.years) > 1 and (early := year_leads.lead_year(text, whole=True)) \
                and early < min(self.meta.years) and not target_lead(text, early) and not years_rule("background", "duty").search(text):
            year = early  # 2024年，全区…产值186亿元。但…问题依然存在。 in a 2025—2027 policy: the year before it, its background (years.toml [background])
        if not year and self.meta.years and self._base() and (ahead := year_leads.next_year_lead(text, self._base())):
            if len(ahead) > 1:
                return tuple(self._base() + k for k in ahead)  # 明后两年，我们计划… in a 2025 interview: 2026–2027
            year = self._base() + 1  # 明年，我局将… (in a summary signed in December)
        if not year and self.news and self.ordinal and self.meta.years and year_leads.next_year_only(text, self._base()):
            year = self._base() + 1  # 按照计划，二期项目将于明年开工… in a story dated 2025: 2026's (not its headline, …明年看点)
        if not year and self.meta.years and 0 < (base := self._base()) < min(self.meta.years):
            offset = year_leads.writer_lead(text)  # 今年以来，… in a 2026 plan signed in December 2025: 2025's
            year = base + offset if offset is not None else 0
        elif not year and len(self.meta.years) == 1 and (base := self._base()) == self.meta.years[0] \
                and (year_leads.writer_lead(text) == -1 or year_leads.lead_year(text, whole=True) == base - 1) \
                and set(years.spoken(text, base)) | set(years.stated(text)) <= {base - 1} and not years_rule("writer_lead", "goal").search(text):
            year = base - 1  # 去年，全市…达到3.2%。 / 上年，… / 2023年，全市…。其中，…。 (since session 47), naming no other year: 2023's
        if not year:
            # “十四五”时期，… in a 2026 report, or in a “十五五” plan: the period it reviews, all of it before the document's;
            # “十五五”期间，… in a 2025 report: the period ahead, all of it after
            if not self.meta.years:
                return ()
            # (an undated text of several years looks back from its first: “十四五”以来，… in a 2025—2030 plan is 2021–2025)
            past = year_leads.past_lead(text, self._base() or min(self.meta.years), min(self.meta.years))
            if past:
                return past  # “十二五”末，…, 2021年至2023年，… in a 2025 reply: the years it looks back to
            period = year_leads.period_lead(text, self._base())
            # (one that starts after the document's first year looks ahead too: “十五五”期间，… in a 2025—2027 plan)
            return period if period and (max(period) < min(self.meta.years) or min(period) > min(self.meta.years)) else ()
        if next_year_alone(self.meta.years, year, text):
            return (year,)  # 2026年，全区将… / 明年，… in a 2025 text: next year's, not a target's run (到2026年，…)
        if len(self.meta.years) > 1 and year > max(self.meta.years):
            if self.year_rank < 98 and self.years and set(self.years) < set(self.meta.years):
                # 到2027年，… under 二、2025年工作计划 in a summary of 2024 and plan of 2025: a target the part's year runs on
                # to, as in a one-year text (2025–2027)
                return tuple(range(max(self.years), year + 1)) if year - max(self.years) <= target_span() else (year,)
            return (year,)  # 到2035年，… / 远景展望：到2035年，… in a 2026–2030 plan: a vision past its end, that year's alone
        return (year,) if section_years(self.meta.years, (year,)) == (year,) else ()

    def _own_in_section(self, text: str) -> tuple[int, ...]:
        """In a one-year document, under a heading naming a period (一、2025年和“十四五”时期工作回顾, 二、“十五五”
        时期主要目标和2026年工作安排), a passage whose first sentence names in words years of its own (past, this or
        next year, a period), all among the heading's, speaks for them as it would outside the section (过去一年…: 2025;
        今年…: 2026), else ().  A year in figures there, or a word in a later sentence, is a detail of the period."""
        several = self._several()
        # (… or, in a plan, under a heading that names the period before as well: 一、“十四五”时期发展成就和“十五五”时期发展环境)
        wider = self.year_rank < 98 and len(self.meta.years) > 1 and set(self.meta.years) < set(self.years)
        if not several and not wider and (self.year_rank >= 98 or len(self.years) < 3 or len(self.meta.years) != 1):
            return ()
        sentences, base = split_sentences(text) if text else [""], self._base()
        first = "".join(sentences[:2]) if rank_of(text) and len(sentences[0]) <= 24 else sentences[0]  # (（一）壮大…集群。年内…)
        if several:  # 去年，全省…, 今年将… in a report on last year's plan and this year's: the one year it names
            said = years.spoken(first, base)
            return said if len(said) == 1 and set(said) < set(self.years) else ()
        lead = RANK_LEAD.sub("", first)
        if base in self.years and year_leads.turns_to_year(lead, base):
            self.years = (base,)  # 今年主要预期目标是…: this year's, and so is the rest of the section
            return self.years
        if base - 1 in self.years and year_leads.turns_to_year(lead, base - 1, last=True):
            self.turned = (self.years, base - 1)
            return (base - 1,)  # 2025年是…收官之年。一年来，… in a review of 2025 and the period: 2025's, and so is what
            # follows, until a paragraph turns to the period (城乡面貌显著改善。五年来，…)
        said = union(years.spoken(first, base), (base,) if base and within_year(first) else ())  # 年内新增…: this year
        if self.turned[0] == self.years and self.turned[1]:
            if not said and not year_leads.turns_to_period("".join(sentences[:2]), self.years, base):
                return (self.turned[1],)  # ——经济运行稳中有进。… after 一年来，…: the year's achievements
            self.turned = ((), 0)
        # (a target year runs on from the document's, as outside the section: 到“十五五”末，… in a 2026 report is 2026–2030)
        return years.run_on(section_years(self.meta.years, said), self.meta.years, first) if said and set(said) <= set(self.years) else ()

    def _named_in_plan(self, text: str, stated: tuple[int, ...]) -> tuple[int, ...]:
        """In a document of several years outside any part of fewer (or in a part of several: _part_of_several), a passage naming some of them and no other (…，2025年
        光芯片产值力争达到200亿元。, 到2026年存储芯片月产能达到30万片 in a 2025—2027 plan) speaks for those it names; not
        one that speaks for the whole span as well (自2025年4月1日起施行，有效期三年; 每年开展评估: data/years.toml [named]),
        nor its date line (2025年3月6日).  年内 (and no year) is the year the text is dated in.  So does a passage of a
        plan's base section naming some of the period before's years (…，2025年实现营收28亿元 under 一、发展基础).  One naming
        them only as the years a task is done by (…，力争2026年底前新增…: [named] by) speaks for the span up to them."""
        before = period_before(self.meta.years)
        base = bool(before) and self.years == before  # (一、发展基础 of a “十五五” plan)
        if not (self._several(dated=False) or base or self._part_of_several()) or dates.line_date(text):
            return ()
        if year_leads.spans_all(text):
            return year_leads.yearly_from(text, self.years)  # 自2026年起，每年… in a 2025—2027 plan: 2026, 2027
        if (onward := year_leads.onward(text, stated, self.years)):
            return onward  # 对2024年1月1日以后竣工投产的项目… in a 2024—2027 policy: all of it
        if not stated and within_year(text) and self.dated in self.years:
            return (self.dated,)  # 年内为集成电路企业新增研发空间… in a notice dated 2026 forwarding a 2026—2028 text
        deadline = years_rule("deadline", "year_by")
        if stated and (deadlines := {int(m.group(1)) for m in deadline.finditer(text)}):
            left = set(years.stated(deadline.sub("", text)))
            stated = tuple(year for year in stated if year not in deadlines or year in left)  # (…于2025年6月底前报…备案)
        if not (stated and set(stated) < set(self.years)):
            return ()
        by = {int(next(g for g in m.groups() if g)) for m in years_rule("named", "by").finditer(text)} | set(period_ends(text))
        targeted = years_rule("lead", "pattern").match(text) or years_rule("lead", "target_opening").match(RANK_LEAD.sub("", text))
        if set(stated) <= by and not targeted:
            # …，力争2026年底前新增… in a 2025—2027 plan: the work runs up to it, 2025–2026 (not 到2027年，…；到2030年，…: targets)
            return tuple(year for year in self.years if year <= max(stated))
        if max(stated) in by and not targeted:  # 2025年完成首批清单发布，2027年前形成… : the work between, with no hole
            return tuple(year for year in self.years if min(stated) <= year <= max(stated))
        return stated

    def _story_time(self, stated: tuple[int, ...], text: str = "") -> tuple[int, ...]:
        """The years a passage with no lead of its own speaks for: its section's, but in a news story of several years
        outside any section of fewer, or of one year before it is dated, the year it is dated in when the passage speaks
        only of that year or later (今年全国两会期间…, 业内人士预计，今年… in a story of 2024 and 2025, or of 2024's
        results, dated 2025: 2025), as a passage speaking only of
        earlier years looks back (news_years.looks_back).  One naming no year keeps them all: a story dated January
        may report last year's results without naming the year."""
        if self.news and stated and self.years == self.meta.years and self.dated and min(stated) >= self.dated \
                and (len(self.years) > 1 and self.dated in self.years or self.dated > max(self.years) and text.rstrip().endswith(("。", "！", "？", "；"))):
            return (self.dated,)  # (also 今年将… in a story of 2024's results dated 2025: 2025's; a sentence, not its date line)
        if self.news and not stated and self.years == self.meta.years == (self.dated - 1,) and years_rule("writer_lead", "goal").search(text) \
                and text.rstrip().endswith(("。", "！", "？", "；")):
            return (self.dated,)  # …还将在…推出新举措 in a story of 2025's results dated January 2026: what comes, 2026's (since session 48)
        return self.years

    def _several(self, dated: bool = True) -> bool:
        """Whether the passage lies in a document of several years outside any part of fewer (a report on last
        year's plan and this year's, a three-year plan, a mid-term review); dated: and the text is dated in one of
        them, so that relative words count from the date."""
        several = not self.news and len(self.meta.years) > 1 and self.years == self.meta.years
        return several and (not dated or self.dated in self.meta.years)

    def _reported_after(self, year: int) -> bool:
        """Whether the text is a department's report on one year ([review] headed_types) signed in the next (关于2025年…运行
        情况的报告 signed 2026年1月20日), whose relative words are the writer's (since session 60)."""
        return self.meta.years == (year,) and self.written == year + 1 and self.meta.doc_type in year_leads.review_rule()["headed_types"]

    def _part_of_several(self) -> bool:
        """Whether the passage lies in a part of a document of several years that speaks for several of them (一、规划实施
        总体情况 in a 2021–2025 mid-term review written in 2023: 2021–2023; since session 60)."""
        return not self.news and len(self.years) > 1 and set(self.years) < set(self.meta.years)

    def _period_start(self) -> int:
        """The first of the text's own years when relative words count from the year before it (a 十五五 建议 adopted in
        2025: 2026), else 0: where [ahead_of_period]'s words (今后五年) count from."""
        base = self._base()
        return self.meta.years[0] if base and self.meta.years and self.meta.years[0] == base + 1 else 0

    def _base(self) -> int:
        """The year relative words count from: the section's or document's single year, else none."""
        if self.dated and (self.years == self.meta.years or (self._part_of_several() and self.dated in self.years)):
            return self.dated  # (… and in a part of several of them that holds the date: 今年 under 二、重点任务推进情况)
        if self.said_relatively and self.written in self.meta.years and self.years and max(self.years) < self.written:
            return self.written  # 去年 under 一、去年主要工作 in a report of 2025 and 2026 dated January 2026 is the speaker's: 2025
        looking_back = bool(self.meta.years) and self.years[-1:] < self.meta.years[:1]  # 去年 in a review is still the speaker's
        own = self.years if len(self.years) == 1 and not looking_back else self.meta.years
        base = own[0] if len(own) == 1 else 0
        if base and self.written in self.meta.years and base < self.written and len(self.meta.years) > 1:
            return self.written  # 去年 under 一、2024年工作总结 in a summary of 2024 and plan of 2025 dated January 2025: 2024
        # … but no later than the year it is dated: 明年 under 二、2026年工作思路 in a summary signed in 2025 is 2026; and
        # in a document for one year signed in the year before (a 2026年度 plan or call signed in December 2025) relative
        # words are the writer's: 今年以来 is 2025, 明年 2026
        # (… and so are they in a report on one year dated early in the next, 关于2025年…运行情况的报告 signed 2026年1月20日:
        # 过去一年 is 2025, 今年 2026; since session 60)
        if self.written and self.meta.years and (base > max(self.written, self.meta.years[0])
                                                 or self.meta.years == (base,) and self.written == base - 1 or self._reported_after(base)):
            return self.written
        return base

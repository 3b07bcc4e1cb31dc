"""The years of a review's and a report's parts that name no year: a look back in a summary of two years, advice or work to
come in a text dated after the years it reports on, an audit's putting right, problems, progress and advice in a review
of a plan's period, problems in a plan for a period still to come.  A mixin of passage_years.PassageYears (the tagger's
state: meta, written, turned_ahead)."""

from __future__ import annotations

import re

from icpolicy.meta import year_leads
from icpolicy.meta.paragraph_forms import rank_of
from icpolicy.meta.period_leads import period_before
from icpolicy.meta.year_words import years_rule


_STATE_THEN = re.compile("情况(?:和|及|与|暨)")  # a title's state of things joined to what comes next (…发展情况和…工作安排)


class ReviewParts:
    """The years of the parts of reviews, summaries and plans named by their kind (passage_years._heading_years)."""

    def _looks_back(self, heading: str) -> bool:
        """A heading of a document of two years that names no year but a look back and nothing ahead ([review]); in one
        titled as a look back and a look ahead (2025年…回顾与2026年展望), one naming a state of things before the first
        that turns ahead (二、分地区情况, 四、存在的主要问题 before 五、2026年展望; not 三、主要任务)."""
        years_of, rule = self.meta.years, year_leads.review_rule()
        if len(years_of) == 2 and years_of[1] == years_of[0] + 1 and not self.turned_ahead and any(w in heading for w in rule["state"] + rule["going_on"]) \
                and not any(w in heading for w in rule["ahead"]) and self._titled_back_and_ahead():
            return True
        # (… and in a department's status report dated early in the year after the one it reports on, a top heading of its
        # review's layout: 一、基本情况, 二、主要工作; since session 46; not a report on a period across two years)
        issued = self.meta.issued
        early = len(years_of) == 2 and issued[:4] == str(years_of[1]) and issued[5:7] in ("01", "02", "03", "04")
        reviewing = early and self.meta.doc_type in rule["headed_types"] and rank_of(heading) <= 2
        looked_back = rule["looked_back"] + (rule["going_on"] if reviewing else [])
        return len(years_of) == 2 and years_of[1] == years_of[0] + 1 and any(w in heading for w in looked_back) \
            and not any(w in heading for w in rule["ahead"])

    def _dated_ahead(self, heading: str) -> bool:
        """A heading of advice or work to come naming no year (四、审计建议) in a text dated after every year it reports on
        ([review] dated_ahead), or one on putting right what an audit found (三、审计查出问题的整改情况)."""
        rule = year_leads.review_rule()
        return (self._dated_after() and any(w in heading for w in rule["dated_ahead"]) and not any(w in heading for w in rule["looked_back"])) \
            or self._rectified(heading)

    def _rectified(self, text: str) -> bool:
        """Whether text puts right what an audit found (三、审计查出问题的整改情况, …已整改…) in an audit's report dated after every
        year it reports on ([review] audit, rectified)."""
        rule = year_leads.review_rule()
        return any(w in text for w in rule["rectified"]) and self._dated_after() and bool(re.search(rule["audit"], self.meta.title))

    def _reviewed_part(self, heading: str) -> tuple[int, ...]:
        """In a review of a plan's period ([review] period_review), the years a heading naming no year speaks for: the
        review's year for problems (三、存在的主要问题), the period's rest after it for advice or work to come, its years up to
        the review's for progress so far (二、重点任务推进情况); else ()."""
        rule, years_of = year_leads.review_rule(), self.meta.years
        if len(years_of) < 3 or not self._reviews_period():
            return ()
        if self.written:
            year = min(max(self.written, years_of[0]), years_of[-1])
        else:
            year = years_of[len(years_of) // 2] if "中期" in self.meta.title else 0
        if not year:
            return ()
        if any(w in heading for w in rule["progress"]) and not any(w in heading for w in rule["problems"] + rule["ahead"]):
            return tuple(range(years_of[0], year + 1))
        if any(w in heading for w in rule["looked_back"]):
            return ()
        if any(w in heading for w in rule["problems"]):
            return (year,)
        if any(w in heading for w in rule["dated_ahead"]) and year < years_of[-1]:
            return tuple(range(year + 1, years_of[-1] + 1))
        return ()

    def _drafted_problems(self, heading: str) -> tuple[int, ...]:
        """In a plan or proposal for a period still to come (a “十五五” one written in 2025), a heading naming problems and
        no year (二、存在的问题, 二、面临的形势和问题) speaks for the state when it is written: its year, else the year before the
        period; else ()."""
        years_of = self.meta.years
        if not period_before(years_of) or (self.written and self.written >= years_of[0]) \
                or self._reviews_period() \
                or not any(w in heading for w in year_leads.review_rule()["problems"]):
            return ()
        return (self.written or years_of[0] - 1,)

    def _still_ahead(self, heading: str) -> bool:
        """Whether, in a text titled as a look back at one year and a look ahead at the next (…2024年…发展情况和2025年工作
        安排), a heading naming no year after the one that turned ahead goes on with the plan (四、保障措施): no look back
        and no state of things in it."""
        years_of, rule = self.meta.years, year_leads.review_rule()
        return len(years_of) == 2 and years_of[1] == years_of[0] + 1 and self.turned_ahead and self._titled_back_and_ahead() \
            and not any(w in heading for w in rule["looked_back"] + rule["state"] + rule["going_on"])

    def _reviews_period(self) -> bool:
        """Whether the title is a review's of a plan's period (…实施情况总结评估, …中期评估报告: [review] period_review)."""
        return bool(years_rule("review", "period_review").search(self.meta.title))

    def _dated_after(self) -> bool:
        """Whether the text is dated after every year it reports on (an audit of 2023 delivered in 2024)."""
        return bool(self.written and self.meta.years and self.written > max(self.meta.years))

    def _titled_back_and_ahead(self) -> bool:
        """Whether the document's title names a look back and a look ahead (…工作总结和2026年工作计划, …回顾与…展望)."""
        rule, title = year_leads.review_rule(), self.meta.title
        # (… or a state of things, then the look ahead: …2024年…发展情况和2025年工作安排; since session 60)
        return (any(w in title for w in rule["looked_back"]) or bool(_STATE_THEN.search(title))) and any(w in title for w in rule["ahead"])

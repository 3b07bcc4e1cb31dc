"""Each passage's region, years and sectors (PassageTagger), given the document's facts (document.py).

A round-up's section openings (sections.py) set the region and report year of what follows
until the next opening or a summary paragraph.  In a one-place document a passage can only
narrow the region (a 区 inside its 市), never move it: 上海 mentioned in a 青浦 plan stays 青浦.
Every passage adds the years it states.
"""

from __future__ import annotations

import re

from icpolicy.meta import by_place, dates, facts, news_years, regions, sections, sectors, speakers, year_leads, years
from icpolicy.meta.document import describe, type_rules
from icpolicy.meta.year_words import heading_years, next_year_alone, section_years, target_lead, union, uncited, within_year
from icpolicy.meta.whole import issuer_in_reply, national_lead, upper_level, whole_above
from icpolicy.meta.zones import zone_of
from icpolicy.meta.elsewhere import elsewhere_subject, sibling_subject
from icpolicy.meta.region_names import group_lead
from icpolicy.meta.places import MARKED_LEAD, clause_subject, common_inside, is_within, named_in_passing, named_within, only_place_inside, others_inside, own_action, places_beside
from icpolicy.models import DocMeta, Passage, Region
from icpolicy.text.clean import opens_paragraph
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences

# a heading's rank when no markup gives one: 第一章 above 一、 above （一） above 1.
HEADING_RANKS = [re.compile(r"^第[一二三四五六七八九十百]+[章部分编]"), re.compile(r"^[一二三四五六七八九十]+[、.．]"),
                  re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), re.compile(r"^\d{1,2}[、.．]")]


_BRACKET_LABEL = re.compile(r"^\s*【[^】]{1,12}】")  # a yearbook's entry label: a place's opens its section, any other ends it
_LEARN = 2000  # paragraphs a document's parallel leads are learnt from (a streamed file: its first chunks)


def _is_row(text: str) -> bool:
    """A table row whose first cell, or the one after a number column, names a place (蒙自市 | 电子元器件 | 150亿元;
    3 | 无锡市 | 江阴市 | …), not a numbered heading (01 | 沈阳)."""
    cells = text.split(" | ")
    if len(cells) > 2 and cells[0].strip().isdigit():
        cells = cells[1:]  # a 序号 column first (10 | 徐州市 | 鼓楼区 | …)
    return len(cells) > 1 and bool(regions.gazetteer().find(cells[0]))


def _listed_provinces(sentence: str) -> bool:
    """True when a sentence lists places of two provinces or more, one after the other (湖北省武汉市、湖南省长沙市;
    北京市亦庄、上海市张江): each a place of one province, with at most a few letters and a 、 between them.  Two joined
    by 和 or 与 are a subject and its partner (滁州市与南京江北新区共建…): the subject's."""
    found = [(m, province) for m in regions.gazetteer().find(sentence) if (province := _province_of(m))]
    return any(a[1] != b[1] and b[0].start - a[0].end <= _LIST_GAP and _LIST_MARK.search(sentence[a[0].end:b[0].start])
               for a, b in zip(found, found[1:]))


def _province_of(mention) -> str:
    """The province a listed name stands for: a place of one province by its full name, or a province by its short
    name (河北, 吉林, 内蒙古: 河北、内蒙古、吉林等地 lists provinces, not 天津's 河北区 or the city 吉林市); else ''."""
    if len(mention.places) == 1 and not mention.short:
        return mention.places[0].path[0]
    provinces = [place.path[0] for place in mention.places if len(place.path) == 1]
    return provinces[0] if len(provinces) == 1 else ""


_LIST_GAP, _LIST_MARK = 6, re.compile("、")


def _rank(text: str) -> int:
    """A plain paragraph's numbering rank (HEADING_RANKS: 1 for 第一章 … 4 for 1.), 0 when unnumbered."""
    return next((i for i, p in enumerate(HEADING_RANKS, 1) if p.match(text)), 0)


_COLON_LEAD = re.compile(r"^[^，。：:]{2,12}[：:]")  # 珠三角：…
_RANK_LEAD = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])[^。：:]{0,20}[。：:]")  # （一）壮大…集群。
_BRACKETED = re.compile(r"[（(][^）)]{1,16}[）)]")


def _named_lead(text: str) -> bool:
    """True when a paragraph opens with a place's name as its own first sentence, after any numbering
    (（一）新吴区（无锡高新区）。集聚了…): it names its subject, not a place in passing."""
    rank = _rank(text)
    rest = HEADING_RANKS[rank - 1].sub("", text, count=1) if rank else text
    first = _BRACKETED.sub("", re.split("[。：:]", rest, maxsplit=1)[0]).strip()
    return 1 < len(first) <= 12 and bool(regions.gazetteer().lookup(first))


def _row_years(text: str) -> tuple[int, ...]:
    """A table row's years in figures (重点项目清单's 天元区 | 2024—2025年 | …: its own 建设年限), which it speaks for
    alone, else (); not a header row naming what its columns hold (2025年基数 | 2028年目标)."""
    return years.stated(text) if " | " in text and not _HEADER_CELL.search(text) else ()


_HEADER_CELL = re.compile("目标|基数|预期|现状|完成值")


def _heading_rank(text: str, level: int) -> float:
    """A heading's rank for the years it states: its level, then its numbering (headings flattened to one level,
    ## 一、2024年预算执行情况 then ## （一）… in markdown, keep their order); a numbered body line (level 0) ranks by
    its numbering alone, an unnumbered one below every numbering."""
    numbered = _rank(text)
    return (level + numbered / 10) if level else (numbered or len(HEADING_RANKS) + 1)


def _apart(text: str) -> bool:
    """True when a line names places in different provinces by their full names."""
    return len({m.places[0].path[0] for m in regions.gazetteer().find(text) if not m.short and len(m.places) == 1}) > 1


class PassageTagger:
    """Region, years and segments of each passage, in order; the section context carries on
    from one call to the next, so a large file tagged chunk by chunk comes out the same."""

    def __init__(self, meta: DocMeta, roundup: bool):
        # a local text that names no place (不详) is read as a text for no one place, as 全国 is, and its
        # passages that stay with the document say 不详 (see tag)
        self.unplaced = meta.region == regions.UNPLACED
        self.meta = meta = meta._replace(region=regions.NATIONAL) if self.unplaced else meta
        self.roundup = roundup
        self.ordinal = 0
        self.region, self.years, self.level = meta.region, meta.years, 0
        self.year_rank = 99
        # news says 今年 of the year it is dated, whatever year it speaks for; so does a text that
        # speaks for several years (a plan period, a December plan for next year)
        self.news = meta.doc_type == type_rules()["news_type"]
        news = self.news or len(meta.years) > 1
        self.written = int(meta.issued[:4]) if meta.issued[:4].isdigit() else 0
        self.dated = self.written if news else 0
        self.shapes: frozenset[str] = frozenset()  # the document's parallel section leads (sections.parallel)
        self.seen: list[tuple[str, int]] = []  # … learnt from the paragraphs tagged so far
        self.opened: dict[tuple[str, ...], None] = {}  # the places whose sections have opened, in order
        self.review = 0  # a report's review part by its lead (_review_years): 0 not yet, 1 open, 2 over
        self.rank = 0  # the numbering rank of the paragraph that opened the section (（二）绵阳市。: 3), if any
        self.by_lead: tuple[str, ...] = ()  # the place of a section a paragraph's lead opened (吴江区。新增…), not a heading
        self.signed = -9  # the ordinal of the last date line (a signature), and whether an attachment heading
        self.attached = False  # followed it: the attached text's title line comes next
        self.forwarded = facts.forwarded_title(meta.title)  # the title of the text a forwarding notice forwards

    def tag(self, paragraphs: list[tuple[str, int]]) -> list[Passage]:
        """The next passages of the document (their search forms are left in self.norms)."""
        out = []
        self.norms: list[str] = []  # sectors are read from them, and the index wants them too
        if len(self.seen) < _LEARN:
            self.seen += paragraphs[:_LEARN - len(self.seen)]
            self.shapes = sections.parallel(self.seen)
        for paragraph, level in paragraphs:
            for text in self._by_place(paragraph, level):
                region = self._place(text, level)
                if self._in_passing(text, region):
                    region = self.region
                if self.unplaced and region == regions.NATIONAL:
                    region = regions.UNPLACED
                if not level:
                    self._review_years(text)
                own_words = uncited(text)  # (a cited document's years are its own)
                stated = union(years.stated(own_words), years.spoken(own_words, self._base()))
                norm = normalise(text)
                own = (not level and (self._lead_years(text) or self._own_in_section(own_words) or self._by_deadline(own_words, stated)
                                      or _row_years(own_words))) or self._story_time(stated)
                # a story's paragraph that speaks only of years before the story's (去年全区新增…, in a story
                # of 2025) reports them alone, as a look-back does
                spoken = (self.news and stated and news_years.looks_back(own_words, own, self._base())) \
                    or years.run_on(union(own, stated), own, own_words)  # 到2028年 in a 2026 text: 2026–2028
                out.append(Passage(self.ordinal, text, region, spoken, sectors.tag(norm)))
                self.norms.append(norm)
                self.ordinal += 1
        return out

    def _by_place(self, text: str, level: int) -> list[str]:
        """A paragraph that goes place by place, cut where each place begins (meta/by_place.py)."""
        if level:
            return [text]
        if self.roundup:
            return by_place.round_up(text)
        if self.region != self.meta.region or self.meta.region in (regions.NATIONAL, regions.MULTI):
            return [text]
        return by_place.inner(text, self.meta.region)

    def _heading_years(self, text: str, level: int) -> None:
        """A section heading stating years (一、2024年工作回顾) speaks for what follows it, until a
        heading of its rank or above; a lower heading without years leaves them."""
        if dates.line_date(text) or (self.ordinal == 0 and text.replace(" ", "") == self.meta.title.replace(" ", "")):
            return  # a signature's date line (2024年6月18日 before the text a notice issues) heads nothing; the title's
            # years are the document's already (去年我国…出口…, dated 2026: 2025)
        rank = _heading_rank(text, level)
        spoken = union(years.stated(text), years.spoken(text, self._base()))
        if spoken:
            self.years, self.year_rank = heading_years(self.meta.years, spoken, text), rank
        elif rank <= self.year_rank:
            self.years, self.year_rank = self.meta.years, 99

    def _review_years(self, text: str) -> None:
        """In a one-year report whose headings state no year, the first paragraph whose lead names
        the year before (2025年，…, 过去一年，…), near its start, opens the review: what follows speaks for that year too,
        until a lead naming the report's own year (今年…) or a heading line; once only
        (data/years.toml, [review])."""
        rule = year_leads.review_rule()
        if self.review == 2 or self.roundup or len(self.meta.years) != 1 or self.meta.doc_type not in rule["types"]:
            return
        if self.year_rank < 98:
            self.review = 2  # the headings state the years
            return
        year, lead = self.meta.years[0], text[: rule["lead"]]
        said = set(years.stated(lead)) | set(years.spoken(lead, year))
        if self.review == 0 and said == {year - 1} and self.ordinal < rule["within"]:
            self.years, self.year_rank, self.review = section_years(self.meta.years, (year - 1,)), 98, 1
        elif self.review == 1 and (year in said or sections.is_heading_like(text, 0)):
            self.years, self.year_rank, self.review = self.meta.years, 99, 2

    def _lead_years(self, text: str) -> tuple[int, ...]:
        """The year a passage opens by naming (2023年，…), when it speaks for that year alone (year_words.section_years:
        before the document's years, or one of its several), else ()."""
        year = year_leads.lead_year(text) or (self.news and news_years.news_lead_year(text))
        if not year and len(self.years) > 1 and self.meta.years and (max(self.years) < min(self.meta.years) or self._several(dated=False)):
            # a section reviewing several years before the document's (一、2025年及“十四五”工作回顾 in a 2026 report),
            # or a document of several years (2024年计划执行情况和2025年计划草案): a paragraph opening with one of
            # them and naming no other is that year's
            year = year_leads.lead_year(text, whole=True)
            year = year if year in self.years and not target_lead(text, year) else 0
            span = () if year else year_leads.lead_span(text)
            if span and set(span) < set(self.years):
                return span  # 2021—2022年，全省… in a “十四五” mid-term review
        if not year and self.meta.years and self._base() and year_leads.next_year_lead(text):
            year = self._base() + 1  # 明年，我局将… (in a summary signed in December)
        if not year:
            # “十四五”时期，… in a 2026 report, or in a “十五五” plan: the period it reviews, all of it before the document's;
            # “十五五”期间，… in a 2025 report: the period ahead, all of it after
            if not self.meta.years:
                return ()
            past = year_leads.past_lead(text, self._base(), min(self.meta.years))
            if past:
                return past  # “十二五”末，…, 2021年至2023年，… in a 2025 reply: the years it looks back to
            period = year_leads.period_lead(text, self._base())
            return period if period and (max(period) < min(self.meta.years) or min(period) > max(self.meta.years)) else ()
        if next_year_alone(self.meta.years, year, text):
            return (year,)  # 2026年，全区将… / 明年，… in a 2025 text: next year's, not a target's run (到2026年，…)
        return (year,) if section_years(self.meta.years, (year,)) == (year,) else ()

    def _own_in_section(self, text: str) -> tuple[int, ...]:
        """In a one-year document, under a heading naming a period (一、2025年和“十四五”时期工作回顾, 二、“十五五”
        时期主要目标和2026年工作安排), a passage whose first sentence names in words years of its own (past, this or
        next year, a period), all among the heading's, speaks for them as it would outside the section (过去一年…: 2025;
        今年…: 2026), else ().  A year in figures there, or a word in a later sentence, is a detail of the period."""
        several = self._several()
        if not several and (self.year_rank >= 98 or len(self.years) < 3 or len(self.meta.years) != 1):
            return ()
        sentences, base = split_sentences(text) if text else [""], self._base()
        first = "".join(sentences[:2]) if _rank(text) and len(sentences[0]) <= 24 else sentences[0]  # (（一）壮大…集群。年内…)
        if several:  # 去年，全省…, 今年将… in a report on last year's plan and this year's: the one year it names
            said = years.spoken(first, base)
            return said if len(said) == 1 and set(said) < set(self.years) else ()
        lead = _RANK_LEAD.sub("", first)
        if base in self.years and year_leads.turns_to_year(lead, base):
            self.years = (base,)  # 今年主要预期目标是…: this year's, and so is the rest of the section
            return self.years
        if base - 1 in self.years and year_leads.turns_to_year(lead, base - 1, last=True):
            return (base - 1,)  # 2025年是…收官之年。一年来，… in a review of 2025 and the period: 2025's (the rest of the
            # section stays the period's: 城乡面貌显著改善。五年来，…)
        said = union(years.spoken(first, base), (base,) if base and within_year(first) else ())  # 年内新增…: this year
        return section_years(self.meta.years, said) if said and set(said) <= set(self.years) else ()

    def _by_deadline(self, text: str, stated: tuple[int, ...]) -> tuple[int, ...]:
        """In a document of several years, a passage whose every year is a deadline inside them (2025年底前建成…,
        2026年底前完成… in a 2025—2027 plan) speaks for the first year to the last deadline, else ()."""
        if not stated or not self._several(dated=False):
            return ()
        deadlines = year_leads.deadline_years(text)
        if set(stated) != set(deadlines) or max(deadlines) >= max(self.years) or min(deadlines) < min(self.years):
            return ()
        return tuple(range(min(self.years), max(deadlines) + 1))

    def _story_time(self, stated: tuple[int, ...]) -> tuple[int, ...]:
        """The years a passage with no lead of its own speaks for: its section's, but in a news story of several years
        outside any section of fewer, the year it is dated in when the passage speaks only of that year or later
        (今年全国两会期间…, 业内人士预计，今年… in a story of 2024 and 2025 dated 2025: 2025), as a passage speaking only of
        earlier years looks back (news_years.looks_back).  One naming no year keeps them all: a story dated January
        may report last year's results without naming the year."""
        if self.news and stated and len(self.years) > 1 and self.years == self.meta.years and self.dated in self.years \
                and min(stated) >= self.dated:
            return (self.dated,)
        return self.years

    def _several(self, dated: bool = True) -> bool:
        """Whether the passage lies in a document of several years outside any part of fewer (a report on last
        year's plan and this year's, a three-year plan, a mid-term review); dated: and the text is dated in one of
        them, so that relative words count from the date."""
        several = not self.news and len(self.meta.years) > 1 and self.years == self.meta.years
        return several and (not dated or self.dated in self.meta.years)

    def _base(self) -> int:
        """The year relative words count from: the section's or document's single year, else none."""
        if self.dated and self.years == self.meta.years:
            return self.dated
        looking_back = bool(self.meta.years) and self.years[-1:] < self.meta.years[:1]  # 去年 in a review is still the speaker's
        own = self.years if len(self.years) == 1 and not looking_back else self.meta.years
        base = own[0] if len(own) == 1 else 0
        # … but no later than the year it is dated: 明年 under 二、2026年工作思路 in a summary signed in 2025 is 2026
        return self.written if self.written and self.meta.years and base > max(self.written, self.meta.years[0]) else base

    def _opening(self, text: str, level: int) -> sections.Opening | None:
        """The place the passage opens with; a parallel lead (sections.parallel) is a marked one."""
        opening = sections.opening(text, level, self.meta.region.path)
        lead = None if level else sections.parallel_opening(text, self.shapes)
        if lead and opening and opening.region == lead.region:
            return sections.Opening(opening.region, True, opening.years, True)
        return lead or opening

    def _closing(self, text: str, opening: sections.Opening | None) -> bool:
        """True when a passage speaks about a round-up's sections (or a one-place document's marked
        sections) as a group: sections.closes, a count of them (四份计划…), or its first clause names
        two places whose sections have opened (从西安到重庆，…)."""
        if not self.roundup and (self.region == self.meta.region or self.level):
            return False
        if not opening and sections.closes(text, len(self.opened)) and not self._names_section(text):
            return True
        gaz = regions.gazetteer()
        clause = sections.first_clause(text)
        named = {p.path for m in gaz.find(clause) for p in m.places if p.path in self.opened}
        if len(named) >= 2:
            return True
        # … or its first sentence lists places of two provinces or more (在中部，湖北省武汉市、湖南省长沙市、河南省郑州市
        # 相继发布…; 在长三角，上海市、江苏省无锡市…同步开工): about them all, not one section
        return self.roundup and _listed_provinces(split_sentences(text[:120])[0] if text else "")

    def _names_section(self, text: str) -> bool:
        """True when a passage's first sentence names the current section's place or one inside it,
        and no other section's (相比前几座城市，嘉兴的体量不大… in the 嘉兴 section): it is still about
        that place (纵观四城…合肥、无锡…宁波、嘉兴… is not)."""
        if self.region in (self.meta.region, regions.MULTI, regions.NATIONAL):
            return False
        sentence = split_sentences(text[:80])[0] if text else ""
        named = {p.path for m in regions.gazetteer().find(sentence) for p in m.places
                 if not (m.short and len(p.path) > 2)}  # a county's short name is often a word (在于都…)
        others = {path for path in named for opened in self.opened if opened != self.region.path and path[: len(opened)] == opened}
        return not others and any(path[: len(self.region.path)] == self.region.path for path in named)

    def _attached_text(self, text: str) -> bool:
        """Follows a notice's attachment (附件 after its signature): when the attached text's title
        names a national body and no place (a ministry's notice a province forwards), the rest
        speaks for the whole country.  True for the attachment heading and title lines."""
        forwarded = bool(self.forwarded) and facts.holds_forwarded(text, self.forwarded)  # the forwarded text's title line
        if dates.line_date(text):
            self.signed = self.ordinal
        elif facts.is_attachment_heading(text) and self.ordinal - self.signed <= 4:
            self.attached = True
            return True
        elif self.attached or (self.ordinal - self.signed <= 4 and forwarded):
            self.attached = False
            gaz = regions.gazetteer()
            if gaz.is_national(text) and not gaz.find(text) and self.meta.region != regions.NATIONAL:
                self._new_text(regions.NATIONAL)
                return True
            if forwarded:
                # a forwarded text by another body (浙江省经济和信息化厅关于… in a 海宁市 notice): its own place
                # a title line without its writer (关于X的若干措施): the writer the notice's title names
                body = text.split("关于")[0].removesuffix("文件") or facts.forwarded_writer(self.meta.title)
                region = gaz.resolve(gaz.find(body))
                if not region.path and body[:1] in ("省", "市") and self.meta.region.path:
                    # 省经信厅关于…: the document's province; 市…: its city (a 直辖市's is the province)
                    path = self.meta.region.path
                    region = Region(path[:1] if body[0] == "省" or path[0].endswith("市") else path[:2])
                if region.path and region != self.meta.region:
                    self._new_text(region)
                    return True
        return False

    def _new_text(self, region: Region) -> None:
        """An attached or forwarded text begins, by another body: it speaks for that body's place."""
        self.region, self.years, self.level, self.rank = region, self.meta.years, 0, 0

    def _in_passing(self, text: str, region: Region) -> bool:
        """True when a passage that opens no section of its own is given a place inside the section's
        (or the document's) region that it names in passing only (places.named_in_passing)."""
        if self.roundup or region == self.region or self.region in (regions.NATIONAL, regions.MULTI, regions.UNPLACED):
            return False
        return is_within(region, self.region) and not _named_lead(text) and named_in_passing(text, self.region)

    def _elsewhere_heading(self, text: str, level: int, opening: sections.Opening) -> bool:
        """True when a one-place document's numbered heading opens with a place outside its region
        and not above it (一、合肥市的主要做法 in a 珠海 report; not 一、浙江省… in a 宁波 one)."""
        path = self.meta.region.path
        if self.roundup or not path or self.meta.region in (regions.NATIONAL, regions.MULTI) or self.ordinal == 0:
            return False
        if is_within(self.meta.region, opening.region) or not (level or _rank(text)) or not sections.is_heading_like(text, level):
            return False
        return not is_within(opening.region, self.meta.region) and opening.region not in (regions.NATIONAL, regions.MULTI)

    def _across(self, region: Region) -> bool:
        """True when the document is about a zone of its own (金普新区, 湘江新区) and region is a
        division of the zone's city, which the zone may lie across (位于岳麓区的…)."""
        path = self.meta.region.path
        return bool(zone_of(path)) and is_within(region, Region(path[:-1]))

    def _place(self, text: str, level: int) -> Region:
        """The passage's region; moves the section when the passage opens one."""
        meta = self.meta
        if self._attached_text(text) or (not level and facts.is_addressees(text)):
            return self.region
        if self.ordinal == 0 and text.replace(" ", "") == meta.title.replace(" ", "") and self.roundup:
            return meta.region  # a round-up's title line listing its places (…：武汉、长沙、南昌…) is the whole's
        opening = self._opening(text, level)
        if not level and speakers.is_label(text):
            # a speaker's label ends the speaker before's section (记者提问（…）：, 省工业和信息化厅副厅长：)
            self.region, self.level, self.rank, self.by_lead = meta.region, 0, 0, ()
        # a heading ends a section of its level or below, and any section a paragraph's lead opened
        # (昆明：… lines, then **展望2025**)
        if level and (level == 1 or (not opening and (not self.level or level <= self.level))):
            self.region, self.level = meta.region, 0
            if _heading_rank(text, level) <= self.year_rank:  # (## （一）… under ## 一、2024年…, flattened: not)
                self.years, self.year_rank = meta.years, 99
        if self.opened and self._closing(text, opening):
            self.region, self.years, self.level = meta.region, meta.years, 0
            # (国家发展改革委有关负责人表示，各地要…: closes the sections, and is the country's)
            return regions.NATIONAL if not level and national_lead(text) else self.region
        rank = 0 if level else _rank(text)
        if rank and self.rank and rank <= self.rank and not opening:
            # a numbered paragraph of the opening's rank or above that opens no place (（三）遂宁市、眉山市。,
            # 三、保障措施) ends the section
            self.region, self.years, self.level, self.rank = meta.region, meta.years, 0, 0
        elif rank and not opening and self.by_lead == self.region.path != meta.region.path and sections.is_heading_like(text, level):
            # a numbered heading after sections that paragraph leads opened (吴江区。…, 吴中区。…, then 三、存在的问题)
            self.region, self.years, self.level, self.rank = meta.region, meta.years, 0, 0
        if not self.roundup and not opening and not level and self.region != meta.region and _BRACKET_LABEL.match(text):
            self.region, self.years, self.level, self.rank = meta.region, meta.years, 0, 0  # 【大事记】… after 【南宁高新区】…
        if not level and meta.region not in (regions.NATIONAL, regions.UNPLACED) and national_lead(text):
            return regions.NATIONAL  # 国家对…实行…, 工业和信息化部有关负责人介绍，… in a local text or a round-up
        if not level and self.region != meta.region and is_within(self.region, meta.region) and issuer_in_reply(text, meta.region, meta.doc_type):
            return meta.region  # 市发展改革委…要… in 合肥's reply to 巢湖市人民政府: the issuer's
        grouped = None if level or opening else group_lead(text)
        if grouped == regions.MULTI and not self.roundup:
            grouped = None  # 深入推进长三角一体化发展… in 安徽's report: its own part in the group
        if grouped:
            if self.roundup and (sections.is_heading_like(text, level) or _COLON_LEAD.match(text)):
                self.region, self.years, self.level, self.rank = grouped, meta.years, 0, _rank(text)  # 珠三角：…
                self.opened[grouped.path] = None
            return grouped  # 长株潭三市要发挥各自优势… in a 长沙 text: the three cities' province
        whole = None if self.roundup or self.region != meta.region else \
            whole_above(text, meta.region) or upper_level(text, meta.region, meta.doc_type)
        if whole:
            return whole  # 2021年，全市集成电路产业… in a district's news: the city's
        if not opening:
            if (level or opens_paragraph(text)) and sections.is_heading_like(text, level):
                self._heading_years(text, level)
            if self.region == regions.MULTI and self.roundup:
                # outside any section, a passage whose places lie in one province: what they share
                # (说到…，绕不开甘肃。天水市… : 天水市; 在内蒙古，包头市…而阿拉善盟…: 内蒙古)
                if _listed_provinces(split_sentences(text[:120])[0] if text else ""):
                    return self.region  # 河北、内蒙古、吉林等地…: about them all
                return common_inside(text, Region(), same_province=True) or self.region
            if self.region.path in (regions.NATIONAL.path, regions.MULTI.path):
                return self.region
            # a zone of its own lies across divisions of its city (金普新区: 金州区, 普兰店区): a passage
            # naming one of them (位于金州区的…) is that division's
            parent = Region(self.region.path[:-1]) if zone_of(self.region.path) else None
            if not level and self.region == meta.region and (sibling := sibling_subject(text, meta.region)):
                return sibling  # 隔壁的昆山已经… in a 太仓 story
            if own_action(text, self.region):
                return self.region  # (二)建设…。加快庆阳…。设立省级…资金: the province's own action
            return only_place_inside(text, self.region) or (parent and only_place_inside(text, parent)) \
                or places_beside(text, self.region) or common_inside(text, self.region) or self.region
        if self.roundup:
            row = _is_row(text)  # a table row (大连 | 存储配套) names its own passage only
            again = opening.region == self.region  # the section's own place named again
            if not row and (opening.strong or not (opening.region == self.region or is_within(opening.region, self.region))):
                self.region, self.years = opening.region, opening.years or meta.years
                self.level = level or self.level
                self.opened[opening.region.path] = None
                self.rank = 0 if level else _rank(text)
            # a marked lead, or the section's own place named again, and a place inside it right
            # after (【天津】滨海新区…, 保定下辖的涿州市…): that place
            narrowed = (opening.marked and only_place_inside(text, opening.region, MARKED_LEAD)) \
                or (again and named_within(text, opening.region, sections.inner_link()))
            if not narrowed and not opening.strong and is_within(opening.region, self.region) and others_inside(text, self.region, opening.region):
                return common_inside(text, self.region) or self.region  # several places of the section: what they share
            return narrowed or (not row and clause_subject(text, opening.region)) or opening.region
        if is_within(opening.region, meta.region) or self._across(opening.region):
            # a heading or a marked lead (宁波：, 温州——) narrows what follows; a bare place name
            # on its own line (a table's row or column label) only names its own passage
            bare = not level and (bool(regions.gazetteer().lookup(text.strip(" ：:"))) or _is_row(text))  # or a table row
            if (sections.is_heading_like(text, level) or opening.marked) and not bare:
                self.region, self.level = opening.region, level or self.level
                self.opened[opening.region.path] = None
                self.rank = 0 if level else _rank(text)
                self.by_lead = () if sections.is_heading_like(text, level) else opening.region.path
            elif is_within(opening.region, self.region) and others_inside(text, self.region, opening.region):
                return common_inside(text, self.region) or self.region  # several places of the region: what they share
            # a marked lead and a place inside it right after (【厦门】海沧区的…): that place
            return (opening.marked and only_place_inside(text, opening.region, MARKED_LEAD)) \
                or (not bare and clause_subject(text, opening.region)) \
                or (bare and _is_row(text) and only_place_inside(text, opening.region, len(text))) or opening.region
                # (3 | 无锡市 | 江阴市 | …: the county a later cell names)
        if self._elsewhere_heading(text, level, opening):
            # a numbered heading about another place (一、合肥市的主要做法 in a 珠海 study report):
            # its section is that place's, until a heading of its rank
            self.region, self.years, self.level = opening.region, meta.years, level or self.level
            self.rank = 0 if level else _rank(text)
            return self.region
        if meta.region in (regions.NATIONAL, regions.MULTI) and self.region == meta.region:
            if sections.is_heading_like(text, level) and _apart(text):
                return meta.region  # a title or signature naming bodies of places apart (上海市经信委 浙江省经信厅)
            return opening.region  # a national or regional text's passage about one place (一、前海要…)
        if not level and self.region == meta.region and opening.region not in (regions.NATIONAL, regions.MULTI):
            return elsewhere_subject(text, opening.region, meta.region) or self.region  # 同日，南京江北新区发布了…
        return self.region


def tag_document(declared_title: str, paragraphs: list[tuple[str, int]], stem: str, hints: tuple[tuple[str, str], ...] = ()) -> tuple[DocMeta, list[Passage]]:
    """Document facts and per-passage keys for a split document."""
    meta, roundup = describe(declared_title, paragraphs, stem, dict(hints))
    return meta, PassageTagger(meta, roundup).tag(paragraphs)

"""Where a section ends (SectionEnds, a part of placing.PassagePlaces): the heading, numbered paragraph, list, label line
or closing line that takes the passages after it back to the document's own place, and the paragraphs that speak beyond
any section (the country, the places together, the guests' places).

It reads and moves the section state placing.py keeps (region, years, level, rank, by_lead, subheaded, visited, …).
"""

from __future__ import annotations

import re

from icpolicy.meta import by_place, regions, sections
from icpolicy.meta.closings import closes_sections
from icpolicy.meta.own_level import is_within, names_at_or_inside
from icpolicy.meta.paragraph_forms import BOX_RANK, COLON_LEAD, heading_rank, rank_of, section_rank
from icpolicy.meta.places import common_inside
from icpolicy.meta.region_names import participants_from
from icpolicy.meta.whole import country_paragraph, national_heading, national_lead, places_together
from icpolicy.models import Region
from icpolicy.text.passages import split_sentences

# a yearbook's entry label, or a briefing's item mark (▲ 省工业和信息化厅来宁调研; since session 50): a place's opens its
# section, any other ends it
BRACKET_LABEL = re.compile(r"^\s*(?:【[^】]{1,12}】|[▲△■□◆◇●★☆▶►]\s*\S)")
_COUNTRY_VOICE = re.compile("我国|中国大陆")  # the country as a text of many places' subject (2024年我国算力总规模…)
_TOP_RANK = 2  # paragraph_forms.rank_of of a top numbered heading (二、…)
_LABEL_LINE = 12  # a round-up's label line naming no place (■ 企业, 【数据】) has at most this many characters


class SectionEnds:
    """The section-closing half of PassagePlaces."""

    def _close_sections(self, text: str, level: int, opening: sections.Opening | None) -> Region | None:
        """Ends the section a heading, a numbered paragraph, a list or a closing line ends; the region of a closing
        line (closings.closes_sections), or None."""
        meta = self.meta
        # a heading ends a section of its level or below, and any section a paragraph's lead opened
        # (昆明：… lines, then **展望2025**)
        if level and (level == 1 or (not opening and (not self.level or level <= self.level))):
            self.region, self.level = meta.region, 0
            if self._ends_years(heading_rank(text, level), text):  # (## （一）… under ## 一、2024年…, flattened: not)
                self.years, self.year_rank = meta.years, 99
        if self.opened and closes_sections(text, opening, self.roundup, self.region, meta.region, self.level, self.opened):
            self.region, self.years, self.level = meta.region, self._heading_given(), 0
            # (国家发展改革委有关负责人表示，各地要…: closes the sections, and is the country's; （五）嘉兴市、湖州市：… after
            # （四）杭州市：… in a 长三角 text: the province the list lies in)
            if (beyond := self._beyond(text, level)) is not None:
                return beyond
            listed = not level and meta.region == regions.MULTI and by_place.list_opening(text)
            return (listed and common_inside(text, Region(), same_province=True)) or self.region
        rank = 0 if level else rank_of(text)
        if rank and self.rank and rank <= self.rank and (not opening or opening.region == meta.region):
            # a numbered paragraph of the opening's rank or above that opens no place (（三）遂宁市、眉山市。,
            # 三、保障措施), or the text's own (（三）泉州台商投资区、泉州开发区。 in 泉州's), ends the section; a box's
            # (专栏2　大冶市：…) leaves the years of the section it stood in as they were
            boxed = self.rank == BOX_RANK
            self.region, self.level, self.rank = meta.region, 0, 0
            self.years = self.years if boxed else self._heading_given()
        elif rank and not self.rank and self.in_item and rank <= self.in_item and self.region != meta.region \
                and (not opening or opening.region == meta.region):
            # the next numbered paragraph of a list after a line inside its item opened a place's section ((三)推动双流区…,
            # 牵头单位：双流区政府, then (四)支持郫都区…): the item is over, and so is its section (since session 66)
            self.region, self.level, self.in_item = meta.region, 0, 0
        elif rank and not opening and self.by_lead == self.region.path != meta.region.path and sections.is_heading_like(text, level):
            # a numbered heading after sections that paragraph leads opened (吴江区。…, 吴中区。…, then 三、存在的问题)
            self.region, self.years, self.level, self.rank = meta.region, self._heading_given(), 0, 0
        elif rank == _TOP_RANK and not opening and not self.rank and not self.level and self.region != meta.region \
                and (self.roundup or self.visited or is_within(self.region, meta.region)) and sections.is_heading_like(text, level):
            # a top numbered heading with no place after sections body paragraphs opened (苏州市：…, 宿迁市沭阳县…, then
            # 二、存在的问题 in a province's briefing; 宁海县基数较小…, then 三、需关注的问题 in a city's; not a forwarded
            # text's own place): back to the whole
            self.region, self.years, self.level, self.rank, self.visited = meta.region, meta.years, 0, 0, False
        elif self.subheaded and not level and not rank and not opening and not self.roundup and self.region != meta.region \
                and subheading(text) and self.ordinal > self.subheaded_at + 1:
            # a story's next subheading naming no place after one that opened a place's section (从余姚的租赁厂房起步, its
            # paragraphs, then 持续投入研发换来“话语权”): back to the whole (since session 54); not the headline right under a
            # place's label (◎滕州, then “机床之乡”造出…: the item's; since session 68)
            self.region, self.years, self.level, self.rank, self.subheaded = meta.region, meta.years, 0, 0, False
        elif not level and not opening and self.region != meta.region \
                and by_place.opens_list(text, Region() if meta.region == regions.MULTI else meta.region) \
                and (self.by_lead == self.region.path or (sections.is_heading_like(text, level) and COLON_LEAD.match(text))):
            # a list of places after sections that paragraph leads opened (长沙市。…, 株洲市。…, then 岳阳市、常德市。…), or
            # a labelled subheading listing them (滁州、池州：封测基地崛起 after 芜湖：…; since session 59): about them all, and
            # no longer the section before's (its years a heading's when one gave them: 坪山区、宝安区… in （二）深圳市。…；…
            # under 一、各地市2022年发展情况; since session 61)
            self.region, self.years, self.level, self.rank, self.by_lead = meta.region, self._heading_given(), 0, 0, ()
        if rank:
            self.item = rank
        if not opening and not level and self.region != meta.region and BRACKET_LABEL.match(text) \
                and (not self.roundup or (len(text) <= _LABEL_LINE and sections.is_heading_like(text, level)) or self.tagged == self.region.path):
            # 【大事记】… after 【南宁高新区】…; in a round-up a label line of its own (■ 企业 after 【南京讯】…; since session 56), or
            # a digest's item tagged by no place after items a place's tag opened (【省内】…, 【数据】… after 【新昌】…; since
            # session 62)
            self.region, self.years, self.level, self.rank = meta.region, meta.years, 0, 0
        return None

    def _heading_given(self) -> tuple[int, ...]:
        """The years a section closed by a paragraph lead's end goes back to: the last heading's, when a heading gave them
        (（五）佛山市、中山市…。 after （四）东莞市。… under 一、2022年各地市发展情况: 2022; since session 61), else the document's."""
        return self.headed if self.year_rank < 98 else self.meta.years

    def _beyond(self, text: str, level: int) -> Region | None:
        """The region of a paragraph that speaks beyond any section: for the country, when its lead makes a national body
        its subject (国家对…实行…, 工业和信息化部有关负责人介绍，… in a local text or a round-up), or, in a round-up, a text of
        many places (a ranking of cities: since session 60) or an event's report, it speaks of the country's industry as a
        whole and names no place (据…统计，2024年我国先进封装市场
        规模约…); in a local report of an event, for the places together when it speaks of them so and names nothing of the
        host (倡议提出，两地将共建…: 多地), or for the places its first sentence says the guests come from (在随后举行的分论坛
        上，来自江苏、山东、湖南、陕西的企业代表…: theirs, not the venue's); else None."""
        meta = self.meta
        if meta.region == regions.MULTI and national_heading(text):
            # 一、国家层面 in a round-up: the country's section, until a heading of its rank (since session 68)
            self.region, self.years, self.level = regions.NATIONAL, meta.years, level or self.level
            self.rank = 0 if level else section_rank(text)
            self.opened[regions.NATIONAL.path] = None
            return regions.NATIONAL
        if level:
            return None
        event = self.event
        many = meta.region == regions.MULTI and _COUNTRY_VOICE.search(text)  # (not 占全国比重 in a joint plan of a region's)
        if national_lead(text, meta.region) or ((self.roundup or event or many) and country_paragraph(text, meta.region)):
            return regions.NATIONAL
        local = meta.region.path and meta.region not in (regions.NATIONAL, regions.MULTI, regions.UNPLACED)
        if not (local and event):
            return None
        province = len(meta.region.path) == 1 and not meta.region.path[0].endswith("市")  # (a province's own: its cities)
        if places_together(text) and not province and not names_at_or_inside(regions.gazetteer().find(text), meta.region.path):
            return regions.MULTI  # 倡议提出，两地将共建… in a forum's report: the places together, not the host (not 五市… at
            # a meeting of a province's city group: the province's)
        return participants_from(split_sentences(text)[0], meta.region)


def subheading(text: str) -> bool:
    """Whether a paragraph is a story's subheading: a heading-like line with no mark of a sentence or a label in it (从慈溪的
    小作坊起步; not an addressee's line, 溧阳市人民政府：, nor 经研究，现批复如下：)."""
    return sections.is_heading_like(text, 0) and not _SENTENCE_MARKS.search(text)


_SENTENCE_MARKS = re.compile(r"[。，,：:；;！!？?]")

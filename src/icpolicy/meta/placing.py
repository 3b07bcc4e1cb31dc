"""Where each passage is (PassagePlaces, a part of tagging.PassageTagger): the section a heading or a paragraph's lead opens,
the places a passage names inside it, and the lines that open sections (the lines that close them: section_ends.py).

A round-up's section openings (sections.py) set the region of what follows until the next opening or a summary
paragraph.  In a one-place document a passage can only narrow the region (a 区 inside its 市), never move it: 上海
mentioned in a 青浦 plan stays 青浦.
"""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import by_place, notices, parallel_leads, regions, sections, speakers
from icpolicy.meta.firm_texts import firm_wide
from icpolicy.meta.elsewhere import elsewhere_subject, headquarters, site_subject, joint_pair, neighbour_subject, sibling_subject
from icpolicy.meta.own_level import back_reference, is_within, named_in_passing, names_at_or_inside, opens_on_whole, own_action, own_level_words, own_not_shared, related, whole_after
from icpolicy.meta.papers import outlet_subject
from icpolicy.meta.paragraph_forms import COLON_LEAD, apart, is_row, listed_provinces, named_lead, rank_of, row_place, section_rank
from icpolicy.meta.places import MARKED_LEAD, clause_subject, common_inside, joined_on, named_within, one_province, only_place_inside, others_inside, places_beside
from icpolicy.meta.region_names import group_lead, shared_by
from icpolicy.meta.section_ends import BRACKET_LABEL, SectionEnds, subheading
from icpolicy.meta.title_places import issuer_region
from icpolicy.meta.visits import visited_lead, visited_site
from icpolicy.meta.whole import issuer_in_reply, relayed_province, upper_level, upper_voice, whole_above
from icpolicy.meta.zones import zone_of
from icpolicy.models import Region
from icpolicy.text.clean import opens_paragraph
from icpolicy.text.passages import split_sentences

_YEAR_LINE = re.compile(load_toml("years.toml")["chronicle"]["year_line"])  # a chronicle's year line: 2016年
_GROUP_TASK = re.compile(load_toml("regions.toml")["group_task"])  # (（三）深化长株潭一体化。…: a task about the group)
_REPLY = "答复"  # a reply's type (doctypes.toml), whose national passages about one province are the province's
_PARTNER_BEFORE = re.compile(r"(?:与|同|从|向|和|跟|对接|联合)$")  # a partner's mark right before the first place (from 与, 从 …)


_BRACKETED_LINE = re.compile(r"【[^【】]{2,20}】")  # a story's bracketed subheading on a line of its own (【山东怎么追】)


class PassagePlaces(SectionEnds):
    """The place half of PassageTagger: reads and moves its section state (region, level, rank, by_lead, opened, …)."""

    def _by_place(self, text: str, level: int) -> list[tuple[str, Region | None]]:
        """A paragraph that goes place by place, cut where each place begins (meta/by_place.py): its parts, each with
        the place it is filed under whatever it opens with (a clause comparing another place: by_place.elsewhere), or
        None (the part is placed as any passage is)."""
        if level:
            return [(text, None)]
        if self.roundup:  # (each place's part then cut at the places inside its province: 南京市：全市…；江北新区…；江宁区…)
            parts = by_place.round_up(text)
            self.apart = len(parts) > 1 and by_place.listed_alone(parts[0])  # (长沙、南昌、郑州…。长沙经开区…；南昌高新区…: too)
            if len(parts) == 1 and "；" in text and (self.region == self.meta.region or listed_provinces(split_sentences(text)[0])):
                # (… or a paragraph after a place's section whose lead lists provinces, 江苏、浙江各展所长。苏州…；杭州…；)
                parts = by_place.roundup_clauses(text)
                self.apart = len(parts) > 1  # (its clauses open no sections: the next paragraph is the whole's again)
            if self.apart and self.region != self.meta.region:  # (… and the place's section it followed is over)
                self.region, self.years, self.level, self.rank = self.meta.region, self.meta.years, 0, 0
            return [(cut, None) for part in parts for cut in by_place.inside_province(part)]
        if self.meta.region in (regions.NATIONAL, regions.MULTI):
            # (（一）…。苏州市重点建设…；嘉兴市重点建设… in a joint or national text: each clause its place's, after a lead of
            # one clause at most: not a review's …取得重要进展。上海特奥会成功举办。北京奥运会…, events named by their cities)
            return [(part, None) for part in by_place.inner(text, Region(), lead=1)] if self.region == self.meta.region else [(text, None)]
        if self.region != self.meta.region and not (self.by_lead and self.by_lead == self.region.path):
            # (inside a heading's section; a paragraph lead's, 九江市。…, holds one paragraph's leads; a section's paragraph
            # opening on its own place and going place by place inside it is cut as a round-up's part is: 【赣州】…
            # 赣州依托…。赣州经开区今年…。南康区则…。)
            opened = self._opening(text, level)
            own = opened is not None and opened.region == self.region and is_within(self.region, self.meta.region) and self.region != self.meta.region
            return [(cut, None) for cut in by_place.inside_province(text)] if own else [(text, None)]
        # (上海市浦东新区…；安徽省合肥市…；广东省深圳市… in a 新吴区 plan: each clause its place's)
        compared = by_place.elsewhere(text, self.meta.region) if self.region == self.meta.region else None
        parts = by_place.inner(text, self.meta.region)
        if len(parts) == 1 and len(self.meta.region.path) == 3 and self.region == self.meta.region:
            # (在船山区的带动下，遂宁各地…。安居区…；蓬溪县…；大英县则… in a 船山区 story: its city's other counties, clause by
            # clause, as a city's text cuts them; since session 63)
            siblings = by_place.inner(text, Region(self.meta.region.path[:2]))
            opened = [o.region for o in (self._opening(part.strip(), 0) for part in siblings) if o and not related(o.region.path, self.meta.region.path)]
            parts = siblings if len(set(opened)) >= 2 else parts
        return compared or [(part, None) for part in parts]

    def _opening(self, text: str, level: int) -> sections.Opening | None:
        """The place the passage opens with; a parallel lead (parallel_leads.parallel) is a marked one."""
        opening = sections.opening(text, level, self.meta.region.path)
        lead = None if level else parallel_leads.parallel_opening(text, self.shapes)
        if lead and opening and opening.region == lead.region:
            return sections.Opening(opening.region, True, opening.years, True)
        return lead or opening

    def _in_passing(self, text: str, region: Region) -> bool:
        """True when a passage that opens no section of its own is given a place inside the section's
        (or the document's) region that it names in passing only (own_level.named_in_passing)."""
        if self.roundup or region == self.region or self.region in (regions.NATIONAL, regions.MULTI, regions.UNPLACED):
            return False
        return is_within(region, self.region) and not named_lead(text) and named_in_passing(text, self.region)

    def _elsewhere_heading(self, text: str, level: int, opening: sections.Opening) -> bool:
        """True when a one-place document's numbered heading opens with a place outside its region
        and not above it (一、合肥市的主要做法 in a 珠海 report; not 一、浙江省… in a 宁波 one); or any numbered heading
        opening with a place in a national or several places' text that is no round-up (（一）合肥先进封装基地项目 in a
        listed firm's 公告 of three sites; since session 48)."""
        path = self.meta.region.path
        if self.roundup or not path or self.ordinal == 0:
            return False
        if is_within(self.meta.region, opening.region) or not (level or rank_of(text)) or not sections.is_heading_like(text, level):
            return False
        return not is_within(opening.region, self.meta.region) and opening.region not in (regions.NATIONAL, regions.MULTI)

    def _across(self, region: Region) -> bool:
        """True when the document is about a zone of its own (金普新区, 湘江新区) and region is a
        division of the zone's city, which the zone may lie across (位于岳麓区的…)."""
        path = self.meta.region.path
        return bool(zone_of(path)) and is_within(region, Region(path[:-1]))

    def _ends_speaker(self, inline: str | None) -> bool:
        """Whether a speaker's label ends the section: one on a line of its own always; one opening a paragraph only a
        section a paragraph opened (烟台市副市长：…), and when it names no place of that section (not 苏州市…局长：… under
        二、苏州市 or after 苏州市副市长：…)."""
        if inline is None:
            return True
        if self.level or self.rank or self.region == self.meta.region:
            return False  # (a heading's section, 一、苏州市: its officials speak in it)
        return not names_at_or_inside(regions.gazetteer().find(inline), self.region.path)

    def _place(self, text: str, level: int, words: str) -> Region:
        """The passage's region; moves the section when the passage opens one.  words: what the passage says after its
        speaker's name (speakers.said), which the rules after the speaker's label read."""
        kept = self._line_apart(text, level)
        if kept is not None:
            return kept
        opening = self._opening(text, level)
        if not level and speakers.is_label(text) and self._ends_speaker(speakers.inline_label(text)):
            # a speaker's label ends the speaker before's section (记者提问（…）：, 省工业和信息化厅副厅长：)
            self.region, self.level, self.rank, self.by_lead = self.meta.region, 0, 0, ()
        text = words  # (何文涛：国家对…, 刘晨：从全市看，南京…: what is said leads)
        own, heading = outlet_subject(text, opening.region if opening else None, self.outlet) if not level and self.outlet.path else (None, False)
        if heading:  # (对苏州的启示 in 苏州日报's story of 合肥: the paper's own place's section, until a subheading naming none)
            self.region, self.years, self.level, self.rank, self.subheaded = self.outlet, self.meta.years, 0, 0, True
        if own:
            return own  # 编者按：…是我市…, 珠海集成电路产业… in a paper's story of a place apart: its own place (papers.py)
        placed = self._close_sections(text, level, opening)
        if placed is None:
            placed = self._above_sections(text, level, opening)
        if placed is not None:
            return placed
        if not opening:
            return self._unopened(text, level)
        placed = self._roundup_opening(text, level, opening) if self.roundup else self._opened(text, level, opening)
        if not level and BRACKET_LABEL.match(text) and self.region == opening.region:
            self.tagged = self.region.path  # (【新昌】新昌县…: a tag opened the section, which a placeless tag ends)
        return placed

    def _line_apart(self, text: str, level: int) -> Region | None:
        """The region of a line that opens nothing (a list of contents, addressees, the title or the issuer's line), or
        None."""
        meta = self.meta
        if self._listing(text):
            # a line of a bulletin's contents (data/sections.toml contents): the items' places come later, and a line
            # opening with a place is that place's (南京江北新区晶圆级封装项目封顶, since session 55); it opens no section
            listed = sections.opening(text, level, self.meta.region.path)
            return listed.region if listed else self.region
        wrapped, self.addressing = self.addressing, not level and notices.opens_addressees(text)
        if self._attached_text(text, level) or (not level and notices.is_addressees(text, wrapped)):
            return self.region
        if self.ordinal == 0 and text.replace(" ", "") == meta.title.replace(" ", "") and (self.roundup or meta.region != _filed_by(text)):
            # a round-up's title line listing its places (…：武汉、长沙、南昌…) is the whole's, and so is a title line whose
            # places the document was not filed by alone (深圳南山设计宝安制造 两区…: 深圳's story); it opens no section
            return meta.region
        if not level and meta.issuer and text.replace(" ", "") == meta.issuer.replace(" ", "") and (meta.region != regions.MULTI or issuer_region(text) == meta.region):
            # the issuer's line is the text's (a reply's 湖南省人民政府 after its part on 株洲; 相城区人民政府　泗洪县人民政府
            # atop a joint agreement, which opened a section), but one body of a joint text's (上海市经济和信息化委员会)
            return meta.region
        return None

    def _above_sections(self, text: str, level: int, opening: sections.Opening | None) -> Region | None:
        """The region of a passage that speaks for the country, a group of places, the whole above the document's
        place or a listed row's place, whatever section it stands in; or None."""
        meta = self.meta
        if meta.region not in (regions.NATIONAL, regions.UNPLACED) and (beyond := self._beyond(text, level)) is not None:
            return beyond
        if not level and (home := headquarters(text, self.region)):
            return home  # 晶越半导体总部位于北京市海淀区，… in a story of its plant in 太原: the firm at home
        if not level and (site := site_subject(text, self.region)):
            return site  # 昆山基地于2024年通过… in a 深圳 firm's report: the site's (since session 57)
        if not level and self.firm_home.path and firm_wide(text):
            return self.firm_home  # 2023年，公司…实现营业收入… in 无锡衡芯's notice of its 成都 plant: the firm's
        if not level and self.region != meta.region and is_within(self.region, meta.region) and issuer_in_reply(text, meta.region, meta.doc_type):
            return meta.region  # 市发展改革委…要… in 合肥's reply to 巢湖市人民政府: the issuer's
        grouped = None if level else group_lead(text)
        if grouped and opening is not None and (self.roundup or opening.marked or not related(opening.region.path, grouped.path)):
            grouped = None  # (a group named after its first city, 成都平原经济区要…: the group's, not 成都's; not a round-up's section)
        # 深入推进长三角一体化发展… in 安徽's report, （三）深化长株潭一体化。… in 株洲's: its own part in the group (not
        # （二）推动协同发展。长株潭三市要…: a run-in heading's verb, then the group as subject)
        task = is_within(meta.region, grouped) and (verb := _GROUP_TASK.match(text)) and group_lead(text[:verb.end()] + text[verb.end():].split("。")[0]) if grouped else None
        if grouped and not self.roundup and (grouped == regions.MULTI or task):
            grouped = None
        if grouped:
            if self.roundup and (sections.is_heading_like(text, level) or COLON_LEAD.match(text)):
                self.region, self.years, self.level, self.rank = grouped, meta.years, 0, rank_of(text)  # 珠三角：…
                self.opened[grouped.path] = None
            return grouped  # 长株潭三市要发挥各自优势… in a 长沙 text: the three cities' province
        whole = None if self.roundup or self.region != meta.region else \
            whole_above(text, meta.region) or upper_level(text, meta.region, meta.doc_type) or upper_voice(text, meta.region) \
            or (not level and relayed_province(text, meta.region))
        if whole:
            return whole  # 2021年，全市集成电路产业… in a district's news: the city's
        if not level and self.region in (regions.NATIONAL, regions.MULTI) and (row := row_place(text, (), run=True)):
            return Region(row)  # | 1 | …项目 | 江苏省 | 无锡市 | in a joint or national list: the place its cells name
        return None

    def _unopened(self, text: str, level: int) -> Region:
        """The region of a passage that opens no place: the section's, or a place inside it that the passage is about."""
        meta = self.meta
        if not level and (site := visited_site(text, self.visited_places)).path:
            return site  # 在昆山，代表团… in a story of a delegation 赴苏州…: the place visited, which no other name settles
        if ((level or opens_paragraph(text)) and sections.is_heading_like(text, level)) or (not level and _YEAR_LINE.fullmatch(text.strip())):
            self._heading_years(text, level)  # (2016年 on a line of its own over a chronicle's 3月，… entries: a heading)
        if self.region == regions.MULTI and self.roundup:
            # outside any section, a passage whose places lie in one province: what they share
            # (说到…，绕不开甘肃。天水市… : 天水市; 在内蒙古，包头市…而阿拉善盟…: 内蒙古)
            if listed_provinces(split_sentences(text[:120])[0] if text else ""):
                return self.region  # 河北、内蒙古、吉林等地…: about them all
            return common_inside(text, Region(), same_province=True) or self.region
        if self.roundup and not level and self.region != meta.region and (away := self._all_away(text)):
            return away  # 南下湾区，羊城广州的…，鹏城深圳的…，莞城东莞则… under a 南昌 section: 广东省, and the section goes on
        if self.region.path in (regions.NATIONAL.path, regions.MULTI.path):
            # (（三）强化要素保障。吴江区、昆山市要联合… in a joint text: the list's places, what they share)
            listed = not level and not self.roundup and by_place.opens_list(sections.after_run_in(sections.lead_plain(text)) or text, Region())
            # (… and in a national body's reply to a deputy, the province a passage answers for: 2024年，我部支持安徽省高校…)
            replied = not level and self.meta.doc_type == _REPLY and self.region == regions.NATIONAL and one_province(text)
            return (listed and common_inside(text, Region())) or replied or self.region
        # a zone of its own lies across divisions of its city (金普新区: 金州区, 普兰店区): one it names (位于金州区的…) is its
        parent = Region(self.region.path[:-1]) if zone_of(self.region.path) else None
        if not level and (plain := sections.lead_plain(text)) and sections.beside_own_lead(plain, start := sections.lead_start(plain)[0], self.region.path) \
                and not own_not_shared(text[start:], self.region):
            # 与新区隔江相望的开福区… in a 湘江新区 text, 紧邻我区的东湖高新区… in a 洪山区 report: the city
            return places_beside(text, self.region) or (Region(self.region.path[:-1]) if len(self.region.path) >= 3 else self.region)
        if not level and self.region == meta.region and (sibling := sibling_subject(text, meta.region)):
            return sibling  # 隔壁的昆山已经… in a 太仓 story
        if not level and self.region == meta.region and (pair := joint_pair(text, meta.region)):
            return pair  # 番禺区与南沙区共建的… in a 南沙区 story: the city
        if not level and (row := row_place(text, self.region.path)):
            return Region(row)  # 1 | 12英寸…项目 | 坪山区 | …: the place a cell of the row names
        if not level and by_place.opens_list(text, self.region):
            return common_inside(text, self.region) or self.region  # 莆田、平潭入选…: about none of them alone
        if not level and by_place.opens_bare_zone(text) and len(self.region.path) >= 2:
            return self.region  # 经开区引进…，游仙区…: the text's own city's zone, named by its kind alone
        if own_action(text, self.region) or (not level and opens_on_whole(text, self.region)):
            return self.region  # (二)建设…。加快庆阳…。设立省级…资金: the province's own action; 一是全省…过度集中于武汉
        return only_place_inside(text, self.region) or (parent and only_place_inside(text, parent)) \
            or places_beside(text, self.region) or common_inside(text, self.region) or self.region

    def _all_away(self, text: str) -> Region | None:
        """In a round-up's section, what the two or more places a passage names share (or 多地), when none of them is
        the section's place, inside it or above it (since session 49); else None."""
        mentions = regions.gazetteer().find(text)
        named = regions.meant_places(mentions)
        if len(named) < 2 or any(related(path, self.region.path) for path in named):
            return None
        own = own_level_words(self.region)
        if back_reference(self.region).search(text) or (own and own.search(text)) or _PARTNER_BEFORE.search(text, 0, mentions[0].start):
            return None  # (区里对…，鼓励…与厦门、泉州的晶圆厂开展合作; 一批从南京、苏州转移来的…: the section's own, its partners)
        return shared_by(list(named))

    def _roundup_opening(self, text: str, level: int, opening: sections.Opening) -> Region:
        """The region of a round-up's passage that opens with a place: it opens that place's section, or names a place
        inside the section's."""
        meta = self.meta
        row = is_row(text)  # a table row (大连 | 存储配套) names its own passage only
        again = opening.region == self.region  # the section's own place named again
        guest = self.held and not level and not opening.marked and not sections.is_heading_like(text, level) \
            and meta.region.path not in (regions.MULTI.path, regions.NATIONAL.path)
        if not row and not guest and (opening.strong or not (opening.region == self.region or is_within(opening.region, self.region))):
            # (a guest's paragraph at an event a place hosts, 北京一家…设备企业在展会上发布…, is the guest's, and opens no
            # section: the host's report goes on after it; since session 60)
            # (分省份看，江苏省… under 二、分地区情况 in a review of 2025 and outlook on 2026: the heading's 2025)
            self.region, self.years = opening.region, opening.years or (self.headed if self.year_rank < 98 else meta.years)
            self.level = level or self.level
            self.opened[opening.region.path] = None
            self.rank = 0 if level else section_rank(text)
        # a marked lead, or the section's own place named again, and a place inside it right
        # after (【天津】滨海新区…, 保定下辖的涿州市…): that place
        narrowed = opening.marked and not whole_after(text, opening.region) and only_place_inside(text, opening.region, MARKED_LEAD)
        inner = None if narrowed else named_within(text, opening.region, sections.inner_link())
        narrowed = narrowed or (again and inner)
        if not narrowed and not opening.strong and is_within(opening.region, self.region) and others_inside(text, self.region, opening.region):
            return common_inside(text, self.region) or self.region  # several places of the section: what they share
        # (… and one opening a section, 保定下辖的涿州市，… after 廊坊's: since session 64; not 安徽的合肥、芜湖等地…, nor
        # 江西省赣州市和福建省龙岩市联合…: several)
        if not narrowed and inner and not others_inside(text, opening.region, inner) and not joined_on(text, inner):
            narrowed = inner
        return narrowed or (not row and clause_subject(text, opening.region)) or opening.region

    def _opened(self, text: str, level: int, opening: sections.Opening) -> Region:
        """The region of a passage that opens with a place in a document of its own place (or of no one place): a
        section it opens inside the document's, another place's section, or the place it names in passing."""
        meta = self.meta
        if not level and self.region == meta.region and (pair := joint_pair(text, meta.region)):
            return pair  # 南沙区与番禺区共建的… in a 南沙区 story: the city
        if is_within(opening.region, meta.region) or self._across(opening.region):
            # a heading or a marked lead (宁波：, 温州——) narrows what follows; a bare place name
            # on its own line (a table's row or column label) only names its own passage
            bare = not level and (bool(regions.gazetteer().lookup(text.strip(" ：:"))) or is_row(text))  # or a table row
            if (sections.is_heading_like(text, level) or opening.marked) and not bare:
                # (a paragraph's lead opens its section inside the heading's section it stands in, at that level; outside
                # any, at none, whatever level the title's heading left: ## 二、存在的问题 after 朝阳园：… ends it; since session 60)
                self.region, self.level = opening.region, level or (self.level if self.region != meta.region else 0)
                self.opened[opening.region.path] = None
                self.rank = 0 if level else section_rank(text)
                self.by_lead = () if sections.is_heading_like(text, level) else opening.region.path
                self.subheaded, self.subheaded_at = not level and not self.rank and subheading(text), self.ordinal
                self.in_item = 0 if level or self.rank else self.item
            elif is_within(opening.region, self.region) and others_inside(text, self.region, opening.region):
                return common_inside(text, self.region) or self.region  # several places of the region: what they share
            elif not level and is_within(self.region, opening.region) and _inner_named(text, opening.region, self.region):
                return self.region  # 黄石下辖的大冶市，… under 大冶：…: the section's place, named inside its city (since session 54)
            # a marked lead and a place inside it right after (【厦门】海沧区的…): that place
            return (opening.marked and only_place_inside(text, opening.region, MARKED_LEAD)) \
                or (not bare and clause_subject(text, opening.region)) \
                or (bare and is_row(text) and only_place_inside(text, opening.region, len(text))) or opening.region
                # (3 | 无锡市 | 江阴市 | …: the county a later cell names)
        if meta.region == regions.MULTI and not self.roundup and not level and opening.marked and COLON_LEAD.match(text) \
                and sections.is_heading_like(text, level) and (self.region == meta.region or self.subheaded):
            # a comparison's labelled subheading (安徽：从“芯屏汽合”到…, then 江西：…): that place's section, until a subheading
            # naming none (差距与合作; since session 59)
            self.region, self.years, self.level, self.rank, self.subheaded = opening.region, meta.years, 0, 0, True
            self.opened[opening.region.path] = None
            return self.region
        if not self.roundup and not level and self.ordinal and _BRACKETED_LINE.fullmatch(text.strip()) and subheading(text) and not related(opening.region.path, meta.region.path) \
                and opening.region not in (regions.NATIONAL, regions.MULTI):
            # a story's bracketed subheading naming a place apart (【山东怎么追】 in a 山东 paper's story of 合肥): that place's
            # section, until a subheading naming none (since session 63)
            self.region, self.years, self.level, self.rank, self.subheaded = opening.region, meta.years, 0, 0, True
            self.opened[opening.region.path] = None
            return self.region
        if self._elsewhere_heading(text, level, opening) or (not self.roundup and not level and visited_lead(meta.title, opening, meta.region)):
            # (合肥市：合肥以…模式… in a 吉林市 report of a visit to 合肥 and 无锡: the place visited, until a top heading)
            self.visited = not level
            # a numbered heading about another place (一、合肥市的主要做法 in a 珠海 study report):
            # its section is that place's, until a heading of its rank
            self.region, self.years, self.level = opening.region, meta.years, level or self.level
            self.rank = 0 if level else section_rank(text)
            return self.region
        if meta.region in (regions.NATIONAL, regions.MULTI) and self.region == meta.region:
            if sections.is_heading_like(text, level) and apart(text):
                return meta.region  # a title or signature naming bodies of places apart (上海市经信委 浙江省经信厅)
            if not level and listed_provinces(split_sentences(text[:120])[0] if text else ""):
                return meta.region  # 江苏省无锡市、浙江省宁波市、安徽省合肥市…: a list of places of several provinces
            # a national or regional text's passage about one place (一、前海要…); a marked lead and a place inside it right
            # after (浙江杭州：余杭区… in a national weekly: that place; since session 61)
            return (opening.marked and only_place_inside(text, opening.region, MARKED_LEAD)) or opening.region
        if not level and self.region == meta.region and opening.region not in (regions.NATIONAL, regions.MULTI):
            if (row := row_place(text, self.region.path)) and not is_within(Region(row), meta.region):
                return Region(row)  # 合肥封测基地 | 安徽省合肥市 | … in a 江苏 firm's report: the place its cell names
            # (与光明区一河之隔的东莞松山湖科学城，… in a 光明区 text: a neighbour past its city's line; 同日，南京江北新区发布了…)
            helped = self.aided.path and (opening.region == self.aided or is_within(opening.region, self.aided)) and opening.region
            # (喀什市要… in 深圳's aid summary; 石阡县电子信息产业… in 相城区's: the helped place itself, since session 62)
            # (在合肥新站高新区，代表团参观了… in a story of 济南's delegation 赴合肥考察学习: the place visited; since session 55)
            # (… and a firm's profile going through its sites elsewhere, 2017 | 在株洲市天元区建成…, 鄂州葛店生产基地…: the site's)
            visited = not is_within(meta.region, opening.region) \
                and ((text.startswith("在") and self.travelling) or self.profile) \
                and (only_place_inside(text, opening.region) or opening.region)
            if visited and self.profile and sections.is_heading_like(text, level):
                self.region, self.level, self.rank = visited, level or self.level, 0  # 合肥基地 over 位于合肥市肥西县…: its section
            inner = [path for path in _inner_after(text, opening.region) if len(path) > len(opening.region.path) and path != meta.region.path]
            if is_within(meta.region, opening.region) and len(inner) == 1:
                return Region(inner[0])  # 德阳下辖的什邡市也在… in a 旌阳区 story: the other county its city is said to hold
            return neighbour_subject(text, opening.region, meta.region) or elsewhere_subject(text, opening.region, meta.region) or helped \
                or visited or self.region
        if self.region != meta.region and is_within(meta.region, opening.region) and sections.is_heading_like(text, level) \
                and (self.profile or ((self.subheaded or self.visited) and subheading(text))
                     or (level and self.level and level <= self.level)):
            # in a firm's profile, a heading-like line naming its own place or one above it after another place's section
            # (长沙研发中心 after 宁波前湾基地 and its lines, in a 长沙 firm's profile), or a story's subheading so after one
            # that opened another place's, or a heading of its level (## 天津总部持续加码研发 after ## 深圳办事处升级为华南中心):
            # back to the document's place (since session 55)
            self.region, self.years, self.level, self.rank = meta.region, meta.years, 0, 0
            return meta.region
        if self.region != meta.region and opening.region != self.region and is_within(opening.region, self.region):
            # 无锡市设立… under 三、江苏省的主要做法 in a 江西 report; 西安市长安区为… under （三）西安…项目 in a 公告: a place
            # inside the section another place's heading opened (since session 48)
            return (others_inside(text, self.region, opening.region) and common_inside(text, self.region)) or opening.region
        return self.region


def _inner_named(text: str, outer: Region, inner: Region) -> bool:
    """Whether a passage opening on outer names inner right after it, joined (黄石下辖的大冶市: sections.inner_link)."""
    return inner.path in _inner_after(text, outer)


def _inner_after(text: str, outer: Region) -> set[tuple[str, ...]]:
    """The places a passage opening on outer names right after it, joined (德阳下辖的什邡市: sections.inner_link)."""
    mentions = regions.gazetteer().find(text[:40])
    return {p.path for first in mentions[:1] if any(p.path == outer.path for p in first.places) for m in mentions[1:2]
            if m.start > 0 and sections.inner_link().fullmatch(text, first.end, m.start) for p in m.places}


def _filed_by(text: str) -> Region:
    """The region a line's places alone give."""
    gaz = regions.gazetteer()
    return gaz.resolve(gaz.find(text))

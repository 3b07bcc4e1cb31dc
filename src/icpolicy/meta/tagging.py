"""Each passage's region, years and sectors (PassageTagger), given the document's facts (document.py).

The passage's place is placing.PassagePlaces's: a round-up's section openings (sections.py) set the region and report
year of what follows until the next opening or a summary paragraph.  Its years are passage_years.PassageYears's and the
words of its own: every passage adds the years it states.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import compilations, facts, news_years, notices, parallel_leads, periods, regions, sectors, speakers, year_leads, years
from icpolicy.meta.places import BOUNDS
from icpolicy.meta.attachments import AttachedTexts
from icpolicy.meta.own_level import is_within, own_level_words
from icpolicy.meta.region_names import shared_by
from icpolicy.meta.entrusted import entrusted_district, opening_branch, zone_branch, zone_titled
from icpolicy.meta.borrowed_years import own_year, unconditioned, uncited, undrafted
from icpolicy.meta.doc_types import type_rules
from icpolicy.meta.document import describe
from icpolicy.meta.paragraph_forms import caption_years, row_years
from icpolicy.meta.passage_years import PassageYears
from icpolicy.meta.placing import PassagePlaces
from icpolicy.meta.papers import outlet_place
from icpolicy.meta.park_sites import site_within, sited_zone
from icpolicy.meta.title_places import aided_region, names_event
from icpolicy.meta.visits import travels, visited_places
from icpolicy.meta.firm_texts import firm_home
from icpolicy.meta.year_words import date_line, is_act, union, within_years, years_rule
from icpolicy.models import DocMeta, Passage, Region
from icpolicy.text.datelines import after_dateline
from icpolicy.text.normalize import normalise, simplified

_NAMED_TEXT = re.compile(r"[《〈][^《》〈〉]{1,80}[》〉]")  # a document named in a text (《…规划（2025—2030年）》)
_CHANGED = re.compile(r"延长|顺延|延期|延续|调整")
_PLAN_PERIOD = re.compile(r"(?<=规划|计划|方案|纲要|意见|政策|措施)\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*[—－\-–~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[）)]")
_LEARN = 2000  # paragraphs a document's parallel leads are learnt from (a streamed file: its first chunks)
_LETTER_TYPES = ("函",)  # the types of a letter, whose addressee may be another place's body (since session 55)
_ADDRESSED = 8  # … its addressee line stands among its first passages
_SIGNED_ON = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")  # a text's date on a line of its own


class PassageTagger(PassagePlaces, PassageYears, AttachedTexts):
    """Region, years and segments of each passage, in order; the section context carries on
    from one call to the next, so a large file tagged chunk by chunk comes out the same."""

    def __init__(self, meta: DocMeta, roundup: bool, outlet: Region = Region()):
        # a local text that names no place (不详) is read as a text for no one place, as 全国 is, and its
        # passages that stay with the document say 不详 (see tag)
        self.unplaced = meta.region == regions.UNPLACED
        self.meta = meta = meta._replace(region=regions.NATIONAL) if self.unplaced else meta
        self.roundup = roundup
        self.event = names_event(meta.title)  # a report of an event (…论坛在苏州举办): what placing's _beyond reads
        self.held = names_event(meta.title, held=True)  # … or of one said to be held (…电子展开幕): its guests open no sections
        self.travelling = travels(meta.title)  # … of a journey to places visited (…赴合肥考察学习): what placing's _opened reads
        self.visited_places = visited_places(meta.title) if self.travelling else []  # (赴苏州…: 在昆山，… is 昆山's)
        self.profile = meta.doc_type == type_rules()["profile_type"]  # a firm's own profile (企业简介), which _opened reads
        self.ordinal = 0
        self.region, self.years, self.level = meta.region, meta.years, 0
        self.year_rank = 99
        self.apart = False  # the paragraph being tagged is a round-up's, cut a clause a place (_roundup_clauses)
        self.headed = meta.years  # the years the last heading gave (PassageYears._heading_years)
        # news says 今年 of the year it is dated, whatever year it speaks for; so does a text that
        # speaks for several years (a plan period, a December plan for next year)
        self.news = meta.doc_type == type_rules()["news_type"]
        self.looking_back = news_years.looking_back(meta)  # a reply's or a round-up's paragraphs of earlier years
        self.life_story = False  # a story of a person's life (出生在…, ——记…创始人): its yearless sentences go on in the year told
        self.explaining = news_years.explaining(meta)  # … and an explainer's, before the policy's first year
        self.zoned = zone_titled(meta.title)  # a zone's text, whose branches elsewhere are theirs
        self.sited = sited_zone(meta.title, meta.region)  # … or one filed under the district it lies in (北海工业园区…: 银海区)
        news = self.news or len(meta.years) > 1
        self.written = int(meta.issued[:4]) if meta.issued[:4].isdigit() else 0
        # the year 本年度 names in a text for one year signed in another (a 2026年度 call signed in 2025: 2026), else 0
        self.own_year = meta.years[0] if len(meta.years) == 1 and self.written and self.written != meta.years[0] else 0
        self.dated = self.written if news else 0
        self.shapes = parallel_leads.Shapes()  # the document's parallel section leads (parallel_leads.parallel)
        self.seen: list[tuple[str, int]] = []  # … learnt from the paragraphs tagged so far
        self.opened: dict[tuple[str, ...], None] = {}  # the places whose sections have opened, in order
        self.review = 0  # a report's review part by its lead (_review_years): 0 not yet, 1 open, 2 over
        self.turned: tuple[tuple[int, ...], int] = ((), 0)  # (the section's years, the year before the report's it turned to)
        self.heading_at = -9  # the ordinal of the last heading line
        self.visited = False  # the section is a visited place's (visits.visited_lead)
        self.heading_seen = 99.0  # the rank of the last heading line (heading_rank), and of the one the review opened under
        self.review_under = 99.0
        self.columns: tuple[tuple[int, ...], int] = ((), 0)  # a table's year columns and its cells a row (_column_years)
        self.spans: tuple[tuple[int, int] | None, int] = (None, 0)  # a table's start and end columns, its cells a row
        self.captioned: tuple[int, ...] = ()  # the years of the caption over the table being read (表3　2025年…)
        self.turned_ahead = False  # a heading of a two-year document turned to the later year (passage_years._looks_back)
        self.said_relatively = False  # the section's years came from a heading's relative word (一、去年主要工作…)
        self.rank: float = 0  # the numbering rank of the paragraph that opened the section (（二）绵阳市。: 3; a box, 专栏2…: 3.5), if any
        self.by_lead: tuple[str, ...] = ()  # the place of a section a paragraph's lead opened (吴江区。新增…), not a heading
        self.item: float = 0  # the numbering rank of the last numbered paragraph ((三)推动…), and the one a section
        self.in_item: float = 0  # a labelled line opened stood in (牵头单位：双流区政府 under it): the next of that rank ends it
        self.tagged: tuple[str, ...] = ()  # … and of one a digest item's bracketed tag opened (【新昌】…)
        self.listed: tuple = ()  # the section's years before a list's lead (…工作：) set its items' (一是…) to its own
        self.subheaded = False  # the section was opened by an unnumbered subheading (从余姚的租赁厂房起步),
        self.subheaded_at = -9  # at this passage
        self.signed = -9  # the ordinal of the last date line (a signature), and whether an attachment heading
        self.attached = False  # followed it: the attached text's title line comes next
        self.annexed = False  # an attachment has begun (the next 附件N heading begins another)
        self.addressing = False  # the line before opened a list of addressees wrapped onto the next line
        self.traditional: bool | None = None  # written in traditional script (decided on the first paragraphs)
        self.contents: list[str] | None = None  # a bulletin's list of contents being read: its lines so far
        self.act = is_act(meta.doc_type, meta.title)  # a 批复, 函 or repeal notice: one act of its year
        self.extending = bool(periods.TERM_CHANGE.search(meta.title))  # a notice changing another text's term (since session 67)
        self.forwarded = notices.forwarded_title(meta.title)  # the title of the text a forwarding notice forwards
        self.writer = ""  # … and its writer, as the notice's forwarding sentence names it (attachments; since session 57)
        self.compiled = compilations.is_compilation(meta.title)  # a compilation of policies: its entries are theirs
        self.letter = meta.doc_type in _LETTER_TYPES  # a letter: its addressee may be another place's body, its partner
        self.partner = Region()  # … that place (_addressed), whose joint work with the letter's own place is theirs together
        self.addressed = Region()  # the place below its issuer's that an approval or reply is addressed to (_answered)
        self.approval = self.act or bool(_APPROVAL.search(meta.title))  # … or a review, permit or filing of a project
        self.act_site = _act_site(meta, meta.title) if self.approval else Region()  # (that place: from the title, else a site line)
        # a forwarding notice's own lines (请结合实际…, 于6月底前报区工信局汇总) speak for its year, not the forwarded text's
        # term (until the forwarded or an attached text begins: AttachedTexts; since session 54)
        self.forwarder = (self.written,) if self.forwarded and self.written in meta.years and len(meta.years) > 1 else ()
        if self.written and notices.consults(meta.title) and meta.years != (self.written,):
            self.forwarder = (self.written,)  # … and so do a notice's publishing a draft for comment (since session 55)
        self.aided = aided_region(meta.title, meta.region)  # the place a paired-assistance text's helper helps
        self.firm_home = firm_home(meta.title, meta.region)  # a firm's own text filed elsewhere: where the firm is (since session 57)
        # the place of the paper publishing a story about a place it is not inside (苏州日报 on 合肥, 东莞日报 on 东莞 and 深圳):
        # its own voice's (我市…) and its subheadings' place (对苏州的启示; since session 63)
        self.outlet = outlet if outlet.path and not is_within(meta.region, outlet) and outlet != meta.region \
            and meta.region not in (regions.NATIONAL, regions.MULTI) else Region()

    def tag(self, paragraphs: list[tuple[str, int]]) -> list[Passage]:
        """The next passages of the document (their search forms are left in self.norms)."""
        out = []
        self.norms: list[str] = []  # sectors are read from them, and the index wants them too
        originals = [text for text, _ in paragraphs]
        if self.traditional is None:  # a text in traditional script is read by its simplified form (offsets kept)
            self.traditional = facts.in_traditional([text for text, _ in paragraphs[:_LEARN]])
        if self.traditional:
            paragraphs = [(simplified(text), level) for text, level in paragraphs]
        if len(self.seen) < _LEARN:
            self.seen += paragraphs[:_LEARN - len(self.seen)]
            self.shapes = parallel_leads.parallel(self.seen)
            self.life_story = self.news and news_years.life_story([text for text, _ in self.seen[:12]])
        entered = compilations.entries([text for text, _ in paragraphs], self.written) if self.compiled else {}
        for index, ((paragraph, level), written) in enumerate(zip(paragraphs, originals)):
            at = 0
            entry_place, entry_term = entered.get(index, (None, ()))
            self.apart = False
            if self.listed and (level or not _ITEM.match(paragraph)):
                self.years, self.listed = self.listed[0], ()  # the items a list's lead set the years of are over
            parts = self._by_place(paragraph, level)
            before = (self.region, self.years, self.level, self.rank)
            noted = not level and years_rule("note", "line").match(paragraph)
            if noted:  # a note (注1：…, [2] …, 注释：) annotates the text, not the section it ends: the text's years
                self.years = self.meta.years
            carried: tuple[int, ...] = ()  # the year a cut paragraph's lead names (2025年，全市…，| 北仑区的…，| 镇海区…)
            for part, (text, filed) in enumerate(parts):
                shown = text
                if self.traditional:  # the part as written (安徽省工業和信息化廳數據顯示，全省…: read as 安徽省工业…)
                    at = paragraph.find(text, at)
                    shown = written[at:at + len(text)] if at >= 0 else text
                    at = max(at, 0) + len(text)
                words = text if level else after_dateline(speakers.said(text))  # (王海涛：明年，…: what the speaker says, read from its start)
                region = self._place(text, level, words if level else speakers.after_quote(words))
                if filed:
                    region = filed
                elif self._in_passing(text, region):
                    region = self.region
                if not filed and not level and self.meta.region.path[:len(region.path)] == region.path and (run := entrusted_district(text, self.meta.region)).path:
                    region = run  # 高新区托管的长安区兴隆、细柳等街道…: the district's
                elif self.zoned and not filed and not level and region == self.meta.region and (branch := zone_branch(text, region)).path:
                    region = branch  # 临港新片区奉贤园区… in a 临港 text: 奉贤区's
                elif not filed and not level and (branch := opening_branch(text, region)).path:
                    region = branch  # 天府新区眉山片区也在…，与成都直管区… in any text: 眉山市's (a partner after it)
                elif self.sited.path and region == self.sited:
                    region = self.meta.region  # 北海工业园区是… in its text sited in 银海区: the district's
                elif not filed and not level and (site := site_within(text, region)).path:
                    region = site  # 孝感基地位于湖北省孝感市孝南区… filed under 孝感市: the district it lies in (since session 63)
                if not filed and not level and not (self.forwarded or self.annexed) and _SIGNED_ON.fullmatch(text):
                    # 2024年4月22日 under a reply's last item or its signature: the issuer's, not the addressee's (since session 67;
                    # not in a forwarding notice or past an attachment's heading: a forwarded text's date line is its own)
                    region = self.meta.region
                if self.approval and not level and self.ordinal < _SITE_READ and _SITE.match(text) \
                        and (not self.act_site.path or is_within(site := _act_site(self.meta, text), self.act_site)):
                    self.act_site = site if self.act_site.path else _act_site(self.meta, text)  # 一、项目位于厦门火炬高新区翔安产业区…
                    region = subject if (subject := self._subject()).path and region in (self.meta.region, self.addressed) else region
                if self.approval and not level and self.ordinal < _ADDRESSED and not self.addressed.path and notices.addressed_body(text):
                    self.addressed = _answered(text, self.meta.region)
                    region = self.addressed if self.addressed.path and region == self.meta.region else region
                elif (subject := self._subject()).path and not level and self.ordinal >= _ADDRESSED // 2 \
                        and region in (self.meta.region, self.addressed) and not _SIGNED_ON.fullmatch(text) and _answering(text, self.meta.region, subject):
                    region = subject  # 三、《方案》提出，到2025年，集群… in a province's reply to 韶关市: the addressee's matter; …收悉 in
                    # a city's approval of a firm's project 位于…翔安区…: the project's site
                if self.letter and not level and self.ordinal < _ADDRESSED and notices.addressed_body(text):
                    self._addressed(text)
                elif self.partner.path and not level and region == self.meta.region and _together().search(text):
                    region = shared_by([self.meta.region.path, self.partner.path])  # 两地…, 共同开展… in a letter to another place
                if self.unplaced and region == regions.NATIONAL:
                    region = regions.UNPLACED
                if not level:
                    self._review_years(words)
                own_words = uncited(undrafted(words))  # (a cited document's years are its own, and a drafted plan's target)
                if self.own_year:
                    own_words = own_year(own_words, self.own_year)
                if not self.news and self.meta.years:  # (2023年已获得…支持的项目，不得重复申报 in a 2024 call: a condition)
                    own_words = unconditioned(own_words, min(self.meta.years))
                if self.act or (self.extending and _CHANGED.search(own_words)):
                    # … and so are those of the plan a 批复 approves, named in its paragraphs (《…规划（2025—2030年）》), and unquoted
                    # (关于…规划（2025—2030年）的批复); and, in a notice changing a text's term, that text's in its title and in the
                    # paragraphs changing it (关于延长《…（2022—2024年）》实施期限的通知, 一、《行动计划》实施期限延长至2026年12月31日)
                    own_words = _PLAN_PERIOD.sub("", _NAMED_TEXT.sub("", own_words))
                stated = union(years.stated(own_words), years.spoken(own_words, self._base(), self._period_start()))
                if self.years and max(self.years) < self._base() and "年内" in own_words:  # a review section's 五年内，新增…: past
                    ahead = within_years(own_words, self._base()) - set(years.stated(own_words))
                    stated = tuple(y for y in stated if y not in ahead)
                # the search form of the text as stored (as written): its characters pass through normalise in this
                # process, which engine/schema.plain_ideographs relies on (a traditional 電 read only as 电 left the
                # passage "plain", and its hits without highlights)
                norm = normalise(shown)
                lead = self._lead_years(words) if not level else ()
                if part == 0 and len(parts) > 1:
                    carried = lead
                elif carried and not lead and not stated:
                    lead = carried  # a part after the lead speaks for the lead's year, as the whole paragraph did
                columns = self._column_years(own_words) if not level else ()  # (read for every passage: a table ends)
                own = (not level and (lead or self._own_in_section(own_words) or self._named_in_plan(own_words, stated)
                                      or self._span_years(own_words) or row_years(own_words) or columns or caption_years(own_words))) or self._story_time(stated, own_words)
                # a story's paragraph that speaks only of years before the story's (去年全区新增…, in a story
                # of 2025) reports them alone, as a look-back does; so does a reply's or a round-up's
                spoken = (stated and (self.news or self.looking_back) and news_years.looks_back(own_words, own, self._base(), quiet_ok=not self.news or self.life_story,
                                                                                                         until_now=self.life_story)) \
                    or (stated and self.explaining and own and news_years.looks_back(own_words, own[:1], self._base(), quiet_ok=True)) \
                    or years.run_on(union(own, stated), own, own_words)  # 到2028年 in a 2026 text: 2026–2028
                spoken = year_leads.recent_span(own_words, spoken) if not level else spoken  # 近三年，… in a 2025 report: 2022–2024
                if not level and date_line(text) and (dated := years.stated(text)):
                    spoken = dated  # （2025年12月5日…全体会议通过） under a 十五五 建议: the act's year
                elif not level and self._rectified(text):
                    spoken = (self.written,)  # 对审计发现的问题，…截至2025年7月底，已整改… in an audit of 2024 delivered in 2025
                if self.forwarder and set(spoken) <= set(self.meta.years) | set(self.forwarder) \
                        and set(years.stated(_NAMED_TEXT.sub("", own_words))) <= set(self.forwarder):
                    spoken = self.forwarder  # (a line of its own stating 到2025年 keeps the years it runs to: since session 55)
                if part == 0 and len(parts) > 1 and not carried and len(spoken) == 1 and self.meta.years and spoken[0] < min(self.meta.years) \
                        and years.spoken(own_words.partition("，")[0], self._base()) == spoken:
                    carried = spoken  # 过去一年，全市…。江北新区…；江宁区…: the places' parts tell last year's too (since session 58)
                # (an entry of a compilation: its policy's place and term, 财政部… 执行期限：2023年…至2027年…; since session 66)
                out.append(Passage(self.ordinal, shown, entry_place or region, entry_term or spoken, sectors.tag(norm)))
                self.norms.append(norm)
                self.ordinal += 1
            if self.apart or noted:
                self.region, self.years, self.level, self.rank = before
            if not level and out and paragraph.rstrip().endswith(("：", ":")) and index + 1 < len(paragraphs) \
                    and _ITEM.match(paragraphs[index + 1][0]) and len(out[-1].years) == 1 and out[-1].years != self.years:
                # 明年，全市将重点抓好四方面工作： then 一是…。, 二是…。: the items speak for the lead's year, as under a heading
                # (since session 68)
                self.listed, self.years = (self.years,), out[-1].years
        return out

    def _subject(self) -> Region:
        """The place an approval or reply is about: the one its title or site line names (act_site) when that lies inside its
        addressee's place or it names none, else the addressee's (addressed)."""
        return self.act_site if is_within(self.act_site, self.addressed) or not self.addressed.path else self.addressed

    def _addressed(self, text: str) -> None:
        """Reads a letter's addressee line: a body of a place neither inside the letter's own nor above it is its partner
        (重庆市经济和信息化委员会： in 成都's letter; not 市发展改革委：)."""
        gaz = regions.gazetteer()
        place = gaz.resolve(gaz.find(text))
        own = self.meta.region
        if place.path and place not in (regions.NATIONAL, regions.MULTI) and not is_within(place, own) and not is_within(own, place):
            self.partner = place


def _answered(text: str, own: Region) -> Region:
    """The place an approval's or reply's addressee line names below its issuer's (韶关市人民政府、省发展改革委：: 韶关市; 郑州市
    人民政府，郑州航空港经济综合实验区管委会：, a city and a zone in it: 郑州市), else none (since session 67)."""
    paths = [m.places[0].path for m in regions.gazetteer().find(text) if m.places]
    inside = [path for path in paths if is_within(Region(path), own)]
    common = regions.common_prefix(inside) if inside and len(inside) == len(paths) else ()
    return Region(common) if len(common) > len(own.path) else Region()


def _act_site(meta: DocMeta, text: str) -> Region:
    """The one place inside an approval's issuer's that its title names (江苏省人民政府关于同意江阴临港经济开发区…的批复: 江阴市)
    or its project's site line or sentence (一、项目位于厦门火炬高新区翔安产业区…: 翔安区), else none (since session 67)."""
    gaz = regions.gazetteer()
    found = gaz.resolve(gaz.find(text))
    return found if found.path and meta.region.path and is_within(found, meta.region) else Region()


def _answering(text: str, own: Region, answered: Region) -> bool:
    """Whether a passage of a reply, filed at its issuer's place, is about the addressee's matter: it names no place but the
    addressee's or one inside it (…韶关市要将各项指标逐年分解), no body of the issuer's level (省发展改革委 in a province's reply,
    我厅) and no word of it (全省), and is no closing formula (特此批复)."""
    if not own.path or _REPLY_OWN.search(text) or any(not any(p.path[:len(answered.path)] == answered.path for p in m.places)
                                      for m in regions.gazetteer().find(BOUNDS.sub("", text))):
        return False
    level = "自治区" if own.path[-1].endswith("自治区") else own.path[-1][-1]
    words = own_level_words(own)
    return not re.search(rf"{level}[\u4e00-\u9fff]{{0,10}}?(?:厅|委|局|办)", text) and not (words and words.search(text))


_ITEM = years_rule("list", "item")  # a list's item in words (一是…, 二是…: data/years.toml [list])
_SITE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}、|\d{1,2}[.．、])?\s*(?:该|本)?项目(?:[^。；;]{0,40}?(?:建设地点|选址|厂址)\s*(?:位于|为|：|:)"
                   r"|(?:选址|厂址)?(?:位于|选址于|建于))")
_SITE_READ = 30  # an approval's site line stands among its first paragraphs
_APPROVAL = re.compile(r"(?:批复|复函|审查的?意见|核准|备案|许可)(?:的通知|的函)?\s*$")  # (节能审查意见, 核准的批复, 备案的通知)
_REPLY_OWN = re.compile(r"特此|我(?:厅|委|局|部|办|院|署|省|市)")


@lru_cache(maxsize=1)
def _together() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["letter_together"])


def tag_document(declared_title: str, paragraphs: list[tuple[str, int]], stem: str, hints: tuple[tuple[str, str], ...] = ()) -> tuple[DocMeta, list[Passage]]:
    """Document facts and per-passage keys for a split document."""
    meta, roundup = describe(declared_title, paragraphs, stem, dict(hints))
    tagger = tag_placed(meta, roundup, paragraphs, outlet_of(paragraphs, dict(hints)))
    return tagger.described, tagger.passages


PLACING = 3  # passages with places that an unplaced text needs to be placed by them


def outlet_of(paragraphs: list[tuple[str, int]], hints: dict) -> Region:
    """The place of the outlet publishing a text (papers.outlet_place), from its first paragraphs and its hints."""
    return outlet_place([text for text, _ in paragraphs[:6]], hints)


def tag_placed(meta: DocMeta, roundup: bool, paragraphs: list[tuple[str, int]], outlet: Region = Region()) -> PassageTagger:
    """A tagger that has tagged the paragraphs (its passages, its norms, the document's facts as `described`).  A text
    whose own words place it nowhere (不详:
    在全市…会议上的讲话, naming its city only inside its zones' names) but whose passages place PLACING or more inside one
    city or province (郑州航空港区要…, 金水区要…, 中牟县要…) is that place's, and is tagged again as such."""
    tagger = PassageTagger(meta, roundup, outlet)
    tagger.passages, tagger.described = tagger.tag(paragraphs), meta
    if meta.region != regions.UNPLACED:
        return tagger
    placed = [p.region.path for p in tagger.passages if p.region not in (regions.UNPLACED, regions.NATIONAL, regions.MULTI)]
    shared = regions.common_prefix(placed)[:2] if len(placed) >= PLACING else ()
    if not shared:
        return tagger
    placed_meta = meta._replace(region=Region(shared))
    again = PassageTagger(placed_meta, roundup, outlet)
    again.passages, again.described = again.tag(paragraphs), placed_meta
    return again

"""A document's title, type, region, years, number, issuer and date (describe), and whether it is
a round-up of many places.

Document region comes from the title and issuer (a city's rules about its zone are the city's),
then the congress dateline, then national markers, then the opening lines (news datelines
aside), then a headline's province abbreviation, the 文号's prefix, the file name, the publishing
site and the source outlet, and last 全国: never empty; a name several divisions share is settled
by the region the other cues find.  A round-up
of many places (see roundups.roundup_provinces) is 多地 as a whole (its province when its sections all lie in one).  The title is doc_title.py's, the type doc_types.py's, facts (文号, issuer, date) facts.py's, years doc_years.py's;
the rules of all of these are in data/*.toml.  Each passage's keys are tagging.py's, with
places.py for a passage's place in a one-place document.
"""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import facts, notices, region_names, regions, roundups, speakers, towns, voice
from icpolicy.meta.doc_title import JUNK_LINE, OPENING, composed_title, detect_title, first_line, headline, masthead_paper
from icpolicy.meta.doc_types import detect_type, is_report, type_rules
from icpolicy.meta.firm_texts import exhibitor_home, firm_profile, firm_titled, names_firm, names_institute, seat_inside, stated_home
from icpolicy.meta.meetings import national_meeting, own_meeting
from icpolicy.meta.doc_years import detect_years as doc_years_of
from icpolicy.meta.shared_names import not_partners, shared_name_in_body, unsettled, written_with_city
from icpolicy.meta.mentions import person_origin
from icpolicy.meta.own_level import is_within
from icpolicy.meta.papers import BEYOND, SOURCE_LINE, mainland_source, paper_place, paper_speaks, sources, travellers_home
from icpolicy.meta.sections import is_venue_line
from icpolicy.meta.places import dateline_province, excluded, whole_province_words
from icpolicy.meta.park_sites import city_zone, enclave_site, park_site, zone_site
from icpolicy.meta.title_places import from_alone, issuer_region, joint_region, names_event, opens_firm, paired, partner, shared_region, subjects, title_region_of
from icpolicy.meta.visits import led_visits, own_travellers, reports_visit, travels
from icpolicy.meta.whole import places_together
from icpolicy.meta.zones import zone_of
from icpolicy.models import DocMeta, Region
from icpolicy.text.datelines import BYLINE_DATELINE, NEWS_DATELINE, PLACE_DATELINE

_LEADER_VISIT = re.compile(load_toml("regions.toml")["leader_visit"]["pattern"])
_CONGRESS = re.compile(r"在(.{0,24}?)第?[一二三四五六七八九十]{1,3}届(?:全国)?人民代表大会")
_COLUMN_TAG = re.compile(load_toml("metadata.toml")["site"]["column_tag"])  # 【年终特稿】 before a headline
_COUNTY_CITY_VOICE = tuple(load_toml("regions.toml")["county_city_voice"])  # (昆山市)人民政府, 委, 市长…
_ISSUE_LINE = re.compile(load_toml("metadata.toml")["masthead"]["dated_issue"])  # （2024年第12期）, 2025年1—6月
_A_YEAR = re.compile(r"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}年")


def detect_region(title: str, issuer: str, opening: list[str], stem: str, hints: dict | None = None, number: str = "",
                  tail: list[str] = ()) -> Region:
    """The document's region (see module docstring); 全国 when nothing local is named.  A report's
    delivery line at its end (tail) counts as if it stood at its head."""
    gaz = regions.gazetteer()
    # the congress a report was delivered to names the speaking government (在鼓楼区第十八届人民代表大会…):
    # a name several divisions share is settled there like one in the title
    congress = _congress_name(opening)
    named = gaz.find(title + " " + issuer + " " + congress)
    delivered = [text for text in tail if facts.delivered(text)]
    settled = region_names.settle(_region(title, issuer, delivered[-1:] + opening, stem, hints or {}, number), named)
    settled = region_names.numbered(settled, named, number)
    return settled if region_names.stated_region((hints or {}).get("region", "")).path else written_with_city(settled, opening)


def _town_named(title: str, issuer: str, found: Region, opening: list[str]) -> Region | None:
    """The county of a town the title names, or the issuer opens with (磨头镇：半年签约…; 新桥镇人民政府), or, under a title
    naming no place, the first lines (民益村迎来…, 来源：新桥镇融媒体中心), inside the place the title names if it names one, told
    from its namesakes by the places the opening names (meta/towns.py); else None."""
    named = towns.towns_in(title) or [town for town in towns.towns_in(issuer) if town[0] == 0]
    if not named and not found.path:  # (a title naming no place: the town its first lines name, 来源：新桥镇…, 位于新桥镇民益村的…)
        named = [town for text in opening[1:4] for town in towns.towns_in(text)][:1]
    if not named:
        return None
    county = towns.town_county(named[0][2], found.path, title + "\n" + "\n".join(opening[:12]))
    return county if county.path and county != found else None


def _subtitled(found: Region, opening: list[str]) -> Region:
    """The one place inside found that the subtitle under a title naming found names (闽昌协作打造新疆…基地 over ——福建省
    对口支援昌吉回族自治州…综述: 昌吉回族自治州), else found (since session 62)."""
    subtitle = next((text for text in opening[1:3] if text.startswith(("——", "—"))), "") if found.path else ""
    inside = {p.path for m in regions.gazetteer().find(subtitle) for p in m.places
              if len(p.path) > len(found.path) and p.path[:len(found.path)] == found.path and not m.short}
    return Region(inside.pop()) if len(inside) == 1 else found


def _congress_name(opening: list[str]) -> str:
    """The place whose congress a report was delivered to (在和平区第十八届人民代表大会…: 和平区), or ""."""
    return next((m.group(1) for m in map(_CONGRESS.search, opening[:6]) if m), "")




def _region(title: str, issuer: str, opening: list[str], stem: str, hints: dict, number: str) -> Region:
    gaz = regions.gazetteer()
    stated = region_names.stated_region(hints.get("region", ""))
    if stated.path:
        return stated  # the author's own front matter (region: 江苏省南京市秦淮区)
    joint = joint_region(title)
    if joint.path:
        return joint
    if issuer and issuer == hints.get("source") and region_names.group_region(title) == regions.MULTI:
        issuer = ""  # 成渝地区…联席会议…公报 posted by 四川省经济和信息化厅: the page's publisher, not the group's text's author (since session 63)
    speaker = speakers.speech_speaker(title, opening)
    if speaker and speaker != regions.NATIONAL:
        return speaker  # 在2023中国（南京）…大会上的致辞 by 厦门市人民政府副市长: the speaker's, not the venue's (since session 48)
    in_title = subjects(title)  # the places the title names (its subjects), found once
    named_with = subjects(title + " " + issuer)
    raw = gaz.find(title)
    if len(raw) > 1 and names_institute(title, raw[0], raw[1]):
        # 苏州纳米所南通…中心启用: the institute's home, then the story's place (since session 65)
        in_title = [m for m in in_title if m.start >= raw[1].start] or raw[1:2]
        named_with = [m for m in named_with if m.start >= raw[1].start] or raw[1:2]
    if len(in_title) > 1 and names_firm(title, in_title[0]):
        # 苏州某某股份有限公司关于投资建设西安…的公告: the firm's name gives its home, the title's subject is the project's place
        # (its firm-wide paragraphs go home: firm_texts.firm_home; since session 57)
        in_title, named_with = in_title[1:], named_with[1:]
    found = gaz.resolve(named_with)
    found = region_names.settled_in_full(in_title, found, opening) if found.path else region_names.short_named_in_full(title, in_title, opening)
    found = region_names.city_first(in_title, found, title)
    found = _town_named(title, issuer, found, opening) or found
    found = _subtitled(found, opening)
    own = issuer_region(issuer)
    if own == regions.MULTI:
        return own  # bodies of places apart issuing together (江苏省对口支援…前方指挥部 克孜勒苏柯尔克孜自治州人民政府): a joint text
    if found.path and not zone_of(found.path) and (far := enclave_site(title, opening)).path and not is_within(far, found):
        # 衢州海创园…, its text: 衢州市在杭州市余杭区…设立的“科创飞地”: the host's, even by the park's own office (since session 53);
        # not a zone the gazetteer files as a place of its own (深汕特别合作区…作为深圳“飞地经济”的…: 深圳市's)
        return far
    named = [gaz.resolve([m]) for m in in_title]
    if own.path and (found == own or is_within(found, own) or any(r == own or is_within(r, own) for r in named)):
        return own  # a city's rules about one of its zones are the city's; so is a title naming it beside another place
    if own.path and found.path and reports_visit(title):
        return own  # 深圳、东莞…学习考察报告 by 北海市工业和信息化局: the visitor's
    if (visited := led_visits(title)) and (home := travellers_home(title, opening)).path and all(v[0] != home.path[0] for v in visited):
        return home  # 某某在沪苏走访…时强调 under 合肥日报讯: the leader's city in another province (since session 68)
    apart = False  # (a title naming places apart: what they share, never one site its text names: 西宁海东携手…)
    if found.path and not own.path:
        alone, found = found, shared_region(in_title, found)
        apart = found != alone
        if found == regions.MULTI and gaz.is_national(title + "\n" + issuer):
            return regions.NATIONAL  # 国务院关于同意在北京、上海等地开展…试点的批复
        if found == regions.MULTI:  # (在广州—黔东南…推介会上的致辞 by 广州市人民政府副市长 某某: 广州's, as a group's title gives way)
            found = speaker or found
    # (not under a group's title: 津甘携手 共建…产业园 is the pair's)
    parks = (not in_title or any(paired(m) for m in in_title)) and not region_names.group_region(title)
    zoned = bool(found.path and in_title) and city_zone(title, in_title, found)  # 黑河片区：… (a city's zone by its kind)
    # (not a round-up's, 湖北各地竞逐“芯”赛道…, whose 武汉 paragraph names a park in 江夏区: since session 64)
    site = park_site(title, opening) if parks or ((zoned or found.path) and not places_together(title)) else Region()
    if parks and site.path and not (found.path and (is_within(site, found) or is_within(found, site))):
        return site  # 滨海—中关村科技园…, its text: 园区位于天津市滨海新区 (not 中关村's 海淀区); 沪启…合作园…在启东经济开发区开工
    if (zoned or found.path) and site.path and is_within(site, found) and not apart:
        return site  # 黑河片区：…, its text: 位于爱辉区的…黑河片区: the division the city's zone lies in; …南京…基地开工建设,
        # its text: …基地项目在南京市浦口区开工: the district the site lies in (since session 51)
    if zone_of(found.path) and (inside := zone_site(found, opening)).path:
        return inside  # 北海工业园区…, its text: 位于银海区的北海工业园区…: the district the zone lies in (since session 54)
    if found.path and region_names.in_titled_group(title, found):
        return regions.MULTI  # 京企加速“落子”津冀燕赵大地…: the group's story, not 河北's
    if found.path:
        return found
    if own_travellers(title) and (home := travellers_home(title, opening)).path:
        return home  # 我市经贸代表团赴深圳…, under 赣南日报: the city its opening names apart from the places visited
    for text in opening[:6]:
        match = _CONGRESS.search(text)
        if match:
            if "全国" in match.group(0):
                return regions.NATIONAL
            found = gaz.resolve(gaz.find(match.group(1)))
            if found.path:
                return found
    grouped = region_names.group_region(title)  # 长三角集成电路协同发展报告: 多地; 珠三角…: 广东省
    if grouped:
        return speaker or grouped  # (在…长三角…大会上的致辞 by 江苏省人民政府副省长 某某: 江苏省's)
    head = title + "\n" + issuer + "\n" + "\n".join(opening[:4])
    if gaz.is_national(head) or voice.names_country(title, opening):
        return regions.NATIONAL
    shared: list = []
    venue, venue_at = Region(), 0
    paper = paper_place(opening)
    if paper.path and len({filed.group("place") for text in opening if (filed := PLACE_DATELINE.match(text)) and gaz.find(filed.group("place"))}) >= 2:
        return paper  # 湖北日报 over 本报大冶讯（…）…, 本报宜昌讯（…）…: the paper's column of its places' items (since session 68)
    for at, text in enumerate(opening[:6]):
        if JUNK_LINE.match(text):
            continue
        if not venue.path and is_venue_line(text):
            venue, venue_at = gaz.resolve(gaz.find(text)), at  # (where it was given: the text's when no later line names one)
            continue
        whole = dateline_province(text) or region_names.panel_region(title, text)  # 本报合肥…讯 …全省…: the province's story
        if whole:
            return whole  # (…圆桌对话环节，来自苏州、无锡、合肥、深圳四地企业的负责人…: the panel's places, not its venue)
        text = NEWS_DATELINE.sub("", text)  # 新华社北京2月20日电: where the news was filed, not its subject
        byline = BYLINE_DATELINE.match(text)
        if byline and gaz.find(text[byline.end():byline.end() + 72]):
            text = text[byline.end():]  # 成都日报讯（记者…）4月11日，…深入成都高新区、双流区…: the outlet, when the line names places
        text = SOURCE_LINE.sub("", text)  # 2025-03-12 09:30  来源：金华日报: the outlet, read last (below), not the subject
        # (read past the 60th character, so that a word cut there, 临港|产业, is read whole)
        named = gaz.find(text[:72])
        mentions = [m for m in named if m.start < 60 and (not m.short or len(m.places) == 1) and not excluded(text, m.start)
                    and not person_origin(text, m, named) and not from_alone(text, m, named)  # (邓某是湖南省邵阳市新邵县人，…; 从邵阳少年到…:
                    # the person's home or start; since session 62)
                    and not opens_firm(text, m.end)  # (上海矽程半导体有限公司…: the firm's home)
                    and not (at <= 1 and len(text) <= 60 and partner(text, m.start))]  # (the headline's 接轨杭州, or a kicker's headline's: a partner)
        if shared and mentions and not not_partners(text, mentions):
            continue  # …与上海、宁波的企业开展联合开发 after a line naming 普陀区: partners settle no shared name
        found = region_names.listed_common(text, mentions, gaz.resolve(mentions))
        if not found.path and paper.path:
            # a county's short name the paper's own place holds or is (晋江集成电路产业园 under 泉州晚报; 江阴周庄镇 under 江阴日报:
            # since session 62)
            found = next((Region(m.places[0].path) for m in mentions if m.short and (m.places[0].path == paper.path or is_within(Region(m.places[0].path), paper))), found)
        found = region_names.two_sides(text) or found  # (一边是武汉…的企业，一边是长沙…的公司: both)
        if found.path and found.path[0] in BEYOND and not gaz.find(title) and (home := mainland_source(opening, hints)).path:
            return home  # 分来源地看，香港仍是我市…第一大来源地 on a page of 宁波市商务局, titled 全市…: the publisher's city (since session 67)
        if found.path:
            # a name several divisions share in a line before (…在普陀区六横镇开工), settled by this one (舟山市…定海)
            found = region_names.settle(found, shared) if shared else found
            if mentions and _speaks_as_county_city(found, text[mentions[0].start:]):
                return found  # 昆山市人民政府市长 某某 under 在全市…大会上的讲话: 全市 is 昆山's own whole
            return _whole_city_text(found, opening[:at] + [text[:mentions[0].start] if mentions else ""])
        shared += [m for m in mentions if len(m.places) > 1]
    if venue.path:  # (省委常委、副省长 某某 at 南昌: the province's; a 全省 meeting's speech: the province's)
        if len(venue.path) > 1 and not venue.path[0].endswith("市") and any(speakers.speech_rules()[2].match(t.strip()) for t in opening[venue_at + 1:6]):
            return Region(venue.path[:1])
        return _whole_city_text(venue, opening[:venue_at])
    # a headline's province abbreviation (沪出台…), the 文号's issuing government (浙政办发…), the
    # file name, the publishing site, the source outlet (来源：宁波日报), the folders the file lies in
    # (苏州市/2025年政府工作报告.txt, nearest first: models.folders_of): in that order, for a text that
    # names no place of its own
    # a county named by its short form in a city paper's story (福州日报 … 福清…): the paper's city supports it
    papers = [name for name in map(masthead_paper, opening[:3]) if name]
    if papers:
        found = gaz.resolve(gaz.find(papers[0] + " " + title))
        if found.path:
            return found
    for found in (gaz.by_headline(title), gaz.by_number(number)):
        if found.path:
            return found
    for fallback in (stem, hints.get("site", ""), *sources(opening, hints), *hints.get("folders", ())):
        found = gaz.resolve(gaz.find(fallback))
        if found.path:
            return found
    return regions.NATIONAL


_CITY_WHOLE, _BELOW_WHOLE = re.compile(r"全市|我市"), re.compile(r"全区|我区|全县|我县|全旗|我旗")


def _speaks_as_county_city(found: Region, line: str) -> bool:
    """True when a county-level city (昆山市) is named as the body or the official speaking (昆山市人民政府市长　某某,
    昆山市委书记): a 市 whose own whole is 全市, so the text is its own, not its prefecture's."""
    if len(found.path) < 3 or not found.path[-1].endswith("市") or not line.startswith(found.path[-1]):
        return False
    return line[len(found.path[-1]):].startswith(_COUNTY_CITY_VOICE)


def _whole_city_text(found: Region, opening: list[str]) -> Region:
    """A text with no place in its title whose opening first names a district or county, having spoken of the whole
    city (全市, 我市) before it and never of a district's or county's whole (全区, 全县): the city's text (a city
    report's review names its districts' deeds: 过去一年，全市…。包河区新能源汽车零部件产业园…), not the district's;
    likewise a text speaking of the whole province (全省, 省内) before it first names a city or a place in one, and of
    no city's whole: the province's (本报讯 全省…增长21%。其中，合肥的…).
    opening: the lines before the one that names the place, and that line up to the name."""
    head = "\n".join(opening)
    if len(found.path) >= 2 and any(word in head for word in whole_province_words()) \
            and not _CITY_WHOLE.search(head) and not _BELOW_WHOLE.search(head):
        return Region(found.path[:1])
    if not regions.below_city(found.path):
        return found
    return Region(found.path[:-1]) if _CITY_WHOLE.search(head) and not _BELOW_WHOLE.search(head) else found


def _paired_district(region: Region, opening: list[str]) -> Region:
    """The district the text's opening writes a zone with, in brackets (乌鲁木齐经济技术开发区（头屯河区）与… in a story titled
    乌鲁木齐经开区签约…): one area under one administration, the document's place (since session 59); else region."""
    gaz = regions.gazetteer()
    if region.path not in gaz.zone_paths:
        return region
    for text in opening:
        for mention in gaz.find(text) if "（" in text or "(" in text else ():
            cut = max(mention.text.find("（"), mention.text.find("("))
            if cut > 0 and len(mention.places) == 1 and any(p.path == region.path for zone in gaz.find(mention.text[:cut]) for p in zone.places):
                return Region(mention.places[0].path)
    return region


_FIRM_NOTICE_LINES = 40  # (a listed firm's notice states its project's site in its third or fourth section)


def describe(declared_title: str, paragraphs: list[tuple[str, int]], stem: str, hints: dict | None = None) -> tuple[DocMeta, bool]:
    """The document's facts, and whether it is a round-up of many regions."""
    hints = hints or {}
    texts = [text for text, _ in paragraphs]
    opening, tail = texts[:OPENING], texts[-facts.TAIL:]
    title = detect_title(hints.get("title") or declared_title, paragraphs, stem)
    # a cited law's bracketed history (《…法》（2002年…通过）) is not this document's header
    opening, tail = [facts.without_citations(t) for t in opening], [facts.without_citations(t) for t in tail]
    # a forwarded text printed after the notice's signature has its own number and signature
    own = notices.attachment_at(texts, title) if notices.forwarded_title(title) else -1
    own_opening, own_tail = (opening[:own], [facts.without_citations(t) for t in texts[:own][-facts.TAIL:]]) if own > 0 else (opening, tail)
    issuer, number = facts.issuer_and_number(title, own_opening, own_tail, hints)
    # a headline that is no official title (西安半导体产业观察) still names the document's place
    region = detect_region(title or headline(opening), issuer, opening, stem, hints, number, tail)
    stated = region_names.stated_region(hints.get("region", "")).path  # the author's front matter: no rule below overrides it
    joint = voice.signed_across(facts.signers(own_tail) or facts.byline_signers(own_opening))
    if not stated and region not in (regions.NATIONAL, regions.MULTI) and joint:
        region = regions.MULTI  # a notice signed by the departments of several provinces (沪苏浙皖…联合), or naming them under its title
    if not stated and (home := exhibitor_home(title or headline(opening), texts)).path:
        region = home  # 锐芯光电亮相SEMICON China 2024…, its lead in 上海: the exhibiting firm's release, at its home (since session 55)
    firm_line = title or first_line(opening, stem)  # (a firm's text may be titled by its first line: …投资者关系活动记录表)
    site = region_names.labelled_site(opening) if not stated and region.path and region not in (regions.NATIONAL, regions.MULTI) else Region()
    if site.path and region_names.labelled_site(texts) != site:
        site = Region()  # a list of projects whose first record opens the text (宁波市…重大项目清单, 建设地点：北仑区… then 余姚市…):
        # no one site's (since session 64)
    if len(site.path) > len(region.path) and site.path[:len(region.path)] == region.path:
        region = site  # 建设地点：江苏省南通市通州区… in a notice filed under 南通市 by its firm's name: the site's district
    elif not stated and region.path and region_names.firm_notice(title) and (far := region_names.labelled_site(texts[:_FIRM_NOTICE_LINES])).path \
            and far != region and not is_within(far, region) and not is_within(region, far):
        region = far  # 北京某某股份有限公司关于投资设立…子公司的公告, 建设地点：天津经济技术开发区…: the site's, not the firm's home
    elif not stated and (seat := seat_inside(firm_line, texts, region)).path:
        region = seat  # 青岛海旭微电子股份有限公司2023年年度报告, …公司注册地址：山东省青岛市黄岛区…: the seat's district (since session 55;
        # since session 60 also under a first line that is no title's, …投资者关系活动记录表)
    if not stated:
        region = _paired_district(region, opening)
    named_with = " ".join((title or headline(opening), issuer, _congress_name(opening)))
    if region == regions.NATIONAL or (not stated and region != regions.MULTI and unsettled(named_with, region)):
        # 鼓楼区… whose opening names neither 南京 nor 福州, or names only a partner (上海): the body may settle it
        region = shared_name_in_body(named_with, texts) or region
    if not stated and firm_titled(firm_line) and (region in (regions.NATIONAL, regions.UNPLACED) or not subjects(firm_line)) \
            and (home := stated_home(texts)).path and region != home and not is_within(region, home):
        region = inner if (inner := seat_inside(firm_line, texts, home)).path else home  # 华拓半导（603386.SH）首次覆盖报告, its first bullet: 华拓半导总部位于
        # 江苏省无锡市新吴区 (since session 57); since session 63 also over a place its opening names first (天工半导体（300927）
        # 互动易问答汇总, its first question on the 晋江 plant, its answers: 公司总部位于厦门市海沧区)
    if region == regions.NATIONAL and not stated and (voice.unplaced(title or headline(opening), issuer, opening, tail)
                                                      or voice.nowhere([title, issuer, *texts])):
        region = regions.UNPLACED  # 为加快本区…, signed 高新区管委会: local, place unknown
    report = is_report(texts)
    if report and (not issuer or issuer in (hints.get("issuer"), hints.get("source"))):
        # a delivered report is the speaking government's, not the office that posted it
        # (publisher: …办公室, <meta ContentSource>)
        local = region.path not in (regions.NATIONAL.path, regions.MULTI.path, regions.UNPLACED.path)
        issuer = facts.speaker(texts, region.path if local else ()) or issuer
    doc_type = detect_type(title or headline(opening), opening, region, hints, texts, issuer, report)
    # a headline that is no official title (江西：三座城市的…) names the home region as a title does
    title_region = title_region_of(title or headline(opening))
    if not title_region.path and region.path and any(p.path == region.path for m in subjects(title or headline(opening)) for p in m.places):
        title_region = region  # 谷城：小县城…, its opening naming 谷城县: the county the title names by its short name (since session 54)
    issued_by = issuer_region(issuer)
    named = title_region.path or issued_by.path or region == regions.NATIONAL
    # the places a round-up goes through lie outside its title's (or, when the title names none, its issuer's: 全市…运行情况
    # by 无锡市工业和信息化局 is no round-up of 江阴市, 宜兴市, 新吴区)
    home = title_region if title_region.path or issued_by in (regions.NATIONAL, regions.MULTI) else issued_by
    # (a joint text's bodies' places are its parties, each with its part: no round-up's sections)
    # (an event held in one place, whose guests come from many, is the host's, each guest's part theirs: 东北半导体装备产业合作论坛在沈阳举行)
    hosted = region.path and region not in (regions.NATIONAL, regions.MULTI, regions.UNPLACED) and names_event(title or headline(opening), held=True)
    if hosted and not stated and national_meeting(title or headline(opening)):
        region, hosted = regions.NATIONAL, False  # 全国…工作座谈会在杭州召开: the country's meeting, 杭州 its venue
    elif hosted and not stated and (whole := own_meeting(title or headline(opening), region)).path and whole != region:
        region, hosted = whole, False  # 全省…推进会在绍兴召开: the province's meeting, 绍兴 its venue (since session 55)
    if not home.path and region.path and region not in (regions.NATIONAL, regions.MULTI, regions.UNPLACED) \
            and _LEADER_VISIT.search(title or headline(opening)):
        home = region  # (… or, in a leader's visit naming neither, the place its dateline or opening gives: 成都日报讯…市委书记率队
        # 深入成都高新区、双流区… under 市委书记调研…: a visit to the city's own districts, no round-up of them; since session 60)
    # (a visitors' story, 济南市代表团赴合肥考察学习…, going 在合肥新站高新区…, 在肥西县…: the places visited, no round-up's)
    # (… nor a firm's own text titled by its name, its investor records going 惠州…, 吉安…, 成都…: firm_titled)
    own_story = (bool(title_region.path) and travels(title or headline(opening))) or own_travellers(title or headline(opening)) or paper_speaks(opening) or firm_titled(firm_line) \
        or speakers.interview(texts)  # (… nor an interview, its answers naming 苏州、无锡、杭州: its subject's; since session 61)
    if doc_type in ("", type_rules()["news_type"]) and firm_profile(opening):
        doc_type = type_rules()["profile_type"]  # a firm's own profile, going through its plants in several provinces: no round-up
    roundup = (doc_type in ("", "新闻综述") or not named) and not report and not joint and not own_story and doc_type != type_rules()["profile_type"] and roundups.roundup_provinces(paragraphs, home, title or headline(opening))
    if roundup:
        doc_type = doc_type or "新闻综述"
        # a round-up whose sections all lie in one province (省内五地…), or whose title names a group
        # inside one province (珠三角五市…), is that province's; any other round-up is 多地
        grouped = region_names.group_region(title or headline(opening))
        region = region if stated or hosted else grouped if grouped and grouped.path and grouped != regions.MULTI and len(grouped.path) == 1 else regions.MULTI
        headed = title or headline(opening)
        if not stated and not title_region.path and (regions.gazetteer().is_national(headed) or voice.national_story(headed, opening)
                                                     or voice.country_titled(headed, opening)
                                                     or (not issued_by.path and regions.gazetteer().is_national(issuer))
                                                     or any(regions.gazetteer().is_national(source) for source in sources(opening, hints))):
            # 工信部公布新一批…集群: a national body's list, its places examples; so is a review of 我国's industry, or a
            # ministry bureau's figures by province (its bureau named as the source, 来源：工业和信息化部电子信息司: since session 58)
            region = regions.NATIONAL
        if len(roundup) == 1 and region != regions.NATIONAL and not stated:
            region = Region((next(iter(roundup)),))
            # … or its city's, when it speaks as a city (全市…) and its sections all lie in one city (新吴区…, 江阴市…)
            region = roundups.one_city(paragraphs, region, title or headline(opening)) or region
    if not doc_type and not number and not issuer and (hints.get("title") or hints.get("date")):
        doc_type = type_rules()["news_type"]  # a dated, titled post with no official marks is an article
    news = doc_type == type_rules()["news_type"]
    attached = notices.attachment_at(texts, title)  # a notice's own signature stands before the text it attaches
    issued = facts.issued(opening, [facts.without_citations(t) for t in texts[:attached][-facts.TAIL:]] if attached > 0 else tail, hints, news)
    # the date at the end (a signature) dates a text that names no year up front
    dated = dict(hints) if hints.get("date") or not issued else {**hints, "date": issued}
    named = title or headline(opening)
    issue = next((line.strip() for line in opening[:2] if _ISSUE_LINE.match(line.strip())), "")
    if issue and not _A_YEAR.search(named):
        named += issue  # 无锡市…运行监测月报 / （2024年第12期）: a periodical's issue under its title dates it (since session 49)
    doc_years = doc_years_of(named, doc_type == type_rules()["news_type"], doc_type, opening, texts, stem, bool(roundup), dated, issued, number)
    if not title:
        title = (doc_type != type_rules()["news_type"] and composed_title(doc_type, doc_years, region)) or first_line(opening, stem)
    meta = DocMeta(_COLUMN_TAG.sub("", title), doc_type, region, doc_years, number, issuer, issued)
    return meta, bool(roundup)

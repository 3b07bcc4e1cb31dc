"""Whether a passage closes the sections a document's headings or paragraph leads opened (a round-up's places, or a
one-place document's marked sections): it speaks about them as a group.  Used by tagging.py, which then files what
follows under the document's place again."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import by_place, regions, sections, voice
from icpolicy.meta.lead_letters import first_clause
from icpolicy.meta.sections import WHOLE_VIEW, section_rules
from icpolicy.meta.own_level import first_person, is_within, level_as_subject
from icpolicy.meta.paragraph_forms import listed_provinces
from icpolicy.meta.region_names import members_named
from icpolicy.meta.whole import opens_on_home, opens_on_whole
from icpolicy.models import Region
from icpolicy.text.normalize import nfkc
from icpolicy.text.passages import split_sentences


def closes_sections(text: str, opening: sections.Opening | None, roundup: bool, region: Region, home: Region, level: int,
                    opened: dict) -> bool:
    """True when a passage speaks about a round-up's sections (or a one-place document's marked
    sections) as a group: closes, a count of them (四份计划…), or its first clause names
    two places whose sections have opened (从西安到重庆，…).  region: the section's place; home: the
    document's; level: the heading level that opened the section (0: a paragraph's lead); opened: the places whose
    sections have opened."""
    if not roundup and region == home:
        return False
    if not roundup and len(region.path) == 1 and not is_within(home, region) and text.lstrip().startswith(("省", "自治区")) \
            and section_rules()["above_body"].match(text.lstrip()):
        return False  # 省工业和信息化厅有关负责人表示，我省… under 【江西怎么学】 in a story of 合肥: the section's own province speaks
    own = not opening or opening.region == home  # (分析人士认为，安徽各地… in 安徽's text: its own place)
    if own and closes(text, len(opened), home.path) and not _names_section(text, region, home, opened):
        return True  # (… under a heading of one of its places too, the last's: ## 萍乡：…, then 业内人士认为，江西各地…; since session 66)
    if not roundup and level:
        return False  # (a heading's section holds what else it heads)
    if not roundup and not level and region != home and is_within(region, home) and (opening is None or opening.region == region) \
            and _lists_own_places(text, home, region):
        return True  # 调研期间，…在宜昌主持召开座谈会，听取武汉、襄阳、宜昌…汇报 after 在宜昌，…: the places together (since session 55)
    if own and not roundup and not level and is_within(region, home) and (_whole_voice(text, home) or opens_on_whole(text, home) or opens_on_home(text, home)) \
            and not _names_section(text, region, home, opened):
        return True  # 调研中，…指出，电子信息产业是我区… after 在北海工业园区，… in 广西's story: the whole's voice again (and since
        # session 55 a paragraph opening on the whole, 去年，全市…, 据市经信局统计，今年上半年，全市…, after 在郫都区，…; since session
        # 61 on the home by its name, 去年，吉安市…, 调研中，张伟平指出，吉安要…, after 在泰和县，…)
    gaz = regions.gazetteer()
    if own and home == regions.NATIONAL and any(w in text for w in voice.country_words()) and not gaz.find(text):
        return True  # 该负责人表示，…全国智能算力规模… after 上海临港… in a national story: the country's again
    clause = first_clause(text)
    named = regions.meant_places(gaz.find(clause)).intersection(opened)  # (福州市鼓楼区…: not 南京's 鼓楼区's section too)
    if len(named) >= 2:
        return True
    listed = by_place.list_opening(text) if roundup and region != home else None
    if listed is not None and not any(p.path[:len(region.path)] == region.path for p in listed.places):
        return True  # 佛山、中山则聚焦… after 东莞's section: a list of other places, about none of them alone
    # … or its first sentence lists places of two provinces or more (在中部，湖北省武汉市、湖南省长沙市、河南省郑州市
    # 相继发布…; 在长三角，上海市、江苏省无锡市…同步开工): about them all, not one section; not one opening on a place
    # inside the section whose list comes later (定兴县的…衬底项目投产，产品主要供应北京、天津的器件企业: its customers)
    inside = opening is not None and not opening.strong and is_within(opening.region, region) and region != home
    return roundup and not inside and listed_provinces(split_sentences(text[:120])[0] if text else "")


def _whole_voice(text: str, home: Region) -> bool:
    """True when a passage speaks in the voice of the document's own place: its first person (我区, 本市), or its own
    level as a clause's subject (某某某强调，全市要…); or, since session 55, names the bodies of its own level attending
    (省直有关部门负责同志参加调研, 自治区有关部门…参加)."""
    voice_of = first_person(home)
    if bool(voice_of and voice_of.search(text)) or level_as_subject(text, home):
        return True
    if home.path and _leader_speaks(home.path[-1][-1]).match(text):
        return True  # 调研中，市委书记指出，… after 在郫都区，… in a 成都 story (since session 60)
    return bool(home.path) and _attending(home.path[-1][-1]).search(text) is not None


@lru_cache(maxsize=None)
def _leader_speaks(level: str) -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["leader_speaks"]["pattern"].replace("{level}", level))


_LEVEL_BODIES = {"省": "省直|省级|省", "区": "自治区", "市": "市直|市级"}  # the bodies of a level attending (省直有关部门…参加)


@lru_cache(maxsize=None)
def _attending(level: str) -> re.Pattern[str]:
    return re.compile(f"(?:{_LEVEL_BODIES.get(level, '(?!)')})(?:有关|相关)部门[^，,。；;]{{0,8}}参加")


def _lists_own_places(text: str, home: Region, section: Region) -> bool:
    """Whether a passage lists three places inside home one after another (武汉、襄阳、宜昌、荆州…), not all inside the
    section's place (坪山区、龙岗区、宝安区 under （二）深圳市。)."""
    mentions = [m for m in regions.gazetteer().find(text) if any(is_within(Region(p.path), home) and p.path != home.path
                                                                 and not is_within(Region(p.path), section) for p in m.places)]
    run = 1
    for before, after in zip(mentions, mentions[1:]):
        run = run + 1 if text[before.end:after.start] in ("、", "，") else 1
        if run >= 3:
            return True
    return False


def _names_section(text: str, region: Region, home: Region, opened: dict) -> bool:
    """True when a passage's first sentence names the current section's place or one inside it,
    and no other section's (相比前几座城市，嘉兴的体量不大… in the 嘉兴 section): it is still about
    that place (纵观四城…合肥、无锡…宁波、嘉兴… is not)."""
    if region in (home, regions.MULTI, regions.NATIONAL):
        return False
    sentence = split_sentences(text[:80])[0] if text else ""
    if each_place(sentence):
        return False  # 总体来看，珠三角各市正在形成“…佛山应用”格局: about them all, though it names the section's
    named = {p.path for m in regions.gazetteer().find(sentence) for p in m.places
             if not (m.short and len(p.path) > 2)}  # a county's short name is often a word (在于都…)
    named.update(members_named(sentence))  # (…京津冀协同和山东半岛城市群建设… in 山东's section: 天津's and 河北's too; since session 56)
    others = {path for path in named for other in opened if other != region.path and path[: len(other)] == other}
    return not others and any(path[: len(region.path)] == region.path for path in named)


def closes(text: str, count: int = 0, own: tuple[str, ...] = ()) -> bool:
    """True when a round-up paragraph speaks about all its places again: it opens like a summary
    (data/sections.toml, closing), or its first clause (or the whole of it) counts the places and
    names none (纵观四城，), or its first clause names no place and counts as many things as
    sections have opened, count (四份计划放在一起看, after four sections; `section_count`).  own: the text's own
    province's path, whose name may open a body above the places (广东省工业和信息化厅有关负责人表示，… in 广东's), or its
    city's (据广州市工业和信息化局介绍，… in 广州's, after its districts' sections)."""
    rules = section_rules()
    text = rules["role"].sub("", text.lstrip(), count=1) if text.lstrip()[:1] in "（(【" else text  # (（解说）…: since session 56)
    if rules["closing"].match(text.lstrip()):
        return True
    plain = nfkc(text).strip()
    clause = first_clause(plain)
    gaz = regions.gazetteer()
    lead = plain[1:] if plain.startswith("据") else plain  # (据湖南省统计局监测，…; 据广州市工业和信息化局介绍，…)
    view = _WHOLE_VIEW.match(lead)
    if view and own and view.group("whole") in ("全" + own[-1][-1], "全自治区" if own[-1].endswith("自治区") else ""):
        return True  # 从全省看，… after a city's section in a province's text: the whole of the text's own place
    if len(own) == 1 and own[0].endswith(("省", "自治区")):
        if lead.startswith(own[0]):
            plain = lead[len(own[0]) - 1:] if own[0].endswith("省") else lead[len(own[0]) - 3:]  # (its level word stays)
            clause = first_clause(plain)
        elif rules["province_whole"].match(lead) and not gaz.find(clause):
            return True  # 全省集成电路产业营收… after a city's section in a one-province round-up: the province's
    if (rules["above_body"].match(plain) or gaz.opens_national(plain)) and not gaz.find(clause):
        return True  # a body above the places speaks (省工业和信息化厅有关负责人表示，…)
    if len(own) == 2:  # … or, in a city's own text, the city's body named with the city's name (据广州市工业和信息化局介绍，…)
        name = next((n for n in (own[1], own[1][:-1]) if len(n) >= 2 and lead.startswith(n)), "")
        if name and rules["city_body"].match(lead[len(name):]) and not gaz.find(first_clause(lead[len(name):])):
            return True
    # (从四份报告看，…; since session 56 also a count after the viewpoint, 从空间布局看，十个项目覆盖了…)
    for counted in dict.fromkeys((clause, first_clause(_VIEWPOINT.sub("", plain)))) if count >= 2 else ():
        if not gaz.find(counted) and any(_number(m.group(1) or m.group(2)) == count and m.start() <= rules["count_lead"]
                                         for m in rules["section_count"].finditer(counted)):
            return True
    if _listed_count(clause):
        return True  # the places listed, then counted as a group (威海、日照、泰安、济宁四市也在报告中…)
    # … or the paragraph names no place at all and counts them somewhere (明年三地应…)
    return bool(rules["group_count"].search(clause)) and not gaz.find(clause) \
        or bool(rules["group_count"].search(plain)) and not gaz.find(plain)


_VIEWPOINT = re.compile(r"^从[^，,。：:]{1,8}(?:看|来看)[，,：:]\s*")
_WHOLE_VIEW = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、\s*)?" + WHOLE_VIEW.pattern)
_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,8}[、和与及])+[\u4e00-\u9fff]{2,8}?)等?$")


def _listed_count(clause: str) -> bool:
    """True when a clause lists two or more places and counts them right after (泰安、济宁两市…)."""
    gaz = regions.gazetteer()
    for count in section_rules()["group_count"].finditer(clause):
        listed = _LISTED.search(clause[: count.start()])
        parts = re.split("[、和与及]", listed.group(1)) if listed else []
        if len(parts) >= 2 and all(gaz.lookup(part) for part in parts):
            return True
    return False


def each_place(text: str) -> bool:
    """Whether text speaks of the places each in turn (珠三角各市, 各地: `each_place` of data/sections.toml)."""
    return bool(section_rules()["each_place"].search(text))


_NUMERALS = {ch: i for i, ch in enumerate("〇一二三四五六七八九十")} | {"两": 2}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMERALS.get(word, 0)

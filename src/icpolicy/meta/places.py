"""Where a passage of a one-place document is, when it names places inside the document's
region (only_place_inside) or beside it in the same city (places_beside), and a city-filed story
about its whole province (dateline_province).  Used by tagging.py.  The words of a region's own level: own_level.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.sections import after_run_in, lead_plain, section_rules
from icpolicy.meta.zones import zone_of
from icpolicy.meta.own_level import FULL_STOP, back_reference, is_within, own_level_words, own_not_shared
from icpolicy.models import SENTENCE_ENDS, Region
from icpolicy.text.datelines import BRACKET_DATELINE, NEWS_DATELINE, filed_from


PLACE_LEAD = 20  # the one place must be named within this many characters of the passage's start
MARKED_LEAD = 8  # … and right after a marked section lead (【天津】滨海新区…)
# a date before the place, which a marked lead does not count (【广东广州】6月5日，广州黄埔区…: since session 55)
_RUN_IN_VERB = re.compile("(?:支持|鼓励|引导|指导|督促|由)?")  # before the place opening the sentence after a run-in heading
_LEAD_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:[上中下]旬)?[，,]?\s*|(?:近日|日前|本周|上周)[，,]\s*")
BOUNDS = re.compile(r"(?<![\u4e00-\u9fff])[东南西北](?:[东南西北])?(?:至|到|抵|临)[^，,。；;、]{1,24}")  # 东至沭河西路，南至新沂河北堤: a zone's landmarks (s. 67)


def _named_after(name: str, region: Region) -> bool:
    """True when a zone's name opens with a name of the region itself (红河综合保税区, 红河州)."""
    names = regions.gazetteer().names
    return any(place.path == region.path for k in range(2, len(name)) for place in names.get(name[:k], ()))


def _not_followed() -> re.Pattern:
    """Words after a place's name that make it a body's or a thing's (南昌大学, 苏州银行: data/sections.toml)."""
    return section_rules()["not_followed"]


def _inside_word(text: str, mention) -> bool:
    """Whether a short name starts inside one of jieba's words of the text around it (创新和产业: 新和; 人民和历史: 民和)."""
    from icpolicy.text.tokens import cut

    at = max(0, mention.start - 6)
    for word in cut(text[at:mention.end + 6]):
        if at >= mention.start:
            return at > mention.start
        at += len(word)
    return True


def only_place_inside(text: str, region: Region, lead: int = PLACE_LEAD) -> Region | None:
    """In a one-place document, the one place inside its region that a passage names (支持江阴市
    建设… in a 无锡 plan, 业内人士分析，青岛在… in a 山东 article): the passage is about it.  None
    when it names none, several, or a county elsewhere by its short name, or names its first place only
    after PLACE_LEAD characters.  A province or city elsewhere is a partner, not the subject (在阿克苏市的浙江
    产业园内，…由浙江省对口援建).  A county counts by its full name (江阴市), a city by its short one too."""
    inside: set[tuple[str, ...]] = set()
    first, last_end, partnered = len(text), -9, -1
    text = BOUNDS.sub(lambda m: "　" * len(m.group()), BRACKET_DATELINE.sub("", NEWS_DATELINE.sub("", text)))  # (datelines: where the news was filed; a zone's bounds)
    mentions = regions.gazetteer().find(text)
    left_out = len(text)  # (where the last place left out ends: none yet)
    for k, mention in enumerate(mentions):
        paths = {place.path for place in mention.places}
        if any(region.path[: len(path)] == path for path in paths):
            continue  # the region itself or a province above it
        if excluded(text, mention.start) or text[left_out:mention.start] in _LISTED_ON:
            left_out = mention.end
            continue  # 不含深圳市: named to be left out; 赴泉州、莆田两市: both visited (since session 59)
        if section_rules()["with_others"].match(text, mention.end):
            return None  # 江阴市、宜兴市及各区…: all of them, none alone (since session 59)
        if _not_followed().match(text, mention.end):
            continue  # 支持南昌大学、江西师范大学等高校…: a body named after a place, not the place (sections.toml)
        paired = inside and any(is_within(Region(p.path), region) for p in mention.places)  # (西安市企业与宝鸡市企业开展对接: both the region's)
        if not paired and (_partner(text, mention, region, last_end) or (partnered == last_end and text[last_end:mention.start] in _LIST_JOIN)):
            partnered = last_end = mention.end
            continue  # 与西咸新区开展产业协同: a partner, not the subject
        within = [path for path in paths if is_within(Region(path), region)]
        if mention.short and len(within) > 1 and all(path[:2] == within[0][:2] for path in within):
            within = [min(within, key=len)]  # 长沙: the city 长沙市, not its county 长沙县 (a county counts by its full name)
        if not within and (not mention.short or all(len(path) <= 2 for path in paths) or _inside_word(text, mention)):
            continue  # a place elsewhere (由深圳市对口援建, 来自广东的企业): a partner, not the subject; or no place at all
            # (科技创新和产业发展: 新和 is no 新和县, a short name starting inside a word)
        if len(within) != 1:
            return None
        if mention.short and len(within[0]) > 2 and not _listed_with(text, mentions, k, region):
            continue  # a county's short name is often a word (资源, 城区): only its full name counts, or one in a list of places
        listed = text[last_end:mention.start] in _LIST_JOIN
        if (last_end == mention.start or _CELL_GAP.fullmatch(text, last_end, mention.start)) \
                and any(is_within(Region(within[0]), Region(path)) for path in inside):
            # a name written out in full (贵阳市白云区), or a table row's city and county cells (无锡市 | 江阴市): the place
            # it ends with, not the city before it
            inside -= {path for path in inside if is_within(Region(within[0]), Region(path))}
        last_end = mention.end
        if inside and not listed and within[0][:-1] == region.path and _named_after(mention.text, region):
            continue  # a zone named after the region (红河综合保税区 in 红河州) after the subject: where, not who
        inside.add(within[0])
        first = min(first, mention.start)
        if _bare_zone_listed(text, mention):
            return None  # 支持长安区、高新区…: two of the region's places

    if not inside:
        return _word_city_pointed_back(text, region)
    # named only in passing, deep inside a long passage: not what the passage is about
    dated = sum(len(m.group()) for m in _LEAD_DATE.finditer(text, 0, first)) if lead <= MARKED_LEAD else 0
    if first - dated > lead and (lead > PLACE_LEAD or first - dated - _run_in_heading(text, first) > lead):
        return None
    # one place, or one place and zones or districts of it (哈尔滨市 … 哈尔滨新区): the place
    common = min(inside, key=len)
    if not all(path[: len(common)] == common for path in inside):
        return None
    word = regions.gazetteer().word_city(text, len(text))  # 南昌…，吉安则…: a city by a name that is also a word
    if word and is_within(Region(word.places[0].path), region) and word.places[0].path[: len(common)] != common[: len(word.places[0].path)]:
        return None  # a second place: the passage is not the one's
    return Region(common)


def _run_in_heading(text: str, first: int) -> int:
    """The length of a run-in heading naming no place that a passage opens with, when the place at `first` opens the
    sentence after it, a verb of support at most before it (（二）推动半导体照明和化合物半导体突破。支持南昌建设…: the heading
    is a title, not the sentence; since session 58), else 0: not （一）成都市。以高新区、双流区为重点…, the place's own section,
    nor 新增智能算力8000P，推动芜湖集群… or 加快韶关数据中心集群建设…, the province's tasks."""
    plain = lead_plain(text)
    after = after_run_in(plain)
    headed = len(plain) - len(after) if after else 0
    if not headed or regions.gazetteer().find(plain[:headed]) or first != headed + _RUN_IN_VERB.match(after).end():
        return 0
    return headed


def _listed_with(text: str, mentions: list, k: int, region: Region) -> bool:
    """Whether the kth place stands in a list with another place inside the region (推动昆山、苏州工业园区… in a 苏州 text:
    、 between them, nothing else); not with the region itself or a place elsewhere (推动苏州、昆山同城化, 上海、昆山联动)."""
    def inside(other) -> bool:
        return any(is_within(Region(place.path), region) for place in other.places)

    before = k > 0 and text[mentions[k - 1].end:mentions[k].start] == "、" and inside(mentions[k - 1])
    after = k + 1 < len(mentions) and text[mentions[k].end:mentions[k + 1].start] == "、" and inside(mentions[k + 1])
    return before or after


def _word_city_pointed_back(text: str, region: Region) -> Region | None:
    """A city inside the region whose short name is also a word (吉安), opening the passage, when a later
    sentence points back to it (吉安电子信息产业…提升。该市…, 当地…: back_reference): the passage is its."""
    word = regions.gazetteer().word_city(text, 1)
    if word is None or not region.path:
        return None
    path = word.places[0].path
    if path == region.path or not is_within(Region(path), region):
        return None
    rest = text[word.end:]
    stop = FULL_STOP.match(rest)
    return Region(path) if stop and back_reference(region).search(rest[stop.end():]) else None


_LIST_JOIN = ("、", "和", "与", "及", "，", ",")
_LISTED_ON = ("、", "和", "及")  # (a place listed right after one left out is left out too)
_CELL_GAP = re.compile(r"\s*\|\s*")  # between two cells of a table row


@lru_cache(maxsize=1)
def bare_zone_word() -> re.Pattern:
    """A zone's kind anywhere (regions.toml [bare_zone]: 高新区, 经开区…): its one loader, which the patterns below build on."""
    return re.compile(load_toml("regions.toml")["bare_zone"]["pattern"])


@lru_cache(maxsize=1)
def _bare_zone() -> tuple[re.Pattern, re.Pattern]:
    zone = bare_zone_word().pattern
    return re.compile(f"(?:、|和|与|及|以及){zone}"), re.compile(f"(?<![\u4e00-\u9fff]){zone}(?:、|和|与|及|以及)$")


@lru_cache(maxsize=1)
def bare_zone_lead() -> re.Pattern:
    """A clause that opens with a zone by its kind alone ([bare_zone]: 高新区…, 经开区要…, 新站高新区…, the text's own
    city's, named without the city); never after 全/各/我/本 (全市开发区: every zone)."""
    return re.compile(rf"(?![全各我本该])[\u4e00-\u9fff]{{0,3}}?{bare_zone_word().pattern}(?=[\u4e00-\u9fff\d，、])")


def _bare_zone_listed(text: str, mention) -> bool:
    """True when a zone named by its kind alone is listed right after or before a place (长安区、高新区; 高新区、长安区)."""
    after, before = _bare_zone()
    return bool(after.match(text, mention.end) or before.search(text[max(0, mention.start - 14):mention.start]))
_SENTENCE = re.compile(f"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]?")


@lru_cache(maxsize=1)
def partner_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_toml("regions.toml")["partner"]
    return re.compile(table["before"]), re.compile(table["after"]), re.compile(table["base"])


def _partner(text: str, mention, region: Region, last_end: int) -> bool:
    """True when a passage names a place only as a partner or as its region's base ([partner] of regions.toml).  Not
    a place named right after another (深圳与东莞共建…: both are the subject), nor a base whose own assets are named
    (依托海南州的清洁能源优势: the passage is about it)."""
    before_re, after_re, base_re = partner_rules()
    before = text[max(0, mention.start - 4):mention.start]
    joined = before_re.search(before)
    if joined:
        return mention.start - len(joined.group(0)) != last_end and bool(after_re.match(text, mention.end))
    if base_re.search(before) and region.path and not text.startswith("的", mention.end):
        level = own_level_words(region)
        own = next((s for s in _SENTENCE.finditer(text) if s.start() <= mention.start < s.end()), None)  # the base's sentence
        return bool(level and own and level.search(text, own.start(), own.end()))
    return False


def clause_subject(text: str, region: Region) -> Region | None:
    """The one place inside a city a passage names, when it opens a later clause as the subject of
    what follows (佛山则把…，顺德区上半年签约…; 贵阳今年…，白云区一家…; data/regions.toml clause_subject):
    the passage is that place's.  None when it names several or none, or only as a site."""
    if len(region.path) != 2:
        return None
    place = only_place_inside(text, region, lead=len(text))
    if place is None:
        return None
    pattern = _clause_subject()
    for mention in regions.gazetteer().find(text):
        if mention.start and text[mention.start - 1] in "，,。；;" and pattern.match(text, mention.end) \
                and any(p.path == place.path for p in mention.places):
            return place
    return None


@lru_cache(maxsize=None)
def _clause_subject() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml").get("clause_subject", "(?!)"))


@lru_cache(maxsize=1)
def whole_province_words() -> tuple[str, ...]:
    """The words for the whole province (全省, 省内: data/regions.toml whole_province)."""
    return tuple(load_toml("regions.toml").get("whole_province", ()))


def dateline_province(text: str) -> Region | None:
    """A news story filed from a city (本报合肥1月20日讯) whose first sentence reports on the whole
    province (全省, data/regions.toml whole_province): the dateline city's province; else None."""
    match = filed_from(text)
    if not match:
        return None
    sentence = re.split(r"[。！？]", text[match.end():], maxsplit=1)[0]
    if not any(word in sentence for word in whole_province_words()):
        return None
    found = regions.gazetteer().resolve(regions.gazetteer().find(match.group(0)))
    return Region(found.path[:1]) if found.path else None


def excluded(text: str, start: int) -> bool:
    """True when the place named at start is named to be left out (不含深圳市), as the model
    followed (学习借鉴深圳经验) or as a firm's home (总部位于上海的; data/regions.toml): not what the text is about."""
    before = text[max(0, start - 4):start]
    return before.endswith(_excluding()) or bool(start and _excluded_run().search(text, max(0, start - 16), start))


@lru_cache(maxsize=1)
def _excluding() -> tuple[str, ...]:
    rules = load_toml("regions.toml")
    return tuple(rules.get("excluding", ())) + tuple(rules.get("models", ())) + tuple(rules.get("homes", ())) \
        + tuple(rules.get("births", ()))


@lru_cache(maxsize=1)
def _excluded_run() -> re.Pattern[str]:
    """A place written right after places named to be left out or as a birthplace (出生于江西省赣州市|于都县, 不含深圳市|
    南山区): left out too (not after a firm's home, 总部位于苏州市|吴中区, whose seat firm_texts reads, nor a model's)."""
    rules = load_toml("regions.toml")
    words = "|".join(map(re.escape, sorted((*rules.get("excluding", ()), *rules.get("births", ())), key=len, reverse=True)))
    return re.compile(f"(?:{words})(?:[\u4e00-\u9fff]{{1,8}}?[省市县区州盟旗])+$")
_PARTNER = ("与", "同", "跟", "和")


def places_beside(text: str, region: Region) -> Region | None:
    """In a document about a district or zone, a passage whose lead names its neighbours in the
    same city as its subject (昆山、常熟等周边县市… in a 苏州工业园区 post, 与鼓楼区隔江相望的仓山区
    则… in a 鼓楼区 article) is about the city they share.  None unless the lead names at least
    one such neighbour, only them and the region, and a neighbour last."""
    if len(region.path) < 3:
        return None
    parent = region.path[:-1]
    found = []
    for mention in regions.gazetteer().find(text[:PLACE_LEAD]):
        if any(p.path[: len(region.path)] == region.path for p in mention.places):
            found.append(False)  # the region itself
            continue
        beside = [p for p in mention.places if p.path[: len(parent)] == parent and len(p.path) > len(parent)]
        if any(p.path in regions.gazetteer().zone_paths for p in beside):
            return None  # a zone of the city may lie inside the region (呼伦贝尔经开区 in 海拉尔区)
        if len(beside) != 1 or (mention.short and len(mention.places) > 1):
            return None
        if not found and (text[mention.start - 1:mention.start] in _PARTNER or partner_rules()[0].search(text, 0, mention.start)):
            return None  # named as partners (鼓励企业与昆山、吴江等地的企业合作; 主动对接越城区…: since session 61): the region's own passage
        found.append(True)
    # (六合区、江宁区等周边板块…，我区将…: the region's own passage; not …与我区形成互补: read only when a neighbour leads)
    return Region(parent) if found and found[-1] and not own_not_shared(text, region) else None


_FIRST_CLAUSE_END = re.compile("[，,；;。]")


def others_inside(text: str, region: Region, first: Region) -> bool:
    """True when a passage that opens with one place inside the region also names another one
    apart from it (襄阳市…宜昌市…黄石市 in a 湖北 report, 江油市的…，三台县… in a 绵阳 report): it
    speaks for the region, not for the first place it names.  Short names of counties (often
    words) do not count, as in only_place_inside, nor does a place the first one builds on (坪山区依托深圳高新区坪山园区，
    建设…: its base, [partner] base of regions.toml)."""
    base = partner_rules()[2]
    before = None
    clause_end = _FIRST_CLAUSE_END.search(text + "。").start()
    for mention in regions.gazetteer().find(text):
        if 0 < mention.start < clause_end and text[mention.start - 1] not in "、和与及" and any(zone_of(p.path) for p in mention.places):
            continue  # a zone the first place's clause acts on (松北区要加快哈尔滨新区…建设): what it builds, not another subject
        aside = before is not None and any(place.path == first.path for place in before.places) \
            and (before.end == mention.start - 1 and text[before.end] in "（("
                 or text[before.end:mention.start] == "的" and text[max(0, before.start - 2):before.start] in ("位于", "地处"))
        last_end, before = before.end if before is not None else -1, mention
        if aside:
            continue  # the first place named again in brackets (七星区（桂林高新区）完成产值…: its zone), or the zone an aside
            # locates in it (位于银海区的北海工业园区要…: the zone lies in the district, the passage is the district's)
        if mention.short and all(len(place.path) > 2 for place in mention.places):
            continue
        if base.search(text, max(0, mention.start - 4), mention.start) or _based_after_name(text, mention.start) \
                or _partner(text, mention, region, last_end):
            continue  # (…，将与贵安新区的整机项目形成配套: a partner; since session 54)
        within = {place.path for place in mention.places if is_within(Region(place.path), region)}
        if len(within) != 1:
            continue
        path = next(iter(within))
        if path[: len(first.path)] != first.path and first.path[: len(path)] != path:
            return True
    return False


def _based_after_name(text: str, start: int) -> bool:
    """True when a place stands after 依托 and a province's or city's name (依托湖南湘江新区): a base all the same."""
    at = text.rfind("依托", max(0, start - 8), start)
    between = text[at + 2:start] if at >= 0 else ""
    return bool(between) and not re.search(r"[，,。；;、和与及]", between) and bool(regions.gazetteer().find(between))


def common_inside(text: str, region: Region, lead: int = PLACE_LEAD, same_province: bool = False) -> Region | None:
    """The lowest region that holds every place inside `region` a passage names, when it lies below
    `region` (杭州萧山区和临平区… in a 浙江 report: 杭州市): a passage going through several places
    of one city is about that city.  None when it names fewer than two, names its first after
    `lead` characters, or they share only `region`.  County short names count as in only_place_inside.
    Outside any region (a round-up's passage outside its sections; same_province), one place will do,
    and places in several provinces share nothing."""
    paths: set[tuple[str, ...]] = set()
    first = len(text)
    for mention in regions.gazetteer().find(text):
        if excluded(text, mention.start):
            continue
        within = {p.path for p in mention.places if is_within(Region(p.path), region)}
        if len(within) != 1 or ((mention.short or same_province) and len(next(iter(within))) > 2):
            continue  # outside any region only prefectures count (沿海城市 holds 海城市)
        paths |= within
        first = min(first, mention.start)
    # a place named with one inside it (甘肃…天水市): the one inside is the more specific
    paths = {path for path in paths if not any(len(other) > len(path) and other[: len(path)] == path for other in paths)}
    if len(paths) < (1 if same_province else 2) or first > lead:
        return None
    common = list(min(paths, key=len))
    for path in paths:
        while tuple(common) != path[: len(common)]:
            common.pop()
    return Region(tuple(common)) if len(common) > len(region.path) else None


def one_province(text: str) -> Region | None:
    """The province every place a passage names lies in, when it names the province itself (下一步，我部将继续与安徽省…，
    支持合肥…: 安徽省), else the one place of one province it names (关于支持合肥建设…的建议: 合肥市); None when it names
    none or places of several provinces."""
    shared = common_inside(text, Region(), lead=len(text), same_province=True)
    if shared and len(shared.path) > 1 and any(p.path == shared.path[:1] for m in regions.gazetteer().find(text) for p in m.places):
        return Region(shared.path[:1])
    return shared


def joined_on(text: str, place: Region) -> bool:
    """Whether the first mention of place in a passage's lead has another place joined on after it (赣州市和福建省龙岩市…)."""
    mention = next((m for m in regions.gazetteer().find(text[:PLACE_LEAD]) if any(p.path == place.path for p in m.places)), None)
    return mention is not None and text[mention.end:mention.end + 1] in tuple("、和与及同跟等")


def named_within(text: str, region: Region, link: re.Pattern) -> Region | None:
    """A passage that names `region` and, joined to it by `link` (下辖的, 的, nothing), one place
    inside it within PLACE_LEAD characters (保定下辖的涿州市…, 苏州下辖的张家港市…): that place.
    Not a place after a clause mark or a verb (河南表示，将围绕郑州…, 湘潭以湘潭经开区为载体…)."""
    mentions = regions.gazetteer().find(text[:PLACE_LEAD])
    for first, inner in zip(mentions, mentions[1:]):
        if any(p.path == region.path for p in first.places):
            # (not the place itself named again by another name: 星城长沙…, 洪城南昌…, whose 长沙 is also 长沙县's)
            within = {p.path for p in inner.places if is_within(Region(p.path), region)}
            itself = any(p.path == region.path for p in inner.places)
            if len(within) == 1 and not itself and link.fullmatch(text[first.end:inner.start]):
                return Region(next(iter(within)))
            return None
    return None


# A title's own region (document.py): what the places it names as its subject share.

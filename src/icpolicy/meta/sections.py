"""Section openings of multi-place documents: a heading, a bold lead word (宁波：), a bracket
(【无锡】), a numbered lead (一、成都：), or a lead sentence (近日，2024年宝鸡市政府工作报告公布).

Rules are data (data/sections.toml); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icpolicy.meta import regions, years
from icpolicy.meta.asides import located_after_run_in, located_at, located_in
from icpolicy.meta.side_by_side import side_by_side
from icpolicy.meta.zones import zone_of
from icpolicy.meta.lead_letters import MARKS, first_clause, may_name, only_letters
from icpolicy.models import SENTENCE_ENDS, Region
from icpolicy.meta.paragraph_forms import RANK_LEAD
from icpolicy.data import load_toml
from icpolicy.text.normalize import nfkc
from icpolicy.text.datelines import filed_from

_LEAD_WINDOW = 16
_LIST = ("、", "和", "与", "及", "，", ",")


@dataclass(frozen=True)
class Opening:
    """A place that opens a paragraph; strong when it opens a section on its own."""

    region: Region
    strong: bool
    years: tuple[int, ...] = ()
    marked: bool = False  # a lead mark says so: 【无锡】, 宁波：, 温州——, a heading


@lru_cache(maxsize=1)
def section_rules() -> dict:
    raw = load_toml("sections.toml")
    return {
        "prefix": re.compile("(?:" + "|".join(f"(?:{p})" for p in raw["lead_prefixes"]).replace("NEIGHBOUR", raw["neighbour"]).replace("ROLE", raw["role_label"])
                             .replace("SPEAKER", raw["speaker"]["name"]).replace("SURNAME", load_toml("regions.toml")["surnames"]) + ")"),
        "neighbour": re.compile(raw["neighbour"]),
        "role": re.compile(raw["role_label"]),
        "after": re.compile("(?:" + "|".join(raw["after_place"]) + ")"),
        "dateline": re.compile(raw["dateline"]),
        "not_followed": re.compile("|".join(raw["not_followed_by"])),
        "with_others": re.compile(raw["with_others"]),
        "firm_after": re.compile(raw["firm_after"]),
        "own_reference": re.compile(raw["own_reference"]),
        "closing": re.compile(raw["closing"]),
        "above_body": re.compile(raw["above_body"]),
        "city_body": re.compile(raw["city_body"]),
        "province_whole": re.compile(raw["province_whole"]),
        "group_subject": re.compile(raw["group_subject"]),
        "contrast_subject": re.compile(raw["contrast_subject"]),
        "heading_tail": re.compile(raw["heading_tail"]),
        "label_line": {**raw["label_line"], "ordinal": re.compile(raw["label_line"]["ordinal"]), "turn": re.compile(raw["label_line"]["turn"])},
        "group_count": re.compile(raw["group_count"]),
        "each_place": re.compile(raw["each_place"]),
        "section_count": re.compile(raw["section_count"]),
        "count_lead": raw["count_lead"],
        "inner_link": re.compile(raw["inner_link"]),
        "session": {**raw["session"], "words": re.compile(raw["session"]["words"]), "national": re.compile(raw["session"]["national"])},
        "parallel": {**raw["parallel"], "ordinal": re.compile(raw["parallel"]["ordinal"])},
    }


def _names_here(plain: str, start: int, short: bool = False) -> bool:
    """Whether a place's name begins at start (its first letter is also a lead's word: 从化区, 由…; short: its short name
    too, 宁波：…)."""
    found = regions.gazetteer().find(plain[start:start + 10])
    return bool(found) and found[0].start == 0 and (short or not found[0].short)


# a view of the whole of a level (从全省看，, 从全市来看：, since session 52 放眼全省，, since session 53 放眼玉林全市，, since session 61
# 从嘉兴全市看，; since session 65 在陕西全省，, 纵观全市，): group "whole" the whole (全省), "named" the place a view names before it
# (玉林); whole.py and closings.py read it too
WHOLE_VIEW = re.compile(r"(?:从(?=(?:[\u4e00-\u9fff]{2,3})?全[\u4e00-\u9fff]{1,3}?(?:来)?看)|放眼|纵观|在(?=(?:[\u4e00-\u9fff]{2,3})?全[省市区州盟][，,]))(?P<named>[\u4e00-\u9fff]{2,3}(?=全))?(?P<whole>全[\u4e00-\u9fff]{1,3}?)(?:(?:来)?看)?[，,：:]\s*")


def _label_line(plain: str) -> Opening | None:
    """A short line that is one place after a short ordinal label or a turn, or nothing (1️⃣ 西安, 第一站：合肥。,
    镜头一：天津滨海新区, 先说成都。): a marked opening (data/sections.toml, label_line)."""
    rule = section_rules()["label_line"]
    letters = only_letters(plain, rule["max_letters"])
    if not letters or len(letters) > rule["max_letters"]:
        return None
    gaz = regions.gazetteer()
    mentions = gaz.find(letters)
    if not mentions or mentions[-1].end != len(letters):
        return None
    last = mentions[-1]
    named = [m for m in mentions if m.end == last.start or m is last]  # 天津 + 滨海新区: one full name
    if len(mentions) > len(named) or (len(named) > 1 and not mention_inside(named[1], named[0])):
        return None
    label = letters[:named[0].start]
    before = plain[:plain.rfind(letters[named[0].start:])]
    if len(label) > rule["max_label"] or (label and not rule["ordinal"].search(before) and not rule["turn"].fullmatch(label)):
        return None
    region = gaz.resolve(named)
    if not region.path and len({p.path for p in last.places}) == 1:
        region = Region(last.places[0].path)
    return Opening(region, True, (), True) if region.path else None


_SHORT_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,3})\s*[：:]")
_COUNTY_SUFFIXES = ("区", "县", "市", "旗")


def _own_short_label(plain: str, within: tuple[str, ...]) -> Opening | None:
    """A lead label that is the short name of one of the text's own city's districts or counties (南山：…, 光明：… in a
    深圳 text), which names no place anywhere else (南山 and 光明 are words, and other cities' districts): that district,
    a marked opening."""
    match = _SHORT_LABEL.match(plain) if len(within) == 2 else None
    if not match or within[-1].startswith(match.group(1)):
        return None  # (长沙： in a 长沙 text is the city, not its namesake county 长沙县)
    by_path = regions.gazetteer().by_path
    found = [within + (match.group(1) + suffix,) for suffix in _COUNTY_SUFFIXES if within + (match.group(1) + suffix,) in by_path]
    return Opening(Region(found[0]), True, (), True) if len(found) == 1 else None


def _stray_county(mention: regions.Mention, first: regions.Mention) -> bool:
    """True when a mention is a county's short name that lies neither in the place named first nor in
    its city (东莞松山湖: 松山 is 赤峰's; 福田罗湖…: 罗湖 is 福田's neighbour, a list)."""
    return mention.short and all(len(p.path) > 2 for p in mention.places) \
        and not any(p.path[:2] == q.path[:2] for p in mention.places for q in first.places)


def _session(plain: str) -> Opening | None:
    """A first clause that names one place and its session or report anywhere in it (在刚刚闭幕的
    合肥市两会上，…; data/sections.toml, session): a strong opening of that place."""
    clause = first_clause(plain)
    rule = section_rules()["session"]
    if len(clause) > rule["clause"] or not rule["words"].search(clause) or rule["national"].search(clause):
        return None
    gaz = regions.gazetteer()
    mentions = gaz.find(clause)
    if not mentions or any(m.start != mentions[0].end and not mention_inside(m, mentions[0]) for m in mentions[1:]):
        return None  # none, or several places (a list, a comparison)
    region = gaz.resolve(mentions)
    if not region.path:
        return None
    stated = years.congress_year(plain) or years.report_year_in(plain)
    return Opening(region, True, (stated,) if stated else ())


def is_heading_like(text: str, heading: int) -> bool:
    """A heading, or a short line that does not end a sentence (a title line in plain text); a line ending in a
    comma is a clause (a place's part of a sentence, meta/by_place.py), never a heading."""
    return heading > 0 or (len(text) <= 40 and text[-1] not in SENTENCE_ENDS + "，,")


def mention_inside(inner: regions.Mention, outer: regions.Mention) -> bool:
    """True when a name right after another lies inside it (重庆市 + 沙坪坝区: a full name)."""
    return any(len(i.path) > len(o.path) and i.path[: len(o.path)] == o.path for i in inner.places for o in outer.places)


def _heading_tail(plain: str, heading: int, pattern: re.Pattern) -> Opening | None:
    """A heading whose last item, after a separator, is a place (关键词：功率模块 · 十堰): a marked opening."""
    match = pattern.match(plain)
    if not match or not plain[match.end():]:
        return None
    places = regions.gazetteer().lookup(plain[match.end():].strip())
    paths = {p.path for p in places}
    return Opening(Region(places[0].path), True, (), True) if len(paths) == 1 else None


@lru_cache(maxsize=16384)
def opening(text: str, heading: int, within: tuple[str, ...] = ()) -> Opening | None:
    """The place a paragraph opens with, if any (see module docstring); else a label line's place,
    or a short lead sentence's (第一站：合肥。…, 先说西安。…).  A name several divisions share (鼓楼区) is the one
    inside `within`, the document's place, when only one lies there (鼓楼区。… in a 南京 report).  A news dateline is read
    past (新华社北京2月3日电　各地两会…: where it was filed, no section's place; since session 56)."""
    if not heading and (filed := filed_from(text)):  # (本报讯 names no place: kept)
        text = text[filed.end():].lstrip()
        if not text:
            return None  # (a line that is a dateline alone)
    plain = lead_plain(text)
    if not heading and not may_name(plain) and not is_heading_like(text, heading) or is_venue_line(plain):
        return None  # (what follows finds a place only by a name in the lead, or in its letters: a label line; a speech's venue)
    found = _own_short_label(plain, within) or _lead(text, heading, within) or _label_line(plain)
    if found and within and found.region.path == within and not heading and (rest := after_run_in(plain)):
        inner = _lead(rest, heading, within)  # （三）亦庄新城…。位于通州区的台湖片区…: the part the aside locates
        found = inner if located_after_run_in(rest, inner and inner.region, within) else found
    if found and not found.marked and not heading and side_by_side(plain, found.region):
        return None
    if found or heading:
        return found
    # （二）推动芯片适配验证。贵阳市重点开展… in a national or joint text: the place the sentence after its run-in heading opens with,
    # when it lies inside the text's own (二、关于建设产业园。沈阳市已将… in a 浑南区 reply is the district's, not the city's)
    rest = after_run_in(plain)
    found = _lead(rest, heading, within) if rest else None
    if found and side_by_side(rest, found.region):
        return None
    if found and (not within or within in (regions.NATIONAL.path, regions.MULTI.path) or found.region.path[:len(within)] == within != found.region.path):
        return found
    if located_after_run_in(rest, found and found.region, within) or (found and located_at(rest, within) == found.region):
        return found  # （二）推进区域协作。位于新郑市的龙湖片区要… in a zone's text: the part of its city the aside names (or the
        # sentence sites: （三）…。瀛海镇片区位于大兴区，…; since session 61)
    sentence = _LEAD_SENTENCE.match(plain)
    return _label_line(sentence.group(1)) if sentence else None


@lru_cache(maxsize=1)
def _venue_line() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["venue_line"])


def is_venue_line(text: str) -> bool:
    """True when a line is a speech's bracketed date-and-venue line (（2025年6月12日，武汉）: data/regions.toml venue_line):
    where it was given, which opens no section."""
    return bool(_venue_line().match(text.strip()))


def after_run_in(plain: str) -> str:
    """What follows a paragraph's numbered run-in heading sentence (（三）强化要素保障。吴江区、昆山市要…: from 吴江区),
    or "" when it opens with none."""
    run_in = RANK_LEAD.match(plain)
    return plain[run_in.end():].strip() if run_in and run_in.group().endswith("。") else ""


# a paragraph's short first sentence (第一站：合肥。…)
_LEAD_SENTENCE = re.compile(r"([^。！？!?；;，,]{2,16}[。！!])")


_PART_NAMED = re.compile(r"(?:片区|园区|分区|板块)[（(]([\u4e00-\u9fff]{2,8})[）)]")


@lru_cache(maxsize=1024)  # (the rules read a passage's lead five or six times each)
def lead_plain(text: str, width: int = 80) -> str:
    """A paragraph's head as its lead is read: NFKC, ideographic spaces as spaces, stripped (the first 80 characters)."""
    return nfkc(text[:width]).replace("\u3000", " ").strip()


def lead_names(plain: str, start: int, path: tuple[str, ...]) -> bool:
    """Whether the lead prefixes (plain[:start], lead_start) name the place of path (与鼓楼区隔江相望的…), or the city of
    a zone's (与鞍山相邻的营口市… in a 鞍山高新区 story; since session 59)."""
    own = own_places(path)
    return any(p.path in own for m in regions.gazetteer().find(plain[:start]) for p in m.places)


def own_places(path: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The paths a text of path names itself by: its own, and a zone's city's (鞍山 in a 鞍山高新区 story)."""
    return {path, path[:-1]} if path in regions.gazetteer().zone_paths else {path}


def beside_own_lead(plain: str, start: int, within: tuple[str, ...]) -> bool:
    """Whether the lead prefixes (plain[:start]) name a neighbour of the text's own place, by its name or its own word
    (与鼓楼区隔江相望的…, 与新区隔江相望的…: sections.toml own_reference)."""
    lead = plain[:start]
    return bool(within) and bool(section_rules()["neighbour"].search(lead)) \
        and (lead_names(plain, start, within) or bool(section_rules()["own_reference"].search(lead)))


@lru_cache(maxsize=1024)
def lead_start(plain: str) -> tuple[int, bool]:
    """Where a paragraph goes on after its lead prefixes (近日，, 邻市, 【…), and whether they hold a bracket."""
    start, bracket = 0, False
    for _ in range(6):
        match = section_rules()["prefix"].match(plain, start) or MARKS.match(plain, start)
        if not match or match.end() == start:
            break
        if (match.end() == start + 1 or plain[match.end() - 1:match.end()] in "：: ") and _names_here(plain, start, short=True):
            break  # 从化区要…, 从江县…: a place's name, not 从 before one; 宁波：…, a place's label, not a speaker's
        bracket = bracket or plain[match.start()] in "【[〔"
        start = match.end()
        while start < len(plain) and plain[start] == " ":
            start += 1
    for size in _EPITHET_SIZES:
        if _EPITHET.fullmatch(plain, start, start + size) and _city_after_epithet(plain, start, size):
            # 绿城南宁今年…, 山城重庆…, 千年古城西安…: a city's popular name before its name (not a place's own: 晋城长治…)
            return start + size, bracket
    return start, bracket


_EPITHET = re.compile(r"[\u4e00-\u9fff]{1,3}[城都岛]")
_EPITHET_SIZES = (2, 3, 4)


def _city_after_epithet(plain: str, start: int, size: int) -> bool:
    """Whether a city's name comes right after the epithet's size characters: one reading of it a city or province (西安:
    the city, not 辽源's or 牡丹江's 西安区), and no place read inside the epithet."""
    found = regions.gazetteer().find(plain[start:start + size + 10])
    return bool(found) and found[0].start == size and sum(len(p.path) <= 2 for p in found[0].places) == 1 \
        and not any(m.start < size for m in found)


def _window(plain: str, start: int) -> str:
    """The lead's first _LEAD_WINDOW characters, and on to the end of a bracket they open (乌鲁木齐经济技术开发区（头屯河区）:
    the zone's division, regions.Gazetteer._zone_paired; since session 46)."""
    lead = plain[start:start + _LEAD_WINDOW]
    opened = max(lead.rfind("（"), lead.rfind("("))
    if opened >= 0 and not any(mark in lead[opened:] for mark in "）)"):
        closed = min((at for at in (plain.find("）", start + opened), plain.find(")", start + opened)) if at >= 0), default=-1)
        if 0 <= closed <= start + _LEAD_WINDOW + 10:
            return plain[start:closed + 1]
    return lead


# two places listed each with a word of its own (长沙广汽埃安、湘潭吉利新能源汽车项目…: both cities' projects): what stands
# between the first place's name and the second's; 与 and 和 join a subject and its partner instead (滁州市与南京江北新区…)
LISTED_PAIR = re.compile(r"[^，。；：,;:、和与及\s]{1,8}、")


def _lead(text: str, heading: int, within: tuple[str, ...] = ()) -> Opening | None:
    """The place a paragraph starts with, after its lead prefixes."""
    rules = section_rules()
    plain = lead_plain(text)
    start, bracket = lead_start(plain)
    gaz = regions.gazetteer()
    # 与鼓楼区隔江相望的仓山区则… in a 鼓楼区 text: the text's own place beside a neighbour in its city (tagging: the city)
    beside_own = beside_own_lead(plain, start, within)
    tail = _heading_tail(plain, heading, rules["heading_tail"]) if is_heading_like(text, heading) else None
    if tail:
        return tail
    lead = _window(plain, start)
    mentions = gaz.find(lead)
    if not mentions or mentions[0].start != 0:
        where = located_in(plain[:start], within) or located_at(plain[start:], within)
        if where is not None:
            return Opening(where, False, (), False)  # 位于新郑市的龙湖片区要…: a part no gazetteer knows, lying where the aside says
            # (西部园区位于郫都区境内，…: the part of a zone's text the sentence sites; since session 61)
        return _session(plain)
    # a county's short name after another place is a word unless it lies in that place (东莞松山湖:
    # 松山 is 赤峰's 松山区 only by its full name)
    # (… nor a place opening a firm's name: 青山区与鹿城晶材科技有限公司签约…, 鹿城 being 温州's)
    mentions = mentions[:1] + [m for m in mentions[1:] if not _stray_county(m, mentions[0]) and not rules["firm_after"].match(lead, m.end)]
    first = mentions[0]
    if len(mentions) > 1 and (mentions[1].start - first.end <= 1 and lead[first.end:mentions[1].start] in ("", "、", "和", "与", "及", "，", ",", " ")
                              or LISTED_PAIR.fullmatch(lead[first.end:mentions[1].start])) \
            and not ((mentions[1].start == first.end or lead[first.end] in "，," or mentions[1].start - first.end > 1)
                     and mention_inside(mentions[1], first)) \
            and not {p.path for p in mentions[1].places} & {p.path for p in first.places}:  # 在北京，北京市…: one place
        return None  # a list of places (香港、澳门…, a table header; 长沙广汽埃安、湘潭吉利…项目) is about none of them alone; 重庆市沙坪坝区 is one name
    if lead[first.end:first.end + 1] == "、" and not (len(mentions) > 1 and mentions[1].start == first.end + 1 and mention_inside(mentions[1], first)):
        return None  # … whatever the next item is (莆田、平潭入选…, 历下区、高新区要…: a place the gazetteer may not know by that name)
    named = [first]  # … but 重庆市沙坪坝区、九龙坡区 is a list of the city's districts: the city
    for inner in mentions[1:]:
        # a full name (贵阳市白云区的…, 四川遂宁市船山区的…): the place it ends with
        after = lead[inner.end:inner.end + 1]
        # … a comma or 与 after it ends the lead (在江西吉安市泰和县，…; 安徽省合肥市与一家企业签约…: since session 59) unless
        # another place follows (…沙坪坝区，九龙坡区)
        listed = after in _LIST and (after == "、" or any(m.start == inner.end + 1 for m in mentions))
        # 目光转向武汉，东湖高新区…, 以廊坊为例，三河市燕郊高新区…: the inner place
        context = (inner.start == first.end + 1 and lead[first.end] in "，," or lead[first.end:inner.start] in ("为例，", "为例,")) and len(named) == 1
        if (inner.start == first.end or context) and mention_inside(inner, first) and not listed:
            named, first = named + [inner], inner
        elif inner.start == first.end and len(named) == 1 and {p.path for p in inner.places} & {p.path for p in first.places}:
            named, first = [inner], inner  # a label, then its place's full name (**昆明** 昆明市呈贡区的…): one name
        else:
            break
    rest = plain[start + first.end:]
    if rules["with_others"].match(rest):
        return None  # 滨海新区和各有关区要…: all of them, none alone
    if rules["not_followed"].match(rest) or rules["firm_after"].match(rest):
        where = located_in(plain[:start], within)  # (位于新郑市的龙湖片区…: no 龙湖区, a part of 新郑市)
        return Opening(where, False, (), False) if where is not None else None
    marked = heading > 0 or bracket or bool(rules["after"].match(rest))
    strong = marked or is_heading_like(text, heading)
    strong = strong or bool(rules["dateline"].search(plain))
    region = gaz.resolve(named)
    if region.path and (part := _PART_NAMED.match(rest)):
        # a part of a zone of two provinces by its side and the city it lies in (广西片区（梧州）…, 广东片区（封开）…): that city
        # (since session 62)
        inside = {p.path for m in gaz.find(part.group(1)) for p in m.places if p.path[:len(region.path)] == region.path and p.path != region.path}
        region = Region(inside.pop()) if len(inside) == 1 else region
    where = None if strong else located_in(plain[:start], within)
    if where is not None and region.path[:len(where.path)] != where.path:
        # 位于金州区的光谷电子材料产业园…: a park named after a place elsewhere (光谷 is 武汉's), lying where the aside says
        return Opening(where, False, (), False)
    if not region.path and first.short and strong and len({p.path for p in first.places}) == 1:
        region = Region(first.places[0].path)
    home = within[:-1] if zone_of(within) else within  # (江北区：… in a 两江新区 text: the zone's city's, since session 60)
    inside = {p.path for p in first.places if home and len(p.path) > len(home) and p.path[:len(home)] == home}
    if not region.path and len(inside) == 1:
        region = Region(inside.pop())
    if not region.path or (beside_own and len(within) >= 3 and region.path[:-1] == within[:-1]):
        return None
    # a year before the place speaks for the section only in a section lead (a heading, a dated
    # session or report); in a body sentence (2025年，沈阳…增长18%) it is that sentence's
    stated = (years.stated(plain[:start]) if strong else ()) or ((years.congress_year(text),) if years.congress_year(text) else ())
    if not stated and strong:
        report = years.report_year_in(plain)
        stated = (report,) if report else ()
    return Opening(region, strong, stated, marked)


def inner_link() -> re.Pattern:
    """What may join a section's place, named again, to a place inside it (data/sections.toml)."""
    return section_rules()["inner_link"]

"""The places a title (or an issuer's line) names as its subject: not one named to be left out, as the model
followed, or as a firm's home (无锡华澄微电子…落户长丰县); two apart make the title about what they share, and the
issuers before 关于 of a joint notice likewise.  Used by document.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.mentions import is_ancestor, person_origin, sole_place
from icpolicy.meta.visits import host_of_visitors, own_travellers, visited_run
from icpolicy.meta.places import excluded
from icpolicy.meta.region_names import group_region, shared_by
from icpolicy.models import Region


def shared_region(mentions: list, found: Region) -> Region:
    """A title naming two places apart (深圳与东莞共建…, 从杭州到合肥…) is about what they share:
    their province, or 多地 across provinces; one place, or a place and places inside it, stays."""
    gaz = regions.gazetteer()
    # a short name several divisions share counts when it resolves alone (长沙: 长沙市, not 长沙县); a county's short name
    # only one division bears counts as that one (周一在张江，周五在嘉善: 嘉善县; since session 56)
    paths = [gaz.resolve([m]).path or _in_province(m, found) or sole_place(m) for m in mentions]
    paths = [p for p in paths if p]
    apart = [p for p in paths if not (p[: len(found.path)] == found.path or found.path[: len(p)] == p)]
    if not apart:
        return found
    return shared_by([found.path, *apart])


def _in_province(mention, found: Region) -> tuple[str, ...]:
    """The one division a county's short name (嘉定, unsupported alone) may be in the province of `found`, or ()
    (浦东临港嘉定: 嘉定区 beside 浦东新区)."""
    paths = [place.path for place in mention.places if mention.short and found.path and place.path[:1] == found.path[:1]]
    return paths[0] if len(paths) == 1 else ()


def joint_region(title: str) -> Region:
    """A title whose issuers, before 关于, are bodies of places apart (重庆市发展和改革委员会 四川省发展和
    改革委员会关于…): what they share, 多地 across provinces; Region() for one issuer."""
    gaz = regions.gazetteer()
    issuers = title.split("关于", 1)[0] if "关于" in title else ""
    mentions = [m for m in gaz.find(issuers) if not m.short]
    if len(mentions) < 2:
        return Region()
    first = gaz.resolve(mentions[:1])
    shared = shared_region(mentions, first)
    return shared if shared != first else Region()


def issuer_region(issuer: str) -> Region:
    """The place an issuer speaks for: its one body's (江苏省工业和信息化厅: 江苏省), or what the bodies of an issuer of
    several share (江苏省对口支援…前方指挥部 克孜勒苏柯尔克孜自治州人民政府: 多地; 苏州市相城区人民政府 宿迁市泗洪县人民政府:
    江苏省), each body that opens with a place's name known by the place its whole name resolves to (data/regions.toml
    issuer_body)."""
    gaz = regions.gazetteer()
    places = [gaz.resolve(found) for body in _issuer_body().split(issuer) if body and (found := gaz.find(body)) and found[0].start == 0]
    places = [place for place in places if place.path]
    if len(places) < 2 or all(place == places[0] for place in places):
        return gaz.resolve(gaz.find(issuer))
    return shared_by([place.path for place in places])


@lru_cache(maxsize=1)
def _issuer_body() -> re.Pattern:
    """Where an issuer's body ends (…人民政府, …前方指挥部, …委员会: data/regions.toml issuer_body, kept with its body; a
    mark or a space between two bodies)."""
    return re.compile("[、，,\\s]+|(?<=" + ")|(?<=".join(load_toml("regions.toml")["issuer_body"]) + ")")


_LISTING = ("、", "和", "及", "与", "，")


def subjects(text: str) -> list:
    """The places a title or issuer names as its subject: not one named to be left out or as the
    model followed (学习借鉴深圳经验，加快东莞…: 东莞)."""
    mentions = _with_route_end(text, regions.gazetteer().find(text))
    kept, left_out, last = [], -1, None  # left_out: where the last place named to be left out ends
    # (a route whose title also names a group of provinces, 从泉城到鹭岛：鲁闽浙…, is the group's story, not the end's)
    # (the route's end: the next place not inside the origin, 从深圳南山到合肥高新区: since session 61)
    ends = [next((n for n in mentions[k + 1:] if not (n.start == m.end and _inside(n, m))), None) for k, m in enumerate(mentions)]
    origins = {m.start for m, to in zip(mentions, ends) if to and _origin(text, m, to)} if group_region(text) != regions.MULTI else set()
    for m in mentions:
        if excluded(text, m.start) or person_origin(text, m, mentions) or from_alone(text, m, mentions) or partner(text, m.start) or m.start in origins or (left_out >= 0 and text[left_out:m.start] in _LISTING) \
                or (m.start == left_out and (_inside(m, last) or visited_run(text, m, mentions))):
            left_out, last = m.end, m  # …and the places listed after it (关于赴合肥、武汉学习考察…: both visited), or a place inside it
            # naming it in full (对接上海张江; not 对标杭州绍兴…)
        else:
            kept.append(m)
    if (investors := [m for m in kept if _fund_home().match(text, m.end)]) and len(investors) < len(kept):
        kept = [m for m in kept if m not in investors]  # 西安一家…企业获…融资 国家级基金和上海产业基金联合领投: the investee's
    event = any(word in text for word in _words()[0])  # (苏州企业组团亮相上海…展览会: the firms' own city's story)
    firms = [m for m in kept if opens_firm(text, m.end) or counted_firms(text, m) or _venue(text, m) or (not event and _origin_of_firms(text, m.end))]
    # a zone's branch in another place (漕河泾开发区海宁分区, …科技城平湖园): the place it lies in, not the zone's home
    # (… but a branch named by the city the zone lies in, 河套深港科技创新合作区深圳园区 in 福田区: the zone's own place, the
    # city no subject; since session 66)
    firms += [nxt if _inside(m, nxt) else m for m, nxt in zip(kept, kept[1:]) if m.end == nxt.start and text.startswith(_words()[2], nxt.end)]
    firms += [m for m, nxt in zip(kept, kept[1:]) if m not in firms and _firm_before_site(text, m, nxt)]
    kept = _unquoted(text, kept)
    kept = _labelled(text, kept)
    if len(kept) > 1 and ranking_title().search(text):
        kept = [kept[0]] + [m for m in kept[1:] if not _inside(m, kept[0])]  # (a ranking's scope, not its leader)
    if len(kept) > 1 and (act := _acting_clause().match(text, kept[0].end)) and all(m.start >= act.end() and _inside(m, kept[0]) for m in kept[1:]):
        kept = kept[:1]  # 山东出台…行动计划　青岛这些方向被点名: the issuer's story, with an angle on its part
    if kept and all(_venue(text, m) for m in kept) and group_region(text):
        return []  # 闽西南协同发展区…联席会议在龙岩召开: the group's meeting, its venue no subject (since session 49)
    if not kept and own_travellers(text):
        return []  # 我市经贸代表团赴深圳…: the places visited (since session 62)
    if kept and (hosted := host_of_visitors(text, kept)) is not None:
        return hosted  # 遵义市党政代表团来锡考察: the host (since session 62)
    if kept and all(_origin_of_firms(text, m.end) or counted_firms(text, m) for m in kept) \
            and _landing().search(text, kept[-1].end):
        return []  # 厦门电子元件企业落户闽宁产业园: the firms' home, and a landing place no gazetteer knows (since session 62)
    # (… falling back on all the places it names but a person's home or start: 从邵阳少年到“芯”片掌舵人 names none)
    return [m for m in kept if m not in firms] if len(firms) < len(kept) else kept \
        or [m for m in mentions if not partner(text, m.start) and not person_origin(text, m, mentions) and not from_alone(text, m, mentions)]


_QUOTED = re.compile(r"“([^”]{2,12})”")


def _labelled(text: str, mentions: list) -> list:
    """The places of a title's lead when the lead is the places alone, then a colon (龙里经济开发区：贵阳“后花园”长出…,
    无锡新吴：…与南京江宁…): the subject, the places after it its partners or likenesses (since session 63); else mentions."""
    lead = []
    for m in mentions:
        if m.start != (lead[-1].end if lead else 0):
            break
        lead.append(m)
    if not lead or lead == mentions or not text.startswith(("：", ":"), lead[-1].end) or "：" in text[lead[-1].end + 1:]:
        return mentions
    inside = {p.path for m in lead for p in m.places}
    if all(any(p.path[:len(path)] == path for path in inside) for m in mentions[len(lead):] for p in m.places):
        return mentions  # (广东：湛江茂名携手…: the places after a province's label lie in it, and are its story's subjects)
    return lead


def _unquoted(text: str, mentions: list) -> list:
    """mentions, without a place named inside a quoted figure of speech (不做“小深圳”, 打造“东方硅谷”) when the text names
    another place outside quotes: a likeness, not a subject (since session 48); so is a short name quoted alone (从“钢城”
    到“芯材之城”: a nickname; since session 62)."""
    figures = [m.span(1) for m in _QUOTED.finditer(text)]
    inside = [m for m in mentions if any(a <= m.start and m.end <= b and (b - a > m.end - m.start or m.short) for a, b in figures)]
    return [m for m in mentions if m not in inside] if inside and len(inside) < len(mentions) else mentions



@lru_cache(maxsize=1)
def ranking_title() -> re.Pattern:
    """A title's words of a ranking of places (百强, 排行, 十强, 居首…: data/regions.toml ranking_title); read by roundups too."""
    return re.compile(load_toml("regions.toml")["ranking_title"])


def _inside(mention, outer) -> bool:
    """Whether a place named is inside one named right before it (上海张江: 张江 in 上海)."""
    return outer is not None and any(is_ancestor(q.path, p.path) and q.path != p.path for p in mention.places for q in outer.places)


def _with_route_end(text: str, mentions: list) -> list:
    """mentions, with a route's end that is a city's short name find() reads as a word (从东莞到吉安: 吉安) added."""
    route, gaz = _route(), regions.gazetteer()
    for m in list(mentions):
        if text[m.start - 1:m.start] not in route["from"]:
            continue
        to = next((word for word in sorted(route["to"], key=len, reverse=True) if text.startswith(word, m.end)), "")
        at = m.end + len(to)
        if to and not any(n.start == at for n in mentions) and (city := gaz.word_city(text[at:at + 8], 1)):
            mentions = sorted(mentions + [type(m)(at, at + city.end, city.text, city.places, True)], key=lambda n: n.start)
    return mentions


def from_alone(text: str, mention, mentions: list) -> bool:
    """True when a title names mention as where a journey of no place began (从邵阳少年到“芯”片掌舵人, 从冰城到…: a person's or
    a firm's start, not its subject), nothing after its 到 naming a place (since session 62)."""
    if text[mention.start - 1:mention.start] != "从":
        return False
    to = _TO_AFTER.match(text, mention.end)
    return bool(to) and not any(to.end() <= m.start < to.end() + 12 for m in mentions)


_TO_AFTER = re.compile(r"[^，,。：:！!？?]{0,8}?到")


def _origin(text: str, mention, to) -> bool:
    """True when a title names mention as the origin of a route to the place after it (从张江到嘉善, 从“深圳造”到“喀什造”,
    从东莞长安到南昌小蓝: data/regions.toml title_route, route_quoted)."""
    route, (opening, closing, made) = _route(), _route_quoted()
    start = mention.start - (text[mention.start - 1:mention.start] in opening)
    between = text[mention.end:to.start]
    for word in made:
        between = between.removeprefix(word)
    between = between.lstrip(closing).rstrip(opening)
    # (… or with a town or park of it after the name, 从东莞长安到南昌小蓝: since session 53)
    return text[start - 1:start] in route["from"] and any(between.endswith(word) and _TOWN.fullmatch(between[:-len(word)]) for word in route["to"])


_TOWN = re.compile(r"[\u4e00-\u9fff]{0,4}")


@lru_cache(maxsize=1)
def _route() -> dict:
    return load_toml("regions.toml")["title_route"]


@lru_cache(maxsize=1)
def _route_quoted() -> tuple[str, str, tuple[str, ...]]:
    """A route's quote marks around its places, opening and closing, and the words made of a place (造, 制造…), longest
    first: data/regions.toml route_quoted."""
    quoted = load_toml("regions.toml")["route_quoted"]
    return quoted["open"], quoted["close"], tuple(sorted(quoted["made"], key=len, reverse=True))


def aided_region(title: str, region: Region) -> Region:
    """The place a paired-assistance text's title names besides its own region (深圳市对口支援新疆喀什地区…: 喀什地区;
    data/regions.toml aid_title), or Region() when the title is none such."""
    if not _aid_title().search(title):
        return Region()
    gaz = regions.gazetteer()
    # (not the helper's own city, 苏州市相城区对口帮扶石阡县…: 石阡县, not 苏州市; since session 62)
    helped = [m for m in gaz.find(title) if not any(place.path[:len(region.path)] == region.path or region.path[:len(place.path)] == place.path
                                                    for place in m.places)]
    found = gaz.resolve(helped) if helped and region.path else Region()
    return found if found.path and found.path[0] not in (regions.NATIONAL.path[0], regions.MULTI.path[0]) else Region()


@lru_cache(maxsize=1)
def _aid_title() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["aid_title"])


def partner(text: str, start: int) -> bool:
    """True when a headline names the place at start as its subject's partner (接轨杭州, 融入南京都市圈: data/regions.toml
    title_partners)."""
    return text[max(0, start - 2):start] in _partners()


@lru_cache(maxsize=1)
def _partners() -> tuple[str, ...]:
    return tuple(load_toml("regions.toml")["title_partners"])


@lru_cache(maxsize=1)
def _landing() -> re.Pattern:
    """A firm's landing after its home's name (…企业落户闽宁产业园: data/regions.toml [firm] landing)."""
    return re.compile(load_toml("regions.toml")["firm"]["landing"])


@lru_cache(maxsize=1)
def _fund_home() -> re.Pattern:
    """A fund or investor right after its home's name (上海产业基金…, 杭州一产业基金…: data/regions.toml fund_home)."""
    return re.compile(load_toml("regions.toml")["fund_home"])


@lru_cache(maxsize=1)
def _origin_counted() -> re.Pattern:
    """Firms counted right after their home's name (天水一封测企业…: data/regions.toml origin_counted)."""
    return re.compile(load_toml("regions.toml")["origin_counted"])


@lru_cache(maxsize=1)
def _origin_words() -> tuple[str, ...]:
    """What follows a place named as firms' home (data/regions.toml origin_after)."""
    return tuple(load_toml("regions.toml")["origin_after"])


@lru_cache(maxsize=1)
def _origin_trade() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["origin_trade"])


def _origin_of_firms(text: str, end: int) -> bool:
    """True when firms follow a place named up to `end`, as their home (深圳企业…, 深圳电路板企业…, 天水一封测企业…)."""
    trade = _origin_trade().match(text, end)
    return text.startswith(_origin_words(), trade.end() if trade else end) or bool(_origin_counted().match(text, end))


def _venue(text: str, mention) -> bool:
    """True when a place is an event's venue: in brackets after its name (…推介会（深圳）上的致辞), or with 在 and a verb of
    holding, the event named before or after (…推介会在深圳举行, 海口在深圳举办…推介会): data/regions.toml venue_events,
    venue_verbs."""
    events, verbs, _ = _words()
    if mention.start > 0 and text[mention.start - 1] in "（(" and text[mention.end:mention.end + 1] in "）)":
        # …推介会（深圳）上的致辞; 合肥市集成电路产业（上海）投资推介会 (the event's name goes on past the bracket: since session 51)
        after = text[mention.end + 1:mention.end + 9]
        return text[:mention.start - 1].endswith(events) or any(event in after for event in events)
    # (…推介会在深圳举行; since session 52 also 海口在深圳举办电子信息产业招商推介会: the event named after the verb)
    return text[mention.start - 1:mention.start] == "在" and text.startswith(verbs, mention.end) \
        and (any(event in text[:mention.start] for event in events) or any(event in text[mention.end:mention.end + 24] for event in events))


def names_event(title: str, held: bool = False) -> bool:
    """True when a title names an event (…论坛在苏州工业园区举办, 2025第三代半导体产业发展大会在深圳举行): one of
    data/regions.toml venue_events; with held, or says one is held (SEMICON China 2025开幕: venue_verbs)."""
    events, verbs, _ = _words()
    return any(event in title for event in events) or (held and any(verb in title for verb in verbs))


@lru_cache(maxsize=1)
def _acting_clause() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["acting_clause"])


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(venue_events, venue_verbs, branch_words) of data/regions.toml."""
    rules = load_toml("regions.toml")
    return tuple(rules["venue_events"]), tuple(rules["venue_verbs"]), tuple(rules["branch_words"])


def opens_firm(text: str, end: int) -> bool:
    """True when a firm's name follows a city named up to `end` (无锡|华澄微电子: data/regions.toml [firm])."""
    pattern, not_in_name, place_ends = _firm()
    found = end and text[end - 1] not in place_ends and pattern.match(text, end)
    return bool(found) and not not_in_name.search(found.group(1))


def _firm_before_site(text: str, mention, site) -> bool:
    """True when a title names a firm by its home and a brand right before the place of the firm's site (沈阳|芯科装备|
    大连|生产基地: data/regions.toml [firm] site_after): the home is the firm's, not the story's."""
    brand = text[mention.end:site.start]
    _, not_in_name, _ = _firm()
    return 2 <= len(brand) <= 6 and all("\u4e00" <= char <= "\u9fff" for char in brand) and not not_in_name.search(brand) \
        and bool(_site_after().match(text, site.end))


@lru_cache(maxsize=1)
def _site_after() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["firm"]["site_after"])


def counted_firms(text: str, mention) -> bool:
    """True when the place names the home of firms counted before it (三家南京半导体企业…: data/regions.toml [firm] counted)."""
    rule = _counted()
    return bool(rule[0].search(text, 0, mention.start)) and bool(rule[1].match(text, mention.end))


@lru_cache(maxsize=1)
def _counted() -> tuple[re.Pattern, re.Pattern]:
    rule = load_toml("regions.toml")["firm"]
    return re.compile(rule["counted"]), re.compile(rule["counted_after"])


@lru_cache(maxsize=1)
def _firm() -> tuple[re.Pattern, re.Pattern, str]:
    rule = load_toml("regions.toml")["firm"]
    return re.compile(f"({rule['name']})(?:{'|'.join(rule['words'])})(?!{rule['not_after']})"), re.compile(rule["not_in_name"]), \
        rule["not_place_ends"]


def title_region_of(title: str) -> Region:
    """The region a title names: what its places share when it names several apart
    (武汉、长沙、南昌…: 多地; 南京、无锡、常州…: 江苏省), else its one place."""
    mentions = subjects(title)
    found = regions.gazetteer().resolve(mentions)
    return shared_region(mentions, found) if found.path else found


def paired(mention) -> bool:
    """True when a place named is a park's name of two places (滨海—中关村科技园: mentions.paired_parks)."""
    return any(mark in mention.text for mark in _pair_separators())


@lru_cache(maxsize=1)
def _pair_separators() -> tuple[str, ...]:
    return tuple(load_toml("regions.toml")["paired_parks"]["separators"])

"""What a region name stands for when it is not one place: a regional group (长三角, 珠三角) named
in a title, a --region value (a place, a zone, a full or traditional name, a group), the region a
front matter states, and a name several divisions share, settled by the other cues.

The groups and their members come from data/groups.toml; places from the gazetteer (regions.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.own_level import own_level_words
from icpolicy.meta.regions import MULTI, NATIONAL, UNPLACED, below_city, common_prefix, gazetteer, meant
from icpolicy.models import Region
from icpolicy.text.normalize import normalise


@lru_cache(maxsize=1)
def groups() -> dict[str, list[tuple[str, ...]]]:
    """Regional groups (长三角, 京津冀…) and their member paths, from data/groups.toml."""
    raw = load_toml("groups.toml")
    members = {name: [tuple(path.split("/")) for path in paths] for name, paths in raw.get("groups", {}).items()}
    for alias, name in raw.get("aliases", {}).items():
        if name in members:
            members[alias] = members[name]
    return members


def group_region(text: str) -> Region | None:
    """The region of a text about a regional group (长三角, 珠三角…): what its members share
    (珠三角: 广东省), or 多地 when they lie in several provinces; None when it names no group."""
    members = members_named(text)
    return shared_by(members) if members else None


def shared_by(paths: list[tuple[str, ...]]) -> Region:
    """What the places of paths share: their common division, or 多地 when they lie in several provinces."""
    common = common_prefix(paths)
    return Region(common) if common else MULTI


def in_titled_group(title: str, found: Region) -> bool:
    """True when a title names a group of several provinces and found, the place it names besides, is one of its members
    (京企加速“落子”津冀燕赵大地…: 燕赵 is 河北, one of 津冀): the group is the title's subject (not a place inside a member:
    长三角…大会苏州专场 is 苏州's)."""
    members = members_named(title)  # (a group of several provinces: members that share no province, as group_region reads them)
    if not members or common_prefix(members):
        return False
    return any(found.path == path for path in members)


def members_named(text: str) -> list[tuple[str, ...]]:
    """The member paths of the groups a text names: groups.toml's, and two or more provinces named together by their
    one-character abbreviations (鲁闽浙, 苏浙皖赣, and since session 59 any two, 桂琼, 皖赣: regions.toml
    [headline_abbreviations.places])."""
    text = _people_of().sub("", text)  # (not a group naming where a person comes from: 一位东北汉子, 东北人; since session 62)
    members = [path for name in groups() if name in text for path in groups()[name]]
    provinces, run = _abbreviated_provinces()
    for match in run.finditer(text):
        if len(set(match.group())) == len(match.group()):
            members += [provinces[char] for char in match.group()]
    return members


@lru_cache(maxsize=1)
def _people_of() -> re.Pattern:
    """A group's name as where people come from (东北汉子, 东北人: data/regions.toml people_after)."""
    return re.compile("(?:" + "|".join(map(re.escape, sorted(groups(), key=len, reverse=True))) + ")(?=" + load_toml("regions.toml")["people_after"] + ")")


@lru_cache(maxsize=1)
def _abbreviated_provinces() -> tuple[dict[str, tuple[str, ...]], re.Pattern]:
    places = load_toml("regions.toml")["headline_abbreviations"]["places"]
    provinces = {char: (path,) for char, path in places.items() if "/" not in path}
    return provinces, re.compile("[" + "".join(provinces) + "]{2,}")


# a paragraph's number, then (_NUMBERED only) a short run-in heading sentence, then a viewpoint and a verb: what may
# stand before the group a paragraph opens on
_MARK = r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])?\s*"
_VIEW = r"(?:从[^，,。]{1,8}(?:看|来看)[，,]|[^，,。：:；;“”]{1,7}[，,])?(?:推动|推进|加快|深化|促进|支持)?"  # (…, or a short lead: 去年，值得一提的是，)
_NUMBERED, _NUMBERED_SHORT = re.compile(_MARK + r"(?:[^，。：:]{2,16}。)?" + _VIEW), re.compile(_MARK + _VIEW)


def group_lead(text: str) -> Region | None:
    """The region of a regional group a paragraph opens on (长株潭三市要…, （三）推动长株潭协同发展。…, （五）联动周边
    地区发展。宁镇扬地区要…, 从区域分布看，成都平原经济区…, 珠三角：…): what its members share, as group_region; None
    when its lead names no group."""
    if not _group_names().search(text, 0, 48):
        return None  # (most paragraphs name no group near their start)
    for found in (_NUMBERED.match(text), _NUMBERED_SHORT.match(text)):
        window = text[found.end():found.end() + 8]
        if _group_names().match(window):  # (not a partner after it: 加强与珠三角…的对接, 主动融入长株潭都市圈)
            return group_region(window)
    return None


@lru_cache(maxsize=1)
def _group_names() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(groups(), key=len, reverse=True))))



_PREFIX_FILTER = re.compile(r"^(全国|national)$", re.I)


def resolve_filter(name: str) -> list[tuple[str, ...]]:
    """Paths a --region value stands for (a place, a zone, a full name, a group); [] when unknown."""
    name = name.strip()
    if _PREFIX_FILTER.match(name):
        return [NATIONAL.path]
    if name in (MULTI.path[0], UNPLACED.path[0]):
        return [(name,)]
    if name in groups():
        return list(groups()[name])
    found = [place.path for place in gazetteer().lookup(name)]
    if not found and name != (folded := normalise(name)):  # 蘇州, 江蘇, 臺灣: the search form, as queries fold them
        return resolve_filter(folded)
    return found


def names_the_country(name: str) -> bool:
    """True when a --region value names the whole country (中国, 我国; data/groups.toml [country])."""
    return name.strip().lower() in _country_names()


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(load_toml("groups.toml").get("country", {}).get("names", []))


# what a short name left out of the table (南山, 江北: ordinary words, see stop_short) may stand for
_DIVISION_SUFFIXES = ("区", "县", "市", "旗", "新区", "自治县")


def filter_candidates(name: str) -> list[tuple[str, ...]]:
    """The divisions a --region value that names none may mean (南山: every 南山区), for the error."""
    name = normalise(name.strip())
    return sorted({place.path for suffix in _DIVISION_SUFFIXES for place in gazetteer().names.get(name + suffix, [])})


def stated_region(value: str) -> Region:
    """The region a front matter states (a place the gazetteer knows, 全国 or 多地), or Region()."""
    for constant in (NATIONAL, MULTI, UNPLACED):
        if value.strip() == constant.path[0]:
            return constant
    gaz = gazetteer()
    named = gaz.find(value) if value else []
    return settle(gaz.resolve(named), named)  # 南京市鼓楼区: the 鼓楼区 in 南京


def settle(found: Region, named: list) -> Region:
    """A place the title names that several divisions share (鼓楼区: 南京, 福州, 徐州, 开封) is the
    one inside the region the other cues found (南京市 in the text: 南京市鼓楼区)."""
    for mention in named:
        named_found = any(found.path[: len(p.path)] == p.path for p in mention.places)  # 长沙: 长沙市, not 长沙县
        if len(mention.places) < 2 or not found.path or named_found or _listed_inside(mention, named, found):
            continue
        # … or inside the city of the place the cues found, when that is a zone or a district beside it
        # (鼓楼区… whose text opens on 徐州经开区: 徐州市鼓楼区, not the zone)
        # (a 直辖市's district is two levels: 普陀区… whose text names 张江: 上海市普陀区)
        for above in (found.path, found.path[:-1] if below_city(found.path) else ()):
            inside = [p for p in mention.places if len(p.path) > len(above) and p.path[: len(above)] == above] if above else []
            if len(inside) == 1:
                return Region(inside[0].path)
    return found


def _listed_inside(mention, named: list, found: Region) -> bool:
    """True when the title names, beside the shared name, another place inside found that is none of its namesakes'
    (陕西多市…：西安领跑 宝鸡咸阳汉中…: 陕西省 speaks for them all, not for 西安 alone)."""
    inside = {p.path for m in named if m is not mention and len(m.places) == 1 for p in m.places
              if len(p.path) > len(found.path) and p.path[:len(found.path)] == found.path}
    return any(not any(path[:len(q.path)] == q.path or q.path[:len(path)] == path for q in mention.places) for path in inside)


def numbered(found: Region, named: list, number: str) -> Region:
    """A place the title names that several divisions share, told apart by its 文号 when the other cues did not
    settle it: the one division whose city, or whose province by its abbreviation, the 文号's first character
    names (沈铁西政发…: 沈阳市铁西区, not 鞍山市's; 津东政规…: 天津市河东区, not 临沂市's); found otherwise."""
    if not number or (found.path and found.path not in (UNPLACED.path, NATIONAL.path) and not _above(found, named)):
        return found
    gaz = gazetteer()
    head = number[0]
    for mention in named:
        if len(mention.places) < 2:
            continue
        hits = [p for p in mention.places if (found.path in ((), UNPLACED.path, NATIONAL.path) or p.path[: len(found.path)] == found.path)
                and (any(name[0] == head for name in p.path[1:-1]) or p.path[:1] == gaz.abbreviated(head)[:1] != ())]
        if len(hits) == 1:
            return Region(hits[0].path)
    return found


def _above(found: Region, named: list) -> bool:
    """True when found lies above one of the places a shared name stands for (黑龙江省 above 佳木斯市向阳区)."""
    return any(len(p.path) > len(found.path) and p.path[: len(found.path)] == found.path for m in named if len(m.places) > 1 for p in m.places)


def listed_common(text: str, mentions: list, found: Region) -> Region:
    """What the first two places listed side by side in a line share (支持新吴区、江阴市建设… in a text that names
    no place of its own: 无锡市), when found is one of them, neither holds the other, and they lie in one
    province; found otherwise.  A name several places share is the one in the other's province (南关区、朝阳区… in 长春:
    since session 61), on either side of the pair (宝山区、嘉定区: 上海's; since session 65, when the pair is read wherever it
    stands first in the line, not only as its first two names)."""
    pair = next(((a, b) for a, b in zip(mentions, mentions[1:]) if b.start - a.end <= 1 and text[a.end:b.start] in _LISTED), None)
    if pair is None:
        return found
    options = [(x.path, y.path, _common(x.path, y.path)) for x in pair[0].places for y in pair[1].places if x.path[:1] == y.path[:1]]
    closest = max((len(common) for _, _, common in options), default=0)
    options = [option for option in options if len(option[2]) == closest]  # (鼓楼区、江宁区: 南京's pair, not 徐州's and 南京's)
    if len(options) != 1:
        return found
    first, second, common = options[0]
    if found.path not in (first, second) or first[:len(second)] == second or second[:len(first)] == first:
        return found
    return Region(common) if common else found


def _common(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """The levels two paths share from the top."""
    common: tuple[str, ...] = ()
    for a, b in zip(first, second):
        if a != b:
            break
        common += (a,)
    return common


_LISTED = ("", "、", "和", "与", "及", "，", ",")


def city_first(in_title: list, found: Region, title: str = "") -> Region:
    """The city of a title that names it first and one of its districts or counties later, apart (深圳低空物流航线
    突破两百条 宝安区无人机起降点加密布局: 深圳 is the subject, 宝安区 one part of the story), else found.  Written
    together (深圳市宝安区…, 深圳宝安…) they name the district."""
    if len(found.path) < 3:
        return found
    mentions = [m for m in in_title if m.places]
    if len(mentions) < 2 or not any(p.path == found.path[:-1] for p in mentions[0].places):
        return found
    rest = [m for m in mentions[1:] if any(p.path == found.path for p in m.places)]
    if rest and rest[0].start > mentions[0].end + 1:
        return Region(found.path[:-1])
    # … and so does one naming two of its districts, the first written with it (深圳南山设计宝安制造 两区…): both are parts
    return Region(found.path[:-1]) if rest and title and _sibling_named(title[rest[0].end:], found) else found


def _sibling_named(text: str, found: Region) -> bool:
    """Whether text names another district or county of found's city, in full or by its short name, a word or not (宝安)."""
    gaz = gazetteer()
    city = found.path[:-1]
    return any(place.path[:-1] == city and place.path != found.path and any(name in text for name in gaz.names_of(place))
               for place in gaz.by_path.values() if len(place.path) == len(found.path))


def short_named_in_full(title: str, in_title: list, opening: list[str]) -> Region:
    """The county a title names by its short name alone (义乌光伏产业链加速集聚) when the opening names it in full
    (义乌市) or names a zone by it (浏阳经开区, since session 54): a county's short name is often a word (资源, 城区), so only
    the text's full name confirms it; or (since session 50) when the headline leads with it, as an outlet leads with the
    place a story is from (西昌：钒钛资源…)."""
    text = "\n".join(opening[:8])
    zoned = None  # the places the opening's zones of a county are filed under (浏阳经开区: 浏阳市; since session 54)
    for mention in in_title:
        led = mention.start == 0 and title.startswith(_HEADLINE_LEAD, mention.end)
        confirmed = [place for place in mention.places if mention.short and place.level == 2 and (led or _in_full(place.path[-1], text))]
        if not confirmed and mention.short:
            zoned = _zoned_places(text) if zoned is None else zoned
            confirmed = [place for place in mention.places if place.level == 2 and place.path in zoned]
        if len(confirmed) == 1:
            return Region(confirmed[0].path)
    return Region()


def settled_in_full(in_title: list, found: Region, opening: list[str]) -> Region:
    """A name a title gives several places (吉林: the province and its city) that the found region is no more than the
    common part of, settled by the one place of them the opening's first lines name in full (在吉林市采访时…), when they
    name no other of them so (since session 49); found otherwise."""
    text = "\n".join(opening[:4])
    for mention in in_title:
        if len(mention.places) < 2 or common_prefix([p.path for p in mention.places]) != found.path:
            continue
        confirmed = [place for place in mention.places if place.path[-1] in text]
        if len(confirmed) == 1 and confirmed[0].path != found.path:
            return Region(confirmed[0].path)
    return found


_HEADLINE_LEAD = ("：", ":", "丨", "｜", "|")  # 西昌：…, 凯里丨…: a headline's place lead


def _zoned_places(text: str) -> set[tuple[str, ...]]:
    """The places that zones text names by a county's name are filed under (在浏阳经开区…: 浏阳市)."""
    gaz = gazetteer()
    return {gaz.resolve([m]).path for m in gaz.find(text) if not m.short and gaz.zone_end(m.text)}


def _in_full(name: str, text: str) -> bool:
    """True when text names a county-level place in full (太仓市), or by its short name right before a word of its own
    level (太仓全市…, 太仓市委: own_level of data/regions.toml)."""
    if name in text:
        return True
    own = own_level_words(Region(("", "", name)))
    short = name[:-1]
    return own is not None and any(own.match(text, m.end()) for m in re.finditer(re.escape(short), text))


def panel_region(title: str, line: str) -> Region | None:
    """In a panel's text (a title with a word of data/regions.toml panel_titles), the places a line says its participants
    come from (来自苏州、无锡、合肥、深圳四地企业的负责人): what they share, or 多地; None when the line lists no two."""
    if not any(word in title for word in _panel()[0]):
        return None
    return participants_from(line)


def participants_from(line: str, host: Region = Region()) -> Region | None:
    """The places a line says participants come from (来自江苏、山东、湖南、陕西的企业代表…: data/regions.toml
    participants): what they share, or 多地; None when it lists no two, or when it names the host's place (host, or one
    inside it) before them (云南省…签约会在昆明举行，来自广东、江苏…的企业参会: the host's event; since session 54)."""
    listed = _panel()[1].search(line)
    if listed and host.path and any(p.path[:len(host.path)] == host.path for m in gazetteer().find(line[:listed.start()]) for p in m.places):
        return None
    places = [m.places[0].path for m in gazetteer().find(listed.group(1)) if len(m.places) == 1] if listed else []
    return shared_by(places) if len(set(places)) >= 2 else None


@lru_cache(maxsize=1)
def _panel() -> tuple[tuple[str, ...], re.Pattern]:
    rules = load_toml("regions.toml")
    return tuple(rules["panel_titles"]), re.compile(rules["participants"])


_TWO_SIDES = re.compile(r"(?:一边|一方|一头)是([^，,。；;]{2,40})[，,；;]\s*(?:另)?(?:一边|一方|一头)(?:则)?是([^，,。；;]{2,40})")


def two_sides(text: str) -> Region | None:
    """The region of an opening that sets two sides side by side (一边是武汉…的企业，一边是长沙…的公司), each naming a
    place: what the two share, or 多地 (since session 49); else None."""
    sides = _TWO_SIDES.search(text)
    if not sides:
        return None
    mentions = gazetteer().find(text)
    paths = []
    for group in (1, 2):
        inside = [meant(m, mentions) for m in mentions if sides.start(group) <= m.start < sides.end(group)]
        if not inside or len(inside[0]) != 1:
            return None
        paths.append(inside[0][0].path)
    if paths[0][:len(paths[1])] == paths[1] or paths[1][:len(paths[0])] == paths[0]:
        return None
    return shared_by(paths)


def labelled_site(lines: list[str], seat: bool = True) -> Region:
    """The place a notice's labelled site line names (建设地点：江苏省南通市通州区…: data/regions.toml site_line), else its
    firm's labelled seat (注册地址：…: seat_line), or Region() when none of the lines is one, or when they name
    several places (a list of projects, 建设地点：沙坪坝区… then 建设地点：两江新区…: no one site's; since session 56)."""
    for pattern in _site_lines()[:2 if seat else 1]:  # (a site before the firm's seat)
        named = {gazetteer().resolve(gazetteer().find(found.group(1))) for found in map(pattern.match, lines) if found}
        if named:
            return named.pop() if len(named) == 1 else Region()
    return Region()


def firm_notice(title: str) -> bool:
    """Whether the title is a firm's notice (…股份有限公司关于…的公告: data/regions.toml firm_notice)."""
    return bool(_site_lines()[2].match(title))


@lru_cache(maxsize=1)
def _site_lines() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    rules = load_toml("regions.toml")
    return re.compile(rules["site_line"]), re.compile(rules["seat_line"]), re.compile(rules["firm_notice"])


"""Place names found in text (Mention) and the divisions they may mean (Place), and the rules that read them beside
one another: which of a shared name's divisions another name supports (meant), what paths share (common_prefix), a park
two places' names make (paired_parks), a programme a quoted name makes (programme).  The
gazetteer (regions.py) finds them; these read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.text.tokens import starts_inside_word


@dataclass(frozen=True)
class Place:
    """One division: its path from the province down and the level of its last element (0, 1, 2)."""

    path: tuple[str, ...]
    level: int


@dataclass(frozen=True)
class Mention:
    """A place name found in text: where, which spelling, and every division it may mean."""

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    short: bool



def below_city(path: tuple[str, ...]) -> bool:
    """True when a path names a division below a city: a county-level one (江苏省/徐州市/鼓楼区) or a
    直辖市's district (上海市/普陀区), whose city is path[:-1]."""
    return len(path) >= 3 or (len(path) == 2 and path[0].endswith("市"))


def sole_place(mention: Mention) -> tuple[str, ...]:
    """The division a short name means when only one bears it (嘉善: 嘉善县; 昆山: 昆山市), which the gazetteer's resolve does
    not give for a short name alone; else ()."""
    return mention.places[0].path if mention.short and len(mention.places) == 1 else ()


def covers(mentions: list[Mention], name: str) -> bool:
    """True when the mentions follow each other without a gap and cover the whole name."""
    position = 0
    for mention in mentions:
        if mention.start != position:
            return False
        position = mention.end
    return position == len(name)


def is_ancestor(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) <= len(b) and b[: len(a)] == a


def supported_places(mention: Mention, mentions: list[Mention]) -> list[Place]:
    """Those of a mention's places that another of the mentions supports: an ancestor or a place inside it (南京市 for
    鼓楼区); support comes from another name, not from the same name written again."""
    return [p for p in mention.places if any(_related(p, other) for m in mentions if m.places != mention.places for other in m.places)]


def meant(mention: Mention, mentions: list[Mention]) -> list[Place]:
    """The divisions a mention may mean beside the others: a county's short form (资源, 青浦) is an ordinary word unless
    its city or province is named too; of a name several share, those another name supports (福州市鼓楼区: 福州's), else
    the one of the highest level when one is (西安: the city, not 辽源's 西安区); else all."""
    candidates = list(mention.places)
    supported = supported_places(mention, mentions)
    if mention.short:
        candidates = [p for p in candidates if p.level < 2 or p in supported]
    if len(candidates) > 1 and supported:
        candidates = supported
    if len(candidates) > 1:
        shallowest = min(p.level for p in candidates)
        top = [p for p in candidates if p.level == shallowest]
        candidates = top if len(top) == 1 else candidates
    return candidates


def meant_places(mentions: list[Mention]) -> set[tuple[str, ...]]:
    """The paths the mentions name: a name of one division, that one (a county's short name too: 从昆山到太仓); a name
    several share, as `meant` reads it, and none when nothing settles it (福州市鼓楼区: 福州's, not 南京's 鼓楼区 too)."""
    return {m.places[0].path for m in mentions if len(m.places) == 1} \
        | {found[0].path for found in (meant(m, mentions) for m in mentions if len(m.places) > 1) if len(found) == 1}


def _related(a: Place, b: Place) -> bool:
    return is_ancestor(a.path, b.path) or is_ancestor(b.path, a.path)


def common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The path every one of paths begins with (江苏省/苏州市 and 江苏省/无锡市: 江苏省), () when none."""
    prefix: tuple[str, ...] = ()
    for parts in zip(*paths):
        if len(set(parts)) != 1:
            break
        prefix += (parts[0],)
    return prefix


def paired_parks(text: str, mentions: list[Mention], separators: tuple[str, ...], park: re.Pattern) -> list[Mention]:
    """Two places' names joined by a dash and a park's word (江阴—靖江工业园区, 相城—泗洪工业园区: data/regions.toml
    [paired_parks]) as one name, the park's, which lies in the second: the first builds it on the second's land."""
    out: list[Mention] = []
    for mention in mentions:
        first = out[-1] if out else None
        if first is not None and mention.start == first.end + 1 and text[first.end] in separators:
            # (the park's word read with the second name, 靖江工业园区, or after it)
            word = park.match(text, mention.end)
            end = word.end() if word else mention.end if park.search(mention.text[-6:]) else 0
            if end:
                out[-1] = Mention(first.start, end, text[first.start:end], mention.places, False)
                continue
        out.append(mention)
    return out


def epithets(mentions: list[Mention]) -> list[Mention]:
    """A county's or district's short name written right before a city's name as its epithet (上党长治, 鹿城包头: an old
    name, or a popular one another division bears) as one name, the city's: no text names a district before its own
    city, nor runs a district elsewhere into a city (since session 47)."""
    out: list[Mention] = []
    for mention in mentions:
        first = out[-1] if out else None
        cities = tuple(p for p in mention.places if p.level == 1 and len(p.path) == 2 and not p.path[0].endswith("市"))
        if first is not None and first.end == mention.start and first.short and first.places and cities \
                and all(p.level == 2 for p in first.places) and all(p in cities or p.level == 0 for p in mention.places):
            # (江城吉林: a city's epithet, so 吉林市, not the province the name also is)
            out[-1] = Mention(first.start, mention.end, first.text + mention.text, cities, mention.short)
            continue
        out.append(mention)
    return out


def zones_after_places(mentions: list[Mention], zone_end: re.Pattern) -> list[Mention]:
    """A zone's name right after a division's full name (朝阳县柳城经济开发区), or a short name only one division bears
    (河源江东新区, not 海口's 江东新区: since session 51), is a zone of that division: one name, the division's, not the zone
    of another place whose short name it bears (柳城县's; since session 50); not after a zone's
    (西宁经济技术开发区南川工业园区: a park inside the zone, read as before)."""
    out: list[Mention] = []
    for mention in mentions:
        first = out[-1] if out else None
        if first is not None and first.end == mention.start and (not first.short or len(first.places) == 1) and first.places \
                and zone_end.search(mention.text) \
                and not zone_end.search(first.text) \
                and not any(is_ancestor(q.path, p.path) for p in mention.places for q in first.places):
            out[-1] = Mention(first.start, mention.end, first.text + mention.text, first.places, first.short)
            continue
        out.append(mention)
    return out


def programme(text: str, mention: Mention, words: tuple[str, ...]) -> bool:
    """True when a place's name opens a quoted name of a programme (实施“钱塘英才”计划, “西湖明珠”工程: data/regions.toml
    programme_after right after the closing quote; since session 46): a programme, not the place."""
    if not mention.start or text[mention.start - 1] != "“":
        return False
    closed = text.find("”", mention.end, mention.end + 8)
    return closed > mention.end and text.startswith(words, closed + 1)


def under(mention: Mention, before: Mention) -> Mention:
    """The mention with only the places that lie inside a place the mention before names (since session 49); as it is
    when it may be that place itself, named again by another name (星城长沙: 长沙市, not 长沙县)."""
    if any(p.path == q.path for p in mention.places for q in before.places):
        return mention
    inside = tuple(p for p in mention.places if any(p.path[:len(q.path)] == q.path != p.path for q in before.places))
    return Mention(mention.start, mention.end, mention.text, inside, mention.short) if inside else mention


_SIBLING_WORDS = ("与", "和", "、", "及", "同", "跟")  # a word between two divisions of one city named side by side
_SIBLING_LINK = ("", *_SIBLING_WORDS, " ", "\u3000")  # … or nothing, or a space


def after_sibling(text: str, start: int, before: "Mention | None", places=None) -> tuple[Place, ...]:
    """Of the divisions a name that is also a word may mean (铁西, 长安), the one of the city whose other division is named
    right before it, with nothing or an 与 between (浑南铁西, 雁塔与长安: 沈阳's, 西安's): two districts of one city side by
    side (since session 49)."""
    if before is None or len(before.places) != 1 or len(before.places[0].path) < 2 or text[before.end:start] not in _SIBLING_LINK:
        return ()
    parent = before.places[0].path[:-1]
    return tuple(place for place in places if place.path[:-1] == parent and place.path != before.places[0].path)


def before_sibling(text: str, end: int, places, find) -> tuple[Place, ...]:
    """Of the divisions a name that is also a word may mean (长安), the one of the city whose other division is named right
    after it with an 与, 和 or 、 between (长安与高陵: 西安's; find reads the name after): two districts of one city side by
    side, the word first (since session 65)."""
    if not text.startswith(_SIBLING_WORDS, end):
        return ()
    after = find(text[end + 1:end + 9])
    if not after or after[0].start != 0 or len(after[0].places) != 1 or len(after[0].places[0].path) < 2:
        return ()
    parent = after[0].places[0].path[:-1]
    return tuple(place for place in places if place.path[:-1] == parent and place.path != after[0].places[0].path)


def quoted_brand(text: str, mention: Mention, before: list[Mention], zone_paths) -> bool:
    """True when a zone's name stands in quotation marks as another place's brand: after other characters inside the
    quotes (“赣西光谷”), or right after another place's name (宜春“光谷”产业园)."""
    if mention.start == 0 or not mention.places or not all(p.path in zone_paths for p in mention.places):
        return False
    opened = text.rfind("“", max(0, mention.start - 8), mention.start)
    if opened < 0 or "”" in text[opened:mention.start] or "”" not in text[mention.end:mention.end + 12]:
        return False
    if opened < mention.start - 1:
        return True
    return bool(before) and before[-1].end == opened and not any(
        q.path[:len(p.path)] == p.path for p in before[-1].places for q in mention.places)


def uncut(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions but a city's or county's short name of two characters that a dictionary word runs into from before
    (面临高端: 面临 ends on 临高's first character; since session 56), read in the whole text."""
    return [m for m in mentions if not (m.short and len(m.text) == 2 and m.places and all(p.level for p in m.places)
                                        and starts_inside_word(text, m.start, m.end))]


def person_origin(text: str, mention, mentions: list) -> bool:
    """True when the place at mention, alone or with the places written right after it, is a person's home (江苏常州人，…:
    data/regions.toml person_home_after)."""
    end = mention.end
    for later in mentions:
        if later.start == end:
            end = later.end
    return bool(_origin_after().match(text, end))


@lru_cache(maxsize=1)
def _origin_after() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["person_home_after"])

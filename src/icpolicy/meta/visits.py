"""Journeys and visits a title tells of: places visited (赴深圳东莞考察: travels, visited_places, visited_site), travellers
who are the text's own (我市经贸代表团赴…: own_travellers), a delegation coming to its host (…代表团来锡考察:
host_of_visitors), and a study visit's report (reports_visit, visited_lead).  Used by title_places, document and the
tagger (since session 62, from title_places)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.mentions import Mention
from icpolicy.meta.own_level import is_within
from icpolicy.models import Region


def visited_run(text: str, mention, mentions: list) -> bool:
    """Whether a place written right after a place visited runs on with places so written to a word of visiting
    (赴深圳东莞考察学习: 东莞 visited too; data/regions.toml visit_after)."""
    end = _run(text, mention, mentions)[-1].end
    return text.startswith(_visit_after(), end) or bool(_visit_through().match(text, end))


def _run(text: str, mention, mentions: list) -> list:
    """mention and the places written right after it, one after another (深圳东莞; since session 62 also listed with 、
    和 及 与: 江苏苏州、无锡)."""
    run = [mention]
    for later in mentions:
        end = run[-1].end
        if later.start == end or (later.start == end + 1 and text[end] in "、和及与"):
            run.append(later)
    return run


@lru_cache(maxsize=1)
def _visit_through() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["visit_through"] + "(?:" + "|".join(_visit_after()) + ")")


def host_of_visitors(text: str, kept: list) -> list | None:
    """The places of a title telling of a delegation coming here (遵义市党政代表团来锡考察: data/regions.toml visitors_coming),
    without the visitors: the host named after 来, by its name or a city's one-character name (锡: 无锡市), or none; None
    when the title tells of no such visit."""
    coming = _visitors_coming()
    visitors = [m for m in kept if coming.match(text, m.end)]
    if not visitors:
        return None
    end = coming.match(text, visitors[0].end).end()
    host = [m for m in kept if m.start == end]
    path = regions.gazetteer().abbreviated(text[end:end + 1]) if not host and text.startswith(_visit_after(), end + 1) else ()
    place = regions.gazetteer().by_path.get(path) if path else None
    return host or ([Mention(end, end + 1, text[end], (place,), True)] if place else [])


@lru_cache(maxsize=1)
def _visitors_coming() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["visitors_coming"])


def visited_places(title: str) -> list[tuple[str, ...]]:
    """The places a journey's title visits (…赴苏州开展…招商: 苏州市; 赴深圳东莞考察: both), as paths."""
    mentions = regions.gazetteer().find(title)
    visits = [n for m in mentions if _visited(title, m, mentions) for n in _run(title, m, mentions)]
    return [place.path for m in visits for place in m.places if m.short is False or len(m.places) == 1 or place.level < 2]


def visited_site(text: str, visited: list[tuple[str, ...]]) -> Region:
    """The place inside the places a journey visits that a paragraph opens on after 在 by a short or shared name (在昆山，
    代表团… under …赴苏州…: 昆山市; 在南山区，… under …赴深圳…: 深圳's), or Region() (since session 62)."""
    if not visited or not text.startswith("在"):
        return Region()
    lead = regions.gazetteer().find(text[1:16])
    if not lead or lead[0].start != 0:
        return Region()
    inside = [p.path for p in lead[0].places if any(p.path[:len(v)] == v for v in visited)]
    return Region(inside[0]) if len(inside) == 1 else Region()


def own_travellers(title: str) -> bool:
    """Whether a journey's title names its travellers as the text's own (我市经贸代表团赴深圳…: data/regions.toml
    own_travellers), or as a leader leading a team, named by no place (陈某某率队赴深圳东莞…: led_travellers), so that
    the places it visits are no subject of it."""
    if not travels(title):
        return False
    if _own_travellers().search(title):
        return True
    led = _led_travellers().search(title)  # 陈某某率队赴深圳东莞…: a leader named by no place (since session 68)
    # (… a name that holds a place's, 陈江北 with 江北区, is a name)
    return bool(led) and (not regions.gazetteer().find(title[:led.start()]) or bool(_person().fullmatch(title, 0, led.start())))


def led_visits(title: str) -> list[tuple[str, ...]]:
    """The places a title's leader named by no place visits (某某在沪苏走访集成电路企业时强调: regions.toml travel_words
    at, then places, by name or by one-character names, and a word of visiting), or [] (since session 68)."""
    found = _led_at().match(title)
    if not found:
        return []
    gaz, at = regions.gazetteer(), found.end()
    mentions = gaz.find(title)
    first = next((m for m in mentions if m.start == at), None)
    if first is not None:
        return [p.path for m in _run(title, first, mentions) for p in m.places if len(m.places) == 1 or p.level < 2] \
            if visited_run(title, first, mentions) else []
    end = at
    while end < len(title) and gaz.abbreviated(title[end]):
        end += 1  # (沪苏: 上海市, 江苏省)
    return [gaz.abbreviated(c) for c in title[at:end]] if end > at and title.startswith(_visit_after(), end) else []


@lru_cache(maxsize=1)
def _led_at() -> re.Pattern:
    return re.compile(_person().pattern + load_toml("regions.toml")["travel_words"]["at"])


@lru_cache(maxsize=1)
def _own_travellers() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["own_travellers"])


@lru_cache(maxsize=1)
def _led_travellers() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["led_travellers"])


@lru_cache(maxsize=1)
def _person() -> re.Pattern:
    """A person's name alone: a surname and one or two characters (regions.toml surnames)."""
    return re.compile(load_toml("regions.toml")["surnames"] + "[\u4e00-\u9fff]{1,2}")


def travels(title: str) -> bool:
    """Whether a title tells of a journey to places to visit them (济南市代表团赴合肥考察学习…, 前往深圳东莞调研: data/
    regions.toml visit_after): a story of the visitors, whose openings name the places visited."""
    mentions = regions.gazetteer().find(title)
    return any(_visited(title, m, mentions) for m in mentions)


def _visited(title: str, mention, mentions: list) -> bool:
    """Whether a title's place is one a journey goes to (_goes_to) and visits: a word of visiting after it and the places
    written with it (visited_run), or a word that is the visit itself before it (回访武汉…: travel_words alone)."""
    return _goes_to(title, mention.start) and (visited_run(title, mention, mentions) or title[:mention.start].endswith(tuple(_travel_words()["alone"])))


def _goes_to(title: str, at: int) -> bool:
    """Whether a place at `at` is where a journey goes: after 赴 or 前往, after 回访 (a return visit), or after 到 when a
    delegation goes (西安高新区代表团到两江新区考察…; since session 68: regions.toml travel_words)."""
    before = title[:at]
    words = _travel_words()
    return before.endswith(tuple(words["to"])) or (before.endswith(tuple(words["party_to"])) and bool(re.search(words["party"], before)))


@lru_cache(maxsize=1)
def _travel_words() -> dict:
    return load_toml("regions.toml")["travel_words"]


@lru_cache(maxsize=1)
def _visit_after() -> tuple[str, ...]:
    return tuple(load_toml("regions.toml")["visit_after"])


@lru_cache(maxsize=1)
def _visit_title() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["visit_title"])


def reports_visit(title: str) -> bool:
    """Whether a title reports a study visit (深圳、东莞…学习考察报告: regions.toml visit_title), naming the places visited."""
    return bool(_visit_title().search(title))


def visited_lead(title: str, opening, region: Region) -> bool:
    """Whether, in a study visit's report (reports_visit), a marked lead (合肥市：…; opening: a sections.Opening or
    None) names a place outside the visitor's and not above it: what follows is about the place visited, until a
    top heading."""
    return bool(opening and opening.marked and reports_visit(title) and region.path and opening.region not in (regions.NATIONAL, regions.MULTI)
                and opening.region != region and not is_within(opening.region, region) and not is_within(region, opening.region))

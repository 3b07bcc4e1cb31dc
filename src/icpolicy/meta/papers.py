"""Newspaper pages and their own place: the place a page's masthead names (paper_place), whether the page speaks as that
place (paper_speaks), the home of a journey whose travellers are the text's own (travellers_home: 我市经贸代表团赴深圳…), and
the place of the outlet a story is published by (outlet_place: 苏州日报 on a story of 合肥).  Used by document.py (since
session 62) and the tagger (since session 63)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.meta import regions
from icpolicy.meta.by_place import list_opening
from icpolicy.meta.doc_title import JUNK_LINE, masthead_paper
from icpolicy.meta.mentions import sole_place
from icpolicy.meta.own_level import first_person, is_within, names_at_or_inside, own_level_words
from icpolicy.meta.places import excluded
from icpolicy.meta.section_ends import subheading
from icpolicy.models import Region
from icpolicy.text.passages import split_sentences


def paper_place(opening: list[str]) -> Region:
    """The place a newspaper page's masthead names (泉州晚报: 泉州市; 江阴日报, 嘉善新闻: the one county so named), or none."""
    return _paper_place(tuple(opening[:3]))


@lru_cache(maxsize=64)  # (a document's region, round-up and travellers' rules each ask for its paper's place)
def _paper_place(lines: tuple[str, ...]) -> Region:
    gaz = regions.gazetteer()
    for paper in filter(None, map(masthead_paper, lines)):
        named = gaz.find(paper)
        found = gaz.resolve(named) if named else Region()
        if named and not found.path and sole_place(named[0]):
            found = Region(sole_place(named[0]))
        if found.path:
            return found
    return Region()


def paper_speaks(opening: list[str]) -> bool:
    """Whether a newspaper page's first lines speak as the place its masthead names (淮安日报 over 编者按：…汇集我市…一周动态):
    the paper's own story or digest, no round-up of the places its items name (since session 62)."""
    paper = paper_place(opening)
    own = own_level_words(paper) if paper.path else None
    return bool(own and any(own.search(text) for text in opening[:6]))


def travellers_home(title: str, opening: list[str]) -> Region:
    """The home of a journey's own travellers (我市经贸代表团赴深圳…: visits.own_travellers): the first place the
    opening names outside the places the title visits (…研究在赣州建设存储…), inside the place the paper's masthead names
    if it names one; else that place (嘉善新闻), or none (since session 62)."""
    gaz = regions.gazetteer()
    visited = [place.path for m in gaz.find(title) for place in m.places]
    paper = paper_place(opening)
    for text in opening:
        if JUNK_LINE.match(text):
            continue
        for mention in gaz.find(text):
            found = gaz.resolve([mention])
            if found.path and not excluded(text, mention.start) and not any(found.path[:len(v)] == v or v[:len(found.path)] == found.path for v in visited) \
                    and (not paper.path or found == paper or is_within(found, paper)):
                return found  # (under a city's paper, one of its counties the opening names: 湖州日报 …长兴县（苏州）…招商会)
    # (not a paper of the places visited, 无锡日报 over 王某某在无锡调研…: no travellers' home; since session 68)
    return Region() if any(v[:len(paper.path)] == paper.path for v in visited) else paper


SOURCE_LINE = re.compile(r"(?:来源|信息来源|文章来源|稿源)[:：]\s*([\u4e00-\u9fff]{2,12})")
_OUTLET = re.compile(r"(?:日报|晚报|都市报|商报|新闻|融媒体中心|广播电视台|电视台|报)$")


def sources(opening: list[str], hints: dict) -> list[str]:
    """The bodies or outlets a text names as its source (来源：金华日报, 来源：工业和信息化部电子信息司; a page's meta)."""
    return [hints.get("source", "")] + [m.group(1) for text in opening[:6] for m in SOURCE_LINE.finditer(text)]


BEYOND = ("香港特别行政区", "澳门特别行政区", "台湾省")  # places outside the mainland a mainland text names as partners or sources


def mainland_source(opening: list[str], hints: dict) -> Region:
    """The mainland place the page's publisher or source line names (信息来源：宁波市商务局), else none (since session 67)."""
    gaz = regions.gazetteer()
    for source in (hints.get("site", ""), *sources(opening, hints)):
        found = gaz.resolve(gaz.find(source)) if source else Region()
        if found.path and found.path[0] not in BEYOND:
            return found
    return Region()


def outlet_place(opening: list[str], hints: dict) -> Region:
    """The place of the paper or station that publishes a story: its masthead's (paper_place), else the one place an
    outlet named as the source names (来源：湖南日报, a page's ContentSource), or none (since session 63)."""
    found = paper_place(opening)
    if found.path:
        return found
    gaz = regions.gazetteer()
    for source in sources(opening, hints):
        named = gaz.find(source) if source and _OUTLET.search(source) else []
        if named and named[0].start == 0:
            found = gaz.resolve(named[:1])
            if found.path and found not in (regions.NATIONAL, regions.MULTI):
                return found
    return Region()


_QUOTE = re.compile(r"“[^”]*”")


def outlet_voice(text: str, outlet: Region) -> bool:
    """Whether a passage speaks in its outlet's own voice (我市, 我省: own_level.first_person) outside quotes, with no place but
    the outlet's named before it in its sentence (编者按：集成电路是我市…, 业内人士建议，我市可借鉴合肥… in 苏州日报's story of
    合肥; not 合肥市发展改革委负责人表示，我市…, the place visited speaking; since session 63)."""
    words = first_person(outlet, formal=False)
    if words is None:
        return False
    gaz = regions.gazetteer()
    for sentence in split_sentences(_QUOTE.sub("", text)):
        found = words.search(sentence)
        if found and all(names_at_or_inside([m], outlet.path) for m in gaz.find(sentence[:found.start()])):
            return True
    return False


def outlet_heading(text: str, outlet: Region) -> bool:
    """Whether a story's subheading names its outlet's place and no other (对苏州的启示, 【长沙怎么办】, 无锡可以学什么？:
    since session 63)."""
    line = text.strip("【】[] ").rstrip("？?！!")
    named = regions.gazetteer().find(line) if subheading(line) and not masthead_paper(text) and not _STAFF.search(line) else []
    return bool(named) and all(names_at_or_inside([m], outlet.path) for m in named)


_STAFF = re.compile(r"报|记者|通讯员|编辑|摄影|新闻|融媒体|电视|广播")  # (a byline, 珠海特区报记者　某某, is no subheading)


def outlet_subject(text: str, opening: Region | None, outlet: Region) -> tuple[Region | None, bool]:
    """The paper's own place a passage of its story about a place apart is about, or None, and whether the passage opens
    that place's section: a subheading naming it (outlet_heading), the paper's voice (outlet_voice), a passage opening on it
    or a place inside it (珠海集成电路产业以设计业为主… in 珠海特区报's story of 绍兴), or on a list of its places (珠海高新区、
    金湾区可发挥…; since session 63)."""
    if outlet_heading(text, outlet):
        return outlet, True
    if outlet_voice(text, outlet):
        return outlet, False
    if opening is not None:
        return (opening if opening == outlet or is_within(opening, outlet) else None), False
    listed = list_opening(text)
    return (outlet if listed and names_at_or_inside([listed], outlet.path) else None), False


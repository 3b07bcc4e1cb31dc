"""Newspaper pages and their own place: the place a page's masthead names (paper_place), whether the page speaks as that
place (paper_speaks), and the home of a journey whose travellers are the text's own (travellers_home: 我市经贸代表团赴深圳…).
Used by document.py (since session 62)."""

from __future__ import annotations

from functools import lru_cache

from icpolicy.meta import regions
from icpolicy.meta.doc_title import JUNK_LINE, masthead_paper
from icpolicy.meta.mentions import sole_place
from icpolicy.meta.own_level import is_within, own_level_words
from icpolicy.meta.places import excluded
from icpolicy.models import Region


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
    return paper

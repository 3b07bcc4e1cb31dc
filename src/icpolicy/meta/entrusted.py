"""Areas a zone runs for a district (托管, 代管), and a zone's branches in other places: theirs, not the zone's.

A zone's report or story tells of the streets, towns or parks it runs on a district's land (高新区托管的长安区兴隆、细柳等街道…,
泰达托管的逸仙科学工业园位于武清区…, 上述街道行政区划仍属历城区): such a passage is about that district, a division of the
zone's own city, which the zone's name (a city's zone, or 滨海新区 for 泰达) would otherwise hide (data/regions.toml
[entrusted]; since session 53).  So is a passage about one branch of a zone named by the place it lies in (临港新片区奉贤园区,
天府新区眉山片区, 贵安新区清镇片区: regions.toml branch_words), in that place's province.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.mentions import below_city
from icpolicy.meta.zones import zone_of
from icpolicy.models import Region


def entrusted_district(text: str, home: Region) -> Region:
    """The district of the zone's city an area the passage says the zone runs lies in, or Region()."""
    marks, place = _rules()
    if not marks.search(text) or not home.path:
        return Region()
    city = home.path if not below_city(home.path) else home.path[:-1]
    def other_district(path: tuple[str, ...]) -> bool:  # (长安区: 西安's, of the zone's city, not 石家庄's)
        return below_city(path) and path[:-1] == city and path != home.path
    gaz = regions.gazetteer()
    if len({p.path for m in gaz.find(text) for p in m.places if other_district(p.path) and not zone_of(p.path)}) > 1:
        return Region()  # (还托管中牟县、新郑市的部分乡镇: areas of two districts, the city's)
    for match in place.finditer(text):
        found = next((p.path for m in gaz.find(match.group("place")) for p in m.places if other_district(p.path)), None)
        if found:
            return Region(found)
    return Region()


def zone_titled(title: str) -> bool:
    """Whether a title names a zone (临港新片区…工作要点, …高新区2024年工作总结: [entrusted] zone_titles), whose text zone_branch reads."""
    return any(word in title for word in _branch_rules()[3])


def zone_branch(text: str, home: Region) -> Region:
    """The place a zone's one branch the passage names lies in (临港新片区奉贤园区: 奉贤区), when it is another place of the
    home's province, or Region()."""
    branch_words, own_words, parts, _ = _branch_rules()
    if any(word in text for word in parts):  # (分为高新园区和双流园区: the zone's parts, about them all)
        return Region()
    mentions = regions.gazetteer().find(text)
    branches = set()
    for before, mention in zip([None, *mentions], mentions):
        if len(mention.places) != 1:
            continue
        path = tuple(mention.places[0].path)
        # (the zone's name right before it, 临港新片区奉贤园区; else a branch's own word after it, 在奉贤园区布局…: 园区, 片区…)
        zoned = before is not None and before.end == mention.start and path[:len(before.places[0].path)] != before.places[0].path
        if text.startswith(branch_words if zoned else own_words, mention.end):
            branches.add(path)
    if len(branches) != 1 or not home.path:
        return Region()
    path = next(iter(branches))
    return Region(path) if path[0] == home.path[0] and path != home.path and home.path[:len(path)] != path else Region()


def opening_branch(text: str, home: Region) -> Region:
    """In any text, the place of a zone's branch a passage opens on, named right after the zone (天府新区眉山片区也在…:
    眉山市), when it lies in the home's province; else Region() (since session 65; before, only in a zone's own text)."""
    gaz = regions.gazetteer()
    mentions = gaz.find(text[:40])
    if len(mentions) < 2 or mentions[0].start > 2 or mentions[1].start != mentions[0].end \
            or not (gaz.zone_end(mentions[0].text) or mentions[0].text.endswith(_branch_rules()[0])
                    or any(zone_of(place.path) for place in mentions[0].places)):  # (a zone, 天府新区; or a zone's part, 临港新片区)
        return Region()
    return zone_branch(text[:mentions[1].end + 4], home)


@lru_cache(maxsize=1)
def _branch_rules() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(branch_words, the words of a branch named by its place alone, the words of a passage telling the zone's parts, the
    words of a zone's title)."""
    rules = load_toml("regions.toml")
    entrusted = rules["entrusted"]
    return tuple(rules["branch_words"]), tuple(entrusted["branch_own"]), tuple(entrusted["branch_parts"]), tuple(entrusted["zone_titles"])


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern]:
    rule = load_toml("regions.toml")["entrusted"]
    return re.compile(rule["marks"]), re.compile(rule["place"])

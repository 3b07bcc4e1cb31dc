"""Whether a document is a round-up of places (the provinces of its section openings), and the one city a round-up
speaking as a city lies in.  Used by meta/document.py; the openings are meta/sections.py's."""

from __future__ import annotations

import re

from icpolicy.meta import regions
from icpolicy.meta.elsewhere import brought_here
from icpolicy.meta.own_level import is_within, own_level_words
from icpolicy.meta.mentions import common_prefix, person_origin
from icpolicy.meta.parallel_leads import parallel, parallel_opening
from icpolicy.meta.region_names import members_named
from icpolicy.meta.sections import Opening, opening
from icpolicy.meta.title_places import ranking_title
from icpolicy.models import Region
from icpolicy.text.datelines import PLACE_DATELINE
from icpolicy.text.passages import split_sentences


# a title that counts the places it covers (沿江五城…, 中部四市…, 多地…, 各地…; since session 54 县域…, the counties of a
# province or city as a whole: 浙北县域竞逐…, …成为我省县域经济新增长极): a round-up when openings name three places, in any
# provinces (two for one that says many without a number)
# a paragraph opening on a marked lead, 长三角：…, 【京津冀】…
_GROUP_LEAD = re.compile(r"[【\[]?([\u4e00-\u9fff]{2,10}?)[】\]]?[：:｜|]")
_COUNTED = re.compile(r"(?:([两双三四五六七八九十多几数]+)|各)(?:个|座)?(?:城市?|市|地|省份?|县市?|区县)(?![长委])|县域")


def _names_home_of_person(text: str) -> bool:
    """Whether a sentence's first place is a person's home (林某是江苏常州人，…: mentions.person_origin): a profile's life, no
    section of a round-up (since session 62)."""
    named = regions.gazetteer().find(text[:80])
    return bool(named) and person_origin(text, named[0], named)


def one_city(paragraphs: list[tuple[str, int]], province: Region, title: str) -> Region | None:
    """The one city of a province a round-up's openings all lie in, when its title or first lines speak as a city (全市,
    我市: data/regions.toml own_level), else None: 2025年上半年全市集成电路产业运行分析 going 新吴区…, 江阴市…, 宜兴市… is
    无锡市's analysis, not a round-up of 江苏."""
    words = own_level_words(Region(("", "市")))
    if words is None or province.path[0].endswith("市") or not words.search(title + "".join(t for t, _ in paragraphs[:3])):
        return None
    cities = set()
    for text, level in paragraphs[:400]:
        found = opening(text, level, province.path)
        if found and len(found.region.path) >= 2 and found.region.path[0] == province.path[0]:
            cities.add(found.region.path[:2])
    return Region(cities.pop()) if len(cities) == 1 else None


def roundup_provinces(paragraphs: list[tuple[str, int]], home: Region, title: str = "") -> frozenset[str]:
    """The provinces of a round-up's section openings (empty when it is no round-up): a round-up's
    openings name three places outside the title's own region (strong openings), or paragraphs or
    sentences open with places in three provinces (a list of cities), or in three places of any
    province under a title that counts them (长江下游四城…)."""
    strong: set[tuple[str, ...]] = set()
    provinces: set[str] = set()
    places: set[tuple[str, ...]] = set()
    count = _COUNTED.search(title) if not home.path else None
    counted = count is not None
    # places a title that counts them needs: two for 两城/双城 (两城竞逐…, 双城记) and for a title that says
    # many without a number (多地发力…, 各地…, 数省…: the places it goes on to name are its examples), else three
    need = 2 if count is not None and count.group(1) in ("两", "双", "多", "几", "数", None) else 3
    shapes = parallel(paragraphs)  # leads that recur with distinct places (❶ 芜湖｜…)
    groups: dict[str, set[str]] = {}  # the regional groups paragraphs open on as marked leads, and their provinces
    for text, level in paragraphs:
        group = _GROUP_LEAD.match(text)
        if group and (members := members_named(group.group(1))) and not common_prefix(members):
            # 长三角：合肥…, 粤港澳大湾区：广州南沙区…, 京津冀：…: three groups of several provinces each (since session 62)
            groups[group.group(1)] = {path[0] for path in members}
            if len(groups) >= 3:
                return frozenset(set().union(*groups.values()))
        pieces = [(text, level)] if level else [(sentence.strip(), 0) for sentence in split_sentences(text)]
        lead = parallel_opening(text, shapes) if not level else None
        filed = None if level else PLACE_DATELINE.match(text)  # (本报大冶讯（…）…, 汉川讯　…: an item filed from its place)
        if filed and (place := regions.gazetteer().resolve(regions.gazetteer().find(filed.group("place")))).path:
            lead = Opening(place, True, (), True)
        for piece, piece_level in pieces:
            found = lead or (opening(piece, piece_level) if piece else None)
            lead = None
            # (not the home's city or province, 襄阳市投资促进局… in a 谷城 story, nor a firm's home it brings here, 江苏无锡一家…企业
            # 是最早落户的项目之一: since session 54)
            if found and found.region.path[0] not in (regions.NATIONAL.path[0], regions.MULTI.path[0]) \
                    and (not home.path or not (found.region == home or is_within(found.region, home) or is_within(home, found.region))) \
                    and not (home.path and brought_here(piece, home)) and not _names_home_of_person(piece):
                provinces.add(found.region.path[0])
                places.add(found.region.path)
                if found.strong:
                    strong.add(found.region.path)
                if len(provinces) >= 3 or (len(provinces) == 2 and (len(strong) >= 3 or (counted and len(places) >= need))):
                    return frozenset(provinces)  # a round-up of several provinces: no need to read on
    is_roundup = len(strong) >= 3 or len(provinces) >= 3 or (counted and len(places) >= need)
    if not is_roundup and home.path and ranking_title().search(title):
        # a title that reports a ranking (2025县域经济百强榜出炉：昆山连续21年居首) over a text naming places in three provinces:
        # a round-up of the places ranked, its leader one of them (regions.toml ranking_title; since session 55)
        listed = _listed_places(paragraphs)
        if len({path[0] for path in listed}) >= 3:
            return frozenset(path[0] for path in listed)
    if not is_roundup and counted:
        # a title that counts places (多地出台…, 多省市发布…, 各地竞逐…) over a text that lists them in a sentence (北京市提出…，
        # 上海市聚焦…; 上海、广东、四川等地…) rather than opening paragraphs with them: the places it names in two provinces
        listed = _listed_places(paragraphs)
        if len(listed) >= need and len({path[0] for path in listed}) >= 2:
            return frozenset(path[0] for path in listed)
    return frozenset(provinces) if is_roundup else frozenset()



def _listed_places(paragraphs: list[tuple[str, int]]) -> set[tuple[str, ...]]:
    """The places the paragraphs name that only one division bears, provinces and cities (a county's name is too often a
    word or a namesake to count for a round-up)."""
    found = set()
    for text, _ in paragraphs:
        for mention in regions.gazetteer().find(text):
            paths = {place.path for place in mention.places}
            if len(paths) == 1 and len(next(iter(paths))) <= 2:
                found.add(next(iter(paths)))
    return found

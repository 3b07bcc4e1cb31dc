"""What a region shows: a path that ends in a development zone shows the division the zone lies in.

A zone that is a place of its own (data/zones.toml: an entry whose path ends in its own name,
苏州工业园区 = 江苏省/苏州市/苏州工业园区; and the zones named with a city's short name and a
suffix, 成都高新区 under 四川省/成都市) stays the last element of the stored path, so that
`-r 苏州工业园区` finds only its passages and `-r 苏州` includes them.  What a user sees is the
division (江苏省/苏州市), with the zone's name beside it in its own field.  Zones that zones.toml
files under a district (前海 = 广东省/深圳市/南山区) are that district and show it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).parent.parent / "data" / "zones.toml"
# zones.toml is a table of "key" = "value" lines; read with this pattern rather than tomllib, so a
# one-shot search imports neither tomllib nor importlib.resources (tests/test_zones.py checks that
# the two readings agree)
_LINE = r"""^\s*(?:\[\s*([^\]\s]+)\s*\]|(["'])(.+?)\2\s*=\s*(["'])(.*?)\4)\s*(?:#.*)?$"""


def read_tables(text: str) -> dict[str, dict[str, str]]:
    """The [table] -> {key: value} pairs of zones.toml."""
    tables: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for table, _, key, _, value in re.findall(_LINE, text, re.M):
        if table:
            current = tables.setdefault(table, {})
        else:
            current[key] = value
    return tables


@lru_cache(maxsize=1)
def _zone_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """(zones that are places of their own by name, the short suffixes of the generated zones)."""
    raw = read_tables(_FILE.read_text(encoding="utf-8"))
    named = frozenset(name for name, path in raw.get("zones", {}).items() if path.rsplit("/", 1)[-1] == name)
    return named, tuple(sorted(set(raw.get("suffixes", {}).values()), key=len, reverse=True))


def zone_of(path) -> str:
    """The zone a region path ends in (苏州工业园区, 成都高新区), or "" when it ends in a division."""
    if len(path) < 2:
        return ""
    leaf = path[-1]
    named, kinds = _zone_names()
    if leaf in named:
        return leaf
    if len(path) == 3:  # <city short name><suffix> under its city (regions.Gazetteer._zone_of)
        for kind in kinds:
            if leaf.endswith(kind):
                base = leaf[: -len(kind)]
                return leaf if len(base) >= 2 and path[1].startswith(base) else ""
    return ""


def division_path(path) -> tuple[list[str], str]:
    """(the path a user sees, the zone): a trailing zone leaf is dropped and returned apart."""
    path = list(path)
    zone = zone_of(path)
    return (path[:-1], zone) if zone else (path, "")


def zoned_path(path, zone: str) -> list[str]:
    """The path a region is stored and keyed by: the division a user sees and its zone after it, if any (division_path's
    inverse: 北京市 and 北京经济技术开发区 → 北京市/北京经济技术开发区)."""
    return [*path, zone] if zone else list(path)


def shown_record(record: dict) -> dict:
    """A document record as a user sees it: region_path the division, `zone` right after it."""
    path, zone = division_path(record.get("region_path") or [])
    out = {}
    for key, value in record.items():
        if key == "zone":
            continue
        out[key] = path if key == "region_path" else value
        if key == "region_path":
            out["zone"] = zone
    return out


def sort_key(key: str) -> tuple[tuple, str]:
    """A "/"-joined region key as the order of what is shown: (division, zone), so a zone's
    passages sort with its city's rather than after the city's other divisions.  Divisions go in the
    order of the division table (its codes: 北京市, 天津市, 河北省 … and each one's cities in theirs), 全国 first,
    多地 and 不详 after every place, and a passage with no place last."""
    path, zone = division_path(key.split("/"))
    return _ranked(tuple(path)), zone


_FIRST, _AFTER = {"全国": -2}, {"多地": 1, "不详": 2, "~": 3, "": 3}


@lru_cache(maxsize=4096)
def _ranked(path: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    from icpolicy.meta.regions import gazetteer  # (only for --sort region: a one-shot search otherwise builds no gazetteer)

    order = _order(gazetteer())
    out = []
    for n in range(1, len(path) + 1):
        name = path[n - 1]
        rank = _FIRST.get(name) if n == 1 and name in _FIRST else order.get(path[:n])
        if rank is None:
            rank = len(order) + _AFTER.get(name, 0)
        out.append((rank, name))
    return tuple(out)


@lru_cache(maxsize=1)
def _order(gaz) -> dict[tuple[str, ...], int]:
    return {path: k for k, path in enumerate(gaz.by_path)}

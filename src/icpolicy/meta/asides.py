"""The aside that locates what a lead goes on to (位于长安区的…, 地处新郑市的…), and the first clause that sites a part of a
zone (西部园区位于郫都区境内，…: data/regions.toml [park_site] part_lies): the place it names, in the text's city when
several divisions share the name.  Used by meta/sections.py."""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.models import Region

_ASIDE = r"(?:位于|地处)([^，,。]{1,16})的"  # the aside of data/sections.toml's lead prefixes that locates what follows
_LOCATED_IN, _LOCATED_IN_LEAD = re.compile(_ASIDE + "$"), re.compile(_ASIDE)  # (ending a lead; opening a sentence)


def located_after_run_in(rest: str, found: Region | None, within: tuple[str, ...]) -> bool:
    """True when `found`, the place the sentence after a run-in heading (`rest`) opens with, is where an aside locates it
    (（二）…。位于新郑市的龙湖片区要…) and lies in the text's city beside the text's own place."""
    return bool(found and within and _LOCATED_IN_LEAD.match(rest)) and found.path[:len(within) - 1] == within[:-1] != found.path


def located_in(lead: str, within: tuple[str, ...]) -> Region | None:
    """The place a lead's aside locates what follows in (位于长安区的…: 西安's 长安区 in a 西安 text), or None."""
    located = _LOCATED_IN.search(lead)
    return _where(located.group(1), within) if located else None


_LOCATED_AT = re.compile(load_toml("regions.toml")["park_site"]["part_lies"])


def located_at(sentence: str, within: tuple[str, ...]) -> Region | None:
    """The place a paragraph's first clause, after a run-in heading or not, says its subject lies in (西部园区位于郫都区境内，…;
    科创园区。科创园区位于新都区境内，…) when it is another place of the text's city, not the text's own nor above it: a
    part of the text's zone lying in that division (since session 61); else None."""
    located = _LOCATED_AT.match(sentence) if len(within) > 1 else None  # (a city's, a district's or a zone's text)
    where = _where(located.group(1), within) if located else None
    city = _city(within)
    if where is None or len(where.path) <= len(city) or where.path[:len(city)] != city or within[:len(where.path)] == where.path:
        return None
    return where


def _where(name: str, within: tuple[str, ...]) -> Region | None:
    """The place name names, in the text's city when several divisions share it; None when it names none."""
    gaz = regions.gazetteer()
    found = gaz.find(name)
    where = gaz.resolve(found)
    city = _city(within)
    if not where.path and city:  # a name several divisions share: the one in the text's city
        inside = {p.path for m in found for p in m.places if p.path[:len(city)] == city}
        where = Region(inside.pop()) if len(inside) == 1 else where
    return where if where.path else None


def _city(within: tuple[str, ...]) -> tuple[str, ...]:
    """The city of the text's place (a 直辖市's districts: the municipality)."""
    return within[:1] if within[:1] and within[0].endswith("市") else within[:2]

"""A meeting a title names as held in a place and speaking for a whole: a national body's (全国…工作座谈会在杭州召开) or a
province's or city's own (全省…推进会在绍兴召开, since session 55).  Used by meta/document.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.models import Region


def national_meeting(title: str) -> bool:
    """True when a title names a national body's working meeting (全国…工作座谈会在杭州召开, 中国…协会2026年年会…在苏州召开:
    data/regions.toml national_meeting), which is held in a place and speaks for the country."""
    return bool(_national_meeting().match(title))


def own_meeting(title: str, venue: Region) -> Region:
    """The whole a province's or city's own meeting held at venue speaks for (全省…推进会在绍兴召开: 浙江省; data/regions.toml
    own_meeting), or Region() when the title names none such."""
    found = _own_meeting().match(title)
    if not found or len(venue.path) < 2:
        return Region()
    depth = 2 if found.group("level") == "全市" and not venue.path[0].endswith("市") else 1
    return Region(venue.path[:depth])


@lru_cache(maxsize=1)
def _own_meeting() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["own_meeting"])


@lru_cache(maxsize=1)
def _national_meeting() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["national_meeting"])

"""A passage of a district's, county's or zone's text that speaks for the whole city or province above it (全市…,
从全省看，…): it reports their figures, so it is theirs.  Used by tagging.py."""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.models import Region

_LEAD = re.compile(load_toml("regions.toml")["whole_lead"])


def whole_above(text: str, region: Region) -> Region | None:
    """The city a passage of a district's, county's or zone's document opens on as a whole (全市…, 从全市看，…, or the
    city by its full name, after a lead: data/regions.toml whole_lead), or the province one below it opens on (全省…,
    从全省看，…): the passage reports its figures.  Else None."""
    path, text = region.path, text.strip()
    if len(path) < 2:
        return None
    start = _LEAD.match(text).end()
    if start and any(all(p.path[:1] != path[:1] for p in m.places) for m in regions.gazetteer().find(text[:start])):
        return None  # 广东省能源局数据显示，全省… in a 江苏 story: another province's whole
    if regions.below_city(path) and path[-1][-1] in "区县旗市":
        whole = "全" + path[-2][-1]  # 全市, 全州, 全盟: the city's own level (a county-level 市's text: its city's)
        if whole != "全" + path[-1][-1] and (text.startswith((f"从{whole}看", f"从{whole}来看"), 0) or text.startswith(whole, start)) \
                or _opens_on(text, start, path[:-1]):
            return Region(path[:-1])
    if not path[0].endswith("市"):
        province = ("全省",) + (("全区",) if path[0].endswith("自治区") and path[-1][-1] != "区" else ())  # 内蒙古自治区…全区
        if text.startswith(tuple(f"从{w}{v}" for w in province for v in ("看", "来看"))) or text.startswith(province, start):
            return Region(path[:1])
    return None


def _opens_on(text: str, start: int, path: tuple[str, ...]) -> bool:
    """True when text names the place of path at start by its full name, and no place right after it (拉萨市数字经济…,
    not 拉萨市经开区…)."""
    mentions = [m for m in regions.gazetteer().find(text[start:start + 24]) if not m.short]
    return bool(mentions) and mentions[0].start == 0 and any(p.path == path for p in mentions[0].places) \
        and not any(m.start == mentions[0].end for m in mentions[1:])

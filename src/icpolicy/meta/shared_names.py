"""Which of the districts sharing a name (鼓楼区: 南京, 福州, 徐州, 开封) a text means: by the places it names above or
beside it, or by the places inside them it names (data/landmarks.toml: 通州区 is 北京's and 南通's; a report that names
neither city but speaks of 叠石桥 and 通州湾 is 南通's).  Used by meta/document.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.mentions import supported_places
from icpolicy.meta.places import excluded, partner_rules
from icpolicy.models import Region


@lru_cache(maxsize=1)
def _landmarks() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(path.split("/")): tuple(words) for path, words in load_toml("landmarks.toml").get("landmarks", {}).items()}


def by_landmarks(paths: list[tuple[str, ...]], texts: list[str], least: int = 1) -> tuple[str, ...] | None:
    """The one of paths whose landmarks the texts name most (each landmark counted once), when it names `least` of
    them at least and more than of any other's; else None."""
    table = _landmarks()
    if not any(path in table for path in paths):
        return None
    body = "\n".join(texts)
    counts = sorted(((sum(word in body for word in table.get(path, ())), path) for path in paths), reverse=True)
    best, second = counts[0][0], counts[1][0] if len(counts) > 1 else 0
    return counts[0][1] if best >= least and best > second else None


def unsettled(named: str, found: Region) -> bool:
    """True when named (a title, its issuer) holds a place that several divisions share and found (the place the opening
    gave: 上海, in 为抢抓…上海产业外溢机遇 under 通州区人民政府关于…) lies in none of their lines: a partner, not the title's."""
    shared = [m for m in regions.gazetteer().find(named) if len(m.places) > 1 and not m.short]
    return bool(shared) and bool(found.path) and not any(
        p.path[: len(found.path)] == found.path or found.path[: len(p.path)] == p.path for m in shared for p in m.places)


def shared_name_in_body(named: str, texts: list[str]) -> Region | None:
    """A title naming a place that several divisions share (鼓楼区: 南京, 福州, 徐州, 开封) whose
    opening decides nothing: the one under a province or city the body names (…福建篇章… : 福州市
    鼓楼区), or what the ones under it share (江苏省: 南京's and 徐州's), or the one whose landmarks it names
    (by_landmarks); None when nothing decides."""
    gaz = regions.gazetteer()
    shared = [m for m in gaz.find(named) if len(m.places) > 1 and not m.short]
    if not shared:
        return None
    one = {m.places for m in shared}  # (one name, written in the title and again in the issuer)
    paths = [p.path for p in shared[0].places]
    chosen = by_landmarks(paths, texts, least=2) if len(one) == 1 else None
    if chosen:
        return Region(chosen)  # 叠石桥 and 通州湾 in a report of 通州区: 南通's, whatever partner it names (data/landmarks.toml)
    named_paths = {gaz.resolve([m]).path for text in texts for m in gaz.find(text) if not excluded(text, m.start)} - {()}
    # the places named above the shared one decide first; then the cities of districts named beside it (鼓楼区… whose
    # body names 泉山区 and 云龙区, both 徐州's: 徐州市鼓楼区)
    beside = {a[:-1] for a in named_paths if regions.below_city(a)}
    for above in (named_paths, beside):
        for mention in shared:
            inside = [p for p in mention.places if any(len(a) < len(p.path) and p.path[: len(a)] == a for a in above)]
            common = regions.common_prefix([p.path for p in inside])
            if common:
                return Region(inside[0].path if len(inside) == 1 else common)
    chosen = by_landmarks(paths, texts) if len(one) == 1 else None
    return Region(chosen) if chosen else None  # one landmark, when nothing else decides


_CLAUSES = re.compile("[，,。；;！？!?]")


def written_with_city(region: Region, texts: list[str]) -> Region:
    """region, a division whose name others share (普陀区: 上海's and 舟山's), or the other one when the texts write
    that name right after the other's city (舟山市普陀区经信局…, 舟山普陀) and never after region's own: a headline's
    bare 普陀区 is read as the highest-level namesake until the text says whose it is."""
    gaz = regions.gazetteer()
    namesakes = {p.path for p in gaz.lookup(region.path[-1])} if len(region.path) >= 2 else set()
    if len(namesakes) < 2:
        return region  # (a name no other division shares: nothing to settle, and no text to read; lookup gives the
        # highest level's only: 西安 the city, not a 西安区)
    written: set[tuple[str, ...]] = set()
    for text in texts:
        mentions = gaz.find(text)
        for before, mention in zip(mentions, mentions[1:]):
            if before.end != mention.start or not any(p.path[-1] == region.path[-1] for p in mention.places):
                continue
            if not not_partners(text, [before]):
                continue  # 我区与南京市鼓楼区签订…: a partner of the same name
            path = gaz.resolve([before, mention]).path
            if path and path[-1] == region.path[-1]:
                written.add(path)
        for clause in _CLAUSES.split(text):
            found = gaz.find(clause)
            if any(len(m.places) > 1 and region.path in {p.path for p in supported_places(m, found)} for m in found):
                return region  # 鼓楼区地处福州市中心城区: the name with its own city in a clause, the region the cues settled
    if len(written) == 1 and region.path not in written:
        other = next(iter(written))
        return Region(other) if region.path in namesakes and other in namesakes else region
    return region


def not_partners(text: str, mentions: list) -> list:
    """The mentions but those named as partners (与上海、宁波、杭州的…企业开展联合开发: [partner] before, and the places
    listed after one): another place's, not where the text is."""
    before_re = partner_rules()[0]
    kept, partner_end = [], -1
    for mention in mentions:
        listed = partner_end >= 0 and text[partner_end:mention.start] in ("、", "和", "及", "与")
        if listed or before_re.search(text[max(0, mention.start - 4):mention.start]):
            partner_end = mention.end
            continue
        partner_end = -1
        kept.append(mention)
    return kept

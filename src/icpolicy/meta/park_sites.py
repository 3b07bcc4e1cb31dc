"""Where the park, zone or site a headline names lies, as the opening's first lines say (园区位于天津市滨海新区; 位于银海区的北海
工业园区…; 衢州海创园是衢州市在杭州市余杭区…设立的“科创飞地”): data/regions.toml [park_site].  Used by meta/document.py
(the document's place) and meta/tagging.py (a zone filed under its district)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.firm_texts import named_at
from icpolicy.meta.own_level import is_within
from icpolicy.meta.title_places import names_event
from icpolicy.models import Region


def park_site(title: str, opening: list[str]) -> Region:
    """Where the park a headline names lies, when the opening's first lines say so (园区位于天津市滨海新区; …合作园二期项目在启东
    经济开发区开工: data/regions.toml [park_site]), else Region()."""
    rule = _site_rule()
    if not rule["park"].search(title):
        return Region()
    gaz, sites = regions.gazetteer(), []
    for text in opening[1:1 + rule["lines"]]:
        firm = None if names_event(title) else rule["firm_aside"].search(text)  # (not a fair's firms: …对接会签约23个项目)
        for match in (rule["lies"].search(text), rule["event"].search(text), rule["aside"].search(text), firm, rule["signed"].search(text),
                      rule["built"].search(text)):
            if not match:
                continue
            at = match.start("place") if match.re is not rule["lies"] else match.end()
            found = gaz.find(text[at:at + 20])
            chain = [m for k, m in enumerate(found) if m.start == (found[k - 1].end if k else 0)]
            site = gaz.resolve(chain) if chain else Region()
            if site.path:
                sites.append(site)
    # the most precise of the statements that agree with the first (位于肥西县东部的…镇, …镇地处合肥市西南郊: 肥西县)
    agreeing = [site for site in sites if site == sites[0] or is_within(site, sites[0]) or is_within(sites[0], site)]
    return max(agreeing, key=lambda site: len(site.path)) if agreeing else Region()


def enclave_site(title: str, opening: list[str]) -> Region:
    """Where a park a headline names by its owner lies, when the opening calls it an enclave in another place (衢州海创园
    是衢州市在杭州市余杭区未来科技城设立的“科创飞地”: [park_site] enclave), else Region()."""
    rule = _site_rule()
    if not any(rule["enclave"] in text for text in opening[1:1 + rule["lines"]]):
        return Region()
    return park_site(title, opening)


def zone_site(zone: Region, opening: list[str]) -> Region:
    """The district of its city a zone of its own (北海工业园区) lies in, when the opening's first lines say so (位于银海区的北海
    工业园区…: [park_site] zone_aside, zone_lies), else Region()."""
    rule, gaz, leaf = _site_rule(), regions.gazetteer(), zone.path[-1]
    for text in opening[1:1 + rule["lines"]]:
        for named in re.finditer(re.escape(leaf), text):
            aside, lies = rule["zone_aside"].search(text, 0, named.start()), rule["zone_lies"].match(text, named.end())
            where = aside.group("place") if aside else text[lies.end():lies.end() + 20] if lies else ""
            found = gaz.find(where)
            site = gaz.resolve(found[:1]) if found and found[0].start == 0 else Region()
            if len(site.path) == len(zone.path) and site.path[:-1] == zone.path[:-1] and site != zone:
                return site
    return Region()


def sited_zone(title: str, region: Region) -> Region:
    """The zone of its own a title names that lies in the district its document is filed under (北海工业园区… under 银海区,
    by zone_site), else Region(): the document's passages naming the zone are the district's."""
    if len(region.path) != 3:
        return Region()
    gaz = regions.gazetteer()
    zones = {gaz.resolve([m]) for m in gaz.find(title)}
    return next((zone for zone in zones if zone.path[:-1] == region.path[:-1] and zone != region and len(zone.path) == 3), Region())


def city_zone(title: str, in_title: list, found: Region) -> bool:
    """Whether the title names found's place and right after it a zone's kind (黑河片区, 钦州港片区: [park_site] city_zone)."""
    kind = _site_rule()["city_zone"]
    return any(any(p.path == found.path for p in m.places) and kind.match(title, m.end) for m in in_title)


@lru_cache(maxsize=1)
def _site_rule() -> dict:
    rule = load_toml("regions.toml")["park_site"]
    return {"park": re.compile(rule["park"]), "lies": re.compile(rule["lies"]), "event": re.compile(rule["event"]), "aside": re.compile(rule["aside"]), "firm_aside": re.compile(rule["firm_aside"]), "signed": re.compile(rule["signed"]), "built": re.compile(rule["built"]),
            "enclave": rule["enclave"],
            "lines": rule["lines"], "city_zone": re.compile(rule["city_zone"]),
            "zone_aside": re.compile(rule["zone_aside"]), "zone_lies": re.compile(rule["zone_lies"]), "passage_lies": re.compile(rule["passage_lies"])}


def site_within(text: str, region: Region) -> Region:
    """The division below region a passage's site lies in, when the passage opens on the site and where it lies, written
    out (孝感基地位于湖北省孝感市孝南区… filed under 孝感市: 孝南区; data/regions.toml [park_site] passage_lies), else Region()."""
    found = _site_rule()["passage_lies"].match(text)
    if not found or not region.path or region in (regions.NATIONAL, regions.MULTI):
        return Region()
    site = named_at(text, found.end())
    return site if len(site.path) > len(region.path) and is_within(site, region) else Region()


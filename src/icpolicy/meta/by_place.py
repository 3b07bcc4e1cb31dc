"""A paragraph that goes place by place, cut where each place begins, so each part is filed under its place.

A round-up's paragraph a sentence a place (苏州提出…。无锡将…。), and a one-place text's paragraph whose every
sentence or ；-clause after a lead opens with a place inside the text's (（二）推动区县协同发展。肥西县要…；庐阳区要…。
in a 合肥 report).  Used by meta/tagging.py before it files each part.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from icpolicy.data import load_toml
from icpolicy.meta import regions, sections
from icpolicy.meta.elsewhere import brought_here
from icpolicy.meta.lead_letters import may_name
from icpolicy.meta.own_level import first_person, is_within, related
from icpolicy.meta.places import bare_zone_lead, bare_zone_word
from icpolicy.meta.region_names import group_lead
from icpolicy.models import Region
from icpolicy.text.passages import split_sentences

_CLAUSE = re.compile(r"[^。；！？!?;]+[。；！？!?;]?")
_LIST = ("、", "和", "与", "及")
LEAD = 3  # clauses naming no place that may lead a paragraph going place by place
SHORT_LEAD = 10  # the characters a lead ending in a comma may hold before the first place's clause
_WINDOW = 120  # a clause's lead as _place_in reads it: a verb and the 80 characters sections.lead_plain reads after it


def round_up(text: str) -> list[str]:
    """A round-up paragraph in parts, one a place (a sentence each), or [text]."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return [text]
    places = [sections.opening(sentence.strip(), 0) for sentence in sentences]
    if len({o.region for o in places if o}) < 2:
        return [text]
    if places[0] is None and _listed_ahead(sentences[0], places[1:]):
        # 长沙、南昌、郑州也不甘落后。长沙经开区…；南昌高新区…；郑州航空港区…: a lead listing the places the clauses after it
        # open on, each in turn (since session 68)
        return [sentences[0]] + _cut(sentences[1:], places[1:])
    return _cut(sentences, places)


def listed_alone(part: str) -> bool:
    """Whether a round-up paragraph's first part is a lead listing places and naming nothing else's alone (round_up's
    cut after 长沙、南昌、郑州也不甘落后。): the parts after it open no sections."""
    return sections.opening(part.strip(), 0) is None and _listed(part) is not None


def _listed_ahead(lead: str, places: list) -> bool:
    """Whether a lead sentence opens on a list of places (_listed) and every sentence after it opens on one of them or a
    place inside one."""
    if _listed(lead) is None:
        return False
    listed = [p.path for m in regions.gazetteer().find(lead) for p in m.places]
    return all(found and any(found.region.path[:len(path)] == path for path in listed) for found in places)


def inside_province(text: str) -> list[str]:
    """A round-up's part about one place (round_up) in parts a place each, as inner cuts a one-place text's paragraph,
    inside the province of the place it opens with (南京市：前三季度全市…；江北新区…；江宁开发区…; 河北省则…。廊坊市固安县…；
    保定市…), at its sentences and ；-clauses only (a comma clause in a city's round-up part stays the city's), else [text]."""
    if "；" not in text and text.count("。") < 2:
        return [text]
    found = sections.opening(text.strip(), 0)
    if not found or not found.region.path or found.region in (regions.NATIONAL, regions.MULTI):
        return [text]
    province = Region(found.region.path[:1])
    parts = inner(text, province)
    return parts if len(parts) > 1 or found.region != province else _turns(text, province)


def roundup_clauses(text: str) -> list[str]:
    """A round-up's paragraph outside any section that goes province by province in ；-clauses (分省份看，江苏省…；
    广东省…。), after at most a sentence naming no place but provinces (从区域分布看，产业继续向重点区域集聚。江苏省…；上海市…。): the
    sentence, then a clause a place; else [text]."""
    full = [cut for cut in re.split("(?<=[。！？!?])", text) if cut]  # (split_sentences cuts at ； too)
    if len(full) == 1:
        return inner(text, Region(), lead=1)
    if len(full) == 2 and all(len(p.path) == 1 for m in regions.gazetteer().find(full[0]) for p in m.places):
        # (… or one naming provinces alone, 江苏、浙江各展所长。苏州工业园区…；杭州滨江区则…；: since session 63)
        rest = inner(full[1], Region(), lead=1)
        return [full[0], *rest] if len(rest) > 1 else [text]
    return [text]


def _turns(text: str, province: Region) -> list[str]:
    """A province's own part (opening with the province) cut where a sentence turns to a place inside it, named with a contrast right after
    (安徽的…。芜湖则在…，去年…。今年安徽提出…: data/sections.toml contrast_subject), back to the province where a sentence
    opens with it again; [text] when no sentence turns so."""
    sentences = split_sentences(text)
    contrast = sections.section_rules()["contrast_subject"]
    gaz = regions.gazetteer()
    chunks, turned = [], False
    for sentence in sentences:
        plain = sentence.strip()
        found = sections.opening(plain, 0)
        named = gaz.find(plain[:24]) if found else []
        inside = found is not None and found.region != province and is_within(found.region, province)
        turn = inside and bool(named) and named[0].start == 0 and bool(contrast.match(plain, named[0].end))
        back = found is not None and found.region == province
        if chunks and (turn or (back and turned)):
            chunks.append(sentence)
            turned = turn
        elif chunks:
            chunks[-1] += sentence
        else:
            chunks.append(sentence)
    return chunks if len(chunks) > 1 else [text]


def inner(text: str, region: Region, lead: int = LEAD) -> list[str]:
    """A one-place text's paragraph in parts, one a place inside region, when every sentence or ；-clause after a lead
    opens with one (…。肥西县要…；庐阳区要…。, 各县区亮点纷呈：南安市…；石狮市…。): a list of places, not a paragraph on one
    subject in which a sentence happens to start with a place or its landmark (厦门马拉松…); else [text].  A sentence is
    never cut (南安市…，石狮市…。 stays whole, its text's place's): a passage is what search reads terms together in, and
    a query naming two of its places (南安 石狮) must find it (session 38; cut at its commas since session 32).  lead:
    the clauses naming no place the lead may hold (a national text's: one, its run-in heading)."""
    parts = _inner(_CLAUSE.findall(text), region, lead) if "；" in text or text.count("。") >= 2 else None
    return parts or [text]


def elsewhere(text: str, region: Region) -> list[tuple[str, Region | None]] | None:
    """A one-place text's paragraph that compares other places clause by clause (从全国看，先进地区竞相发力。上海市浦东
    新区…；安徽省合肥市…；广东省深圳市…。 in a 新吴区 plan): its parts, each clause between a lead and a close of up to
    LEAD clauses each with the place it opens with (a list of places: 多地), the lead and the close with None; None
    unless every clause between them opens with a place outside region and not above it, two places at least, and the
    paragraph names nothing inside region."""
    if "；" not in text and text.count("。") < 2:
        return None
    # (first what the whole text names: two places outside region and nothing inside it, or no clause is read)
    outside = set()
    for mention in regions.gazetteer().find(text):
        if any(related(p.path, region.path) and len(p.path) >= len(region.path) for p in mention.places):
            return None
        outside.update(p.path for p in mention.places if not related(p.path, region.path))
    if len(outside) < 2:
        return None
    clauses = _CLAUSE.findall(text)
    places = _elsewhere_places(clauses, region)
    if places is None:
        return None
    lead = next((k for k, place in enumerate(places) if place is not None), len(places))
    end = len(places) - next((k for k, place in enumerate(reversed(places)) if place is not None), 0)
    rest = places[lead:end]
    if lead > LEAD or len(places) - end > LEAD or len(rest) < 2 or None in rest or len(set(rest)) < 2:
        return None
    # (a closing sentence naming no place, 这些城市的经验表明…, is a part of its own, as the lead is)
    return [(part, None) for part in ("".join(clauses[:lead]),) if part] + list(zip(clauses[lead:end], rest)) \
        + [(part, None) for part in ("".join(clauses[end:]),) if part]


def _elsewhere_places(clauses: list[str], region: Region) -> list[Region | None] | None:
    """_elsewhere_in of each clause, or None as soon as they cannot be a lead, a run of places and a close (see
    elsewhere): a lead of more than LEAD clauses, a place after a clause naming none, a close of more than LEAD."""
    places: list[Region | None] = []
    opened = False  # a clause before opened with a place
    for clause in clauses:
        place = _elsewhere_in(clause, region)
        if (place is None and not opened and len(places) >= LEAD) or (place is not None and opened and places[-1] is None):
            return None
        places.append(place)
        if opened and places[-LEAD - 1:] == [None] * (LEAD + 1):
            return None
        opened = opened or place is not None
    return places


def _elsewhere_in(clause: str, region: Region) -> Region | None:
    """The place outside region (and not above it) that a clause opens with; 多地 for a list of places; else None."""
    if not clause.strip():
        return None
    found = sections.opening(clause.strip(), 0)
    if found is None:
        return regions.MULTI if opens_list(clause, Region()) else None
    if found.region in (regions.NATIONAL, regions.MULTI) or related(found.region.path, region.path):
        return None
    voice = first_person(region)  # (井冈山经济技术开发区的配套企业到我县设立分厂… in a 吉安县 report: the county's own)
    if voice is not None and voice.search(clause) or brought_here(clause, region):
        return None  # (… and so is 东莞两家连接器企业组团落户 in a county's report of the firms it drew)
    return found.region


def _inner(clauses: list[str], region: Region, most: int) -> list[str] | None:
    """clauses joined into parts a place each (see inner), or None."""
    if len(clauses) < 2:
        return None
    # every clause after the lead must open with a place inside region: read them first, and stop at the first that
    # does not (most paragraphs' second clause opens with none, and reading a clause's opening is what costs).  The
    # lead is the first clause, or up to LEAD clauses naming no place, which are then a part of their own (2025年，全市…
    # 营收1050亿元，同比增长17%，| 北仑区的…，| 镇海区…).
    last = _place_in(clauses[-1], region, lists=True)
    if last is None:
        return None  # (the last clause must open with a place: one reading rules out most paragraphs)
    after = []
    lead = 1
    for k, clause in enumerate(clauses[1:], 1):
        found = last if k == len(clauses) - 1 else _place_in(clause, region, lists=True)
        if isinstance(found, _Zone) and not clause.lstrip().startswith(found.region.path[-1]) and _named_before(found.region.path[-1], clauses[:k]):
            found = None  # 2023年，准东开发区…。今年以来，开发区新签约…: the zone named before, by its kind after a lead (since
            # session 58; a clause opening on the kind itself is still a part: 齐齐哈尔高新区则…。高新区…产业园一期去年9月投用…)
        if found is None:
            if after or k >= most:
                return None
            lead = k + 1
            continue
        after.append(found)
    if lead >= 2:
        if len({o.region for o in after}) < 2:
            return None
        return ["".join(clauses[:lead])] + _cut(clauses[lead:], after, lead_joins=True)
    first = _place_in(clauses[0], region, lists=True)
    colon = clauses[0].find("：")
    if colon < 0 and 0 < clauses[0].find("，") <= SHORT_LEAD:
        colon = clauses[0].find("，")  # … or a short one ending in a comma (分区县（市）看，长沙县…)
    if first is None and 0 < colon < len(clauses[0]) - 1:
        # a lead ending in a colon (各县区亮点纷呈：) before the first place's clause
        rest = _place_in(clauses[0][colon + 1:], region)
        if rest:
            clauses = [clauses[0][:colon + 1], clauses[0][colon + 1:]] + clauses[1:]
            after = [rest] + after
    places = [first] + after
    if len({o.region for o in places if o}) < 2:
        return None
    return _cut(clauses, places, lead_joins=True)


def _named_before(kind: str, clauses: list[str]) -> bool:
    """Whether a zone of this kind (开发区) was named before by its name (准东开发区): a clause opening on the kind alone
    points back to it."""
    return any(re.search("[\u4e00-\u9fff]" + re.escape(kind), clause) for clause in clauses)


class _Zone(NamedTuple):
    """What a clause opening with the text's own zone by its kind alone (高新区集成电路设计企业…；经开区…) is to a cut: a
    part of its own (the tagger files it), a place no other clause is inside."""

    region: Region


class _List(NamedTuple):
    """What a clause opening with a list of places inside the text's region (郎溪县、泾县分别…) is to a cut: a part
    of its own, about none of them alone, that no place's clause before or after it joins."""

    region: Region = Region(("、",))  # inside no place, and no place is inside it


def _place_in(clause: str, region: Region, lists: bool = False):
    """The place a clause opens with when it lies inside region and opens no list of places, else None; lists: a
    clause opening with a list of places inside region is a _List."""
    stripped = clause.strip()
    plain = sections.lead_plain(stripped, _WINDOW)
    if lists and (sections.section_rules()["group_subject"].match(plain, sections.lead_start(plain)[0]) or group_lead(stripped)):
        return _List()  # (a group of places, by its word or its name, 宁镇扬地区要…, 呼包鄂乌协同…: as a list of them)
    if not may_name(plain) and not bare_zone_word().search(plain) and not (stripped and sections.is_heading_like(stripped, 0)):
        return None  # (a screen: what follows finds a place, list or zone only by its name or kind in the clause's lead)
    found = sections.opening(stripped, 0, region.path)
    verb = ""
    if not found:
        stripped = clause.lstrip()
        verb = next((v for v in _clause_verbs() if stripped.startswith(v)), "")
        found = sections.opening(stripped[len(verb):], 0, region.path) if verb else None  # 支持历下区发展…: 历下区
    if found:
        if lists and found.region == region and (zone := _own_zone(stripped, region)):
            return _Zone(Region(("·", zone)))  # 泉州台商投资区要… after 晋江市要…；南安市要…: the text's own zone, a part of its own
        if not is_within(found.region, region):
            return None
        return found if not _listed(clause) else _List() if lists else None
    if not lists:
        return None
    if opens_list(clause, region) or (verb and opens_list(stripped[len(verb):], region)):
        return _List()  # (推动莱芜区、钢城区发展…: after its verb too)
    zone = opens_bare_zone(clause)
    return _Zone(Region(("·", zone))) if zone and len(region.path) >= 2 else None


_OWN_ZONE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:开发区|投资区|高新区|经开区|新区|园区|产业园|试验区|示范区|保税区|片区|合作区)")


def _own_zone(clause: str, region: Region) -> str:
    """The zone a clause opens with by the text's own place's name and a zone's kind (泉州台商投资区要…, a zone no
    gazetteer knows; since session 49), or ""."""
    plain = sections.lead_plain(clause)
    start = sections.lead_start(plain)[0]
    first = next((m for m in regions.gazetteer().find(plain[start:start + 24]) if m.start == 0), None)
    if first is None or not any(p.path == region.path for p in first.places):
        return ""
    zone = _OWN_ZONE.match(plain, start + first.end)
    return plain[start:zone.end()] if zone else ""


@lru_cache(maxsize=1)
def _clause_verbs() -> tuple[str, ...]:
    """The verbs a clause may open with before its place (sections.toml clause_verbs)."""
    return tuple(load_toml("sections.toml")["clause_verbs"])


def opens_bare_zone(text: str) -> str:
    """The zone a text opens with by its kind alone (高新区…, 经开区要…, 新站高新区…: its own city's), or ""."""
    plain = sections.lead_plain(text[:40])
    if not bare_zone_word().search(plain):
        return ""  # (no zone's kind anywhere in its lead: a screen, cheaper than reading the lead's prefixes)
    zone = bare_zone_lead().match(plain, sections.lead_start(plain)[0])
    return zone.group() if zone else ""


def opens_list(text: str, region: Region) -> bool:
    """Whether a paragraph opens with a list of places whose first lies inside region (岳阳市、常德市。重点发展…)."""
    listed = _listed(text[:80])
    return bool(listed) and any(is_within(Region(place.path), region) for place in listed.places)


def list_opening(text: str) -> regions.Mention | None:
    """The first place of the list of places a paragraph opens with (佛山、中山则…; 与此同时，惠州、江门、肇庆三市…), or None."""
    return _listed(text[:80])


def _listed(clause: str) -> regions.Mention | None:
    """The first place of the list of places a clause opens with (历下区、高新区要…: about none of them alone), or
    None."""
    plain = sections.lead_plain(clause)
    if not regions.gazetteer().may_name(plain):
        return None
    start = sections.lead_start(plain)[0]
    window = plain[start:start + 24]
    mentions = regions.gazetteer().find(window)
    if not mentions or mentions[0].start != 0:
        return None
    if window[mentions[0].end:mentions[0].end + 1] in _LIST:
        return mentions[0]
    # … or two places each with a word of its own (长沙广汽埃安、湘潭吉利新能源汽车项目…: both cities' projects)
    if len(mentions) > 1 and sections.LISTED_PAIR.fullmatch(window[mentions[0].end:mentions[1].start]):
        return mentions[0]
    return None


def _statement(lead: str) -> bool:
    """Whether a paragraph's lead naming no place is a statement of its own, a part apart (答：各县区和开发区是政策落实的
    责任主体。海港区要…), not a run-in heading (（二）推动区县协同发展。) or a short lead that goes with the first place."""
    return lead.rstrip().endswith("。") and len(lead) > SHORT_LEAD and not sections.RANK_LEAD.match(lead.lstrip()) \
        and bool(_PREDICATE.search(lead))


_PREDICATE = re.compile("[，,；;]|是")  # (a run-in heading, 强化沈大“双核”引领。, holds neither)


def _cut(sentences: list[str], places: list, lead_joins: bool = False) -> list[str]:
    """sentences joined into parts, a new one where a sentence opens with a place other than the part's (and not
    inside it); lead_joins: the sentences before the first place go with it (else, in a round-up, no cut follows
    them)."""
    chunks: list[str] = []
    current = None
    for sentence, found in zip(sentences, places):
        if chunks and found and current is None and lead_joins and not _statement(chunks[-1]):
            chunks[-1] += sentence  # a lead naming no place (（二）推动区县协同发展。) goes with the first place's sentence
            current = found.region
        elif chunks and found and found.region != current and not (is_within(found.region, current or Region())
                                                                   and (not lead_joins or len(chunks[-1]) <= SHORT_LEAD)):
            # (a place inside the part's: a part of its own after a statement of the part's place, 南京市：全市营收增长14%；|
            # 江北新区…, but not after a bare lead, 在广州，黄埔区…; round_up's own cut keeps it with its place's part, which
            # inside_province then cuts)
            chunks.append(sentence)
            current = found.region
        elif chunks:
            chunks[-1] += sentence
        else:
            chunks.append(sentence)
            current = found.region if found else None
    return chunks

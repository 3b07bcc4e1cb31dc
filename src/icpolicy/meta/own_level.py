"""The words a text uses for its own region, and when a passage naming a place inside the region is
still the region's own: the words of its own level (全市, 我市: data/regions.toml own_level), words
pointing back to a place named before (该市, 当地: back_reference), a passage stating the region's own
action (own_action) and one naming a place in passing only (named_in_passing).  Used by places.py
and tagging.py; is_within and own_level_words by the other attribution modules too."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.models import FULL_STOPS, SENTENCE_ENDS, Region
from icpolicy.text.passages import CLAUSE_ENDS, split_sentences

_SENTENCE = re.compile(f"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]?")


def is_within(inner: Region, outer: Region) -> bool:
    return len(inner.path) > len(outer.path) and inner.path[: len(outer.path)] == outer.path


def names_at_or_inside(mentions, path: tuple[str, ...]) -> bool:
    """Whether one of the mentions may mean the place at path or one inside it (北京市, 北京市海淀区 for 北京市)."""
    return any(place.path[:len(path)] == path for mention in mentions for place in mention.places)


def related(path: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one path is the other or lies inside it (is_within either way, or equal), on the bare paths: it runs for
    every place every mention of a paragraph may mean, and Region objects cost there."""
    n = min(len(path), len(other))
    return path[:n] == other[:n]


@lru_cache(maxsize=None)
def _own_level(last: str) -> re.Pattern[str] | None:
    word = load_toml("regions.toml").get("own_level", {}).get(last)
    return re.compile(word) if word else None


def own_level_words(region: Region) -> re.Pattern[str] | None:
    """The words of the region's own level (全市, 我市, 市政府… for a city: data/regions.toml own_level), or None."""
    return _own_level(region.path[-1][-1]) if region.path else None


def in_own_voice(text: str, region: Region) -> bool:
    """Whether text speaks as the region or names it by its own level's words (我们…, 我区将…, 全区…, 在我区设立…)."""
    own = own_level_words(region)
    return "我们" in text or bool(own and own.search(text))


def own_not_shared(text: str, region: Region) -> bool:
    """Whether text goes on in the region's own voice (in_own_voice) about the region alone, not about what it shares or
    does with a neighbour (与我区形成互补, 我区与光谷共建的…: data/regions.toml shared_relation)."""
    return in_own_voice(text, region) and not shared_relation().search(text)


@lru_cache(maxsize=1)
def shared_relation() -> re.Pattern[str]:
    """What a place and another share or do together (两区, 共建, 合作…: data/regions.toml shared_relation)."""
    return re.compile(load_toml("regions.toml")["shared_relation"])


@lru_cache(maxsize=None)
def _first_person(level: str, formal: bool) -> re.Pattern[str]:
    # (not the measure or place of another's figures: 占我市的六成, 位居我市首位, 在我市落户)
    return re.compile(f"(?<![占居列于在])[{'我本' if formal else '我'}]{level}(?!场)")


def first_person(region: Region, formal: bool = True) -> re.Pattern[str] | None:
    """The words a region's own voice names it by (我市, and with formal 本市, for a city; 我区 for a district or an
    autonomous region), or None."""
    return _first_person(region.path[-1][-1], formal) if region.path else None


def level_as_subject(text: str, region: Region) -> bool:
    """True when a clause of the passage opens with the region's whole as the subject of what it will do (某某某强调，全市要…;
    not 全省规模最大的…, the scope of a superlative)."""
    return bool(region.path) and _whole_subject(region.path[-1][-1]).search(text) is not None


def opens_on_whole(text: str, region: Region) -> bool:
    """True when a passage opens on the whole of the region's level (全省集成电路产业过度集中于武汉: the province's, not
    武汉's; data/regions.toml whole_opening)."""
    return bool(region.path) and _whole_opening(region.path[-1][-1]).match(text) is not None


@lru_cache(maxsize=None)
def _whole_opening(level: str) -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["whole_opening"].replace("{level}", level))


@lru_cache(maxsize=None)
def _whole_subject(level: str) -> re.Pattern[str]:
    return re.compile(f"(?:^|[，,：:；;。])\\s*全{level}{load_toml('regions.toml')['whole_subject_verbs']}")


def own_action(text: str, region: Region) -> bool:
    """True when a passage names its places inside the region only after its first sentence and
    states the region's own level (全省, 省级…, data/regions.toml own_level) in a sentence naming no
    place, or, in a passage of one sentence, when a clause after the last that names a place has the
    region's whole as its subject (_whole_clause_after): a place named in passing, the passage is about
    the document's own action.  (Not in a passage of more: blind13 labels `（二）布局绿色算力。依托海南藏族
    自治州的…，到2028年全省算力规模达到…` with the prefecture.)"""
    if not region.path:
        return False
    pattern = _own_level(region.path[-1][-1])
    if pattern is None or not pattern.search(text):
        return False
    sentences = [m.group(0) for m in _SENTENCE.finditer(text)]
    if len(sentences) < 2:
        return _whole_clause_after(text, region, pattern)
    return not _names_inside(sentences[0], region) and any(pattern.search(s) and not _names_inside(s, region) for s in sentences[1:])


_CLAUSES = re.compile(f"[^{CLAUSE_ENDS}]+[{CLAUSE_ENDS}]?")
_CLAUSE_LEAD = re.compile(r"^\s*(?:(?:到|至|从|自)?(?:19|20)\d{2}年(?:起|底|末|前)?|今年|每年|年内)?\s*")


def _whole_clause_after(text: str, region: Region, pattern: re.Pattern[str]) -> bool:
    """True when, after the clause that names a place inside the region, a clause's subject is the region as a whole
    (支持台州市发展汽车零部件产业，2024年起全省每年新增配套企业50家: 全省 opens the clause, after a time at most)
    and no clause after it names a place: the whole region's figure, the place a site of its action."""
    clauses = [m.group(0) for m in _CLAUSES.finditer(text)]
    named = [k for k, clause in enumerate(clauses) if _names_inside(clause, region)]
    if not named:
        return False
    for clause in clauses[named[-1] + 1:]:
        lead = _CLAUSE_LEAD.match(clause).end()
        if pattern.match(clause, lead):
            return True
    return False


FULL_STOP = re.compile(f"[^{FULL_STOPS}]+[{FULL_STOPS}]?")  # a sentence up to its full stop
PASSING_SENTENCES, PASSING_SHARE = 3, 1 / 2  # at least this many sentences; the named one under this share of the text
_QUOTED = ("“", "”", "「", "」")  # a sentence opening inside or right after a quote


def named_in_passing(text: str, region: Region) -> bool:
    """True when a passage of a one-place document names places inside its region in one sentence
    only, of PASSING_SENTENCES or more, and that sentence is under PASSING_SHARE of the passage,
    while the others neither name a place nor point back to one (该市, 当地, 全市 in a province's
    text: data/regions.toml back_reference and own_level): a report's run of the region's own deeds
    (防城港获批建设…试验区。建设保障性安居工程住房…。改造燃气管道…) is the region's, the place named in passing."""
    # (a quote and its speaker's line, “我们80%的客户在上海…。”园区一家企业负责人说，…, go on about the place a story's paragraph
    # opens on: no deeds of the region's own; since session 59)
    sentences = [m.group(0) for m in FULL_STOP.finditer(text) if not m.group(0).startswith(_QUOTED)]
    if len(sentences) < PASSING_SENTENCES or not region.path:
        return False
    named = [s for s in sentences if _names_inside(s, region)]
    if len(named) != 1 or len(named[0]) >= PASSING_SHARE * len(text):
        return False
    back = back_reference(region)
    # (… nor the zone the sentence names, by its kind alone after it: 同意江苏沭阳经济开发区…。调整后，开发区规划面积…; since session 67)
    kinds = [kind for kind in _ZONE_KINDS if kind in named[0]]
    return not any(back.search(s) or any(kind in s for kind in kinds) for s in sentences if s is not named[0])


_ZONE_KINDS = ("开发区", "高新区", "经开区", "园区", "新区", "综保区")


def back_reference(region: Region) -> re.Pattern[str]:
    """The words pointing back to a place named before, in a text of the region (a region with a path)."""
    return _back_reference(region.path[-1][-1])


@lru_cache(maxsize=None)
def _back_reference(last: str) -> re.Pattern[str]:
    """Words pointing back to a place named before: data/regions.toml back_reference, and the own
    level words of every level but the region's own (全市 in a province's text is the city's)."""
    table = load_toml("regions.toml")
    words = [re.escape(word) for word in table["back_reference"] if word != last + "里"]
    words += [word for key, word in table.get("own_level", {}).items() if key != last]
    return re.compile("|".join(f"(?:{word})" for word in words))


def _names_inside(text: str, region: Region) -> bool:
    for mention in regions.gazetteer().find(text):
        if any(is_within(Region(place.path), region) and place.path != region.path for place in mention.places):
            return True
    return False


def whole_after(text: str, region: Region) -> bool:
    """Whether a sentence after a marked lead's first speaks of the lead's place as a whole, by its level's own words
    (湖北：武汉…集群入选…。湖北省经济和信息化厅提出，到2025年全省…): the passage is the lead's, not the place inside it its
    first sentence names (since session 63)."""
    own = own_level_words(region)
    return own is not None and any(own.search(sentence) for sentence in split_sentences(text)[1:])

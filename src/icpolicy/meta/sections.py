"""Section openings of multi-place documents: a heading, a bold lead word (宁波：), a bracket
(【无锡】), a numbered lead (一、成都：), or a lead sentence (近日，2024年宝鸡市政府工作报告公布).

Rules are data (data/sections.toml); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icpolicy.meta import regions, years
from icpolicy.models import Region
from icpolicy.data import load_toml
from icpolicy.text.normalize import nfkc

_SENTENCE_END = "。；;！？!?"
_LEAD_WINDOW = 16
_LIST = ("、", "和", "与", "及", "，", ",")


@dataclass(frozen=True)
class Opening:
    """A place that opens a paragraph; strong when it opens a section on its own."""

    region: Region
    strong: bool
    years: tuple[int, ...] = ()
    marked: bool = False  # a lead mark says so: 【无锡】, 宁波：, 温州——, a heading


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_toml("sections.toml")
    return {
        "prefix": re.compile("(?:" + "|".join(f"(?:{p})" for p in raw["lead_prefixes"]) + ")"),
        "after": re.compile("(?:" + "|".join(raw["after_place"]) + ")"),
        "dateline": re.compile(raw["dateline"]),
        "not_followed": tuple(raw["not_followed_by"]),
        "closing": re.compile(raw["closing"]),
        "heading_tail": re.compile(raw["heading_tail"]),
        "label_line": {**raw["label_line"], "ordinal": re.compile(raw["label_line"]["ordinal"])},
        "group_count": re.compile(raw["group_count"]),
    }


def closes(text: str) -> bool:
    """True when a round-up paragraph speaks about all its places again: it opens like a summary
    (data/sections.toml, closing), or its first clause (or the whole of it) counts the places and
    names none (纵观四城，)."""
    rules = _rules()
    if rules["closing"].match(text.lstrip()):
        return True
    plain = nfkc(text).strip()
    clause = _CLAUSE.split(plain, maxsplit=1)[0]
    # … or the paragraph names no place at all and counts them somewhere (明年三地应…)
    return bool(rules["group_count"].search(clause)) and not regions.gazetteer().find(clause) \
        or bool(rules["group_count"].search(plain)) and not regions.gazetteer().find(plain)


_CLAUSE = re.compile("[，,。：:；;！？!?]")


def _letters(text: str) -> str:
    """The letters of a line, without the marks a round-up puts around a name (1️⃣, ▶, ：, 。)."""
    return "".join(filter(str.isalpha, text))  # isalpha: Unicode category L*, a C call per character


def _label_line(plain: str) -> Opening | None:
    """A short line that is one place after a short ordinal label, or nothing (1️⃣ 西安, 第一站：合肥。,
    镜头一：天津滨海新区): a marked opening (data/sections.toml, label_line)."""
    rule = _rules()["label_line"]
    letters = _letters(plain)
    if not letters or len(letters) > rule["max_letters"]:
        return None
    gaz = regions.gazetteer()
    mentions = gaz.find(letters)
    if not mentions or mentions[-1].end != len(letters):
        return None
    last = mentions[-1]
    named = [m for m in mentions if m.end == last.start or m is last]  # 天津 + 滨海新区: one full name
    if len(mentions) > len(named) or (len(named) > 1 and not _inside(named[1], named[0])):
        return None
    label = letters[:named[0].start]
    before = plain[:plain.rfind(letters[named[0].start:])]
    if len(label) > rule["max_label"] or (label and not rule["ordinal"].search(before)):
        return None
    region = gaz.resolve(named)
    if not region.path and len({p.path for p in last.places}) == 1:
        region = Region(last.places[0].path)
    return Opening(region, True, (), True) if region.path else None


def is_heading_like(text: str, heading: int) -> bool:
    """A heading, or a short line that does not end a sentence (a title line in plain text)."""
    return heading > 0 or (len(text) <= 40 and text[-1] not in _SENTENCE_END)


def _inside(inner: regions.Mention, outer: regions.Mention) -> bool:
    """True when a name right after another lies inside it (重庆市 + 沙坪坝区: a full name)."""
    return any(len(i.path) > len(o.path) and i.path[: len(o.path)] == o.path for i in inner.places for o in outer.places)


def _heading_tail(plain: str, heading: int, pattern: re.Pattern) -> Opening | None:
    """A heading whose last item, after a separator, is a place (关键词：功率模块 · 十堰): a marked opening."""
    match = pattern.match(plain)
    if not match or not plain[match.end():]:
        return None
    places = regions.gazetteer().lookup(plain[match.end():].strip())
    paths = {p.path for p in places}
    return Opening(Region(places[0].path), True, (), True) if len(paths) == 1 else None


@lru_cache(maxsize=16384)
def opening(text: str, heading: int) -> Opening | None:
    """The place a paragraph opens with, if any (see module docstring); else a label line's place."""
    return _lead(text, heading) or _label_line(nfkc(text[:80]).replace("\u3000", " ").strip())


def _lead(text: str, heading: int) -> Opening | None:
    """The place a paragraph starts with, after its lead prefixes."""
    rules = _rules()
    plain = nfkc(text[:80]).replace("\u3000", " ").strip()
    start, bracket = 0, False
    for _ in range(6):
        match = rules["prefix"].match(plain, start)
        if not match or match.end() == start:
            break
        bracket = bracket or plain[match.start()] in "【[〔"
        start = match.end()
        while start < len(plain) and plain[start] == " ":
            start += 1
    gaz = regions.gazetteer()
    tail = _heading_tail(plain, heading, rules["heading_tail"]) if is_heading_like(text, heading) else None
    if tail:
        return tail
    lead = plain[start:start + _LEAD_WINDOW]
    mentions = gaz.find(lead)
    if not mentions or mentions[0].start != 0:
        return None
    first = mentions[0]
    if len(mentions) > 1 and mentions[1].start - first.end <= 1 and lead[first.end:mentions[1].start] in ("", "、", "和", "与", "及", "，", ",", " ") \
            and not (mentions[1].start == first.end and _inside(mentions[1], first)):
        return None  # a list of places (香港、澳门…, a table header) is about none of them alone; 重庆市沙坪坝区 is one name
    if len(mentions) > 1 and mentions[1].start == first.end and _inside(mentions[1], first) \
            and lead[mentions[1].end:mentions[1].end + 1] not in _LIST:
        named, first = [first, mentions[1]], mentions[1]  # a full name (贵阳市白云区的…): the place it ends with
    else:
        named = [first]  # … but 重庆市沙坪坝区、九龙坡区 is a list of the city's districts: the city
    rest = plain[start + first.end:]
    if rest.startswith(rules["not_followed"]):
        return None
    marked = heading > 0 or bracket or bool(rules["after"].match(rest))
    strong = marked or is_heading_like(text, heading)
    strong = strong or bool(rules["dateline"].search(plain))
    region = gaz.resolve(named)
    if not region.path and first.short and strong and len({p.path for p in first.places}) == 1:
        region = Region(first.places[0].path)
    if not region.path:
        return None
    # a year before the place speaks for the section only in a section lead (a heading, a dated
    # session or report); in a body sentence (2025年，沈阳…增长18%) it is that sentence's
    stated = (years.stated(plain[:start]) if strong else ()) or ((years.congress_year(text),) if years.congress_year(text) else ())
    if not stated and strong:
        report = years.report_year_in(plain)
        stated = (report,) if report else ()
    return Opening(region, strong, stated, marked)

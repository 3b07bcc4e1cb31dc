"""A compilation of policies (惠企政策汇编): each entry, a policy's title line and the labelled lines under it, speaks for
its policy's term and its issuer's place, not the compiler's (data/sections.toml [compilation]; since session 66)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import periods, regions, years
from icpolicy.meta.title_places import issuer_region
from icpolicy.models import Region

Keys = tuple[Region | None, tuple[int, ...]]
_START = re.compile(r"(?<![自从\d])((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*起)")  # a first day without its 自


def is_compilation(title: str) -> bool:
    """True when a title names a compilation of policies (…惠企政策汇编（2024年版）)."""
    return bool(_rules()[0].search(title))


def entries(paragraphs: list[str], issued: int) -> dict[int, Keys]:
    """The place and years of each paragraph inside an entry, by its index: the entry's issuer's place (else its group
    heading's, else None) and its policy's term (its title's period, else the term its lines state, else ()); issued: the
    compilation's year, from which a term stated by its end alone runs."""
    _, entry, group, national, issuer, label, part = _rules()
    # (【执行期限】2025年3月1日起施行，有效期三年 read as 执行期限：自2025年3月1日起施行，…)
    paragraphs = [_START.sub(r"自\1", label.sub(r"\1：", text, count=1)) for text in paragraphs]
    keys: dict[int, Keys] = {}
    starts = [k for k, text in enumerate(paragraphs) if entry.match(text) and not group.match(text)]
    bounds = starts + [len(paragraphs)]
    for start, end in zip(bounds, bounds[1:]):
        end = next((k for k in range(start + 1, end) if group.match(paragraphs[k]) or part.match(paragraphs[k])), end)
        lines = paragraphs[start:end]
        term = years.plan_range(lines[0]) or periods.in_force(lines, issued) or periods.stated_period(lines)
        body = next((m.group(1) for m in map(issuer.match, lines) if m), "")
        place = _issuer_place(body, national) or _heading_before(paragraphs, start, group, national)
        for k in range(start, end):
            keys[k] = (place, term)
    return keys


def _heading_before(paragraphs: list[str], at: int, group: re.Pattern, national: re.Pattern) -> Region | None:
    """The place of the last group heading before paragraph `at`, or None."""
    for text in reversed(paragraphs[:at]):
        if (heading := group.match(text)):
            return _group_place(heading.group(1), national)
    return None


def _group_place(name: str, national: re.Pattern) -> Region | None:
    """The place a group heading names (国家 → 全国, 江苏省 → 江苏省), or None (园区, 市级: the compiler's own or unknown)."""
    if national.match(name):
        return regions.NATIONAL
    gaz = regions.gazetteer()
    found = gaz.find(name)
    return gaz.resolve(found) if found and found[0].start == 0 else None


def _issuer_place(body: str, national: re.Pattern) -> Region | None:
    """The place an entry's issuer speaks for (江苏省人民政府: 江苏省; 财政部　税务总局: 全国), or None."""
    if not body:
        return None
    if regions.gazetteer().opens_national(body) or national.match(body):
        return regions.NATIONAL
    place = issuer_region(body)
    return place if place.path else None


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, ...]:
    rule = load_toml("sections.toml")["compilation"]
    return tuple(re.compile(rule[key]) for key in ("title", "entry", "group", "national", "issuer", "label", "part"))

"""The years a passage's words name that are not the passage's own, left out before its years are read: the documents
it cites as its ground ([cited]), what an applicant already had or did in a call's conditions ([condition]), and the
target of a plan being drafted ([period_plan] drafted_target) (data/years.toml); and the words naming the document's own
year written as it (own_year: 本年度 in a call for the next year)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.year_words import years_rule


def uncited(text: str) -> str:
    """The text without the documents it cites as its ground, and the years dating them ([cited] of data/years.toml)."""
    if "《" in text or "）" in text:  # (…三年行动计划（2025—2027年）起草工作: a plan drafted, unquoted)
        text = years_rule("cited", "repealed").sub("", years_rule("cited", "pattern").sub("", text))
    return years_rule("cited", "former").sub("", text) if "《" in text or "年" in text else text


def unconditioned(text: str, first: int) -> str:
    """The text without the years before first that state what an applicant or a project already had or did (2023年已获得
    …支持的项目, 2023年度财务状况良好: [condition] of data/years.toml): conditions of who qualifies, in a policy of first."""
    if "年" not in text:
        return text
    def drop(m: re.Match) -> str:
        if m.group("relative"):
            return ""  # (往年已申报…, 去年和今年已获批…: what was already had, in words)
        year = next(group for group in m.groups() if group)
        return "" if int(year[:4]) < first else year
    return years_rule("condition", "pattern").sub(drop, text)


def undrafted(text: str) -> str:
    """The text without the target years of a plan being drafted (启动编制《…规划》，围绕…提出到2030年的发展目标: years.toml
    [period_plan] drafted_target), read before the plan's name is cut as a citation."""
    if "年" not in text:
        return text
    rule = _drafted_target()
    return rule[0].sub(lambda m: m.group(0) if not rule[1].search(text[max(0, m.start() - 90):m.start()]) else "", text)


@lru_cache(maxsize=1)
def _drafted_target() -> tuple[re.Pattern, re.Pattern]:
    """(a target year and its goal's words, what comes before it in the sentence): [period_plan] drafted_target."""
    rule = load_toml("years.toml")["period_plan"]["drafted_target"]
    return re.compile(r"(?<!\d)(?:19|20)\d{2}(?=" + rule["after"] + ")"), re.compile(rule["before"])


def own_year(text: str, year: int) -> str:
    """The text with the words naming the document's own year (本年度: data/years.toml [own_year]) written as that year, in a
    document for one year signed in another (本年度扶持计划分两批受理 in a 2026年度 call signed in November 2025: 2026)."""
    for word in _own_year_words():
        if word in text:
            text = text.replace(word, f"{year}年度")
    return text


@lru_cache(maxsize=1)
def _own_year_words() -> tuple[str, ...]:
    return tuple(load_toml("years.toml")["own_year"]["words"])

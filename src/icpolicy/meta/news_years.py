"""The years a news story speaks of where it does not write them: the year of an undated story that reports
a whole year's results (after_results), the year its lead reports results for (news_lead_year), and the years a
paragraph of it looks back to alone (looks_back)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import dates, year_leads, years
from icpolicy.meta.year_words import word_rules, years_rule
from icpolicy.text.passages import split_sentences

# a whole year's result, told against the year before it (2024年新区…营收突破800亿元，同比增长18%; …，比上年增长11%): not a part of a
# year (2025年一季度, 2025年1—2月, 2025年以来), which the year it is reported in tells too
_YEAR_RESULT = re.compile(r"((?:19|20)\d{2})年(?!\d|[一二三四上下前]{1,2}季度|[上下]半年|前三季度|[一二三四五六七八九十\d]{1,2}(?:月|—|-|至)|以来|底|末)[^。；;]{0,40}?(?:同比|比上年|较上年)")


def after_results(body: list[str]) -> int:
    """The year after the latest whole year whose results an undated story reports, when it also speaks of 今年
    (2024年…营收…同比增长18%。…今年以来，…一季度…: 2025), or 0.  A story of the year it is in calls that year 今年, so
    the year it writes out for a year's results is the one before."""
    plain = [dates.plain(text) for text in body[:40]]
    if not any("今年" in text for text in plain):
        return 0
    found = [int(m.group(1)) for text in plain for m in _YEAR_RESULT.finditer(text)]
    return max(found) + 1 if found else 0


def news_lead_year(text: str) -> int:
    """The year a news passage of one sentence reports a whole year's results for, right after its dateline and
    lead-in (data/years.toml [news_lead]: …记者从…获悉，2024年…同比增长18%，…。), or 0."""
    rest = _after_preamble(dates.plain(text))
    found = _YEAR_RESULT.match(rest)
    if not found or year_leads.goes_on(rest):
        return 0
    return int(found.group(1))


def _after_preamble(plain: str) -> str:
    """A story's paragraph after its dateline and lead-in (本报天津2025年3月5日电 记者从…获悉，: [news_lead] preamble)."""
    return plain[years_rule("news_lead", "preamble").match(plain).end():]


def looks_back(text: str, own: tuple[int, ...], base: int, quiet_ok: bool = False, until_now: bool = False) -> tuple[int, ...]:
    """The years a story's paragraph looks back to, or (): those its sentences speak of when every one of them speaks
    only of years before the story's year, the last of `own` (去年全区新增标准机架超过两万个，…。 in a story of 2025: 2024
    alone; in a story dated January 2026 of 2025 and 2026, 去年…: 2025 alone).  A sentence with no year of its own
    (苏州工业园区聚集了…完整链条。) speaks of the story's time, and so does one where a year dates a thing it names
    (去年引进的…项目已满产运行, 2023年和2024年的政府工作报告…: the year stands before 的).  The dateline and lead-in
    (本报天津2025年3月5日电 记者从…获悉，) are left out.  (Not ahead: a story's `明年…` and `到2027年…` keep its year, as the
    labelled sets have it: blind11, blind12.)  quiet_ok: a sentence naming no year passes over (a reply's or a round-up's
    background before its figures: 南昌是全国重要的LED产业基地。2023年，全市…: 2023, as the h-blind37/38 labels read it);
    until_now: … but not one that speaks of now (a life story's 如今，公司已有…: since session 62)."""
    if not own:
        return ()
    found: set[int] = set()
    for sentence in split_sentences(_after_preamble(dates.plain(text))):  # (its dateline's year is no year spoken of)
        stated = set(years.stated(sentence))
        said = stated | set(years.spoken(sentence, base))
        continued = found and not stated and years_rule("news_lead", "continued").search(sentence)
        if continued and said <= {base}:
            said = set()  # (…2024年全国产业销售额…。全年…同比增长16.6%；其中…: the year before's figures go on; since session 52)
        now = years_rule("news_lead", "now").search(sentence) or (until_now and _life_now().search(sentence))
        if not said and ((quiet_ok and not (until_now and now)) or found and (continued or years_rule("news_lead", "back_in_time").search(sentence))
                         and not now):
            continue  # (这一年，… after 转机出现在2021年。: that year's)
        if not said or _dating_a_thing().search(sentence) or years_rule("news_lead", "state").search(sentence):
            return ()  # (…，截至目前，海沧已集聚…企业110余家，去年全区…: of now too; since session 52)
        if max(said) >= max(own):
            return ()
        found |= said
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def _dating_a_thing() -> re.Pattern:
    """A year, in figures or words, and at most four characters then 的 (2023年落户的企业, 去年引进的项目)."""
    relative = word_rules()[0].pattern
    return re.compile(rf"(?:(?:19|20)\d{{2}}\s*年|{relative})[\u4e00-\u9fff]{{0,4}}的")


def life_story(opening: list[str]) -> bool:
    """Whether a story's opening tells of a person's life (a birth, 1984年，他出生在…, or a profile's subtitle, ——记…创始人:
    data/years.toml [looking_back] life): its paragraphs opening on a past year tell that year, their yearless sentences
    going on in it, not the story's now (since session 62)."""
    return any(_life().search(text) for text in opening)


@lru_cache(maxsize=1)
def _life() -> re.Pattern:
    return re.compile(load_toml("years.toml")["looking_back"]["life"])


@lru_cache(maxsize=1)
def _life_now() -> re.Pattern:
    """Words of a life story's present state (专注于…, 已成为…, 现有员工…: data/years.toml [looking_back] life_now)."""
    return re.compile(load_toml("years.toml")["looking_back"]["life_now"])


def looking_back(meta) -> bool:
    """Whether a document of one year is of a type whose paragraphs about earlier years report those years alone, as a
    story's do (a reply to a deputy, a round-up: data/years.toml [looking_back])."""
    return len(meta.years) == 1 and meta.doc_type in _looking_back_types()


def looks_back_by_type(doc_type: str) -> bool:
    """Whether documents of this type report earlier years in paragraphs of their own (data/years.toml [looking_back]
    types): a reply dated early in a year that gives last year's figures speaks for the year it is dated alone."""
    return doc_type in _looking_back_types()


def explaining(meta) -> bool:
    """Whether a document explains a policy (data/years.toml [looking_back] explainers): its paragraphs about years before
    the policy's first report those years alone."""
    return bool(meta.years) and meta.doc_type in _explainer_types()


@lru_cache(maxsize=1)
def _explainer_types() -> frozenset[str]:
    return frozenset(load_toml("years.toml")["looking_back"]["explainers"])


@lru_cache(maxsize=1)
def _looking_back_types() -> frozenset[str]:
    return frozenset(load_toml("years.toml")["looking_back"]["types"])

"""A paragraph of a plan, a policy or a yearbook that reports on years before its document's, and on no later one
(…是我市的特色产业。2024年，全市…营业收入达到…。为巩固…，制定本方案。 in a 2025—2027 plan): it speaks for those years
alone.  Reports keep their review rules ([review] of data/years.toml) and news its look-back (news_years.looks_back)."""

from __future__ import annotations

from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import years
from icpolicy.text.passages import split_sentences


@lru_cache(maxsize=1)
def _skipped_types() -> frozenset[str]:
    return frozenset(load_toml("years.toml")["reported"]["skip_types"])


def reports_earlier(text: str, stated: tuple[int, ...], own: tuple[int, ...], doc_type: str) -> bool:
    """True when every year text states (without the documents it cites) is before the document's years `own`, and one
    of its sentences opens on such a year ([lead]: 2024年，…; 【综述】2024年，…), the way a review reports a year's results.
    A year named in passing (对上年度营业收入首次突破…的企业) opens no sentence: the passage stays with its document."""
    if not stated or not own or max(stated) >= min(own) or doc_type in _skipped_types():
        return False
    return any(years.lead_year(sentence, whole=True) for sentence in split_sentences(text))

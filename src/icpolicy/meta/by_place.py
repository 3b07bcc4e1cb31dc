"""A paragraph that goes place by place, cut where each place begins, so each part is filed under its place.

A round-up's paragraph a sentence a place (苏州提出…。无锡将…。), and a one-place text's paragraph whose every
sentence or ；-clause after a lead opens with a place inside the text's (（二）推动区县协同发展。肥西县要…；庐阳区要…。
in a 合肥 report).  Used by meta/tagging.py before it files each part.
"""

from __future__ import annotations

import re

from icpolicy.meta import sections
from icpolicy.meta.places import is_within
from icpolicy.models import Region
from icpolicy.text.passages import split_sentences

_CLAUSE = re.compile(r"[^。；！？!?;]+[。；！？!?;]?")


def round_up(text: str) -> list[str]:
    """A round-up paragraph in parts, one a place (a sentence each), or [text]."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return [text]
    places = [sections.opening(sentence.strip(), 0) for sentence in sentences]
    if len({o.region for o in places if o}) < 2:
        return [text]
    return _cut(sentences, places)


def inner(text: str, region: Region) -> list[str]:
    """A one-place text's paragraph in parts, one a place inside region, when every clause after a lead opens with
    one (…。肥西县要…；庐阳区要…。): a list of places, not a paragraph on one subject in which a sentence happens to
    start with a place or its landmark (厦门马拉松…); else [text]."""
    if "；" not in text and text.count("。") < 2:
        return [text]
    clauses = _CLAUSE.findall(text)
    if len(clauses) < 2:
        return [text]
    places = [sections.opening(clause.strip(), 0, region.path) for clause in clauses]
    places = [o if o and is_within(o.region, region) else None for o in places]
    if not all(places[1:]) or len({o.region for o in places if o}) < 2:
        return [text]
    return _cut(clauses, places, lead_joins=True)


def _cut(sentences: list[str], places: list, lead_joins: bool = False) -> list[str]:
    """sentences joined into parts, a new one where a sentence opens with a place other than the part's (and not
    inside it); lead_joins: the sentences before the first place go with it (else, in a round-up, no cut follows
    them)."""
    chunks: list[str] = []
    current = None
    for sentence, found in zip(sentences, places):
        if chunks and found and current is None and lead_joins:
            chunks[-1] += sentence  # a lead naming no place (（二）推动区县协同发展。) goes with the first place's sentence
            current = found.region
        elif chunks and found and found.region != current and not is_within(found.region, current or Region()):
            chunks.append(sentence)
            current = found.region
        elif chunks:
            chunks[-1] += sentence
        else:
            chunks.append(sentence)
            current = found.region if found else None
    return chunks

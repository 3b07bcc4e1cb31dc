"""Whether a paragraph that opens with a place names others beside it, clause by clause with the same word after each
(成都提出…，西安提出…): places side by side, none of which the paragraph is about alone.  Used by meta/sections.py."""

from __future__ import annotations

from icpolicy.meta import regions
from icpolicy.meta.own_level import related
from icpolicy.models import Region
from icpolicy.text.tokens import first_word

_CLAUSE_START = "，,；;。：:"


def side_by_side(plain: str, region: Region) -> bool:
    """Whether a paragraph that opens with a place (region) names another, neither inside it nor holding it, opening a
    later clause with the word its own place is followed by (成都提出…，西安提出…; 河北省廊坊市要…，山东省淄博市要…):
    places side by side, none of which the paragraph is about alone.  A full name (河北省廊坊市) counts as one."""
    names: list[list] = []  # runs of mentions written one after another: one full name each
    for mention in regions.gazetteer().find(plain):
        if names and names[-1][-1].end == mention.start:
            names[-1].append(mention)
        else:
            names.append([mention])
    own = next((k for k, run in enumerate(names) if any(p.path == region.path for m in run for p in m.places)), None)
    if own is None:
        return False
    end = names[own][-1].end
    if not ("\u4e00" <= plain[end:end + 1] <= "\u9fff"):
        return False
    word = first_word(plain[end:])  # (jieba's: 发布 and 发展改革委 part, 提出 and 提出 do not)
    for run in names[own + 1:]:
        start, stop = run[0].start, run[-1].end
        if not start or plain[start - 1] not in _CLAUSE_START or first_word(plain[stop:]) != word:
            continue
        if not any(related(p.path, region.path) for p in run[-1].places):
            return True
    return False

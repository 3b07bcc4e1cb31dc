"""Whether a figure is a target or a reported one: the cues around it, its year, the part of its report, the kind of
document.  Helpers of meta/targets.py (moved out of it, unchanged, to keep modules small)."""

from __future__ import annotations

import re

from icpolicy.meta.target_rules import CLAUSE_MARK, Rules

_MARKS = re.compile("[" + re.escape(CLAUSE_MARK) + "]")


class Plan:
    """Whether a passage reads as a plan (its uncued figures are targets); worked out when first asked."""

    def __init__(self, text: str, doc_type: str, r: Rules):
        self.text, self.doc_type, self.r, self.value = text, doc_type, r, None

    def __bool__(self) -> bool:
        if self.value is None:
            r, text = self.r, self.text
            self.value = bool(self.doc_type) and any(t in self.doc_type for t in r.target_doc_types)
            if not self.value:
                review = r.review_lean.search(text) or r.closing_lean.search(text)
                self.value = not review and bool(r.plan_lean.search(text))
        return self.value


def kind_of(cues: list, position: int, after: str, fig_year: int, by_marker: bool, year: int, plan, carried: str, r: Rules,
            yearly: bool = False) -> str:
    """target or reported: a figure for a later year or under 到YYYY年 (in a plan, any year: its yearly targets) is a
    target, else the nearest
    cue decides: before the number in its sentence, else opening the next clause (…4200亿元，同比增长),
    else a cue carried from an earlier sentence (预期目标是：…；…), else the kind of document.  A figure for an earlier
    year than the passage's is reported, unless `yearly`: a year of the plan's own span after its first (力争2026年… in a
    2025—2027 plan), which the cues and the plan decide."""
    if by_marker and plan and not any(m.end() <= position and m.group(0) not in r.target_cues for m in cues):
        return "target"  # 到2024年… in a 2024—2026 plan (uncued figures for 2026): a yearly target, not a past figure; not 到2024年底，已…
    if fig_year and year and fig_year < year and not yearly:
        return "reported"
    if by_marker:
        return "target"
    if fig_year and year and fig_year > year:
        return "target"
    before = [m for m in cues if m.end() <= position]
    cue = before[-1].group(0) if before else ""
    if not cue:
        mark = _MARKS.search(after)
        nxt = r.cue.match(after, mark.end()) if mark else None
        cue = nxt.group(0) if nxt and nxt.group(0) not in r.not_cues else ""
    if cue:
        return "target" if cue in r.target_cues else "reported"
    return carried or ("target" if plan else "reported")

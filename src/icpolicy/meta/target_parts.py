"""Which part of a work report each passage stands in: the review of the past year or the plan.

A 政府工作报告 first reviews the past year (一、2024年工作回顾) and then sets out the plan
(二、2025年工作安排, 主要预期目标是：…); a figure with no cue of its own is reported in the first
part and a target in the second.  Besides the plan words, a part's work heading (一、…, or one
unnumbered) that names a later year than the review's heading did (二、2025年主要工作 after
一、2024年工作回顾), or the report's own year (a report of one year) or a later one, opens the plan,
however it words the work (做好2025年经济社会发展工作).  The part follows from the document's section headings, so it
is worked out over a whole document (at ingest, where every passage is at hand) and handed to
targets.extract as `part`.  Rules are data (data/targets.toml, [parts]).
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.target_columns import Columns
from icpolicy.models import SENTENCE_ENDS

REVIEW, PLAN = "review", "plan"
_NUMBERED = re.compile("^[一二三四五六七八九十]+[、．.]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_SUBSECTION = re.compile(r"[（(\d第]")  # （二）…, 1. …, 第三节: a section inside a part
_SECTION = re.compile(r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d))")  # a section's number


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_toml("targets.toml")["parts"]
    return {key: tuple(raw[key]) for key in ("doc_types", "appendix_headings", "review_headings", "plan_headings", "review_openers", "plan_openers", "plan_dropped_cues", "review_dropped_cues", "work_words", "title_words")} \
        | {"heading_length": int(raw["heading_length"]), "opening": int(raw["opening"])}


def dropped_cues(part: str) -> tuple[str, ...]:
    """Cues that say nothing in this part: reported ones in the plan, target ones in the review (data/targets.toml, [parts])."""
    return _rules()["plan_dropped_cues"] if part == PLAN else _rules()["review_dropped_cues"] if part == REVIEW else ()


def _heading(text: str, limit: int) -> bool:
    text = text.strip()
    return bool(text) and (bool(_NUMBERED.match(text)) and len(text) <= 2 * limit or len(text) <= limit and text[-1] not in SENTENCE_ENDS)


def is_heading(text: str) -> bool:
    """Whether a passage is a heading (a short line with no sentence end, or a numbered one: 一、…), as the parts read them."""
    return _heading(text, _rules()["heading_length"])


def runs_in(sentence: str) -> bool:
    """Whether a passage's first sentence is a heading run into its body: a heading, or one numbered as a section
    (一、, （三）, 1．) of at most heading_length characters (（三）新增充电桩5000个。全市新增…)."""
    return is_heading(sentence) or bool(_SECTION.match(sentence.strip())) and len(sentence.strip()) <= _rules()["heading_length"]


def parts(texts: list[str], doc_type: str, years: tuple[int, ...] = ()) -> list[str]:
    """The part ("review", "plan" or "" when unknown) of each passage of a document (of these policy years), in order."""
    return Parts(doc_type, years).feed(texts)


def reports(doc_type: str) -> bool:
    """Whether documents of this type have parts (work reports; data/targets.toml, [parts])."""
    return any(t in doc_type for t in _rules()["doc_types"])


def by_ordinal(passages, doc_type: str, years: tuple[int, ...] = ()) -> dict[int, str]:
    """ordinal -> part, over (ordinal, text) pairs of a whole document in order."""
    ordinals, texts = zip(*passages) if passages else ((), ())
    return dict(zip(ordinals, parts(list(texts), doc_type, years)))


class Parts:
    """The part of each passage of one document, fed in order (a streamed file comes in chunks)."""

    def __init__(self, doc_type: str, years: tuple[int, ...] = ()):
        self.rules = _rules()
        self.report = reports(doc_type)
        self.part = ""
        self.plan_from = years[0] if len(years) == 1 else None  # a work heading naming this year or a later one opens the plan
        self.columns = Columns()  # the year columns of the table the last passage was in

    def feed(self, texts: list[str]) -> list[str]:
        """The parts of the next passages of the document."""
        if not self.report:
            return [""] * len(texts)
        r, out, part = self.rules, [], self.part
        for text in texts:
            head = text.strip()
            if _heading(head, r["heading_length"]):
                if head.startswith(r["appendix_headings"]):
                    part = ""
                elif any(w in head for w in r["review_headings"]):
                    part = REVIEW
                    named = [int(y) for y in _YEAR.findall(head)]
                    if named:
                        self.plan_from = max(named) + 1 if self.plan_from is None else min(self.plan_from, max(named) + 1)
                elif any(w in head for w in r["plan_headings"]) or self._names_plan_year(head):
                    part = PLAN
            else:
                opening = head[: r["opening"]]
                if part != PLAN and any(w in opening for w in r["plan_openers"]):
                    part = PLAN  # 主要预期目标是：… opens the plan where no heading said so
                elif not part and opening.startswith(r["review_openers"]):
                    part = REVIEW  # 一年来，… opens the review where no heading said so
            out.append(part)
        self.part = part
        return out

    def _names_plan_year(self, head: str) -> bool:
        """A part's work heading (一、… or unnumbered; not a section's （二）…, 1. …, which a review holds too, nor the
        report's title) that names the plan's year or a later one."""
        r = self.rules
        if self.plan_from is None or not any(w in head for w in r["work_words"]) or any(w in head for w in r["title_words"]) \
                or _SUBSECTION.match(head):
            return False
        return any(int(y) >= self.plan_from for y in _YEAR.findall(head))

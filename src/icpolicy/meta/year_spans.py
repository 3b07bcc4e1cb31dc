"""Years a sentence spans by its dates (years.stated's help since session 49): a work's schedule from its start to its
end (2025年10月开工…，2027年3月底建成投产: 2025–2027), a term stated with its length and start (有效期为三年，自2026年1月1日
起: 2026–2028), and a date written in figures inside a sentence (于2026.1.15前: 2026).  The rules are data/years.toml's
[schedule] and [term]."""

from __future__ import annotations

import re

from icpolicy.meta.dates import cn_number
from icpolicy.meta.year_words import schedule_longest, years_rule

_LONGEST = schedule_longest()  # years a schedule or a term may span


def spans(plain: str) -> set[int]:
    """The years the schedules, terms and dates in figures of a text (dates.plain) span."""
    found: set[int] = set()
    for m in _SCHEDULE.finditer(plain):
        if 0 < int(m.group(2)) - int(m.group(1)) <= _LONGEST:
            found.update(range(int(m.group(1)), int(m.group(2)) + 1))
    if "." in plain or "-" in plain or "/" in plain:
        found.update(int(m.group(1) or m.group(2)) for m in _PROSE_DATE.finditer(plain))
    if "期" in plain:
        found.update(_term(plain))
    return found


def _term(plain: str) -> set[int]:
    """The years of a term stated with its length and start in one sentence ([term])."""
    found: set[int] = set()
    for sentence in re.split(r"[。；;]", plain):
        length, start = _TERM_LENGTH.search(sentence), _TERM_START.search(sentence)
        if length and start:
            written = length.group(1).replace("两", "二")
            try:
                count = int(written) if written.isdigit() else cn_number(written)
            except (KeyError, IndexError):
                continue
            if 0 < count <= _LONGEST:
                # N years less a day: from 1 January (or a year alone) it ends in the year N-1 on, from a later day it reaches
                # into the year N on (自2024年4月1日起施行，有效期三年: 2024–2027; since session 68, as periods.in_force reads it)
                # (not a plan's own term in a passage, 本规划自2026年5月1日起施行，有效期五年 in a 2026—2030 plan: its period's)
                day = _FIRST_DAY.match(sentence, start.end(1))
                later = bool(day) and (int(day.group(1)), int(day.group(2))) != (1, 1) and not _OWN_TEXT.search(sentence)
                found.update(range(int(start.group(1)), int(start.group(1)) + count + later))
    return found


_OWN_TEXT = re.compile(r"本(?:规划|方案|计划)")  # (a plan's, which names its period; not 本办法…, whose term is its years)
_FIRST_DAY = re.compile(r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


_TERM_LENGTH, _TERM_START = years_rule("term", "length"), years_rule("term", "start")
_SCHEDULE = years_rule("schedule", "pattern")
# a date written in figures inside a sentence (自2025.3.1起施行, 截至2025-12-20): its year stated; not a dateline's or a source
# line's date standing alone (2025-01-08　来源：…), which dates the text rather than speaks of a year
_PROSE_DATE = re.compile(r"(?<=[自于至到从在止])((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.])"
                         r"|(?<![\d.])((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}(?=起|前|止|施行|开始|之前|以前)")

"""Page furniture in extracted text: a page's bare edge numbers and the running head a text saved from a PDF
repeats at the top of each page.  Pure functions over the lines text/clean.py splits a text into; the rules
(edge numbers, sentence ends, paragraph starts) come from data/cleaning.toml through clean."""

from __future__ import annotations

import re

from icpolicy.models import SOFT_BREAK
from icpolicy.text.normalize import is_cjk

HEAD_REACH = 2  # lines after a page's start or its number (a blank between) within which a running head stands
_HEAD_CHARS = (4, 30)  # the length of a running head (南湖区人民政府文件, 某某公司年度报告)
_LABEL_MARK = re.compile("[:：]")  # 责任单位：市科技局: a task's field, repeated in a list, never a page's head
_CLOSERS = "”’\"')）】」』"


def ends_sentence(line: str, ends: tuple[str, ...]) -> bool:
    """Whether a line ends a sentence (one of `ends`, closing quotes and brackets after it allowed)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ends


def drop_edge_numbers(lines: list[str], edge: re.Pattern) -> list[str]:
    """Blank a bare number (`edge`) that is the first or last non-empty line of a page."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return lines
    lines = list(lines)
    for i in {filled[0], filled[-1]}:
        if edge.match(lines[i]) and len(filled) > 1:
            lines[i] = ""
    return lines


def without_running_heads(lines: list[tuple[str, int]], page_top: dict[int, int], ends: tuple[str, ...],
                          paragraph_start: re.Pattern) -> list[tuple[str, int]]:
    """lines without the later copies of a page's running head that a text saved from a PDF (or a .docx
    made of one, a line a paragraph) carries into the middle of a sentence: a short line seen before,
    standing at the top of a page (after a form feed or a page number line) where the line above it runs
    on (…省级研发 / - 2 - / 南湖区人民政府文件 / 机构，…).  Its first copy (a letterhead) stays, and so does
    a copy after a sentence's end, away from a page's top, or on the page of the copy before (a heading, a
    table's repeated cell).  page_top: the lines within HEAD_REACH of a page's edge, each with that edge's place."""
    seen: dict[str, int] = {}  # a possible head: where it was last seen
    out: list[tuple[str, int]] = []
    before = ""  # the last line with text
    for at, (line, level) in enumerate(lines):
        if line and line != SOFT_BREAK and not level:
            if line in seen and page_top.get(at, -1) > seen[line] and before and not ends_sentence(before, ends) \
                    and not _opens_after(lines, at, paragraph_start):
                seen[line] = at
                continue
            if _HEAD_CHARS[0] <= len(line) <= _HEAD_CHARS[1] and not ends_sentence(line, ends) and any(map(is_cjk, line)) \
                    and not _LABEL_MARK.search(line):
                seen[line] = at
        out.append((line, level))
        if line and line != SOFT_BREAK:
            before = line
    return out


def _opens_after(lines: list[tuple[str, int]], at: int, paragraph_start: re.Pattern) -> bool:
    """Whether the next line with text after lines[at] opens a paragraph (5. …, （二）…): the sentence
    before does not run on through lines[at], so it is no head inside a sentence."""
    following = next((line for line, _ in lines[at + 1:] if line and line != SOFT_BREAK), "")
    return not following or bool(paragraph_start.match(following))

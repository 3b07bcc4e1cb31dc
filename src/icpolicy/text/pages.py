"""Page furniture in extracted text: a page's bare edge numbers and the running head a text saved from a PDF
repeats at the top of each page.  Pure functions over the lines text/clean.py splits a text into; the rules
(edge numbers, sentence ends, paragraph starts) come from data/cleaning.toml through clean."""

from __future__ import annotations

import re

from icpolicy.models import SOFT_BREAK
from icpolicy.text.normalize import is_cjk

HEAD_REACH = 2  # lines after a page's start or its number (a blank between) within which a running head stands
_HEAD_CHARS = (4, 40)  # the length of a running head (南湖区人民政府文件, 某某公司年度报告, a plan's title with its period)
_TITLE_HEAD = 8  # … a line first on two pages or more is one when it has this many characters (not a short heading, 主要做法)
_CELL_GAP = re.compile(r"\S\s{2,}\S|\S\u3000\S|\|")  # a table's row (序号  项目名称  总投资), which a long table repeats atop its pages
_LABEL_MARK = re.compile("[:：]")  # 责任单位：市科技局: a task's field, repeated in a list, never a page's head
CLAUSE_MARK = re.compile("[，、；,;]")  # a clause mark inside a sentence: the line above a page's foot is running text (and text/wraps)
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
                          paragraph_start: re.Pattern, feet: set[int] | frozenset[int] = frozenset(),
                          doc_number: re.Pattern | None = None) -> list[tuple[str, int]]:
    """lines without the later copies of a page's running head (or foot) that a text saved from a PDF (or a
    .docx made of one, a line a paragraph) carries into the middle of a sentence: a short line seen before,
    standing at the top of a page (after a form feed or a page number line) or at its foot (before one) where
    the line above it runs on (…省级研发 / - 2 - / 南湖区人民政府文件 / 机构，…; …方面给 / 南湖区人民政府办公室印发 /
    - 3 - / 予支持。…); a line that opens a paragraph (（四）…, a heading a compilation repeats) is never one.
    Its first copy stays when it is a letterhead (not at a
    later page's top inside a sentence: there it goes too, once a later copy shows it is the head), and so does
    a copy after a sentence's end, away from a page's top, or on the page of the copy before (a heading, a
    table's repeated cell); a copy at a later page's top after a sentence's end, text after it, goes when an earlier
    copy went or the first cut a sentence at a page's top (- 1 - / 瓯海区人民政府办公室 / 元，所需资金…, then the same line atop page 3).  A line
    seen once goes when it splits a wrapped sentence at a page's top (_splits_sentence): a 2-page text's only head.  The
    text's first line (a letterhead) again atop a later page goes wherever the sentence before ends.  page_top: the lines within HEAD_REACH of a page's edge, each with that edge's place;
    feet: those at a page's foot, which cut a sentence only below a line with a clause mark (a signature under
    附件：… is no running foot).  A document number's line (湘经开管发〔2024〕9号, `doc_number`) opens a paragraph but
    may be a head; and a line of a title's length first on two later pages or more goes from the second of them on
    wherever the sentence before ends (a plan's title atop each page, the break after a heading or a sentence's end; since session 58)."""
    seen: dict[str, int] = {}  # a possible head: where it was last seen
    inside: dict[str, int] = {}  # a possible head's first copy, when it too cuts a sentence at a page's top: its place in out
    heads: set[str] = set()  # the lines dropped as heads
    out: list[tuple[str, int]] = []
    before = ""  # the last line with text
    first = next((at for at, (line, _) in enumerate(lines) if line and line != SOFT_BREAK), -1)
    letterhead = lines[first][0] if first >= 0 else ""

    def possible(line: str) -> bool:
        return _HEAD_CHARS[0] <= len(line) <= _HEAD_CHARS[1] and not ends_sentence(line, ends) and any(map(is_cjk, line)) \
            and not _LABEL_MARK.search(line) and (not paragraph_start.match(line) or bool(doc_number and doc_number.match(line)))

    tops: dict[str, set[int]] = {}  # a possible head of a title's length first on a page: the pages' edges it stands at
    for at, (line, level) in enumerate(lines):
        if at in page_top and at not in feet and not level and len(line) >= _TITLE_HEAD and not _CELL_GAP.search(line) and possible(line) \
                and not any(text and text != SOFT_BREAK for text, _ in lines[max(page_top[at] + 1, 0):at]):
            tops.setdefault(line, set()).add(page_top[at])
    repeated = {line for line, edges in tops.items() if len(edges) > 1}
    atop: set[str] = set()  # those of them seen atop a page already
    for at, (line, level) in enumerate(lines):
        if line and line != SOFT_BREAK and not level:
            if line == letterhead and before and page_top.get(at, -1) > first and _HEAD_CHARS[0] <= len(line) <= _HEAD_CHARS[1] \
                    and not ends_sentence(line, ends) and not CLAUSE_MARK.search(line) and _next_text(lines, at):
                heads.add(line)
                continue  # the text's first line again atop a later page (江北新区经济发展局文件 after - 2 -): its head
            cuts = at in page_top and before and not ends_sentence(before, ends) and not _opens_after(lines, at, paragraph_start) \
                and (at not in feet or bool(CLAUSE_MARK.search(before)))  # a foot cuts a sentence, not a label (附件：…) above a signature
            if line in seen and page_top.get(at, -1) > seen[line] and (cuts or ((line in inside or line in heads) and at in page_top and _next_text(lines, at))):
                seen[line] = at
                heads.add(line)
                continue
            if line in repeated and at in page_top and at not in feet:
                if line in atop:
                    seen[line] = at
                    heads.add(line)
                    continue
                atop.add(line)
            if possible(line):
                if line not in seen and cuts and at not in feet and _splits_sentence(before, line, lines, at):
                    seen[line] = at
                    heads.add(line)
                    continue  # its only copy, standing between the two halves of a wrapped sentence
                if line not in seen and cuts:
                    inside[line] = len(out)
                seen[line] = at
        out.append((line, level))
        if line and line != SOFT_BREAK:
            before = line
    # a head whose first copy stood at a page's top inside a sentence too (no letterhead on the first page) goes there
    first = {inside[line] for line in heads if line in inside}
    return [entry for k, entry in enumerate(out) if k not in first] if first else out


def _splits_sentence(before: str, line: str, lines: list[tuple[str, int]], at: int) -> bool:
    """Whether a short line with no clause mark stands between a wrapped line that runs on (longer, with a clause mark)
    and the line that goes on with its sentence (a clause mark before the next sentence ends, or none at all): …优先保障
    新增建设用地计划指 / - 1 - / 瓯海区人民政府办公室 / 标和能耗指标。… : no text of the page stands there, so it is a head."""
    if CLAUSE_MARK.search(line) or not CLAUSE_MARK.search(before) or len(before) < len(line) + 5:
        return False
    following = _next_text(lines, at)
    return len(following) >= len(line) and (CLAUSE_MARK.search(following) is not None or "。" in following)


def _next_text(lines: list[tuple[str, int]], at: int) -> str:
    """The next line with text after lines[at], or "" when none follows."""
    return next((line for line, _ in lines[at + 1:] if line and line != SOFT_BREAK), "")


def _opens_after(lines: list[tuple[str, int]], at: int, paragraph_start: re.Pattern) -> bool:
    """Whether the next line with text after lines[at] opens a paragraph (5. …, （二）…): the sentence
    before does not run on through lines[at], so it is no head inside a sentence."""
    following = _next_text(lines, at)
    return not following or bool(paragraph_start.match(following))

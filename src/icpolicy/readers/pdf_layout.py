"""A PDF's text lines (with their positions) to paragraphs: pure, no pdfminer here.

What a page's geometry tells that its text does not:
- running headers and footers: a line at the top or bottom edge of most pages with the same
  text (digits aside: "— 3 —", "第3页"), at the same height on each, or lines that take turns
  there (odd and even pages), is page furniture and goes, so a sentence that runs over a page break reads as one; a body line that happens to
  repeat at another height stays; on page 1 it stays when set larger than the body (a title);
- blank space: a line followed by more white than the lines around it have between them (extra
  space after a title, a heading or a paragraph) ends its paragraph, however full the line;
- hard wraps: a line continues on the next when it reaches its page's right margin (where that
  page's lines pile up, or else its longest line: on a page of one-line paragraphs a short line
  ends its paragraph; a page narrower or wider than the others is measured by itself), or when
  the next line's first word would not have fitted after it (a Latin word pushed down: "支持 SiC" /
  "MOSFET、IGBT…"), or when it stops short of the margin only a little and ends no sentence,
  and the next line starts at the left margin (an indented or centred line opens a paragraph);
  a paragraph end in text without first-line indents is a sentence end, or a wider gap;
- a lone punctuation mark pushed to a line of its own belongs to the line before;
- a title or heading set larger than the body and wrapped over lines (centred or not) is one
  paragraph, as long as its lines follow at the title's own line pitch;
- notes at a page's foot: lines set smaller than the body below all of its body lines stand
  after the paragraph that holds the page's last body line, so a paragraph that runs on over
  the page break reads as one and the notes follow it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.readers.pdf_regions import SAME_HEIGHT, Line, Page, columns, join_pieces, median, table_rows


EDGE_SHARE = 0.2  # headers and footers stand in the top or bottom fifth of the page
EDGE_LINES = 2  # ... and are among its first or last two lines
RUNNING_SHARE = 0.5  # ... on at least half of the pages (two at least)
TITLE_SIZE = 1.15  # a page-1 header set this much larger than the body is the title
SMALL_TYPE = 0.85  # set this much smaller than the body, or smaller: a later page's top line is a header, lines at its foot notes
NEAR_FULL = 0.82  # a line filling this much of the width and ending no sentence runs on
GAP_EMS, GAP_RATIO = 0.6, 2.0  # blank space between lines: this many ems, and this many times the white around
PILE_SHARE = 0.2  # a page's text wraps where this share of its lines from the left margin end, within an em
PILE_REACH = 0.8  # ... as long as no line of it goes much further (this share of the widest line at least)
NOTES_REACH = 0.5  # a page's foot notes stand in its lower half
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_PUNCT_ONLY = re.compile(r"^[。，、；：！？,.;:!?）)」』”’】]+$")


@lru_cache(maxsize=1)
def _rules() -> tuple[str, re.Pattern, re.Pattern]:
    raw = load_toml("cleaning.toml")
    furniture = re.compile("^(?:" + "|".join(raw["page_furniture"]) + "|" + raw["page_edge_number"] + ")$")
    return raw["sentence_end"], furniture, re.compile("^(?:" + raw["doc_number"] + "|" + raw["paragraph_start"] + ")")


@lru_cache(maxsize=1)
def _doc_number() -> re.Pattern:
    return re.compile(load_toml("cleaning.toml")["doc_number"])


@lru_cache(maxsize=1)
def _title_rules() -> tuple[re.Pattern, str, re.Pattern]:
    raw = load_toml("cleaning.toml")["healing"]
    return re.compile("(?:" + "|".join(raw["title_end"]) + ")$"), raw["about_open"], re.compile(raw["about_close"])


# a title's closing bracket holds its years or its status (（2025—2027年）, （试行）, （征求意见稿）), not a figure
_TITLE_NOTE = re.compile(r"[（(]([^（）()]*)[）)]$")
_NOTE_WORDS = re.compile(r"^[\d〇○零一二三四五六七八九十\s—\-－–~～至年度]+$|试行|暂行|修订|征求意见稿|草案|版")
_GOES_ON = "和与及并或的、，。；"  # what a line that continues a sentence may open with (…工作要点 / 和重点项目清单，…)


def _title_line(line: Line, following: Line, frame: _Frame) -> bool:
    """A document's first line, in body type, that ends as a title does (…行动计划（2025—2027年）; not an open 关于…
    title, nor a sentence: no clause mark in it, a bracket at its end holding years or a status, the next line opening
    with no word that goes on with it): a title set like the body, whose width is no wrap, so the body under it opens a
    paragraph."""
    ends, about_open, about_close = _title_rules()
    text = line.text.strip()
    if line.em >= TITLE_SIZE * frame.em or not ends.search(text) or (about_open in text and not about_close.search(text)):
        return False
    if any(mark in text for mark in "，。；,;") or following.text.lstrip()[:1] in _GOES_ON:
        return False
    note = _TITLE_NOTE.search(text)
    return not note or bool(_NOTE_WORDS.search(note.group(1)))


def paragraphs(pages: list[Page]) -> list[str]:
    """The paragraphs of the pages, running headers, footers and page numbers left out."""
    return [text for text, _, _ in placed_paragraphs(drop_running_lines(pages))]


def placed_paragraphs(pages: list[Page]) -> list[tuple[str, int, list[Line]]]:
    """(paragraph, the index of the page it starts on, its lines) for pages stripped of furniture."""
    # a page set in two columns reads as two; a table's cells row by row
    split = [(i, table_rows(part)) for i, page in enumerate(pages) for part in columns(page)]
    return [(text, split[page][0], held) for text, page, held in _placed([part for _, part in split])]


def _placed(pages: list[Page]) -> list[tuple[str, int, list[Line]]]:
    em = median([line.em for page in pages for line in page.lines if line.em])
    split = [_foot_notes(page, em) for page in pages]
    if not any(notes for _, notes in split):
        return _laid(pages)
    # notes move only from a page whose last body paragraph runs on over the page break
    page_of = {id(line): number for number, (body, _) in enumerate(split) for line in body.lines}
    holders = _holders(_laid([body for body, _ in split]), split)
    moving = {number for number, held in holders.items() if any(page_of[id(line)] > number for line in held)}
    if not moving:
        return _laid(pages)
    out = _laid([body if number in moving else page for number, (page, (body, _)) in enumerate(zip(pages, split))])
    holders = _holders(out, [(body, notes if number in moving else ()) for number, (body, notes) in enumerate(split)])
    after: dict[int, list[tuple[str, int, list[Line]]]] = {}  # paragraph -> the notes that follow it
    for number in sorted(moving):
        k = next(k for k, (_, _, held) in enumerate(out) if held is holders[number])
        after.setdefault(k, []).extend((text, number, held) for text, _, held in _laid([Page(split[number][1], pages[number].height)]))
    return [placed for k, paragraph in enumerate(out) for placed in [paragraph] + after.get(k, [])]


def _holders(laid: list[tuple[str, int, list[Line]]], split: list[tuple[Page, tuple[Line, ...]]]) -> dict[int, list[Line]]:
    """For each page with notes, the lines of the paragraph that holds its last body line."""
    holding = {id(line): held for _, _, held in laid for line in held}
    return {number: holding[id(body.lines[-1])] for number, (body, notes) in enumerate(split) if notes}


def _foot_notes(page: Page, em: float) -> tuple[Page, tuple[Line, ...]]:
    """The page without its foot notes, and the notes: the lines below all of its body lines, none
    of them set at body size (SMALL_TYPE), in the page's lower half, one under another, at least one
    with CJK characters."""
    body = [line for line in page.lines if line.em > SMALL_TYPE * em]
    if not body or not em:
        return page, ()
    floor = min(line.bottom for line in body)
    notes = tuple(line for line in page.lines if line.top <= floor and line.em <= SMALL_TYPE * em)
    if any(line.top > NOTES_REACH * page.height for line in notes) or _side_by_side(notes) or any(line.row for line in notes):
        return page, ()  # not at the foot, or a table's cells (side by side, or joined into its rows: table_rows)
    if not any(line.em for line in notes):
        return page, ()
    kept = tuple(line for line in page.lines if all(line is not note for note in notes))
    return Page(kept, page.height), notes


def _side_by_side(lines: tuple[Line, ...]) -> bool:
    """Whether two of the lines stand at one height (a table's row), not one under the other as notes do."""
    rows = sorted(lines, key=lambda line: line.bottom)
    return any(b.bottom - a.bottom < 0.5 * (a.top - a.bottom) for a, b in zip(rows, rows[1:]))


def _laid(pages: list[Page]) -> list[tuple[str, int, list[Line]]]:
    lines = [(line, i) for i, page in enumerate(pages) for line in page.lines]
    if not lines:
        return []
    frame = _frame([line for line, _ in lines if not line.row] or [line for line, _ in lines])  # (a table's rows set no margin)
    frames = [_page_frame(page, frame) for page in pages]
    lines = [lines[0]] + [(line, page) for n, (line, page) in enumerate(lines[1:], 1)
                          if page == lines[n - 1][1] or not _interrupts(lines, n, pages[page], frames[lines[n - 1][1]])]
    gaps, past_first = _gaps(lines, frame.em)
    out: list[tuple[str, int, list[Line]]] = []
    previous: Line | None = None
    previous_page = -1
    for n, (line, page) in enumerate(lines):
        # (after a paragraph's first line, the white above it may be tighter than its own lines': a heading set solid
        # over a body set at 28 pt; the white below that line is then measured against its paragraph's own alone)
        gap = n and (gaps[n - 1] if not out or len(out[-1][2]) > 1 else past_first[n - 1])
        if previous is not None and out and not (gap and not _PUNCT_ONLY.match(line.text)) and not (n == 1 and _title_line(previous, line, frame)) \
                and _continues(previous, line, page != previous_page, frames[previous_page]):
            text, first, held = out[-1]
            out[-1] = (join_pieces(text, line.text), first, held + [line])
        else:
            out.append((line.text, page, [line]))
        previous, previous_page = line, page
    return out


def _interrupts(lines: list[tuple[Line, int]], n: int, page: Page, frame: _Frame) -> bool:
    """Whether a page's first line (lines[n]) is a header set smaller than the body, standing between
    the last line of the page before and the line of this page that carries on its sentence (a header
    that only some pages have, so no repetition tells it): a sentence never runs through it."""
    (line, at), previous = lines[n], lines[n - 1][0]
    if not (line.em and line.em <= SMALL_TYPE * frame.em and line.bottom >= page.height * (1 - EDGE_SHARE)):
        return False
    following = lines[n + 1] if n + 1 < len(lines) else None
    return following is not None and following[1] == at and following[0].em > SMALL_TYPE * frame.em \
        and _continues(previous, following[0], True, frame) and not _ends_sentence(previous.text, _rules()[0])


def _gaps(lines: list[tuple[Line, int]], em: float) -> tuple[list[bool], list[bool]]:
    """For each line, whether blank space follows it: the white between it and the next line on
    the same page is GAP_EMS at least and GAP_RATIO times the white on either side of that pair.
    White between the boxes, not the step between baselines: a line with a taller Latin font
    steps further without any blank between.  Second list: the same for a paragraph's first line, where the
    white above it, between two paragraphs, is no measure when it is tighter than the white below."""
    white = [max(0.0, a.bottom - b.top) if pa == pb and a.bottom > b.bottom else -1.0 for (a, pa), (b, pb) in zip(lines, lines[1:])]
    gaps, firsts = [], []
    for i, blank in enumerate(white):
        before, after = white[i - 1] if i else -1.0, white[i + 1] if i + 1 < len(white) else -1.0
        around = [w for w in (before, after) if w >= 0]
        gaps.append(bool(around) and blank >= GAP_EMS * em and blank > GAP_RATIO * max(min(around), 0.1 * em))
        below = [after] if 0 <= before < after else around
        if after < 0 and 0 <= before < blank:
            below = []  # (the white above is a heading's set solid and no line follows on the page: nothing to measure by)
        firsts.append(bool(below) and blank >= GAP_EMS * em and blank > GAP_RATIO * max(min(below), 0.1 * em))
    return gaps + [False], firsts + [False]


# running heads and feet are names, titles and dates (无锡市人民政府公报, 2025年第3期, — 3 —), never clauses: a line
# with a clause mark at a page's edge (2022年4月，全市集成电路产量…。 opening each page of a table of months) is kept
_CLAUSE_MARK = re.compile(r"[，。；,;]")


def drop_running_lines(pages: list[Page], first: bool = True) -> list[Page]:
    """Pages without their page numbers and the lines repeated at the same edge of most pages (on
    the first page a repeated line set as a title stays; first: the pages begin with the
    document's first, not a later chunk of a long file)."""
    _, furniture, _ = _rules()
    seen: dict[str, list[tuple[int, float, float]]] = {}  # key -> (page, top, tolerance) of each edge line with it
    for number, page in enumerate(pages):
        body = [line for line in page.lines if not furniture.match(_SPACE.sub("", line.text))]
        if len(body) < 2:
            continue  # a line alone on its page is that page's text, whatever stands on the others
        for line in _edge_lines(page):
            if _CLAUSE_MARK.search(line.text):
                continue  # a line that holds a clause mark is body text, however often its words stand there
            seen.setdefault(_key(line.text), []).append((number, line.top, max(2.0, SAME_HEIGHT * (line.top - line.bottom))))
    needed = max(2, RUNNING_SHARE * len(pages))
    # a running line's heights: those at which its text stands on enough pages
    running: dict[str, list[tuple[float, float]]] = {}
    turns: list[tuple[str, float, float, frozenset[int]]] = []  # lines at one height on two pages or more
    for key, places in seen.items():
        for _, top, tolerance in places:
            on = frozenset(page for page, other, _ in places if abs(other - top) <= tolerance)
            if len(on) >= needed:
                running.setdefault(key, []).append((top, tolerance))
            if len(on) >= 2:
                turns.append((key, top, tolerance, on))
    # heads that take turns (公报 on odd pages, 第3期 on even ones): lines at one height on pages of their own, each on
    # two at least, together on enough pages, never one on two pages in a row (a table's header row repeated on the
    # pages it runs over is); never a line that opens a paragraph (a heading: digits stand as # in a key)
    opens = _rules()[2]
    for key, top, tolerance, on in turns:
        if len(on) >= needed or opens.match(key.replace("#", "1")):
            continue
        mates = {(k, p) for k, t, _, p in turns if abs(t - top) <= tolerance and not opens.match(k.replace("#", "1"))}
        together = [page for _, p in mates for page in p]
        apart = all(b - a > 1 for _, p in mates for a, b in zip(sorted(p), sorted(p)[1:]))
        if apart and len(set(together)) >= needed and len(set(together)) == len(together) and len({k for k, _ in mates}) >= 2:
            running.setdefault(key, []).append((top, tolerance))
    body_em = median([line.em for page in pages for line in page.lines if line.em])
    out = []
    for number, page in enumerate(pages):
        edge = {id(line) for line in _edge_lines(page)}
        opening = first and number == 0
        kept = []
        for line in page.lines:
            if id(line) in edge:
                furnished = bool(furniture.match(_SPACE.sub("", line.text)))
                repeated = any(abs(line.top - top) <= tolerance for top, tolerance in running.get(_key(line.text), ()))
                if (furnished or repeated) and not (opening and body_em and line.em >= TITLE_SIZE * body_em and not furnished):
                    continue
            kept.append(line)
        out.append(Page(tuple(kept), page.height))
    return out


def _edge_lines(page: Page) -> list[Line]:
    """The first and last EDGE_LINES lines of a page by height, those within its edge bands."""
    by_height = sorted(page.lines, key=lambda line: -line.top)
    band = EDGE_SHARE * page.height
    top = [line for line in by_height[:EDGE_LINES] if line.bottom >= page.height - band]
    bottom = [line for line in by_height[-EDGE_LINES:] if line.top <= band]
    return top + bottom


def _key(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


@dataclass(frozen=True)
class _Frame:
    left: float
    right: float
    em: float
    pitch: float
    indented: bool  # paragraphs open with an indent, so a line at the margin never opens one


def _frame(lines: list[Line]) -> _Frame:
    em = median([line.em for line in lines if line.em]) or 10.0
    starts = Counter(round(line.x0) for line in lines)
    left = min(starts, key=lambda x: (-starts[x], x))  # the commonest start; of equals, the leftmost
    # … unless lines pile up one to three and a half ems left of it: paragraphs of two lines or so, their first lines'
    # indent outnumbering the margin their second lines return to (（二）发展…推动北斗 / 芯片和终端…)
    margin = [x for x in starts if em <= left - x <= 3.5 * em and starts[x] >= max(2, 0.25 * starts[left])]
    left = max(margin, key=lambda x: (starts[x], -x)) if margin else left
    at_left = sorted(line.x1 for line in lines if abs(line.x0 - left) < 0.6 * em)
    right = at_left[int(len(at_left) * 0.9)] if at_left else max(line.x1 for line in lines)
    steps = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if 0 < a.bottom - b.bottom < 4 * em]
    pitch = median(steps) or 1.5 * em
    indents = sum(1 for line in lines if em <= line.x0 - left <= 3.5 * em)
    return _Frame(left, right, em, pitch, indents >= 2 and indents >= 0.03 * len(lines))


def _page_frame(page: Page, frame: _Frame) -> _Frame:
    """The document's frame with this page's own right edge: where a share of the lines from the left
    margin pile up (text wrapping there), or else the furthest any of them reaches: on a page whose
    paragraphs are one line each, a line well short of its longest ends its paragraph."""
    em = frame.em
    # (a title set large, wider than a column of the body under it, sets no edge: 沧浪新区…报告 over two columns)
    ends = sorted(line.x1 for line in page.lines if -0.6 * em < line.x0 - frame.left <= 3.5 * em and line.em < TITLE_SIZE * em)
    if len(ends) < 2:
        return frame
    need = max(3, PILE_SHARE * len(ends))
    pile = next((x for i, x in reversed(list(enumerate(ends))) if i - bisect.bisect_left(ends, x - em) + 1 >= need), None)
    top = ends[-1]
    if pile is not None and pile - frame.left >= PILE_REACH * (top - frame.left):
        return replace(frame, right=pile)
    return replace(frame, right=top)


# a line that ends on a sentence end and the first digits of a number, over a line opening with more digits and an
# item mark: one item number cut by the wrap (…万元。1 / 1.市教育局… is item 11), not an item 1
_NUMBER_CUT = re.compile(r"[。；;！？!?]\s*\d{1,2}$")
_NUMBER_GOES_ON = re.compile(r"\d{1,2}[.．、]\D")


def _continues(a: Line, b: Line, new_page: bool, frame: _Frame) -> bool:
    """True when line b goes on with the paragraph that line a is in (module docstring)."""
    ends, _, opens = _rules()
    if _PUNCT_ONLY.match(b.text):
        return True
    if a.row or b.row:
        return False
    if _doc_number().fullmatch(a.text.strip()):
        return False  # a 文号 line is a line of its own (西高新发〔2025〕12号 / the title under it)
    if _NUMBER_CUT.search(a.text) and _NUMBER_GOES_ON.match(b.text):
        return True  # run-in items wrapped inside an item's number (…万元。1 / 1.市教育局…: item 11)
    if _same_large_type(a, b, frame) and not _ends_sentence(a.text, ends) and 0 < a.bottom - b.bottom < 2.2 * a.em \
            and not b.text.startswith("—") and not _DELIVERED.search(a.text) and not opens.match(b.text):
        return True  # a title or heading set large and wrapped (centred lines included); not into its subtitle
        # (——2024年1月23日在…会议上), nor a subtitle naming where it was delivered into the issuer under it, nor into a
        # line that opens a paragraph (its 文号 set as large: 工信厅电子函〔2024〕156号; cleaning.toml paragraph_start)
    if a.em >= TITLE_SIZE * frame.em and b.em < a.em - 0.1 * a.em:
        return False  # a title set large never runs on into the body type under it (its width is no wrap)
    if b.em >= TITLE_SIZE * frame.em and a.em < b.em - 0.1 * b.em:
        return False  # … nor body type into a title set large under it (a notice's date line, then the title it issues)
    if abs(b.x0 - frame.left) >= 0.6 * frame.em or opens.match(b.text):
        return False
    if not new_page and (b.bottom > a.bottom or a.bottom - b.bottom > 1.8 * frame.pitch):
        return False  # a new column or block, or a paragraph gap
    ended = _ends_sentence(a.text, ends)
    if ended and not frame.indented:
        return False
    width = frame.right - frame.left
    reaches = a.x1 >= frame.right - 1.2 * frame.em
    pushed = a.x1 + b.first_word + 0.3 * frame.em >= frame.right - 0.5 * frame.em
    near = not ended and width > 0 and (a.x1 - frame.left) >= NEAR_FULL * width
    return reaches or pushed or near


_DELIVERED = re.compile(r"^—.*(?:会议上|会上|大会上)(?:的(?:报告|讲话))?$")  # a work report's or speech's subtitle


def _same_large_type(a: Line, b: Line, frame: _Frame) -> bool:
    return a.em >= TITLE_SIZE * frame.em and abs(a.em - b.em) <= 0.1 * a.em


def _ends_sentence(text: str, ends: str) -> bool:
    stripped = text.rstrip("”’\"')）】」』 ")
    return bool(stripped) and stripped[-1] in ends

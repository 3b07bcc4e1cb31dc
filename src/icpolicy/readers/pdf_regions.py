"""A PDF page's lines and how they group before they are joined into paragraphs: pure, no pdfminer here.

- columns: a page set in two columns of text reads as two pages, column by column;
- tables: the lines of a table's row (cells at one height, white between them, their starts shared
  with other rows) are one line, its cells joined by CELL_SEPARATOR; a list's number set apart from
  its item joins the item.

readers/pdf_layout.py joins the lines into paragraphs.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from functools import reduce

from icpolicy.models import CELL_SEPARATOR, SPACED_CELLS


@dataclass(frozen=True)
class Line:
    """One text line of a page: its text and box (PDF points, y upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    em: float  # the width of its CJK characters (0 when it has none)
    first_word: float  # the width of its first unbreakable word
    row: bool = False  # a table's row, its cells joined: a paragraph of its own
    cells: tuple = ()  # (text, x0, x1) of the pieces wide white parts the line into (pdf._cells), if any
    parts: tuple = ()  # … and of those narrower white (NARROW_GAP) parts it into, where two cells may meet


@dataclass(frozen=True)
class Page:
    """A page's lines in reading order and its height."""

    lines: tuple[Line, ...]
    height: float


SAME_HEIGHT = 0.3  # of a line's height: lines stand at one height (a table's row; a running line on each page)
COLUMN_LINES = 4  # lines a column holds at the least
COLUMN_CROSSING = 0.25  # of a page's lines, at most this share runs across the gutter (a title, a signature)
COLUMN_EMS = 8  # a column is this many ems wide at the least
COLUMN_FILL = 0.6  # ... and its lines' median width is this share of its widest at the least (text, not cells)


def columns(page: Page) -> list[Page]:
    """A page set in two columns of text as two pages: the lines above the columns and the left column,
    then the right column (moved onto the left one's margin, so that its lines wrap and indent as the
    left one's do) and the lines below; any other page as it is.  The gutter is where no line but a few
    that span the page (a title, a signature) crosses, with at least COLUMN_LINES lines of text on each
    side, filled (COLUMN_FILL: not a table's ragged cells), side by side."""
    lines = page.lines
    if len(lines) < 2 * COLUMN_LINES:
        return [page]
    em = median([line.em for line in lines if line.em]) or 10.0
    best = None
    for split in sorted({math.floor(line.x0) for line in lines}):  # (floor: a column starting at 307.9 lies right of 307)
        left = [line for line in lines if line.x1 <= split]
        right = [line for line in lines if line.x0 >= split]
        crossing = len(lines) - len(left) - len(right)
        if len(left) < COLUMN_LINES or len(right) < COLUMN_LINES or crossing > COLUMN_CROSSING * len(lines):
            continue
        if not (_filled(left, em) and _filled(right, em)):
            continue
        beside = sum(1 for r in right if any(abs(r.bottom - l.bottom) < 0.5 * em for l in left))
        if beside < COLUMN_LINES:
            continue
        best = (split, left, right)
        break
    if best is None:
        return [page]
    split, left, right = best
    top = max(line.top for line in left + right)
    bottom = min(line.bottom for line in left + right)
    spanning = [line for line in lines if line.x1 > split and line.x0 < split]
    if any(bottom < line.bottom < top for line in spanning):
        return [page]  # a line across the gutter beside the columns: no two columns
    above = [line for line in spanning if line.bottom >= top]
    below = [line for line in spanning if line.bottom < top]
    shift = _margin(right) - _margin(left)
    moved = [replace(line, x0=line.x0 - shift, x1=line.x1 - shift) for line in right]
    by_height = lambda line: -line.top  # noqa: E731  (top to bottom, as a column is read)
    return [Page(tuple(sorted(above, key=by_height) + sorted(left, key=by_height)), page.height),
            Page(tuple(sorted(moved, key=by_height) + sorted(below, key=by_height)), page.height)]


def spaced_cells(glyphs: list[str]) -> tuple[str, ...]:
    """The cells of a table's row drawn as one line of text, parted by two space glyphs or more (1  海沧…项目  厦门市海沧区
    45  2026—2028: its cells stand too close for white to part them, and the row would run into the next row's
    paragraph, its cells glued): three at the least, else ()."""
    pieces = [piece.strip() for piece in SPACED_CELLS.split("".join(glyphs).strip())]
    return tuple(pieces) if len(pieces) >= 3 and all(pieces) else ()



TABLE_ROWS = 2  # rows of two cells or more, their cells starting at shared places, make a table
CELL_GAP = 1.0  # ems of white at the least between two cells of a row
NARROW_GAP = 0.3  # … or, when every cell starts where a column of the table starts, this (a full cell may reach its border)
WRAP_WHITE = 1.6  # ems of white at the most above a full cell's next line (a table set at double spacing)
FULL_WHITE = 2.5  # ems of white at the most between a full cell and the next cell of its row
_LIST_MARK = re.compile(r"^[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[①-⑳])[.．、)）]?$")


def table_rows(page: Page, parted: dict[int, list[Line]] | None = None) -> Page:
    """The page with each row of a table as one line, its cells joined by CELL_SEPARATOR (a cell wrapped
    onto more lines whole), in the place of the table's first line, rows top to bottom: pdfminer gives a
    ruled table's cells column by column, so a row's label would land in one paragraph and its figures
    in another.  A row is two lines or more at one height with white between them; a table is
    TABLE_ROWS such rows whose cells start at two or more shared places; two filled columns of text
    (which columns() did not take) are no table.  A list's number set apart from its item (a Word
    list's tab) is joined to the item instead, as one line of text that wraps on.  A row's cell that runs
    over a column's start, narrow white there (pdfminer set two cells in one line: 海东市乐都区 年产…), is
    parted there (`parted`: the pieces of such lines, by the line's id, found on a first pass)."""
    em = median([line.em for line in page.lines if line.em]) or 10.0
    whole = page
    pieces = {id(line): [replace(line, text=text, x0=x0, x1=x1, cells=()) for text, x0, x1 in line.cells] for line in page.lines if line.cells}
    pieces.update(parted or {})
    page = Page(tuple(piece for line in page.lines for piece in pieces.get(id(line), [line])), page.height)
    rows: list[list[Line]] = []
    for line in sorted(page.lines, key=lambda line: -line.bottom):
        if rows and abs(rows[-1][0].bottom - line.bottom) < SAME_HEIGHT * (line.top - line.bottom or em):
            rows[-1].append(line)
        else:
            rows.append([line])
    rows = [sorted(row, key=lambda line: line.x0) for row in rows]
    narrow = [row for row in rows if len(row) > 1 and _apart(row, NARROW_GAP, em)]
    rows = [row for row in narrow if _apart(row, CELL_GAP, em)]
    numbered = [row for row in rows if len(row) == 2 and _LIST_MARK.match(row[0].text)]
    if numbered:
        page = _joined(page, numbered, _carried(page.lines, numbered, em, above=False), " ", False)
        rows = [row for row in rows if row not in numbered]
    starts = Counter(round(cell.x0 / em) for row in rows for cell in row)
    shared = {x for x, n in starts.items() if n >= TABLE_ROWS}
    # the columns a row whose cells stand closer (NARROW_GAP: a full cell may reach its border, 12 英寸特色工艺产|光谷…)
    # may start at: the table's shared starts, or starts two rows of three cells or more share (a header over such rows)
    wide_starts = Counter(round(cell.x0 / em) for row in narrow if len(row) >= 3 for cell in row)
    columns = shared | {x for x, n in wide_starts.items() if n >= TABLE_ROWS}
    rows = [row for row in rows if sum(1 for cell in row if round(cell.x0 / em) in shared) >= 2]
    closer = [row for row in narrow if row not in rows and row not in numbered and len(row) >= (2 if shared else 3)
              and all(round(cell.x0 / em) in columns for cell in row)]
    if closer:
        rows = sorted(rows + closer, key=lambda row: -row[0].bottom)
    if len(rows) < TABLE_ROWS or all(len(row) == 2 and _filled(row, em) for row in rows):
        rows = []
    elif parted is None:
        more = _at_columns(whole, pieces, rows, shared, em)
        if more:
            return table_rows(whole, more)
    rows = _without_wrapped_rows(rows, em)  # (their lines are carried on by the row above, as a lone wrapped cell's are)
    if rows:
        page = _joined(page, rows, _carried(page.lines, rows, em, above=True), CELL_SEPARATOR, True)
    elif not numbered:
        return whole
    return _whole_again(page, whole, pieces)


def _at_columns(whole: Page, pieces: dict[int, list[Line]], rows: list[list[Line]], starts: set[int], em: float) -> dict[int, list[Line]]:
    """The pieces of the page's lines (by id) that a row's cell running over a column start parts into: the cell's
    narrow parts (Line.parts) cut where one starts at a column no other cell of its row starts at; {} when none does."""
    source = {id(piece): line for line in whole.lines for piece in pieces.get(id(line), [line])}
    out: dict[int, list[Line]] = {}
    for row in rows:
        taken = {round(cell.x0 / em) for cell in row}
        for cell in row:
            inside = [part for part in source[id(cell)].parts if cell.x0 - 1 <= part[1] and part[2] <= cell.x1 + 1]
            cuts = [k for k, part in enumerate(inside) if k and round(part[1] / em) in starts - taken]
            if not cuts:
                continue
            line = source[id(cell)]
            groups = [inside[a:b] for a, b in zip([0] + cuts, cuts + [len(inside)])]
            split = [replace(cell, text=reduce(join_pieces, (text for text, _, _ in group)), x0=group[0][1], x1=group[-1][2], cells=(), parts=group)
                     for group in groups]
            had = out.get(id(line), pieces.get(id(line), [line]))
            out[id(line)] = [new for old in had for new in (split if old is cell else [old])]
    return out


WRAPPED_CELL = 4  # ems a cell's line is wide at the least to have wrapped (not a row's number: 12 over 13) …
# … or it ends on a mark that goes on after some text (2025— over 2027年), full or not; a cell of a dash alone is no figure
_OPEN_END = re.compile(r"(?<=[^\s—–\-－~～])[—–\-－~～至、，,（(]$")


def _without_wrapped_rows(rows: list[list[Line]], em: float) -> list[list[Line]]:
    """The rows but those that are the wrapped lines of the row above: when two cells of a row wrap, their next lines
    stand at one height with white between, like a row (国家级专精特新小巨人企业 | 新增十五家，累计达到四十 over
    数量 | 家).  Such a line sits right under its row, each of its cells under a cell whose line is full (it reaches, within
    an em, the widest line starting where that cell starts, and is WRAPPED_CELL ems wide) or ends on a mark that goes on
    (`2025—` over `2027年`): a cell that is neither did not wrap.  Merging two rows by mistake loses no text; a row cut in two loses every word it cuts."""
    widest = _widest(rows, em)
    kept: list[list[Line]] = []
    above: list[Line] = []
    for row in rows:
        under_full = above and all(any(abs(cell.x0 - mate.x0) < em and (mate.x1 - mate.x0 >= WRAPPED_CELL * em and _full(above, k, widest, em)
                                                                        or _OPEN_END.search(mate.text)) for k, mate in enumerate(above)) for cell in row)
        if not (under_full and 0 <= min(c.bottom for c in above) - max(c.top for c in row) < em):
            kept.append(row)
        above = row  # (a cell may wrap onto a third line: 装和系统级封装的 / 关键工艺设备)
    return kept


def _widest(rows: list[list[Line]], em: float) -> dict[int, float]:
    """How far the widest cell starting at each column start (in ems, rounded) reaches."""
    widest: dict[int, float] = {}
    for row in rows:
        for cell in row:
            widest[round(cell.x0 / em)] = max(widest.get(round(cell.x0 / em), cell.x1), cell.x1)
    return widest


def _apart(row: list[Line], ems: float, em: float) -> bool:
    """Whether every two neighbouring cells of a row stand `ems` of white apart at the least, in their own type (a table
    set smaller than the body, 11 pt under 15), or the page's when a cell has none."""
    return all(b.x0 - a.x1 >= ems * (max(a.em, b.em) or em) for a, b in zip(row, row[1:]))


def _same_type(line: Line, cell: Line, em: float) -> bool:
    """Whether a line is set in the cell's type (a line of Latin letters or digits alone has no em: it passes)."""
    return not line.em or not cell.em or abs(line.em - cell.em) <= 0.1 * em


def _larger(line: Line, cell: Line, em: float) -> bool:
    """Whether a line is set in larger type than the cell (a heading under a table set smaller than the body)."""
    return bool(line.em and cell.em) and line.em - cell.em > 0.1 * em


def _full(row: list[Line], n: int, widest: dict[int, float], em: float) -> bool:
    """Whether the row's nth cell is full, so that its text may wrap onto a next line: it reaches as far as its column's
    widest, within an em, or within FULL_WHITE ems of the next cell (a column whose widest is a line pdfminer ran into
    the next cell, `…建成 廊坊市`)."""
    cell = row[n]
    return cell.x1 >= widest[round(cell.x0 / em)] - em or (n + 1 < len(row) and row[n + 1].x0 - cell.x1 < FULL_WHITE * em)


def _whole_again(page: Page, whole: Page, pieces: dict[int, list[Line]]) -> Page:
    """The page with the pieces of a parted line that joined no row put back together as the line."""
    of = {id(piece): line for line in whole.lines for piece in pieces.get(id(line), [])}
    out: list[Line] = []
    for line in page.lines:
        source = of.get(id(line))
        if source is None:
            out.append(line)
        elif not out or out[-1] is not source:
            out.append(source)
    return Page(tuple(out), page.height)


def _joined(page: Page, rows: list[list[Line]], carried: dict[int, list[Line]], separator: str, row: bool) -> Page:
    """The page with each row one line (its cells with the lines they carry on to), in the place of the
    first line of them all, top to bottom."""
    used = {id(line) for cells in rows for cell in cells for line in carried[id(cell)]}
    merged = []
    for cells in rows:
        held = [line for cell in cells for line in carried[id(cell)]]
        merged.append(Line(separator.join(reduce(join_pieces, (line.text for line in carried[id(cell)])) for cell in cells), cells[0].x0,
                           max(line.x1 for line in held), min(line.bottom for line in held), max(line.top for line in held),
                           max(cell.em for cell in cells), cells[0].first_word, row))
    kept = [line for line in page.lines if id(line) not in used]
    place = sum(1 for line in page.lines[:next(k for k, line in enumerate(page.lines) if id(line) in used)] if id(line) not in used)
    return Page(tuple(kept[:place] + merged + kept[place:]), page.height)


def _carried(lines: tuple[Line, ...], rows: list[list[Line]], em: float, above: bool) -> dict[int, list[Line]]:
    """For each cell of the rows (by id), its lines top to bottom: itself, and the lines it wraps on to
    (its row's other cells set level with its first line), or, above=True, from (set level with its
    last): lines of no row within the cell's width, one under the other, between the rows around."""
    taken = {id(cell) for row in rows for cell in row}
    widest = _widest(rows, em)
    out: dict[int, list[Line]] = {}
    for k, row in enumerate(rows):
        ceiling = min(c.bottom for c in rows[k - 1]) if k else float("inf")
        floor = max(c.top for c in rows[k + 1]) if k + 1 < len(rows) else float("-inf")
        for n, cell in enumerate(row):
            left = row[n - 1].x1 if n else cell.x0 - 0.5 * em  # within the cell's column: between its neighbours
            right = row[n + 1].x0 if n + 1 < len(row) else float("inf")
            band = [line for line in lines if id(line) not in taken and line.bottom >= floor and line.top <= ceiling
                    and left <= line.x0 and line.x1 <= right]
            run = [cell]
            # a full cell wraps on below it, as far down as the table's line spacing puts its next line (in its own type:
            # not a heading set larger under the table); a short one only onto a line set close under it
            reach = WRAP_WHITE * em if _full(row, n, widest, em) else em
            for line in sorted(band, key=lambda line: -line.top):  # downwards from the cell (never onto larger type:
                if 0 <= run[-1].bottom - line.top < (reach if _same_type(line, cell, em) else em) and not _larger(line, cell, em):  # a heading)
                    run.append(line)
            for line in sorted(band, key=lambda line: line.bottom) if above else ():  # upwards (in its own type: not a
                if 0 <= line.bottom - run[0].top < em and _same_type(line, cell, em):  # heading set larger over it)
                    run.insert(0, line)
            taken |= {id(line) for line in run}
            out[id(cell)] = run
    return out


def _filled(lines: list[Line], em: float) -> bool:
    widths = sorted(line.x1 - line.x0 for line in lines)
    return widths[-1] >= COLUMN_EMS * em and median(widths) >= COLUMN_FILL * widths[-1]


def _margin(lines: list[Line]) -> float:
    starts = Counter(round(line.x0) for line in lines)
    return min(starts, key=lambda x: (-starts[x], x))


def join_pieces(left: str, right: str) -> str:
    """Two pieces of one paragraph; a Latin word pair keeps a space."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return left + " " + right
    return left + right


def median(values: list[float]) -> float:
    """The median of the values, 0 when there are none."""
    return statistics.median(values) if values else 0.0

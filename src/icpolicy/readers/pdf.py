"""PDF through pdfminer.six, page by page so memory stays bounded on long documents.

pdfminer gives each text line with its box (laid out by readers/pdf_pages.py, so that the same
file reads the same in every process); readers/pdf_layout.py (with pdf_regions.py: columns, tables) turns the lines into
paragraphs (running headers and footers out, hard wraps joined), one paragraph a line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import CELL_SEPARATOR, RawText
from icpolicy.readers.pdf_layout import drop_running_lines, paragraphs, placed_paragraphs
from icpolicy.readers.pdf_regions import CELL_GAP, NARROW_GAP, Line, Page, spaced_cells

_VISIBLE = re.compile(r"\w")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The paragraphs are whole: the cleaner reads them as plain lines, one paragraph each.
LAYOUT = "laid"  # paragraphs laid out from the page (one a line): read as plain text, but never re-cut


def read_pdf(path: Path, data: bytes) -> RawText:
    """Extract the text layer as paragraphs, one a line."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractionError(str(path), "corrupt PDF (no %PDF header)")
    text = extract(path, io.BytesIO(data))
    if len(_VISIBLE.findall(text)) < 20:
        raise ExtractionError(str(path), "no text layer (scanned?)")
    return RawText(text, LAYOUT, "", "pdf")


def page_count(path: Path) -> int:
    """How many pages a PDF has (parses the page tree only)."""
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as fh:
        try:
            return sum(1 for _ in PDFPage.get_pages(fh))
        except Exception as exc:  # the same failures extract() names
            raise _as_extraction_error(path, exc) from None


def extract(path: Path, fh) -> str:
    """The paragraphs of a PDF, one a line; failures named as ExtractionError."""
    return "".join(paragraph + "\n" for paragraph in paragraphs(_pages(path, fh)))


def chunks(path: Path, pages_per_chunk: int) -> Iterator[str]:
    """The paragraphs of a long PDF, pages_per_chunk pages at a time, one a line.

    A paragraph that starts on a chunk's last page may run on into the next chunk: it is held
    back, and its lines are laid out again with the next chunk, so it reads as in the whole file.
    """
    total = page_count(path)
    held: list[Page] = []
    for start in range(0, total, pages_per_chunk):
        with path.open("rb") as fh:
            fresh = drop_running_lines(_pages(path, fh, set(range(start, min(total, start + pages_per_chunk)))), first=start == 0)
        pages = held + fresh
        placed = placed_paragraphs(pages)
        last = len(pages) - 1 if start + pages_per_chunk < total else len(pages)
        yield "".join(text + "\n" for text, page, _ in placed if page < last)
        rest = [line for _, page, lines in placed if page >= last for line in lines]
        held = [Page(tuple(rest), pages[-1].height)] if rest else []


def _pages(path: Path, fh, pages: set[int] | None = None) -> list[Page]:
    from pdfminer.layout import LAParams

    from icpolicy.readers.pdf_pages import layout_pages

    try:
        return [_page(page) for page in layout_pages(fh, LAParams(), pages)]
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise _as_extraction_error(path, exc) from None


def _page(page) -> Page:
    """A pdfminer page as its text lines in pdfminer's reading order."""
    from pdfminer.layout import LTTextContainer, LTTextLine

    items = [item for box in page if isinstance(box, LTTextContainer)
             for item in (box if not isinstance(box, LTTextLine) else [box]) if isinstance(item, LTTextLine)]
    lines = [line for line in map(_line, _marks_put_back(_pieces_joined(_upright(items)))) if line is not None]
    return Page(tuple(lines), page.height)


ABOVE_GAP = 0.6  # of a line's height: how close above a line the next one read may stand, and be read first
ABOVE_REACH = 2.5  # … and how far left of it the lower line may start (the left margin under an indented first line)


def _upright(items: list) -> list:
    """The lines with one that pdfminer reads right before the line standing just above it (its box grouped
    first: a paragraph's last line `业。` before the line it ends, 浏阳市…电子信息产) put after that line: the
    two touch (a line's spacing apart at most) and the lower one starts within the upper one's reach (at the
    left margin under an indented first line); a line far below, or in another column, stays where it is."""
    items = list(items)
    for _ in range(len(items)):
        moved = False
        for k in range(len(items) - 1):
            low, high = items[k], items[k + 1]
            reach = ABOVE_REACH * high.height
            if low.y1 <= high.y0 + 0.5 and high.y0 - low.y1 <= ABOVE_GAP * high.height \
                    and high.x0 - reach <= low.x0 <= high.x1 and low.x1 >= high.x0 - reach:
                items[k], items[k + 1] = high, low
                moved = True
        if not moved:
            break
    return items


PIECE_GAP = 0.3  # of a character's size: how near the end of a line the next piece of it starts


def _pieces_joined(items: list) -> list:
    """The lines, with a piece that starts right where another line ends, on its baseline, joined to it: a line
    pdfminer gave as two is one line.  A piece opening on a note mark (drawn small and raised by itself, then the rest:
    …统筹安排 / ¹。加强…) joins, and its note mark then goes (_note_marks); else the paragraph is cut at the mark.
    Any other piece joins when it goes on the same run of text (_same_run: 资260 drawn after the rest of its line);
    else the line reads out of order.  (A table's next cell stands further off, past a word gap.)"""
    from pdfminer.layout import LTTextLineHorizontal

    ends: dict[int, list] = {}  # the lines by where they end (whole points)
    for item in items:
        if isinstance(item, LTTextLineHorizontal) and _chars(item):
            ends.setdefault(int(item.x1), []).append(item)
    if len(ends) < 2:
        return items
    host: dict[int, object] = {}  # a piece -> the line it joins
    for item in items:
        chars = _chars(item) if isinstance(item, LTTextLineHorizontal) else []
        if not chars:
            continue
        noted = any(_NOTE_MARK.match(c.get_text()) for c in chars[:4])
        size = max(c.size for c in chars)
        near = [a for x in range(int(item.x0 - PIECE_GAP * size) - 1, int(item.x0) + 1) for a in ends.get(x, ())
                if a is not item and -0.5 <= item.x0 - a.x1 <= PIECE_GAP * size and abs(a.y0 - item.y0) <= PIECE_GAP * size
                and (_note_marks(_chars(a)[-1:] + chars[:4]) if noted else _same_run(a, item, size))]
        if len(near) == 1:
            host[id(item)] = near[0]
    if not host:
        return items
    joined: dict[int, list] = {}  # a line's root -> the characters of its pieces
    for item in items:
        root = item
        while id(root) in host:
            root = host[id(root)]
        if root is not item:
            joined.setdefault(id(root), _chars(root)).extend(_chars(item))
    return [_rebuilt(item, joined[id(item)]) if id(item) in joined else item for item in items if id(item) not in host]


def _same_run(left, right, size: float) -> bool:
    """True when right goes on the line left ends, as one run of text pdfminer gave as two (LibreOffice may draw a
    line's words after the next ones: 资260 after 亿元；…共建“光谷宜 on one line): the same baseline, the same type size, and between two ideographs or Chinese marks no wider gap than the left line sets between its own (a table's next cell,
    1 pt off, stands apart: ideographs are set solid, or evenly spaced in a justified line)."""
    chars, first = _chars(left), _chars(right)[0]
    if abs(chars[-1].matrix[5] - first.matrix[5]) > 0.5 or abs(max(c.size for c in chars) - size) > 0.5:
        return False  # (the baseline: where each glyph is drawn from, whatever its font's box)
    if not (_CJK_BEFORE_MARK.match(chars[-1].get_text()) and _CJK_BEFORE_MARK.match(first.get_text())):
        return True  # (a Latin word or figure at the seam: 资260 / 亿元, spaced as the type sets them)
    own = _ideograph_gaps(chars)
    return first.x0 - chars[-1].x1 <= (own[len(own) // 2] if own else 0.0) + 0.5


def _ideograph_gaps(chars) -> list[float]:
    """The white between each two ideographs side by side on a line, sorted: its spacing is their median."""
    return sorted(b.x0 - a.x1 for a, b in zip(chars, chars[1:]) if _IDEOGRAPH.match(a.get_text()) and _IDEOGRAPH.match(b.get_text()))


def _chars(item) -> list:
    """The characters of a pdfminer line, without the spaces and line ends it infers (LTAnno)."""
    from pdfminer.layout import LTChar

    return [c for c in item if isinstance(c, LTChar)]


def _rebuilt(item, chars: list):
    """A line of the characters given, left to right, spaced as pdfminer spaces a line (its own word margin)."""
    from pdfminer.layout import LTTextLineHorizontal

    line = LTTextLineHorizontal(item.word_margin)
    for c in sorted(chars, key=lambda c: c.x0):
        line.add(c)
    return line


def _in_order(item):
    """A line whose characters pdfminer gives out of their order on the line (a mark drawn from another font after
    the words around it: ”三极 for 三极”) with its characters in order, left to right; any other line as it is."""
    chars = _chars(item)
    return item if all(a.x0 <= b.x0 + 0.5 for a, b in zip(chars, chars[1:])) else _rebuilt(item, chars)


_LONE_MARKS = frozenset("“”‘’\"'《》〈〉「」『』（）()【】〔〕")
MARK_REACH = 0.5  # of a character's size: how near its line a quotation mark set apart may stand


def _marks_put_back(items: list) -> list:
    """The lines, with a quotation mark or bracket that pdfminer set apart as a line of its own (a glyph drawn from
    another font: LibreOffice's “ before and ” inside `十四五 时期，…` at one height) put back into the line it stands
    in or beside, by its place: else the mark is a paragraph of its own and cuts the one it belongs to in two."""
    from pdfminer.layout import LTTextLineHorizontal

    items = [_in_order(item) if isinstance(item, LTTextLineHorizontal) else item for item in items]
    # (a line of two characters holds four objects at most, with the spaces and line end pdfminer infers: the cheap
    # test first, as this runs on every line)
    loose = [item for item in items if isinstance(item, LTTextLineHorizontal) and len(item) <= 4
             and 0 < len(chars := _chars(item)) <= 2 and all(c.get_text() in _LONE_MARKS for c in chars)]
    if not loose:
        return items
    marks = {id(mark) for mark in loose}
    others = [item for item in items if isinstance(item, LTTextLineHorizontal) and id(item) not in marks]
    taken: dict[int, list] = {}  # host line -> the marks put into it
    placed: set[int] = set()
    for mark in loose:
        homes = []
        for c in _chars(mark):  # each mark by its own place: a pair set apart may stand on two lines (…发展“ / ”…)
            hosts = [item for item in others if abs(item.y0 - c.y0) <= 0.3 * c.size
                     and item.x0 - MARK_REACH * c.size <= c.x1 and c.x0 <= item.x1 + MARK_REACH * c.size]
            homes.append((min(hosts, key=lambda h: abs(h.y0 - c.y0)), c) if hosts else None)
        if all(homes):
            placed.add(id(mark))
            for host, c in homes:
                taken.setdefault(id(host), []).append(c)
    if not placed:
        return items
    return [_rebuilt(item, _chars(item) + taken[id(item)]) if id(item) in taken else item for item in items if id(item) not in placed]


def _line(item) -> Line | None:
    chars = _chars(item)
    widths = sorted(c.width for c in chars if _IDEOGRAPH.match(c.get_text()))
    em = widths[len(widths) // 2] if widths else 0.0
    spaced = spaced_cells([c.get_text() for c in chars]) if "  " in item.get_text() else ()
    if spaced:  # a table's row drawn as text, its cells parted by spaces: a paragraph of its own
        return Line(CELL_SEPARATOR.join(spaced), item.x0, item.x1, item.y0, item.y1, em, _first_word(chars), row=True)
    text = _unspaced(item, chars, em, _note_marks(chars)).strip()
    if not text:
        return None
    return Line(text, item.x0, item.x1, item.y0, item.y1, em, _first_word(chars), cells=_cells(item, chars, em, CELL_GAP),
                parts=_cells(item, chars, em, NARROW_GAP))


def _cells(item, chars, em: float, ems: float) -> tuple[tuple[str, float, float], ...]:
    """(text, x0, x1) of the pieces of a line that white of `ems` ems at the least (and twice the
    line's common spacing: not a letter-spaced title) parts: with CELL_GAP, a table's cells that
    pdfminer set in one line; with NARROW_GAP, where two cells may meet that stand closer (a full cell
    reaching its border: pdf_regions.table_rows parts the line there when the table has a column
    starting there); () when there is one piece."""
    from pdfminer.layout import LTChar

    size = em or (chars[0].size if chars else 0.0)
    gaps = [b.x0 - a.x1 for a, b in zip(chars, chars[1:])]
    if not size or not gaps or max(gaps) < ems * size:
        return ()  # (most lines: no gap that wide, and no sort)
    gaps.sort()
    wide = max(ems * size, 2 * gaps[len(gaps) // 2])
    pieces: list[tuple[str, float, float]] = []
    current: list[str] = []
    first = last = None
    for child in item:
        if isinstance(child, LTChar):
            if last is not None and child.x0 - last.x1 >= wide:
                pieces.append(("".join(current).strip(), first.x0, last.x1))
                current, first = [], None
            first = first or child
            current.append(child.get_text())
            last = child
        elif current:
            current.append(child.get_text())
    if last is not None:
        pieces.append(("".join(current).strip(), first.x0, last.x1))
    return tuple(piece for piece in pieces if piece[0]) if len(pieces) > 1 else ()


LETTER_SPACED = 0.1  # ems between ideographs from which a line is letter-spaced (a justified line stretched)
SPACING_SLACK = 0.15  # ems over that spacing a gap may be and still be the line's letter spacing


def _unspaced(item, chars, em: float, marks: set[int]) -> str:
    """The line's text, without its note marks (marks: the ids of their characters).  pdfminer puts
    a space in every gap wider than a tenth of a character, so a letter-spaced line (a justified
    line stretched: 到 2 0 2 6 年) reads with a space between every two characters; spaces between
    ideographs go in cleaning, between digits or letters they would split numbers (1 0 0 0 0亿元).
    In such a line a gap no wider than its spacing between ideographs is no space; a wider one (a
    table's next column, a word space) stays."""
    from pdfminer.layout import LTAnno, LTChar, LTTextLineHorizontal

    text = item.get_text()
    spacing = 0.0
    if em and isinstance(item, LTTextLineHorizontal) and " " in text:
        gaps = _ideograph_gaps(chars)
        spacing = gaps[len(gaps) // 2] if len(gaps) >= 2 else 0.0
    spaced = em > 0 and spacing >= LETTER_SPACED * em
    pitch = _grid_pitch(chars, em) if em and " " in text else 0.0
    if not spaced and not marks and not pitch:
        return text
    out, seen = [], 0  # seen: the characters passed, so chars[seen] is the next one
    for child in item:
        if isinstance(child, LTChar):
            seen += 1
            if id(child) not in marks:
                out.append(child.get_text())
        elif not (isinstance(child, LTAnno) and child.get_text() == " " and 0 < seen < len(chars)
                  and ((spaced and chars[seen].x0 - chars[seen - 1].x1 <= spacing + SPACING_SLACK * em)
                       or (pitch and _in_cell(chars[seen - 1], chars[seen], pitch, em)))):
            out.append(child.get_text())
    return "".join(out)


HALF_WIDTH = 0.9  # of an em: a character narrower than this (a digit, a Latin letter, even M or W) is no full-width one


def _grid_pitch(chars, em: float) -> float:
    """The pitch of a line set on a fixed grid, every character in a cell of its own (a layout snapped to a grid: 到2027年
    with each digit a full cell, so pdfminer reads 到2 0 2 7年), or 0.0: the advance between ideographs side by side, when
    every character of the line starts on that lattice and a run of two half-width characters or more fills cells one
    after the other (a number or a word: proportional type sets those solid, and its word spaces leave the lattice)."""
    advances = sorted(b.x0 - a.x0 for a, b in zip(chars, chars[1:]) if _IDEOGRAPH.match(a.get_text()) and _IDEOGRAPH.match(b.get_text()))
    if not advances:
        return 0.0
    pitch, slack = advances[len(advances) // 2], SPACING_SLACK * em  # (slack: the lattice's tolerance)
    if pitch < em - slack or any(abs((c.x0 - chars[0].x0) / pitch - round((c.x0 - chars[0].x0) / pitch)) * pitch > slack for c in chars):
        return 0.0
    return pitch if any(_in_cell(a, b, pitch, em) and _half_width(b, em) for a, b in zip(chars, chars[1:])) else 0.0


def _half_width(char, em: float) -> bool:
    return char.x1 - char.x0 < HALF_WIDTH * em


def _in_cell(before, after, pitch: float, em: float) -> bool:
    """Whether the white after a half-width character is its grid cell's rest, no space: the next character starts one
    pitch after it."""
    return _half_width(before, em) and abs((after.x0 - before.x0) - pitch) <= SPACING_SLACK * em


NOTE_MARK_SIZE = 0.8  # of the character before it: a note mark is set this much smaller, or smaller ...
NOTE_MARK_RISE = 0.2  # ... and raised this share of that character's size above its baseline at least
NOTE_MARK_GAP = 0.3  # ... and set right after it (a gap of this share of its size at most: not a table's next cell)
_NOTE_MARK = re.compile(r"[\d\u2460-\u24ff*†‡\[\]［］()（）注]")
_CIRCLED = re.compile(r"[\u2460-\u24ff]")
_MARK_NUMBER = re.compile(r"[\d\u2460-\u24ff*†‡]")
_CJK_BEFORE_MARK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff1f]")


def _note_marks(chars) -> set[int]:
    """The ids of the characters of the line's note marks: a run of digits (or ①, *, [1]) set small
    and raised (superscript) right after an ideograph or a Chinese punctuation mark, as a note is
    cited (特色工艺¹和, 专项注2的); after a letter or a digit a raised number is an exponent (m², 10⁸) and stays, but
    not a circled one (NAND Flash①产能)."""
    marks: set[int] = set()
    n = 1
    while n < len(chars):
        before = chars[n - 1]
        end = n
        while end < len(chars) and _NOTE_MARK.match(chars[end].get_text()) and chars[end].x0 - chars[end - 1].x1 <= NOTE_MARK_GAP * before.size \
                and chars[end].size <= NOTE_MARK_SIZE * before.size and chars[end].y0 >= before.y0 + NOTE_MARK_RISE * before.size:
            end += 1
        run = chars[n:end]
        if run and (_CJK_BEFORE_MARK.match(before.get_text()) or all(_CIRCLED.match(c.get_text()) for c in run)) \
                and any(_MARK_NUMBER.match(c.get_text()) for c in run):
            marks.update(id(c) for c in run)
        n = max(end, n + 1)
    return marks


def _first_word(chars) -> float:
    """The width of the line's first unbreakable piece: a Latin word or number with the marks
    attached to it, or one ideograph with the closing marks after it."""
    run = []
    for c in chars:
        ch = c.get_text()
        if ch.isspace() or (_IDEOGRAPH.match(ch) and run and not _IDEOGRAPH.match(run[0].get_text())):
            break
        if run and _IDEOGRAPH.match(run[0].get_text()) and (_IDEOGRAPH.match(ch) or ch.isalnum()):
            break
        run.append(c)
    return run[-1].x1 - run[0].x0 if run else 0.0


def _as_extraction_error(path: Path, exc: Exception) -> ExtractionError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return ExtractionError(str(path), "encrypted PDF (password required)")
    if isinstance(exc, PDFSyntaxError):
        return ExtractionError(str(path), f"corrupt PDF ({exc})")
    name = type(exc).__name__
    if "Encrypt" in name or "Password" in name:
        return ExtractionError(str(path), "encrypted PDF (password required)")
    return ExtractionError(str(path), f"corrupt PDF ({name}: {exc})")

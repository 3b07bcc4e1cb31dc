"""Machine-readable output: JSON, JSON Lines and CSV for scripts, and .xlsx workbooks for spreadsheets.

Every format carries the same values.  CSV is for scripts: numbers unquoted, every text cell
quoted, lists joined by ';'; doc_ids are letters only (models.doc_id_for), so a spreadsheet
that opens the CSV anyway cannot turn one into a number.  Other text that looks like a number
(a title `112.10`) stays exact for scripts; a spreadsheet's CSV import converts it whatever the
quoting (README, "In a spreadsheet"), which is why the workbook exists.  The workbook is for people: ids
and codes are text cells, the matches are bold red inside the passage, the header is frozen.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from icpolicy.models import Hit

FIELDS = ["doc_id", "title", "source", "doc_type", "region", "region_path", "zone", "years", "segments",
          "passage", "text", "highlights", "score", "doc_number", "issuer", "issued", "matched"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"  # put before such a text cell in CSV, and before one that starts with ' itself, so one rule reads every cell back
LIST_SEPARATOR = ";"
XLSX_CELL_LIMIT = 32767  # characters in one Excel cell


@dataclass(frozen=True)
class Marked:
    """A text cell with spans to show as matches (bold red in a workbook)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


def to_json(hits: Iterable[Hit], summary: dict | None = None) -> str:
    """One JSON document: {"query": ..., "total": ..., "hits": [...]}."""
    payload = dict(summary or {})
    payload["hits"] = [hit.as_dict() for hit in hits]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def jsonl_lines(rows: Iterable[dict]) -> Iterator[str]:
    """JSON Lines: one object per line (a hit's as_dict(), a view's row), each made when it is read
    (output.write_output streams them)."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def joined(value) -> str:
    """A list as one cell: items joined by ';', spans as start-end."""
    return LIST_SEPARATOR.join(f"{v[0]}-{v[1]}" if isinstance(v, (list, tuple)) else str(v) for v in value)


def csv_cell(value):
    """A CSV cell: numbers as they are; lists joined; formula-looking text defused."""
    if isinstance(value, Marked):
        value = value.text
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # 0.0 as 0: what a spreadsheet shows, so the cell opens unchanged
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        value = joined(value)
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text) or text.startswith(GUARD):
        text = GUARD + text  # a spreadsheet would run =, +, -, @ as a formula; see original_text
    return text


def original_text(cell: str) -> str:
    """A CSV text cell as the value it holds (what JSON gives, and what highlights count in):
    the one ' that csv_cell puts before a cell starting with =, +, -, @ or ' is dropped."""
    return cell[1:] if cell.startswith(GUARD) else cell


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_lines(columns: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """CSV with a header row, line by line, each row made when it is read (output.write_output streams
    them): text cells quoted, numbers bare; write it as utf-8-sig for a file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([csv_cell(value) for value in row])
        yield buffer.getvalue()


def hit_row(hit: Hit) -> list:
    """A hit as one table row in FIELDS order, its passage text carrying the match spans."""
    row = hit.as_dict()
    row["text"] = Marked(hit.text, tuple(tuple(span) for span in hit.highlights))
    return [row[name] for name in FIELDS]


def csv_hit_lines(hits: Iterable[Hit]) -> Iterator[str]:
    """The hits as CSV, one row per hit, line by line (csv_lines)."""
    return csv_lines(FIELDS, (hit_row(hit) for hit in hits))


def to_xlsx(hits: Iterable[Hit], sheet: str = "hits") -> bytes:
    """The hits as an .xlsx workbook, one row per hit, matches bold red in the text cell."""
    return table_xlsx(FIELDS, [hit_row(hit) for hit in hits], sheet)


# Widest a column gets, in characters, by its kind; long text wraps inside the column.
_WIDE = {"text": 80, "title": 40, "source": 40, "passage_text": 80}
_MAX_WIDTH = 30


def table_xlsx(columns: Sequence[str], rows: Sequence[Sequence], sheet: str = "icpolicy") -> bytes:
    """Any table as an .xlsx workbook: a frozen, filtered header row; strings always text cells;
    numbers numbers; lists joined by ';'; Marked cells as rich text with the spans bold red."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
    match = book.add_format({"bold": True, "font_color": "#C00000"})
    plain = book.add_format({"valign": "top"})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    ws = book.add_worksheet(sheet[:31])
    widths = [_display_width(name) for name in columns]
    for c, name in enumerate(columns):
        ws.write_string(0, c, name, header)
    cut: list[tuple[int, str]] = []
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            if isinstance(value, (str, Marked)) and len(value if isinstance(value, str) else value.text) > XLSX_CELL_LIMIT:
                cut.append((r + 1, columns[c]))
            cap = _WIDE.get(columns[c], _MAX_WIDTH)
            fmt = wrapped if cap > _MAX_WIDTH else plain
            if isinstance(value, Marked):
                _write_marked(ws, r, c, value, match, fmt)
                text = value.text
            elif value is None:  # a blank cell, not an empty text one (=A2+1 gives #VALUE! on "")
                text = ""
                ws.write_blank(r, c, None, fmt)
            elif isinstance(value, bool):
                text = str(value).lower()
                ws.write_string(r, c, text, fmt)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, fmt)
                text = str(value)
            else:
                text = joined(value) if isinstance(value, (list, tuple)) else str(value)
                ws.write_string(r, c, text[:XLSX_CELL_LIMIT], fmt)
            widths[c] = min(cap, max(widths[c], _display_width(text)))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width + 2)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), max(len(columns) - 1, 0))
    book.close()
    if cut:
        _say_cut(cut)
    return buffer.getvalue()


def _say_cut(cut: list[tuple[int, str]]) -> None:
    """A warning (stderr through logging) that cells were cut at Excel's cell limit, and where."""
    import logging

    where = ", ".join(f"row {row} {column}" for row, column in cut[:3]) + (f" and {len(cut) - 3} more" if len(cut) > 3 else "")
    logging.getLogger("icpolicy.export").warning(
        "xlsx: %d cell(s) longer than Excel's %s-character limit were cut (%s); csv and json keep the whole text",
        len(cut), f"{XLSX_CELL_LIMIT:,}", where)


def _write_marked(ws, r: int, c: int, cell: Marked, match, fmt) -> None:
    """A text cell with its spans bold red (an Excel rich string)."""
    text = cell.text[:XLSX_CELL_LIMIT]
    parts: list = []
    at = 0
    for start, end in sorted(cell.spans):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            parts.append(text[at:start])
        parts += [match, text[start:end]]
        at = end
    if at < len(text):
        parts.append(text[at:])
    if not any(part is match for part in parts) or len(parts) < 2:
        ws.write_string(r, c, text, fmt)
    elif len(parts) == 2:  # the whole cell is one match: a rich string needs two pieces
        ws.write_string(r, c, text, match)
    else:
        ws.write_rich_string(r, c, *parts, fmt)


def _display_width(text: str) -> int:
    """Columns a line of text takes (CJK counts two); the longest line of a multi-line cell."""
    from wcwidth import wcswidth

    return max((max(wcswidth(line), len(line)) for line in str(text).splitlines() or [""]), default=0)

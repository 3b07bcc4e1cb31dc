"""The tables of a Word 97-2003 .doc, read from the file itself, to put back a table LibreOffice's import ran together.

LibreOffice reads a .doc for everything else (office.py). A table that LibreOffice itself wrote to a .doc (from a
.docx whose table has automatic widths) comes back from its own import as one paragraph of every cell's text run
together: no rows, so no row keeps its place, years or figures, and a search finds words made of two cells. The
table is there in the file: its text stream ends each cell with a cell mark (0x07), and the paragraph properties mark
the row's end (sprmPFTtp). This module reads the main text through the piece table (MS-DOC 2.4.1) and the
paragraph properties through the PAPX pages (2.8.1, 2.9.175), and gives each table as its rows.
restore_tables replaces, in LibreOffice's text, a line that is exactly a table's cells run together by that table's
rows, one line each, cells joined by CELL_SEPARATOR; anything it cannot read leaves LibreOffice's text as it was.
"""

from __future__ import annotations

import bisect
import io
import re
import struct

from icpolicy.models import CELL_SEPARATOR

_CELL = "\x07"
_PARAGRAPH_ENDS = "\r\x07"
_TTP_SPRMS = {0x2417, 0x244C}  # sprmPFTtp, sprmPFInnerTtp: this paragraph mark ends a table row
_IN_TABLE_SPRMS = {0x2416}  # sprmPFInTable: this paragraph is in a table's cell
# sprm operand sizes by spra (the opcode's top three bits); 6 is variable (a size byte first)
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x05\x08\x1f"))  # pictures, note marks, drawn objects, optional hyphens
_SPACES = re.compile(r"\s+")


def tables(data: bytes) -> list[list[list[str]]]:
    """Each table of a .doc's main text: its rows, each a list of its cells' texts; [] when the file cannot be read
    (not a Word 97 file, encrypted, damaged) or has no table."""
    try:
        text, row_ends, in_cells = _main_text(data)
    except Exception:  # noqa: BLE001 - olefile and a damaged file's offsets fail in many ways; LibreOffice's text stands
        return []
    return _rows(text, row_ends, in_cells)


def restore_tables(text: str, data: bytes) -> str:
    """text (LibreOffice's reading of the .doc in data) with each line that is a table's cells run together
    replaced by the table's rows."""
    found = tables(data)
    if not found:
        return text
    lines = text.split("\n")
    squeezed = [_SPACES.sub("", line) for line in lines]
    for table in found:
        key = _SPACES.sub("", "".join("".join(cells) for cells in table))
        if not key:
            continue
        for at in range(len(squeezed) - 1, -1, -1):  # (from the end: the table a .doc ends on, not prose of the same words)
            if squeezed[at] == key:
                lines[at] = "\n".join(CELL_SEPARATOR.join(c for c in cells if c) for cells in table)
                squeezed[at] = ""
                break
    return "\n".join(lines)


def _main_text(data: bytes) -> tuple[str, set[int], set[int]]:
    """The main document's text (characters as stored, field codes left out), the positions in it of the marks
    that end a table row, and those of the paragraph marks inside a table's cells."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    try:
        word = ole.openstream("WordDocument").read()
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if struct.unpack_from("<H", word, 0)[0] != 0xA5EC or flags & 0x0100:  # not Word 97+, or encrypted
            raise ValueError("not a readable Word 97 document")
        table = ole.openstream("1Table" if flags & 0x0200 else "0Table").read()
    finally:
        ole.close()
    length = struct.unpack_from("<i", word, 0x4C)[0]  # ccpText: the main document's characters
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    fc_papx, lcb_papx = struct.unpack_from("<II", word, 0x102)
    pieces = _pieces(table[fc_clx:fc_clx + lcb_clx])
    ttp_fcs, cell_fcs = _table_ranges(word, table[fc_papx:fc_papx + lcb_papx])
    chars: list[str] = []
    row_ends: set[int] = set()
    in_cells: set[int] = set()
    for cp_start, cp_end, fc, compressed in pieces:
        if cp_start >= length:
            break
        count = min(cp_end, length) - cp_start
        width = 1 if compressed else 2
        raw = word[fc:fc + count * width]
        piece = raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
        for offset, char in enumerate(piece):
            if char in _PARAGRAPH_ENDS:
                if _in_ranges(fc + offset * width, ttp_fcs):
                    row_ends.add(len(chars))
                elif _in_ranges(fc + offset * width, cell_fcs):
                    in_cells.add(len(chars))
            chars.append(char)
    return _fields_results("".join(chars), row_ends, in_cells)


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table (Clx): (first cp, end cp, byte offset in WordDocument, 8-bit text) per piece."""
    at = 0
    while at < len(clx) and clx[at] == 1:  # Prc: property modifiers, skipped
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 2:
        raise ValueError("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + size]
    n = (size - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        value = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(value & 0x40000000)
        fc = value & 0x3FFFFFFF
        pieces.append((cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return pieces


def _table_ranges(word: bytes, plcf: bytes) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The byte ranges of the WordDocument stream whose paragraph properties mark a row's end, and those whose
    properties put them in a table's cell."""
    n = (len(plcf) - 4) // 8
    if n <= 0:
        return [], []
    pages = struct.unpack_from(f"<{n}I", plcf, 4 * (n + 1))
    ends, cells = [], []
    for page_number in pages:
        page = word[page_number * 512:page_number * 512 + 512]
        if len(page) < 512:
            continue
        runs = page[511]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for i in range(runs):
            offset = page[4 * (runs + 1) + 13 * i] * 2
            if not offset:
                continue
            sprms = _set_sprms(page, offset)
            if sprms & _TTP_SPRMS:
                ends.append((fcs[i], fcs[i + 1]))
            elif sprms & _IN_TABLE_SPRMS:
                cells.append((fcs[i], fcs[i + 1]))
    return sorted(ends), sorted(cells)


def _set_sprms(page: bytes, offset: int) -> set[int]:
    """The opcodes of the PapxInFkp at offset whose one-byte operand is 1 (a property turned on)."""
    cb = page[offset]
    start, size = (offset + 1, 2 * cb - 1) if cb else (offset + 2, 2 * page[offset + 1])
    grpprl = page[start + 2:start + size]  # after the style index
    found = set()
    at = 0
    while at + 2 <= len(grpprl):
        opcode = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = opcode >> 13
        if spra == 6:
            operand = grpprl[at:at + 1 + (grpprl[at] if at < len(grpprl) else 0)]
        else:
            operand = grpprl[at:at + _OPERAND[spra]]
        if operand[:1] == b"\x01":
            found.add(opcode)
        at += len(operand)
    return found


def _in_ranges(fc: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether fc lies in one of ranges (sorted, not overlapping, as an FKP's runs are)."""
    at = bisect.bisect_right(ranges, (fc, float("inf"))) - 1
    return at >= 0 and ranges[at][0] <= fc < ranges[at][1]


def _fields_results(text: str, row_ends: set[int], in_cells: set[int]) -> tuple[str, set[int], set[int]]:
    """text with each field's code left out and its result kept (0x13 code 0x14 result 0x15, nested), and the
    positions moved to match."""
    out: list[str] = []
    ends: set[int] = set()
    cells: set[int] = set()
    stack: list[bool] = []  # per open field: whether its result has begun
    for at, char in enumerate(text):
        if char == "\x13":
            stack.append(False)
        elif char == "\x14" and stack:
            stack[-1] = True
        elif char == "\x15" and stack:
            stack.pop()
        elif all(stack):
            if at in row_ends:
                ends.add(len(out))
            elif at in in_cells:
                cells.add(len(out))
            out.append(char)
    return "".join(out), ends, cells


def _rows(text: str, row_ends: set[int], in_cells: set[int]) -> list[list[list[str]]]:
    """The tables of a text whose cells end with 0x07, whose rows end at row_ends, and whose paragraph marks at
    in_cells lie inside a cell."""
    found: list[list[list[str]]] = []
    rows: list[list[str]] = []
    cells: list[str] = []
    piece: list[str] = []
    for at, char in enumerate(text):
        if at in row_ends:
            if cells or piece:
                rows.append(cells)
            cells, piece = [], []
        elif char == _CELL:
            cells.append(_clean("".join(piece)))
            piece = []
        elif char == "\r" and at in in_cells:
            piece.append(char)  # a cell's paragraph: the cell goes on
        elif char in "\r\x0c":
            if rows:  # a paragraph outside a table after a row: the table has ended
                found.append(rows)
                rows = []
            cells, piece = [], []
        else:
            piece.append(char)
    if rows:
        found.append(rows)
    return found


def _clean(cell: str) -> str:
    """A cell's text on one line: its paragraphs and line breaks joined, control characters gone."""
    cell = cell.translate(_DROPPED).replace("\x1e", "-").replace("\xa0", " ")
    return " ".join(part.strip() for part in re.split(r"[\r\x0b\x0c]", cell) if part.strip())

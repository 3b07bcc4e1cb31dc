"""A table's year columns: the figures under a header row that names a year in each column after the first.

A policy or plan often sets its targets out as a table (指标 | 2024年 | 2026年目标 / 第三代半导体产业规模 | 80亿元 |
200亿元), which every reader gives as one line per row.  A row alone says neither year: its figures took the
document's year, and all of them its default kind, so a base and its target read as two targets of one year.  Under
such a header a figure takes its column's year, and its kind from the header cell's words ([columns] of
data/targets.toml): a target's (目标, 预期), a base's (现状, 基期, 完成); else a year before the document was issued
is reported, a later one a target, and the issue year itself the base when it is the first of several.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.target_patterns import ascii_form
from icpolicy.models import CELL_SEPARATOR

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_FIGURE_CHARS = re.compile(r"[\d.,，%％\s]")
_BARE = 6  # what a cell that is only its figure holds besides its digits: its unit, 约, 以上, 左右 (亿元以上)


@lru_cache(maxsize=1)
def _words() -> dict:
    return load_toml("targets.toml")["columns"]


class Columns:
    """The year columns of the table a document's passages are in, fed in order (a streamed file comes in chunks)."""

    def __init__(self):
        self.header: tuple[int, list[tuple[int, str]]] | None = None  # (cells in a row, (year, kind) per column after the first)

    def apply(self, text: str, found: list, issued: int) -> list:
        """The quantities of one passage (Quantity: start, end offsets into text), with the years and kinds of the
        columns they stand in when the passage is a row under a header of years (issued: the year the document was
        issued, 0 when unknown)."""
        if CELL_SEPARATOR not in text:
            self.header = None  # the table is over
            return found
        cells = text.split(CELL_SEPARATOR)
        header = _header(cells, issued)
        if header:
            self.header = (len(cells), header)
            return []  # (a header's years are no figures)
        if not found or self.header is None or self.header[0] != len(cells):
            return found
        ends, at = [], 0
        for cell in cells:  # where each cell ends in text (ascii_form keeps the offsets)
            at += len(cell)
            ends.append(at)
            at += len(CELL_SEPARATOR)
        columns = self.header[1]
        out = []
        for quantity in found:
            column = next((i for i, end in enumerate(ends) if quantity.start < end), len(ends) - 1)
            # only a cell that is its figure (80亿元, 约35%, 200家以上): one that says more (由目前的20%提高到35%) has
            # its own cues and years
            if column == 0 or len(_FIGURE_CHARS.sub("", cells[column])) > _BARE:
                out.append(quantity)
                continue
            year, kind = columns[column - 1]
            out.append(replace(quantity, year=year, kind=kind or quantity.kind))
        return out


def _header(cells: list[str], issued: int) -> list[tuple[int, str]] | None:
    """(year, kind or "") of each column after the first, when every one of them names one year and no other
    number (2024年, 2026年目标, 2025年（预计）); else None."""
    plain = [ascii_form(cell) for cell in cells[1:]]
    years = []
    for cell in plain:
        named = _YEAR.findall(cell)
        if len(named) != 1 or re.search(r"\d", _YEAR.sub("", cell)):
            return None
        years.append(int(named[0]))
    words = _words()
    first = min(years)
    out = []
    for cell, year in zip(plain, years):
        if any(word in cell for word in words["target"]):
            kind = "target"
        elif any(word in cell for word in words["base"]):
            kind = "reported"
        elif issued and year != issued:
            kind = "reported" if year < issued else "target"
        else:
            kind = "reported" if year == first and len(set(years)) > 1 else ""
        out.append((year, kind))
    return out

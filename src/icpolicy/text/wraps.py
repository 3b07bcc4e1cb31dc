"""Hard wraps in plain text: lines a program or a person broke at a fixed width, inside sentences.

Pure functions over a text's lines; the rules (sentence ends, paragraph starts, title ends) come
from data/cleaning.toml through text/clean.py.
- a text is hard-wrapped throughout when most of its long lines fill the width and stop
  mid-sentence (looks_wrapped); clean then re-flows all of it;
- in a text that sets its paragraphs apart with blank lines, one block may be wrapped by itself
  (pasted from a narrow window or a PDF viewer): its lines, two or more, each as long as the
  longest within a few characters, none ending a sentence and one holding a clause mark, then a
  last line that ends one, are one paragraph (unwrapped_blocks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from icpolicy.models import CELL_SEPARATOR
from icpolicy.text.pages import CLAUSE_MARK, ends_sentence

_NARROW = re.compile(r"[\u0000-\u1fff]")
_BLANK = re.compile(r"\s")


@lru_cache(maxsize=65536)
def visual_width(line: str) -> float:
    """Columns a line fills in print: CJK 1, Latin letters and digits half."""
    narrow = len(_NARROW.findall(line)) - len(_BLANK.findall(line))
    return (len(line) - len(_BLANK.findall(line)) - narrow) + 0.5 * narrow


def text_width(lines: list[str]) -> float:
    widths = sorted(visual_width(line) for line in lines if visual_width(line) >= 8)
    if len(widths) >= 5:
        return widths[int(len(widths) * 0.8)]
    return widths[-1] if widths else 0.0


def is_full(line: str, width: float) -> bool:
    return width > 0 and visual_width(line) >= width * 0.82


SHORT_WRAP = 20  # the narrowest width a short text is taken to be hard-wrapped at (columns)


def looks_wrapped(lines: list[str], ends: tuple[str, ...], short: bool = False) -> bool:
    """True when most long lines fill the width and stop mid-sentence: hard-wrapped text.
    short: a text of fewer than eight long lines may be too (plain text, whose lines are not blocks)."""
    filled = [line for line in lines if line and CELL_SEPARATOR not in line]  # (a table's rows are no wrapped prose)
    width = text_width(filled)
    if width < 12:
        return False
    long_lines = [line for line in filled if visual_width(line) >= 8]
    if len(long_lines) < 8 and short:  # too few for shares: two or more cut mid-sentence at the longest one's width
        top, most = max(map(visual_width, long_lines)), max(map(len, long_lines))
        # (a line wholly in brackets, （2025年12月9日…全体会议通过） under a title, is whole: no cut line)
        cut = [line for line in long_lines if (visual_width(line) >= top - 1.5 or len(line) >= most - 1) and not ends_sentence(line, ends)
               and not (line[0] in "（(" and line[-1] in "）)")]
        return top >= SHORT_WRAP and len(cut) >= 2
    open_full = [line for line in long_lines if is_full(line, width) and not ends_sentence(line, ends)]
    return len(long_lines) >= 8 and len(open_full) >= 0.4 * len(long_lines)


def indent_marked(lines: list[str], indented: set[str], ends: tuple[str, ...], width: float) -> bool:
    """Whether a hard-wrapped text marks its paragraphs by setting their first lines in (indented: those lines): most
    lines after a sentence's end are set in, and almost no line after a full one cut inside a sentence is."""
    after_end = [line for before, line in zip(lines, lines[1:]) if ends_sentence(before, ends)]
    inside = [line for before, line in zip(lines, lines[1:]) if not ends_sentence(before, ends) and is_full(before, width)]
    starts = sum(line in indented for line in after_end)
    return starts >= 3 and starts >= 0.6 * len(after_end) and sum(line in indented for line in inside) <= 0.2 * len(inside)


def char_width(lines: list[str]) -> int:
    """The line length most lines share, when most do: hard-wrapped plain text cuts every full
    line at the same number of characters, whatever their width in print (digits, Latin)."""
    lengths = [len(line) for line in lines if len(line) >= 8]
    if len(lengths) < 5:
        return 0
    common = max(set(lengths), key=lengths.count)
    return common if lengths.count(common) >= 0.3 * len(lengths) and common >= max(lengths) - 2 else 0


_LABEL = re.compile(r"[^，。；：:,;\s]{1,4}[：:]")
BLOCK_SLACK = 3  # a wrapped block's cut lines are as long as its longest cut line, less this many characters or columns at most
BLOCK_WIDTH = (12, 60)  # ... and this many columns wide, from and to (a wider line is a paragraph of its own)


def unwrapped_blocks(lines: list[tuple[str, int]], ends: tuple[str, ...], closes: tuple[str, ...],
                     heading: Callable[[str], bool], opens: Callable[[str], bool]) -> list[tuple[str, int]]:
    """The lines ("" a blank line, with their heading levels) with each hard-wrapped run inside a
    block joined into one line (module docstring); a text without blank lines between its
    paragraphs is left as it is (each of its lines may be a paragraph).  ends: the sentence ends,
    which no line of a run but its last has; closes: those a run's last line may have (a line
    ending in another, a colon, stands apart); heading: whether a line is a heading, title or date line, which a run never holds
    before its last line; opens: whether a line opens a paragraph, which a run never holds after
    its first."""
    filled = [n for n, (line, _) in enumerate(lines) if line]
    if not any(a + 1 < b for a, b in zip(filled, filled[1:])):
        return lines
    out: list[tuple[str, int]] = []
    run: list[str] = []
    for line, level in lines:
        if not line or level:
            out.extend((part, 0) for part in run)
            run = []
            out.append((line, level))
            continue
        run.append(line)
        if ends_sentence(line, closes):
            out.extend((part, 0) for part in _joined(run, heading, opens))
            run = []
        elif ends_sentence(line, ends):
            out.extend((part, 0) for part in run)
            run = []
    out.extend((part, 0) for part in run)
    return out


def _joined(run: list[str], heading: Callable[[str], bool], opens: Callable[[str], bool]) -> list[str]:
    """A run of lines that ends a sentence as one line when its shape is a hard wrap, else as it is: two cut lines
    at least (one line over a shorter one is as often a heading over its sentence, or a salutation), a clause mark
    among them (a list's items have none), and no line after the first opening with a label (问：, 答：, 地址：).
    A short heading right above the run, with no blank line between (一、建设目标), stands apart and the rest is judged
    alone."""
    if len(run) > 3 and (heading(run[0]) or opens(run[0])) and visual_width(run[0]) < BLOCK_WIDTH[0]:
        return run[:1] + _joined(run[1:], heading, opens)
    if len(run) < 3 or not any(CLAUSE_MARK.search(line) for line in run[:-1]) or any(_LABEL.match(line) for line in run[1:]):
        return run
    cut, last = run[:-1], run[-1]
    chars, columns = max(len(line) for line in cut), max(visual_width(line) for line in cut)
    narrow, wide = BLOCK_WIDTH
    shaped = columns <= wide and len(last) <= chars and all(
        visual_width(line) >= narrow and (len(line) >= chars - BLOCK_SLACK or visual_width(line) >= columns - BLOCK_SLACK) for line in cut)
    if not shaped or any(heading(line) for line in cut) or any(opens(line) for line in run[1:]):
        return run
    text = cut[0]
    for line in run[1:]:
        text = join(text, line)
    return [text]


_NUMBER_LINE = re.compile(r"^[\d.,，%‰\-/:：\s]+$")  # a line of figures alone: 112.10, 2024-03-05


def join(left: str, right: str) -> str:
    """Two lines as one: a space between Latin words (SiC / MOSFET), and between figures when either line
    holds figures alone (112.10 / 135.5: glued, a number the text does not hold); a number a wrap cut
    (突破15 / 00亿元) is joined whole.  Search forms drop the space either way."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return left + " " + right
    if left[-1:].isdigit() and right[:1].isdigit() and (_NUMBER_LINE.match(left) or _NUMBER_LINE.match(right)):
        return left + " " + right
    return left + right

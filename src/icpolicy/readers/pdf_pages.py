"""pdfminer's page layout with ties broken by creation order, so a PDF reads the same in every process, and
without the characters of a watermark (text set aslant, or a light phrase tiled over the page).

pdfminer groups a page's text boxes bottom-up: it merges the closest pair first, from a heap of
(distance, id(box1), id(box2), ...). When two pairs are equally far apart (boxes of one size set at
one spacing, common in tables and in lists), the memory addresses decide which merges first; the
groups, and so the reading order of the boxes, then depend on where the allocator put each object.
The same file gave one paragraph split in the main process and another in a worker. Here each box
and group gets a serial number as it is made and the serials break the ties; everything else is
pdfminer's own algorithm (pdfminer.layout.LTLayoutContainer.group_textboxes, 20260107).

Imports pdfminer at module load: readers/pdf.py imports this module only when it reads a PDF.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter
from collections.abc import Container, Iterator, Sequence

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTChar,
    LTComponent,
    LTPage,
    LTTextBox,
    LTTextBoxVertical,
    LTTextGroup,
    LTTextGroupLRTB,
    LTTextGroupTBRL,
)
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Plane


def layout_pages(fh, laparams: LAParams, page_numbers: Container[int] | None = None) -> Iterator[LTPage]:
    """The laid-out pages of a PDF, as pdfminer.high_level.extract_pages gives them, but stable."""
    resources = PDFResourceManager(caching=True)
    device = _StableAggregator(resources, laparams=laparams)
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.get_pages(fh, page_numbers, caching=True):
        interpreter.process_page(page)
        yield device.get_result()


class _StableAggregator(PDFPageAggregator):
    """pdfminer's page aggregator making _StablePage pages, without a watermark's characters (_watermark)."""

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        self.cur_item = _StablePage(self.pageno, self.cur_item.bbox)

    def render_char(self, matrix, *args) -> float:
        advance = super().render_char(matrix, *args)
        a, b = matrix[0], matrix[1]
        if min(abs(a), abs(b)) > OBLIQUE * math.hypot(a, b):
            self.cur_item._objs.pop()  # set aslant across the page: a watermark (内部资料 at 35°), no line's text
        return advance

    def end_page(self, page) -> None:
        objs = self.cur_item._objs
        light = [o for o in objs if isinstance(o, LTChar) and _light(o.graphicstate.ncolor)]
        if _watermark(light):
            drop = set(map(id, light))
            self.cur_item._objs = [o for o in objs if id(o) not in drop]
        super().end_page(page)


OBLIQUE = 0.15  # a glyph turned further than ~9° from the page's axes (a turned table head at 90° stays)
LIGHT = 0.7  # a fill this near to white (gray level, or each of R, G, B; a CMYK ink at most 1 − LIGHT)
WATERMARK_CHARS = 20  # light characters on a page at least, of ...
WATERMARK_DISTINCT = 12  # ... this many different ones at most, each written three times or more: a phrase tiled


def _light(color) -> bool:
    """True when a fill colour (pdfminer's ncolor: a gray level, RGB or CMYK) is near white."""
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    return max(values) <= 1 - LIGHT if len(values) == 4 else min(values) >= LIGHT


def _watermark(light: list) -> bool:
    """True when a page's light characters are a short phrase tiled over it (内部资料 严禁外传 ×170): many, of few
    kinds, each repeated.  Light text written once (a grey note) is text and stays."""
    if len(light) < WATERMARK_CHARS:
        return False
    counts = Counter(o.get_text() for o in light)
    return len(counts) <= WATERMARK_DISTINCT and min(counts.values()) >= 3


class _StablePage(LTPage):
    """An LTPage whose text boxes group the same way wherever the objects lie in memory."""

    def group_textboxes(self, laparams: LAParams, boxes: Sequence[LTTextBox]) -> list[LTTextGroup]:
        """Group the text boxes hierarchically, closest pair first; equal distances by serial."""
        serials = itertools.count()
        serial = {id(box): next(serials) for box in boxes}  # the boxes outlive this call: ids stay theirs
        plane: Plane = Plane(self.bbox)

        def isany(obj1: LTComponent, obj2: LTComponent) -> bool:
            """Whether any other object stands in the rectangle around obj1 and obj2."""
            found = plane.find((min(obj1.x0, obj2.x0), min(obj1.y0, obj2.y0), max(obj1.x1, obj2.x1), max(obj1.y1, obj2.y1)))
            return any(obj is not obj1 and obj is not obj2 for obj in found)

        heap = [(False, _dist(a, b), serial[id(a)], serial[id(b)], a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]]
        heapq.heapify(heap)
        plane.extend(boxes)
        done: set[int] = set()
        groups: list[LTTextGroup] = []  # held so that no id is reused while the serials stand
        while heap:
            skip_isany, d, s1, s2, obj1, obj2 = heapq.heappop(heap)
            if s1 in done or s2 in done:
                continue  # one of the pair is already in a group
            if not skip_isany and isany(obj1, obj2):
                heapq.heappush(heap, (True, d, s1, s2, obj1, obj2))
                continue
            vertical = (LTTextBoxVertical, LTTextGroupTBRL)
            group: LTTextGroup = LTTextGroupTBRL([obj1, obj2]) if isinstance(obj1, vertical) or isinstance(obj2, vertical) else LTTextGroupLRTB([obj1, obj2])
            groups.append(group)
            serial[id(group)] = s = next(serials)
            plane.remove(obj1)
            plane.remove(obj2)
            done.update((s1, s2))
            for other in plane:
                heapq.heappush(heap, (False, _dist(group, other), s, serial[id(other)], group, other))
            plane.add(group)
        return list(plane)


def _dist(obj1: LTComponent, obj2: LTComponent) -> float:
    """The area of the rectangle around both, less their own areas (pdfminer's measure; may be negative)."""
    x0, y0 = min(obj1.x0, obj2.x0), min(obj1.y0, obj2.y0)
    x1, y1 = max(obj1.x1, obj2.x1), max(obj1.y1, obj2.y1)
    return (x1 - x0) * (y1 - y0) - obj1.width * obj1.height - obj2.width * obj2.height

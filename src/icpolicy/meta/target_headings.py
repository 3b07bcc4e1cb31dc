"""A heading's figure that its body repeats counts once: the body's row stays (its clause and year are the fuller ones).

A plan often names a task's figure in its heading and again in the paragraph under it (一、建成5G基站1万个 / 到2026年，
全市建成5G基站1万个，…), in one passage (a heading run into its body: （三）新增充电桩5000个。全市新增…) or in two (the
heading a passage of its own, the body the passages under it: up to REACH, until the next heading; 常州：推进…38个重大
项目 / a meeting's paragraph / 加快推进…38个重大项目…).  Both copies were rows, so a city's commitment counted twice.
Which text is a heading is meta/target_parts' reading (is_heading, runs_in); a copy is the same value, unit and
comparator with one metric inside the other.
"""

from __future__ import annotations


def unrepeated(heading: list, body: list) -> list:
    """The quantities of a heading (Quantity or anything with value, unit, comparator and metric) less those that one of
    the body's repeats."""
    return [q for q in heading if not any(_same(q, b) for b in body)]


def _same(a, b) -> bool:
    return a.value == b.value and a.unit == b.unit and a.comparator == b.comparator and (a.metric in b.metric or b.metric in a.metric)


REACH = 4  # the passages under a heading (up to the next heading) whose figures may repeat its own


def body_of(texts: list[str], at: int, is_heading) -> range:
    """The indexes of the passages under texts[at], a heading: the next one, then on until a heading, REACH at most."""
    end = min(at + 2, len(texts))
    while end < len(texts) and end <= at + REACH and not is_heading(texts[end]):
        end += 1
    return range(at + 1, end)

"""A heading's figure that its body repeats counts once: the body's row stays (its clause and year are the fuller ones).

A plan often names a task's figure in its heading and again in the paragraph under it (一、建成5G基站1万个 / 到2026年，
全市建成5G基站1万个，…), in one passage (a heading run into its body: （三）新增充电桩5000个。全市新增…) or in two (the
heading a passage of its own, the body the next).  Both copies were rows, so a city's commitment counted twice.
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

"""The search listing as plain text, for a pipe or a file: the same words render.py styles for a
terminal, without importing rich (a one-shot `icpolicy search ... | less` never loads it).

The parts of each hit and of the spread line are defined here once; render.py adds the styles.
"""

from __future__ import annotations

from collections import Counter

from icpolicy.models import Hit
from icpolicy.units import counted
from icpolicy.views.snippets import snippet

# Characters rich changes when it prints (it drops these control codes and expands tabs to
# display columns); text holding any of them goes through rich, so both paths print the same.
_RICH_REWRITES = frozenset("\t\x07\x08\x0b\x0c\x0d")


def labels(hit: Hit) -> str:
    """Region path · zone (when the passage is about one) · years · type · segments of a hit."""
    parts = ["/".join(hit.region_path) or "—", *([hit.zone] if hit.zone else []), ",".join(str(y) for y in hit.years) or "—"]
    if hit.doc_type:
        parts.append(hit.doc_type)
    if hit.segments:
        parts.append(" ".join(hit.segments))
    return " · ".join(parts)


def hit_parts(number: int, hit: Hit, width: int = 220) -> tuple[str, str, str, str, tuple[str, list[tuple[int, int]]], str]:
    """(number, title, reference, labels, (snippet, spans), matched line or "") of one hit."""
    matched = "    matched: " + ", ".join(hit.matched) if hit.matched else ""
    return (f"{number:>2}. ", hit.title or hit.source, f"  [{hit.doc_id} #{hit.passage}]", "    " + labels(hit),
            snippet(hit.text, hit.highlights, width=width), matched)


MORE = "-n N or --all for more"


def showing(shown: int, more: str = "") -> str:
    """' (showing 10; -n N or --all for more)': what a listing cut short says after its count (`more`: how to see
    the rest, MORE unless given)."""
    return f" (showing {shown}; {more or MORE})"


def spread_parts(total: int, documents: int, shown: int, by_province: Counter, by_year: Counter, more: str = "") -> list[tuple[str, str]]:
    """(text, style) pieces of the line saying how many passages and documents matched, and their spread
    (`more`: how to see the passages not shown, when some are not; MORE unless given)."""
    parts = [(f"{counted(total, 'passage')} in {counted(documents, 'document')}", "bold")]
    if shown < total:
        parts.append((showing(shown, more), "dim"))
    if by_province:
        top = ", ".join(f"{name} {count}" for name, count in by_province.most_common(8))
        more = len(by_province) - 8
        parts.append((f"  ·  regions: {top}" + (f", +{more} more" if more > 0 else ""), ""))
    if by_year:
        years = sorted(by_year.items())
        # the last YEARS_SHOWN years one by one, those before them as one span (1949–2016 412): a line, not a page
        older, years = (years[:-YEARS_SHOWN], years[-YEARS_SHOWN:]) if len(years) > YEARS_SHOWN + 1 else ([], years)
        head = [f"{older[0][0]}–{older[-1][0]} {sum(count for _, count in older)}"] if older else []
        parts.append(("  ·  years: " + ", ".join(head + [f"{year} {count}" for year, count in years]), ""))
    return parts


YEARS_SHOWN = 8


def listing(found: list[Hit], spread: list[tuple[str, str]], width: int = 220) -> str | None:
    """The hits and the spread line as render.hits + render.spread_line print them without colour
    on an unbounded width; None when some text holds a character rich would rewrite."""
    lines = []
    for number, hit in enumerate(found, 1):
        head, title, ref, where, (text, _), matched = hit_parts(number, hit, width)
        lines += [head + title + ref, where, "    " + text] + ([matched] if matched else []) + [""]
    lines.append("".join(text for text, _ in spread))
    out = "\n".join(lines) + "\n"
    return None if not _RICH_REWRITES.isdisjoint(out) else out


_BOUND_MARKS = {"超过": "≥", "以内": "≤", "左右": "≈"}


def figure_text(row: dict) -> str:
    """A row's value as the text gave it: a bound its comparator does not name marked (增长超30%: 增长, ≥30%; 不低于5亿元
    is comparator 超过 and plain 5亿元), a range's two ends (6–7%), a fraction with its share (33.33% (1/3))."""
    def number(value) -> str:
        return f"{value:g}" if isinstance(value, float) else str(value)
    figure = number(row["value"]) + (f"–{number(row['high'])}" if row.get("high") is not None else "")
    bound = row.get("bound") or ""
    figure = (_BOUND_MARKS.get(bound, "") if bound != row["comparator"] else "") + figure + row["unit"]
    return f"{figure} ({row['ratio']})" if row.get("ratio") else figure


def moved_text(m: dict, arrow: str = "->") -> str:
    """One moved target as words (the changes table, and the `moved` cell of csv/xlsx): its metric and comparator, each
    figure with its unit and the year it is for (`国内生产总值 增长: 6.9% (2017) -> 6.6% (2018)`)."""
    def figure(value, unit, year, high, bound) -> str:
        return figure_text({"value": value, "unit": unit, "high": high, "bound": bound, "comparator": m["comparator"]}) + (f" ({year})" if year else "")
    # (restated in another unit: 900亿元 -> 0.11万亿元; a bound or range: ≥5% -> ≈5%, 20–25%)
    was = figure(m['from'], m.get('from_unit', m['unit']), m.get('from_year'), m.get("from_high"), m.get("from_bound"))
    return f"{m['metric']} {m['comparator']}: {was} {arrow} {figure(m['to'], m['unit'], m.get('to_year'), m.get('high'), m.get('bound'))}"


def target_text(t: dict) -> str:
    """A target one side of a changed pair states alone (the `dropped` and `new` cells): `metric comparator: value+unit (year)`."""
    return f"{t['metric']} {t['comparator']}: {figure_text(t)}" + (f" ({t['year']})" if t.get("year") else "")

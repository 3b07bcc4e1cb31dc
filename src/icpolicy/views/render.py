"""Terminal output with rich: hits with highlighted matches, facet lines, tables and bar charts."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from icpolicy.models import Hit
from icpolicy.views import plain
from icpolicy.views.snippets import display_width, kwic

MATCH_STYLE = "bold black on yellow"


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    """Rich text with every span styled as a match."""
    out = Text(text)
    for start, end in spans:
        out.stylize(MATCH_STYLE, start, end)
    return out


def hits(console: Console, found: list[Hit], width: int = 220) -> None:
    """Each hit: title, keys, the snippet with matches highlighted, and which terms matched."""
    for number, hit in enumerate(found, 1):
        number_text, title, ref, where, (text, spans), matched = plain.hit_parts(number, hit, width)
        head = Text(title, style="bold cyan")
        head.append(ref, style="dim")
        console.print(hanging(Text(number_text, style="bold"), head))
        console.print(_indented(Text(where, style="green")))
        console.print(Padding(highlighted(text, spans), (0, 0, 0, 4), expand=False))  # (wrapped lines keep the indent)
        if matched:
            console.print(_indented(Text(matched, style="dim")))
        console.print()


def hanging(label: Text, body) -> Table:
    """label, then body, whose wrapped lines hang under its start (1. 标题… [id], #3 passage…) on a narrow terminal; off a
    terminal one line as label + body."""
    line = Table.grid()
    line.add_row(label, body)
    return line


def _indented(line: Text) -> Padding:
    """A line that opens with spaces as that indent, kept by its wrapped lines on a narrow terminal."""
    indent = len(line.plain) - len(line.plain.lstrip(" "))
    return Padding(line[indent:], (0, 0, 0, indent), expand=False)


def spread_line(total: int, documents: int, shown: int, by_province: Counter, by_year: Counter, more: str = "") -> Text:
    """One line: how many passages and documents matched, and how they spread over regions and years."""
    (first, style), *rest = plain.spread_parts(total, documents, shown, by_province, by_year, more)
    line = Text(first, style=style)  # the first part's style is the whole line's
    for text, style in rest:
        line.append(text, style=style or None)
    return line


KWIC_LEAST = 8  # display columns of context a side keeps however narrow the console
KWIC_MATCH_ROOM = 24  # display columns kept for the match when sizing the context (a longer match is cropped on its right)


def kwic_lines(console: Console, found: list[Hit], columns: int = 40, sentences=None, following=None) -> None:
    """Concordance: one line per match; where it is from first, then the match centred in fixed-width context.

    Widths are display columns (wcwidth), so the matches line up whatever mix of Chinese and
    Latin the context holds; the place and id are never cut.  Each side's context is `columns` wide, or less on a
    narrow console, so that the longest match and some context on its right still fit (at 80 columns the match
    was cut off); past that the right context is cropped.
    sentences(text): the [start, end) ranges of a 同句 hit's sentences that satisfy the query: only their
    matches are lines, each with context from its own sentence.
    following(hit): the text of the passage after the hit's; a match that runs on into it (its highlight cut at the
    passage's end) is shown whole, with its right context from there (50亿 | 元的龙头企业: `50亿元`).
    """
    labels = [f"{hit.region or '—'} {','.join(map(str, hit.years)) or '—'} [{hit.doc_id} #{hit.passage}]" for hit in found]
    label_width = max((display_width(label) for label in labels), default=0)
    longest = min(max((display_width(hit.text[start:end]) for hit in found for start, end in hit.highlights), default=0), KWIC_MATCH_ROOM)
    if console.width - label_width - 2 - longest < 2 * KWIC_LEAST:
        # too narrow for the whole label beside the match: the id alone, which `show` needs (h-user36: at 50 columns a
        # long place and years pushed every match off the line)
        labels = [f"[{hit.doc_id} #{hit.passage}]" for hit in found]
        label_width = max((display_width(label) for label in labels), default=0)
    room = console.width - label_width - 2 - longest
    columns = max(min(KWIC_LEAST, max(room // 2, 0)), min(columns, room // 2))  # (narrower still: less context, the match shown)
    for hit, label in zip(found, labels):
        spans, bounds = hit.highlights, None
        if sentences is not None:
            from icpolicy.views.sentences import within

            kept = within(hit.highlights, sentences(hit.text))
            spans, bounds = [span for span, _ in kept], [bound for _, bound in kept]
        text = hit.text
        if following is not None and bounds is None and any(end == len(text) for _, end in spans):
            text, spans = _run_on(hit, spans, following(hit))
        for left, match, right in kwic(text, spans, columns, bounds):
            line = Text(label + " " * (label_width - display_width(label)) + "  ", style="dim")
            line.append(left)
            line.append(match, style=MATCH_STYLE)
            line.append(right)
            console.print(line, overflow="crop", no_wrap=True)


def _run_on(hit: Hit, spans: list[tuple[int, int]], after: str) -> tuple[str, list[tuple[int, int]]]:
    """The hit's text with the next passage's after it, and its spans cut at its end carried on to where an occurrence
    of a matched term that starts inside the hit's text ends in the next passage's (each occurrence alone: a match
    that only ends where the passage ends, 一、集成电路 over 集成电路产业…, keeps its own text)."""
    if not after:
        return hit.text, spans
    from icpolicy.text.normalize import normalise, normalise_with_offsets, occurrences

    joined, end = hit.text + after, len(hit.text)
    mapped = normalise_with_offsets(joined)
    across = [(a, b) for needle in {normalise(m) for m in hit.matched} if needle
              for _, a, b in occurrences(joined, needle, mapped=mapped) if a < end < b]
    carried = [max(((a, b) for a, b in across if a <= start < b), default=(start, stop), key=lambda ab: ab[1]) if stop == end else (start, stop)
               for start, stop in spans]
    return (joined, carried) if carried != spans else (hit.text, spans)


def counts_table(title: str, rows: list[tuple[str, int, int]], key_label: str, bars: bool = True) -> Table:
    """A table of key, passages, documents, with a bar for the passages."""
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column(key_label)
    table.add_column("passages", justify="right")
    table.add_column("documents", justify="right")
    if bars:
        table.add_column("")
    peak = max((p for _, p, _ in rows), default=0) or 1
    for key, passages, documents in rows:
        cells = [key, str(passages), str(documents)]
        if bars:
            cells.append("█" * max(1, round(30 * passages / peak)) if passages else "")
        table.add_row(*cells)
    return table


CONTEXT = 1  # `show -p N`: passage N and this many on each side


def in_context(number: int, focus: int | None) -> bool:
    """Whether passage `number` is shown around the passage `focus` (None: the whole document)."""
    return focus is None or abs(number - focus) <= CONTEXT


def passage_facts(passage: dict) -> dict:
    """A stored passage's place, years and sectors as a hit gives them (region_path the division, the zone apart)."""
    from icpolicy.meta.zones import division_path

    path, zone = division_path(list(passage.get("region_path") or []))
    years = passage.get("years") or []
    segments = passage.get("segments") or []
    return {"region": path[-1] if path else "", "region_path": list(path), "zone": zone,
            "years": [int(y) for y in years.split()] if isinstance(years, str) else list(years),
            "segments": segments.split(",") if isinstance(segments, str) and segments else list(segments or [])}


def document(console: Console, record: dict, passages: list[dict], spans_for, focus: int | None = None) -> None:
    """A whole document (or one passage with its neighbours) with metadata on top; spans_for(passage) its highlights."""
    console.print(Text(record.get("title") or record.get("source", ""), style="bold cyan"))
    facts = [
        ("region", "/".join(record.get("region_path") or []) or "—"),
        *([("zone", record["zone"])] if record.get("zone") else []),
        ("years", record.get("years") or "—"),
        ("type", record.get("doc_type") or "—"),
        ("number", record.get("doc_number") or "—"),
        ("issuer", record.get("issuer") or "—"),
        ("issued", record.get("issued") or "—"),
        ("source", record.get("source", "")),
        ("doc_id", record.get("doc_id", "")),
    ]
    for name, value in facts:
        console.print(Text(f"{name:>7}: ", style="dim") + Text(str(value)))
    console.print()
    said = None
    for passage in passages:
        number = passage.get("passage", 0)
        if not in_context(number, focus):
            continue
        keys = passage_facts(passage)
        heard = (keys["region_path"], keys["zone"], keys["years"])
        if heard != said and "region_path" in passage:  # where a passage's place or years change, as search keys its hits
            place = "/".join(keys["region_path"] + ([keys["zone"]] if keys["zone"] else [])) or "—"
            console.print(Text(f"  ↳ {place} · {' '.join(map(str, keys['years'])) or '—'}", style="dim"))
            said = heard
        style = "bold" if focus is not None and number == focus else ""
        label = Text(f"[{number}] ", style="dim")
        body = highlighted(passage.get("text", ""), spans_for(passage))
        if style:
            body.stylize(style)
        console.print(label + body)

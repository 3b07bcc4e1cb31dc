"""Terminal rendering of the analyst views with rich: targets and documents tables, changes side by side, grouped hits."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from icpolicy.units import counted
from icpolicy.views.plain import figure_text, moved_text, showing, target_text

ADDED, REMOVED = "bold green", "bold red strike"


def _cut(total: int, shown: int) -> str:
    """" (showing 30; -n N or --all for more)" after a table's count when it is cut at the limit, as search's line says."""
    return showing(shown) if shown < total else ""


def targets_table(payload: dict, scope: str = "", width: int | None = None, colour: bool = True) -> Table:
    """Year, place, metric, comparator, value + unit, kind, and where it is; `scope` names the query and filters.
    `width`: the terminal's columns (None off a terminal): under TARGETS_WIDE the comparator joins the value and the
    kind is the value's colour (cyan: a target), under TARGETS_NARROW the place goes too (csv and json have them all),
    so that the metric keeps room and the doc_id stays whole; without colour (NO_COLOR) a target's value is starred."""
    table = Table(title=f"targets: {scope or payload['query'] or '(all passages)'} — {counted(payload['total'], 'quantity', 'quantities')}{_cut(payload['total'], len(payload['targets']))}",
                  title_justify="left", show_edge=False)
    joined = width is not None and width < TARGETS_WIDE
    placed = not (width is not None and width < TARGETS_NARROW)
    kinds, starred = not joined, joined and not colour
    if starred:
        table.title += " (* a target)"
    names = [("year", "right")] + [("region", "left")] * placed + [("metric", "left")] + [("comparator", "left")] * (not joined) \
        + [("value", "right")] + [("kind", "left")] * kinds + [("doc_id #passage", "left")]
    for name, justify in names:
        table.add_column(name, justify=justify, overflow="fold", no_wrap=name in ("year", "value", "kind", "doc_id #passage"),
                         min_width=6 if name == "metric" else None)
    for row in payload["targets"]:
        kind = Text(row["kind"], style="cyan" if row["kind"] == "target" else "dim")
        figure = Text((row["comparator"] + " " if joined and row["comparator"] else "") + figure_text(row) + ("*" if starred and row["kind"] == "target" else ""),
                      style=kind.style if joined else "")
        cells = [str(row["year"] or "—")] + [row["region"] or "—"] * placed + [row["metric"] or "—"] + [row["comparator"] or "—"] * (not joined) \
            + [figure] + [kind] * kinds + [f"{row['doc_id']} #{row['passage']}"]
        table.add_row(*cells)
    return table


TARGETS_WIDE, TARGETS_NARROW = 100, 70  # terminal columns below which the targets table joins columns, then drops the place


def documents_table(payload: dict, scope: str = "", width: int | None = None) -> Table:
    """One row per document; `scope` names the query and filters.  `width`: the terminal's columns (None off a
    terminal, where nothing wraps): below WIDE the issue date and 文号 are left out (json, csv and `show` have
    them) and the place is its most specific name.  The doc_id, years and counts never wrap (the doc_id is
    copied into `show`); the place, type and issuer wrap within a few columns each and the title takes the rest."""
    narrow = width is not None and width < WIDE
    table = Table(title=f"documents: {scope or payload['query'] or '(all documents)'} — {payload['total']}{_cut(payload['total'], len(payload['documents']))}",
                  title_justify="left", show_edge=False)
    names = ("doc_id", "year", *(() if narrow else ("issued",)), "region", "type", "issuer", "title", *(() if narrow else ("文号",)), "passages")
    rows = []
    for row in payload["documents"]:
        place = (row["region"] if narrow else "/".join(row["region_path"])) or "—"
        rows.append([row["doc_id"], years_label(row["years"]), *(() if narrow else (row["issued"] or "—",)), place, row["doc_type"] or "—",
                     row["issuer"] or "—", row["title"], *(() if narrow else (row["doc_number"] or "—",)), str(row["passages"])])
    if width:
        names, rows = _fitting(names, rows, width)
    widths = _column_widths(names, rows, width) if width else {}
    for name in names:
        table.add_column(name, justify="right" if name == "passages" else "left", overflow="fold", no_wrap=name in FIXED, width=widths.get(name))
    for cells in rows:
        table.add_row(*cells)
    return table


FIXED = ("doc_id", "year", "issued", "passages")  # documents table columns that never wrap
CAPS = {"region": 8, "type": 12, "issuer": 10, "文号": 12}  # the widest the other short columns get on a narrow terminal
TITLE_MIN, SHORT_MIN = 10, 4


def _fitting(names: tuple, rows: list[list[str]], width: int) -> tuple[tuple, list[list[str]]]:
    """The columns that fit a terminal `width` columns wide with the fixed ones whole: the issuer, then the type, then
    the place are left out until they do (under about 73 columns; json, csv and `show` have them)."""
    from rich.cells import cell_len

    for dropped in DROPPED_FIRST:
        need = sum(max([cell_len(name)] + [cell_len(cells[k]) for cells in rows]) if name in FIXED else max(SHORT_MIN, cell_len(name))
                   for k, name in enumerate(names) if name != "title") + TITLE_MIN + 3 * len(names) - 1
        if need <= width or dropped not in names:
            break
        k = names.index(dropped)
        names, rows = names[:k] + names[k + 1:], [cells[:k] + cells[k + 1:] for cells in rows]
    return names, rows


DROPPED_FIRST = ("issuer", "type", "region")  # what a terminal too narrow for every column loses, in order


def _column_widths(names: tuple, rows: list[list[str]], width: int) -> dict[str, int]:
    """Each column's width on a terminal `width` columns wide: the fixed ones their content's, the short ones
    their content's up to CAPS (twice that from WIDE), the title what is left (at least a fifth of the room, and
    TITLE_MIN)."""
    from rich.cells import cell_len

    natural = {name: max([cell_len(name)] + [cell_len(cells[k]) for cells in rows]) for k, name in enumerate(names)}
    scale = 1 if width < WIDE else 2
    widths = {name: natural[name] if name in FIXED else min(natural[name], CAPS[name] * scale) for name in names if name != "title"}
    room = width - 3 * len(names) + 1  # each cell's padding of one on both sides and the rule between columns
    short, title = [name for name in widths if name not in FIXED], max(TITLE_MIN, room // 5)
    floor = {name: max(SHORT_MIN, cell_len(name)) for name in short}  # a header is never broken
    while sum(widths.values()) + title > room and any(widths[name] > floor[name] for name in short):
        widest = max((name for name in short if widths[name] > floor[name]), key=lambda name: widths[name])  # the widest gives way first
        widths[widest] -= 1
    widths["title"] = max(title, min(natural["title"], room - sum(widths.values())))
    return widths


WIDE = 120  # terminal columns from which the documents table shows every column


def years_label(years: list[int]) -> str:
    """A document's years as a cell: 2025, 2023–2025 for a run of years, 2018,2021 otherwise; — for none."""
    years = sorted(set(years))
    if not years:
        return "—"
    if len(years) > 2 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}–{years[-1]}"
    return ",".join(map(str, years))


def changes_view(console: Console, payload: dict) -> None:
    """The two years side by side: changed pairs with the differences highlighted, then added and removed."""
    old, new = payload["from"], payload["to"]
    console.print(Text(f"{old['region']} {old['doc_type']}: {_year_label(old)} [{old['doc_id']}] → {_year_label(new)} [{new['doc_id']}]", style="bold"))
    console.print(Text(f"{len(payload['changed'])} changed, {len(payload['added'])} added, {len(payload['removed'])} removed, {payload['kept']} kept", style="dim"))
    if not console.is_terminal:  # a file or a pipe has no width to share out: each sentence whole on its line, as a diff
        _changes_lines(console, payload)
        return
    table = Table(show_edge=False, expand=True, show_lines=True)
    table.add_column(_year_label(old), ratio=1, overflow="fold")
    table.add_column(_year_label(new), ratio=1, overflow="fold")
    for change in payload["changed"]:
        left, right = Text(), Text()
        for op, a, b in change["diff"]:
            left.append(a, style=None if op == "equal" else REMOVED)
            right.append(b, style=None if op == "equal" else ADDED)
        left.append(f"  #{change['from']['passage']}", style="dim")
        right.append(f"  #{change['to']['passage']}", style="dim")
        for m in change["moved"]:  # the targets whose value moved, under the new sentence
            right.append("\n" + moved_text(m, "→"), style="bold")
        for t in change.get("dropped", []):  # … and those one side states alone, under it (words: no colour needed)
            left.append("\ndropped: " + target_text(t), style="bold")
        for t in change.get("new", []):
            right.append("\nnew: " + target_text(t), style="bold")
        table.add_row(left, right)
    for s in payload["removed"]:
        table.add_row(Text(s["text"], style=REMOVED) + Text(f"  #{s['passage']}", style="dim"), "")
    for s in payload["added"]:
        table.add_row("", Text(s["text"], style=ADDED) + Text(f"  #{s['passage']}", style="dim"))
    console.print(table)


def _changes_lines(console: Console, payload: dict) -> None:
    """changes off a terminal, never wrapped (grep finds a sentence whole): `- ` the earlier year's sentence, `+ ` the
    later's, under a line naming the pair's passages; the moved, dropped and new targets indented under them."""
    def say(text: Text) -> None:
        console.print(text, soft_wrap=True, crop=False, overflow="ignore")

    for change in payload["changed"]:
        say(Text(f"\nchanged #{change['from']['passage']} → #{change['to']['passage']}", style="dim"))
        left, right = Text("- "), Text("+ ")
        for op, a, b in change["diff"]:
            left.append(a, style=None if op == "equal" else REMOVED)
            right.append(b, style=None if op == "equal" else ADDED)
        say(left)
        say(right)
        for m in change["moved"]:
            say(Text("  " + moved_text(m, "→"), style="bold"))
        for t in change.get("dropped", []):
            say(Text("  dropped: " + target_text(t), style="bold"))
        for t in change.get("new", []):
            say(Text("  new: " + target_text(t), style="bold"))
    for s in payload["removed"]:
        say(Text(f"\nremoved #{s['passage']}", style="dim"))
        say(Text("- " + s["text"], style=REMOVED))
    for s in payload["added"]:
        say(Text(f"\nadded #{s['passage']}", style="dim"))
        say(Text("+ " + s["text"], style=ADDED))


def _year_label(doc: dict) -> str:
    """The year asked for a side of changes, with the document's own years when they are more (2026 (2025–2027))."""
    years = sorted(set(doc.get("years") or []))
    asked = doc.get("year") or (years[-1] if years else 0)
    return str(asked) if years in ([], [asked]) else f"{asked} ({years[0]}–{years[-1]})" if len(years) > 1 else f"{asked} ({years[0]})"


def grouped_hits(console: Console, hits: list, width: int = 220, documents: dict | None = None) -> None:
    """Hits grouped under their document (documents in the order of their best hit), as pkulaw lists them;
    a group's header gives the document's own region and years (documents: doc_id -> its stored facts),
    not its first passage's."""
    from rich.padding import Padding

    from icpolicy.views.render import hanging, highlighted
    from icpolicy.views.snippets import snippet

    order: dict[str, list] = {}
    for hit in hits:
        order.setdefault(hit.doc_id, []).append(hit)
    for number, (doc_id, group) in enumerate(order.items(), 1):
        first = group[0]
        head = Text(first.title or first.source, style="bold cyan")
        head.append(f"  [{doc_id}]", style="dim")
        console.print(hanging(Text(f"{number:>2}. ", style="bold"), head))  # (on a narrow terminal, wrapped lines keep their indent)
        whole = (documents or {}).get(doc_id) or {"region_path": first.region_path, "years": first.years}
        keys = " · ".join(x for x in ("/".join(whole["region_path"]), ",".join(map(str, whole["years"])), first.doc_type) if x)
        console.print(Padding(Text(keys, style="green"), (0, 0, 0, 4), expand=False))
        for hit in group:
            text, spans = snippet(hit.text, hit.highlights, width=width)
            console.print(Padding(hanging(Text(f"#{hit.passage} ", style="dim"), highlighted(text, spans)), (0, 0, 0, 4), expand=False))
        console.print()

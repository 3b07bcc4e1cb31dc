"""Terminal rendering of the analyst views with rich: targets and documents tables, changes side by side, grouped hits."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from icpolicy.units import counted
from icpolicy.views.plain import showing

ADDED, REMOVED = "bold green", "bold red strike"


def _cut(total: int, shown: int) -> str:
    """" (showing 30; -n N or --all for more)" after a table's count when it is cut at the limit, as search's line says."""
    return showing(shown) if shown < total else ""


def targets_table(payload: dict, scope: str = "") -> Table:
    """Year, place, metric, comparator, value + unit, kind, and where it is; `scope` names the query and filters."""
    table = Table(title=f"targets: {scope or payload['query'] or '(all passages)'} — {counted(payload['total'], 'quantity', 'quantities')}{_cut(payload['total'], len(payload['targets']))}",
                  title_justify="left", show_edge=False)
    for name, justify in (("year", "right"), ("region", "left"), ("metric", "left"), ("comparator", "left"), ("value", "right"), ("kind", "left"), ("doc_id #passage", "left")):
        table.add_column(name, justify=justify, overflow="fold", no_wrap=name in ("year", "value", "kind"))
    for row in payload["targets"]:
        table.add_row(str(row["year"] or "—"), row["region"] or "—", row["metric"] or "—", row["comparator"] or "—",
                      f"{row['value']:g}{row['unit']}" if isinstance(row["value"], float) else f"{row['value']}{row['unit']}",
                      Text(row["kind"], style="cyan" if row["kind"] == "target" else "dim"), f"{row['doc_id']} #{row['passage']}")
    return table


def documents_table(payload: dict, scope: str = "") -> Table:
    """One row per document; `scope` names the query and filters."""
    table = Table(title=f"documents: {scope or payload['query'] or '(all documents)'} — {payload['total']}{_cut(payload['total'], len(payload['documents']))}",
                  title_justify="left", show_edge=False)
    for name in ("doc_id", "issued", "region", "type", "title", "文号", "passages"):
        table.add_column(name, justify="right" if name == "passages" else "left", overflow="fold", no_wrap=name in ("doc_id", "issued", "passages"))
    for row in payload["documents"]:
        table.add_row(row["doc_id"], row["issued"] or "—", "/".join(row["region_path"]) or "—", row["doc_type"] or "—",
                      row["title"], row["doc_number"] or "—", str(row["passages"]))
    return table


def changes_view(console: Console, payload: dict) -> None:
    """The two years side by side: changed pairs with the differences highlighted, then added and removed."""
    old, new = payload["from"], payload["to"]
    console.print(Text(f"{old['region']} {old['doc_type']}: {_year_label(old)} [{old['doc_id']}] → {_year_label(new)} [{new['doc_id']}]", style="bold"))
    console.print(Text(f"{len(payload['changed'])} changed, {len(payload['added'])} added, {len(payload['removed'])} removed, {payload['kept']} kept", style="dim"))
    table = Table(show_edge=False, expand=console.is_terminal, show_lines=True)
    width = None if console.is_terminal else 60  # off a terminal (a file, a pipe) the page has no width: wrap at 60 columns
    table.add_column(_year_label(old), ratio=1, width=width, overflow="fold")
    table.add_column(_year_label(new), ratio=1, width=width, overflow="fold")
    for change in payload["changed"]:
        left, right = Text(), Text()
        for op, a, b in change["diff"]:
            left.append(a, style=None if op == "equal" else REMOVED)
            right.append(b, style=None if op == "equal" else ADDED)
        left.append(f"  #{change['from']['passage']}", style="dim")
        right.append(f"  #{change['to']['passage']}", style="dim")
        for m in change["moved"]:  # the targets whose value moved, under the new sentence
            right.append(f"\n{m['metric']} {m['comparator']}: {m['from']} → {m['to']}{m['unit']}", style="bold")
        table.add_row(left, right)
    for s in payload["removed"]:
        table.add_row(Text(s["text"], style=REMOVED) + Text(f"  #{s['passage']}", style="dim"), "")
    for s in payload["added"]:
        table.add_row("", Text(s["text"], style=ADDED) + Text(f"  #{s['passage']}", style="dim"))
    console.print(table)


def _year_label(doc: dict) -> str:
    """The year asked for a side of changes, with the document's own years when they are more (2026 (2025–2027))."""
    years = sorted(set(doc.get("years") or []))
    asked = doc.get("year") or (years[-1] if years else 0)
    return str(asked) if years in ([], [asked]) else f"{asked} ({years[0]}–{years[-1]})" if len(years) > 1 else f"{asked} ({years[0]})"


def grouped_hits(console: Console, hits: list, width: int = 220, documents: dict | None = None) -> None:
    """Hits grouped under their document (documents in the order of their best hit), as pkulaw lists them;
    a group's header gives the document's own region and years (documents: doc_id -> its stored facts),
    not its first passage's."""
    from icpolicy.views.render import highlighted
    from icpolicy.views.snippets import snippet

    order: dict[str, list] = {}
    for hit in hits:
        order.setdefault(hit.doc_id, []).append(hit)
    for number, (doc_id, group) in enumerate(order.items(), 1):
        first = group[0]
        head = Text(f"{number:>2}. ", style="bold")
        head.append(first.title or first.source, style="bold cyan")
        head.append(f"  [{doc_id}]", style="dim")
        console.print(head)
        whole = (documents or {}).get(doc_id) or {"region_path": first.region_path, "years": first.years}
        keys = " · ".join(x for x in ("/".join(whole["region_path"]), ",".join(map(str, whole["years"])), first.doc_type) if x)
        console.print(Text("    " + keys, style="green"))
        for hit in group:
            text, spans = snippet(hit.text, hit.highlights, width=width)
            console.print(Text(f"    #{hit.passage} ", style="dim") + highlighted(text, spans))
        console.print()

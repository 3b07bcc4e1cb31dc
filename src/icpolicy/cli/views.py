"""Analyst views: `stats` (facets), `trend` (per year or region), `compare` (side by side), `show` (a document)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from icpolicy.cli.command_kinds import QueryCommand
from icpolicy.cli.app import REGION_HELP, filter_options, index_option, main, open_index_for, scope_title
from icpolicy.cli.arguments import make_filters, query_text, refuse_inline
from icpolicy.errors import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from icpolicy.cli.modes import mode_options, mode_words
from icpolicy.engine.filters import with_modes
from icpolicy.cli.nothing import nothing_matched
from icpolicy.engine.filters import Modes
from icpolicy.cli.output import color_option, draw_results, is_terminal, note_cut, out_console, output_option, to_stdout, write_output, write_table

TABLE_FORMATS = ["table", "json", "csv", "xlsx"]


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy stats 先进封装                      passages and documents per province (cities below)
  icpolicy stats 集成电路 -光伏 --by year
  icpolicy stats --by type --region 江苏        everything in 江苏, by document type
  icpolicy stats 先进封装 --by segment -f xlsx -o segments.xlsx
""")
@click.argument("query", nargs=-1)
@filter_options
@mode_options
@click.option("--by", type=click.Choice(["region", "city", "year", "segment", "type"]), default="region", show_default=True, help="What to count by (region: each province, its cities under it; city: province/city rows alone).")
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True,
              help="table for people; xlsx for a spreadsheet; csv/json for scripts.")
@output_option
@color_option
@index_option
@click.pass_context
def stats(ctx, query, regions, year, segments, types, modes, by, fmt, output, index_path) -> None:
    """Count matching passages and documents by region, year, segment or type.

    With no QUERY, counts everything the filters select.
    """
    _counts_view(ctx, query_text(query, allow_empty=True), make_filters(regions, year, segments, types), modes, by, fmt, output, index_path, title="stats")


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy trend 先进封装                        passages per year, with bars
  icpolicy trend 碳化硅 --by region --year 2023-
  icpolicy trend 集成电路 -光伏 -f csv -o trend.csv
""")
@click.argument("query", nargs=-1, required=True)
@filter_options
@mode_options
@click.option("--by", type=click.Choice(["year", "region", "city"]), default="year", show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True,
              help="table for people; xlsx for a spreadsheet; csv/json for scripts.")
@output_option
@color_option
@index_option
@click.pass_context
def trend(ctx, query, regions, year, segments, types, modes, by, fmt, output, index_path) -> None:
    """How matches spread over years (or provinces, or cities): a table and a bar chart."""
    _counts_view(ctx, query_text(query), make_filters(regions, year, segments, types), modes, by, fmt, output, index_path, title="trend")


NO_KEY = "(none)"


def _without_key(ix, text, filters, modes, by, rows) -> list[tuple[str, int, int]]:
    """The row of the passages `stats --by type|year` has no key for (a document with no type, or
    no year anywhere in it), so that the table adds up to what the query selects; [] when none."""

    from icpolicy.engine import query as ql

    if by not in ("type", "year") or (by == "year" and (filters.year or ql.parse(text).filters.get("year"))):
        return []  # a year filter already leaves out the passages with no year
    whole = ix.search(text, filters, limit=1, **modes._asdict())
    if by == "type":  # one type per document: what the typed rows do not hold has none
        passages, documents = whole.total - sum(r[1] for r in rows), whole.documents - sum(r[2] for r in rows)
    else:  # a passage has the years of its document at least: dated documents have no undated passage
        dated = ix.search(text, filters._replace(year="-9999"), limit=1, **modes._asdict())
        passages, documents = whole.total - dated.total, whole.documents - dated.documents
    return [(NO_KEY, passages, max(documents, 0))] if passages > 0 else []


def _counter(ix, text, filters, modes):
    """by -> the (key, passages, documents) rows of what the query matches: the engine's counts, or in a
    match mode (--expand, --fuzzy, --scope), the hits search finds in it, counted as the engine counts."""
    from icpolicy.engine import query as ql

    if modes == Modes() or ql.parse(text).tree is None:  # (no term: no mode to match in)
        return lambda by: ix.counts(text, filters, by)
    from icpolicy.engine import counting
    from icpolicy.engine.schema import region_keys
    from icpolicy.meta.zones import zoned_path

    # a hit's region_path is the division it shows: its zone (北京经济技术开发区 under 北京市) is keyed as the index keys it
    hits = [(h.doc_id, region_keys(zoned_path(h.region_path, h.zone)), h.years, h.segments, h.doc_type)
            for h in ix.search(text, filters, limit=None, **modes._asdict()).hits]
    return lambda by: counting.tally(((doc_id, counting.keys_of(by, *facts)) for doc_id, *facts in hits), by)


def _counts_view(ctx, text, filters, modes, by, fmt, output, index_path, title) -> None:
    from icpolicy.views import render

    with open_index_for(ctx, index_path) as ix:
        scope = scope_title(text, filters, mode_words(modes, text))
        count = _counter(ix, text, filters, modes)
        rows = count(by)
        cities = count("city") if by == "region" else []
        if title == "stats":
            rows = rows + _without_key(ix, text, filters, modes, by, rows)
            if by == "year" and filters.year:  # the passages of 2025 speak for other years too: list the years asked
                from icpolicy.engine.filters import year_span

                lo, hi = year_span(filters.year)
                rows = [row for row in rows if not row[0].isdigit() or lo <= int(row[0]) <= hi]
        if title == "trend":
            # by year, a year filter leaves each listed year's indexed passages as they are: the counts kept at commit serve
            whole = by == "year" and not (filters.regions or filters.segments or filters.types)
            if rows or fmt != "table":
                _trend_output(text, scope, modes, filters, by, rows, ix.counts("", make_filters((), None, (), ()) if whole else filters, by, documents=False), fmt, output)
            else:  # a table of zeros for every year asked says no more than this
                nothing_matched(ctx, output, scope)
            sys.exit(EXIT_OK if rows else EXIT_PARTIAL)
    under = {}
    for key, passages, documents in cities:
        province, _, city = key.partition("/")
        if city:
            under.setdefault(province, []).append({"key": city, "passages": passages, "documents": documents})
    if fmt == "json":
        payload = [{"key": k, "passages": p, "documents": d, **({"cities": under.get(k, [])} if by == "region" else {})} for k, p, d in rows]
        write_output(output, json.dumps(with_modes({"query": text, "by": by, "rows": payload}, modes), ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "xlsx"):
        # by region, a province's cities follow it as 江苏省/苏州市 rows, as the table's └ rows do (--by city: them alone)
        table = [[_cell(by, key), passages, documents] for key, passages, documents in rows]
        table = [line for row in table for line in [row] + [[f"{row[0]}/{c['key']}", c["passages"], c["documents"]] for c in under.get(row[0], [])]]
        write_table(output, fmt, [by, "passages", "documents"], table, sheet=title)
    elif not rows:
        nothing_matched(ctx, output, scope)
    else:
        heading = f"{title}: {scope} by {by}"
        shown = []
        for key, passages, documents in rows:
            shown.append((key, passages, documents))
            shown += [(f"  └ {c['key']}", c["passages"], c["documents"]) for c in under.get(key, [])]
        def draw(console) -> None:
            console.print(render.counts_table(heading, shown, by))

        _draw(output, draw)
    sys.exit(EXIT_OK if rows else EXIT_PARTIAL)


def _trend_output(text, scope, modes, filters, by, rows, indexed, fmt, output) -> None:
    """trend: every key of the range with zeros, and share per 1,000 indexed passages; scope: its title's query,
    filters and modes."""
    from icpolicy.views import render
    from icpolicy.views.trend import trend_rows, year_span

    table = trend_rows(rows, indexed, by, year_span(filters.year, rows, indexed) if by == "year" else None)
    if fmt == "json":
        write_output(output, json.dumps(with_modes({"query": text, "by": by, "rows": table}, modes), ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "xlsx"):
        columns = [by, "passages", "documents", "indexed", "share"]
        write_table(output, fmt, columns, [[_cell(by, r["key"]), r["passages"], r["documents"], r["indexed"], r["share"]] for r in table], sheet="trend")
    else:
        def draw(console) -> None:
            console.print(render.counts_table(f"trend: {scope} by {by} (share = per 1,000 indexed passages)",
                                              [(r["key"], r["passages"], r["documents"]) for r in table], by))
            if table:
                console.print("share: " + ", ".join(f"{r['key']} {r['share']:g}‰" for r in table))

        _draw(output, draw)


def _cell(by: str, key: str):
    """A key as a csv or xlsx cell: a year is a number, as targets' and docs' years are (a join on it holds)."""
    return int(key) if by == "year" and key.isdigit() else key


def _draw(output: Path | None, draw) -> None:
    """draw(console) to the terminal or pipe, or as plain text to the -o file."""
    draw_results(output, draw)


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy compare 先进封装 -r 江苏 -r 广东
  icpolicy compare 集成电路 -光伏 -r 上海 -r 北京 -r 四川 -n 3 --year 2024-
  icpolicy compare 先进封装 -r 江苏 -r 广东 -f xlsx -o compare.xlsx
""")
@click.argument("query", nargs=-1, required=True)
@filter_options(region_help=REGION_HELP + "; each --region is a column (give two or more).")
@click.option("-n", "--limit", type=click.IntRange(1), default=5, show_default=True, help="Passages per region.")
@click.option("-a", "--all", "show_all", is_flag=True, help="Every passage of each region (no limit).")
@mode_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csv", "xlsx"]), default="table", show_default=True,
              help="table for people; xlsx for a spreadsheet; csv/json for scripts.")
@output_option
@color_option
@index_option
@click.pass_context
def compare(ctx, query, regions, year, segments, types, limit, show_all, modes, fmt, output, index_path) -> None:
    """Matching passages per region side by side, newest first (give --region twice or more)."""
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.text import Text

    from icpolicy.views import render
    from icpolicy.views.snippets import snippet

    from icpolicy.engine.filters import region_paths

    # -r 江苏 -r 江苏 is one column, and so are -r 江苏 -r 江蘇 -r 江苏省: names of the same place
    named: dict[frozenset, str] = {}
    for region in regions:
        named.setdefault(frozenset(region_paths([region.strip()])), region.strip())
    regions = list(named.values())
    if len(regions) < 2:
        click.echo("icpolicy: compare needs at least two different --region options, e.g. --region 江苏 --region 广东", err=True)
        sys.exit(EXIT_USAGE)
    text = query_text(query)
    refuse_inline(text, ("region",), "compare's columns are its --region options: give each place as -r")
    columns = {}
    with open_index_for(ctx, index_path) as ix:
        for region in regions:
            result = ix.search(text, make_filters([region], year, segments, types), limit=None, sort="year", **modes._asdict())
            columns[region] = (result.total, result.hits if show_all else result.hits[:limit])
    note_cut(fmt, output, sum(len(hits) for _, hits in columns.values()), sum(t for t, _ in columns.values()), "passage")
    if fmt == "json":
        payload = with_modes({"query": text, "regions": [{"region": r, "total": t, "hits": [h.as_dict() for h in hits]} for r, (t, hits) in columns.items()]}, modes)
        write_output(output, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "xlsx"):
        from icpolicy.views import export

        # a region with no match is a row of its own, its total 0 and no hit (a pivot shows it as 0, not as nothing)
        rows = [[region, total] + (export.hit_row(hit) if hit else [None] * len(export.FIELDS))
                for region, (total, hits) in columns.items() for hit in hits or [None]]
        write_table(output, fmt, ["compared_region", "region_total"] + export.FIELDS, rows, sheet="compare")
    elif not any(total for total, _ in columns.values()):
        nothing_matched(ctx, output, scope_title(text, make_filters(regions, year, segments, types), mode_words(modes, text)))
    else:
        panels = []
        for region, (total, hits) in columns.items():
            body = Text(no_wrap=False, overflow="fold")  # (rich's Columns would cut each line, at times before the match)
            for hit in hits:
                body.append(f"{','.join(map(str, hit.years))} {hit.region} · {hit.title} [{hit.doc_id} #{hit.passage}]\n", style="green")
                snip, spans = snippet(hit.text, hit.highlights, width=140, context=30)
                body.append_text(render.highlighted(snip, spans))
                body.append("\n\n")
            body.rstrip()  # no blank lines after the last hit
            shown = f"{len(hits)} of {total}" if len(hits) < total else f"{total}"
            panels.append(Panel(body or Text("no matches", style="dim"), title=f"{region} ({shown})", expand=True))
        if to_stdout(output) and is_terminal():
            out_console().print(Columns(panels, equal=True, expand=True))
        else:  # a pipe or a file has no width to share out: one region after the other
            _draw(output, lambda console: [console.print(Panel(p.renderable, title=p.title, expand=False)) for p in panels])
    sys.exit(EXIT_OK if any(t for t, _ in columns.values()) else EXIT_PARTIAL)


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy show bcdfghjkmnpq                 a whole document (the doc_id is in every hit)
  icpolicy show bcdfghjkmnpq 先进封装 -p 21    passage 21 and its neighbours, 先进封装 highlighted
  icpolicy show bcdfghjkmnpq -f json | jq '.passages | length'
""")
@click.argument("doc_id")
@click.argument("query", nargs=-1)
@click.option("-p", "--passage", type=int, help="Show only this passage and its neighbours.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people; json for scripts.")
@output_option
@color_option
@index_option
@click.pass_context
def show(ctx, doc_id, query, passage, fmt, output, index_path) -> None:
    """Show a whole cleaned document (or one passage in context), with QUERY highlighted.

    \b
    Exit codes: 0 shown (and QUERY found in it), 1 QUERY is not in the document,
    2 no such doc_id or passage, 3 index problem.
    """
    from icpolicy.engine import query as ql
    from icpolicy.views import render
    from icpolicy.meta.zones import shown_record

    text = " ".join(query)
    needles = [t.norm for t in ql.parse(text).positive_terms()] if text else []
    with open_index_for(ctx, index_path) as ix:
        try:
            record, passages = ix.document(doc_id)
        except KeyError:
            click.echo(f"icpolicy: no document with doc_id '{doc_id}': give the 12 letters in brackets after a hit's title "
                       f"([{_EXAMPLE_ID} #3] is document {_EXAMPLE_ID}, passage 3), or the first column of icpolicy docs", err=True)
            sys.exit(EXIT_USAGE)
    record = shown_record(record)  # the division a zone lies in, the zone apart
    numbers = [p["passage"] for p in passages]
    if passage is not None and passage not in numbers:
        span = f"passages {min(numbers)}–{max(numbers)}" if numbers else "no passages"
        click.echo(f"icpolicy: --passage {passage}: {doc_id} has {span}", err=True)
        sys.exit(EXIT_USAGE)
    spans = _spans_by_passage([p["text"] for p in passages], needles)
    found = not needles or any(spans)
    if fmt == "json":
        payload = {}
        for key, value in record.items():  # the fields as search and docs give them: years a list, region beside its path
            if key == "region_path":
                payload["region"] = value[-1] if value else ""
            if key != "kind":
                payload[key] = [int(y) for y in value.split()] if key == "years" and isinstance(value, str) else value
        payload["passages"] = [{"passage": p["passage"], **render.passage_facts(p), "text": p["text"], "highlights": [list(s) for s in own]}
                               for p, own in zip(passages, spans) if render.in_context(p["passage"], passage)]  # -p N: as the table
        write_output(output, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        by_passage = {id(p): own for p, own in zip(passages, spans)}
        _draw(output, lambda console: render.document(console, record, passages, lambda p: by_passage[id(p)], passage))
    if not found:
        click.echo(f"icpolicy: {text} is not in {doc_id}", err=True)
    sys.exit(EXIT_OK if found else EXIT_PARTIAL)


def _spans_by_passage(texts: list[str], needles: list[str]) -> list[list[tuple[int, int]]]:
    """Each passage's highlights, found in the document's text as one: a term that runs from a passage into
    the next (as search finds it, through the passage's tail) is highlighted in both parts."""
    from icpolicy.text.normalize import find_spans

    spans = find_spans("".join(texts), needles) if needles else []
    out, start = [], 0
    for text in texts:
        end = start + len(text)
        out.append([(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start])
        start = end
    return out


_EXAMPLE_ID = "bcdfghjkmnpq"

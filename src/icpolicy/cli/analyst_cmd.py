"""Analyst views: `targets` (quantified commitments), `changes` (year over year), `docs` (documents)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from icpolicy.units import counted
from icpolicy.cli.command_kinds import QueryCommand
from icpolicy.cli.app import filter_options, index_option, main, open_index_for, scope_title, state
from icpolicy.cli.arguments import make_filters, query_text, refuse_empty, refuse_inline
from icpolicy.errors import EXIT_OK, EXIT_PARTIAL
from icpolicy.models import TARGET_KINDS
from icpolicy.cli.modes import mode_options, mode_words
from icpolicy.engine.filters import with_modes
from icpolicy.cli.nothing import DROP, nothing_matched, say_nothing, search_command
from icpolicy.cli.output import color_option, draw_results, note_cut, output_option, write_output, write_table

FORMATS = ["table", "csv", "json", "jsonl", "xlsx"]


def emit(fmt: str, output: Path | None, columns: list[str], rows: Iterable[dict], payload: dict, sheet: str, draw) -> None:
    """The payload as json, the rows as jsonl, csv or xlsx, or draw(console) for the table (to -o FILE as plain text).
    jsonl and csv are written as the rows come (rows may be made as they are read: output.write_output)."""
    if fmt == "json":
        write_output(output, rows_json(payload))
    elif fmt == "jsonl":
        from icpolicy.views import export

        write_output(output, export.jsonl_lines(rows))
    elif fmt in ("csv", "xlsx"):
        write_table(output, fmt, columns, ([row.get(c) for c in columns] for row in rows), sheet=sheet)
    else:
        draw_results(output, draw)


class Counted:
    """An iterable's items, passed on one by one and counted (`count`, once they are read)."""

    def __init__(self, items: Iterable):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _render():
    """views/analyst_render (rich), imported only when a table is drawn: json, csv and xlsx never need it."""
    from icpolicy.views import analyst_render

    return analyst_render


def rows_json(payload: dict) -> str:
    """The payload as JSON with each top-level key on its own line and one list item per line.

    json's indent= runs its pure-Python encoder, which took longer than extracting the targets
    of a large result; compact items go through its C encoder and stay one row per line."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in payload.items():
        if isinstance(value, list) and value:
            value_text = "[\n" + ",\n".join("    " + dump(item) for item in value) + "\n  ]"
        else:
            value_text = dump(value)
        parts.append(f"  {dump(key)}: {value_text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _fmt_option(func):
    func = color_option(output_option(func))
    return click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; xlsx for a spreadsheet; csv/json/jsonl for scripts.")(func)


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy targets 集成电路                       quantities in passages about 集成电路
  icpolicy targets 营业收入 --region 上海 --all -f csv -o targets.csv
  icpolicy targets --type 行动方案 --year 2025 -f json
  icpolicy targets 集成电路 --kind target -r 江苏 --all   what each place committed to
""")
@click.argument("query", nargs=-1)
@filter_options
@click.option("-k", "--kind", type=click.Choice(list(TARGET_KINDS)), help="Only commitments (target) or only achieved figures (reported).")
@mode_options
@click.option("--sort", type=click.Choice(["score", "year", "region"]), default="score", show_default=True,
              help="Order of the rows: the best matching passages' first (score), the year a figure is for, newest first (year), "
                   "or by place as search --sort region lists them (region); -n keeps the first rows of that order.")
@click.option("-n", "--limit", type=click.IntRange(1), default=30, show_default=True, help="How many rows to show.")
@click.option("-a", "--all", "show_all", is_flag=True, help="Every row (no limit).")
@_fmt_option
@index_option
@click.pass_context
def targets(ctx, query, regions, year, segments, types, kind, modes, sort, limit, show_all, fmt, output, index_path) -> None:
    """Quantified targets and reported figures (到2025年…达到350亿元) in the passages QUERY selects.

    One row per quantity: year it is for, metric, comparator (达到/突破/力争/增长…), value in its
    unit, kind (target or reported).  Rules: data/targets.toml.

    The filters (--year too) select passages, not figures: `--year 2025` lists every quantity in
    the passages of 2025, so a row's year may be another one (到2030年… in a 2025 plan).
    """
    from icpolicy.views.targets import COLUMNS, target_rows

    from icpolicy.views.targets import targets as run

    text = query_text(query, allow_empty=True)
    with open_index_for(ctx, index_path) as ix:
        filters = make_filters(regions, year, segments, types)
        if show_all and fmt in ("jsonl", "csv") and sort == "score":  # every row, nothing counted first: written as each is made
            written = Counted(target_rows(ix, text, filters, kind, modes))
            emit(fmt, output, COLUMNS, written, {}, "targets", None)
            sys.exit(EXIT_OK if written.count else EXIT_PARTIAL)
        payload = with_modes(run(ix, text, filters, None if show_all else limit, kind, modes, sort), modes)
        matched = ix.search(text, filters, limit=1, **modes._asdict()).total if fmt == "table" and not payload["total"] else 0
    title = scope_title(text, filters, ((f"kind {kind}",) if kind else ()) + mode_words(modes, text))
    if fmt == "table" and not payload["total"]:
        if matched:  # passages matched, and no quantity (of that kind) stands in them
            said = "a target" if kind == "target" else "a reported figure" if kind == "reported" else "a quantity"
            about = " that mentions a word of QUERY" if text.strip() else ""
            say_nothing(ctx, output, f"{counted(matched, 'passage')} {'matches' if matched == 1 else 'match'} "
                                     f"{scope_title(text, filters, mode_words(modes, text))}, and none states {said}{about}; "
                                     f"`{search_command(text, filters, modes)}` shows them")
        else:
            nothing_matched(ctx, output, title)
        sys.exit(EXIT_PARTIAL)
    emit(fmt, output, COLUMNS, payload["targets"], payload, "targets", lambda console: console.print(_render().targets_table(payload, title, console.width if console.is_terminal else None,
                                                                                    console.color_system is not None and not console.no_color)))
    note_cut(fmt, output, len(payload["targets"]), payload["total"], "quantity", "quantities")
    sys.exit(EXIT_OK if payload["total"] else EXIT_PARTIAL)


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy changes --region 海拉尔 --from 2018 --to 2019
  icpolicy changes 旅游 --region 海拉尔 --from 2018 --to 2019 -f json
  icpolicy changes --region 北京 --type 政府工作报告 --from 2024 --to 2025 -f csv -o changes.csv
""")
@click.argument("query", nargs=-1)
@click.option("-r", "--region", required=True, help="The place whose documents are compared (江苏, 海拉尔...).")
@click.option("-t", "--type", "doc_type", default="政府工作报告", show_default=True, help="Document type of both years.")
@click.option("--from", "year_from", type=int, required=True, help="The earlier year.")
@click.option("--to", "year_to", type=int, required=True, help="The later year.")
@_fmt_option
@index_option
@click.pass_context
def changes(ctx, query, region, doc_type, year_from, year_to, fmt, output, index_path) -> None:
    """What changed between a place's document of one year and of another, sentence by sentence.

    Added, removed and changed sentences (with a character diff and moved targets) and a count of
    kept ones; QUERY keeps only the sentences that match it.
    """
    from icpolicy.views.changes import changes as run

    if year_from > year_to:  # --from is the earlier year (as --year 2025-2023 is refused, not read backwards)
        from icpolicy.errors import UsageError

        raise UsageError(f"--from {year_from} is after --to {year_to}: --from takes the earlier year (--from {year_to} --to {year_from})")
    text = query_text(query, allow_empty=True)
    refuse_inline(text, ("region", "year", "type"), "changes compares the documents --region, --type, --from and --to "
                   "name, sentence by sentence: give those as options (QUERY keeps the sentences with its words)")
    refuse_inline(text, ("segment",), "changes compares whole documents sentence by sentence and takes no segment: "
                  "drop it, or give the segment's words in QUERY")
    with open_index_for(ctx, index_path) as ix:
        payload = run(ix, region, year_from, year_to, doc_type, text)
    from icpolicy.views.changes import ROW_COLUMNS, change_rows

    rows = change_rows(payload, structured=fmt == "jsonl")  # (a script reads jsonl: moved as json's list)
    if fmt == "table" and not rows:
        _nothing_changed(ctx, output, payload)
        sys.exit(EXIT_PARTIAL)
    emit(fmt, output, ROW_COLUMNS, rows, payload, "changes", lambda console: _render().changes_view(console, payload))
    sys.exit(EXIT_OK if rows else EXIT_PARTIAL)


def _first_titles(rows: list[dict], shown: int = 3, chars: int = 20) -> str:
    """The first documents of rows as "doc_id title" (a long title cut, …), and how many more there are."""
    named = [f"{row['doc_id']} {row['title'][:chars] + '…' if len(row['title']) > chars else row['title'] or row['source']}" for row in rows[:shown]]
    return ", ".join(named) + (f" and {len(rows) - shown} more" if len(rows) > shown else "")


def _nothing_changed(ctx, output, payload: dict) -> None:
    """changes with no row: the two documents, and either that QUERY is in no sentence of them or that they are the same."""
    old, new, query = payload["from"], payload["to"], payload["query"]
    both = f"{old['region']} {old['doc_type']} of {old['year']} [{old['doc_id']}] and of {new['year']} [{new['doc_id']}]"
    if query and not payload["kept"]:
        nothing_matched(ctx, output, f"{query} in {both}", "try another word, or no QUERY to compare every sentence")
    else:
        with_query = f" with {query}" if query else ""
        say_nothing(ctx, output, f"nothing changed in {both}: {counted(payload['kept'], 'sentence')}{with_query} kept as it was, "
                                 f"none changed, added or removed")


@main.command(cls=QueryCommand, epilog="""\b
Examples:
  icpolicy docs 集成电路 --sort issued           the documents `search 集成电路` hits, newest first
  icpolicy docs --region 江苏 --type 政府工作报告 --all
  icpolicy docs --number 〔2023〕25号 -f json
  icpolicy docs --title "集成电路 行动方案" --issuer 人民政府办公室
""")
@click.argument("query", nargs=-1)
@filter_options
@click.option("--title", help="Words of the title, each as written (any order; words apart by spaces).")
@click.option("--issuer", help="发文机关, e.g. 人民政府办公室.")
@click.option("--number", help="文号 or part of it, e.g. 〔2023〕25号.")
@mode_options
@click.option("--sort", type=click.Choice(["score", "issued", "year", "region"]), default="score", show_default=True,
              help="Order of the documents (issued: newest first; score: best match first, and with no QUERY, which has no score, by year, newest first).")
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True, help="How many documents to show.")
@click.option("-a", "--all", "show_all", is_flag=True, help="Every document (no limit).")
@_fmt_option
@index_option
@click.pass_context
def docs(ctx, query, regions, year, segments, types, title, issuer, number, modes, sort, limit, show_all, fmt, output, index_path) -> None:
    """Documents, not passages: the documents `search QUERY` hits (all of them with no QUERY)."""
    from icpolicy.views.documents import COLUMNS, documents, matching, without_issuer

    text = query_text(query, allow_empty=True)
    for value, option, wanted in ((title, "--title", "words of the title"), (issuer, "--issuer", "the issuer or part of it, e.g. 人民政府办公室"),
                                  (number, "--number", "the 文号 or part of it, e.g. 〔2023〕25号")):
        refuse_empty(value, option, wanted)
    with open_index_for(ctx, index_path) as ix:
        filters = make_filters(regions, year, segments, types)
        grouped = matching(ix, text, filters, modes)
        payload = with_modes(documents(ix, text, filters, title, issuer, number, sort, None if show_all else limit, grouped), modes)
        unnamed = without_issuer(ix, grouped, title, number) if issuer and not state(ctx).get("quiet") else []
    fielded = tuple(f"{name} {value}" for name, value in (("title", title), ("issuer", issuer), ("文号", number)) if value)
    scope = scope_title(text, filters, fielded + mode_words(modes, text), unit="documents")
    if fmt == "table" and not payload["total"]:
        nothing_matched(ctx, output, scope, DROP + ("; --title, --issuer and --number match part of what a document states: try a shorter value"
                                                     if fielded else ""))
    else:
        emit(fmt, output, COLUMNS, payload["documents"], payload, "documents", lambda console: console.print(_render().documents_table(payload, scope, console.width if console.is_terminal else None)))
        note_cut(fmt, output, len(payload["documents"]), payload["total"], "document")
    if unnamed:  # neither matched nor known to be another's: said, so that a list by issuer is not taken for complete
        click.echo(f"icpolicy: --issuer left out {counted(len(unnamed), 'document')} whose issuer icpolicy could not read "
                   f"({_first_titles(unnamed)}); `icpolicy show DOC_ID` shows who signed one", err=True)
    sys.exit(EXIT_OK if payload["total"] else EXIT_PARTIAL)

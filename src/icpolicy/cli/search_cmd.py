"""`icpolicy search`: run a query; render hits for the terminal or export them for scripts and spreadsheets."""

from __future__ import annotations

import sys

import click

from icpolicy.cli.command_kinds import QueryCommand
from icpolicy.cli.app import QUERY_HELP, filter_options, index_option, main, open_index_for, state
from icpolicy.cli.arguments import make_filters, query_text
from icpolicy.errors import EXIT_OK, EXIT_PARTIAL
from icpolicy.cli.modes import mode_options
from icpolicy.engine.filters import with_modes
from icpolicy.cli.output import color_option, csv_encoding, draw_results, note_cut, output_option, plain_wanted, write_output, write_workbook

FORMATS = ["table", "csv", "json", "jsonl", "kwic", "xlsx"]

EXAMPLES = """\b
Examples:
  icpolicy search 先进封装
  icpolicy search 集成电路 -光伏 --region 江苏 --year 2024-2025
  icpolicy search "“集成电路 产业”" OR 芯片 -n 20 --sort year
  icpolicy search 碳化硅 --expand -f kwic | less -S
  icpolicy search 先进封装 -a -f xlsx -o 先进封装.xlsx      (for a spreadsheet)
  icpolicy search 先进封装 -a -f jsonl | jq -r .doc_id      (for scripts)
  icpolicy search 氮化镓 -- -GaN                           (leave out GaN: after --, a word starting with an ASCII dash)
"""


@main.command(cls=QueryCommand, epilog=EXAMPLES + "\n" + QUERY_HELP)
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True, help="How many hits to show.")
@click.option("-a", "--all", "show_all", is_flag=True, help="Every hit (no limit).")
@click.option("--sort", type=click.Choice(["score", "year", "region"]), default="score", show_default=True, help="Order of the hits.")
@mode_options
@click.option("--per-doc", type=click.IntRange(1), help="At most N passages per document; the table groups hits under their document.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="table for people; xlsx for a spreadsheet; csv/json/jsonl for scripts; kwic for a concordance.")
@output_option
@color_option
@index_option
@click.pass_context
def search(ctx, query, regions, year, segments, types, limit, show_all, sort, modes, per_doc, fmt, output, index_path) -> None:
    """Find passages containing QUERY; every match is highlighted.

    The words of QUERY may be given as several arguments or as one quoted string;
    -光伏 and NOT 光伏 exclude a word anywhere after the first word.
    """
    text, filters = query_text(query), make_filters(regions, year, segments, types)  # (a bad value said before any index opens)
    with open_index_for(ctx, index_path) as ix:
        result = ix.search(text, filters, limit=None if show_all or per_doc else limit, sort=sort,
                           **modes._asdict())
        available, heads, more = (lambda: result.total), {}, ""  # counted only when a note needs it (note_cut)
        if per_doc:
            from icpolicy.views.documents import per_document

            result.hits = per_document(result.hits, per_doc)
            available = len(result.hits)
            result.hits = result.hits[: None if show_all else limit]
            if len(result.hits) == available:  # every document's first N are shown: the rest are held back by --per-doc alone
                more = f"at most {per_doc} per document; a larger --per-doc for more"
            # a group's header names the document's region and years, not its first passage's
            heads = {hit.doc_id: ix.facts(hit.doc_id) for hit in result.hits} if fmt == "table" else {}
        nexts = _next_texts(ix, result.hits) if fmt == "kwic" else {}
    # json holds the total and the documents; jsonl, csv and xlsx hold only hits: nothing is counted for them
    summary = with_modes({"query": text, "total": result.total, "documents": result.documents}, modes) if fmt == "json" else None
    if fmt in ("json", "jsonl", "csv", "xlsx"):
        from icpolicy.views import export
    listing = None
    if fmt == "table" and not per_doc and plain_wanted(output):  # a pipe or a file: the same text, without loading rich
        from icpolicy.views import plain

        listing = plain.listing(result.hits, plain.spread_parts(result.total, result.documents, len(result.hits), result.by_province, result.by_year))
    if listing is not None:
        write_output(output, listing)
    elif fmt == "json":
        write_output(output, export.to_json(result.hits, summary))
    elif fmt == "jsonl":
        write_output(output, export.jsonl_lines(hit.as_dict() for hit in result.hits))
    elif fmt == "csv":
        write_output(output, export.csv_hit_lines(result.hits), encoding=csv_encoding(output))
    elif fmt == "xlsx":
        write_workbook(output, export.to_xlsx(result.hits))
    else:
        from icpolicy.views import render

        spread = render.spread_line(result.total, result.documents, len(result.hits), result.by_province, result.by_year, more)

        def draw(console) -> None:
            if fmt == "kwic":  # one line per match and nothing else: the summary is a note on stderr
                render.kwic_lines(console, result.hits, sentences=_sentences(text, modes.fuzzy, modes.expand) if modes.scope == "sentence" else None,
                                  following=lambda hit: nexts.get((hit.doc_id, hit.passage), ""))
                if not state(ctx).get("quiet"):
                    click.echo(spread.plain, err=True)
                return
            if per_doc:
                from icpolicy.views.analyst_render import grouped_hits

                grouped_hits(console, result.hits, documents=heads)
            else:
                render.hits(console, result.hits)
            console.print(spread)

        draw_results(output, draw)
    note_cut(fmt, output, len(result.hits), available, "hit")
    sys.exit(EXIT_OK if result.hits or result.total else EXIT_PARTIAL)


def _sentences(text: str, fuzzy: bool, expand: bool):
    """text -> the ranges of its sentences that satisfy the query (同句's kwic lines), with the query tree as search prepares it."""
    from icpolicy.engine.filters import plan_query
    from icpolicy.views.sentences import satisfying

    tree = plan_query(text, None, "score", "sentence", fuzzy, expand)[1]
    return lambda passage: satisfying(tree, passage)


def _next_texts(ix, hits) -> dict[tuple[str, int], str]:
    """(doc_id, passage) -> the text of the passage after it, for the hits with a match that runs on into it (found
    through the passage's tail, its highlight cut at the passage's end): kwic shows the match whole."""
    out, documents = {}, {}
    for hit in hits:
        if hit.matched and any(end == len(hit.text) for _, end in hit.highlights):
            if hit.doc_id not in documents:
                documents[hit.doc_id] = {p["passage"]: p["text"] for p in ix.document(hit.doc_id)[1]}
            out[(hit.doc_id, hit.passage)] = documents[hit.doc_id].get(hit.passage + 1, "")
    return out

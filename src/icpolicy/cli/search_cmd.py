"""`icpolicy search`: run a query; render hits for the terminal or export them for scripts."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from icpolicy.cli.app import EXIT_OK, EXIT_PARTIAL, QUERY_HELP, filter_options, index_option, main, make_filters, open_index_for, out_console, write_output

FORMATS = ["table", "csv", "json", "jsonl", "kwic"]


@main.command(epilog=QUERY_HELP)
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True, help="How many hits to show.")
@click.option("-a", "--all", "show_all", is_flag=True, help="Every hit (no limit).")
@click.option("--sort", type=click.Choice(["score", "year", "region"]), default="score", show_default=True, help="Order of the hits.")
@click.option("--same-sentence", is_flag=True, help="同句: all terms inside one sentence of the passage (same as --scope sentence).")
@click.option("--scope", type=click.Choice(["passage", "sentence", "document"]), default="passage", show_default=True, help="Where all terms must occur: one passage (同段), one sentence (同句) or anywhere in the document (同篇).")
@click.option("--fuzzy", is_flag=True, help="模糊: a term's jieba words may stand apart in the passage; closer ranks higher.")
@click.option("--expand", is_flag=True, help="Also match synonyms from data/synonyms.txt (碳化硅 = SiC, 集成电路 = IC, ...); hits say which form matched.")
@click.option("--per-doc", type=click.IntRange(1), help="At most N passages per document; the table groups hits under their document.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="table for people; csv/json/jsonl for scripts; kwic for a concordance.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write results to this file instead of stdout.")
@index_option
@click.pass_context
def search(ctx, query, regions, year, segments, types, limit, show_all, sort, same_sentence, scope, fuzzy, expand, per_doc, fmt, output, index_path) -> None:
    """Find passages containing QUERY; every match is highlighted.

    The words of QUERY may be given as several arguments or as one quoted string.
    """
    from icpolicy.views import export, render

    text = " ".join(query)
    with open_index_for(ctx, index_path) as ix:
        result = ix.search(text, make_filters(regions, year, segments, types), limit=None if show_all or per_doc else limit, sort=sort,
                           scope="sentence" if same_sentence else scope, fuzzy=fuzzy, expand=expand)
    if per_doc:
        from icpolicy.views.documents import per_document

        result.hits = per_document(result.hits, per_doc)[: None if show_all else limit]
    summary = {"query": text, "total": result.total, "documents": result.documents}
    if fmt == "json":
        write_output(output, export.to_json(result.hits, summary))
    elif fmt == "jsonl":
        write_output(output, export.to_jsonl(result.hits))
    elif fmt == "csv":
        write_output(output, export.to_csv(result.hits), encoding="utf-8-sig" if output else "utf-8")
    else:
        with contextlib.ExitStack() as stack:
            console = out_console() if output is None else _file_console(stack.enter_context(output.open("w", encoding="utf-8")))
            if fmt == "kwic":
                render.kwic_lines(console, result.hits)
            elif per_doc:
                from icpolicy.views.analyst_render import grouped_hits

                grouped_hits(console, result.hits)
            else:
                render.hits(console, result.hits)
            console.print(render.spread_line(result.total, result.documents, len(result.hits), result.by_province, result.by_year))
    sys.exit(EXIT_OK if result.total else EXIT_PARTIAL)


def _file_console(fh):
    from rich.console import Console

    return Console(file=fh, highlight=False, width=120)

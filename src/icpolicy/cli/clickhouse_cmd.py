"""`icpolicy migrate` (an index folder into ClickHouse) and `icpolicy export --to clickhouse-tsv`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icpolicy.cli.params import ExportFolder
from icpolicy.cli.app import index_dir, index_option, main, open_index_for, state
from icpolicy.cli.output import err_console
from icpolicy.errors import EXIT_OK
from icpolicy.cli.output import color_option
from icpolicy.units import counted


def _documents(ix):
    """The documents of an open index of either kind."""
    from icpolicy.pipeline.clickhouse_load import embedded_documents

    return ix.documents() if hasattr(ix, "documents") else embedded_documents(ix)


@main.command(epilog="""\b
Examples:
  icpolicy migrate --to chdb:data/clickhouse                     the default index folder into embedded ClickHouse
  icpolicy migrate --from /srv/icpolicy/index --to clickhouse://db1:8123/icpolicy
  icpolicy --backend clickhouse://db1:8123/icpolicy search 先进封装   then search it

\b
Exit codes: 0 copied, 2 bad --to, 3 the index folder is missing or of another version.
""")
@click.option("--from", "source", type=click.Path(path_type=Path, file_okay=False), help="Index folder to copy (default: the one search uses: $ICPOLICY_INDEX, ./data/index or the per-user folder; icpolicy info names it).")
@click.option("--to", "target", required=True, metavar="SPEC", help="chdb:PATH or clickhouse://HOST:PORT/DB.")
@color_option
@click.pass_context
def migrate(ctx, source: Path | None, target: str) -> None:
    """Copy an index folder's documents into ClickHouse without reading the source files again.

    Documents already there are replaced (a newer generation); run it again after a crash.
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    from icpolicy.engine.clickhouse.connection import connect
    from icpolicy.engine.search import open_index
    from icpolicy.pipeline.clickhouse_load import embedded_documents, migrate as run

    folder, _ = index_dir(source)
    conn = connect(target, option="--to")
    console = err_console()
    quiet = state(ctx).get("quiet") or not console.is_terminal  # a bar is for a terminal only (off one it left a blank line)
    with open_index(folder) as ix, Progress(TextColumn("migrating"), BarColumn(), TextColumn("{task.fields[docs]} documents"), DownloadColumn(),
                                            TransferSpeedColumn(), console=console, transient=True, disable=quiet) as bar:
        task = bar.add_task("migrating", total=None, docs=0)
        docs, passages = run(embedded_documents(ix), conn, lambda n, size: bar.update(task, completed=size, docs=n))
    if not state(ctx).get("quiet"):
        click.echo(f"icpolicy: migrated {counted(docs, 'document')} ({counted(passages, 'passage')}) from {folder} to {target}", err=True)
    sys.exit(EXIT_OK)


@main.command(epilog="""\b
Examples:
  icpolicy export --to clickhouse-tsv -o dump/                   the index folder as files
  sh dump/load.sh --host db1 --port 9000                         loads them with clickhouse-client
  icpolicy --backend chdb:data/clickhouse export --to clickhouse-tsv -o dump/

\b
Exit codes: 0 written, 2 usage error (or -o is a folder of other files: it is never written into),
3 the index is missing or of another version.
""")
@click.option("--to", "kind", type=click.Choice(["clickhouse-tsv"]), required=True, help="clickhouse-tsv: schema.sql, passages.tsv, documents.tsv and load.sh for clickhouse-client.")
@click.option("-o", "--output", type=ExportFolder(), required=True, help="Folder to write the files into: new, empty, or an earlier export's (a folder of other files is refused).")
@click.option("--database", default="icpolicy", show_default=True, help="Database name the files load into.")
@index_option
@color_option
@click.pass_context
def export(ctx, kind: str, output: Path, database: str, index_path: Path | None) -> None:
    """Write the index's passages as files for a bulk load with clickhouse-client (see load.sh)."""
    from icpolicy.engine import folder as owned
    from icpolicy.errors import NotOurs
    from icpolicy.pipeline.clickhouse_load import export_tsv

    if not database.replace("_", "").isalnum():
        raise click.BadParameter("letters, digits and _ only", param_hint="--database")
    what = "a folder of icpolicy's clickhouse-tsv export"
    owned.claim(output, owned.EXPORT_MARK, what, "-o", NotOurs)  # never overwrite a schema.sql or load.sh of the user's
    with open_index_for(ctx, index_path) as ix:
        owned.mark(output, owned.EXPORT_MARK, what)
        docs, passages = export_tsv(_documents(ix), output, database)
    if not state(ctx).get("quiet"):
        click.echo(f"icpolicy: wrote {docs} documents ({passages} passages) to {output}; load them with: sh {output / 'load.sh'}", err=True)
    sys.exit(EXIT_OK)

"""The icpolicy command group and what its commands share; errors become exit codes here only (the codes: errors.py).

Exit codes: 0 success; 1 ingest skipped some files / search found nothing; 2 usage error
(bad option, malformed query, unknown region or segment, an --index folder that is not an
index); 3 index problem (missing, damaged, built by an incompatible version, locked by another
ingest, could not be written); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icpolicy._version import __version__
from icpolicy.errors import (EXIT_INDEX, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, EXIT_TERMINATED, EXIT_USAGE,
                             IcpolicyError, IndexDamaged, IndexMissing, QueryError, Terminated)

from icpolicy.cli.location import locate_index
from icpolicy.cli.params import FolderPath
from icpolicy.units import counted
from icpolicy.cli.output import color_option, flush_stdout, one_line, os_error_line, quiet_stdout
from icpolicy.cli.arguments import INTERRUPTED
from icpolicy.cli.command_kinds import GLOBAL_FLAGS, ExportCommand


QUERY_HELP = """\b
Query syntax (every term matches as an exact substring, normalised:
full-width = half-width, case-insensitive, spaces ignored, traditional = simplified,
every dash or tilde alike: 2024-2026年 finds 2024—2026年):
  先进封装                 passages containing 先进封装 (also finds it inside longer words)
  集成电路 封测             both terms (AND)
  先进封装 OR 系统级封装     either term
  -光伏   or  NOT 光伏      without the term (anywhere after the first word;
                          a word starting with an ASCII dash goes after --)
  (碳化硅 OR 氮化镓) 衬底    grouping with parentheses (at most 32 levels deep)
  "集成电路 产业"            an exact phrase kept together; “…” 「…」 『…』 ＂…＂ too
  集成电路（IC）  中国“芯”    a bracket or quote inside a word, closed in it: text, found as written
  region:江苏 year:2024-2025 segment:packaging type:行动方案
                          inline filters, the same as the options (a mistyped
                          name such as regoin: is an error, not text)

\b
Fields of every hit (json, jsonl, csv): doc_id, title, source, doc_type, region,
region_path, zone (a development zone the passage is about; region_path is then the
division it lies in), years, segments, passage, text, highlights ([start, end) spans in text),
score, doc_number, issuer, issued, matched (the query terms found in the passage).
CSV (for scripts) and xlsx (for spreadsheets) join lists with ';' (spans as start-end);
a CSV file is UTF-8 with a BOM, stdout plain UTF-8. A query with no term to find
(empty, or only NOT) is a usage error.

\b
Exit codes: 0 hits found, 1 no hits, 2 usage error or malformed query,
3 index missing/damaged/incompatible/locked, 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).
"""


def damage_message(exc: IndexDamaged) -> str:
    """One line: the damaged file, what is wrong, and the command that rebuilds the index."""
    from icpolicy.engine.folder import index_root
    from icpolicy.engine.manifest import recorded_roots

    root = index_root(exc.path)
    paths = "" if recorded_roots(root) else " PATH..."
    return (f"the index is damaged: {exc.path}: {exc.reason}; it is not searched or written until it is rebuilt "
            f"with: icpolicy ingest --rebuild --index {root}{paths}")


def state(ctx: click.Context) -> dict:
    return ctx.ensure_object(dict)


def index_dir(value: Path | None) -> tuple[Path, bool]:
    """(index folder, whether it is the per-user default that may be built from the seeds); see location.py."""
    where = locate_index(value)
    return where.path, where.may_seed


# Each command's module, imported when the command is run or listed (--help, completion): a
# search does not pay for importing every other command.  tests/test_help.py checks the list.
COMMANDS = {
    "search": "search_cmd", "ingest": "ingest_cmd", "info": "index_cmd", "remove": "index_cmd",
    "stats": "views", "trend": "views", "compare": "views", "show": "views",
    "targets": "analyst_cmd", "changes": "analyst_cmd", "docs": "analyst_cmd",
    "migrate": "clickhouse_cmd", "export": "clickhouse_cmd",
}



def hoist_global_options(args: list[str]) -> list[str]:
    """Move -q, -v, --debug and --backend typed after the command (`icpolicy ingest DIR -q`, as
    grep and rg allow) in front of it, where click reads them; nothing after `--` is touched."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith("--backend="):
            front.append(arg)
        elif arg == "--backend" and i + 1 < len(args):
            front.extend(args[i:i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


class IcpolicyGroup(click.Group):
    """Turns the project's errors into one-line messages and documented exit codes; loads each
    command's module when the command is wanted (COMMANDS)."""

    command_class = ExportCommand

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMANDS:
            import importlib

            importlib.import_module(f"icpolicy.cli.{COMMANDS[name]}")  # its decorators add it to this group
        return self.commands.get(name)

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, hoist_global_options(list(args)))
        except click.exceptions.NoArgsIsHelpError:
            click.echo(ctx.get_help(), err=True)  # `icpolicy` alone: the help as --help shows it, a usage error's code
            sys.exit(EXIT_USAGE)
        except click.UsageError as exc:
            click.echo(one_line(usage_line(exc)), err=True)
            sys.exit(EXIT_USAGE)

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            flush_stdout()  # a closed pipe shows here, inside the handler below, not at exit
            return result
        except click.UsageError as exc:  # a bad option or argument of a command (click's own three lines, made one)
            if exc.ctx is None and ctx.invoked_subcommand:  # the option parser's errors carry no context
                exc.ctx = click.Context(self.commands.get(ctx.invoked_subcommand) or self, parent=ctx, info_name=ctx.invoked_subcommand)
            click.echo(one_line(usage_line(exc)), err=True)
            sys.exit(EXIT_USAGE)
        except QueryError as exc:
            # a caret marks a malformed spot; otherwise the query is well formed but cannot be run
            click.echo(one_line(f"icpolicy: {'malformed query' if exc.position >= 0 else 'query'}: {exc}"), err=True)
            sys.exit(EXIT_USAGE)
        except IndexDamaged as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(one_line(f"icpolicy: {damage_message(exc)}"), err=True)
            sys.exit(EXIT_INDEX)
        except IcpolicyError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(one_line(f"icpolicy: {exc}"), err=True)
            sys.exit(exc.exit_code)  # each error's code is in errors.py
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Terminated:
            click.echo("icpolicy: terminated (SIGTERM); the file being written was not kept", err=True)
            sys.exit(EXIT_TERMINATED)
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, and keep Python's exit-time flush quiet too.
            quiet_stdout()
            sys.exit(EXIT_OK)
        except OSError as exc:  # the environment failed (disk, permissions): one line, never a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(os_error_line(exc), err=True)
            sys.exit(EXIT_PARTIAL)


def usage_line(exc: click.UsageError) -> str:
    """A click usage error as one line: the command, the option or argument, what is wrong, where to look."""
    names, ctx = [], exc.ctx
    while ctx is not None and ctx.parent is not None:  # the root is named icpolicy however it was run (python -m icpolicy)
        names.insert(0, ctx.info_name)
        ctx = ctx.parent
    command = " ".join(["icpolicy", *names])
    param = getattr(exc, "param", None)
    if isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter) and param is not None:
        name = "/".join(param.opts) if isinstance(param, click.Option) else param.human_readable_name
        what = f"{name}: {_lower_first(exc.message)}"
    else:
        what = _lower_first(exc.format_message())
    what = " ".join(what.split()).replace(". Did you mean", "; did you mean").rstrip(".")
    if isinstance(exc, click.NoSuchOption) and exc.option_name[1:2].isalnum() and _QUERY_COMMANDS.intersection(names[:1]):
        # icpolicy search 集成电路 -5G: a word to leave out, read as an option
        what += f"; to leave out a word, put it inside the quoted query or after --: {command} -- 集成电路 -5G"
    return f"{command}: {what} (see {command} --help)"


_QUERY_COMMANDS = {"search", "docs", "targets", "stats", "trend", "compare"}


def _lower_first(text: str) -> str:
    """'Directory x is a file' -> 'directory x is a file'; 'QUERY' and 'EDA' stay as they are."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


@click.group(cls=IcpolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="icpolicy")
@color_option
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for bug reports).")
@click.option("--backend", metavar="SPEC", help="chdb:PATH (embedded ClickHouse) or clickhouse://HOST:PORT/DB instead of the index folder (default: $ICPOLICY_BACKEND, else the index folder).")
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool, debug: bool, backend: str | None) -> None:
    """Search Chinese policy documents: exact passages keyed by region, year and industry segment.

    \b
    \b
    Examples:
      icpolicy search 先进封装                 first use builds the per-user index from the bundled seeds
      icpolicy ingest ~/reports/              add your documents (any folder, recursive)
      icpolicy search 集成电路 -光伏 -r 江苏 --all -f xlsx -o hits.xlsx
      icpolicy info                           where the index is and what it holds

    \b
    Shell completion (click's own), e.g. for bash add to ~/.bashrc:
      eval "$(_ICPOLICY_COMPLETE=bash_source icpolicy)"
    (zsh: zsh_source, fish: fish_source)
    """
    state(ctx).update(debug=debug, quiet=quiet, verbose=verbose, backend=backend)


def configure_logging(ctx: click.Context) -> None:
    """Log records (only ingesting logs: the pipeline and the readers) to stderr at the level
    -v/-q chose; called by the commands that ingest, so a search never imports logging."""
    import logging

    options = state(ctx.find_root())
    level = logging.ERROR if options.get("quiet") else (logging.WARNING, logging.INFO, logging.DEBUG)[min(options.get("verbose", 0), 2)]
    logging.basicConfig(level=level, format="icpolicy: %(message)s", stream=sys.stderr)
    # pdfminer's own warnings name no file (The PDF <_io.BytesIO …> contains a metadata field…): what
    # matters of them reaches the user as the file's skip reason; -vv (debug) shows them
    logging.getLogger("pdfminer").setLevel(level if level == logging.DEBUG else logging.ERROR)


def index_option(func):
    return click.option("--index", "index_path", type=FolderPath(),
                        help="Index folder (default: $ICPOLICY_INDEX, else ./data/index if it exists, else the per-user folder; `icpolicy info` says which).")(func)


REGION_HELP = "Province, city or county, short or full (江苏, 苏州市, 昆山); includes everything below it"


def _keep_doc_year(ctx: click.Context, param, value):
    ctx.meta["doc_year"] = value
    return value


def filter_options(func=None, region_help: str = REGION_HELP + " (repeatable, OR)."):
    """--region, --year, --doc-year, --segment, --type: shared by search, stats, trend and compare
    (which gives --region its own help: there each one is a column).  --doc-year's value waits
    in the context's meta for make_filters, so the commands' parameters stay as they were."""
    if func is None:
        return lambda f: filter_options(f, region_help)
    func = click.option("--doc-year", expose_value=False, callback=_keep_doc_year, metavar="TEXT",
                        help="The document's own year or range, as --year (a 2025 report: 2025); every passage of the document matches.")(func)
    func = click.option("-t", "--type", "types", multiple=True, help="Document type, e.g. 政府工作报告, 行动方案 (substring; repeatable).")(func)
    func = click.option("-s", "--segment", "segments", multiple=True, help="Industry segment slug or label, e.g. packaging or 封装测试 (repeatable, OR).")(func)
    func = click.option("-y", "--year", help="A year (2025) or range (2023-2025, 2023- for since, -2020 for until); matches any overlap.")(func)
    func = click.option("-r", "--region", "regions", multiple=True, help=region_help)(func)
    return func


def open_index_for(ctx: click.Context, index_path: Path | None):
    from icpolicy.engine.clickhouse import backend_spec, open_backend
    from icpolicy.engine.search import open_index

    spec = backend_spec(state(ctx).get("backend"))
    if spec:
        return open_backend(spec)
    where = locate_index(index_path)
    folder = where.path
    state(ctx)["index_folder"] = folder  # (-o never replaces a document this index ingests: cli/results_file.py)
    try:
        return open_index(folder)
    except IndexMissing:
        if not where.may_seed:
            raise
    build_seed_index(ctx, folder)
    return open_index(folder)


def build_seed_index(ctx: click.Context, folder: Path) -> None:
    from icpolicy.bundled import seeds_dir
    from icpolicy.pipeline.ingest import ingest

    configure_logging(ctx)
    seeds = seeds_dir()
    if not state(ctx).get("quiet"):
        click.echo(f"icpolicy: no index at {folder}; building it from the {len(list(seeds.iterdir()))} bundled seed documents (once)...", err=True)
    report = ingest([seeds], folder)
    if not state(ctx).get("quiet"):
        click.echo(f"icpolicy: indexed {counted(len(report.indexed), 'document')}, {counted(report.passages, 'passage')} into {folder}", err=True)


def scope_title(text: str, filters, extra: tuple = (), unit: str = "passages") -> str:
    """What a view's table shows, for its title: the query and the filters that narrow it (extra: more of
    them, such as docs' title words); unit names what the view lists when there is no query."""
    narrowed = [*filters.regions, *([filters.year] if filters.year else []), *([f"doc-year {filters.doc_year}"] if getattr(filters, "doc_year", None) else []),
                *filters.types, *filters.segments, *extra]
    if not text:
        return f"({unit} of {', '.join(narrowed)})" if narrowed else f"(all {unit})"
    return f"{text} ({', '.join(narrowed)})" if narrowed else text

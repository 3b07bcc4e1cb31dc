"""The `icpolicy` command's entry point (the script and `python -m icpolicy`), and the helpers the
commands share that need no click.

A search of plain words whose hits go to a pipe or a file as text (what scripts run most) is
run here without importing click, which is about a fifth of such a one-shot search's CPU time.
Only this shape is taken: `search WORD... [-n/--limit N] [--index FOLDER]`, no word starting
with a dash, stdout not a terminal, no backend or shell completion asked for.  Anything else,
and any error before output (a malformed query, a missing or damaged index, one to build from
the seeds), goes to the click command (app.py, search_cmd.py), which runs it from the start and
gives its output or its one-line error and exit code.  What is run is search_cmd's own path for
this case: the same query text, filters, index folder, search and plain listing.
"""

from __future__ import annotations

import os
import sys

from icpolicy.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL

INTERRUPTED = "icpolicy: interrupted"
_OPTIONS = {"-n": "limit", "--limit": "limit", "--index": "index"}


def main() -> None:
    """Run the icpolicy command (native code's stderr held: cli/native_stderr.py)."""
    from icpolicy.cli.native_stderr import held

    _closed_streams()
    with held():
        try:
            plain = plain_search(sys.argv[1:])
        except Exception:  # noqa: BLE001  (no stdout to ask, say): the click command decides
            plain = None
        if plain is not None:
            _search(*plain)  # exits, unless the click command is to run it
        from icpolicy.cli.app import main as command

        command()


def _closed_streams() -> None:
    """A closed stdout (cmd >&-) fails when written to, as a full disk does (one line, exit 1), never with a
    traceback; a closed stderr loses the messages, never changes the exit code."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if sys.stdout is None:
        sys.stdout = _Closed()


class _Closed:
    """What sys.stdout is when file descriptor 1 was closed: every write is EBADF."""

    encoding = "utf-8"
    errors = "strict"
    closed = False

    @property
    def buffer(self) -> "_Closed":
        return self

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "Bad file descriptor (stdout is closed)")

    def write(self, _data) -> int:
        raise OSError(9, "Bad file descriptor (stdout is closed)")

    def flush(self) -> None:
        pass


def plain_search(args: list[str]) -> tuple[list[str], int, str | None] | None:
    """(query words, limit, --index or None) when args are a search this module runs; else None."""
    if not args or args[0] != "search" or sys.stdout.isatty() or "_ICPOLICY_COMPLETE" in os.environ:
        return None
    from icpolicy.engine.clickhouse import backend_spec

    if backend_spec(None):
        return None
    words: list[str] = []
    given: dict[str, str] = {}
    rest = args[1:]
    at = 0
    while at < len(rest):
        arg = rest[at]
        if arg in _OPTIONS:
            name = _OPTIONS[arg]
            if name in given or at + 1 == len(rest) or not rest[at + 1] or rest[at + 1].startswith("-"):
                return None
            given[name] = rest[at + 1]
            at += 2
        elif not arg or arg.startswith("-"):  # every other option, `--`, and the -光伏 words app.QueryCommand shields
            return None
        else:
            words.append(arg)
            at += 1
    limit = given.get("limit", "10")  # search_cmd's default
    if not words or not (limit.isascii() and limit.isdigit()) or int(limit) < 1:  # what click's IntRange(1) reads the same
        return None
    index = given.get("index")
    if index is not None and os.path.isfile(index):  # params.FolderPath's error
        return None
    return words, int(limit), index


def _search(words: list[str], limit: int, index: str | None) -> None:
    from icpolicy.cli.output import flush_stdout, os_error_line, quiet_stdout, write_output

    try:
        listing, total = _listing(words, limit, index)
    except KeyboardInterrupt:
        _interrupted()
    except BaseException:  # noqa: BLE001  the click command runs it again and says what is wrong, as it always does
        return
    try:
        write_output(None, listing)
        flush_stdout()
    except BrokenPipeError:  # as app.IcpolicyGroup.invoke
        quiet_stdout()
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        _interrupted()
    except OSError as exc:
        sys.stderr.write(os_error_line(exc) + "\n")
        sys.exit(EXIT_PARTIAL)
    sys.exit(EXIT_OK if total else EXIT_PARTIAL)


def _listing(words: list[str], limit: int, index: str | None) -> tuple[str, int]:
    """search_cmd's plain table: the listing and the total."""
    from pathlib import Path

    from icpolicy.cli.location import locate_index
    from icpolicy.engine.search import open_index
    from icpolicy.views import plain

    text = query_text(words)
    with open_index(locate_index(Path(index) if index is not None else None).path) as ix:  # missing: the click command may build it
        result = ix.search(text, make_filters((), None, (), ()), limit=limit)
    return plain.listing(result.hits, plain.spread_parts(result.total, result.documents, len(result.hits), result.by_province, result.by_year)), result.total


def _interrupted() -> None:
    sys.stderr.write(INTERRUPTED + "\n")
    sys.exit(EXIT_INTERRUPTED)


def query_text(words, allow_empty: bool = False) -> str:
    """The query words as one string; a usage error (exit 2) when it has no term to find."""
    from icpolicy.engine import query as ql

    text = " ".join(words)
    require_text(text, "QUERY")
    parsed = ql.parse(text)
    if not (allow_empty and parsed.tree is None):  # stats with no term counts what the filters select
        ql.require_term(parsed, text)
    _note_lowercase_operators(ql.terms(parsed.tree))
    return text


def refuse_inline(text: str, names: tuple[str, ...], why: str) -> None:
    """A usage error (exit 2) when QUERY writes one of these filters inline (region:苏州), which the command would not
    apply as the options it stands for say."""
    from icpolicy.engine import query as ql
    from icpolicy.errors import UsageError

    written = [f"{name}:{value}" for name, values in ql.parse(text).filters.items() if name in names for value in values]
    if written:
        raise UsageError(f"{' '.join(written)} in QUERY: {why}")


def _note_lowercase_operators(terms) -> None:
    """`先进封装 or 系统级封装` searches the word "or" (AND), so it finds nothing and says nothing: a note on
    stderr (not with -q) names the words that look like an operator typed in lower case."""
    import unicodedata

    words = [t.text for t in terms if not t.phrase and t.text != unicodedata.normalize("NFKC", t.text).upper()
             and unicodedata.normalize("NFKC", t.text).upper() in ("OR", "AND", "NOT")]
    if not words:
        return
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is not None and (ctx.find_root().obj or {}).get("quiet"):
        return
    named = list(dict.fromkeys(words))
    click.echo(f"icpolicy: note: {', '.join(map(repr, named))} {'is' if len(named) == 1 else 'are'} searched for as {'a word' if len(named) == 1 else 'words'}: the operators are "
               f"OR, AND and NOT in capitals (put the word in quotes to search it without this note)", err=True)


def require_text(value: str, name: str) -> None:
    """A usage error (exit 2) when a value typed as text holds bytes that are not UTF-8 (Python keeps them as lone
    surrogates: a terminal or script in another encoding), which no document holds and the engine refuses."""
    bad = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
    if bad is not None:
        from icpolicy.errors import UsageError

        byte = f"byte 0x{ord(bad) - 0xDC00:02X}" if ord(bad) >= 0xDC80 else "a lone surrogate"
        raise UsageError(f"{name} is not UTF-8 text ({byte}): set the terminal or script to UTF-8 (e.g. LANG=C.UTF-8) and give it again")


def refuse_empty(value: str | None, option: str, wanted: str) -> None:
    """An option given an empty value (--type "$T" with T unset) is a usage error: it would match everything."""
    if value is not None and not value.strip():
        from icpolicy.errors import UsageError

        raise UsageError(f"{option} '{value}' is empty: give {wanted}")


def make_filters(regions, year, segments, types):
    """The Filters of the filter options (app.filter_options)."""
    from icpolicy.engine.search import Filters

    for name, values in (("--region", regions), ("--segment", segments), ("--type", types)):
        for value in values:
            require_text(value, name)

    for value in types:  # a substring of nothing matches every typed document, not what was meant
        refuse_empty(value, "--type", "a document type or part of one, e.g. 行动方案 or 通知")
    # --doc-year: app.filter_options keeps it in the click context's meta (none in this module's own plain
    # search, which runs before click is imported: importing it there would slow every one-shot search)
    click = sys.modules.get("click")
    ctx = click.get_current_context(silent=True) if click is not None else None
    doc_year = ctx.meta.get("doc_year") if ctx is not None else None
    for option, value in (("--year", year), ("--doc-year", doc_year)):
        if value is not None and not value:  # --year "$YEAR" with YEAR unset: every year would be searched, exit 0
            from icpolicy.errors import UsageError

            raise UsageError(f"{option} '' is empty: give a year (2025) or a range (2023-2025, 2023-, -2020)")
    if regions:
        from icpolicy.cli.output import note_shared_regions

        note_shared_regions(regions)
    return Filters(list(regions), year, list(segments), list(types), doc_year)

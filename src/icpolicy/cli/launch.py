"""The `icpolicy` command's entry point (the script and `python -m icpolicy`).

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

from icpolicy.cli.arguments import INTERRUPTED, make_filters, query_text
from icpolicy.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL

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
        elif not arg or arg.startswith("-"):  # every other option, `--`, and the -光伏 words command_kinds.QueryCommand shields
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

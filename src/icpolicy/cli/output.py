"""Where command output goes: the terminal (colour only there), a pipe (never wrapped), or a file.

Files given with -o are written by results_file.py: through a unique temporary name in the target folder,
renamed over the target, so a reader never sees half a file and a user's NAME.tmp is never
touched.  A closed pipe (`| head`) ends the command quietly with exit 0 (see app.py).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from icpolicy.cli.results_file import write_all, write_file
from icpolicy.errors import UsageError

if False:  # typing.TYPE_CHECKING, without importing typing (~2 ms of a one-shot search)
    from collections.abc import Iterable, Iterator

    import click
    from rich.console import Console

COLOR_CHOICES = ["auto", "always", "never"]
PIPE_WIDTH = 100_000  # "never wrap": wider than any line a hit or a table makes


_CONSOLE_CLASS = None


def _console_class():
    """A rich Console that reports a closed pipe as BrokenPipeError (rich's own default exits 1);
    rich is imported here, when something is drawn, not by every command."""
    global _CONSOLE_CLASS
    if _CONSOLE_CLASS is None:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True
                raise BrokenPipeError

        _CONSOLE_CLASS = _Console
    return _CONSOLE_CLASS


def color_mode() -> str:
    """auto, always or never: --color of the running command (or of the group), else auto."""
    click = sys.modules.get("click")  # not imported: no command of click's is running (cli/launch.py)
    ctx = click.get_current_context(silent=True) if click is not None else None
    while ctx is not None:
        if ctx.obj and ctx.obj.get("color"):
            return ctx.obj["color"]
        ctx = ctx.parent
    return "auto"


def set_color(ctx: click.Context, _param, value: str | None) -> str | None:
    """Click callback of --color: remember the choice for every console of this run."""
    if value:
        ctx.ensure_object(dict)["color"] = value
        root = ctx.find_root()
        root.ensure_object(dict)["color"] = value
    return value


def color_option(func):
    """--color auto|always|never on a command that prints (also accepted before the command)."""
    import click

    return click.option("--color", type=click.Choice(COLOR_CHOICES), default=None, expose_value=False, is_eager=True,
                        callback=set_color, help="Colour: auto (only on a terminal, and not when NO_COLOR is set), always, never.")(func)


def _console(file=None, is_terminal: bool | None = None) -> Console:
    mode = color_mode()
    terminal = (file or sys.stdout).isatty() if is_terminal is None else is_terminal
    options: dict = {"highlight": False}
    if mode == "never":
        options["color_system"] = None
        options["no_color"] = True
    elif mode == "always":
        options["force_terminal"] = True
        options["no_color"] = False
    elif os.environ.get("NO_COLOR"):
        options["no_color"] = True
    if not terminal:
        # A pipe or a file: one hit per block, never cut at a made-up width.
        options.update(width=PIPE_WIDTH, soft_wrap=True)
        if mode != "always":
            options["color_system"] = None
    if file is not None:
        options["file"] = file
    return _console_class()(**options)


def out_console() -> Console:
    """The console for a command's results on stdout."""
    return _console()


def is_terminal() -> bool:
    """True when stdout is a terminal (where width and colour are the terminal's)."""
    return sys.stdout.isatty()


def err_console() -> Console:
    """The console for progress and messages on stderr."""
    from rich.console import Console, ConsoleDimensions

    class _StderrConsole(Console):
        """rich measures the terminal on descriptors 0, 1 and 2, but while a command runs descriptor 2 is
        held (cli/native_stderr.py) and sys.stderr is a copy of it: the terminal stderr is on is asked
        first (at every render, so a resized window is followed), then rich's own way (COLUMNS too)."""

        @property
        def size(self) -> ConsoleDimensions:
            if self._width is None and not self._environ.get("COLUMNS"):
                try:
                    width, height = os.get_terminal_size(self.file.fileno())
                except (OSError, ValueError, AttributeError):
                    width = height = 0
                if width:
                    return ConsoleDimensions(width, self._height or height or 25)
            return Console.size.fget(self)

        @size.setter
        def size(self, new_size: tuple[int, int]) -> None:
            Console.size.fset(self, new_size)

    return _StderrConsole(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


def to_stdout(output: Path | None) -> bool:
    """True when results go to stdout: no -o, or `-o -`."""
    return output is None or str(output) == "-"


def plain_wanted(output: Path | None) -> bool:
    """True when results go to a pipe or a file without colour: plain text serves, no rich needed."""
    return color_mode() != "always" and not (to_stdout(output) and is_terminal())


def draw_results(output: Path | None, draw) -> None:
    """draw(console) to the terminal or pipe (a failure of the stream named as stdout), or as plain text to the -o file."""
    if not to_stdout(output):
        write_output(output, render_to_text(draw))
        return
    try:
        draw(out_console())
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), STDOUT) from None


def render_to_text(draw) -> str:
    """What draw(console) prints, as plain text for a file: no colour, never wrapped."""
    buffer = io.StringIO()
    draw(_console(buffer, is_terminal=False))
    return buffer.getvalue()


def write_output(output: Path | None, text: str | bytes | Iterable[str], encoding: str = "utf-8") -> None:
    """Results to stdout (no -o, or `-o -`) or, atomically, to the file -o names.

    Given an iterable of strings (the lines of --all's hits, made as they are read), the lines
    are written as they come: a pipe has the first at once, and the whole output is never held.
    A file is written whole or not at all, as ever (write_file).
    """
    chunks = _encoded(text, encoding)
    if to_stdout(output):
        for data in chunks:
            write_stdout(data)  # bytes, so the output is UTF-8 whatever the terminal's locale says
        return
    write_file(Path(output), chunks)


STREAM_BATCH = 32 * 1024  # characters of lines written to a stream together (the first line goes alone)


def _encoded(text: str | bytes | Iterable[str], encoding: str) -> Iterator[bytes]:
    """text as bytes: a string or bytes whole; the strings of an iterable in batches, the first
    alone (an encoding with a BOM, utf-8-sig, puts it once, before the first)."""
    if isinstance(text, bytes):
        yield text
        return
    if isinstance(text, str):
        yield text.encode(encoding)
        return
    import codecs

    encode = codecs.getincrementalencoder(encoding)().encode
    batch: list[str] = []
    size, first = 0, True
    for piece in text:
        batch.append(piece)
        size += len(piece)
        if first or size >= STREAM_BATCH:
            yield encode("".join(batch))
            batch, size, first = [], 0, False
    if batch:
        yield encode("".join(batch))


STDOUT = "stdout"  # the name an OSError of the results' own stream carries (os_error_line)


def write_stdout(data: bytes) -> None:
    """Write every byte of data to stdout, or raise: a write to a filling disk or past a file size
    limit may take only part of the bytes without an error (a short write, which a buffered
    stream passes on as a count), so write again until all are taken; the next write then raises
    the cause (ENOSPC, EFBIG), named as stdout.  A closed pipe stays a BrokenPipeError."""
    try:
        sys.stdout.flush()
        write_all(sys.stdout.buffer, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), STDOUT) from None


def flush_stdout() -> None:
    """sys.stdout.flush, with a failure (other than a closed pipe) named as stdout."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), STDOUT) from None


def quiet_stdout() -> None:
    """After a closed pipe (`| head`): keep Python's exit-time flush of stdout quiet too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


_UNPRINTABLE = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029])


def one_line(text: str) -> str:
    """A message as one line: control characters it quotes (a query's newline, an ESC) written as escapes (\\n, \\x1b)."""
    if not any(ord(c) in _UNPRINTABLE for c in text):
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if ord(c) in _UNPRINTABLE else c for c in text)


def os_error_line(exc: OSError) -> str:
    """The one line for an environment failure (disk, permissions), never a traceback."""
    if exc.filename == STDOUT:
        return f"icpolicy: could not write the results to stdout ({exc.strerror or exc}); what it holds is incomplete"
    where = f" {exc.filename}" if exc.filename else ""
    return f"icpolicy: could not read or write{where} ({exc.strerror or exc})"


def write_workbook(output: Path | None, data: bytes) -> None:
    """An .xlsx workbook to the file -o names, or to stdout when that is a pipe or a file."""
    if to_stdout(output) and sys.stdout.isatty():
        raise UsageError("-f xlsx makes a binary workbook: give the file with -o, e.g. -o hits.xlsx")
    write_output(output, data)


def csv_encoding(output: Path | None) -> str:
    """utf-8-sig (with the BOM a spreadsheet needs to read UTF-8) for a file, plain utf-8 for stdout
    and for an -o that is no regular file (/dev/stdout, a named pipe: a stream, as stdout is)."""
    if to_stdout(output):
        return "utf-8"
    try:
        return "utf-8" if output.exists() and not output.is_file() else "utf-8-sig"
    except OSError:
        return "utf-8-sig"


def output_option(func):
    """-o/--output FILE (`-` is stdout): shared by every command that exports."""
    import click

    return click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
                        help="Write the results to this file (written whole, then renamed into place); - is stdout.")(func)


EXPORT_FORMATS = ("csv", "xlsx", "json", "jsonl")


def note(line: str) -> None:
    """One line on stderr for the user (a note), not with -q."""
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is None or not (ctx.find_root().obj or {}).get("quiet"):
        click.echo(line, err=True)


def note_cut(fmt: str, output: Path | None, shown: int, available, noun: str, plural: str = "") -> None:
    """When an export (-o FILE, or csv/xlsx/json/jsonl anywhere) holds fewer rows than there are,
    say so in one line on stderr (not with -q): a file cut at the default limit looks complete.
    available may be a function that counts them, called only when the note could be due."""
    if to_stdout(output) and fmt not in EXPORT_FORMATS:
        return
    if callable(available):
        available = available()
    if shown >= available:
        return
    note(f"icpolicy: wrote {shown} of {available} {plural or noun + 's'}; add --all for every {noun}")


def note_shared_regions(regions) -> None:
    """A --region name several places share (江北区: 宁波's and 重庆's) searches them all: said in one line on
    stderr (not with -q), with the full name that picks one (a short name they share, 鼓楼, is refused instead)."""
    if not regions:
        return
    from icpolicy.meta import region_names

    for name in regions:
        paths = list(dict.fromkeys(region_names.resolve_filter(name)))
        if len(paths) > 1 and name.strip() not in region_names.groups():
            listed = ", ".join("".join(path) for path in paths)
            note(f"icpolicy: --region '{name}' names {len(paths)} places ({listed}): all are searched; "
                 f"for one, give its full name, e.g. --region {''.join(paths[-1])}")


def write_table(output: Path | None, fmt: str, columns: list[str], rows: Iterable[list], sheet: str = "icpolicy") -> None:
    """Any table view's rows as csv (written as they come: export.csv_lines) or xlsx (made whole:
    export.table_xlsx), to -o FILE or stdout."""
    from icpolicy.views import export

    if fmt == "xlsx":
        write_workbook(output, export.table_xlsx(columns, list(rows), sheet))
    else:
        write_output(output, export.csv_lines(columns, rows), encoding=csv_encoding(output))

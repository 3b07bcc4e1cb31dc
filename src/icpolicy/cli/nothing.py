"""What a view's table says when nothing matched: no empty table, one line on stderr saying so and what to try.

The views (stats, trend, compare, targets, docs, changes) call `nothing_matched` in their table format only: json,
csv, jsonl and xlsx keep their shape (an empty list, a header row) for scripts.  The exit code is the caller's
(EXIT_PARTIAL, as for a search with no hits).
"""

from __future__ import annotations

from pathlib import Path

import click

from icpolicy.cli.app import state
from icpolicy.cli.output import to_stdout, write_output

DROP = "drop a word or a filter, or check the spelling"  # what to try, said by most views


def nothing_matched(ctx: click.Context, output: Path | None, what: str, hint: str = DROP) -> None:
    """The table of nothing: `icpolicy: nothing matched WHAT; HINT` on stderr (see say_nothing)."""
    say_nothing(ctx, output, f"nothing matched {what}; {hint}")


def say_nothing(ctx: click.Context, output: Path | None, line: str) -> None:
    """`icpolicy: LINE` on stderr instead of an empty table (not with -q); an -o FILE is replaced by an empty
    file, so that no earlier table is left there to be read as this run's."""
    if not to_stdout(output):
        write_output(output, "")
    if not state(ctx).get("quiet"):
        click.echo(f"icpolicy: {line}", err=True)


def search_command(text: str, filters, modes) -> str:
    """The `icpolicy search` command line that finds what a view read: its query, filters and match modes."""
    import re
    import shlex

    def quoted(value: str) -> str:  # (Chinese needs no quotes in a shell; spaces and a shell's marks do)
        return value if re.fullmatch(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~]+", value) else shlex.quote(value)

    words = ["icpolicy", "search", quoted(text) if text.strip() else "''"]
    for option, values in (("-r", filters.regions), ("-y", [filters.year] if filters.year else []),
                           ("--doc-year", [filters.doc_year] if filters.doc_year else []), ("-t", filters.types), ("-s", filters.segments)):
        words += [part for value in values for part in (option, quoted(value))]
    from icpolicy.cli.modes import mode_flags

    return " ".join(words + mode_flags(modes))

"""Ingest progress: what a terminal's bar shows before the first file is done, and a few plain lines for a
stderr that is no terminal (a pipe, a log file, a batch job), never one per file."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.progress import ProgressColumn, Task
from rich.text import Text

from icpolicy.units import counted, megabytes

PLAIN_SECONDS = 5.0  # a plain line at least this often while files are read
MARKS = 4  # and one as each quarter of the files is done (in batches of MARK_FILES or more)
MARK_FILES = 8


class WhenCounted(ProgressColumn):
    """Another column, shown once the files are counted (the task has a total): no "0/?" before that."""

    def __init__(self, column: ProgressColumn):
        super().__init__()
        self.column = column

    def render(self, task: Task):
        return self.column.render(task) if task.total is not None else Text("")


def first_state(paths: list) -> str:
    """What the bar says until the first file is done (the folders are walked, files compared with the index,
    the workers started): which paths are read."""
    named = ", ".join(str(p) for p in paths[:2]) + (f" and {len(paths) - 2} more" if len(paths) > 2 else "")
    return f"looking through {named}…"


class PlainProgress:
    """The ingest's progress as lines for a stderr that is no terminal: the count of files once it is known,
    then a line at each quarter of them and at least every PLAIN_SECONDS; the summary line ends it (ingest_cmd).
    Fewer than MARK_FILES files: only the lines every PLAIN_SECONDS (a large file streamed for minutes)."""

    def __init__(self, echo: Callable[[str], None], clock: Callable[[], float] = time.monotonic):
        self.echo, self.clock = echo, clock
        self.started = False
        self.mark = 1
        self.last = 0.0

    def __call__(self, p) -> None:
        if not p.total:  # nothing to read (every file unchanged): the summary says so
            return
        now = self.clock()
        if not self.started:
            self.started, self.last = True, now
            if p.total >= MARK_FILES:  # a few files read in a moment get the summary alone, as before
                copies = f" and {counted(p.copies, 'identical copy', 'identical copies')} of them" if p.copies else ""
                unread = f"; {counted(p.unread, 'other file')} skipped unread (named at the end)" if p.unread else ""
                self.echo(f"icpolicy: indexing {counted(p.total, 'file')} ({megabytes(p.bytes_total)}){copies}{unread}")
        reached = p.done * MARKS // p.total if p.total >= MARK_FILES else 0
        if self.mark <= reached < MARKS or now - self.last >= PLAIN_SECONDS:
            self.mark, self.last = max(self.mark, reached + 1), now
            self.echo(f"icpolicy: {p.done}/{p.total} files ({megabytes(p.bytes_done)} of {megabytes(p.bytes_total)})")

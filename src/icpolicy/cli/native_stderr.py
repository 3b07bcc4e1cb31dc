"""What native code writes to the process's stderr (file descriptor 2) while a command runs.

tantivy is Rust: when it meets damage it cannot decode, it may panic, and Rust's panic hook prints
the panic's text (with RUST_BACKTRACE set, a whole stack backtrace) straight to fd 2 before the
panic reaches Python as an exception, which the command turns into its one-line message (a damaged
index: exit 3 and the rebuild command).  So while a command runs, fd 2 is a temporary file and
Python's sys.stderr a stream on the real stderr (a duplicate of the old fd 2): what Python writes
goes out at once, as before; what native code wrote is copied out when the command ends, from its
first panic on left out (the command has said what went wrong, in one line).
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
from contextlib import contextmanager

PANIC = re.compile(rb"^thread '[^'\n]*'(?: \(\d+\))? panicked at ", re.MULTILINE)


@contextmanager
def held():
    """Hold native code's stderr until the block ends (see the module's docstring); where fd 2 cannot be
    redirected (no such descriptor, no temporary file), nothing is held."""
    original = sys.stderr
    try:
        original.flush()
        spool = tempfile.TemporaryFile()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        stream = io.TextIOWrapper(io.FileIO(saved, "w", closefd=True), encoding=getattr(original, "encoding", None) or "utf-8",
                                  errors=getattr(original, "errors", None) or "backslashreplace", line_buffering=True, write_through=True)
        os.dup2(spool.fileno(), 2)
    except (OSError, ValueError):
        os.close(saved)
        spool.close()
        yield
        return
    sys.stderr = stream
    try:
        yield
    finally:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)
        sys.stderr = original
        _copy_out(spool)


def _copy_out(spool) -> None:
    """What native code wrote, up to its first panic, to the real stderr."""
    try:
        spool.seek(0)
        data = spool.read()
        spool.close()
        panic = PANIC.search(data)
        data = data[: panic.start()].rstrip(b"\n") + b"\n" if panic else data
        if data.strip():
            os.write(2, data)
    except OSError:
        pass

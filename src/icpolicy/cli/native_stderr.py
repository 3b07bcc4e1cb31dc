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
import sys
from contextlib import contextmanager

PANIC = rb"^thread '[^'\n]*'(?: \(\d+\))? panicked at "  # Rust's panic hook: thread 'name' (id) panicked at file:line:col:


@contextmanager
def held():
    """Hold native code's stderr until the block ends (see the module's docstring); where fd 2 cannot be
    redirected (no such descriptor, no temporary file), nothing is held."""
    original = sys.stderr
    try:
        original.flush()
        spool = _spool()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        stream = io.TextIOWrapper(io.FileIO(saved, "w", closefd=True), encoding=getattr(original, "encoding", None) or "utf-8",
                                  errors=getattr(original, "errors", None) or "backslashreplace", line_buffering=True, write_through=True)
        os.dup2(spool, 2)
    except (OSError, ValueError):
        os.close(saved)
        os.close(spool)
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


def _spool() -> int:
    """A descriptor on a file with no name (O_TMPFILE), or on one unlinked at once; not tempfile, whose
    imports are a sixth of a one-shot search's."""
    folder = os.environ.get("TMPDIR") or "/tmp"
    if hasattr(os, "O_TMPFILE"):
        try:
            return os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600)
        except OSError:
            pass
    import tempfile

    fd, name = tempfile.mkstemp(prefix="icpolicy-stderr-")
    os.unlink(name)
    return fd


def _copy_out(spool: int) -> None:
    """What native code wrote, up to its first panic, to the real stderr."""
    try:
        size = os.lseek(spool, 0, os.SEEK_END)
        data = os.pread(spool, size, 0) if size else b""
        os.close(spool)
        if not data.strip():
            return
        import re

        panic = re.search(PANIC, data, re.MULTILINE)
        data = data[: panic.start()].rstrip(b"\n") + b"\n" if panic else data
        while data.strip():
            data = data[os.write(2, data):]
    except OSError:
        pass

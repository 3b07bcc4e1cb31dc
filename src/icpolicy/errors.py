"""The project's errors.  Core code raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

# The command's exit codes (cli/app.py maps errors to them): ok, partial or no hits, usage, index problem, Ctrl-C, SIGTERM.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INDEX, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143


class IcpolicyError(Exception):
    """Base class: a problem the user can act on, described by str(error)."""

    exit_code = 2


class ExtractionError(IcpolicyError):
    """A file could not be turned into text; `reason` is short and specific."""

    exit_code = 1

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryError(IcpolicyError):
    """The query text is malformed; `position` points at the problem (0-based, or -1)."""

    def __init__(self, message: str, query: str = "", position: int = -1):
        super().__init__(message)
        self.message = message
        self.query = query
        self.position = position

    def __str__(self) -> str:
        if self.position < 0 or not self.query:
            return self.message
        return f"{self.message}\n  {self.query}\n  {' ' * _width(self.query[: self.position])}^"


class IndexMissing(IcpolicyError):
    """No index at the given folder."""


class IndexIncompatible(IcpolicyError):
    """The index was built by an incompatible version of icpolicy."""


class IndexBusy(IcpolicyError):
    """Another process is writing to the index."""

    exit_code = 3


class IndexDamaged(IcpolicyError):
    """An index file is damaged (truncated, altered or unreadable); the index is not answered from.

    `path` names the damaged file (or folder), `reason` says what is wrong with it.  Any engine
    raises this; the CLI adds the folder to rebuild and the command that does it.
    """

    exit_code = 3

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class IndexUnreadable(IcpolicyError):
    """An index file this user may not read (another user's index): not damage, nothing to rebuild."""

    exit_code = 3

    def __init__(self, path: str):
        super().__init__(f"cannot read {path}: permission denied; ask the index's owner to make it readable, "
                         "or use --index with an index of your own")
        self.path = str(path)


class NotAnIndex(IcpolicyError):
    """The index folder holds things icpolicy did not make; it is never written into or removed."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class IndexWriteFailed(IcpolicyError):
    """Writing the index failed (disk full, permissions...): what, where, and what was committed."""

    exit_code = 3

    def __init__(self, path: str, reason: str, committed: str):
        super().__init__(f"could not write {path} ({reason}); {committed}")
        self.path = str(path)
        self.reason = reason
        self.committed = committed


class UsageError(IcpolicyError):
    """An option value that makes no sense (bad year range, unknown segment...)."""


def _width(text: str) -> int:
    """Terminal columns taken by text: CJK and full-width characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

"""The project's errors.  Core code raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


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
    """An index file is missing, truncated or unreadable; `path` names it, `reason` says how.

    The index is never answered from; str(error) gives the rebuild command.
    """

    exit_code = 3

    def __init__(self, path: str, reason: str):
        index_dir = _index_folder(path)
        super().__init__(f"{path}: {reason}; the index is damaged, rebuild it with: icpolicy ingest --rebuild --index {index_dir}")
        self.path = path
        self.reason = reason


def _index_folder(path: str) -> str:
    """The index folder that holds path (the folder with icpolicy.json above it)."""
    from pathlib import Path

    here = Path(path)
    for folder in [here, *here.parents]:
        if (folder / "icpolicy.json").exists():
            return str(folder)
    return str(here.parent)


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

"""The project's errors and the exit codes they map to.  Core code raises these; only the CLI
turns them into messages and exits, with the codes defined here (the one place they live)."""

from __future__ import annotations

# The command's exit codes (cli/app.py maps errors to them): ok, partial or no hits, usage, index problem, Ctrl-C, SIGTERM.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INDEX, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143


class Terminated(BaseException):
    """SIGTERM arrived while a command wrote a file (-o): raised so that its partial file is deleted on
    the way out (cli/output.py); the CLI exits EXIT_TERMINATED."""


class IcpolicyError(Exception):
    """Base class: a problem the user can act on, described by str(error)."""

    exit_code = EXIT_USAGE


class ExtractionError(IcpolicyError):
    """A file could not be turned into text; `reason` is short and specific."""

    exit_code = EXIT_PARTIAL

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
        at = min(self.position, len(self.query))
        return f"{self.message} (at character {at + 1}, marked ^: {self.query[:at]}^{self.query[at:]})"


class IndexMissing(IcpolicyError):
    """No index at the given folder."""

    exit_code = EXIT_INDEX


class IndexIncompatible(IcpolicyError):
    """The index was built by an incompatible version of icpolicy."""

    exit_code = EXIT_INDEX


class IndexBusy(IcpolicyError):
    """Another process is writing to the index."""

    exit_code = EXIT_INDEX


class IndexDamaged(IcpolicyError):
    """An index file is damaged (truncated, altered or unreadable); the index is not answered from.

    `path` names the damaged file (or folder), `reason` says what is wrong with it.  Any engine
    raises this; the CLI adds the folder to rebuild and the command that does it.
    """

    exit_code = EXIT_INDEX

    def __init__(self, path: str, reason: str):
        reason = " ".join(str(reason).split())  # an engine's message may run over lines: the CLI says it in one
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class IndexUnreadable(IcpolicyError):
    """An index file this user may not read (another user's index): not damage, nothing to rebuild."""

    exit_code = EXIT_INDEX

    def __init__(self, path: str):
        super().__init__(f"cannot read {path}: permission denied; ask the index's owner to make it readable, "
                         "or use --index with an index of your own")
        self.path = str(path)


class NotOurs(IcpolicyError):
    """A folder icpolicy would write into (an export's, a ClickHouse data folder) holds files it did
    not make; nothing is written there."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class NotAnIndex(NotOurs):
    """The index folder holds things icpolicy did not make; it is never written into or removed."""


class IndexWriteFailed(IcpolicyError):
    """Writing the index failed (disk full, permissions...): what, where, and what was committed."""

    exit_code = EXIT_INDEX

    def __init__(self, path: str, reason: str, committed: str):
        super().__init__(f"could not write {path} ({reason}); {committed}")
        self.path = str(path)
        self.reason = reason
        self.committed = committed


class SourceUnreachable(IcpolicyError):
    """A rebuild would drop the documents of a file or folder ingested before that cannot be read
    now (an unmounted drive, a renamed folder); nothing is rebuilt."""

    def __init__(self, index_dir: str, path: str, reason: str, documents: int | None = None):
        source = f"{path}, which {documents} documents came from," if documents else f"{path}, ingested before,"
        super().__init__(
            f"not rebuilding {index_dir}: {source} {reason} (an unmounted drive or a renamed folder?), and a rebuild "
            f"would drop its documents; the index is unchanged. Reconnect it and run again, or take it out first with: "
            f"icpolicy remove {path} --index {index_dir}")
        self.path = str(path)
        self.reason = reason


class UsageError(IcpolicyError):
    """An option value that makes no sense (bad year range, unknown segment...)."""


class OutputFailed(IcpolicyError):
    """The results could not be written (a full disk, a file size limit, permissions): not a usage
    mistake and not the index's fault, so the run is partial (exit 1)."""

    exit_code = EXIT_PARTIAL


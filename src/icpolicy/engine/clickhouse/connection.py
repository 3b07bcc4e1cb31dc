"""One small face over the two ways to reach ClickHouse: chdb in-process, or a server through
clickhouse-connect.  Every value travels as a `{name:Type}` query parameter or in an insert's
data stream; SQL text is only ever built from the project's own constant fragments.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit

from icpolicy.errors import IndexBusy, IndexMissing, UsageError

DEFAULT_DB = "icpolicy"
MIN_SERVER = "23.3"  # lightweight DELETE, GROUPING SETS, {name:Type} parameters, and what clickhouse-connect asks at connect
_SESSIONS: dict[str, object] = {}  # chdb allows one data path per process: one session per path


class Connection:
    """Run SQL with parameters, read rows as dicts, insert rows as JSONEachRow or Native."""

    database: str
    where: str
    cores: int = 1  # the cores that write a load's parts: an insert is split over this many (loader.py)

    def rows(self, sql: str, params: dict | None = None) -> list[dict]:
        """The result rows of a SELECT as dicts."""
        raise NotImplementedError

    def command(self, sql: str, params: dict | None = None) -> None:
        """Run a statement that returns nothing (DDL, DELETE)."""
        raise NotImplementedError

    def insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        """Insert rows (tuples in the order of columns) into a table of this database."""
        raise NotImplementedError

    def insert_tsv(self, table: str, columns: list[str], body: str | bytes, settings: dict[str, int] | None = None) -> None:
        """Insert TabSeparated lines (text, or UTF-8 bytes; columns in the given order) into a table of this database,
        with these query settings (the project's own names and integers)."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the connection (the chdb session stays for the process)."""


class ChdbConnection(Connection):
    """ClickHouse in this process (chdb), its data in a folder."""

    def __init__(self, path: str, database: str = DEFAULT_DB):
        try:
            import chdb  # noqa: F401  (the clickhouse extra is installed)
        except ImportError:
            raise UsageError("the chdb backend needs the clickhouse extra: pip install 'icpolicy[clickhouse]'") from None
        self.where = f"chdb:{path}"
        self.database = database
        self.cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1  # this process's cores write a load's parts
        current = next(iter(_SESSIONS), None)
        if current is not None and current != path:
            raise UsageError(f"chdb can open one data folder per process; {current} is open, so {path} cannot be")
        if path not in _SESSIONS:
            _claim(path)
            _SESSIONS[path] = _open_session(path)
        self._session = _SESSIONS[path]

    def rows(self, sql, params=None):
        out = self._session.query(sql, "JSONEachRow", params=_text_params(params))
        data = out.bytes() if hasattr(out, "bytes") else bytes(out)
        return [json.loads(line) for line in data.splitlines() if line]

    def command(self, sql, params=None):
        self._session.query(sql, "TSV", params=_text_params(params))

    def insert(self, table, columns, rows):
        if not rows:
            return
        body = "".join(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n" for row in rows)
        inserter = self._session.send_insert(f"INSERT INTO {self.database}.{table} ({', '.join(columns)})", "JSONEachRow")
        inserter.append(body)
        inserter.finish()

    def insert_tsv(self, table, columns, body, settings=None):
        given = ", ".join(f"{name}={int(value)}" for name, value in (settings or {}).items())
        inserter = self._session.send_insert(f"INSERT INTO {self.database}.{table} ({', '.join(columns)})"
                                             + (f" SETTINGS {given}" if given else ""), "TabSeparated")
        inserter.append(body)
        inserter.finish()


# What ClickHouse itself puts in its data folder; a folder of these alone holding our database's
# definition was made by icpolicy before folders carried a marker.
_CLICKHOUSE_NAMES = {"data", "metadata", "store", "tmp", "user_files", "format_schemas", "status", "uuid", "flags",
                     "metadata_dropped", "preprocessed_configs", "access", "user_defined", "user_scripts", "named_collections"}


def _claim(path: str) -> None:
    """Refuse a folder of other files (NotOurs, exit 2) before ClickHouse writes its folders into it; mark ours (engine/folder.py)."""
    from pathlib import Path

    from icpolicy.engine import folder as owned
    from icpolicy.errors import NotOurs

    what = "icpolicy's ClickHouse data folder"
    owned.claim(Path(path), owned.CHDB_MARK, what, "--backend chdb:FOLDER", NotOurs,
                adopt=lambda f: set(os.listdir(f)) <= _CLICKHOUSE_NAMES and (f / "metadata" / f"{DEFAULT_DB}.sql").is_file())
    try:
        owned.mark(Path(path), owned.CHDB_MARK, what)
    except OSError:
        pass  # a read-only folder: ClickHouse says so when it opens


def _open_session(path: str):
    """A chdb session on the folder; IndexBusy when another process has it open.  ClickHouse locks
    its `status` file for as long as it runs, so a second process cannot start on the folder:
    chdb then writes its own lines to stderr and raises.  Those lines are caught here (stderr
    pointed at a temporary file while the session starts) and become one line of ours."""
    import tempfile

    from chdb import session

    with tempfile.TemporaryFile() as caught:
        saved = os.dup(2)
        os.dup2(caught.fileno(), 2)
        try:
            return session.Session(path)
        except RuntimeError as exc:
            failure = " ".join(str(exc).split())
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        caught.seek(0)
        said = caught.read().decode("utf-8", "replace")
    if "Cannot lock file" in said or "already running" in said:
        raise IndexBusy(f"chdb:{path} is in use by another process (chdb opens a folder in one process at a time); "
                        "wait for it to finish")
    reason = " ".join((said or failure).split())[:200]
    raise IndexBusy(f"chdb:{path} cannot be opened ({reason}); if another icpolicy is using it, wait for it to finish")


def _text_params(params: dict | None) -> dict:
    """chdb takes parameter values in ClickHouse's text form: arrays as ['a','b'] with quoted, escaped elements."""
    return {name: _array_text(value) if isinstance(value, list) else _escaped(value) if isinstance(value, str) else value
            for name, value in (params or {}).items()}


def _escaped(value: str) -> str:
    """A String parameter in ClickHouse's escaped text form (the form the HTTP interface takes too)."""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0")


def _array_text(values) -> str:
    return "[" + ",".join(_value_text(v) for v in values) + "]"


def _value_text(value) -> str:
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, tuple):
        return "(" + ",".join(_value_text(v) for v in value) + ")"
    return str(value)


def _quoted(value: str) -> str:
    escaped = _escaped(value).replace("'", "\\'")
    return f"'{escaped}'"


class ServerConnection(Connection):
    """A ClickHouse server through clickhouse-connect (HTTP)."""

    def __init__(self, host: str, port: int, database: str, username: str | None = None, password: str | None = None):
        try:
            import clickhouse_connect
        except ImportError:
            raise UsageError("the ClickHouse server backend needs the clickhouse extra: pip install 'icpolicy[clickhouse]'") from None
        self.where = f"clickhouse://{host}:{port}/{database}"
        self.database = database
        import logging

        logging.getLogger("clickhouse_connect").setLevel(logging.CRITICAL)  # its own log line would repeat the one error line below
        try:
            self._client = clickhouse_connect.get_client(host=host, port=port, username=username or "default", password=password or "")
        except Exception as exc:  # the driver raises its own types for refused connections, bad logins and old servers
            reason = " ".join(str(exc).split())[:240]
            raise IndexMissing(f"cannot use ClickHouse at {host}:{port} ({type(exc).__name__}: {reason}); check --backend; "
                               f"the server must be ClickHouse {MIN_SERVER} or later") from None

    def rows(self, sql, params=None):
        result = self._client.query(sql, parameters=params or {})
        return [dict(zip(result.column_names, row)) for row in result.result_rows]

    def command(self, sql, params=None):
        self._client.command(sql, parameters=params or {})

    def insert(self, table, columns, rows):
        if rows:
            self._client.insert(table, rows, column_names=columns, database=self.database)

    def insert_tsv(self, table, columns, body, settings=None):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self._client.raw_insert(f"{self.database}.{table}", columns, data, settings=settings, fmt="TabSeparated")

    def close(self):
        self._client.close()


def connect(spec: str, create: bool = True, option: str = "--backend") -> Connection:
    """A connection from a backend spec: `chdb:PATH` or `clickhouse://[USER[:PASS]@]HOST[:PORT]/DB`.

    create=False (commands that only read or remove): a chdb folder that is not there is
    IndexMissing, not made.  `option` is what the user gave it with, for the messages (migrate: --to)."""
    if spec.startswith("chdb:"):
        path = spec[len("chdb:"):]
        if not path:
            raise UsageError(f"{option} chdb:PATH needs a folder, e.g. chdb:data/clickhouse")
        if not create and not os.path.isdir(path):
            raise IndexMissing(f"no icpolicy tables at {spec} (no such folder): load them with: icpolicy --backend {spec} ingest PATH...")
        return ChdbConnection(path)
    if spec.startswith("clickhouse://"):
        parts = urlsplit(spec)
        database = parts.path.strip("/") or DEFAULT_DB
        if not database.replace("_", "").isalnum():
            raise UsageError(f"{option} {spec}: the database name may hold letters, digits and _ only")
        return ServerConnection(parts.hostname or "localhost", parts.port or 8123, database, parts.username, parts.password)
    raise UsageError(f"{option} '{spec}': use chdb:PATH (embedded ClickHouse) or clickhouse://HOST:PORT/DB (a server)")

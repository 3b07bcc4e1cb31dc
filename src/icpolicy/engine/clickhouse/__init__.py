"""ClickHouse as the passage store: the same search over a MergeTree table, in this process
(chdb) or on a server (clickhouse-connect).  See schema.py for the tables, translate.py for the
SQL, search.py for the two query paths and loader.py for idempotent loading.

    from icpolicy.engine.clickhouse import open_backend
    with open_backend("chdb:data/clickhouse") as ix:
        ix.search("先进封装", limit=10)
"""

from __future__ import annotations

import os

ENV = "ICPOLICY_BACKEND"


def backend_spec(option: str | None) -> str | None:
    """The backend asked for: the --backend option, else $ICPOLICY_BACKEND; None means the embedded index."""
    spec = option or os.environ.get(ENV) or None
    return None if spec in (None, "", "embedded") else spec


def open_backend(spec: str):
    """Open the ClickHouse tables named by spec (chdb:PATH or clickhouse://HOST:PORT/DB) for searching."""
    from icpolicy.engine.clickhouse.connection import connect
    from icpolicy.engine.clickhouse.search import ClickHouseIndex

    return ClickHouseIndex(connect(spec, create=False))

"""The icpolicy command line: `main` is the click group; each module beside adds its commands."""

from icpolicy.cli import analyst_cmd, clickhouse_cmd, index_cmd, ingest_cmd, search_cmd, views  # noqa: F401  (importing registers the commands)
from icpolicy.cli.app import main

__all__ = ["main"]

"""One folder of test documents ingested with the CLI as a subprocess, and read back the way a user
reads it: a document's facts from `docs --format json`, a passage from `search --format json`.
Shared by the attribution rounds' class tests (tests/test_attribution_round*.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def index_fixture(name: str):
    """A module-scoped fixture `index`: tests/fixtures/NAME ingested into a fresh index folder."""

    @pytest.fixture(scope="module")
    def index(tmp_path_factory) -> Path:
        folder = tmp_path_factory.mktemp(name) / "index"
        result = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(FIXTURES / name), "--index", str(folder), "-j", "1"],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return folder

    return index


def cli_json(*args) -> dict:
    result = subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args), "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def doc(index, name: str) -> dict:
    """The `docs` record of the document whose source file is NAME."""
    return next(d for d in cli_json("docs", "--all", "--index", index)["documents"] if d["source"].endswith("/" + name))


def hit(index, query: str, *more: str) -> dict:
    """The one passage `search QUERY` finds (more: further options, such as a region filter)."""
    found = cli_json("search", query, "--all", "--index", index, *more)["hits"]
    assert len(found) == 1, found
    return found[0]


def no_hits(index, query: str, *more: str) -> bool:
    """True when `search QUERY` (more: further options, such as a region filter) finds nothing."""
    return cli_json("search", query, "--all", "--index", index, *more)["hits"] == []

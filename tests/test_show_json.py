"""`show -f json` gives a document's fields as `docs -f json` and `search -f json` give them: years a list of
numbers (not the string "2023 2024 2025"), the region beside its path."""

from __future__ import annotations

import json

from tests.clirun import icpolicy
from tests.conftest import SEEDS


def test_show_json_fields_match_docs_json(tmp_path):
    assert icpolicy("ingest", SEEDS, "--index", tmp_path / "ix", home=tmp_path).returncode == 0
    listed = json.loads(icpolicy("docs", "-a", "-f", "json", "--index", tmp_path / "ix", home=tmp_path).out)["documents"]
    for row in listed:
        shown = json.loads(icpolicy("show", row["doc_id"], "-f", "json", "--index", tmp_path / "ix", home=tmp_path).out)
        assert shown["years"] == row["years"] and all(isinstance(y, int) for y in shown["years"])
        assert (shown["region"], shown["region_path"]) == (row["region"], row["region_path"])

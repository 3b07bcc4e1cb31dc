"""The `docs` table on a terminal: each document's year(s) and issuer beside its doc_id, and the doc_id whole on
one line (to copy into `show`) at 80 and 120 columns; the json fields stay as they were."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from tests.clirun import icpolicy, on_terminal

pytest.importorskip("pty")  # POSIX terminals

FIELDS = ["doc_id", "title", "doc_type", "region", "region_path", "zone", "years", "segments", "doc_number", "issuer", "issued",
          "source", "passages"]


@pytest.fixture(scope="module")
def listed(seed_index, tmp_path_factory):
    home = tmp_path_factory.mktemp("docs-table")
    done = icpolicy("docs", "--all", "-f", "json", "--index", seed_index, home=home)
    assert done.returncode == 0, done.err
    return home, json.loads(done.out)["documents"]


def _years(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 2 else ",".join(map(str, years))


@pytest.mark.parametrize("columns", [80, 120])
def test_docs_table_shows_year_and_issuer_and_keeps_each_doc_id_on_one_line(seed_index, listed, columns):
    home, documents = listed
    seen = on_terminal("docs", "--all", "--index", seed_index, home=home, columns=columns, COLUMNS=str(columns), TERM="xterm", NO_COLOR="1")
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen).replace("\r", "").splitlines()
    header = next(line for line in lines if "doc_id" in line)
    assert re.search(r"\byear\b", header) and "issuer" in header and "title" in header, seen
    assert any(d["issuer"] for d in documents)  # the seeds have an issuer to show
    for document in documents:
        row = [line for line in lines if re.match(rf"\s*{document['doc_id']}\s+│\s+{re.escape(_years(document['years']))}\s+│", line)]
        assert len(row) == 1, (document["doc_id"], seen)  # the whole id, its years beside it, on one line
        assert all(cell_len(line) <= columns for line in lines), seen
        if document["issuer"]:
            assert document["issuer"][:3] in row[0], (row[0], document["issuer"])


def test_docs_json_fields_are_unchanged(listed):
    _, documents = listed
    assert documents and all(list(d) == FIELDS for d in documents)

"""Folders other than the index that icpolicy writes into (an export's -o, a chdb data folder) follow
the index folder's rule: new, empty or marked as icpolicy's, else refused in one line, exit 2,
nothing touched (review3 C2, M4).  Through the CLI."""

from __future__ import annotations

import importlib.util

import pytest

from tests.clirun import icpolicy, one_line

NOTE = "关于集成电路封装测试的通知\n市工业和信息化局支持封装测试企业建设先进产线，自2024年起施行。\n"


def _tree(folder):
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"dir") for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("owned")
    (root / "docs").mkdir()
    (root / "docs" / "通知.txt").write_text(NOTE, encoding="utf-8")
    done = icpolicy("ingest", root / "docs", "--index", root / "idx", home=root)
    assert done.returncode == 0, done.err
    return root / "idx"



def test_export_refuses_a_folder_of_the_users_files(index, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "schema.sql").write_text("-- my own schema\n", encoding="utf-8")
    (mine / "load.sh").write_text("echo my own loader\n", encoding="utf-8")
    before = _tree(mine)
    done = icpolicy("export", "--to", "clickhouse-tsv", "-o", mine, "--index", index, home=tmp_path)
    assert done.returncode == 2
    line = one_line(done)
    assert str(mine) in line and "give -o another one" in line
    assert _tree(mine) == before


def test_export_writes_a_new_or_empty_folder_and_rewrites_its_own(index, tmp_path):
    for target in (tmp_path / "new" / "dump", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        first = icpolicy("export", "--to", "clickhouse-tsv", "-o", target, "--index", index, home=tmp_path)
        assert first.returncode == 0, first.err
        assert {"schema.sql", "load.sh", "passages.tsv", "documents.tsv"} <= {p.name for p in target.iterdir()}
        again = icpolicy("export", "--to", "clickhouse-tsv", "-o", target, "--index", index, home=tmp_path)
        assert again.returncode == 0, again.err  # an export's own folder is written again


needs_chdb = pytest.mark.skipif(importlib.util.find_spec("chdb") is None, reason="needs the clickhouse extra (chdb)")


@needs_chdb
def test_chdb_refuses_a_folder_of_documents(index, tmp_path):
    docs = tmp_path / "userdocs"
    docs.mkdir()
    (docs / "通知.txt").write_text(NOTE, encoding="utf-8")
    before = _tree(docs)
    done = icpolicy("--backend", f"chdb:{docs}", "ingest", docs, home=tmp_path)
    assert done.returncode == 2
    assert "give --backend chdb:FOLDER another one" in one_line(done)
    assert _tree(docs) == before  # no data/ metadata/ store/ beside the user's files


@needs_chdb
def test_chdb_refuses_a_users_metadata_folder_with_the_right_advice(index, tmp_path):
    victim = tmp_path / "victim"
    (victim / "metadata").mkdir(parents=True)
    (victim / "metadata" / "notes.sql").write_text("my notes, not SQL\n", encoding="utf-8")
    before = _tree(victim)
    done = icpolicy("--backend", f"chdb:{victim}", "ingest", index.parent / "docs", home=tmp_path)
    line = one_line(done)
    assert done.returncode == 2 and "wait" not in line and "another one" in line, line
    assert _tree(victim) == before


@needs_chdb
def test_chdb_folder_made_by_icpolicy_is_used_again(index, tmp_path):
    store = tmp_path / "ch"
    done = icpolicy("--backend", f"chdb:{store}", "ingest", index.parent / "docs", home=tmp_path)
    assert done.returncode == 0, done.err
    again = icpolicy("--backend", f"chdb:{store}", "search", "封装测试", "-f", "json", home=tmp_path)
    assert again.returncode == 0, again.err
    (store / "icpolicy-chdb.json").unlink()  # a folder made before folders were marked: ClickHouse's own names and our database
    older = icpolicy("--backend", f"chdb:{store}", "search", "封装测试", "-f", "json", home=tmp_path)
    assert older.returncode == 0, older.err


@needs_chdb
def test_migrate_into_a_new_chdb_folder_writes_no_blank_line_off_a_terminal(index, tmp_path):
    done = icpolicy("migrate", "--from", index, "--to", f"chdb:{tmp_path / 'm'}", home=tmp_path)
    assert done.returncode == 0, done.err
    assert done.err.startswith("icpolicy: migrated 1 document ("), repr(done.err[:40])  # one document, not "1 documents"
    assert (tmp_path / "m" / "icpolicy-chdb.json").is_file()

"""A first ingest that indexes nothing makes no index (session 29, h-user29).

An empty folder (a drive not mounted, a mistyped folder) or a batch whose every file is skipped left an empty index
behind, exit 0 for the empty folder: `search` then answered "0 passages in 0 documents" (exit 1, no hits) where a
script should learn there is no index (exit 3).  Now such a first ingest deletes the files it made, says why, and
exits 1; an ingest into an index that holds documents is unchanged.  Through the CLI."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs


def _no_index(index) -> bool:
    done = cli("search", "集成电路", "--index", index)
    return done.returncode == 3 and "no index" in done.stderr


def test_an_empty_folder_makes_no_index(tmp_path):
    (tmp_path / "empty").mkdir()
    done = cli("ingest", tmp_path / "empty", "--index", tmp_path / "ix")
    assert done.returncode == 1 and "no index was made" in done.stderr and "no document was found" in done.stderr
    assert _no_index(tmp_path / "ix")
    assert cli("info", "--index", tmp_path / "ix").returncode == 3


def test_every_file_skipped_makes_no_index(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj")
    (docs / "blank.txt").write_bytes(b"")
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 1 and "no index was made" in done.stderr
    assert "skipped:" in done.stderr and "broken.pdf" in done.stderr
    assert _no_index(tmp_path / "ix")
    good = docs / "good.txt"  # the next ingest, with a document, makes the index
    good.write_text("关于支持集成电路产业发展的若干措施\n\n对新建集成电路制造项目给予设备投资补助。\n", encoding="utf-8")
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 1
    assert cli("search", "集成电路", "--index", tmp_path / "ix").returncode == 0


def test_an_index_with_documents_stays_when_nothing_new_is_found(tmp_path):
    index = ingest_docs(tmp_path, {"measures.txt": "关于支持集成电路产业发展的若干措施\n\n对新建集成电路制造项目给予设备投资补助。\n"})
    (tmp_path / "empty").mkdir()
    done = cli("ingest", tmp_path / "empty", "--index", index)
    assert done.returncode == 0 and "no index was made" not in done.stderr
    assert cli("search", "集成电路", "--index", index).returncode == 0

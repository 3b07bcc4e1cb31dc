"""Two copies of a file that cannot be read are no duplicates on record (session 27, h-formats27 F5).

Two empty files (or two copies of a damaged PDF) were recorded as a duplicate of one another, though neither was
indexed; every later `remove`, of any file, then named the second as "a copy of a file taken out" and exited 1.
Now a copy of a file the run skipped leaves the record: it is skipped with its original's reason, and `remove` of
another file exits 0.  Through the CLI, as users run it."""

from __future__ import annotations

import json

from tests.conftest import cli


def test_remove_after_two_unreadable_copies(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# 某市封装测试实施方案\n\n到2027年，封装测试产值占比提高到三成以上。\n", encoding="utf-8")
    (docs / "empty1.txt").write_bytes(b"")
    (docs / "empty2.txt").write_bytes(b"")
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 1 and "empty2.txt: empty file (the same content as" in done.stderr, done.stderr
    manifest = json.loads((tmp_path / "ix" / "icpolicy.json").read_text(encoding="utf-8"))
    assert not manifest.get("duplicates"), manifest.get("duplicates")
    gone = cli("remove", docs / "a.md", "--index", tmp_path / "ix")
    assert gone.returncode == 0, gone.stderr
    assert "copy of a file taken out" not in gone.stderr

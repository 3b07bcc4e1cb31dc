"""Findings of session 41's adversarial user (h-user41) outside data safety.

A text file of one byte over and over (20,000 bytes 0x82, read as Shift-JIS: ｂｂｂｂ…) was indexed as a document
titled ｂｂｂｂ… (h-user41 7).  A text whose letters, in any script, are nearly all one letter is garbled: skipped and
named with the reason, and the rest of the batch is indexed.  Through the CLI."""

from __future__ import annotations

import shutil

from tests.conftest import SEEDS, cli


def test_one_byte_over_and_over_is_skipped_as_garbled_and_the_batch_goes_on(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "坏文件.txt").write_bytes(b"\x82" * 20000)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], docs)
    done = cli("ingest", docs, "--index", tmp_path / "idx")
    assert done.returncode == 1, done.stderr
    assert f"skipped: {docs / '坏文件.txt'}: garbled text" in done.stderr, done.stderr
    assert "indexed 1 file" in done.stderr


def test_search_json_gives_its_modes_right_after_the_query(tmp_path):
    """(h-user41, minor) The views' json gave the match modes right after the query, search's did not."""
    import json

    index = tmp_path / "idx"
    assert cli("ingest", sorted(SEEDS.glob("*.txt"))[0], "--index", index).returncode == 0
    done = cli("search", "集成电路", "--fuzzy", "--index", index, "-f", "json")
    assert list(json.loads(done.stdout))[:2] == ["query", "modes"]
    assert json.loads(done.stdout)["modes"] == {"scope": "passage", "fuzzy": True, "expand": False}

"""A text file of one byte over and over (20,000 bytes 0x82, read as Shift-JIS: ｂｂｂｂ…) was indexed as a document
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

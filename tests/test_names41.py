"""File and folder names that are not UTF-8 (a GBK 附件.txt unzipped from a Windows archive), given on the command line
or found in a folder (h-user41 2, 3, 5).

- Given on the command line, such a name crashed the ingest with a traceback while writing the manifest (a path with
  lone surrogates cannot be written as UTF-8): the batch was lost, or on an existing index committed without its
  manifest.  The manifest now writes them as JSON escapes, which read back as the same path.
- Found in a folder, the file is indexed under the readable form of its name (附件.txt, read as GB18030); `remove`
  given the real path said it was not in the index.  It is found now.
- A copy bearing such a name, recorded as a duplicate, was let go without a word when its original was removed (the
  readable name is not on disk): it is indexed in its place now, as any copy is (`kept:`).
Through the CLI.
"""

from __future__ import annotations

import json
import os
import shutil

from tests.conftest import SEEDS, cli

GBK_NAME = os.fsdecode("附件".encode("gb18030") + b".txt")
GBK_COPY = os.fsdecode("副本".encode("gb18030") + b".txt")
GBK_FOLDER = os.fsdecode("资料".encode("gb18030"))


def _hits(index, query: str) -> list[dict]:
    done = cli("search", query, "--index", index, "-f", "jsonl", "--all")
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_name_that_is_not_utf8_on_the_command_line_is_ingested_rebuilt_and_removed(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    folder = tmp_path / GBK_FOLDER
    folder.mkdir()
    shutil.copy(seeds[0], folder / "a.txt")
    named = tmp_path / GBK_NAME
    shutil.copy(seeds[1], named)
    index = tmp_path / "idx"
    done = cli("ingest", named, folder, "--index", index)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert {hit["source"] for hit in _hits(index, "全国两会")} == {str(tmp_path / "附件.txt")}
    assert _hits(index, "纷纷发布")
    rebuilt = cli("ingest", "--rebuild", "--index", index)  # the manifest gives the paths back as they are on disk
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _hits(index, "全国两会") and _hits(index, "纷纷发布")
    removed = cli("remove", named, "--index", index)
    assert removed.returncode == 0 and "removed: " in removed.stderr, removed.stderr
    assert not _hits(index, "全国两会")


def test_a_copy_bearing_such_a_name_is_indexed_when_its_original_is_removed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, docs / "original.txt")
    shutil.copy(seed, docs / GBK_COPY)
    index = tmp_path / "idx"
    assert cli("ingest", docs, "--index", index).returncode == 0
    removed = cli("remove", docs / "original.txt", "--index", index)
    assert removed.returncode == 0 and "kept: " in removed.stderr and "副本.txt" in removed.stderr, removed.stderr
    assert {hit["source"] for hit in _hits(index, "纷纷发布")} == {str(docs / "副本.txt")}


def test_info_shows_a_folder_whose_name_is_not_utf8_readably_in_json_too(tmp_path):
    """(h-review41 7) info -f json crashed on such a folder (lone surrogates), the table showed it as ����."""
    folder = tmp_path / GBK_FOLDER
    folder.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "a.txt")
    index = tmp_path / "idx"
    assert cli("ingest", folder, "--index", index).returncode == 0
    done = cli("info", "--index", index, "-f", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["folders"] == [str(tmp_path / "资料")]


def test_a_copy_whose_name_is_no_text_encoding_is_indexed_when_its_original_is_removed(tmp_path):
    """(h-review41 8) A Latin-1 café.txt (known as caf\\xe9.txt) was let go as the GBK names were."""
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, docs / "a.txt")
    shutil.copy(seed, docs / os.fsdecode(b"caf\xe9.txt"))
    index = tmp_path / "idx"
    assert cli("ingest", docs, "--index", index).returncode == 0
    removed = cli("remove", docs / "a.txt", "--index", index)
    assert removed.returncode == 0 and "kept: " in removed.stderr, removed.stderr
    assert {hit["source"] for hit in _hits(index, "纷纷发布")} == {str(docs) + "/caf\\xe9.txt"}

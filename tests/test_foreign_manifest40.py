"""A folder holding a file of the user's that only bears the manifest's name (icpolicy.json) is not an index
(h-user40 D2).  Before, ingest took it for an old index (exit 3, "rebuild it with …"), left its lock files there, and
the rebuild it advised replaced the user's file.  Now the manifest is icpolicy's only when it is a JSON object with
the schema_version every manifest has carried, or, unreadable, in a folder an icpolicy writer worked in (a damaged
index's, which still gets the damage message): every command refuses the folder in one line, and nothing in it is
touched.  Through the CLI."""

from __future__ import annotations

import pytest

from tests.clirun import icpolicy, one_line

NOTE = "关于支持化合物半导体中试平台建设的通知\n区经济发展局支持企业建设碳化硅外延中试平台，自2025年起施行。\n"


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def docs(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "通知.txt").write_text(NOTE, encoding="utf-8")
    return tmp_path / "docs"


@pytest.mark.parametrize("mine", [b'{"theme": "dark", "fonts": ["Noto"]}\n', b"settings=on\n", b"[1, 2, 3]\n",
                                  b'{"schema_version": "2024-01", "name": "my config"}\n', b'{"schema_version": 1, "project": "mine"}\n'])
@pytest.mark.parametrize("with_other_file", [True, False])
@pytest.mark.parametrize("stray_lock", [False, True])
def test_a_users_icpolicy_json_is_refused_by_every_command_and_left_as_it_was(tmp_path, docs, mine, with_other_file, stray_lock):
    """(and h-review40: a settings file that happens to hold a schema_version key, or an unreadable one beside a stray
    icpolicy.lock, is no manifest either: a damaged manifest is the index's only beside the index's own engine folder)"""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "icpolicy.json").write_bytes(mine)
    if with_other_file:
        (folder / "keep.md").write_text("my notes\n", encoding="utf-8")
    if stray_lock:
        (folder / "icpolicy.lock").write_bytes(b"")
    before = _tree(folder)
    for args in (("ingest", docs, "--index", folder), ("ingest", "--rebuild", docs, "--index", folder), ("ingest", "--rebuild", "--index", folder)):
        done = icpolicy(*args, home=tmp_path)
        assert done.returncode == 2, (args, done.err)
        assert "icpolicy.json is not icpolicy's" in one_line(done)
        assert _tree(folder) == before  # no lock, no holder, the user's file unchanged
    for args in (("search", "碳化硅", "--index", folder), ("info", "--index", folder)):
        done = icpolicy(*args, home=tmp_path)
        assert done.returncode == 3, (args, done.err, done.out)
        assert "icpolicy.json is not icpolicy's" in done.err + done.out
        assert "--index NEW_FOLDER" in done.err + done.out and "--rebuild" not in done.err + done.out
        assert _tree(folder) == before


def test_a_damaged_manifest_of_a_real_index_is_still_the_index_and_rebuilt_on_request(tmp_path, docs):
    folder = tmp_path / "idx"
    assert icpolicy("ingest", docs, "--index", folder, home=tmp_path).returncode == 0
    (folder / "icpolicy.json").write_bytes(b'{"tool_version": "0.1.0", "schema_ver')  # cut short
    done = icpolicy("search", "碳化硅", "--index", folder, home=tmp_path)
    assert done.returncode == 3 and "ingest --rebuild --index" in one_line(done)
    assert icpolicy("ingest", "--rebuild", docs, "--index", folder, home=tmp_path).returncode == 0
    found = icpolicy("search", "碳化硅", "--index", folder, "-f", "jsonl", home=tmp_path)
    assert found.returncode == 0 and "外延中试平台" in found.out


def test_a_folder_inside_a_folder_holding_a_users_icpolicy_json_may_be_an_index(tmp_path, docs):
    """(h-review40) A user's icpolicy.json claims no folder below it: an index may be built in a new folder there."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "icpolicy.json").write_text('{"a": 1}\n', encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", tmp_path / "mine" / "idx", home=tmp_path)
    assert done.returncode == 0, done.err
    assert (tmp_path / "mine" / "icpolicy.json").read_text(encoding="utf-8") == '{"a": 1}\n'

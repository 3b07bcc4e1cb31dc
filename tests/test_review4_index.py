"""review4's index findings, through the CLI: `info` on a damaged index (F4), `--rebuild` at a folder
that is not an index and $ICPOLICY_INDEX naming a file (F12), what `folders` remembers (F5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.clirun import icpolicy, one_line



def write_notice(folder: Path, name: str, subject: str) -> Path:
    """A short notice of my own wording about one subject."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"关于推进{subject}工作的通知\n各有关单位：为加快{subject}，现就有关事项通知如下。\n"
                    f"一、各地要把{subject}列入年度重点任务，明确责任分工。\n二、对{subject}成效明显的单位予以表扬。\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("small")
    docs = root / "docs"
    for n, subject in enumerate(["光刻胶国产化", "封装基板扩产", "功率器件验证"]):
        write_notice(docs, f"notice{n}.txt", subject)
    done = icpolicy("ingest", docs, "--index", root / "index", "-j", "1", home=root)
    assert done.returncode == 0, done.err
    return root / "index"


def test_info_reports_a_truncated_index_file_as_search_does(small_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(small_index, index)
    assert icpolicy("info", "--index", index, home=tmp_path).returncode == 0
    biggest = max((index / "tantivy").glob("*.store"), key=lambda p: p.stat().st_size)
    with open(biggest, "r+b") as fh:
        fh.truncate(10)
    search = icpolicy("search", "光刻胶", "--index", index, home=tmp_path)
    assert search.returncode == 3 and biggest.name in one_line(search)
    table = icpolicy("info", "--index", index, home=tmp_path)
    assert table.returncode == 3
    status = next(line for line in table.out.splitlines() if line.strip().startswith("status"))
    assert "ready" not in status and "damaged" in status and biggest.name in status and "--rebuild" in status
    facts = icpolicy("info", "-f", "json", "--index", index, home=tmp_path)
    assert facts.returncode == 3
    problem = json.loads(facts.out)["problem"]
    assert problem and biggest.name in problem and f"icpolicy ingest --rebuild --index {index}" in problem


def test_rebuild_alone_at_a_folder_that_is_not_an_index_says_so(tmp_path):
    mine = tmp_path / "mine"
    write_notice(mine, "草稿.txt", "芯片人才引进")
    (mine / "备忘.md").write_text("下周开会讨论\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in mine.iterdir()}
    done = icpolicy("ingest", "--rebuild", "--index", mine, home=tmp_path)
    assert done.returncode == 2
    line = one_line(done)
    assert str(mine) in line and "not an icpolicy index" in line
    assert {p.name: p.read_bytes() for p in mine.iterdir()} == before
    empty = icpolicy("ingest", "--rebuild", "--index", tmp_path / "nothing", home=tmp_path)
    assert empty.returncode == 2 and "no index at" in one_line(empty) and not (tmp_path / "nothing").exists()


def test_icpolicy_index_naming_a_file_is_refused_as_index_file_is(tmp_path):
    note = write_notice(tmp_path, "随手记.txt", "测试设备采购")
    for args in (["search", "测试"], ["search", "测试", "-f", "json"], ["info"], ["ingest", tmp_path / "随手记.txt"]):
        done = icpolicy(*args, home=tmp_path, ICPOLICY_INDEX=str(note))
        assert done.returncode == 2, (args, done.err)
        line = one_line(done)
        assert "is a file" in line and "give the index folder" in line and "build one" not in line
    assert note.read_text(encoding="utf-8").startswith("关于推进测试设备采购")


def test_folders_keep_only_what_gives_documents_and_remove_says_what_it_dropped(tmp_path):
    docs = tmp_path / "docs"
    write_notice(docs, "甲.txt", "晶圆厂节能改造")
    extra = write_notice(tmp_path / "loose", "乙.txt", "车规芯片认证")
    (tmp_path / "settings.toml").write_text("[tool]\nname = 'x'\n", encoding="utf-8")
    index = tmp_path / "index"

    def folders() -> list[str]:
        done = icpolicy("info", "-f", "json", "--index", index, home=tmp_path)
        assert done.returncode == 0, done.err
        return json.loads(done.out)["folders"]

    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    mixed = icpolicy("ingest", extra, tmp_path / "settings.toml", "--index", index, home=tmp_path)
    assert mixed.returncode == 1 and "unsupported type" in mixed.err
    assert folders() == sorted([str(docs.resolve()), str(extra.resolve())])  # the .toml gave no document
    extra.unlink()
    again = icpolicy("ingest", docs, extra, "--index", index, home=tmp_path)
    assert "乙.txt (no longer on disk)" in again.err
    assert folders() == [str(docs.resolve())]
    rebuilt = icpolicy("ingest", "--rebuild", "--index", index, home=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.err

    empty = tmp_path / "empty"
    empty.mkdir()
    assert icpolicy("ingest", empty, "--index", index, home=tmp_path).returncode == 0
    assert str(empty.resolve()) in folders()
    taken = icpolicy("remove", empty, "--index", index, home=tmp_path)
    assert taken.returncode == 0, taken.err
    assert f"dropped from what ingest --rebuild reads again: {empty.resolve()}" in taken.err and "not in the index" not in taken.err
    assert folders() == [str(docs.resolve())]

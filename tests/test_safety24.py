"""Session 24's safety cases (through the CLI, as a user runs it): a removed copy of a duplicate,
a first ingest on a full disk, a document index overwritten with its sizes unchanged, an export
killed half-way."""

from __future__ import annotations

import json
import subprocess

from tests import test_safety
from tests.test_safety import cli, one_line_error, total, write_docs

small_disk = test_safety.small_disk  # the fixture: a 2 MB tmpfs

TEXT = "关于标记双份号的通知\n本市支持封装测试企业建设先进产线，按设备投资额给予补助。\n"


def _twins(tmp_path):
    """Folders A and B holding the same file; A ingested first, so B's copy is its duplicate."""
    a, b = tmp_path / "A", tmp_path / "B"
    for folder in (a, b):
        folder.mkdir()
        (folder / "通知.txt").write_text(TEXT, encoding="utf-8")
    (a / "other.txt").write_text("关于标记甲独号的通知\n本市鼓励设计企业开展流片验证。\n", encoding="utf-8")
    index = tmp_path / "index"
    assert cli("ingest", a, "--index", index).returncode == 0
    second = cli("ingest", b, "--index", index)
    assert second.returncode == 0 and "duplicate" in second.stderr, second.stderr
    return a, b, index


def _sources(index, query):
    done = cli("search", query, "--index", index, "-f", "json")
    return sorted({hit["source"] for hit in json.loads(done.stdout)["hits"]}) if done.returncode == 0 else []


def test_removing_the_original_of_a_duplicate_keeps_its_text_under_the_copy(tmp_path):
    a, b, index = _twins(tmp_path)
    done = cli("remove", a, "--index", index)
    assert done.returncode == 0, done.stderr
    assert _sources(index, "标记双份") == [str(b / "通知.txt")]
    assert total(index, "标记甲独") == 0
    # a later ingest of B finds it indexed; a rebuild keeps it; removing B then takes it out
    again = cli("ingest", b, "--index", index)
    assert again.returncode == 0 and "1 unchanged" in again.stderr, again.stderr
    assert cli("ingest", "--rebuild", "--index", index).returncode == 0
    assert _sources(index, "标记双份") == [str(b / "通知.txt")]
    assert cli("remove", b, "--index", index).returncode == 0
    assert total(index, "标记双份") == 0


def test_removing_the_original_file_by_name_keeps_the_copy(tmp_path):
    a, b, index = _twins(tmp_path)
    assert cli("remove", a / "通知.txt", "--index", index).returncode == 0
    assert _sources(index, "标记双份") == [str(b / "通知.txt")]
    assert total(index, "标记甲独") == 1


def test_removing_the_copy_then_the_original_takes_the_text_out(tmp_path):
    a, b, index = _twins(tmp_path)
    first = cli("remove", b, "--index", index)
    assert first.returncode == 0, first.stderr  # B's copy was in the index's account, not "matched nothing"
    assert _sources(index, "标记双份") == [str(a / "通知.txt")]
    assert cli("remove", a, "--index", index).returncode == 0
    assert total(index, "标记双份") == 0


def test_a_copy_edited_to_differ_is_no_longer_a_duplicate(tmp_path):
    a, b, index = _twins(tmp_path)
    (b / "通知.txt").write_text("关于标记改过号的通知\n本市鼓励材料企业攻关大尺寸硅片。\n", encoding="utf-8")
    assert cli("ingest", b, "--index", index).returncode == 0
    assert cli("remove", a, "--index", index).returncode == 0
    assert total(index, "标记双份") == 0  # no copy of it is left
    assert _sources(index, "标记改过") == [str(b / "通知.txt")]


def test_the_original_gone_from_disk_leaves_its_text_under_the_copy(tmp_path):
    a, b, index = _twins(tmp_path)
    (a / "通知.txt").unlink()
    done = cli("ingest", a, "--index", index)
    assert done.returncode == 0, done.stderr
    assert _sources(index, "标记双份") == [str(b / "通知.txt")]


def test_a_copy_whose_original_left_before_it_was_read_is_read_by_the_next_ingest(tmp_path):
    # the record as a run killed between the commit that took an original out and reading its copy leaves it:
    # an entry whose original the index no longer holds (C's file stands in for that copy)
    a, b, index = _twins(tmp_path)
    copy = tmp_path / "C" / "副本.txt"
    copy.parent.mkdir()
    copy.write_text("关于标记孤本号的通知\n本市鼓励装备企业研制刻蚀设备。\n", encoding="utf-8")
    manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
    assert manifest["duplicates"][str(b / "通知.txt")]["of"] == str(a / "通知.txt")
    manifest["duplicates"][str(copy)] = {"of": str(a / "已删.txt"), "sha256": "0" * 64}
    (index / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    done = cli("ingest", a, "--index", index)  # any later ingest of the index
    assert done.returncode == 0, done.stderr
    assert _sources(index, "标记孤本") == [str(copy)]
    assert _sources(index, "标记双份") == [str(a / "通知.txt")]  # B's copy, whose original is there, stays a duplicate


def test_removing_a_zip_keeps_its_copy(tmp_path):
    import zipfile

    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir(), b.mkdir()
    with zipfile.ZipFile(a / "包.zip", "w") as archive:
        archive.writestr("通知.txt", TEXT)
    (b / "包副本.zip").write_bytes((a / "包.zip").read_bytes())
    index = tmp_path / "index"
    assert cli("ingest", a, "--index", index).returncode == 0
    assert "duplicate" in cli("ingest", b, "--index", index).stderr
    done = cli("remove", a / "包.zip", "--index", index)
    assert done.returncode == 0 and f"kept: {b / '包副本.zip'}" in done.stderr, done.stderr
    assert _sources(index, "标记双份") == [f"{b / '包副本.zip'}!通知.txt"]


def test_a_first_ingest_that_fills_the_disk_leaves_no_empty_index(small_disk, tmp_path):
    docs = write_docs(tmp_path / "docs", 160, "满", lines=60)  # their index (~2.3 MB) is larger than the 2 MB disk
    (small_disk / "notes.txt").write_text("a file of the user's beside the index", encoding="utf-8")
    index = small_disk / "index"
    done = cli("ingest", docs, "--index", index, "-j", "1", env={"ICPOLICY_COMMIT_SECONDS": "3600"})  # one commit, at the end
    assert done.returncode == 3, done.stderr
    line = one_line_error(done)
    assert "No space left on device" in line and str(index) in line and "nothing of this run was committed: no index was made" in line
    # the disk space it took is given back, and since session 41 (h-user41 6) the lock files and the folder it made too
    assert not index.exists()
    # not an empty index that answers "0 passages": no index, with the command that builds one
    for command in ("search", "info"):
        later = cli(command, *(["标记满"] if command == "search" else []), "--index", index)
        assert later.returncode == 3 and f"icpolicy ingest --index {index} PATH" in later.stdout + later.stderr, later.stderr
    assert (small_disk / "notes.txt").read_text(encoding="utf-8") == "a file of the user's beside the index"
    assert subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)]).returncode == 0  # space freed
    again = cli("ingest", docs, "--index", index, "-j", "1")
    assert again.returncode == 0, again.stderr
    assert total(index, "标记满") == 160


def test_a_document_index_file_overwritten_with_its_size_unchanged_is_rebuilt_by_the_next_ingest(tmp_path):
    docs = write_docs(tmp_path / "docs", 4, "题")
    index = tmp_path / "index"
    assert cli("ingest", docs, "--index", index, "-j", "1").returncode == 0
    whoosh = [p for p in (index / "documents").iterdir() if p.name.startswith("documents_") and p.stat().st_size > 64]
    largest = max(whoosh, key=lambda p: p.stat().st_size)
    largest.write_bytes(b"\0" * largest.stat().st_size)  # a stray write: same size, other bytes
    done = cli("ingest", docs, "--index", index, "-j", "1")  # nothing changed in the documents
    assert done.returncode == 0, done.stderr
    assert "document index" in done.stderr and "damaged" in done.stderr and largest.name in done.stderr, done.stderr
    found = cli("docs", "--title", "标记题2号", "--index", index, "-f", "json")
    assert found.returncode == 0, found.stderr
    assert [doc["source"] for doc in json.loads(found.stdout)["documents"]] == [str(docs / "题_0002.txt")]


# an export killed (kill -9: no clean-up) right after it renamed its first file into place
_KILLED_AT_SECOND_RENAME = """
import os, runpy, sys
real, done = os.replace, []
def replace(src, dst, *args, **kwargs):
    if os.path.basename(str(dst)) in ("passages.tsv", "documents.tsv", "schema.sql", "finish.sql", "load.sh"):
        if done:
            os._exit(137)
        done.append(dst)
    return real(src, dst, *args, **kwargs)
os.replace = replace
sys.argv = ["icpolicy", *sys.argv[1:]]
runpy.run_module("icpolicy", run_name="__main__")
"""


def test_an_export_killed_while_renaming_its_files_leaves_the_earlier_set_whole(tmp_path):
    import sys

    from tests.test_safety import snapshot

    first = write_docs(tmp_path / "docs", 2, "旧")
    index, out = tmp_path / "index", tmp_path / "dump"
    assert cli("ingest", first, "--index", index, "-j", "1").returncode == 0
    assert cli("export", "--to", "clickhouse-tsv", "-o", out, "--index", index).returncode == 0
    before = snapshot(out)
    assert cli("ingest", write_docs(tmp_path / "more", 2, "新"), "--index", index, "-j", "1").returncode == 0
    killed = subprocess.run([sys.executable, "-c", _KILLED_AT_SECOND_RENAME, "export", "--to", "clickhouse-tsv", "-o", str(out),
                             "--index", str(index)], capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137, killed.stderr
    assert snapshot(out) == before  # the earlier export, every file of it, and nothing else
    again = cli("export", "--to", "clickhouse-tsv", "-o", out, "--index", index)
    assert again.returncode == 0, again.stderr
    assert "标记新" in (out / "passages.tsv").read_text(encoding="utf-8") and "标记新" in (out / "documents.tsv").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "dump", "index", "more"]  # what the killed export left is gone


_KILLED_AT_FIRST_DOCUMENT = """
import os, runpy, sys
from icpolicy.engine import writer
writer.Writer.add = lambda self, *args: os._exit(137)  # kill -9 as the first document is handed to the index
sys.argv = ["icpolicy", *sys.argv[1:]]
runpy.run_module("icpolicy", run_name="__main__")
"""


def test_a_first_ingest_killed_before_its_first_document_leaves_no_empty_index(tmp_path):
    import sys

    docs = write_docs(tmp_path / "docs", 3, "杀")
    index = tmp_path / "index"
    killed = subprocess.run([sys.executable, "-c", _KILLED_AT_FIRST_DOCUMENT, "ingest", str(docs), "--index", str(index), "-j", "1"],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137, killed.stderr
    later = cli("search", "标记杀", "--index", index)
    assert later.returncode == 3 and f"icpolicy ingest --index {index} PATH" in later.stderr, later.stdout + later.stderr
    again = cli("ingest", docs, "--index", index, "-j", "1")
    assert again.returncode == 0, again.stderr
    assert total(index, "标记杀") == 3


def test_an_index_from_before_the_record_opens_and_records_its_copies_at_the_next_ingest(tmp_path):
    a, b, index = _twins(tmp_path)
    manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
    del manifest["duplicates"]  # as an index built by a18d2b1 has it: same schema version, no such key
    (index / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert total(index, "标记双份") == 1
    again = cli("ingest", b, "--index", index)
    assert again.returncode == 0 and "duplicate" in again.stderr, again.stderr
    assert cli("remove", a, "--index", index).returncode == 0
    assert _sources(index, "标记双份") == [str(b / "通知.txt")]

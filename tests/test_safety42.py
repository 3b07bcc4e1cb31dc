"""Kills between tantivy's steps, and a user's file with a segment file's name (h-user42 1-3), through the CLI.

- A writer killed after tantivy wrote a file of a commit it never made (a remove's delete file, `<segment>.<op>.del`)
  left it in the folder: the retry, doing the same work from the same commit, came to write the same name and failed
  with tantivy's `FileAlreadyExists`, on every retry.  A writer now has tantivy collect the files it made that no
  commit names before it writes.
- A writer killed after tantivy's commit and before the manifest's: the manifest still recorded the segment's delete
  file the commit had replaced (tantivy deleted it), and every command refused the index as damaged.  A recorded
  delete file that the commit replaced with a later one of the same segment is no damage.
- A user's file in the tantivy folder named as a segment file is (32 hex digits.store) was deleted by `--rebuild`: only
  the files tantivy lists as its own (meta.json's segments, .managed.json) are the index's; the rebuild names the
  user's file and stops, as for any other.
- (h-user42 4, 5) A document index that does not hold the passage index's commit (its write failed on a full disk, or
  the writer was killed before it) made `docs --title/--issuer` answer with the documents of an earlier commit, exit 0;
  they now read the passage index then, whole.  And an ingest run again on the full disk, whose document index could
  not even be rebuilt, printed a traceback (no writer to cancel): one line now, exit 3.
- (h-review42 3) A kill between tantivy's commit and the manifest's leaves the manifest and the document index both at
  the commit before, so the document index seemed current: its stamp now records tantivy's opstamp, and one that is
  not tantivy's last is read past (docs answer from the passages) and rebuilt by the next writer.
- (h-user42b 1) A user's `documents/documents_abcdefgh12345678.seg` (a Whoosh segment's shape) and `icpolicy.temporary`
  in the index folder were deleted by a plain ingest: the shape counts only in an index of before the journal, and the
  rebuild's mark only when it holds what the rebuild wrote.
- (h-user42b 2) A kill between tantivy's commit and the manifest's during the ingest of a new folder left its documents
  searchable but unrecorded, and `ingest --rebuild` dropped them: a rebuild re-reads what the index holds beyond the
  folders its manifest lists.
- (h-user42b 5) A bad number in ICPOLICY_COMMIT_SECONDS, _WRITER_MB, _STREAM_MB printed a traceback (and _WRITER_MB=0 said
  "locked by another writer"): one line naming the variable, exit 2, nothing made.
The kills are re-enacted by putting back the files a kill at that moment leaves.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import cli
from tests.test_safety import cli as timed_cli, small_disk, write_docs  # noqa: F401  (small_disk: a fixture)


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for k in range(1, 7):
        (folder / f"d{k}.txt").write_text(f"苏州市集成电路产业第{k}号文件\n\n苏州市工业和信息化局　2025年3月{k}日\n\n"
                                          f"全市集成电路产业营收增长百分之{k}十，新引进项目{k}个。\n", encoding="utf-8")
    return folder


def _hits(index) -> int:
    done = cli("search", "集成电路", "--index", index, "--all", "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    return len(done.stdout.splitlines())


def test_a_retry_after_a_kill_that_left_an_uncommitted_delete_file_runs(tmp_path, docs):
    index, before = tmp_path / "ix", tmp_path / "before"
    assert cli("ingest", docs, "--index", index).returncode == 0
    shutil.copytree(index, before)
    assert cli("remove", docs / "d2.txt", "--index", index).returncode == 0
    assert list((index / "tantivy").glob("*.del"))
    # killed before its commit: meta.json, the manifest and the document index as before, the delete file written
    shutil.copy(before / "tantivy" / "meta.json", index / "tantivy" / "meta.json")
    shutil.copy(before / "icpolicy.json", index / "icpolicy.json")
    shutil.rmtree(index / "documents")
    shutil.copytree(before / "documents", index / "documents")
    done = cli("remove", docs / "d2.txt", "--index", index)
    assert done.returncode == 0, done.stderr
    assert _hits(index) == 2 * 5


def test_a_kill_between_tantivys_commit_and_the_manifests_leaves_a_searchable_index(tmp_path, docs):
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    assert cli("remove", docs / "d2.txt", "--index", index).returncode == 0
    manifest = (index / "icpolicy.json").read_bytes()
    assert cli("remove", docs / "d3.txt", "--index", index).returncode == 0
    (index / "icpolicy.json").write_bytes(manifest)  # killed after tantivy's commit, before the manifest's
    assert _hits(index) == 2 * 4
    done = cli("ingest", docs / "d1.txt", "--index", index)
    assert done.returncode == 0, done.stderr


def test_a_rebuild_keeps_a_users_file_named_as_a_segment_file(tmp_path, docs):
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    mine = index / "tantivy" / ("ab12" * 8 + ".store")
    mine.write_text("我的数据", encoding="utf-8")
    done = cli("ingest", "--rebuild", "--index", index)
    assert done.returncode == 2 and str(mine) in done.stderr and "did not make" in done.stderr
    assert mine.read_text(encoding="utf-8") == "我的数据"
    assert cli("ingest", docs, "--index", index).returncode == 0 and mine.read_text(encoding="utf-8") == "我的数据"
    (index / "tantivy" / ".managed.json").write_text('["cut short', encoding="utf-8")  # (h-review42 4) the rebuild's case
    done = cli("ingest", "--rebuild", "--index", index)
    assert done.returncode == 2 and str(mine) in done.stderr and mine.read_text(encoding="utf-8") == "我的数据", done.stderr
    mine.unlink()
    assert cli("ingest", "--rebuild", "--index", index).returncode == 0


def test_docs_by_title_answer_whole_when_the_document_index_is_behind(tmp_path, docs):
    index, before = tmp_path / "ix", tmp_path / "before"
    first = sorted(docs.glob("*.txt"))[:3]
    assert cli("ingest", *first, "--index", index).returncode == 0
    shutil.copytree(index / "documents", before)
    assert cli("ingest", docs, "--index", index).returncode == 0
    shutil.rmtree(index / "documents")
    shutil.copytree(before, index / "documents")  # killed after the passages' commit, before the document index's
    for option in (["--title", "集成电路"], ["--issuer", "工业和信息化局"]):
        done = cli("docs", *option, "--all", "--index", index, "-f", "jsonl")
        assert done.returncode == 0 and len(done.stdout.splitlines()) == 6, (option, done.stdout, done.stderr)


def test_an_ingest_again_on_a_full_disk_is_one_line(small_disk, tmp_path):
    index = small_disk / "index"
    done = timed_cli("ingest", write_docs(tmp_path / "few", 20, "少"), "--index", index)
    assert done.returncode == 0, done.stderr
    many = write_docs(tmp_path / "many", 160, "满", lines=60)
    assert timed_cli("ingest", many, "--index", index, env={"ICPOLICY_COMMIT_SECONDS": "0.05"}).returncode == 3
    for toc in (index / "documents").glob("*.toc"):
        toc.unlink()  # the document index damaged as well: the next writer rebuilds it first, on the full disk
    _fill(small_disk / "filler")
    again = timed_cli("ingest", many, "--index", index)
    assert again.returncode == 3 and "Traceback" not in again.stderr, again.stderr
    assert "No space left on device" in again.stderr.strip().splitlines()[-1]


def _fill(path) -> None:
    """Write zeros to path until the disk is full."""
    with open(path, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(bytes(4096))
        except OSError:
            pass


def test_docs_answer_whole_after_a_kill_between_tantivys_commit_and_the_manifests(tmp_path, docs):
    index, before = tmp_path / "ix", tmp_path / "before"
    assert cli("ingest", *sorted(docs.glob("*.txt"))[:3], "--index", index).returncode == 0
    shutil.copytree(index, before)
    assert cli("ingest", docs, "--index", index).returncode == 0
    shutil.copy(before / "icpolicy.json", index / "icpolicy.json")  # the manifest and the document index as before
    shutil.rmtree(index / "documents")
    shutil.copytree(before / "documents", index / "documents")
    for _ in range(2):  # before the next writer, and after it (which rebuilds the document index)
        done = cli("docs", "--title", "集成电路", "--all", "--index", index, "-f", "jsonl")
        assert done.returncode == 0 and len(done.stdout.splitlines()) == 6, done.stderr
        assert cli("ingest", docs, "--index", index).returncode == 0


def test_a_users_segment_shaped_file_and_temporary_mark_stay(tmp_path, docs):
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    seg, mark = index / "documents" / "documents_abcdefgh12345678.seg", index / "icpolicy.temporary"
    seg.write_text("我的会议记录", encoding="utf-8")
    mark.write_text("我的备忘", encoding="utf-8")
    (docs / "d1.txt").write_text((docs / "d1.txt").read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    assert cli("ingest", docs, "--index", index).returncode == 0
    assert cli("remove", docs / "d2.txt", "--index", index).returncode == 0
    assert seg.read_text(encoding="utf-8") == "我的会议记录" and mark.read_text(encoding="utf-8") == "我的备忘"
    done = cli("ingest", "--rebuild", "--index", index)
    assert done.returncode == 2 and str(seg) in done.stderr and seg.exists()


def test_a_rebuild_keeps_the_documents_a_killed_ingest_of_a_new_folder_committed(tmp_path, docs):
    index, before, more = tmp_path / "ix", tmp_path / "before", tmp_path / "more"
    more.mkdir()
    for name in ("d5.txt", "d6.txt"):
        (docs / name).rename(more / name)
    assert cli("ingest", docs, "--index", index).returncode == 0
    shutil.copytree(index, before)
    assert cli("ingest", more, "--index", index).returncode == 0
    shutil.copy(before / "icpolicy.json", index / "icpolicy.json")  # killed between tantivy's commit and the manifest's
    shutil.rmtree(index / "documents")
    shutil.copytree(before / "documents", index / "documents")
    assert cli("ingest", "--rebuild", "--index", index).returncode == 0
    assert _hits(index) == 2 * 6


@pytest.mark.parametrize("setting", ["ICPOLICY_COMMIT_SECONDS=abc", "ICPOLICY_WRITER_MB=0", "ICPOLICY_STREAM_MB=-1"])
def test_a_bad_number_in_the_environment_is_one_line(tmp_path, docs, setting):
    import os
    import subprocess
    import sys

    name, value = setting.split("=")
    done = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, env={**os.environ, name: value}, timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr and name in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and not (tmp_path / "ix").exists()

"""A user's files in the document index's folder that bear the very names Whoosh writes (h-user41 1).

Whoosh deletes, after each commit, whatever its name patterns take for an old segment or TOC of its own; the index
showed it only names of those patterns (documents_<16 letters or digits>.<part>), so a user's
documents_20241201meeting1.txt was deleted by the next ingest or remove, and so were a _documents_1.toc and a
documents_WRITELOCK of the user's.  Now the index knows its own files (the stamp's record, a journal of every file its
writers created, Whoosh's readable TOCs and their segments): the others stay, whatever their names, and a rebuild,
which replaces the whole folder, names them and stops.  Through the CLI.
"""

from __future__ import annotations

import shutil

from tests.conftest import SEEDS, cli

MINE = {"documents_20241201meeting1.txt": "会议纪要：明年扩大封测产能", "_documents_1.toc": "我的目录草稿",
        "documents_WRITELOCK": "不是锁，是我的笔记"}


def test_a_users_files_bearing_whoosh_names_stay_through_ingest_and_remove_and_stop_a_rebuild(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:2]:
        shutil.copy(seed, docs)
    index = tmp_path / "idx"
    assert cli("ingest", docs, "--index", index).returncode == 0
    for name, text in MINE.items():
        (index / "documents" / name).write_text(text, encoding="utf-8")
    for seed in seeds[2:4]:  # two more ingests: each commits the document index and lets Whoosh clean up
        shutil.copy(seed, docs)
        done = cli("ingest", docs, "--index", index)
        assert done.returncode == 0, done.stderr
    done = cli("remove", docs / seeds[0].name, "--index", index)
    assert done.returncode == 0, done.stderr
    assert {name: (index / "documents" / name).read_text(encoding="utf-8") for name in MINE} == MINE
    listed = cli("docs", "--index", index, "-f", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    rebuilt = cli("ingest", "--rebuild", "--index", index)
    assert rebuilt.returncode == 2 and "documents" in rebuilt.stderr and "Traceback" not in rebuilt.stderr
    assert {name: (index / "documents" / name).read_text(encoding="utf-8") for name in MINE} == MINE


def test_a_damaged_manifest_of_a_rebuilt_index_gets_the_rebuild_command_which_works(tmp_path):
    """(h-user41 4) A rebuilt index's folder held no mark of icpolicy's writer (its lock file stayed in the old folder),
    so a damaged or lost manifest made it "not an icpolicy index", and the commands the messages gave were refused."""
    index = tmp_path / "idx"
    assert cli("ingest", SEEDS, "--index", index).returncode == 0
    assert cli("ingest", "--rebuild", "--index", index).returncode == 0
    lost = tmp_path / "lost"
    shutil.copytree(index, lost)
    manifest = index / "icpolicy.json"
    manifest.write_bytes(manifest.read_bytes()[:1000])
    searched = cli("search", "集成电路", "--index", index)
    assert searched.returncode == 3 and f"icpolicy ingest --rebuild --index {index}" in searched.stderr, searched.stderr
    rebuilt = cli("ingest", "--rebuild", "--index", index, SEEDS)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert cli("search", "集成电路", "--index", index).returncode == 0
    (lost / "icpolicy.json").unlink()
    searched = cli("search", "集成电路", "--index", lost)
    assert searched.returncode == 3 and f"icpolicy ingest --index {lost}" in searched.stderr, searched.stderr
    built = cli("ingest", "--index", lost, SEEDS)
    assert built.returncode == 0, built.stderr
    assert cli("search", "集成电路", "--index", lost).returncode == 0



def test_a_users_file_where_the_next_document_index_commit_goes_is_one_line_and_stays(tmp_path):
    """(h-review41 2) A user's _documents_N.toc of the next generation: Whoosh's rename onto it raised a traceback."""
    import json
    import re

    docs = tmp_path / "docs"
    docs.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[0], docs)
    index = tmp_path / "idx"
    assert cli("ingest", docs, "--index", index).returncode == 0
    generation = max(int(re.search(r"_(\d+)\.toc$", p.name).group(1)) for p in (index / "documents").glob("_documents_*.toc"))
    mine = index / "documents" / f"_documents_{generation + 1}.toc"
    mine.write_text("我的目录", encoding="utf-8")
    shutil.copy(seeds[1], docs)
    done = cli("ingest", docs, "--index", index)
    assert done.returncode == 3 and "Traceback" not in done.stderr and str(mine) in done.stderr, done.stderr
    assert mine.read_text(encoding="utf-8") == "我的目录"
    mine.rename(tmp_path / "moved.toc")
    again = cli("ingest", docs, "--index", index)
    assert again.returncode == 0, again.stderr
    assert len(cli("docs", "--index", index, "-f", "jsonl").stdout.splitlines()) == 2
    assert json.loads(cli("search", "全国两会", "--index", index, "-f", "json").stdout)["total"] > 0

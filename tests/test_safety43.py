"""A `remove` killed around its commit (h-user42b, left open in session 42), through the CLI.

remove takes a file's passages out of tantivy and records the file as excluded in the manifest, so that a later
ingest of its folder passes it over.  The manifest was written after tantivy's commit: a kill between the two lost
the exclusion, and the next `ingest FOLDER` brought the removed file back.  The exclusion and the sources being taken
out are now recorded before the commit; a kill before the commit leaves them to the next ingest or remove, which
takes the file out.

The kill is made in a child process: the CLI runs with the writer's commit (or the manifest write after it) replaced
by an exit of the process, as a SIGKILL at that moment would leave it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import cli

_KILLED = """
import os, sys
from icpolicy.engine import writer
step = sys.argv.pop(1)
if step == "before-commit":
    writer.Writer.commit = lambda self: os._exit(137)
elif step == "disk-full":
    def full(self):
        raise OSError(28, "No space left on device", str(self.dir))
    writer.Writer.commit = full
else:
    done = writer.Writer.commit
    def commit(self):
        self._record = lambda: os._exit(137)
        done(self)
    writer.Writer.commit = commit
from icpolicy.cli.launch import main
main()
"""


def _killed_remove(step: str, path, index, code: int = 137) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-c", _KILLED, step, "remove", str(path), "--index", str(index)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == code, done.stderr
    return done


def _sources(index) -> set[str]:
    done = cli("search", "集成电路", "--index", index, "--all", "-f", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    import json

    return {json.loads(line)["source"].rsplit("/", 1)[-1] for line in done.stdout.splitlines()}


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for k in range(1, 4):
        (folder / f"f{k}.txt").write_text(f"无锡市集成电路产业推进通知第{k}号\n\n今年全市集成电路封测项目新开工{k}个，"
                                          f"新增产能{k}万片。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("step", ["before-commit", "after-commit"])
def test_a_killed_remove_stays_removed_through_the_next_folder_ingest(tmp_path, docs, step):
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    _killed_remove(step, docs / "f2.txt", index)
    done = cli("ingest", docs, "--index", index)
    assert done.returncode == 0, done.stderr
    assert _sources(index) == {"f1.txt", "f3.txt"}, done.stderr
    # and once more: the exclusion holds, and naming the file brings it back as before
    assert cli("ingest", docs, "--index", index).returncode == 0 and _sources(index) == {"f1.txt", "f3.txt"}
    assert cli("ingest", docs / "f2.txt", "--index", index).returncode == 0
    assert _sources(index) == {"f1.txt", "f2.txt", "f3.txt"}


def test_a_remove_killed_before_its_commit_is_finished_by_the_next_remove(tmp_path, docs):
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    _killed_remove("before-commit", docs / "f1.txt", index)
    assert _sources(index) == {"f1.txt", "f2.txt", "f3.txt"}  # nothing committed: the index answers as before
    done = cli("remove", docs / "f3.txt", "--index", index)
    assert done.returncode == 0, done.stderr
    assert _sources(index) == {"f2.txt"}
    assert cli("ingest", "--rebuild", "--index", index).returncode == 0 and _sources(index) == {"f2.txt"}


@pytest.mark.parametrize("step", ["before-commit", "after-commit"])
def test_a_killed_folder_remove_stays_out_of_a_rebuild(tmp_path, docs, step):
    """(h-review43 1) The folders a rebuild reads again are written ahead too: a killed remove of a folder ingested on
    its own left it among them, and the rebuild brought it back (and lifted its exclusion)."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "o.txt").write_text("常州市集成电路封测项目推进情况\n\n全市集成电路封测项目新开工5个。\n", encoding="utf-8")
    index = tmp_path / "ix"
    assert cli("ingest", docs, other, "--index", index).returncode == 0
    _killed_remove(step, other, index)
    done = cli("ingest", "--rebuild", "--index", index)
    assert done.returncode == 0, done.stderr
    assert _sources(index) == {"f1.txt", "f2.txt", "f3.txt"}


def test_a_zip_named_again_after_a_killed_remove_keeps_its_members(tmp_path, docs):
    """(h-review43 2) Naming the archive again brings its members back, as naming a file does."""
    import zipfile

    archive = docs / "a.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("m1.txt", "镇江市集成电路材料项目\n\n全市集成电路材料项目新增3个。\n".encode("utf-8"))
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    _killed_remove("before-commit", archive, index)
    done = cli("ingest", archive, "--index", index)
    assert done.returncode == 0, done.stderr
    assert "a.zip!m1.txt" in _sources(index)


def test_a_remove_that_could_not_write_leaves_nothing_to_finish(tmp_path, docs):
    """(h-review43 3) A remove whose commit fails (a full disk) says nothing was removed: the record written ahead is
    taken back, so the next ingest does not take the file out either."""
    index = tmp_path / "ix"
    assert cli("ingest", docs, "--index", index).returncode == 0
    done = _killed_remove("disk-full", docs / "f2.txt", index, code=3)
    assert "nothing was removed" in done.stderr
    assert cli("ingest", docs, "--index", index).returncode == 0
    assert _sources(index) == {"f1.txt", "f2.txt", "f3.txt"}

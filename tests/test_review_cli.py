"""What a new user met in review, each driven through the CLI as a subprocess on tests/fixtures/cli2
(four documents: a 无锡 action plan for 2025—2027, a 合肥 scheme for 2024—2026 in Markdown, a
长三角 opinion naming several provinces, and a UTF-16BE report in traditional characters about 臺灣)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.clirun import icpolicy
from tests.fixture_cli import FIXTURES, index_fixture

index = index_fixture("cli2")


def run(home: Path, *args):
    return icpolicy(*args, home=home)


def rows(proc) -> list[dict]:
    return [json.loads(line) for line in proc.out.splitlines() if line.strip()]


# -- 1. an index built by one user is searched by another ---------------------------------------

def test_index_files_take_the_umask_mode(index):
    """tantivy writes meta.json through a 0600 temporary file; after a commit it has the mode of
    every other file of the index (0666 less the umask: 0644 under the usual 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    modes = {path.relative_to(index).as_posix(): stat.S_IMODE(path.stat().st_mode) for path in index.rglob("*") if path.is_file()}
    assert modes["tantivy/meta.json"] == 0o666 & ~umask, modes
    assert set(modes.values()) == {0o666 & ~umask}, modes


def _other_user_python():
    """(argv prefix, env) running python as `nobody` with this checkout importable, or None."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    path = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, shutil.which(version) or "", f"/usr/bin/{version}"):
        if not python:
            continue
        argv = ["setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", python]
        env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
        probe = subprocess.run([*argv, "-c", "import icpolicy.cli.app, tantivy"], env=env, capture_output=True)
        if probe.returncode == 0:
            return argv, env
    return None


@pytest.fixture(scope="module")
def shared_index(index):
    """A copy of the index in a folder every user may enter, written by root."""
    where = Path(tempfile.mkdtemp(prefix="icpolicy-shared-"))
    os.chmod(where, 0o755)
    copy = where / "index"
    subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(FIXTURES / "cli2"), "--index", str(copy), "-j", "1", "-q"], check=True)
    yield copy
    shutil.rmtree(where, ignore_errors=True)


def test_another_user_searches_the_index(shared_index):
    other = _other_user_python()
    if other is None:
        pytest.skip("needs root, setpriv and a python the user nobody may run")
    argv, env = other
    found = subprocess.run([*argv, "-m", "icpolicy", "search", "集成电路", "--index", str(shared_index), "-f", "jsonl"],
                           env=env, capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert len(found.stdout.splitlines()) == 10
    # a file this user may not read is a permission problem, not damage: no rebuild advised
    meta = shared_index / "tantivy" / "meta.json"
    os.chmod(meta, 0o600)
    try:
        for command in (["search", "集成电路"], ["info"]):
            refused = subprocess.run([*argv, "-m", "icpolicy", *command, "--index", str(shared_index)],
                                     env=env, capture_output=True, text=True, timeout=120)
            assert refused.returncode == 3, refused
            said = refused.stderr if command[0] == "search" else refused.stdout
            assert f"cannot read {meta}: permission denied" in said and "ask the index's owner" in said, said
            assert "rebuild" not in said and "damaged" not in said
    finally:
        os.chmod(meta, 0o644)


# -- 2. an export cut at the default limit says so ------------------------------------------------

def test_export_cut_at_the_limit_says_how_many_were_written(index, tmp_path):
    total = len(rows(run(tmp_path, "search", "集成电路", "--index", index, "--all", "-f", "jsonl")))
    assert total > 10
    out = tmp_path / "hits.csv"
    cut = run(tmp_path, "search", "集成电路", "--index", index, "-f", "csv", "-o", out)
    assert cut.returncode == 0
    assert cut.err.strip() == f"icpolicy: wrote 10 of {total} hits; add --all for every hit"
    piped = run(tmp_path, "search", "集成电路", "--index", index, "-f", "jsonl")
    assert len(rows(piped)) == 10 and f"wrote 10 of {total} hits" in piped.err
    whole = run(tmp_path, "search", "集成电路", "--index", index, "--all", "-f", "xlsx", "-o", tmp_path / "all.xlsx")
    assert whole.returncode == 0 and whole.err == ""
    quiet = run(tmp_path, "-q", "search", "集成电路", "--index", index, "-f", "csv", "-o", out)
    assert quiet.returncode == 0 and quiet.err == ""
    table = run(tmp_path, "search", "集成电路", "--index", index)  # the table says "showing 10" itself
    assert "wrote" not in table.err
    docs = run(tmp_path, "docs", "--index", index, "-n", "2", "-f", "csv")
    assert docs.err.strip() == "icpolicy: wrote 2 of 4 documents; add --all for every document"


def test_examples_that_export_ask_for_every_hit(tmp_path):
    shown = run(tmp_path, "--help").out + Path(__file__).resolve().parents[1].joinpath("README.md").read_text(encoding="utf-8")
    exports = [line for line in shown.splitlines() if "icpolicy search" in line and " -o " in line]
    assert exports and all("--all" in line or " -a " in line for line in exports), exports


# -- 10. --per-doc groups under the document's own region ---------------------------------------

def test_per_doc_header_names_the_documents_region(index, tmp_path):
    shown = run(tmp_path, "search", "安徽省合肥市聚焦存储", "--index", index, "--per-doc", "1")
    assert shown.returncode == 0, shown.err
    header = shown.out.splitlines()[1].strip()
    assert header.startswith("多地"), shown.out

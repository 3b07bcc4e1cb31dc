"""Nothing of the user's is deleted or lost, on the classes an adversarial probe found: a folder whose files only
look like an index's, a user's file inside the document index's folder, an empty path from an unset variable, an
export that fails half-way, part files a killed writer left, a full stdout, and another tool's Whoosh index.
Through the CLI as a subprocess."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds"


def _cli(*args: str, cwd=None, limit: int | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    def capped():  # a file size limit: a write past it fails (EFBIG) as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "icpolicy", *args], stdout=stdout, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                          cwd=cwd, preexec_fn=capped if limit else None)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_file() -> str:
    return str(sorted(SEED.glob("*.txt"))[0])


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, seed_file) -> Path:
    """An index of one seed, built once; each test that writes to an index copies it."""
    index = tmp_path_factory.mktemp("seed") / "idx"
    assert _cli("ingest", seed_file, "--index", str(index)).returncode == 0
    return index


def _copy(seed_index: Path, tmp_path: Path, name: str = "idx") -> Path:
    import shutil

    return Path(shutil.copytree(seed_index, tmp_path / name))


@pytest.mark.parametrize("files", [
    {"documents/documents_2024_notes.txt": "我的私人笔记", "documents/documents_budget.md": "预算草稿"},
    {"tantivy/.tmp_draft.txt": "草稿"},
    {"icpolicy.json.tmp": "user data"},
])
def test_a_folder_whose_files_only_look_like_an_indexs_is_refused_and_left_alone(tmp_path, seed_file, files):
    folder = tmp_path / "project"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    before = _digest(folder)
    done = _cli("ingest", seed_file, "--index", str(folder))
    assert done.returncode == 2, done.stderr
    assert "is not an icpolicy index" in done.stderr and "Traceback" not in done.stderr
    assert _digest(folder) == before


def test_a_users_file_in_the_document_index_folder_survives_its_rebuild(tmp_path, seed_file, seed_index):
    index = _copy(seed_index, tmp_path)
    mine = index / "documents" / "documents_notes.txt"
    mine.write_text("我的笔记", encoding="utf-8")
    toc = next((index / "documents").glob("_documents_*.toc"))
    toc.write_bytes(toc.read_bytes()[:10])  # damaged: the next ingest rebuilds the document index
    done = _cli("ingest", seed_file, "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert mine.read_text(encoding="utf-8") == "我的笔记"
    assert _cli("docs", "--title", "集成电路", "--index", str(index)).returncode in (0, 1)


@pytest.mark.parametrize("args", [["remove", ""], ["ingest", ""], ["search", "集成电路", "--index", ""]])
def test_an_empty_path_is_a_usage_error_never_the_current_folder(tmp_path, seed_file, args, seed_index):
    index = _copy(seed_index, tmp_path)
    before = _digest(index)
    done = _cli(*args, *([] if "--index" in args else ["--index", str(index)]), cwd=SEED)
    assert done.returncode == 2 and "empty path" in done.stderr, done.stderr
    assert _digest(index) == before


def test_a_failed_export_leaves_the_earlier_export_and_no_part_file(tmp_path, seed_file, seed_index):
    index, out = tmp_path / "idx", tmp_path / "dump"
    assert _cli("ingest", str(SEED), "--index", str(index)).returncode == 0
    small = _copy(seed_index, tmp_path, "small")
    assert _cli("export", "--to", "clickhouse-tsv", "-o", str(out), "--index", str(small)).returncode == 0
    before = _digest(out)
    done = _cli("export", "--to", "clickhouse-tsv", "-o", str(out), "--index", str(index), limit=200_000)
    assert done.returncode == 1 and str(out) in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert _digest(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_part_files_a_killed_writer_left_are_swept_and_nothing_else(tmp_path, seed_file, seed_index):
    index = _copy(seed_index, tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    left = tmp_path / f".hits.csv.{dead}-abcd_123.part"
    left.write_text("half", encoding="utf-8")
    os.utime(left, (0, 0))  # long untouched
    mine = [tmp_path / ".hits.csv.tmp", tmp_path / f".hits.csv.{dead}.part", tmp_path / f".other.csv.{dead}-abcd_123.part"]
    for path in mine:
        path.write_text("the user's", encoding="utf-8")
        os.utime(path, (0, 0))
    recent = tmp_path / f".hits.csv.{dead}-wxyz_789.part"  # written to a moment ago: a writer elsewhere may hold it
    recent.write_text("another machine's", encoding="utf-8")
    mine.append(recent)
    done = _cli("search", "集成电路", "-f", "csv", "-o", str(tmp_path / "hits.csv"), "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert not left.exists()
    assert all(path.exists() for path in mine)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["kwic", "table"])
def test_a_full_stdout_is_named(tmp_path, seed_file, fmt, seed_index):
    index = _copy(seed_index, tmp_path)
    with open("/dev/full", "w") as full:
        done = _cli("search", "集成电路", "-f", fmt, "--index", str(index), stdout=full)
    assert done.returncode == 1 and "stdout" in done.stderr, done.stderr


def test_another_tools_whoosh_index_is_left_with_the_new_folder_advice(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "_MAIN_1.toc").write_bytes(b"toc")
    (other / "MAIN_0123456789abcdef.seg").write_bytes(b"seg")
    done = _cli("search", "集成电路", "--index", str(other))
    assert done.returncode == 3 and "NEW_FOLDER" in done.stderr and "--rebuild" not in done.stderr, done.stderr


def test_a_region_name_several_places_share_is_said_and_the_suggested_full_name_works(tmp_path, seed_file, seed_index):
    index = _copy(seed_index, tmp_path)
    shared = _cli("search", "集成电路", "-r", "鼓楼区", "--index", str(index))
    assert shared.returncode in (0, 1) and "names 4 places" in shared.stderr, shared.stderr
    assert "names" not in _cli("-q", "search", "集成电路", "-r", "鼓楼区", "--index", str(index)).stderr
    short = _cli("search", "集成电路", "-r", "鼓楼", "--index", str(index))
    assert short.returncode == 2 and "--region 江苏省南京市鼓楼区" in short.stderr, short.stderr
    full = _cli("search", "集成电路", "-r", "江苏省南京市鼓楼区", "--index", str(index))  # the name that message gives
    assert full.returncode in (0, 1) and "unknown region" not in full.stderr and "names" not in full.stderr, full.stderr


@pytest.mark.parametrize("args,env", [(["remove", "/"], {}), (["export", "--to", "clickhouse-tsv", "-o", ""], {}),
                                      (["search", "集成电路"], {"ICPOLICY_INDEX": " "})])
def test_a_path_an_unset_variable_left_is_refused(tmp_path, seed_file, args, env, seed_index):
    index = _copy(seed_index, tmp_path)
    before = _digest(index)
    extra = [] if env else ["--index", str(index)]
    done = subprocess.run([sys.executable, "-m", "icpolicy", *args, *extra], capture_output=True, text=True, encoding="utf-8",
                          cwd=tmp_path, env={**os.environ, **env})
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert _digest(index) == before and sorted(p.name for p in tmp_path.iterdir()) == ["idx"]

"""Crashes, interrupts, concurrent use and hostile input never cost the index its data."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from icpolicy.engine import writer as index
from icpolicy.cli import main
from icpolicy.pipeline.ingest import ingest
from icpolicy.engine.search import open_index

from .conftest import SEEDS

PARAGRAPHS = [line for path in sorted(SEEDS.iterdir()) for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 20]


def _make_docs(folder: Path, count: int, tag: str) -> Path:
    """count distinct documents, each with a unique marker word 标记{tag}{n}号."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n".join(PARAGRAPHS[(n * 7 + k) % len(PARAGRAPHS)] for k in range(40))
        (folder / f"{tag}_{n:04d}.txt").write_text(f"标记{tag}{n}号文件\n{body}\n", encoding="utf-8")
    return folder


def _cli(*args, timeout=300):
    env = dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.3")
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env)


def _total(index_dir: Path, query: str) -> int:
    with open_index(index_dir) as ix:
        return ix.search(query, limit=None).total


def _wait_for_progress(index_dir: Path, process: subprocess.Popen, minimum: int = 1, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if json.loads((index_dir / index.MANIFEST).read_text(encoding="utf-8")).get("documents", 0) >= minimum:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)


@pytest.fixture()
def base_index(tmp_path):
    """An index holding 3 committed documents (marker 旧)."""
    index_dir = tmp_path / "index"
    report = ingest([_make_docs(tmp_path / "old", 3, "旧")], index_dir, workers=1)
    assert len(report.indexed) == 3
    return index_dir


def test_sigkill_mid_ingest_leaves_a_searchable_index_and_the_next_ingest_completes(tmp_path, base_index):
    # enough documents that the ingest is still running after its first commits on a quiet, fast machine too
    # (with 120 the whole ingest could end before the kill landed)
    new = _make_docs(tmp_path / "new", 600, "新")
    env = dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.3")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "-q", "ingest", str(new), "--index", str(base_index), "-j", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    _wait_for_progress(base_index, process, minimum=4)
    time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)  # the ingest and its workers, at whatever they were doing
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert _total(base_index, "标记旧") == 3  # what was there before is intact
    search = _cli("search", "标记旧", "--index", base_index, "-f", "json")
    assert search.returncode == 0 and json.loads(search.stdout)["total"] == 3
    again = _cli("ingest", new, "--index", base_index)  # no stale lock, no manual clean-up
    assert again.returncode == 0, again.stderr
    assert _total(base_index, "标记新") == 600 and _total(base_index, "标记旧") == 3
    assert _total(base_index, "标记新7号") == 1  # no duplicate passages after the crash


def test_ctrl_c_commits_what_was_done_and_says_what_was_not(tmp_path, base_index):
    new = _make_docs(tmp_path / "new", 600, "新")  # still running after its first commits, however fast the machine
    env = dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.3")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "ingest", str(new), "--index", str(base_index), "-j", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_progress(base_index, process, minimum=4)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    done = _total(base_index, "标记新")
    assert 0 < done < 600
    assert _total(base_index, "标记旧") == 3
    assert _cli("ingest", new, "--index", base_index).returncode == 0
    assert _total(base_index, "标记新") == 600


def test_a_second_writer_fails_fast_naming_the_first(base_index, tmp_path):
    with index.writer_lock(base_index):
        result = _cli("ingest", _make_docs(tmp_path / "more", 1, "再"), "--index", base_index, timeout=60)
    assert result.returncode == 3
    assert f"pid {os.getpid()}" in result.stderr and "Traceback" not in result.stderr


def test_search_during_an_ingest_answers_from_the_last_commit(base_index, tmp_path):
    from icpolicy.pipeline.ingest import build_document

    document, prepared = build_document(_make_docs(tmp_path / "pending", 1, "未提交") / "未提交_0000.txt")
    with index.writer_lock(base_index):
        writer = index.Writer(base_index)
        writer.add(document, prepared)
        writer.flush()  # added, not committed
        try:
            result = _cli("search", "标记旧", "--index", base_index, "-f", "json")
            assert result.returncode == 0 and json.loads(result.stdout)["total"] == 3
            assert _cli("search", "标记未提交", "--index", base_index).returncode == 1
        finally:
            writer.cancel()


def test_an_index_from_an_incompatible_version_says_how_to_rebuild(base_index):
    manifest = json.loads((base_index / index.MANIFEST).read_text(encoding="utf-8"))
    manifest["schema_version"] = 999
    (base_index / index.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "标记", "--index", str(base_index)])
    assert result.exit_code == 3
    assert "icpolicy ingest --rebuild" in result.stderr and "Traceback" not in result.stderr
    rebuilt = CliRunner().invoke(main, ["ingest", "--rebuild", "--index", str(base_index)])  # no PATH: the recorded ones
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert _total(base_index, "标记旧") == 3


def test_rebuild_replaces_the_index_whole(base_index, tmp_path):
    fresh = _make_docs(tmp_path / "fresh", 2, "重建")
    result = CliRunner().invoke(main, ["ingest", "--rebuild", str(fresh), "--index", str(base_index)])
    assert result.exit_code == 0, result.output
    assert _total(base_index, "标记重建") == 2 and _total(base_index, "标记旧") == 0
    assert not base_index.with_name(base_index.name + ".rebuild").exists()


def test_symlink_loops_do_not_hang_the_walk(tmp_path):
    folder = _make_docs(tmp_path / "docs", 2, "环")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")  # a dangling self-link
    report = ingest([folder], tmp_path / "index", workers=1)
    assert len(report.indexed) == 2
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("self", "symbolic link loop (not followed)")]


def test_mojibake_is_reported_not_indexed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "关于促进集成电路产业和软件产业高质量发展的若干政策。" * 20
    mangled = text.encode("utf-8").decode("gbk", errors="ignore")  # the classic double decoding
    (folder / "mangled.txt").write_text(mangled, encoding="utf-8")
    (folder / "gb2312.html").write_bytes(f"<html><head><meta charset=gb2312><title>政策</title></head><body><p>{text}</p></body></html>".encode("gbk"))
    report = ingest([folder], tmp_path / "index", workers=1)
    assert [Path(s.path).name for s in report.skipped] == ["mangled.txt"]
    assert "mojibake" in report.skipped[0].reason or "undecodable" in report.skipped[0].reason
    assert _total(tmp_path / "index", "若干政策") > 0


def _without_root_overrides() -> list[str]:
    """A command prefix under which file permissions apply, even to root (drops CAP_DAC_*)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without util-linux setpriv: permissions cannot be enforced")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


def test_permission_denied_is_named(tmp_path):
    folder = _make_docs(tmp_path / "docs", 2, "权限")
    (folder / "权限_0001.txt").chmod(0)
    (folder / "closed").mkdir()
    (folder / "closed" / "inner.txt").write_text("看不见", encoding="utf-8")
    (folder / "closed").chmod(0)
    code = (
        "from pathlib import Path; from icpolicy.pipeline.ingest import ingest; "
        f"r = ingest([Path({str(folder)!r})], Path({str(tmp_path / 'index')!r}), workers=1); "
        "print([(Path(s.path).name, s.reason) for s in r.skipped]); print(len(r.indexed))"
    )
    done = subprocess.run(_without_root_overrides() + [sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    (folder / "closed").chmod(0o755)
    assert done.returncode == 0, done.stderr
    skipped, indexed = done.stdout.splitlines()[:2]
    assert "('权限_0001.txt', 'permission denied')" in skipped
    assert "'closed'" in skipped and "not readable" in skipped
    assert indexed == "1"


def test_files_over_the_size_limit_are_named_and_skipped(tmp_path):
    folder = _make_docs(tmp_path / "docs", 2, "大小")
    (folder / "big.txt").write_text("集成电路产业发展。\n" * 20000, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--index", str(tmp_path / "index"), "--max-file-mb", "0.2"])
    assert result.exit_code == 1
    assert "big.txt: too large" in result.stderr and "--max-file-mb" in result.stderr
    assert _total(tmp_path / "index", "标记大小") == 2

"""review4's output findings, through the CLI as users run it: results cut short on a filling disk
(C1), -o into an index folder (F15), -o through a symbolic link (F16)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clirun import env_for

LIMIT = 20_000  # bytes a file may grow to in the limited runs: far less than the answers below

# One class of case: a long plan whose every clause names the term, so an export is large.
CLAUSES = ["对新建的晶圆生产线按设备投资额给予补贴", "支持晶圆厂与高校共建工程师培训中心", "晶圆制造用地优先纳入年度供地计划",
           "对晶圆企业首次流片的费用给予一半的资助", "鼓励晶圆企业在本市设立研发总部", "为晶圆项目开通环评审批快速通道"]


def run(*args, home: Path, stdout=subprocess.PIPE, limit: int | None = None) -> subprocess.CompletedProcess:
    def limited():  # a file size limit, as a quota or a nearly full disk gives: writes past it are cut short
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], cwd=home, env=env_for(home), stdin=subprocess.DEVNULL,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=180, preexec_fn=limited if limit else None)


def err_line(done) -> str:
    lines = [line for line in done.stderr.decode("utf-8").splitlines() if line.strip()]
    assert "Traceback" not in done.stderr.decode("utf-8") and len(lines) == 1, done.stderr.decode("utf-8")
    return lines[0]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def plan_index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plan")
    docs = root / "docs"
    docs.mkdir()
    body = "\n".join(f"第{n + 1}条 {CLAUSES[n % len(CLAUSES)]}，第{n + 1}项措施自2025年起执行。" for n in range(600))
    (docs / "晶圆产业扶持计划.txt").write_text("某市晶圆产业扶持计划（2025—2027年）\n" + body + "\n", encoding="utf-8")
    done = run("ingest", docs, "--index", root / "index", "-j", "1", home=root)
    assert done.returncode == 0, done.stderr
    return root / "index"


@pytest.mark.parametrize("args", [["-f", "csv", "--all"], ["-f", "jsonl", "--all"], ["-f", "json", "--all"], ["--all"],
                                  ["-n", "600"]])  # the last is the fast plain path of cli/launch.py
def test_results_cut_short_on_stdout_are_an_error_not_a_success(plan_index, tmp_path, args):
    whole = run("search", "晶圆", *args, "--index", plan_index, home=tmp_path)
    assert whole.returncode == 0 and len(whole.stdout) > 3 * LIMIT
    with open(tmp_path / "hits.out", "wb") as out:
        done = run("search", "晶圆", *args, "--index", plan_index, home=tmp_path, stdout=out, limit=LIMIT)
    assert done.returncode == 1
    line = err_line(done)
    assert "stdout" in line and "File too large" in line
    assert (tmp_path / "hits.out").stat().st_size <= LIMIT


def test_a_full_stdout_is_named(plan_index, tmp_path):
    with open("/dev/full", "wb") as full:
        for args in (["-f", "csv"], ["-n", "3"]):
            done = run("search", "晶圆", *args, "--index", plan_index, home=tmp_path, stdout=full)
            assert done.returncode == 1 and "stdout" in err_line(done) and "No space left" in err_line(done)


def test_o_file_past_the_limit_is_exit_1_and_keeps_the_old_file(plan_index, tmp_path):
    (tmp_path / "hits.csv").write_text("我上次导出的结果\n", encoding="utf-8")
    done = run("search", "晶圆", "-f", "csv", "--all", "-o", tmp_path / "hits.csv", "--index", plan_index, home=tmp_path, limit=LIMIT)
    assert done.returncode == 1
    assert "hits.csv" in err_line(done) and "nothing was written" in err_line(done)
    assert (tmp_path / "hits.csv").read_text(encoding="utf-8") == "我上次导出的结果\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


@pytest.mark.parametrize("where", ["icpolicy.json", "hits.xlsx", "tantivy/mine.csv"])
def test_o_into_an_index_folder_is_refused_and_touches_nothing(plan_index, tmp_path, where):
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    (index / "tantivy").mkdir(exist_ok=True)
    before = tree(index)
    fmt = "xlsx" if where.endswith("xlsx") else "json"
    done = run("search", "晶圆", "-f", fmt, "-o", index / where, "--index", index, home=tmp_path)
    assert done.returncode == 2
    line = err_line(done)
    assert str(index) in line and "icpolicy" in line
    assert tree(index) == before
    assert run("search", "晶圆", "--index", index, "-n", "1", home=tmp_path).returncode == 0


def test_o_through_a_symbolic_link_replaces_the_target_and_keeps_the_link(plan_index, tmp_path):
    real = tmp_path / "exports" / "hits.csv"
    real.parent.mkdir()
    real.write_text("旧的内容\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    done = run("search", "晶圆", "-f", "csv", "-n", "2", "-o", link, "--index", plan_index, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "晶圆" in real.read_text(encoding="utf-8-sig")
    assert [p.name for p in real.parent.iterdir()] == ["hits.csv"]


def test_o_refuses_a_write_protected_file(plan_index, tmp_path):
    # the rename over it would succeed (the folder is writable), as it would for root on any file: refused
    kept = tmp_path / "precious.xlsx"
    kept.write_bytes(b"the analyst's own workbook")
    kept.chmod(0o444)
    done = run("search", "晶圆", "-f", "xlsx", "-o", kept, "--index", plan_index, home=tmp_path)
    assert done.returncode == 2, done.stderr
    line = done.stderr.decode().strip()
    assert "write-protected" in line and str(kept) in line and "\n" not in line
    assert kept.read_bytes() == b"the analyst's own workbook"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    kept.chmod(0o644)  # made writable, it is replaced as before
    assert run("search", "晶圆", "-f", "xlsx", "-o", kept, "--index", plan_index, home=tmp_path).returncode == 0


def test_o_named_like_icpolicy_s_folder_marker_says_why_it_is_refused(plan_index, tmp_path):
    # a file named icpolicy.json would make the folder it is in look like an index: refused, saying so
    mine = tmp_path / "mine"
    mine.mkdir()
    done = run("search", "晶圆", "-f", "json", "-o", mine / "icpolicy.json", "--index", plan_index, home=tmp_path)
    assert done.returncode == 2
    line = done.stderr.decode().strip()
    assert "icpolicy.json is the name of the file that marks an icpolicy folder" in line and "another name" in line
    assert list(mine.iterdir()) == []


def test_o_with_a_name_that_does_not_match_the_format_gets_a_note(plan_index, tmp_path):
    done = run("search", "晶圆", "-o", tmp_path / "hits.xls", "--index", plan_index, home=tmp_path)
    assert done.returncode == 0 and "is named .xls" in done.stderr.decode() and "-f xlsx" in done.stderr.decode()
    done = run("search", "晶圆", "-f", "csv", "-o", tmp_path / "hits.xlsx", "--index", plan_index, home=tmp_path)
    assert done.returncode == 0 and "wrote -f csv to" in done.stderr.decode()
    done = run("search", "晶圆", "-o", tmp_path / "hits.txt", "--index", plan_index, home=tmp_path)  # the table, as named
    assert done.returncode == 0 and "note" not in done.stderr.decode()

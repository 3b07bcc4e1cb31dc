"""Script-safe output: closed pipes, no wrapping off a terminal, colour rules, -o files, -o -."""

from __future__ import annotations

import json
import os

import re
import subprocess

import pytest
import sys

from wcwidth import wcswidth, wcwidth

from tests.clirun import env_for, icpolicy
from tests.clirun import on_terminal as terminal_output

COLOUR = re.compile(r"\x1b\[[0-9;]*m")
COLOUR_CODE = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7])(?:;[0-9;]*)?m")


def test_a_reader_that_closes_early_ends_the_command_quietly(seed_index, tmp_path):
    for fmt in ("table", "kwic", "json", "csv", "jsonl"):
        proc = subprocess.Popen([sys.executable, "-m", "icpolicy", "search", "发展", "-a", "-f", fmt, "--index", str(seed_index)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(tmp_path), cwd=tmp_path)
        proc.stdout.close()  # the reader is gone before the first write, as `| head` after its lines
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0, (fmt, err)
        assert err == b"", fmt
    for command in (["stats", "发展"], ["compare", "发展", "-r", "江苏", "-r", "上海"], ["info"]):
        proc = subprocess.Popen([sys.executable, "-m", "icpolicy", *command, "--index", str(seed_index)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(tmp_path), cwd=tmp_path)
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0 and err == b"", (command, err)


def test_head_in_a_shell_pipeline_exits_zero(seed_index, tmp_path):
    command = f'set -o pipefail; "{sys.executable}" -m icpolicy search 发展 -a -f kwic --index "{seed_index}" | head -n 1'
    proc = subprocess.run(["bash", "-c", command], capture_output=True, env=env_for(tmp_path), cwd=tmp_path, timeout=60)
    assert proc.returncode == 0 and proc.stderr == b"" and len(proc.stdout.splitlines()) == 1


def test_piped_hits_are_one_block_each_and_never_wrapped(seed_index, tmp_path):
    hits = json.loads(icpolicy("search", "集成电路", "-n", "8", "-f", "json", "--index", seed_index, home=tmp_path).out)["hits"]
    proc = icpolicy("search", "集成电路", "-n", "8", "--index", seed_index, home=tmp_path, COLUMNS="40")
    assert proc.returncode == 0 and not COLOUR.search(proc.out)
    blocks = proc.out.split("\n\n")[: len(hits)]
    for block, hit in zip(blocks, hits):
        lines = block.strip("\n").splitlines()
        assert len(lines) == 4, lines  # title, keys, the passage, matched: nothing wrapped
        assert hit["doc_id"] in lines[0] and lines[1].strip().startswith("/".join(hit["region_path"]))
    assert max(wcswidth(line) for line in proc.out.splitlines()) > 120


def _from_column(line: str, column: int) -> str:
    used = 0
    for i, ch in enumerate(line):
        if used >= column:
            return line[i:]
        used += max(wcwidth(ch), 0)
    return ""


def test_kwic_matches_line_up_by_display_width_and_keep_the_place(seed_index, tmp_path):
    proc = icpolicy("search", "先进封装", "-a", "-f", "kwic", "--index", seed_index, home=tmp_path)
    lines = [line for line in proc.out.splitlines() if "[" in line and "#" in line]
    assert len(lines) >= 17
    # the match column: after the widest label, two spaces, and 40 columns of left context
    column = max(wcswidth(line[: line.index("]") + 1]) for line in lines) + 2 + 40
    for line in lines:
        assert _from_column(line, column).startswith("先进封装"), line
        assert re.match(r"\S+ [\d,—]+ \[[a-z]{12} #\d+\]", line), line  # place, years and id, never cut


def test_colour_only_on_a_terminal_unless_asked(seed_index, tmp_path):
    args = ["search", "先进封装", "-n", "2", "--index", seed_index]
    assert not COLOUR.search(icpolicy(*args, home=tmp_path).out)
    assert COLOUR_CODE.search(icpolicy(*args, "--color", "always", home=tmp_path).out)
    assert COLOUR_CODE.search(icpolicy("--color", "always", *args, home=tmp_path).out)
    assert COLOUR_CODE.search(icpolicy(*args, "--color", "always", home=tmp_path, NO_COLOR="1").out)  # the flag wins

    pytest.importorskip("pty")  # POSIX terminals

    def on_terminal(*extra, **env):
        return terminal_output(*args, *extra, home=tmp_path, TERM="xterm-256color", timeout=60, **env)

    assert COLOUR_CODE.search(on_terminal())
    assert not COLOUR_CODE.search(on_terminal(NO_COLOR="1"))
    assert not COLOUR.search(on_terminal("--color", "never"))


def test_output_file_is_replaced_whole_and_a_users_tmp_file_is_left_alone(seed_index, tmp_path):
    target = tmp_path / "hits.txt"
    target.write_text("old results", encoding="utf-8")
    mine = tmp_path / "hits.txt.tmp"
    mine.write_text("my notes", encoding="utf-8")
    os.chmod(target, 0o640)
    for fmt in ("table", "kwic", "json"):
        proc = icpolicy("search", "先进封装", "-f", fmt, "-o", target, "--index", seed_index, home=tmp_path)
        assert proc.returncode == 0 and proc.out == ""
        assert "先进封装" in target.read_text(encoding="utf-8") and not COLOUR.search(target.read_text(encoding="utf-8"))
    assert mine.read_text(encoding="utf-8") == "my notes"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # the user's permissions kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".hits", "hits"))) == ["hits.txt", "hits.txt.tmp"]


def test_output_into_a_missing_folder_is_a_one_line_usage_error(seed_index, tmp_path):
    for command in (["search", "先进封装", "-f", "csv"], ["search", "先进封装"], ["stats", "先进封装", "-f", "xlsx"]):
        proc = icpolicy(*command, "-o", tmp_path / "missing" / "dir" / "x.out", "--index", seed_index, home=tmp_path)
        assert proc.returncode == 2, command
        assert proc.err.count("\n") == 1 and "missing/dir" in proc.err and "does not exist" in proc.err and "Traceback" not in proc.err


def test_dash_output_is_stdout(seed_index, tmp_path):
    proc = icpolicy("search", "先进封装", "-f", "json", "-o", "-", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.out)["total"] > 0
    assert not (tmp_path / "-").exists()
    proc = icpolicy("search", "先进封装", "-f", "csv", "-o", "-", "--index", seed_index, home=tmp_path)
    assert proc.stdout.startswith(b'"doc_id"')  # no BOM on a pipe

"""--all's hits in the script formats (jsonl, csv) are written as they are made (output.write_output):
a pipe has the first line at once, and the whole output is never held in memory."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from icpolicy.cli import output
from tests.clirun import env_for


@pytest.fixture
def piped_stdout(monkeypatch):
    """A function that puts sys.stdout on a pipe (in the test itself: pytest sets its own capture
    when the test starts) and returns a function that reads what has reached the pipe so far."""
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)  # a write the pipe cannot take fails the test instead of hanging it
    stream = io.TextIOWrapper(io.BufferedWriter(io.FileIO(write_end, "w")), encoding="utf-8")

    def arrived() -> bytes:
        try:
            return os.read(read_end, 1 << 20)
        except BlockingIOError:
            return b""

    def on_pipe():
        monkeypatch.setattr(sys, "stdout", stream)
        return arrived

    yield on_pipe
    monkeypatch.undo()
    stream.close()
    os.close(read_end)


def test_the_first_line_is_on_the_pipe_before_the_second_is_made(piped_stdout):
    arrived = piped_stdout()
    seen = []

    def lines():
        yield '{"passage": 1}\n'
        seen.append(arrived())  # what a reader of the pipe has while the second hit is being made
        yield '{"passage": 2}\n'

    output.write_output(None, lines())
    assert seen == [b'{"passage": 1}\n']
    assert arrived() == b'{"passage": 2}\n'


def test_lines_go_out_a_batch_at_a_time_never_all_at_the_end(piped_stdout):
    arrived = piped_stdout()
    line = "IC" * 2000 + "\n"  # 4,001 characters: a batch (~9 lines) fits a pipe's 64 KiB
    per_batch = output.STREAM_BATCH // len(line) + 1
    seen = []

    def lines():
        for k in range(4 * per_batch):
            seen.append(len(arrived()))
            yield line

    output.write_output(None, lines())
    assert sum(seen) >= 2 * per_batch * len(line.encode()), seen  # whole batches were out before the last line was made


def test_a_file_gets_one_bom_however_many_batches(tmp_path):
    target = tmp_path / "hits.csv"
    rows = ['"文本"\r\n'] + ['"集成电路' * 3000 + '"\r\n'] * 30
    output.write_output(target, iter(rows), encoding="utf-8-sig")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert data[3:].decode("utf-8") == "".join(rows)


def test_every_hit_streamed_to_a_pipe_is_the_hit_written_to_a_file(seed_index, tmp_path):
    for fmt in ("jsonl", "csv"):
        args = [sys.executable, "-m", "icpolicy", "search", "发展", "-a", "-f", fmt, "--index", str(seed_index)]
        piped = subprocess.run(args, capture_output=True, env=env_for(tmp_path), cwd=tmp_path, timeout=120)
        done = subprocess.run(args + ["-o", str(tmp_path / f"hits.{fmt}")], capture_output=True, env=env_for(tmp_path), cwd=tmp_path, timeout=120)
        assert piped.returncode == done.returncode == 0 and piped.stderr == b"", piped.stderr
        written = (tmp_path / f"hits.{fmt}").read_bytes()
        assert written == (b"\xef\xbb\xbf" if fmt == "csv" else b"") + piped.stdout
        assert len(piped.stdout.splitlines()) > 20


def test_targets_all_streams_the_rows_the_json_payload_holds(seed_index, tmp_path):
    """`targets --all -f jsonl|csv` writes each row as it is made (nothing counted first): the same rows, in the same
    order, as the json payload, and exit 1 when there is none."""
    import csv
    import io
    import json

    def run(*args):
        return subprocess.run([sys.executable, "-m", "icpolicy", "targets", *args, "--index", str(seed_index)], capture_output=True,
                              env=env_for(tmp_path), cwd=tmp_path, timeout=120)

    whole = run("--all", "-f", "json")
    rows = json.loads(whole.stdout)["targets"]
    assert whole.returncode == 0 and len(rows) > 5
    lines = run("--all", "-f", "jsonl")
    assert lines.returncode == 0 and lines.stderr == b"" and [json.loads(line) for line in lines.stdout.splitlines()] == rows
    table = run("--all", "-f", "csv")
    read = list(csv.DictReader(io.StringIO(table.stdout.decode("utf-8"))))
    assert table.returncode == 0 and [(r["doc_id"], r["passage"], r["metric"], r["text"]) for r in read] == \
        [(r["doc_id"], str(r["passage"]), r["metric"], r["text"]) for r in rows]
    none = run("没有这样的词语", "--all", "-f", "jsonl")
    assert none.returncode == 1 and none.stdout == b""


@pytest.mark.parametrize("command", [["targets", "亿元"], ["search", "集成电路"]])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_wrong_filter_stops_a_stream_before_its_first_line(seed_index, tmp_path, command, fmt):
    """A usage error (an unknown region, a year that is none) is one line on stderr and exit 2, with nothing on
    stdout: not a CSV header or a partial stream."""
    for wrong in (["--region", "没有这个地方"], ["--year", "20x5"]):
        done = subprocess.run([sys.executable, "-m", "icpolicy", *command, "--all", "-f", fmt, *wrong, "--index", str(seed_index)],
                              capture_output=True, env=env_for(tmp_path), cwd=tmp_path, timeout=120)
        assert done.returncode == 2 and done.stdout == b"" and done.stderr.count(b"\n") == 1, (wrong, done.stdout[:200], done.stderr)

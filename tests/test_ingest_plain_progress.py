"""Ingest progress: on a stderr that is no terminal a few plain lines (the count, each quarter, at least every few
seconds), never one per file, and nothing with -q; on a terminal the bar names what it reads before the first file
is done instead of "0/?"; the summary line stays last."""

from __future__ import annotations

import re

import pytest

from tests.clirun import icpolicy

FILES = 12


def _docs(home):
    docs = home / "docs"
    docs.mkdir()
    for k in range(FILES):
        (docs / f"通知{k:02d}.txt").write_text(f"关于第{k}批集成电路项目的通知\n支持集成电路企业开展先进封装测试，给予{k + 1}00万元补助。\n", encoding="utf-8")
    return docs


def test_piped_progress_is_a_few_plain_lines_and_the_summary_stays_last(tmp_path):
    docs = _docs(tmp_path)
    done = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert done.returncode == 0, done.err
    lines = done.err.splitlines()
    assert lines[0] == f"icpolicy: indexing {FILES} files ({lines[0].split('(')[1]}", lines
    assert re.fullmatch(rf"icpolicy: indexed {FILES} files \(\d+ passages\), 0 skipped -> .*ix", lines[-1]), lines  # as it was: scripts parse it
    counts = [int(m.group(1)) for line in lines[1:-1] if (m := re.fullmatch(rf"icpolicy: (\d+)/{FILES} files \(.* of .*\)", line))]
    assert len(counts) == len(lines) - 2, lines  # nothing else between
    assert {3, 6, 9} <= set(counts) and counts == sorted(counts), lines  # each quarter of the files
    assert not any("通知" in line for line in lines), lines  # no file names: no line per file


def test_quiet_ingest_says_nothing(tmp_path):
    docs = _docs(tmp_path)
    done = icpolicy("-q", "ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert done.returncode == 0 and done.err == "", done.err


def test_a_re_ingest_with_nothing_to_read_prints_the_summary_alone(tmp_path):
    docs = _docs(tmp_path)
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path).returncode == 0
    again = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert again.returncode == 0 and again.err.splitlines() == [f"icpolicy: indexed 0 files (0 passages), {FILES} unchanged, 0 skipped -> {tmp_path / 'ix'}"]


def test_a_few_files_read_in_a_moment_get_the_summary_alone():
    from icpolicy.cli.progress import MARK_FILES, PlainProgress
    from icpolicy.pipeline.ingest import Progress

    said = []
    plain = PlainProgress(said.append, clock=lambda: 0.0)
    for done in range(1, MARK_FILES):
        plain(Progress(done, MARK_FILES - 1, done, MARK_FILES - 1, f"file{done}.txt"))
    assert said == []


def test_plain_lines_come_at_least_every_few_seconds():
    from icpolicy.cli.progress import PLAIN_SECONDS, PlainProgress
    from icpolicy.pipeline.ingest import Progress

    said, now = [], [0.0]
    plain = PlainProgress(said.append, clock=lambda: now[0])
    for done in range(1, 1001):  # a slow batch: one file a second; quarters at 250, 500 and 750
        now[0] = float(done)
        plain(Progress(done, 1000, done * 10, 10_000, f"file{done}.txt"))
    at = [int(line.split()[1].split("/")[0]) for line in said[1:]]
    assert said[0] == "icpolicy: indexing 1000 files (10 KB)" and at[:2] == [1 + PLAIN_SECONDS, 1 + 2 * PLAIN_SECONDS], said[:3]
    assert all(b - a <= PLAIN_SECONDS for a, b in zip(at, at[1:])) and {250, 500, 750} <= set(at)


def test_the_terminal_bar_names_what_it_reads_before_the_first_file(tmp_path):
    pytest.importorskip("pty")
    from tests.clirun import on_terminal

    docs = _docs(tmp_path)
    seen = on_terminal("ingest", docs, "--index", tmp_path / "ix", home=tmp_path, stream="stderr", columns=400, TERM="xterm")  # (wide: a long tmp path is cut to fit)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen)
    assert f"looking through {docs}…" in plain and "0/?" not in plain, plain[-800:]


def test_the_count_line_names_the_byte_copies_the_summary_counts(tmp_path):
    """h-user35: `indexing 15 files` then `indexed 10 files, 6 skipped` (a 0-byte .txt and a 0-byte .pdf are one content,
    read once but counted twice). The count line says so; the copies are the summary's duplicates or skips."""
    docs = _docs(tmp_path)
    (docs / "空白.txt").write_bytes(b"")
    (docs / "空白.pdf").write_bytes(b"")
    (docs / "副本.txt").write_bytes((docs / "通知00.txt").read_bytes())
    done = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert done.returncode == 1, done.err  # files were skipped
    lines = done.err.splitlines()
    assert re.fullmatch(rf"icpolicy: indexing {FILES + 1} files \(.*\) and 2 identical copies of them", lines[0]), lines
    summary = next(line for line in lines if line.startswith("icpolicy: indexed"))
    indexed, duplicates, skipped = map(int, re.search(r"indexed (\d+) files .*?(\d+) duplicates, (\d+) skipped", summary).groups())
    assert indexed + duplicates + skipped == FILES + 3, lines

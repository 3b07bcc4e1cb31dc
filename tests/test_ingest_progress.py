"""The ingest progress line fits the terminal: a long file name (ideographs take two cells) is cut to what
the bar, counts, bytes, speed and time left leave, never squeezing them out."""

from __future__ import annotations

import re

import pytest

from tests.clirun import on_terminal

pytest.importorskip("pty")  # POSIX terminals


def test_progress_line_keeps_every_column_at_100_columns(tmp_path):
    from rich.cells import cell_len

    docs = tmp_path / "docs"
    docs.mkdir()
    body = lambda n: "".join(f"第{k}条 {n}号文 支持集成电路企业开展先进封装测试，对符合条件的项目给予补助。\n" for k in range(1500))
    for k in range(30):  # long names of ideographs: 2 cells each
        (docs / f"江苏省苏州市关于加快推进集成电路产业高质量发展的若干政策措施实施细则第{k:02d}号.txt").write_text(body(k), encoding="utf-8")
    seen = on_terminal("ingest", "--index", tmp_path / "index", docs, home=tmp_path, stream="stderr", columns=100, TERM="xterm", timeout=300)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", seen)
    bars = [line for line in re.split(r"[\r\n]", plain) if "files" in line and "indexing" in line]
    named = [line for line in bars if "江苏省" in line]  # the current file is named...
    assert named, seen[-500:]
    for line in named:  # ...cut to what the line leaves it, never squeezing the bar, the bytes or the time left out
        assert cell_len(line) <= 100 and "━" in line and "MB" in line and re.search(r"\d:\d\d:\d\d|-:--:--", line), line

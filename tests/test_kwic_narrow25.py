"""kwic on a narrow terminal: the match and some context on its right always show (at 80 columns the 40 columns of
left context and the label took the whole line, so `第三代半导体` came out as `第三代半` and nothing after it)."""

from __future__ import annotations

import re

import pytest
from wcwidth import wcswidth

from .clirun import on_terminal

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.mark.parametrize("columns", [30, 50, 80, 100])
def test_kwic_keeps_the_match_whole_on_a_narrow_terminal(seed_index, tmp_path, columns):
    pytest.importorskip("pty")
    out = on_terminal("search", "先进封装", "-a", "-f", "kwic", "--color", "never", "--index", seed_index,
                      home=tmp_path, columns=columns, TERM="xterm-256color")
    lines = [ANSI.sub("", line) for line in out.replace("\r", "").splitlines() if "#" in line and "]" in line]
    assert len(lines) >= 10
    starts = set()
    for line in lines:
        assert wcswidth(line) <= columns, line
        at = line.index("先进封装", line.index("]") + 1)
        starts.add(wcswidth(line[:at]))
        after = line[at + len("先进封装"):]
        assert after.strip() or line.rstrip().endswith("先进封装"), line  # some right context, unless the text ends there
    assert len(starts) == 1, starts  # the matches still line up


def test_kwic_on_a_terminal_too_narrow_for_the_label_keeps_the_id_and_the_match(seed_index, tmp_path):
    """h-user36: at 50 columns a long label (place, years, id) pushed every match off the line; the label is then the
    id alone (what `show` needs), and the place and years come back on a wider terminal."""
    pytest.importorskip("pty")
    out = on_terminal("search", "先进封装", "-a", "-f", "kwic", "--color", "never", "--index", seed_index,
                      home=tmp_path, columns=40, TERM="xterm-256color")
    lines = [ANSI.sub("", line) for line in out.replace("\r", "").splitlines() if "#" in line and "]" in line]
    assert lines and all(line.startswith("[") and "先进封装" in line for line in lines), lines

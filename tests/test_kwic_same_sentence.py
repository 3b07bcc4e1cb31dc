"""`search --same-sentence -f kwic`: a line for each match in a sentence that satisfies the query, with context
from that sentence only; a match in another sentence of the passage (which alone would not be a hit) is no line."""

from __future__ import annotations

import pytest

from tests.clirun import icpolicy

TEXT = """昆山市集成电路产业工作要点
集成电路人才引育很重要。先进封装是关键环节，推动集成电路封装测试向高端发展。集成电路设计企业加快成长。
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("kwic-sentence")
    docs = home / "docs"
    docs.mkdir()
    (docs / "要点.txt").write_text(TEXT, encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", home / "ix", home=home)
    assert done.returncode == 0, done.err
    return home


def _kwic(home, *query):
    done = icpolicy("search", *query, "-f", "kwic", "--index", home / "ix", home=home, COLUMNS="200")
    assert done.returncode == 0, done.err
    return done.out.splitlines()


@pytest.mark.parametrize("option", [("--same-sentence",), ("--scope", "sentence")])
def test_same_sentence_lines_come_from_the_satisfying_sentence_only(home, option):
    lines = _kwic(home, "集成电路", "封装", *option)
    # the second sentence holds 封装, then 集成电路封装 (one highlight); the first and third hold 集成电路 without 封装
    assert len(lines) == 2, lines
    assert all("人才引育" not in line and "设计企业" not in line for line in lines), lines
    assert all("先进封装是关键环节" in line or "封装测试向高端发展" in line for line in lines), lines


def test_same_sentence_with_not_shows_the_sentences_without_the_word(home):
    lines = [line for line in _kwic(home, "集成电路", "-封装", "--same-sentence") if "#1]" in line]  # (#0 is the title)
    assert len(lines) == 2 and "人才引育很重要" in lines[0] and "设计企业加快成长" in lines[1], lines
    assert all("封装" not in line for line in lines), lines


def test_passage_scope_keeps_every_match_of_the_passage(home):
    lines = _kwic(home, "集成电路", "封装")  # 集成电路, 封装, 集成电路封装 (one highlight), 集成电路
    assert len(lines) == 4 and "人才引育" in lines[0] and "设计企业" in lines[-1], lines

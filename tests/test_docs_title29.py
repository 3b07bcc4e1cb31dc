"""`docs --title` matches each word as written (session 29, h-user29).

`--title 第5号` matched …（第15号）, …（第95号）, …（第150号） too: each jieba word of the value (第, 5, 号) was looked for
anywhere in the title, so in a folder of numbered notices most titles matched and the one asked for came far down.
Now each word of the value (words apart by spaces, in any order, quotes aside) must be in the title as written, as
`search` and `--number` match.  Through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import cli, ingest_docs

_NUMBERS = (5, 15, 95, 150)


@pytest.fixture
def numbered(tmp_path):
    return ingest_docs(tmp_path, {f"n{n}.txt": f"南通市关于推进集成电路项目建设的通知（第{n}号）\n\n一、推进先进封装项目建设，年内新开工项目{n}个。\n"
                                  for n in _NUMBERS})


def _titles(index, *args):
    done = cli("docs", *args, "--index", index, "-f", "csv")
    return [line.split(",")[1].strip('"') for line in done.stdout.splitlines()[1:]]


@pytest.mark.parametrize("value", ["第5号", "“第5号”", "第5号 集成电路", "集成电路 第5号"])
def test_a_number_in_a_title_is_that_number(numbered, value):
    assert _titles(numbered, "--title", value) == ["南通市关于推进集成电路项目建设的通知（第5号）"]


def test_words_apart_match_in_any_order(numbered):
    assert len(_titles(numbered, "--title", "通知 南通市")) == len(_NUMBERS)
    assert _titles(numbered, "--title", "第15号") == ["南通市关于推进集成电路项目建设的通知（第15号）"]
    assert sorted(_titles(numbered, "--title", "第15")) == ["南通市关于推进集成电路项目建设的通知（第150号）",
                                                          "南通市关于推进集成电路项目建设的通知（第15号）"]
    assert cli("docs", "--title", "第7号", "--index", numbered).returncode == 1

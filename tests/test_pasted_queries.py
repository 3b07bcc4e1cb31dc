"""Text pasted from a document into a query, with its brackets and quote marks, is found as written (session 21:
a helper's 3,050 queries against an oracle; pasted brackets and quotes split the text into an AND of its parts)."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy

DOCS = {
    "a.txt": "关于支持芯片产业的通知\n\n支持集成电路（IC）设计企业首轮流片。打造中国“芯”品牌。\n",
    "b.txt": "关于设计服务的通知\n\n支持集成电路设计企业开展IC验证。\n",
    "c.txt": "关于规划的说明\n\n本规划期为2024-2026年，重点发展先进封装。\n",
}


@pytest.fixture(scope="module")
def pasted(tmp_path_factory):
    home = tmp_path_factory.mktemp("pasted")
    docs = home / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", home / "ix", "-j", "1", home=home).returncode == 0
    return home


def _hits(home, query):
    proc = icpolicy("search", query, "-a", "-f", "json", "--index", home / "ix", home=home)
    assert proc.returncode in (0, 1), proc.err
    return json.loads(proc.out)["hits"]


@pytest.mark.parametrize("query, marked", [("集成电路（IC）", "集成电路（IC）"), ("中国“芯”", "中国“芯”"), ("＂中国“芯”品牌＂", "中国“芯”品牌")])
def test_pasted_text_finds_the_passage_that_holds_it_and_highlights_it_whole(pasted, query, marked):
    hits = _hits(pasted, query)
    assert [h["source"].rsplit("/", 1)[-1] for h in hits] == ["a.txt"]
    start, end = hits[0]["highlights"][0]
    assert hits[0]["text"][start:end] == marked


def test_pasted_text_that_no_passage_holds_finds_nothing(pasted):
    # 集成电路 and IC apart (b.txt), 规划 and 2024-2026年 apart (c.txt): not what was pasted
    assert _hits(pasted, "规划（2024–2026年）") == []
    assert sorted(h["source"].rsplit("/", 1)[-1] for h in _hits(pasted, "集成电路 IC")) == ["a.txt", "b.txt"]  # typed apart: AND

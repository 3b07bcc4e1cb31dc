"""同句 with NOT: some sentence satisfies the whole query on its own, its NOT too (session 21: a passage with the
excluded word in one sentence was dropped though another sentence held the term without it), on both backends."""

from __future__ import annotations

import json

import pytest

from tests.clirun import backend_env, icpolicy as run_cli


@pytest.mark.parametrize("backend", ["tantivy", "chdb"])
def test_not_holds_per_sentence_in_sentence_scope(tmp_path, backend):
    chosen = backend_env(backend, tmp_path / "ch")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于芯片的通知\n\n全市集成电路企业达到120家。产业规模突破500亿元。\n", encoding="utf-8")
    (docs / "b.txt").write_text("关于设计的通知\n\n集成电路产业营收增长。\n", encoding="utf-8")

    def search(*args):
        proc = run_cli("search", *args, "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path, **chosen)
        assert proc.returncode in (0, 1), proc.err
        return [h["text"] for h in json.loads(proc.out)["hits"]]

    assert run_cli("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path, **chosen).returncode == 0
    assert search("集成电路 -产业", "--same-sentence") == ["全市集成电路企业达到120家。产业规模突破500亿元。"]
    assert search("集成电路 -产业") == []  # passage scope: the passage holds 产业
    assert search("集成电路 产业", "--same-sentence") == ["集成电路产业营收增长。"]

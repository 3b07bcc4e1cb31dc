"""A term that runs from one passage into the next by more characters than the index stores of the next
(TAIL) is found, highlighted and named in `matched` like a shorter one, and --fuzzy and --expand find it too."""

from __future__ import annotations

import json

import pytest

from icpolicy.text.normalize import TAIL
from tests.clirun import backend_env, icpolicy as run_cli

FIRST = "关于促进外向型经济发展的实施意见\n（一）大力发展服务贸易\n"
SECOND = "1.扩大数字服务出口。建立重点国别数字服务市场准入对比清单，深化企业对重点市场规则的研究，提升合规水平。\n"


@pytest.mark.parametrize("backend", ["tantivy", "chdb"])
def test_a_term_running_on_past_the_stored_tail_is_highlighted(tmp_path, backend):
    chosen = backend_env(backend, tmp_path / "ch")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(FIRST + SECOND + "二、其他事项\n", encoding="utf-8")

    def icpolicy(*args, home):
        return run_cli(*args, home=home, **chosen)

    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    run_on = SECOND.split("，提升")[0]  # well past TAIL characters of the next passage
    assert len(run_on) > TAIL + 2
    for extra in ([], ["--fuzzy"], ["--expand"]):
        out = icpolicy("search", "服务贸易" + run_on, "--all", "-f", "jsonl", "--index", tmp_path / "ix", *extra, home=tmp_path)
        assert out.returncode == 0, (extra, out.err)
        hits = [json.loads(line) for line in out.out.splitlines()]
        assert len(hits) == 1, extra
        hit = hits[0]
        assert hit["text"].endswith("服务贸易") and hit["matched"], extra
        start, end = hit["highlights"][0]
        assert hit["text"][start:end] == "服务贸易", extra
    kwic = icpolicy("search", "服务贸易" + run_on, "-f", "kwic", "--index", tmp_path / "ix", home=tmp_path)
    assert kwic.returncode == 0 and "服务贸易" in kwic.out
    # one character more than the document has is no match
    assert icpolicy("search", "服务贸易" + run_on + "错", "--index", tmp_path / "ix", home=tmp_path).returncode == 1

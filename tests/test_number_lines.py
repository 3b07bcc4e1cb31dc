"""Lines of numbers (a table pasted as text, one figure a line) stay apart: joined, they would read as a number
the text does not hold (112.10 and 135.5 as 112.10135.5); a search still finds text across the break."""

from __future__ import annotations

import json

from tests.clirun import icpolicy


def _texts(tmp_path, term):
    proc = icpolicy("search", term, "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, term
    return [h["text"] for h in json.loads(proc.out)["hits"]]


def test_figures_on_lines_of_their_own_are_not_glued(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "t.txt").write_text("某市2025年软件产业统计\n\n软件业务收入（亿元）\n86.40\n97.5\n", encoding="utf-8")
    (docs / "u.txt").write_text("某区企业登记抽查\n\n登记编号\n330106199001011234\n2025-06-30\n", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path).returncode == 0
    for term, glued in (("86.40", "86.4097.5"), ("97.5", "86.4097.5"), ("330106199001011234", "12342025"), ("2025-06-30", "12342025")):
        texts = _texts(tmp_path, term)
        assert texts and not any(glued in t for t in texts), (term, texts)

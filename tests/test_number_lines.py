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


def test_a_number_a_wrap_cut_in_two_is_joined_whole(tmp_path):
    # hard-wrapped text cuts a number at the line's end (突破15 / 00亿元): joined whole, as before
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = ["某市数字经济发展三年行动计划", "",
             "到2027年，全市数字经济核心产业营业收入突破15",
             "00亿元，培育国家级专精特新企业二十家，建成公共服务平台八个。到20",
             "28年，基本建成数字经济创新发展高地，形成一批具有全国影响力的产业集群和",
             "应用场景，带动全市制造业数字化转型取得明显成效，各项指标位居全省前列。"]
    (docs / "w.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path).returncode == 0
    texts = _texts(tmp_path, "1500亿元")
    assert any("突破1500亿元" in t for t in texts), texts

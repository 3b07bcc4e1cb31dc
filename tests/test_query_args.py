"""Query words on the command line: -光伏 anywhere, no-term queries, Chinese quotes, --year lists, nesting."""

from __future__ import annotations

import json

import pytest

from icpolicy.engine import query as ql
from icpolicy.errors import QueryError
from tests.clirun import icpolicy


def _total(seed_index, home, *args) -> int:
    proc = icpolicy("search", *args, "-f", "json", "--index", seed_index, home=home)
    assert proc.returncode in (0, 1), proc.err
    return json.loads(proc.out)["total"]


def test_minus_word_excludes_wherever_it_stands_after_the_first_word(seed_index, tmp_path):
    everything = _total(seed_index, tmp_path, "集成电路")
    without = _total(seed_index, tmp_path, "集成电路", "-封装")
    assert 0 < without < everything
    assert _total(seed_index, tmp_path, "集成电路", "NOT", "封装") == without
    assert _total(seed_index, tmp_path, "集成电路", "-n", "3", "-封装", "--sort", "year") == without  # among options
    assert _total(seed_index, tmp_path, "-封装", "集成电路") == without
    proc = icpolicy("search", "集成电路", "-封装", "-f", "json", "--index", seed_index, home=tmp_path)
    assert json.loads(proc.out)["query"] == "集成电路 -封装"  # given back as typed
    for command in (["stats"], ["trend"]):
        proc = icpolicy(*command, "集成电路", "-封装", "-f", "json", "--index", seed_index, home=tmp_path)
        assert proc.returncode == 0, proc.err
    # an ASCII word that starts with a dash goes after --
    proc = icpolicy("search", "-f", "json", "--index", seed_index, "集成电路", "--", "-GaN", home=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.out)["query"] == "集成电路 -GaN"


@pytest.mark.parametrize("words, why", [(["NOT", "封装"], "only excludes"), (["--", "-封装"], "only excludes"), (["-封装", "-风电"], "only excludes"),
                                        ([""], "empty"), (["region:江苏"], "only filters")])
def test_a_query_with_nothing_to_find_is_a_usage_error(seed_index, tmp_path, words, why):
    proc = icpolicy("search", "--index", seed_index, *words, home=tmp_path)
    assert proc.returncode == 2 and why in proc.err and proc.out == ""
    assert "Traceback" not in proc.err


def test_stats_without_a_query_still_counts_what_the_filters_select(seed_index, tmp_path):
    assert icpolicy("stats", "--region", "江苏", "--index", seed_index, home=tmp_path).returncode == 0
    assert icpolicy("stats", "NOT", "封装", "--index", seed_index, home=tmp_path).returncode == 2


@pytest.mark.parametrize("quoted", ["“集成电路 产业”", "「集成电路 产业」", "『集成电路 产业』", '"集成电路 产业"'])
def test_chinese_quotation_marks_make_a_phrase(seed_index, tmp_path, quoted):
    phrase = _total(seed_index, tmp_path, quoted)
    loose = _total(seed_index, tmp_path, "集成电路", "产业")
    assert 0 < phrase < loose
    assert phrase == _total(seed_index, tmp_path, "集成电路产业")


def test_year_with_two_years_is_an_error_not_the_first_year(seed_index, tmp_path):
    proc = icpolicy("search", "集成电路", "--year", "2024 2025", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 2 and "2024-2025" in proc.err
    assert _total(seed_index, tmp_path, "集成电路", "--year", "2024-2025") > 0


def test_deep_nesting_is_refused_with_the_limit(seed_index, tmp_path):
    deep = "(" * 330 + "集成电路" + ")" * 330
    proc = icpolicy("search", deep, "--index", seed_index, home=tmp_path)
    assert proc.returncode == 2 and f"at most {ql.MAX_DEPTH}" in proc.err and "RecursionError" not in proc.err
    proc = icpolicy("search", "NOT " * 400 + "光伏 集成电路", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 2 and "nested too deeply" in proc.err
    ok = "(" * ql.MAX_DEPTH + "集成电路" + ")" * ql.MAX_DEPTH
    assert _total(seed_index, tmp_path, ok) == _total(seed_index, tmp_path, "集成电路")


def test_parser_names_the_missing_term():
    with pytest.raises(QueryError, match="only excludes"):
        ql.require_term(ql.parse("-光伏 NOT 风电"), "-光伏 NOT 风电")
    ql.require_term(ql.parse("集成电路 -封装"), "集成电路 -封装")
    assert ql.parse("「先进 封装」").positive_terms()[0].phrase


def test_global_options_may_follow_the_command_as_in_grep(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于支持标记甲集成电路产业发展的若干措施\n支持企业建设晶圆生产线。\n", encoding="utf-8")
    (docs / "b.xlsx").write_bytes(b"not a document")  # named below, so skipped with a warning line
    loud = icpolicy("ingest", docs / "a.txt", docs / "b.xlsx", "--index", tmp_path / "ix", home=tmp_path)
    assert loud.returncode == 1 and "b.xlsx" in loud.err
    (tmp_path / "ix2").mkdir()
    quiet = icpolicy("ingest", docs / "a.txt", docs / "b.xlsx", "--index", tmp_path / "ix2", "-q", home=tmp_path)
    assert quiet.returncode == 1 and "indexed" not in quiet.err, quiet.err
    found = icpolicy("search", "标记甲", "--index", tmp_path / "ix", "-q", "-f", "json", home=tmp_path)
    assert found.returncode == 0 and json.loads(found.out)["total"] == 1
    # after --, a -q is a query word (an exclusion), not an option
    literal = icpolicy("search", "--index", tmp_path / "ix", "标记甲", "--", "-q", "-f", home=tmp_path)
    assert literal.returncode in (0, 1) and "No such option" not in literal.err

"""A match that runs from a passage into the next (found through the passage's tail) shows whole in the concordance
(h-user40 D3): `-f kwic` printed `…一、发展集成电路` for 电路产业, the match cut at the passage's end and no context on its
right.  Its line now carries on into the next passage's text; a match that merely ends where its passage ends keeps
its own passage's text.  A plan in our own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli

PLAN = """某区集成电路行动计划

一、发展集成电路

产业营收突破800亿元，培育龙头企业5家。
"""


def _lines(index, *query):
    done = cli("search", *query, "--index", str(index), "-f", "kwic")
    assert done.returncode == 0, done.stderr
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def test_a_match_across_the_passage_break_shows_whole_with_its_right_context(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "plan.txt"), "--index", str(index)).returncode == 0
    across = _lines(index, "电路产业")
    assert len(across) == 1 and across[0].endswith("一、发展集成电路产业营收突破800亿元，培育龙头企业5家。")
    inside = _lines(index, "发展集成电路")
    assert len(inside) == 1 and inside[0].endswith("一、发展集成电路")  # ends with its passage: nothing of the next


def test_a_match_that_ends_with_its_passage_before_one_opening_the_next_stays_whole_and_apart(tmp_path):
    """(h-review40) A heading ending on the term over a paragraph opening with it (一、集成电路 / 集成电路产业…): the two
    occurrences touch across the break, and were taken for one match running on, 集成电路集成电路; each stays its own."""
    (tmp_path / "plan.txt").write_text("深圳市2025年产业发展情况\n\n一、集成电路\n\n集成电路产业营收达到2000亿元，同比增长18%。\n", encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "plan.txt"), "--index", str(index)).returncode == 0
    lines = _lines(index, "集成电路")
    heading = [line for line in lines if "#1]" in line]
    assert len(heading) == 1 and heading[0].endswith("一、集成电路")

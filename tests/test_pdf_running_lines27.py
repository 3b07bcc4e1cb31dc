"""A PDF whose pages each open with a body line of the same shape is not stripped of it (session 27, h-formats27 F4).

A table of monthly figures over three pages (`2022年4月，全市…产量74.6亿块，同比增长17.3%。`) opens each page with a
row that, digits aside, reads like the rows opening the other pages, at the same height: it was dropped as a
running head, silently, so the row could not be found.  Running heads and feet are names, titles and dates; a line
holding a clause mark (，。；) is body text now.  The real running head above the rows still goes.  A real PDF
written for this test (reportlab), read and searched through the CLI."""

from __future__ import annotations

from tests.conftest import cli, jsonl, make_pdf

HEAD = "某某市统计月报"


def _row(month: int) -> str:
    return f"2022年{month}月，全市功率器件产量{30 + month}.{month}亿只，同比增长{10 + month}.{month}%。"


def test_rows_opening_each_page_stay_and_the_running_head_goes(tmp_path):
    pages = [[HEAD, "全市功率器件月度产量"] + [_row(m) for m in range(1, 5)], [HEAD] + [_row(m) for m in range(5, 9)],
             [HEAD] + [_row(m) for m in range(9, 13)]]
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "monthly.pdf", pages)
    done = cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    for month in range(1, 13):
        hits = jsonl("search", f'"{_row(month)}"', "--index", tmp_path / "ix")
        assert len(hits) == 1, month
    assert cli("search", HEAD, "--index", tmp_path / "ix").returncode == 1  # found nowhere

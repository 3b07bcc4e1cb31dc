"""Analyst views, session 44 (h-views44), on documents in our own words, through the CLI.

- `targets`: a figure written with 千 before its magnitude (`1.2千亿元`, `5千万元`) had no row; it is read in the
  magnitude's unit (1200 亿元, 5000 万元), so it compares with the same figure written the usual way. A doubling
  (`产值翻一番`, `翻两番`) had no row either: comparator 翻番, value 1 or 2, unit 番 (never `经过一番努力`).
- `-y 2024 2025` unquoted gives the option 2024 and the query the word 2025: the search ran silently for passages
  holding `2025`; a note on stderr says so and gives the range that means both years.
"""

from __future__ import annotations

import pytest

from tests.conftest import cli, ingest_docs, jsonl

REPORT = """2025年泰州市政府工作报告

各位代表：

到2027年，全市集成电路产业产值突破1.2千亿元，今年安排半导体技改专项资金5千万元。

到2027年，第三代半导体产业产值翻一番，智能传感器产业规模力争翻两番。

经过一番努力，园区环境明显改善。
"""

LAST_YEAR = """2024年泰州市政府工作报告

各位代表：

今年，全市集成电路产业产值力争达到900亿元。
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return ingest_docs(tmp_path_factory.mktemp("views44"), {"REPORT.txt": REPORT, "LAST_YEAR.txt": LAST_YEAR})


def _rows(index) -> list[tuple]:
    return [(r["year"], r["metric"], r["comparator"], r["value"], r["unit"])
            for r in jsonl("targets", "产值 OR 规模 OR 资金 OR 努力", "--all", "--index", index)]


def test_a_figure_with_qian_before_its_magnitude_is_read_in_that_unit(index):
    rows = _rows(index)
    assert (2027, "集成电路产业产值", "突破", 1200, "亿元") in rows
    assert any(r[3:] == (5000, "万元") for r in rows), rows


def test_a_doubling_is_a_target_in_fan(index):
    rows = _rows(index)
    assert (2027, "第三代半导体产业产值", "翻番", 1, "番") in rows
    assert (2027, "智能传感器产业规模", "翻番", 2, "番") in rows
    assert not any("努力" in r[1] for r in rows)


def test_a_year_left_outside_year_option_is_said(index):
    done = cli("search", "集成电路", "-y", "2024", "2025", "--index", index)
    assert done.returncode == 1 and "2025 is searched as a word of the query" in done.stderr
    assert "--year 2024-2025" in done.stderr
    both = cli("search", "集成电路", "-y", "2024-2025", "--index", index)
    assert both.returncode == 0 and "searched as a word" not in both.stderr
    assert "searched as a word" not in cli("-q", "search", "集成电路", "-y", "2024", "2025", "--index", index).stderr
    ranged = cli("search", "集成电路", "-y", "2020-2022", "2025", "--index", index)  # (no 2020-2022-2025 suggested)
    assert "searched as a word" in ranged.stderr and "2022-2025" not in ranged.stderr

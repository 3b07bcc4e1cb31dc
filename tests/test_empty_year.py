"""--year "" (a script's unset variable) is a usage error on every command that filters, as --type "" and
--region "" are: not a search of every year that exits 0."""

from __future__ import annotations

import pytest

from tests.clirun import icpolicy


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    home = tmp_path_factory.mktemp("empty_year")
    docs = home / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("南京市2025年集成电路工作方案\n到2025年，集成电路产业规模达到1500亿元。\n", encoding="utf-8")
    (docs / "b.txt").write_text("苏州市2024年集成电路工作方案\n到2024年，集成电路产业规模达到1200亿元。\n", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", home / "ix", "-j", "1", home=home).returncode == 0
    return home


@pytest.mark.parametrize("command", [["search", "集成电路"], ["stats", "集成电路"], ["trend", "集成电路"], ["docs"],
                                     ["targets", "集成电路"], ["compare", "集成电路", "-r", "南京", "-r", "苏州"]])
def test_an_empty_year_is_a_usage_error(index, command):
    proc = icpolicy(*command, "--year", "", "--index", index / "ix", "-f", "csv", home=index)
    assert proc.returncode == 2 and proc.out == ""
    assert proc.err.strip().startswith("icpolicy: --year '' is empty") and "\n" not in proc.err.strip()
    assert icpolicy(*command, "--year", "2025", "--index", index / "ix", "-f", "csv", home=index).returncode == 0

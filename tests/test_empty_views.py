"""A view with nothing to show prints no empty table: one line on stderr says nothing matched and what to try, the
exit code is 1 (as search's with no hits), -q leaves stderr empty, and json keeps its shape for scripts."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy

REPORT = """{year}年昆山市政府工作报告
——{year}年1月在昆山市第十七届人民代表大会第{n}次会议上
昆山市人民政府市长 周伟
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
过去一年，全市地区生产总值达到{gdp}亿元，同比增长{growth}%。集成电路产业营业收入突破{ic}亿元。
今年主要目标是：地区生产总值增长5%左右。
"""

ABSENT = "量子霸权"
VIEWS = [
    ("stats", ABSENT),
    ("trend", ABSENT),
    ("trend", ABSENT, "-y", "2020-2022"),
    ("compare", ABSENT, "-r", "江苏", "-r", "上海"),
    ("targets", ABSENT),
    ("docs", ABSENT),
    ("docs", "--issuer", "不存在的机关"),
    ("changes", ABSENT, "--region", "昆山", "--from", "2023", "--to", "2024"),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("empty-views")
    docs = home / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(REPORT.format(year=2023, n="三", gdp=5006, growth=2.2, ic=1000), encoding="utf-8")
    (docs / "b.txt").write_text(REPORT.format(year=2024, n="四", gdp=5140, growth=5.8, ic=1200), encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", home / "ix", home=home)
    assert done.returncode == 0, done.err
    return home


@pytest.mark.parametrize("args", VIEWS, ids=lambda args: " ".join(args[:1] + args[2:3]))
def test_nothing_matched_is_one_line_on_stderr_not_an_empty_table(home, args):
    done = icpolicy(*args, "--index", home / "ix", home=home)
    assert done.returncode == 1 and done.out == "", done.out
    lines = done.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("icpolicy: nothing matched ") and "; " in lines[0], done.err
    assert (ABSENT if ABSENT in args else "不存在的机关") in lines[0]
    quiet = icpolicy("-q", *args, "--index", home / "ix", home=home)
    assert quiet.returncode == 1 and quiet.out == "" and quiet.err == ""


def test_an_output_file_holds_no_earlier_table(home):
    earlier = home / "stats.txt"
    earlier.write_text("an earlier run's table\n", encoding="utf-8")
    done = icpolicy("stats", ABSENT, "-o", earlier, "--index", home / "ix", home=home)
    assert done.returncode == 1 and "nothing matched" in done.err and earlier.read_text(encoding="utf-8") == ""


def test_json_keeps_its_shape(home):
    done = icpolicy("docs", ABSENT, "-f", "json", "--index", home / "ix", home=home)
    assert done.returncode == 1 and done.err == "" and json.loads(done.out)["documents"] == []


def test_changes_between_documents_that_agree_says_nothing_changed(home):
    done = icpolicy("changes", "目标", "--region", "昆山", "--from", "2023", "--to", "2024", "--index", home / "ix", home=home)
    assert done.returncode == 1 and done.out == "", done.out
    assert done.err.startswith("icpolicy: nothing changed in 昆山市 政府工作报告 of 2023 [") and "1 sentence with 目标 kept" in done.err, done.err
    assert len(done.err.splitlines()) == 1

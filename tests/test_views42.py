"""Analyst views, session 42 (h-views42), on documents in our own words, through the CLI.

- `changes` on the ClickHouse backend pairs what it pairs on the index folder: there, the quantities of a sentence
  (which decide whether a target moved) were extracted without their document's type and part, so a sentence whose
  target moved (达到2000亿元 → 力争2300亿元) came out removed and added instead of changed.
- The Python API refuses what the CLI refuses (exit 2 there, UsageError here): a kind that is not target or reported
  (was an empty answer), a limit below 1 (was every row), reversed years for changes (was run backwards), an empty
  title, issuer or number (was every document); and targets and documents give the dict -f json prints, modes included.
- A figure's bound and range reach `changes`: `moved`, `dropped` and `new` carry `high` and `bound` (and the old side's
  `from_high`, `from_bound`) as the targets view does, their words show them (≥150亿元, 20–25%), and one amount with
  another bound (增长5%以上 → 增长5%左右) is a moved target; `左右` after a figure is its bound (≈), not lost.
- A work report's byline naming the office after its place (`宿迁市市长　陈明`, `广东省省长　…`) gives its issuer, the
  government it speaks for (宿迁市人民政府), as `市长　陈明` alone did: `docs --issuer 宿迁` found none of them.
- `search 芯片 --year --index DIR`: --year took `--index` as its value; the per-user index was built from the seeds
  before the value was refused.  A bad --year is said first, exit 2, nothing built.
"""

from __future__ import annotations

import json
import os

import pytest

from icpolicy import open_index
from icpolicy.errors import UsageError
from tests.conftest import cli, ingest_docs

REPORT_2024 = """常熟市2024年政府工作报告

——2024年1月9日在常熟市第十七届人民代表大会第三次会议上

一、2023年工作回顾

过去一年，全市地区生产总值增长6%，新引进半导体项目12个。

二、2024年主要工作

全市集成电路产业营业收入达到500亿元。先进封装产能提升30%。加快建设高端装备产业园。
"""

REPORT_2025 = """常熟市2025年政府工作报告

——2025年1月8日在常熟市第十七届人民代表大会第四次会议上

一、2024年工作回顾

过去一年，全市地区生产总值增长5.8%，新引进半导体项目15个。

二、2025年主要工作

全市集成电路产业营业收入力争580亿元。先进封装产能实现翻番。第三代半导体产业规模达到80亿元。
"""


def _json(done):
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    for side in ("from", "to"):
        found[side].pop("source", None)
    return found


def test_changes_pairs_a_moved_target_alike_on_clickhouse(tmp_path):
    pytest.importorskip("chdb", reason="chdb is not installed (pip install -e '.[test,clickhouse]')")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "cs2024.txt").write_text(REPORT_2024, encoding="utf-8")
    (docs / "cs2025.txt").write_text(REPORT_2025, encoding="utf-8")
    spec = f"chdb:{tmp_path / 'ch'}"
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 0
    assert cli("--backend", spec, "ingest", docs).returncode == 0
    args = ["changes", "-r", "常熟", "--from", "2024", "--to", "2025", "-f", "json"]
    folder = _json(cli(*args, "--index", tmp_path / "ix"))
    moved = [c for c in folder["changed"] if "营业收入" in c["from"]["text"]]
    assert moved and moved[0]["to"]["text"].startswith("全市集成电路产业营业收入力争580亿元")
    assert _json(cli("--backend", spec, *args)) == folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return ingest_docs(tmp_path_factory.mktemp("views42"), {"cs2024.txt": REPORT_2024, "cs2025.txt": REPORT_2025})


@pytest.mark.parametrize("call", [
    lambda ix: ix.targets("集成电路", kind="goal"),
    lambda ix: ix.targets("集成电路", limit=0),
    lambda ix: ix.documents(limit=-1),
    lambda ix: ix.changes("常熟", 2025, 2024),
    lambda ix: ix.documents(title=""),
    lambda ix: ix.documents(issuer="  "),
])
def test_the_api_refuses_what_the_cli_refuses(reports, call):
    with open_index(reports) as ix, pytest.raises(UsageError):
        call(ix)


def test_the_api_gives_the_dict_json_prints(reports):
    with open_index(reports) as ix:
        targets, documents = ix.targets("集成电路"), ix.documents("集成电路")
    assert targets == json.loads(cli("targets", "集成电路", "--index", reports, "--all", "-f", "json").stdout)
    assert documents == json.loads(cli("docs", "集成电路", "--index", reports, "--all", "-f", "json").stdout)


PLAN_2024 = """宿迁市2024年政府工作报告

——2024年1月10日在宿迁市第八届人民代表大会第四次会议上

宿迁市市长　陈明

二、2024年主要工作

全市第三代半导体产业规模达到150亿元以上。数字经济核心产业增加值增长5%以上。
"""

PLAN_2025 = """宿迁市2025年政府工作报告

——2025年1月9日在宿迁市第八届人民代表大会第五次会议上

二、2025年主要工作

全市第三代半导体产业规模增长20%—25%。数字经济核心产业增加值增长5%左右。全市集成电路产业规模达到80亿元左右。
"""


@pytest.fixture(scope="module")
def bounded(tmp_path_factory):
    return ingest_docs(tmp_path_factory.mktemp("bounds42"), {"sq2024.txt": PLAN_2024, "sq2025.txt": PLAN_2025})


def test_changes_carry_bounds_and_ranges(bounded):
    found = json.loads(cli("changes", "-r", "宿迁", "--from", "2024", "--to", "2025", "--index", bounded, "-f", "json").stdout)
    changed = {c["to"]["text"][:10]: c for c in found["changed"]}
    third = changed["全市第三代半导体产业"]
    assert {"value": 150, "high": None, "bound": "超过"}.items() <= third["dropped"][0].items()
    assert {"value": 20, "high": 25, "bound": ""}.items() <= third["new"][0].items()
    digital = changed["数字经济核心产业增加"]["moved"][0]
    assert (digital["from"], digital["to"], digital["from_bound"], digital["bound"]) == (5, 5, "超过", "左右")
    table = cli("changes", "-r", "宿迁", "--from", "2024", "--to", "2025", "--index", bounded).stdout
    assert "≥150亿元" in table and "20–25%" in table and "≈5%" in table


def test_about_after_a_figure_is_its_bound(bounded):
    rows = json.loads(cli("targets", "集成电路", "--index", bounded, "-f", "json").stdout)["targets"]
    assert [(r["value"], r["unit"], r["comparator"], r["bound"]) for r in rows] == [(80, "亿元", "达到", "左右")]


def test_a_bad_year_is_said_before_any_index_is_built(tmp_path):
    import subprocess
    import sys

    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("ICPOLICY_INDEX", None)
    done = subprocess.run([sys.executable, "-m", "icpolicy", "search", "芯片", "--year", "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 2 and "--year: '--index' is not a year" in done.stderr, done.stderr
    assert not (home / "data").exists() and "seed" not in done.stderr


def test_a_byline_naming_the_office_after_its_place_gives_the_issuer(bounded):
    rows = json.loads(cli("docs", "--issuer", "宿迁市人民政府", "--index", bounded, "-f", "json").stdout)["documents"]
    assert [r["title"] for r in rows] == ["宿迁市2024年政府工作报告"]

"""Analyst views, session 42 (h-views42), on documents in our own words, through the CLI.

- `changes` on the ClickHouse backend pairs what it pairs on the index folder: there, the quantities of a sentence
  (which decide whether a target moved) were extracted without their document's type and part, so a sentence whose
  target moved (达到2000亿元 → 力争2300亿元) came out removed and added instead of changed.
- The Python API refuses what the CLI refuses (exit 2 there, UsageError here): a kind that is not target or reported
  (was an empty answer), a limit below 1 (was every row), reversed years for changes (was run backwards), an empty
  title, issuer or number (was every document); and targets and documents give the dict -f json prints, modes included.
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

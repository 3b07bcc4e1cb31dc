"""A plan's figures for a year of its own span before its last are its yearly targets (h-user40): `力争2026年碳化硅
衬底良率达到70%` in a 2025—2027 plan was `reported`, because 2026 lies before the plan's last year, the year its
uncued figures are for.  A year of the span after its first is a yearly target; the first year's figure (2025年，全市…
达到150亿元) may as well be the base's (2025年1—6月…, h-review40), so it stays as before: reported unless a cue says it
is a target.  A plan in our own words, through the CLI; stored at ingest and extracted at
query time alike."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli

PLAN = """常州市集成电路产业三年行动方案（2025—2027年）

一、发展基础

2024年，全市集成电路产业营收达到120亿元，功率器件企业集聚发展。

二、主要目标

2025年，全市集成电路产业营收达到150亿元。力争2026年碳化硅器件良率达到80%。到2027年，全市集成电路产业营收突破260亿元。

常州市人民政府
2025年3月10日
"""


@pytest.mark.parametrize("stored", [True, False])
def test_a_plans_yearly_figures_are_targets_and_its_base_year_reported(tmp_path, stored):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "plan.txt"), "--index", str(index)).returncode == 0
    if not stored:  # an index whose stored quantities are stale: the view extracts them at query time
        manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
        manifest["targets"] = "stale"
        (index / "icpolicy.json").write_text(json.dumps(manifest), encoding="utf-8")
    done = cli("targets", "营收 OR 良率", "--index", str(index), "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = {(row["year"], row["value"], row["unit"]): row["kind"] for row in map(json.loads, done.stdout.splitlines())}
    assert rows == {(2024, 120, "亿元"): "reported", (2025, 150, "亿元"): "reported", (2026, 80, "%"): "target", (2027, 260, "亿元"): "target"}

"""Attribution, thirteenth round: a district name several cities share, in a document whose opening names no city,
settled by the districts its body names beside it (their city holds one of the shared name's divisions).  The
documents in tests/fixtures/round13/ are written for this test.  Driven through the CLI: ingest, then docs -f json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "round13"


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    index = tmp_path_factory.mktemp("round13") / "index"
    subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", str(FIXTURES), "--index", str(index)], check=True)
    done = subprocess.run([sys.executable, "-m", "icpolicy", "docs", "--all", "-f", "json", "--index", str(index)],
                          capture_output=True, text=True, check=True)
    return {Path(d["source"]).name: d for d in json.loads(done.stdout)["documents"]}


@pytest.mark.parametrize("name, path", [
    ("xihu_district_report.txt", ["江西省", "南昌市", "西湖区"]),  # 青山湖区, 红谷滩区 beside it: 南昌, not 杭州
    ("chaoyang_district_plan.txt", ["吉林省", "长春市", "朝阳区"]),  # 南关区, 宽城区 beside it: 长春, not 北京
])
def test_a_shared_district_name_is_settled_by_the_districts_named_beside_it(documents, name, path):
    assert documents[name]["region_path"] == path, documents[name]

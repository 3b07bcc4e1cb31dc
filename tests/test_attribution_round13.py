"""Attribution, thirteenth round: a district name several cities share, in a document whose opening names no city,
settled by the districts its body names beside it (their city holds one of the shared name's divisions).  The
documents in tests/fixtures/round13/ are written for this test.  Driven through the CLI: ingest, then docs -f json."""

from __future__ import annotations

import pytest

from .fixture_cli import doc, index_fixture

index = index_fixture("round13")


@pytest.mark.parametrize("name, path", [
    ("xihu_district_report.txt", ["江西省", "南昌市", "西湖区"]),  # 青山湖区, 红谷滩区 beside it: 南昌, not 杭州
    ("chaoyang_district_plan.txt", ["吉林省", "长春市", "朝阳区"]),  # 南关区, 宽城区 beside it: 长春, not 北京
])
def test_a_shared_district_name_is_settled_by_the_districts_named_beside_it(index, name, path):
    found = doc(index, name)
    assert found["region_path"] == path, found

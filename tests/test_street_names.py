"""A street named after a place (正宁路, 延安路, 中山大街) names the street, not the place: it must
neither file a passage elsewhere nor stop it from being filed under the district it names."""

from __future__ import annotations

import pytest

from icpolicy.meta import regions
from icpolicy.meta.places import only_place_inside
from icpolicy.models import Region
from tests.conftest import ingest_docs, jsonl


@pytest.mark.parametrize("text, names", [
    ("在七里河区华亭路开设便民市场", ["七里河区"]),  # a county's short name before 路
    ("沿延安路布局夜间经济集聚区", []),  # a city's short name before 路
    ("中山大街步行街改造完成", []),
    ("解放西街美食市集开市", []),  # a direction before 街 or 路
    ("包头巷口的老字号", []),
    ("深圳路径值得各地借鉴", ["深圳"]),  # 路径 is a word of its own
    ("发布北京路线图", ["北京"]),
    ("苏州街道办事处", ["苏州"]),  # 街道: a subdistrict, the place stays
])
def test_streets_are_not_places(text, names):
    assert [m.text for m in regions.gazetteer().find(text)] == names


def test_a_street_does_not_stop_a_passage_from_its_district():
    city = Region(("甘肃省", "兰州市"))
    text = "二、重点活动。在城关区正宁路夜市举办特色小吃节，展销地方风味美食。"
    assert only_place_inside(text, city) == Region(("甘肃省", "兰州市", "城关区"))


def test_street_passage_through_the_cli(tmp_path):
    index = ingest_docs(tmp_path, {"yc.txt": "银川市商务局关于开展夏季促消费活动的通知\n各县（市、区）商务主管部门：\n"
                                             "为激发消费活力，现就有关事项通知如下。\n"
                                             "一、主题活动。在兴庆区鼓楼步行街和解放西街同步举办美食市集，展销滩羊肉和枸杞制品。\n"
                                             "二、在金凤区正源北街举办露天音乐季，打造夜间消费集聚区。\n银川市商务局\n2024年6月3日\n"})
    hit = jsonl("search", "滩羊肉", "--index", index)[0]
    assert hit["region_path"] == ["宁夏回族自治区", "银川市", "兴庆区"]

import pytest

from icpolicy.meta.regions import gazetteer, resolve_filter


@pytest.mark.parametrize("name, path", [
    ("沈阳", ("辽宁省", "沈阳市")),
    ("广西", ("广西壮族自治区",)),
    ("青浦", ("上海市", "青浦区")),
    ("昆山", ("江苏省", "苏州市", "昆山市")),
    ("阿坝州", ("四川省", "阿坝藏族羌族自治州")),
    ("江苏", ("江苏省",)),
    ("中山", ("广东省", "中山市")),
])
def test_short_forms_resolve_to_canonical_paths(name, path):
    assert resolve_filter(name) == [path]


def test_ambiguous_names_give_every_candidate():
    assert len(resolve_filter("鼓楼区")) == 4
    assert resolve_filter("全国") == [("全国",)]
    assert resolve_filter("火星") == []


def test_context_resolves_ambiguous_districts():
    g = gazetteer()
    assert g.resolve(g.find("北京市朝阳区人民政府")).path == ("北京市", "朝阳区")
    assert g.resolve(g.find("福州市鼓楼区人民政府办公室")).path == ("福建省", "福州市", "鼓楼区")
    assert g.resolve(g.find("鼓楼区人民政府")).path == ()  # four 鼓楼区: left at the level that is certain


def test_county_short_forms_need_their_city_or_province():
    g = gazetteer()
    assert g.resolve(g.find("政务数据资源管理")).path == ()  # 资源 is a county in 广西, and an ordinary word
    assert g.resolve(g.find("将青浦建设成为上海集成电路产业发展的重要基地")).path == ("上海市", "青浦区")

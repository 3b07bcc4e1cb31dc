import pytest

from icpolicy.meta.region_names import resolve_filter
from icpolicy.meta.regions import gazetteer


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


# ---- zones, full names, groups (issue 11) ----

@pytest.mark.parametrize("name, path", [
    ("前海", ("广东省", "深圳市", "南山区")),
    ("南沙", ("广东省", "广州市", "南沙区")),
    ("张江", ("上海市", "浦东新区")),
    ("临港", ("上海市", "浦东新区")),
    ("苏州工业园区", ("江苏省", "苏州市", "苏州工业园区")),
    ("两江新区", ("重庆市", "两江新区")),
    ("合肥高新技术产业开发区", ("安徽省", "合肥市", "合肥高新区")),  # a city's zone, by the suffix rule
    ("江阴高新区", ("江苏省", "无锡市", "江阴市")),  # under a county-level city: that city
    ("江苏省苏州市", ("江苏省", "苏州市")),
    ("江苏省苏州工业园区", ("江苏省", "苏州市", "苏州工业园区")),
    ("广东省深圳市南山区", ("广东省", "深圳市", "南山区")),
])
def test_zones_and_full_names_resolve(name, path):
    assert resolve_filter(name) == [path]


def test_a_zone_is_not_its_citys_other_divisions():
    park = resolve_filter("苏州工业园区")[0]
    kunshan = resolve_filter("昆山")[0]
    assert kunshan[: len(park)] != park and park[:2] == kunshan[:2]


def test_groups_expand_to_members_and_contradictions_resolve_to_nothing():
    assert set(resolve_filter("长三角")) == {("上海市",), ("江苏省",), ("浙江省",), ("安徽省",)}
    assert resolve_filter("长江三角洲") == resolve_filter("长三角")
    assert ("香港特别行政区",) in resolve_filter("粤港澳大湾区") and ("广东省", "深圳市") in resolve_filter("粤港澳大湾区")
    assert ("重庆市",) in resolve_filter("成渝") and ("四川省", "成都市") in resolve_filter("成渝")
    assert resolve_filter("多地") == [("多地",)]
    assert resolve_filter("江苏杭州") == []  # 杭州 is not in 江苏


def test_a_word_that_holds_a_place_name_is_not_that_place():
    from icpolicy.meta.regions import gazetteer

    assert [m.text for m in gazetteer().find("中山大学集成电路学院与中山市政府合作")] == ["中山市"]


def _skipped(gaz, text, mention):
    """find's words after (or before) a name that make it none, read past whole: a street's word (正宁路), an area
    outside it (武汉以外地区), a county's word after a two-character 县 name, and, after a short name, an institution
    (哈尔滨工业大学, 昆明海关) or a person's title before it (主任王卫东)."""
    end, start = mention.end, mention.start
    if (gaz._street and gaz._street.match(text, end)) or (gaz._outside and gaz._outside.match(text, end)):
        return True
    if len(mention.text) == 2 and mention.text[-1] == "县" and gaz._county_word.match(text, end):
        return True
    return bool(mention.short and (gaz._institution.match(text, end) or gaz._person.search(text, max(0, start - 6), start)
                                   or (gaz._person_named.search(text, max(0, start - 2), start) and gaz._person_named_after.match(text, end))))


def _reference_find(gaz, text):
    """What find() promises, done the slow way: at each position the longest name, a zone
    suffix after it taken in, no overlaps; a name a street's word follows (data: street_after) is none, and so is
    a division's name that is a word (data: word_names; a county's short name several share, 鼓楼) but right after its
    city's name, where it means that city's one, or next to a sibling division's (巫溪南岸, 长安与高陵); such a word, none, is read on from its next character; a word that
    holds a name but names nothing (data: not_places, 苏南县城) is none, read past whole, and so is a name find's words
    around it make none (_skipped: 正宁路, 昆明海关); then a district's short name
    right before a city is that city's epithet (上党长治: mentions.epithets, a step after the scan); a city's or county's
    short name of two characters that a dictionary word runs into from before is none (面临高端: not 临高)."""
    from icpolicy.meta.mentions import after_sibling, before_sibling, epithets, under, zones_after_places
    from icpolicy.meta.regions import Mention
    from icpolicy.text.tokens import starts_inside_word

    mentions, i = [], 0
    gaz._automaton()
    names = {**gaz._after_city, **gaz.names}
    text = text.translate(gaz._folding)  # traditional characters read as simplified ones
    while i < len(text):
        for length in range(len(text) - i, 1, -1):
            word = text[i : i + length]
            if word in gaz._not_places and word not in names:  # a word holding a name (data: not_places): none
                i += length
                break
            if word in names:
                places = tuple(names[word])
                if word in gaz._word_names:
                    places = gaz._after_its_city(text, i, places) or after_sibling(text, i, mentions[-1] if mentions else None, places) \
                        or before_sibling(text, i + length, places, lambda rest: _reference_find(gaz, rest))
                    if places and word in gaz._after_city and text.startswith(gaz._after_city_not_before, i + length):
                        places = ()  # 石家庄新华书店
                    if not places:
                        i += 1  # 中心城区: the word (data: word_names), a place only after its city's name
                        break
                short = word in gaz.short_names or word in gaz._after_city
                mention = gaz._zone_after(text, i + length, Mention(i, i + length, word, places, short))
                if not _skipped(gaz, text, mention):
                    if len(mention.places) > 1 and mentions and mentions[-1].end == mention.start:
                        mention = under(mention, mentions[-1])  # 福州鼓楼区: 福州's
                    mentions.append(mention)
                i = mention.end
                break
        else:
            i += 1
    found = zones_after_places(epithets(mentions), gaz._zone_end) if len(mentions) > 1 else mentions
    return [m for m in found if not (m.short and len(m.text) == 2 and m.places and all(p.level for p in m.places)
                                     and starts_inside_word(text, m.start, m.end))]  # (as mentions.uncut, spelled out)


def test_find_agrees_with_the_slow_reference_on_made_up_text():
    import random

    gaz = gazetteer()
    rng = random.Random(7)
    names = sorted(set(gaz.names) | set(gaz._after_city))
    suffixes = [suffix for suffix, _ in gaz._zone_suffixes] + ["新区", "开发区"]
    filler = "的和在发展高新区市县江苏南京产业路街"
    for _ in range(3000):
        parts = [rng.choice([rng.choice(names), rng.choice(names)[:2], rng.choice(names)[1:], rng.choice(suffixes), rng.choice(filler)])
                 for _ in range(rng.randint(1, 8))]
        text = "".join(parts)
        assert gaz.find(text) == _reference_find(gaz, text), text


def test_find_goes_on_after_a_zone_suffix_that_runs_into_another_name():
    from icpolicy.meta.regions import Gazetteer

    areas = [{"name": "江苏省", "type": "省", "children": [{"name": "苏州市", "children": [{"name": "吴江区"}]}]}]
    gaz = Gazetteer(areas, {"aliases": {"新区港": "江苏省/苏州市/吴江区"}}, {"suffixes": {"高新区": "高新区"}})
    for text in ["苏州高新区港口", "苏州高新区港吴江区", "新区港苏州高新区", "苏州新区港"]:
        assert gaz.find(text) == _reference_find(gaz, text), text
    assert [m.text for m in gaz.find("苏州高新区港吴江区")] == ["苏州高新区", "吴江区"]



def test_find_gives_a_repeated_text_the_same_names_whatever_a_caller_did_with_the_list():
    gaz = gazetteer()
    text = "支持江阴市和苏州工业园区建设，吉安高新区"
    first = gaz.find(text)
    assert [m.text for m in first] == [m.text for m in _reference_find(gaz, text)] and first
    first.clear()  # the list is the caller's: a later call is not changed by it
    for other in ("江苏南京", "广东深圳", text):
        assert gaz.find(other) == _reference_find(gaz, other)


def test_word_city_agrees_with_a_scan_of_every_stopped_name_at_every_position_before_a_bound():
    from icpolicy.meta.regions import Mention

    gaz = gazetteer()
    text = "".join(name + "篇：" for name in gaz._stopped) + "发展"
    for before in range(len(text) + 2):
        expected = next((Mention(start, start + len(name), name, (places[0],), True) for start in range(before)
                         for name, places in gaz._stopped.items() if text.startswith(name, start) and len(places) == 1), None)
        assert gaz.word_city(text, before) == expected

@pytest.mark.parametrize("name, path", [
    ("金鸡湖", ("江苏省", "苏州市", "苏州工业园区")),
    ("中新天津生态城", ("天津市", "滨海新区")),
    ("广州开发区", ("广东省", "广州市", "黄埔区")),
    ("怀柔科学城", ("北京市", "怀柔区")),
    ("兵团第八师", ("新疆维吾尔自治区", "石河子市")),
    ("西安高新区", ("陕西省", "西安市", "西安高新区")),  # not 辽源's or 牡丹江's 西安区
])
def test_more_zones_and_corps_divisions_resolve(name, path):
    assert gazetteer().resolve(gazetteer().find(name)).path == path


def test_a_district_name_written_twice_does_not_support_itself():
    # 鼓楼区 is in 南京, 徐州, 福州 and 开封: naming it twice settles nothing, naming 南京市 does
    assert gazetteer().resolve(gazetteer().find("鼓楼区 鼓楼区")).path == ()
    assert gazetteer().resolve(gazetteer().find("鼓楼区 南京市鼓楼区")).path == ("江苏省", "南京市", "鼓楼区")


def test_a_headline_abbreviation_and_a_number_prefix_name_a_province():
    assert gazetteer().by_headline("粤发布集成电路新政").path == ("广东省",)
    assert gazetteer().by_headline("新发布的集成电路政策").path == ()  # 新 is left out: a word
    assert gazetteer().by_number("浙政办发〔2024〕21号").path == ("浙江省",)
    assert gazetteer().by_number("国办发〔2024〕3号").path == ()


def test_cities_the_division_table_lists_no_children_for_are_found_by_their_full_names(tmp_path):
    """台湾省's cities (regions.toml extra_cities): a document of 台北市 or 臺中市 is filed under them, not
    全国; 平台中市场 holds no 台中市; their short forms stay unregistered (台中 is the tail of 平台中心)."""
    from tests.clirun import documents_of

    g = gazetteer()
    assert [m.places[0].path for m in g.find("高雄市政府发布半导体材料园区计划")] == [("台湾省", "高雄市")]
    assert [m.places[0].path for m in g.find("臺中市政府")] == [("台湾省", "台中市")]
    assert g.find("依托平台中市场化运作，推动平台南市区服务") == []
    assert g.find("台中") == [] and g.find("台北") == []
    assert [m.places[0].path for m in g.find("常州市新北区")][-1] == ("江苏省", "常州市", "新北区")
    found = documents_of(tmp_path, {
        "a.md": "# 台北市推动晶圆制造人才培育计划\n\n2024年3月1日\n\n市政府将设立人才专项补助，支持园区企业与大学合作培育制程工程师。\n",
        "b.md": "# 关于加快公共服务平台建设的通知\n\n各区人民政府：\n\n依托平台中市场化运作，推动平台南市区服务站布局。\n\n无锡市人民政府\n\n2024年3月1日\n",
    })
    paths = {name: d["region_path"] for name, d in found.items()}
    assert paths == {"a.md": ["台湾省", "台北市"], "b.md": ["江苏省", "无锡市"]}


def test_a_name_written_in_traditional_characters_is_found_as_its_simplified_one(tmp_path):
    """The gazetteer reads a text as its simplified form, per character (same offsets): 橫琴合作區 is
    横琴, 廣州 广州; a news item in traditional characters is filed as one in simplified ones."""
    from tests.clirun import documents_of

    g = gazetteer()
    found = g.find("廣州市和深圳市聯合發布")
    assert [(m.start, m.end, m.places[0].path) for m in found] == [(0, 3, ("广东省", "广州市")), (4, 7, ("广东省", "深圳市"))]
    assert g.find("平臺中市場") == []
    record = documents_of(tmp_path, {"news.txt": "佛山推出晶片封裝測試扶持措施\n\n【本報訊】佛山市經濟和信息化局日前發布措施，對新建封裝測試產線給予設備補貼。\n"})["news.txt"]
    assert record["region_path"] == ["广东省", "佛山市"]

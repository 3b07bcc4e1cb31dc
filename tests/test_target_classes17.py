"""Classes of target extraction left open on the real splits after the holdout14 round (holdout11, holdout13-15 and
the held-out thirds; the round after them: views17), sentences of our own, through meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "统计公报", year: int = 2023) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_a_share_head_in_a_clause_opening_with_qizhong_is_the_parts_share():
    found = rows("全区新登记市场主体2.1万户，其中个体工商户占比64%。")
    assert found[-1][:4] == (64, "%", "占", "个体工商户")
    assert rows("全区个体工商户占比64%。")[0][2:4] == ("", "个体工商户占比")  # no part named: a head


def test_an_accounting_qualifier_opens_a_clause_with_the_base_of_a_change():
    found = rows("全镇工业总产值36.5亿元，按可比口径增长8.1%。")
    assert found[-1][2:4] == ("增长", "工业总产值")
    assert rows("农业总产值12亿元，扣除价格因素增长3.3%。")[-1][3] == "农业总产值"
    assert rows("全县财政总收入按同口径增长6%。")[0][3] == "财政总收入"


def test_an_adding_word_before_a_counted_noun_adds_that_many_even_when_the_noun_ends_with_a_head():
    assert rows("全年净增高新技术企业260家。")[0][2:4] == ("新增", "高新技术企业")
    assert rows("当年增加规模以上工业企业31家。")[0][2] == "新增"
    assert rows("比上年净增260家。")[0][2] == "增长"  # no noun: the count grew


def test_a_change_word_right_before_a_count_whose_noun_follows_upgrades_those_things():
    assert rows("今年改造提升80个农贸市场。", "实施方案", 2025)[0][2:4] == ("", "农贸市场")
    assert rows("今年增加2000个公共停车位。", "实施方案", 2025)[0][2:4] == ("新增", "公共停车位")
    assert rows("停车位增加2000个。")[0][2] == "增长"


def test_a_verb_that_adds_things_before_the_counts_de_keeps_its_comparator():
    found = rows("新建的9个口袋公园全部开放。")[0]
    assert found[2] == "新增" and found[3].startswith("口袋公园")
    assert rows("引进的5个项目已投产。")[0][2] == "新增"


def test_a_time_word_is_no_metric_and_a_count_after_it_counts_what_the_clause_before_closes_on():
    assert rows("年内新建公办幼儿园6所。", "实施方案", 2024)[0][3] == "公办幼儿园"
    found = rows("在全部乡镇布设充电桩，年内完成180个。", "实施方案", 2024)[0]
    assert found[:3] == (180, "个", "达到") and "充电桩" in found[3]
    assert rows("当年专利授权量2100件。")[0][3] == "专利授权量"


def test_a_count_closing_an_etc_list_counts_the_things_listed():
    found = rows("维修农村公路、桥梁、涵洞等860处。")[0]
    assert found[:2] == (860, "处") and "涵洞" in found[3]
    assert rows("加快推进北港码头、环城高速等18个重大项目。", "政府工作报告", 2024)[0][3] == "重大项目"  # a noun after: that noun


def test_a_share_before_de_is_a_quantity_of_the_noun_after_it():
    found = rows("全县75%的行政村纳入集中供水管网。")
    assert found[0][:4] == (75, "%", "", "行政村")
    assert rows("对90%以上的企业开展抽查。") == []  # a threshold
    assert rows("按不超过投资额30%的比例给予补助。", "办法") == []  # a rate after a comparator word: as before


def test_yishang_before_a_count_of_people_is_no_enumeration():
    assert rows("全县录取本科以上1830人。")[0][:2] == (1830, "人")
    assert rows("认真落实以上6项措施。", "实施方案") == []


def test_a_count_of_people_before_de_is_a_quantity_of_the_noun_after_it():
    found = rows("当年解决了1.6万人的饮水安全问题。")[0]
    assert found[:2] == (1.6, "万人") and found[3].startswith("饮水安全")
    assert rows("对用工300人以上的企业开展检查。", "实施方案") == []  # a threshold


def test_a_floor_or_ceiling_before_a_base_closed_by_de_bounds_the_share_of_it():
    found = rows("贷款贴息比例不超过实际利息支出的50%。", "办法")[0]
    assert found[2:4] == ("以内", "贷款贴息比例")
    assert rows("救助标准不低于当地低保标准的1.3倍。", "实施方案")[0][2:4] == ("超过", "救助标准")


def test_a_word_opening_with_a_trimmed_character_keeps_it():
    assert rows("和美乡村覆盖率达到55%。")[0][3] == "和美乡村覆盖率"
    assert rows("和企业数量增长8%。")[0][3] == "企业数量"


def test_a_chinese_numeral_after_an_arabic_digit_is_no_number_of_its_own():
    assert rows("日均新设企业由3千多户增加到1万2千多户。") == []


def test_extending_to_a_level_reaches_it():
    assert rows("政务通办事项扩展至120项。")[0][2:4] == ("达到", "政务通办事项")
    assert rows("跨境结算试点拓展到6个城市。")[0][2] == "达到"

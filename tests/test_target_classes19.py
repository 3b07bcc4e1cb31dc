"""Classes of target extraction read from holdout18's misses (the targets19 round, holdout18 its development set;
holdout19, labelled twice before the round, is its held-out estimate), sentences of our own, through
meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_duo_between_wan_and_yi_is_dropped_from_the_unit():
    assert rows("全市存款余额新增3万多亿元。")[0][:3] == (3, "万亿元", "新增")
    assert rows("社会融资规模增加两万余亿元。")[0][:3] == (2, "万亿元", "增长")


def test_a_unit_ending_in_ge_before_a_word_with_ti_stays_a_count():
    assert rows("今年新建6个体育馆。")[0][:4] == (6, "个", "新增", "体育馆")
    assert rows("全市登记300多万个体工商户。")[0][:2] == (300, "万")  # 个体工商户: the unit is 万


def test_a_magnitude_before_an_area_unit():
    assert rows("全国2亿公顷草原完成确权。")[0][:2] == (2, "亿公顷")


def test_the_end_word_of_a_relative_or_stated_year_is_no_metric():
    assert rows("去年末全省贷款余额增长9%。")[0][3:5] == ("贷款余额", 2023)
    assert rows("2019年末城镇登记失业率为3.6%。")[0][3:5] == ("城镇登记失业率", 2019)


def test_the_end_of_an_older_plan_period_gives_its_year():
    found = rows("农村贫困人口由“八五”末的4000万减少到3000万。", year=2001)
    assert [(q[0], q[3], q[4]) for q in found] == [(4000, "农村贫困人口", 1995), (3000, "农村贫困人口", 2001)]
    found = rows("全县财政收入达到9亿元，比“九五”末增加5亿元。", year=2001)
    assert [q[4] for q in found] == [2001, 2001]  # 比“九五”末: a base, not the figure's year
    assert rows("到“十五”末，全省公路里程达到8万公里。", year=2001)[0][3:6] == ("公路里程", 2005, "target")


def test_shiji_between_a_yearly_word_and_its_change_stays_one_comparator():
    found = rows("农民人均纯收入由3000元增加到4200元，平均每年实际增长6.9%。", year=2010)
    assert found[-1][2:4] == ("年均增长", "农民人均纯收入")
    assert rows("全县居民人均收入比上年实际增长5%。")[0][2:4] == ("增长", "居民人均收入")


def test_a_list_after_fenbie_opening_its_clause_takes_the_figures_named_before_it_in_order():
    found = rows("其中，粮食产量120万吨，蔬菜产量80万吨，按可比口径，分别比上年增长2.1%、3.4%。", "统计公报", 2023)
    assert [q[3] for q in found[2:]] == ["粮食产量", "蔬菜产量"]
    found = rows("城镇和农村居民人均收入分别增长5%和7%。", "统计公报", 2023)  # its clause names them: as before
    assert [q[3] for q in found] == ["城镇和农村居民人均收入", "城镇和农村居民人均收入"]
    found = rows("进口额35亿元，出口额50亿元，分别增长4%、5%、6%。", "统计公报", 2023)  # more numbers than names: as before
    assert len({q[3] for q in found[2:]}) == 1
    found = rows("全市收入和支出分别完成80亿元和95亿元，分别增长3%和5%。", "统计公报", 2023)  # one name for both: kept
    assert [q[3] for q in found[2:]] == ["收入和支出", "收入和支出"]


def test_a_number_right_after_mei_is_the_base_of_a_rate():
    assert rows("每10万人口中拥有大学文化程度的人数为15467人。", "统计公报")[0][:2] == (15467, "人")
    assert rows("性别比以每100个女性人口对应的男性人口数表示。", "统计公报") == []
    assert rows("给予每人每月800元生活补贴。")[0][:2] == (800, "元")  # 每人每月: no number after 每


def test_wancheng_before_an_amount_and_its_de_states_the_work_done():
    found = rows("今年完成15万平方米的老旧厂房改造。")
    assert found[0][:4] == (15, "万平方米", "达到", "老旧厂房改造")



def test_a_latin_or_alphanumeric_word_may_open_or_run_through_the_counted_noun():
    assert rows("培育12家AI芯片设计企业。")[0][:4] == (12, "家", "新增", "AI芯片设计企业")
    assert rows("新建1500个乡村4G/5G基站。")[0][3] == "乡村4G/5G基站"
    assert rows("创建8个5G+智能工厂。")[0][3] == "5G+智能工厂"
    assert rows("新增光伏装机30万kW。") == []  # a magnitude before a Latin unit stays none (its unit is not read)

"""Classes of target extraction read from holdout16's misses (the targets18 round, holdout16 its development set),
sentences of our own, through meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "统计公报", year: int = 2023) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_the_bare_numbers_of_a_list_share_the_unit_of_its_last():
    found = rows("两项指标分别提高1.5、0.7、2.2个百分点。")
    assert [(q[0], q[1], q[2]) for q in found] == [(1.5, "个百分点", "增长"), (0.7, "个百分点", "增长"), (2.2, "个百分点", "增长")]
    assert [q[:2] for q in rows("发放补贴4、6亿元。")] == [(4, "亿元"), (6, "亿元")]
    assert [q[:2] for q in rows("第1、2批项目共15个。")] == [(15, "个")]  # an ordinal's list: none


def test_an_amount_after_a_giving_verb_measures_what_is_given():
    assert rows("为困难家庭发放取暖补贴320万元。")[-1][3] == "取暖补贴"
    assert rows("累计发放创业担保贷款12亿元。")[0][3] == "创业担保贷款"


def test_a_year_before_wei_keeps_it_a_level_word():
    found = rows("城镇居民人均收入，2016年为3.1万元，2021年提高到4.2万元。", "政府工作报告", 2022)
    assert found[0][2:5] == ("达到", "城镇居民人均收入", 2016)
    assert rows("为2000户农户发放补贴。")[0][2] == ""  # opening its clause: "for"
    assert rows("全年为2000户农户安装净水设备。")[0][2] == ""  # after a time word too, before a count


def test_jinming_liangnian_is_a_year_range_of_its_own_clause():
    found = rows("今明两年改造燃气管网800公里，今年新建充电桩5000个。", "政府工作报告", 2024)
    assert [q[4] for q in found] == [2025, 2024]


def test_kuozhao_adds_places_and_stays_in_the_metric():
    assert rows("高职院校扩招5万人。")[0][2:4] == ("新增", "高职院校扩招")
    found = rows("累计扩招80万人、培训300万人次。")
    assert found[0][2:4] == ("累计", "扩招") and found[1][2] == ""  # the next item has no 扩招 of its own (累计: a running total)


def test_better_than_expected_and_a_clause_closing_nuli_state_no_target():
    assert rows("经过不懈努力，全年粮食产量增长1.8%。", "政府工作报告", 2023)[0][5] == "reported"
    assert rows("经济增长好于预期，全年出口增长6%。", "政府工作报告", 2023)[0][5] == "reported"
    assert rows("今年努力实现粮食产量增长1%。", "政府工作报告", 2023)[0][5] == "target"


def test_an_area_in_yi_square_metres_is_one_unit():
    assert rows("全年商品房销售面积1.6亿平方米。")[0][:2] == (1.6, "亿平方米")


def test_a_metric_keeps_words_that_look_like_trimmed_ones():
    assert rows("从业人员3.2万人。")[0][3] == "从业人员"
    assert rows("资产总计96亿元，负债合计40亿元。")[0][3] == "资产总计"
    assert rows("其中二等奖6项。")[0][3] == "二等奖"


def test_a_number_and_jiyishang_before_a_noun_is_a_threshold():
    assert rows("统计范围为年营业收入1000万元及以上服务业企业。") == []
    assert rows("城镇新增就业1.2万人及以上。", "实施方案", 2024)[0][2] == "超过"


def test_a_count_with_a_bracketed_aside_restating_it_counts_the_noun_after():
    found = rows("新增20个（累计80个）充电站。", "实施方案", 2024)
    assert [q[3] for q in found] == ["充电站", "充电站"] and found[1][2] == ""
    assert rows("改造示范工程9个（城区3个）建设任务。")[0][3].endswith("示范工程")  # a noun before the count: kept


def test_wei_counts_people_and_an_age_threshold_opens_the_noun_counted():
    found = rows("为320位75岁以上老人上门体检。")
    assert found[0][:3] == (320, "位", "") and found[0][3].startswith("老人")
    assert rows("全省排名上升一位。") == [] and rows("居全国第3位。") == []

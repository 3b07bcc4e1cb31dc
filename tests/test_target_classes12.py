"""Classes of target extraction read on holdout11 and views11-ho (the round after them: views12), one sentence of our
own each, through meta/targets.extract.  (tests/test_target_classes.py holds the earlier rounds' classes.)"""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_a_full_width_range_is_one_row_and_a_growth_names_its_goal():
    assert rows("今年全县经济增长预期目标6%－6.5%。") == [(6, "%", "", "经济增长", 2024, "target")]
    assert rows("今年地区生产总值增长预期目标7%。")[0][2:4] == ("", "地区生产总值增长")


def test_higher_than_a_base_by_points_exceeds_and_measures_the_words_before_the_base():
    found = rows("去年农民收入增长7%，增速比市民高1.5个百分点。", year=2025)
    assert found[1] == (1.5, "个百分点", "超过", "增速", 2024, "reported")


def test_a_pair_without_years_takes_the_years_of_the_pair_in_the_sentence_before():
    found = rows("五年来，粮食产量由2015年的60万吨增加到2020年的72万吨；肉类产量由8万吨增加到11万吨，年均增长6.6%。", year=2021)
    assert [(v, y) for v, _, _, _, y, _ in found] == [(60, 2015), (72, 2020), (8, 2015), (11, 2020), (6.6, 2020)]
    assert rows("全年营收由30亿元增加到36亿元。", year=2024)[0][4] == 2024  # no pair before: the passage's year


def test_a_multiple_of_an_earlier_period_is_a_level():
    found = rows("“十三五”期间，完成造林面积30万亩，是“十二五”时期的1.4倍。", year=2021)
    assert [(v, c) for v, _, c, *_ in found] == [(30, "达到"), (1.4, "达到")]


def test_a_bracket_inside_a_name_stays_one_closing_it_goes():
    found = rows("年末拥有省技术（创新）中心41个，建成老年食堂（助餐点）90个。", "统计公报")
    assert [m for *_, m, _, _ in found] == ["拥有省技术（创新）中心", "老年食堂"]


def test_what_the_head_takes_part_in_and_a_clause_closed_by_a_list_mark():
    assert rows("组织企业参加海外招商推介会45场。")[0][3] == "海外招商推介会"
    found = rows("一批重点项目竣工投产、当年生产光伏板约1.2万套。")
    assert found[0][2:4] == ("左右", "生产光伏板")  # (当年, a time word, leaves the metric: test_target_classes17)


def test_a_threshold_tail_with_its_aside_and_growth_held_at_a_level():
    assert rows("去年营收超50亿元县（市）达到8个。", year=2025)[0][3] == "营收超50亿元县（市）"
    assert rows("“十四五”时期，全县地区生产总值年均增长保持在7%左右。", "规划", 2021)[0][2] == "年均增长"


def test_the_kind_a_named_list_counts_runs_to_its_predicate():
    found = rows("武侯、青羊等6个营商环境提升先行区获评省级示范。", "新闻综述")
    assert found[0][3] == "营商环境提升先行区"
    found = rows("城东路、滨河路等8条城市道路建成通车。", "新闻综述")
    assert found[0][2:4] == ("新增", "城市道路")  # a trailing 建成通车 still adds the count


def test_we_before_a_giving_verb_a_share_before_a_verb_and_what_changed():
    assert rows("去年，我们拿出3亿元用于老旧小区改造。", year=2025)[0][3] == "老旧小区改造"
    assert rows("去年，民生支出的八成以上用于教育和社保。", year=2025)[0][:4] == (80, "%", "超过", "民生支出")
    assert rows("在统计的30种产品中，有12种销量增加。", "统计公报")[1][3] == "销量增加"

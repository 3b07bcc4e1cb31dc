"""Classes of target extraction read on holdout13 (the round after it: views13), sentences of our own,
through meta/targets.extract.  (test_target_classes.py and test_target_classes12.py hold the earlier rounds.)"""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_the_weights_of_a_scoring_formula_are_no_quantities():
    assert rows("年度考核得分=过程评价（50%）+结果评价（30%）+群众评议（20%）。", "实施方案") == []
    found = rows("完成投资12亿元；综合得分＝基础分（70%）+加分（30%）。", "工作方案")
    assert [(v, u) for v, u, *_ in found] == [(12, "亿元")]


def test_a_figure_set_at_a_level_is_reached_and_names_what_was_set():
    found = rows("我们把全市经济增长预期目标定在6%左右。")
    assert found[0][2:4] == ("达到", "经济增长预期目标")  # 把 and 全市 trimmed, the growth kept with its goal
    assert rows("把居民消费价格涨幅控制在3%左右。")[0][2:4] == ("以内", "居民消费价格涨幅")


def test_a_length_written_as_a_nouns_attribute_is_a_quantity_of_that_noun():
    found = rows("建成长达120公里的沿江绿道。")
    assert found == [(120, "公里", "达到", "沿江绿道", 2024, "target")] or found[0][:4] == (120, "公里", "达到", "沿江绿道")
    assert rows("新修全长35公里的环湖公路。")[0][2:4] == ("达到", "环湖公路")


def test_a_stretch_goal_keeps_a_count_added_but_not_an_amount():
    assert rows("力争全市建成5G基站3000个。")[0][2:4] == ("新增", "5G基站")
    assert rows("力争每年新增规上工业企业100家。")[0][2] == "新增"
    assert rows("力争新增节水1.5亿立方米以上。")[0][2] == "力争"


def test_a_level_verb_with_its_object_before_zai_wins_over_the_suffix():
    assert rows("稳定基本医疗保险参保率在97%以上。")[0][2:4] == ("达到", "基本医疗保险参保率")
    assert rows("控制全市PM2.5平均浓度在35微克/立方米以下。")[0][2:4] == ("以内", "PM2.5平均浓度")


def test_a_lone_ceiling_caps_what_the_clause_before_grants():
    found = rows("省级按照项目设备购置额的10%给予奖补，最高500万元。", "行动方案")
    assert [(v, c, m) for v, _, c, m, *_ in found][1] == (500, "以内", "奖补")
    assert rows("按照贷款利率的50%予以贴息，每家最高不超过200万元。", "行动方案")[1][2:4] == ("以内", "贴息")
    assert rows("给予贷款贴息支持，单个企业每年最高200万元。", "实施办法")[0][2:4] == ("以内", "贷款贴息支持")
    assert rows("对新建5G基站给予每个1万元的补贴，最高100万元。", "实施办法")[-1][2:4] == ("以内", "补贴")


def test_a_metric_runs_on_past_a_joined_head_and_a_one_character_word_inside_it():
    found = rows("开展新型职业农民和企业职工技能培训20万人次以上，其中离校未就业高校毕业生2万人。")
    assert found[0][2] == "超过" and found[0][3].endswith("企业职工技能培训")
    assert found[1][3] == "离校未就业高校毕业生"


def test_a_count_after_qizhong_running_into_a_verb_phrase_counts_what_did_it():
    found = rows("全年新建农村公路12条，其中8条实现通车。", "统计公报")
    assert [(v, c, m) for v, _, c, m, *_ in found] == [(12, "新增", "农村公路"), (8, "", "实现通车")]


def test_jiang_marking_an_object_before_a_level_verb_is_no_target_cue():
    from icpolicy.meta.target_parts import REVIEW
    found = extract("四是强化创新引领。将制造业企业研发费用加计扣除比例提高到100%。", 2022, "政府工作报告", part=REVIEW)
    assert [(q.value, q.comparator, q.kind) for q in found] == [(100, "达到", "reported")]
    assert extract("研发投入将提高到3%。", 2022, "政府工作报告", part=REVIEW)[0].kind == "target"  # no object: "will"
    assert extract("研发投入强度将进一步提高到3%。", 2022, "政府工作报告", part=REVIEW)[0].kind == "target"  # an adverb


def test_an_attributes_noun_ends_at_its_predicate():
    assert rows("长达4000公里的西气东输管道全线贯通。", year=2005)[0][2:4] == ("达到", "西气东输管道")


def test_an_amount_right_after_a_granted_noun_measures_that_noun_but_a_rate_does_not():
    assert rows("对首次认定的企业给予一次性奖补100万元。", "实施办法")[0][2:4] == ("", "奖补")
    assert rows("对引进的博士给予每人每月5000元生活补贴。", "实施办法")[0][3] == "生活补贴"

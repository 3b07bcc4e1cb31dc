"""Classes of target extraction read on every real held-out split (holdout11, holdout13, holdout14; the round after
them: views14), sentences of our own, through meta/targets.extract.  (test_target_classes13.py holds the round before.)"""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_an_average_yearly_change_is_the_yearly_comparator():
    assert rows("五年间全镇粮食产量平均每年增长2.5%。")[0][2:4] == ("年均增长", "粮食产量")
    assert rows("地方财政收入每年平均增长9%。")[0][2] == "年均增长"
    found = rows("全县户籍人口平均每年新增0.8万人。")  # 平均每年 before 新增 is a period, no metric
    assert found[0][2:4] == ("新增", "户籍人口")


def test_a_share_opening_its_clause_is_a_share_of_the_subject_before():
    found = rows("全区共有注册志愿者8.6万人，其中青年志愿者5.1万人，占比59.3%。", "统计公报", 2023)
    assert found[-1][:4] == (59.3, "%", "占", "青年志愿者")
    assert rows("全市新能源汽车占比超过40%。", "统计公报")[0][2:4] == ("超过", "新能源汽车占比")  # a head with words before


def test_an_allotting_verb_is_no_part_of_the_metric():
    found = rows("今年省财政用于乡村振兴的投入拟安排300亿元。")
    assert found[0][2:4] == ("", "省财政用于乡村振兴的投入")
    assert rows("今年中央预算内投资安排5000亿元。")[0][3] == "中央预算内投资"
    assert rows("今年市财政拟投入8亿元用于老旧小区改造。")[0][3] == "市财政"


def test_a_rate_per_unit_keeps_its_compound_unit():
    assert rows("单位地区生产总值能耗0.38吨标准煤/万元。", "统计公报")[0][:2] == (0.38, "吨标准煤/万元")
    assert rows("最低工资标准提高到2100元/月。")[0][:3] == (2100, "元/月", "达到")


def test_a_capacity_written_as_an_attribute_is_a_quantity_of_the_noun():
    assert rows("建成仓容80万吨的粮食物流园。")[0][:4] == (80, "万吨", "达到", "粮食物流园")
    assert rows("新建总面积2万平方米的科技馆。")[0][2:4] == ("达到", "科技馆")


def test_a_threshold_with_its_noun_qualifies_the_noun_after_de():
    assert rows("推动10万人口以上的乡镇建成标准化卫生院。") == []
    assert [q[:2] for q in rows("年主营业务收入2000万元及以上的工业企业达到320家。", "统计公报")] == [(320, "家")]


def test_a_span_inside_a_name_stays_in_the_metric():
    assert rows("九年义务教育巩固率达到97.5%。", "统计公报")[0][3] == "九年义务教育巩固率"
    assert rows("新建十二年一贯制学校3所。")[0][3] == "十二年一贯制学校"


def test_a_named_lists_count_is_a_quantity_after_etc_or_before_a_predicate():
    assert rows("启动建设东城、西城2个智慧社区。") == []  # a complete list closing its clause: its names counted again
    assert rows("加快推进北港码头、环城高速等18个重大项目。")[0][:4] == (18, "个", "", "重大项目")
    assert rows("东山、西岭、南坪3个村入选全国乡村旅游重点村。")[0][:4] == (3, "个", "", "村")


def test_a_cue_over_a_de_of_an_earlier_clause_still_cues_outside_a_review():
    found = rows("对通过认定的企业，将按照研发投入的一定比例给予补助，每家最高200万元。", "新闻综述")
    assert found[-1][:3] == (200, "万元", "以内") and found[-1][5] == "target"
    assert rows("今年改造建成区的老旧管网，新建污水管网120公里。")[0][5] == "target"


def test_the_size_of_a_task_or_goal_before_de_is_a_quantity():
    assert rows("全面完成化解过剩煤炭产能800万吨的任务。")[0][:4] == (800, "万吨", "达到", "化解过剩煤炭产能")
    assert rows("实现城镇新增就业50万人的目标。")[0][:4] == (50, "万人", "达到", "城镇新增就业")


def test_a_chinese_numeral_with_duo_before_its_magnitude_counts_whatever_follows():
    assert rows("全省三百多万农民工实现就近就业。")[0][:2] == (300, "万")
    assert rows("千家万户，百万平方米棚改。") == []


def test_words_of_existence_and_continuation_leave_a_metric():
    assert rows("享受低保待遇的城乡居民已有120余万人。", "统计公报")[0][3] == "享受低保待遇的城乡居民"
    assert rows("粮食产量继续保持300亿斤以上。")[0][3] == "粮食产量"


def test_a_list_item_opening_with_a_comparator_opens_the_clause_of_its_metric():
    assert rows("建成国家级数据中心集群、力争算力规模突破20EFLOPS。")[0][2:4] == ("力争", "算力规模")


def test_an_item_of_a_list_of_thresholds_before_one_noun_is_a_threshold():
    assert rows("打造一批超百亿、超千亿产业集群。") == []
    assert [q[:3] for q in rows("新增营收超5亿元、超10亿元企业8家。")] == [(8, "家", "新增")]


def test_zai_before_a_change_leaves_the_metric_and_zai_jiang_is_a_fall():
    assert rows("中小企业宽带和专线平均资费再降10%。")[0][2:4] == ("下降", "中小企业宽带和专线平均资费")
    assert rows("一般工商业平均电价再降低5%。")[0][2:4] == ("下降", "一般工商业平均电价")
    assert rows("人均预期寿命再提高0.5岁。")[0][3] == "人均预期寿命"

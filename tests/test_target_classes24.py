"""Classes of target extraction a new user found on real reports (the targets24 round), sentences of our own,
through meta/targets.extract and the stored form the view reads (meta/target_store).  Each class has sentences
the rule was written from and sentences written after it, run once (`HELD_OUT`, listed apart)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import NamedTuple

from icpolicy.meta.target_store import decode, encode, encode_all
from icpolicy.meta.targets import extract
from icpolicy.views.targets import _PartOf, _fresh


def shape(text: str, year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.high, q.bound, q.ratio) for q in extract(text, year, "行动方案")]


def test_a_bound_word_qualifying_a_change_says_the_figure_is_a_bound():
    assert shape("规上工业增加值增长超30%。") == [(30, "%", "增长", None, "超过", "")]
    assert [q[4] for q in shape("营业收入同比增长超过20%，利润增长15%以上。")] == ["超过", "超过"]
    assert shape("研发投入不低于5亿元。")[0][2:5] == ("超过", None, "超过")  # a bound comparator is its own bound
    assert shape("力争新增高新技术企业100家以上。")[0][2:5] == ("新增", None, "超过")
    assert shape("控制在5%以内。")[0][4] == "以内"
    assert shape("全年增长提高5%。")[0][4] == ""  # 提高 ends with 高 (a 超过 word): no bound


def test_a_range_keeps_both_ends():
    assert shape("全市地区生产总值增长6%—7%。") == [(6, "%", "增长", 7, "", "")]
    assert [q[:4] for q in shape("今年新建社区食堂5至8个。")] == [(5, "个", "新增", 8)]
    assert shape("完成固定资产投资100-120亿元。")[0][3] == 120
    assert shape("全年培育企业30家-50家。")[0][3] == 50
    assert shape("经济增速保持在6.5%－7%的区间。")[0][3] == 7  # the range's end before 的
    (q,) = extract("新增就业1.2万人至1.5万人。", 2024)
    assert (q.value, q.high, q.metric) == (1.2, 1.5, "新增就业")  # no noun after the first end (it was 至)
    assert shape("新建学校3所-2025年完成。")[0][3] is None  # a year after the mark is no end


def test_a_fraction_keeps_its_ratio_as_written():
    assert shape("集成电路企业占1/3。") == [(33.33, "%", "占", None, "", "1/3")]
    assert shape("三分之一的县实现脱贫。")[0][5] == "1/3"
    assert shape("占比达到三分之二。")[0][5] == "2/3"
    assert shape("女性占比为百分之四十。")[0][5] == ""  # a percentage is exact as it is


HELD_OUT = {  # written after the rules above, run once on them (first run: 15 of 16 right; 增长至少 read as 增长至 + 少)
    "全年粮食产量稳定在120万吨以上。": (120, "万吨", "达到", None, "超过", ""),
    "高新技术产业产值同比增长不低于12%。": (12, "%", "增长", None, "超过", ""),
    "出口总额增长至少8%。": (8, "%", "增长", None, "超过", ""),
    "每家企业补助最高不超过200万元。": (200, "万元", "以内", None, "以内", ""),
    "城镇调查失业率控制在5.5%左右。": (5.5, "%", "以内", None, "以内", ""),
    "居民人均可支配收入增长逾7%。": (7, "%", "增长", None, "超过", ""),
    "力争软件业务收入达到500亿元以上。": (500, "亿元", "力争", None, "超过", ""),
    "单位产值能耗下降5%以上。": (5, "%", "下降", None, "超过", ""),
    "规上工业增加值年均增长8%～10%。": (8, "%", "年均增长", 10, "", ""),
    "建设区域数据中心3到5个。": (3, "个", "新增", 5, "", ""),
    "新增城镇就业岗位2万个至3万个。": (2, "万个", "", 3, "", ""),
    "全年完成造林面积15万亩—20万亩。": (15, "万亩", "达到", 20, "", ""),
    "外资企业占全市进出口的1/4。": (25, "%", "占", None, "", "1/4"),
    "全市四分之一的村建成美丽乡村示范村。": (25, "%", "", None, "", "1/4"),
    "林木覆盖率提高到五分之三。": (60, "%", "达到", None, "", "3/5"),
    "女性占比为百分之四十。": (40, "%", "达到", None, "", ""),
}


def test_held_out_bounds_ranges_and_fractions():
    for text, expected in HELD_OUT.items():
        assert shape(text)[0] == expected, text


def test_the_stored_form_keeps_the_new_fields():
    text = "到2025年，增长6%—7%，研发投入增长超过10%，企业占1/3。"
    stored = decode(encode(text, 2024, "行动方案"), text)
    assert [(s.value, s.high, s.bound, s.ratio) for s in stored] == [(6, 7, "", ""), (10, None, "超过", ""), (33.33, None, "", "1/3")]
    assert [q.as_dict()["high"] for q in extract(text, 2024)] == [7, None, None]


def comparators(text: str, year: int = 2024) -> list[str]:
    return [q.comparator for q in extract(text, year, "政府工作报告")]


def test_a_count_added_over_a_span_is_a_running_total():
    assert comparators("到2025年，累计建成5G基站1万个。") == ["累计"]
    assert comparators("全省累计新增高新技术企业4100家。") == ["累计"]
    assert comparators("累计培育省级数字化车间46个。") == ["累计"]
    assert comparators("全年新建5G基站3000个。") == ["新增"]  # no 累计: as before
    assert comparators("高新技术企业累计达到30家。") == ["达到"]  # a level word keeps its own


HELD_OUT_CUMULATIVE = {  # written after the rule, run once (first run: 8 of 8 as the definition says)
    "截至去年底，全县累计培育国家级专精特新企业12家。": ["累计"],
    "五年来累计新建农村公路3200公里。": ["累计"],
    "累计引进博士以上高层次人才450人。": ["累计"],
    "全市累计建成充电桩2.3万个，其中今年新建8000个。": ["累计", "新增"],
    "累计发放稳岗补贴3.2亿元。": [""],  # no adding word: a bare 累计 is left as it was (none)
    "今年新建保障性住房5000套。": ["新增"],
    "累计达到45家。": ["达到"],
    "累计建设智慧工厂20个以上。": ["累计"],
}


def test_held_out_running_totals():
    for text, expected in HELD_OUT_CUMULATIVE.items():
        assert comparators(text) == expected, text


def found(text: str) -> list[tuple]:
    return [(q.value, q.unit, q.clause) for q in extract(text, 2026, "行动方案")]


def test_a_heading_run_into_its_body_counts_its_figure_once():
    assert found("（三）新增充电桩5000个。全市新增充电桩5000个，覆盖所有乡镇。") == [(5000, "个", "全市新增充电桩5000个")]
    assert found("一、建成5G基站1万个\n到2026年，全市建成5G基站1万个。") == [(1, "万个", "全市建成5G基站1万个")]
    assert len(found("全市新增充电桩5000个。全市新增充电桩5000个。")) == 2  # no heading: both stay, as before


HELD_OUT_HEADINGS = {  # written after the rule, run once (first run: 6 of 6)
    "（二）培育专精特新企业50家。力争到2026年，全市培育专精特新企业50家，其中国家级10家。": [50, 10],
    "1．新建公办幼儿园20所\n全年新建公办幼儿园20所，新增学位6000个。": [20, 6000],
    "三、实施重点项目100个。今年实施重点项目100个，完成投资300亿元。": [100, 300],
    "（一）全市新增就业2万人。全年城镇新增就业2万人。": [2],
    "（四）推进老旧小区改造。全年改造老旧小区120个。": [120],
    "一、新增绿地50公顷。新增绿地30公顷，其余20公顷明年完成。": [50, 30, 20],  # another value: no copy
}


def test_held_out_run_in_headings():
    for text, values in HELD_OUT_HEADINGS.items():
        assert [v for v, _, _ in found(text)] == values, text


class _Passage(NamedTuple):
    text: str
    ordinal: int
    years: tuple = (2025,)


class _Meta(NamedTuple):
    doc_type: str = "行动方案"
    years: tuple = (2025,)
    issued: str = ""


TEXTS = ["（五）建设智慧停车泊位3000个", "到2025年，建设智慧停车泊位3000个，缓解停车难。", "六、引进高层次人才500人", "全年引进各类人才1万人。"]


def test_a_heading_passage_gives_way_to_the_next_passage_that_repeats_its_figure():
    passages = [_Passage(t, k) for k, t in enumerate(TEXTS)]
    stored = [[(q.value, q.unit) for q in decode(e or "", p.text)] for p, e in zip(passages, encode_all(passages, _Meta()))]
    assert stored == [[], [(3000, "个")], [(500, "人")], [(1, "万人")]]  # 500人 is not repeated: it stays


def test_the_view_extracting_at_query_time_drops_the_same_copies():
    class Index:
        def document(self, doc_id):
            return {}, [{"passage": k, "text": t} for k, t in enumerate(TEXTS)]

    part_of = _PartOf(Index())
    rows = [_fresh(SimpleNamespace(doc_id="d", passage=k, text=t, doc_type="行动方案"), [], "", 2025, 0, part_of.following)
            for k, t in enumerate(TEXTS)]
    assert [[(s.value, s.unit) for s in r] for r in rows] == [[], [(3000, "个")], [(500, "人")], [(1, "万人")]]

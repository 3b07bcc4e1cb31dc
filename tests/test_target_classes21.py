"""Classes of target extraction read from holdout21's and holdout22's misses after their first runs (the targets21
round; holdout23 and holdout24, labelled twice and adjudicated before any run, are its held-out estimate), sentences
of our own, through meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_a_level_or_a_standard_ends_a_metric():
    assert rows("全省城乡居民基础养老金最低标准提高15元。")[0][2:4] == ("增长", "城乡居民基础养老金最低标准")
    assert rows("机关事业单位退休人员养老金水平提高3%。")[0][3] == "机关事业单位退休人员养老金水平"
    assert rows("建设标准化厂房12万平方米。")[0][3] == "标准化厂房"  # 标准 inside 标准化 names no measure
    assert rows("支持6所高水平大学建设。")[0][3] == "高水平大学"


def test_jiben_alone_names_nothing():
    found = rows("新开工城镇保障性住房18万套，基本建成12万套。")
    assert [q[3] for q in found] == ["新开工城镇保障性住房", "新开工城镇保障性住房"]


def test_a_verb_of_adding_inside_a_head_after_an_amount_stays_in_the_noun():
    assert rows("今年拟发行600亿元特别建设国债。")[0][3] == "特别建设国债"
    assert rows("全区32个重点行业增加值增长6%。")[0][3] == "重点行业"  # a change word inside a head stops the count's noun


def test_a_head_inside_a_quoted_name_cuts_nothing():
    found = rows("“江城标准”、“江城制造”分别新增8个和15项。")
    assert {q[3] for q in found} == {"“江城标准”、“江城制造”"}


def test_baokuo_and_you_are_no_part_of_a_metric():
    assert rows("包括境外发债收入85亿美元。")[0][3] == "境外发债收入"
    assert rows("全县城乡低保标准又提高8%。")[0][3] == "城乡低保标准"

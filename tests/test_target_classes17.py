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

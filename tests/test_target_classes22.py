"""Classes of target extraction read from holdout23's and holdout24's misses after their first runs (the targets22
round), sentences of our own, through meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_a_reach_verb_alone_takes_the_clause_befores_metric():
    found = rows("全年发放困难群众救助金8亿元，惠及42万人。")
    assert found[1][3] == "困难群众救助金"
    assert rows("学生营养改善计划惠及1200万孩子。")[0][3] == "学生营养改善计划惠及孩子"  # a noun after: as before


def test_nianjun_shangzhang_is_a_yearly_change():
    assert rows("五年来全市居民消费价格年均上涨2.3%。")[0][2:4] == ("年均增长", "居民消费价格")


def test_a_verb_of_adding_opening_its_clause_keeps_its_object_over_a_de():
    assert rows("新增贯通城乡的骑行道300公里。")[0][2:4] == ("新增", "贯通城乡的骑行道")
    assert rows("按其新增研发投入的10%给予补助。")[0][2] == ""  # inside a clause: the 新增 is a noun's
    assert rows("新增财力的六成以上用于民生。")[0][2] == "超过"  # before a ratio: as before


def test_a_change_word_before_a_magnitude_and_its_noun_upgrades_them():
    assert rows("提高3000万农村居民饮水保障水平。")[0][2] == ""


def test_a_bare_money_noun_after_an_amount_names_nothing():
    assert rows("今年省财政安排45亿元资金支持稳就业。")[0][3] == "省财政"
    assert rows("拿出20亿元资金用于乡村振兴。")[0][3] == "乡村振兴"

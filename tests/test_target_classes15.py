"""Classes of target extraction first seen on holdout15's misses (read after its first runs, so holdout15 is no
longer blind for them), sentences of our own, through meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "统计公报", year: int = 2023) -> list[tuple]:
    return [(q.value, q.unit, q.metric) for q in extract(text, year, doc_type)]


def test_incidents_and_cases_are_counted_with_qi_and_li():
    found = rows("全年共查处食品安全违法案件46起，其中较大案件3起。")
    assert [q[:2] for q in found] == [(46.0, "起"), (3.0, "起")]
    assert "食品安全违法案件" in found[0][2] and found[1][2] == "较大案件"
    assert rows("全区报告法定传染病病例215例。")[0][:2] == (215.0, "例")
    assert rows("发生较大交通事故两起。")[0][:2] == (2.0, "起")


def test_yiqi_together_is_no_quantity():
    assert rows("政企双方要拧成一股绳、想在一起、干在一起。") == []
    assert rows("同兄弟省份一起推进长江大保护。") == []

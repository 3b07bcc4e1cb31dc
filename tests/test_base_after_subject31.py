"""A district that opens a paragraph and builds on a zone of its city (session 31, h-blind31a).

`坪山区依托深圳国家高新区坪山园区，建设…` in a 深圳 plan was filed under 深圳市: the zone counted as a second place
of the city.  A place named after 依托 is the subject's base, not another subject, so the paragraph is the
district's.  Through the CLI, on texts in our own words; the 广州 plan is held out."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PLAN = """杭州市加快发展智能物联产业行动方案

一、总体目标
全市智能物联产业营业收入年均增长百分之十以上。

二、区域布局
萧山区依托杭州高新区萧山园，建设视觉感知芯片和模组产业集聚区。
余杭区依托浙江杭州高新区，发展智能网联汽车电子。
"""

HELD_OUT = """广州市推动新型储能产业发展实施方案

一、区域布局
黄埔区依托广州开发区，打造储能电芯和系统集成制造基地。
"""


def test_a_base_after_the_subject_leaves_the_passage_to_it(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN, "held_out.txt": HELD_OUT})
    assert jsonl("search", "视觉感知芯片", "--index", index)[0]["region_path"] == ["浙江省", "杭州市", "萧山区"]
    assert jsonl("search", "储能电芯和系统集成", "--index", index)[0]["region_path"] == ["广东省", "广州市", "黄埔区"]
    # … and after a province's name (h-blind31b's 岳麓区依托湖南湘江新区)
    assert jsonl("search", "智能网联汽车电子", "--index", index)[0]["region_path"] == ["浙江省", "杭州市", "余杭区"]

"""A one-place text's paragraph that goes place by place (session 31, h-blind31a).

`（二）推动区县协同发展。肥西县要…；庐阳区要…。` in a 合肥 report was one passage filed under 合肥市: a paragraph
whose every clause after a lead opens with a place inside the text's (；- or 。-separated) is now cut where each
begins, as a round-up's is, so each clause is filed under its place.  A paragraph on one subject in which one
sentence happens to open with a place (厦门马拉松…) is not cut.  Through the CLI, on texts in our own words; the
湖南 plan is held out."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl

REPORT = """2025年六安市政府工作报告

（三）推动县区特色发展。霍山县要加快建设高纯石英材料产业园，引进坩埚和石英管项目三个；金寨县要依托抽水蓄能电站，发展储能装备制造；舒城县要扩大新型显示配套产能，推动背光模组项目投产。

文化旅游持续升温。大别山主峰景区游客量增长两成，全市接待游客突破四千万人次，旅游收入增长百分之十五。
"""

HELD_OUT = """湖南省先进储能材料产业发展方案

二、产业布局
株洲市重点发展锂电池正极材料和储能变流器。湘潭市重点发展锰酸锂和储能电池回收利用。衡阳市重点发展钠离子电池和储能集成。
"""



def test_a_paragraph_going_place_by_place_is_cut(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT, "held_out.txt": HELD_OUT})
    assert first_hit(index, "高纯石英材料产业园")["region"] == "霍山县"
    assert first_hit(index, "抽水蓄能电站")["region"] == "金寨县"
    assert first_hit(index, "背光模组项目投产")["region"] == "舒城县"
    assert first_hit(index, "锂电池正极材料")["region"] == "株洲市"
    assert first_hit(index, "储能电池回收利用")["region"] == "湘潭市"
    assert first_hit(index, "钠离子电池")["region"] == "衡阳市"


def test_a_paragraph_on_one_subject_stays_whole(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    hit = jsonl("search", "旅游收入增长百分之十五", "--index", index)[0]
    assert hit["text"].startswith("文化旅游持续升温。") and hit["region"] == "六安市"

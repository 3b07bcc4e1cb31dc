"""A sentence that goes place by place at its commas (session 32, h-blind31a's one left case).

`南安市…量产，石狮市…转型。` in a 泉州 report was one passage filed under the city: a paragraph whose every comma
clause after a lead (none, `2024年，`, `其中，`, a colon lead `各板块亮点纷呈：`) opens with a place inside the text's
is now cut at each place, as the ；-separated form already was.  The cut parts end in a comma and are clauses, not
heading lines: the paragraphs after them keep the text's place and years.  Not cut: a clause that opens with no place
(`…，同比增长12%，…`).  A clause that opens with a list of places (`武进区、新北区要…；溧阳市要…`) is, since session 35,
a part of its own, the text's place's, and the clause after it is 溧阳市's (it kept the paragraph whole before).
Through the CLI, on texts in our own words; the 安徽 story is held out."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl

REPORT = """2025年常州市政府工作报告

过去一年，全市新能源和半导体产业保持较快增长。

溧阳市动力电池管理芯片项目实现批量供货，金坛区新增车规级功率模块封测企业三家。

2024年，武进区碳化硅衬底中试线通线运行，新北区光刻胶配套材料项目竣工，天宁区引进显示驱动芯片设计团队。

各板块特色鲜明：钟楼区建成工业软件适配验证中心；天宁区落地智能传感器晶圆测试线。

武进区、新北区要共建第三代半导体创新走廊；溧阳市要做强电池材料产业链。

溧阳市储能电芯项目投产，同比增长百分之四十，金坛区新增储能电站两座。

今年全市规模以上工业增加值预期增长百分之六。
"""

HELD_OUT = """省内集成电路产业去年增势不减

本报讯 2025年全省集成电路产业营收增长百分之二十一。其中，合肥的晶圆制造新增产能占全省七成，芜湖的车规芯片封测线全面达产，滁州的光伏硅片出口保持两位数增长。
"""


def test_comma_clauses_each_opening_with_a_place_are_cut(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert first_hit(index, "动力电池管理芯片")["region"] == "溧阳市"
    assert first_hit(index, "车规级功率模块封测")["region"] == "金坛区"
    assert first_hit(index, "碳化硅衬底中试线")["region"] == "武进区"
    assert first_hit(index, "光刻胶配套材料")["region"] == "新北区"
    assert first_hit(index, "显示驱动芯片设计团队")["region"] == "天宁区"
    hit = first_hit(index, "工业软件适配验证中心")
    assert hit["region"] == "钟楼区" and hit["text"].startswith("各板块特色鲜明：")
    assert first_hit(index, "智能传感器晶圆测试线")["region"] == "天宁区"
    assert first_hit(index, "动力电池管理芯片")["years"] == [2024]


def test_the_text_after_the_cut_keeps_its_place_and_years(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    hit = first_hit(index, "规模以上工业增加值预期")
    assert (hit["region"], hit["years"]) == ("常州市", [2025])


def test_clauses_without_a_place_stay_whole_and_a_list_is_a_part_of_its_own(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    hit = first_hit(index, "第三代半导体创新走廊")
    assert hit["text"] == "武进区、新北区要共建第三代半导体创新走廊；" and hit["region"] == "常州市"
    assert first_hit(index, "做强电池材料产业链")["region"] == "溧阳市"
    hit = first_hit(index, "储能电芯项目投产")
    assert hit["text"].endswith("新增储能电站两座。")


def test_held_out_story_cut_at_its_commas(tmp_path):
    index = ingest_docs(tmp_path, {"news.txt": HELD_OUT})
    assert first_hit(index, "晶圆制造新增产能")["region"] == "合肥市"
    assert first_hit(index, "车规芯片封测线")["region"] == "芜湖市"
    assert first_hit(index, "光伏硅片出口")["region"] == "滁州市"
    hit = jsonl("search", "营收增长百分之二十一", "--index", index)[0]
    assert hit["region"] == "安徽省"

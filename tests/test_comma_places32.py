"""A sentence that goes place by place at its commas stays one passage (session 38; cut at each comma in sessions 32–37).

`南安市…量产，石狮市…转型。` in a 泉州 report was cut into a passage a clause, each filed under its place; a query naming
two of its places (`南安 石狮`) or words of two clauses then found nothing, in plain search and with
`--same-sentence` (h-user38's first defect).  A passage is what search reads terms together in, so a sentence is never
cut: it is the text's place's (a list of places under it), and a ；-clause or a sentence still files under its place.
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


def test_a_sentence_of_places_at_its_commas_stays_whole_and_is_found_by_two_of_them(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    hit = first_hit(index, "动力电池管理芯片")
    assert hit["text"].endswith("新增车规级功率模块封测企业三家。") and hit["region"] == "常州市"
    for query in ("动力电池管理芯片 金坛", "碳化硅衬底中试线 显示驱动芯片设计团队", "武进区 天宁区"):
        for scope in ((), ("--same-sentence",)):
            hits = jsonl("search", query, "--index", index, *scope)
            assert len(hits) == 1, (query, scope)
    assert first_hit(index, "碳化硅衬底中试线")["years"] == [2024]
    # a ；-clause still files under the place it opens with
    hit = first_hit(index, "工业软件适配验证中心")
    assert hit["region"] == "钟楼区" and hit["text"].startswith("各板块特色鲜明：")
    assert first_hit(index, "智能传感器晶圆测试线")["region"] == "天宁区"


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


def test_held_out_story_at_its_commas_stays_whole(tmp_path):
    index = ingest_docs(tmp_path, {"news.txt": HELD_OUT})
    hit = first_hit(index, "晶圆制造新增产能")
    assert hit["region"] == "安徽省" and "光伏硅片出口" in hit["text"]
    assert len(jsonl("search", "合肥 滁州", "--index", index, "--same-sentence")) == 1

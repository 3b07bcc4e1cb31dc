"""A county-level city's short name in a list with a zone (h-user39: `推动昆山、苏州工业园区先进封装项目建设` in 苏州's report
was filed under the zone, as if the park alone were meant, so `-r 苏州工业园区` listed the city's target and `-r 昆山` did
not find it).  A county's short name alone is often a word (资源, 城区) and does not count; in a list of places (、 beside
another place) it is a place: the passage names two of the city's places and is the city's.  Our own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs

REPORT = """宁波市2025年政府工作报告

二、2025年重点工作

壮大汽车电子产业，推动余姚、宁波前湾新区车规级芯片封测项目建设，力争产业产值达到600亿元。

支持宁波前湾新区建设智能汽车零部件产业园，引进整车配套企业20家。
"""


def test_a_short_name_listed_beside_a_zone_makes_the_passage_the_citys(tmp_path):
    index = ingest_docs(tmp_path, {"ningbo.txt": REPORT})
    listed = first_hit(index, "车规级芯片封测")
    assert (listed["region_path"], listed["zone"]) == (["浙江省", "宁波市"], "")
    alone = first_hit(index, "智能汽车零部件产业园")
    assert (alone["region_path"], alone["zone"]) == (["浙江省", "宁波市"], "前湾新区")
    done = cli("search", "车规级芯片封测", "-r", "前湾新区", "--index", index)
    assert done.returncode == 1, done.stdout


NOTICE = """工业和信息化部办公厅关于开展算力赋能制造业试点工作的通知

各省、自治区、直辖市工业和信息化主管部门：

经评审，确定太原市、南昌市、贵阳市等5个城市为首批试点城市，试点期为2025—2027年。

（一）建设公共服务平台。试点城市要在试点期内建成至少1个算力公共服务平台。

（二）推动芯片适配验证。贵阳市重点开展国产加速芯片与大模型的适配验证。

工业和信息化部办公厅
2025年5月6日
"""

REPLY = """关于区人大代表建议的答复

王代表：

您提出的关于加快装备产业发展的建议收悉，现答复如下。

二、关于建设装备产业园。大连市已将金州装备产业园纳入全市重点项目，园区一期计划2026年建成。

大连市金州区工业和信息化局
2025年6月3日
"""


def test_a_run_in_headings_next_sentence_opening_on_a_place_inside_the_texts(tmp_path):
    """h-blind39b: `（二）推动芯片适配验证。贵阳市重点开展…` in a ministry's notice was 全国: the sentence after a numbered
    run-in heading opens with the place, as a paragraph opening with it does; not a place above the text's own (a
    district's reply naming its city after its heading stays the district's)."""
    index = ingest_docs(tmp_path, {"notice.txt": NOTICE, "reply.txt": REPLY})
    assert first_hit(index, "国产加速芯片")["region_path"] == ["贵州省", "贵阳市"]
    assert first_hit(index, "建成至少1个")["region_path"] == ["全国"]
    assert first_hit(index, "金州装备产业园")["region_path"] == ["辽宁省", "大连市", "金州区"]


def test_a_short_name_listed_beside_the_texts_own_place_or_one_elsewhere_is_no_subject(tmp_path):
    """h-review39: `推动宁波、余姚同城化发展…` and `推动杭州、余姚联动发展…` in a 宁波 text went to 余姚市: the short name counts
    only beside another place inside the text's own."""
    index = ingest_docs(tmp_path, {"ningbo2.txt": "宁波市2025年政府工作报告\n\n二、2025年重点工作\n\n推动宁波、余姚同城化发展，共建光电产业走廊。\n\n"
                                                  "推动杭州、余姚联动发展，共建数字经济走廊。\n"})
    assert first_hit(index, "同城化发展")["region_path"] == ["浙江省", "宁波市"]
    assert first_hit(index, "联动发展")["region_path"] == ["浙江省", "宁波市"]


ROUNDUP = """湘中多市密集部署功率半导体

来源：湘江日报2026-03-10

近日，长沙、株洲、湘潭、衡阳等地相继公布今年功率半导体产业重点任务。

长沙：长沙今年将推动功率模块封测项目投产。

株洲：株洲市将建设车规级IGBT产线二期。

衡阳：衡阳市重点发展碳化硅材料，衡山县引进衬底项目两个。

总体来看，湘中各市正在形成“长株设计制造、衡阳材料配套”的分工格局。

湖南省工业和信息化厅有关负责人表示，今年全省将新增功率半导体项目30个。
"""


def test_a_round_ups_summary_and_its_provinces_body_close_the_last_citys_section(tmp_path):
    """h-blind39c: after a round-up's last city section, `总体来看，…各市…` naming that city among others, and the
    province's own department speaking (`湖南省工业和信息化厅有关负责人表示，…`), stayed in the city's section."""
    index = ingest_docs(tmp_path, {"hunan.md": ROUNDUP})
    assert first_hit(index, "衡山县引进衬底项目")["region_path"][:2] == ["湖南省", "衡阳市"]
    assert first_hit(index, "分工格局")["region_path"] == ["湖南省"]
    assert first_hit(index, "新增功率半导体项目30个")["region_path"] == ["湖南省"]


def test_a_higher_levels_plan_quoted_with_its_whole_province_is_the_provinces(tmp_path):
    """h-blind39c: `省行动方案提出，到2027年全省功率半导体产业规模突破…` in a city's plan carrying the province's down was
    the city's: the province's plan speaks of the whole province; the city's own target stays the city's."""
    plan = ("湘潭市落实全省功率半导体产业发展行动方案的实施方案（2025—2027年）\n\n一、总体要求\n\n"
            "省行动方案提出，到2027年全省功率半导体产业规模突破1000亿元，湘潭要发挥材料配套优势。\n\n"
            "到2027年，全市功率半导体产业规模突破200亿元。\n")
    index = ingest_docs(tmp_path, {"xiangtan.txt": plan})
    assert first_hit(index, "全省功率半导体产业规模突破1000亿元")["region_path"] == ["湖南省"]
    assert first_hit(index, "全市功率半导体产业规模突破200亿元")["region_path"] == ["湖南省", "湘潭市"]

"""A news paragraph whose subject is a neighbour named after 邻市, 隔壁的… (session 31).

`邻市湖州也在加快布局…` in a 嘉兴 story reports what 湖州 does: it is filed under 湖州 now, as `湖州也在…` was
(meta/elsewhere.py); the neighbour word before the name hid the opening.  A paragraph that also speaks of the
story's own place (我市, 全市) stays with it.  Through the CLI, on texts in our own words; the second story is a
held-out variant."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

STORY = """嘉兴加快布局光电子产业

本报讯 嘉兴市日前出台光电子产业发展三年行动计划，提出重点支持光通信器件和激光器。

邻市湖州也在加快布局，今年已引进光芯片项目四个，总投资超过六十亿元。

邻市绍兴的两家封测企业近日来我市考察，双方将在检测设备共享方面开展合作。
"""

HELD_OUT = """太仓推动车规级芯片应用

太仓市近日召开汽车零部件企业座谈会，推动本地整车配套企业采用车规级芯片。

隔壁的昆山已经建成功率器件验证中心，为周边企业提供可靠性测试服务。
"""



def test_a_neighbours_paragraph_is_the_neighbours(tmp_path):
    index = ingest_docs(tmp_path, {"story.txt": STORY, "held_out.txt": HELD_OUT})
    assert first_hit(index, "光芯片项目四个")["region"] == "湖州市"
    assert first_hit(index, "功率器件验证中心")["region"] == "昆山市"
    assert first_hit(index, "光通信器件和激光器")["region"] == "嘉兴市"
    assert first_hit(index, "检测设备共享")["region"] == "嘉兴市"  # 来我市考察: about the story's own place


ROUNDUP = """中部三城竞逐功率半导体

记者近日走访了中部地区三座城市的功率半导体产业园。

株洲：依托轨道交通装备优势，株洲今年新增IGBT模块产线两条。

与株洲相邻的湘潭市则把碳化硅衬底作为突破口，计划引进长晶项目三个。

南昌：南昌高新区的氮化镓外延项目已进入设备调试阶段。
"""


def test_a_round_up_turns_to_the_neighbour_it_names(tmp_path):
    index = ingest_docs(tmp_path, {"roundup.txt": ROUNDUP})
    assert first_hit(index, "碳化硅衬底作为突破口")["region"] == "湘潭市"
    assert first_hit(index, "IGBT模块产线两条")["region"] == "株洲市"

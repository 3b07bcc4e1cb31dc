"""Fixes from h-blind31b's place misses (session 31), on texts in our own words, through the CLI.

- A neighbour city named after the story's own (与芜湖相邻的马鞍山市则…, in a 芜湖 story) is the paragraph's subject:
  the own place in the lead is no subject of it.  Between two districts of one city (与鼓楼区隔江相望的仓山区则… in a
  鼓楼区 text) the paragraph stays the city's, as before.  早已 marks a subject too (隔壁的深圳早已是…).
- In a county's or banner's story the whole above it: 从全盟看，… (a league), 广东省能源局数据显示，全省…, and
  全区 in an autonomous region's banner (内蒙古…全区…).
- A title naming a county by its short name (太仓：…) places the story there when the text says 太仓全市 (its own
  level right after the short name), as it did for the full name 太仓市."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

WUXI = """宜兴加快布局第三代半导体

宜兴市近日召开第三代半导体产业推进会，明确到年底建成碳化硅衬底中试线。

与宜兴相邻的长兴县则把目光投向了锂电池回收，今年已引进项目十余个。

隔壁的常州早已是光伏组件制造重镇，天合、亿晶等企业产能持续扩大。

从全省看，江苏第三代半导体产业规模已居全国前列。
"""

BANNER = """阿右旗风光制氢项目开工

阿右旗日前举行风光制氢一体化项目开工仪式，项目总投资六十亿元。

从全盟看，阿拉善盟新能源装机已突破五百万千瓦。

内蒙古自治区能源局有关负责人介绍，全区新能源装机规模已居全国首位。
"""

TAICANG = """太仓：航空零部件产业加速集聚

2025-05-20　来源：苏州日报

今年以来，太仓全市航空零部件产业完成产值一百二十亿元，同比增长百分之十八。

广东省能源局数据显示，全省新型储能装机规模已突破一千万千瓦。
"""


def _path(index, anchor: str) -> list[str]:
    return jsonl("search", anchor, "--index", index)[0]["region_path"]


def test_neighbours_and_the_whole_above(tmp_path):
    index = ingest_docs(tmp_path, {"wuxi.txt": WUXI, "banner.txt": BANNER, "taicang.txt": TAICANG})
    assert _path(index, "锂电池回收") == ["浙江省", "湖州市", "长兴县"]
    assert _path(index, "光伏组件制造重镇") == ["江苏省", "常州市"]
    assert _path(index, "第三代半导体产业规模已居全国前列") == ["江苏省"]
    assert _path(index, "新能源装机已突破五百万千瓦") == ["内蒙古自治区", "阿拉善盟"]
    assert _path(index, "新能源装机规模已居全国首位") == ["内蒙古自治区"]
    assert _path(index, "航空零部件产业完成产值") == ["江苏省", "苏州市", "太仓市"]
    assert _path(index, "全省新型储能装机规模") != ["江苏省"]  # (广东's figure in a 太仓 story)


ROUNDUP = """三地生物医药园区年中观察

在苏州工业园区，生物医药产业产值今年有望突破一千五百亿元。

目光转向成都，双流区新增创新药临床批件十二个。

再看泰州，中国医药城会展交易中心全年办展四十场。
"""


def test_a_round_up_turns_to_a_city_then_a_place_inside_it(tmp_path):
    index = ingest_docs(tmp_path, {"roundup.txt": ROUNDUP})
    assert _path(index, "创新药临床批件十二个") == ["四川省", "成都市", "双流区"]

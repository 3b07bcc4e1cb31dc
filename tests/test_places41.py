"""Places of passages, session 41's blind round (h-blind41a/b/c), on documents in our own words, through the CLI.

- A paragraph going place by place in a one-place text, one of whose sentences opens on a group of places by a group's
  word or name (甬舟一体化地区要…, 呼包鄂乌要…): it was left whole under the text's place; now the group's sentence is a
  part of its own (the province's) and the places' sentences are cut.  More of one province's city groups are known.
- A national body after a run-in heading (（一）用好国家支持政策。国家对…) or acting in the future (国家发展改革委将…): 全国.
- In a one-province round-up the province's body after 据 (据湖南省统计局监测，…) or the province as a whole (全省…) ends
  the last city's section.
- A district's 大学城 (呈贡区大学城要…) is the district, not a university named after it.
- A zone the district acts on (朝阳区要加快长春新区…建设) does not make the passage its city's.
- (h-blind41e) A ；-clause opening on a verb and a list of places (推动莱芜区、钢城区发展…) kept the paragraph whole;
  a group named after its first city (成都平原经济区要…) was that city's.
- A joint text of two provinces: a paragraph going place by place in ；-clauses after its run-in heading is cut, the
  run-in heading's first place files its part, and a list of places of one city is that city's.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, passage_finder

GROUP = """浙江省2025年政府工作报告

——2025年1月15日在浙江省第十四届人民代表大会第三次会议上

二、2025年主要任务

（三）推动区域协调发展。杭州高新区要打造数字经济高地，建设一批芯片设计平台。甬舟一体化地区要加快港产城融合，提升临港产业能级。支持温州建设东南沿海区域中心城市，发展电子元器件产业。嘉兴要加快融入上海大都市圈，壮大光伏和半导体装备产业。
"""

GROUP_NAME = """包头市2024年政府工作报告

二、2024年重点工作

（五）深化区域合作。呼包鄂乌要加快一体化发展，共同打造沿黄河产业带。昆都仑区要建设稀土新材料集聚区。青山区要推进装备制造转型升级。
"""

NATIONAL = """山西省人民政府关于加快集成电路产业发展的实施意见

晋政发〔2024〕9号

各市人民政府，省人民政府各委、厅，各直属机构：

三、政策措施

（一）用好国家支持政策。国家对符合条件的集成电路设计企业实行企业所得税定期减免，各市要做好政策宣传和申报辅导。

（二）加大省级资金支持。省级财政每年安排专项资金2亿元，支持重大项目建设。

国家发展改革委将把符合条件的项目纳入超长期特别国债支持范围，各市要提前谋划项目储备。

山西省人民政府
2024年5月10日
"""

ROUNDUP = """湖南多市晒出集成电路产业成绩单

2026-01-20 10:15　来源：湖南日报

近日，湖南省多个城市陆续召开人代会，集成电路产业成为各地报告中的高频词。

长沙：打造功率半导体高地

长沙提出，今年将加快建设功率半导体产业园，推动碳化硅项目扩产。

株洲：做强轨道交通芯片

株洲表示，将依托龙头企业，提升车规级IGBT模块产能。

衡阳：布局封装测试

衡阳计划新引进封测企业10家，形成配套能力。

据湖南省统计局监测，全省集成电路产业营收2025年突破800亿元，同比增长18%。

全省规模以上电子信息制造业增加值增长12.5%。
"""

CAMPUS = """昆明市2025年政府工作报告

二、2025年重点工作

（四）优化产业空间布局。呈贡区大学城要加快建设科技成果转化中心；官渡区要提升光电子产业园配套水平；安宁市要推进新材料产业集聚发展。

支持云南大学与企业共建集成电路人才实训基地。
"""

ZONE_OBJECT = """长春市2024年政府工作报告

三、2024年重点工作

朝阳区要加快长春新区光电信息产业园建设，引进光学镜头企业5家。

绿园区要依托长春汽车经济技术开发区，布局车规级芯片封测项目。
"""

JOINT = """江苏省工业和信息化厅 浙江省经济和信息化厅关于印发《苏浙毗邻地区集成电路产业协同发展行动方案（2025—2027年）》的通知

苏工信电子〔2025〕31号

各有关设区市工业和信息化主管部门：

现将《苏浙毗邻地区集成电路产业协同发展行动方案（2025—2027年）》印发给你们，请结合实际认真贯彻落实。

一、总体要求

到2027年，毗邻地区集成电路产业规模突破3000亿元，形成分工合理的产业链协作体系。

二、重点任务

（一）共建设计创新平台。苏州市重点建设芯片设计公共服务平台，提供EDA工具共享服务；嘉兴市重点建设封装测试验证中心。

（二）推动制造环节协同。无锡高新区要加快建设12英寸特色工艺产线，湖州南太湖新区配套发展电子化学品。

（三）强化要素保障。吴江区、昆山市要联合设立人才公寓，统筹解决工程师住房问题。

苏州市重点建设芯片设计公共服务平台，提供EDA工具共享服务。

（四）嘉兴市重点建设封装测试验证中心。

（五）深化园区合作。支持嘉兴市与苏州市共建产业合作园。

江苏省工业和信息化厅　　浙江省经济和信息化厅
2025年4月8日
"""


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """The place (path) of the passage that starts with a text, in a document whose file name is given."""
    index = ingest_docs(tmp_path_factory.mktemp("places41"), {f"{name}.txt": text for name, text in FILES.items()})
    find = passage_finder(index, "的 OR 要 OR 市 OR 区 OR 省 OR 产 OR 业")
    return lambda name, start: "/".join(find(name, start)["region_path"])


VERB_LIST = """济南市集成电路产业三年行动计划（2025—2027年）

二、重点任务

（一）优化空间布局。支持济南高新区打造芯片设计和功率器件研发高地；推动历下区发展集成电路软件和测试服务；支持章丘区建设封装材料产业园；推动莱芜区、钢城区发展电子级新材料。
"""

GROUP_CITY = """四川省2026年政府工作报告

二、2026年重点工作

（三）推动区域协调发展。成都平原经济区要加快电子信息产业协同，川南经济区要承接产业转移，川东北经济区要发展配套产业。

成都平原经济区要率先建成电子信息世界级产业集群。

成都市要加快建设国家中心城市，做强集成电路设计产业。
"""

OWN_NATIONAL = """无锡市2024年集成电路产业工作要点

（一）用好政策红利。与此同时，工业和信息化部已将我市列入集成电路产业链协同创新试点城市，要加快建设公共服务平台。

（二）争取国家支持。国家发展改革委已批复我市建设封装测试产业基地。
"""

SUPERLATIVE = """江苏多市晒出集成电路成绩单

近日，江苏省多个城市陆续召开人代会。

无锡：做强封测

无锡提出，今年将推动封测产业向高端迈进。

全省规模最大的封测企业去年营收超过三百亿元，今年将扩建先进封装产线。

常州：布局功率半导体

常州计划新引进功率器件企业8家。
"""

FILES = {"OWN_NATIONAL": OWN_NATIONAL, "SUPERLATIVE": SUPERLATIVE, "VERB_LIST": VERB_LIST, "GROUP_CITY": GROUP_CITY, "GROUP": GROUP, "GROUP_NAME": GROUP_NAME, "NATIONAL": NATIONAL, "ROUNDUP": ROUNDUP, "CAMPUS": CAMPUS,
         "ZONE_OBJECT": ZONE_OBJECT, "JOINT": JOINT}


def test_a_group_of_places_opening_a_sentence_is_a_part_of_its_own_and_the_places_are_cut(place):
    assert place("GROUP", "（三）推动区域协调发展。杭州高新区") == "浙江省/杭州市/滨江区"
    assert place("GROUP", "甬舟一体化地区要") == "浙江省"
    assert place("GROUP", "支持温州建设") == "浙江省/温州市"
    assert place("GROUP", "嘉兴要加快") == "浙江省/嘉兴市"
    assert place("GROUP_NAME", "（五）深化区域合作。呼包鄂乌要") == "内蒙古自治区"
    assert place("GROUP_NAME", "昆都仑区要") == "内蒙古自治区/包头市/昆都仑区"


def test_a_national_body_after_a_run_in_heading_or_acting_ahead_is_the_countrys(place):
    assert place("NATIONAL", "（一）用好国家支持政策。国家对") == "全国"
    assert place("NATIONAL", "国家发展改革委将") == "全国"
    assert place("NATIONAL", "（二）加大省级资金支持") == "山西省"


def test_the_provinces_body_or_the_whole_province_ends_a_citys_section_in_a_one_province_round_up(place):
    assert place("ROUNDUP", "衡阳计划") == "湖南省/衡阳市"
    assert place("ROUNDUP", "据湖南省统计局监测") == "湖南省"
    assert place("ROUNDUP", "全省规模以上") == "湖南省"


def test_a_districts_university_town_is_the_district(place):
    assert place("CAMPUS", "（四）优化产业空间布局。呈贡区大学城") == "云南省/昆明市/呈贡区"
    assert place("CAMPUS", "官渡区要") == "云南省/昆明市/官渡区"
    assert place("CAMPUS", "支持云南大学") == "云南省/昆明市"


def test_a_zone_the_district_builds_does_not_make_the_passage_its_citys(place):
    assert place("ZONE_OBJECT", "朝阳区要加快长春新区") == "吉林省/长春市/朝阳区"


def test_a_joint_texts_paragraph_goes_place_by_place_after_its_run_in_heading(place):
    assert place("JOINT", "（一）共建设计创新平台。苏州市") == "江苏省/苏州市"
    assert place("JOINT", "嘉兴市重点建设封装测试验证中心。") == "浙江省/嘉兴市"
    assert place("JOINT", "（三）强化要素保障。吴江区、昆山市") == "江苏省/苏州市"
    assert place("JOINT", "（五）深化园区合作。支持嘉兴市与苏州市") == "多地"


def test_a_clause_opening_on_a_verb_and_a_list_of_places_is_cut_as_a_list(place):
    assert place("VERB_LIST", "推动历下区") == "山东省/济南市/历下区"
    assert place("VERB_LIST", "支持章丘区") == "山东省/济南市/章丘区"
    assert place("VERB_LIST", "推动莱芜区、钢城区") == "山东省/济南市"


def test_a_group_named_after_its_first_city_is_the_groups(place):
    assert place("GROUP_CITY", "（三）推动区域协调发展。成都平原经济区要") == "四川省"
    assert place("GROUP_CITY", "成都平原经济区要率先") == "四川省"
    assert place("GROUP_CITY", "成都市要加快") == "四川省/成都市"


def test_a_national_body_acting_on_the_texts_own_place_is_the_texts(place):
    """(h-review41 4) 将/已 after a national body, a run-in heading or a link before it: not when the sentence names the
    text's own level (我市)."""
    assert place("OWN_NATIONAL", "（一）用好政策红利") == "江苏省/无锡市"
    assert place("OWN_NATIONAL", "（二）争取国家支持") == "江苏省/无锡市"


def test_the_whole_province_as_a_superlatives_scope_stays_in_the_citys_section(place):
    """(h-review41 5) 全省规模最大的… in 无锡's section is 无锡's."""
    assert place("SUPERLATIVE", "全省规模最大的封测企业") == "江苏省/无锡市"

"""Places, session 45 (the h-blind45 sets), on documents in our own words, through the CLI.

- (a) A speech's date line in brackets under its title names where it was given (`（2025年6月12日，武汉）`): the venue.
  The text is the place its speaker's line names (`江西省人民政府副省长　某某`), the venue only when no line does (a
  mayor speaking at home); it was the venue's, every passage of it.  A speaker's line also outweighs a title naming a
  group of places (`在2025长三角…合作大会上的致辞` by `安徽省人民政府副省长`: 安徽省, not 多地).  A paragraph whose subject is the host city
  (`武汉是我国…的重镇，…`) is that city's: `X是` marks a place as the subject as `X则`, `X也` do.
- (b) 深汕特别合作区, on land of 汕尾 and run wholly by 深圳 since 2018, is a place of its own under 深圳市 (it was
  汕尾's; two writers of different sets filed it under 深圳).  A paragraph in which another place's official speaks of
  that place (`陆丰市有关负责人表示，市里将…`, `汕尾市…负责人说，全市将…`) is that place's.
- (a, b) In a county-level city's story, its prefecture's official speaking of 全市 (`无锡市工业和信息化局有关负责人表示，
  全市将…` in a 宜兴 story) speaks for the prefecture; 全市 alone is still the county-level city's own whole.
- (a, c) In a zone's text, a part of it an aside locates (`位于长安区的高新区光电产业园…`, after a run-in heading too:
  `（二）推进跨区协作。位于栾城区的先进材料片区…`) is the division the aside names, the one of the text's city when several
  share the name (长安区 of 石家庄 and of 西安).
- (b) A title naming a place as the home of firms acting elsewhere (`…集中签约 绵阳企业跨市布局…`) is about the other
  place it names: the story was 四川省 (what 宜宾 and 绵阳 share), every passage of it.
- (b) In a city's plan laid out place by place (`（一）弋江区。…`, `（二）鸠江区。…`), a run-in item of the same rank opening on
  the city's own parks (`（三）芜湖电子材料产业园、芜湖智能装备园。…`) ends the section before: the city's (it was 鸠江区's).
- (c) A district signing with a firm whose name opens with another place's (`荷塘区与海门微电子材料有限公司签约…`) is the
  paragraph's subject: the district's (it was read as a list of two places, or as the firm's home: the city's).
- (h-review45) Not over-reached: a venue line opens no section, and a speech to 全省 given in one of its cities is the
  province's (`各位来宾` is no 来宾市); `南京是…城市，要主动融入…` in 马鞍山's plan is 马鞍山's own voice (a bare description
  of 南京 is 南京's); a title's `常州企业组团亮相深圳…展览会` is 常州's; `深汕高铁沿线…` names no 深汕 zone; a run-in heading
  naming the zone itself (`（三）高新区深化园区共建。位于鹿泉区的…`) gives way to the part the aside locates.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, passage_finder

SPEECH = """在2025集成电路产业创新发展大会上的致辞
（2025年6月12日，武汉）
江西省人民政府副省长　某某

各位嘉宾，朋友们：
初夏时节，江城武汉。很高兴来到这里参加大会。我代表江西省人民政府，向大会召开表示祝贺！
武汉是我国光电子信息产业的重镇，光谷集聚了一批存储芯片和光通信企业，为大会提供了良好平台。
近年来，江西把电子信息作为首位产业来培育。去年，全省电子信息产业营收增长12%。
今年以来，我们设立了省级半导体产业引导基金，首期规模50亿元。
最后，祝大会取得圆满成功！
"""

HOME_SPEECH = """在全市半导体产业推进会上的讲话
（2025年3月8日，芜湖）
某某

同志们：
今天召开全市半导体产业推进会，主要任务是总结去年工作，部署今年任务。
去年，全市半导体产业营收增长18%，新落地功率器件项目6个。
今年，全市要围绕功率半导体和车规级芯片，新引进重点项目10个以上。
"""

SHENSHAN = """深汕特别合作区新建半导体材料园 首批项目动工
2025-04-10　来源：某某产经网

4月9日，深汕特别合作区半导体材料产业园首批5个项目集中动工，总投资约45亿元。
合作区管委会有关负责人介绍，园区将重点引进电子化学品和封装材料企业，今年完成标准厂房建设20万平方米。
陆丰市有关负责人表示，市里将组织本地配套企业参与园区供应链对接。
汕尾市发展和改革局负责人说，全市将加快完善交通和物流配套。
"""

COUNTY_CITY = """宜兴半导体材料产业园扩容
来源：某某日报2025-07-02

7月1日，宜兴经济技术开发区半导体材料产业园二期开工，计划引进湿电子化学品项目8个。
今年上半年，宜兴市半导体材料产业产值增长22%，园区新增规上企业5家。
无锡市工业和信息化局有关负责人表示，全市将支持宜兴、江阴两地错位发展封装材料和设备零部件产业。
"""

ZONE_PARTS = """石家庄高新区2025年工作总结
石家庄高新技术产业开发区管理委员会

一、主要成效
全区规模以上工业总产值增长9%，集成电路封测产值首次突破60亿元。
位于长安区的高新区光电产业园新入驻芯片企业12家，全年产值增长15%。
（二）推进跨区协作。位于栾城区的先进材料片区完成土地收储800亩，启动建设电子材料中试基地。
（三）高新区深化园区共建。位于鹿泉区的电子信息片区新开工项目6个，总投资约40亿元。
"""

GROUP_SPEECH = """在2025长三角功率半导体产业合作大会上的致辞
安徽省人民政府副省长　某某

各位来宾：
很高兴与大家相聚，共商长三角功率半导体产业合作。
去年，全省功率半导体产业营收增长21%，车规级芯片装车量翻了一番。
今年，我们将设立省级功率半导体产业基金，支持企业与沪苏浙整机厂开展联合攻关。
"""
ORIGIN = """宜宾市叙州区电子信息产业园集中签约 绵阳企业跨市布局功率器件封测
来源：某某网2025-03-03

3月2日，宜宾市叙州区电子信息产业园举行项目集中签约活动，现场签约项目9个，总投资约62亿元。
其中，一家总部位于绵阳市的功率器件企业将在叙州区建设西南封测基地，规划建设封测产线4条。
叙州区有关负责人表示，今年全区将新建标准厂房30万平方米，服务签约项目尽快投产。
"""
LAYOUT = """芜湖市功率半导体产业发展行动计划（2025—2027年）
芜湖市人民政府办公室
2025年4月2日

三、区域布局
（一）弋江区。依托高新技术产业开发区，重点发展功率器件设计和晶圆制造。
（二）鸠江区。重点发展车规级模块封装测试，建设封测公共服务平台。
（三）芜湖电子材料产业园、芜湖智能装备园。重点发展电子材料和设备零部件，承接整机企业配套需求。
四、保障措施
市级财政每年安排功率半导体产业发展专项资金不少于2亿元。
"""
CHRONICLE = """株洲市功率半导体产业大事记（2022—2024年）
株洲市工业和信息化局编

2022年
4月8日，荷塘区与海门微电子材料有限公司签约电子陶瓷基板项目，总投资20亿元。
11月，全市功率半导体产业产值首次突破300亿元。
2023年
6月，天元区碳化硅模块封装线建成投产。
"""


VENUE_WHOLE = """在全省功率半导体产业推进会上的讲话
（2025年3月20日，株洲）
某某

尊敬的各位来宾，同志们：
去年，全省功率半导体产业营收增长19%，新增规模以上企业32家。
今年，全省要新建车规级芯片封测产线5条，力争产业营收突破900亿元。
"""


OWN_VOICE = """马鞍山市集成电路产业发展三年行动方案（2025—2027年）
马鞍山市人民政府办公室

二、协同发展
南京是长三角集成电路产业的重要城市，要主动融入南京都市圈，承接芯片设计企业溢出。
南京是我国重要的集成电路设计城市，芯片设计企业超过500家，设计业营收位居全国前列。
"""


EXPO = """常州企业组团亮相深圳国际电子展览会
来源：某某网2025-11-06

11月5日，常州市12家集成电路企业组团参加在深圳举行的国际电子展览会，集中展示功率器件和传感器芯片新产品。
"""


SHENSHAN_ROAD = """汕尾市2025年交通物流工作要点
汕尾市交通运输局

一、完善综合交通网络
深汕高铁沿线站点周边要布局电子元器件仓储物流设施。
陆丰市要加快港口物流园建设。
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution45")
    names = ["SPEECH", "GROUP_SPEECH", "HOME_SPEECH", "SHENSHAN", "COUNTY_CITY", "ZONE_PARTS", "ORIGIN", "LAYOUT", "CHRONICLE", "VENUE_WHOLE", "OWN_VOICE",
             "EXPO", "SHENSHAN_ROAD"]
    return ingest_docs(folder, {f"{name}.txt": globals()[name] for name in names})


@pytest.fixture(scope="module")
def row(index):
    return passage_finder(index, "的 OR 是 OR 年 OR 区 OR 市 OR 来源 OR 产业 OR 集成电路 OR 大会 OR 企业 OR 电子")


def _place(found: dict) -> str:
    return "/".join(found["region_path"])


@pytest.mark.parametrize("start, place", [("在2025集成电路产业创新发展大会", "江西省"), ("（2025年6月12日，武汉）", "江西省"),
                                          ("初夏时节", "江西省"), ("武汉是我国", "湖北省/武汉市"), ("今年以来，我们设立", "江西省"),
                                          ("最后，祝大会", "江西省")])
def test_a_speech_is_its_speakers_not_its_venues(row, start, place):
    assert _place(row("SPEECH", start)) == place


@pytest.mark.parametrize("start", ["在2025长三角功率半导体", "去年，全省", "今年，我们将"])
def test_a_speakers_line_outweighs_a_title_naming_a_group(row, start):
    assert _place(row("GROUP_SPEECH", start)) == "安徽省"


@pytest.mark.parametrize("start", ["在全市半导体产业推进会", "去年，全市", "今年，全市要"])
def test_a_speech_whose_speaker_names_no_place_is_its_venues(row, start):
    assert _place(row("HOME_SPEECH", start)) == "安徽省/芜湖市"


@pytest.mark.parametrize("start, place, zone", [("4月9日，深汕", "广东省/深圳市", "深汕特别合作区"),
                                                ("合作区管委会有关负责人", "广东省/深圳市", "深汕特别合作区"),
                                                ("陆丰市有关负责人", "广东省/汕尾市/陆丰市", ""),
                                                ("汕尾市发展和改革局", "广东省/汕尾市", "")])
def test_shenshan_is_shenzhens_zone_and_other_places_officials_speak_for_them(row, start, place, zone):
    found = row("SHENSHAN", start)
    assert (_place(found), found.get("zone") or "") == (place, zone)


@pytest.mark.parametrize("start, place", [("7月1日，宜兴", "江苏省/无锡市/宜兴市"), ("今年上半年，宜兴市", "江苏省/无锡市/宜兴市"),
                                          ("无锡市工业和信息化局", "江苏省/无锡市")])
def test_a_prefectures_official_speaking_of_its_whole_in_a_county_level_citys_story(row, start, place):
    assert _place(row("COUNTY_CITY", start)) == place


@pytest.mark.parametrize("start, place", [("全区规模以上", "河北省/石家庄市"), ("位于长安区的", "河北省/石家庄市/长安区"),
                                          ("（二）推进跨区协作", "河北省/石家庄市/栾城区"), ("（三）高新区深化园区共建", "河北省/石家庄市/鹿泉区")])
def test_a_part_of_a_zone_an_aside_locates_is_that_divisions(row, start, place):
    assert _place(row("ZONE_PARTS", start)) == place


@pytest.mark.parametrize("start", ["宜宾市叙州区电子信息产业园集中签约", "3月2日", "其中，一家总部位于绵阳市", "叙州区有关负责人"])
def test_a_titles_place_named_as_firms_home_is_not_its_subject(row, start):
    assert _place(row("ORIGIN", start)) == "四川省/宜宾市/叙州区"


@pytest.mark.parametrize("start, place", [("（一）弋江区", "安徽省/芜湖市/弋江区"), ("（二）鸠江区", "安徽省/芜湖市/鸠江区"),
                                          ("（三）芜湖电子材料产业园", "安徽省/芜湖市"), ("市级财政每年", "安徽省/芜湖市")])
def test_an_item_opening_on_the_texts_own_place_ends_the_section_before(row, start, place):
    assert _place(row("LAYOUT", start)) == place


@pytest.mark.parametrize("start, place", [("4月8日，荷塘区", "湖南省/株洲市/荷塘区"), ("11月，全市", "湖南省/株洲市"),
                                          ("6月，天元区", "湖南省/株洲市/天元区")])
def test_a_district_signing_with_a_firm_named_after_another_place_is_the_subject(row, start, place):
    assert _place(row("CHRONICLE", start)) == place


@pytest.mark.parametrize("name, start, place", [("VENUE_WHOLE", "尊敬的各位来宾", "湖南省"),
                                                ("VENUE_WHOLE", "去年，全省", "湖南省"),
                                                ("OWN_VOICE", "南京是长三角", "安徽省/马鞍山市"), ("OWN_VOICE", "南京是我国", "江苏省/南京市"),
                                                ("EXPO", "常州企业组团", "江苏省/常州市"), ("EXPO", "11月5日", "江苏省/常州市"),
                                                ("SHENSHAN_ROAD", "深汕高铁沿线", "广东省/汕尾市")])
def test_the_new_rules_do_not_over_reach(row, name, start, place):
    assert _place(row(name, start)) == place

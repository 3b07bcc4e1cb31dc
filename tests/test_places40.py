"""Places of passages, session 40's blind round (h-blind40a/b), on documents in our own words, through the CLI.

- National zones whose names open with their province's or city's name but lie in one district or city: 天津港保税区
  (滨海新区), 山西转型综合改革示范区 (a zone of its own under 太原市; since session 46 under 山西省, as the province runs it), 西永微电园 (沙坪坝区), 沈抚改革创新示范区 (a zone of
  its own under 辽宁省, across 沈阳 and 抚顺).  Their documents and passages were filed under the province or city the
  name opens with.
"""

from __future__ import annotations

import json

from tests.conftest import cli, ingest_docs, jsonl


def _rows(tmp_path, files: dict[str, str], query: str) -> list[dict]:
    return jsonl("search", query, "--index", ingest_docs(tmp_path, files), "--all")


def _regions(tmp_path, files: dict[str, str], query: str):
    """The place of the hit whose text starts with `start` (and, given, whose title starts with `title`), as a path."""
    rows = _rows(tmp_path, files, query)
    return lambda start, title="": next("/".join(row["region_path"]) for row in rows
                                        if row["text"].startswith(start) and row["title"].startswith(title))


ZONE_NEWS = """天津港保税区化合物半导体产业观察

记者从天津港保税区获悉，今年前三季度，区内化合物半导体企业营收同比增长两成。

保税区还将建设氮化镓外延中试平台，预计明年投产。
"""

ZONE_PLAN = """山西综改示范区2025年半导体产业工作要点

一、主要目标

2025年，示范区半导体产业营收突破200亿元，新增规上企业20家。
"""

CITY_REPORT = """重庆市沙坪坝区2024年政府工作报告（摘要）

支持西永微电园扩大功率器件封测产能，新引进封测企业5家。

推动沈抚改革创新示范区企业来区投资，共建装备零部件产业园。
"""


def test_national_zones_named_after_their_province_or_city_are_filed_where_they_lie(tmp_path):
    rows = _rows(tmp_path, {"保税区.txt": ZONE_NEWS, "要点.txt": ZONE_PLAN, "报告.txt": CITY_REPORT}, "半导体 OR 保税区 OR 封测")
    def paths(start):
        return next(("/".join(row["region_path"]), row["zone"]) for row in rows if row["text"].startswith(start))
    assert paths("记者从天津港保税") == ("天津市/滨海新区", "")
    assert paths("保税区还将建设氮") == ("天津市/滨海新区", "")
    assert paths("2025年，示范区半") == ("山西省", "山西转型综合改革示范区")
    assert paths("支持西永微电园扩") == ("重庆市/沙坪坝区", "")


JOINT = """长三角功率半导体协同发展工作方案（2025—2027年）

上海市经济和信息化委员会　江苏省工业和信息化厅　浙江省经济和信息化厅
2025年5月8日

一、总体目标
到2027年，三省市功率半导体产业规模合计突破3000亿元。

二、分工
（一）江苏省：发挥无锡、苏州封测基础，扩大车规级功率模块产能。
（二）浙江省：依托杭州、宁波，建设碳化硅衬底和外延基地。

三、保障措施
建立三地轮值联席会议制度。
"""


def test_a_joint_text_naming_its_bodies_of_several_provinces_under_its_title_is_several_places(tmp_path):
    """(h-blind40b) The bodies of three provinces named on one line under the title, not as a signature at the end: the
    text was filed under the first body's place; it is 多地 as a joint text signed at its end is, and its issuer
    names each body."""
    region = _regions(tmp_path, {"方案.txt": JOINT}, "功率 OR 联席 OR 碳化硅")
    assert region("到2027年，三省市") == "多地"
    assert region("建立三地轮值") == "多地"
    assert region("（一）江苏省") == "江苏省" and region("（二）浙江省") == "浙江省"
    docs = json.loads(cli("docs", "--index", str(tmp_path / "ix"), "-f", "json").stdout)
    record = (docs["documents"] if isinstance(docs, dict) else docs)[0]
    assert record["issuer"] == "上海市经济和信息化委员会、江苏省工业和信息化厅、浙江省经济和信息化厅"


PAIRED = """湖南省工业和信息化厅关于省人大代表建议的答复

一、下一步工作

（一）推动长沙市功率芯片企业与株洲市轨道交通企业开展供需对接，年内组织对接活动3场。

（二）支持株洲市建设功率半导体产业园。
"""

CITY_PAIRED = """长沙市2025年集成电路产业工作要点

一、重点任务

（一）推动我市芯片企业与株洲市轨道交通企业开展供需对接，年内组织对接活动2场。
"""


def test_two_places_of_the_region_paired_as_partners_are_the_regions_a_place_outside_stays_a_partner(tmp_path):
    """(h-blind40a) In a province's text, 推动长沙市…企业与株洲市…企业开展对接 pairs two of its cities: the passage is the
    province's, as a list of its places is, not the first city's (the second was taken for a partner).  In a city's
    text a place outside it so named is still a partner: the passage stays the city's."""
    region = _regions(tmp_path, {"答复.txt": PAIRED, "要点.txt": CITY_PAIRED}, "对接 OR 产业园")
    assert region("（一）推动长沙市", "湖南省") == "湖南省"
    assert region("（二）支持株洲市", "湖南省") == "湖南省/株洲市"
    assert region("（一）推动我市", "长沙市") == "湖南省/长沙市"


NATIONAL = """工业和信息化部办公厅关于开展化合物半导体材料产业基地建设的通知

各省、自治区、直辖市工业和信息化主管部门：

一、基地名单。确定江苏省苏州市、福建省厦门市为首批化合物半导体材料产业基地。

二、工作要求。江苏省苏州市要重点发展碳化硅衬底和外延材料，福建省厦门市要重点发展氮化镓射频器件材料。

三、苏州市要在年内建成碳化硅中试平台。

工业和信息化部办公厅
2026年3月2日
"""

ROUNDUP = """东部三城晒出半导体“任务书”

2026-02-10 来源：本网综合

各地政府工作报告陆续发布，半导体成为高频词。

从今年的部署看，苏州提出全年功率半导体营收增长15%，杭州提出建设硅光芯片中试线，合肥则聚焦存储和显示驱动芯片。

苏州提出，高新区要加快建设功率器件封测基地，工业园区提出建设化合物半导体创新中心。
"""


def test_places_side_by_side_opening_clauses_with_the_same_word_are_none_of_them_alone(tmp_path):
    """(h-blind40a/b) A paragraph whose places stand side by side, each opening a clause with the same word
    (江苏省苏州市要…，福建省厦门市要…; 苏州提出…，杭州提出…，合肥则…), was filed under the first: in a national
    text it is the country's, in a round-up 多地.  A place inside the first so named (苏州提出，高新区要…，工业园区提出…)
    leaves the paragraph the first's; a paragraph naming one place keeps it."""
    region = _regions(tmp_path, {"通知.txt": NATIONAL, "综述.txt": ROUNDUP}, "半导体 OR 碳化硅 OR 氮化镓")
    assert region("二、工作要求。") == "全国"
    assert region("三、苏州市要") == "江苏省/苏州市"
    assert region("从今年的部署看") == "多地"
    assert region("苏州提出，高新区") == "江苏省/苏州市"


DISTRICTS = """深圳三区半导体年终盘点

年终岁末，深圳三个区的半导体产业成绩单出炉。

**南山：**芯片设计企业今年新增40家，全区设计业营收突破千亿元。

**龙华：**数字经济产业园新引进封测项目3个，全区半导体产值增长两成。

**坪山：**第三代半导体中试平台投入运行。

三区合计，今年半导体产业营收有望突破1500亿元。
"""


def test_a_citys_own_districts_by_short_names_that_are_words_open_sections_and_a_count_closes_them(tmp_path):
    """(h-blind40c) In a 深圳 text, the lead labels 南山： and 龙华： (short names that are words, and other cities'
    districts, which the gazetteer does not take alone) are the city's districts: they open their sections; and a
    paragraph opening on 三区合计 closes the last section, as 三市合计 does: the city's again.  (Not 两地…, which as
    often points back to two places of the section it stands in: 固安县和香河县…。两地与北京…)"""
    region = _regions(tmp_path, {"盘点.md": DISTRICTS}, "半导体 OR 设计")
    assert region("南山：") == "广东省/深圳市/南山区"
    assert region("龙华：") == "广东省/深圳市/龙华区"
    assert region("三区合计") == "广东省/深圳市"


LISTS = """湾区多城半导体新一年“作战图”

随着各地政府工作报告陆续公布，湾区几座城市半导体产业的新一年部署清晰起来。

深圳：今年提出半导体产业营收增长15%以上，重点推进12英寸产线建设。

广州：今年将推动黄埔区、南沙区形成制造与设计协同格局。

东莞：松山湖高新区封测基地今年扩能，东莞提出到2027年半导体营收突破600亿元。

佛山、中山则聚焦功率半导体和车规级芯片，佛山南海区今年布局IGBT模组项目。

与此同时，惠州、江门两市也在加快承接封装材料项目。
"""


def test_a_paragraph_opening_on_a_list_of_other_places_closes_the_round_ups_section(tmp_path):
    """(h-blind40c) After 东莞's section, a paragraph opening on a list of other places (佛山、中山则…; 与此同时，惠州、江门
    两市也…) was still 东莞's: it closes the section and is about the places it lists together (广东省)."""
    region = _regions(tmp_path, {"综述.txt": LISTS}, "半导体 OR 封装 OR 格局")
    assert region("广州：") == "广东省/广州市"
    assert region("佛山、中山") == "广东省"
    assert region("与此同时，惠州") == "广东省"


TWO_DISTRICTS = """武汉江夏、东西湖“双区”发力光电子

来源：长江日报2025-06-12

继洪山区之后，武汉又有两个区在光电子赛道上加速奔跑。

江夏区：依托光谷南科技城，江夏今年一季度新签约光器件项目5个，总投资超过80亿元。

东西湖区：东西湖区重点发展光模块封装，去年光模块企业营收增长30%。

据武汉市经济和信息化局介绍，2024年全市光电子信息产业营收已突破6000亿元，今年将推动东湖、江夏、东西湖协同发展。
"""


def test_a_place_followed_is_no_subject_and_the_citys_own_body_closes_its_districts_sections(tmp_path):
    """(h-blind40c) In a city's story, 继洪山区之后，武汉又有两个区… is about the city, not the district it follows; and after
    its districts' sections, 据武汉市经济和信息化局介绍，…全市… is the city's again (the city's body, named with its
    name, speaks about all of it)."""
    region = _regions(tmp_path, {"双区.txt": TWO_DISTRICTS}, "光电子 OR 光器件 OR 光模块")
    assert region("继洪山区之后") == "湖北省/武汉市"
    assert region("东西湖区：") == "湖北省/武汉市/东西湖区"
    assert region("据武汉市经济和信息化局") == "湖北省/武汉市"


DISTRICT_REPORT = """厦门市集美区2026年政府工作报告

一、2025年工作回顾

（一）集美区集成电路产业营收增长18%，新引进设计企业12家。

（二）厦门市全市集成电路产业营收达到700亿元，集美、海沧、湖里三区协同发展格局基本形成。

（三）全市新增集成电路规上企业30家。
"""


def test_an_item_of_a_districts_report_opening_on_its_city_as_a_whole_is_the_citys(tmp_path):
    """(h-blind40c) In a district's report, an item opening on its city as a whole after its number (（二）厦门市全市…,
    （三）全市…) reports the city's figures: it is the city's, as one without the number is."""
    region = _regions(tmp_path, {"集美.txt": DISTRICT_REPORT}, "集成电路")
    assert region("（一）集美区") == "福建省/厦门市/集美区"
    assert region("（二）厦门市全市") == "福建省/厦门市"
    assert region("（三）全市新增") == "福建省/厦门市"


def test_words_that_only_look_like_the_new_rules_keep_their_places(tmp_path):
    """(h-review40 9) 上述区域… is no count of districts closing a section (N区合计 is); and a second place opening a clause
    with a word that only shares its first character (合肥市发布…；上海市发展改革委…) stands not side by side with the first."""
    district = """深圳三区集成电路年终盘点

岁末年初，深圳各区集成电路产业成绩单陆续出炉。

**南山：**今年新增芯片设计企业40家。

**宝安：**12英寸晶圆制造项目主体工程完工。

**龙岗：**化合物半导体产业园新投产项目4个。上述区域内新落户的芯片设计企业可享受租金补贴。

上述区域内新落户的芯片设计企业还可申请流片补助。
"""
    city = """工业和信息化部集成电路产业动态

合肥市发布集成电路产业行动方案，发改委、经信局等部门分工落实；上海市发展改革委此前已与合肥签署合作协议。
"""
    region = _regions(tmp_path, {"简报.txt": district, "动态.txt": city}, "芯片设计 OR 行动方案")
    assert region("上述区域内新落户的芯片设计企业还可") == "广东省/深圳市/龙岗区"
    assert region("合肥市发布") == "安徽省/合肥市"

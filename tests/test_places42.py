"""Places of passages, session 42, on documents in our own words, through the CLI.

- A table row of a national or joint list is the place its cells name: `| 3 | 园区 | 浙江省 | 嘉兴市 |` (a province
  and a city column side by side) is 嘉兴市's, also when the place is the row's last cell; a cell naming a place
  after a text cell (`| 湖北 | 做强存储芯片… | 武汉东湖新技术开发区 |`) is a detail of the province's row.
- A row's cell naming a county of the text's own region by its short form (`昆山`, `吴江` in a 苏州 list, a Word
  table) is that county's row; one the region does not hold (`江阴` in a 苏州 list) names nothing.
- (h-blind42b) A row whose cell names a place outside the text's province by its full name (`合肥基地 | 安徽省合肥市 |
  …` in a 江苏 firm's report) is that place's row.
- (h-blind42b) A speaker's label opening a paragraph (`省工业和信息化厅副厅长：省里将…`, `记者：请问…`) ends the section the
  speaker before opened (`烟台市副市长：…`), as a label on a line of its own does; not a heading's section (一、苏州市, whose
  `市工业和信息化局负责人：…` speaks in it), nor one whose label names its place (h-review42 1).
- (h-blind42a/c) A national body leading a clause that names the text's own place (`工业和信息化部将继续支持四川建设…，全省要…`
  in 四川's text) is about that place, as one naming its own level (我省) was; one naming none stays 全国's.
- A Corps division written as one with its city (`第八师石河子市…` opening a round-up's paragraph) is the city's paragraph:
  `第八` is no ordinal lead (`第一，…`) there.
- A view of the whole of a level (`从全省看，…`): in a province's story it closes the city sections before it; in a
  zone's text after an item's number (`六、从全省看，…`) it is the province's; `从全市看，泉州全市…` in a county-level
  city's report is the city's (the city named after the view).
- A place whose name begins with a lead's word (从化区, 从江县: 从 as in 从…看) opens its clause: `…；从化区要…` is cut off
  as `…；增城区要…` is.
- (h-blind42d) In a round-up's paragraph about a province, a sentence turning to a city inside it with a contrast
  (安徽的…。芜湖则在…。今年安徽提出…) is a part of its own, the city's, until a sentence opens with the province again; a
  city's own part naming itself again (深圳…。深圳市还将…) is not cut.
- (h-blind42c) A paragraph about the other places as a group (其他设区市合计…，其中常州、南通、徐州三市…) closes the city
  sections before it: the province's.
- (h-blind42e) A city's name before 都市圈, 城市群 or 经济圈 (福州都市圈要…；厦漳泉都市圈要…) names a group, the province's, not
  the city: a run-in heading's paragraph opening so was filed under 福州市.
- Zones the table did not know: 洋浦经济开发区 (儋州市's, a zone of its own), 柴达木循环经济试验区 (海西州's).
- An undated round-up whose title names one year (`2025年各地电子信息产业动态`) speaks for that year, not for a plan year
  one of its paragraphs states (`计划2026年建成投产`).
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, passage_finder

NATIONAL_LIST = """工业和信息化部办公厅关于公布2026年度电子元器件公共服务平台名单的通知

各省、自治区、直辖市工业和信息化主管部门：

经地方推荐、专家评审和网上公示，现将2026年度电子元器件公共服务平台名单予以公布。

| 序号 | 平台名称 | 省份 | 城市 |
| 1 | 功率器件可靠性验证平台 | 浙江省 | 嘉兴市 |
| 2 | 射频模组测试服务平台 | 四川省 | 绵阳市 |
| 3 | 传感器中试服务平台 | 河南省 | 洛阳市 |

工业和信息化部办公厅
2026年3月16日
"""

JOINT_LIST = """2026年成渝地区双城经济圈电子信息重点项目清单

川渝两省市发展改革委　2026年2月

| 序号 | 项目名称 | 所在地 | 总投资（亿元） |
| 1 | 车规级功率模块封测项目 | 宜宾市 | 36 |
| 2 | 硅光芯片中试线项目 | 重庆市璧山区 | 22 |
| 3 | 显示驱动芯片设计中心 | 德阳市 | 8 |
"""

ROUNDUP_TABLE = """西部四省2026年集成电路目标一览

本报记者　周岚

今年各省政府工作报告相继发布，记者梳理了西部四省对集成电路产业的部署。

| 省份 | 报告中的提法 | 代表性园区 |
| 四川 | 壮大功率半导体和显示面板，全年电子信息产业增长百分之十二 | 成都高新区 |
| 陕西 | 发展存储芯片和化合物半导体，建设一流封测基地 | 西安高新区 |
| 重庆 | 做强汽车芯片，推动功率器件规模化生产 | 西永综保区 |
| 甘肃 | 提升半导体材料和封测配套能力 | 兰州新区 |
"""


def _word_list(path):
    from docx import Document
    doc = Document()
    doc.add_paragraph("苏州市2026年集成电路重点项目计划")
    doc.add_paragraph("苏州市发展和改革委员会　2026年2月")
    doc.add_paragraph("今年全市安排集成电路重点项目共计四个，总投资约二百亿元，具体见下表。")
    rows = [["序号", "项目名称", "所在地", "总投资（亿元）"], ["1", "12英寸特色工艺产线", "昆山", "120"],
            ["2", "先进封装基地", "吴江", "45"], ["3", "射频前端项目", "江阴", "30"]]
    table = doc.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    doc.save(path)


CORPS_ROUNDUP = """2025年各地电子信息产业发展动态

本报记者　刘洋

仙桃市今年以来新引进电子元器件项目6个，总投资35亿元，智能终端配套产业园一期已建成投产。

中山市火炬开发区建设半导体封装测试基地，计划2026年建成投产。

第八师石河子市大力发展硅基新材料产业，多晶硅产能达到20万吨。

琼海市引进医疗器械电子企业8家，电子信息产业营收增长三成。
"""


PROVINCE_STORY = """安徽两市集成电路产业上半年观察

本报记者　陈静

芜湖：功率半导体和车规芯片
芜湖依托整车企业集聚的优势，重点发展车规级功率半导体。上半年，芜湖新落地功率器件项目五个。

滁州：光伏之外的新增长点
滁州的优势在光伏，近两年开始向半导体材料延伸。上半年，滁州引进电子级化学品项目三个。

从全省看，省统计局数据显示，上半年集成电路产业营收同比增长百分之十八。
"""

ZONE_MEASURES = """兰州新区关于支持电子材料产业发展的若干措施

兰州新区管理委员会　2025年5月8日

一、对新落地的电子级硅材料项目，按设备投资额的百分之十给予补助。

二、从全省看，甘肃省正加快布局半导体材料产业链，新区将积极争取省级资金对重大项目的支持。
"""

COUNTY_CITY_REPORT = """政府工作报告

——2026年1月12日在石狮市第十八届人民代表大会第五次会议上

石狮市市长　林海

一、2025年工作回顾

过去一年，全市规上工业增加值增长6.1%，纺织服装和电子信息两大产业协同发展。

从全市看，泉州全市规上工业增加值增长4.8%，石狮贡献近一成，电子信息产业增速居全市前列。
"""


CITY_REPORT = """广州市2025年政府工作报告

——2025年1月14日在广州市第十六届人民代表大会第五次会议上

二、2025年工作安排

推动各区错位发展。花都区要加快建设汽车电子配套产业园；从化区要发挥生态优势，发展数据中心和绿色低碳产业。
"""


FIRM_REPORT = """江苏芯源微电子股份有限公司2025年年度报告摘要

一、公司基本情况

公司注册地址为江苏省南通市崇川区，主营功率半导体器件的设计、制造与封装测试。

二、生产基地情况

基地 | 所在地 | 主要产品 | 设计产能
南通制造基地 | 江苏省南通市 | 功率器件晶圆 | 48万片/年
合肥封测基地 | 安徽省合肥市 | 分立器件封测 | 36亿只/年
"""


PRESS = """河南省人民政府新闻办公室新闻发布会实录：介绍全省电子信息产业发展情况

发布时间：2025年10月14日

主持人：各位记者朋友，大家上午好。今天邀请省工业和信息化厅和两市负责同志介绍有关情况。

郑州市副市长：郑州市以智能终端和传感器为重点，今年以来电子信息制造业产值增长百分之十二。

郑州航空港区智能终端产业园新引进配套企业二十家。

新乡市副市长：新乡市聚焦电池材料和电子元器件，新开工项目八个。

洛阳市副市长：洛阳市重点发展半导体硅材料和电子元器件，今年以来新落地项目十一个。

洛阳高新区电子级多晶硅项目一期建成投产，产能达到每年一万吨。

记者：请问省里对电子信息人才有什么支持政策？

省工业和信息化厅副厅长：省里将实施电子信息人才专项计划，对引进的领军人才给予最高五百万元资助。
"""


PROVINCE_POINTS = """四川省经济和信息化厅2026年工作要点

一、总体要求

2026年，全省经济和信息化工作要坚持稳中求进，推动电子信息产业提质增效。

二、重点任务

（一）用好国家政策。工业和信息化部将继续支持四川建设国家级电子信息产业集群，全省要积极争取国家重大项目布局。

（二）落实减税政策。国家对集成电路企业实行增值税加计抵减政策，各地要做好政策宣传。
"""


ZONES_REPORT = """2025年西部和南部部分地区园区发展综述

本报记者　林涛

洋浦经济开发区新增注册企业一千二百家，国际船舶登记数量持续增加。

西咸新区秦创原总窗口新引进硬科技企业三百余家，光子产业规模突破百亿元。

柴达木循环经济试验区钾肥产能稳定在900万吨以上，碳酸锂产能达到12万吨。

两江新区汽车电子产业营收增长两成，功率半导体模块产线建成投产。
"""


PROVINCES_ROUNDUP = """中部六省2025年政府工作报告里的“芯”布局

本报记者　赵宁

湖北的集成电路产业以存储和光电子见长，去年全省集成电路产业营收增长两成。武汉则在存储芯片上持续发力，去年新增产能每月五万片。今年湖北提出要建设世界级存储产业集群。

安徽的集成电路布局在六省中最为完整，去年全省集成电路产业营收突破一千二百亿元。芜湖则在功率半导体和车规级芯片上持续发力，去年新落地相关项目十余个。今年安徽提出要打造具有国际竞争力的集成电路产业集群。

湖南的功率半导体产业特色鲜明，去年全省功率器件产值增长三成。长沙今年将建设功率半导体产业基地。长沙市还将设立规模五十亿元的产业基金。
"""


MIDYEAR = """2025年上半年江苏省集成电路产业运行分析

江苏省工业和信息化厅　2025年7月25日

一、分地区情况

南京市：上半年全市集成电路产业实现营收620亿元，同比增长14.2%，设计业占比超过四成。

无锡市：上半年全市集成电路产业实现营收1100亿元，同比增长11.8%，制造环节增速最快。

其他设区市合计实现营收340亿元，增长10.3%，其中常州、南通、徐州三市增速均超过12%。
"""


HEADED = """江苏省各地集成电路产业发展情况

江苏省工业和信息化厅　2025年3月20日

一、苏州市

苏州市集成电路产业营收达到1200亿元，同比增长12%。

市工业和信息化局负责人：下一步将加快建设集成电路产业创新集群，新建先进封装项目3个。

二、无锡市

无锡市集成电路产业营收达到2100亿元。
"""


PROVINCE_REPORT = """福建省2024年政府工作报告

——2024年1月23日在福建省第十四届人民代表大会第二次会议上

二、2024年重点工作

（三）推动区域协调发展。福州都市圈要加快建设数字经济核心区；厦漳泉都市圈要打造电子信息产业集群。
"""


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """The region path of the passage that starts with a text, in a document whose file name is given."""
    files = {"NATIONAL_LIST": NATIONAL_LIST, "JOINT_LIST": JOINT_LIST, "ROUNDUP_TABLE": ROUNDUP_TABLE, "CORPS_ROUNDUP": CORPS_ROUNDUP,
             "PROVINCE_STORY": PROVINCE_STORY, "ZONE_MEASURES": ZONE_MEASURES, "COUNTY_CITY_REPORT": COUNTY_CITY_REPORT,
             "CITY_REPORT": CITY_REPORT, "FIRM_REPORT": FIRM_REPORT, "PRESS": PRESS, "PROVINCE_POINTS": PROVINCE_POINTS,
             "ZONES_REPORT": ZONES_REPORT, "PROVINCES_ROUNDUP": PROVINCES_ROUNDUP,
             "MIDYEAR": MIDYEAR, "HEADED": HEADED,
             "PROVINCE_REPORT": PROVINCE_REPORT}
    folder = tmp_path_factory.mktemp("places42")
    (folder / "docs").mkdir()
    _word_list(folder / "docs" / "WORD_LIST.docx")
    index = ingest_docs(folder, {f"{name}.txt": text for name, text in files.items()})
    row_of = passage_finder(index, "的 OR 项目 OR 平台 OR 芯片 OR 省 OR 发展 OR 年 OR 产线 OR 基地 OR 前端 OR 产业 OR 从全省看 OR 从全市看 OR 要 OR 请问 OR 试验区 OR 开发区 OR 营收")

    def place_of(name, start):
        return "/".join(row_of(name, start)["region_path"])
    place_of.row = row_of
    return place_of


def test_a_national_or_joint_list_row_is_the_place_its_cells_name(places):
    assert places("NATIONAL_LIST", "| 1 | 功率器件") == "浙江省/嘉兴市"
    assert places("NATIONAL_LIST", "| 2 | 射频模组") == "四川省/绵阳市"
    assert places("JOINT_LIST", "| 1 | 车规级") == "四川省/宜宾市"
    assert places("JOINT_LIST", "| 2 | 硅光芯片") == "重庆市/璧山区"


def test_a_place_cell_after_a_text_cell_is_a_detail_of_the_row(places):
    assert places("ROUNDUP_TABLE", "| 四川 | 壮大功率") == "四川省"
    assert places("ROUNDUP_TABLE", "| 陕西 | 发展存储") == "陕西省"


def test_a_county_named_short_in_a_cell_of_its_own_citys_list(places):
    assert places("WORD_LIST", "1 | 12英寸") == "江苏省/苏州市/昆山市"
    assert places("WORD_LIST", "2 | 先进封装") == "江苏省/苏州市/吴江区"
    assert places("WORD_LIST", "3 | 射频前端") == "江苏省/苏州市"


def test_a_corps_division_one_with_its_city_opens_its_paragraph(places):
    assert places("CORPS_ROUNDUP", "第八师石河子市") == "新疆维吾尔自治区/石河子市"
    assert places("CORPS_ROUNDUP", "琼海市") == "海南省/琼海市"


def test_an_undated_roundup_speaks_for_the_year_its_title_names(places):
    assert places.row("CORPS_ROUNDUP", "仙桃市")["years"] == [2025]
    assert places.row("CORPS_ROUNDUP", "第八师石河子市")["years"] == [2025]


def test_a_view_of_the_whole_is_the_whole(places):
    assert places("PROVINCE_STORY", "滁州的优势") == "安徽省/滁州市"
    assert places("PROVINCE_STORY", "从全省看") == "安徽省"
    assert places("ZONE_MEASURES", "二、从全省看") == "甘肃省"
    assert places("COUNTY_CITY_REPORT", "从全市看") == "福建省/泉州市"
    assert places("COUNTY_CITY_REPORT", "过去一年") == "福建省/泉州市/石狮市"


def test_a_place_whose_name_begins_with_a_leads_word_opens_its_clause(places):
    assert places("CITY_REPORT", "推动各区错位发展。花都区要") == "广东省/广州市/花都区"
    assert places("CITY_REPORT", "从化区要") == "广东省/广州市/从化区"


def test_a_row_naming_a_place_elsewhere_by_its_full_name_is_that_places(places):
    assert places("FIRM_REPORT", "南通制造基地") == "江苏省/南通市"
    assert places("FIRM_REPORT", "合肥封测基地") == "安徽省/合肥市"


def test_a_speakers_label_opening_a_paragraph_ends_the_section_before(places):
    assert places("PRESS", "洛阳高新区") == "河南省/洛阳市"
    assert places("PRESS", "记者：请问") == "河南省"
    assert places("PRESS", "省工业和信息化厅副厅长") == "河南省"


def test_a_national_body_supporting_the_texts_own_place_is_about_it(places):
    assert places("PROVINCE_POINTS", "（一）用好国家政策") == "四川省"
    assert places("PROVINCE_POINTS", "（二）落实减税政策") == "全国"


def test_zones_the_table_did_not_know(places):
    assert places("ZONES_REPORT", "洋浦经济开发区") == "海南省/儋州市"
    assert places.row("ZONES_REPORT", "洋浦经济开发区")["zone"] == "洋浦经济开发区"
    assert places("ZONES_REPORT", "柴达木循环经济试验区") == "青海省/海西蒙古族藏族自治州"


def test_a_provinces_part_turning_to_a_city_with_a_contrast_is_cut(places):
    assert places("PROVINCES_ROUNDUP", "安徽的集成电路") == "安徽省"
    assert places("PROVINCES_ROUNDUP", "芜湖则在") == "安徽省/芜湖市"
    assert places.row("PROVINCES_ROUNDUP", "芜湖则在")["years"] == [2024]
    assert places("PROVINCES_ROUNDUP", "今年安徽提出") == "安徽省"
    assert places("PROVINCES_ROUNDUP", "武汉则在") == "湖北省/武汉市"


def test_the_other_places_as_a_group_close_the_sections(places):
    assert places("MIDYEAR", "无锡市：上半年") == "江苏省/无锡市"
    assert places("MIDYEAR", "其他设区市合计") == "江苏省"


def test_a_speakers_label_in_a_headings_section_speaks_in_it(places):
    assert places("HEADED", "市工业和信息化局负责人") == "江苏省/苏州市"


def test_a_citys_name_before_a_group_word_names_the_group(places):
    assert places("PROVINCE_REPORT", "（三）推动区域协调发展") == "福建省"

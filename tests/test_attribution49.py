"""Session 49: attribution and document facts on documents nobody tuned for (four blind sets, h49 x, y, z and w2,
written by helpers in their own words against a frozen e9950f3).  Each test is a class of case, in my own words,
through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions


@pytest.mark.parametrize("park, region", [("常熟—阿拉山口产业合作园", "新疆维吾尔自治区/博尔塔拉蒙古自治州/阿拉山口市"),
                                          ("南通—奎屯合作园", "新疆维吾尔自治区/伊犁哈萨克自治州/奎屯市")])
def test_a_cooperation_park_named_by_two_places_lies_in_the_second(tmp_path, park, region):
    """(h49-x) A park one place builds on another's land, named by both with a dash, lies in the second; a name ending
    产业合作园 or 合作园 was not read as a park's and went to the first place (the builder)."""
    text = f"""援建园区建设情况通报

一、园区建设
{park}今年新引进电子元器件企业八家，园区工业产值同比增长百分之二十。
"""
    index = _ingest(tmp_path, "park.txt", text)
    assert _regions(index, "电子元器件")["".join(park[:6])] == region


def test_a_city_whose_county_bears_its_name_is_read_by_the_short_name(tmp_path):
    """(h49-y, h49-z) 吉安 (吉安市, whose county is 吉安县) was never read as a place, so a story headlined 吉安：… and
    speaking of 全市 was filed under the province its other places lie in."""
    text = """吉安：电子信息企业扎根赣中

本报讯　近日，记者走访吉安多家电子信息企业。今年前三季度，全市电子信息产业营业收入同比增长百分之十八，
规模以上企业达到二百一十家。

一家从深圳迁来的线路板企业负责人说，企业看中的是这里的产业配套和人才供给，新产线已经投产。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "江西省/吉安市"


@pytest.mark.parametrize("name, region", [("北国春城", "吉林省/长春市"), ("洪城", "江西省/南昌市")])
def test_a_popular_city_name_opens_a_round_ups_section(tmp_path, name, region):
    """(h49-x, h49-y) A round-up going city by city under popular names: 北国春城 (长春; 春城 alone is 昆明's) and 洪城
    (南昌) opened nothing, and their paragraphs stayed with the city before; 古城 (a common noun, and 丽江's 古城区 by its
    short form) is no place before a city's name."""
    text = f"""几座城市的芯片新故事

冰城：哈尔滨今年新增传感器企业十二家，产业规模稳步扩大。

{name}：光电子芯片企业加快扩产，今年新增产线三条。

古城西安：功率器件企业订单饱满，今年新增产线两条。
"""
    index = _ingest(tmp_path, "roundup.txt", text)
    rows = _regions(index, "新增产线")
    assert rows[f"{name}：光电子"[:6]] == region
    assert rows["古城西安：功"] == "陕西省/西安市"


def test_the_autonomous_regions_own_words_in_a_citys_reading_of_its_policy(tmp_path):
    """(h49-w2) In a city's 政策解读 of its autonomous region's policy, 在自治区内注册的… speaks of the region's own
    level as 在湖北省内注册的… does of a province's: the region's, not the city's."""
    text = """《广西壮族自治区支持集成电路产业发展若干措施》政策解读

北海市工业和信息化局

问：哪些企业可以申请流片补助？
答：在自治区内注册的集成电路设计企业，首轮流片费用可获得最高三百万元补助。
"""
    index = _ingest(tmp_path, "reading.txt", text)
    assert _regions(index, "流片费用")["答：在自治区"] == "广西壮族自治区"


def test_a_zones_short_name_and_a_zone_named_after_its_town_are_places(tmp_path):
    """(h49-y) 洋浦 (洋浦经济开发区, 儋州's) by its short form was no place, so a province's clauses going place by place
    (海口市要…；三亚市要…；洋浦要…) were not cut; 小蓝经开区 (南昌县's land) was no place either."""
    text = """海南省工业和信息化厅2026年工作安排

一、优化产业布局
海口市要建设面向东南亚的智能终端出口基地；三亚市要吸引更多芯片设计团队落户；洋浦要加快建设电子化学品项目。

二、学习借鉴
小蓝经开区的汽车电子企业今年新增产值三十亿元，其做法值得借鉴。
"""
    index = _ingest(tmp_path, "plan.txt", text)
    rows = _regions(index, "要")
    assert rows["海口市要建设"] == "海南省/海口市"
    assert rows["洋浦要加快建"] == "海南省/儋州市"  # (a province's clause: its city, as 洋浦经济开发区要… is)
    assert _regions(index, "汽车电子")["小蓝经开区的"] == "江西省/南昌市/南昌县"


@pytest.mark.parametrize("name, city, region", [("星城", "长沙", "湖南省/长沙市"), ("洪城", "南昌", "江西省/南昌市")])
def test_a_city_named_again_after_its_popular_name_is_the_city(tmp_path, name, city, region):
    """(h49-y) Under a round-up's section a popular name opened, the city's name after the popular name (星城长沙…) was
    read as a place inside the section, and went to the county that bears the city's name (长沙县, 南昌县)."""
    text = f"""中部几座城市的芯片故事

{name}：设计企业加快集聚

{name}{city}的芯片设计企业数量快速增长，今年前三季度营收同比增长两成。

江城：光电子器件

武汉的光电子器件企业订单饱满，今年营收同比增长三成。
"""
    index = _ingest(tmp_path, "roundup.txt", text)
    assert _regions(index, "营收同比")[f"{name}{city}的芯"] == region


@pytest.mark.parametrize("headline, city, second", [("皇姑铁西两区联手 共建传感器产业园", "辽宁省/沈阳市", "辽宁省/沈阳市/铁西区"),
                                                    ("对话｜碑林与长安：两位区长谈芯片新赛道", "陕西省/西安市", "陕西省/西安市/长安区")])
def test_a_headline_naming_two_districts_of_a_city_is_the_citys(tmp_path, headline, city, second):
    """(h49-x, h49-z) A headline naming two districts of one city side by side, the second by a short form that is a
    word or several cities' (铁西, 长安), read the first alone: the story and every passage naming no place went to the
    first district. The second is now read as the first's city's, and the story is the city's."""
    district = second.rsplit("/", 1)[1]
    text = f"""{headline}

本报讯　两区负责人近日就传感器和芯片产业协同发展进行了交流，双方约定共建公共测试平台，今年计划联合引进项目二十个。

{district}负责人表示，{district}将提供标准厂房十万平方米，优先保障两区合作项目落地。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == city
    rows = _regions(index, "两区")
    assert rows["本报讯两区负"] == city
    assert rows[f"{district}负责人"[:6]] == second


@pytest.mark.parametrize("cities, region", [("宁波、绍兴、温州", "浙江省"), ("南京、合肥、杭州", "多地")])
def test_a_panels_text_is_its_participants_places_not_its_venue(tmp_path, cities, region):
    """(h48b-v, h49-z) A panel's transcript whose opening says the forum was held in one place and the panel's guests came
    from several (…论坛在上海市松江区举行…来自A、B、C三地企业的负责人…) was filed under the venue, and so was every turn
    naming no place; it is the participants' places: what they share, or 多地."""
    text = f"""圆桌对话：传感器企业如何走向海外

来源：某某财经　2025-06-12

6月11日，2025智能传感产业论坛在上海市松江区举行。在下午的圆桌环节，来自{cities}三地企业的负责人围绕出海展开讨论。

主持人：请各位先谈谈企业出海遇到的最大困难。

嘉宾甲：最大的困难是认证周期太长，很多企业要等一年以上才能进入海外客户的供应链。
"""
    index = _ingest(tmp_path, "panel.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == region
    assert _regions(index, "认证周期")["嘉宾甲：最大"] == region


@pytest.mark.parametrize("headline, region", [("四家苏州电子企业落户甘肃天水", "甘肃省/天水市"),
                                              ("多家深圳芯片公司扎堆江西赣州", "江西省/赣州市")])
def test_firms_counted_before_their_home_leave_the_story_to_where_they_go(tmp_path, headline, region):
    """(h49-x) A headline counting firms before their home city's name (三家南京半导体企业落子宁夏中卫) named two
    provinces' places and went to 多地; the firms' home is where they come from, and the story is where they build."""
    text = f"""{headline}

本报讯　近日，一批东部电子企业与当地签订投资协议，将建设功率器件封装测试工厂，预计明年投产。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == region


@pytest.mark.parametrize("written", ["2026.1.15", "2026-01-15", "2026/1/15"])
def test_a_date_in_figures_inside_a_sentence_states_its_year_as_one_in_words_does(tmp_path, written):
    """(h49-w2) A date written in figures inside a sentence (自2026.1.15起, 于2026-01-15前) stated no year, where the
    same date in words (2026年1月15日) does; a source line's date standing alone still only dates the text."""
    text = f"""关于开展2025年度芯片设计企业流片补助申报工作的通知

2025-11-20　来源：某某市工业和信息化局

一、申报材料请于{written}前报送至市工业和信息化局，逾期不予受理。

二、补助对象为本市注册的芯片设计企业。
"""
    index = _ingest(tmp_path, "notice.txt", text)
    rows = {row["text"][:4]: row["years"] for row in jsonl("search", "申报", "--all", "--index", index)}
    words = {row["text"][:4]: row["years"] for row in jsonl("search", "2025", "--all", "--index", index)}
    assert rows["一、申报"] == [2025, 2026]
    assert words["2025"] == [2025]


def test_a_deputys_words_are_read_after_the_name_title_and_place(tmp_path):
    """(h49-z) In a congress's deliberation notes going city by city, a deputy's turn labelled with the name, the title and
    the district in brackets (某某某代表（龙岗区）：龙岗区…) was read from the label, not from what is said, and stayed the
    city's."""
    text = """省人大代表分组审议发言摘要

来源：某某人大网　2025年1月16日

深圳代表团

许某某代表：深圳芯片设计业去年营收增长两成，今年要加快补齐制造短板。

罗某某代表（坪山区）：坪山区今年将新建一个化合物半导体产业园，引进项目十个以上。

珠海代表团

邓某某委员（香洲区）：香洲区今年将新建一个芯片设计孵化器，引进团队二十个以上。
"""
    index = _ingest(tmp_path, "notes.txt", text)
    rows = _regions(index, "今年")
    assert rows["罗某某代表（"] == "广东省/深圳市/坪山区"
    assert rows["邓某某委员（"] == "广东省/珠海市/香洲区"


def test_a_title_name_of_a_province_and_its_city_is_settled_by_the_opening_in_full(tmp_path):
    """(h49-x) A headline naming 吉林 (the province and its city) was filed under the province, though its opening says
    the reporter was in 吉林市: a name a title gives several places is the one the opening's first lines name in full."""
    text = """吉林：老工业城市闯出电子材料新路

2024-10-12　来源：某某经济报

记者近日在吉林市采访时看到，一批化工企业正转向电子级化学品和半导体材料。

一家老牌化工企业负责人介绍，企业今年新建的电子级硫酸生产线已经投产。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "吉林省/吉林市"
    assert _regions(index, "生产线")["一家老牌化工"] == "吉林省/吉林市"


def test_a_shared_district_name_written_after_its_city_is_that_citys(tmp_path):
    """(h49-x) In a story of one 铁西区 (鞍山's), a paragraph opening on 沈阳市铁西区 went to the story's own 铁西区: a name
    several cities share, written right after one city's name, is that city's."""
    text = """鞍山铁西区：老厂房里长出新产业

本报讯　鞍山市铁西区今年以来新引进智能装备企业十二家，老工业区改造持续推进。

沈阳市铁西区则早在多年前就完成了老厂区搬迁，目前已形成工业互联网产业集群。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _regions(index, "已形成")["沈阳市铁西区"] == "辽宁省/沈阳市/铁西区"


_AWAY = """中部三城芯片观察

武汉：存储基地加快扩产

武汉的存储芯片基地二期今年投产，光电子器件企业订单饱满。

南昌：显示配套向芯片设计延伸

南昌今年新引进芯片设计企业三十余家，显示驱动芯片实现量产。

星城：设计企业加快集聚

长沙的芯片设计企业今年新增四十余家，设计业营收同比增长两成。

{paragraph}
"""


@pytest.mark.parametrize("paragraph, key, region", [
    ("放眼东部，苏州的封测企业持续扩产，无锡的晶圆制造项目陆续量产。", "放眼东部，苏", "江苏省"),
    ("去年，中南六省区集成电路产业营收合计约五千亿元。", "去年，中南六", "多地"),
    ("市里还鼓励设计企业与苏州、无锡的晶圆厂开展合作。", "市里还鼓励设", "湖南省/长沙市"),
])
def test_a_round_up_paragraph_about_places_away_from_its_section_is_theirs(tmp_path, paragraph, key, region):
    """(h49-x, h49-y) In a round-up's city section, a paragraph naming two or more places none of which is the section's
    (苏州…，无锡…) or opening on a group of provinces after a short lead (去年，中南六省区…) stayed the section's city; it
    is what they share (or 多地). One speaking of its own place (区里, 全市) with partners elsewhere stays the section's."""
    index = _ingest(tmp_path, "roundup.txt", _AWAY.format(paragraph=paragraph))
    assert _regions(index, paragraph[6:10])[key] == region


def test_a_clause_on_the_texts_own_unknown_zone_does_not_stop_a_place_by_place_cut(tmp_path):
    """(h49-z) A city's paragraph going county by county and ending on the city's own zone by a name no gazetteer knows
    (…；南安市要…；泉州台商投资区要…) was not cut at all, and every clause stayed the city's: the own name and a zone's kind
    make a part of its own, the city's, and the counties' clauses are theirs."""
    text = """泉州市2026年集成电路产业工作要点

一、优化产业布局
一是做强核心载体。晋江市要加快建设特色工艺产业园二期；南安市要重点引进化合物半导体器件项目；泉州海湾投资区要用好对台合作优势，建设两岸产业合作园。
"""
    index = _ingest(tmp_path, "plan.txt", text)
    rows = _regions(index, "要")
    assert rows["南安市要重点"] == "福建省/泉州市/南安市"
    assert rows["泉州海湾投资"] == "福建省/泉州市"


def test_a_citys_report_relaying_the_provinces_voice_on_the_whole_province_is_the_provinces(tmp_path):
    """(h49-z) A city bureau's report of a meeting that relays the provincial leader's speech (会议传达了省委主要领导的讲话
    要求。讲话指出，全省…) filed the relayed words under the city; they are the province's. The meeting's own paragraphs
    (the city's bureau met; 全市…) stay the city's."""
    text = """赣州市工业和信息化局传达学习全省制造业大会精神

发布时间：2025年3月5日

3月4日上午，赣州市工业和信息化局召开会议，传达学习全省制造业高质量发展大会精神。

会议传达了省委主要领导在大会上的讲话要求。讲话指出，过去一年，全省电子信息产业营收增长一成以上，成为全省第一个万亿级产业。

会议指出，过去一年，全市电子信息产业营收增长一成半，但集成电路产业规模偏小。
"""
    index = _ingest(tmp_path, "relay.txt", text)
    rows = _regions(index, "会议")
    assert rows["会议传达了省"] == "江西省"
    assert rows["3月4日上午"] == "江西省/赣州市"
    assert rows["会议指出，过"] == "江西省/赣州市"


def test_a_year_named_as_one_of_a_periods_in_a_summary_of_the_period_before_is_that_years(tmp_path):
    """(h49-w2) In a summary of the 十四五 years, under its outlook heading on the 十五五, a paragraph of one sentence
    opening 2026年是“十五五”开局之年，全市将… spoke for the whole next period; it is that year's."""
    text = """滨江市“十四五”时期工业发展工作总结

一、主要成效
“十四五”期间，全市规模以上工业增加值年均增长百分之八。

二、“十五五”发展思路
“十五五”期间，全市将聚焦电子信息和新能源两大产业集群，到2030年工业总产值突破一万亿元。
2026年是“十五五”开局之年，全市将实施工业重大项目二百个以上，新增规模以上工业企业三百家。
"""
    index = _ingest(tmp_path, "summary.txt", text)
    rows = {row["text"][:4]: row["years"] for row in jsonl("search", "全市将", "--all", "--index", index)}
    assert rows["2026"] == [2026]
    assert [years for start, years in rows.items() if start != "2026"] == [[2026, 2027, 2028, 2029, 2030]]


@pytest.mark.parametrize("turn, key, years", [
    ("刘某：明年是“十五五”开局之年。我们将推动三个重点产业园建设。全区集成电路营收力争增长一成。", "刘某：明年是", [2026]),
    ("副区长：我补充一句。明年全区将启动建设装备零部件产业园二期。", "副区长：我补", [2026]),
    ("刘某：企业今明两年计划新开工项目二十个，新增用能需求约十万吨标准煤。", "刘某：企业今", [2025, 2026]),
])
def test_an_interviews_turn_on_next_year_speaks_for_it(tmp_path, turn, key, years):
    """(h49-z) In a year-end interview, a turn opening on next year as one of a period's (明年是“十五五”开局之年。我们将…),
    or after a short sentence of no year (我补充一句。明年…), kept this year too; 今明两年 before its clause's verb (企业今明
    两年计划…) added neither year."""
    text = f"""年终访谈：区长谈芯片产业

来源：某某日报　2025年12月28日

主持人：今年全区集成电路产业发展情况如何？

{turn}
"""
    index = _ingest(tmp_path, "interview.txt", text)
    rows = {row["text"][:6]: row["years"] for row in jsonl("search", "将", "--all", "--index", index)} if "将" in turn else \
        {row["text"][:6]: row["years"] for row in jsonl("search", "计划", "--all", "--index", index)}
    assert rows[key] == years


def test_a_citys_zone_in_a_headline_lies_where_the_opening_says(tmp_path):
    """(h49b-a) A headline naming a zone by its city's name and its kind (某某片区：…) filed the story under the city,
    though its opening says the zone lies in one district (位于爱辉区的…自由贸易试验区黑河片区): the story is that
    district's; the city bureau's figures for 全市 (after a time word, 今年前5个月全市…) are the city's."""
    text = """黑河片区：对俄合作再提速

黑龙江日报　2025年8月20日

位于爱辉区的中国（黑龙江）自由贸易试验区黑河片区，今年上半年新增市场主体一千余户，对俄进出口额同比增长三成。

在片区跨境产业园，一家电子元器件企业的新产线已经投产。

黑河市商务局负责人介绍，今年前7个月全市对俄贸易额同比增长两成。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "黑龙江省/黑河市/爱辉区"
    assert _regions(index, "产线")["在片区跨境产"] == "黑龙江省/黑河市/爱辉区"
    assert _regions(index, "贸易额")["黑河市商务局"] == "黑龙江省/黑河市"


def test_a_county_level_citys_view_of_its_prefecture_named_after_a_time_is_the_prefectures(tmp_path):
    """(h49b-a) In a county-level city's report, 从全市看，上半年崇左市… (the view, a time, then the prefecture by its full
    name) stayed the county-level city's: it is the prefecture's figure."""
    text = """凭祥综合保税区2025年上半年运行情况

一、总体情况
上半年，综保区进出口总值同比增长一成半。

二、全市情况
从全市看，上半年崇左市外贸进出口总值同比增长一成，凭祥口岸贡献近八成。
"""
    index = _ingest(tmp_path, "report.txt", text)
    assert _regions(index, "进出口总值")["从全市看，上"] == "广西壮族自治区/崇左市"


def test_a_customs_district_named_after_its_city_is_no_place(tmp_path):
    """(h49b-a) A province's notice issued jointly with the customs district named after its capital (云南省商务厅
    中华人民共和国昆明海关) was filed under the capital, and so was every item of its list of border ports: a customs
    district is a national agency's branch, not its city."""
    text = """云南省商务厅　中华人民共和国昆明海关
关于确定2026年边境贸易创新试点口岸的通知

各州、市商务主管部门，昆明海关各隶属海关：

经研究，确定以下口岸为2026年边境贸易创新试点。

（一）德宏傣族景颇族自治州瑞丽市：瑞丽口岸。重点发展电子元器件落地组装。
"""
    index = _ingest(tmp_path, "notice.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "云南省"
    assert _regions(index, "重点发展")["（一）德宏傣"] == "云南省/德宏傣族景颇族自治州/瑞丽市"


@pytest.mark.parametrize("paragraph, key, region", [
    ("东宁市口岸同步发力。东宁市依托公路口岸，建设对俄果蔬出口基地，全年口岸货运量增长三成。", "东宁市口岸同", "黑龙江省/牡丹江市/东宁市"),
    ("穆棱市下城子口岸今年以来承接木材加工项目五个，新增就业三百人。", "穆棱市下城子", "黑龙江省/牡丹江市/穆棱市"),
])
def test_another_places_port_as_a_paragraphs_subject_is_that_places(tmp_path, paragraph, key, region):
    """(h49b-a) In a county-level city's port summary, a paragraph whose subject is a neighbour's port (东宁市口岸同步发力,
    穆棱市下城子口岸今年以来…) stayed the summary's: the subject's cue after the place's port or zone by its kind marks it."""
    text = f"""绥芬河市2025年口岸工作总结

一、口岸运行
今年绥芬河口岸进出口货运量同比增长一成半，过货能力稳步提升。

{paragraph}
"""
    index = _ingest(tmp_path, "summary.txt", text)
    assert _regions(index, "口岸")[key] == region


@pytest.mark.parametrize("sentence, years", [
    ("认定有效期为三年，自2026年1月1日起计算。", [2025, 2026, 2027, 2028]),
    ("基金存续期自2027年2月18日起至2031年2月17日止。", [2025, 2027, 2028, 2029, 2030, 2031]),
    ("投标人自2021年1月1日以来须完成过一项洁净厂房工程。", [2021, 2022, 2023, 2024, 2025]),
])
def test_a_term_or_stretch_written_with_dates_covers_its_years(tmp_path, sentence, years):
    """(h49b-c) A term stated with its length and its start (有效期为三年，自2026年1月1日起), a range written 起至…止 and a
    stretch since a full date (自2021年1月1日以来) left holes: only the years written out were read."""
    text = f"""关于公布2025年度产业链领军企业名单的通知

各有关单位：

经评审，现将2025年度产业链领军企业名单予以公布。{sentence}
"""
    index = _ingest(tmp_path, "notice.txt", text)
    rows = {row["text"][:4]: row["years"] for row in jsonl("search", "经评审", "--all", "--index", index)}
    assert rows["经评审，"] == years


def test_a_story_opening_on_two_sides_in_two_places_is_both_places(tmp_path):
    """(h49b-c) A story filed from one city whose lede sets two sides side by side (一边是武汉…的企业，一边是长沙…的公司)
    was filed under the first side's place, and so was every paragraph of the other side: it is 多地 (or what the two
    places share)."""
    text = """两家芯片企业为“挖人”起争执

来源：某某都市报　2026-05-12

本报武汉5月11日电（记者 某某）一边是武汉东湖高新区的存储芯片企业，一边是长沙新近崛起的主控设计公司。围绕十余名研发人员的跳槽，两家企业近日公开“隔空喊话”。

截至记者发稿，双方尚未提起诉讼。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "多地"
    assert _regions(index, "双方")["截至记者发稿"] == "多地"


def test_a_bracketed_dateline_is_neither_a_passages_place_nor_its_year(tmp_path):
    """(h49b-c) In a bank's round-up of its provinces' loans, the first paragraph's bracketed dateline (（北京，2026年1月
    15日）…) opened a section of the city it was filed from and added the year it was dated: neither is what it says."""
    text = """某某银行2025年集成电路产业贷款投放突破千亿元

（北京，2026年1月15日）某某银行今日发布消息，2025年该行累计向集成电路产业链企业投放各类贷款一千余亿元。

一、上海分行
上海分行全年向浦东新区集成电路企业新增贷款二百亿元。

二、江苏分行
江苏分行全年向省内集成电路企业新增贷款一百八十亿元。

三、广东分行
广东分行全年向深圳、广州集成电路企业新增贷款一百五十亿元。
"""
    index = _ingest(tmp_path, "press.txt", text)
    row = next(row for row in jsonl("search", "今日发布", "--all", "--index", index))
    assert ("/".join(row["region_path"]), row["years"]) == ("多地", [2025])


@pytest.mark.parametrize("sentence, years", [
    ("项目计划于2026年3月开工建设，2028年底建成投产。", [2025, 2026, 2027, 2028]),
    ("应聘人员年龄在35周岁以下（1990年1月1日以后出生）。", [2025]),
])
def test_a_schedule_covers_its_years_and_a_birth_date_is_no_year(tmp_path, sentence, years):
    """(h49b-c, h41-e) A work's schedule from its start to its end (2026年3月开工…，2028年底建成投产) left out the years
    between; an age limit's birth date (1990年1月1日以后出生) was read as a year the notice speaks of."""
    text = f"""关于某某集成电路项目的公告

2025年6月1日

一、基本情况。{sentence}
"""
    index = _ingest(tmp_path, "notice.txt", text)
    rows = {row["text"][:4]: row["years"] for row in jsonl("search", "基本情况", "--all", "--index", index)}
    assert rows["一、基本"] == years


def test_two_municipalities_named_by_a_pair_of_abbreviations_are_both(tmp_path):
    """(h49b-b) A comparison titled by the pair 沪渝 (上海, 重庆) was filed under the first: the pair is a group of its own."""
    text = """沪渝集成电路产业合作路径研究

上海和重庆同为直辖市，集成电路产业各有特色。今年以来，两地已签署产业合作备忘录。
"""
    index = _ingest(tmp_path, "study.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "多地"


@pytest.mark.parametrize("sentence, years", [
    ("到2025年，全区数字经济核心产业增加值力争达到八百亿元，为高质量完成“十四五”规划目标打下坚实基础。", [2024, 2025]),
    ("项目符合国家产业政策和《某某市“十四五”生态环境保护规划》要求。", [2024]),
])
def test_a_period_named_as_a_purpose_or_in_a_plan_conformed_to_adds_no_years(tmp_path, sentence, years):
    """(h49b-b, h49b-c) A period named as what the year's work serves after the verb that completes it (为高质量完成
    “十四五”规划目标打下坚实基础) and one inside a plan a project conforms to (符合…《…“十四五”…规划》要求) spread the
    whole period over a 2024 text's passage."""
    text = f"""某某区2024年政府工作报告

二、2024年工作安排
{sentence}
"""
    index = _ingest(tmp_path, "report.txt", text)
    rows = {row["text"][:2]: row["years"] for row in jsonl("search", "规划", "--all", "--index", index)}
    assert rows[sentence[:2]] == years


@pytest.mark.parametrize("first, second", [("番禺区", "南沙区"), ("南沙区", "番禺区")])
def test_two_districts_building_together_in_one_districts_text_are_the_citys(tmp_path, first, second):
    """(h49b-a) In a district's story, a paragraph opening on its neighbour and itself joined by 与 and what they build
    together (番禺区与南沙区共建的…) stayed the district's: it is the city's, as 两区共建的… is."""
    text = f"""南沙区2025年产业合作情况

一、总体情况
南沙区今年新引进芯片设计企业三十家。

{first}与{second}共建的芯片设计孵化基地已入驻企业二十家。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _regions(index, "企业")[f"{first}与{second}"[:6]] == "广东省/广州市"


@pytest.mark.parametrize("title, subtitle, expected", [
    ("某某微电子股份有限公司2025年年度报告摘要", "", "年度报告"),
    ("某某微电子股份有限公司2025年半年度报告", "", "年度报告"),
    ("中部六省集成电路产业发展回顾与展望", "——某某产业研究中心专题研究报告（2026年第2期）", "报告"),
])
def test_an_annual_report_and_a_study_subtitled_a_report_are_typed(tmp_path, title, subtitle, expected):
    """(h49b-c) A listed firm's 年度报告摘要 was typed news (or nothing) and a study whose subtitle names it a research
    report was typed news; the first keeps its own title (not a composed 2025年…年度报告)."""
    text = f"""证券代码：688000　　证券简称：某某微电　　公告编号：2026-011

{title}
{subtitle}

一、重要提示
本报告摘要来自年度报告全文，投资者应当到证券交易所网站仔细阅读年度报告全文。
"""
    index = _ingest(tmp_path, "report.txt", text)
    found = jsonl("docs", "--index", index)[0]
    assert (found["doc_type"], found["title"]) == (expected, title)


def test_a_periodicals_issue_line_under_its_title_dates_it(tmp_path):
    """(h49c-e) A monthly's December issue with no year in its title (…运行监测月报 / （2024年第12期）) printed the next
    January was filed under the year it was printed; its issue line dates it."""
    text = """滨江市集成电路产业运行监测月报
（2024年第12期）
滨江市工业和信息化局电子信息产业处　2025年1月20日编印

一、总体运行情况
1—12月，全市集成电路产业累计实现营业收入一千二百亿元，同比增长一成。
"""
    index = _ingest(tmp_path, "monthly.txt", text)
    assert jsonl("docs", "--index", index)[0]["years"] == [2024]


def test_a_groups_meeting_is_the_groups_not_its_venues(tmp_path):
    """(h49c-f) A headline of a city group's joint meeting held in one member (…联席会议在龙岩召开) filed the story and
    every member's paragraph under the venue; the group's meeting is the group's (what its members share)."""
    text = """闽西南协同发展区2025年党政联席会议在三明召开

来源：某某经济网　2025-07-20

会议通报，五市地区生产总值合计同比增长六个百分点，电子信息产业规模稳步扩大。

厦门市在会上介绍，今年上半年全市集成电路产业营收同比增长一成半。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == "福建省"
    assert _regions(index, "增长")["会议通报，五"] == "福建省"

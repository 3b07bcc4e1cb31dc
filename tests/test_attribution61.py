"""Session 61: attribution on documents nobody tuned for (blind sets h61 a to e, written by helpers in their own words
against a frozen 5dd424be).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_an_interview_is_its_subjects_place_not_a_roundup_of_the_places_its_answers_name(tmp_path):
    """An interview (问：…？ / 答：…, three questions or more) under a headline naming no place is its subject's: the county
    its subtitle's official heads (——访…市委书记), its answers naming 苏州, 无锡 and 杭州 as neighbours, not a round-up."""
    story = """小县城如何做大连接器产业

——访宁国市委书记周海涛

宣城日报　2023年12月2日　记者 何雯

宁国地处皖浙交界，近年来围绕连接器和汽车线束招商，产业规模持续扩大。

问：宁国为什么选择连接器产业？
答：一是有基础，二是离苏州、无锡、杭州都不远，整机厂的配套需求大。

问：今年产业运行怎么样？
答：前十一个月，全市连接器产业产值增长百分之十二，新开工项目九个。

问：下一步有什么打算？
答：我们将建设连接器检测公共平台，继续引进上下游企业。
"""
    index = _ingest(tmp_path, "ningguo_interview.txt", story)
    placed = _regions(index, "连接器 OR 苏州 OR 周海涛")
    assert placed["——访宁国市"] == "安徽省/宣城市/宁国市"
    assert placed["答：一是有基"] == "安徽省/宣城市/宁国市"
    assert placed["答：前十一个"] == "安徽省/宣城市/宁国市"


def test_a_headline_naming_an_electronics_makers_home_before_its_new_plant_is_the_plants_place(tmp_path):
    """A headline naming the home city of a maker by its trade (`东莞电源企业…`, `宁波电容企业…`) before the county of its new
    plant is the county's story, not a round-up of the two; a paragraph opening on the firm's headquarters elsewhere that
    goes on to its plant here stays here."""
    story = """宁波电容企业兰溪新厂投产 浙中电子元件产业再添新军

金华日报讯（记者 陈悦）9月5日，兰溪经济开发区内，一家宁波薄膜电容企业投资建设的新厂正式投产，首期8条产线同时开机。

这家企业总部位于浙江省宁波市慈溪市，主要生产新能源汽车用薄膜电容。企业负责人介绍，兰溪新厂总投资6亿元，达产后年产值约9亿元。

近年来，兰溪主动承接沿海电子元件产业转移，已集聚电子元件企业20余家。
"""
    index = _ingest(tmp_path, "lanxi_capacitor.txt", story)
    placed = _regions(index, "电容 OR 电子元件")
    assert placed["宁波电容企业"] == "浙江省/金华市/兰溪市"
    assert placed["这家企业总部"] == "浙江省/金华市/兰溪市"
    assert placed["近年来，兰溪"] == "浙江省/金华市/兰溪市"


def test_a_rankings_headline_naming_its_scope_and_its_leader_is_the_scopes_roundup(tmp_path):
    """A ranking's headline that names its scope (江苏) and, after it, the place ranked first inside it (`…十强出炉 昆山
    居首`) is the scope's: each ranked place's paragraph is that place's, the closing the province's."""
    story = """江苏县域集成电路产业十强出炉 昆山蝉联榜首

新华日报记者 吴涛
2024-10-18

10月17日，省工业和信息化厅发布全省县域集成电路产业发展评价结果，昆山市、江阴市、常熟市等十地入选。

排名第一的昆山市，去年集成电路产业营收突破900亿元，封测和材料企业集聚。

江阴市位列第二，长电科技等龙头企业带动封测产业链整体提升。

常熟市排名第三，功率器件和电子材料形成特色。

省工业和信息化厅有关负责人表示，将对十强地区在用地和资金上给予倾斜。
"""
    index = _ingest(tmp_path, "jiangsu_county_ranking.txt", story)
    placed = _regions(index, "集成电路 OR 封测 OR 功率 OR 倾斜")
    assert placed["江苏县域集成"] == "江苏省"
    assert placed["10月17日"] == "江苏省"
    assert placed["江阴市位列第"] == "江苏省/无锡市/江阴市"
    assert placed["常熟市排名第"] == "江苏省/苏州市/常熟市"


def test_a_briefs_item_on_a_national_body_or_meeting_or_under_a_national_label_is_the_countrys(tmp_path):
    """In a city association's brief, a numbered item opening on the State Council's executive meeting (`国务院常务会议近日…`)
    or an item under the label `国家：` is the country's, not the brief's city."""
    brief = """苏州市半导体行业协会简报

2025年第3期

一、政策速递

1．国务院常务会议近日研究部署推动集成电路产业高质量发展有关工作。

2．苏州市出台集成电路产业专项政策，对流片和首轮量产给予补贴。

国家：财政部、税务总局近日发布公告，延续集成电路企业所得税优惠政策。
"""
    index = _ingest(tmp_path, "suzhou_brief.txt", brief)
    placed = _regions(index, "集成电路")
    assert placed["1．国务院常"] == "全国"
    assert placed["国家：财政部"] == "全国"
    assert placed["2．苏州市出"] == "江苏省/苏州市"


def test_a_view_of_the_whole_city_in_a_county_level_citys_text_is_the_citys_by_any_of_its_names(tmp_path):
    """In a county-level city's report, a paragraph opening on a view of the whole city that goes on with the city's short
    name (`从全市看，郑州…`, `从嘉兴全市看，…`) speaks for the city, not the county-level city."""
    report = """巩义市2025年政府工作报告

2025年2月20日在巩义市第十届人民代表大会第五次会议上

一、2024年工作回顾

过去一年，全市电子材料产业产值增长百分之十五。

从全市看，郑州2024年电子信息产业营收继续增长，巩义在配套体系中的位置更加突出。

二、2025年工作安排

加快建设电子铝材产业园。
"""
    index = _ingest(tmp_path, "gongyi_report_2025.txt", report)
    placed = _regions(index, "电子")
    assert placed["从全市看，郑"] == "河南省/郑州市"
    assert placed["过去一年，全"] == "河南省/郑州市/巩义市"


def test_a_period_a_paragraph_looks_toward_or_a_plans_fitting_adds_no_years(tmp_path):
    """In a report of one year, `着眼“十五五”，…谋划…储备…` and `做好“十五五”规划衔接` name the period the work prepares for:
    the passages speak for the report's year, not the period's five."""
    report = """盐城市亭湖区2025年工作要点

一、重点任务

（一）着眼“十五五”，谋划一批半导体材料重大项目，提前储备一批产业化项目。

（二）做好“十五五”规划衔接，梳理半导体材料产业链招商清单。
"""
    index = _ingest(tmp_path, "tinghu_points_2025.txt", report)
    years = _years(index, "半导体")
    assert years["（一）着眼“"] == [2025]
    assert years["（二）做好“"] == [2025]


def test_a_reviews_title_ending_on_evaluation_is_a_title_and_its_problems_heading_the_reviews_year(tmp_path):
    """A review titled `…行动计划（2022—2024年）实施情况总结评估` is known by that title, and its problems heading speaks for
    the review's year within the period, not all the period's years."""
    review = """烟台市集成电路产业三年行动计划（2022—2024年）实施情况总结评估

烟台市工业和信息化局
2024年12月10日

一、总体完成情况

三年来，全市集成电路产业规模年均增长百分之十六。

二、存在的主要问题

设计企业规模偏小，本地配套率不高。
"""
    index = _ingest(tmp_path, "yantai_review.txt", review)
    years = _years(index, "集成电路 OR 设计企业")
    assert years["设计企业规模"] == [2024]


def test_problems_in_a_proposal_for_a_period_to_come_speak_for_when_it_is_written(tmp_path):
    """In a proposal for a period still to come (a “十五五” one, written in 2025), a heading naming problems and its
    paragraphs speak for the year it is written, not the period's years; its proposals for the period."""
    proposal = """关于加快无锡集成电路产业“十五五”发展的建议

无锡市半导体行业协会
2025年9月

一、发展基础

“十四五”以来，全市集成电路产业规模稳居全省前列。

二、存在的问题

高端制造环节偏弱，设计企业营收规模偏小。

三、建议

建议设立集成电路设计企业流片专项资金。
"""
    index = _ingest(tmp_path, "wuxi_proposal.txt", proposal)
    years = _years(index, "集成电路 OR 设计企业")
    assert years["高端制造环节"] == [2025]
    assert years["建议设立集成"] == [2026, 2027, 2028, 2029, 2030]


def test_a_paragraph_opening_on_next_year_speaks_for_it_through_its_later_sentences(tmp_path):
    """In a story dated this year, a paragraph of several sentences that opens on next year (`明年，本区将…。同时，将…`) and
    names no other year or the time now speaks for next year alone."""
    story = """滨江区集成电路产业观察

来源：杭州日报　2024-11-20

明年，本区将新建两个集成电路公共服务平台。同时，将修订完善首轮流片支持政策。

今年以来，全区新增集成电路设计企业30家。
"""
    index = _ingest(tmp_path, "binjiang_story.txt", story)
    years = _years(index, "集成电路")
    assert years["明年，本区将"] == [2025]
    assert years["今年以来，全"] == [2024]


def test_a_headline_counting_projects_is_no_single_sites_and_keeps_its_citys_story(tmp_path):
    """A city's headline that counts its projects (`…近年来引进上下游项目30余个`) names no single site: the story is the
    city's, though its opening names a firm in a zone that lies in one of its districts."""
    story = """株洲功率半导体加速集聚 近年来引进上下游项目30余个

来源：株洲日报　2024-06-18

6月17日，位于株洲高新区的一家功率模块企业新产线投产。

近年来，株洲把功率半导体作为主攻方向，产业链逐步完善。
"""
    index = _ingest(tmp_path, "zhuzhou_power.txt", story)
    placed = _regions(index, "功率")
    assert placed["株洲功率半导"] == "湖南省/株洲市"
    assert placed["近年来，株洲"] == "湖南省/株洲市"


def test_a_neighbour_named_after_the_texts_own_word_for_itself_is_the_neighbours(tmp_path):
    """A paragraph opening on a neighbour named by the text's own word for its place (`与我市隔江相望的镇江，…`) is the
    neighbour's, in a city paper's story."""
    story = """扬州集成电路设计业加快成长

来源：扬州日报　2025-03-02

本报讯　记者从市工业和信息化局获悉，去年我市集成电路设计业营收增长百分之二十。

与我市隔江相望的镇江，集成电路材料产业营收去年已超过300亿元。
"""
    index = _ingest(tmp_path, "yangzhou_story.txt", story)
    placed = _regions(index, "集成电路")
    assert placed["与我市隔江相"] == "江苏省/镇江市"
    assert placed["本报讯记者从"] == "江苏省/扬州市"


def test_a_marked_lead_in_a_national_weekly_then_a_district_inside_it_is_the_districts(tmp_path):
    """In a national weekly, an item under a marked lead naming a city (`江苏无锡：`) whose text opens on a district inside it
    (`新吴区…`) is the district's, as it is in a one-place text."""
    weekly = """算力产业周报（2025年第30期）

政策风向

工业和信息化部印发算力基础设施建设指南，提出加快全国一体化算力网建设。

项目进展

- **江苏无锡**：新吴区新增一座智算中心，首期部署国产加速卡2000张。
- **四川成都**：成都市发布算力券实施细则。
- **贵州贵阳**：贵安新区数据中心集群新增机架5000个。
"""
    index = _ingest(tmp_path, "compute_weekly.md", weekly)
    placed = _regions(index, "智算 OR 算力券")
    assert placed["江苏无锡：新"] == "江苏省/无锡市/新吴区"
    assert placed["四川成都：成"] == "四川省/成都市"


def test_the_year_just_past_named_with_its_words_opens_a_paragraph_on_that_year(tmp_path):
    """Under a heading reviewing five years, a paragraph opening `刚刚过去的2021年，…` speaks for that year alone."""
    report = """许昌市2022年政府工作报告

一、过去五年工作回顾

过去五年，全市电子信息产业规模翻了一番。

刚刚过去的2021年，全市电子信息产业营收增长百分之十九。
"""
    index = _ingest(tmp_path, "xuchang_report_2022.txt", report)
    years = _years(index, "电子信息")
    assert years["刚刚过去的2"] == [2021]
    assert years["过去五年，全"] == [2017, 2018, 2019, 2020, 2021]


def test_a_half_of_a_named_period_adds_no_years_of_its_own(tmp_path):
    """`恰好跨越“十四五”后半程和“十五五”前半程` after a stated span (`覆盖2024年至2029年`) adds neither whole period."""
    story = """大基金三期投资期观察

来源：经济日报　2024-06-03

三期基金的投资期预计将覆盖2024年至2029年，恰好跨越“十四五”后半程和“十五五”前半程。
"""
    index = _ingest(tmp_path, "fund_story.txt", story)
    years = _years(index, "基金")
    assert years["三期基金的投"] == [2024, 2025, 2026, 2027, 2028, 2029]


def test_closing_a_citys_paragraph_section_keeps_the_years_its_heading_gave(tmp_path):
    """In a report of one year's results and the next year's plan, under a heading of the cities' results, a section a
    city's run-in lead opened and the list of cities after it keep the heading's year, not both of the document's."""
    report = """广西壮族自治区电子信息产业2024年发展情况及2025年工作安排

自治区工业和信息化厅
2025年2月10日

一、各市发展情况

（一）南宁市。南宁以电子元器件和智能终端为重点，全年电子信息产业营收增长百分之十二。

（二）北海市。北海聚焦显示面板和触控模组，北海工业园区引进企业15家。

（三）桂林市、柳州市。两市发挥光电和汽车电子基础，产业规模稳步扩大。

二、2025年工作安排

推动电子信息产业营收增长百分之十。
"""
    index = _ingest(tmp_path, "guangxi_summary.txt", report)
    years = _years(index, "电子 OR 显示 OR 光电")
    assert years["（二）北海市"] == [2024]
    assert years["（三）桂林市"] == [2024]
    assert years["推动电子信息"] == [2025]


def test_a_visit_storys_paragraph_on_the_visited_city_by_name_is_the_citys_again(tmp_path):
    """After the stops of a leader's visit to a city (`在…开发区，…`, `随后，调研组来到秦都区…`, `在武功县，…`), a paragraph
    opening on the city by name after a speaker's words (`调研中，…指出，咸阳要…`) or a time (`去年，咸阳市…`) is the city's
    again, not the last stop's."""
    story = """省领导赴咸阳调研电子材料产业

2025-05-20　来源：陕西省工业和信息化厅

5月19日至20日，副省长李明一行赴咸阳市调研电子材料产业发展情况，深入园区、企业实地察看。

在咸阳高新技术产业开发区，调研组走进一家电子玻璃企业，察看生产线运行情况。

随后，调研组来到秦都区电子材料产业园，了解靶材和电子化学品项目进展。

在武功县，调研组考察了一家光学膜项目。该项目总投资12亿元，预计明年投产。

调研中，李明指出，咸阳要把电子材料作为主导产业，加快建链延链。

他强调，省直有关部门要加强对咸阳电子材料产业的支持。

去年，咸阳市电子材料产业营收增长百分之十五。
"""
    index = _ingest(tmp_path, "xianyang_visit.txt", story)
    placed = _regions(index, "电子 OR 项目")
    assert placed["在武功县，调"] == "陕西省/咸阳市/武功县"
    assert placed["调研中，李明"] == "陕西省/咸阳市"
    assert placed["去年，咸阳市"] == "陕西省/咸阳市"


def test_a_periods_goals_met_early_add_no_years_of_the_period(tmp_path):
    """In a round-up of 2026, `“十四五”目标提前完成` tells a result: the period's years are not the passage's."""
    story = """多地发布2026年集成电路工作要点

来源：中国电子报　2026-02-20

春节刚过，多个城市发布2026年集成电路产业工作要点。

**南京：** 2026年，南京提出集成电路产业规模增长百分之十。2025年，南京集成电路产业规模约1800亿元，“十四五”目标提前完成。

**武汉：** 武汉明确今年集成电路产业营收增长百分之十二。
"""
    index = _ingest(tmp_path, "roundup_2026.md", story)
    years = _years(index, "集成电路")
    assert years["南京：202"] == [2025, 2026]


def test_a_part_of_a_zone_that_its_paragraph_sites_in_a_district_is_that_districts(tmp_path):
    """In a zone's text, a paragraph whose first sentence, after a run-in heading, says the part it tells of lies in a
    district of the zone's city (`科创园区位于新都区境内，…`; `（二）…。某片区位于大兴区，…`) is that district's."""
    summary = """成都高新区电子信息产业2025年一季度运行情况

一、分园区情况

东区园区。作为高新区的核心承载区，东区园区一季度集成电路设计业营收增长百分之十五。

科创园区。科创园区位于新都区境内，是全区电子元器件生产的主要承载地，一季度产值增长百分之九。

（三）推动北片区产城融合。北片区位于双流区，重点建设电子信息人才社区。
"""
    index = _ingest(tmp_path, "tianfu_zone_q1.txt", summary)
    placed = _regions(index, "集成电路 OR 电子")
    assert placed["科创园区。科"] == "四川省/成都市/新都区"
    assert placed["（三）推动北"] == "四川省/成都市/双流区"
    assert placed["东区园区。作"] == "四川省/成都市"  # (the zone itself, filed as its city: it spans several districts)


def test_a_district_docking_with_a_neighbours_park_keeps_its_own_passage(tmp_path):
    """In a district's plan, a paragraph of its own action naming a neighbour only as the partner it docks with
    (`主动对接柯桥区…产业园，推动本地…`) is the district's, not the city they share."""
    points = """绍兴市越城区2026年集成电路产业工作要点

（一）强化产业链协同。主动对接柯桥区集成电路产业园，推动本地封测企业进入柯桥产线验证。

（二）完善公共服务平台。建设集成电路检测公共平台。
"""
    index = _ingest(tmp_path, "yuecheng_points_2026.txt", points)
    placed = _regions(index, "集成电路")
    assert placed["（一）强化产"] == "浙江省/绍兴市/越城区"


def test_a_plans_safeguards_after_the_next_years_work_speak_for_that_year(tmp_path):
    """In a report of one year's state and the next year's work, a heading naming no year after the one that turned
    ahead (`四、保障措施` after `三、2025年工作安排`) and its paragraphs speak for the next year, not both."""
    report = """关于徐汇区2024年集成电路产业发展情况和2025年工作安排的报告

徐汇区科学技术委员会
（2025年1月20日）

一、2024年产业发展情况

2024年，全区集成电路产业营收增长百分之十一。

二、2025年工作安排

推动人工智能芯片企业扩大研发投入。

三、保障措施

用好区集成电路产业专项资金，重点支持流片和人才引进。
"""
    index = _ingest(tmp_path, "xuhui_report.txt", report)
    years = _years(index, "集成电路 OR 芯片")
    assert years["用好区集成电"] == [2025]
    assert years["2024年，"] == [2024]


def test_an_autonomous_regions_own_meeting_held_in_its_capital_is_the_regions(tmp_path):
    """A headline of the region's own meeting by its level's name (`自治区…推进大会召开`, held `在南宁召开`) is the region's,
    not its venue city's; its paragraphs on the whole region are the region's."""
    story = """自治区数字经济推进大会召开 部署算力和电子信息产业发展

3月2日，自治区数字经济推进大会在南宁召开。

会议指出，2025年，全区电子信息制造业营收增长百分之十二。

会议强调，今年要加快建设算力枢纽，全区算力规模力争翻一番。
"""
    index = _ingest(tmp_path, "guangxi_meeting.txt", story)
    placed = _regions(index, "全区 OR 大会")
    assert placed["会议指出，2"] == "广西壮族自治区"
    assert placed["会议强调，今"] == "广西壮族自治区"


def test_a_city_heads_visit_listing_districts_whose_names_other_cities_share_is_the_citys(tmp_path):
    """A visit by the city government's head (`市政府主要负责同志调研…`) whose opening lists districts, one a name other
    cities share too (`深入宽城区、朝阳区和绿园区…`), is the city's story, each stop its district's."""
    story = """市政府主要负责同志调研汽车电子企业时强调　做强汽车芯片配套

长春日报讯（记者　王磊）4月9日，市政府主要负责同志深入宽城区、朝阳区和绿园区部分汽车电子企业调研。

在宽城区的一家车规级芯片封测企业，调研组察看了新产线运行情况。

调研中，市政府主要负责同志指出，汽车电子是长春的优势产业，要加快补齐芯片配套短板。
"""
    index = _ingest(tmp_path, "changchun_visit.txt", story)
    placed = _regions(index, "汽车电子 OR 芯片")
    assert placed["长春日报讯（"] == "吉林省/长春市"
    assert placed["在宽城区的一"] == "吉林省/长春市/宽城区"
    assert placed["调研中，市政"] == "吉林省/长春市"


def test_a_route_headline_from_a_city_and_its_district_is_the_destinations(tmp_path):
    """A headline of a move written as a route from a city and its district (`从深圳南山到合肥高新区：…`) is the
    destination's story, as one from a single place is."""
    story = """从东莞松山湖到成都高新区：一家功率芯片企业的西迁

来源：四川日报　2025-04-02

4月1日，功率芯片企业蓉芯科技完成总部迁址，新总部落在成都高新区。

高新区已集聚集成电路企业300余家，形成设计、制造、封测完整链条。
"""
    index = _ingest(tmp_path, "move_story.txt", story)
    placed = _regions(index, "芯片 OR 集成电路")
    assert placed["从东莞松山湖"] == "四川省/成都市"
    assert placed["高新区已集聚"] == "四川省/成都市"


def test_a_november_storys_schedule_for_next_year_leaves_it_that_years_story(tmp_path):
    """A story dated in November whose headline and lead say a plant opens next year (`…明年二季度投产`, `…顺利封顶。…计划
    明年…投产`) is a story of its date's year: its paragraphs of now are that year's."""
    story = """常熟高新区功率器件项目主体封顶 明年二季度投产

2025-11-20　来源：常熟日报

11月19日，位于常熟高新区的一家功率器件企业新厂房主体结构顺利封顶。该项目总投资30亿元，计划明年二季度投产。

项目负责人介绍，施工过程中比原计划提前了一个多月。
"""
    index = _ingest(tmp_path, "changshu_story.txt", story)
    years = _years(index, "项目 OR 功率")
    assert years["项目负责人介"] == [2025]


def test_a_broadcasts_air_date_makes_it_a_story_of_that_year(tmp_path):
    """A broadcast's transcript under its air date line (`播出时间：2023年11月12日`) is a story of that year: its paragraphs
    of now do not take the next year its later paragraphs plan for."""
    transcript = """《对话武汉》第88期文字实录｜光谷“芯”路

播出时间：2023年11月12日　武汉广播电视台

主持人：各位观众，欢迎收看《对话武汉》。今天我们来到光谷，聊一聊光谷的存储芯片产业。

嘉宾：光谷今年前三季度集成电路产业营收增长百分之十五。

主持人：明年光谷有什么打算？

嘉宾：明年，我们将加快建设存储芯片产业园二期，力争新引进配套项目10个以上。

企业代表：我们企业明年计划在光谷投资6亿元新建一条封测产线，2025年建成投产。
"""
    index = _ingest(tmp_path, "wuhan_broadcast.txt", transcript)
    years = _years(index, "光谷")
    assert years["主持人：各位"] == [2023]


def test_a_year_a_text_was_issued_in_opens_a_stretch_since_then(tmp_path):
    """`2014年国家《…纲要》发布以来，…` runs from that year to the text's own, as `2014年以来` does."""
    story = """浦东集成电路产业十年回顾

来源：浦东时报　2024-09-10

2014年国家《集成电路产业发展推进纲要》发布以来，浦东新区把集成电路作为重中之重，产业规模持续扩大。
"""
    index = _ingest(tmp_path, "pudong_decade.txt", story)
    years = _years(index, "集成电路")
    assert years["2014年国"] == list(range(2014, 2025))


def test_a_makers_home_before_any_short_trade_in_a_headline_is_its_origin(tmp_path):
    """A headline naming a maker's home before a trade of any few letters (`厦门声学模组企业…`, not a list of known trades)
    and then its new plant's county is the county's story."""
    story = """厦门声学模组企业长汀新厂投产 闽西电子产业再添新动能

闽西日报讯（记者 林晓）5月8日，长汀经济开发区内，一家厦门声学模组企业投资建设的新厂正式投产。

近年来，长汀主动承接沿海电子产业转移，已集聚电子企业30余家。
"""
    index = _ingest(tmp_path, "changting_plant.txt", story)
    placed = _regions(index, "电子")
    assert placed["厦门声学模组"] == "福建省/龙岩市/长汀县"
    assert placed["近年来，长汀"] == "福建省/龙岩市/长汀县"

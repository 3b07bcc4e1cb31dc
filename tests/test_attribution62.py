"""Session 62: attribution on documents nobody tuned for (blind sets h62 a to e, written by helpers in their own words
against a frozen 78520ad0).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_text as _ingest, jsonl, regions_by_start as _regions, years_by_start as _years


def _titles(index, term: str) -> set[str]:
    return {row["title"] for row in jsonl("search", term, "--all", "--index", index)}


def test_a_newspaper_pages_masthead_lines_are_no_title_and_its_own_delegation_story_is_the_papers_place(tmp_path):
    """A local paper's page opens with its masthead on a line of its own and the issue's date and page under it; the
    headline below is the title.  Its story of "我县" travelling to another city (`…代表团赴苏州开展…招商`) is the paper's
    county, its `在昆山，…` paragraphs the places visited."""
    story = """湖州日报
2024年5月18日　第03版

我县经贸代表团赴苏州开展电子元件产业招商
签约项目7个，总投资31亿元

本报讯（记者 沈青）5月14日至16日，县长率我县经贸代表团赴苏州开展电子元件产业招商，先后拜访企业11家。

在昆山，代表团走访了一家连接器企业的生产基地，详细了解企业扩产计划。

16日，长兴县（苏州）电子元件产业招商会举行，现场签约项目7个，总投资31亿元。

代表团表示，长兴将建立签约项目专班，推动项目早落地。
"""
    index = _ingest(tmp_path, "taihu_delegation.txt", story)
    assert _titles(index, "招商") == {"我县经贸代表团赴苏州开展电子元件产业招商"}
    placed = _regions(index, "招商 OR 代表团 OR 产能")
    assert placed["我县经贸代表"] == "浙江省/湖州市/长兴县"
    assert placed["16日，长兴"] == "浙江省/湖州市/长兴县"
    assert placed["在昆山，代表"] == "江苏省/苏州市/昆山市"


def test_a_common_word_spelling_a_far_countys_short_name_does_not_make_a_title_two_places(tmp_path):
    """A headline word that spells a far county's short name (`人才安居`: 遂宁's 安居区; `产业复兴`: 邯郸's 复兴区) beside the
    place the headline is about is a word: the text is that place's, not 多地."""
    story = """合肥高新区：集成电路人才的安居与产业复兴

合肥高新区今年为集成电路企业新引进人才提供人才公寓1200套，对博士给予每月3000元租房补贴。

区内三家封测企业扩产，带动配套企业新增就业岗位2000个。
"""
    index = _ingest(tmp_path, "hefei_talent.txt", story)
    placed = _regions(index, "人才 OR 封测")
    assert placed["合肥高新区："] == "安徽省/合肥市"
    assert placed["合肥高新区今"] == "安徽省/合肥市"


def test_a_nickname_quoted_alone_in_a_headline_is_no_second_place(tmp_path):
    """A county's headline naming what it was and is becoming in quotes (从“钢城”到“芯城”: 钢城 spells 济南's 钢城区) is the
    county's story alone."""
    story = """【县域访谈】江油：从“钢城”到“芯材之城”

近年来，江油市推动传统产业向电子材料转型。

记者：江油发展电子材料有什么基础？

市长：我们有特钢和有色金属冶炼的底子，靶材和高纯金属与老产业一脉相承，今年前三季度电子材料产值增长四成。
"""
    index = _ingest(tmp_path, "jiangyou_interview.txt", story)
    placed = _regions(index, "江油 OR 靶材")
    assert placed["【县域访谈】"] == "四川省/绵阳市/江油市"
    assert placed["市长：我们有"] == "四川省/绵阳市/江油市"


def test_a_profiles_person_home_is_not_its_place_and_a_county_papers_masthead_settles_its_short_name(tmp_path):
    """A profile's headline naming its subject's home (`…的宿迁人`) and its work's place is the work's place; under a
    county paper's masthead (`江阴日报　date　记者…`) the county's short name in the opening (江阴周庄镇…) is that county,
    not a city the founder once visited (上海张江); a paragraph telling where he was born keeps that place."""
    story = """“封”行二十年：一家乡镇小厂的逆袭

江阴日报　2024年9月3日　记者　王敏

清晨六点，五十八岁的周建平已经走进公司的无尘车间，每天都要把生产线走一遍。

2004年，江阴周庄镇引进电子元器件项目，周建平被请来当厂长，全厂只有三十多名工人。

转机出现在2009年。那一年，他带着骨干到上海张江考察，回来后把全年利润都投进了新设备。

如今，企业已有员工1900人，是当地最大的封装企业。
"""
    index = _ingest(tmp_path, "jiangyin_profile.txt", story)
    placed = _regions(index, "周建平 OR 企业")
    assert placed["清晨六点，五"] == "江苏省/无锡市/江阴市"
    assert placed["如今，企业已"] == "江苏省/无锡市/江阴市"
    profile = """李明远：把芯片产线带到涵江的宿迁人

春节前的最后一个工作日，涵江高新区的一家芯片企业依然忙碌，新线正在调试。

李明远是江苏宿迁人，1985年出生在泗阳县，大学毕业后在宿迁一家电子厂工作了十年。

2019年，他带着团队在涵江注册成立了公司，去年营收突破5亿元。
"""
    index = _ingest(tmp_path / "profile", "hanjiang_profile.txt", profile)
    placed = _regions(index, "涵江 OR 李明远")
    assert placed["李明远：把芯"] == "福建省/莆田市/涵江区"
    assert placed["春节前的最后"] == "福建省/莆田市/涵江区"
    assert placed["2019年，"] == "福建省/莆田市/涵江区"


def test_a_roundup_whose_items_open_on_regional_groups_is_several_places(tmp_path):
    """A story whose paragraphs open on regional groups as marked leads (`长三角：…`, `京津冀：…`, `成渝：…`) is a round-up
    of several places, not the first city its first item names."""
    story = """年初开工潮：三大城市群一批芯片项目落地

三月以来，长三角、京津冀和成渝三大城市群的一批集成电路项目集中开工。

长三角：无锡一座功率器件晶圆厂开工，总投资约80亿元；宁波、芜湖各有一个封装项目签约。

京津冀：北京亦庄的光刻胶扩产项目开工，石家庄的碳化硅衬底项目进入设备安装。

成渝：成都高新区和重庆西永各启动一个化合物半导体中试平台。

业内人士认为，项目集中落地反映出各地稳投资的力度。
"""
    index = _ingest(tmp_path, "clusters_roundup.txt", story)
    placed = _regions(index, "开工 OR 项目 OR 中试")
    assert placed["年初开工潮："] == "多地"
    assert placed["长三角：无锡"] == "多地"
    assert placed["业内人士认为"] == "多地"


def test_a_pair_of_places_named_by_their_joint_short_name_or_a_river_belt_is_several_places(tmp_path):
    """A cross-province pair named by its joint short name (遂潼: 遂宁 and 重庆's 潼南) heads a text of both; each clause
    naming one side is that side's.  An alliance of a river belt (长江经济带) founded in one city is the belt's story."""
    plan = """遂潼一体化发展先行区电子电路产业2025年工作要点

一、共建产业集群
遂宁市船山区重点发展高多层电路板；潼南区重点发展电子化学品。

二、统一招商
两地产业园实行统一招商目录，年内联合举办招商活动三场。
"""
    index = _ingest(tmp_path, "suitong_points.txt", plan)
    placed = _regions(index, "电路 OR 招商 OR 化学品")
    assert placed["遂潼一体化发"] == "多地"
    assert placed["两地产业园实"] == "多地"
    story = """长江经济带功率半导体产业联盟在南昌成立

10月9日，长江经济带功率半导体产业联盟成立大会举行，来自沪苏浙皖赣鄂湘渝川的七十余家单位成为首批成员。

首批成员中，既有武汉的器件设计企业，也有株洲的模块企业和无锡的封测企业。
"""
    index = _ingest(tmp_path / "alliance", "yangtze_alliance.txt", story)
    placed = _regions(index, "联盟 OR 企业")
    assert placed["长江经济带功"] == "多地"
    assert placed["首批成员中，"] == "多地"


def test_a_title_taking_in_a_partners_industry_is_the_takers_place(tmp_path):
    """A plan titled `X承接Y…产业转移…方案` is X's: Y is the partner whose firms move."""
    plan = """保定市承接北京集成电路产业转移2025年工作方案

为抢抓产业外溢机遇，结合我市实际，制定本方案。

一、全年力争引进北京集成电路配套项目15个以上。
"""
    index = _ingest(tmp_path, "baoding_takes_in.txt", plan)
    placed = _regions(index, "集成电路 OR 方案")
    assert placed["保定市承接北"] == "河北省/保定市"
    assert placed["一、全年力争"] == "河北省/保定市"


def test_an_aid_summarys_paragraph_on_the_helped_county_itself_is_that_countys(tmp_path):
    """In a helper district's summary of its paired assistance (`…对口帮扶…县…工作总结`), a paragraph opening on the helped
    county itself is the county's; the helper's own paragraphs stay the helper's."""
    summary = """无锡市梁溪区对口帮扶织金县2024年产业协作工作总结

无锡市梁溪区对口帮扶织金县工作组

一、成效
梁溪区全年安排帮扶资金4200万元，引导企业到织金县投资项目4个。

二、问题
织金县电子产业配套能力偏弱，原材料主要从外地采购，物流成本较高。
"""
    index = _ingest(tmp_path, "liangxi_aid.txt", summary)
    placed = _regions(index, "织金县 OR 帮扶")
    assert placed["梁溪区全年安"] == "江苏省/无锡市/梁溪区"
    assert placed["织金县电子产"] == "贵州省/毕节市/织金县"


def test_a_headquarters_paragraph_turning_back_to_the_local_plant_is_the_texts_place(tmp_path):
    """A paragraph opening on a firm's headquarters elsewhere (`这家企业总部在苏州市吴中区，…`) that goes on to its plant
    here and points back to the place (`…如今已是当地…`) is the text's place."""
    story = """盐池县：东西部协作引来电子元件工厂

盐池县工业园区内，一家电子元件企业的车间里机器轰鸣。

这家企业的总部在苏州市吴中区，主要生产精密连接器。2020年，企业在园区建设了第一座工厂，如今已成为当地纳税最多的工业企业之一。
"""
    index = _ingest(tmp_path, "yanchi_plant.txt", story)
    placed = _regions(index, "企业")
    assert placed["这家企业的总"] == "宁夏回族自治区/吴忠市/盐池县"


def test_a_page_dated_years_after_the_past_day_its_story_recalls_is_the_pages_year(tmp_path):
    """A saved page dated by its page's date (`<meta name="PubDate" …>`) whose first full date recalls a founding years
    before (`2020年6月18日…揭牌以来`) is a story of 2025, not of the founding year."""
    page = """<html><head><title>产业园开园五周年：集成电路企业五年增长三倍</title>
<meta name="PubDate" content="2025-06-18"></head><body>
<div class="nav">首页 &gt; 要闻</div>
<h1>产业园开园五周年：集成电路企业五年增长三倍</h1>
<p>6月18日，合肥新站高新区集成电路产业园迎来开园五周年，园区举行发布会介绍发展成效。</p>
<p>据悉，2020年6月18日园区揭牌以来，已累计引进集成电路企业120家。</p>
</body></html>"""
    index = _ingest(tmp_path, "xinzhan_anniversary.html", page)
    years = _years(index, "园区 OR 集成电路")
    assert years["6月18日，"] == [2025]


def test_conditions_naming_what_a_project_or_product_already_had_add_no_year(tmp_path):
    """In a policy, `对2025年已落户…但尚未投产的项目`, `已入选2025年度、2026年度…的同一产品，不得重复申报` and
    `对上年度研发投入超过…的企业` name who qualifies: their years are not the policy's."""
    policy = """宁波市鄞州区关于支持半导体装备产业发展的若干措施

本措施自2026年1月1日起施行，有效期至2028年12月31日。

一、对2025年已落户我区但尚未投产的装备项目，建立“一企一策”服务机制。

二、对上年度研发投入超过2000万元的装备企业，按研发投入增量的10%给予奖励。

三、已入选2025年度、2026年度首台套目录的同一产品，不得重复申报。
"""
    index = _ingest(tmp_path, "yinzhou_measures.txt", policy)
    years = _years(index, "项目 OR 企业 OR 产品")
    assert years["一、对202"] == [2026, 2027, 2028]
    assert years["二、对上年度"] == [2026, 2027, 2028]
    assert years["三、已入选2"] == [2026, 2027, 2028]


def test_a_local_papers_digest_in_its_citys_voice_is_the_citys_not_a_roundup(tmp_path):
    """A local paper's weekly digest whose editor's note speaks as the paper's city (`汇集我市…一周动态`) is the city's,
    though its items name places of other provinces; each item on a county of the city is the county's.  (Before session
    62 the masthead was read as the title, which gave the same place; this guards that reading the headline instead does
    not turn the digest into a round-up.)"""
    digest = """扬州日报·经济周刊
2023年6月12日　第B02版

【一周“芯”动态】（6月5日—6月11日）

编者按：本栏目每周一刊发，汇集我市半导体产业一周动态。

■ 仪征市：功率器件项目封顶
仪征市一家功率器件企业的新厂房本周封顶，预计年底投产。

■ 外地观察：合肥显示产业再扩容
合肥一家面板企业宣布新一期扩产，值得我市借鉴。

■ 外地观察：成都设计企业加速集聚
成都高新区本周新增芯片设计企业六家。
"""
    index = _ingest(tmp_path, "yangzhou_digest.txt", digest)
    placed = _regions(index, "动态 OR 封顶 OR 扩产 OR 设计企业")
    assert placed["编者按：本栏"] == "江苏省/扬州市"
    assert placed["仪征市一家功"] == "江苏省/扬州市/仪征市"


def test_a_digest_item_tagged_by_no_place_ends_the_item_a_places_tag_opened(tmp_path):
    """In a city's weekly digest, an item tagged by a place (`【德清】…`) is that county's; the next item tagged by a
    topic (`【数据】…`, `【下周预告】…`) is the city's again, not the county's before."""
    digest = """一周“芯”闻速览（3月3日—3月9日）

本周，我市集成电路产业项目建设和人才引育多点开花。

【吴兴】3月4日，吴兴区一家功率器件企业的新产线通线。

【长兴】长兴县与上海一家封测企业签订合作协议，将共建先进封装中试线。

【德清】德清县首届芯片设计创新大赛决赛举行，12个项目获奖。

【数据】据市经信局统计，1—2月全市集成电路产业营收同比增长18%。

【下周预告】3月14日，湖州集成电路产业发展大会将在南太湖新区举行。
"""
    index = _ingest(tmp_path, "huzhou_digest.txt", digest)
    placed = _regions(index, "集成电路 OR 芯片 OR 产线 OR 封测")
    assert placed["【德清】德清"] == "浙江省/湖州市/德清县"
    assert placed["【数据】据市"] == "浙江省/湖州市"


def test_a_tables_header_giving_years_to_columns_before_a_column_of_words_dates_its_rows(tmp_path):
    """A header row naming a year in each figure's column (`城市 | 2023年营收（亿元） | 2024年营收（亿元） | 主攻方向`),
    a column of words after them, gives the rows under it those years, not the story's."""
    story = """---
title: 三城芯片产业对比
date: 2025-04-02
---

# 三城芯片产业对比

| 城市 | 2023年营收（亿元） | 2024年营收（亿元） | 主攻方向 |
|---|---|---|---|
| 西安 | 1100 | 1260 | 存储、功率器件 |
| 成都 | 1500 | 1710 | 设计、封测 |

三座城市都把集成电路作为主导产业，各自的主攻方向并不相同。
"""
    index = _ingest(tmp_path, "three_cities.md", story)
    years = _years(index, "功率器件 OR 封测")
    assert years["西安 | 1"[:6]] == [2023, 2024]
    assert years["成都 | 1"[:6]] == [2023, 2024]


def test_a_period_named_as_started_well_or_closed_adds_no_years(tmp_path):
    """A period named as having started well (`2021年，“十四五”实现良好开局`) or closing (`聚焦“十四五”目标任务全面收官`)
    speaks of that one year, not of the period's five."""
    report = """2022年常州市政府工作报告

一、2021年工作回顾
2021年，全市地区生产总值增长8.1%，集成电路产业营收增长30%，“十四五”实现良好开局。

二、2022年主要任务
聚焦“十四五”目标任务全面收官前的关键期，加快功率半导体项目建设。
"""
    index = _ingest(tmp_path, "changzhou_report.txt", report)
    years = _years(index, "集成电路 OR 功率半导体")
    assert years["2021年，"] == [2021]


def test_an_agreement_in_force_for_years_from_the_parties_signing_runs_its_term(tmp_path):
    """An agreement `自双方签署之日起生效，有效期五年`, signed in the autumn, runs into the fifth year after, whatever
    nearer target an article names (`力争到2025年…`)."""
    agreement = """宜春市人民政府　长沙市人民政府
关于共建锂电与电子材料产业合作园的框架协议

第一条　双方共建产业合作园，力争到2025年入园企业达到30家。

第二条　双方建立联席会议制度，每年召开一次会议。

第三条　本协议自双方签署之日起生效，有效期五年。

甲方：宜春市人民政府　　乙方：长沙市人民政府
2024年10月15日
"""
    index = _ingest(tmp_path, "yichun_changsha_agreement.txt", agreement)
    years = _years(index, "联席会议 OR 有效期")
    assert years["第二条双方建"] == [2024, 2025, 2026, 2027, 2028, 2029]


def test_a_firm_told_as_founded_in_a_year_adds_no_year(tmp_path):
    """A guest's `我们是2016年在西安成立的` tells when the firm was founded: no year the programme speaks for."""
    transcript = """《西安经济广播》节目实录：功率半导体企业谈人才

节目时间：2024年5月10日

主持人：今天我们请来一家功率半导体企业的负责人。

嘉宾：我们是2016年在西安成立的，现在有员工600多人，今年还要招200名工程师。
"""
    index = _ingest(tmp_path, "xian_radio.txt", transcript)
    years = _years(index, "工程师")
    assert years["嘉宾：我们是"] == [2024]


def test_a_broadcasts_clip_label_before_a_narration_opening_on_a_district_is_that_districts(tmp_path):
    """In a city's television programme, a clip's narration (`【短片】（解说）在临淄区，…`) opening on one of the city's
    districts is that district's, as a narration alone (`（解说）在…，`) is."""
    transcript = """淄博电视台《对话》节目实录：传感器产业的新机会

首播：2025年4月12日

主持人：各位观众好，今天我们聊聊淄博的传感器产业。

【短片】（解说）在临淄区，一家老牌化工仪表企业正在转型。过去生产压力表的车间，如今改成了传感器封装线。企业负责人介绍，转型以来产值翻了一番。

主持人：下一步淄博有什么打算？
"""
    index = _ingest(tmp_path, "zibo_tv.txt", transcript)
    placed = _regions(index, "传感器")
    assert placed["【短片】（解"] == "山东省/淄博市/临淄区"


def test_a_two_province_zones_part_named_by_its_side_and_city_is_that_citys(tmp_path):
    """In a report of a zone lying in two provinces, a paragraph opening on one side's part and the city it lies in
    (`湖南片区（岳阳）…`, `湖北片区（咸宁）…`) is that city's."""
    report = """湘鄂边电子信息产业合作区2025年工作报告

合作区两个片区协同推进，全年新增电子信息企业20家。

湖南片区（岳阳）重点发展电子元器件和智能终端配套，新建标准厂房15万平方米。

湖北片区（咸宁）重点发展印制电路板，新增入园企业6家。
"""
    index = _ingest(tmp_path, "xiang_e_zone.txt", report)
    placed = _regions(index, "片区")
    assert placed["湖南片区（岳"] == "湖南省/岳阳市"
    assert placed["湖北片区（咸"] == "湖北省/咸宁市"


def test_a_county_papers_page_line_and_name_are_no_title_and_its_study_trip_is_the_countys(tmp_path):
    """A county paper's page (`今日长兴`, the date line, `第03版　县域经济`) over `我县考察团赴江苏昆山学习…`: the headline
    is the title and the story the county's; its `在昆山，…` paragraph is the place visited."""
    page = """今日长兴
2024年4月12日　星期五
第03版　县域经济

我县考察团赴江苏昆山学习电子信息产业发展经验

本报讯（记者　钱程）4月8日至10日，县委主要负责同志率考察团赴江苏昆山，学习电子信息产业发展经验。

在昆山，考察团走访了两家笔记本电脑代工企业和一家电路板企业。

考察团表示，长兴将学习昆山经验，加快电子信息产业链招商。
"""
    index = _ingest(tmp_path, "changxing_trip.txt", page)
    assert _titles(index, "考察团") == {"我县考察团赴江苏昆山学习电子信息产业发展经验"}
    placed = _regions(index, "考察团 OR 昆山")
    assert placed["我县考察团赴"] == "浙江省/湖州市/长兴县"
    assert placed["在昆山，考察"] == "江苏省/苏州市/昆山市"


def test_a_kicker_over_a_headline_of_our_citys_delegation_is_one_title_and_the_papers_citys(tmp_path):
    """A kicker naming no place (`学习先进经验　壮大“芯”动能`) over the headline `我市党政代表团赴江苏苏州、无锡考察…`:
    the two lines are the title, and the story is the paper's city, not the province visited."""
    page = """潍坊日报
2025年5月9日　星期五　第1版

学习先进经验　壮大“芯”动能
我市党政代表团赴江苏苏州、无锡考察集成电路产业

本报记者　韩梅

5月6日至8日，我市党政代表团赴江苏省苏州市、无锡市考察集成电路产业。

在无锡高新区，代表团考察了一家封装测试企业。

代表团要求，全市要抓住产业转移机遇，到2027年集成电路产业营收突破300亿元。
"""
    index = _ingest(tmp_path, "weifang_delegation.txt", page)
    placed = _regions(index, "代表团 OR 集成电路")
    assert placed["我市党政代表"] == "山东省/潍坊市"
    assert placed["代表团要求，"] == "山东省/潍坊市"


def test_another_citys_delegation_coming_here_is_the_hosts_story(tmp_path):
    """A host's page `六盘水市党政代表团来锡考察` (锡: 无锡, the host named by its one-character name after 来) is the
    host's story: its own voice (`我市`) stays the host's, the visitors' city only where a paragraph opens on it."""
    page = """六盘水市党政代表团来锡考察

5月14日至15日，贵州省六盘水市党政代表团来我市考察电子信息产业，双方举行工作交流座谈会。

座谈会上，我市主要领导表示，无锡将在电子元器件配套方面与六盘水深化合作。

这是今年以来我市接待的第三批西部城市代表团。
"""
    index = _ingest(tmp_path, "wuxi_hosts.txt", page)
    placed = _regions(index, "代表团 OR 合作")
    assert placed["六盘水市党政"] == "江苏省/无锡市"
    assert placed["这是今年以来"] == "江苏省/无锡市"


def test_a_profiles_headline_naming_where_its_subject_started_is_not_that_place(tmp_path):
    """A profile headlined by where its subject's journey began (`从衡阳少年到…`) or by a group naming where he comes from
    (`一位西北汉子的…`) is the place its opening names for his work now."""
    story = """从衡阳少年到“芯”片掌舵人

——记苏州一家电源芯片企业创始人

来源：姑苏晚报　2024-05-20

五月中旬的一个上午，苏州工业园区一栋研发楼里，十几名工程师正在调试测试机台。

1983年，他出生在湖南衡阳的一个小山村。2005年大学毕业后，他在上海工作了十年。
"""
    index = _ingest(tmp_path, "suzhou_founder.txt", story)
    placed = _regions(index, "工程师 OR 掌舵人")
    assert placed["从衡阳少年到"] != "湖南省/衡阳市"
    assert placed["五月中旬的一"].startswith("江苏省/苏州市")


def test_a_title_naming_only_the_firms_home_before_their_landing_is_the_landing_places(tmp_path):
    """A headline `宁波电子元件企业落户…产业园` naming only the firm's home before a landing place no gazetteer knows is
    the story of the place the opening names (`…产业园位于六盘水市钟山区`), not the firm's home."""
    story = """宁波电子元件企业落户西南电子产业园

5月20日，一家宁波电子元件企业的新项目在西南电子产业园开工，园区位于六盘水市钟山区。

项目总投资6亿元，达产后年产片式电感30亿只。
"""
    index = _ingest(tmp_path, "landing.txt", story)
    placed = _regions(index, "电子元件 OR 电感")
    assert placed["宁波电子元件"] == "贵州省/六盘水市/钟山区"


def test_after_a_tours_stops_its_leader_speaking_by_name_is_the_citys_again(tmp_path):
    """In a city leader's tour (`在湖口县，…` stops), the leader's remarks by name after the stops (`调研中，某某指出，…`,
    `某某强调，…`) are the city's again, not the last stop's."""
    story = """市委书记调研电子信息产业

来源：九江日报　2024-03-12

3月11日，市委书记周立新率队深入共青城市、湖口县调研电子信息产业。

在共青城市，周立新来到一家智能终端企业。

在湖口县，周立新察看了一家电子化学品企业的生产车间。

调研中，周立新指出，电子信息产业是全市重点打造的产业集群。

周立新强调，各级各部门要强化链长制，推动产业提质扩量。
"""
    index = _ingest(tmp_path, "jiujiang_tour.txt", story)
    placed = _regions(index, "周立新")
    assert placed["在湖口县，周"] == "江西省/九江市/湖口县"
    assert placed["调研中，周立"] == "江西省/九江市"
    assert placed["周立新强调，"] == "江西省/九江市"


def test_a_column_tag_alone_is_no_title_and_a_subtitle_inside_the_titles_place_narrows_it(tmp_path):
    """A column's tag on a line of its own (`【园区访谈】`) is no title; a subtitle naming a place inside the one the title
    names (`闽昌协作…新疆…` over `——福建省对口支援昌吉回族自治州…`) narrows the text to it."""
    story = """【产业援疆】
闽昌协作打造新疆电子新材料基地
——福建省对口支援昌吉回族自治州产业援疆工作综述

今年以来，福建援疆前方指挥部引导福建企业在昌吉州投资电子材料项目8个。
"""
    index = _ingest(tmp_path, "changji.txt", story)
    assert _titles(index, "援疆 OR 电子材料") == {"闽昌协作打造新疆电子新材料基地"}
    placed = _regions(index, "援疆 OR 电子材料")
    assert placed["今年以来，福"] == "新疆维吾尔自治区/昌吉回族自治州"


def test_an_agreements_signing_date_label_dates_it_and_starts_its_term(tmp_path):
    """An agreement closing on `签署日期：2024年10月8日` under its signatures, in force five years from signing, runs
    2024–2029, whatever date an article sets (`2025年6月30日前…`)."""
    agreement = """苏州市吴江区人民政府　苏州大学
共建集成电路创新平台合作协议

第一条　双方共建集成电路创新平台。

第二条　乙方于2025年6月30日前完成首批中试线建设。

第三条　本协议自双方签署之日起生效，有效期五年。

甲方：苏州市吴江区人民政府（盖章）　　乙方：苏州大学（盖章）
代表签字：　　　　　　　　　　　　代表签字：
签署日期：2024年10月8日
"""
    index = _ingest(tmp_path, "wujiang_agreement.txt", agreement)
    years = _years(index, "创新平台")
    assert years["第一条双方共"] == [2024, 2025, 2026, 2027, 2028, 2029]


def test_a_life_storys_past_paragraphs_tell_their_year_and_a_birth_year_is_none(tmp_path):
    """In a profile telling a person's life (`1986年，他出生在…`), a paragraph opening on a past year whose other sentences
    name none (`2004年，他考入…。大学四年，他…。`) tells that year alone, not the story's too; the birth year is no year
    spoken of; a sentence of now (`如今，…`) still brings the story's year."""
    story = """从山村少年到芯片工程师

来源：常州日报　2025-03-18

清晨七点，武进高新区一家功率器件企业的实验室已经亮起了灯。

1986年，周文博出生在湖南省邵阳市的一个小山村。

2004年，他考入东南大学电子工程系。大学四年，他几乎每个周末都泡在实验室里。

2015年，他回到常州创业。如今，公司已有员工300多人。
"""
    index = _ingest(tmp_path, "changzhou_profile.txt", story)
    years = _years(index, "周文博 OR 东南大学 OR 创业")
    assert years["1986年，"] == [2025]
    assert years["2004年，"] == [2004]
    assert 2025 in years["2015年，"]

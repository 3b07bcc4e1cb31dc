"""Session 59: attribution on documents nobody tuned for (blind sets h59 a to e, written by helpers in their own words
against a frozen 491bcc96).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_city_by_its_short_name_is_the_city_not_its_namesake_county(tmp_path):
    """衡阳： over a 衡阳 story and 衡阳的… in it are the city 衡阳市, not the county 衡阳县 that shares its name (written in
    full when meant); the county by its full name is still the county."""
    story = """衡阳：电子信息产业集群初具规模

来源：湘南日报　2024-05-16

衡阳的电子信息产业近几年发展很快，印制电路板和显示模组企业超过两百家。

“我们的订单已经排到了九月。”一家模组企业的负责人说。

衡阳县则依托工业园区，重点承接电子元器件配套项目。
"""
    index = _ingest(tmp_path, "hengyang_news_2024.txt", story)
    placed = _regions(index, "企业 OR 产业 OR 项目")
    assert placed["衡阳：电子信"] == "湖南省/衡阳市"
    assert placed["衡阳的电子信"] == "湖南省/衡阳市"
    assert placed["“我们的订单"] == "湖南省/衡阳市"
    assert placed["衡阳县则依托"] == "湖南省/衡阳市/衡阳县"


def test_a_national_list_row_names_its_district_in_the_cell_after_the_province(tmp_path):
    """A ministry's list whose rows give a province (by its short name) and then a name that opens on a city and its
    district (`3 | 湖北 | 武汉市江夏区…基地`) is that district's row; a cell further along is a detail."""
    notice = """工业和信息化部办公厅关于公布2025年度电子元器件特色产业基地名单的通知

各省、自治区、直辖市工业和信息化主管部门：

现将2025年度电子元器件特色产业基地名单予以公布。

序号 | 省份 | 基地名称 | 主导方向
1 | 湖北 | 武汉市江夏区光电子器件特色产业基地 | 光通信器件
2 | 四川 | 绵阳市涪城区电子元件特色产业基地 | 片式元件
3 | 福建 | 电子信息材料特色产业基地 | 莆田市城厢区

工业和信息化部办公厅
2025年9月2日
"""
    index = _ingest(tmp_path, "list.txt", notice)
    placed = _regions(index, "特色产业基地")
    assert placed["1 | 湖北"] == "湖北省/武汉市/江夏区"
    assert placed["2 | 四川"] == "四川省/绵阳市/涪城区"
    assert placed["3 | 福建"] == "福建省"


def test_a_national_body_leading_a_paragraph_after_a_dateline_or_a_time_is_national(tmp_path):
    """In a round-up, a paragraph that opens on a national body after a news dateline with its reporters
    (新华社北京3月2日电（记者…）2023年4月，国家发展改革委…) or after a time (今年5月，, 6月下旬，) is the country's."""
    story = """算力枢纽建设观察：西部数据中心集群加快成长

新华社北京3月2日电（记者　韩明远）2023年4月，国家发展改革委等部门发文，支持在贵州、甘肃、宁夏、内蒙古建设算力枢纽节点。

今年5月，工业和信息化部印发通知，组织开展算力基础设施高质量发展试点。

6月下旬，国家数据局发布数据，全国算力总规模继续保持增长。

在贵州，贵安新区的数据中心已建成投运十余个。

在甘肃，庆阳数据中心集群首批项目陆续投产。

在宁夏，中卫的数据中心集群新增标准机架2万架。
"""
    index = _ingest(tmp_path, "hubs_2024.txt", story)
    placed = _regions(index, "国家发展改革委 OR 工业和信息化部 OR 国家数据局")
    assert placed["新华社北京3"] == "全国"
    assert placed["今年5月，工"] == "全国"
    assert placed["6月下旬，国"] == "全国"


def test_a_saved_pages_section_heading_past_its_lead_is_no_title(tmp_path):
    """A news page whose <title>, <h1> and declared title agree on a headline keeps that headline, even when a section's
    <h2> further down ends like a title's word (关键词三：政策)."""
    page = """<html><head><meta charset="utf-8"><title>回望2025：功率半导体走向车规级_产业观察_示例网</title>
<meta name="ArticleTitle" content="回望2025：功率半导体走向车规级"></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">产业观察</a> <a href="/data/">数据</a></div>
<div id="main">
<div class="article-title"><h1>回望2025：功率半导体走向车规级</h1></div>
<div class="article-info">2025-12-28 09:30　来源：示例网　作者：林青</div>
<div class="article-text">
<p>2025年，我国功率半导体产业在新能源汽车和光伏需求带动下保持较快增长，全年产业规模同比增长约15%。</p>
<h2>关键词一：碳化硅</h2>
<p>碳化硅器件在主驱逆变器中的渗透率继续提高，多家企业的车规级模块通过认证。国内衬底、外延和器件企业之间的配套关系更加紧密，部分企业开始向海外客户批量供货。</p>
<h2>关键词二：产能</h2>
<p>八英寸碳化硅衬底产线陆续通线，衬底价格较年初下降约两成。与此同时，硅基IGBT产能保持充足，部分产品出现价格竞争，企业普遍加快向高压、大电流产品升级。</p>
<h2>关键词三：政策</h2>
<p>多部门出台支持第三代半导体发展的措施，鼓励整车企业与器件企业联合攻关，推动车规级芯片验证平台和检测认证体系建设，降低企业导入国产器件的门槛。</p>
</div></div>
<div class="footer"><p>示例网　版权所有</p></div></body></html>
"""
    index = _ingest(tmp_path, "review.html", page)
    titles = {row["title"] for row in jsonl("search", "碳化硅", "--all", "--index", index)}
    assert titles == {"回望2025：功率半导体走向车规级"}


def test_a_short_labelled_subheading_stays_apart_and_a_list_of_places_ends_the_section_before(tmp_path):
    """In a plain text with a blank line between blocks, a short labelled subheading (`襄阳、宜昌：…`, `黄石：…，…`) is
    not joined to the paragraph under it; one that lists places ends the section of the subheading before (武汉's),
    so a paragraph under it naming none is the province's and the places it opens on are theirs."""
    story = """湖北省电子信息产业年终观察：多点支撑格局初成

湖北日报　2025年12月26日　记者　程立新

回望2025年，湖北电子信息产业营收保持两位数增长，各地特色逐步显现。

武汉：存储和光电子，龙头带动

武汉今年的存储芯片产能继续扩大，光电子器件出口增长明显。

襄阳、宜昌：材料与配套协同

两地今年联合举办了三场产业链对接活动，签约项目24个。

襄阳依托汽车产业基础，车规级功率模块封装线投产。

黄石：电路板，稳中有进

黄石的印制电路板产业今年新增规上企业9家。
"""
    index = _ingest(tmp_path, "hubei_review_2025.txt", story)
    rows = jsonl("search", "对接活动", "--index", index)
    assert [row["text"][:6] for row in rows] == ["两地今年联合"]  # the subheading is a passage of its own
    placed = _regions(index, "企业 OR 对接活动 OR 协同 OR 稳中有进 OR 投产")
    assert placed["襄阳、宜昌："] == "湖北省"
    assert placed["两地今年联合"] == "湖北省"
    assert placed["襄阳依托汽车"] == "湖北省/襄阳市"
    assert placed["黄石：电路板"] == "湖北省/黄石市"
    assert placed["黄石的印制电"] == "湖北省/黄石市"


def test_a_zone_written_with_its_district_in_brackets_is_that_district_throughout(tmp_path):
    """A story titled by a zone (宝鸡高新区…) whose lead writes the zone with its district in brackets
    (宝鸡高新技术产业开发区（渭滨区）) is that district's, and so are its paragraphs that name no other place."""
    story = """宝鸡高新区签约钛基半导体材料项目

来源：宝鸡日报　2025-04-09

4月8日，宝鸡高新技术产业开发区（渭滨区）与一家上海企业签订钛基半导体靶材项目投资协议，项目总投资25亿元。

按照协议，项目今年下半年开工，2027年建成投产。

去年，高新区新材料产业实现产值560亿元，同比增长11%。
"""
    index = _ingest(tmp_path, "baoji_signing_2025.txt", story)
    placed = _regions(index, "项目 OR 产值")
    assert placed["4月8日，宝"] == "陕西省/宝鸡市/渭滨区"
    assert placed["按照协议，项"] == "陕西省/宝鸡市/渭滨区"
    assert placed["去年，高新区"] == "陕西省/宝鸡市/渭滨区"


def test_an_undated_round_up_takes_no_year_from_a_target(tmp_path):
    """An undated story going through several places whose only written year is a target (到2026年…) is dated by its
    file name's year, not by the target; its target paragraph runs from that year to the target."""
    story = """苏皖浙三地共建功率半导体创新联合体

本报讯（记者　邵明）9月12日，苏皖浙三地功率半导体创新联合体在南京江北新区成立，首批成员单位38家。

据介绍，联合体将围绕车规级芯片、碳化硅器件开展联合攻关。

合肥市的成员单位主要集中在高新区，以功率器件设计为主。

嘉兴市的成员单位则以封装测试和设备零部件企业为主。

无锡市的成员单位以车规级芯片设计企业为主。

下一步，三地将推动检测资源共享，力争到2026年形成一批联合攻关成果。
"""
    index = _ingest(tmp_path, "alliance_news_2024.txt", story)
    dated = _years(index, "联合体 OR 成员单位 OR 联合攻关")
    assert dated["本报讯（记者"] == [2024]
    assert dated["据介绍，联合"] == [2024]
    assert dated["合肥市的成员"] == [2024]
    assert dated["下一步，三地"] == [2024, 2025, 2026]


def test_a_place_a_story_paragraph_opens_on_is_not_named_in_passing_for_a_quote_after_it(tmp_path):
    """In a city's story, a paragraph opening on one of its counties and going on with a quote and the quote's
    speaker (“…。”园区一家企业负责人说，…) is that county's: the quote is not the city's own deeds."""
    story = """湖州半导体材料产业加速集聚

来源：湖州日报　2025-06-20

记者从市经信局获悉，2024年全市半导体材料产业实现产值215亿元，同比增长16%。

长兴县的电子化学品产业园主攻湿电子化学品和特种气体。“我们的客户大多在上海和苏州，两个小时车程就能送到。”园区一家企业负责人说，今年订单增长了三成。

德清县则依托地理信息小镇，布局传感器和芯片设计。
"""
    index = _ingest(tmp_path, "huzhou_news_2025.txt", story)
    placed = _regions(index, "产业园 OR 传感器")
    assert placed["长兴县的电子"] == "浙江省/湖州市/长兴县"


def test_places_listed_after_a_place_visited_are_visited_too(tmp_path):
    """赴漳州、龙岩两市调研 in a province's story: both places are visited, the passage the province's; a place listed
    with the others of its kind (鼓楼区和各有关区要…) is all of them, the city's."""
    story = """副省长赴闽西南调研电子信息产业

东南网5月10日讯（记者　林晓）5月8日至9日，副省长率队赴漳州、龙岩两市，调研电子信息和新材料产业发展情况。

在漳州，副省长察看了一家光电显示企业的生产线。
"""
    index = _ingest(tmp_path / "a", "visit_2026.txt", story)
    placed = _regions(index, "调研 OR 生产线")
    assert placed["东南网5月1"] == "福建省"
    notice = """福州市工业和信息化局关于下达2024年度集成电路产业项目补助资金的通知

各有关区工业和信息化主管部门，各有关单位：

一、本次补助项目共12个，补助资金合计3600万元。

二、鼓楼区和各有关区要落实属地管理责任，加强项目跟踪督导。

福州市工业和信息化局
2024年11月5日
"""
    index = _ingest(tmp_path / "b", "notice.txt", notice)
    placed = _regions(index, "项目")
    assert placed["二、鼓楼区和"] == "福建省/福州市"


def test_a_run_in_heading_naming_the_year_before_the_lead_year_speaks_for_that_year(tmp_path):
    """In a one-year summary, `五、2025年工作打算。2025年，园区将…` speaks for 2025 alone, as the same heading on its own
    line above the paragraph does."""
    summary = """某高新区2024年集成电路产业发展情况

2024年，园区集成电路产业实现营业收入215亿元，同比增长12%。

一、设计业稳步增长。新引进设计企业14家。

二、存在的不足。龙头企业偏少，配套能力偏弱。

三、2025年工作打算。2025年，园区将力争集成电路产业营业收入突破250亿元，新引进产业链项目20个。
"""
    index = _ingest(tmp_path, "zone_2024.txt", summary)
    dated = _years(index, "营业收入")
    assert dated["2024年，"] == [2024]
    assert dated["三、2025"] == [2025]


def test_a_neighbour_of_a_zones_city_is_the_neighbours_unless_the_city_is_named_again(tmp_path):
    """In a zone's story (芜湖高新区…), `与芜湖相邻的马鞍山市，也在…` is 马鞍山's; a paragraph that names the story's own
    city again past such a lead (紧邻芜湖的宣城市，…布局在芜湖，…) is about the two together, the story's."""
    story = """芜湖高新区签约两个功率半导体项目

来源：芜湖日报　2025-03-21

3月20日，芜湖高新区与两家企业签约功率半导体封装和测试项目，总投资18亿元。

与芜湖相邻的马鞍山市，也在加快布局功率模块封装，两地已建立配套协作机制。

紧邻芜湖的宣城市，近年来有多家配套企业把生产基地布局在芜湖，形成“研发在宣城、制造在芜湖”的分工。
"""
    index = _ingest(tmp_path, "wuhu_signing_2025.txt", story)
    placed = _regions(index, "协作机制 OR 分工")
    assert placed["与芜湖相邻的"] == "安徽省/马鞍山市"
    assert placed["紧邻芜湖的宣"] == "安徽省/芜湖市"


def test_a_district_officials_whole_is_the_districts(tmp_path):
    """In a city's story in an autonomous region, `金凤区相关负责人介绍，全区正在…` speaks of the district (the official's
    全区), not of the whole autonomous region; the region's own official's 全区 stays the region's."""
    story = """银川算力产业发展观察

来源：宁夏日报　2024-09-12

记者从银川市数据局获悉，银川数据中心集群已建成标准机架3.1万架。

金凤区相关负责人介绍，全区正在建设智算产业园，重点引进服务器和光模块企业。

宁夏回族自治区发展改革委有关负责人表示，全区将继续推进算力枢纽节点建设。
"""
    index = _ingest(tmp_path, "yinchuan_2024.txt", story)
    placed = _regions(index, "全区")
    assert placed["金凤区相关负"] == "宁夏回族自治区/银川市/金凤区"
    assert placed["宁夏回族自治"] == "宁夏回族自治区"


def test_a_comparisons_labelled_subheadings_open_their_places_sections(tmp_path):
    """A story comparing two provinces (湘鄂…: 多地) with a labelled subheading for each (`湖南：…`, `湖北：…`) files the
    paragraphs under each as that province's until a subheading that names none (`合作与竞争`)."""
    story = """湘鄂“芯”对比：长沙、武汉各走各的路

来源：中部经济观察　2025-10-09

在中部省份中，湖南和湖北的集成电路产业常被拿来比较，一个以功率器件见长，一个以存储和光电子为主。

湖南：功率器件挑大梁

株洲的功率半导体企业今年新增车规级产品12款。

“我们的产品已经进入五家整车厂的供应链。”一家企业负责人说。

湖北：存储与光电子双轮驱动

武汉的存储芯片基地今年二期扩产完成。

“光通信器件的订单今年增长了四成。”一家光电子企业负责人说。

合作与竞争

两省之间的产业合作正在增多，联合举办了多场供需对接会。
"""
    index = _ingest(tmp_path, "compare_2025.txt", story)
    placed = _regions(index, "企业 OR 对接会")
    assert placed["“我们的产品"] == "湖南省"
    assert placed["“光通信器件"] == "湖北省"
    assert placed["两省之间的产"] == "多地"


def test_a_province_and_city_with_a_partner_after_them_is_the_city(tmp_path):
    """In a weekly brief of several provinces, an item opening on a province and city written together and then 与 a partner that is
    no place (江苏省南通市与一家企业签约…) is the city's; a province and two cities joined by 和 is the province's."""
    brief = """电子元器件产业周报

2024年第18期

二、项目动态

◆ 4月22日，江苏省南通市与一家上海企业签约建设功率模块封装项目。

◆ 4月23日，浙江省宁波市和绍兴市联合举办电子材料产业对接会。

◆ 4月24日，四川省成都市一个片式电感项目投产。

◆ 4月25日，湖北省武汉市一家光器件企业新建产线。
"""
    index = _ingest(tmp_path, "weekly_2024.txt", brief)
    placed = _regions(index, "项目 OR 对接会")
    assert placed["◆ 4月22"] == "江苏省/南通市"
    assert placed["◆ 4月23"] == "浙江省"


def test_an_editors_note_and_a_turned_view_close_a_round_ups_sections(tmp_path):
    """In a round-up going place by place, an editor's note on its sources (编辑说明：…) and a view after a turn (不过，也有
    业内人士指出，…) speak for the round-up as a whole, not for the last place's section; and a part of the country
    before a place (南方的广东则…) does not hide the place."""
    brief = """集成电路产业月报（2025年第6期）

一、地方动态

江苏：6月，无锡一条十二英寸特色工艺产线通线。

安徽：6月，合肥一家存储芯片企业二期项目开工。

四川：6月，成都高新区举办集成电路设计供需对接会。

南方的广东则在加快补齐制造环节，广州、深圳各有一条产线进入设备调试。

不过，也有业内人士指出，部分地区产线建设存在同质化倾向。

编辑说明：本月报资料来源于公开报道，仅供参考。
"""
    index = _ingest(tmp_path, "monthly_2025.txt", brief)
    placed = _regions(index, "产线 OR 月报 OR 对接会")
    assert placed["四川：6月，"] == "四川省/成都市"
    assert placed["南方的广东则"] == "广东省"
    assert placed["不过，也有业"] == "多地"
    assert placed["编辑说明：本"] == "多地"


def test_a_national_list_row_whose_name_opens_on_a_short_name_inside_its_province_is_that_places(tmp_path):
    """In a ministry's list (`序号 | 省份 | 集群名称 | …`), a name opening on a place's short name that is one place of the
    row's province (`江苏省 | 江阴集成电路封测产业集群`, `广东省 | 东莞松山湖…`) is that place's row."""
    notice = """关于2023年度集成电路特色产业集群培育名单的公示

根据集群培育工作安排，经各地推荐、专家评审，拟确定以下集群为培育对象，现予公示。

序号 | 省份 | 集群名称 | 集群促进机构
1 | 江苏省 | 江阴集成电路封测产业集群 | 江阴市半导体行业协会
2 | 广东省 | 东莞松山湖功率器件产业集群 | 东莞市集成电路产业联盟
3 | 湖南省 | 长株潭功率半导体产业集群 | 湖南省半导体行业协会

工业和信息化部电子信息司
2023年11月6日
"""
    index = _ingest(tmp_path, "clusters.txt", notice)
    placed = _regions(index, "产业集群")
    assert placed["1 | 江苏"] == "江苏省/无锡市/江阴市"
    assert placed["2 | 广东"].startswith("广东省/东莞市")
    assert placed["3 | 湖南"] == "湖南省"


def test_an_industrys_national_annual_meeting_held_in_a_city_is_the_countrys(tmp_path):
    """中国…业2024年会在成都召开: a national industry's annual meeting, its report the country's, the city its venue
    (its paragraphs naming other cities are theirs)."""
    story = """中国电子元件行业2024年会在成都召开 行业营收预计增长一成

本报记者　何文静

11月14日至15日，由中国电子元件行业协会主办的年会在成都举行，来自全国的1500余名代表参会。

年会发布的报告显示，2024年全国电子元件行业营业收入预计增长约10%，片式元件和连接器增长较快。

从地区看，广东、江苏、浙江三省的电子元件产值合计占全国的六成以上。

报告同时提醒，行业仍存在中低端产品同质化竞争的问题。
"""
    index = _ingest(tmp_path, "meeting_2024.txt", story)
    placed = _regions(index, "年会 OR 报告")
    assert placed["11月14日"] == "全国"
    assert placed["年会发布的报"] == "全国"
    assert placed["报告同时提醒"] == "全国"


def test_two_provinces_by_their_abbreviations_in_a_title_make_a_story_of_both(tmp_path):
    """A story titled by two provinces' one-character names together (赣鄂…) is 多地, not the city of its dateline; its
    labelled sections are each place's, its paragraphs about both the pair's."""
    story = """光电子“芯”通道越走越宽：赣鄂产业加快协作

新华网武汉10月9日电（记者　陈立）两省正在光电子领域加快协作，产业链分工日益清晰。

武汉：光通信器件唱主角

武汉的光通信器件企业今年出口增长三成，新增产线4条。

南昌：LED芯片稳中有进

南昌的硅衬底LED芯片产能继续扩大，新引进配套企业6家。

两省今年签署了光电子产业协作备忘录，约定共建检测认证平台。
"""
    index = _ingest(tmp_path, "corridor_2024.txt", story)
    placed = _regions(index, "产业 OR 企业 OR 备忘录")
    assert placed["新华网武汉1"] == "多地"
    assert placed["武汉的光通信"] == "湖北省/武汉市"
    assert placed["南昌的硅衬底"] == "江西省/南昌市"
    assert placed["两省今年签署"] == "多地"


def test_a_late_years_brief_is_not_dated_next_year_by_planned_dates_and_cited_titles(tmp_path):
    """A brief dated in November whose next-year mentions are a planned date (预计2026年…投产) and a plan's title it cites
    (《…规划（2026—2030年）》) speaks for its own year: its items naming no year are that year's; and a firm's move year
    (公司2021年从深圳迁到长沙) is no year a story speaks for."""
    brief = """---
title: 产业快讯（11月第二周）
date: 2025-11-14
---

# 产业快讯（11月第二周）

**1. 株洲：功率模块封装线开工**

11月10日，株洲一家功率半导体企业宣布投资8亿元建设车规级模块封装线，预计2026年下半年投产。

**2. 长沙：发布集成电路产业规划征求意见稿**

11月12日，长沙市发布《长沙市集成电路产业发展规划（2026—2030年）》（征求意见稿）。

**3. 岳阳：一家电子材料企业扩产**

11月13日，岳阳一家电子材料企业的二期产线点火投产。一位负责人说，公司2021年从深圳迁到岳阳，看中的是当地的化工基础。
"""
    index = _ingest(tmp_path, "brief.md", brief)
    dated = _years(index, "企业 OR 投产")
    assert dated["11月13日"] == [2025]


def test_a_labelled_document_number_wins_over_numbers_the_text_cites(tmp_path):
    """A notice whose front matter labels its own 文号 and whose text lists the numbers of the documents it repeals keeps
    its own number (a saved page's 发文字号 field likewise); the numbers it cites stay searchable in its text."""
    notice = """---
title: 无锡市人民政府关于废止部分产业政策文件的通知
文号: 锡政发〔2025〕31号
date: 2025-10-20
---

各市（县）、区人民政府，市各委办局：

为保持政策体系的统一和有效，市政府对涉及集成电路、新型显示和软件产业的政策文件进行了集中清理，决定废止以下政策文件：

| 序号 | 文件名称 | 文号 |
|---|---|---|
| 1 | 无锡市关于促进集成电路产业发展的若干政策 | 锡政发〔2018〕66号 |
| 2 | 无锡市新型显示产业发展行动计划 | 锡政办发〔2020〕14号 |

上述文件废止后，已按原政策兑现的支持事项继续有效。

无锡市人民政府

2025年10月18日
"""
    index = _ingest(tmp_path, "repeal.md", notice)
    rows = jsonl("search", '"锡政发〔2018〕66号"', "--index", index)
    assert len(rows) == 1
    assert rows[0]["doc_number"] == "锡政发〔2025〕31号"

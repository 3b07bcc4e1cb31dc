"""Session 60: attribution on documents nobody tuned for (blind sets h60 a to e, written by helpers in their own words
against a frozen e7eea77f).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_zones_signing_held_elsewhere_keeps_its_investors_from_other_places_at_home(tmp_path):
    """A story of a city's signing held in another city, whose sentences name firms from other places that it brings
    home (`来自苏州工业园区的…将投资…`, `福州一家…企业将在衢州设立…`), is no round-up of those places: a paragraph of them
    stays the city's, not cut place by place, and so does the closing; a guest official's paragraph stays the guest's."""
    story = """衢州智造新城在杭举行电子材料项目签约会 现场签约7个项目

来源：衢州日报　2025-04-22

4月21日，衢州智造新城电子材料产业（杭州）推介会在杭州举行，现场集中签约项目7个，总投资52亿元。

新城党工委有关负责人介绍，近年来衢州立足氟硅化工基础，电子化学品和半导体材料产业快速成长，已集聚上下游企业40余家。

上海市经济和信息化委员会有关负责人在致辞中表示，上海电子材料企业研发能力强，但用地和能耗指标日趋紧张，希望两地在“上海研发、衢州制造”方面加强合作。

签约项目中，上海一家湿电子化学品企业投资12亿元建设高纯试剂生产线；来自苏州工业园区的一家封装材料企业将投资8亿元建设环氧塑封料项目；福州一家电子浆料企业将在衢州设立生产基地，一期用地约80亩。

据了解，新城今年以来已签约亿元以上项目31个，下一步将实行专班服务，推动项目早开工、早投产。
"""
    index = _ingest(tmp_path, "quzhou_signing_2025.txt", story)
    placed = _regions(index, "项目 OR 企业 OR 合作")
    assert placed["签约项目中，"] == "浙江省/衢州市"  # one passage: not cut at the clauses that open on other places' firms
    assert placed["据了解，新城"] == "浙江省/衢州市"
    assert placed["上海市经济和"] == "上海市"


def test_a_schedule_started_this_year_in_words_or_across_a_sentence_runs_through_the_years_between(tmp_path):
    """A project's schedule that starts this year in words (`计划今年三季度开工，2027年建成投产` in a 2025 story) or starts in
    one sentence and ends in the next (`于2024年5月开工……。……2027年全面达产`) runs through the years between."""
    story = """芯材科技电子特气项目落户宜宾

来源：宜宾日报　2025-06-10

6月9日，芯材科技电子特气项目在宜宾三江新区签约，项目总投资20亿元，计划今年三季度开工，2027年建成投产。

同园区的另一个靶材项目已于2024年5月开工，主要建设高纯金属靶材产线。项目负责人介绍，项目计划明年完成设备安装，2028年全面达产。
"""
    index = _ingest(tmp_path, "yibin_news_2025.txt", story)
    years = _years(index, "项目")
    assert years["6月9日，芯"] == [2025, 2026, 2027]
    assert years["同园区的另一"] == [2024, 2025, 2026, 2027, 2028]


def test_a_period_reviews_progress_section_speaks_for_the_years_up_to_the_review(tmp_path):
    """In a review of a plan's period written in its third year, a heading of progress so far (`二、重点任务推进情况`)
    speaks for the period's years up to the review, a paragraph in it opening on one of them for that year, its `今年` for
    the review's; problems for the review's year, next steps for the years after it."""
    review = """关于《宁波市集成电路产业发展行动计划（2022—2025年）》推进情况的报告

宁波市经济和信息化局
（2024年8月）

一、总体进展

2023年，全市集成电路产业营业收入达到412亿元，同比增长14%。

行动计划实施以来，全市新引进集成电路重点项目26个，累计完成投资310亿元。

二、重点任务推进情况

（一）制造能力提升。今年以来，北仑区8英寸功率器件产线完成扩产，月产能提高到6万片。

（二）人才和平台建设。全市新建集成电路公共服务平台3个，引进高层次人才团队12个。

三、存在的问题

一是设计企业规模偏小，营收超过5亿元的企业不足5家。

四、下一步工作安排

加快推进滞后项目建设，确保行动计划目标如期完成。

宁波市经济和信息化局
2024年8月20日
"""
    index = _ingest(tmp_path, "ningbo_review_2024.txt", review)
    years = _years(index, "集成电路 OR 项目 OR 平台 OR 企业 OR 产线")
    assert years["2023年，"] == [2023]
    assert years["行动计划实施"] == [2022, 2023, 2024]
    assert years["（一）制造能"] == [2024]
    assert years["（二）人才和"] == [2022, 2023, 2024]
    assert years["一是设计企业"] == [2024]
    assert years["加快推进滞后"] == [2025]


def test_a_report_on_one_year_of_a_plan_titled_by_the_plan_is_that_years(tmp_path):
    """A report titled by a plan's name and period, then one of its years (`…行动方案（2023—2025年）2024年度实施情况报告`),
    is that year's document, not the plan's period."""
    report = """南昌市新型显示产业三年行动方案（2023—2025年）
2024年度实施情况报告

南昌市工业和信息化局
2025年2月10日

2024年，全市新型显示产业实现营业收入265亿元，同比增长12%。

全年新开工显示模组项目5个，新增规模以上企业9家。
"""
    index = _ingest(tmp_path, "nanchang_report.txt", report)
    docs = jsonl("docs", "--index", index)
    assert docs[0]["years"] == [2024]
    assert _years(index, "项目")["全年新开工显"] == [2024]


def test_a_heading_of_the_level_a_labelled_paragraph_stood_under_ends_its_section(tmp_path):
    """In a zone's markdown report whose title heading names the zone, paragraphs labelled by a district (`北碚区：…`)
    under `## 一、主要进展` open that district's section, which the next heading of that level (`## 二、存在的问题`) ends:
    what follows is the zone's again.  A district's name another city shares (江北区) is the zone's city's."""
    report = """# 两江新区2024年电子信息产业发展情况

2024年，两江新区电子信息产业实现产值2150亿元，同比增长8.6%。

## 一、主要进展

**（一）各片区特色发展。**

渝北区：笔记本电脑和智能终端整机产量保持稳定，新引进显示模组项目4个。

北碚区：功率半导体封装测试产线完成扩产，新增产能每月2万片。

江北区：集成电路设计企业新增11家，设计产线验证平台投入使用。

## 二、存在的问题

一是芯片制造环节仍然偏弱，缺少12英寸产线；二是高端人才缺口较大。

## 三、2025年工作思路

2025年，新区将推动整机与芯片协同，力争电子信息产业产值突破2300亿元。
"""
    index = _ingest(tmp_path, "liangjiang_2024.md", report)
    placed = _regions(index, "产线 OR 项目 OR 芯片")
    assert placed["渝北区：笔记"] == "重庆市/渝北区"
    assert placed["北碚区：功率"] == "重庆市/北碚区"
    assert placed["江北区：集成"] == "重庆市/江北区"  # (a name 宁波 shares: the zone's city's)
    assert placed["一是芯片制造"] == "重庆市"
    assert placed["2025年，"] == "重庆市"


def test_a_city_headlines_project_the_opening_builds_in_one_district_is_that_districts_story(tmp_path):
    """Under a headline naming a city and a project (`湛江签约…项目`), an opening saying where the two sides will build it
    (`双方将在麻章区共建…项目`) makes the story that district's."""
    story = """湛江签约电子元器件产业园项目 总投资30亿元

来源：湛江日报　2025-09-03

9月2日，湛江市与一家电子元器件企业签订投资协议，双方将在麻章区共建片式电感和滤波器生产基地项目。项目总投资30亿元，建成后年产电子元器件50亿只。

据介绍，项目一期计划于今年11月开工，2027年建成投产。
"""
    index = _ingest(tmp_path, "zhanjiang_news_2025.txt", story)
    placed = _regions(index, "项目")
    assert placed["9月2日，湛"] == "广东省/湛江市/麻章区"
    assert placed["据介绍，项目"] == "广东省/湛江市/麻章区"


def test_a_city_headlines_project_sited_in_a_district_by_a_clause_is_that_districts_story(tmp_path):
    """Under a headline naming a city and a project, an opening clause siting it (`…，选址麒麟区越州镇，建设…`) makes the
    story that district's; a paragraph on the city as a whole stays the city's."""
    story = """曲靖签约硅基负极材料项目 总投资28亿元

来源：曲靖日报　2025-07-16

7月15日，曲靖市与一家新能源材料企业签订硅基负极材料项目投资协议，项目总投资28亿元，选址麒麟区越州镇，建设年产5万吨硅基负极材料生产线。

根据协议，项目一期计划今年10月开工，2027年建成投产。

曲靖是云南省重要的新能源电池产业基地，全市已集聚电池材料企业40余家。
"""
    index = _ingest(tmp_path, "qujing_news_2025.txt", story)
    placed = _regions(index, "项目 OR 企业")
    assert placed["7月15日，"] == "云南省/曲靖市/麒麟区"
    assert placed["根据协议，项"] == "云南省/曲靖市/麒麟区"


def test_another_county_a_district_storys_city_is_said_to_hold_is_that_countys(tmp_path):
    """In a district's story, a paragraph opening on its city and a county the city holds (`绵阳下辖的江油市也在…`) is that
    county's, not the story's district's."""
    story = """绵阳涪城区电子元件项目投产

来源：绵阳日报　2025-05-20

本报讯　5月19日，位于绵阳市涪城区的片式电容项目正式投产，项目总投资18亿元。

绵阳下辖的江油市也在加快布局电子材料产业，今年已引进两家电子陶瓷粉体企业。
"""
    index = _ingest(tmp_path, "mianyang_news_2025.txt", story)
    placed = _regions(index, "项目 OR 企业")
    assert placed["绵阳下辖的江"] == "四川省/绵阳市/江油市"


def test_a_city_body_speaking_of_its_city_by_its_short_name_in_a_county_story_is_the_citys(tmp_path):
    """In a county-level city's story, a paragraph where the city's body speaks (`宁波市经济和信息化局有关负责人表示，`) and
    goes on about the city by its short name (`宁波正在…`, or after a year: `数据显示，2024年宁波…`) is the city's; the
    county's own body speaking of the county stays the county's."""
    story = """余姚光学元件项目投产

来源：宁波日报　2025-03-12

本报讯　3月11日，位于余姚市的精密光学元件项目正式投产，项目总投资12亿元。

宁波市经济和信息化局有关负责人表示，宁波正在打造光学电子产业集群，全市已集聚相关企业300余家。

宁波市统计局数据显示，2024年宁波光学电子产业产值约420亿元，同比增长11%。

余姚市经信局有关负责人表示，余姚将继续引进光学镜头和模组项目。
"""
    index = _ingest(tmp_path, "yuyao_news_2025.txt", story)
    placed = _regions(index, "项目 OR 产业")
    assert placed["宁波市经济和"] == "浙江省/宁波市"
    assert placed["宁波市统计局"] == "浙江省/宁波市"
    assert placed["余姚市经信局"] == "浙江省/宁波市/余姚市"


def test_a_guests_paragraph_at_an_expo_a_city_hosts_opens_no_section(tmp_path):
    """In a report of an expo a city hosts (`…博览会开幕`), a paragraph on a guest (`成都一家…企业在展会上发布…`) is the
    guest's, but what follows naming no place is the host's report again; a paragraph on the market of 中国大陆 is the
    country's."""
    story = """2025西部电子信息博览会开幕 芯片和显示企业集中亮相

来源：西安日报　2025-10-17

10月16日，2025西部电子信息博览会在西安国际会展中心开幕，500余家企业参展。

西安市工业和信息化局有关负责人介绍，2024年西安电子信息产业规模突破4000亿元。

四川展区同样引人关注。来自绵阳的一家显示模组企业首次展出车载曲面屏。

成都一家功率器件企业在展会上发布了新一代碳化硅模块。该企业负责人介绍，新产品将于明年量产。

业内机构有关负责人表示，2025年中国大陆功率半导体市场规模约1900亿元，国产化率持续提高。

据悉，展会期间还将举办半导体产业链对接会等10余场活动。
"""
    index = _ingest(tmp_path, "xian_expo_2025.txt", story)
    placed = _regions(index, "企业 OR 活动 OR 市场 OR 产业")
    assert placed["成都一家功率"] == "四川省/成都市"
    assert placed["业内机构有关"] == "全国"
    assert placed["据悉，展会期"] == "陕西省/西安市"


def test_a_leaders_visit_to_the_citys_own_districts_is_the_citys_and_his_remarks_close_the_stops(tmp_path):
    """A city paper's story (`绵阳日报讯（记者…）`) of its party secretary's visit to districts of the city, under a headline
    that names no place but a reach (`…具有全国影响力的…集群`), is the city's, no round-up of the districts and not the
    country's; each stop (`在游仙区，…`) is its district's, and the secretary's remarks after them (`调研中，市委书记指出，…`,
    `市委书记强调，…`) are the city's again."""
    story = """市委书记调研电子元件企业时强调 加快建设具有全国影响力的电子元件产业集群

绵阳日报讯（记者王晓）5月8日，市委书记率队深入涪城区、游仙区、安州区部分电子元件企业调研。

在涪城区，调研组来到一家片式电容企业，了解企业扩产和研发情况。

在游仙区，市委书记察看了一条电子陶瓷粉体生产线。

在安州区，调研组走进电子信息产业园，了解园区标准厂房建设情况。

调研中，市委书记指出，电子元件产业是绵阳的传统优势产业，要推动企业向高端化迈进。

市委书记强调，要加大招商引资力度，引进一批配套企业。
"""
    index = _ingest(tmp_path, "mianyang_visit_2025.txt", story)
    placed = _regions(index, "企业 OR 产业 OR 生产线")
    assert placed["绵阳日报讯（"] == "四川省/绵阳市"
    assert placed["在游仙区，市"] == "四川省/绵阳市/游仙区"
    assert placed["调研中，市委"] == "四川省/绵阳市"
    assert placed["市委书记强调"] == "四川省/绵阳市"


def test_a_report_on_a_year_signed_early_the_next_counts_its_relative_words_from_the_signing(tmp_path):
    """A department's report on one year (`关于2025年…运行情况的报告`) signed in January of the next counts its relative
    words from the signing: its `过去一年，…` is the year reported on (no review of the year before), its `今年，…` the
    next."""
    report = """贵阳市工业和信息化局
关于2025年全市电子信息制造业运行情况的报告

市人民政府：
2025年，全市电子信息制造业总体保持平稳增长。现将有关情况报告如下。

一、基本情况

过去一年，全市电子信息制造业实现营业收入612亿元，同比增长9.1%。

二、2026年工作安排

今年，我局将推动服务器整机和智能终端项目扩产，力争营业收入增长10%以上。

贵阳市工业和信息化局
2026年1月15日
"""
    index = _ingest(tmp_path, "guiyang_report_2025.txt", report)
    years = _years(index, "营业收入")
    assert years["过去一年，全"] == [2025]
    assert years["今年，我局将"] == [2026]


def test_a_ranking_of_cities_is_many_places_its_paragraph_on_the_country_the_countrys(tmp_path):
    """A story on a national body's ranking of cities (`…城市…指数发布　杭州合肥武汉位居前三`) is of many places (多地), and so
    is a headline's national list read as a rank (`全国百强县榜单发布…`); a paragraph in it on the country as a whole
    naming no place (`报告显示，2024年我国…`) is the country's."""
    story = """《集成电路城市竞争力指数（2025）》发布　杭州合肥武汉位居前三

来源：科技日报　2025-08-20

8月19日，某研究院在北京发布《集成电路城市竞争力指数（2025）》，对40个重点城市进行了评估。

报告显示，2024年我国集成电路产业销售额约1.4万亿元，同比增长10%，设计业占比继续提高。

在综合排名中，杭州、合肥、武汉位居前三，西安、成都、无锡进入前六。
"""
    index = _ingest(tmp_path, "ranking_2025.txt", story)
    placed = _regions(index, "集成电路 OR 排名")
    assert placed["报告显示，2"] == "全国"
    assert placed["在综合排名中"] == "多地"
    roundup = """2025年全国百强县榜单发布　苏浙县域制造业亮眼

来源：经济日报　2025-07-30

榜单显示，江苏、浙江两省共有41个县（市）入围百强，集成电路和电子元器件成为不少头部县域的新赛道。

昆山连续多年位居榜首，半导体产业营收突破千亿元。
"""
    index = _ingest(tmp_path / "b", "baiqiang_2025.txt", roundup)
    assert _regions(index, "榜单 OR 营收")["榜单显示，江"] == "多地"


def test_a_list_notices_pilot_period_stated_by_its_length_and_dates_is_the_documents_years(tmp_path):
    """A notice publishing a year's list of pilot cities whose text states the pilot period by its length and dates
    (`试点期为三年，自2025年1月至2027年12月`) speaks for that period."""
    notice = """工业和信息化部办公厅关于公布2025年度算力应用创新试点城市名单的通知

各省、自治区、直辖市工业和信息化主管部门：

经地方推荐、专家评审，确定12个城市为2025年度算力应用创新试点城市，现予公布。

一、试点期为三年，自2025年1月至2027年12月。试点城市要聚焦重点行业开展算力应用创新。

二、各地要加强组织保障，按要求报送试点进展情况。

工业和信息化部办公厅
2025年1月10日
"""
    index = _ingest(tmp_path, "pilot_notice_2025.txt", notice)
    docs = jsonl("docs", "--index", index)
    assert docs[0]["years"] == [2025, 2026, 2027]
    assert _years(index, "试点")["二、各地要加"] == [2025, 2026, 2027]


def test_a_review_and_outlooks_heading_on_the_regional_pattern_speaks_for_the_year_reviewed(tmp_path):
    """In a review of one year and outlook on the next (`2025年…回顾与2026年展望`), a heading on the regional pattern naming
    no year (`二、区域格局`), before the outlook, speaks for the year reviewed, as one on the state of things does."""
    review = """2025年中国覆铜板行业发展回顾与2026年展望

中国覆铜板行业协会
2026年3月

一、行业运行情况

2025年，行业产值约1150亿元，同比增长6.8%。

二、区域格局

长三角和珠三角仍是覆铜板企业最集中的两个区域，合计产值占比约七成。

三、2026年展望

协会预计，2026年行业产值将增长7%左右。
"""
    index = _ingest(tmp_path, "ccl_review_2025.txt", review)
    assert _years(index, "产值")["长三角和珠三"] == [2025]


def test_a_firms_record_whose_first_line_is_no_title_is_filed_at_its_stated_seat(tmp_path):
    """A firm's investor-relations record whose first line names the firm but ends in no title word
    (`…股份有限公司投资者关系活动记录表`) is filed at the district its text says the firm is headquartered in (`公司总部位于
    常州市武进区`), not the city its name gives."""
    record = """常州芯瑞微电子股份有限公司投资者关系活动记录表

证券代码：68XXXX　　证券简称：芯瑞微

投资者关系活动类别：特定对象调研
时间：2024年5月9日

投资者关系活动主要内容介绍：

一、公司基本情况

公司总部位于常州市武进区，主营功率器件和电源管理芯片。2023年公司实现营业收入9.8亿元。

二、问答环节

问：公司明年的产能规划如何？
"""
    index = _ingest(tmp_path, "changzhou_record_2024.txt", record)
    assert jsonl("docs", "--index", index)[0]["region_path"] == ["江苏省", "常州市", "武进区"]


def test_a_state_and_plan_titles_review_headings_speak_for_the_first_year(tmp_path):
    """Under a title of one year's state of things and the next year's plan (`…2024年…发展情况和2025年工作安排`), headings
    naming no year before the one that turns ahead (`一、基本情况`, `二、主要工作`, `三、存在的问题`) speak for the first
    year, and so do their paragraphs."""
    summary = """合肥经济技术开发区2024年新型显示产业发展情况和2025年工作安排

合肥经济技术开发区管理委员会经济发展局
2025年2月10日

一、基本情况

开发区新型显示企业达到86家，产业营收约620亿元。

二、主要工作

（一）推动面板项目扩产。第8.5代面板产线完成技术改造，产能利用率保持在九成以上。

三、存在的问题

上游材料本地配套率偏低，部分关键设备依赖进口。

四、2025年工作安排

力争新型显示产业营收突破680亿元。
"""
    index = _ingest(tmp_path, "hefei_etdz_2024.txt", summary)
    years = _years(index, "产业 OR 产线 OR 设备")
    assert years["开发区新型显"] == [2024]
    assert years["（一）推动面"] == [2024]
    assert years["上游材料本地"] == [2024]
    assert years["力争新型显示"] == [2025]

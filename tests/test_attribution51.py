"""Session 51: attribution on documents nobody tuned for (blind sets h51 r, s, t and u, written by helpers in their
own words against a frozen bef6db7).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import (
    ingest_docs,
    jsonl,
    ingest_text as _ingest,
    regions_by_start as _regions,
    years_by_start as _years,
)


def test_a_forwarded_text_whose_writer_the_title_quotes_speaks_for_the_writers_place(tmp_path):
    """(h51-r) A county forwards a province's notice, the writer named only inside the title's quotes
    (关于转发《X省Y厅关于…的通知》的通知), and prints it after its signature with the writer's name on a line of its own:
    the forwarded text stayed at the county."""
    text = """关于转发《浙江省经济和信息化厅关于开展2025年度电子元器件企业技术改造摸底工作的通知》的通知

各乡镇人民政府、街道办事处，县级有关部门：

现将省经济和信息化厅通知转发给你们，请结合本县实际认真组织企业填报。

德清县经济和信息化局
2025年3月10日

附件

浙江省经济和信息化厅
关于开展2025年度电子元器件企业技术改造摸底工作的通知

各市经济和信息化局：

为掌握全省电子元器件企业技术改造需求，现组织开展摸底工作，请各市汇总后统一报送。

摸底范围为年主营业务收入两千万元以上的电子元器件企业。
"""
    index = _ingest(tmp_path, "forward.txt", text)
    found = _regions(index, "电子元器件")
    assert found["摸底范围为年"] == "浙江省"
    assert found["为掌握全省电"] == "浙江省"
    assert _regions(index, "认真组织")["现将省经济和"] == "浙江省/湖州市/德清县"


def test_a_paragraph_on_the_country_as_a_whole_in_a_roundup_or_a_forum_report_is_the_countrys(tmp_path):
    """(h51-s) A round-up's or a forum report's paragraph that speaks of the country's industry as a whole (据…测算，
    2025年我国…规模…; 国内…应…) and names no place was the round-up's 多地 or the host city; it is 全国.  A paragraph of the
    places as a whole, or of the host's own (全市…居全国前列), keeps its place."""
    roundup = """多地加码布局功率半导体
2025-08-02　来源：产业观察

据一家咨询机构测算，2025年我国功率半导体市场规模将超过1800亿元，车规级产品需求增速最快。

在无锡，新吴区今年新开工两条功率器件封测线。

在西安，高新区的衬底企业扩产步伐加快。

在合肥，经开区引进一家模块封装企业。

各地争相上马项目，同质化苗头已经显现，需要加强统筹。
"""
    forum = """2025功率器件创新论坛在宁波举办
2025-10-11　来源：宁波日报

10月10日，2025功率器件创新论坛在宁波举办，来自各地的三百余名代表参会。

一位行业协会负责人在报告中介绍，国内功率器件企业的车规认证周期已明显缩短，但高端外延设备仍依赖进口。

行业协会副理事长李宏伟在主旨报告中介绍，2025年我国功率器件市场规模超过1500亿元。

宁波市有关负责人表示，全市功率半导体产业规模居全国前列，将加快建设封装测试公共平台。
"""
    index = ingest_docs(tmp_path, {"roundup.txt": roundup, "forum.txt": forum})
    found = _regions(index, "功率") | _regions(index, "同质化")
    assert found["据一家咨询机"] == "全国"
    assert found["各地争相上马"] == "多地"
    assert found["一位行业协会"] == "全国"
    assert _regions(index, "市场规模")["行业协会副理"] == "全国"  # (宏伟 in a person's name is no 宏伟区)
    assert found["宁波市有关负"] == "浙江省/宁波市"


def test_a_task_done_by_a_year_of_a_plan_speaks_for_the_plan_up_to_that_year(tmp_path):
    """(h51-r, t, u) In a plan of several years, a task that names a year only as the one it is done by (…，力争2026年底前
    建成…; …，到2025年形成…) spoke for that year alone; the work runs from the plan's first year up to it.  A paragraph
    opening on the year (力争到2027年，…) is that year's target, and a list of yearly figures (分年度看，2025年…，2026年…)
    speaks for the years it names, not for the whole plan."""
    text = """某市化合物半导体产业发展行动方案（2025—2027年）

一、发展目标
力争到2027年，全市化合物半导体产业规模突破300亿元。

分年度看，2025年规模达到180亿元，2026年达到240亿元。

二、重点任务
（一）建设外延产线。支持龙头企业扩建外延片产线，力争2026年底前形成月产2万片的能力。
（二）完善公共平台。建设可靠性检测中心，2025年建成投用。
"""
    index = _ingest(tmp_path, "plan.txt", text.replace("某市", "绵阳市"))
    found = _years(index, "产") | _years(index, "规模")
    assert found["力争到202"] == [2027]
    assert found["分年度看，2"] == [2025, 2026]
    assert found["（一）建设外"] == [2025, 2026]
    assert _years(index, "检测中心")["（二）完善公"] == [2025]


def test_a_past_year_stating_what_an_applicant_already_had_is_a_condition_not_a_year_of_the_policy(tmp_path):
    """(h51-r, s) A call's or a policy's condition naming what a project already had or did in a year before the text's
    (2024年已获得市级同类资金支持的项目，不得重复申报; 2024年已签约但尚未投产的项目) added that year; it is a condition of who
    qualifies.  In a news story the same words tell what happened then, and keep their year."""
    call = """关于组织申报2025年度集成电路产业专项资金项目的通知

一、支持对象
在本市注册的集成电路设计、制造和封测企业。

二、申报要求
2024年已获得市级同类资金支持的项目，不得重复申报。2024年已签约但尚未投产的项目可按本通知申报。

三、其他
同一项目已获得2024年度省级同类资金支持的，不得重复申报；2022年以来已获得市级同一方向资金支持的项目，不予受理。
申报单位应在本市注册，注册时间为2024年12月31日前，2024年度纳税信用等级为B级以上，2024年度未发生较大安全事故。

合肥市经济和信息化局
2025年4月2日
"""
    story = """合肥一封测项目投产
2025-06-10　来源：合肥日报

该项目2024年已获得市级专项资金支持，今年6月正式投产。
"""
    index = ingest_docs(tmp_path, {"call.txt": call, "story.txt": story})
    assert _years(index, "不得重复申报")["2024年已"] == [2025]
    assert _years(index, "不予受理")["同一项目已获"] == [2025]
    assert _years(index, "纳税信用")["申报单位应在"] == [2025]
    assert _years(index, "正式投产")["该项目202"] == [2024, 2025]


def test_a_city_headline_whose_opening_sites_the_project_in_a_county_is_that_countys_story(tmp_path):
    """(h51-s) A headline naming a city (…合肥封测基地开工建设) whose opening sites the project in one of its counties
    (…基地项目在合肥市长丰县开工) was filed under the city; the story is the county's, and a paragraph of the city's own
    figures stays the city's."""
    text = """华芯科技合肥封测基地开工建设
2025-03-19　来源：合肥晚报

3月18日，华芯科技股份有限公司先进封测基地项目在合肥市长丰县开工，项目总投资20亿元。

长丰县有关负责人表示，该项目是全县投资规模最大的集成电路项目。

合肥市经济和信息化局介绍，2024年合肥市集成电路产业营业收入突破700亿元。
"""
    topped = """长沙一碳化硅衬底项目主体封顶
2025-07-09　来源：长沙晚报

7月8日，晶域半导体投资建设的碳化硅衬底项目，在浏阳经济技术开发区实现主体结构封顶。
"""
    index = ingest_docs(tmp_path, {"site.txt": text, "topped.txt": topped})
    assert _regions(index, "主体结构封顶")["7月8日，晶"] == "湖南省/长沙市/浏阳市"
    found = _regions(index, "集成电路") | _regions(index, "封测")
    assert found["华芯科技合肥"] == "安徽省/合肥市/长丰县"
    assert found["3月18日，"] == "安徽省/合肥市/长丰县"
    assert found["合肥市经济和"] == "安徽省/合肥市"


def test_a_paragraph_opening_on_a_firms_headquarters_elsewhere_is_the_headquarters_place(tmp_path):
    """(h51-s) In a story of a firm's plant in one place, a paragraph opening on its headquarters in another (华芯科技总部
    位于上海市闵行区，…) was the plant's place; it tells of the firm at home.  One that goes on about the text's own place
    (…，公司将在合肥继续扩产) stays there."""
    text = """华芯科技合肥封测基地投产
2025-09-02　来源：合肥日报

9月1日，华芯科技合肥封测基地在合肥市投产，新建三条先进封装产线。

华芯科技总部位于上海市闵行区，是国内较早从事系统级封装的企业之一，在上海设有研发中心。

芯源电子2009年创办于苏州市吴江区，最初只做变压器，后来转向汽车电子。

芯瑞半导体成立于2011年，总部位于无锡市新吴区，是较早从事功率器件封测的企业之一。

该公司总部设在上海，公司表示将在合肥继续扩产。
"""
    index = _ingest(tmp_path, "hq.txt", text)
    found = _regions(index, "华芯科技")
    assert found["华芯科技总部"] == "上海市/闵行区" and found["9月1日，华"] == "安徽省/合肥市"
    assert _regions(index, "汽车电子")["芯源电子20"] == "江苏省/苏州市/吴江区"
    assert _regions(index, "功率器件")["芯瑞半导体成"] == "江苏省/无锡市/新吴区"
    assert _regions(index, "继续扩产")["该公司总部设"] == "安徽省/合肥市"


def test_a_table_row_speaks_for_the_years_of_its_header_even_when_a_column_says_what_its_figure_is(tmp_path):
    """(h51-u, t) A header row giving each column a year with what its figure is (2025年目标, 2024年1—9月, 2020年（基期）,
    then a verdict column, 进度评价) was no year header, and its rows spoke for the text's year alone; they speak for the
    columns' years (a base year's column, 基期, adds none)."""
    text = """# 襄阳市2025年电子信息产业工作要点

| 指标 | 2023年 | 2024年1—9月 | 2025年目标 |
|---|---|---|---|
| 电子信息产业营收（亿元） | 410 | 350 | 520 |

| 指标 | 2020年（基期） | 2023年 | 2025年目标 | 进度评价 |
|---|---|---|---|---|
| 规上电子企业（家） | 120 | 150 | 180 | 符合预期 |
"""
    index = _ingest(tmp_path, "table.md", text)
    rows = {row["text"].split("|")[0].strip(): row["years"] for row in jsonl("search", "企业 OR 营收", "--all", "--index", index) if "|" in row["text"]}
    assert rows["电子信息产业营收（亿元）"] == [2023, 2024, 2025]
    assert rows["规上电子企业（家）"] == [2023, 2025]


def test_a_plan_being_drafted_lends_its_years_to_no_passage(tmp_path):
    """(h51-t) A summary's task of drafting a plan whose name gives its years (启动编制《…三年行动计划（2026—2028年）》;
    高质量编制《…“十五五”…规划》; 开展“十五五”时期…发展思路研究; 科学编制“十五五”…等行业发展规划) took the plan's years;
    it speaks for when the drafting is done."""
    text = """西安市高新区2025年上半年电子信息产业工作总结

一、上半年工作成效
上半年，全区电子信息产业营收增长12%。

二、下半年工作安排
（一）启动编制《西安高新区半导体产业发展三年行动计划（2026—2028年）》，年底前完成初稿。
（二）高质量编制《西安高新区“十五五”电子信息产业发展规划》，年底前报管委会审定。
（三）深入开展“十五五”时期半导体产业发展思路研究，形成研究报告。
（四）科学编制“十五五”集成电路、新型显示等细分行业发展规划，做好规划之间的衔接。
"""
    index = _ingest(tmp_path, "summary.txt", text)
    found = _years(index, "十五五") | _years(index, "三年行动计划")
    assert found["（一）启动编"] == [2025]
    assert found["（二）高质量"] == [2025]
    assert found["（三）深入开"] == [2025]
    assert found["（四）科学编"] == [2025]


def test_a_task_about_its_group_in_a_member_citys_text_is_the_citys_own_part(tmp_path):
    """(h51-r, u) In one of a group's cities' texts, a numbered task about the group (（三）深化长株潭一体化。…) was the
    group's province; it is the city's own part.  The group as the subject (长株潭三市要…) stays the province's."""
    text = """株洲市2026年电子信息产业工作要点

一、重点任务
（一）壮大功率半导体。支持龙头企业扩产。
（二）深化长株潭一体化。共建长株潭功率器件创新联合体，推动与长沙、湘潭园区共建共享。

二、协同要求
长株潭三市要统筹布局功率半导体项目，避免同质竞争。
（一）推动协同发展。长株潭三市要联合编制功率器件招商地图。
"""
    index = _ingest(tmp_path, "group.txt", text)
    found = _regions(index, "长株潭")
    assert found["（二）深化长"] == "湖南省/株洲市"
    assert found["长株潭三市要"] == "湖南省"
    assert found["（一）推动协"] == "湖南省"  # (a run-in heading's verb, then the group as subject)


def test_a_forum_reports_paragraph_on_participants_from_several_places_is_theirs(tmp_path):
    """(h51-s) In a city's report of a forum it hosts, a paragraph opening on participants from several provinces (在分论坛
    上，来自江苏、山东、湖南的企业代表…) was the host city's; it is theirs (多地).  In a ministry's text it stays national."""
    local = """2025化合物半导体创新大会在宁波举行
2025-10-11　来源：宁波日报

10月10日，2025化合物半导体创新大会在宁波开幕。

在随后举行的分论坛上，来自江苏、山东、湖南的企业代表围绕衬底良率展开讨论。

论坛发布了合作倡议，提出三地将共建衬底检测验证平台。
"""
    national = """工业和信息化部召开化合物半导体企业座谈会
2025-10-12　来源：工业和信息化部网站

10月11日，工业和信息化部召开化合物半导体企业座谈会。

来自江苏、山东、湖南等地的十余家企业负责人参加座谈，围绕衬底良率展开讨论。
"""
    index = ingest_docs(tmp_path, {"local.txt": local, "national.txt": national})
    found = _regions(index, "衬底良率")
    assert found["在随后举行的"] == "多地"
    assert _regions(index, "验证平台")["论坛发布了合"] == "多地"  # (the places together, not the host)
    assert found["来自江苏、山"] == "全国"


def test_a_table_row_speaks_for_the_span_its_one_column_of_years_gives(tmp_path):
    """(h51b-y) A project list with one column for the span (建设年限 | 2024—2026), attached to a notice of one year,
    spoke for the notice's year alone; its rows speak for their spans, as a start and an end column already did."""
    text = """关于做好2025年电子信息重点项目建设的通知

各市（州）经济和信息化局：
现将2025年重点项目清单印发给你们，请抓好落实。

四川省经济和信息化厅
2025年3月1日

附件：2025年全省电子信息重点项目表（节选）

| 序号 | 项目名称 | 建设地点 | 总投资 | 建设年限 |
| 1 | 功率芯片封测扩产项目 | 宜宾市叙州区 | 30亿元 | 2024—2026 |
| 2 | 电子材料研发中心项目 | 宜宾市翠屏区 | 5亿元 | 2025 |
"""
    index = _ingest(tmp_path, "list.txt", text)
    rows = {row["text"].split("|")[2].strip(): row["years"] for row in jsonl("search", "项目", "--all", "--index", index) if "|" in row["text"]}
    assert rows["功率芯片封测扩产项目"] == [2024, 2025, 2026]
    assert rows["电子材料研发中心项目"] == [2025]


def test_a_zone_name_right_after_a_city_short_name_is_that_citys_zone(tmp_path):
    """(h51b-y) A zone's name right after a city's short name (河源江东新区) was read as the zone of that name elsewhere
    (海口's 江东新区) and the story became 多地; it is the city's zone, as after a division's full name (since session 50)."""
    text = """河源江东新区电子信息产业园开园
2025-05-06　来源：河源日报

5月5日，电子信息产业园开园仪式在河源江东新区举行，园区首期引进电子企业12家。
"""
    index = _ingest(tmp_path, "zone.txt", text)
    found = _regions(index, "电子")
    assert found["河源江东新区"] == "广东省/河源市"
    assert found["5月5日，电"] == "广东省/河源市"


def test_an_event_held_in_one_city_with_guests_from_many_provinces_is_the_hosts_report(tmp_path):
    """(h51b-x) A report of an event held in one city (…开幕, …峰会在南京举行) whose paragraphs go through guests from
    several provinces was read as a round-up: the whole text and its opening were 多地.  It is the host's report; each
    guest's paragraph keeps the guest's place."""
    text = """2025功率半导体装备展开幕：国产设备集体亮相
2025-04-10　来源：电子观察

4月9日，为期三天的2025功率半导体装备展在上海新国际博览中心开幕，展览面积超过5万平方米。

江苏展团带来了十余家企业的刻蚀和清洗设备，全省装备产业营收去年超过300亿元。

北京展团集中展示了离子注入设备，北京正在建设装备创新中心。

广东展团的企业重点展出了封装设备，广东今年将新建两个装备产业园。

安徽展团发布了合肥、芜湖两地的投资机会清单。
"""
    index = _ingest(tmp_path, "expo.txt", text)
    found = _regions(index, "展")
    assert found["4月9日，为"] == "上海市"
    assert found["江苏展团带来"] == "江苏省"
    assert found["北京展团集中"] == "北京市"


def test_a_task_with_a_first_step_and_a_completion_year_speaks_for_the_years_between(tmp_path):
    """(h51b-w) In a plan of several years, a task naming a first step's year and a later completion year (2026年完成首批
    清单发布，2028年前形成…) spoke for the two with a hole between; a completion year alone (2028年建成投用) spoke for it
    alone.  The work runs through the years between, and up to a completion year from the plan's first."""
    text = """某省集成电路装备零部件攻关行动方案（2026—2028年）

二、重点任务
（一）突破关键零部件。组织实施零部件攻关专项，2026年完成首批攻关清单发布，2028年前形成20种以上关键零部件批量供货能力。
（二）建设验证平台。建设装备与材料验证中心，2027年建成投用。
"""
    index = _ingest(tmp_path, "plan.txt", text.replace("某省", "湖北省"))
    found = _years(index, "零部件") | _years(index, "验证中心")
    assert found["（一）突破关"] == [2026, 2027, 2028]
    assert found["（二）建设验"] == [2026, 2027]


def test_an_undated_report_of_an_event_is_of_the_year_the_events_name_gives(tmp_path):
    """(h51b-x) An undated story of an event named with its year (11月22日，2024功率器件创新论坛在厦门举办) took the year
    of the figures it quotes (2023年全省…产值); it is the event's year."""
    text = """功率器件创新论坛在厦门举办

厦门网讯　11月22日，2024功率器件创新论坛在厦门国际会议中心举办，来自各地的三百余名代表参会。

福建省工业和信息化厅有关负责人介绍，2023年全省功率器件产业产值约210亿元。

厦门市有关负责人表示，今年以来已新引进功率器件项目9个。
"""
    index = _ingest(tmp_path, "forum.txt", text)
    found = _years(index, "功率器件")
    assert found["厦门市有关负"] == [2024]
    assert [years for key, years in found.items() if key.startswith("厦门网讯")] == [[2024]]


def test_a_story_paragraph_of_the_year_befores_results_speaks_for_that_year_alone(tmp_path):
    """(h51b-x) In a round-up dated early in a year, which speaks for that year and the one before, a paragraph whose first
    sentence gives the year before's results and that names no other year (2024年，江苏…营收突破4000亿元。无锡、苏州…贡献
    了…; 浙江2024年…营收约1700亿元。杭州以设计为主…) spoke for both; it reports the year before alone.  One going on to
    this year (今年，…) keeps both."""
    text = """三省份集成电路产业成绩单
2025-02-20　来源：财经观察

新年伊始，各地陆续晒出集成电路产业成绩单，本文选取江苏、浙江、安徽三省对比。

江苏：规模领跑

2024年全年，江苏集成电路产业营收突破4000亿元，同比增长约14%。无锡、苏州、南京三市贡献了全省近九成的产值。

浙江：特色见长

浙江2024年集成电路产业营收约1700亿元，同比增长18%。杭州以设计为主，宁波、绍兴在功率器件领域形成集聚。

安徽：增速领先

2024年，安徽集成电路产业营收约1100亿元。今年，安徽将加快建设存储和显示驱动芯片基地。
"""
    index = _ingest(tmp_path, "scorecard.txt", text)
    found = _years(index, "营收")
    assert found["2024年全"] == [2024]
    assert found["浙江2024"] == [2024]
    assert found["2024年，"] == [2024, 2025]


def test_a_guest_places_delegate_or_association_head_speaking_of_it_is_that_place(tmp_path):
    """(h51b-x) At an event in one city, another place's delegate or association head speaking of that place
    (北海市代表表示，北海电子信息产业以…; 深圳市半导体行业协会会长在致辞中表示，深圳是…) was the host's; it is the place
    spoken of, as a place's official speaking of it already was."""
    text = """2025北部湾电子信息产业合作论坛在南宁举行
2025-06-12　来源：广西日报

6月11日，2025北部湾电子信息产业合作论坛在南宁举行。

北海市代表表示，北海电子信息产业以智能终端和显示模组为主，今年将重点引进芯片封测项目。

深圳市半导体行业协会会长在致辞中表示，深圳是全国集成电路设计重镇，欢迎更多企业到北部湾布局。
"""
    index = _ingest(tmp_path, "forum.txt", text)
    found = _regions(index, "电子信息") | _regions(index, "集成电路")
    assert found["北海市代表表"] == "广西壮族自治区/北海市"
    assert found["深圳市半导体"] == "广东省/深圳市"


def test_a_service_centres_front_matter_author_is_the_issuer_whose_place_it_is(tmp_path):
    """(h51c-b) A park's weekly whose front matter names its author, a service centre (author: 苏州工业园区企业服务中心),
    took the first place its contents list names (芯联达南通新工厂封顶) and became 南通's; a 服务中心 or 促进中心 is a body,
    so the centre is the issuer and the weekly is the park's."""
    text = """---
title: 园区企业动态周报（2026年第9期）
date: 2026-03-06
author: 苏州工业园区企业服务中心
---

## 本期要点

- 芯联达南通新工厂封顶
- 园区1—2月集成电路产业营收同比增长14.2%

## 企业动态

园区企业纳微传感的8英寸MEMS产线扩产项目通过验收。
"""
    index = _ingest(tmp_path, "weekly.md", text)
    found = _regions(index, "纳微传感")
    assert found["园区企业纳微"] == "江苏省/苏州市"


def test_a_firms_founding_year_written_before_its_verb_is_no_year_of_the_story(tmp_path):
    """(h51c-b) A firm's founding told with the year before the verb (于2014年创办; 2015年由…团队孵化成立; 2003年创办时…)
    added the year to a 2025 story, as 成立于2009年 no longer did; it dates the firm."""
    text = """恒芯微电子襄阳基地签约
2025-04-18　来源：襄阳日报

恒芯微电子总部位于深圳市南山区，由几位汽车电子工程师于2014年创办，今年将在襄阳建设模组工厂。

合作方晶域半导体2015年由中科院一个研究团队孵化成立，今年在襄阳设立外延产线。
"""
    index = _ingest(tmp_path, "signing.txt", text)
    found = _years(index, "襄阳")
    assert found["恒芯微电子总"] == [2025]
    assert found["合作方晶域半"] == [2025]


def test_a_citys_promotion_event_held_elsewhere_is_the_citys_story(tmp_path):
    """(h51c-c) A city's own event held in another city, its venue in brackets inside the event's name (合肥市集成电路产业
    （上海）投资推介会成功举办), was 多地, the host and the venue together; it is the promoting city's."""
    text = """宜宾市电子信息产业（深圳）投资推介会成功举办

发布时间：2025-06-13　来源：宜宾市投资促进局

推介会上，三江新区、叙州区分别进行了专场推介，现场共签约电子信息项目12个。
"""
    index = _ingest(tmp_path, "promo.txt", text)
    found = _regions(index, "推介")
    assert found["宜宾市电子信"] == "四川省/宜宾市"


def test_a_headline_counting_a_firm_after_its_home_is_the_new_sites_story(tmp_path):
    """(h51c-b) A headline naming firms counted after their home (天水一封测企业在兰州新区建新厂) was both places' (甘肃省);
    the home is where the firm comes from, and the story is the new site's, as 南京企业落子… already was."""
    text = """宝鸡一电子企业在西安高新区建新厂
2026-03-17　来源：陕西日报

3月16日，宝鸡一家电子元器件企业投资建设的新工厂在西安高新区开工，计划2027年建成投产。
"""
    index = _ingest(tmp_path, "plant.txt", text)
    assert _regions(index, "新工厂")["3月16日，"] == "陕西省/西安市"

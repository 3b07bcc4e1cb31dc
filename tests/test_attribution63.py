"""Session 63: attribution on documents nobody tuned for (blind sets h63 a to e, written by helpers in their own words
against a frozen 38f71f55).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_text as _ingest, jsonl, regions_by_start as _regions, years_by_start as _years


def _documents(index) -> list[dict]:
    return jsonl("docs", "-a", "--index", index)


def test_a_headlines_labelled_lead_names_its_subject_and_the_place_after_the_colon_is_a_likeness(tmp_path):
    """A headline whose lead is a place alone, then a colon (`平湖经济技术开发区：上海“后花园”里…`), is that place's story;
    the place after the colon is what it is likened to or works with, so the text is not filed at the province both
    share."""
    story = """平湖经济技术开发区：上海“后花园”里长出传感器产业链

嘉兴日报　2024年9月3日

初秋，平湖经济技术开发区的一家传感器企业新产线开始调试，产品主要配套上海的汽车电子企业。

平湖经济技术开发区今年前8个月实现传感器产值31亿元，同比增长27%，集聚相关企业19家。

开发区负责人说，下一步将引进晶圆级封装项目，力争到2026年传感器产值突破60亿元。
"""
    index = _ingest(tmp_path, "pinghu_sensor.txt", story)
    assert [d["region_path"] for d in _documents(index)] == [["浙江省", "嘉兴市", "平湖市"]]
    placed = _regions(index, "传感器")
    assert placed["平湖经济技术"] == "浙江省/嘉兴市/平湖市"
    assert placed["初秋，平湖经"] == "浙江省/嘉兴市/平湖市"


def test_a_district_storys_paragraph_going_through_its_citys_other_districts_is_cut_at_each(tmp_path):
    """In a district's story, a paragraph that turns to the city's other districts and counties, one ；-clause each
    (`在江宁区的带动下，南京各区也在…。浦口区…；六合区…；溧水区则…`), files each clause under the district it opens with,
    as a city's text does with its own districts."""
    story = """南京江宁：芯片设计产业再上台阶

江宁区今年上半年集成电路设计业营收增长21%，新增设计企业36家。

在江宁区的带动下，南京各区也在找准定位。浦口区依托研创园发展EDA和IP服务，新增企业12家；六合区重点发展半导体材料和电子化学品；溧水区则瞄准功率模块封装测试。

江宁区有关负责人表示，将与兄弟区共享流片平台。
"""
    index = _ingest(tmp_path, "jiangning_design.txt", story)
    placed = _regions(index, "浦口区 OR 六合区 OR 溧水区 OR 江宁区")
    assert placed["浦口区依托研"] == "江苏省/南京市/浦口区"
    assert placed["六合区重点发"] == "江苏省/南京市/六合区"
    assert placed["溧水区则瞄准"] == "江苏省/南京市/溧水区"
    assert placed["江宁区今年上"] == "江苏省/南京市/江宁区"


def test_a_paragraph_opening_on_what_comes_next_then_a_place_is_that_places(tmp_path):
    """A press conference's answer goes on in a second paragraph opening on what comes next (`接下来，`, `下一步，`,
    `今后，`) then a city: that city's, not the province's the conference is."""
    transcript = """“加快发展新型显示产业”新闻发布会实录

江西省人民政府新闻办公室　2024年10月15日

【王建华】
江西新型显示产业今年1至9月营收同比增长19%。

【刘敏】
赣州依托稀土和电子材料基础，近年来引进显示模组企业14家。

接下来，赣州将在经开区建设显示驱动芯片封测基地，并与南昌的面板企业开展配套合作。

下一步，吉安将加快建设印制电路板配套园，服务省内面板企业。
"""
    index = _ingest(tmp_path, "jiangxi_display_briefing.txt", transcript)
    placed = _regions(index, "配套")
    assert placed["接下来，赣州"] == "江西省/赣州市"
    assert placed["下一步，吉安"] == "江西省/吉安市"


def test_a_roundups_marked_lead_keeps_its_place_when_the_paragraph_comes_back_to_its_whole(tmp_path):
    """In a round-up, `浙江：杭州…。浙江省经济和信息化厅提出，到2026年全省…` opens on its province, names a city right after
    the colon, and then speaks of the province as a whole: the province's.  A lead whose paragraph stays with the city
    (`江苏：无锡…项目投产。`) is still the city's."""
    story = """年终盘点：多地集成电路产业交出成绩单

2025年12月29日

浙江：杭州的特色工艺产线二期今年投产。浙江省经济和信息化厅提出，到2026年全省集成电路产业营收突破3000亿元。

江苏：无锡的车规级功率模块项目今年四季度投产，新增产值40亿元。

安徽：合肥的存储芯片项目三期开工建设，总投资超过200亿元。
"""
    index = _ingest(tmp_path, "yearend_roundup.txt", story)
    placed = _regions(index, "投产 OR 开工")
    assert placed["浙江：杭州的"] == "浙江省"
    assert placed["江苏：无锡的"] == "江苏省/无锡市"


def test_a_storys_bracketed_subheading_naming_another_province_opens_its_section(tmp_path):
    """A paper's story about a city elsewhere ends with a bracketed subheading on its own province (`【江西怎么学】`):
    what follows is that province's, its `我省` and its plans, not the city's the story was about."""
    story = """合肥“芯”路观察

江西日报记者　陈晓

合肥，这座城市用十多年时间建起了从设计到封测的集成电路产业链。

【合肥怎么做】

合肥的产业基金先后投向存储、显示驱动和功率器件项目，带动社会资本超过千亿元。

【江西怎么学】

对照合肥，江西在LED芯片和印制电路板领域已有基础，但晶圆制造仍是空白。

省工业和信息化厅有关负责人表示，我省将借鉴合肥经验，力争到2027年全省集成电路产业营收突破600亿元。
"""
    index = _ingest(tmp_path, "hefei_lessons.txt", story)
    placed = _regions(index, "合肥")
    assert placed["合肥的产业基"] == "安徽省/合肥市"
    assert placed["对照合肥，江"] == "江西省"
    assert placed["省工业和信息"] == "江西省"


def test_a_ranking_tables_one_year_column_dates_its_rows(tmp_path):
    """A 2025 ranking's table whose header names one column of figures by an earlier year (`2024年营收（亿元）`, then a
    change): its rows report that year, not the story's.  A column of targets (`2026年目标`) dates nothing."""
    story = """2025年福建省电子信息企业十强发布

2025年8月12日

福建省电子信息行业协会今天发布十强榜单。

| 排名 | 企业名称 | 所在城市 | 2024年营收（亿元） | 同比增长 |
| 1 | 厦门闽芯光电有限公司 | 厦门市 | 210.4 | 15.2% |
| 2 | 福州榕显科技有限公司 | 福州市 | 188.9 | 9.7% |

| 序号 | 项目 | 所在城市 | 2026年目标（亿元） |
| 1 | 泉州晶圆配套项目 | 泉州市 | 45 |
"""
    index = _ingest(tmp_path, "fujian_top10.md", story)
    dated = {row["text"].split("|")[2].strip(): row["years"] for row in jsonl("search", "有限公司 OR 配套项目", "--all", "--index", index)}
    assert dated["厦门闽芯光电有限公司"] == [2024]
    assert dated["福州榕显科技有限公司"] == [2024]
    assert dated["泉州晶圆配套项目"] != [2024]


def test_a_plans_title_over_a_line_naming_its_review_is_the_reviews_title(tmp_path):
    """A plan's name and period on one line, then `中期评估报告` on the next: one title, the review's (a report), not the
    plan's (an action plan)."""
    review = """合肥市集成电路产业发展三年行动方案（2024—2026年）
中期评估报告

合肥市经济和信息化局
2025年7月

一、总体进展情况

《行动方案》实施以来，全市集成电路产业规模稳步扩大。
"""
    index = _ingest(tmp_path, "hefei_midterm.txt", review)
    [doc] = _documents(index)
    assert doc["title"] == "合肥市集成电路产业发展三年行动方案（2024—2026年）中期评估报告"
    assert doc["doc_type"] != "行动方案"


def test_a_roundups_lead_listing_provinces_then_a_clause_a_place_is_cut_after_a_places_section(tmp_path):
    """After a province's section, a paragraph whose first sentence lists provinces (`广东、福建各有侧重。`) and whose
    ；-clauses each open with a place files each clause under its place, and the section before is over."""
    story = """东南沿海“芯”版图观察

2024年6月2日

上海发挥龙头作用。今年前五个月，上海集成电路产业营收同比增长13%。

广东、福建各有侧重。深圳南山区的芯片设计企业超过400家；厦门海沧区则以化合物半导体见长，今年新增项目9个；福州、泉州两地加快布局显示驱动封测。

值得一提的是，产业协同正在加速。
"""
    index = _ingest(tmp_path, "southeast_roundup.txt", story)
    placed = _regions(index, "设计企业 OR 化合物 OR 封测")
    assert placed["深圳南山区的"] == "广东省/深圳市/南山区"
    assert placed["厦门海沧区则"] == "福建省/厦门市/海沧区"
    assert placed["福州、泉州两"] == "福建省"


def test_a_firm_started_in_another_place_is_that_places_paragraph_and_its_start_no_year(tmp_path):
    """A county's story of a firm that moved in: `这家企业2009年在东莞市虎门镇起家，…` is its birthplace's paragraph, and
    the year it started there is no year the passage speaks for."""
    story = """从虎门到龙南：一家电子元件企业的迁徙

赣南日报　2024年11月20日

这家企业2009年在东莞市虎门镇起家，主要生产电感和变压器，高峰时员工超过1500人。

去年，企业把主要产线整体迁到龙南市，新厂房今年一季度投产。

龙南市有关负责人表示，将为企业配套建设员工公寓。
"""
    index = _ingest(tmp_path, "longnan_relocation.txt", story)
    assert _regions(index, "起家")["这家企业20"] == "广东省/东莞市"
    assert 2009 not in _years(index, "起家")["这家企业20"]


def test_a_comparison_storys_paragraph_on_the_two_places_together_returns_to_the_whole(tmp_path):
    """A story comparing two districts of two cities (`先说…`, `再看…`) ends with paragraphs on both (`两区的…`): the
    story's own place, not the district last named."""
    story = """一个重制造，一个重设计：苏州工业园区与南京江北新区的两条路

2025年7月8日

在江苏，集成电路产业有两个绕不开的园区。

先说苏州工业园区。园区集聚了晶圆制造和封测企业120余家，去年产值突破1200亿元。

再看江北新区。新区的设计企业已超过600家，今年一季度新增流片项目90个。

两区的路径差异，其实是全省产业分工的缩影。
"""
    index = _ingest(tmp_path, "two_parks.txt", story)
    assert _regions(index, "路径差异")["两区的路径差"] == "江苏省"


def test_a_papers_story_about_a_city_elsewhere_keeps_the_papers_own_voice_and_part_for_its_own_city(tmp_path):
    """(round 2) A city paper's story about another province's city (its masthead on top): the editor's note in the
    paper's voice (`…是我市…`), the closing part under a subheading naming the paper's city (`对嘉兴的启示`) and the
    paragraphs opening on the paper's city or its districts are the paper's city's; the story's own paragraphs are the
    city visited, and `按照合肥的规划，…全市…` after a district's paragraph is that city's again."""
    story = """嘉兴日报
2025年6月3日　星期二　第A03版　经济

合肥：“芯”产业的十年长跑

本报记者　沈悦

编者按：集成电路是我市正在培育的新兴产业。本报记者近日赴合肥采访，为我市提供借鉴。

合肥的集成电路产业从一座晶圆厂起步，十年间形成了从设计到封测的完整链条。

在蜀山区，记者走访了一家只有80人的芯片设计企业，企业负责人说区里提供了流片补贴。

按照合肥的规划，到2027年全市集成电路产业规模力争突破1500亿元。

对嘉兴的启示

嘉兴的集成电路产业以封测和材料为主，规模与合肥相比还有差距。

业内人士建议，我市可借鉴合肥的产业基金做法，引导社会资本投向重大项目。

南湖区、秀洲区已集聚了一批传感器企业，下一步可在应用场景上加大力度。
"""
    index = _ingest(tmp_path, "jiaxing_on_hefei.txt", story)
    assert [d["region_path"] for d in _documents(index)] == [["安徽省", "合肥市"]]
    placed = _regions(index, "集成电路 OR 借鉴 OR 企业")
    assert placed["编者按：集成"] == "浙江省/嘉兴市"
    assert placed["合肥的集成电"] == "安徽省/合肥市"
    assert placed["按照合肥的规"] == "安徽省/合肥市"
    assert placed["嘉兴的集成电"] == "浙江省/嘉兴市"
    assert placed["业内人士建议"] == "浙江省/嘉兴市"
    assert placed["南湖区、秀洲"] == "浙江省/嘉兴市"


def test_a_masthead_line_with_a_page_code_and_its_section_is_no_title(tmp_path):
    """A masthead line giving the paper, the date, the page's code and section (`扬州日报　2024年9月2日　A3　要闻`) is no
    title: the headline under it is."""
    story = """扬州日报　2024年9月2日　A3　要闻

扬州高新区新增三家芯片设计企业

本报讯　扬州高新区今年以来新引进芯片设计企业3家，累计达到27家。
"""
    index = _ingest(tmp_path, "yangzhou_page.txt", story)
    assert [d["title"] for d in _documents(index)] == ["扬州高新区新增三家芯片设计企业"]


def test_a_passage_opening_on_a_site_and_the_district_it_lies_in_is_that_districts(tmp_path):
    """(round 2) A firm's text filed under a city: `孝感基地位于湖北省孝感市孝南区，…` (after a label too, `答：`) is the
    district the site lies in; a passage whose first clause only counts projects is not narrowed."""
    record = """武汉某某存储科技股份有限公司投资者关系活动记录表

问：孝感基地目前的产能如何？

答：孝感基地位于湖北省孝感市孝南区，是公司存储芯片封装测试的主要基地，月产能约3000万颗。

问：公司在黄冈有何布局？

答：黄冈新建项目12个，其中最大的项目位于黄州区，今年开工。
"""
    index = _ingest(tmp_path, "storage_ir.txt", record)
    placed = _regions(index, "基地 OR 项目")
    assert placed["答：孝感基地"] == "湖北省/孝感市/孝南区"
    assert placed["答：黄冈新建"] == "湖北省/黄冈市"


def test_a_firms_investor_record_titled_by_its_name_is_filed_at_its_stated_seat(tmp_path):
    """(round 2) A firm's investor Q&A titled by its name and code, its first question on a plant elsewhere, its answers
    stating `公司总部位于厦门市海沧区`: the seat's, not the first plant's."""
    record = """闽芯半导体（300999）互动易问答汇总（2024年第二季度）

投资者提问：请问公司龙岩工厂的产线目前满产了吗？
董秘回复：您好！公司龙岩工厂目前产能利用率约85%。

投资者提问：公司总部在哪里？
董秘回复：您好！公司总部位于厦门市海沧区，主要承担研发和销售职能。

投资者提问：上半年研发投入多少？
董秘回复：您好！上半年公司研发投入约1.1亿元。
"""
    index = _ingest(tmp_path, "minxin_ir.txt", record)
    assert [d["region_path"] for d in _documents(index)] == [["福建省", "厦门市", "海沧区"]]


def test_a_groups_joint_communique_posted_by_one_members_department_is_the_groups(tmp_path):
    """(round 2) A joint meeting's communique of a regional group (`长株潭…联席会议…公报`) saved from one member's
    department's site (its `ContentSource`) is the group's text, not the publisher's province's."""
    page = """<html><head><meta charset="utf-8"><title>长三角集成电路产业协同发展联席会议第三次会议公报_江苏省工业和信息化厅</title>
<meta name="ArticleTitle" content="长三角集成电路产业协同发展联席会议第三次会议公报">
<meta name="ContentSource" content="江苏省工业和信息化厅"></head><body>
<h1>长三角集成电路产业协同发展联席会议第三次会议公报</h1>
<p>长三角集成电路产业协同发展联席会议第三次会议于2025年4月10日在杭州召开。三省一市工业和信息化部门负责同志出席会议。</p>
<p>会议认为，三省一市集成电路产业互补性强，协同发展取得积极进展。</p>
</body></html>"""
    index = _ingest(tmp_path, "yrd_communique.html", page)
    assert [d["region_path"] for d in _documents(index)] == [["多地"]]
    assert _regions(index, "互补性")["会议认为，三"] == "多地"


def test_a_bulletins_issue_line_naming_a_quarter_dates_it(tmp_path):
    """(round 2) A bulletin titled on one line and its issue on the next (`2024年第四季度（总第28期）`), compiled in January
    2025: a bulletin of 2024."""
    bulletin = """杭州市集成电路产业运行简报
2024年第四季度（总第12期）

杭州市集成电路行业协会　编　　2025年1月20日

一、全年运行概况

全市集成电路产业全年实现销售收入1320亿元，同比增长12%。
"""
    index = _ingest(tmp_path, "hz_bulletin.txt", bulletin)
    assert [d["years"] for d in _documents(index)] == [[2024]]
    assert _years(index, "销售收入")["全市集成电路"] == [2024]


def test_a_call_for_rewards_of_past_years_speaks_for_the_year_it_is_signed(tmp_path):
    """(round 2) `关于组织申报2023年度…奖励的通知` signed in 2024: its conditions and deadlines are the call's own year;
    the article titled by the rewarded year names that year too."""
    notice = """常州市工业和信息化局关于组织申报2023年度集成电路企业产值增长奖励的通知

各辖市（区）工信局：

一、奖励对象

在我市注册并纳税的集成电路设计、制造和封测企业。

二、奖励标准

（一）2023年度产值增长奖励。对2023年度产值增长超过20%的企业，按增量部分的1%给予奖励。

三、申报时间

企业于2024年5月31日前向所在辖市（区）工信局提交材料。

常州市工业和信息化局
2024年4月8日
"""
    index = _ingest(tmp_path, "cz_award_call.txt", notice)
    assert [d["years"] for d in _documents(index)] == [[2024]]
    dated = _years(index, "企业")
    assert dated["在我市注册并"] == [2024]
    assert dated["（一）202"] == [2023, 2024]

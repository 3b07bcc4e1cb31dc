"""Session 67: attribution on documents nobody tuned for (blind sets h67 a to e, written by helpers in their own words
against a frozen 26b91e9f).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def _document(index) -> dict:
    [document] = jsonl("docs", "-a", "--index", index)
    return document


def test_a_notice_moving_a_plans_end_speaks_for_the_years_from_its_issue_to_the_new_end(tmp_path):
    """A notice titled as adjusting a plan's term (`关于调整《…（2022—2025年）》实施期限的通知`) writes the move as
    `由原定的2025年底延长至2028年底`: it speaks for 2025 (its year) to 2028, not the plan's named 2022–2025."""
    notice = """某市人民政府办公室关于调整《某市传感器产业培育计划（2022—2025年）》实施期限的通知

某政办〔2025〕12号

各区人民政府，市政府有关部门：

《某市传感器产业培育计划（2022—2025年）》实施以来，全市传感器企业数量稳步增加。经市政府同意，现将有关事项通知如下。

一、《培育计划》的实施期限由原定的2025年底延长至2028年底，各项扶持条款在延长期内继续执行。

二、各区要结合实际细化年度工作安排，每年向市工业和信息化局报送进展。

某市人民政府办公室
2025年4月3日
"""
    index = _ingest(tmp_path, "adjust.txt", notice)
    assert _document(index)["years"] == [2025, 2026, 2027, 2028]
    assert _years(index, "细化年度工作安排")["二、各区要结"] == [2025, 2026, 2027, 2028]
    # (the plan's old period named in the title and in the paragraph moving its end is the plan's, not the notice's)
    years = _years(index, "实施期限")
    assert years["某市人民政府"] == [2025, 2026, 2027, 2028]
    assert years["一、《培育计"] == [2025, 2026, 2027, 2028]


def test_a_report_on_a_fiscal_year_across_two_calendar_years_speaks_for_both(tmp_path):
    """A firm's report titled by its fiscal year (`2023财年`) whose report period runs from July to June the next year
    speaks for both calendar years, and so do its passages that name no year."""
    report = """某某微电子股份有限公司
2023财年年度报告摘要

（报告期：2023年7月1日至2024年6月30日）

一、主要经营情况

报告期内，公司实现营业收入8.6亿元，同比增长12%，功率器件出货量创历史新高。
"""
    index = _ingest(tmp_path, "fiscal.txt", report)
    assert _document(index)["years"] == [2023, 2024]
    assert _years(index, "功率器件出货量")["报告期内，公"] == [2023, 2024]


def test_a_saved_page_dated_only_in_its_footer_takes_that_date(tmp_path):
    """A saved notice page whose only date stands in the site's footer (`发布日期：2024-09-18`) is dated by it: its passages
    speak for 2024, not for no year."""
    page = """<html><head><title>关于开展集成电路企业用电需求摸排的通知</title></head><body>
<div class="article"><h1>关于开展集成电路企业用电需求摸排的通知</h1>
<p>各镇（街道），区有关部门：</p>
<p>为做好集成电路企业用电保障，现组织开展用电需求摸排，请各单位通知辖区企业按时填报。</p>
<p>联系人：区发展和改革局能源科</p>
</div>
<div class="footer"><p>主办单位：某区人民政府办公室　网站标识码：1234567890</p>
<p>发布机构：某区发展和改革局　发布日期：2024-09-18　浏览次数：356</p></div>
</body></html>
"""
    index = _ingest(tmp_path, "footer.html", page)
    assert _document(index)["years"] == [2024]
    assert _years(index, "用电需求摸排")["为做好集成电"] == [2024]


def test_rows_under_a_plain_text_table_rule_keep_their_start_and_end_columns(tmp_path):
    """A project list written as a plain-text table, its header then a `|---|` rule, with start and end year columns: each
    row speaks for the years from its start to its end; a site cell naming a county and its park (`某某县…工业园`) places
    the row in the county."""
    plan = """某市2024年电子信息产业重点项目表

| 序号 | 项目名称 | 建设地点 | 开工年份 | 竣工年份 |
|---|---|---|---|---|
| 1 | 光电芯片封装项目 | 宿松县临江产业园 | 2023 | 2026 |
| 2 | 电子陶瓷基板项目 | 怀宁县工业园 | 2024 | 2025 |
"""
    index = _ingest(tmp_path / "a", "projects.txt", plan.replace("某市", "安庆市"))
    years = _years(index, "项目")
    assert years["| 1 | "] == [2023, 2024, 2025, 2026]
    assert years["| 2 | "] == [2024, 2025]
    assert _regions(index, "项目")["| 1 | "] == "安徽省/安庆市/宿松县"


def test_a_plan_named_as_what_a_target_fits_and_last_years_unfinished_tasks_add_no_years(tmp_path):
    """In a 2024 task breakdown, a target said to fit a five-year plan (`与《…“十四五”…规划》相衔接`) is not that plan's
    years, and last year's unfinished tasks carried into this year's ledger (`2023年度未完成的任务，纳入今年台账`) speak
    for this year."""
    text = """某市2024年政府工作报告重点任务分工方案

一、到2024年底，全市集成电路企业达到320家，这一安排与《某市“十四五”电子信息产业发展规划》相衔接。

二、各牵头单位要将2023年度未完成的重点任务纳入今年工作台账，逐项销号。

某市人民政府办公室
2024年2月20日
"""
    index = _ingest(tmp_path, "breakdown.txt", text)
    years = _years(index, "任务")
    assert years["二、各牵头单"] == [2024]
    assert _years(index, "相衔接")["一、到202"] == [2024]


def test_an_approval_is_one_act_of_its_year_and_its_date_line_is_its_issuers(tmp_path):
    """A province's approval of a city's park with a construction period (`建设期为2025年至2027年`) is one act of 2024, and
    its title naming a plan's period unquoted is too; the bare date line under the last item is the issuer's, not the
    addressee's; a zone's bounds (`东至…路，西至…`) name roads, not places."""
    reply = """某省人民政府关于某市先进封装产业园发展规划（2025—2030年）的批复

某政复〔2024〕8号

宣城市人民政府：

一、同意在郎溪县设立先进封装产业园，规划面积5.2平方公里，四至范围为：东至溧阳路，南至芜湖大道，西至合肥路，北至水阳江。

二、产业园建设期为2025年至2027年，重点发展先进封装和测试服务。

三、你市要加强组织领导，落实用地和资金保障。

2024年11月6日
"""
    index = _ingest(tmp_path, "reply.txt", reply.replace("某省", "安徽省"))
    assert _document(index)["years"] == [2024]
    years = _years(index, "产业园")
    assert years["安徽省人民政"] == [2024]
    assert _years(index, "组织领导")["三、你市要加"] == [2024]
    assert _regions(index, "2024年11月6日")["2024年1"] == "安徽省"
    assert _regions(index, "四至范围")["一、同意在郎"] == "安徽省/宣城市/郎溪县"


def test_a_firms_notice_of_a_plant_is_its_years_not_the_phases_works(tmp_path):
    """A listed firm's notice of a plant abroad giving its first phase's construction period (`一期建设期为2024年至2026年`)
    speaks for the year it is issued."""
    notice = """某某半导体股份有限公司关于在越南投资建设测试基地的公告

本公司董事会及全体董事保证本公告内容不存在任何虚假记载。

一、投资概述

公司拟在越南北宁省设立全资子公司，投资建设芯片测试基地。一期建设期为2024年至2026年，二期视订单情况启动。

某某半导体股份有限公司董事会
2024年5月9日
"""
    index = _ingest(tmp_path, "firm.txt", notice)
    assert _document(index)["years"] == [2024]


def test_measures_valid_for_years_written_length_first_speak_for_them(tmp_path):
    """Measures whose term is written length first (`本措施有效期为三年，自印发之日起计算`) speak for the years from
    their issue to the day before the same date three years on: 2025 to 2028."""
    measures = """某区关于支持智能传感器企业发展的若干措施

一、对新落户的智能传感器企业给予房租补贴。

二、本措施有效期为三年，自印发之日起计算。

某区人民政府
2025年3月12日
"""
    index = _ingest(tmp_path, "measures.txt", measures)
    assert _document(index)["years"] == [2025, 2026, 2027, 2028]


def test_a_paragraph_a_source_opens_on_the_level_above_is_that_levels(tmp_path):
    """In a city's story, a paragraph whose source (`据某某海关统计，2024年`) leads to the province by its full name, or
    whose province's office gives data (`某省商务厅数据显示，`) on the province alone, is the province's; in a district's
    story `据了解，2025年，某市计划…` is the city's."""
    story = """扬州一批电子企业加快出海 东南亚订单增长

本报讯 记者从扬州市商务局获悉，今年以来，扬州电子信息企业加快拓展东南亚市场，新签订单同比增长三成。

据南京海关统计，2024年江苏省对东盟出口集成电路同比增长21%，机电产品出口保持稳定。

江苏省商务厅数据显示，东盟已连续五年成为江苏第一大贸易伙伴，今年江苏将继续举办经贸对接活动。
"""
    index = _ingest(tmp_path / "c", "yangzhou.txt", story)
    regions = _regions(index, "东盟")
    assert regions["据南京海关统"] == "江苏省"
    assert regions["江苏省商务厅"] == "江苏省"
    district = """邗江区一家元器件企业扩建产线

本报讯 邗江区一家电子元器件企业日前启动扩建，新增车规级电感产线两条。

据了解，2025年，扬州市计划新引进电子信息项目40个以上。
"""
    index = _ingest(tmp_path / "d", "hanjiang.txt", district)
    assert _regions(index, "电子信息项目")["据了解，20"] == "江苏省/扬州市"


def test_a_replys_unplaced_items_are_the_addressees_and_a_zone_named_then_by_its_kind_is_not_in_passing(tmp_path):
    """A province's reply to a city (`芜湖市人民政府、省发展改革委：`): an item naming no place but the city's, or none, is the
    city's matter, also under a heading naming none (`四、建设期内，集群要重点推进以下工作：`), while one naming the province's
    own bodies (`省科技厅要…`) stays the province's; an item approving a
    county's zone and going on about it by its kind alone (`…繁昌经济开发区…。调整后，开发区…`) is the county's."""
    reply = """安徽省人民政府关于芜湖市存储芯片产业集群建设方案的批复

皖政秘〔2025〕31号

芜湖市人民政府、省发展改革委：

芜湖市人民政府《关于报请审批存储芯片产业集群建设方案的请示》收悉。现批复如下：

一、同意芜湖市繁昌经济开发区扩区，新增面积2.4平方公里。调整后，开发区重点承接存储芯片封测和模组项目。开发区要严格控制新增建设用地规模。

二、芜湖存储芯片产业集群是全省集成电路产业布局的重要支点，要坚持龙头带动、链式发展。

三、《方案》提出，到2027年，集群营业收入力争突破600亿元，引育封测和模组企业40家以上。芜湖市要将各项指标逐年分解落实。

四、建设期内，集群要重点推进以下工作：

（一）扩大封测产能。新建项目要优先使用存量建设用地，新增能耗指标向封测龙头项目倾斜。

五、省科技厅要会同有关部门支持集群建设省级技术创新中心。

安徽省人民政府
2025年5月20日
"""
    index = _ingest(tmp_path, "reply_addressee.txt", reply)
    regions = _regions(index, "集群")
    assert regions["四、建设期内"] == "安徽省/芜湖市"
    assert _regions(index, "封测")["（一）扩大封"] == "安徽省/芜湖市"
    assert regions["五、省科技厅"] == "安徽省"
    assert _regions(index, "开发区")["一、同意芜湖"] == "安徽省/芜湖市/繁昌区"


def test_an_approval_of_a_project_is_about_the_place_its_title_or_site_line_names(tmp_path):
    """A city bureau's approval of a firm's project, addressed to the firm (no place), whose site sentence places the
    project in a district (`一、项目位于…高新区…区…`): its items naming no place are the district's; a province's approval
    addressed to a city, whose title names a county's zone (`…同意…宜兴…开发区…`), has items that are the county's."""
    review = """某市生态环境局关于某某微电子有限公司8英寸功率器件生产线项目环境影响报告书的批复

某环审〔2024〕19号

某某微电子有限公司：

你单位报送的环境影响报告书收悉。经研究，批复如下：

一、项目位于吴江区黎里镇汾湖高新区，新建8英寸功率器件生产线一条。

二、项目建设和运行中应重点做好以下工作：落实废水分类收集和分质处理措施，含氟废水单独预处理后接入污水处理厂。

三、项目竣工后，须按规定开展竣工环境保护验收。

2024年6月3日
"""
    index = _ingest(tmp_path / "a", "review.txt", review.replace("某市生态环境局", "苏州市生态环境局"))
    regions = _regions(index, "项目")
    assert regions["三、项目竣工"] == "江苏省/苏州市/吴江区"
    assert _regions(index, "含氟废水")["二、项目建设"] == "江苏省/苏州市/吴江区"
    approval = """江苏省人民政府关于同意宜兴经济技术开发区扩大面积的批复

苏政复〔2024〕22号

无锡市人民政府：

你市关于宜兴经济技术开发区扩大面积的请示收悉。现批复如下：

一、同意开发区新增区块3.1平方公里，主要发展半导体材料和电子元器件产业。

二、新增区块要严格执行国土空间规划，工业用地容积率不低于1.2。

江苏省人民政府
2024年7月9日
"""
    index = _ingest(tmp_path / "b", "approval.txt", approval)
    assert _regions(index, "容积率")["二、新增区块"] == "江苏省/无锡市/宜兴市"


def test_a_mainland_page_naming_hong_kong_first_as_a_source_of_investment_is_its_publishers_city(tmp_path):
    """A city bureau's statistics page titled by its own whole (`全市…利用外资情况`) that names 香港 first as a source of
    investment is the city's, as its source line gives it (`信息来源：某市商务局`), not Hong Kong's."""
    page = """<html><head><title>2024年全市半导体领域利用外资情况</title></head><body>
<div class="info">发布日期：2025-01-20　信息来源：无锡市商务局</div>
<div class="article"><h1>2024年全市半导体领域利用外资情况</h1>
<p>分来源地看，香港仍是我市半导体领域第一大外资来源地，全年实际使用港资4.2亿美元。</p>
<p>2024年，全市半导体领域新设外商投资企业35家，实际使用外资7.8亿美元。</p>
</div></body></html>
"""
    index = _ingest(tmp_path, "stats.html", page)
    assert _document(index)["region_path"] == ["江苏省", "无锡市"]


def test_a_periodicals_masthead_line_under_a_headline_is_not_part_of_it(tmp_path):
    """A plain-text story whose headline holds a comma (`…：甲县做封测，乙县做材料`) over a periodical's masthead line
    (`某某周刊　2025年3月7日　第9期`), its paragraphs set apart by blank lines: the headline is the title alone, not run
    on into the masthead and the lead."""
    story = """两个县的“芯”路对比：泗洪做封测配套，睢宁做电子材料

淮海财经周刊　2025年3月7日　第9期

在苏北，两个县不约而同把目光投向半导体配套产业，选择的路径却各不相同。

泗洪县的思路是先做封测配套，再向上游延伸。
"""
    index = _ingest(tmp_path, "masthead.txt", story)
    assert _document(index)["title"] == "两个县的“芯”路对比：泗洪做封测配套，睢宁做电子材料"

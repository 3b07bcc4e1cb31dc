"""Session 52: attribution on documents nobody tuned for (blind sets h52 e, f, g, h and i, written by helpers in their
own words against a frozen 6560ae1).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_story_of_now_is_of_its_datelines_year_though_it_writes_more_of_another(tmp_path):
    """(h52-g) A story dated late in a year about a plant topping out, with its schedule for next year, or one dated
    early in a year about a groundbreaking that quotes last year's figures, gave its paragraphs that name no year both
    years; they are the dateline's year.  A January story whose lead reports last year's results keeps both."""
    late = """临湘电子功率器件厂房封顶

2025-11-12　来源：岳阳日报　记者 刘晓

11月10日，临湘工业园一家功率器件企业的新厂房顺利封顶，比计划提前一个月。

项目负责人介绍，新厂房将安装两条封装线，主要为储能和光伏逆变器客户供货，工人们正在抢抓晴好天气推进外墙施工。

按照安排，项目将于2026年4月完成设备搬入，2026年8月试生产，2026年底前达到设计产能。
"""
    index = _ingest(tmp_path / "late", "late.txt", late)
    found = _years(index, "工人们正在抢抓")
    assert found["项目负责人介"] == [2025]
    assert 2026 in _years(index, "设备搬入")["按照安排，项"]
    early = """泰兴半导体材料企业营收增长三成

2025-01-09　来源：泰州日报　记者 周敏

记者从泰兴市工业和信息化局获悉，2024年全市半导体材料企业营收同比增长31%，新增规上企业9家。

2024年，全市电子化学品产能继续扩大，两家企业的高纯试剂通过晶圆厂认证。

业内人士说，本地企业与客户的合作越来越紧密，订单普遍排到了二季度。
"""
    index = _ingest(tmp_path / "early", "early.txt", early)
    assert [row["years"] for row in jsonl("docs", "--index", index)] == [[2024, 2025]]


def test_the_end_of_a_span_in_a_storys_body_is_never_its_date(tmp_path):
    """(h52-i) A story whose dateline has no year (新华社北京1月14日电) and whose body tells of a policy extended to an end
    date (…执行期限延长至2027年12月31日) was dated by that end date, so its 今年 read as 2027."""
    text = """工信部：电子元器件产业稳中有进

新华社北京1月14日电（记者 孙明）记者从全国工业和信息化工作会议上获悉，2025年我国电子元器件产业营收同比增长9%。

会议提出，将继续推动关键元器件攻关，加快产业链协同创新。

另据了解，有关部门日前发布公告，明确相关企业税收优惠政策执行期限延长至2027年12月31日。

业内人士认为，电子元器件市场有望延续复苏态势。
"""
    index = _ingest(tmp_path, "story.txt", text)
    (doc,) = jsonl("docs", "--index", index)
    assert doc["issued"] != "2027-12-31"
    assert 2027 not in doc["years"]


def test_a_december_story_whose_headline_looks_to_next_year_is_of_its_year_when_its_lead_reports_now(tmp_path):
    """(h52-i) A story dated in December, headlined by this year's results and next year's plans (…有望突破…
    明年将…), whose lead reports this year, was filed for next year alone, with its paragraphs that name no year."""
    text = """绍兴集成电路产业规模有望创新高 明年将新开工一批项目

2025-12-18　来源：绍兴日报　记者 钱丽

记者从市经信局获悉，今年1—11月，全市集成电路产业营收同比增长16%，全年有望突破千亿元。

从区县看，越城区的晶圆制造项目加快放量，上虞区的半导体材料企业订单饱满。

明年，绍兴将继续推进一批集成电路重大项目，计划新开工亿元以上项目30个。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _years(index, "订单饱满")["从区县看，越"] == [2025]
    assert _years(index, "新开工亿元以上")["明年，绍兴将"] == [2026]


def test_a_national_bodys_working_meeting_held_in_a_city_is_the_countrys(tmp_path):
    """(h52-h) A national body's working meeting held in a city (全国…工作座谈会在X召开, 中国…协会年会在X召开) was the
    host city's report; it is the country's, the city its venue.  A forum a city hosts stays the city's."""
    meeting = """全国电子元器件产业链协同发展工作座谈会在成都召开

2025-05-21　来源：中国电子报

5月20日，全国电子元器件产业链协同发展工作座谈会在成都召开，会议总结近年来产业链协同工作，部署下一阶段任务。

会议指出，我国电子元器件产业规模稳步扩大，但高端产品供给能力仍然不足，关键材料对外依存度较高。

会议要求，要加快推动重点产品攻关，完善上下游协同机制，防止低水平重复建设。
"""
    index = _ingest(tmp_path / "meeting", "meeting.txt", meeting)
    found = _regions(index, "会议")
    assert found["会议指出，我"] == "全国"
    assert found["会议要求，要"] == "全国"
    forum = """2025电子元器件产业发展论坛在成都举行

2025-05-21　来源：成都日报

5月20日，2025电子元器件产业发展论坛在成都举行，来自全国的专家和企业代表参加论坛。

论坛上，成都市经信局介绍了全市电子元器件产业发展情况和招商政策。

与会企业表示，将进一步加强与本地企业的配套合作。
"""
    index = _ingest(tmp_path / "forum", "forum.txt", forum)
    assert _regions(index, "配套合作")["与会企业表示"] == "四川省/成都市"


def test_a_headline_of_firms_moving_from_one_place_to_another_is_the_destinations_story(tmp_path):
    """(h52-f, h52-g) A headline of a move written with quotes (从“苏州造”到“宿迁造”：…) or with an industry's word
    between the origin and its firms (无锡半导体企业“南下”赣州…) made the story 多地; it is the destination's."""
    quoted = """从“苏州造”到“宿迁造”：一批电子企业在苏北扎根

2025-09-03　来源：宿迁日报

走进宿迁经济技术开发区的一家电子元器件工厂，十余条产线正在满负荷运转。

园区负责人介绍，今年以来，开发区新引进电子信息项目21个，一批企业把新增产能放在了这里。
"""
    index = _ingest(tmp_path / "quoted", "quoted.txt", quoted)
    assert _regions(index, "新引进电子信息项目")["园区负责人介"].startswith("江苏省/宿迁市")
    trade = """无锡半导体企业“南下”赣州 两年建成一个封测集群

2025-06-12　来源：赣南日报

在赣州经济技术开发区，一座座标准厂房拔地而起，封测企业的订单已经排到年底。

开发区有关负责人说，两年来已引进封测及配套企业17家，形成了从引线框架到测试的配套链条。
"""
    index = _ingest(tmp_path / "trade", "trade.txt", trade)
    assert _regions(index, "配套链条")["开发区有关负"].startswith("江西省/赣州市")


def test_the_target_of_a_plan_being_drafted_is_no_year_the_passage_speaks_for(tmp_path):
    """(h52-i) A year-end summary's task to draft the next plan, with the target that plan is to set (启动编制《…“十五五”
    规划》，…提出到2030年的发展目标; …启动谋划新一轮…规划，面向2030年提出…新目标; 研究“十五五”时期…发展路径), added the
    plan's years; the task speaks for the year it is done in.  A plan's own target keeps its year."""
    text = """常州市工业和信息化局2025年电子信息产业工作总结及2026年工作思路

一、2025年工作情况

全年电子信息产业营收同比增长12%，新增规上企业26家。

二、2026年工作思路

（一）抓项目。全力推进重大项目建设，确保年内新开工项目20个。

（二）抓规划。启动编制《常州市电子信息产业发展“十五五”规划》，围绕功率半导体倍增提出到2030年的发展目标和实施路径。

（三）抓研究。着手研究“十五五”时期全市电子信息产业发展路径，形成研究报告。

常州市工业和信息化局
2025年12月20日
"""
    index = _ingest(tmp_path, "summary.txt", text)
    assert _years(index, "发展目标和实施路径")["（二）抓规划"] == [2026]
    assert _years(index, "形成研究报告")["（三）抓研究"] == [2026]


def test_a_threshold_on_a_past_years_figures_in_a_call_is_a_condition_and_adds_no_year(tmp_path):
    """(h52-e, h52-i and eight blind sets of session 51) A call's eligibility threshold on a past year's figures
    (2024年度营业收入不低于…, 2024年度研发投入占营业收入比重不低于…, 2023年度工业产值达到…以上) added that year; it is a
    condition of who may apply.  A reward for a past year's result keeps its year."""
    text = """扬州市工业和信息化局关于组织申报2025年度电子信息产业发展专项资金的通知

各县（市、区）工业和信息化主管部门：

为支持全市电子信息产业发展，现组织申报2025年度专项资金项目，有关事项通知如下。

一、申报条件

（一）在扬州市注册、具有独立法人资格，2024年度营业收入不低于1000万元。

（二）2024年度研发投入占营业收入比重不低于4%。

二、支持方式

对2024年度营业收入首次突破5亿元的企业，给予一次性奖励100万元。

扬州市工业和信息化局
2025年4月8日
"""
    index = _ingest(tmp_path, "call.txt", text)
    assert _years(index, "营业收入不低于")["（一）在扬州"] == [2025]
    assert _years(index, "研发投入占营业收入比重")["（二）202"] == [2025]
    assert 2024 in _years(index, "首次突破")["对2024年"]


def test_a_firms_founding_or_settling_year_told_in_its_history_is_no_policy_year(tmp_path):
    """(h52-g) A story's history of a firm, its founding told after a comma and its subject (2009年，公司由…团队孵化成立),
    by a long 由… (…2012年由几位…毕业生在…创办) or its settling in a place (…2005年落户吴江), added those years."""
    text = """苏州一家半导体设备企业扩建二期厂房

2025-08-20　来源：苏州日报

8月18日，华钧精密半导体设备二期厂房在吴江经济技术开发区开工。

华钧精密的根在苏州。2009年，公司由一所高校微电子研究院的科研团队孵化成立，起步时只有十几名员工。

另一家配套企业2005年落户吴江，如今已成为本地最大的精密零部件供应商之一。

吴江区有关负责人表示，全区正在打造半导体装备产业集群。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _years(index, "科研团队孵化成立")["华钧精密的根"] == [2025]
    assert _years(index, "落户吴江")["另一家配套企"] == [2025]


def test_a_city_official_speaking_of_the_city_after_a_time_word_is_the_citys_in_a_county_story(tmp_path):
    """(h52-g) In a story placed in a county, the city's official saying what the city will do after a time word
    (…有关负责人表示，下一步，宿州将…) stayed the county's; without the time word it was the city's already."""
    text = """总投资30亿元 宿州一电子元器件基地开工

来源：拂晓报　2025-04-22

4月20日，一家电子元器件企业的生产基地在宿州市灵璧县经济开发区开工，项目总投资30亿元。

当天，灵璧县还与5家配套企业签订入驻协议。

宿州市投资促进局有关负责人表示，下一步，宿州将围绕电子信息产业补链强链，力争到2027年全市电子信息产业规模突破500亿元。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _regions(index, "补链强链")["宿州市投资促"] == "安徽省/宿州市"


def test_a_paragraph_opening_on_a_view_of_the_whole_province_or_city_is_the_whole_unless_it_ranks_its_own_place(tmp_path):
    """(h52-e, h52-f) In a city's or a district's story a paragraph opening on 放眼全省 / 放眼全区 / 放眼全市 stayed the
    story's place; it reports the whole.  One opening on such a view and then the story's own place (从全省看，红河州
    …占全省的比重…) ranks that place: it is the place's."""
    city = """漳州电子元器件产业加快集聚

2025-06-03　来源：闽南日报

今年以来，漳州市新引进电子元器件项目18个，总投资超过60亿元。

放眼全省，电子信息已成为福建制造业的第一支柱，全省规模以上电子信息企业营收同比增长11%。

从全省看，漳州电子元器件产值占全省的比重提高到约9%，位居全省第四。
"""
    index = _ingest(tmp_path / "city", "city.txt", city)
    found = _regions(index, "全省")
    assert found["放眼全省，电"] == "福建省"
    assert found["从全省看，漳"] == "福建省/漳州市"
    district = """黄埔区新增一批集成电路项目

2025-06-03　来源：广州日报

今年以来，黄埔区新引进集成电路项目12个。

放眼全市，集成电路产业已形成设计、制造、封测协同发展的格局，全市产业规模持续扩大。
"""
    index = _ingest(tmp_path / "district", "district.txt", district)
    assert _regions(index, "协同发展的格局")["放眼全市，集"] == "广东省/广州市"


def test_a_text_signed_with_a_special_administrative_regions_body_is_joint(tmp_path):
    """(h52-e) A memorandum signed by a Guangdong department and the Hong Kong and Macao bureaus, their names run together on the
    signature line once cleaned, was filed under its front matter's source (广东省): the signers were not read (the line
    was too long for one body's name, and the gazetteer holds no 香港).  It is a joint text: 多地."""
    text = """---
title: 粤港澳大湾区集成电路人才培养合作备忘录
date: 2025-10-20
source: 广东省工业和信息化厅
---

# 粤港澳大湾区集成电路人才培养合作备忘录

为加强集成电路人才培养合作，经友好协商，达成如下合作意向。

一、三方共同建设集成电路联合实训基地，每年联合培养工程技术人才500名。

二、三方建立年度会商机制，轮流召开工作会议，研究解决合作中的重要问题。

广东省工业和信息化厅　香港特别行政区政府创新科技及工业局　澳门特别行政区政府经济及科技发展局

二〇二五年十月
"""
    index = _ingest(tmp_path, "memo.md", text)
    assert _regions(index, "年度会商机制")["二、三方建立"] == "多地"


def test_a_notices_labelled_site_line_places_it_in_the_district_it_names(tmp_path):
    """(h52-g) A project's public notice filed under a city by its firm's name (盐城…有限公司…项目…公示) whose labelled
    site line names a district (建设地点：江苏省盐城市大丰区…) stayed the city's; it is the district's."""
    text = """盐城晶耀电子材料有限公司年产300吨电子级硅材料项目
环境影响评价第一次公示

根据有关规定，现将本项目环境影响评价有关信息予以公示。

一、建设项目概况

项目名称：年产300吨电子级硅材料项目
建设单位：盐城晶耀电子材料有限公司
建设地点：江苏省盐城市大丰区经济开发区内
总投资：3.2亿元

二、公众意见的提交方式

公众可在公示期间通过电子邮件或信函提交意见。
"""
    index = _ingest(tmp_path, "notice.txt", text)
    assert _regions(index, "提交意见")["公众可在公示"] == "江苏省/盐城市/大丰区"


def test_a_storys_paragraph_of_last_years_figures_going_on_with_more_figures_is_that_years(tmp_path):
    """(h52-h) A story's paragraph reporting the year before (会议指出，2024年，我国…) and going on with more of that year's
    figures in sentences of their own (…同比增长…; 其中，…) got the story's year too; it is the year before's."""
    text = """全国电子元器件行业工作会议召开

2025-04-16　来源：中国电子报

4月15日，全国电子元器件行业工作座谈会召开，会议总结去年工作，部署今年任务。

会议指出，2024年，我国电子元器件行业实现营业收入2.3万亿元。出口额约1500亿美元，同比增长5.2%。其中，片式元件产量增长9%。
"""
    index = _ingest(tmp_path, "story.txt", text)
    rows = {row["text"][:20]: row["years"] for row in jsonl("search", "会议指出", "--all", "--index", index)}
    assert rows["会议指出，2024年，我国电子元器件行业"] == [2024]


def test_a_notice_repealing_other_texts_is_one_act_of_the_year_it_is_signed(tmp_path):
    """(h52-i, h51-t) A notice repealing or clearing other texts (关于废止…文件的通知) took the periods and terms of the
    texts it lists (…实施细则（2022—2024年）, 有效期延长至2027年…) as its own years and gave them to its items; it speaks
    for the year it is signed."""
    text = """江苏省工业和信息化厅关于废止部分电子信息产业政策文件的通知

苏工信规〔2025〕9号

各设区市工业和信息化局：

经清理评估，决定废止以下文件：

（一）《江苏省电子元器件企业技术改造补助办法》（苏工信规〔2019〕4号）；

（二）《江苏省集成电路首轮流片补助实施细则（2022—2024年）》（苏工信规〔2022〕7号）。

另，《江苏省电子信息产业园区认定办法》有效期延长至2027年12月31日。

本通知自印发之日起施行。

江苏省工业和信息化厅
2025年7月18日
"""
    index = _ingest(tmp_path, "repeal.txt", text)
    assert _years(index, "首轮流片补助")["（二）《江苏"] == [2025]
    assert _years(index, "自印发之日起施行")["本通知自印发"] == [2025]


def test_a_paragraph_opening_on_a_firm_of_another_place_is_that_places(tmp_path):
    """(h52-g) In a story of a plant, a paragraph opening on a supplier of another city counted after its place's name
    (芜湖经开区一家…企业的负责人告诉记者，…; 滁州那家…企业…) stayed at the plant; it is the supplier's place, when the
    paragraph names nothing of the story's own place."""
    text = """合肥一晶圆厂二期投产 带动上下游配套

2025-09-10　来源：合肥日报

9月8日，一家晶圆制造企业二期项目在合肥新站高新区投产，新增月产能3万片。

芜湖经开区一家电子特气企业的负责人告诉记者，为配套这家晶圆厂，企业今年新建了两条气体纯化生产线，销售额预计增长三成。

新站高新区有关负责人表示，园区将继续完善配套，吸引更多上下游企业落户。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _regions(index, "气体纯化生产线")["芜湖经开区一"].startswith("安徽省/芜湖市")


def test_a_city_holding_an_event_in_another_city_is_the_holders_story(tmp_path):
    """(h52-h) A headline of a city holding its promotion elsewhere, the event named after the verb (芜湖在上海举办…
    招商推介会), was 多地: the holder's name was read as a firm's home (芜湖在上海举办电子…) and the venue not as one."""
    text = """芜湖在上海举办电子信息产业招商推介会

2025-10-22　来源：芜湖日报

10月21日，芜湖市电子信息产业招商推介会在上海举行，现场签约项目8个。

推介会上，芜湖经开区介绍了新型显示和汽车电子产业的发展情况和支持政策。

据介绍，今年以来芜湖新引进电子信息项目40个。
"""
    index = _ingest(tmp_path, "promo.txt", text)
    assert _regions(index, "新引进电子信息项目")["据介绍，今年"] == "安徽省/芜湖市"


def test_a_storys_sentence_of_last_years_figure_and_a_state_of_now_speaks_for_both(tmp_path):
    """(h52-g and four sets of session 51) A story's sentence giving last year's figure beside a state of now (截至目前，
    …已集聚企业120余家，去年全区…产值突破…; …正在打造…，2024年全区…) was read as a look-back to last year alone; it speaks
    of the story's time too."""
    text = """无锡新吴区一封测项目投产

2025-07-08　来源：无锡日报

7月6日，一家封测企业的新工厂在新吴区投产。

新吴区有关负责人告诉记者，截至目前，全区已集聚集成电路企业260余家，去年全区集成电路产业营收突破1500亿元。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _years(index, "已集聚集成电路企业")["新吴区有关负"] == [2024, 2025]


def test_a_storys_deadline_ahead_runs_on_from_the_storys_year(tmp_path):
    """(h52-e) A story's deadline two years ahead (…将在2025年前建成…, dated 2023) gave the story's year and the deadline's
    with a hole between; it runs on as a target does."""
    text = """同安区加快建设电子元器件产业园

2023-05-16　来源：厦门日报

按照计划，同安区将在2025年前建成电子元器件产业园，园区产值突破300亿元。
"""
    index = _ingest(tmp_path, "story.txt", text)
    assert _years(index, "电子元器件产业园")["按照计划，同"] == [2023, 2024, 2025]


def test_a_calls_registration_deadline_and_what_was_had_in_past_years_are_conditions(tmp_path):
    """(h52-i) A call's registration deadline (申报单位应于2024年12月31日前在…注册) and what an applicant already had in
    past years named in words (去年和今年已获批但未完成验收的项目) added those years; they are conditions of who applies."""
    text = """南宁市工业和信息化局关于组织申报2025年度电子信息产业发展资金的通知

各有关单位：

现组织申报2025年度电子信息产业发展资金项目，有关事项通知如下。

（一）申报单位应于2024年12月31日前在南宁市注册，具有独立法人资格。

（二）去年和今年已获批但未完成验收的项目，须在完成验收后方可申报新项目。

南宁市工业和信息化局
2025年3月12日
"""
    index = _ingest(tmp_path, "call.txt", text)
    assert _years(index, "南宁市注册")["（一）申报单"] == [2025]
    assert _years(index, "未完成验收")["（二）去年和"] == [2025]


def test_a_plain_texts_headline_keeps_the_space_between_its_halves(tmp_path):
    """(h52-e, g, h) A .txt headline typed in two halves set apart by one ordinary space (…跑出“加速度” 上半年营收…) lost
    the space in its title; it keeps it, and a phrase across it is still found."""
    text = """常州功率半导体跑出“加速度” 上半年营收增长近三成

2025-07-22　来源：常州日报

今年上半年，常州功率半导体企业营收同比增长近三成。
"""
    index = _ingest(tmp_path, "story.txt", text)
    (doc,) = jsonl("docs", "--index", index)
    assert doc["title"] == "常州功率半导体跑出“加速度” 上半年营收增长近三成"
    assert jsonl("search", '"加速度”上半年"', "--index", index)


def test_a_parks_weekly_bulletin_is_titled_by_its_name_and_typed_a_bulletin(tmp_path):
    """(h52-g) A park's weekly bulletin (…企业动态周报 / （2025年第23期） / 编者 and date / 【本期要目】 and its items) was titled
    with its editor's line and its contents, and typed by the last item's word (协议); it is its name, a 简报."""
    text = """张江企业动态周报
（2025年第18期）

浦东新区科技和经济委员会编　　2025年5月9日

【本期要目】
一家芯片设计企业完成新一轮融资
两家封测企业签署战略合作协议

一家芯片设计企业完成新一轮融资。5月6日，该企业宣布完成数亿元融资，资金将用于车规级芯片研发。
"""
    index = _ingest(tmp_path, "weekly.txt", text)
    (doc,) = jsonl("docs", "--index", index)
    assert (doc["title"], doc["doc_type"]) == ("张江企业动态周报", "简报")


def test_a_byline_under_a_headline_is_not_part_of_the_title(tmp_path):
    """(h52-h) A headline with a comma inside it (…：一个重设计，一个强制造) over a byline ending on its date (某某日报记者　某某
    2024年7月2日) or holding one beside 撰稿 (某某观察　2024年10月15日　撰稿：某某) ran on into it as one title."""
    text = """苏锡“芯”双城记：一个重设计，一个强制造

新华日报记者　周凯　2024年7月2日

在江苏，苏州和无锡是集成电路产业的两个重镇，两座城市的发展路径各有侧重。
"""
    index = _ingest(tmp_path, "story.txt", text)
    (doc,) = jsonl("docs", "--index", index)
    assert doc["title"] == "苏锡“芯”双城记：一个重设计，一个强制造"

"""Session 65: reading and attribution on documents nobody tuned for (blind sets h65 a to e, written by helpers in their
own words against a frozen 73f0328c).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, ingest_text as _ingest, jsonl, regions_by_start as _regions, years_by_start as _years


def _documents(index) -> list[dict]:
    return jsonl("docs", "-a", "--index", index)


def test_a_message_boards_letter_beside_its_longer_reply_is_found(tmp_path):
    """A saved message-board page holds the citizen's letter and the office's reply in two blocks side by side; the
    reply holds more text.  Both are the page's text: a word of the letter is found.  A block beside them with no
    sentence (a table of dates and units) stays beside the text, as before."""
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>询问芯片人才公寓申请条件 - 网上信箱 - 某市政府</title></head>
<body>
<div class="topline"><a href="/">首页</a> <a href="/hd/">互动</a></div>
<div class="wrapper">
<h1>询问芯片人才公寓申请条件</h1>
<table class="facts"><tr><td>写信日期</td><td>2024-10-08</td><td>答复日期</td><td>2024-10-21</td></tr></table>
<div class="ask">
<p>你好，我今年从外省一所高校微电子专业研究生毕业，已经入职岳麓区一家做模拟芯片的设计公司，想了解人才公寓怎么申请，要排队多久？</p>
</div>
<div class="response">
<p>您好！感谢您选择来长沙发展，现将有关情况回复如下：</p>
<p>一、申请条件。在我市集成电路企业全职工作并缴纳社保的全日制硕士研究生，本人及配偶在本市无自有住房的，可以申请人才公寓，租期最长三年。</p>
<p>二、申请方式。请登录市人才服务平台提交劳动合同、学历证书和社保缴纳证明，审核通过后按申请先后顺序配租，目前平均等待时间约一个月。</p>
<p>三、租金标准。人才公寓租金按同地段市场租金的五成收取，第三年起按七成收取。</p>
<p>四、其他支持。入住人才公寓的集成电路企业员工，还可以按规定申请每月一千元的生活补贴，补贴期限与租期相同，两项政策可以同时享受，由企业统一向园区人才服务窗口提出申请。</p>
<p>五、办理时限。平台受理材料后十个工作日内完成审核，审核结果通过短信告知，配租结果在平台公示五个工作日。</p>
<p>如有其他疑问，可拨打人才服务热线咨询。</p>
</div>
</div>
</body></html>
"""
    index = _ingest(tmp_path, "mailbox_answer.html", page)
    hits = jsonl("search", "模拟芯片的设计公司", "--index", index)
    assert [hit["text"][:6] for hit in hits] == ["你好，我今年"]
    assert jsonl("search", "人才公寓租金", "--index", index)
    [document] = _documents(index)
    assert "写信日期" not in cli("show", document["doc_id"], "--index", index).stdout


def test_an_ordinal_in_figures_in_a_title_is_no_year(tmp_path):
    """A reply's title names the suggestion's number in four figures (`第2046号建议`), which looks like a year; the
    reply's own number and its signature give the real one.  An ordinal between 第 and a counter is never a year."""
    reply = """关于市十七届人大四次会议第2046号建议的答复

芜经信建〔2024〕19号

李明代表：

您提出的《关于加快发展车规级芯片产业的建议》收悉，现答复如下。

近年来，我市围绕新能源汽车产业链布局车规级芯片，已引进功率模块封装项目三个。下一步，我局将会同市发展改革委完善车规级芯片首批次应用奖励政策，推动整车企业与本地芯片企业对接。

感谢您对我市工业和信息化工作的关心和支持。

芜湖市经济和信息化局
2024年6月20日
"""
    index = _ingest(tmp_path, "reply_to_deputy.txt", reply)
    [document] = _documents(index)
    assert document["years"] == [2024]
    assert _years(index, "车规级芯片")["近年来，我市"] == [2024]


def test_a_page_filed_under_a_message_board_is_a_reply_of_the_year_it_is_dated(tmp_path):
    """A page whose title files it under a site's message board (`…_书记信箱_…`) answers a letter: a 答复 whatever its
    headline.  Dated in March and giving last year's figures twice, it still speaks for the year it is dated; the
    paragraph of last year's figures is that year's, as a reply's is."""
    filler = "".join(f"<p>第{n}项，园区将按企业实际需要提供厂房改造、设备调试和人员培训服务，具体办法由园区管委会另行制定并公布实施。</p>" for n in "一二三")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>希望扩大园区封测企业用电补贴范围_书记信箱_某县人民政府</title>
<meta name="PubDate" content="2025-03-12"></head><body>
<div class="box">
<div class="q"><p>书记您好，我们是县经济开发区的一家封测企业，去年电费支出比前年多了三成，希望园区扩大用电补贴范围，把封测企业也纳入进来。</p></div>
<div class="a">
<p>您好！来信收悉，现回复如下：</p>
<p>去年全县集成电路封测企业用电量同比增长26%，县里已对其中用电量最大的五家企业给予了临时电价补贴，合计补贴金额约380万元。</p>
<p>下一步，县工信局将会同供电公司研究把封测企业整体纳入用电补贴范围，相关政策出台后将在县政府网站公布。</p>
{filler}
</div></div></body></html>
"""
    index = _ingest(tmp_path, "letter_reply.html", page)
    [document] = _documents(index)
    assert document["doc_type"] == "答复"
    assert document["years"] == [2025]
    found = _years(index, "封测企业")
    assert found["去年全县集成"] == [2024]
    assert found["下一步，县工"] == [2025]


def test_a_plan_whose_goals_come_in_phases_runs_to_its_last_phase(tmp_path):
    """A plan with no period in its title sets its goals in phases, a paragraph each (`到2026年，…` / `到2028年，…` /
    `到2030年，…`).  The plan runs from the year it is signed to its last phase, not to its first."""
    plan = """某市智能传感器产业发展行动计划

为推动智能传感器产业集聚发展，制定本计划。

一、发展目标

到2026年，全市智能传感器产业规模达到120亿元，培育营收超十亿元企业3家。

到2028年，产业规模达到200亿元，建成MEMS中试平台1个。

到2030年，产业规模突破300亿元，形成设计、制造、封测协同的完整产业链。

二、主要任务

支持龙头企业建设MEMS传感器特色工艺产线，鼓励整机企业优先采购本地传感器产品。

某市人民政府办公室
2025年5月8日
"""
    index = _ingest(tmp_path, "sensor_plan.txt", plan)
    [document] = _documents(index)
    assert document["years"] == list(range(2025, 2031))
    assert _years(index, "传感器产品")["支持龙头企业"] == list(range(2025, 2031))
    assert _years(index, "产业规模")["到2028年"] == [2028]


def test_a_group_counted_by_its_number_closing_a_list_of_cities_leaves_the_cities_their_clauses(tmp_path):
    """A province's review lists its cities clause by clause (`宜昌市…；襄阳市…；荆州市…。`) and closes on a group counted
    by its number (`鄂西北三市…`).  The group's sentence is a part of its own, about none of them alone; each city's
    clause is still its city's."""
    review = """湖北省2024年前三季度电子信息制造业运行情况

二、分市情况

宜昌市电子信息制造业产值增长18.5%，光电子器件产量增长三成；襄阳市汽车电子产值增长22.1%，功率模块项目陆续投产；荆州市电子元器件产值增长15.7%。鄂西北三市电子信息产业合计增长12.6%，略高于全省平均水平。

三、下一步工作

全省将继续推进电子信息产业集群建设，支持各地承接光电子和汽车电子项目。

湖北省经济和信息化厅
2024年10月25日
"""
    index = _ingest(tmp_path, "province_review.txt", review)
    placed = _regions(index, "增长")
    assert placed["宜昌市电子信"] == "湖北省/宜昌市"
    assert placed["襄阳市汽车电"] == "湖北省/襄阳市"
    assert placed["荆州市电子元"] == "湖北省/荆州市"
    assert placed["鄂西北三市电"] == "湖北省"


def test_a_city_storys_paragraph_set_in_the_whole_province_is_the_provinces(tmp_path):
    """A city's story turns to its province with `在湖南全省，…` (in the whole province, as `从全省看，` and `放眼全省，` do):
    that paragraph reports the province's figures, naming the city only as one part of them."""
    story = """株洲功率半导体产业去年产值增长两成

来源：株洲日报　2025-02-18

记者从市工业和信息化局获悉，2024年株洲功率半导体产业实现产值约420亿元，同比增长21%。

今年，株洲将推动两个车规级模块项目投产，力争产业产值突破500亿元。

在湖南全省，功率半导体产业已形成以株洲为主、长沙和湘潭配套的布局，全省相关企业超过120家。
"""
    index = _ingest(tmp_path, "zhuzhou_story.txt", story)
    placed = _regions(index, "功率半导体")
    assert placed["记者从市工业"] == "湖南省/株洲市"
    assert placed["在湖南全省，"] == "湖南省"


def test_a_district_named_by_a_short_name_that_is_a_word_before_its_sibling_is_that_citys(tmp_path):
    """A story compares two districts of one city and headlines them by their short names, the first of which is a word
    shared by several places (`朝阳与顺义…`: 朝阳 is a city of 辽宁 and a district of 北京 and 长春).  Named right before its
    sibling with 与, it is the sibling's city's district: the story is that city's, and each district's section is the
    district's.  A firm's spin-out year (`2019年从研究所走出`) is no year the story speaks for."""
    story = """朝阳与顺义：两种打法的芯片产业

北京日报记者　韩松

2025-06-10　来源：北京日报

在北京，芯片设计和制造正在东西两端各自成势。

朝阳区：设计企业扎堆

朝阳区集聚了一批芯片设计和EDA企业，去年设计业营收超过80亿元。区内一家射频芯片企业2019年从研究所走出，如今客户覆盖多家手机厂商。

顺义区：第三代半导体产线落地

顺义区依托第三代半导体产业园，引进碳化硅衬底和外延项目9个，今年一季度产值同比增长41%。
"""
    index = _ingest(tmp_path, "two_districts.txt", story)
    [document] = _documents(index)
    assert document["region_path"] == ["北京市"]
    placed = _regions(index, "芯片 OR 半导体")
    assert placed["朝阳区集聚了"] == "北京市/朝阳区"
    assert placed["顺义区依托第"] == "北京市/顺义区"
    assert _years(index, "射频芯片")["朝阳区集聚了"] == [2024, 2025]


def test_a_calls_conditions_on_last_years_statements_ratios_and_done_work_add_no_year(tmp_path):
    """A call for applications asks for last year's audited statements (`上一年度经审计的财务报表`), sets a threshold on
    last year's R&D ratio in its long form (`2024年度研究开发费用总额占…的比例不低于5%`) and asks that a thing was done
    in a past year (`须在2024年度内完成…`), and none last year (`上年度未发生…事故`).  Each is a condition of who qualifies: no year the call speaks for."""
    call = """某区关于组织申报2025年度芯片设计企业流片补贴的通知

各有关企业：

为支持芯片设计企业开展工程流片，现将2025年度流片补贴申报工作通知如下。

一、申报条件

（一）申报企业2024年度研究开发费用总额占企业销售收入总额的比例不低于5%。

（二）申报项目须在2024年度内完成首轮工程流片并取得代工厂投片证明。

二、申报材料

申报企业应当提供上一年度经审计的财务报表和流片合同。

申报企业上年度未发生较大及以上安全生产事故。

某区科技和工业信息化局
2025年3月20日
"""
    index = _ingest(tmp_path, "tapeout_call.txt", call)
    found = _years(index, "申报企业 OR 申报项目")
    assert found["（一）申报企"] == [2025]
    assert found["（二）申报项"] == [2025]
    assert found["申报企业应当"] == [2025]
    assert found["申报企业上年"] == [2025]


def test_an_attached_texts_revision_mark_sets_no_years_the_notices_term_stands(tmp_path):
    """A notice amends a measure and extends its term (`修订后的《办法》有效期延续至2027年6月30日`), then attaches the
    revised text under a title with its revision mark (`附件：…管理办法（2025年修订）`).  The mark tells when it was
    revised: the attached articles speak for the term the notice gives, not for the revision's year alone."""
    notice = """某省科学技术厅关于修订《某省集成电路布图设计登记资助管理办法》的通知

某科规〔2025〕7号

各市科技局：

现对《某省集成电路布图设计登记资助管理办法》部分条款修订如下：

一、将第五条中“每件资助3000元”修改为“每件资助5000元”。

本通知自2025年7月1日起施行。修订后的《办法》有效期延续至2027年6月30日。

某省科学技术厅
2025年6月12日

附件：某省集成电路布图设计登记资助管理办法（2025年修订）

第一条　为鼓励集成电路布图设计创新，制定本办法。

第二条　对省内企业取得的集成电路布图设计登记，每件资助5000元，每家企业每年最高资助10万元。
"""
    index = _ingest(tmp_path, "amend_notice.txt", notice)
    found = _years(index, "布图设计")
    assert found["第一条为鼓励"] == [2025, 2026, 2027]
    assert found["第二条对省内"] == [2025, 2026, 2027]


def test_a_passage_opening_on_a_zones_branch_named_by_its_place_is_that_places_in_any_text(tmp_path):
    """A city's story names a zone's branch by the place it lies in, right after the zone (`临港新片区奉贤园区…`), and a
    partner after it (`与临港主城区形成协作`).  Opening on the branch, the passage is the branch's place's, in a story of
    the city as in the zone's own text."""
    story = """上海集成电路装备产业链加速延伸

来源：上海科技报　2025-08-21

记者从市经济信息化委获悉，今年上半年全市集成电路装备产业营收同比增长19%。

临港新片区奉贤园区今年新落户零部件企业12家，重点发展真空泵、射频电源和精密阀门，与临港主城区形成整机与零部件的协作。

业内人士认为，零部件本地配套率的提高将进一步降低整机企业的成本。
"""
    index = _ingest(tmp_path, "shanghai_story.txt", story)
    placed = _regions(index, "零部件")
    assert placed["临港新片区奉"] == "上海市/奉贤区"


def test_a_national_views_own_sentence_ranking_the_text_s_province_is_the_provinces(tmp_path):
    """In a province's review, `从全国看，…` opens a view of the country.  When its own sentence goes on to rank the
    province (`…，我省…居全国第五位`), the passage is the province's; when only a later sentence turns to the province
    (`从全国看，…。我省…`), the view stays the country's."""
    review = """河南省2025年一季度电子信息制造业运行分析

一、总体情况

一季度，全省规模以上电子信息制造业增加值同比增长11.2%。

二、全国比较

从全国看，一季度全国规模以上电子信息制造业增加值增长9.8%，我省增速高于全国1.4个百分点，集成电路产量居全国第五位。

从全国看，一季度全国微型计算机设备产量同比下降2.1%。我省微型计算机设备产量占全国的6.3%。

三、下阶段工作

全年要努力完成目标任务，为明年产业发展打好基础。

河南省统计局
2025年4月25日
"""
    index = _ingest(tmp_path, "quarter_review.txt", review)
    [document] = _documents(index)
    assert document["region_path"] == ["河南省"]
    rows = jsonl("search", "全国", "--all", "--index", index)
    ranked = next(row for row in rows if "第五位" in row["text"])
    viewed = next(row for row in rows if "微型计算机" in row["text"])
    assert ranked["region_path"] == ["河南省"]
    assert viewed["region_path"] == ["全国"]
    assert _years(index, "打好基础")["全年要努力完"] == [2025]


def test_firms_counted_from_across_the_country_at_a_citys_meeting_leave_the_paragraph_the_citys(tmp_path):
    """A city bureau's reply tells of a matchmaking meeting it held, inviting firms counted from across the country
    (`邀请国内15家整机企业与本地50余家零部件企业…`).  国内 before a count is a reach, as 全国 before one: the paragraph is
    the city's, not the country's."""
    reply = """常州市工业和信息化局关于市政协十五届三次会议第0152号提案的答复

常工信提〔2024〕9号

刘敏委员：

您提出的《关于加快培育半导体设备零部件产业的提案》收悉，现答复如下。

一、举办供需对接。2024年5月，我局举办半导体设备零部件供需对接会，邀请国内15家设备整机企业与本地50余家零部件企业面对面交流，现场达成合作意向11项。

二、加强要素保障。我局将会同有关部门在武进区规划建设零部件产业园，优先保障用地和用能。

常州市工业和信息化局
2024年6月28日
"""
    index = _ingest(tmp_path, "bureau_reply.txt", reply)
    placed = _regions(index, "零部件企业")
    assert placed["一、举办供需"] == "江苏省/常州市"


def test_a_few_years_before_the_storys_year_in_words_name_that_year(tmp_path):
    """A story dated 2024 looks back with `两年前，…` (two years before): that paragraph tells 2022, as `前年` would.
    `十三年前` is no `三年前`."""
    story = """传感器小镇的两年

来源：湖州日报　2024-09-12

两年前，小镇上的传感器企业还不到十家，大多做来料加工。

如今，小镇已集聚传感器设计、制造和封测企业43家，今年上半年产值同比增长36%。

这家企业的创始人十三年前从上海回乡创业，如今企业已是小镇上产值最大的传感器企业。
"""
    index = _ingest(tmp_path, "town_story.txt", story)
    found = _years(index, "传感器")
    assert found["两年前，小镇"] == [2022]
    assert found["如今，小镇已"] == [2024]
    assert found["这家企业的创"] == [2024]


def test_a_quoted_subheading_is_not_run_into_the_paragraph_under_it(tmp_path):
    """A story's subheading is one short quotation with a comma in it (`“起点不同，方向一致”`), on a line of its own
    between blank lines.  It is a heading, not a sentence broken by a blank line: the paragraph under it is a passage
    of its own, and a closing paragraph naming the two places as a group closes the last county's section."""
    story = """两个县的晶圆之路

来源：某某日报　2025-03-02

泗阳县：从硅片起步

泗阳县的半导体产业从硅片切磨抛起步，去年全县硅片产能达到每月20万片。

沭阳县：从封测切入

沭阳县则从封测切入，去年引进两家封测企业，封测产值增长40%。

“起点不同，方向一致”

两县的共同点在于都把晶圆配套作为主攻方向，江苏正在研究支持县域半导体配套的政策。
"""
    index = _ingest(tmp_path, "two_counties.txt", story)
    rows = jsonl("search", "两县的共同点", "--index", index)
    assert [row["text"][:6] for row in rows] == ["两县的共同点"]
    assert rows[0]["region_path"] != ["江苏省", "宿迁市", "沭阳县"]


def test_a_tables_rows_under_a_year_column_each_speak_for_their_year(tmp_path):
    """A story's markdown table has a column headed `年份` whose cells hold bare years (`| 2021 | 412 | …`): each row
    speaks for its own year, not for the story's."""
    story = """---
title: 五年间全省传感器产业规模翻番
date: 2025-01-15
---

# 五年间全省传感器产业规模翻番

过去五年，吉林省传感器产业保持两位数增长。

| 年份 | 产值（亿元） | 同比增长 |
|---|---|---|
| 2021 | 212 | 18.2% |
| 2022 | 251 | 18.4% |
| 2023 | 298 | 18.7% |

今年，全省将推动传感器产业产值突破400亿元。
"""
    index = _ingest(tmp_path, "table_story.md", story)
    found = _years(index, "18")
    assert found["2021 |"] == [2021]
    assert found["2023 |"] == [2023]


def test_a_pair_of_districts_listed_in_the_opening_gives_their_city_even_after_a_shared_name(tmp_path):
    """A university's news names no place in its title; its opening names the campus by a short name, then lists two
    districts side by side among the guests (`鼓楼区、江宁区相关部门负责人`), the first a name several cities share.
    The pair lies in one city: the story is that city's, not the district named alone."""
    story = """某某理工大学集成电路学院揭牌

来源：校新闻网　2024-04-12

4月11日，某某理工大学集成电路学院揭牌仪式在校本部举行，鼓楼区、江宁区相关部门负责人以及二十余家企业的代表出席仪式。

学院下设集成电路设计、器件与工艺两个系，今年将招收首批本科生100人。

学院还将与江宁区共建功率器件联合实验室，首期投入设备经费3000万元。
"""
    index = _ingest(tmp_path, "school_news.txt", story)
    [document] = _documents(index)
    assert document["region_path"] == ["江苏省", "南京市"]


def test_a_title_opening_on_an_institutes_home_then_another_place_is_that_places(tmp_path):
    """A headline opens on a research institute named by its home, its short name running straight into the place of
    its new centre (`无锡微电子所常州…中心启用`).  The institute's home is no subject: the story is the new centre's
    place's, as a firm's full name before a project's place is."""
    story = """无锡微电子所常州功率器件中试中心启用

来源：常州日报　2025-10-20

10月19日，无锡微电子所常州功率器件中试中心在常州高新区正式启用，首期建成6英寸碳化硅中试线一条。

常州市科技局负责人表示，中心将面向本地功率器件企业开放中试服务，每年服务企业不少于50家。
"""
    index = _ingest(tmp_path, "institute_centre.txt", story)
    [document] = _documents(index)
    assert document["region_path"][:2] == ["江苏省", "常州市"]


def test_a_project_notices_labelled_site_line_gives_the_notice_its_district(tmp_path):
    """A tender notice titled by its city states the project's one site on a numbered label line (`2.1 建设地点：江西省
    九江市濂溪区…`).  The notice is about that site: the document and its passages naming no place are the district's.
    A notice listing two sites in two districts stays the city's."""
    tender = """九江某某光电材料项目洁净厂房施工招标公告

1.招标条件
本招标项目已由九江市发展和改革委员会备案，项目业主为九江某某光电材料有限公司，资金来自企业自筹。

2.项目概况与招标范围
2.1 建设地点：江西省九江市濂溪区九江经济技术开发区城西港区。
2.2 建设规模：新建洁净厂房1栋，建筑面积约2.6万平方米。
2.3 计划工期：300日历天。

3.投标人资格要求
3.1 投标人须具备建筑工程施工总承包一级资质。
"""
    two_sites = """九江某某电子公司两个扩产项目环境影响评价公示

项目一：建设地点：九江市濂溪区城西港区，新建电子浆料产线两条。

项目二：建设地点：九江市柴桑区沙河工业园，新建电子化学品仓库一座。

公众可在公示期内提出意见。
"""
    index = _ingest(tmp_path, "tender.txt", tender)
    [document] = _documents(index)
    assert document["region_path"] == ["江西省", "九江市", "濂溪区"]
    assert _regions(index, "洁净厂房")["2.2建设规"] == "江西省/九江市/濂溪区"
    index = _ingest(tmp_path / "two", "eia_two_sites.txt", two_sites)
    [document] = _documents(index)
    assert document["region_path"] == ["江西省", "九江市"]


def test_a_forms_labelled_lines_between_blank_lines_stay_apart(tmp_path):
    """A public notice lists a project's fields on labelled lines between blank lines (`建设地点：…以西、…以北` then
    `建设单位：…`).  The first stops without a sentence's end and holds a clause mark, as a broken sentence would; but a
    labelled line under a labelled line is the form's next field, never the rest of the line before it."""
    notice = """某市生态环境局建设项目环境影响评价文件审批公示

一、某某电子材料有限公司电子级氢氟酸项目

建设地点：某市化工园区新材料产业片区纬三路以西、经二路以北、规划支路以东

建设单位：某某电子材料有限公司

项目概况：项目总投资9.6亿元，新建电子级氢氟酸生产装置一套。
"""
    index = _ingest(tmp_path, "eia_notice.txt", notice)
    rows = jsonl("search", "建设单位", "--index", index)
    assert [row["text"] for row in rows] == ["建设单位：某某电子材料有限公司"]


def test_a_text_signed_in_december_that_takes_effect_next_january_speaks_for_next_year(tmp_path):
    """A measure signed in December says it takes effect on 1 January of the next year and names no end (`本办法自2026年1月
    1日起施行`): it speaks for the year it takes effect in, not the year it was signed in."""
    measure = """某省集成电路设计企业认定管理办法

第一条　为规范集成电路设计企业认定工作，制定本办法。

第二条　申请认定的企业研究开发人员占比不低于40%。

第三条　本办法自2026年1月1日起施行。

某省工业和信息化厅
2025年12月18日
"""
    index = _ingest(tmp_path, "december_measure.txt", measure)
    [document] = _documents(index)
    assert document["years"] == [2026]
    assert _years(index, "研究开发人员")["第二条申请认"] == [2026]


def test_a_tenders_bidder_record_to_now_and_last_years_financial_report_add_no_year(tmp_path):
    """A tender asks for a bidder's record from a day to now (`近三年（2022年1月1日至今）…供货业绩`), one from a day on
    whose 业绩 comes far down the sentence, and last year's audited financial report (`2024年度财务报告`): conditions of who
    may bid, no year the tender speaks for."""
    tender = """某某半导体有限公司12英寸清洗设备采购招标公告

一、项目概况

本次招标采购12英寸湿法清洗设备3台，交货期为合同签订后180日内。

二、投标人资格要求

1.投标人近三年（2022年1月1日至今）须具有不少于2台同类设备在国内晶圆厂的供货业绩。

2.投标人自2021年1月1日以来（以合同签订时间为准）须至少完成过1项单台合同金额不低于2000万元的同类设备供货业绩。

3.投标人须提供经会计师事务所审计的2024年度财务报告。

招标人：某某半导体有限公司
2025年4月2日
"""
    index = _ingest(tmp_path, "tender_record.txt", tender)
    found = _years(index, "投标人")
    assert found["1.投标人近"] == [2025]
    assert found["2.投标人自"] == [2025]
    assert found["3.投标人须"] == [2025]


def test_a_decade_is_no_year(tmp_path):
    """A story says a lab's work began in a decade (`1980年代`): a decade names no year the passage speaks for."""
    story = """某大学微电子学科迎来新发展

来源：校报　2024-06-03

学校的半导体研究始于1980年代，如今已形成器件、工艺和封装三个方向。

今年，学校将新建一条8英寸工艺验证线。
"""
    index = _ingest(tmp_path, "decade.txt", story)
    assert _years(index, "半导体")["学校的半导体"] == [2024]

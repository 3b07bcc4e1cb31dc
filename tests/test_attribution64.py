"""Session 64: attribution on documents nobody tuned for (blind sets h64 a to e, written by helpers in their own words
against a frozen 2fa4c01a).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, ingest_text as _ingest, jsonl, regions_by_start as _regions, years_by_start as _years


def _documents(index) -> list[dict]:
    return jsonl("docs", "-a", "--index", index)


def test_a_bulletins_numbered_headline_list_is_not_its_title_and_its_bracketed_places_open_sections(tmp_path):
    """A daily bulletin opens on its masthead line (`…早报（2025年6月3日　第112期）`), then a list of the day's headlines
    (`1. …`, `2. …发布…通知`) and items tagged by place (`【浙江】`, `【湖南长沙】`).  The numbered headlines are items, not
    words of the title (so the bulletin is no 通知), and the bulletin is a round-up whose tags open each place's
    section."""
    bulletin = """半导体产业早报（2025年6月3日　第112期）

【本期要闻】
1. 宁波前湾新区功率器件项目开工
2. 长沙经开区发布芯片企业研发补助申报通知
3. 重庆两江新区新增一条封测产线

【浙江】6月2日，宁波前湾新区一个车规级功率器件项目开工，总投资约18亿元，建成后年产功率模块300万只。

【湖南长沙】长沙经开区日前发布通知，对年度研发投入超过2000万元的芯片设计企业给予最高500万元补助，申报截至7月15日。

【重庆】两江新区一家封测企业新增一条系统级封装产线，主要面向智能终端客户，已于上月通线。

【编后】从今天几条消息看，各地对封测和功率器件的投入仍在加码。
"""
    index = _ingest(tmp_path, "daily_brief.txt", bulletin)
    [document] = _documents(index)
    assert document["title"] == "半导体产业早报（2025年6月3日第112期）"
    assert document["doc_type"] != "通知"
    assert document["region"] == "多地"
    placed = _regions(index, "项目 OR 补助 OR 产线 OR 投入")
    assert placed["【浙江】6月"] == "浙江省/宁波市"
    assert placed["【湖南长沙】"] == "湖南省/长沙市/长沙县"  # (长沙经开区 lies in 长沙县)
    assert placed["【重庆】两江"] == "重庆市"
    assert placed["【编后】从今"] == "多地"


def test_a_year_end_list_of_events_is_news_of_its_year_whatever_term_one_listed_policy_runs_to(tmp_path):
    """A park's year-end list of events (`盘点｜…十件大事`) names a policy issued that year that runs to a later year
    (`有效期至2027年12月31日`).  The list is news of its year: the policy's term is that item's, not every passage's."""
    review = """盘点｜2025年苏州工业园区芯片产业十件大事

苏州工业园区科技创新局　2025.12.28

2025年即将收官，我们为大家整理了园区芯片产业这一年的十件大事。

01 园区设计企业营收首破千亿元

全年园区集成电路设计企业营收预计达到1020亿元，同比增长14%。

02 新一轮产业政策发布

《苏州工业园区支持集成电路产业发展若干措施》正式印发，有效期至2027年12月31日，重点支持流片和EDA工具采购。

03 化合物半导体中试线投用

中试线可提供6英寸氮化镓外延和器件工艺服务，已服务企业40余家。
"""
    index = _ingest(tmp_path, "sip_review.txt", review)
    [document] = _documents(index)
    assert document["years"] == [2025]
    assert document["doc_type"] == "新闻综述"
    dated = _years(index, "企业 OR 中试线")
    assert dated["全年园区集成"] == [2025]
    assert dated["中试线可提供"] == [2025]


def test_a_call_for_awards_over_a_span_of_past_years_is_the_year_it_is_signed_in(tmp_path):
    """A call titled by a span of past years (`关于组织申报2023—2025年度…奖励的通知`) and signed in the year after is that
    year's call: its articles on the rewarded years name those years too, its deadlines only the signing year."""
    call = """东莞市工业和信息化局关于组织申报2023—2025年度电子信息产业专项奖励的通知

各有关企业：

为落实我市电子信息产业扶持政策，现就组织申报2023—2025年度专项奖励有关事项通知如下。

一、对2023年至2025年期间首次进入全国电子百强的企业，给予一次性奖励200万元。

二、申报时间为2026年3月1日至3月31日，逾期不予受理。

东莞市工业和信息化局
2026年2月10日
"""
    index = _ingest(tmp_path, "dongguan_call.txt", call)
    [document] = _documents(index)
    assert document["years"] == [2026]
    dated = _years(index, "申报 OR 企业")
    assert dated["一、对202"] == [2023, 2024, 2025, 2026]
    assert dated["二、申报时间"] == [2026]


def test_a_city_list_of_projects_whose_first_record_opens_the_text_stays_the_citys(tmp_path):
    """A city's list of key projects written as labelled lines (`建设地点：…` in each record) whose first record fills the
    text's opening is the city's list, not the first project's district's: each site line is its district's."""
    records = """温州市2025年电子信息重点项目清单

温州市发展和改革委员会
2025年3月

序号：1
项目名称：功率半导体模块封装项目
建设地点：瓯海区南白象街道
建设内容：新建功率模块封装测试厂房及配套设施
建设规模：年产功率模块200万只
总投资：22亿元
年度计划投资：6亿元
计划开工时间：2025年4月
计划竣工时间：2027年6月
责任单位：瓯海区人民政府

序号：2
项目名称：电子陶瓷基板产业化项目
建设地点：乐清市经济开发区
总投资：9亿元
年度计划投资：3亿元
计划开工时间：2025年6月
计划竣工时间：2026年12月
责任单位：乐清市人民政府

各责任单位要按月报送项目推进情况。
"""
    index = _ingest(tmp_path, "wenzhou_projects.txt", records)
    [document] = _documents(index)
    assert document["region_path"] == ["浙江省", "温州市"]
    placed = _regions(index, "建设地点 OR 项目")
    assert placed["建设地点：瓯"] == "浙江省/温州市/瓯海区"
    assert placed["建设地点：乐"] == "浙江省/温州市/乐清市"


def test_an_investor_told_of_by_its_headquarters_leaves_the_paragraph_at_the_plant(tmp_path):
    """In a district's story of a plant, a paragraph saying who builds it by the firm's home (`该项目由总部位于…的一家企业
    投资建设`) is the plant's district's; a paragraph opening on the firm's headquarters as its subject is still the
    headquarters'."""
    story = """房山区光通信芯片基地开工

发布时间：2025-04-18　来源：房山区融媒体中心

4月17日，位于房山区的光通信芯片产业化基地正式开工。

该项目由总部位于西城区的一家光电子企业投资建设，总投资约15亿元，主要建设光芯片外延和封装测试产线。

项目负责人表示，力争明年底实现首批产品下线。
"""
    index = _ingest(tmp_path, "fangshan_plant.txt", story)
    assert _regions(index, "投资建设")["该项目由总部"] == "北京市/房山区"


def test_a_place_named_only_as_the_neighbour_of_the_subject_does_not_make_the_paragraph_the_citys(tmp_path):
    """In a city's story, a paragraph opening on a county described by its neighbour (`与X区相邻的Y县，…`) is the county's:
    the neighbour only locates it."""
    story = """吴忠：荒漠里建起数据中心集群

宁夏日报　2025年8月12日

吴忠市近年来依托低电价和冷凉气候，引进多个数据中心项目。

与利通区相邻的青铜峡市，也在借势发展。市里的工业园区引进一家服务器组装企业，年产能达到10万台。
"""
    index = _ingest(tmp_path, "wuzhong_dc.txt", story)
    assert _regions(index, "服务器")["与利通区相邻"] == "宁夏回族自治区/吴忠市/青铜峡市"


def test_a_zones_work_framed_as_led_by_the_province_is_the_zones(tmp_path):
    """A new area's summary whose paragraph opens on its year and the province's leadership as a frame (`2024年，在省委、
    省政府的坚强领导下，X新区坚持…，…占全省比重…`) is the area's, not the province's: the frame relays no voice."""
    summary = """贵安新区2024年工作总结

2024年，在省委、省政府的坚强领导下，贵安新区坚持以数字经济为引领，全年数据中心机架规模增长18%，占全省比重进一步提高。

下一步，新区将加快建设智算中心。
"""
    index = _ingest(tmp_path, "guian_summary.txt", summary)
    assert _regions(index, "机架")["2024年，"] == "贵州省/贵阳市"


def test_a_round_ups_paragraph_on_a_place_and_the_county_it_administers_is_the_countys(tmp_path):
    """In a round-up, a paragraph opening on a city and a county-level city it administers (`唐山下辖的迁安市，…`) is the
    county's, though the city opens a new section there; one naming the province and several of its cities
    (`河北的保定、廊坊等地…`) stays the province's, and one joining two places of two provinces is not the first's."""
    roundup = """京津冀三地电子材料产业观察

北京：亦庄今年新增电子材料研发机构3家。

天津：滨海新区今年新增电子化学品企业6家。

唐山下辖的迁安市，近两年引进硅基材料企业4家，成为承接产业转移的新阵地。

河北的保定、廊坊等地也在承接北京的配套项目，今年新签约项目20余个。

河北省沧州市与天津市滨海新区联合建设电子化学品检测平台。
"""
    index = _ingest(tmp_path, "jjj_materials.txt", roundup)
    placed = _regions(index, "企业 OR 项目 OR 平台")
    assert placed["唐山下辖的迁"] == "河北省/唐山市/迁安市"
    assert placed["河北的保定、"] == "河北省"
    assert placed["河北省沧州市"] != "河北省/沧州市"


def test_a_storys_passage_that_speaks_only_of_next_year_is_next_years(tmp_path):
    """In a story dated in December, a passage whose first sentence looks to next year and names no other time
    (`按照计划，二期项目将于明年开工，…`; `业内人士认为，随着…，…明年有望…`) is next year's alone; one telling what is done
    now before its expectation (`…项目完成设备安装，预计明年…投产`) is this year's and next year's."""
    story = """芜湖：存储配套项目加快落地

芜湖日报　2025年12月20日

记者从市发展改革委获悉，今年全市新签约存储配套项目9个。

按照计划，一家封测企业的二期项目将于明年开工，建成后年产存储模组500万片。

一家载板企业的新产线完成设备安装，预计明年二季度投产。

业内人士认为，随着存储价格回升，芜湖存储配套产业明年有望保持较快增长。
"""
    index = _ingest(tmp_path, "wuhu_storage.txt", story)
    dated = _years(index, "明年")
    assert dated["按照计划，一"] == [2026]
    assert dated["业内人士认为"] == [2026]
    assert dated["一家载板企业"] == [2025, 2026]


def test_a_forwarded_national_text_in_markdown_keeps_its_own_numbered_headings(tmp_path):
    """A city bureau's markdown page forwards a ministry's notice under a heading of its own (`## 工业和信息化部关于…的通知`
    after the bureau's signature); the notice's numbered headings one level down (`### 一、…`) and what they head are
    still the ministry's text, the country's, not the city's."""
    page = """---
title: 关于转发工业和信息化部《关于开展2026年度电子元器件应用验证项目申报工作的通知》的通知
date: 2026-02-03
---

# 关于转发工业和信息化部《关于开展2026年度电子元器件应用验证项目申报工作的通知》的通知

各区工业和信息化主管部门：

现将工业和信息化部有关通知转发给你们，请积极组织本地企业申报，并于3月10日前报送我局。

成都市经济和信息化局
2026年2月3日

---

## 工业和信息化部关于开展2026年度电子元器件应用验证项目申报工作的通知

各省、自治区、直辖市工业和信息化主管部门：

为推动电子元器件产业高质量发展，现组织开展2026年度应用验证项目申报工作。

### 一、支持方向

1. 车规级功率器件应用验证平台建设。

### 二、申报要求

申报单位应在境内注册，具有独立法人资格。

工业和信息化部
2026年1月20日
"""
    index = _ingest(tmp_path, "forwarded.md", page)
    placed = _regions(index, "申报 OR 验证 OR 注册")
    assert placed["现将工业和信"] == "四川省/成都市"
    assert placed["为推动电子元"] == "全国"
    assert placed["1.车规级功"] == "全国"
    assert placed["申报单位应在"] == "全国"


def test_a_briefs_series_line_over_its_issue_number_is_no_headline_and_its_byline_month_dates_it(tmp_path):
    """A research brief opens on its series' name over an issue number (`产业观察 / 第2025-09号`), then its own headline, a
    byline of its authors (`某某研究院　课题组`) and the month on the line below (`2025年7月`).  The headline is the
    brief's title and the month its year, not the year its figures mention most."""
    brief = """产业观察
第2025-09号

东北三省半导体材料产业的比较与建议

东北振兴研究院　课题组
2025年7月

一、基本情况

2024年，辽宁半导体材料产业营收约210亿元，吉林约60亿元，黑龙江约45亿元。2023年三省合计约280亿元，2022年约250亿元。

二、几点建议

三省应加强在大硅片、电子特气等领域的分工协作。
"""
    index = _ingest(tmp_path, "ne_brief.txt", brief)
    [document] = _documents(index)
    assert document["title"] == "东北三省半导体材料产业的比较与建议"
    assert document["years"] == [2025]
    assert _years(index, "分工协作")["三省应加强在"] == [2025]


def test_a_headline_on_a_place_issuing_a_text_with_an_angle_on_its_city_is_the_issuers_story(tmp_path):
    """A city account's post headlined by a province issuing a plan and, after a space, an angle on one of its cities
    (`福建出台…行动方案　厦门迎来这些机遇`) is the province's story: its paragraphs on the plan are the province's, the
    paragraph labelled by the city (`厦门：…`) the city's."""
    post = """福建出台电子信息产业三年行动方案　厦门迎来这些机遇

鹭岛产业观察　2025年4月9日

近日，福建省工业和信息化厅印发《福建省电子信息产业提升行动方案（2025—2027年）》，提出到2027年全省电子信息制造业营收突破1.2万亿元。

方案明确，全省将重点打造集成电路、新型显示和光电三条产业链。

厦门：重点发展化合物半导体和集成电路设计，建设国家级集成电路设计产业基地。

福州：以新型显示为重点，推动面板和模组企业扩产。
"""
    index = _ingest(tmp_path, "fujian_plan_post.txt", post)
    [document] = _documents(index)
    assert document["region_path"] == ["福建省"]
    placed = _regions(index, "产业")
    assert placed["方案明确，全"] == "福建省"
    assert placed["厦门：重点发"] == "福建省/厦门市"


def test_an_idiom_holding_a_citys_name_names_no_place(tmp_path):
    """`真金白银` (money in hand) is an idiom, not 白银市: a district's post saying it gives `真金白银` support stays the
    district's."""
    post = """划重点｜芯片新政来了，这些企业能拿“真金白银”！

萧山发布　2025-05-08

好消息！区里拿出真金白银支持芯片企业发展，小编为大家划重点。

萧山区对新落户的芯片设计企业，按实际研发投入的30%给予补助。
"""
    index = _ingest(tmp_path, "xiaoshan_post.txt", post)
    [document] = _documents(index)
    assert document["region_path"] == ["浙江省", "杭州市", "萧山区"]
    assert _regions(index, "真金白银")["好消息！区里"] == "浙江省/杭州市/萧山区"


def test_an_events_organiser_lines_are_kept_as_text_and_a_sites_footer_is_not(tmp_path):
    """An invitation's own lines naming its organisers (`主办单位：…`, `承办单位：…`, each on a line of its own) are text a
    user searches; a site's footer giving its owner beside other footer fields (`主办单位：…　网站标识码：…`) is not."""
    page = """邀请函｜2025赣州电子信息产业推介会（厦门）

赣州投资促进　2025-07-02

诚邀您出席2025赣州电子信息产业推介会。

主办单位：赣州市人民政府
承办单位：赣州市投资促进局、赣州经济技术开发区管委会

活动时间：2025年7月18日14:30。

主办单位：赣州市人民政府办公室　网站标识码：3607000000
"""
    index = _ingest(tmp_path, "ganzhou_invite.txt", page)
    found = jsonl("search", "承办单位", "--all", "--index", index)
    assert [row["text"][:5] for row in found] == ["承办单位："]
    footer = cli("search", "网站标识码", "--all", "--index", index, "-f", "jsonl")
    assert (footer.returncode, footer.stdout) == (1, "")  # no hit


def test_a_provinces_round_up_titled_by_its_places_together_is_no_parks_story(tmp_path):
    """A province's round-up headlined by its places together (`湖南各地…`) whose first city's paragraph says where a park
    lies (`位于雨花区的…产业园`) is the province's round-up, not that district's story."""
    roundup = """湖南各地竞相布局功率半导体 上半年项目投资增长两成

来源：湖南日报　2025-07-20

上半年，湖南功率半导体产业项目投资同比增长21%。

长沙：位于雨花区的功率器件产业园新增入驻企业6家，碳化硅模块产线进入设备调试。

株洲：依托轨道交通装备，株洲的IGBT产能进一步扩大。

业内人士认为，各地要避免同质化竞争。
"""
    index = _ingest(tmp_path, "hunan_power.txt", roundup)
    [document] = _documents(index)
    assert document["region_path"] == ["湖南省"]
    placed = _regions(index, "产业 OR 产能 OR 竞争")
    assert placed["上半年，湖南"] == "湖南省"
    assert placed["株洲：依托轨"] == "湖南省/株洲市"


def test_a_headline_comparing_two_counties_joined_by_yu_names_both(tmp_path):
    """A headline comparing two counties of two cities joined by 与 (`…：A与B电子信息产业对比`) names both: the second is no
    firm's name (`与B电子`), so the story is the province's they share, each county's section its own."""
    story = """两座县城的“芯”路：南康与安福电子信息产业对比观察

江西日报　2025-06-20

在赣南的南康区和赣西的安福县，电子信息产业这几年都长得很快，路径却各不相同。

南康：从家具配套到电子元器件，新引进企业12家。

安福：依托锂电和电子材料，新签约项目8个。

两地也都面临人才不足的难题。
"""
    index = _ingest(tmp_path, "two_counties.txt", story)
    [document] = _documents(index)
    assert document["region_path"] == ["江西省"]
    placed = _regions(index, "企业 OR 项目 OR 难题")
    assert placed["南康：从家具"] == "江西省/赣州市/南康区"
    assert placed["安福：依托锂"] == "江西省/吉安市/安福县"


def test_a_notices_support_unit_and_contact_lines_are_text_and_a_footers_links_are_not(tmp_path):
    """A notice's `技术支持单位：…` line and its `联系我们：如有疑问请致电…` line are text a user searches; a footer's
    `技术支持：…` and a row of links holding `联系我们` are page chrome."""
    page = """关于举办2025年芯片设计EDA工具培训班的通知

各有关企业：

为提升企业设计能力，定于2025年9月举办EDA工具培训班。

技术支持单位：华东集成电路设计服务中心

联系我们：如有疑问请致电园区服务窗口。

联系我们 | 网站地图 | 隐私声明

技术支持：某某网络科技有限公司
"""
    index = _ingest(tmp_path, "eda_training.txt", page)
    assert [row["text"][:6] for row in jsonl("search", "技术支持", "--all", "--index", index)] == ["技术支持单位"]
    assert [row["text"][:5] for row in jsonl("search", "联系我们", "--all", "--index", index)] == ["联系我们："]

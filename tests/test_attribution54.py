"""Session 54: attribution on documents nobody tuned for (blind sets h54 s, t, u, v and w, written by helpers in their
own words against a frozen f8a0803, and session 53's leftovers).  Each test is a class of case, in my own words, through
the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_zone_an_aside_sites_in_a_district_is_that_districts(tmp_path):
    """(h53b-q) A city plan's item whose aside sites a zone in one of the city's districts (位于港北区的某某工业园区要…) is
    that district's, even when the zone's name carries the city's own (a zone the README files under its district
    when it lies in one); an item naming two districts stays the city's."""
    text = """贵港市2025年电子信息产业推进方案

一、总体目标
全市电子信息产业营业收入增长15%以上。

二、重点任务
（一）建强园区平台。位于港北区的贵港工业园区要加快建设电路板配套园，全年新增签约项目8个。
（二）完善配套。位于覃塘区的覃塘产业园区和港南区的电子材料园要共建检测中心。
位于港南区的贵港工业园区南区片要提升标准厂房利用率。
"""
    index = _ingest(tmp_path, "guigang.txt", text)
    placed = _regions(index, "园区")
    assert placed["（一）建强园"] == "广西壮族自治区/贵港市/港北区"
    assert placed["（二）完善配"] == "广西壮族自治区/贵港市"
    assert placed["位于港南区的"] == "广西壮族自治区/贵港市/港南区"


def test_a_zone_story_whose_opening_sites_the_zone_in_one_district_is_that_districts(tmp_path):
    """(h53b-q) A story headlined by a zone the tool files as a place of its own (its city's name and its kind) whose
    opening says the zone lies in one district of the city (…工业园区位于港北区, 位于港北区的…工业园区) is that district's,
    and so are its paragraphs naming the zone again; a paragraph about another district stays that district's."""
    text = """贵港工业园区前三季度电子信息产业稳中有进

本报讯（记者 韦晓林）10月12日，记者从园区管委会获悉，贵港工业园区位于港北区，前三季度园区电子信息产业完成产值86亿元。

园区一家电路板企业新上两条自动化产线，订单排到明年一季度。

贵港工业园区是全市电子信息产业的主要承载地，今年还将引进配套项目5个。

覃塘区的产业园区同期新签约一个覆铜板项目。
"""
    index = _ingest(tmp_path, "guigang_park.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["广西壮族自治区", "贵港市", "港北区"]]
    placed = _regions(index, "园区")
    assert placed["本报讯（记者"] == placed["园区一家电路"] == placed["贵港工业园区"] == "广西壮族自治区/贵港市/港北区"
    assert placed["覃塘区的产业"] == "广西壮族自治区/贵港市/覃塘区"


def test_a_firms_site_named_by_its_place_is_that_places(tmp_path):
    """(h53-k, h53b-o) In a firm's text filed under its seat, a paragraph or question whose subject is the firm's site
    named by its place (株洲基地…, 公司株洲基地…？, 请问公司岳阳项目…, 岳阳的封测厂…) is that place's; a paragraph naming the
    seat's city too stays the seat's, and so does one about the firm itself."""
    text = """长沙某某微电子股份有限公司投资者关系活动记录表

编号：2025-004

时间：2025年5月20日
地点：公司长沙总部会议室

投资者关系活动主要内容：

1.公司株洲基地二期的建设进度如何？
答：株洲基地二期主体厂房已于今年3月封顶，预计年底前完成设备搬入。

2.请问公司岳阳项目的环评什么时候完成？
答：岳阳的封测厂环评已经公示完毕，预计下月取得批复。

3.株洲基地与长沙总部如何分工？
答：长沙总部负责芯片设计和验证，株洲基地负责晶圆级封装。

4.公司一季度的经营情况？
答：公司一季度实现营业收入3.2亿元，同比增长11%。
"""
    index = _ingest(tmp_path, "ir.txt", text)
    placed = _regions(index, "基地 OR 项目 OR 封测厂 OR 营业收入")
    assert placed["1.公司株洲"] == placed["答：株洲基地"] == "湖南省/株洲市"
    assert placed["2.请问公司"] == placed["答：岳阳的封"] == "湖南省/岳阳市"
    assert placed["3.株洲基地"] == placed["答：长沙总部"] == placed["答：公司一季"] == "湖南省/长沙市"


def test_a_firms_new_site_built_elsewhere_is_that_places(tmp_path):
    """(h51c-b) In a firm's story filed under its home county, a paragraph on the firm building a site in another city
    (2019年，公司在宿迁市宿城区投资建设第三生产基地，…) is that district's; one on the home plant stays home."""
    text = """昆山一家电路板企业的三十年

本报记者 陈立

1994年，这家台资电路板企业在昆山开发区落户。

2019年，公司在宿迁市宿城区投资建设第三生产基地，主要生产汽车电子用电路板。

如今昆山工厂主要承担高端样板和小批量订单，员工约2000人。
"""
    index = _ingest(tmp_path, "kunshan.txt", text)
    placed = _regions(index, "基地 OR 工厂")
    assert placed["2019年，"] == "江苏省/宿迁市/宿城区"
    assert placed["如今昆山工厂"] == "江苏省/苏州市/昆山市"


def test_a_story_headlined_by_a_town_is_its_countys(tmp_path):
    """(h54-w) A county paper's story headlined by a town (…镇：…) or a town's page whose first lines name the town (来源：
    …镇融媒体中心) is the town's county's, told from the towns of the same name elsewhere by the county or city the text
    names; a town's name read across other words (a reporter's name and a paper's) names nothing."""
    town = """双凤镇：三个月引进电子配件项目6个

记者 陆晓燕 通讯员 顾佳

今年一季度，双凤镇新签约电子配件项目6个，其中昆山一家精密连接器企业投资3亿元建设新厂。

双凤镇的连接器产业起步较早，太仓市去年将其列入重点培育的特色产业集群。
"""
    index = _ingest(tmp_path / "town", "town.txt", town)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江苏省", "苏州市", "太仓市"]]
    page = """村里来了电子厂

来源：新浜镇融媒体中心　发布时间：2025-06-03

6月2日，位于新浜镇胡家埭村的一家电子线束工厂投产，这家企业原来的工厂在嘉兴。

村里有30多名村民进厂工作。松江区有关部门表示，将继续支持村级工业用地更新。
"""
    index = _ingest(tmp_path / "page", "page.txt", page)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["上海市", "松江区"]]
    across = """“电子之城”怎样炼成
——访某市工业和信息化局局长张卫东新乡日报记者

编者按：本报推出系列访谈。
"""
    index = _ingest(tmp_path / "across", "across.txt", across)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] != [["湖北省", "孝感市", "大悟县"]]


def test_a_firm_notice_listing_its_new_subsidiarys_numbered_seat_is_the_sites(tmp_path):
    """(h54-u) A listed firm's notice of a subsidiary set up elsewhere whose facts are numbered (3.注册地址：…) is the new
    site's, as one with an unnumbered seat line is; its paragraph on the firm at home stays home."""
    text = """证券代码：688XXX　　证券简称：某某微电　　公告编号：2025-031

杭州某某微电子股份有限公司
关于对外投资设立全资子公司的公告

一、对外投资概述
为完善产能布局，公司拟以自有资金设立全资子公司，建设功率模块封装产线。

二、拟设立子公司的基本情况
1.公司名称：某某微电子（赣州）有限公司
2.注册资本：1亿元
3.注册地址：江西省赣州市南康区工业园
4.经营范围：半导体分立器件制造

三、对公司的影响
公司总部位于杭州市滨江区，本次投资有利于贴近华南客户。

特此公告。
"""
    index = _ingest(tmp_path, "notice.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江西省", "赣州市", "南康区"]]
    placed = _regions(index, "公司")
    assert placed["为完善产能布"] == "江西省/赣州市/南康区"
    assert placed["公司总部位于"] == "浙江省/杭州市/滨江区"


def test_a_countys_work_report_naming_its_investors_homes_is_the_countys(tmp_path):
    """(h54-u) A county department's report to its superiors (…招商引资工作情况汇报) naming the coastal cities its investors
    come from is a 工作总结 of the county, not a round-up of those cities."""
    text = """江华瑶族自治县2025年前三季度招商引资工作情况汇报

江华瑶族自治县商务局
（2025年10月9日）

今年以来，我县把电子信息产业作为招商引资的主攻方向，前三季度招商引资工作取得新成效。

一、主要成效

（一）签约项目增加。1至9月，全县新签约项目31个，合同引资额92亿元。

（二）产业转移承接有力。深圳一家电子元件企业在县高新区新建电容器生产基地；东莞两家连接器企业组团落户；昆山一家线路板企业追加投资3亿元。

二、存在问题
标准厂房供给不足，现有可租赁厂房仅4万平方米。

三、下一步工作
力争全年新签约项目40个以上。
"""
    index = _ingest(tmp_path, "jianghua.txt", text)
    assert [(row["doc_type"], row["region_path"]) for row in jsonl("docs", "--index", index)] == [("工作总结", ["湖南省", "永州市", "江华瑶族自治县"])]
    placed = _regions(index, "项目 OR 企业 OR 厂房")
    assert placed["（一）签约项"] == placed["（二）产业转"] == placed["标准厂房供给"] == placed["力争全年新签"] == "湖南省/永州市/江华瑶族自治县"


def test_a_papers_story_of_its_provinces_counties_is_the_provinces(tmp_path):
    """(h54-w) A provincial paper's story of county economies (…我省县域经济…, 浙北县域…) whose title names no place and
    whose paragraphs go county by county is the province's, each county's paragraph that county's; a city paper's is the
    city's."""
    province = """县域电子产业多点开花 我省县域经济新引擎加速成形

来源：安徽日报　记者 汪晨

在宿松县经济开发区，一条线路板产线正在试产；在桐城市，一家电子材料企业的新车间刚刚封顶……记者近日走访多个县（市）看到，电子信息产业正成为我省县域经济的新引擎。

今年前三季度，全省县域电子信息产业营业收入达到980亿元，同比增长15%。

宿松县依托承接产业转移，集聚电子企业60余家，去年产值达到86亿元。

桐城市则把电子材料作为主攻方向，力争明年产值突破50亿元。

省经信厅有关负责人表示，将支持县域建设一批电子信息特色园区。
"""
    index = _ingest(tmp_path / "province", "province.txt", province)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["安徽省"]]
    placed = _regions(index, "电子")
    assert placed["今年前三季度"] == placed["省经信厅有关"] == "安徽省"
    assert placed["宿松县依托承"] == "安徽省/安庆市/宿松县"
    assert placed["桐城市则把电"] == "安徽省/安庆市/桐城市"
    city = province.replace("我省县域经济新引擎", "我市县域经济新引擎").replace("安徽日报", "安庆日报").replace("全省", "全市")
    index = _ingest(tmp_path / "city", "city.txt", city.replace("省经信厅", "市经信局"))
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["安徽省", "安庆市"]]


def test_a_provinces_signing_held_in_its_capital_is_the_provinces(tmp_path):
    """(h54-u) A province's signing event held in its capital (…省…项目签约会在昆明举行) is the province's story, the capital
    only its venue; each city's paragraph is that city's, and one naming a partner it will supply (…将与某某区的…项目形成配套)
    stays the place it opens with."""
    text = """云南省电子信息产业招商推介暨项目签约会在昆明举行 集中签约项目28个

发布时间：2025-06-12　来源：云南省工业和信息化厅

6月11日，云南省电子信息产业招商推介暨项目签约会在昆明举行，来自广东、江苏、上海等地的160余家企业参会。

推介会上，省工业和信息化厅介绍了全省电子信息产业发展情况。去年全省电子信息制造业营业收入增长21%。

曲靖市麒麟区签约的锂电池结构件项目由一家深圳企业投资，将与沾益区的电芯项目形成配套。

玉溪市红塔区签约了一个光学镜头模组项目。
"""
    index = _ingest(tmp_path, "yunnan.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["云南省"]]
    placed = _regions(index, "项目 OR 企业 OR 电子")
    assert placed["6月11日，"] == placed["推介会上，省"] == "云南省"
    assert placed["曲靖市麒麟区"] == "云南省/曲靖市/麒麟区"
    assert placed["玉溪市红塔区"] == "云南省/玉溪市/红塔区"


def test_a_county_story_headlined_by_its_short_name_is_no_round_up_of_its_investors(tmp_path):
    """(h54-t) A provincial paper's story headlined by a county's short name (宜都：…) whose paragraphs open on firms from
    other provinces the county drew (江苏常州一家…企业是最早落户的…) and on the county's city is the county's story, not
    a round-up of those places."""
    text = """宜都：山区小城“链”上电子材料

湖北日报记者　冯可

初冬时节，走进宜都市高新区，电子材料产业园的标准厂房已经全部封顶。

江苏常州一家电子化学品企业是最早落户的项目之一，企业负责人说，这里的用电成本比东部低三成。

浙江宁波一家铜箔企业也在今年落户园区，计划明年投产。

宜昌市投资促进局有关负责人表示，全市正推动电子材料产业链上下游协同。

宜都市相关负责人表示，到2026年，全市电子材料产业产值力争突破百亿元。
"""
    index = _ingest(tmp_path, "yidu.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖北省", "宜昌市", "宜都市"]]
    placed = _regions(index, "企业 OR 厂房")
    assert placed["初冬时节，走"] == placed["江苏常州一家"] == placed["浙江宁波一家"] == "湖北省/宜昌市/宜都市"


def test_a_forwarding_notices_own_lines_speak_for_its_year(tmp_path):
    """(h54-w) A county's notice forwarding its city's measures of several years speaks in its own lines (the
    addressees, its instructions, its deadlines, its signature) for the year it is issued; the forwarded measures,
    printed after its signature, keep their term."""
    text = """平和县人民政府办公室关于转发《漳州市加快电子信息产业发展若干措施》的通知

和政办〔2025〕9号

各乡镇人民政府，县直有关单位：

现将《漳州市加快电子信息产业发展若干措施》转发给你们，请结合实际认真贯彻执行。

一、县工信局要于5月底前梳理全县电子企业名单，组织企业申报市级扶持资金。

二、县财政对获得市级扶持的企业按30%给予配套。

平和县人民政府办公室
2025年3月18日

漳州市加快电子信息产业发展若干措施

一、对新建电子信息项目，按设备投资额的10%给予补助。

二、本措施自印发之日起施行，有效期至2027年12月31日。
"""
    index = _ingest(tmp_path, "pinghe.txt", text)
    dated = _years(index, "电子 OR 企业 OR 平和县")
    assert dated["一、县工信局"] == dated["二、县财政对"] == dated["现将《漳州市"] == [2025]
    assert dated["一、对新建电"] == [2025, 2026, 2027]


def test_a_storys_subheading_naming_no_place_ends_the_section_one_naming_a_place_opened(tmp_path):
    """(h54-u) In a firm's profile, a subheading naming the town it started in (从慈溪的小作坊起步) opens that place's
    section; the next subheading naming no place (研发投入换来订单) ends it: its paragraphs are the story's place's."""
    text = """一颗磁芯的二十年

宁波日报记者　周敏

走进宁波某磁电科技有限公司的生产车间，一条条自动化产线正在满负荷运转。

从慈溪的小作坊起步

2005年，创始人在慈溪市租下一间小厂房，开始生产电感磁芯。

2012年，公司搬迁至宁波市区，新建厂房1.5万平方米。

研发投入换来订单

这些年，公司每年将营业收入的6%投入研发，产品打入多家整机企业的供应链。

去年，公司营业收入突破5亿元。
"""
    index = _ingest(tmp_path, "profile.txt", text)
    placed = _regions(index, "公司 OR 厂房")
    assert placed["2005年，"] == "浙江省/宁波市/慈溪市"
    assert placed["这些年，公司"] == placed["去年，公司营"] == "浙江省/宁波市"


def test_a_city_reports_clauses_ending_on_a_zone_named_by_its_kind_are_cut(tmp_path):
    """(h54-s) A city report's paragraph going district by district in clauses whose last opens on one of its zones by
    its kind alone (…；起步区…, …；先行区…) is cut at each district, as one ending on a district is."""
    text = """潍坊市2025年政府工作报告（摘要）

一、2024年工作回顾

（二）区县特色竞相发展。奎文区新增芯片设计企业15家；寿光市电子材料产业园一期投产；昌邑市引进半导体装备项目4个；先行区先进封装项目完成主体建设。
"""
    index = _ingest(tmp_path, "weifang.txt", text)
    placed = _regions(index, "芯片 OR 产业园 OR 项目")
    assert placed["（二）区县特"] == "山东省/潍坊市/奎文区"
    assert placed["寿光市电子材"] == "山东省/潍坊市/寿光市"


def test_a_headline_naming_a_county_by_its_short_name_is_confirmed_by_its_zone_in_the_opening(tmp_path):
    """(h54b-a) A headline naming a county-level city by its short name alone (醴陵这家企业…做到全国第一, under a subtitle 探访国家级…企业) is that city's
    when the opening names its zone by it (在醴陵经开区的…), as when it names the city in full; the headline's 全国 is
    the scope of a ranking, no national story."""
    text = """醴陵这家企业，把一片陶瓷基板做到全国第一
——探访国家级专精特新“小巨人”企业湖南某电子陶瓷

株洲日报记者　易敏

在醴陵经开区的某电子陶瓷公司车间里，一片片陶瓷基板经过流延、烧结后下线。

去年，公司实现营业收入6.2亿元，产品供应多家功率模块企业。
"""
    index = _ingest(tmp_path, "liling.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖南省", "株洲市", "醴陵市"]]
    assert _regions(index, "公司")["去年，公司实"] == "湖南省/株洲市/醴陵市"


def test_a_headline_naming_the_investors_home_after_signing_is_the_hosts(tmp_path):
    """(h54b-a) A headline whose district signs or brings in a project named by its investor's home (…区签约东莞…项目,
    …区引进深圳…项目) is the district's story, the investor's home a partner."""
    text = """江津区签约东莞智能终端项目

来源：江津日报　2025-04-11

4月10日，江津区与东莞一家智能终端企业签约，项目总投资12亿元，建设手机主板和模组生产线。

这是今年以来江津区引进的最大电子信息项目。
"""
    index = _ingest(tmp_path, "jiangjin.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["重庆市", "江津区"]]


def test_the_next_plans_project_pool_and_its_new_start_are_this_years(tmp_path):
    """(h54b-b) In a report, projects to get into the next plan being drafted (力争进入…“十五五”规划盘子项目…) add none of
    its years, and a 2026 report's closing call to make a good new start of it (开好“十五五”新局) is 2026's."""
    report = """高邮市2025年政府工作报告（摘要）

（六）谋划长远发展。高质量编制“十五五”规划，力争进入省“十五五”规划盘子项目20个以上。
"""
    index = _ingest(tmp_path / "a", "gaoyou.txt", report)
    assert _years(index, "规划")["（六）谋划长"] == [2025]
    closing = """桐乡市2026年政府工作报告（摘要）

各位代表，让我们凝心聚力、奋勇争先，为开好“十五五”新局而不懈奋斗！
"""
    index = _ingest(tmp_path / "b", "tongxiang.txt", closing)
    assert _years(index, "奋斗")["各位代表，让"] == [2026]


def test_a_summary_and_plans_difficulties_heading_speaks_for_the_year_reviewed(tmp_path):
    """(h54b-b, d) In a text titled as a year's summary and the next year's plan, a heading of difficulties (存在的困难) is
    the state at the year's end, as 存在的问题 is: the year reviewed, not the next."""
    text = """某某镇2025年工作总结和2026年工作计划

一、2025年工作成效
全年新引进电子配套企业6家。

二、存在的困难
电子配套企业以来料加工为主，本地配套率不高。

三、2026年工作计划
力争新引进电子配套企业8家。
"""
    index = _ingest(tmp_path, "town.txt", text)
    assert _years(index, "电子配套企业")["电子配套企业"] == [2025]


def test_a_paragraph_opening_on_the_sections_city_and_its_county_is_the_countys(tmp_path):
    """(h54b-b) Under a county's subheading in a province's story (汨罗：…), a paragraph opening on its city joined to the
    county (岳阳下辖的汨罗市，…) stays the county's."""
    text = """湖南县域电子材料产业加快成长

湖南日报记者　刘芳

汨罗：从再生金属到电子材料

岳阳下辖的汨罗市，过去以再生金属闻名。近两年，汨罗市向电子级铜材延伸，去年电子材料产业营收增长30%。

今年3月，一个高端铜箔项目在汨罗高新区开工。
"""
    index = _ingest(tmp_path, "hunan.txt", text)
    assert _regions(index, "电子")["岳阳下辖的汨"] == "湖南省/岳阳市/汨罗市"


def test_a_town_outside_the_titles_place_names_no_county(tmp_path):
    """(h54 review) A title naming a city and a town no division of that city holds (苏州…新桥镇…, 新桥镇 lying in 江阴 and
    elsewhere) stays the city's, though the opening names the county of a namesake (it became 江阴市's, then 江苏省 as the
    two places' whole)."""
    text = """苏州企业赴新桥镇考察电子配套合作

来源：苏州日报

近日，苏州一家电子企业赴江阴市考察，双方就电子配套合作进行交流。
"""
    index = _ingest(tmp_path, "visit.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江苏省", "苏州市"]]

"""Places and years, session 44 (the h-blind44 sets), on documents in our own words, through the CLI.

- (b) A county's or district's short name that is a word or that several share (鼓楼, 普陀, 南山) counts right after its
  city's name (南京鼓楼：…, 舟山普陀的…): that city's one. A round-up's sections headed so are the districts', and so is
  what follows in each (该区还…, 区里…), not the cities'.
- (b) A passage naming a district by its city's name (福州市鼓楼区…) does not speak of every section of that name's
  namesakes (南京's 鼓楼区 before it): it stays in its section.
- (b) A story whose headline names a district bare (普陀区…), read as 上海's, is 舟山's when its text writes the name after
  舟山 (舟山市普陀区经信局…) and never after 上海; a customer city named in passing (销往上海) settles nothing.
- (d) A province's round-up titled by its cities (`安徽多市…：合肥领跑 芜湖滁州蚌埠…`, 合肥 sharing its name with no
  other, 西安 with two districts) is the province's, with a section a city (`芜湖：…`); the title's first city was
  taken for the whole when its name is one several divisions share.
- (c) A speech to the whole of a county-level city (`在全市…大会上的讲话`) signed by its mayor (`江阴市人民政府市长　某某`)
  is the county-level city's: its 全市 is its own whole, not a sign that the text is its prefecture's.
- (e) In a text of several years (a 2025—2027 policy), a paragraph opening on a year before them and naming no other
  (`2024年，全区…产值…。但…依然存在。`, or after an article's number, `第三条　2024年，…`) is their background, that
  year's alone; one that also sets a duty (`…。各区要…`) keeps the text's years too.
- (c) `下一年度` (`…2024年度工作总结及下一年度工作打算`, `二、下一年度工作打算`) is the year after, where it frames its
  clause (not `作为下一年度安排预算的依据`, any year's next).
- (a, c, e) A national body's lead: `国家有关部委支持…`, and after an article's number (`第五条　用好国家税收政策。根据财政
  部…`) or an item's (`六、国家层面，…`), is 全国's. In a text of several provinces, a list of cities of one province
  after the sections (`（五）嘉兴市、湖州市：…` after `（四）杭州市：…`) is that province's, not 多地.
- (d) A park named after a place elsewhere, lying where an aside says (`位于普兰店区的光谷光电子产业园…`: 光谷 is 武汉's
  zone) is that division's, in a zone's text across it (大连金普新区), as `位于金州区的…` is.
- (h-blind44e g) A headline naming two districts of its city, the first written with it (`宁波江北研发镇海制造 两区…`), is
  the city's story, and its title line opens no section (it was the first district's, and so was what followed).
- (h-blind44e h) A bulletin's list of contents (`【本期要目】` over one headline a line) opens no section: its last line
  (`河西区出台…`) took the first item, a city meeting; and a term one item states (`…措施有效期至2027年12月31日`) is that
  item's, not the bulletin's (a 简报 speaks for the year it is dated: `[reports]` of years.toml).
- (h-blind44e f) A zone's name in quotation marks as another place's brand (`九江“光谷”电子产业园`, `“庐山光谷”`) is no
  mention of the zone (光谷 is 武汉's): the story was 多地.
- (h-blind44e f) … and after the city's other names too (`甬城江北：…`, 甬城 being 宁波): 宁波's 江北区, not 重庆's.
- (h-review44) Over-reach taken back: a partner of the same name written with its city (`我区与南京市鼓楼区签订…` in a
  text whose 鼓楼区 its opening settled as 福州's) moves nothing; `西宁市城中村`, `郑州中原科技城` and `石家庄新华书店` name no
  district; `国家有关部委支持的重大项目，市财政…配套` is the city's; `下一年度不得申报` (any year's next) adds no year.
- (a, c, e) In a summary of one year and plan of the next, a target past both (`到2027年，…`) under the plan's heading runs
  on from the plan's year (2025–2027), as it does in a one-year text; it was that year's alone.
- (c) A title's period of months (`…年度报告（2023年7月至2024年6月）`) speaks for both years (only the first, before).
- (e) A 批复 of a plan titled by the plan's period (`关于…规划（2025—2030年）的批复`) is the act of the year it is signed:
  its own passages speak for that year, those naming the plan (`一、原则同意《…规划（2025—2030年）》`) too, and the
  plan's target it restates runs on from it (2025–2030).
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl, passage_finder

NAMESAKES = """三个同名城区的芯片新布局
2025-05-20 10:00　来源：城市经济观察

叫“鼓楼区”的市辖区不止一个。记者梳理南京、福州、徐州三地今年的区政府工作报告，发现集成电路都被写进了重点任务。

南京鼓楼：设计服务
南京市鼓楼区提出，今年引育芯片设计企业25家。
该区还将改造老旧厂房4处，用于集成电路设计企业办公。

福州市鼓楼区：软件和芯片联动
福州市鼓楼区依托福州软件园，推进芯片设计与工业软件协同发展。
区里对首次流片的企业给予最高200万元补助。

徐州鼓楼：功率器件
徐州市鼓楼区今年计划新开工功率器件项目6个。
该区去年半导体产业开票销售45亿元。

舟山普陀：电子材料
舟山普陀的海洋电子材料企业今年新增3家。
"""

ISLAND = """海边小城的芯片材料新军
——普陀区发展电子化学品产业见闻
来源：舟山日报　2024-06-12　记者　某某某

在普陀区虾峙镇，一家电子级氢氟酸企业正在调试新产线，产品主要销往上海、苏州的晶圆厂。

舟山市普陀区经信局负责人说，今年1至5月，全区电子化学品产值达到4.2亿元，同比增长28%。

该企业计划明年再上一条电子级硫酸产线。
"""


SUMMARY = """钦州市工业和信息化局2024年工作总结和2025年工作计划

钦州市工业和信息化局
2025年1月8日

一、2024年工作总结

2024年，全市电子信息产业实现产值182亿元，同比增长12%。

二、2025年工作计划

（一）壮大电子信息产业。今年力争电子信息产业产值突破200亿元。

（二）建设产业基地。到2027年，建成面向东盟的电子元器件产业基地。

（三）优化营商环境。全面推行惠企政策免申即享。
"""

MONTHS = """贵阳市集成电路产业发展年度报告（2023年7月至2024年6月）

贵阳市工业和信息化局
2024年8月15日

一、总体情况

报告期内，全市电子信息制造业实现营收486亿元。
"""

APPROVAL = """江西省人民政府关于九江市电子材料产业发展规划（2025—2030年）的批复

赣府字〔2025〕33号

九江市人民政府：

你市《关于报请审批〈九江市电子材料产业发展规划（2025—2030年）〉的请示》收悉。现批复如下：

一、原则同意《九江市电子材料产业发展规划（2025—2030年）》。

二、到2030年，力争全市电子材料产业规模达到800亿元。

三、你市要切实加强组织领导，认真抓好落实。

江西省人民政府
2025年7月9日
"""


CITIES = """陕西多市报告瞄准芯片：西安领跑 宝鸡咸阳渭南加速追赶

来源：三秦经济观察　2025-02-10 09:20

　　陕西各市2025年政府工作报告近日陆续发布，半导体成为多份报告的关键词。

　　西安：西安提出，今年集成电路产业规模力争突破1800亿元。

　　宝鸡：宝鸡将建设功率器件封装测试基地，今年新引进配套企业10家。

　　咸阳：咸阳提出加快电子玻璃和显示器件项目建设。

　　渭南：渭南将推动光伏硅材料产业延链补链。
"""


MAYOR = """在全市半导体产业推进会上的讲话

江阴市人民政府市长　某某某

（2025年3月6日）

同志们：

去年，全市集成电路产业实现产值920亿元，封装测试规模继续保持全国县级城市前列。

今年，全市要加快先进封装基地建设，力争产业产值突破千亿元。
"""


POLICY = """鄞州区关于支持集成电路产业高质量发展的若干政策

甬鄞政发〔2025〕12号

2024年，全区集成电路产业实现产值128亿元，同比增长13.5%。但与先进地区相比，龙头企业偏少的问题依然存在。

第三条　2024年，我区集成电路设计企业达到41家，为本政策的实施打下了基础。

第四条　2024年，全区新增规上半导体企业9家。各街道要建立企业培育库，做好跟踪服务。

第五条　对新落户的芯片设计企业，给予最高300万元落户奖励。

本政策自2025年4月1日起施行，有效期至2027年12月31日。
"""


NEXT_YEAR = """游仙区经济和信息化局2024年度工作总结及下一年度工作打算

一、2024年度工作总结

（一）电子信息产业稳步增长。全区电子元器件企业实现产值38亿元。评价结果作为下一年度安排专项资金的依据。

二、下一年度工作打算

（一）推进项目建设。推动电子元器件产业园二期开工。

游仙区经济和信息化局
2024年12月26日
"""


JOINT = """长三角集成电路产业协作三年行动方案（2025—2027年）

三、城市分工

（一）无锡市：重点发展晶圆制造和封装测试。

（二）合肥市：重点发展存储芯片和显示驱动芯片。

（三）绍兴市、台州市：重点发展功率器件和电子材料。

四、保障措施

国家有关部委支持长三角建设集成电路协同创新平台。

第五条　用好国家税收政策。根据财政部、税务总局有关公告，符合条件的集成电路企业享受所得税优惠。

六、国家层面，集成电路企业可按规定享受进口税收优惠。
"""


ZONE = """大连金普新区2025年上半年工作总结

2025年上半年，新区规模以上工业增加值同比增长7.2%。

位于普兰店区的光谷光电子产业园新签约项目8个，总投资46亿元。
"""


TWO_DISTRICTS = """宁波江北研发镇海制造 两区芯片配套协同提速

本报讯　5月20日，宁波市半导体产业链协同对接会在镇海区举行。

江北：研发机构集聚。江北区今年新增芯片设计企业12家。

镇海：制造能力补强。镇海区电子化学品项目二期开工建设。
"""


BULLETIN = """商务和工业工作简报

（第9期）

天津市商务局办公室　　2025年7月8日

【本期要目】
市商务局召开外贸企业座谈会
河西区出台支持跨境电商发展措施

市商务局召开外贸企业座谈会

7月2日，市商务局召开外贸企业座谈会，全市电子元器件出口同比增长9.6%。

【河西区】出台支持跨境电商发展措施

河西区近日出台支持跨境电商发展的若干措施，措施有效期至2027年12月31日。
"""


BRAND = """九江“光谷”电子产业园首批企业投产

2025-04-08　来源：浔阳晚报

4月7日，九江经济技术开发区“庐山光谷”电子产业园首批三家光器件企业正式投产。

“庐山光谷”是九江经开区2024年规划建设的光电子园区，目前已签约项目11个。
"""


ALIAS = """甬城江北：慈城芯片配套小镇加快成形

2024-10-15　来源：甬江观察

慈城镇新落户的两家半导体材料企业已完成厂房装修，预计年底前投产。
"""


PARTNER_SAME_NAME = """鼓楼区2024年数字经济发展情况

鼓楼区地处福州市中心城区，数字经济基础较好。

我区与南京市鼓楼区签订友好合作协议，共同推进软件和芯片设计产业发展。
"""

WORDS = """西宁市城中村改造和产业园区建设推进会召开

2025-05-12　来源：西宁晚报

会议要求，加快城中村改造，同步建设电子材料产业园。
"""

LOCAL_SUPPORT = """宿迁市支持半导体产业发展的若干措施

一、国家有关部委支持的重大项目，市财政按1:1比例给予配套。

二、对违规企业，取消其申报资格，下一年度不得申报。

宿迁市人民政府
2025年3月1日
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution44")
    names = ["NAMESAKES", "ISLAND", "SUMMARY", "MONTHS", "APPROVAL", "CITIES", "MAYOR", "POLICY", "NEXT_YEAR", "JOINT", "ZONE",
             "TWO_DISTRICTS", "BULLETIN", "BRAND", "ALIAS", "PARTNER_SAME_NAME", "WORDS", "LOCAL_SUPPORT"]
    return ingest_docs(folder, {f"{name}.txt": globals()[name] for name in names})


@pytest.fixture(scope="module")
def row(index):
    return passage_finder(index, "的 OR 是 OR 年 OR 区 OR 市 OR 来源 OR 鼓楼 OR 实施 OR 产业 OR 集成电路")


@pytest.fixture(scope="module")
def documents(index):
    return {d["source"].rsplit("/", 1)[-1].split(".")[0]: d for d in jsonl("docs", "--index", index)}


def _place(found: dict) -> str:
    return "/".join(found["region_path"])


@pytest.mark.parametrize("start, place", [
    ("南京鼓楼：", "江苏省/南京市/鼓楼区"),
    ("该区还将改造老旧厂房", "江苏省/南京市/鼓楼区"),
    ("福州市鼓楼区依托", "福建省/福州市/鼓楼区"),
    ("区里对首次流片", "福建省/福州市/鼓楼区"),
    ("徐州鼓楼：", "江苏省/徐州市/鼓楼区"),
    ("该区去年半导体", "江苏省/徐州市/鼓楼区"),
    ("舟山普陀的海洋", "浙江省/舟山市/普陀区"),
])
def test_a_districts_short_name_after_its_city_heads_its_section(row, start, place):
    assert _place(row("NAMESAKES", start)) == place


@pytest.mark.parametrize("start", ["在普陀区虾峙镇", "舟山市普陀区经信局", "该企业计划明年"])
def test_a_bare_shared_name_is_the_one_the_text_writes_after_its_city(row, start):
    assert _place(row("ISLAND", start)) == "浙江省/舟山市/普陀区"


def test_a_target_under_a_plans_heading_runs_on_from_its_year(row):
    assert row("SUMMARY", "（二）建设产业基地")["years"] == [2025, 2026, 2027]
    assert row("SUMMARY", "（一）壮大电子信息产业")["years"] == [2025]
    assert row("SUMMARY", "2024年，全市电子信息产业")["years"] == [2024]


def test_a_titles_period_of_months_speaks_for_both_years(row, documents):
    assert documents["MONTHS"]["years"] == [2023, 2024]
    assert row("MONTHS", "报告期内")["years"] == [2023, 2024]


def test_an_approval_of_a_plan_is_the_act_of_the_year_it_is_signed(row, documents):
    assert documents["APPROVAL"]["years"] == [2025] and documents["APPROVAL"]["doc_type"] == "批复"
    assert row("APPROVAL", "三、你市要切实加强组织领导")["years"] == [2025]
    # the plan it approves, named in its paragraphs, lends them no period (h-blind44e g, h)
    assert row("APPROVAL", "你市《关于报请审批")["years"] == [2025] and row("APPROVAL", "一、原则同意")["years"] == [2025]
    assert row("APPROVAL", "二、到2030年")["years"] == list(range(2025, 2031))


def test_a_provinces_roundup_titled_by_its_cities_is_the_provinces(row, documents):
    assert documents["CITIES"]["region_path"] == ["陕西省"]
    assert _place(row("CITIES", "陕西各市2025年")) == "陕西省"
    assert _place(row("CITIES", "宝鸡：")) == "陕西省/宝鸡市" and _place(row("CITIES", "渭南：")) == "陕西省/渭南市"


def test_a_county_level_citys_speech_signed_by_its_mayor_is_its_own(row, documents):
    assert documents["MAYOR"]["region_path"] == ["江苏省", "无锡市", "江阴市"]
    assert _place(row("MAYOR", "去年，全市集成电路")) == "江苏省/无锡市/江阴市"
    assert _place(row("MAYOR", "今年，全市要加快")) == "江苏省/无锡市/江阴市"


def test_a_paragraph_opening_before_a_policys_years_is_its_background(row, documents):
    assert documents["POLICY"]["years"] == [2025, 2026, 2027]
    assert row("POLICY", "2024年，全区集成电路")["years"] == [2024]
    assert row("POLICY", "第三条")["years"] == [2024]
    assert row("POLICY", "第四条")["years"] == [2024, 2025, 2026, 2027]  # (a duty too: the policy's years as well)
    assert row("POLICY", "第五条")["years"] == [2025, 2026, 2027]


def test_next_year_in_words_heads_the_plan_of_a_summary(row, documents):
    assert documents["NEXT_YEAR"]["years"] == [2024, 2025]
    assert row("NEXT_YEAR", "（一）推进项目建设")["years"] == [2025]
    assert row("NEXT_YEAR", "（一）电子信息产业稳步增长")["years"] == [2024]


def test_national_leads_and_a_provinces_list_in_a_joint_text(row, documents):
    assert documents["JOINT"]["region_path"] == ["多地"]
    assert _place(row("JOINT", "（三）绍兴市、台州市")) == "浙江省"
    assert _place(row("JOINT", "国家有关部委支持")) == "全国"
    assert _place(row("JOINT", "第五条")) == "全国"
    assert _place(row("JOINT", "六、国家层面")) == "全国"


def test_a_park_named_after_a_place_elsewhere_lies_where_its_aside_says(row, documents):
    assert documents["ZONE"]["region_path"] == ["辽宁省", "大连市"] and documents["ZONE"]["zone"] == "金普新区"
    assert _place(row("ZONE", "位于普兰店区的")) == "辽宁省/大连市/普兰店区"


def test_a_headline_naming_two_districts_of_its_city_is_the_citys(row, documents):
    assert documents["TWO_DISTRICTS"]["region_path"] == ["浙江省", "宁波市"]
    assert _place(row("TWO_DISTRICTS", "宁波江北研发")) == "浙江省/宁波市"
    assert _place(row("TWO_DISTRICTS", "本报讯")) == "浙江省/宁波市"
    assert _place(row("TWO_DISTRICTS", "镇海：")) == "浙江省/宁波市/镇海区"


def test_a_bulletins_contents_open_no_section_and_an_items_term_is_its_own(row, documents):
    assert documents["BULLETIN"]["doc_type"] == "简报" and documents["BULLETIN"]["years"] == [2025]
    meeting = row("BULLETIN", "7月2日，市商务局召开")
    assert _place(meeting) == "天津市" and meeting["years"] == [2025]
    assert _place(row("BULLETIN", "河西区近日出台")) == "天津市/河西区"


def test_a_zones_name_quoted_as_another_places_brand_is_no_mention_of_it(row, documents):
    assert documents["BRAND"]["region_path"] == ["江西省", "九江市"]
    assert row("BRAND", "“庐山光谷”是")["region_path"][:2] == ["江西省", "九江市"]


def test_a_districts_short_name_after_its_citys_other_name(row, documents):
    assert documents["ALIAS"]["region_path"] == ["浙江省", "宁波市", "江北区"]
    assert _place(row("ALIAS", "慈城镇新落户")) == "浙江省/宁波市/江北区"


def test_the_reviews_overreaching_cases_stay_as_they_were(row, documents):
    assert documents["PARTNER_SAME_NAME"]["region_path"] == ["福建省", "福州市", "鼓楼区"]
    assert documents["WORDS"]["region_path"] == ["青海省", "西宁市"]
    assert _place(row("LOCAL_SUPPORT", "一、国家有关部委支持的")) == "江苏省/宿迁市"
    assert row("LOCAL_SUPPORT", "二、对违规企业")["years"] == [2025]

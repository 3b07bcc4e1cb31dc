"""Places, years and facts, session 43 (the h-blind43 sets), on documents in our own words, through the CLI.

- (b) A speech titled `在…上的致辞` (or `…发言`) is titled by that line and typed 讲话; a city in brackets after an
  event's name (`…招商推介会（厦门）上的致辞`) is the venue, not whom the speech is about; a speech takes no target year
  (`到2028年…`) for its whole: it speaks for the year it is given.
- (b) A paragraph of a one-place text opening on another place with `是` (`厦门是…`) was to be that place's; h-review43
  showed a partner described so in a city's text whose paragraph goes on about the city (`上海是…龙头，…前来落户`): taken back.
- (b) In a district's or county's text, a passage in the city's first person (`我市…`), or led by a city body
  (`二、….。市人力资源社会保障局将…`), is the city's: a city bureau's reply to a letter about the district.
- (b) In a province's visit story, a paragraph in the province's own voice (`…是我区重点…`) after the stops the
  paragraphs' leads opened (`在梧州市，…`) is the province's again.
- (b) A paragraph framed by a place (`在潼南区，…`) names its subject, though its other sentences name none.
- (b) A duty every half year or quarter (`每半年…`) in a plan of several years speaks for all of them, as `每年` does.
- (d) A round-up of the country (titled `我国…`, or by a national body's bureau) is 全国's, not 多地; its paragraph
  going province by province in ；-clauses after a short view (`分省份看，…；…`) is cut a province a clause.
- (d) A round-up titled by years (`2025年…回顾与2026年展望`, dated January 2026) speaks for them, not for its date's;
  a province's section under a heading that speaks for one of them (`二、分地区情况`: 2025) keeps the heading's year.
- (d) A source line (`来源：…　2026-02-10`) never runs on from a headline with a comma in it; a headline naming a
  period's first year (`“十五五”开局，…`) names no plan period.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl, passage_finder

SPEECH = """在中国（漳州）电子材料产业推介会（厦门）上的致辞

漳州市人民政府市长　某某某

（2026年4月9日）

各位嘉宾，朋友们：

今天，我们相聚在美丽的鹭岛，举办中国（漳州）电子材料产业推介会。

厦门是我省电子信息产业最发达的城市，聚集了大批显示面板和芯片设计企业，是漳州最重要的合作伙伴。

漳州拥有完整的石化和新材料产业基础，去年全市电子材料产业营收首次突破百亿元。

到2028年，全市电子材料产业规模力争达到三百亿元。

最后，祝推介会圆满成功！
"""

LETTER = """网民留言选登

标题：翔安区芯片产业园周边交通何时改善？

留言内容：我在翔安区一家封测企业上班，园区周边公交线路太少，希望尽快增加班次。

回复单位：厦门市交通运输局

您好！感谢您对我市交通工作的关心，现答复如下。

一、关于公交线路。翔安区将在今年三季度新开两条园区通勤线路。

二、关于停车问题。市交通运输局将在全市公交枢纽周边新增公共停车位。
"""

VISIT = """自治区主席到梧州贺州调研电子信息产业

6月3日至4日，自治区主席某某某到梧州市、贺州市调研电子信息产业发展。

在梧州市，某某某察看了一家电子元器件企业的自动化产线，了解企业订单情况。

在贺州市，某某某走进一家稀土功能材料企业，听取企业扩产计划。

调研中，某某某指出，电子信息产业是我区重点培育的千亿元产业，要抓好项目落地。

自治区有关部门负责同志参加调研。
"""

CITY_NEWS = """市领导赴潼南区调研功率半导体产业

5月12日，市委副书记、市长某某某到潼南区调研功率半导体产业发展情况。

在潼南区，某某某来到一家功率模块封装企业，察看生产线运行情况。该企业今年一季度实现产值6亿元。产品已配套多家整车企业。

某某某强调，全市要坚持链群联动，加快形成产业集群。
"""

JOINT_PLAN = """闽赣电子信息产业协作行动方案（2026—2028年）

为深化两省电子信息产业协作，制定本方案。

一、建立会商机制。两省工业和信息化厅每半年召开一次联席会议，2028年底前对协作成效进行总体评估。
"""

NATION = """2025年我国电子元器件产业发展回顾与2026年展望

中国电子元件行业联合会

2026年1月18日

一、2025年运行情况

2025年，我国电子元器件产业保持平稳增长，全年销售额同比增长百分之九。

二、分地区情况

分省份看，江苏省元器件销售额继续位居首位，同比增长百分之十一；广东省销售额同比增长百分之八，出口占比较高。

四川省元器件产业增速较快，成都、绵阳等地新投产项目较多。

湖北省光电子器件优势突出，武汉光谷企业集聚。

三、2026年展望

2026年，预计全年销售额增长百分之八左右。
"""

PARTNER = """漳州市电子信息产业招商工作情况的报告

漳州市工业和信息化局

2026年3月2日

厦门是全省电子信息产业最发达的城市，聚集了大批芯片设计企业和显示面板企业。

近年来，我市主动承接产业转移，去年新引进电子信息配套项目12个，总投资86亿元。
"""

BUREAU = """2025年电子元器件制造业运行情况

工业和信息化部电子信息司

2026年1月28日

2025年，全国规模以上电子元器件制造业增加值同比增长百分之十，效益持续改善。

分省份看，浙江省元器件产量同比增长百分之十二；安徽省产量同比增长百分之十五。
"""

HEADLINE = """“十五五”开局，五省报告里的电子信息布局

来源：产经观察周刊　2026-02-12

1月以来，各省陆续召开人代会，审议通过了2026年政府工作报告。

江苏省政府工作报告提出，2026年要实施集成电路强链工程。

浙江省政府工作报告提出，要加快建设智能终端产业集群。

安徽省政府工作报告提出，要壮大存储芯片和新型显示产业。
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution43")
    files = {"SPEECH": SPEECH, "LETTER": LETTER, "VISIT": VISIT, "CITY_NEWS": CITY_NEWS, "JOINT_PLAN": JOINT_PLAN,
             "NATION": NATION, "PARTNER": PARTNER, "BUREAU": BUREAU, "HEADLINE": HEADLINE}
    return ingest_docs(folder, {f"{name}.txt": text for name, text in files.items()})


@pytest.fixture(scope="module")
def row(index):
    return passage_finder(index, "的 OR 是 OR 年 OR 要 OR 市 OR 区 OR 省 OR 来源 OR 调研 OR 产业 OR 您好 OR 祝")


def _place(found: dict) -> str:
    return "/".join(found["region_path"])


def _documents(index) -> dict[str, dict]:
    """The `docs` records of an index by file name (without its extension)."""
    return {d["source"].rsplit("/", 1)[-1].split(".")[0]: d for d in jsonl("docs", "--index", index)}


@pytest.fixture(scope="module")
def documents(index):
    return _documents(index)


def test_a_speech_is_titled_by_its_line_and_its_venue_is_no_subject(row, documents):
    speech = documents["SPEECH"]
    assert speech["title"] == "在中国（漳州）电子材料产业推介会（厦门）上的致辞" and speech["doc_type"] == "讲话"
    assert speech["region_path"] == ["福建省", "漳州市"] and speech["years"] == [2026]
    assert _place(row("SPEECH", "今天，我们相聚")) == "福建省/漳州市"
    assert row("SPEECH", "最后，祝推介会")["years"] == [2026]
    assert row("SPEECH", "到2028年")["years"] == [2026, 2027, 2028]


def test_a_partner_described_with_shi_leaves_the_paragraph_the_texts(row):
    """(h-review43 9) `是` marks no subject: a partner described in a city's text (上海是…龙头，…前来落户) is the city's
    paragraph; the cue was taken back."""
    assert _place(row("SPEECH", "漳州拥有")) == "福建省/漳州市"
    assert _place(row("PARTNER", "近年来，我市")) == "福建省/漳州市"


def test_the_citys_first_person_or_body_in_a_districts_text_is_the_citys(row):
    """(h-review43 7) … unless the passage names the district: then the city is its measure or its partner."""
    assert _place(row("LETTER", "留言内容")) == "福建省/厦门市/翔安区"
    assert _place(row("LETTER", "您好！感谢您对我市")) == "福建省/厦门市"
    assert _place(row("LETTER", "一、关于公交线路。翔安区")) == "福建省/厦门市/翔安区"
    assert _place(row("LETTER", "二、关于停车问题。市交通运输局")) == "福建省/厦门市"


def test_the_provinces_own_voice_after_a_visits_stops_is_the_provinces(row):
    assert _place(row("VISIT", "在梧州市")) == "广西壮族自治区/梧州市"
    assert _place(row("VISIT", "在贺州市")) == "广西壮族自治区/贺州市"
    assert _place(row("VISIT", "调研中")) == "广西壮族自治区"
    assert _place(row("VISIT", "自治区有关部门")) == "广西壮族自治区"


def test_a_paragraph_framed_by_a_place_names_its_subject(row):
    assert _place(row("CITY_NEWS", "在潼南区")) == "重庆市/潼南区"
    assert _place(row("CITY_NEWS", "某某某强调")) == "重庆市"


def test_a_half_yearly_duty_speaks_for_the_whole_plan(row):
    assert row("JOINT_PLAN", "一、建立会商机制")["years"] == [2026, 2027, 2028]


def test_a_roundup_of_the_country_is_national_and_goes_province_by_province(row, documents):
    assert documents["NATION"]["region_path"] == ["全国"] and documents["BUREAU"]["region_path"] == ["全国"]
    assert _place(row("NATION", "2025年，我国")) == "全国"
    assert _place(row("NATION", "分省份看，江苏省")) == "江苏省"
    assert _place(row("NATION", "广东省销售额")) == "广东省"
    assert _place(row("BUREAU", "分省份看，浙江省")) == "浙江省"
    assert _place(row("BUREAU", "安徽省产量")) == "安徽省"


def test_a_roundup_titled_by_years_speaks_for_them_not_its_date(row, documents):
    assert documents["NATION"]["years"] == [2025, 2026] and documents["BUREAU"]["years"] == [2025]
    assert row("NATION", "二、分地区情况")["years"] == [2025]
    assert row("NATION", "分省份看，江苏省")["years"] == [2025] and row("NATION", "湖北省光电子")["years"] == [2025]
    assert row("NATION", "2026年，预计")["years"] == [2026]
    assert row("BUREAU", "2025年，全国")["years"] == [2025]


def test_a_source_line_never_runs_on_from_a_headline_and_a_periods_first_year_is_no_plan(row, documents):
    headline = documents["HEADLINE"]
    assert headline["title"] == "“十五五”开局，五省报告里的电子信息布局" and headline["years"] == [2026]
    assert row("HEADLINE", "来源：")["text"].startswith("来源：产经观察周刊")
    assert row("HEADLINE", "浙江省政府工作报告")["years"] == [2026]


# ---- second batch (h-blind43a, a2, c, d)

CHRONICLE = """无锡市电子元器件产业发展大事记（2019—2023年）

无锡市工业和信息化局　编

2019年

4月，某某电子元器件产业园在锡山区开工建设，规划建设标准厂房30万平方米。

2020年

7月，国务院印发关于促进电子元器件产业发展的若干政策，提出一系列财税支持措施。

10月，市人民政府出台电子元器件产业扶持办法，设立专项资金5亿元。

2021年

3月，全市电子元器件产业营收首次突破六百亿元。
"""

QA = """《宿州市促进电子信息产业发展若干政策》解读

宿州市经济和信息化局

2025年5月8日

问：出台本政策的背景是什么？

答：国家高度重视电子信息产业发展，近年来出台了一系列支持政策，为地方发展电子信息产业提供了有力支撑。

问：本政策的主要内容有哪些？

答：本政策共十条，重点支持电子元器件和智能终端项目建设。
"""

MIDYEAR = """关于全市上半年经济运行情况的报告

南充市人民政府

2025年7月20日

（一）落实上级部署。国务院《政府工作报告》明确提出，要培育壮大新兴产业和未来产业。

（二）推进项目建设。全市上半年新开工电子信息项目12个，完成投资48亿元。
"""

PLAN_PROPOSAL = """中共丽水市委关于制定丽水市国民经济和社会发展第十五个五年规划的建议

（2025年12月10日中国共产党丽水市第五届委员会第九次全体会议通过）

一、“十四五”时期发展成就和“十五五”时期发展环境

1.“十四五”时期丽水发展取得显著成就。五年来，全市生态产品价值实现机制改革走在全国前列。

2.“十五五”时期发展环境面临深刻变化。产业基础薄弱、创新能力不强等问题仍然突出。

二、“十五五”时期经济社会发展的主要目标

3.到2030年，全市地区生产总值年均增长6%左右。
"""

OPINIONS = """南昌市人大常委会关于市人民政府关于推动电子信息产业发展情况报告的审议意见

2025年6月26日，市十六届人大常委会第二十次会议听取和审议了市人民政府关于推动电子信息产业发展情况的报告。

一、基本情况

2024年，全市电子信息产业营业收入突破两千亿元。

二、存在的问题

一是产业链条不长，配套企业偏少。

三、意见和建议

（一）强化规划引领。建议市人民政府编制产业发展规划，到2027年，全市电子信息产业营业收入力争突破三千亿元。

（二）加强人才培养。建议支持在昌高校扩大相关专业招生规模。
"""

VENUE_NEWS = """常州市新能源芯片产业招商推介会在上海举行

来源：龙城日报　2025-09-18

本报讯　9月17日，常州市新能源芯片产业招商推介会在上海举行，现场签约项目26个。

签约项目中，有9个功率器件和车规级芯片封装项目，总投资约80亿元。
"""

BRANCH = """---
title: 张江科学城盐城分园：跨区域共建园区的新探索
date: 2025-09-02
---

# 张江科学城盐城分园：跨区域共建园区的新探索

张江科学城盐城分园位于江苏省盐城市，是两地合作共建的跨省园区，已集聚半导体材料企业60余家。

分园的运营团队常驻上海，重点对接上海的芯片设计企业。
"""

REGIONS = """2025年我国半导体材料产业发展回顾

中国半导体材料行业协会

2026年1月15日

一、总体情况

2025年，我国半导体材料产业销售额同比增长百分之十二。

二、分地区情况

从区域分布看，产业继续向重点区域集聚。江苏省材料销售额位居各省份首位；上海市在光刻胶领域保持领先；浙江省在电子特气领域增长较快。

中西部地区增势强劲，成都、武汉、西安等城市新投产项目较多。

山东省在晶圆材料领域形成特色，济南、青岛集聚了一批骨干企业。
"""


@pytest.fixture(scope="module")
def index2(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution43b")
    files = {"CHRONICLE": CHRONICLE, "QA": QA, "MIDYEAR": MIDYEAR, "PLAN_PROPOSAL": PLAN_PROPOSAL, "OPINIONS": OPINIONS,
             "VENUE_NEWS": VENUE_NEWS, "REGIONS": REGIONS}
    (folder / "docs").mkdir()
    (folder / "docs" / "BRANCH.md").write_text(BRANCH, encoding="utf-8")
    return ingest_docs(folder, {f"{name}.txt": text for name, text in files.items()})


@pytest.fixture(scope="module")
def row2(index2):
    return passage_finder(index2, "的 OR 是 OR 年 OR 要 OR 市 OR 区 OR 省 OR 月 OR 产业 OR 答 OR 建议 OR 项目 OR 分园 OR 配套")


@pytest.fixture(scope="module")
def documents2(index2):
    return _documents(index2)


def test_a_chronicles_year_lines_head_its_entries(row2):
    assert row2("CHRONICLE", "4月，某某")["years"] == [2019]
    assert row2("CHRONICLE", "10月，市人民政府")["years"] == [2020]
    assert row2("CHRONICLE", "3月，全市")["years"] == [2021]


def test_a_national_body_after_a_month_or_with_its_document_leads_a_national_passage(row2):
    assert _place(row2("CHRONICLE", "7月，国务院印发")) == "全国"
    assert _place(row2("QA", "答：国家高度重视")) == "全国"
    assert _place(row2("MIDYEAR", "（一）落实上级部署。国务院《政府工作报告》")) == "全国"
    assert _place(row2("MIDYEAR", "（二）推进项目建设")) == "四川省/南充市"


def test_a_first_sentence_naming_one_of_a_headings_two_periods_speaks_for_it(row2):
    assert row2("PLAN_PROPOSAL", "1.“十四五”时期")["years"] == [2021, 2022, 2023, 2024, 2025]
    assert row2("PLAN_PROPOSAL", "2.“十五五”时期")["years"] == [2026, 2027, 2028, 2029, 2030]


def test_a_standing_committees_opinions_speak_for_their_year(row2, documents2):
    assert documents2["OPINIONS"]["doc_type"] == "审议意见" and documents2["OPINIONS"]["years"] == [2025]
    assert row2("OPINIONS", "一是产业链条不长")["years"] == [2025]
    assert row2("OPINIONS", "（二）加强人才培养")["years"] == [2025]
    assert row2("OPINIONS", "（一）强化规划引领")["years"] == [2025, 2026, 2027]


def test_a_headlines_venue_after_zai_is_no_subject(row2, documents2):
    assert documents2["VENUE_NEWS"]["region_path"] == ["江苏省", "常州市"]
    assert _place(row2("VENUE_NEWS", "签约项目中")) == "江苏省/常州市"


def test_a_zones_branch_in_another_place_is_that_places(row2, documents2):
    assert documents2["BRANCH"]["region_path"] == ["江苏省", "盐城市"]
    assert _place(row2("BRANCH", "分园的运营团队")) == "江苏省/盐城市"


def test_a_roundups_lead_sentence_then_a_clause_a_province(row2, documents2):
    assert documents2["REGIONS"]["region_path"] == ["全国"]
    assert _place(row2("REGIONS", "从区域分布看")) == "全国"
    assert _place(row2("REGIONS", "江苏省材料销售额")) == "江苏省"
    assert _place(row2("REGIONS", "上海市在光刻胶")) == "上海市"
    assert _place(row2("REGIONS", "浙江省在电子特气")) == "浙江省"
    assert _place(row2("REGIONS", "中西部地区增势强劲")) == "全国"


# ---- h-review43: over-reach of the rules above

OVERREACH = {
    "MANY": """我国多地加码集成电路产业

本报记者　林晓

江苏：无锡提出，今年全市集成电路产业营收增长百分之十。

广东：深圳提出，加快建设集成电路设计产业集聚区。

四川：成都提出，壮大功率半导体产业集群。
""",
    "CITY_REPORT": """无锡市2024年集成电路产业发展报告

无锡市工业和信息化局

2025年3月10日

国家高度重视集成电路产业发展，全市集成电路企业享受税收优惠12亿元。
""",
    "DISTRICT": """新吴区2025年集成电路产业发展情况

无锡市新吴区人民政府

2025年6月2日

根据我市集成电路产业发展三年行动计划，新吴区新引进集成电路设计企业30家。

新吴区集成电路产业规模占我市的一半以上，龙头企业持续扩产。
""",
    "SECTIONS": """无锡市集成电路产业布局情况

无锡市工业和信息化局

2025年5月6日

新吴区。区内集聚集成电路企业300余家，产业规模占我市的六成。

江阴市。先进封装产能位居我市首位。
""",
    "JIEDU": """《唐山市支持电子信息产业发展若干政策》解读

唐山市工业和信息化局

2025年4月2日

问：对企业创新平台有哪些支持？

答：对新认定的省级以上企业技术中心，给予100万元一次性奖励。

问：各地如何落实本政策？

答：各县区和开发区是政策落实的责任主体，要建立工作专班。路南区要做好电子元器件项目服务；路北区要发展智能终端配套。
""",
    "SINCE": """2024年以来多地密集出台集成电路政策

本报记者　周明　2025-05-20

江苏：苏州出台集成电路产业专项政策，设立产业基金。

浙江：杭州提出，加快建设芯片设计产业园。

安徽：合肥提出，壮大存储芯片产业集群。
""",
}


@pytest.fixture(scope="module")
def index3(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution43c")
    (folder / "docs").mkdir()
    links = "".join(f'<a href="/n{k}">镇江市政府信息公开目录第{k}项政务服务事项</a>' for k in range(30))
    page = ('<html><head><meta charset="utf-8"><title>镇江市关于支持电子材料产业发展的通知</title></head><body>'
            f'<div class="sidebar">{links}</div><div class="menuContent"><p>各市区人民政府，市各有关部门：</p>'
            '<p>到2026年，全市电子材料产业营业收入力争达到一百五十亿元。</p></div></body></html>')
    (folder / "docs" / "PAGE.html").write_text(page, encoding="utf-8")
    return ingest_docs(folder, {f"{name}.txt": text for name, text in OVERREACH.items()})


@pytest.fixture(scope="module")
def row3(index3):
    return passage_finder(index3, "的 OR 是 OR 年 OR 要 OR 市 OR 区 OR 省 OR 提出 OR 产业 OR 首位")


@pytest.fixture(scope="module")
def documents3(index3):
    return _documents(index3)


def test_a_roundup_of_many_places_of_the_country_stays_many(documents3):
    assert documents3["MANY"]["region_path"] == ["多地"]


def test_a_background_national_lead_before_the_citys_figures_is_the_citys(row3):
    assert _place(row3("CITY_REPORT", "国家高度重视")) == "江苏省/无锡市"


def test_the_city_as_measure_or_source_of_a_districts_figures_leaves_them_the_districts(row3):
    assert _place(row3("DISTRICT", "根据我市")) == "江苏省/无锡市/新吴区"
    assert _place(row3("DISTRICT", "新吴区集成电路产业规模占我市")) == "江苏省/无锡市/新吴区"


def test_the_city_as_a_measure_closes_no_district_section(row3):
    assert _place(row3("SECTIONS", "新吴区。区内")) == "江苏省/无锡市/新吴区"
    assert _place(row3("SECTIONS", "江阴市。先进封装")) == "江苏省/无锡市/江阴市"


def test_a_roundups_years_since_a_year_are_not_its_title_year(documents3):
    assert documents3["SINCE"]["years"] == [2025]


def test_a_pages_article_in_a_menu_like_class_is_kept(row3):
    assert row3("PAGE", "到2026年，全市电子材料")["text"].startswith("到2026年")


def test_a_rank_a_firm_holds_is_no_provinces_voice_in_a_citys_jiedu(row3):
    """(h-blind43a2) 省级以上企业技术中心 names a rank: the answer is the city's, as its policy is."""
    assert _place(row3("JIEDU", "答：对新认定的省级以上")) == "河北省/唐山市"


def test_a_statement_leading_a_paragraph_of_places_is_a_part_of_its_own(row3):
    """(h-blind43a2) A lead that states something of its own (…是政策落实的责任主体，要…。) is the text's, not joined to the
    first place's clause; a run-in heading (（二）推动区县协同发展。) still is."""
    assert _place(row3("JIEDU", "答：各县区和开发区")) == "河北省/唐山市"
    assert _place(row3("JIEDU", "路南区要")) == "河北省/唐山市/路南区"
    assert _place(row3("JIEDU", "路北区要")) == "河北省/唐山市/路北区"

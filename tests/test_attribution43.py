"""Places, years and facts, session 43 (the h-blind43 sets), on documents in our own words, through the CLI.

- (b) A speech titled `在…上的致辞` (or `…发言`) is titled by that line and typed 讲话; a city in brackets after an
  event's name (`…招商推介会（厦门）上的致辞`) is the venue, not whom the speech is about; a speech takes no target year
  (`到2028年…`) for its whole: it speaks for the year it is given.
- (b) A paragraph of a one-place text opening on another place with `是` (`厦门是…`) is that place's.
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

您好！感谢您对我市交通工作的关心。经与翔安区人民政府会商，现答复如下。

一、关于公交线路。翔安区将在今年三季度新开两条园区通勤线路。

二、关于停车问题。市交通运输局将会同翔安区在园区周边新增公共停车位。
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


@pytest.fixture(scope="module")
def documents(index):
    return {d["source"].rsplit("/", 1)[-1].split(".")[0]: d for d in jsonl("docs", "--index", index)}


def test_a_speech_is_titled_by_its_line_and_its_venue_is_no_subject(row, documents):
    speech = documents["SPEECH"]
    assert speech["title"] == "在中国（漳州）电子材料产业推介会（厦门）上的致辞" and speech["doc_type"] == "讲话"
    assert speech["region_path"] == ["福建省", "漳州市"] and speech["years"] == [2026]
    assert _place(row("SPEECH", "今天，我们相聚")) == "福建省/漳州市"
    assert row("SPEECH", "最后，祝推介会")["years"] == [2026]
    assert row("SPEECH", "到2028年")["years"] == [2026, 2027, 2028]


def test_a_paragraph_opening_on_another_place_with_shi_is_that_places(row):
    assert _place(row("SPEECH", "厦门是我省")) == "福建省/厦门市"
    assert _place(row("SPEECH", "漳州拥有")) == "福建省/漳州市"
    assert _place(row("PARTNER", "厦门是全省")) == "福建省/厦门市"
    assert _place(row("PARTNER", "近年来，我市")) == "福建省/漳州市"


def test_the_citys_first_person_or_body_in_a_districts_text_is_the_citys(row):
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

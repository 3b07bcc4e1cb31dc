"""Attribution, twenty-sixth round (session 26): a place named in passing, and a city written by the short name
its county shares.

A new-user review (session 25) found province work reports whose passages were filed under a city they name once:
`防城港获批建设…试验区。建设保障性安居工程住房…。改造燃气管道…。发放社会救助资金…` (a run of the region's own deeds)
under 防城港, `推动高水平科技创新。聚焦…西安科技创新中心建设目标…` under 西安.  Now a passage of three sentences or more
that names places inside its region in one sentence only, under half of it, while the others neither name a place
nor point back to one (该市, 当地, 全市 in a province's text), stays with its section's or document's region
(own_level.named_in_passing).  A passage naming a place in most of its sentences, or pointing back to it, is still the
place's.

And a city written by its short name when one of its counties has the same short name (长沙: 长沙市 and 长沙县,
岳阳, 衡阳, 南昌, 淮安) is the city, as every other city written short is; that made the passage name "several
places" and left it with the province.  A second city written by a name that is also a word (南昌…，吉安则…) still
makes a passage name two places.

Through the CLI on documents written for this test in our own words (tests/fixtures/round26/).  The rule was
written on the 70 corpus documents' review finds; its first run on these: 8 of 9 (湘潭's sentence is a third of
its passage, the share then set to a half).  A helper then wrote 6 documents and 32 labelled passages blind (it
never read the rules): session 26's start got 30 of 32, these rules 31 of 32 at their first run; the miss (吉安
opening a passage that goes on 该市…, a city whose short name is also a word) was fixed after it was seen
(province_news_word_city.txt is its own-words test), so 32 of 32 is no clean estimate."""

import pytest

from .fixture_cli import hit, index_fixture

index = index_fixture("round26")


@pytest.mark.parametrize("phrase, region", [
    ("株洲获批建设", ["湖南省"]),  # one short sentence of four names 株洲: the province's deeds
    ("围绕湘潭先进储能", ["湖南省"]),  # named in one sentence of four
    ("长沙功率器件产线", ["湖南省", "长沙市"]),  # one sentence, about 长沙 throughout (长沙县 shares the short name)
    ("岳阳新引进电子化学品", ["湖南省", "岳阳市"]),  # named in both sentences
    ("衡阳今年要建成", ["湖南省", "衡阳市"]),  # 该市…, 当地… point back to it
    ("引进一条特色工艺产线", ["江苏省", "无锡市"]),  # 新吴区 named in one sentence of five; 全市 is the city's own
    ("江阴封测企业营收", ["江苏省", "无锡市", "江阴市"]),
    ("宜兴市重点发展电子特气", ["江苏省", "无锡市", "宜兴市"]),  # 该市…, 当地…
    ("市级财政每年安排", ["江苏省", "无锡市"]),  # 市里 in a city's text is the city itself
])
def test_a_place_named_in_passing_leaves_the_passage_with_its_region(index, phrase, region):
    assert hit(index, phrase)["region_path"] == region


def test_a_city_by_a_word_name_opening_a_passage_that_points_back_to_it(index):
    """文山, 吉安: short names that are also words are no place alone; opening a passage whose next sentence says
    该州/该市/当地, the city is its subject (the held-out set's one miss, fixed after it was seen)."""
    assert hit(index, "该州新引进正极材料")["region_path"] == ["云南省", "文山壮族苗族自治州"]
    assert hit(index, "曲靖新能源电池产业营收")["region_path"] == ["云南省", "曲靖市"]
    assert hit(index, "全省新增电池材料规上企业")["region_path"] == ["云南省"]


def test_a_second_city_written_by_a_word_name_still_counts():
    from icpolicy.meta.places import only_place_inside
    from icpolicy.models import Region

    assert only_place_inside("江西方面，南昌的外延芯片产能位居前列，吉安则承接了一批封测项目。", Region(("江西省",))) is None
    assert only_place_inside("南昌的外延芯片产能位居前列。", Region(("江西省",))) == Region(("江西省", "南昌市"))


def test_port_words_name_no_place(index):
    """临港产业 (port-side industry) and 港口物流 are no 上海临港 and no 防城港's 港口区: a province's passage about one
    city that names them is still the city's (h-blind26: 支持岳阳市建设城陵矶港区，发展临港产业和港口物流…)."""
    assert hit(index, "发展临港产业和港口物流")["region_path"] == ["湖南省", "常德市"]


@pytest.mark.parametrize("phrase, years", [
    ("西站商圈完成外立面改造", [2023]),  # 2023年，…。…。 under 一、2025年及“十四五”时期工作回顾 in a 2026 report
    ("建成口袋公园十二个", [2025]),
    ("全区新增市场主体一万户", [2024]),  # 比2022年 is a comparison's base
    ("到2025年累计完成改造一百二十个", [2021, 2022, 2023, 2024, 2025]),  # names another year: the section's
])
def test_a_paragraph_opening_with_one_year_of_a_several_year_review_is_that_year_s(index, phrase, years):
    assert hit(index, phrase)["years"] == years


def test_two_zones_of_a_city_are_the_city_s(index):
    """宁波高新区 and 前湾新区 (a new area across 慈溪 and 余姚, now in zones.toml) named together: 宁波市."""
    found = hit(index, "共建化合物半导体中试平台")
    assert (found["region_path"], found["zone"]) == (["浙江省", "宁波市"], "")  # not the zone 宁波高新区 alone


def test_a_year_s_key_work_arrangement_is_work_points_and_keeps_its_title(index):
    """…2025年重点工作安排 is a year's work points under another name (h-blind26's 长三角示范区 text was typed 新闻综述);
    its title line ends on 工作安排, so it stays the title rather than one composed from type and year."""
    from .fixture_cli import doc

    found = doc(index, "district_work_arrangement.txt")
    assert (found["title"], found["doc_type"], found["region"]) == ("嘉定区智能网联汽车产业2025年重点工作安排", "工作要点", "嘉定区")


def test_an_undated_story_reporting_a_whole_year_s_results_is_of_the_year_after(index):
    """新华社合肥2月20日电 with no year, reporting `2023年…产值突破600亿元，同比增长22%` and `今年以来，…`: a story calls its
    own year 今年, so the year it writes out for a year's results is the one before: 2024 (h-blind26's 江北新区 story was
    dated by the results' year).  A part of a year (`2024年一季度…同比增长19%`) is no whole year's results."""
    from .fixture_cli import doc

    assert doc(index, "news_undated_results.txt")["years"] == [2024]
    assert doc(index, "news_undated_quarter.txt")["years"] == [2024]


def test_a_news_lead_reporting_a_past_year_s_results_speaks_for_that_year(index):
    """After the dateline and `记者从…获悉，`, a one-sentence lead on a whole year's results before the story's year
    (`2023年经开区…产值突破600亿元，同比增长22%，…。` in a 2024 story) speaks for that year, as a report's look-back
    does (years.toml [news_lead]); the story's other passages keep its year."""
    assert hit(index, "集聚配套企业四百余家")["years"] == [2023]
    assert hit(index, "已签约项目十五个")["years"] == [2024]


def test_a_whole_region_clause_after_the_place_keeps_the_region_s_passage(index):
    """`支持焦作市发展锂电池材料产业，2026年起全省每年新增…` (a province's measure, the city a site of it: a later clause's
    subject is 全省, after a time at most) is the province's; `支持许昌市建设…中心，打造全省…核心平台` (全省 an
    attribute, not a subject) is still 许昌's, as earlier labelled sets have it (h-blind26b)."""
    assert hit(index, "支持焦作市发展锂电池材料产业")["region_path"] == ["河南省"]
    assert hit(index, "建设储能电池检测认证中心")["region_path"] == ["河南省", "许昌市"]


def test_an_untitled_city_report_that_names_a_district_after_its_whole_city_is_the_city_s(index):
    """No title and no city named: `过去一年，全市…` and then `江宁区…，该区…` is 南京's report reviewing a district's deed,
    not 江宁区's (a district's text says 全区)."""
    from .fixture_cli import doc

    assert doc(index, "city_report_untitled.md")["region_path"] == ["江苏省", "南京市"]
    assert hit(index, "智能电网装备产业园二期")["region_path"] == ["江苏省", "南京市", "江宁区"]


def test_a_round_up_listing_provinces_by_short_names_is_about_them_all(index):
    """山西、吉林、河北等地… (吉林 also a city, 河北 also 天津's 河北区; each a province here, listed with 、): 多地."""
    found = hit(index, "加快布局风电装备全产业链")
    assert found["region"] == "多地", found["region_path"]


@pytest.mark.parametrize("phrase, years", [
    ("全市轨道交通装备产业产值突破一千亿元", [2021, 2022, 2023, 2024, 2025]),  # “十四五”时期，… in a 2026 report: a look-back
    ("累计新增高新技术企业一千二百家", [2021, 2022, 2023, 2024, 2025, 2026]),  # goes on to 今年: the report's year too
])
def test_a_report_paragraph_opening_with_a_past_period_speaks_for_it(index, phrase, years):
    """h-blind26b labels a 2026 report's `“十四五”时期，…` paragraphs with 2021–2025 alone (the tool added 2026), as every
    set labels a report's look-back.  In a plan (blind16) such a paragraph is labelled with the plan's year: the rule is
    a report's ([review] types), like the look-back's."""
    assert hit(index, phrase)["years"] == years

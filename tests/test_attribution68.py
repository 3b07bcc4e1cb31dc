"""Session 68: attribution on documents nobody tuned for (blind sets h68 a to e, written by helpers in their own words
against a frozen 265b6ccb).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def _document(index) -> dict:
    [document] = jsonl("docs", "-a", "--index", index)
    return document


def test_a_school_year_and_a_graduating_class_speak_for_their_calendar_years(tmp_path):
    """A college's report titled by its school year (`2024—2025学年`) speaks for both calendar years, and so do its
    passages naming no year; a class named by the year it graduates (`2025届毕业生`) is that year's."""
    report = """某某职业技术学院微电子学院
2024—2025学年办学情况报告

一、基本情况

学院现有微电子技术、集成电路封装等专业5个，与园区内8家企业共建实训基地。

二、毕业与就业

2025届毕业生共412人，在本地半导体企业就业的占六成。
"""
    index = _ingest(tmp_path, "school.txt", report)
    assert _document(index)["years"] == [2024, 2025]
    assert _years(index, "共建实训基地")["学院现有微电"] == [2024, 2025]
    assert _years(index, "毕业生")["2025届毕"] == [2025]


def test_a_trip_led_by_a_leader_named_by_no_place_is_the_visitors_home(tmp_path):
    """A paper's story titled `<name>率队赴<places>走访…` names its travellers by a person alone (here one whose name holds
    a district's, 江北): the home its lead promotes (`推介宜宾投资环境`) is the story's, each `在<place visited>，`
    paragraph the place visited's."""
    story = """陈江北率队赴上海杭州走访半导体企业
推动更多项目落地宜宾

5月12日至13日，市委副书记、市长陈江北率队赴上海、杭州，走访功率半导体和电子材料企业，推介宜宾投资环境。

在上海，陈江北一行来到一家车规级芯片设计企业，了解企业新品研发和产能布局。

陈江北表示，宜宾正加快建设西部电子信息产业承接地，希望企业来宜宾布局封测和模组基地。

市政府有关部门负责同志随同考察。
"""
    index = _ingest(tmp_path, "trip.txt", story)
    assert _document(index)["region_path"] == ["四川省", "宜宾市"]
    regions = _regions(index, "陈江北")
    assert regions["5月12日至"] == "四川省/宜宾市"
    assert regions["在上海，陈江"] == "上海市"
    assert regions["陈江北表示，"] == "四川省/宜宾市"


def test_a_governors_words_on_the_whole_province_in_a_story_of_his_visit_to_a_city_are_the_provinces(tmp_path):
    """In a city paper's story of the governor's visit, a paragraph where he speaks of the whole province
    (`某某强调，全省上下要…`) is the province's; his words on the city stay the city's."""
    story = """省长在常州调研新能源和半导体产业

5月8日，省长周立到常州调研，深入武进区、新北区企业了解生产经营情况。

周立指出，常州制造业基础扎实，要在功率半导体和储能领域继续走在前列。

周立强调，全省上下要把发展集成电路产业作为推进新型工业化的重要抓手，加强城市间分工协作。
"""
    index = _ingest(tmp_path, "visit.txt", story)
    regions = _regions(index, "周立")
    assert regions["周立强调，全"] == "江苏省"
    assert regions["周立指出，常"] == "江苏省/常州市"


def test_a_visiting_citys_own_whole_in_a_hosts_story_is_the_visiting_citys(tmp_path):
    """In a host city's story of another city's delegation (`…代表团来杭考察`, 杭 the city's one-character name), a
    paragraph that opens on the visiting city and gives its whole's figures (`泰州是…，全市…`) is the visiting city's,
    not the host's; the host's story stays the host's."""
    story = """泰州市党政代表团来杭考察

6月3日，泰州市党政代表团来杭考察，两市围绕生物医药和电子元器件产业开展交流。

泰州是长三角重要的医药和电子元器件基地，2023年全市电子元器件产业产值超过900亿元。

代表团一行还考察了滨江区的芯片设计企业。
"""
    index = _ingest(tmp_path, "delegation.txt", story)
    assert _document(index)["region_path"] == ["浙江省", "杭州市"]
    assert _regions(index, "电子元器件")["泰州是长三角"] == "江苏省/泰州市"


def test_an_undated_round_up_is_dated_by_its_files_name_not_by_the_year_its_figures_are_of(tmp_path):
    """A wire story with no year in its dateline (`新华社北京5月16日电`) and local items after it, stating last year's
    figures and later targets, is dated by its file's name (…_2024.txt), as an undated text of one place is."""
    story = """工信部部署算力基础设施建设 各地积极跟进

新华社北京5月16日电 工业和信息化部16日召开全国算力基础设施推进会。会议指出，2023年我国算力总规模位居全球第二。会议提出，到2026年智能算力占比达到40%以上。

【各地动态】

贵州：贵安新区已建成大型数据中心14个，将新增智能算力2000P。

宁夏：中卫市西部云基地加快建设，新签约算力项目6个。
"""
    index = _ingest(tmp_path, "compute_roundup_2024.txt", story)
    assert _document(index)["years"] == [2024]


def test_a_meeting_headline_promising_a_batch_of_projects_is_not_narrowed_to_one_projects_district(tmp_path):
    """A city meeting's headline that promises `一批重大项目` names no single site: the district of one project the
    opening mentions (`位于黄埔区的…项目`) does not narrow the story."""
    story = """广州召开集成电路产业工作会议 明年再推一批重大项目

来源：某某日报 2023-12-28

12月27日，广州市集成电路产业工作会议召开，回顾今年产业发展情况，部署明年工作。

会议透露，位于黄埔区的12英寸晶圆制造项目二期今年实现通线。

南沙区的宽禁带半导体项目预计明年投产。
"""
    index = _ingest(tmp_path, "meeting.txt", story)
    assert _document(index)["region_path"] == ["广东省", "广州市"]
    assert _regions(index, "项目")["会议透露，位"] == "广东省/广州市/黄埔区"


def test_a_papers_masthead_line_or_a_headline_of_a_signing_makes_news_but_not_a_speech_given_there(tmp_path):
    """A story under an outlet's masthead line (`某某日报　2023年8月30日`) is news, and so is a page headlined by a
    signing or a meeting held (`…签约…`, `…会议召开`); a speech given at a signing (`在…签约仪式上的致辞`) is no news."""
    masthead = """市政府召开常务会议 研究电子信息产业发展

绍兴日报　2023年8月30日

8月29日，市政府召开常务会议，研究集成电路产业高质量发展等工作。
"""
    signing = """<html><head><title>丹东市与两家企业签约共建传感器产业园</title></head><body>
<h1>丹东市与两家企业签约共建传感器产业园</h1>
<p>6月5日，丹东市人民政府与两家企业签订合作协议，共建传感器产业园。</p>
</body></html>
"""
    speech = """在某市集成电路重点项目集中签约仪式上的致辞

各位来宾，各位企业家朋友：

今天，我们在这里举行集成电路重点项目集中签约仪式。
"""
    assert _document(_ingest(tmp_path / "a", "masthead.txt", masthead))["doc_type"] == "新闻综述"
    assert _document(_ingest(tmp_path / "b", "signing.html", signing))["doc_type"] == "新闻综述"
    assert _document(_ingest(tmp_path / "c", "speech.txt", speech))["doc_type"] != "新闻综述"

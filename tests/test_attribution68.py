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


def test_a_round_ups_national_level_heading_opens_the_countrys_section_until_the_local_one(tmp_path):
    """In a monthly digest of many places, a heading naming the national level alone (`一、国家层面`) opens the
    country's section: its items and their `发布时间`/`要点` lines are national, until `二、地方层面`, whose items are
    their places'."""
    digest = """电子信息产业政策月报
2024年第6期（总第30期）

编者按：本期收录2024年6月国家部委及各地发布的集成电路、电子元器件相关政策，按发布层级排列。

一、国家层面

1.工业和信息化部等部门印发《关于推动电子元器件产业升级的指导意见》
发布时间：6月10日
要点：提出加快关键元器件攻关，完善产业链供应链。

二、地方层面

2.【浙江】浙江省经济和信息化厅发布集成电路产业链提升方案
发布时间：6月12日
要点：支持杭州、宁波建设特色工艺产线。

3.【广东】广东省出台半导体及集成电路产业若干措施
发布时间：6月18日
要点：布局12英寸特色工艺产线。

4.【江苏】江苏省工业和信息化厅印发集成电路产业强链行动方案
发布时间：6月20日
要点：到2026年，全省集成电路产业规模突破5000亿元，推动南京、无锡、苏州协同发展。

5.【上海】上海市经济和信息化委员会发布集成电路设计企业流片补贴申报通知
发布时间：6月7日
要点：对首轮流片的设计企业按费用的一定比例给予补贴。

6.【山东济南】济南市印发支持宽禁带半导体产业发展的若干措施
发布时间：6月22日
要点：对在起步区建设碳化硅产线的企业给予设备补助。
"""
    index = _ingest(tmp_path, "digest.txt", digest)
    regions = _regions(index, "要点")
    assert regions["要点：提出加"] == "全国"
    assert regions["要点：支持杭"] == "浙江省"


def test_a_lead_listing_the_places_its_clauses_then_take_in_turn_is_cut_at_each(tmp_path):
    """In a round-up, a paragraph whose lead lists cities (`合肥、西安、成都也在加速。`) and whose ；-clauses then open on
    each of them in turn (or a zone of it) is cut at each: every clause is its place's, the lead the round-up's."""
    story = """中西部城市竞相布局功率半导体

近年来，功率半导体产能加速向中西部转移。

武汉东湖高新区今年新引进功率器件项目5个，总投资超过80亿元。

合肥、西安、成都也在加速。合肥高新区今年引进两家模块封装企业；西安高新区正在建设碳化硅中试平台；成都高新区则新签约一批车规级器件项目。

记者在采访中也听到一些担忧：不少项目签约后迟迟未能量产。
"""
    index = _ingest(tmp_path, "roundup.txt", story)
    regions = _regions(index, "高新区")
    assert regions["西安高新区正"] == "陕西省/西安市"
    assert regions["成都高新区则"] == "四川省/成都市"
    # (the clauses open no sections: the paragraph after them is the round-up's again, not the last clause's nor 武汉's)
    assert _regions(index, "担忧")["记者在采访中"] == "多地"


def test_an_items_headline_under_its_places_label_line_stays_the_places(tmp_path):
    """In a provincial paper's page of county items, each under a label line of its place (`◎滕州`) and then its
    headline, the headline naming no place is the label's place's, as the body under it is."""
    page = """齐鲁县域 产业快讯

齐鲁财经周报　2025年5月23日

◎滕州

“机床之乡”造出晶圆搬运设备

记者从滕州市工信局了解到，当地一家机床企业研制的晶圆搬运设备已通过客户验证。

◎邹平

铝材企业切入电子铝箔赛道

邹平市一家铝加工企业投资新建电子铝箔产线。
"""
    index = _ingest(tmp_path, "page.txt", page)
    regions = _regions(index, "晶圆搬运 OR 电子铝箔")
    assert regions["“机床之乡”"] == "山东省/枣庄市/滕州市"
    assert regions["铝材企业切入"] == "山东省/滨州市/邹平市"


def test_an_editors_note_after_a_round_ups_last_section_is_the_round_ups(tmp_path):
    """An editor's note closing a round-up (`▍编辑手记`, `【短评】…`) and what follows it speak about all its places
    again, not the last item's."""
    story = """面板产业周讯：多地项目加快推进

广州：一条8.6代OLED产线完成设备搬入，预计明年量产。

合肥：一家驱动芯片企业新建测试厂房。

绵阳：柔性模组项目二期开工建设。

▍编辑手记

本周几个项目有一个共同点：都在向车载和中尺寸产品延伸。
"""
    index = _ingest(tmp_path, "weekly.txt", story)
    regions = _regions(index, "编辑手记 OR 共同点")
    assert regions["▍编辑手记"] == "多地"
    assert regions["本周几个项目"] == "多地"


def test_a_notice_keeping_measures_in_force_speaks_from_its_own_start_to_the_new_end(tmp_path):
    """A notice titled as keeping measures in force (`关于延续执行…扶持政策的通知`), signed in December 2023, which
    keeps them to 2025 (`延续执行至2025年12月31日`) and starts on 1 January 2024 (`本通知由…负责解释，自2024年1月1日起施行`),
    speaks for 2024–2025: not its signing year, nor the measures' first term."""
    notice = """某某高新区管理委员会关于延续执行集成电路产业扶持政策的通知

各部门，各有关单位：

《某某高新区促进集成电路产业发展的若干措施》自2021年7月1日起实施，原定于2023年12月31日到期。经研究，《若干措施》延续执行至2025年12月31日。

一、设计企业流片补贴条款继续执行。

本通知由高新区科技创新局负责解释，自2024年1月1日起施行。

某某高新区管理委员会
2023年12月15日
"""
    index = _ingest(tmp_path, "continue.txt", notice)
    assert _document(index)["years"] == [2024, 2025]
    assert _years(index, "流片补贴")["一、设计企业"] == [2024, 2025]


def test_a_bulletin_titled_by_its_month_is_that_years_not_an_items_terms(tmp_path):
    """A province's monthly bulletin titled by its month (`…政策月报（2025年5月）`) speaks for 2025: the term of measures
    one of its items states (`措施有效期至2027年12月31日`) is that item's."""
    bulletin = """江苏省算力产业政策月报（2025年5月）

发布时间：2025-06-04　作者：省算力产业研究中心

一、总体情况

5月，全省各地共发布算力相关政策文件9份。

二、各地动态

南京市：南京市江宁区发布智算产业园招商政策，对落户企业给予租金减免。

苏州市：苏州市出台算力产业若干措施，支持建设公共智算平台，措施有效期至2027年12月31日。

无锡市：无锡市对使用本地智算中心的企业提高算力券补贴比例。
"""
    index = _ingest(tmp_path, "monthly.txt", bulletin)
    assert _document(index)["years"] == [2025]
    assert _years(index, "算力券")["无锡市：无锡"] == [2025]


def test_a_line_naming_only_the_provinces_officials_who_came_is_the_provinces(tmp_path):
    """In a city's story of the governor's visit, the closing line naming only the province's officials and bodies who
    came (`省政府秘书长某某，省直有关部门负责同志参加调研。`) is the province's; one naming the city's as well stays the city's."""
    story = """省长在盐城调研海上风电和电子材料产业

6月3日，省长周立到盐城调研，深入大丰区、东台市企业了解生产经营情况。

周立指出，盐城要发挥沿海优势，在电子材料领域加快布局。

省政府秘书长王海，省发展改革委、工业和信息化厅有关负责同志参加调研。
"""
    index = _ingest(tmp_path / "a", "visit.txt", story)
    assert _regions(index, "参加调研")["省政府秘书长"] == "江苏省"
    index = _ingest(tmp_path / "b", "visit.txt", story.replace("省政府秘书长王海，省发展改革委、工业和信息化厅", "省、市有关部门"))
    assert _regions(index, "参加调研")["省、市有关部"] == "江苏省/盐城市"


def test_a_term_starting_after_new_year_reaches_into_its_last_year_in_a_passage_too(tmp_path):
    """A passage stating measures in force from a later day of a year for N years (`自2025年6月1日起施行，试行期两年`) speaks
    for the years to the term's end (2025–2027), as the document-level rule reads such a term; one from 1 January for two
    years ends the year after (2025–2026)."""
    story = """各地出台算力支持政策

合肥市：合肥市印发算力券管理办法，办法自2025年6月1日起施行，试行期两年。

贵阳市：贵阳市出台数据中心用电支持措施，措施自2025年1月1日起施行，有效期两年。
"""
    index = _ingest(tmp_path, "terms.txt", story)
    years = _years(index, "施行")
    assert years["合肥市：合肥"] == [2025, 2026, 2027]
    assert years["贵阳市：贵阳"] == [2025, 2026]


def test_the_items_a_lists_lead_sets_a_year_for_speak_for_it_until_the_list_ends(tmp_path):
    """In a December story of a meeting, a lead ending on a colon that names next year (`明年，全市将重点抓好三方面工作：`)
    gives its year to the items after it (`一是…`, `二是…`), as a heading would, also to an item naming no year; the
    paragraph after the list is the story's again."""
    story = """某市召开集成电路产业推进大会 部署明年重点工作

来源：某某日报 2025-12-22

12月21日，某市集成电路产业推进大会召开。会议指出，今年以来全市集成电路产业保持较快增长。

明年，全市将重点抓好三方面工作：

一是推动制造能力升级。支持重点企业扩大12英寸产线产能，新开工产线项目2个。

二是加强人才引育。新增集成电路专业技术人才1万人。

三是优化产业生态。完善设计、制造、封测协同机制。

会上，三家重点企业作了交流发言。
"""
    index = _ingest(tmp_path, "meeting.txt", story)
    years = _years(index, "人才 OR 产线 OR 协同 OR 交流发言")
    assert years["一是推动制造"] == [2026]
    assert years["二是加强人才"] == [2026]
    assert years["三是优化产业"] == [2026]
    assert years["会上，三家重"] == [2025]


def test_a_delegation_named_by_its_level_alone_or_on_a_return_visit_is_the_home_papers(tmp_path):
    """A home paper's story titled `市党政代表团赴<places>考察…` (the delegation named by its level alone) is the paper's
    city, and so is one titled `<city>代表团回访<place>…`: the places visited are no subject of it."""
    story = """市党政代表团赴苏州无锡考察对接集成电路产业

宿迁日报　2024年5月10日

本报讯 5月8日至9日，市党政代表团赴苏州、无锡考察，学习集成电路产业发展经验。

在无锡，代表团走访了一家功率器件封测企业。
"""
    index = _ingest(tmp_path / "a", "delegation.txt", story)
    assert _document(index)["region_path"] == ["江苏省", "宿迁市"]
    assert _regions(index, "封测企业")["在无锡，代表"] == "江苏省/无锡市"
    again = """一年之约再赴光谷 芜湖代表团回访武汉东湖高新区

3月17日至18日，市委副书记、市长率芜湖市代表团回访武汉东湖高新区，推动两地光电子产业合作。

芜湖是长三角重要的显示和存储产业基地，全市电子信息产业营收去年增长18%。
"""
    index = _ingest(tmp_path / "b", "return.txt", again)
    assert _document(index)["region_path"] == ["安徽省", "芜湖市"]


def test_a_leaders_visit_to_other_provinces_is_his_citys_but_a_visit_inside_his_province_the_visiteds(tmp_path):
    """A city paper's story titled `<name>在沪苏走访…时强调` (a leader named by no place, though his name holds one's,
    平江; the places visited by their one-character names) is the paper's city when the places lie in other provinces;
    a governor's `<name>在无锡调研…时强调` under a provincial paper stays the city visited."""
    away = """周平江在沪苏走访集成电路企业时强调
以更优生态吸引更多项目落户合肥

合肥日报讯（记者　汪雨）4月22日至23日，市长周平江率队赴上海、苏州，走访集成电路设计和装备企业。

周平江表示，合肥将为企业提供全周期服务。
"""
    index = _ingest(tmp_path / "a", "away.txt", away)
    assert _document(index)["region_path"] == ["安徽省", "合肥市"]
    home = """王立在无锡调研集成电路产业时强调

新华日报讯（记者　周敏）5月16日，省长王立到无锡调研集成电路产业发展情况，深入新吴区、江阴市企业。

王立指出，无锡是我国集成电路产业的重要发祥地。
"""
    index = _ingest(tmp_path / "b", "home.txt", home)
    assert _document(index)["region_path"] == ["江苏省", "无锡市"]


def test_a_provincial_papers_column_of_items_filed_from_its_places_is_the_provinces(tmp_path):
    """A provincial paper's column of short items, each filed from its place (`本报大冶讯（通讯员　某某）…`, `汉川讯　…`),
    is the paper's province, not the first item's county; each item is its own place's."""
    column = """湖北日报　2025年11月5日　第8版

县域快讯

本报讯（记者　刘洋）11月3日，谷城县与一家企业签约建设消费电子结构件基地。

本报大冶讯（通讯员　柯昊）大冶市一家电子铜箔企业的极薄铜箔生产线满产运行。

本报宜昌讯（记者　王婷）枝江市一家企业的电子级磷酸项目通过验收。

汉川讯　汉川经济开发区的一家光学镜头模组企业二期厂房竣工。
"""
    index = _ingest(tmp_path, "column.txt", column)
    assert _document(index)["region_path"] == ["湖北省"]
    regions = _regions(index, "企业")
    assert regions["本报大冶讯（"] == "湖北省/黄石市/大冶市"
    assert regions["本报宜昌讯（"] == "湖北省/宜昌市/枝江市"

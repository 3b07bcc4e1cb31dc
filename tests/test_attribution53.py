"""Session 53: attribution on documents nobody tuned for (blind sets h53 j, k, l, m and n, written by helpers in their
own words against a frozen a427cc3).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_count_in_a_headline_is_no_year(tmp_path):
    """(h53-j) A headline giving a capacity in batches (…可年检测晶圆1900批次) made the whole dated story 1900's."""
    text = """芜湖功率芯片检测平台启用 可年检测晶圆2000批次

来源：芜湖日报　2025-10-09

本报讯　10月8日，位于弋江区的功率芯片公共检测平台正式启用，可为本地封测企业提供可靠性和失效分析服务。

平台负责人说，检测周期有望从三个月缩短到一个月以内。
"""
    index = _ingest(tmp_path, "check.txt", text)
    assert [row["years"] for row in jsonl("docs", "--index", index)] == [[2025]]
    assert _years(index, "检测周期")["平台负责人说"] == [2025]


def test_conditions_of_who_qualifies_in_words_and_lists_add_no_year(tmp_path):
    """(h53-j, n) A threshold on the year before in words (上年度营业收入不低于…, 上一年度资产负债率不高于…), projects already
    started in a past year (对2024年已开工的续建项目), and clean records over listed years (2024年度和2025年度均未发生…)
    are conditions of who qualifies: the policy's years only."""
    text = """盐城市支持半导体材料产业发展若干措施

盐城市人民政府
2025年4月8日

第三条　申报企业应在本市注册，上年度营业收入不低于3000万元，上一年度资产负债率不高于65%。

第四条　对2024年已开工的续建项目，优先安排用地指标。

第五条　申报企业2023年度和2024年度均未发生重大安全事故。

第九条　本措施自印发之日起施行，有效期至2027年12月31日。
"""
    index = _ingest(tmp_path, "yancheng.txt", text)
    assert _years(index, "资产负债率")["第三条申报企"] == [2025, 2026, 2027]
    assert _years(index, "续建项目")["第四条对20"] == [2025, 2026, 2027]
    assert _years(index, "重大安全事故")["第五条申报企"] == [2025, 2026, 2027]


def test_a_city_headline_about_a_plant_is_the_district_the_opening_sites_it_in(tmp_path):
    """(h53-k) A headline naming a city and a firm's new plant (…新厂房封顶, …建新厂) whose opening sites the firm or the
    project in a district (位于铁西区的某公司…, 项目在…区…开工) is that district's story; a fair's headline whose opening
    sites one of its firms (…对接会签约…项目, 位于某区的…公司) stays the city's."""
    plant = """长春光电产业再添新项目 某光电铁西新厂房主体封顶

2025-09-03　来源：长春日报　记者 孙悦

9月2日，位于绿园区的长春某光电科技股份有限公司新厂房主体结构封顶，新厂房将用于生产红外探测器芯片。

公司负责人介绍，新厂房明年投入使用后，产能将提高一倍。
"""
    index = _ingest(tmp_path / "plant", "plant.txt", plant)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["吉林省", "长春市", "绿园区"]]
    assert _regions(index, "产能将提高")["公司负责人介"] == "吉林省/长春市/绿园区"
    fair = """台州汽车电子供需对接会签约15个项目

2024-06-12　来源：台州日报

6月11日，台州汽车电子产业链供需对接会举行。位于路桥区的某汽车电子有限公司与本地企业签约采购协议。

全市共签约合作项目15个，涉及金额约9亿元。
"""
    index = _ingest(tmp_path / "fair", "fair.txt", fair)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["浙江省", "台州市"]]


def test_a_firms_notice_is_its_sites_and_its_report_its_seats(tmp_path):
    """(h53-k) A listed firm's notice of a project in another province, whose site line (1.建设地点：…) comes late in the
    text, is the site's, not the home its name gives; a firm's report under its province's name whose labelled seat line
    (公司注册地址：…) names a district is that district's."""
    lines = "\n\n".join(f"{n}、事项说明{n}。本次投资事项的审议程序符合规定。" for n in range(1, 13))
    notice = f"""苏州某微电子股份有限公司关于投资建设功率器件生产基地的公告

本公司董事会保证本公告内容真实、准确、完整。

{lines}

十三、项目基本情况

1.建设地点：江西省赣州市章贡区水西工业园。

2.建设内容：新建功率器件封装测试厂房及配套设施。

特此公告。

苏州某微电子股份有限公司董事会
2025年3月18日
"""
    index = _ingest(tmp_path / "notice", "notice.txt", notice)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江西省", "赣州市", "章贡区"]]
    report = """湖南某芯科技股份有限公司2024年年度报告（摘要）

公司注册地址：湖南省株洲市石峰区田心大道8号。

报告期内，公司实现营业收入12.6亿元，同比增长18%。
"""
    index = _ingest(tmp_path / "report", "report.txt", report)
    assert _regions(index, "营业收入")["报告期内，公"] == "湖南省/株洲市/石峰区"


def test_a_route_headline_with_a_town_after_each_city_is_the_destinations(tmp_path):
    """(h53-k) A headline naming a move from a city's town to another city's zone (从苏州甪直到宿迁洋河：…) is the
    destination's story, not one of several places."""
    text = """从昆山周市到淮安清江浦：一家线缆企业的北上之路

淮安日报记者 钱宁

2024年9月，在淮安市清江浦区的一座新厂房里，一家来自昆山的线缆企业开始批量生产高速数据线缆。

企业负责人说，选择淮安，看中的是这里的用地和用工条件。
"""
    index = _ingest(tmp_path, "move.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江苏省", "淮安市", "清江浦区"]]


def test_an_enclave_park_is_its_hosts(tmp_path):
    """(h53-m) A park one city runs on another's land, whose opening calls it an enclave (丽水某园是丽水市在杭州市滨江区设立的
    “科创飞地”), is the host district's text, though its headline and its office name only the owner."""
    text = """丽水数字园2024年度工作总结

丽水数字园管理服务中心
2024年12月20日

丽水数字园是丽水市在杭州市滨江区设立的“科创飞地”，主要承接芯片设计和软件研发团队。

一、主要成效
全年新引进研发项目26个，园区入驻率达到85%。
"""
    index = _ingest(tmp_path, "enclave.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["浙江省", "杭州市", "滨江区"]]


def test_a_press_conference_on_a_named_policy_is_an_explainer_under_its_headline(tmp_path):
    """(h53-l) A press conference's or an answer page's headline that introduces a policy it names (…举行《…》新闻发布会,
    …就…政策答记者问 under a source line) is a 政策解读 known by that headline, not the policy it names, nor news."""
    text = """安徽省政府新闻办举行《安徽省集成电路产业提升行动方案（2025—2027年）》新闻发布会

2025-04-10 10:00　来源：安徽省人民政府新闻办公室

4月10日上午，省政府新闻办召开新闻发布会，省经济和信息化厅有关负责人介绍行动方案的主要内容。

主持人：请介绍一下行动方案的目标。
"""
    index = _ingest(tmp_path, "conference.txt", text)
    [doc] = jsonl("docs", "--index", index)
    assert doc["doc_type"] == "政策解读"
    assert doc["title"].startswith("安徽省政府新闻办举行《")


def test_an_explainers_look_back_speaks_for_the_years_it_reviews(tmp_path):
    """(h53-l) In an explainer of a plan for 2025—2027, an answer reporting only an earlier year (2024年，全省…) or last
    year (去年，…) speaks for that year, not the plan's; the plan's measures keep the plan's years."""
    text = """《福建省加快集成电路产业发展行动方案（2025—2027年）》政策解读

福建省工业和信息化厅
2025年5月6日

一、出台背景
各位读者，大家好。集成电路是我省重点发展的产业。2024年，全省集成电路产业营业收入达到980亿元，同比增长12%。

二、主要内容
行动方案提出，到2027年，全省集成电路产业营业收入突破1500亿元，并部署了设计、制造、封测和材料四项重点任务。
"""
    index = _ingest(tmp_path, "explainer.txt", text)
    assert _years(index, "营业收入达到")["各位读者，大"] == [2024]
    assert _years(index, "四项重点任务")["行动方案提出"] == [2025, 2026, 2027]


def test_a_quoted_figure_naming_china_makes_no_national_headline(tmp_path):
    """(h53-l) A mayor's interview headlined by a quoted aim with 中国 in it (打造“中国…之城”), its subtitle naming the
    mayor (——访某市市长…), is that city's, not the country's, though its answers speak of 全国 too."""
    text = """做强光电显示产业 打造“中国光显之城”
——访咸宁市市长李明

湖北日报记者　王芳
2024年6月3日

记者：咸宁光电显示产业目前发展到了什么规模？

李明：去年，全市光电显示产业营收突破300亿元，在全国同类城市中位居前列，今年力争增长20%。
"""
    index = _ingest(tmp_path, "mayor.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖北省", "咸宁市"]]


def test_an_area_a_zone_runs_for_a_district_is_the_districts(tmp_path):
    """(h53-m) A zone's report telling of the towns it runs on a district's land (高新区托管的某区某镇…, …仍由某区负责) files that
    passage under the district, not the zone's city; the zone's other passages stay the zone's."""
    text = """株洲高新区2024年工作总结

株洲高新技术产业开发区管理委员会
2024年12月26日

一、主要成效
全年引进电子信息项目31个，规上工业总产值增长9%。

二、托管区域
高新区托管的渌口区南洲镇部分区域全年新增电子元器件企业6家，托管区域的户籍和社会事务仍由渌口区负责。
"""
    index = _ingest(tmp_path, "run.txt", text)
    assert _regions(index, "新增电子元器件企业")["高新区托管的"] == "湖南省/株洲市/渌口区"
    assert _regions(index, "规上工业总产值")["全年引进电子"] == "湖南省/株洲市/天元区"


def test_one_branch_of_a_zone_is_the_place_it_lies_in(tmp_path):
    """(h53-m) In a zone's text, a passage about one branch named by its place (某新区某某园区, 在某某园区布局…) is that
    place's, in the zone's province; one telling the zone's parts (分为…园区和…园区) stays the zone's."""
    text = """临港新片区2025年集成电路产业工作要点

中国（上海）自由贸易试验区临港新片区管理委员会
2025年2月20日

一、总体要求
新片区全年集成电路产业规模力争增长20%。

二、重点任务
（一）在松江园区布局电子特气和湿化学品项目，全年新引进材料项目5个。
（二）新片区分为主城区和松江园区，两地协同推进重大项目。
"""
    index = _ingest(tmp_path, "branch.txt", text)
    assert _regions(index, "电子特气")["（一）在松江"] == "上海市/松江区"
    assert _regions(index, "协同推进")["（二）新片区"] == "上海市/浦东新区"


def test_this_years_words_in_a_call_for_next_year_are_the_calls_year(tmp_path):
    """(h53-n) In a call for 2026年度 signed in November 2025, 本年度 names the call's year, not the writer's (its 今年 is
    still the writer's)."""
    text = """宁波市经济和信息化局关于组织申报2026年度软件和集成电路产业扶持资金的通知

各区（县、市）经济和信息化局：

一、申报时间
本年度扶持资金分两批受理，请各单位按时申报。

宁波市经济和信息化局
2025年11月18日
"""
    index = _ingest(tmp_path, "call.txt", text)
    assert _years(index, "分两批受理")["本年度扶持资"] == [2026]


def test_a_passage_on_the_level_above_or_the_firms_home_leaves_the_district(tmp_path):
    """(h53-k, l) In a district's or a county-level city's story, a passage led by the level above (市级层面，某市…) or by a
    view of the city it names (放眼某市全市，…) is the city's; a paragraph opening on the firm as one of its home's
    (某某公司是深圳市南山区的一家…企业，…) is the home's."""
    text = """昆山开发区光电产业再添新项目

2024-05-20　来源：昆山日报

5月19日，一家光电模组企业在昆山开发区投产，主要生产车载显示模组。

星瀚光电是深圳市南山区的一家国家高新技术企业，长期为国内手机品牌提供显示模组，去年营业收入约30亿元。

市级层面，苏州市去年出台了支持光电产业发展的若干措施，对新建产线给予设备补助。

放眼苏州全市，光电显示产业已形成从面板到模组的完整链条。
"""
    index = _ingest(tmp_path, "kunshan.txt", text)
    found = _regions(index, "企业 OR 的 OR 是")
    assert found["星瀚光电是深"] == "广东省/深圳市/南山区"
    assert found["市级层面，苏"] == "江苏省/苏州市"
    assert found["放眼苏州全市"] == "江苏省/苏州市"
    assert found["5月19日，"] == "江苏省/苏州市/昆山市"


def test_a_firms_own_text_files_each_base_it_sites_under_its_place(tmp_path):
    """(h53-k) A firm's annual report or investor answers filed under its home: a paragraph opening on one of its bases,
    plants or subsidiaries sited elsewhere (（二）宜宾基地。宜宾某某有限公司位于…, 您好！公司某某工厂位于…) is that
    place's; the firm's own paragraphs stay the home's."""
    text = """成都蓉芯电子股份有限公司2024年年度报告（节选）

公司注册地址：四川省成都市郫都区创新路8号。

一、主要生产基地运营情况

（一）郫都基地。郫都基地是公司总部和主要生产基地，报告期内完成二期扩产。

（二）宜宾基地。宜宾蓉芯电子有限公司位于四川省宜宾市叙州区，主要生产功率模块，报告期内实现量产。

二、投资者问答

蓉芯电子：您好！公司绵阳测试工厂位于绵阳市游仙区，目前产能利用率约八成。
"""
    index = _ingest(tmp_path, "report.txt", text)
    found = _regions(index, "基地 OR 工厂")
    assert found["（二）宜宾基"] == "四川省/宜宾市/叙州区"
    assert found["蓉芯电子：您"] == "四川省/绵阳市/游仙区"
    assert found["（一）郫都基"] == "四川省/成都市/郫都区"


def test_a_picture_guides_lines_stay_apart(tmp_path):
    """(h53-l) A 一图读懂 page turned into text: short lines with no sentence end, in blocks under bracketed labels
    (【发展基础】) and lines each opening on a district's label (江北区：…, then 渝北区：…). The text read as hard-wrapped
    ran a block into the next label and the district lines into one passage; a bracketed label opens a paragraph, and
    lines that each open on a label are items of a list."""
    text = """一图读懂｜《重庆市支持功率半导体产业发展若干措施》
来源：重庆市经济和信息化委员会　2025-06-12

【发展基础】
全市已集聚功率半导体企业一百二十余家，产业链条基本完整
两江新区、西永综保区、璧山区三大集聚区协同发展的格局初步形成

【区域布局】
江北区：重点发展车规级功率模块、驱动芯片和测试验证服务
渝北区：重点发展碳化硅衬底材料、外延片和功率器件封装测试
沙坪坝区：重点发展功率器件设计、晶圆制造和公共服务平台建设
"""
    index = _ingest(tmp_path, "guide.txt", text)
    found = _regions(index, "重点发展 OR 格局")
    assert found["江北区：重点"] == "重庆市/江北区"
    assert found["渝北区：重点"] == "重庆市/渝北区"
    assert found["沙坪坝区：重"] == "重庆市/沙坪坝区"
    assert [("【" in row["text"]) for row in jsonl("search", "格局初步形成", "--all", "--index", index)] == [False]


def test_a_zone_of_its_own_stays_its_runners_though_its_text_calls_it_an_enclave(tmp_path):
    """(h53b-q) The enclave rule (a park on another's land is the host's) left out zones the gazetteer files as places of
    their own under the city that runs them: a 深汕特别合作区 report whose opening says it lies in 汕尾 and serves as 深圳's
    飞地 went to 汕尾市; it is 深圳市's, as the README says."""
    text = """深汕特别合作区2025年新型储能产业发展报告

深汕特别合作区发展改革局
2026年1月

深汕特别合作区位于汕尾市海丰县以西，是深圳市“飞地经济”的重要平台，近年来承接了一批储能电池和电子元器件项目。

一、总体情况
2025年，合作区新型储能产业产值同比增长四成。
"""
    index = _ingest(tmp_path, "shenshan.txt", text)
    assert [row["region_path"][:2] for row in jsonl("docs", "--index", index)] == [["广东省", "深圳市"]]

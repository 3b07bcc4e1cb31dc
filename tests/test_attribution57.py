"""Session 57: attribution on documents nobody tuned for (blind sets h57 a to e, written by helpers in their own words
against a frozen f1621ae, and classes left open by session 56).  Each test is a class of case, in my own words, through
the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_years_ahead_in_a_text_dated_the_year_before_its_period_count_from_the_period(tmp_path):
    """(session 56's leftover) In a plan or 建议 dated the year before the years it is for, 今后五年 and 未来三年 are those
    years, not the writer's year and the four after it; 去年 is still the writer's year's last; and the bracketed line
    dating the text's adoption speaks for that year alone (and is no wrapped line of the title above it, however short
    the text). A work report's 今后五年 still counts from its own year."""
    plan = """中共镇江市委关于制定镇江市国民经济和社会发展第十五个五年规划的建议

（2025年12月9日中国共产党镇江市第九届委员会第十一次全体会议通过）

今后五年，镇江要把集成电路材料产业打造成为千亿级产业集群。

去年，全市电子材料产业营收增长18%。
"""
    index = _ingest(tmp_path / "a", "advice.txt", plan)
    dated = _years(index, "镇江 OR 全市")
    titles = {row["title"] for row in jsonl("search", "镇江", "--all", "--index", index)}
    assert titles == {"中共镇江市委关于制定镇江市国民经济和社会发展第十五个五年规划的建议"}  # (a short text: the date line is no wrap)
    assert dated["（2025年"] == [2025]
    assert dated["今后五年，镇"] == [2026, 2027, 2028, 2029, 2030]
    assert dated["去年，全市电"] == [2024]
    action = """芜湖市功率半导体产业三年行动方案（2026—2028年）

（二〇二五年十二月二十二日印发）

未来三年，全市功率半导体产业规模年均增长20%以上。
"""
    index = _ingest(tmp_path / "b", "action.txt", action)
    dated = _years(index, "芜湖 OR 全市 OR 印发")
    assert dated["（二〇二五年"] == [2025]
    assert dated["未来三年，全"] == [2026, 2027, 2028]
    report = """2023年扬州市政府工作报告

——2023年1月9日在扬州市第九届人民代表大会第三次会议上

今后五年，全市半导体产业规模力争翻一番。
"""
    index = _ingest(tmp_path / "c", "report.txt", report)
    assert _years(index, "全市")["今后五年，全"] == [2023, 2024, 2025, 2026, 2027]


def test_an_audits_rectification_speaks_for_the_year_it_is_delivered(tmp_path):
    """(h56b-c) An audit's report on a year, delivered the next year: its section and paragraphs on putting right what
    the audit found (…整改情况; 对审计发现的问题，…截至2025年6月底，已整改…; 上年度审计…已整改到位) speak for the year the report is
    delivered, not the audited year; its findings keep the audited year, and its dash date line its own year."""
    text = """关于2024年度省级预算执行和其他财政收支的审计工作报告

——2025年7月28日在安徽省第十四届人民代表大会常务委员会第十八次会议上

安徽省审计厅厅长　李华

一、省级预算执行审计情况

2024年，省级半导体产业发展资金下达4.5亿元，支持项目62个。

二、审计发现的主要问题

个别市县未按规定用途使用半导体产业发展资金，涉及金额3900万元。

三、审计查出问题的整改情况

对审计发现的问题，省审计厅已依法出具审计报告。截至2025年6月底，有关单位已整改问题金额2.6亿元，追回资金1200万元。

上年度审计指出的园区厂房闲置问题已基本整改到位。

四、审计建议

加强半导体产业发展资金绩效管理。
"""
    index = _ingest(tmp_path, "audit.txt", text)
    dated = _years(index, "审计 OR 资金 OR 整改 OR 会议")
    assert dated["——2025"] == [2025]
    assert dated["2024年，"] == [2024]
    assert dated["个别市县未按"] == [2024]
    assert dated["三、审计查出"] == [2025]
    assert dated["对审计发现的"] == [2025]
    assert dated["上年度审计指"] == [2025]


def test_a_headline_naming_two_cities_apart_is_their_provinces_not_one_sites(tmp_path):
    """(h57-d) A story headlined by two cities of one province working together (湛江茂名携手…) is the province's, even
    when its lead opens on a park in one of them; each city's own part is still that city's."""
    text = """广东：湛江茂名携手建设绿色算力基地

2025-06-12 09:00　来源：南方日报

6月11日，茂名市绿色算力中心二期项目在茂名高新技术产业开发区开工。与此同时，湛江经济技术开发区的海底数据舱项目完成首批交付。两座城市正联手建设粤西算力走廊。

广东数据中心机架总量位居全国前列，省里将支持粤西地区承接大湾区算力需求。

湛江篇：湛江经济技术开发区重点建设海底数据舱和液冷数据中心，已吸引三家深圳企业入驻。

茂名篇：茂名依托石化产业基础，建设工业互联网平台和算力中心，总投资约80亿元。
"""
    index = _ingest(tmp_path, "pair.txt", text)
    placed = _regions(index, "算力 OR 数据")
    assert placed["广东：湛江茂"] == "广东省"
    assert placed["6月11日，"] == "广东省"
    assert placed["湛江篇：湛江"].startswith("广东省/湛江市")
    assert placed["茂名篇：茂名"] == "广东省/茂名市"


def test_a_press_conference_introducing_a_policy_is_an_explainer_and_its_past_figures_their_year(tmp_path):
    """(h57-b) A press conference's transcript under a plain title whose subtitle or topic line names the policy it
    introduces (——介绍《…》有关情况, 主题：解读《…》), or titled by the policy alone (《…》新闻发布会), is a policy explainer
    (政策解读); an answer that opens with thanks or a greeting and gives last year's figures speaks for that year."""
    text = """安徽省人民政府新闻办公室新闻发布会文字实录
——介绍《安徽省新型显示产业提质行动方案（2025—2027年）》有关情况

时间：2025年4月8日上午

主持人：
各位记者朋友，大家上午好！欢迎出席省政府新闻办新闻发布会。

省经济和信息化厅副厅长：
谢谢主持人。新型显示是我省重点打造的产业集群之一。2024年，全省新型显示产业营收达到1850亿元，同比增长9.8%。

《行动方案》提出，到2027年，全省新型显示产业营收力争突破2500亿元。
"""
    index = _ingest(tmp_path / "a", "conference.txt", text)
    rows = jsonl("search", "新型显示", "--all", "--index", index)
    assert {row["doc_type"] for row in rows} == {"政策解读"}
    assert _years(index, "新型显示")["谢谢主持人。"] == [2024]
    topic = """合肥市人民政府新闻办公室新闻发布会实录
主题：解读《合肥市加快传感器产业发展若干政策》

发布时间：2024年5月20日上午

谢谢。去年，全市传感器产业营收达到320亿元。
"""
    index = _ingest(tmp_path / "b", "topic.txt", topic)
    assert {row["doc_type"] for row in jsonl("search", "传感器", "--all", "--index", index)} == {"政策解读"}
    titled = """《南京市促进功率半导体产业发展若干措施》新闻发布会

发布时间：2024-09-10 10:00　来源：南京市人民政府新闻办公室

主持人：欢迎参加新闻发布会。今天邀请市工业和信息化局负责同志介绍有关情况。
"""
    index = _ingest(tmp_path / "c", "titled.txt", titled)
    assert {row["doc_type"] for row in jsonl("search", "新闻发布会", "--all", "--index", index)} == {"政策解读"}


def test_a_listed_firms_report_titled_by_its_short_name_is_the_firms_at_its_seat(tmp_path):
    """(h57-e) A listed firm's periodic report titled by its short name (某某微电：2024年年度报告摘要), or an analyst's note on
    it titled with its stock code (某某微电（688123）首次覆盖报告), is the firm's own text: no round-up of the cities its
    plants and offices lie in, and filed at its seat; the stock exchange its reports are filed with (上海证券交易所) is no
    place of it."""
    report = """芯朗微电：2024年年度报告摘要

宁波芯朗微电子股份有限公司

第一节　重要提示

本年度报告摘要来自年度报告全文，投资者应当到上海证券交易所网站仔细阅读年度报告全文。

公司注册地址：浙江省宁波市北仑区新碶街道芯港路18号

第二节　产能布局

公司在宁波北仑、江苏无锡、四川成都、陕西西安设有生产基地，在深圳、北京、上海设有销售中心。

2024年，公司实现营业收入21.6亿元，同比增长14%。
"""
    index = _ingest(tmp_path / "a", "annual.txt", report)
    placed = _regions(index, "公司")
    assert placed["2024年，"] == "浙江省/宁波市/北仑区"
    assert placed["公司在宁波北"] == "浙江省/宁波市/北仑区"
    assert {row["region_path"][0] for row in jsonl("docs", "--index", index)} == {"浙江省"}
    note = """晶澜科技（688321）首次覆盖报告：功率芯片国产替代加速

晶澜科技成立于2012年，总部位于江苏省无锡市新吴区，在无锡、合肥、重庆、厦门设有研发和生产基地。

我们预计公司2025—2027年营业收入分别为18.2、23.5、29.1亿元，首次覆盖，给予“增持”评级。
"""
    index = _ingest(tmp_path / "b", "note.txt", note)
    placed = _regions(index, "公司 OR 晶澜科技")
    assert placed["晶澜科技成立"] == "江苏省/无锡市/新吴区"
    assert placed["我们预计公司"] == "江苏省/无锡市/新吴区"


def test_a_firms_notice_of_a_plant_elsewhere_keeps_its_firm_wide_results_at_home(tmp_path):
    """(h57-e) A listed firm's notice of a plant in another city (苏州某某…关于投资建设西安…的公告) is filed at the plant's
    site, but its paragraphs on the firm's results or finances as a whole (2024年，公司实现营业收入…; 预计不会对公司…的财务状况…
    产生重大不利影响) are the firm's, at the place its name gives; the project's own paragraphs stay at the site."""
    text = """苏州澄芯半导体股份有限公司关于投资建设西安车规芯片封测基地的公告

本公司董事会及全体董事保证本公告内容不存在任何虚假记载。

一、对外投资概述

公司拟在陕西省西安市高陵区投资建设车规芯片封测基地，项目总投资约18亿元，分两期建设。

二、投资对公司的影响

2024年，公司实现营业收入12.8亿元，同比增长26%，车规级产品收入占比超过四成。

本次投资资金来源为自有资金和自筹资金，预计不会对公司2025年度的财务状况和经营成果产生重大不利影响。
"""
    index = _ingest(tmp_path, "plant.txt", text)
    placed = _regions(index, "公司")
    assert placed["公司拟在陕西"] == "陕西省/西安市/高陵区"
    assert placed["2024年，"] == "江苏省/苏州市"
    assert placed["本次投资资金"] == "江苏省/苏州市"


def test_a_tender_speaks_for_its_year_not_its_contracts_term_or_its_bidders_record(tmp_path):
    """(h57-c) A procurement notice is of the year it is published: a contract's term up front (合同履行期限：…2026年9月1日至
    2029年8月31日) is the goods' term, not the text's years, and the start of a bidder's record it asks for (2022年1月1日以来…
    供货业绩) is a condition, no year it speaks for."""
    text = """武汉东湖高新区光电子公共测试平台设备采购项目公开招标公告

项目概况：武汉东湖高新区光电子公共测试平台设备采购项目的潜在投标人应在线获取招标文件，并于2026年7月20日9点30分前递交投标文件。

一、项目基本信息

预算金额：2350万元

合同履行期限：设备维保服务期为2026年9月1日至2029年8月31日。

二、申请人的资格要求

1.满足《中华人民共和国政府采购法》第二十二条规定；

2.投标人须具有2022年1月1日以来同类光电测试设备的供货业绩不少于3项。

三、其他补充事宜

平台建成后将面向区内光电子企业提供测试服务。
"""
    index = _ingest(tmp_path, "tender.txt", text)
    dated = _years(index, "项目 OR 投标人 OR 平台 OR 预算")
    assert dated["预算金额：2"] == [2026]
    assert dated["2.投标人须"] == [2026]
    assert dated["平台建成后将"] == [2026]


def test_a_list_titled_by_its_year_that_states_a_period_from_it_speaks_for_the_period(tmp_path):
    """(h57-c) A notice titled by one year (关于公布2025年…试点名单的通知) that states a period from that year on (试点期为2025年
    至2027年) speaks for the period, its list's rows too."""
    text = """工业和信息化部办公厅关于公布2025年传感器产业集群培育试点名单的通知

各省、自治区、直辖市工业和信息化主管部门：

经地方推荐和专家评审，确定12个集群为2025年传感器产业集群培育试点，试点期为2025年至2027年。

请有关地方加强指导，于每年1月底前报送上年度试点进展。

附件：2025年传感器产业集群培育试点名单

1.苏州工业园区智能传感器集群
"""
    index = _ingest(tmp_path, "pilot.txt", text)
    dated = _years(index, "试点 OR 集群")
    assert dated["经地方推荐和"] == [2025, 2026, 2027]
    assert dated["1.苏州工业"] == [2025, 2026, 2027]


def test_a_forwarded_national_text_whose_title_line_names_no_writer_is_the_countrys(tmp_path):
    """(h57-d) A province's notice forwarding a national text (关于转发《关于…的通知》的通知) prints that text after its own
    signature under a title line naming no writer: its forwarding sentence (现将工业和信息化部、国家发展改革委《…》转发给你们)
    says who wrote it, so the forwarded text is the country's; the notice's own lines stay the province's."""
    text = """甘肃省工业和信息化厅关于转发《关于推动传感器产业高质量发展的通知》的通知

甘工信发〔2024〕88号

各市（州）工业和信息化局：

现将工业和信息化部、国家发展改革委《关于推动传感器产业高质量发展的通知》转发给你们，请结合实际认真贯彻落实。

一、兰州市要依托兰州新区，加快传感器材料项目建设。

甘肃省工业和信息化厅

2024年6月12日

关于推动传感器产业高质量发展的通知

各省、自治区、直辖市工业和信息化主管部门、发展改革委：

为推动传感器产业高质量发展，现就有关事项通知如下。

一、加强传感器关键材料和工艺攻关，培育一批专精特新企业。
"""
    index = _ingest(tmp_path, "forward.txt", text)
    placed = _regions(index, "传感器")
    assert placed["现将工业和信"] == "甘肃省"
    assert placed["一、兰州市要"] == "甘肃省/兰州市"
    assert placed["为推动传感器"] == "全国"
    assert placed["一、加强传感"] == "全国"


def test_an_answers_courtesy_is_passed_over_before_what_it_says(tmp_path):
    """(h57-b) In a press conference, a district official's answer opening with thanks (谢谢您的提问。) and then its
    district as subject, with the city in the first person (闵行是本市…之一) is the district's, as it would be without
    the thanks; the city's own officials' answers stay the city's."""
    text = """上海市人民政府新闻发布会实录
（2026年2月10日）

【市经济信息化委主任　陈立新】：

各位媒体朋友，大家上午好！集成电路是本市重点培育的产业之一。

【解放日报记者】：

请问闵行区在落实新政策方面有哪些考虑？

【闵行区副区长　赵云】：

谢谢您的提问。闵行是本市芯片设计企业较集中的区域之一。2025年，闵行区集成电路产业营收达到680亿元。
"""
    index = _ingest(tmp_path, "answer.txt", text)
    placed = _regions(index, "集成电路 OR 芯片")
    assert placed["各位媒体朋友"] == "上海市"
    assert placed["谢谢您的提问"] == "上海市/闵行区"


def test_a_firms_site_elsewhere_opening_a_paragraph_is_that_places(tmp_path):
    """(h57-e, h57b-c) In a firm's own text filed at its seat, a paragraph whose first clause opens, after a short lead-in,
    on one of its sites in another place (宜宾基地于2024年…; 报告期内，西安子公司承担的…; 据悉，澄芯半导体南昌二期工厂已于…) is
    that place's; a table's row, or a sentence naming several places' sites, keeps the rules it had. A broker's note titled by the firm's name and stock code and filed nowhere by its title
    is filed where its text says the firm is headquartered."""
    report = """澄芯半导体：2024年年度报告摘要

苏州澄芯半导体股份有限公司

公司注册地址：江苏省苏州市吴中区苏虹东路99号

报告期内，公司实现营业收入32.5亿元，同比增长18%。

宜宾基地于2024年通过ISO 14001环境管理体系认证，并完成光伏屋顶改造。

报告期内，西安子公司承担的车规级功率模块项目完成可靠性验证。

据悉，澄芯半导体南昌二期工厂已于今年9月投产。

合肥基地：位于合肥经济技术开发区，主要从事功率器件封装。

宜宾基地、西安子公司分别新建污水处理站和中水回用系统，年节水约12万吨。
"""
    index = _ingest(tmp_path / "a", "sites.txt", report)
    placed = _regions(index, "公司 OR 基地 OR 子公司 OR 工厂")
    assert placed["报告期内，公"] == "江苏省/苏州市/吴中区"
    assert placed["宜宾基地于2"] == "四川省/宜宾市"
    assert placed["报告期内，西"] == "陕西省/西安市"
    assert placed["据悉，澄芯半"] == "江西省/南昌市"
    assert placed["宜宾基地、西"] == "江苏省/苏州市/吴中区"
    note = """澄芯半导（688517.SH）首次覆盖报告

● 公司总部位于江苏省苏州市吴中区，2024年实现营业收入32.5亿元。

● 我们预计公司2025—2027年归母净利润分别为3.1、4.0、5.2亿元，首次覆盖，给予“买入”评级。
"""
    index = _ingest(tmp_path / "b", "note.txt", note)
    assert {tuple(row["region_path"]) for row in jsonl("docs", "--index", index)} == {("江苏省", "苏州市", "吴中区")}


def test_a_table_set_with_ideographic_spaces_keeps_its_rows_and_is_found_as_typed(tmp_path):
    """(h57-c, h57b-e) A plain text's table whose cells are set apart by ideographic spaces (1　某某公司　银海区　150) is read
    row by row with its cells, as one set with tabs or two spaces is: each row is a passage of its own and its district's
    (the rows were read as one hard-wrapped paragraph, 150 and the next row's 2 stored as 1502). A phrase typed as the file shows it, across a cell gap, is still
    found: the cell mark is a gap in the search form, as a space is."""
    text = """关于2024年度电子信息产业研发补助拟支持企业名单的公示

根据《北海市电子信息产业研发补助实施细则》，经审核，拟对以下企业给予研发补助，现予以公示。

序号　企业名称　所在县（区）　补助金额（万元）
1　北海某某电子科技有限公司　银海区　150
2　北海某某显示技术有限公司　海城区　132
3　合浦某某电子元件有限公司　合浦县　41

公示时间为2024年10月16日至10月22日。

北海市工业和信息化局
"""
    index = _ingest(tmp_path / "a", "publicity.txt", text)
    rows = jsonl("search", "有限公司", "--all", "--index", index)
    placed = {row["text"].split(" | ")[1]: "/".join(row["region_path"]) for row in rows}
    assert placed["北海某某电子科技有限公司"] == "广西壮族自治区/北海市/银海区"
    assert placed["合浦某某电子元件有限公司"] == "广西壮族自治区/北海市/合浦县"
    assert sorted(row["text"] for row in rows) == ["1 | 北海某某电子科技有限公司 | 银海区 | 150", "2 | 北海某某显示技术有限公司 | 海城区 | 132",
                                                 "3 | 合浦某某电子元件有限公司 | 合浦县 | 41"]
    typed = jsonl("search", '"银海区　150"', "--all", "--index", index)
    assert [row["text"] for row in typed] == ["1 | 北海某某电子科技有限公司 | 银海区 | 150"]


def test_a_story_of_a_firms_signing_with_a_zones_committee_is_the_zones(tmp_path):
    """(h57b-c) A story headlined by a firm's base in a city (某某半导体青岛先进封装基地项目签约), whose lead has the firm sign
    with a zone's committee (与青岛西海岸新区管理委员会在青岛举行…签约仪式), is filed where the zone lies (沙坪坝区), as one whose
    lead says the base lies there is."""
    text = """澄芯半导体重庆功率模块基地项目正式签约

2025-07-08　来源：澄芯半导体新闻中心

7月7日，苏州澄芯半导体股份有限公司与重庆西永微电子产业园区管理委员会在重庆举行功率模块基地项目签约仪式。项目总投资约18亿元。

该基地将主要生产车规级功率模块，一期计划2026年投产。
"""
    index = _ingest(tmp_path, "signing.txt", text)
    assert {tuple(row["region_path"]) for row in jsonl("docs", "--index", index)} == {("重庆市", "沙坪坝区")}

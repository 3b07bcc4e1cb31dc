"""Session 55: attribution on documents nobody tuned for (blind sets h55 a to e, written by helpers in their own words
against a frozen e15e09a, and session 54's leftovers).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def test_a_ranking_story_headlined_by_its_leader_is_a_round_up(tmp_path):
    """(h54-w) A story on a ranking of places whose headline names the place at its top (…百强区榜单发布：北仑区首次登顶)
    and whose text names the ranked places in three provinces is a round-up of them (多地), not the leader's; a
    paragraph that opens on the leader is still the leader's.  A district's own story on its rank, naming no other
    province's places, stays the district's."""
    text = """2024全国工业百强区榜单发布：北仑区首次登顶

11月8日，一家研究机构在上海发布年度工业百强区榜单。宁波市北仑区、深圳市宝安区、苏州市吴中区位列前三，武汉市东湖新技术开发区、成都市双流区、合肥市蜀山区进入前二十。

从行业看，入围城区中有四成以电子信息为第一主导产业。

北仑区去年规模以上工业增加值增长9%，集成电路材料产值居全国城区首位。
"""
    index = _ingest(tmp_path, "ranking.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["多地"]]
    placed = _regions(index, "区")
    assert placed["11月8日，"] == "多地"
    assert placed["北仑区去年规"] == "浙江省/宁波市/北仑区"
    own = """南山区位列2024工业百强区榜单第一

本报讯 11月8日，年度工业百强区榜单发布，南山区连续第三年排名第一，福田区、宝安区同样进入前二十。

南山区去年规模以上工业增加值增长9%。
"""
    index = _ingest(tmp_path / "own", "own.txt", own)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["广东省", "深圳市", "南山区"]]


def test_a_digest_item_and_its_contents_line_name_the_place_inside_the_label(tmp_path):
    """(h54b-a, h54-u) In a weekly digest of several provinces, an item under a bracketed province-and-city label whose
    text names a district of that city after its date (【浙江宁波】5月12日，北仑区…, 【湖北武汉】近日，武汉东西湖区…) is
    that district's; a line of the digest's contents that opens with a place is that place's, and opens no section."""
    text = """芯片项目一周动态（2025年第19期）

【本期要目】
宁波北仑区引线框架项目竣工
武汉东西湖区存储模组工厂投产
成都高新区设计企业集中签约

【浙江宁波】5月12日，北仑区一家引线框架企业的扩产项目通过竣工验收，新增产能每月30亿只。

【湖北武汉】近日，武汉东西湖区一家存储模组工厂正式投产，年产模组2000万条。

【四川成都】成都高新区5月14日集中签约设计企业6家，协议投资额共计18亿元。

【编者按】本周各地项目推进整体较快。
"""
    index = _ingest(tmp_path, "digest.txt", text)
    placed = _regions(index, "区 OR 各地")
    assert placed["【浙江宁波】"] == "浙江省/宁波市/北仑区"
    assert placed["【湖北武汉】"] == "湖北省/武汉市/东西湖区"
    assert placed["宁波北仑区引"] == "浙江省/宁波市/北仑区"
    assert placed["武汉东西湖区"] == "湖北省/武汉市/东西湖区"
    assert placed["【编者按】本"] == "多地"


def test_a_headline_naming_a_firm_by_its_home_before_its_new_sites_place_is_the_sites(tmp_path):
    """(h54b-a) A headline that names a firm by its home city and brand right before the city of the firm's new site
    (深圳华芯精密惠州生产基地项目签约, in the firm's own release) is the site's story, not the province's; the paragraph about the firm's seat stays the
    seat's."""
    text = """深圳华芯精密惠州生产基地项目签约

来源：深圳华芯精密股份有限公司

9月3日，深圳华芯精密股份有限公司与惠州仲恺高新区管委会签署投资协议，将建设半导体封装用精密结构件生产基地。

基地总投资12亿元，达产后年产值可达20亿元。

华芯精密总部位于深圳市宝安区，2024年营业收入9.6亿元。
"""
    index = _ingest(tmp_path, "huaxin.txt", text)
    assert [row["region_path"][:2] for row in jsonl("docs", "--index", index)] == [["广东省", "惠州市"]]
    placed = _regions(index, "基地 OR 总部")
    assert placed["基地总投资1"].startswith("广东省/惠州市")
    assert placed["华芯精密总部"] == "广东省/深圳市/宝安区"


def test_a_forwarding_notices_own_line_stating_a_later_year_keeps_it(tmp_path):
    """(h55-a) In a notice forwarding a province's policy of several years, a line of the notice's own that states a
    target year beyond its issue year inside its text (…延伸，到2026年，全市…) speaks for the years it runs to; its other own lines, and one
    whose deadline falls in the issue year (于2024年9月底前…), speak for the year it is issued."""
    text = """榆林市人民政府办公室关于转发陕西省人民政府办公厅关于支持半导体材料产业发展若干措施的通知

榆政办发〔2024〕31号

各县（市、区）人民政府，市人民政府各工作部门：

现将《陕西省人民政府办公厅关于支持半导体材料产业发展若干措施》转发给你们，请结合实际认真贯彻落实。

一、做强硅材料产业链。依托现有产能向电子级硅材料延伸，到2026年，全市半导体硅材料产业产值力争达到300亿元。

二、各县（市、区）于2024年9月底前报送本地配套措施。

榆林市人民政府办公室
2024年7月3日

附件

陕西省人民政府办公厅关于支持半导体材料产业发展若干措施

一、对新建电子级硅材料项目给予用能保障。

二、本措施自2024年8月1日起施行，有效期至2026年12月31日。
"""
    index = _ingest(tmp_path, "yulin.txt", text)
    dated = _years(index, "全市 OR 报送 OR 转发给你们")
    assert dated["一、做强硅材"] == [2024, 2025, 2026]
    assert dated["二、各县（市"] == [2024]
    assert dated["现将《陕西省"] == [2024]


def test_a_provinces_own_meeting_held_in_a_city_is_the_provinces(tmp_path):
    """(h55-e) A story headlined by a province's own meeting held in one city (全省…推进会在芜湖召开) is the province's,
    the city its venue: the province's figures are the province's, and a city official's speech that opens on the city
    is that city's.  A city's own meeting held in one district (全市…现场会在江宁区召开) is the city's."""
    text = """全省半导体产业链推进会在芜湖召开

本报讯 6月18日，全省半导体产业链推进会在芜湖召开。副省长出席会议并讲话。

会议指出，去年全省半导体产业营收增长16%，规模以上企业达到320家。

会上，滁州市负责同志介绍了光伏玻璃与电子材料协同发展的做法。

会议要求，各市要压实链长责任，确保全年目标完成。
"""
    index = _ingest(tmp_path, "anhui.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["安徽省"]]
    placed = _regions(index, "会")
    assert placed["会议指出，去"] == "安徽省"
    assert placed["会上，滁州市"] == "安徽省/滁州市"
    city = """全市集成电路产业现场会在江宁区召开

本报讯 全市集成电路产业现场会昨日在江宁区召开，各区汇报了上半年项目进展。
"""
    index = _ingest(tmp_path / "city", "nanjing.txt", city)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["江苏省", "南京市"]]


def test_a_leaders_tour_of_several_cities_in_a_headline_is_the_provinces(tmp_path):
    """(h55-e) A headline telling of a provincial leader's tour through three cities written one after another
    (在柳州桂林梧州调研…) names all three, so the story is the province's, not the first city's; a paragraph opening on
    one of them is that city's."""
    text = """副省长在柳州桂林梧州调研电子信息产业

本报讯 11月2日至4日，副省长在柳州桂林梧州调研电子信息产业发展情况。

在桂林，副省长察看了一家光通信器件企业的新厂房。

调研中，副省长强调，要加快构建全区电子信息产业集群。
"""
    index = _ingest(tmp_path, "tour.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["广西壮族自治区"]]
    placed = _regions(index, "副省长")
    assert placed["在桂林，副省"] == "广西壮族自治区/桂林市"


def test_a_delegations_visit_elsewhere_is_the_visitors_and_each_stop_the_visited_places(tmp_path):
    """(h55-e) A story of a city's delegation going to other places to learn (…代表团赴苏州无锡考察学习) is the
    delegation's city's, not a round-up of the places visited nor the last of them; a paragraph opening on a stop
    (在苏州工业园区，代表团…, 在无锡，…) is the place visited; what the visitors resolve to do at home is theirs."""
    text = """宜宾市代表团赴苏州无锡考察学习

本报讯 9月6日至8日，宜宾市代表团赴江苏省苏州市、无锡市考察学习集成电路和新型显示产业发展经验。

在苏州，代表团参观了两家封测企业，了解园区招商和产业基金运作情况。

在无锡，代表团走进一家功率器件企业，听取了企业扩产情况介绍。

在江阴，代表团考察了一家引线框架企业。

代表团表示，宜宾将学习借鉴先进经验，加快培育电子信息产业集群。
"""
    index = _ingest(tmp_path, "yibin.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["四川省", "宜宾市"]]
    placed = _regions(index, "代表团")
    assert placed["在苏州，代表"] == "江苏省/苏州市"
    assert placed["在无锡，代表"] == "江苏省/无锡市"
    assert placed["在江阴，代表"] == "江苏省/无锡市/江阴市"
    assert placed["代表团表示，"] == "四川省/宜宾市"


def test_a_paragraph_opening_on_the_whole_after_a_time_lead_ends_a_districts_section(tmp_path):
    """(h55-e) In a city story whose paragraphs go district by district (在江北区，…), a later paragraph that opens,
    after a lead of time or source, on the city's own whole (今年前三季度，全市…, 据市统计局数据，上半年全市…) reports the
    city's figures: it ends the district's section (one the paragraphs' shared lead opened), and what follows is the
    city's again."""
    text = """宁波市长调研集成电路企业

本报讯 10月20日，市长到北仑区、镇海区、江北区调研集成电路企业。

在北仑区，市长察看了一家引线框架企业的新产线。

在镇海区，市长来到一家电子化学品企业，询问企业用工情况。

在江北区，市长走进一家功率器件企业，详细了解产品研发情况。

今年前三季度，全市集成电路产业营收增长14%。

市长强调，要抓好重点项目建设，确保完成年度目标。
"""
    index = _ingest(tmp_path, "ningbo.txt", text)
    placed = _regions(index, "市长 OR 全市")
    assert placed["在江北区，市"] == "浙江省/宁波市/江北区"
    assert placed["今年前三季度"] == "浙江省/宁波市"
    assert placed["市长强调，要"] == "浙江省/宁波市"


def test_a_firms_about_page_is_the_firms_and_each_timeline_item_its_year_and_site(tmp_path):
    """(h55-c) A firm's "about us" page (a profile heading in its first lines) going through plants in several
    provinces is a 企业简介 of the firm at its seat, not a round-up (多地); an item of its history under a line of its
    year alone (2019 / 在衢州市柯城区建成…) speaks for that year and lies at its site; a heading naming the firm's own city
    after a site's lines (苏州研发中心 after 合肥基地) is the firm's place again."""
    text = """关于我们

公司简介

苏州晶衡半导体股份有限公司总部位于苏州市吴中区，专注于功率器件的研发与制造。

2025年，公司实现营业收入12.6亿元。

发展历程

2016

公司在苏州成立，首款产品流片成功。

2019

在衢州市柯城区建成首条功率器件封装线。

2022

成都高新区设计中心投入使用。

生产基地

合肥基地

位于合肥市肥西县，是公司主要的封装测试基地。

苏州研发中心

设有芯片设计与可靠性实验室。
"""
    index = _ingest(tmp_path, "about.txt", text)
    docs = jsonl("docs", "--index", index)
    assert [(row["region_path"], row["doc_type"]) for row in docs] == [(["江苏省", "苏州市", "吴中区"], "企业简介")]
    placed = _regions(index, "公司 OR 建成 OR 投入使用 OR 基地 OR 实验室")
    dated = _years(index, "公司 OR 建成 OR 投入使用 OR 基地 OR 实验室")
    assert placed["2025年，"] == "江苏省/苏州市/吴中区"
    assert placed["在衢州市柯城"] == "浙江省/衢州市/柯城区" and dated["在衢州市柯城"] == [2019]
    assert dated["公司在苏州成立"[:6]] == [2016]
    assert placed["成都高新区设"].startswith("四川省/成都市") and dated["成都高新区设"] == [2022]
    assert placed["位于合肥市肥"] == "安徽省/合肥市/肥西县"
    assert placed["设有芯片设计"] == "江苏省/苏州市/吴中区"


def test_a_firms_release_on_exhibiting_at_a_fair_elsewhere_is_the_firms(tmp_path):
    """(h55-c) A firm's release headlined by its showing at a fair (…亮相2025慕尼黑上海电子展 发布…), whose lead is set in
    the fair's city, is the firm's, at the home its text states (总部位于杭州市滨江区); a subheading of the release naming
    the firm's own city (## 杭州总部…) after one naming a branch elsewhere (## 深圳办事处…) is the firm's again."""
    text = """# 芯澜微电子亮相2025慕尼黑上海电子展 发布新一代电机驱动芯片

4月16日，2025慕尼黑上海电子展在上海新国际博览中心开幕。芯澜微电子携新一代电机驱动芯片亮相展会。

据介绍，新品采用公司自研的高压工艺，已通过多家家电客户验证。

## 深圳办事处升级为华南中心

发布会上，芯澜微电子宣布将深圳办事处升级为华南技术支持中心。

## 杭州总部扩建研发大楼

芯澜微电子成立于2016年，总部位于杭州市滨江区，研发人员占比超过六成。

公司今年将新增研发人员80名。
"""
    index = _ingest(tmp_path, "release.md", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["浙江省", "杭州市", "滨江区"]]
    placed = _regions(index, "芯澜微电子 OR 公司 OR 新品")
    assert placed["据介绍，新品"] == "浙江省/杭州市/滨江区"
    assert placed["公司今年将新"] == "浙江省/杭州市/滨江区"


def test_a_firms_report_stating_its_headquarters_is_its_seat_districts(tmp_path):
    """(h55-c) A firm's own report titled by its name and filed under the city the name gives is its seat's district when
    its first paragraphs say where it is headquartered (公司总部位于武汉市洪山区…), and so are its paragraphs about the
    firm; a report whose statement names no district stays the city's."""
    text = """武汉楚源芯科技股份有限公司2024年度社会责任报告

一、公司概况

公司总部位于武汉市洪山区，主要从事光通信芯片的研发与制造。

2024年，公司实现营业收入8.2亿元，研发投入占比14%。
"""
    index = _ingest(tmp_path, "csr.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖北省", "武汉市", "洪山区"]]
    assert _regions(index, "营业收入")["2024年，"] == "湖北省/武汉市/洪山区"
    plain = text.replace("公司总部位于武汉市洪山区，", "公司总部位于武汉，")
    index = _ingest(tmp_path / "plain", "csr.txt", plain)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖北省", "武汉市"]]


def test_an_investor_platforms_questions_and_answers_on_sites_elsewhere_are_the_sites(tmp_path):
    """(h55-c) A firm's compiled investor-platform Q&A titled by its full name is the firm's, no round-up of its sites'
    provinces; a question or answer whose subject, after the platform's labels and greetings, is a site elsewhere
    (投资者提问：请问赣州工厂…, 董秘回复：您好！公司于2025年5月在西安高新区设立全资子公司西安…有限公司…) is that site's;
    one about the firm's own figures stays the firm's."""
    text = """东莞宏晶电子科技股份有限公司

投资者互动平台问答汇编（2025年第二季度）

1. 投资者提问：请问赣州工厂目前的产能利用率是多少？

董秘回复：您好！赣州生产基地目前产能利用率约八成。感谢关注。

2. 投资者提问：公司是否在西北设立了子公司？

董秘回复：您好！公司于2025年5月在西安高新区设立全资子公司西安宏晶微电子有限公司，主要从事芯片设计。感谢关注。

3. 投资者提问：请问公司一季度营业收入是多少？

董秘回复：您好！公司一季度实现营业收入3.2亿元。感谢关注。

4. 投资者提问：请问苏州研发中心什么时候启用？

董秘回复：您好！苏州研发中心预计年内启用。感谢关注。
"""
    index = _ingest(tmp_path, "irm.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["广东省", "东莞市"]]
    placed = _regions(index, "董秘 OR 投资者")
    assert placed["1. 投资者"] == "江西省/赣州市"
    assert placed["董秘回复：您好！公司于"[:6]] in ("陕西省/西安市/西安高新区", "陕西省/西安市")
    assert placed["3. 投资者"] == "广东省/东莞市"
    assert placed["4. 投资者"] == "江苏省/苏州市"


def test_a_notice_publishing_a_draft_for_comment_speaks_for_its_year(tmp_path):
    """(h55-d) A notice publishing a draft plan for comment speaks in its own lines (its purpose, the comment window,
    where to send comments, its date) for the year it is issued, not the draft's term; the draft, printed after the
    signature under its own title line, keeps its term."""
    text = """合肥市经济和信息化局关于公开征求《合肥市集成电路产业提质行动方案（2026—2028年）（征求意见稿）》意见的通知

为推动全市集成电路产业提质发展，我局起草了《合肥市集成电路产业提质行动方案（2026—2028年）（征求意见稿）》，现向社会公开征求意见。

一、征求意见时间：2025年11月3日至2025年12月2日。

二、请将意见发送至本局电子信息产业处邮箱。

合肥市经济和信息化局
2025年11月1日

合肥市集成电路产业提质行动方案（2026—2028年）

一、到2028年，全市集成电路产业规模突破1500亿元。

二、每年新增规模以上集成电路企业20家。
"""
    index = _ingest(tmp_path, "draft.txt", text)
    dated = _years(index, "意见 OR 集成电路 OR 邮箱")
    assert dated["为推动全市集"] == [2025]
    assert dated["一、征求意见"] == [2025]
    assert dated["二、请将意见"] == [2025]
    assert dated["二、每年新增"] == [2026, 2027, 2028]


def test_a_letter_to_another_places_body_files_the_joint_work_under_both(tmp_path):
    """(h55-d) A letter (函) from one place's department to another place's (…的函, addressed 嘉兴市经济和信息化局：) files
    its paragraphs on joint work (两地…, 共同…, 共建…) under both places: 多地 across provinces, their province within
    one; the letter's own voice (请贵局研究函复) stays the sender's."""
    text = """苏州市工业和信息化局关于商请共建集成电路产业协作园的函

苏工信函〔2025〕21号

嘉兴市经济和信息化局：

为推动两地集成电路产业协同发展，现就有关事项函商如下：

一、建议两地共同编制协作园区规划。

二、请贵局研究函复。

苏州市工业和信息化局
2025年4月8日
"""
    index = _ingest(tmp_path, "letter.txt", text)
    placed = _regions(index, "两地 OR 贵局")
    assert placed["为推动两地集"] == "多地"
    assert placed["一、建议两地"] == "多地"
    assert placed["二、请贵局研"] == "江苏省/苏州市"
    inside = text.replace("嘉兴市经济和信息化局：", "无锡市工业和信息化局：")
    index = _ingest(tmp_path / "inside", "letter.txt", inside)
    assert _regions(index, "两地")["一、建议两地"] == "江苏省"



def test_a_provincial_tours_closing_paragraphs_are_the_provinces(tmp_path):
    """(h55-e, h55b-b) In a governor's tour of a province going city by city (在株洲，…, 在岳阳，…), a later paragraph
    that lists three of its cities (…座谈会，听取长沙、株洲、岳阳、常德等市汇报), one opening on the province's whole after
    a source lead (据介绍，去年全省…), and the attendance line of the province's departments (省直有关部门负责同志参加调研)
    are the province's, not the last city's."""
    text = """省长在长沙株洲岳阳调研电子信息产业

本报讯 5月8日至10日，省长到长沙、株洲、岳阳调研电子信息产业发展情况。

在长沙，省长察看了一家显示面板企业的生产线。

在株洲，省长走进一家功率器件企业，了解新品研发情况。

在岳阳，省长来到一家电子材料企业，察看项目建设进度。

调研期间，省长在岳阳主持召开座谈会，听取长沙、株洲、岳阳、常德等市汇报。

据介绍，去年全省电子信息制造业营收增长11%。

省直有关部门负责同志参加调研。
"""
    index = _ingest(tmp_path, "tour.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["湖南省"]]
    placed = _regions(index, "省长 OR 全省 OR 调研")
    assert placed["在岳阳，省长"] == "湖南省/岳阳市"
    assert placed["调研期间，省"] == "湖南省"
    assert placed["据介绍，去年"] == "湖南省"
    assert placed["省直有关部门"] == "湖南省"


def test_a_firms_report_stating_its_headquarters_after_its_history_is_its_seat_districts(tmp_path):
    """(h55b-a) A firm's report titled by a name that opens with its province (广东…股份有限公司…报告) whose profile states
    its headquarters after a sentence of history (…始建于2006年，前身为一家电子元件厂。公司总部位于佛山市顺德区…) is the
    seat's district, not the province's."""
    text = """广东粤晶电子股份有限公司2024年度社会责任报告

一、公司简介

广东粤晶电子股份有限公司始建于2006年，前身为一家电子元件厂，2015年完成股份制改造并更名为现名。公司总部位于佛山市顺德区大良街道，是国内较早从事片式电感研发制造的企业之一。

2024年，公司实现营业收入15.3亿元。
"""
    index = _ingest(tmp_path, "profile.txt", text)
    assert [row["region_path"] for row in jsonl("docs", "--index", index)] == [["广东省", "佛山市", "顺德区"]]

"""Session 56: attribution on documents nobody tuned for (blind sets h56 a to e, written by helpers in their own words
against a frozen 0aa22a5).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def _doc_regions(index: str) -> list[list[str]]:
    return [row["region_path"] for row in jsonl("docs", "--index", index)]


def test_a_storys_deck_never_runs_into_its_credit_line_or_dateline(tmp_path):
    """(h56-a) A news story's second headline line (its deck, with a comma in it) stands apart from a credit line
    (某某日报记者　某某　通讯员　某某) and from a lead opening on a dateline (本报讯（记者 某某）…, 新华社…电), blank lines or
    not: the deck is a passage of its own and keeps the story's year, the lead its own years."""
    text = """合肥新站高新区签约12英寸掩膜版项目
总投资40亿元，投产后年产值约30亿元

2026-04-10 07:30　来源：合肥晚报

本报讯（记者　周敏）4月9日，合肥新站高新区与一家掩膜版企业签订投资协议，项目计划2028年建成投产。

据了解，该项目将填补省内高端掩膜版空白。
"""
    index = _ingest(tmp_path / "a", "deck.txt", text)
    dated = _years(index, "亿元 OR 投产")
    assert dated["总投资40亿"] == [2026]
    assert dated["本报讯（记者"] == [2026, 2027, 2028]
    assert [row["text"] for row in jsonl("search", "年产值约30亿元", "--all", "--index", index)] == ["总投资40亿元，投产后年产值约30亿元"]
    credit = """芜湖三山区功率模块工厂投产
年产模组300万只，补齐本地车规芯片封装环节

芜湖日报记者　沈立　通讯员　杨帆

9月2日，位于三山经济开发区的功率模块工厂投产，项目从2024年5月开工。
"""
    index = _ingest(tmp_path / "b", "credit.txt", credit)
    assert [row["text"] for row in jsonl("search", "补齐本地", "--all", "--index", index)] == ["年产模组300万只，补齐本地车规芯片封装环节"]


def test_a_closing_naming_a_regional_group_closes_a_round_ups_sections(tmp_path):
    """(h56-a) In a round-up going province by province, a closing paragraph that names a regional group taking in
    several of its provinces beside a part of the last one (京津冀协同和山东半岛城市群…) is about them all, not the
    last province's section."""
    text = """北方三省市芯片产业观察

天津的长处在于信创和整机。去年天津集成电路产业营收增长约一成。

河北把碳化硅材料作为突破口，保定和石家庄的衬底项目陆续投产。

山东的体量最大，青岛和济南两市贡献了全省六成以上的营收。

业内人士认为，今后几年，京津冀协同和山东半岛城市群建设，将给北方芯片产业带来新的机会。
"""
    index = _ingest(tmp_path, "north.txt", text)
    placed = _regions(index, "产业 OR 营收")
    assert placed["山东的体量最"] == "山东省"
    assert placed["业内人士认为"] == "多地"


def test_a_countys_short_name_cut_by_words_around_it_is_no_place(tmp_path):
    """(h56-b) A county's short name that words run into from before it (各地也面临高端人才短缺: 面临 | 高端, not 临高)
    names no place; the same name standing as a word (在临高建设…) still does."""
    text = """西南各地数据中心建设综述

成都、贵阳、昆明三地今年新增算力均超过2000P。

不过，各地也面临高端人才短缺、电价优势减弱等共性问题。
"""
    index = _ingest(tmp_path / "a", "southwest.txt", text)
    assert _regions(index, "人才")["不过，各地也"] == "多地"
    own = """海南省数字经济工作要点

支持在临高建设海底数据中心示范项目，打造绿色算力基地。
"""
    index = _ingest(tmp_path / "b", "hainan.txt", own)
    assert _regions(index, "海底")["支持在临高建"] == "海南省/临高县"


def test_a_question_headline_naming_two_cities_of_two_provinces_is_a_round_up(tmp_path):
    """(h56-d) A column headlined as a question about two cities of two provinces (苏州与宁波：谁更…？) is about both
    (多地), and a paragraph opening on either city is that city's."""
    text = """苏州与宁波：谁能拿下长三角第四座“芯”城？

作者：林潇

在长三角的芯片版图上，苏州和宁波都想坐上第四把交椅。

苏州的优势在于封测和设备，工业园区聚集了上百家配套企业。

宁波则押注材料，北仑和镇海的化工基础为电子化学品提供了原料。

两座城市都缺少龙头设计企业，这是它们共同的短板。
"""
    index = _ingest(tmp_path, "column.txt", text)
    assert _doc_regions(index) == [["多地"]]
    placed = _regions(index, "企业 OR 芯片 OR 材料")
    assert placed["苏州的优势在"] == "江苏省/苏州市"
    assert placed["宁波则押注材"] == "浙江省/宁波市"


def test_a_list_of_projects_each_with_its_site_is_filed_item_by_item(tmp_path):
    """(h56-d) A listicle of a city's projects, numbered No.1, No.2 …, each with its own site line (建设地点：…), is the
    city's text, not the first site's: each item is its district's, and a paragraph after them that counts them after a
    viewpoint (从投资结构看，三个项目…) speaks for the city again."""
    text = """一文看懂｜2026年合肥三大芯片重点项目

近日，合肥市公布2026年市级重点项目清单，芯片领域三个项目投资规模居前。

No.1肥西县功率器件晶圆项目
建设地点：肥西县桃花工业园。总投资60亿元，计划年内开工。

No.2长丰县封装材料项目
建设地点：长丰县双凤经济开发区。总投资25亿元，主要生产引线框架。

No.3庐江县电子特气项目
建设地点：庐江县高新区。总投资12亿元。

从投资结构看，三个项目合计投资近百亿元，覆盖制造、材料和气体环节。
"""
    index = _ingest(tmp_path, "hefei.txt", text)
    assert _doc_regions(index) == [["安徽省", "合肥市"]]
    placed = _regions(index, "建设地点 OR 项目")
    assert placed["建设地点：长"] == "安徽省/合肥市/长丰县"
    assert placed["建设地点：庐"] == "安徽省/合肥市/庐江县"
    assert placed["No.2长丰"] == "安徽省/合肥市/长丰县"
    assert placed["从投资结构看"] == "安徽省/合肥市"


def test_an_interviewees_birthplace_is_not_the_interviews_place(tmp_path):
    """(h56-d) An interview whose person card names where the interviewee was born (【人物名片】某某，1975年出生于…县)
    is placed where the story happens, not at the birthplace."""
    text = """对话刘海峰：让传感器芯片在家乡落地

来源：湖南日报

【人物名片】刘海峰，1975年出生于湖南省邵阳市新邵县，2009年在深圳创办一家传感器芯片企业。

10月下旬，记者在长沙经济技术开发区的新厂房见到刘海峰。

记者：为什么把新工厂放在长沙？

刘海峰：长沙的人才和配套都比较成熟，这里离客户也近。

"""
    index = _ingest(tmp_path, "interview.txt", text)
    assert _doc_regions(index)[0][:2] == ["湖南省", "长沙市"]
    assert _regions(index, "人才")["刘海峰：长沙"].startswith("湖南省/长沙市")


def test_new_zone_names_are_filed_where_they_lie(tmp_path):
    """(h56-a, h56-d) A bonded zone, a zone's bare name and a former county's zone name are filed under the division they
    lie in: 青岛前湾综合保税区 in 黄岛区, 西永 in 沙坪坝区, 长岛综合试验区 in 蓬莱区 (长岛县 merged into it in 2020); and
    贵安新区, run by 贵阳市, under 贵阳市."""
    text = """青岛前湾综合保税区2025年工作总结

2025年，青岛前湾综合保税区芯片进出口额达到300亿元。

区内新增保税维修企业5家。
"""
    index = _ingest(tmp_path / "a", "qianwan.txt", text)
    assert _doc_regions(index) == [["山东省", "青岛市", "黄岛区"]]
    assert _regions(index, "保税维修")["区内新增保税"] == "山东省/青岛市/黄岛区"
    notes = """重庆芯片项目巡礼

西永12英寸功率半导体项目今年开工。

长岛综合试验区也在谋划海洋传感器示范应用。

贵安新区今年新增智能算力3000P。
"""
    index = _ingest(tmp_path / "b", "notes.txt", notes)
    placed = _regions(index, "今年 OR 谋划")
    assert placed["西永12英寸"] == "重庆市/沙坪坝区"
    assert placed["长岛综合试验"] == "山东省/烟台市/蓬莱区"
    assert placed["贵安新区今年"] == "贵州省/贵阳市"


def test_a_countys_short_name_that_is_a_word_names_no_place(tmp_path):
    """(h56-e) 南部 (南部县's short name) is also the word for a southern part: 南部园区 in a 成都 zone's plan is the zone's
    southern park, not 南部县; the full name still is the county."""
    text = """成都高新区集成电路产业空间布局规划

南部园区重点发展芯片设计和EDA工具，西部园区重点发展封装测试。
"""
    index = _ingest(tmp_path / "a", "gaoxin.txt", text)
    assert _regions(index, "园区")["南部园区重点"].startswith("四川省/成都市")
    county = """南部县2025年电子信息产业发展情况

全县电子元器件企业新增8家，产值增长两成。
"""
    index = _ingest(tmp_path / "b", "nanbu.txt", county)
    assert _doc_regions(index) == [["四川省", "南充市", "南部县"]]


def test_a_plans_vision_under_its_own_lead_is_that_year_alone(tmp_path):
    """(h56-e) In a five-year plan, a paragraph under the plan's heading that opens on its vision's year
    ((二)2035年远景。到2035年，…, written in figures or in words) speaks for that year alone, not the plan's years up to it."""
    text = """长沙市“十五五”电子信息产业发展规划

二、发展目标

（一）2030年目标。到2030年，全市电子信息产业营收力争突破8000亿元。

（二）2035年远景。到2035年，建成具有全球影响力的电子信息产业基地。

三、二〇三五年远景目标。到二〇三五年，全面建成现代化电子信息产业体系。
"""
    index = _ingest(tmp_path, "plan.txt", text)
    dated = _years(index, "产业")
    assert dated["（二）203"] == [2035]
    assert dated["三、二〇三五"] == [2035]
    assert dated["（一）203"] == [2030]


def test_an_audits_advice_delivered_the_year_after_speaks_for_that_year(tmp_path):
    """(h56-c) An audit of a year's budget delivered the year after: its findings speak for the year audited, its advice
    (四、审计建议, 五、…的意见) and its closing words to the standing committee (…各位委员，我们将…) for the year it is
    delivered in."""
    text = """关于长沙市2024年度市级预算执行和其他财政收支的审计工作报告

——2025年8月27日在长沙市第十六届人民代表大会常务委员会第二十次会议上

长沙市审计局局长　王某

主任、各位副主任、秘书长、各位委员：

一、产业专项资金审计情况

抽查的18个芯片设计扶持项目中，有5个未达到绩效目标。

二、审计建议

进一步完善产业资金绩效评价，压实项目单位主体责任。

主任、各位副主任、秘书长、各位委员，我们将认真落实本次会议的审议意见，做好审计整改监督工作。
"""
    index = _ingest(tmp_path, "audit.txt", text)
    dated = _years(index, "项目 OR 绩效 OR 审计")
    assert dated["抽查的18个"] == [2024]
    assert dated["进一步完善产"] == [2025]
    assert dated["主任、各位副"] == [2025]


def test_a_broadcast_transcripts_role_labels_do_not_hide_a_closing(tmp_path):
    """(h56-d) In a TV news transcript going place by place ((解说)在湖北武汉，…), a department of the country speaking
    after a role label ((解说)工业和信息化部有关负责人表示，…) closes the places' sections: it is not the last place's."""
    text = """《财经早班车》文字稿：各地芯片项目开足马力

央视网2025年05月08日07:10

主持人：一季度，各地一批芯片项目加快建设。

（解说）在湖北武汉，东湖高新区的存储芯片企业一季度出货量同比增长三成。

（解说）在重庆两江新区，车规级芯片企业的订单已经排到三季度。

（同期声）企业负责人赵明：我们一季度出货量比去年同期翻了一番。

（解说）在甘肃天水，一家封测企业正在扩建厂房。

（解说）工业和信息化部有关负责人表示，下一步将围绕集成电路产业链关键环节，支持地方建设特色产业集群。
"""
    index = _ingest(tmp_path, "transcript.txt", text)
    placed = _regions(index, "芯片 OR 出货量 OR 厂房 OR 产业集群")
    assert placed["（解说）在湖"] == "湖北省/武汉市"
    assert placed["（同期声）企"] == "重庆市"
    assert placed["（解说）在甘"] == "甘肃省/天水市"
    assert placed["（解说）工业"] in ("全国", "多地")


def test_a_short_sentence_turning_to_a_part_of_the_country_leads_into_the_next_place(tmp_path):
    """(h56-d) In a round-up, a paragraph opening on a short sentence that turns to a part of the country (西北地区各有
    打算。, 目光转向成渝地区。) before a sentence opening on a province or city is that place's, not the section's before;
    the story's dateline (新华社北京2月3日电) opens no section."""
    text = """开年各地两会“芯”声

新华社北京2月3日电　各地两会陆续召开，集成电路成为高频词。

在长三角，江苏提出今年全省集成电路产业营收增长12%。

西北地区各有打算。陕西省政府工作报告提出，今年推动西安功率半导体项目扩产。

目光转向成渝地区。四川省政府工作报告提出，支持成都建设集成电路设计高地。
"""
    index = _ingest(tmp_path, "lianghui.txt", text)
    placed = _regions(index, "集成电路 OR 功率半导体")
    assert placed["新华社北京2"] == "多地"
    assert placed["在长三角，江"] == "江苏省"
    assert placed["西北地区各有"] == "陕西省"
    assert placed["目光转向成渝"] == "四川省"


def test_a_round_ups_label_line_naming_no_place_ends_the_section_before(tmp_path):
    """(h56-d) In a newsletter of items from many places, a marked label line of its own naming no place (■ 企业, ■ 数据)
    ends the section an item's label opened (【西安讯】…): what follows is not that city's."""
    text = """芯片产业周讯

2024年第12期

■ 地方

【西安讯】西安高新区3月18日发布集成电路人才新政。

【长沙讯】长沙经开区一封测项目3月19日开工。

【合肥讯】合肥新站高新区一块掩膜版项目3月20日签约。

【成都讯】成都高新区3月21日举行芯片设计企业融资对接会。

■ 企业

一家芯片设计企业日前完成B轮融资，金额超过5亿元。

■ 数据

1—2月，全国集成电路产量同比增长15%。

■ 下期预告

下期将聚焦各地芯片设计企业融资情况。
"""
    index = _ingest(tmp_path, "weekly.txt", text)
    placed = _regions(index, "集成电路 OR 开工 OR 下期 OR 融资")
    assert placed["【长沙讯】长"].startswith("湖南省/长沙市")
    assert placed["一家芯片设计"] == "多地"
    assert placed["1—2月，全"] == "全国"
    assert not placed["下期将聚焦各"].startswith("湖南省")


def test_a_dateline_on_a_line_of_its_own_opens_nothing_and_breaks_nothing(tmp_path):
    """A news dateline standing alone on its line (新华社北京3月5日电) is read past as any dateline is: the file is
    indexed (not skipped), the line opens no section, and the story's place comes from its text."""
    text = """国务院部署推进集成电路产业高质量发展

新华社北京3月5日电

国务院常务会议3月4日召开，部署推进集成电路产业高质量发展，要求各地加强统筹、避免重复建设。
"""
    index = _ingest(tmp_path, "xinhua.txt", text)
    placed = _regions(index, "集成电路 OR 新华社")
    assert placed["新华社北京3"] == "全国"
    assert placed["国务院常务会"] == "全国"


def test_a_plan_reviews_problems_speak_for_its_year_and_its_next_steps_for_the_rest(tmp_path):
    """(h56-e) In a review of a five-year plan's implementation (…规划实施中期评估报告, dated 2023), a heading of problems
    naming no year (三、存在的主要问题) speaks for the year the review was written in, and one of next steps
    (四、下一步工作建议) for the rest of the period after it; a final review dated after the period's end speaks in its
    problems for the period's last year."""
    text = """宁波市“十四五”集成电路产业发展规划实施中期评估报告

宁波市经济和信息化局
2023年11月20日

一、规划实施进展

“十四五”以来，全市集成电路产业营收年均增长18%，引进晶圆制造项目2个。

三、存在的主要问题

设计企业规模偏小，高端人才引进难度较大。

四、下一步工作建议

加快推进重大项目建设，确保规划目标如期完成。
"""
    index = _ingest(tmp_path / "a", "midterm.txt", text)
    dated = _years(index, "企业 OR 项目 OR 目标")
    assert dated["设计企业规模"] == [2023]
    assert dated["加快推进重大"] == [2024, 2025]
    final = """温州市“十四五”电子信息产业发展规划实施情况总结评估报告

温州市经济和信息化局
2026年1月15日

三、存在的不足

龙头企业偏少，产业链配套不够完善。
"""
    index = _ingest(tmp_path / "b", "final.txt", final)
    assert _years(index, "龙头企业")["龙头企业偏少"] == [2025]


def test_an_associations_newsletter_is_a_bulletin_of_its_issue_year(tmp_path):
    """(h56-d) An association's newsletter whose first lines are its name and its kind (某某行业协会 / 行业月报 /
    2025年第6期) is titled by both, typed 简报, and speaks for its issue's year: one item's policy running to 2028 does not
    spread its years to the other items."""
    text = """江苏省电子信息行业协会
行业月报
2025年第8期（总第80期）
江苏省电子信息行业协会秘书处编　2025年9月5日

一、地方动态

苏州：8月12日，苏州市印发新一轮集成电路产业扶持政策，政策有效期为2025年至2028年。

无锡：8月20日，无锡高新区一个功率模块封测项目开工。

二、协会工作

8月28日，协会在南京召开会员单位座谈会。
"""
    index = _ingest(tmp_path, "monthly.txt", text)
    docs = jsonl("docs", "--index", index)
    assert [(row["title"], row["doc_type"]) for row in docs] == [("江苏省电子信息行业协会行业月报", "简报")]
    dated = _years(index, "项目 OR 座谈会")
    assert dated["无锡：8月2"] == [2025]
    assert dated["8月28日，"] == [2025]


def test_a_countys_paragraph_on_its_citys_whole_after_a_connective_is_the_citys(tmp_path):
    """(h56-a) In a county's report, a paragraph that opens, after a connective (与此同时，), on its city by name and the
    city's whole (…，邢台市全市…) reports the city's figures: it is the city's, not the county's."""
    text = """清河县2025年政府工作报告

2024年，全县新增电子元器件企业12家，规模以上工业增加值增长8.2%。

与此同时，邢台市全市电子信息产业营业收入首次突破500亿元，我县贡献了其中一成。

2025年，我县将加快建设电子材料产业园。
"""
    index = _ingest(tmp_path, "qinghe.txt", text)
    placed = _regions(index, "电子")
    assert placed["与此同时，邢"] == "河北省/邢台市"
    assert placed["2024年，"] == "河北省/邢台市/清河县"


def test_a_headline_of_two_places_apart_counts_a_countys_unique_short_name(tmp_path):
    """(h56b-e) A feature headlined by two places of two provinces, one of them a county by its short name that only one
    county bears (周一在漕河泾，周五在德清), is about both (多地), not the first place's."""
    text = """周一在漕河泾，周五在德清：一位测试工程师的两地生活

来源：长三角周刊　2024-06-03

早上六点半，陈远从家里出发赶高铁，一个多小时后就到了德清的工厂。

他所在的公司把研发放在上海，把测试产线放在浙江。
"""
    index = _ingest(tmp_path, "commute.txt", text)
    assert _doc_regions(index) == [["多地"]]
    assert _regions(index, "高铁")["早上六点半，"] == "多地"

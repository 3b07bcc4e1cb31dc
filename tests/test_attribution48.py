"""Session 48: attribution and document facts on documents nobody tuned for (four blind sets, h48 q–t, written by
helpers in their own words against a frozen 7113e68).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import PDF_FONT, cli, draw_lines, ingest_docs, ingest_drawn, jsonl, pdf_canvas


def _ingest(tmp_path, name: str, text: str):
    """Ingest one text file (NAME) through the CLI into tmp_path/ix; returns the index folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return ingest_docs(tmp_path, {name: text})


def _numbered_title(size: float):
    body = ["\u3000\u30002026年是新区产业提质的关键一年，为做好全年集成电路产业工作，特制定", "本要点。",
            "\u3000\u3000一、主要目标", "\u3000\u3000全年集成电路产业营收增长百分之十五，新引进设计企业二十家，",
            "建成公共服务平台两个。"]

    def draw(path) -> None:
        pdf = pdf_canvas(path)
        for page in range(2):
            pdf.setFont(PDF_FONT, 10)
            pdf.drawString(238, 800, "滨江新区2026年产业发展工作要点")
            top = 690
            if page == 0:
                pdf.setFont(PDF_FONT, size)
                pdf.drawString(240, 758, "滨江新区管理委员会")
                pdf.drawString(230, 736, "滨管发〔2026〕7号")
                pdf.drawString(200, 714, "滨江新区2026年产业发展工作要点")
            else:
                top = 760
            pdf.setFont(PDF_FONT, 12)
            draw_lines(pdf, body, 60, top, 22)
            pdf.drawString(285, 40, f"— {page + 1} —")
            pdf.showPage()
        pdf.save()
    return draw


@pytest.mark.parametrize("size", [12, 14])
def test_a_pdf_number_line_does_not_run_on_into_the_title_under_it(tmp_path, size):
    """(h47b-o) A 文号 line in the body's type or set as large as the title ran on into the title under it: the title
    began with the 文号 (滨管发〔2026〕7号滨江新区…)."""
    index = ingest_drawn(tmp_path, "plan.pdf", _numbered_title(size))
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "滨江新区2026年产业发展工作要点"
    assert found["doc_number"] == "滨管发〔2026〕7号"


_PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">园区新闻</a></div>
<div class="article"><h1>{headline}</h1>
<p>今年前三季度，滨江芯谷新增注册集成电路企业二十六家，其中设计企业十九家，园区营业收入同比增长百分之二十一。</p>
<p>园区负责人表示，下一步将加快建设公共测试平台，为入驻企业提供流片和封测服务。</p></div>
<div class="footer">主办：滨江芯谷管理委员会　备案号：000000</div></body></html>"""


@pytest.mark.parametrize("column, expected", [("新闻动态", "新闻综述"), ("园区要闻", "新闻综述"), ("办事指南", "")])
def test_a_web_page_filed_under_a_news_column_is_news(tmp_path, column, expected):
    """(h47-k) A park's web page with no byline, no source line and no type word in its headline had no type, though its
    <title> files it under the site's news column (标题_新闻动态_站点); a column of another kind types nothing."""
    headline = "滨江芯谷前三季度新增集成电路企业26家"
    index = _ingest(tmp_path, "page.html", _PAGE.format(title=f"{headline}_{column}_滨江芯谷管理委员会", headline=headline))
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == headline
    assert found["doc_type"] == expected


_TABLE = """{title}

单位：亿元

指标\t2023年\t2024年\t2025年
集成电路产业营业收入\t812\t905\t1012
其中：设计业\t301\t344\t398
规模以上企业数（家）\t96\t104\t117
"""


@pytest.mark.parametrize("title, expected", [("滨江市集成电路产业发展主要指标（2023—2025年）", "统计资料"),
                                             ("滨江市集成电路产业主要统计指标", "统计资料"),
                                             ("滨江市集成电路产业发展情况统计分析（2023—2025年）", "统计报告"),
                                             ("关于下达2025年全市经济社会发展主要指标的通知", "通知")])
def test_a_table_of_figures_under_its_own_title_is_typed(tmp_path, title, expected):
    """(h42-c, h44e-g, h47b-p) A table of yearly figures under a title ending 主要指标 or 统计分析 had no type; typed, it keeps
    its title (not a composed 2023年滨江市统计资料); a notice that sets such figures stays a notice."""
    index = _ingest(tmp_path, "table.txt", _TABLE.format(title=title))
    found = jsonl("docs", "--index", index)[0]
    assert (found["doc_type"], found["title"]) == (expected, title)


_SPEECH = """{title}

{byline}
（2025年12月22日）

同志们：

这次会议的主要任务是总结今年全市集成电路产业工作，部署明年重点任务。今年，全市集成电路产业营收增长百分之十四。
"""


@pytest.mark.parametrize("title, byline, issuer", [
    ("在全市工业和信息化工作会议上的讲话", "滨江市工业和信息化局局长　赵立新", "滨江市工业和信息化局"),
    ("在全市工业和信息化工作会议上的讲话", "滨江市工业和信息化局党组书记、局长　赵立新", "滨江市工业和信息化局"),
    ("在全区集成电路产业推进会上的讲话", "滨江市临湖区人民政府副区长　钱晓梅", "滨江市临湖区人民政府"),
    ("在全旗新材料产业推进会上的讲话", "准格尔旗人民政府旗长　王志强", "准格尔旗人民政府"),
    ("集成电路产业发展访谈录", "滨江市工业和信息化局局长　赵立新", "")])
def test_a_speech_byline_names_its_issuer(tmp_path, title, byline, issuer):
    """(h47b-p) A speech's byline under its title, a body, its officer's post and name, left the speech with no issuer;
    the body is its issuer. A line of that form under any other title (an interview) issues nothing."""
    index = _ingest(tmp_path, "speech.txt", _SPEECH.format(title=title, byline=byline))
    assert jsonl("docs", "--index", index)[0]["issuer"] == issuer


_SHARED_SIGNED = """鼓楼区人民政府关于加快集成电路设计产业发展的实施意见

各街道办事处，区政府各部门：

为抢抓上海产业外溢和长三角一体化机遇，结合我区实际，提出如下实施意见。

一、主要目标

到2027年，全区集成电路设计企业达到八十家，产业营收突破一百亿元。

鼓楼区人民政府
2025年5月20日
"""

_SHARED_SIGNED_CITY = _SHARED_SIGNED.replace("鼓楼区人民政府\n2025年5月20日", "福州市鼓楼区人民政府\n2025年5月20日")
_SHARED_BODY = _SHARED_SIGNED.replace("到2027年，全区", "到2027年，依托福州软件园，全区")


@pytest.mark.parametrize("text, issuer", [(_SHARED_SIGNED_CITY, "福州市鼓楼区人民政府"), (_SHARED_BODY, "鼓楼区人民政府")])
def test_a_shared_district_name_is_not_settled_by_a_partner_in_the_opening(tmp_path, text, issuer):
    """(h48-t) A title naming a district several cities share (鼓楼区, 通州区) whose opening names only a partner (为抢抓上海
    产业外溢…机遇) was filed under that partner. The signature that writes the body with its city, or a place the body
    names above one of the namesakes, settles it; the issuer is the body as signed in full."""
    index = _ingest(tmp_path, "opinion.txt", text)
    found = jsonl("docs", "--index", index)[0]
    assert ("/".join(found["region_path"]), found["issuer"]) == ("福建省/福州市/鼓楼区", issuer)


_COUNTRY_REVIEW = """{title}

中国电子元件行业协会
2026年3月2日

一、总体情况

2025年，{voice}功率半导体产业销售收入约三千二百亿元，同比增长百分之十一，车规级产品占比继续提高。

二、重点地区

江苏省功率器件产业规模居各省首位，无锡、苏州两市贡献全省七成以上产值。

广东省依托整机企业集聚优势，车规级芯片装车量快速增长。

浙江省碳化硅衬底和外延产能快速释放，杭州、宁波两市新建产线四条。

三、展望

预计2026年全行业销售收入增速保持在百分之十左右，集成电路企业兼并重组将更加活跃。
"""


@pytest.mark.parametrize("title, voice, region", [
    ("2025年中国功率半导体产业发展回顾与2026年展望", "我国", "全国"),
    ("中国功率半导体重点省份发展比较（2025）", "各省", "多地")])
def test_a_review_titled_by_the_country_speaking_as_the_country_is_national(tmp_path, title, voice, region):
    """(h48-t) A national association's review titled 2024年中国…产业发展回顾, telling 我国's figures and then a section per
    province, was a round-up of 多地. A title naming 中国 speaks of the whole country when the opening speaks as the
    country (我国…); a comparison of provinces under 中国 that never does stays 多地."""
    index = _ingest(tmp_path, "review.txt", _COUNTRY_REVIEW.format(title=title, voice=voice))
    assert jsonl("docs", "--index", index)[0]["region"] == region
    rows = jsonl("search", "销售收入", "--all", "--index", index)
    assert {row["region"] for row in rows} == {region}


_ROUTE_GROUP = """{title}

来源：滨海产经观察　2025-09-12

今年以来，三省在集成电路赛道上各找定位，几座沿海城市的打法并不相同。

星城长沙的思路是以设计带应用，上半年新增设计企业四十余家。

鹭岛厦门押注化合物半导体，上半年集成电路产值突破四百亿元。

山城重庆则在存储芯片上持续发力，新建两条特色工艺产线。
"""


@pytest.mark.parametrize("title, region", [("从星城到鹭岛：湘闽渝“芯”赛道各显其能", "多地"),
                                           ("从长沙到厦门：一家芯片企业的南迁之路", "福建省/厦门市")])
def test_a_route_title_naming_a_group_of_provinces_is_the_groups_story(tmp_path, title, region):
    """(h48-r) A route headline that also names three provinces by their abbreviations (从泉城到鹭岛：鲁闽浙…) was filed under
    the route's end, and every paragraph with it; a plain route stays its end's. A city's popular name before its name
    (山城重庆…, 绿城南宁…) does not hide the paragraph's lead."""
    index = _ingest(tmp_path, "story.txt", _ROUTE_GROUP.format(title=title))
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == region
    if region == "多地":
        rows = {row["text"][:2]: "/".join(row["region_path"]) for row in jsonl("search", "产线", "--all", "--index", index)}
        assert rows == {"山城": "重庆市"}


_PLANTS = """{title}

来源：甬江日报　2025-07-08

{home}一家功率芯片企业近年来加快布局，总部研发团队已超过四百人，今年营收有望增长三成。

在{there}，公司投资十二亿元建设的模块封装基地今年5月投产，年产车规级功率模块二百万只。

公司负责人表示，下一步将继续扩大研发投入，集成电路设计团队规模再增一倍。
"""


@pytest.mark.parametrize("title, home, there, region", [
    ("一家宁波芯片企业的多基地版图", "宁波市", "绍兴市柯桥区", "浙江省/绍兴市/柯桥区"),
    ("一家宁波芯片企业的多基地版图", "宁波市", "嘉兴", "浙江省/嘉兴市"),
    ("一家义乌芯片企业的多基地版图", "义乌市", "东阳市", "浙江省/金华市/东阳市"),
    ("一家鄞州芯片企业的多基地版图", "宁波市鄞州区", "海曙区", "浙江省/宁波市/鄞州区")])
def test_a_paragraph_framed_in_another_place_is_that_places(tmp_path, title, home, there, region):
    """(h48-r) In a one-place story, a paragraph framed by another place (在绍兴市上虞区，公司投资…; 在东阳市，… in a 义乌
    story) stayed the story's place: the place set before the comma is where what follows happens. A district of the
    story's own city stays as before (a neighbour lead inside the city is the text's, README)."""
    index = _ingest(tmp_path, "plants.txt", _PLANTS.format(title=title, home=home, there=there))
    row = jsonl("search", "模块封装基地", "--index", index)[0]
    assert "/".join(row["region_path"]) == region


_PERIOD_SPEECH = """在全市工业“十四五”总结暨“十五五”谋划推进会上的讲话

湖州市人民政府市长　某某
（2025年12月16日）

同志们：

“十四五”时期，全市集成电路产业从无到有，营业收入突破三百亿元。

三、扎实做好明年工作

明年是“十五五”开局之年，各区县要抓紧谋划一批集成电路重大项目。
"""


def test_a_speech_titled_by_the_periods_its_meeting_reviews_is_of_the_year_it_is_given(tmp_path):
    """(h48-s) A speech at a meeting named by two plan periods (…“十四五”总结暨“十五五”谋划推进会上的讲话), given on 2025-12-16,
    spoke for 2021–2025 and its next-year section for 2021–2026: it is given in 2025, its title's periods are its
    subject ([acts] in years.toml, as a 批复's)."""
    index = _ingest(tmp_path, "speech.txt", _PERIOD_SPEECH)
    assert jsonl("docs", "--index", index)[0]["years"] == [2025]
    rows = {row["text"][:3]: row["years"] for row in jsonl("search", "集成电路", "--all", "--index", index)}
    assert rows["“十四"] == [2021, 2022, 2023, 2024, 2025]
    assert rows["明年是"] == [2026]


_PILOT = """工业和信息化部关于开展功率半导体应用验证试点工作的通知

工信部电子〔2025〕77号

各省、自治区、直辖市工业和信息化主管部门：

为加快功率半导体推广应用，决定开展应用验证试点工作。经地方推荐，确定江苏省常州市等四个城市为试点城市。试点期为{length}（{start}—{end}年）。

一、试点任务

试点城市要建设集成电路应用验证平台，组织整机企业与芯片企业开展联合验证。

工业和信息化部
2025年4月8日
"""


@pytest.mark.parametrize("length, start, end", [("三年", 2025, 2027), ("两年", 2025, 2026)])
def test_a_pilot_period_stated_in_the_body_is_the_texts_years(tmp_path, length, start, end):
    """(h48-t) A notice stating its pilot period in its body (试点期为三年（2025—2027年）) spoke for the year it was signed
    alone; the period it states is its years, as 实施期为… is (years.toml [period])."""
    index = _ingest(tmp_path, "pilot.txt", _PILOT.format(length=length, start=start, end=end))
    assert jsonl("docs", "--index", index)[0]["years"] == list(range(start, end + 1))


_INTERVIEW = """访谈｜做强开发区集成电路封测配套

2025-10-20 来源：港城日报

记者：开发区今年的产业发展情况如何？

{speaker}：去年，开发区集成电路封测产值突破八十亿元，比前年增长三成。新引进配套企业十二家。

{speaker}：从全市看，湛江今年前三季度规上工业增加值增长百分之六，开发区贡献了一半以上的增量。
"""


@pytest.mark.parametrize("speaker", ["王卫东", "林晓岚"])
def test_an_answer_led_by_the_speakers_name_reads_its_lead(tmp_path, speaker):
    """(h48-q, h48-r) An interview's answer led by the speaker's name (赵鸿远：去年，…) did not read what the name stands
    before: 去年 named the year before alone only after 答：, and 从全市看，湛江… opened the city only without a name. A
    common surname and two letters before a colon is a speaker (regions.toml surnames); a place's label (宁波：…) is not."""
    index = _ingest(tmp_path, "interview.txt", _INTERVIEW.format(speaker=speaker))
    rows = {row["text"][4:8]: row for row in jsonl("search", "开发区", "--all", "--index", index)}
    assert rows["去年，开"]["years"] == [2024]
    assert "/".join(rows["从全市看"]["region_path"]) == "广东省/湛江市"


_ANNOUNCEMENT = """证券代码：688777　证券简称：滨芯科技　公告编号：2025-041

滨芯科技股份有限公司关于投资建设集成电路封装测试基地的公告

本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。

一、对外投资概述

公司拟在安徽省合肥市投资建设集成电路封装测试基地，项目总投资约二十亿元。
"""


def test_a_listed_firms_announcement_is_titled_below_its_code_line(tmp_path):
    """(h48-t) A listed firm's announcement opens with its code line (证券代码：…　证券简称：…　公告编号：…), which became the
    first half of its title."""
    index = _ingest(tmp_path, "announcement.txt", _ANNOUNCEMENT)
    found = jsonl("docs", "--index", index)[0]
    assert (found["title"], found["doc_type"]) == ("滨芯科技股份有限公司关于投资建设集成电路封装测试基地的公告", "公告")


_THREE_SITES = """证券代码：688555　证券简称：滨芯微　公告编号：2025-019

滨芯微电子股份有限公司关于投资建设合肥、成都、西安生产基地的公告

本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。

一、对外投资概述

公司拟在安徽省合肥市、四川省成都市、陕西省西安市分别投资建设集成电路生产基地。

二、投资项目基本情况

（一）合肥先进封装基地项目

项目实施主体为公司全资子公司，计划投资约十八亿元，建设晶圆级封装产线。

（二）西安芯片测试中心项目

西安市长安区为本项目的建设地点，计划投资约八亿元，建设集成电路测试产线。

三、投资资金来源

本次投资的资金来源为公司自有资金和银行贷款，集成电路项目将分期建设。
"""


def test_a_listed_firms_announcement_of_several_sites_keeps_each_sites_section(tmp_path):
    """(h43-d, h48-t) A 公告 of three sites: its title under the code line had run on into the next paragraph (its 、 read
    as a sentence's), so it was typed news; typed 公告 and filed 多地, its numbered headings opened no sections, and the
    paragraph under （一）合肥… was 多地. A numbered heading naming a place opens that place's section in a text of
    several places too, and a place inside the section narrows it (西安市长安区为…)."""
    index = _ingest(tmp_path, "announcement.txt", _THREE_SITES)
    found = jsonl("docs", "--index", index)[0]
    assert (found["title"], found["doc_type"], found["region"]) == (
        "滨芯微电子股份有限公司关于投资建设合肥、成都、西安生产基地的公告", "公告", "多地")
    rows = {row["text"][:6]: "/".join(row["region_path"]) for row in jsonl("search", "计划投资", "--all", "--index", index)}
    assert rows == {"项目实施主体": "安徽省/合肥市", "西安市长安区": "陕西省/西安市/长安区"}
    assert "/".join(jsonl("search", "资金来源为", "--index", index)[0]["region_path"]) == "多地"


_STUDY = """赴江苏学习考察集成电路产业发展情况的报告

南昌市工业和信息化局
2025年6月20日

一、考察基本情况

6月上旬，我局组织赴江苏省学习考察集成电路产业发展经验。

二、江苏省的主要做法

江苏省集成电路产业规模连续多年居全国前列，产业链条完整。

无锡市设立集成电路产业专项基金，对重大项目实行一企一策支持。

苏州工业园区建成多个面向中小企业的集成电路设计公共服务平台。

三、对我市的启示

我市集成电路产业基础薄弱，要加快引进龙头企业。
"""


def test_a_place_inside_another_places_section_narrows_it(tmp_path):
    """(h48-t) Under 二、江苏省的主要做法 in a 南昌 study report, the paragraphs opening on 无锡市 and 苏州工业园区 stayed
    江苏省: a place inside the section another place's heading opened is that place's."""
    index = _ingest(tmp_path, "study.txt", _STUDY)
    rows = {row["text"][:4]: "/".join(row["region_path"]) for row in jsonl("search", "集成电路", "--all", "--index", index)}
    assert rows["江苏省集"] == "江苏省"
    assert rows["无锡市设"] == "江苏省/无锡市"
    assert rows["苏州工业"] == "江苏省/苏州市"
    assert rows["我市集成"] == "江西省/南昌市"


_GREETING = """在2025滨海集成电路产业推介会上的{genre}

（2025年9月6日，合肥）

芜湖市人民政府副市长　某某

尊敬的各位来宾，女士们、先生们：

很高兴来到合肥，与各位企业家朋友共话集成电路产业发展。

去年，芜湖集成电路产业实现产值约三百亿元，同比增长百分之十七。

弋江区集成电路产业园已集聚一批封装测试企业，功率器件产能持续扩大。

最后，预祝本次推介会圆满成功！
"""


@pytest.mark.parametrize("genre, years", [("致辞", [2025]), ("讲话", [2025])])
def test_a_greeting_at_an_event_tells_no_review_of_the_year_before(tmp_path, genre, years):
    """(h48-r) In a greeting at an investment fair (在…推介会上的致辞), a 去年，… paragraph opened a review of the year
    before, and the present-tense paragraphs after it spoke for last year. A 致辞 reviews nothing (years.toml [review]
    greetings), nor does a 讲话 at a fair, forum or signing (events); a 讲话 at a work meeting still does."""
    index = _ingest(tmp_path, "greeting.txt", _GREETING.format(genre=genre))
    row = jsonl("search", "弋江区集成电路产业园", "--index", index)[0]
    assert row["years"] == years
    meeting = _ingest(tmp_path / "meeting", "speech.txt", _GREETING.format(genre=genre).replace("2025滨海集成电路产业推介会", "全市工业经济工作会议"))
    assert jsonl("search", "弋江区集成电路产业园", "--index", meeting)[0]["years"] == ([2025] if genre == "致辞" else [2024])


_DISTRICT_SUMMARY = """宁波市北仑区2025年上半年工作总结

宁波市北仑区人民政府

今年以来，北仑区坚持项目带动，经济运行稳中有进。上半年，全区集成电路产业产值增长百分之十二。

宁波市{speaker}介绍，今年上半年全市集成电路产业实现产值约五百亿元，北仑、鄞州两区合计贡献过半。

下一步，全区将加快集成电路产业园二期建设。
"""


@pytest.mark.parametrize("speaker, region", [("工业和信息化局", "浙江省/宁波市"), ("经济和信息化局有关负责人", "浙江省/宁波市")])
def test_the_citys_body_speaking_of_the_whole_city_is_the_citys(tmp_path, speaker, region):
    """(h48-r) In a district's summary, 宁波市工业和信息化局介绍，今年上半年全市… stayed the district's: the city's body speaking,
    then its own whole (全市) after a time lead, is the city's, as its official speaking was."""
    index = _ingest(tmp_path, "summary.txt", _DISTRICT_SUMMARY.format(speaker=speaker))
    row = jsonl("search", "合计贡献过半", "--index", index)[0]
    assert "/".join(row["region_path"]) == region


_STATUS = """关于全市集成电路产业发展情况的报告

滨江市工业和信息化局
2025年{month}月10日

一、发展基本情况

2024年，全市集成电路产业营收突破九百亿元，同比增长百分之十五。

高新区已集聚集成电路设计企业一百二十家，形成从设计到封测的完整链条。

二、下一步工作

加快引进晶圆制造项目。
"""


@pytest.mark.parametrize("month, years", [("08", [2025]), ("02", [2024])])
def test_a_status_report_dated_mid_year_tells_no_review_of_the_year_before(tmp_path, month, years):
    """(h48-t) A department's 报告 dated in August, whose 2024年，全市… opens its status, made the present-tense
    paragraphs after it speak for 2024: only a 报告 dated early in the next year reviews it (years.toml [review])."""
    index = _ingest(tmp_path, "status.txt", _STATUS.format(month=month))
    assert jsonl("search", "完整链条", "--index", index)[0]["years"] == years


_RESULTS_STORY = """滨江高新区2025年集成电路产业营收突破六百亿元

来源：滨江日报　2026-01-21

1月20日，滨江高新区召开2026年工作会议。过去一年，园区新引进集成电路项目三十二个。

园区集成电路产业区是新型显示和芯片制造的重要承载地，两条产线实现满产。

同时，高新区将加快二期扩区建设，新增集成电路产业用地一千二百亩。
"""


def test_what_a_story_of_last_years_results_says_will_come_is_this_years(tmp_path):
    """(h48-r) A story of 2025's results dated January 2026 (its headline names 2025): a paragraph naming no year that
    says what will be done (…将加快…) spoke for 2025; it is the year the story is dated in. The present's (…是…承载地)
    keeps 2025."""
    index = _ingest(tmp_path, "story.txt", _RESULTS_STORY)
    assert jsonl("search", "扩区建设", "--index", index)[0]["years"] == [2026]
    assert jsonl("search", "重要承载地", "--index", index)[0]["years"] == [2025]


_TWO_SPANS = """滨江市工业和信息化局2024—2025年工作总结和2026—2027年工作思路

滨江市工业和信息化局
2025年12月18日

一、2024—2025年工作总结

两年来，全市集成电路产业营收年均增长百分之十五。

二、2026—2027年工作思路

集美片区要依托高校资源，建设集成电路产业技能人才实训基地。

三、远景目标

到2030年，全市集成电路产业规模力争突破一千五百亿元。
"""


def test_a_heading_naming_the_span_after_the_documents_speaks_for_it_alone(tmp_path):
    """(h48b-w) Under 二、2026—2027年工作思路 in a 2024—2025 summary, the paragraphs spoke for 2024–2027: a heading naming
    a span that starts the year after the document's speaks for that span alone, as one naming the next year does; a
    target (到2030年) still runs on."""
    index = _ingest(tmp_path, "summary.txt", _TWO_SPANS)
    assert jsonl("search", "实训基地", "--index", index)[0]["years"] == [2026, 2027]
    assert jsonl("search", "两年来", "--index", index)[0]["years"] == [2024, 2025]


_PRESS = """滨江市集成电路产业政策新闻发布会实录

2025-06-12　来源：滨江发布

主持人：下面请有关负责人回答记者提问。

{name}：国家对符合条件的集成电路设计企业实行企业所得税减免政策，企业可按规定享受。

{name}：明年，我们将再建一个集成电路公共测试平台。
"""


@pytest.mark.parametrize("name", ["何文涛", "林涛"])
def test_what_a_named_speaker_says_is_read_from_its_start(tmp_path, name):
    """(h48b-v) A speaker's name before an answer (何文涛：国家对…, 林涛：明年，…) hid the answer's lead: the national body's
    lead and the next year's were not read. What a common surname and one or two letters before a colon lead is read as
    the paragraph's own start (speakers.said); a place's label (黄石：…) is not a name."""
    index = _ingest(tmp_path, "press.txt", _PRESS.format(name=name))
    assert jsonl("search", "所得税减免", "--index", index)[0]["region"] == "全国"
    assert jsonl("search", "公共测试平台", "--index", index)[0]["years"] == [2026]


_VISITING_SPEECH = """在2025中国（南京）集成电路产业合作大会上的致辞

（2025年10月18日，南京）

{speaker}　某某

尊敬的各位来宾：

很高兴来到南京参加本次大会。近年来，我们把集成电路列为重点发展的战略性新兴产业，全市已集聚企业三百余家。
"""


@pytest.mark.parametrize("speaker, region", [("厦门市人民政府副市长", "福建省/厦门市"), ("南京市人民政府副市长", "江苏省/南京市")])
def test_a_speech_given_elsewhere_is_its_speakers(tmp_path, speaker, region):
    """(h48b-v) A 厦门 vice-mayor's greeting at a conference titled with its venue (2025中国（南京）…大会) was filed under 南京,
    and every paragraph with it: a speech whose speaker's line names a place is that place's (README: a speech goes to
    its speaker's line; a venue is not the speech's place)."""
    index = _ingest(tmp_path, "speech.txt", _VISITING_SPEECH.format(speaker=speaker))
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == region
    assert "/".join(jsonl("search", "集聚企业", "--index", index)[0]["region_path"]) == region


_NATIONAL_PRESS = """国务院新闻办公室就推动电子信息制造业发展有关情况举行发布会

时间：2025年8月10日

主持人：下面请各位发布人介绍有关情况。

孙立伟：今年上半年，规模以上电子信息制造业增加值同比增长百分之十一，集成电路产量保持较快增长。

{name}：{province}是电子信息产业大省。上半年，全省集成电路产业营收同比增长百分之十五。
"""


@pytest.mark.parametrize("name, province", [("马骏", "江苏"), ("何文涛", "广东")])
def test_a_named_speakers_province_in_a_national_press_conference_is_the_provinces(tmp_path, name, province):
    """(h48b-v) In a national press conference, 马骏：江苏是电子信息产业大省。… stayed 全国: the place what the speaker says
    opens on (X是…, a subject) was hidden behind the name."""
    index = _ingest(tmp_path, "press.txt", _NATIONAL_PRESS.format(name=name, province=province))
    assert jsonl("search", "电子信息产业大省", "--index", index)[0]["region"] == f"{province}省"


def test_a_rivers_west_bank_is_no_province(tmp_path):
    """(h48b-v) 珠江西岸 in a headline (…珠江西岸“芯”意渐浓——走访佛山、中山、江门三地) read 江西 inside it, so the story of three
    广东 cities was a round-up of 多地; a river's west bank is no 江西 (regions.toml not_places)."""
    text = ("记者手记：珠江西岸“芯”意渐浓——走访佛山、中山、江门三地\n\n来源：岭南产经　2023-11-15\n\n"
            "近期，记者走访了珠江西岸三座制造业城市，感受到这里的集成电路产业正在起步。\n\n"
            "北滘：家电巨头造芯\n\n当地家电龙头企业今年成立芯片设计公司。\n\n小榄：五金之乡转型\n\n"
            "当地五金企业开始布局功率器件封装。\n\n棠下：侨乡新动能\n\n一座集成电路封测工厂今年投产。\n")
    index = _ingest(tmp_path, "notes.txt", text)
    assert jsonl("docs", "--index", index)[0]["region"] == "广东省"


@pytest.mark.parametrize("title", ["双城记：合肥、芜湖两位局长谈集成电路协同发展", "合肥、芜湖两市市长谈集成电路协同发展"])
def test_a_title_naming_two_officials_cities_is_no_firms_name(tmp_path, title):
    """(h48b-v) 芜湖两位局长谈集成电路… was read as a firm's name (a place, then letters, then 集成电路), so the headline named
    合肥 alone and the dialogue of two cities' officials was 合肥's; a firm's name holds no 的, 谈, office or count of people
    (regions.toml [firm] not_in_name)."""
    text = (f"{title}\n\n来源：江淮经济报　2024-09-12\n\n合肥和芜湖是安徽集成电路产业的两大重镇，两地今年联合开展产业协作。\n\n"
            "问：请两位介绍一下本地集成电路产业的情况。\n")
    index = _ingest(tmp_path, "dialogue.txt", text)
    assert jsonl("docs", "--index", index)[0]["region"] == "安徽省"


@pytest.mark.parametrize("title, region", [("对话常州市工业和信息化局局长：不做“小苏州”，走出常州特色的“芯”路", "江苏省/常州市"),
                                           ("常州、苏州两市携手共建集成电路产业链", "江苏省")])
def test_a_place_in_a_quoted_likeness_is_no_subject_of_the_title(tmp_path, title, region):
    """(h48b-v) An interview headlined 对话东莞市…局长：不做“小深圳”… was filed under 广东省, 深圳 counting as a second
    subject: a place inside a quoted figure (“小深圳”) is a likeness when the title names another place outside quotes;
    two places named plainly still share their province."""
    text = f"{title}\n\n来源：江南产业观察　2024-03-20\n\n记者：今年全市集成电路产业发展情况如何？\n"
    index = _ingest(tmp_path, "interview.txt", text)
    assert "/".join(jsonl("docs", "--index", index)[0]["region_path"]) == region


@pytest.mark.parametrize("core, first", [
    ("评估报告", "关于《滨江市支持集成电路产业发展若干政策》实施三年情况的评估报告"),
    ("关于公布2025年度集成电路中试平台名单的通知", "滨江市工业和信息化局关于公布2025年度集成电路中试平台名单的通知")])
def test_a_core_title_the_first_line_ends_with_gives_way_to_it(tmp_path, core, first):
    """(h48b-w, h48-t) A .docx whose core title is its first line's tail (评估报告; the notice's title without its issuer)
    kept the short core title; the first line, a whole title ending with it, is the title. (A plan's title that the first
    line's 印发 notice publishes stays, round 12.)"""
    import docx

    (tmp_path / "docs").mkdir()
    document = docx.Document()
    document.core_properties.title = core
    for text in (first, "滨江市工业和信息化局", "2025年2月20日", "一、总体情况", "三年来，政策累计支持集成电路企业和项目四百余个。"):
        document.add_paragraph(text)
    document.save(str(tmp_path / "docs" / "report.docx"))
    assert cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix").returncode == 0
    assert jsonl("docs", "--index", tmp_path / "ix")[0]["title"] == first


def test_a_letterhead_set_as_a_heading_is_no_title(tmp_path):
    """(h48b-u, h48-s) A Word file whose letterhead (某某人民政府办公室文件) is set as Heading 1 took it as its title, and had
    no type; the README says a 文件 letterhead is never the title: the notice's title line under it is."""
    import docx

    (tmp_path / "docs").mkdir()
    document = docx.Document()
    document.add_heading("滨江县人民政府办公室文件", level=1)
    for text in ("滨政办发〔2025〕8号", "滨江县人民政府办公室关于印发滨江县集成电路产业发展三年行动方案（2025—2027年）的通知",
                 "各乡镇人民政府，县直各有关单位：", "现将《滨江县集成电路产业发展三年行动方案（2025—2027年）》印发给你们，请认真贯彻落实。"):
        document.add_paragraph(text)
    document.save(str(tmp_path / "docs" / "notice.docx"))
    assert cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix").returncode == 0
    found = jsonl("docs", "--index", tmp_path / "ix")[0]
    assert found["title"] == "滨江县人民政府办公室关于印发滨江县集成电路产业发展三年行动方案（2025—2027年）的通知"
    assert found["doc_type"] == "行动方案"


@pytest.mark.parametrize("title, expected", [("滨江高新区2025年1—10月经济运行简况", "运行分析"),
                                             ("滨江新区2025年上半年经济社会发展情况（半年报）", "报告")])
def test_a_zones_running_brief_and_half_year_report_are_typed(tmp_path, title, expected):
    """(h48b-w) A zone's 1—10月经济运行简况 and a 情况（半年报） had no type; they are a 运行分析 and a 报告, titled as written."""
    text = f"{title}\n\n滨江新区经济发展局　2025年11月18日\n\n1—10月，全区集成电路产业产值同比增长百分之十二。\n"
    index = _ingest(tmp_path, "brief.txt", text)
    found = jsonl("docs", "--index", index)[0]
    assert (found["doc_type"], found["title"]) == (expected, title)

"""Session 50: attribution on documents nobody tuned for (four blind sets, h50 g, h, i and j, written by helpers in
their own words against a frozen 26512eb).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import (
    ingest_docs,
    jsonl,
    make_pdf,
    ingest_text as _ingest,
    regions_by_start as _regions,
    years_by_start as _years,
)


@pytest.mark.parametrize("lead, county", [("仙居：", "浙江省/台州市/仙居县"), ("盈江丨", "云南省/德宏傣族景颇族自治州/盈江县")])
def test_a_headline_led_by_a_county_short_name_is_that_county_story(tmp_path, lead, county):
    """(h50-g) A story headlined by a county's short name and a colon (西昌：…, 孟连：…) whose text never writes the
    county in full went to a city it shipped to, or stayed at the county's city or province."""
    short = lead[:-1]
    text = f"""{lead}小县城里的芯片封装车间
2025-06-18　来源：本地日报

在{short}的电子产业园，一家封装企业的生产线正在满负荷运转，产品发往杭州、深圳的整机厂。
今年上半年，{short}电子信息产业产值同比增长百分之十八，新引进配套企业六家。
"""
    index = _ingest(tmp_path, "county.txt", text)
    found = _regions(index, "产业")
    assert found["今年上半年，"] == county
    assert found[f"在{short}的电子"] == county


def test_a_table_row_speaks_for_the_years_from_its_start_column_through_its_end_column(tmp_path):
    """(h50-j) A project list whose header names a start and an end column (开工年份 | 竣工年份, 开工时间 | 建成时间):
    a row spoke for the notice's year alone (bare years, 2024 | 2026) or for its two years with none between (2024年3月 |
    2026年6月); it speaks for the years from start through end."""
    text = """# 2025年全市重点产业项目计划

| 序号 | 项目名称 | 建设地点 | 开工年份 | 竣工年份 |
|---|---|---|---|---|
| 1 | 宽禁带半导体外延片扩产项目 | 鼓楼区 | 2024 | 2026 |
| 2 | 智能传感器封测线技改项目 | 鼓楼区 | 2025 | 2025 |

| 序号 | 项目名称 | 开工时间 | 计划建成时间 |
|---|---|---|---|
| 1 | 存储控制芯片研发楼项目 | 2023年9月 | 2026年12月 |
"""
    index = _ingest(tmp_path, "projects.md", text)
    rows = {row["text"].split("|")[1].strip(): row["years"] for row in jsonl("search", "项目", "--all", "--index", index) if "|" in row["text"]}
    assert rows["宽禁带半导体外延片扩产项目"] == [2024, 2025, 2026]
    assert rows["智能传感器封测线技改项目"] == [2025]
    assert rows["存储控制芯片研发楼项目"] == [2023, 2024, 2025, 2026]


_SPACED_ROWS = ["序号  项目名称  建设地点  建设年限",
                "1  宽禁带功率器件模块封装线扩建项目示范工程  南京市江宁区  2025—2027",
                "2  高端光掩模版研发及产业化基地  无锡市新吴区  2026—2028",
                "3  车规级传感芯片测试中心  苏州市昆山市  2026—2027"]


def _spaced_rows(index) -> dict[str, tuple[str, list[int]]]:
    """Each table row's place and years, keyed by its second cell (the header row left out)."""
    return {row["text"].split(" | ")[1]: ("/".join(row["region_path"]), row["years"])
            for term in ("项目", "中心", "基地") for row in jsonl("search", term, "--all", "--index", index)
            if " | " in row["text"] and row["text"][0].isdigit()}


_SPACED_WANT = {"宽禁带功率器件模块封装线扩建项目示范工程": ("江苏省/南京市/江宁区", [2025, 2026, 2027]),
                "高端光掩模版研发及产业化基地": ("江苏省/无锡市/新吴区", [2026, 2027, 2028]),
                "车规级传感芯片测试中心": ("江苏省/苏州市/昆山市", [2026, 2027])}


def test_a_table_set_with_spaces_in_plain_text_is_read_row_by_row(tmp_path):
    """(h50-j) A table whose cells two spaces or more part (序号  项目名称  建设地点…) ran into one passage, cells glued
    (…项目南京市江宁区2025—2027), so its rows took the first row's place and the text's year; each row is a passage."""
    text = "江苏省2026年集成电路重点项目安排\n\n附件：重点项目表\n" + "\n".join(_SPACED_ROWS) + "\n\n各地要加快项目建设进度。\n"
    assert _spaced_rows(_ingest(tmp_path, "list.txt", text)) == _SPACED_WANT


def test_a_pdf_table_drawn_as_lines_of_text_is_read_row_by_row(tmp_path):
    """(h50-j) A PDF whose table is drawn as text, a row a line, its cells parted by spaces: the cells were glued and a
    full-width row ran on into the next one (…2025—20273车规级…), two rows in one passage under the text's province."""
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "list.pdf", [["江苏省2026年集成电路重点项目安排", "", "附件：重点项目表", *_SPACED_ROWS, "", "各地要加快项目建设进度。"]])
    assert _spaced_rows(ingest_docs(tmp_path)) == _SPACED_WANT


def test_a_base_year_named_after_its_word_is_no_year_the_plan_speaks_for(tmp_path):
    """(h50-h) `基准年为2025年` in a plan for 2026–2030 is the base its figures are measured from, as `以2025年为基期` is:
    the passage spoke for 2025 too."""
    text = """合肥市“十五五”新型显示产业发展规划

合肥市人民政府
2026年3月10日

本规划期为2026年至2030年，基准年为2025年，各项指标增幅均以基准年数据计算。
"""
    index = _ingest(tmp_path, "plan.txt", text)
    assert _years(index, "基准年")["本规划期为2"] == [2026, 2027, 2028, 2029, 2030]


def test_notes_after_the_last_section_speak_for_the_text_not_for_its_outlook(tmp_path):
    """(h50-j) The notes closing a 2025 report (注1：…, [2] …) after its outlook heading (三、2026年工作展望) took the
    outlook's year; they annotate the report's figures, so they speak for its year."""
    text = """鄂州市2025年电子信息产业运行报告

鄂州市经济和信息化局
2026年2月6日

一、2025年运行情况
2025年，全市电子信息产业实现营业收入312亿元，同比增长9.8%。

二、2026年工作展望
2026年，全市将推动光电子信息产业营业收入增长10%以上。

注1：营业收入按规模以上企业口径统计，增速按可比价格计算。
[2] 光电子信息企业名录由市统计部门按行业分类核定。
"""
    index = _ingest(tmp_path, "report.txt", text)
    found = _years(index, "统计") | _years(index, "核定")
    assert found["注1：营业收"] == [2025]
    assert found["[2] 光电"] == [2025]


def test_a_box_about_a_county_ends_at_the_next_numbered_paragraph(tmp_path):
    """(h50-j) A box (专栏2　某县：…) inside a province's report opened the county's section, and the report's next run-in
    numbered paragraph (（二）…。全省…) stayed the county's; it is the province's again, in the section's years."""
    text = """江西省经济和信息化厅2025年县域工业发展情况报告

一、2025年工作成效
（一）县域特色产业加快集聚。全省新增省级县域特色产业集群9个。
专栏1　南康区：家具产业向智能制造转型
南康区推动家具企业上云用数，建成智能工厂12家，新增电子元器件配套企业5家。
专栏2　贵溪市：铜基材料延伸至电子铜箔
贵溪市依托铜冶炼基础，引进电子铜箔和引线框架项目3个，铜基新材料产值突破百亿元。
此外，县域营商环境持续改善，企业开办时间压缩至1个工作日。
（二）县域创新平台稳步增加。县域新增省级工程技术研究中心48家。
二、2026年工作打算
（一）实施县域强链行动。重点支持20个县市培育电子信息配套产业。
"""
    index = _ingest(tmp_path, "report.txt", text)
    rows = {row["text"][:6]: ("/".join(row["region_path"]), row["years"]) for row in jsonl("search", "县域", "--all", "--index", index)}
    assert rows["（二）县域创"] == ("江西省", [2025])
    assert _regions(index, "智能工厂")["南康区推动家"] == "江西省/赣州市/南康区"


def test_a_national_official_saying_the_state_will_support_the_text_own_province_is_the_province(tmp_path):
    """(h50-h) `…司有关负责同志出席会议并表示，国家将继续支持广东建设…` in 广东's text: the place is in what the official
    says, not in the lead naming the official, and the passage went to 全国."""
    text = """安徽省集成电路产业推进大会召开

2026-04-02　来源：安徽省经济和信息化厅

4月1日，全省集成电路产业推进大会在合肥召开。
工业和信息化部电子信息司有关负责同志出席会议并表示，国家将继续支持安徽建设存储芯片产业基地。
"""
    index = _ingest(tmp_path, "meeting.txt", text)
    assert _regions(index, "存储芯片")["工业和信息化"] == "安徽省"


def test_a_zone_named_after_its_county_is_not_a_namesake_county_zone(tmp_path):
    """(h50-i) `朝阳县柳城经济开发区…` in a 朝阳市 report: 柳城经济开发区 was read as 广西 柳城县's zone, so the clause named
    places far apart and the paragraph of county clauses (…；…；…) was not cut; the zone is the county's own."""
    text = """宿迁市2025年政府工作报告

一、2024年工作回顾
县域经济加快发展。沭阳县花木电商产业园新增网店1200家；泗阳县临河经济开发区新引进电子元件企业6家；泗洪县光伏材料产业集聚区建成投产。
"""
    index = _ingest(tmp_path, "report.txt", text)
    found = _regions(index, "县")
    assert found["泗阳县临河经"] == "江苏省/宿迁市/泗阳县"
    assert found["泗洪县光伏材"] == "江苏省/宿迁市/泗洪县"


def test_year_by_year_goals_after_a_by_year_lead_speak_for_their_years(tmp_path):
    """(h50-h) `分年度看，2026年，…；2027年，…` in a 2026—2028 plan spoke for the whole plan; the lead is a view, as
    `从全市看，` is, and the goals that follow name their own years."""
    text = """西安市半导体产业倍增行动方案（2026—2028年）

二、主要目标
分年度看，2026年，全市半导体产业营收达到1600亿元；2027年，产业营收达到1850亿元。
"""
    index = _ingest(tmp_path, "plan.txt", text)
    assert _years(index, "营收")["分年度看，2"] == [2026, 2027]


@pytest.mark.parametrize("name, title, voice", [
    ("district.txt", "北海市海城区2025年政府工作报告", "广西壮族自治区党委提出"),
    ("banner.txt", "鄂尔多斯市达拉特旗2025年政府工作报告", "自治区第十二次党代会提出")])
def test_an_autonomous_region_voice_about_its_whole_is_the_region(tmp_path, name, title, voice):
    """(h50b-k) `广西壮族自治区党委提出，到2027年全区…` in a district's or banner's report: 全区 after the region's voice is
    the region (as 全省 after 省委 is the province), not the text's own district."""
    text = f"""{title}

二、2025年工作安排
{voice}，到2027年全区新型储能产业产值突破800亿元，打造国家重要的储能装备制造基地。
"""
    index = _ingest(tmp_path, name, text)
    province = "广西壮族自治区" if "广西" in voice else "内蒙古自治区"
    assert _regions(index, "新型储能")[voice[:6]] == province


def test_a_deadline_to_report_in_a_policy_of_several_years_does_not_narrow_its_article(tmp_path):
    """(h50b-l) The closing article of a 2025—2027 policy (…负责组织实施。各市要制定配套细则，于2025年9月底前报省工信厅备案。)
    spoke for 2025 alone, the deadline's year; a deadline to report is no year the duty is for. A year the article sets
    for doing (2026年底前建成…) still narrows it, since session 51 to the policy's years up to it."""
    text = """浙江省加快集成电路产业发展若干措施（2025—2027年）

第十条　省经济和信息化厅牵头负责本措施的组织实施。各市要制定配套细则，于2025年9月底前报省经济和信息化厅备案。
第十一条　支持有条件的市建设公共技术服务平台，2026年底前建成省级集成电路公共检测平台2个。
"""
    index = _ingest(tmp_path, "measures.txt", text)
    found = _years(index, "省")
    assert found["第十条省经济"] == [2025, 2026, 2027]
    assert found["第十一条支持"] == [2025, 2026]


def test_a_country_review_speaking_of_the_domestic_industry_is_national(tmp_path):
    """(h50b-m) `2025年中国功率半导体产业年终回顾` whose opening says 国内 (not 我国) was filed under the first city its
    text named; a title naming 中国 whose opening speaks of the country's own is the country's. A title comparing cities
    (…重点城市…) stays the places'."""
    text = """2025年中国功率半导体产业年终回顾：在调整中蓄力
来源：电子产业观察 2025-12-30

即将过去的一年，国内功率半导体产业在价格下行中加快结构升级。

一、产能
全年国内新投产8英寸碳化硅产线3条，苏州、厦门的项目下半年进入量产。
"""
    index = _ingest(tmp_path, "review.txt", text)
    assert _regions(index, "产线")["全年国内新投"] == "全国"


def test_a_place_after_a_numbered_label_and_a_source_opens_its_section(tmp_path):
    """(h50b-m) In a commentary going place by place, `第二组数字：投资。据不完全统计，去年四川…` stayed in the section
    before (广东's): the numbered label and its topic, and `据不完全统计，`, lead to the place."""
    text = """几组数字看地方新型显示投资
作者：某研究院分析师
2024年9月10日

第一组数字：规模。以安徽为例，2023年全省新型显示产业营收约1500亿元。

广东的情况有所不同。2023年，广东新型显示面板出货量居全国前列。

第二组数字：投资。据不完全统计，去年四川全省新型显示领域完成投资约200亿元。

第三组数字：人才。湖北每年相关专业毕业生约8000人，留在省内就业的不到一半。
"""
    index = _ingest(tmp_path, "numbers.txt", text)
    found = _regions(index, "第")
    assert found["第二组数字："] == "四川省"
    assert found["第三组数字："] == "湖北省"


def test_a_list_of_links_at_a_copied_page_end_is_no_part_of_the_story(tmp_path):
    """(h50b-n) A WeChat copy of a one-district story ending in 推荐阅读 and the titles of three other places' stories was
    read as a round-up of the province: the list names places the story is not about. The list goes; the story is the
    district's, and a heading of such a list above the story's prose keeps the lines under it."""
    text = """江宁区新引进一个功率器件封测项目

原创　江宁区融媒体中心　2025年06月12日 18:30　江苏

6月11日，江宁区与一家功率器件企业签署投资协议，项目总投资约12亿元。

按计划，项目预计2026年建成投产。

推荐阅读
溧水区智能制造产业园二期开工
高淳区软件和信息服务业营收增长10%
句容市引进半导体材料项目

阅读原文
"""
    index = _ingest(tmp_path, "wechat.txt", text)
    docs = jsonl("docs", "--index", index)
    assert ["/".join(doc["region_path"]) for doc in docs] == ["江苏省/南京市/江宁区"]
    assert _regions(index, "项目") == {"江宁区新引进": "江苏省/南京市/江宁区", "6月11日，": "江苏省/南京市/江宁区",
                                        "按计划，项目": "江苏省/南京市/江宁区"}


def test_a_header_of_year_columns_and_a_change_column_gives_the_rows_the_years(tmp_path):
    """(h50b-n) `指标 | 2023年 | 2024年 | 增长`: the last column, the change, kept the header from giving its rows the
    columns' years, so a row of two years' figures spoke for the text's year alone."""
    text = """# 滨湖区科技创新工作报告（2024年）

| 指标 | 2023年 | 2024年 | 同比增长 |
|---|---|---|---|
| 高新技术企业（家） | 610 | 702 | 15% |
| 集成电路设计业营收（亿元） | 26 | 33 | 27% |
"""
    index = _ingest(tmp_path, "report.md", text)
    rows = {row["text"].split(" | ")[0]: row["years"] for row in jsonl("search", "亿元", "--all", "--index", index)}
    assert rows["集成电路设计业营收（亿元）"] == [2023, 2024]


def test_a_national_body_and_others_leading_a_digest_item_is_national(tmp_path):
    """(h50b-m, h50-j) `8月30日，国家发展改革委等部门发布通知…` in a weekly digest stayed in the province item above it:
    `等部门` after the body's name was not read as its lead."""
    text = """电子信息产业一周要闻（2024年第12期）

本周要闻速览：多地项目开工，政策支持持续加码。

【政策】
3月18日，湖南省工业和信息化厅印发电子信息制造业数字化转型实施方案。

3月19日，四川省经济和信息化厅发布集成电路产业链招商工作方案。

3月20日，工业和信息化部等四部门发布通知，组织开展2024年度电子信息制造业专项申报工作。

【项目】
3月21日，江西省赣州市一家电子材料企业的扩产项目开工。
"""
    index = _ingest(tmp_path, "weekly.txt", text)
    assert _regions(index, "通知")["3月20日，"] == "全国"


def test_a_digest_item_after_this_week_opens_on_its_district(tmp_path):
    """(h50b-m) `本周，位于厦门海沧区的一家…` in a digest of several provinces was its city's: `本周，` was no lead word
    before the place, as `近日，` is."""
    text = """半导体产业一周要闻（2025年第14期）

【政策】
4月1日，湖南省工业和信息化厅印发电子信息制造业数字化转型实施方案。

4月2日，四川省经济和信息化厅发布集成电路产业链招商工作方案。

4月3日，江西省工业和信息化厅发布电子信息产业园区认定通知。

【企业】
本周，苏州工业园区一家射频芯片企业完成新一轮融资，融资金额超过5亿元。

本周，宁波北仑区一家功率器件企业新建产线投产。
"""
    index = _ingest(tmp_path, "weekly.txt", text)
    found = _regions(index, "本周")
    assert found["本周，宁波北"] == "浙江省/宁波市/北仑区"


def test_a_period_in_the_requirements_a_policy_carries_out_adds_no_years(tmp_path):
    """(h50b-l) `为贯彻落实…和“十五五”时期制造业高质量发展要求，…制定本措施` in a 2026—2028 policy spoke for 2026–2030: the
    period names the requirements the policy carries out, not years it speaks for."""
    text = """广西加快电子信息产业发展若干措施（2026—2028年）

第一条　为贯彻落实国家关于电子信息产业发展的决策部署和“十五五”时期制造业高质量发展要求，推动全区电子信息产业提质增效，制定本措施。
"""
    index = _ingest(tmp_path, "measures.txt", text)
    assert _years(index, "决策部署")["第一条为贯彻"] == [2026, 2027, 2028]


def test_an_earlier_text_overridden_where_it_differs_lends_no_year(tmp_path):
    """(h50b-l) `2019年印发的《…》中与本政策不一致的，以本政策为准` added 2019 to the closing article, as `…同时废止` no
    longer does."""
    text = """湖南省促进功率半导体产业发展若干政策

十、本政策自印发之日起施行，有效期至2026年12月31日。2020年印发的《湖南省电子信息产业发展实施意见》中与本政策不一致的，以本政策为准。

湖南省人民政府办公厅
2024年3月1日
"""
    index = _ingest(tmp_path, "policy.txt", text)
    assert _years(index, "不一致")["十、本政策自"] == [2024, 2025, 2026]


def test_a_passage_is_read_after_an_outlet_byline(tmp_path):
    """(h50-g) `本报讯（记者　某某　通讯员　某某）6月20日，位于恩施市…的恩施州…产业园…` in a 恩施州 story stayed the
    prefecture's: the outlet's byline stood before the aside that places the park in its city."""
    text = """黔东南州电子信息产业园二期开园
来源：黔东南日报　2025-06-23

本报讯（记者　杨秀英　通讯员　吴明）6月20日，位于凯里市开怀街道的黔东南州电子信息产业园二期正式开园，首批入驻企业10家。

黔东南州工业和信息化局负责人介绍，全州电子信息产业今年力争产值增长两成。
"""
    index = _ingest(tmp_path, "news.txt", text)
    assert _regions(index, "开园")["本报讯（记者"] == "贵州省/黔东南苗族侗族自治州/凯里市"


def test_a_paragraph_opening_on_a_quotation_is_placed_by_who_said_it(tmp_path):
    """(h50-g) `“…。”恩施市委常委、副市长田建国说，恩施市将…` in a 恩施州 story stayed the prefecture's: the quotation ran
    past where the passage's place is read; the speaker and their subject come after it."""
    text = """黔东南州电子信息产业园二期开园
来源：黔东南日报　2025-06-23

黔东南州工业和信息化局负责人介绍，全州电子信息产业今年力争产值增长两成。

“过去招商主要靠资源和政策优惠，现在更要靠应用场景和配套服务。”凯里市委常委、副市长杨明说，凯里市将在今年底前建成工业互联网服务平台。
"""
    index = _ingest(tmp_path, "news.txt", text)
    assert _regions(index, "工业互联网")["“过去招商主"] == "贵州省/黔东南苗族侗族自治州/凯里市"


def test_an_answer_opening_on_the_whole_province_is_the_province(tmp_path):
    """(h50c-p) `答：从全省看，2025年山东省…，全省…` in a city's press release stayed the city's: the answer's mark stood
    before the view of the whole province, which `从全省看，…` alone reads as the province's."""
    text = """烟台市2025年国民经济运行情况新闻发布稿

烟台市统计局
2026年1月22日

问：全省集成电路产业发展情况如何？
答：从全省看，2025年山东省规上工业增加值增长7.2%，全省集成电路产业营收增长一成以上。
"""
    index = _ingest(tmp_path, "release.txt", text)
    assert _regions(index, "增加值")["答：从全省看"] == "山东省"


def test_an_official_signed_article_is_the_official_place(tmp_path):
    """(h50c-o) A district party secretary's signed article titled by a group of places (奋力打造长三角…新高地), its
    byline right under the title (中共苏州市吴中区委书记　某某), was filed under 多地; it is the district's, as a speech
    by its speaker line is."""
    text = """奋力打造长三角集成电路产业新高地
中共苏州市吴中区委书记　王建华
2024-08-19　来源：苏州日报

集成电路是引领新一轮科技革命的关键力量。全区已集聚集成电路企业90余家。

去年，全区集成电路产业实现产值约120亿元，同比增长18%。
"""
    index = _ingest(tmp_path, "article.txt", text)
    assert ["/".join(doc["region_path"]) for doc in jsonl("docs", "--index", index)] == ["江苏省/苏州市/吴中区"]
    assert _regions(index, "产值")["去年，全区集"] == "江苏省/苏州市/吴中区"


def test_another_place_experience_opening_a_paragraph_of_a_speech_is_that_place(tmp_path):
    """(h50c-o) In a city leader's speech, paragraphs opening on other places' doings (深圳市坚持…, 苏州市通过…, 江苏省以…
    为…) stayed the speaker's city; each is that place's, unless it names the speaker's own place."""
    text = """在全市电子信息产业发展大会上的讲话
昆明市人民政府市长　李建国
（2025年3月18日）

同志们：
深圳市坚持市场主导和政府引导相结合，形成了龙头企业带动、配套企业集聚的产业生态。
苏州市通过设立产业基金，撬动社会资本投向集成电路制造和封测项目。
深圳市坚持开放合作，这些经验值得昆明市认真学习借鉴。
"""
    index = _ingest(tmp_path, "speech.txt", text)
    found = _regions(index, "坚持") | _regions(index, "产业基金")
    assert found["深圳市坚持市"] == "广东省/深圳市"
    assert found["苏州市通过设"] == "江苏省/苏州市"
    assert found["深圳市坚持开"] == "云南省/昆明市"


def test_a_briefing_item_mark_naming_no_place_ends_the_last_item_place(tmp_path):
    """(h50c-o) In a bureau's briefing whose items open with ▲, an item naming no place (▲ 下阶段工作安排) stayed the
    district of the item before; it is the text's own again, as a yearbook's 【…】 entry label is."""
    text = """杭州市经济和信息化局工作简报
2026年第2期
2026年2月20日

▲ 滨江区建设芯片设计人才公寓
滨江区改造闲置楼宇建设人才公寓，首批房源300套。

▲ 下阶段工作安排
下一步，我局将抓紧出台集成电路产业支持政策，力争全年产业营收增长一成。
"""
    index = _ingest(tmp_path, "briefing.txt", text)
    assert _regions(index, "下一步")["下一步，我局"] == "浙江省/杭州市"


def test_the_national_level_after_an_interviewee_label_is_national(tmp_path):
    """(h50c-o) `副主任：国家层面，财政部、税务总局…` in a zone's interview stayed the zone's: the interviewee's label before
    the national level's lead kept it from being read as `国家层面，…` alone is."""
    text = """专访南沙开发区经济发展局负责人：政策红利持续释放
来源：南沙发布　2024-06-12

记者：企业能享受哪些政策？
副主任：国家层面，财政部、税务总局延续了集成电路企业增值税加计抵减政策，符合条件的企业可按规定享受。
"""
    index = _ingest(tmp_path, "interview.txt", text)
    assert _regions(index, "加计抵减")["副主任：国家"] == "全国"

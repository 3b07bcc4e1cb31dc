"""Session 58: attribution and text on documents nobody tuned for (blind sets h58 a to e, written by helpers in their own
words against a frozen 0926407a).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def _wrapped(text: str, width: int = 26) -> list[str]:
    """A paragraph hard-wrapped as a PDF's text layer gives it."""
    return [text[at:at + width] for at in range(0, len(text), width)]


def test_a_document_number_or_a_long_title_repeated_atop_the_pages_is_a_running_head(tmp_path):
    """A text copied from a PDF repeats its document number (宿开管发〔2025〕7号), or its plan's title with the period
    (longer than thirty characters), atop each page: every copy at a page's top goes, wherever the page break falls
    (inside a sentence, after a heading, after a sentence's end), and the sentence a break cut is found whole.  The
    number's line under the letterhead on the first page stays."""
    number = "宿开管发〔2025〕7号"
    first = _wrapped("第三条　新引进的功率器件、传感器制造项目，固定资产投资在3亿元以上的，按设备投资额的6%给予补助，单个项目最高2000万元。")
    lines = ["宿迁经济技术开发区管理委员会文件", number, "宿迁经开区关于印发支持半导体产业发展若干措施的通知",
             "第一条　为支持半导体产业发展，制定本措施。", "第二条　本措施适用于区内注册的半导体企业。",
             *first[:2], "", "- 1 -", "", number, "", *first[2:], "第四条　对首次流片的企业，按流片费用的20%给予补助。",
             "", "- 2 -", "", number, "", "第五条　本措施自2025年7月1日起施行，有效期三年。", "", "- 3 -"]
    index = _ingest(tmp_path / "a", "measures.txt", "\n".join(lines) + "\n")
    whole = "按设备投资额的6%给予补助"
    assert len(jsonl("search", f'"{whole}"', "--index", index)) == 1
    held = [row["text"] for row in jsonl("search", f'"{number}"', "--all", "--index", index)]
    assert held == [number]  # the first page's line alone
    title = "泗阳县半导体材料产业高质量发展三年行动方案（2025—2027年）"
    assert len(title) > 30
    plan = ["泗阳县半导体材料产业高质量发展三年行动方案", "一、总体要求", *_wrapped("坚持创新驱动，推动硅材料和电子化学品产业集聚发展。"),
            "二、发展目标", "", "- 1 -", "", title, "", *_wrapped("到2027年，全县半导体材料产业营业收入突破150亿元。"),
            "三、重点任务", *_wrapped("（一）建设硅材料产业园。支持龙头企业扩大单晶硅片产能。"), "", "- 2 -", "", title, "",
            *_wrapped("（二）培育配套企业。引进电子特气、湿化学品企业10家。"), "", "- 3 -"]
    index = _ingest(tmp_path / "b", "plan.txt", "\n".join(plan) + "\n")
    assert cli("search", f'"{title}"', "--index", index).returncode == 1  # atop pages 2 and 3 only: both go
    assert len(jsonl("search", '"全县半导体材料产业营业收入突破150亿元"', "--index", index)) == 1


def test_a_place_after_a_span_of_time_up_to_now_opens_the_paragraph(tmp_path):
    """近年来，安徽省… in a ministry's national text is 安徽's, as 2023年，安徽省… was (and 今年以来，… likewise); in a
    district's story 近年来，芜湖依托…全市… is its city's; a span of time before no place leaves the passage where it was."""
    national = """工业和信息化部办公厅关于新型显示产业发展情况的通报

各省、自治区、直辖市工业和信息化主管部门：

近年来，安徽省将新型显示作为主导产业培育，面板产能位居全国前列。

今年以来，江西省半导体照明产业保持平稳增长。

2023年，福建省化合物半导体产业营收增长12%。

近年来，各地持续加大新型显示产业投入。

工业和信息化部办公厅
2024年6月3日
"""
    index = _ingest(tmp_path / "a", "notice.txt", national)
    placed = _regions(index, "产业")
    assert placed["近年来，安徽"] == "安徽省"
    assert placed["今年以来，江"] == "江西省"
    assert placed["2023年，"] == "福建省"
    assert placed["近年来，各地"] == "全国"
    story = """芜湖市鸠江区机器人和电子材料产业发展情况

鸠江区地处芜湖市北部，是全市先进制造业的主要承载区。

2024年，鸠江区电子材料产业产值增长18%。

近年来，芜湖依托汽车和家电基础，大力发展电子材料产业，全市电子材料产业规模超过300亿元。

近年来，鸠江区持续优化营商环境，新引进项目42个。
"""
    index = _ingest(tmp_path / "b", "story.txt", story)
    placed = _regions(index, "产业 OR 营商环境")
    assert placed["近年来，芜湖"] == "安徽省/芜湖市"
    assert placed["近年来，鸠江"] == "安徽省/芜湖市/鸠江区"
    # … and a zone named again by its kind after such a span (今年以来，开发区…) points back: the paragraph is not cut
    zone = """酒泉经济技术开发区硅材料产业加快集聚

来源：酒泉日报　2025-05-12

2024年，酒泉经济技术开发区工业硅产量达到18万吨，占全省的四成。今年以来，开发区新签约硅基材料项目6个，协议投资210亿元。
"""
    index = _ingest(tmp_path / "c", "zone.txt", zone)
    rows = jsonl("search", '"工业硅产量"', "--index", index)
    assert len(rows) == 1 and "新签约硅基材料项目" in rows[0]["text"] and rows[0]["years"] == [2024, 2025]


def test_a_park_label_by_a_word_several_divisions_bear_is_read_in_the_province_of_its_sibling_labels(tmp_path):
    """A Beijing round-up of parks by their labels (海淀园：…, 丰台园：…, 朝阳园：…): 朝阳 is 北京's 朝阳区 there, not 辽宁's
    朝阳市 (the city whose short name is a word), and the text stays 北京's; the 中关村 network of parks across the
    city's districts is a zone of the city, as 张江's is, while 中关村科学城 is 海淀's."""
    story = """中关村示范区上半年运行情况发布

7月10日，中关村示范区上半年运行情况发布，示范区规上企业总收入同比增长9%。

海淀园：人工智能芯片和设计企业收入增长15%，新增独角兽企业2家。

丰台园：轨道交通电子和北斗导航企业加快集聚，收入增长8%。

朝阳园：数字经济和算力服务企业收入增长11%，新建智算中心1个。

昌平园：集成电路装备企业收入增长13%，新增中试平台2个。

此外，中关村科学城新落地芯片设计项目6个。
"""
    index = _ingest(tmp_path, "parks.txt", story)
    placed = _regions(index, "增长 OR 项目")
    assert placed["朝阳园：数字"] == "北京市/朝阳区"
    assert placed["丰台园：轨道"] == "北京市/丰台区"
    assert placed["7月10日，"] == "北京市"
    assert [row["zone"] for row in jsonl("search", '"7月10日"', "--index", index)] == ["中关村国家自主创新示范区"]
    assert placed["此外，中关村"] == "北京市/海淀区"
    assert {row["region"] for row in jsonl("docs", "--index", index)} == {"北京市"}


def test_a_report_year_in_figures_opening_its_targets_turns_a_five_year_section_to_the_year(tmp_path):
    """Under 二、今后五年主要目标和2024年重点工作 in a 2024 report, `2024年，全县经济社会发展的主要预期目标是…` turns the rest
    of the section to 2024, as `今年主要预期目标是…` did: the numbered work items after it are the year's; the five-year
    paragraph before it keeps the period."""
    report = """政府工作报告

——2024年1月16日在沭阳县第十八届人民代表大会第四次会议上

一、过去一年工作回顾

2023年，全县电子信息产业产值增长16%。

二、今后五年主要目标和2024年重点工作

今后五年，我们将全力打造苏北重要的电子材料产业基地，产业规模翻一番。

2024年，全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长8%。

（一）壮大电子材料产业。推进覆铜板、电子玻纤布项目建设，新增规上企业15家。

（二）提升园区承载能力。建成标准厂房20万平方米。
"""
    index = _ingest(tmp_path, "report.txt", report)
    dated = _years(index, "产业 OR 厂房 OR 目标")
    assert dated["今后五年，我"] == [2024, 2025, 2026, 2027, 2028]
    assert dated["2024年，"] == [2024]
    assert dated["（一）壮大电"] == [2024]
    assert dated["（二）提升园"] == [2024]


def test_a_bonded_zone_named_by_its_place_files_the_story_there_not_at_the_investors_home(tmp_path):
    """A story headlined by a county-level city's 保税区 (张家港保税区：…) is that city's: 保税区 is a zone's kind as 综合保税区
    is, so the headline names a place and the investor's headquarters named in a later paragraph (总部位于浙江省杭州市余杭区)
    does not take the story."""
    story = """张家港保税区：半导体石英材料项目投产 年产石英坩埚5万只

来源：苏州日报　2025-11-06

11月5日，总投资9亿元的晶石材料张家港项目在张家港保税区化工园正式投产。

晶石材料总部位于浙江省杭州市余杭区，是国内较早从事半导体石英制品研发的企业之一。

去年，张家港保税区新材料产业实现营业收入260亿元，同比增长12%。
"""
    index = _ingest(tmp_path, "story.txt", story)
    assert [row["region"] for row in jsonl("docs", "--index", index)] == ["张家港市"]
    placed = _regions(index, "投产 OR 营业收入")
    assert placed["11月5日，"] == "江苏省/苏州市/张家港市"
    assert placed["去年，张家港"] == "江苏省/苏州市/张家港市"


def test_a_passage_opening_on_the_whole_of_its_level_is_the_regions_though_it_names_a_place_inside(tmp_path):
    """`二是全省半导体照明产业过度依赖南昌，…` in a province's review is the province's (its whole is the subject, the city
    where the industry sits), as `2024年，全市…` after a time is; `全市首个…项目在新建区开工` (the scope of a first) is
    still the district's."""
    review = """江西省工业和信息化厅关于2024年全省电子信息产业发展情况的报告

2024年，全省电子信息产业营业收入增长9%。

存在的主要问题：

一是全省半导体照明产业过度依赖南昌，设区市之间配套协作不够紧密。

二是全省芯片设计企业规模偏小，龙头企业带动作用不强。
"""
    index = _ingest(tmp_path / "a", "review.txt", review)
    placed = _regions(index, "产业")
    assert placed["一是全省半导"] == "江西省"
    story = """南昌市2025年电子信息产业工作要点

2025年，全市电子信息产业营业收入力争增长10%。

全市首个化合物半导体外延片项目在新建区开工，总投资20亿元。

全市光电显示产业主要集中于南昌高新区和新建区，配套企业不足。
"""
    index = _ingest(tmp_path / "b", "points.txt", story)
    placed = _regions(index, "产业 OR 项目")
    assert placed["全市首个化合"] == "江西省/南昌市/新建区"
    assert placed["全市光电显示"] == "江西省/南昌市"
    layout = """南昌市电子信息产业布局规划

全市按照“一核两翼”布局：青山湖区重点发展光电显示和芯片设计；新建区、红谷滩区发展封装测试和电子材料。
"""
    index = _ingest(tmp_path / "c", "layout.txt", layout)
    placed = _regions(index, "发展")
    assert placed["全市按照“一"] == "江西省/南昌市/青山湖区"


def test_a_national_list_row_whose_name_cell_opens_on_a_city_of_its_province_cell_is_the_citys(tmp_path):
    """In a ministry's list (序号 | 基地名称 | 所在省份 | 依托单位), the row `1 | 南通市集成电路材料产业基地 | 江苏省 | …` is
    南通市's: the name cell opens on a city of the province the place cell gives, by its full name; a row naming several
    cities (`佛山市、肇庆市…基地`) is the province's, and so is one whose name opens on no place (its body's cell after the
    province's, `眉山经济开发区管委会`, is a detail)."""
    notice = """工业和信息化部办公厅关于公布2024年度电子材料特色产业基地名单的通知

各省、自治区、直辖市工业和信息化主管部门：

经地方推荐、专家评审，确定以下基地为2024年度电子材料特色产业基地。

序号 | 基地名称 | 所在省份 | 依托单位
1 | 南通市集成电路材料产业基地 | 江苏省 | 南通经济技术开发区管委会
2 | 佛山市、肇庆市电子陶瓷产业基地 | 广东省 | 佛山市工业和信息化局
3 | 株洲市功率半导体材料产业基地 | 湖南省 | 株洲高新区管委会
4 | 电子特气产业基地 | 四川省 | 眉山经济开发区管委会

工业和信息化部办公厅
2024年9月2日
"""
    index = _ingest(tmp_path, "list.txt", notice)
    placed = _regions(index, "基地")
    assert placed["1 | 南通"] == "江苏省/南通市"
    assert placed["2 | 佛山"] == "广东省"
    assert placed["3 | 株洲"] == "湖南省/株洲市"
    assert placed["4 | 电子"] == "四川省"


def test_a_ministrys_reply_to_a_deputy_files_its_passages_about_one_province_there(tmp_path):
    """A ministry's 答复 to a deputy's suggestion about one province: its passages naming places of that province only,
    wherever in them (2024年，我部支持安徽省高校…; 下一步，我部将继续与安徽省…，支持合肥…) are the province's; its
    passages naming no place stay national."""
    reply = """科学技术部关于十四届全国人大三次会议第1234号建议的答复

张某某代表：

您提出的《关于支持合肥建设量子信息产业基地的建议》收悉。现答复如下：

量子科技是新一轮科技革命和产业变革的前沿领域，我部高度重视量子科技发展。

安徽省、合肥市出台的量子科技专项政策与国家政策形成了较好衔接。

2024年，我部支持安徽省高校和企业牵头承担量子领域项目9项。

下一步，我部将继续与安徽省加强部省会商，支持合肥承担更多国家重大科技任务。

感谢您对科技工作的关心和支持。

科学技术部
2025年7月1日
"""
    index = _ingest(tmp_path, "reply.txt", reply)
    placed = _regions(index, "量子 OR 我部")
    assert placed["量子科技是新"] == "全国"
    assert placed["安徽省、合肥"] == "安徽省"
    assert placed["2024年，"] == "安徽省"
    assert placed["下一步，我部"] == "安徽省"
    assert {row["region"] for row in jsonl("docs", "--index", index)} == {"全国"}


def test_a_ministry_bureaus_release_named_as_its_source_is_national_not_a_round_up(tmp_path):
    """A release of figures by province whose only issuer is its source line (来源：工业和信息化部电子信息司) is the
    country's, as one whose bureau stands under its title is: its passages naming no place are national, not 多地; a
    news outlet named as the source (来源：某某日报) still leaves a round-up of provinces 多地."""
    release = """2024年光伏制造业运行情况

来源：工业和信息化部电子信息司　发布时间：2025-02-10

2024年，我国光伏制造业产量保持增长，多晶硅、硅片、电池、组件产量同比分别增长12%、10%、11%和9%。

分地区看，产量居前的省份如下。

省份 | 2023年组件产量（GW） | 2024年组件产量（GW）
江苏 | 180 | 196
浙江 | 120 | 131
安徽 | 95 | 108

下一步，将加强行业运行监测，推动光伏制造业高质量发展。
"""
    index = _ingest(tmp_path / "a", "release.txt", release)
    assert [row["region"] for row in jsonl("docs", "--index", index)] == ["全国"]
    placed = _regions(index, "光伏 OR 省份")
    assert placed["2024年，"] == "全国"
    assert placed["下一步，将加"] == "全国"
    # … and its table's header cells name a year with the figure and its unit (2023年组件产量（GW）): the rows' years
    assert _years(index, '"江苏 | 180"') == {"江苏 | 1": [2023, 2024]}
    story = release.replace("来源：工业和信息化部电子信息司", "来源：某某日报").replace("2024年，我国光伏制造业", "2024年，光伏制造业")
    index = _ingest(tmp_path / "b", "story.txt", story)
    assert [row["region"] for row in jsonl("docs", "--index", index)] == ["多地"]


def test_the_places_cut_from_a_paragraph_opening_on_last_year_tell_last_years_too(tmp_path):
    """In a story of a 2025 meeting, `过去一年，全市…增长10%。蜀山区…；包河区…。` is cut place by place, and the places'
    parts speak for last year as the lead does, not for the story's year."""
    story = """合肥召开2025年全市工业和信息化工作会议

来源：合肥日报　2025-02-12

2月11日，全市工业和信息化工作会议召开。

过去一年，全市新型显示产业营收增长10%，集成电路产业营收突破700亿元。蜀山区芯片设计企业突破300家，人才加快集聚；包河区在汽车芯片和功率器件领域取得新进展。

会议强调，2025年全市要力争规上工业增加值增长8%。
"""
    index = _ingest(tmp_path, "story.txt", story)
    dated = _years(index, "产业 OR 芯片 OR 工业")
    assert dated["过去一年，全"] == [2024]
    assert dated["蜀山区芯片设"] == [2024]
    assert dated["包河区在汽车"] == [2024]
    assert _regions(index, "芯片")["蜀山区芯片设"] == "安徽省/合肥市/蜀山区"


def test_a_long_run_in_heading_does_not_push_the_one_place_a_task_names_out_of_its_lead(tmp_path):
    """`（二）推动半导体照明和化合物半导体产业突破。支持南昌建设…；支持吉安、赣州发展…。` in a province's report: the run-in
    heading is a title, not the sentence, so the first clause's one place (南昌) still opens it, however long the heading;
    a place in a later clause after it (新增智能算力5000P，推动九江…) does not."""
    report = """江西省2025年政府工作报告

二、2025年重点工作

（二）推动半导体照明和化合物半导体产业突破。支持南昌建设国家硅基LED技术创新中心，推进Micro LED中试线建设；支持吉安、赣州发展电子元器件和半导体分立器件。

（三）加快算力基础设施建设。新增智能算力5000P，推动九江数据中心集群与周边省份算力资源互联互通。

（四）建设全国一体化算力网络国家枢纽节点。加快上饶数据中心集群建设，到2027年全省数据中心标准机架达到30万架。
"""
    index = _ingest(tmp_path, "report.txt", report)
    placed = _regions(index, "支持 OR 算力")
    assert placed["（二）推动半"] == "江西省/南昌市"
    assert placed["支持吉安、赣"] == "江西省"
    assert placed["（三）加快算"] == "江西省"  # (its place only in a later clause: the province's task)
    assert placed["（四）建设全"] == "江西省"  # (… or after a verb of its own, the place naming the object's site)


def test_a_text_copied_from_a_pdf_that_sets_its_paragraphs_in_keeps_a_paragraph_whole_across_a_sentence_end_at_a_line_end(tmp_path):
    """A hard-wrapped text copied from a PDF, each paragraph's first line set in by two ideographic spaces: a full line
    that happens to end a sentence (…月产能达到12万片。) runs on into the next line when that line is not set in
    (其中，2025年…), so the goal's paragraph is one passage with both its years; a line set in opens a paragraph."""
    width = 24

    def para(text: str) -> list[str]:
        lines = [text[at:at + width] for at in range(0, len(text), width)]
        return ["\u3000\u3000" + lines[0], *lines[1:]]

    goal = "到2027年，全市功率半导体产业营业收入突破800亿元，年均增长达到12%以上，建成国家级创新平台5个以上，8英寸碳化硅晶圆月产能达到12万片。其中，2025年全市功率半导体产业营业收入力争达到600亿元。"
    goal_lines = para(goal)
    assert any(line.endswith("。") and len(line) == width for line in goal_lines[:-1])  # (a full line ends a sentence)
    lines = ["株洲市功率半导体产业高质量发展行动方案（2025—2027年）", "\u3000\u3000一、发展基础",
             *para("2024年，全市功率半导体产业实现营业收入520亿元，同比增长15%，IGBT模块装车量居全国前列，产业链上下游企业超过200家。"),
             "\u3000\u3000二、发展目标", *goal_lines, "\u3000\u3000三、重点任务",
             *para("（一）做强器件制造。支持龙头企业扩大IGBT和碳化硅器件产能，推动车规级芯片验证和应用，提升本地配套水平。"),
             *para("（二）完善材料配套。引进碳化硅衬底和外延企业，建设功率半导体材料产业园，形成完整的材料供应体系。")]
    index = _ingest(tmp_path, "plan.txt", "\n".join(lines) + "\n")
    rows = jsonl("search", '"8英寸碳化硅晶圆"', "--index", index)
    assert len(rows) == 1 and "其中，2025年全市" in rows[0]["text"]
    assert rows[0]["years"] == [2025, 2027]  # (the target year and the interim one, both the paragraph's)
    assert len(jsonl("search", '"（一）做强器件制造"', "--index", index)) == 1


def test_a_news_pages_kicker_over_its_headline_is_part_of_the_text(tmp_path):
    """A saved newspaper page heads its story with a kicker over the headline (`<h2 class="pre-title">…</h2><h1>…</h1>`),
    beside the element that holds the paragraphs: the kicker is the story's own words and is found; the headline is still
    the title, and the site's menu is not text."""
    body = "".join(f"<p>{sentence}</p>" for sentence in (
        "本报讯　9月20日，一家车规级功率芯片企业在仓山区正式投产，这是今年以来落户仓山的第五家功率芯片企业。",
        "仓山区是福州集成电路设计企业的主要集聚地，区内已有芯片设计企业八十余家，去年产业规模突破一百二十亿元。",
        "区工信局负责人介绍，区里将继续完善流片补助和人才公寓等配套政策，推动设计、封测和应用企业协同发展。",
        "目前，仓山区已集聚功率器件、传感器和通信芯片企业一百二十余家，产品覆盖新能源汽车、储能和工业控制等领域。",
        "下一步，仓山区将围绕车规级芯片验证和封装测试补链，力争三年内形成三百亿元规模的集成电路产业集群。"))
    page = f"""<html><head><title>仓山：功率芯片企业加速集聚_福州日报数字报</title></head><body>
<div class="nav"><a href="#">首页</a> <a href="#">要闻</a> <a href="#">县区</a></div>
<div class="content-wrap">
<h2 class="pre-title">建设东南沿海集成电路设计高地</h2>
<h1>仓山：功率芯片企业加速集聚</h1>
<div class="date-line">2025年09月21日　第A03版：县区</div>
<div class="text">{body}</div>
</div></body></html>"""
    index = ingest_docs(tmp_path, {"page.html": page})
    rows = jsonl("search", '"建设东南沿海集成电路设计高地"', "--index", index)
    assert len(rows) == 1 and rows[0]["title"] == "仓山：功率芯片企业加速集聚"
    assert cli("search", '"首页"', "--index", index).returncode == 1


def test_an_open_about_title_ending_on_a_title_word_runs_on_to_its_period_and_notice(tmp_path):
    """A plain text's title broken as `关于印发威海市电子信息产业高质量发展三年行动方案` over `（2025—2027年）的通知`: the
    first line ends on a title word but its 关于 has not reached its 的… yet, so the two lines are one title, and the
    document speaks for the plan's three years."""
    notice = """威海市人民政府办公室
关于印发威海市电子信息产业高质量发展三年行动方案
（2025—2027年）的通知

各区市人民政府，市政府各部门：
现将《威海市电子信息产业高质量发展三年行动方案（2025—2027年）》印发给你们，请认真组织实施。

威海市人民政府办公室
2025年4月8日

威海市电子信息产业高质量发展三年行动方案（2025—2027年）

到2027年，全市电子信息产业营业收入突破1200亿元。
"""
    index = _ingest(tmp_path, "notice.txt", notice)
    found = jsonl("docs", "--index", index)[0]
    assert found["title"] == "威海市人民政府办公室关于印发威海市电子信息产业高质量发展三年行动方案（2025—2027年）的通知"
    assert found["years"] == [2025, 2026, 2027]

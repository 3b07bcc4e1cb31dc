"""readers/pdf_layout.py on hand-made page geometry: which lines are page furniture, which breaks
are paragraph ends.  (tests/test_readers2.py checks the same through the CLI on a real PDF.)"""

from __future__ import annotations

from icpolicy.readers.pdf_layout import paragraphs
from icpolicy.readers.pdf_regions import Line, Page

EM, LEFT, RIGHT, HEIGHT = 10.0, 50.0, 290.0, 400.0


def line(text: str, y: float, x0: float = LEFT, x1: float | None = None, em: float = EM) -> Line:
    width = x1 if x1 is not None else min(RIGHT, x0 + len(text) * em)
    return Line(text, x0, width, y, y + em, em, em)


def body(y: float, count: int) -> list[Line]:
    """count full justified lines of one sentence, the last one closing it."""
    lines = [line("园区支持企业开展技术攻关并给予资金补助和人才奖励同时", y - 15 * i, x1=RIGHT) for i in range(count - 1)]
    return lines + [line("加强服务保障。", y - 15 * (count - 1))]


def test_running_header_with_page_numbers_goes_and_a_large_title_on_page_1_stays():
    pages = []
    for n in range(1, 4):
        header = [line("滁州市产业规划", 380, x0=120, em=18.0 if n == 1 else 8.0)]
        footer = [line(f"第{n}页", 20, x0=150)]
        pages.append(Page(tuple(header + body(340, 6) + footer), HEIGHT))
    texts = paragraphs(pages)
    assert texts[0] == "滁州市产业规划"  # set large on page 1: the title
    assert sum("滁州市产业规划" in t for t in texts) == 1
    assert not any("页" in t for t in texts)


def test_a_sentence_runs_over_a_page_break_past_the_header():
    first = Page((line("马鞍山市规划", 380, x0=120, em=8.0), line("一、主要任务。到2027年，全市集成电路产业规模", 340, x0=LEFT + 2 * EM, x1=RIGHT),
                  line("达到五百亿元，培育一批龙头企业，引进一批", 325, x1=RIGHT)), HEIGHT)
    second = Page((line("马鞍山市规划", 380, x0=120, em=8.0), line("重大项目。", 340), line("二、保障措施。加强组织领导。", 320, x0=LEFT + 2 * EM)), HEIGHT)
    assert paragraphs([first, second]) == [
        "一、主要任务。到2027年，全市集成电路产业规模达到五百亿元，培育一批龙头企业，引进一批重大项目。",
        "二、保障措施。加强组织领导。",
    ]


def test_without_indents_a_full_line_ending_a_sentence_ends_the_paragraph():
    page = Page((line("企业研发投入增长两成以上的给予奖励，每家企业最多三项。", 300, x1=RIGHT),
                 line("对新建产线的企业给予设备补助，最高一千万元", 285, x1=RIGHT), line("。", 270),
                 line("其他事项另行通知。", 255)), HEIGHT)
    assert paragraphs([page]) == ["企业研发投入增长两成以上的给予奖励，每家企业最多三项。", "对新建产线的企业给予设备补助，最高一千万元。", "其他事项另行通知。"]


def test_a_latin_word_pushed_to_the_next_line_joins_with_a_space():
    pushed = Line("MOSFET、IGBT等功率器件研发。", LEFT, RIGHT - 40, 285, 295, EM, 70.0)
    page = Page((line("支持企业开展碳化硅衬底和SiC", 300, x1=RIGHT - 60), pushed), HEIGHT)
    assert paragraphs([page]) == ["支持企业开展碳化硅衬底和SiC MOSFET、IGBT等功率器件研发。"]


def test_blank_space_after_a_full_width_title_ends_it_but_taller_lines_do_not_cut_a_paragraph():
    title = line("高新区二〇二五年集成电路产业链协同发展行动方案（2025—2027年", 380, x1=RIGHT - 20)
    paragraph = [line("园区支持企业开展技术攻关并给予资金补助和人才奖励同时", 380 - 25 - 15 * i, x1=RIGHT) for i in range(3)]
    closing = line("加强服务保障。", 380 - 25 - 45)
    assert paragraphs([Page((title, *paragraph, closing), HEIGHT)])[0] == title.text
    # a line holding a Latin font set taller steps further, with no white between the boxes
    tall = Line("到 2027 年，全市集成电路产业规模达到 1500 亿元，集聚上下游", LEFT, RIGHT, 300, 316, EM, EM)
    lines = (line("一、园区支持企业开展技术攻关并给予资金补助和人才奖励", 318, x1=RIGHT), tall,
             Line("企业 300 家以上，建成特色工艺制造和先进封装基地，", LEFT, RIGHT, 281, 297, EM, EM), line("加强服务保障。", 268))
    assert len(paragraphs([Page(lines, HEIGHT)])) == 1


def test_a_line_repeated_at_another_height_on_the_next_page_is_not_a_header():
    repeated = "园区支持企业开展技术攻关并给予资金补助和人才奖励同时"
    first = Page((line("滁州市产业规划", 380, x0=120), line(repeated, 355, x1=RIGHT), line("加强服务保障。", 340)), HEIGHT)
    second = Page((line(repeated, 380, x1=RIGHT), line("做好要素保障。", 365)), HEIGHT)
    assert sum(text.count(repeated) for text in paragraphs([first, second])) == 2
    header = [Page((line("滁州市产业规划", 385, x0=120), *page.lines[1:]), HEIGHT) for page in (first, second)]
    assert not any("滁州市产业规划" in text for text in paragraphs(header))


def test_a_paragraph_under_a_heading_set_solid_is_not_cut_after_its_first_line():
    # a heading set solid over a body set at a wider line pitch: the white under the heading is tighter than
    # the body's own, so the white under the paragraph's first line is no blank (h-blind37b, PDFs from an office suite)
    page = Page((line("二、总体要求", 300, x0=LEFT + 2 * EM),
                 line("坚持以新发展理念为引领，全面贯彻", 285, x0=LEFT + 2 * EM, x1=RIGHT),
                 line("落实省市决策部署，着力构建协同发展的产业生态，全力打造", 262, x1=RIGHT),
                 line("特色产业集群。", 239),
                 line("（一）加强组织领导。成立由主要领导任组长的工作", 216, x0=LEFT + 2 * EM, x1=RIGHT),
                 line("专班。", 193)), HEIGHT)
    assert paragraphs([page]) == ["二、总体要求", "坚持以新发展理念为引领，全面贯彻落实省市决策部署，着力构建协同发展的产业生态，全力打造特色产业集群。",
                                  "（一）加强组织领导。成立由主要领导任组长的工作专班。"]


def test_a_date_line_reaching_the_margin_does_not_run_on_into_a_title_set_large_under_it():
    # a notice signed and dated at the right margin, then the document it issues, its title set large
    page = Page((line("现将方案印发给你们，请结合实际认真贯彻执行，并将", 365, x0=LEFT + 2 * EM, x1=RIGHT),
                 line("执行中遇到的问题和有关意见建议及时报送区工业和信息化局", 350, x1=RIGHT),
                 line("汇总。", 335),
                 line("某某区人民政府办公室", 320, x0=RIGHT - 10 * EM, x1=RIGHT),
                 line("2025年3月18日", 305, x0=RIGHT - 10 * EM, x1=RIGHT),
                 line("某某区集成电路产业高质量发展三年行动", 286, x0=LEFT + 3, x1=RIGHT - 4, em=14.0),
                 line("为推动全区集成电路产业高质量发展，结合实际", 271, x0=LEFT + 2 * EM, x1=RIGHT),
                 line("情况，现就进一步支持设计、制造、封测和装备材料企业", 256, x1=RIGHT),
                 line("制定本方案。", 241)), HEIGHT)
    texts = paragraphs([page])
    assert "2025年3月18日" in texts and "某某区集成电路产业高质量发展三年行动" in texts

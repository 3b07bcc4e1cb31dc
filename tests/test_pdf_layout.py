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

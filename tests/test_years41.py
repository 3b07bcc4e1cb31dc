"""Years of passages, session 41's blind round (h-blind41a/c), on documents in our own words, through the CLI.

- A speech (讲话) reviews last year as a work report does: after a paragraph opening on 去年 under its first heading,
  the paragraphs that follow speak for last year too, until the next heading.
- (h-blind41d) A yearbook (《芜湖年鉴（2024）》) records the year before its edition's: its entries speak for 2023, not
  for 2024, and it is typed 年鉴, titled by its own heading.
- (h-blind41e) A text titled as a look back and a look ahead (2025年…回顾与2026年展望): its headings naming no year
  before the first that turns ahead (二、分地区情况, 三、存在的主要问题) speak for the year reviewed, not for both.
- (h-blind41e) A period's end as a comparison's base (较“十三五”末实现翻番) adds no year, as 由“十三五”末的… did not.
- A period named as what this year's drafting prepares (谋划“十五五”发展, “十五五”规划初稿) or what this year's work
  ensures (确保“十四五”规划目标任务圆满完成) adds none of the period's years.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl, passage_finder

SPEECH = """在全市集成电路产业推进大会上的讲话

淮安市副市长　李明远

（2025年2月18日）

同志们：

今天召开全市集成电路产业推进大会，主要任务是总结成绩、部署工作。下面，我讲三点意见。

一、客观看待发展成效

去年，全市集成电路产业实现营业收入186亿元，同比增长14.2%，增速位居全省前列。

涟水县功率半导体产业园新引进封测项目5个，总投资达到42亿元。

淮安经开区晶圆级封装生产线建成投产，月产能突破3万片。

二、准确把握形势任务

当前，全球半导体产业格局深刻调整，我们既面临机遇，也面临挑战。

三、扎实抓好今年重点工作

今年，全市要围绕封测和材料两个方向，力争产业营收突破220亿元。
"""

YEARBOOK = """《芜湖年鉴（2024）》工业篇

【综述】2023年，全市规模以上工业增加值增长9.1%，战略性新兴产业产值占比提高到48%。

【集成电路产业】全市集成电路企业达到130家，实现营业收入210亿元，同比增长21%。新引进封测项目6个，总投资58亿元。

【重点项目】长江存储配套材料项目一期建成投产，年产电子特气2000吨。

【大事记】11月8日，第二届长三角半导体材料大会在芜湖举办，签约项目23个。
"""

REVIEW = """2025年安徽省集成电路产业发展回顾与2026年展望

安徽省半导体行业协会
2026年2月

一、产业运行总体情况

全省集成电路产业实现营业收入1380亿元，同比增长16%，设计、制造、封测协调发展。

二、分地区情况

（一）合肥市。合肥依托存储和显示驱动芯片龙头企业，产业营收占全省的七成，新增规上企业42家。

（二）滁州市。滁州光伏和电子材料配套加快发展，全年相关产值增长19%。

三、存在的主要问题

龙头企业偏少，高端人才不足，部分关键材料依赖外部供应。

四、2026年展望

预计全省产业营收将突破1550亿元，新建12英寸产线项目有望投产。
"""

COMPARED = """江西省2026年政府工作报告

一、2025年和“十四五”时期工作回顾

全省电子信息产业营收较“十三五”末实现翻番，建成国家级创新平台9个。
"""

SUMMARY = """高新区经济发展局2024年工作总结及2025年工作计划

一、2024年工作开展情况
2024年，全区集成电路产业实现营收320亿元，同比增长15%。
二、存在的问题
一是高端人才不足；二是产业链配套率偏低。
三、主要任务
加快推进12英寸特色工艺产线建设，新引进设计企业20家以上。
"""

RESEARCH = """苏州市集成电路产业发展报告（2024—2026年）

研究机构认为“十四五”时期是我市集成电路产业发展的关键窗口期。
"""

PLAN = """株洲市工业和信息化局2026年工作计划

（2026年1月20日）

二、2026年工作计划

（三）谋划“十五五”发展。明年上半年完成全市电子信息产业“十五五”规划初稿，组织专家论证。

（四）抓好年度目标。确保“十四五”规划目标任务圆满完成，全面完成年度各项指标。
"""


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The years of the passage that starts with a text, in a document whose file name is given."""
    files = {"SPEECH": SPEECH, "PLAN": PLAN, "YEARBOOK": YEARBOOK, "REVIEW": REVIEW, "COMPARED": COMPARED, "SUMMARY": SUMMARY,
             "RESEARCH": RESEARCH}
    index = ingest_docs(tmp_path_factory.mktemp("years41"), {f"{name}.txt": text for name, text in files.items()})
    find = passage_finder(index, "的 OR 要 OR 市 OR 区 OR 产 OR 业 OR 成")

    def years_of(name, start):
        return find(name, start)["years"]
    years_of.index = index
    return years_of


def test_a_speech_reviews_last_year_until_its_next_heading(years):
    assert years("SPEECH", "去年，全市") == [2024]
    assert years("SPEECH", "涟水县功率半导体") == [2024]
    assert years("SPEECH", "淮安经开区晶圆级") == [2024]
    assert years("SPEECH", "当前，全球半导体") == [2025]
    assert years("SPEECH", "今年，全市要") == [2025]


def test_a_period_being_prepared_or_ensured_adds_none_of_its_years(years):
    assert not {2028, 2029, 2030} & set(years("PLAN", "（三）谋划“十五五”发展"))
    assert years("PLAN", "（四）抓好年度目标") == [2026]


def test_a_yearbook_records_the_year_before_its_editions(years):
    assert years("YEARBOOK", "【集成电路产业】") == [2023]
    assert years("YEARBOOK", "【重点项目】") == [2023]
    found = jsonl("docs", "--index", years.index, "--type", "年鉴")
    assert [(doc["title"], doc["years"]) for doc in found] == [("《芜湖年鉴（2024）》工业篇", [2023])]


def test_a_review_and_outlooks_sections_before_the_outlook_speak_for_the_year_reviewed(years):
    assert years("REVIEW", "（一）合肥市") == [2025]
    assert years("REVIEW", "龙头企业偏少") == [2025]
    assert years("REVIEW", "预计全省产业营收") == [2026]


def test_a_periods_end_compared_against_adds_no_year(years):
    assert years("COMPARED", "全省电子信息产业营收较") == [2021, 2022, 2023, 2024, 2025]


def test_a_summary_and_plans_task_headings_keep_both_years(years):
    """(h-review41 3) Only headings naming a state of things (存在的问题) before the turn speak for the year reviewed."""
    assert years("SUMMARY", "一是高端人才不足") == [2024]
    assert years("SUMMARY", "加快推进12英寸") == [2024, 2025]


def test_a_period_named_after_research_as_a_noun_keeps_its_years(years):
    """(h-review41 10) 研究机构认为“十四五”时期是… is no plan being drafted."""
    assert {2021, 2022, 2023} <= set(years("RESEARCH", "研究机构认为"))

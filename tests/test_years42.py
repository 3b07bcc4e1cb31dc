"""Years of passages, session 42, on documents in our own words, through the CLI.

- A yearly task in a plan of several years that starts in a later one of them (自2027年起，每年…, 2027年起各区每年…
  in a 2026—2028 plan) speaks for the years from that one to the plan's end; a yearly task from the plan's first year,
  or one whose start leads into another clause (每年开展评估，2027年起每两年发布…), speaks for the whole span.
- (h-blind42c) The same period of last year (去年同期仅为11%) is a comparison's base: it adds no year, wherever it stands.
- (h-blind42d) In a summary of one year and plan of the next dated in the next (2025年1月), 去年 under the summary's
  heading (一、2024年工作总结) is the writer's last year, 2024, not the year before the section's.
- (h-blind42c) Under a report's plan heading, a paragraph opening on a view of the whole and its subject, then last
  year (从全市看，重庆市去年…), naming no other year, speaks for last year as one opening on 去年， does.
- (h-blind42b) A congress's resolution on a work report (…关于政府工作报告的决议) is typed 决议, not news about the
  report; it speaks for its year (no later target year stretches it) and reviews as the report does: 会议认为，过去一年，…
  and what follows are last year's until a paragraph turns to this year.
- (h-blind42f) A term given by its end alone (本公告有效期至2027年12月31日) runs from the year of issue: a 2026 notice,
  its title naming 2026, speaks for 2026–2027, and so do its provisions.
- (h-blind42d) A joint memorandum signed by bodies of three provinces on one line above a date by month alone
  (二〇二五年六月) names them as its issuers, is a joint text (not a round-up of the provinces), and runs for its term
  from signing (有效期三年: 2025–2028), each province's part too.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl, passage_finder

PLAN = """合肥市新型显示产业提质扩能工作方案（2026—2028年）

一、工作目标

到2028年，全市新型显示产业营收突破2600亿元，带动上下游配套企业200家以上。

二、主要任务

（一）支持关键材料攻关。自2027年起，每年遴选8个以上显示材料揭榜挂帅项目，按研发投入的20%给予补助。

（二）壮大配套企业。2027年1月起逐年提高本地配套率，力争每年提升3个百分点。

（三）优化服务保障。市工信局每年对重点项目开展评估，2027年起每两年发布一次产业链图谱。

（四）加强人才引育。从2026年开始，每年引进显示领域高层次人才50名。
"""


HALF_YEAR = """东丽区2025年上半年经济运行情况

东丽区统计局　2025年7月18日

工业生产稳中有升。1—6月，全区规模以上工业总产值完成640亿元。集成电路封装基板企业产值同比增长24%，去年同期仅为9%。

固定资产投资保持增长。上半年，全区固定资产投资增长6.8%，其中工业投资增长15%。
"""

SUMMARY = """宝鸡高新区管委会2024年工作总结和2025年工作计划

宝鸡高新区管委会
2025年1月12日

一、2024年工作总结
2024年，高新区坚持创新驱动，全年实现地区生产总值八百亿元。
从全市看，宝鸡去年钛材料产业规模约占全省的七成，高新区贡献了其中的大部分份额。

二、2025年工作计划
今年，高新区地区生产总值预期增长百分之六以上。
"""

DISTRICT = """沙坪坝区2026年政府工作报告

——2026年1月8日在重庆市沙坪坝区第十九届人民代表大会第五次会议上

二、2026年工作安排

今年，全区地区生产总值预期增长6%左右。

从全市看，重庆市去年电子信息制造业产值增长9.6%，沙坪坝贡献了全市近两成。

从全市看，重庆市去年电子信息制造业产值增长9.6%，今年全区要力争再提高一个百分点。

从全市看，与去年相比，外部环境的不确定性明显增多，我们必须保持战略定力。
"""

RESOLUTION = """芜湖市第十七届人民代表大会第五次会议关于政府工作报告的决议

（2025年1月17日芜湖市第十七届人民代表大会第五次会议通过）

芜湖市第十七届人民代表大会第五次会议听取和审议了市长所作的政府工作报告，决定批准这个报告。

会议认为，过去一年，市人民政府团结带领全市人民，地区生产总值增长百分之六点二，新能源汽车产量突破百万辆。

三山经开区功率半导体封测基地建成投产，集成电路企业营收增长两成。

会议强调，今年是“十四五”规划收官之年，要加快建设具有重要影响力的先进制造业基地。

到2030年，全市集成电路产业规模力争突破一千亿元。
"""

NOTICE = """遵义经济技术开发区2026年电子元器件产业招商公告

一、招商方向
重点招引电子元器件、功率器件封装测试和电子材料项目。

二、支持政策
对新落地项目，第一年免收厂房租金，第二年、第三年租金减半。

三、其他
本公告有效期至2027年12月31日。

遵义经济技术开发区管理委员会
2026年3月10日
"""

MEMO = """川渝黔电子元器件产业协作备忘录

为推动四川、重庆、贵州三地电子元器件产业协同发展，经三地工业和信息化主管部门协商一致，签署本备忘录。

一、合作目标
到2027年，三地电子元器件产业相互配套率力争提高到百分之二十五以上。

二、各方分工
（一）四川省发挥功率器件和显示面板优势，牵头搭建元器件检测认证共享平台。
（二）重庆市发挥汽车电子和笔电整机优势，牵头建设车规级元器件应用验证中心。
（三）贵州省发挥数据中心和电子材料优势，牵头建设元器件数据共享平台。

三、其他
本备忘录自签署之日起生效，有效期三年。本备忘录一式三份，三方各执一份。

四川省经济和信息化厅　重庆市经济和信息化委员会　贵州省工业和信息化厅
二〇二五年六月
"""


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The years of the passage that starts with a text, in a document whose file name is given."""
    files = {"PLAN": PLAN, "MEMO": MEMO, "HALF_YEAR": HALF_YEAR, "SUMMARY": SUMMARY, "DISTRICT": DISTRICT, "RESOLUTION": RESOLUTION, "NOTICE": NOTICE}
    index = ingest_docs(tmp_path_factory.mktemp("years42"), {f"{name}.txt": text for name, text in files.items()})
    find = passage_finder(index, "的 OR 要 OR 市 OR 区 OR 产 OR 业 OR 年 OR 省 OR 发挥")

    def years_of(name, start):
        return find(name, start)["years"]
    years_of.index = index
    return years_of


def test_a_yearly_task_from_a_later_year_speaks_for_the_years_from_it(years):
    assert years("PLAN", "（一）支持关键材料攻关") == [2027, 2028]
    assert years("PLAN", "（二）壮大配套企业") == [2027, 2028]


def test_a_yearly_task_from_the_first_year_or_beside_another_start_speaks_for_the_span(years):
    assert years("PLAN", "（三）优化服务保障") == [2026, 2027, 2028]
    assert years("PLAN", "（四）加强人才引育") == [2026, 2027, 2028]


def test_a_joint_memorandum_signed_by_month_runs_for_its_term(years):
    assert years("MEMO", "本备忘录自签署之日起生效") == [2025, 2026, 2027, 2028]
    assert years("MEMO", "（一）四川省发挥") == [2025, 2026, 2027, 2028]
    assert years("MEMO", "（二）重庆市发挥") == [2025, 2026, 2027, 2028]
    docs = jsonl("docs", "--all", "--index", years.index)
    memo = next(d for d in docs if d["source"].endswith("MEMO.txt"))
    assert memo["issuer"] == "四川省经济和信息化厅、重庆市经济和信息化委员会、贵州省工业和信息化厅" and memo["region"] == "多地"


def test_the_same_period_of_last_year_is_a_comparisons_base(years):
    assert years("HALF_YEAR", "工业生产稳中有升") == [2025]


def test_last_year_in_a_summary_dated_the_next_year_is_the_writers(years):
    assert years("SUMMARY", "从全市看，宝鸡去年") == [2024]
    assert years("SUMMARY", "今年，高新区") == [2025]


def test_last_year_after_a_view_of_the_whole_under_the_plan_heading(years):
    assert years("DISTRICT", "从全市看，重庆市去年电子信息制造业产值增长9.6%，沙坪坝") == [2025]
    assert years("DISTRICT", "从全市看，重庆市去年电子信息制造业产值增长9.6%，今年") == [2025, 2026]
    assert years("DISTRICT", "从全市看，与去年相比") == [2026]  # (h-review42 2: the subject is a place or none)


def test_a_resolution_on_a_report_is_typed_so_and_reviews_as_the_report(years):
    assert years("RESOLUTION", "会议认为，过去一年") == [2024]
    assert years("RESOLUTION", "三山经开区") == [2024]
    assert years("RESOLUTION", "会议强调，今年") == [2025]
    docs = jsonl("docs", "--all", "--index", years.index)
    resolution = next(d for d in docs if d["source"].endswith("RESOLUTION.txt"))
    assert resolution["doc_type"] == "决议" and resolution["years"] == [2025]


def test_a_term_given_by_its_end_alone_runs_from_the_year_of_issue(years):
    assert years("NOTICE", "对新落地项目") == [2026, 2027]
    assert years("NOTICE", "本公告有效期至") == [2026, 2027]

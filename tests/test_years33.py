"""Years of news passages and of a report's plan section (session 33, from h-blind32b's misses, on texts in our
own words, through the CLI).

- A news story of several years (it reviews last year and reports this year's plans) that is dated: a paragraph
  speaking only of its own year or later (`今年…`, `业内人士预计，今年…`) is that year's, not the story's every
  year; one naming no year keeps them all (a story dated January may report last year's results unnamed).
- `2025年是“十四五”规划收官之年，也是谋划“十五五”发展的关键一年` names the period to say which year 2025 is: it adds
  no years.
- Under a heading naming a period and the report's year (`二、“十五五”时期主要目标和2026年工作安排`), a paragraph
  opening on the report's year (`今年主要预期目标是…`, `2026年是…开局之年`) turns the section to that year: the
  numbered work items after it are the year's, until the next heading of the section's rank.
- A 报告 of one year (a department's status report to the government, dated January 2026) reviews the year before
  as a work report does: a paragraph near its start opening on that year (`2025年，全省…。…`) opens the review, and
  what follows speaks for that year until a heading line ([review] types)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

STORY = """多地加码功率半导体 新厂房密集投用

2025-03-05 10:15 来源：经济观察报

2024年，全国功率半导体市场规模同比增长一成以上，多地把车规级芯片作为主攻方向。

今年全国两会期间，发展功率半导体再次成为代表委员热议的话题。

安徽：芜湖扩产封测

2024年，芜湖市功率半导体产业营收同比增长两成以上，碳化硅衬底项目实现量产。

业内人士预计，今年芜湖车规级模块出货量有望翻番。

江苏：常州补链强链

2024年全年，常州市新增功率半导体企业三十余家，比2023年多出一倍。

武进区一家企业负责人说，企业的订单十分饱满，产线满负荷运转。
"""

REPORT_2025 = """政府工作报告

——2025年1月10日在惠州市第十三届人民代表大会第五次会议上

一、2024年工作回顾

2024年，全市电子信息产业规模以上工业增加值增长百分之八。

二、2025年工作安排

2025年是“十四五”规划收官之年，也是谋划“十五五”发展的关键一年。今年全市主要预期目标是：规上工业增加值增长百分之七左右，新引进半导体封测项目五个。
"""

REPORT_2026 = """政府工作报告

——2026年1月12日在绵阳市第八届人民代表大会第六次会议上

一、2025年及“十四五”时期工作回顾

2025年，全市电子信息产业营收增长百分之十一。

二、“十五五”时期主要目标和2026年工作安排

今后五年，全市将建设西部电子信息产业高地，到2030年电子信息产业营收力争翻一番。

今年主要预期目标是：地区生产总值增长百分之六左右，集成电路产业营收增长百分之十五以上。

（一）壮大显示和芯片产业。推进柔性显示模组二期建设，年内建成投产，新引进芯片设计企业十家。

（二）建强创新平台。支持科技城新区建设化合物半导体中试平台，新增省级研发机构八家。

三、全面加强政府自身建设

坚持依法行政，持续深化政务公开。
"""


def test_a_story_paragraph_of_its_own_year_only_is_that_years(tmp_path):
    index = ingest_docs(tmp_path, {"story.txt": STORY})
    assert first_hit(index, "代表委员热议的话题")["years"] == [2025]
    assert first_hit(index, "车规级模块出货量有望翻番")["years"] == [2025]
    assert first_hit(index, "碳化硅衬底项目实现量产")["years"] == [2024]  # a look-back, as before
    assert first_hit(index, "产线满负荷运转")["years"] == [2024, 2025]  # no year named: the story's


def test_the_year_that_prepares_the_next_period_is_one_year(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT_2025})
    assert first_hit(index, "新引进半导体封测项目五个")["years"] == [2025]


def test_this_years_goals_turn_a_period_section_to_this_year(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT_2026})
    assert first_hit(index, "到2030年电子信息产业营收力争翻一番")["years"] == [2026, 2027, 2028, 2029, 2030]
    assert first_hit(index, "集成电路产业营收增长百分之十五以上")["years"] == [2026]
    assert first_hit(index, "柔性显示模组二期建设")["years"] == [2026]
    assert first_hit(index, "化合物半导体中试平台")["years"] == [2026]
    assert first_hit(index, "持续深化政务公开")["years"] == [2026]


STATUS_REPORT = """湖南省工业和信息化厅关于全省功率半导体产业发展情况的报告

湖南省工业和信息化厅
2026年1月20日

省人民政府：

按照省政府工作部署，现将全省功率半导体产业发展情况报告如下。

一、发展现状

2025年，全省功率半导体产业实现营业收入九百亿元，同比增长百分之十四。规上企业达到二百家。

株洲市以轨道交通功率模块为特色，车规级模块产量居全国前列。

二、下一步工作建议

建议省级财政设立功率半导体产业专项资金，支持关键装备攻关。
"""


def test_a_status_reports_review_opens_on_the_year_before(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": STATUS_REPORT})
    assert first_hit(index, "实现营业收入九百亿元")["years"] == [2025]
    assert first_hit(index, "车规级模块产量居全国前列")["years"] == [2025]
    assert first_hit(index, "支持关键装备攻关")["years"] == [2026]

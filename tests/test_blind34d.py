"""Classes from h-blind34d's misses (session 34's held-out set; fixed in session 35), on texts in our own words, through
the CLI.

- A paragraph that goes place by place in ；-clauses is cut even when one clause opens with a list of places
  (`郎溪县、泾县分别…`): that clause is a part of its own, about none of them alone.
- A list of places as a paragraph's lead (`岳阳市、常德市。…`) ends the section a single place's lead opened (`株洲市。…`).
- A zone joined to its district by a middle dot (`…经济技术开发区·铁山区`) is that district.
- A credit line (`本报记者 李明`) never runs on into the paragraph after it.
- A mid-year status report whose first paragraph names last year and this year so far (`2024年，…。今年1—7月，…`) opens
  no review of last year.
- `由“十三五”末的…增长到…` is a change's starting point (no 2020); `当年` is its context's year, not the text's; a
  plan being drafted (`编制…“十五五”…规划`) names no years of the passage's own.
- `“十四五”以来，…` in an undated plan for 2025—2030 looks back from the plan's first year (2021—2025)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

REPORT = """宣城市2025年政府工作报告

一、2024年工作回顾

过去一年，全市集成电路和电子信息产业保持较快增长。

宁国市功率半导体模块产值增长两成，新引进配套企业五家；广德市PCB及电子材料产业集群营收突破三百亿元；郎溪县、泾县分别落地电子化学品和石英材料项目各一个。

二、2025年主要任务

旌德县重点发展电子级铜箔；绩溪县推进半导体石英制品扩产；宣州区、宁国市分别建设功率器件和封测配套产业园。
"""

PLAN = """湖南省电子信息制造业高质量发展行动方案（2025—2027年）

一、区域布局

长沙市。打造功率半导体和新型显示产业高地，建设国家级先进封装中试平台。

株洲市。依托轨道交通装备优势，发展车规级IGBT模块。

岳阳市、常德市。重点发展电子化学品和封装材料，培育一批配套企业。

全省每年安排专项资金五亿元，支持重点项目建设。
"""

NEWS = """# 湖北多地半导体项目加速落地

本报记者 李明 张华

今年以来，全省各地加快推进半导体项目建设。

黄石经济技术开发区·铁山区聚集了一批PCB企业，今年新增投资二十亿元。
"""

STATUS = """关于全市集成电路封测产业发展情况的报告
——2025年8月26日在市人大常委会第十九次会议上

主任、各位副主任、秘书长、各位委员：

受市人民政府委托，现将全市封测产业发展情况报告如下。

一、产业发展基本情况

封装测试是我市发展最早的电子产业，已有三十多年历史。

2024年，全市封测产业实现营业收入120亿元，同比增长11%。今年1—7月，全市封测企业累计完成营收78亿元，同比增长9.4%。

城区和开发区是全市封测产业的主要承载区，集聚了规上企业二十余家。

二、存在的主要问题

与先进地区相比，我市封测产业仍存在规模偏小、龙头企业不足等问题。
"""

CITY_REPORT = """2026年德阳市政府工作报告

一、2025年和“十四五”时期工作回顾

五年来，全市电子信息产业规模由“十三五”末的820亿元增长到1450亿元，年均增长12%。

二、2025年工作回顾

过去一年，旌阳区的功率器件项目实现当年签约、当年开工、当年投产。

三、2026年工作安排

明年，市经信局将牵头编制全市电子信息产业“十五五”发展规划。
"""

LONG_PLAN = """芜湖市半导体产业发展规划（2025—2030年）

一、发展基础

“十四五”以来，全市累计引进半导体项目六十个，总投资超过四百亿元。

二、发展目标

到2030年，全市半导体产业营收突破一千亿元。
"""


def _place(index: str, query: str) -> list[str]:
    return first_hit(index, query)["region_path"]


def _years(index: str, query: str) -> list[int]:
    return first_hit(index, query)["years"]


def test_clauses_place_by_place_are_cut_around_a_clause_that_lists_places(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _place(index, "功率半导体模块产值") == ["安徽省", "宣城市", "宁国市"]
    assert _place(index, "PCB及电子材料产业集群") == ["安徽省", "宣城市", "广德市"]
    assert _place(index, "分别落地电子化学品") == ["安徽省", "宣城市"]
    assert _place(index, "重点发展电子级铜箔") == ["安徽省", "宣城市", "旌德县"]
    assert _place(index, "半导体石英制品扩产") == ["安徽省", "宣城市", "绩溪县"]
    assert _place(index, "分别建设功率器件") == ["安徽省", "宣城市"]


def test_a_list_of_places_as_a_lead_ends_the_section_a_places_lead_opened(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert _place(index, "车规级IGBT模块") == ["湖南省", "株洲市"]
    assert _place(index, "电子化学品和封装材料") == ["湖南省"]
    assert _place(index, "每年安排专项资金五亿元") == ["湖南省"]


def test_a_zone_joined_to_its_district_by_a_dot_and_a_credit_line_apart(tmp_path):
    index = ingest_docs(tmp_path, {"news.md": NEWS})
    assert _place(index, "聚集了一批PCB企业") == ["湖北省", "黄石市", "铁山区"]
    first = first_hit(index, "全省各地加快推进")["text"]
    assert "记者" not in first and first.startswith("今年以来")


def test_a_mid_year_report_naming_last_year_and_this_year_opens_no_review(tmp_path):
    index = ingest_docs(tmp_path, {"status.txt": STATUS})
    assert _years(index, "主要承载区") == [2025]
    assert _years(index, "规模偏小") == [2025]


def test_a_changes_start_that_same_year_and_a_plan_being_drafted_add_no_years(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": CITY_REPORT})
    assert _years(index, "由“十三五”末的820亿元") == [2021, 2022, 2023, 2024, 2025]
    assert _years(index, "当年签约") == [2025]
    assert _years(index, "牵头编制全市电子信息产业") == [2027]


def test_since_a_period_in_an_undated_plan_of_several_years_looks_back_from_its_first(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": LONG_PLAN})
    assert _years(index, "累计引进半导体项目六十个") == [2021, 2022, 2023, 2024, 2025]

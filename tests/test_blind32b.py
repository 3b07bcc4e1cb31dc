"""Classes from h-blind32b (session 32), each on texts in our own words, through the CLI.

Years: a period named as the goals a result met (`提前一年完成“十四五”规划目标`) adds no years, while a goal ahead in
an earlier year (`完成“十四五”规划目标任务` in a 2021 report) keeps them; a year a figure is a multiple of (`是2021年的
2.3倍`) or a change starts from (`由去年同期的28%`) is a base, no year; `展望“十五五”，…` is the period ahead; in a
plan of several years a passage whose years are all deadlines (`2025年底前…2026年底前…`) speaks for those years (since
session 38 the rule of every passage naming some of a plan's years; it ran from the first year to the last deadline
before); a table row's years in figures (an annex's 建设年限) are its own.
Places: `高密度` holds no 高密市; 河套深港科技创新合作区 is 福田区's; `澳门特别行政区政府近年来…` is 澳门's."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

REPORT = """2025年莲都区政府工作报告

（2025年1月9日在莲都区人民代表大会上）

一、2024年工作回顾

全区半导体材料产业营收突破一百二十亿元，提前一年完成区“十四五”规划目标。

电子化学品产值同比增长百分之十五，是2021年的二点三倍。

封装基板良品率由去年同期的百分之八十八提高到百分之九十三。

二、2025年工作安排

展望“十五五”，全区将建成长三角南翼重要的半导体材料基地。
"""

EARLY = """2021年衢州市政府工作报告

（2021年1月12日在衢州市人民代表大会上）

我们要坚定信心，完成“十四五”规划目标任务，推动电子化学材料产业迈上新台阶。
"""

PLAN = """株洲市功率半导体产业三年行动方案（2025—2027年）

一、重点任务

（一）建设项目库。2025年底前建成市级功率半导体重大项目库，2026年底前完成首批项目评估。

（二）推进产业集聚。各区要按照方案明确的方向，加快引进配套企业。

附件：重点项目清单

序号 | 项目名称 | 所在地 | 建设年限
1 | 车规级功率模块封装线 | 天元区 | 2024—2025年
2 | 高密度封装测试产业园 | 石峰区 | 2025—2026年
"""

ZHUHAI = """珠海市推进横琴粤澳集成电路合作情况

珠海市加快推进集成电路设计产业发展，全市新增设计企业三十家。

澳门特别行政区政府近年来设立科技发展基金，支持本地高校开展芯片设计研究。

"""

SHENZHEN = """深圳市推进深港集成电路合作情况

前海深港现代服务业合作区新设集成电路产业基金一支。

河套深港科技创新合作区深圳园区今年新引进芯片测试平台两个。
"""


def test_a_periods_goals_met_add_no_years_but_a_goal_ahead_keeps_them(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT, "early.txt": EARLY})
    assert first_hit(index, "营收突破一百二十亿元")["years"] == [2024]
    assert first_hit(index, "电子化学材料产业迈上新台阶")["years"] == [2021, 2022, 2023, 2024, 2025]


def test_bases_of_multiples_and_changes_are_no_years(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert first_hit(index, "是2021年的二点三倍")["years"] == [2024]
    assert first_hit(index, "封装基板良品率")["years"] == [2024]


def test_a_look_ahead_at_a_period(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert first_hit(index, "长三角南翼重要的半导体材料基地")["years"] == [2026, 2027, 2028, 2029, 2030]


def test_deadlines_and_table_rows_in_a_plan_of_several_years(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert first_hit(index, "重大项目库")["years"] == [2025, 2026]
    assert first_hit(index, "加快引进配套企业")["years"] == [2025, 2026, 2027]
    row = first_hit(index, "车规级功率模块封装线")
    assert (row["region"], row["years"]) == ("天元区", [2024, 2025])
    row = first_hit(index, "高密度封装测试产业园")
    assert (row["region"], row["years"]) == ("石峰区", [2025, 2026])


def test_macao_and_the_hetao_zone(tmp_path):
    index = ingest_docs(tmp_path, {"zhuhai.txt": ZHUHAI, "shenzhen.txt": SHENZHEN})
    assert first_hit(index, "设立科技发展基金")["region"] == "澳门特别行政区"
    assert first_hit(index, "芯片测试平台两个")["region"] == "福田区"


MEASURES = """横琴粤澳深度合作区促进芯片设计产业发展办法

第一条 为加快合作区芯片设计产业发展，制定本办法。

第五条 澳门特别行政区政府近年来设立科技发展基金，支持澳门高校开展芯片设计研究。

第九条 本办法自2025年3月1日起施行，有效期五年。2022年印发的《横琴芯片设计扶持措施》同时废止。
"""

ROUNDUP = """多地竞相布局功率半导体

合肥：新建车规级功率模块产线两条，年产能突破百万只。

无锡：功率器件封测企业新增十二家。

成都：高新区新引进碳化硅外延项目三个。

工业和信息化部电子信息司有关负责人表示，各地要立足产业基础错位发展，避免重复建设。
"""


def test_an_article_opening_with_another_places_government_and_a_repealed_texts_year(tmp_path):
    index = ingest_docs(tmp_path, {"measures.txt": MEASURES})
    assert first_hit(index, "支持澳门高校开展芯片设计研究")["region"] == "澳门特别行政区"
    assert 2022 not in first_hit(index, "有效期五年")["years"]  # (the repealed text's year)


def test_a_ministry_departments_closing_line_in_a_round_up_is_national(tmp_path):
    index = ingest_docs(tmp_path, {"roundup.txt": ROUNDUP})
    assert first_hit(index, "避免重复建设")["region"] == "全国"
    assert first_hit(index, "碳化硅外延项目三个")["region"] == "成都市"  # (the section before stays its own)

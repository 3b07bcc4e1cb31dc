"""Years in documents of several years and in period words (session 32, h-blind32a).

- A report on last year's plan and this year's (计划执行情况与计划草案, 预算执行情况和预算草案) is of both years; a
  paragraph in it opening on one of them (`2024年，全市…。…`, several sentences) or on a relative year (`去年，…`,
  `今年将…`, counted from the date it is given) speaks for that year alone.
- Headings flattened to one markdown level (`## 一、2024年预算执行情况`, then `## （一）…`) nest by their numbering.
- A span or list lead in a mid-term review (`2021—2022年，全省…`, `2021年、2022年全省…`) speaks for those years.
- `“十四五”以来` in a 2024 text is 2021–2024 (as `2021年以来`); `到“十四五”末` is the period's last year, a target.
- A range of dates (`自2023年1月1日至2027年12月31日`) states every year in it.
- A county-level division's `新区` or `开发区` is the division (`湖州：长兴新区…` in a round-up: 长兴县).
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

TWO_YEAR = """关于嘉兴市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告

——2025年1月8日在嘉兴市第十届人民代表大会第五次会议上

嘉兴市发展和改革委员会

一、2024年计划执行情况和2025年主要安排

（一）数字经济

2024年，全市数字经济核心产业增加值增长11%。柔性电子材料项目完成设备调试。

2025年，将推动数字经济核心产业增加值增长9%左右。推进功率芯片封装产线扩产。

去年，全市新引进传感器设计企业二十余家。

今年将新建集成电路公共测试平台两个。

（二）要素保障

去年全市工业用地供应超过三千亩，保障重大项目落地。
"""

BUDGET_MD = """# 关于绍兴市2024年预算执行情况和2025年预算草案的报告

——2025年1月9日在绍兴市第九届人民代表大会第五次会议上

## 一、2024年预算执行情况

全市一般公共预算收入完成预算的百分之一百零二。

## （一）支持先进制造业

市级安排集成电路产业扶持资金六亿元，支持晶圆级封装企业扩产。

## 二、2025年预算草案

市级拟安排集成电路产业扶持资金七亿元。
"""

BULLETIN = """2024年常州市国民经济和社会发展统计公报

常州市统计局
2025年3月20日

“十四五”以来，全市功率半导体产业产值年均增长百分之十四。

全年规模以上工业增加值增长百分之七。
"""

PLAN = """郴州市电子信息产业三年行动方案（2023—2025年）

一、发展目标

到“十四五”末，全市电子信息产业营业收入力争突破八百亿元。

二、政策支持

根据财政部、税务总局的有关公告，自2022年1月1日至2026年12月31日，符合条件的设计企业享受所得税优惠。
"""

MIDTERM = """河南省“十四五”电子信息产业发展规划实施中期评估报告

河南省工业和信息化厅
2023年6月

一、规划实施总体情况

2021—2022年，全省电子信息制造业营业收入年均增长百分之十五，超过规划预期。郑州航空港区智能终端产量保持全国前列。

2021年、2022年全省新增规模以上电子企业分别为八十家和九十五家。

二、下一阶段重点任务

围绕智能终端、新型显示和半导体材料，加快补齐产业链短板。
"""

ZONE = """长三角多地布局半导体装备零部件

湖州：长兴新区新落地精密陶瓷部件项目三个，配套晶圆设备厂商。

宁波：北仑区新增真空泵配套企业五家。

南通：海门开发区引进石英部件项目两个。
"""


def test_a_two_year_report_paragraph_speaks_for_the_year_it_opens_on(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": TWO_YEAR})
    assert first_hit(index, "柔性电子材料项目")["years"] == [2024]
    assert first_hit(index, "功率芯片封装产线")["years"] == [2025]
    assert first_hit(index, "传感器设计企业二十余家")["years"] == [2024]
    assert first_hit(index, "公共测试平台两个")["years"] == [2025]


def test_flattened_markdown_headings_nest_by_numbering(tmp_path):
    index = ingest_docs(tmp_path, {"budget.md": BUDGET_MD})
    assert first_hit(index, "支持晶圆级封装企业扩产")["years"] == [2024]
    assert first_hit(index, "拟安排集成电路产业扶持资金七亿元")["years"] == [2025]


def test_since_a_period_runs_to_the_texts_year(tmp_path):
    index = ingest_docs(tmp_path, {"bulletin.txt": BULLETIN})
    assert first_hit(index, "功率半导体产业产值年均增长")["years"] == [2021, 2022, 2023, 2024]


def test_a_periods_end_is_a_target_year_and_a_date_range_states_every_year(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    # (a plan's passage naming one of its years speaks for it since session 38; it ran from the plan's start before)
    assert first_hit(index, "营业收入力争突破八百亿元")["years"] == [2025]
    assert first_hit(index, "享受所得税优惠")["years"] == [2022, 2023, 2024, 2025, 2026]


def test_a_span_or_list_lead_in_a_mid_term_review(tmp_path):
    index = ingest_docs(tmp_path, {"midterm.txt": MIDTERM})
    assert first_hit(index, "超过规划预期")["years"] == [2021, 2022]
    assert first_hit(index, "新增规模以上电子企业")["years"] == [2021, 2022]


def test_a_county_level_divisions_development_zone_is_the_division(tmp_path):
    index = ingest_docs(tmp_path, {"zone.txt": ZONE})
    assert first_hit(index, "精密陶瓷部件项目")["region"] == "长兴县"
    assert first_hit(index, "石英部件项目两个")["region"] == "海门区"

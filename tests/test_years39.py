"""Years of session 39's classes (h-blind39a), on texts in our own words, through the CLI.

- A stretch written `三年内` that sets a goal (`三年内力争…`, `力争3年内完成…`, `…，三年内实现…`) runs from the text's
  year through as many years (2024–2026 in a 2024 report); not a sanction's (`三年内不得申报`), nor a review's
  (`五年内，全县新增…` under 过去五年), nor the years just past (`近三年内`).
- Under a 2024 report's plan heading, a paragraph opening on `去年，` or `上年，` and naming no other year speaks for
  2023 alone, as one opening on `2023年，` does.
- A plan's base section (`一、发展基础`) in a plan of a span that is no named period (2025—2030) speaks for the year
  before its first (2024), as a 十五五 plan's speaks for the 十四五; its goals section for the plan's years.
- A recurring duty's year before (`每年1月底前报送上年度实施情况`, `于每年…报送上一年度…`) adds no year to a plan's
  passage; a 去年 in another clause of the sentence still does (`…平均每年增长…，某镇去年…`).
"""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

REPORT = """嵊州市2024年政府工作报告

——2024年1月12日在嵊州市第十七届人民代表大会第四次会议上

一、过去五年工作回顾

五年内，全市新增规上工业企业210家，电机产业集群年产值突破300亿元。

二、2024年主要任务

上年，全市研发经费投入强度达到2.9%，比上年提高0.3个百分点。

去年，全市高新技术产业投资增长21%，占工业投资比重提高到六成。

深入实施厨具电器产业倍增计划，三年内力争产业规模翻一番，今年新招引亿元以上项目25个。

三年内，推动经济开发区新增国家级专精特新企业10家以上。

加快老旧工业区改造，力争3年内完成城北片区土地腾退。

对虚报材料骗取扶持资金的企业，三年内不得申报市级产业扶持项目。

近三年内未发生重大安全事故的企业，可优先推荐参评市级智能工厂。
"""


def test_three_years_within_and_last_year_leads(tmp_path):
    index = ingest_docs(tmp_path, {"shengzhou.txt": REPORT})
    for needle in ("三年内力争产业规模翻一番", "推动经济开发区新增国家级", "力争3年内完成城北片区"):
        assert first_hit(index, needle)["years"] == [2024, 2025, 2026], needle
    assert first_hit(index, "三年内不得申报")["years"] == [2024]
    assert first_hit(index, "近三年内未发生")["years"] == [2024]
    assert 2024 not in first_hit(index, "全市新增规上工业企业210家")["years"]
    assert first_hit(index, "研发经费投入强度达到2.9%")["years"] == [2023]
    assert first_hit(index, "高新技术产业投资增长21%")["years"] == [2023]


PLAN = """临汾市半导体材料产业行动计划（2024—2026年）

三、保障措施

建立工作专班，每年1月底前向市工业和信息化局报送上年度实施情况。计划实施期间，市财政每年安排专项资金2亿元。

各县（市、区）于每年2月底前报送上一年度项目进展，市里汇总通报。

全市硅材料产量近五年平均每年增长12%，侯马市去年硅片产量达到3亿片。

临汾市人民政府
2024年3月8日
"""


def test_a_recurring_dutys_year_before_adds_no_year(tmp_path):
    index = ingest_docs(tmp_path, {"linfen.txt": PLAN})
    assert first_hit(index, "报送上年度实施情况")["years"] == [2024, 2025, 2026]
    assert first_hit(index, "报送上一年度项目进展")["years"] == [2024, 2025, 2026]
    assert 2023 in first_hit(index, "硅片产量达到3亿片")["years"]


SPAN_PLAN = """银川市智能算力产业发展规划（2025—2030年）

一、发展基础

截至2024年底，全市在用算力规模达到4EFLOPS。阅海湾中央商务区集聚数据标注企业12家。

永宁县引进服务器整机组装企业2家，形成年产5万台的生产能力。

二、发展目标

全市算力产业规模持续扩大，绿色算力占比稳步提高。

银川市人民政府
2025年4月2日
"""


def test_a_span_plans_base_section_speaks_for_the_year_before_it(tmp_path):
    index = ingest_docs(tmp_path, {"yinchuan.txt": SPAN_PLAN})
    assert first_hit(index, "数据标注企业12家")["years"] == [2024]
    assert first_hit(index, "服务器整机组装企业2家")["years"] == [2024]
    assert first_hit(index, "绿色算力占比稳步提高")["years"] == [2025, 2026, 2027, 2028, 2029, 2030]


STORY = """常州晒出2024年集成电路成绩单

2025-02-10 09:30 来源：龙城产经

常州2024年集成电路产业产值约620亿元，增长14%，功率半导体和光伏芯片贡献过半。

市工信局有关负责人表示，今年将重点推进车规级功率模块项目，力争全年产值突破700亿元。
"""


def test_this_year_in_a_story_of_last_years_results(tmp_path):
    """h-blind39a: a story of 2024's results dated February 2025, a paragraph saying only 今年将… was [2024, 2025]: it speaks
    for the year the story is dated in, as it does in a story of both years; its date line keeps the story's years."""
    index = ingest_docs(tmp_path, {"changzhou.txt": STORY})
    assert first_hit(index, "车规级功率模块项目")["years"] == [2025]
    assert first_hit(index, "功率半导体和光伏芯片")["years"] == [2024]


def test_three_years_within_in_a_review_section_is_past(tmp_path):
    """h-review39: `五年内，新增…` and `三年内建成…` under 过去五年工作回顾 ran on past the report's year (2019–2028): a review
    section's stretch tells of the years it reviews; a sanction's `三年内全部追回…` adds no years either."""
    index = ingest_docs(tmp_path, {"keqiao.txt": REVIEW})
    assert first_hit(index, "新增规上工业企业210家")["years"] == [2019, 2020, 2021, 2022, 2023]
    assert first_hit(index, "建成5G基站3000个")["years"] == [2019, 2020, 2021, 2022, 2023]
    assert first_hit(index, "印染产业新增智能工厂")["years"] == [2024, 2025, 2026]
    assert first_hit(index, "全部追回已拨付资金")["years"] == [2024]


REVIEW = """柯桥区2024年政府工作报告

——2024年1月9日在柯桥区第三届人民代表大会第四次会议上

一、过去五年工作回顾

五年内，新增规上工业企业210家，纺织印染集聚提升全面完成。

三年内建成5G基站3000个，数字化改造覆盖全部规上企业。

二、2024年主要任务

三年内，推动印染产业新增智能工厂10家。

对骗取扶持资金的企业，三年内全部追回已拨付资金。
"""


def test_a_summary_and_plans_status_section_is_not_a_year_before_it(tmp_path):
    """h-review39: a summary and plan of two years (2024年工作总结和2025年工作计划) was taken for a span plan, and its
    `一、发展现状` section for 2023, the year before it."""
    index = ingest_docs(tmp_path, {"haining.txt": "海宁市经济和信息化局2024年工作总结和2025年工作计划\n\n一、发展现状\n\n"
                                                  "全市集成电路产业规模达到280亿元，泛半导体产业链基本形成。\n\n二、2025年工作计划\n\n推进半导体材料项目建设。\n"})
    assert 2023 not in first_hit(index, "泛半导体产业链基本形成")["years"]


def test_last_years_lead_with_a_goal_keeps_this_year(tmp_path):
    """h-review39: `去年，…突破7000亿元，力争增长15%以上` under a 2024 plan heading lost 2024: a goal set there is this year's."""
    report = ("溧阳市2024年政府工作报告\n\n——2024年1月10日在溧阳市第十八届人民代表大会第四次会议上\n\n二、2024年主要任务\n\n"
              "去年，全市新能源产业产值突破700亿元，力争增长15%以上。\n")
    index = ingest_docs(tmp_path, {"liyang.txt": report})
    assert first_hit(index, "新能源产业产值突破700亿元")["years"] == [2023, 2024]


def test_a_status_heading_is_a_base_section(tmp_path):
    """h-blind39c: `一、产业现状` was no base heading (发展现状, 发展基础 and 产业基础 were)."""
    plan = SPAN_PLAN.replace("一、发展基础", "一、产业现状")
    index = ingest_docs(tmp_path, {"yinchuan2.txt": plan})
    assert first_hit(index, "服务器整机组装企业2家")["years"] == [2024]

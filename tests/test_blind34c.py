"""Classes from h-blind34c's misses (session 34; its first run was on the code after the h-blind34b batch), on texts in
our own words, through the CLI.

- A table row's cell that is a span of years alone (`2025—2027`, no 年) gives the row its years; two cells of one text
  in a Word table's row (`6 | … | 6`) are both kept (only a merged cell is read once).
- Under `一、去年主要工作和成效` in a report of 2025 and 2026 dated January 2026, a paragraph's `去年` is 2025, not 2024.
- In a summary of one year and plan of the next, a heading of a look back naming no year (`一、主要工作成效`) speaks for
  the first year.
- `“十五五”期间，…` in a 2025—2027 plan speaks for 2026—2030 alone.
- A period named in a purpose clause (`为“十五五”良好开局奠定基础`, `确保“十五五”开好局`) adds no years."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, make_docx

PROJECTS_HEAD = "湖北省经济和信息化厅关于公布2025年度半导体产业重点项目的通知"
PROJECTS = [["序号", "市（州）", "县（市、区）", "项目名称", "总投资（亿元）", "建设年限"],
            ["1", "宜昌市", "夷陵区", "电子级氢氟酸扩产项目", "12", "2025—2027"],
            ["6", "襄阳市", "樊城区", "车规级功率模块封装项目", "6", "2024-2025"]]

REPORT = """关于全区集成电路产业发展情况的报告

区人民政府：

现将全区集成电路产业发展情况报告如下。

一、去年主要工作和成效

去年，全区集成电路产业实现营业收入186亿元，同比增长14%。

二、今年工作打算

今年，全区将推动封测产业园二期开工。

某区工业和信息化局
2026年1月12日
"""

SUMMARY = """某区科技和工业信息化局2025年工作总结和2026年工作计划

一、主要工作成效

全年新引进半导体配套企业11家，电子信息产业营收增长9%。

二、明年工作计划

力争新增规上电子信息企业6家。

某区科技和工业信息化局
2025年12月20日
"""

PLAN = """某市集成电路产业高质量发展三年行动方案（2025—2027年）

一、总体目标

到2027年，全市集成电路产业营收力争达到600亿元。

“十五五”期间，全市将持续加大对集成电路装备材料的投入。

二、年度安排

2026年，全市新建特色工艺产线一条，为“十五五”良好开局奠定坚实基础。

某市人民政府
2025年3月6日
"""


def _years(index: str, query: str) -> list[int]:
    return first_hit(index, query)["years"]


def test_a_rows_span_of_years_cell_and_two_equal_cells(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_docx(docs / "projects.docx", [PROJECTS_HEAD, "现将2025年度重点项目名单公布如下。"], table=PROJECTS)
    from tests.conftest import cli

    index = str(tmp_path / "ix")
    assert cli("ingest", str(docs), "--index", index).returncode == 0
    assert _years(index, "电子级氢氟酸扩产项目") == [2025, 2026, 2027]
    assert _years(index, "车规级功率模块封装项目") == [2024, 2025]
    assert "樊城区 | 车规级功率模块封装项目 | 6 | 2024-2025" in first_hit(index, "车规级功率模块封装项目")["text"]


def test_a_relative_heading_a_look_back_heading_a_period_ahead_and_a_purpose_clause(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT, "summary.txt": SUMMARY, "plan.txt": PLAN})
    assert _years(index, "实现营业收入186亿元") == [2025]
    assert _years(index, "封测产业园二期开工")[0] == 2026
    assert _years(index, "新引进半导体配套企业") == [2025]
    assert _years(index, "新增规上电子信息企业") == [2026]
    assert _years(index, "装备材料的投入") == [2026, 2027, 2028, 2029, 2030]
    assert _years(index, "新建特色工艺产线一条") == [2026]


SPEECH = """在全市半导体产业推进会上的讲话

（2026年4月8日）

同志们：

今天召开全市半导体产业推进会，主要任务是部署今年重点工作。

一、正视成绩

去年，全市半导体产业营收增长一成以上，一批重点项目建成投产。

二、突出重点

今年要抓好项目建设、企业培育和人才引进三件大事。

1. 长沙高新区要发挥功率半导体龙头带动作用，加快碳化硅模块产线建设。

2. 浏阳经开区要聚焦电子材料，推进高纯靶材项目投产。

3. 宁乡市要做好半导体装备零部件配套，建设精密加工产业园。

各部门要各司其职，形成工作合力。
"""


def test_a_text_of_no_place_whose_passages_lie_in_one_city_is_that_citys(tmp_path):
    index = ingest_docs(tmp_path, {"speech.txt": SPEECH})
    assert first_hit(index, "形成工作合力")["region_path"] == ["湖南省", "长沙市"]
    assert first_hit(index, "高纯靶材项目投产")["region_path"][:2] == ["湖南省", "长沙市"]


QA = """《遂宁市支持集成电路企业发展若干措施》政策解读

问：国家层面对集成电路企业有哪些税收优惠？

答：可以享受。国家对符合条件的集成电路设计企业实行所得税“两免三减半”优惠。

问：国家政策是何时出台的？

答：2020年7月，国务院印发新时期促进集成电路产业高质量发展的若干政策。

问：我市企业如何申报？

答：我市企业可通过市工业和信息化局网站在线申报，全年受理。

遂宁市工业和信息化局
2025年6月18日
"""


def test_an_answer_opening_on_a_short_reply_or_a_date_before_a_national_body(tmp_path):
    index = ingest_docs(tmp_path, {"qa.md": QA})
    assert first_hit(index, "两免三减半")["region_path"] == ["全国"]
    hit = first_hit(index, "新时期促进集成电路产业")
    assert hit["region_path"] == ["全国"] and hit["years"] == [2020]


TRADITIONAL = """無錫再推集成電路扶持新政 三年產值目標翻番

2025-07-08　香港商報記者

【香港商報訊】江蘇省無錫市近日出台新一輪集成電路產業扶持政策，對新建晶圓產線給予最高一成的設備補貼。

去年無錫集成電路產業產值約2500億元人民幣，同比增長一成以上，封測規模居全國前列。

新吳區依託無錫高新區，重點發展晶圓製造和功率器件，今年計劃新開工項目十個以上。

江蘇省工業和信息化廳數據顯示，全省集成電路產業上半年營收同比增長一成二。
"""


def test_a_text_in_traditional_script_is_read_as_its_simplified_form(tmp_path):
    index = ingest_docs(tmp_path, {"hk.txt": TRADITIONAL})
    hit = first_hit(index, "重点发展晶圆制造")  # a simplified query finds the traditional text
    assert hit["region_path"] == ["江苏省", "无锡市", "新吴区"] and "新吳區依託" in hit["text"]  # shown as written
    assert first_hit(index, "全省集成电路产业上半年")["region_path"] == ["江苏省"]

"""Classes from h-blind35b's first run (session 35), on texts in our own words, through the CLI.

- A Word table of many rows no longer reads as hard-wrapped prose (rows of like length): each row stays a passage of
  its own, never glued to the next without a separator.
- A table row is the place its cells name when a cell holds a place's name and nothing else (所在市 `沈阳市`, 所在县
  `铁西区`; 建设地点 `坪山区`), wherever that cell stands in the row.
- A national zone named after a county-level city it does not lie in (井冈山经济技术开发区, in 吉安's city area) is no
  part of that city (zones.toml)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl, make_docx

FIRMS = [["序号", "企业名称", "所在市", "所在县（市、区）", "主营产品"],
         ["1", "沈阳某某微电子装备有限公司", "沈阳市", "浑南区", "晶圆清洗设备"],
         ["2", "沈阳某某真空部件有限公司", "沈阳市", "铁西区", "真空腔体组件"],
         ["3", "大连某某石英材料有限公司", "大连市", "甘井子区", "石英舟及石英管"],
         ["4", "大连某某存储封测有限公司", "大连市", "金州区", "存储颗粒封装"],
         ["5", "鞍山某某激光器件有限公司", "鞍山市", "铁东区", "激光二极管芯片"],
         ["6", "锦州某某硅片科技有限公司", "锦州市", "太和区", "硅抛光片"],
         ["7", "营口某某电子陶瓷有限公司", "营口市", "鲅鱼圈区", "陶瓷封装基板"],
         ["8", "丹东某某检测仪器有限公司", "丹东市", "东港市", "晶圆缺陷检测仪"]]

PROJECTS = """<html><head><title>某市2025年集成电路重点项目表</title></head><body>
<h1>深圳市2025年集成电路重点项目计划表</h1>
<p>现将全市集成电路领域重点项目计划公布如下。</p>
<table>
<tr><th>序号</th><th>项目名称</th><th>建设地点</th><th>建设内容</th><th>计划投资（亿元）</th></tr>
<tr><td>1</td><td>十二英寸特色工艺晶圆产线项目</td><td>坪山区</td><td>建设月产三万片晶圆产线</td><td>60</td></tr>
<tr><td>2</td><td>碳化硅器件制造基地</td><td>宝安区</td><td>建设八英寸碳化硅器件产线</td><td>30</td></tr>
</table>
<p>各区要落实项目属地管理责任。</p>
</body></html>
"""

REPORT = """2023年吉安市政府工作报告

一、2023年主要任务

（一）壮大电子信息首位产业。井冈山经开区要加快建设高端印制电路板产业基地，吉安县要重点发展电子专用材料，遂川县、永新县要承接电子元器件产业转移。
"""


def test_a_word_tables_rows_stay_apart_and_each_is_the_place_its_cells_name(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_docx(docs / "list.docx", ["辽宁省科学技术厅关于公布2025年度瞪羚企业名单的通知", "现将集成电路领域企业名单公布如下。",
                                   "附件：2025年度瞪羚企业名单（集成电路领域）"], table=FIRMS)
    index = ingest_docs(tmp_path)
    hits = jsonl("search", "某某", "--all", "--index", index)
    assert len(hits) == 8 and all(h["text"].count(" | ") == 4 for h in hits)
    assert first_hit(index, "真空腔体组件")["region_path"] == ["辽宁省", "沈阳市", "铁西区"]
    assert first_hit(index, "陶瓷封装基板")["region_path"] == ["辽宁省", "营口市", "鲅鱼圈区"]


def test_a_rows_place_cell_later_in_the_row(tmp_path):
    index = ingest_docs(tmp_path, {"projects.html": PROJECTS})
    assert first_hit(index, "特色工艺晶圆产线")["region_path"] == ["广东省", "深圳市", "坪山区"]
    assert first_hit(index, "属地管理责任")["region_path"] == ["广东省", "深圳市"]


def test_a_zone_named_after_a_county_it_does_not_lie_in(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert first_hit(index, "高端印制电路板产业基地")["region_path"][:2] == ["江西省", "吉安市"]
    assert "井冈山市" not in first_hit(index, "高端印制电路板产业基地")["region_path"]
    # (one sentence of comma clauses, each a place's: the city's since session 38, 吉安县's before)
    assert first_hit(index, "电子专用材料")["region_path"] == ["江西省", "吉安市"]


PLAN = """宁波市2026年集成电路产业发展工作要点

一、基本情况

2025年，全市集成电路产业实现营收900亿元，同比增长16%，北仑区的车规芯片封测项目实现量产，鄞州区新增设计企业12家，慈溪市电子材料产业园投入运营。
"""

PROVINCE = """2025年湖南省政府工作报告

一、2024年工作回顾

工业投资增长9%，重点产业项目完成投资300亿元，株洲某某电驱、湘潭某某新能源项目建成投产，衡阳某某新材料项目实现量产，岳阳某某化工新产线投入运行。

醴陵、云龙示范区入选全国首批某某应用试点城市，邵阳获批国家某某示范区。
"""


def test_a_lead_of_several_clauses_then_places_each_stays_one_sentence_and_the_leads_year(tmp_path):
    # (one sentence of comma clauses, each a place's: the text's place's since session 38, each clause's before)
    index = ingest_docs(tmp_path, {"plan.txt": PLAN, "province.txt": PROVINCE})
    hit = first_hit(index, "车规芯片封测项目")
    assert (hit["region_path"], hit["years"]) == (["浙江省", "宁波市"], [2025])
    assert "新增设计企业12家" in hit["text"] and "营收900亿元" in hit["text"]
    assert first_hit(index, "新能源项目建成投产")["region_path"] == ["湖南省"]  # two cities' projects listed
    assert first_hit(index, "新材料项目实现量产")["region_path"] == ["湖南省"]
    assert first_hit(index, "应用试点城市")["region_path"] == ["湖南省"]  # a list whatever its next item


CITY = """2025年合肥市政府工作报告

一、2024年工作回顾

各县（市）区竞相发展。高新区新增芯片设计企业40家，设计业营收增长18%；经开区功率器件封测基地建成投产；新站高新区显示面板产能利用率保持高位；肥西县引进化合物半导体项目4个；长丰县封装材料产业园首批企业入驻。
"""

QUARTER = """2025年前三季度长沙市工业经济运行分析

分县（市）区看，长沙县规模工业增加值增长9%，其中汽车电子产值增长30%；浏阳市增长11%，电子材料产业增长较快；宁乡市增长7%。
"""


def test_own_zones_by_their_kind_and_a_short_comma_lead_in_a_cut(tmp_path):
    index = ingest_docs(tmp_path, {"city.txt": CITY, "quarter.md": QUARTER})
    assert first_hit(index, "化合物半导体项目4个")["region_path"] == ["安徽省", "合肥市", "肥西县"]
    assert first_hit(index, "封装材料产业园首批")["region_path"] == ["安徽省", "合肥市", "长丰县"]
    assert first_hit(index, "功率器件封测基地")["region_path"] == ["安徽省", "合肥市"]
    assert first_hit(index, "汽车电子产值")["region_path"] == ["湖南省", "长沙市", "长沙县"]
    assert first_hit(index, "电子材料产业增长较快")["region_path"] == ["湖南省", "长沙市", "浏阳市"]


MINISTRY = """工业和信息化部办公厅关于公布某某数字化转型试点城市名单的通知

各省、自治区、直辖市工业和信息化主管部门：

经地方推荐、专家评审，确定以下城市为试点城市：

江苏省常州市、浙江省嘉兴市、安徽省芜湖市、江西省赣州市、四川省绵阳市。

工业和信息化部办公厅
2025年9月5日
"""


def test_a_national_texts_list_of_places_of_several_provinces_is_national(tmp_path):
    index = ingest_docs(tmp_path, {"notice.txt": MINISTRY})
    assert first_hit(index, "浙江省嘉兴市")["region_path"] == ["全国"]


QA = """《湖北省支持集成电路产业发展若干措施》政策解读

武汉市经济和信息化局

问一：外地企业在鄂设立的子公司能否申报？

答：可以。在湖北省内注册并具有独立法人资格的企业均可申报，与省内企业同等享受政策。
"""


def test_an_answer_on_the_provinces_own_terms_is_the_provinces(tmp_path):
    index = ingest_docs(tmp_path, {"qa.txt": QA})
    assert first_hit(index, "具有独立法人资格")["region_path"] == ["湖北省"]


TURN = """# 2026年某市政府工作报告

## 一、2025年工作回顾

过去一年，全市集成电路产业营收增长15%。

## 二、“十五五”时期主要目标和2026年工作安排

“十五五”时期，全市将建成国家级集成电路产业基地。

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。

### （一）做强集成电路产业

推动12英寸晶圆项目二期投产，新增设计企业20家。
"""


def test_this_years_goals_worded_in_full_turn_the_section_to_the_year(tmp_path):
    index = ingest_docs(tmp_path, {"report.md": TURN.replace("某市", "合肥市")})
    assert first_hit(index, "12英寸晶圆项目二期")["years"] == [2026]
    assert first_hit(index, "国家级集成电路产业基地")["years"] == [2026, 2027, 2028, 2029, 2030]

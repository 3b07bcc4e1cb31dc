"""Classes from h-blind33b's misses (session 33, held out from the first batch of fixes), on texts in our own words,
through the CLI.

- A table row with a number column first and the county in a later cell (`3 | 泰州市 | 靖江市 | …`) is the county's;
  the paragraph after the table is the document's again.
- A headline naming two districts of a 直辖市 (`浦东嘉定…`, one of them by its short name) is about the city.
- In a reply (批复, 函) to a body below its issuer, a paragraph led by the issuer's own level (`市财政局要…`, `全市…`)
  is the issuer's; a reply is one act of its year (its target year spreads no years to the document).
- A paragraph opening on years all before the document's (`“十二五”末，`, `2016年至2020年，`, `党的十八大以来，`,
  `近十年来，`) looks back to them alone.
- `FY2024`, `2025财年` are years; `到２０２７年` (full-width) runs on like `到2027年`; `超过2024年全年水平` is a base.
- `分板块看，新吴区…；江阴市…` is cut at each place; `深圳全市…` in a district's text is the city's.
- A paragraph opening on a group of one province's cities (`长株潭三市要…`, `（五）…。宁镇扬地区要…`) is that
  province's; in a round-up, a group's heading (`珠三角：…`) opens its section."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

TABLE = """# 江苏省工业和信息化厅关于公布2025年度集成电路特色园区名单的通知

各设区市工业和信息化局：

经评审，现将2025年度集成电路特色园区名单公布如下。

| 序号 | 设区市 | 县（市、区） | 特色方向 |
|---|---|---|---|
| 1 | 泰州市 | 靖江市 | 功率器件封装测试 |
| 2 | 盐城市 | 大丰区 | 半导体石英材料 |
| 3 | 扬州市 | 仪征市 | 电子特种气体 |

各入选园区要对标先进、补齐短板，持续提升集聚水平。

江苏省工业和信息化厅
2025年11月20日
"""

HEADLINE = """沪推出新一轮芯片装备支持政策 浦东嘉定承接首批项目

2025-08-06 来源：上海科技报

本报讯 8月5日，市经济信息化委介绍，全市将对首台套芯片装备给予最高30%的奖励。
"""

REPLY = """常州市人民政府关于同意设立溧阳市半导体材料产业园的批复

常政复〔2025〕33号

溧阳市人民政府：

你市《关于设立溧阳市半导体材料产业园的请示》收悉。经研究，现批复如下：

一、同意设立溧阳市半导体材料产业园，到2028年园区营收力争突破200亿元。

二、你市要切实履行主体责任，加快园区基础设施建设。

三、市发展改革委、市财政局要在项目审批和资金安排上给予支持。

常州市人民政府
2025年7月18日
"""

WHITE_PAPER = """合肥市新站高新区集成电路产业发展白皮书（2025）

新站高新区管委会
2025年11月

第一章 发展历程

“十二五”末，园区集成电路产业仍以少量封测企业为主，规模不足五十亿元。

2016年至2020年，两条十二英寸显示驱动芯片产线相继投产，园区产业规模突破三百亿元。

党的十八大以来，园区累计引进集成电路项目一百余个。

近十年来，园区集成电路从业人员增长了五倍。

第二章 2025年发展情况

申报企业FY2024营业收入超过十亿元的，纳入重点企业库。

前十个月园区累计产值已超过2024年全年水平。

到２０２７年，园区集成电路产业规模力争突破一千亿元。
"""

BULLETIN = """无锡市前三季度集成电路产业运行情况

无锡市工业和信息化局
2025年10月28日

分板块看，新吴区集成电路产业营收增长百分之九；江阴市封测产业营收增长百分之十二。
"""

PINGSHAN = """深圳市坪山区第三代半导体产业发展情况

坪山区工业和信息化局

深圳全市第三代半导体相关企业已超过四百家，坪山区占其中一成。
"""

GROUPS = """长沙市关于加快功率半导体产业发展的实施意见

各区县（市）人民政府：

（一）做强长沙核心。支持长沙经开区建设功率半导体产业园。

（二）推动协同发展。长株潭三市要联合编制功率半导体招商地图。
"""

NANJING = """南京市集成电路产业协同发展方案

（五）联动周边地区发展。宁镇扬地区要立足南京的设计基础，共建芯片验证平台。
"""

ROUNDUP = """区域集群观察：京津冀与珠三角

2025-06-18 来源：经济参考报

京津冀：创新策源与制造协同

北京亦庄的设计企业与天津的制造基地形成配套。

珠三角：应用市场牵引

珠三角九市拥有全国最大的电子整机市场，深圳、东莞、惠州形成完整的终端配套。
"""


def test_a_table_rows_county_cell_and_the_paragraph_after_the_table(tmp_path):
    index = ingest_docs(tmp_path, {"list.md": TABLE})
    assert first_hit(index, "功率器件封装测试")["region_path"] == ["江苏省", "泰州市", "靖江市"]
    assert first_hit(index, "电子特种气体")["region_path"] == ["江苏省", "扬州市", "仪征市"]
    assert first_hit(index, "持续提升集聚水平")["region_path"] == ["江苏省"]


def test_a_headline_naming_two_districts_is_the_citys(tmp_path):
    index = ingest_docs(tmp_path, {"news.txt": HEADLINE})
    assert first_hit(index, "首台套芯片装备")["region_path"] == ["上海市"]


def test_a_reply_gives_the_issuers_own_paragraphs_to_the_issuer_and_spreads_no_target(tmp_path):
    index = ingest_docs(tmp_path, {"reply.txt": REPLY})
    assert first_hit(index, "加快园区基础设施建设")["region_path"] == ["江苏省", "常州市", "溧阳市"]
    assert first_hit(index, "在项目审批和资金安排上")["region_path"] == ["江苏省", "常州市"]
    assert first_hit(index, "加快园区基础设施建设")["years"] == [2025]
    assert first_hit(index, "园区营收力争突破200亿元")["years"] == [2025, 2026, 2027, 2028]


def test_a_lead_of_past_years_looks_back_to_them(tmp_path):
    index = ingest_docs(tmp_path, {"paper.txt": WHITE_PAPER})
    assert first_hit(index, "仍以少量封测企业为主")["years"] == [2015]
    assert first_hit(index, "显示驱动芯片产线相继投产")["years"] == [2016, 2017, 2018, 2019, 2020]
    assert first_hit(index, "累计引进集成电路项目一百余个")["years"] == list(range(2012, 2026))
    assert first_hit(index, "从业人员增长了五倍")["years"] == list(range(2016, 2026))


def test_fiscal_years_full_width_targets_and_a_level_base(tmp_path):
    index = ingest_docs(tmp_path, {"paper.txt": WHITE_PAPER})
    assert first_hit(index, "纳入重点企业库")["years"] == [2024, 2025]
    assert first_hit(index, "累计产值已超过")["years"] == [2025]
    assert first_hit(index, "力争突破一千亿元")["years"] == [2025, 2026, 2027]


def test_a_bulletins_by_board_lead_and_a_city_named_whole(tmp_path):
    index = ingest_docs(tmp_path, {"bulletin.txt": BULLETIN, "pingshan.txt": PINGSHAN})
    assert first_hit(index, "新吴区集成电路产业营收增长")["region_path"] == ["江苏省", "无锡市", "新吴区"]
    assert first_hit(index, "相关企业已超过四百家")["region_path"] == ["广东省", "深圳市"]


def test_a_group_of_one_provinces_cities_and_a_round_ups_group_heading(tmp_path):
    index = ingest_docs(tmp_path, {"groups.txt": GROUPS, "nanjing.txt": NANJING, "roundup.txt": ROUNDUP})
    assert first_hit(index, "联合编制功率半导体招商地图")["region_path"] == ["湖南省"]
    assert first_hit(index, "共建芯片验证平台")["region_path"] == ["江苏省"]
    assert first_hit(index, "全国最大的电子整机市场")["region_path"] == ["广东省"]

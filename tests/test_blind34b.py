"""Classes from h-blind34b's misses (session 34), on texts in our own words, through the CLI.

Years
- A lead naming a past year in another form is a look-back as `2024年，` is: `2024年全年，…`, `早在2006年，…`, and one after
  a view (`从全省看，2024年，…`).
- A year, the event of that year and 以来 (`2011年撤县设区以来`) run from that year to the text's.
- A former government's document (`原巢湖市2010年编制的…规划`) lends the passage none of its years.
- `到“十五五”末` in a 2025 text runs on from 2025 to 2030, as `到2030年` does.
- A notice's second attachment titled for the next year (`附件2` / `2026年度…申报指南`) speaks for that year.
Places
- An addressee list wrapped over two lines (`…，` / `…管委会：`) is neither line's place, nor that of what follows.
- `据省统计局监测，全省…` in a city's text is the province's.
- A title of no place (`…全市…运行情况`) whose issuer and date stand under it is the issuer's city's, not a round-up.
- A list row opening with a firm's full name (`苏州某某半导体（宿迁）有限公司…`) is the list's place, not the firm's city.
- A bold label line in markdown (`**泉州代表团：**…`) stands apart from the paragraph under it; a summary that names the
  text's own province (`业内人士认为，福建各地…`) closes the sections before it.
- A speaker's title holding places before the subject (`泉州市人大代表、晋江市负责人说，晋江市…`) is the subject's.
- A firm's home (`总部位于北京的…企业`) settles no shared name; neither does a word cut at the opening's edge (临港产业)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs

REPORT = """合肥市集成电路产业发展2025年工作要点

2025年3月6日

2024年全年，全市集成电路产业营收首次迈过两千亿元台阶，同比增长一成以上。

早在2006年，合肥就引进了第一条液晶面板配套的驱动芯片封装线。

从全省看，2024年，安徽集成电路产业营收增长约两成，合肥占据大半壁江山。

2011年撤县设区以来，原巢湖区域的电子材料企业陆续迁入园区，产业链条不断延伸。

原巢湖市2010年编制的工业布局规划确定的电子材料园，目前已发展成为省级特色园区。

到“十五五”末，全市集成电路产业规模力争迈上五千亿元台阶。
"""

NOTICE = """福建省工业和信息化厅关于公布2025年度集成电路产业链重点项目的通知

闽工信电子〔2025〕58号

各设区市工业和信息化局，平潭综合实验区经济发展局，
福州新区管委会：

现将2025年度集成电路产业链重点项目名单印发给你们，请抓好项目推进。

福建省工业和信息化厅
2025年6月12日

附件1

2025年度集成电路产业链重点项目名单

1. 晶圆级封装扩产项目

附件2

2026年度集成电路产业链重点项目申报指南

一、申报条件。项目应于2026年内开工建设，固定资产投资不低于一亿元。
"""

BULLETIN = """2025年上半年全市集成电路产业运行情况

泉州市工业和信息化局　2025年7月25日

上半年，全市集成电路产业营收同比增长14.2%，增速比一季度加快1.3个百分点。

分县区看，各地增长情况如下：

晋江市 | 56.1 | 16.8% | 存储芯片产线满产
南安市 | 18.4 | 9.7% | 光电芯片项目投产
丰泽区 | 12.2 | 11.5% | 设计企业集聚
洛江区 | 7.9 | 20.3% | 封测项目开工

据省统计局监测，全省集成电路产业上半年营收增速居全国前列。
"""

LIST = """宿迁经济技术开发区2025年度半导体产业扶持资金拟支持企业名单

一、设备购置补助类

1. 宿迁晶微电子有限公司先进封装设备补助300万元
2. 苏州某某半导体（宿迁）有限公司测试设备补助150万元
"""

DELEGATIONS = """---
title: 福建两会·代表团审议
date: 2025-01-14
---

# 福建两会·代表团审议

1月13日，省十四届人大三次会议各代表团分组审议政府工作报告。

**泉州代表团：**壮大存储芯片集群

泉州代表团的代表们表示，要在存储芯片和化合物半导体领域继续发力。

泉州市人大代表、晋江市负责人说，晋江市正在建设集成电路封测配套产业园。

**厦门代表团：**做强芯片设计

厦门代表团的代表建议，依托火炬高新区打造芯片设计高地。

业内人士认为，福建各地立足自身优势错位布局，全省集成电路产业格局正在形成。
"""

SHARED = """普陀区：海洋电子材料项目开工

2025-10-09　来源：舟山日报

在普陀区东港街道，一个年产三千吨电子级化学品的项目正式开工。

项目投资方是一家总部位于上海的新材料企业，看中的是这里的深水港口。

舟山市经信局负责人表示，全市将把电子信息材料作为新兴产业重点培育。
"""

# 临港 of 临港产业 (port-side industry) stands at the 60th character of a line of the opening
EDGE = """普陀区：电子化学品产业片区初具规模

2025-10-20　来源：舟山日报

普陀区经信局负责人表示，今年前三季度，全区电子信息材料产业实现产值9.8亿元，同比增长27.5%，六横岛、桃花岛两个临港产业片区已初步形成集聚。

舟山市经信局负责人表示，全市将把电子信息材料作为新兴产业重点培育。
"""


def _hit(index: str, query: str) -> tuple[list[str], list[int]]:
    hit = first_hit(index, query)
    return hit["region_path"], hit["years"]


def test_past_year_leads_since_events_former_plans_and_a_period_end(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _hit(index, "首次迈过两千亿元台阶")[1] == [2024]
    assert _hit(index, "驱动芯片封装线")[1] == [2006]
    assert _hit(index, "合肥占据大半壁江山")[1] == [2024]
    assert _hit(index, "原巢湖区域的电子材料企业")[1] == list(range(2011, 2026))
    assert _hit(index, "已发展成为省级特色园区")[1] == [2025]
    assert _hit(index, "迈上五千亿元台阶")[1] == list(range(2025, 2031))


def test_a_wrapped_addressee_list_and_a_next_years_attachment(tmp_path):
    index = ingest_docs(tmp_path, {"notice.txt": NOTICE})
    assert _hit(index, "福州新区管委会")[0] == ["福建省"]
    assert _hit(index, "请抓好项目推进") == (["福建省"], [2025])
    assert _hit(index, "申报指南")[1] == [2026]
    assert _hit(index, "固定资产投资不低于")[1] == [2026]
    assert _hit(index, "晶圆级封装扩产项目")[1] == [2025]


def test_a_bulletin_under_its_issuer_and_a_provinces_figures_after_a_source(tmp_path):
    index = ingest_docs(tmp_path, {"bulletin.txt": BULLETIN})
    assert _hit(index, "增速比一季度加快")[0] == ["福建省", "泉州市"]
    assert _hit(index, "各地增长情况如下")[0] == ["福建省", "泉州市"]  # the document's (was the province's)
    assert _hit(index, "存储芯片产线满产")[0] == ["福建省", "泉州市", "晋江市"]
    assert _hit(index, "增速居全国前列")[0] == ["福建省"]


def test_a_firms_full_name_opening_a_list_row(tmp_path):
    index = ingest_docs(tmp_path, {"list.txt": LIST})
    zone = _hit(index, "先进封装设备补助")[0]
    assert zone[:2] == ["江苏省", "宿迁市"] and _hit(index, "测试设备补助150万元")[0] == zone


def test_bold_labels_a_speakers_title_and_a_summary_of_the_province(tmp_path):
    index = ingest_docs(tmp_path, {"delegations.md": DELEGATIONS})
    assert _hit(index, "壮大存储芯片集群")[0] == ["福建省", "泉州市"]
    assert "继续发力" not in first_hit(index, "壮大存储芯片集群")["text"]  # the label line stands apart
    assert _hit(index, "集成电路封测配套产业园")[0] == ["福建省", "泉州市", "晋江市"]
    assert _hit(index, "错位布局")[0] == ["福建省"]


def test_a_firms_home_and_a_cut_word_settle_no_shared_name(tmp_path):
    index = ingest_docs(tmp_path, {"putuo.txt": SHARED, "edge.txt": EDGE})
    assert _hit(index, "电子级化学品的项目")[0] == ["浙江省", "舟山市", "普陀区"]
    assert _hit(index, "总部位于上海")[0] == ["浙江省", "舟山市", "普陀区"]
    assert _hit(index, "桃花岛两个")[0] == ["浙江省", "舟山市", "普陀区"]

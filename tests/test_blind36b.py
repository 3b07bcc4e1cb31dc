"""Classes from h-blind36b's first run (session 36), on texts in our own words, through the CLI.

- A text for one year signed in the year before (a 2027年度 call or plan signed in November or December 2026) counts
  its relative words from the year it was signed in: a paragraph opening `今年以来，…` reports 2026, `去年，…` 2025, and
  `明年` is 2027 (before, 今年 was the title's year, so the review of 2026 was filed under 2027 and 明年 added 2028).
- A headline whose only marks are a colon and 、 (`苏锡常“芯”走廊：设计在苏州、制造在无锡、封测在常州`) stands apart from
  the block under it after a blank line: before, the `来源：… 2026-12-03` line (and with no date on it, the lead too)
  ran on into the headline, its date was lost and the story took the only target year in its text as its own."""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs

CALL = """江西省工业和信息化厅关于组织申报2027年度省级电子信息产业发展专项资金项目的通知

赣工信电子字〔2026〕97号

各设区市工业和信息化局：

今年以来，全省电子信息产业运行总体平稳，1—10月规上企业营业收入同比增长12.4%，功率器件和显示模组增势较好。

为落实省委、省政府关于推进制造业重点产业链高质量发展的部署，现就组织申报2027年度专项资金项目有关事项通知如下。

一、支持方向。重点支持功率半导体、新型显示、智能终端等领域的技术改造和首台套应用项目。

二、申报要求。申报单位须在江西省境内注册，请于2026年12月15日前报送申报材料。

三、其他事项。明年，省工信厅将组织专家对项目进行现场核查。

江西省工业和信息化厅
2026年11月20日
"""

PLAN = """关于下达合肥市2027年度集成电路重点项目投资计划的通知

各县（市、区）人民政府，市有关部门：

去年，全市集成电路重点项目完成投资312亿元，超额完成年度计划。

今年以来，全市集成电路重点项目建设推进有力，1—11月完成投资298亿元，晶圆制造、显示驱动等9个项目竣工投产。

经市政府同意，现将《合肥市2027年度集成电路重点项目投资计划》下达给你们，请认真组织实施。

合肥市发展和改革委员会
2026年12月22日
"""

NEWS = """苏锡常“芯”走廊：设计在苏州、制造在无锡、封测在常州

来源：华东产业观察　2026-12-03

记者近日走访苏州、无锡、常州三地发现，三市集成电路产业错位发展的格局日渐清晰。

苏州工业园区今年前三季度集成电路设计业营收增长21%，一批车规芯片企业完成融资。

无锡市提出，力争到2029年全市集成电路产业规模突破3000亿元。
"""


def test_relative_words_count_from_the_year_a_text_for_the_next_year_was_signed(tmp_path):
    index = ingest_docs(tmp_path, {"江西申报通知.txt": CALL, "合肥投资计划.txt": PLAN})
    assert first_hit(index, "1—10月规上企业营业收入同比增长12.4%")["years"] == [2026]
    assert first_hit(index, "1—11月完成投资298亿元")["years"] == [2026]
    assert first_hit(index, "全市集成电路重点项目完成投资312亿元")["years"] == [2025]
    assert first_hit(index, "组织专家对项目进行现场核查")["years"] == [2027]
    assert first_hit(index, "重点支持功率半导体、新型显示")["years"] == [2027]  # the call's own year, as before


def test_a_headline_stands_apart_from_its_source_line(tmp_path):
    index = ingest_docs(tmp_path, {"走廊.txt": NEWS})
    done = cli("docs", "--all", "--index", index, "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    import json

    record = json.loads(done.stdout.splitlines()[0])
    assert record["title"] == "苏锡常“芯”走廊：设计在苏州、制造在无锡、封测在常州", record
    assert record["years"] == [2026], record
    assert first_hit(index, "苏州工业园区今年前三季度")["years"] == [2026]


BRIEFING = """湖南省集成电路产业运行简报

2026年第2期

湖南省工业和信息化厅电子信息处　2026年7月15日

【各地动态】

长沙市：上半年全市集成电路产业营收同比增长16.1%；长沙经开区新增功率器件封测项目3个；岳麓区一家设计企业完成新一轮融资；浏阳市电子材料产业园二期开工。

株洲市：全市功率半导体产业营收突破300亿元；天元区一家IGBT模块企业新增产线2条。
"""

ROUNDUP = """中部四城“芯”动作：产线扩产、园区开工、项目签约

来源：中部产业观察　2026-06-30

今年以来，中部多个城市加快布局集成电路产业，记者梳理了四城的最新进展。

合肥上半年新签约集成电路项目27个。长丰县的晶圆级封装项目二期投产，产品主要供应上海、深圳的终端企业。

武汉光谷存储芯片项目持续扩产。

郑州航空港区智能终端产业带动芯片需求增长。

长沙把功率半导体作为主攻方向。
"""


def test_a_citys_clauses_go_to_the_places_inside_it_after_its_own_statement(tmp_path):
    """A province's briefing, city by city: `长沙市：全市营收增长16.1%；长沙经开区…；岳麓区…；浏阳市…。` is cut at each
    ；-clause that opens with a place inside the city (its first clause stays the city's); before, the whole paragraph was
    the city's.  In a round-up, a city's sentence then one opening with a county of it (`合肥上半年…。长丰县的…投产，产品
    主要供应上海、深圳的…`) is cut the same way, and the county's customers elsewhere close no section."""
    index = ingest_docs(tmp_path, {"简报.txt": BRIEFING, "四城.txt": ROUNDUP})
    assert first_hit(index, "上半年全市集成电路产业营收同比增长16.1%")["region_path"] == ["湖南省", "长沙市"]
    assert first_hit(index, "岳麓区一家设计企业完成新一轮融资")["region_path"] == ["湖南省", "长沙市", "岳麓区"]
    assert first_hit(index, "浏阳市电子材料产业园二期开工")["region_path"] == ["湖南省", "长沙市", "浏阳市"]
    assert first_hit(index, "天元区一家IGBT模块企业")["region_path"] == ["湖南省", "株洲市", "天元区"]
    assert first_hit(index, "全市功率半导体产业营收突破300亿元")["region_path"] == ["湖南省", "株洲市"]
    assert first_hit(index, "长丰县的晶圆级封装项目二期投产")["region_path"] == ["安徽省", "合肥市", "长丰县"]
    assert first_hit(index, "合肥上半年新签约集成电路项目27个")["region_path"] == ["安徽省", "合肥市"]


STUDY = """关于赴成都、重庆学习考察功率半导体产业发展情况的报告

市政府：

6月10日至13日，我局会同市发展改革委组成考察组，赴成都、重庆学习考察功率半导体产业发展经验。现将有关情况报告如下。

一、考察的主要收获

两地均把功率半导体作为电子信息产业的重点方向，形成了从设计到封测的完整链条。

二、对我市的启示和建议

我市功率器件企业数量少、规模小，建议设立专项基金，支持本地企业与两地龙头开展配套合作。

贵阳市工业和信息化局
2025年6月20日
"""


def test_a_study_report_titled_by_the_places_visited_is_the_visitors(tmp_path):
    """h-blind36b R1: `关于赴合肥、武汉学习考察…的报告`, signed by 南昌市工业和信息化局, was filed under 武汉 (the last place
    visited; 赴 left out only the first of the list).  Every place of a list after 赴/学习/对标 is visited or followed, so
    the report is its signer's."""
    index = ingest_docs(tmp_path, {"考察报告.txt": STUDY})
    done = cli("docs", "--all", "--index", index, "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    import json

    record = json.loads(done.stdout.splitlines()[0])
    assert record["region_path"] == ["贵州省", "贵阳市"], record
    assert first_hit(index, "我市功率器件企业数量少")["region_path"] == ["贵州省", "贵阳市"]


SURVEY = """关于开展全市功率半导体企业产能情况调查的通知

各区工业和信息化主管部门：

为摸清全市功率半导体企业产能现状，经研究，决定开展专项调查。

一、调查内容。主要包括企业现有产线数量、月产能和开工率，以及未来三年扩产计划和用电需求。

二、时间安排。各区于6月20日前完成企业填报。

合肥市经济和信息化局
2025年5月28日
"""

REVIEW = """关于全市集成电路产业发展规划实施情况的评估报告

市政府：

以2020年为基数，全市集成电路规上企业数量增长了52%，发明专利授权量翻了一番。

合肥市发展和改革委员会
2025年3月18日
"""


def test_words_of_several_years_qualifying_a_noun_and_a_base_year_add_no_years(tmp_path):
    """h-blind36b Y3, Y5: a survey notice asking for `未来三年扩产计划` was filed for 2025–2027 (as if it set goals
    through them), and `以2020年为基数` added 2020 to the passage it measures from."""
    index = ingest_docs(tmp_path, {"调查通知.txt": SURVEY, "评估报告.txt": REVIEW})
    done = cli("docs", "--all", "--index", index, "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    import json

    years = {json.loads(line)["title"]: json.loads(line)["years"] for line in done.stdout.splitlines()}
    assert years["关于开展全市功率半导体企业产能情况调查的通知"] == [2025], years
    assert first_hit(index, "以及未来三年扩产计划")["years"] == [2025]
    assert first_hit(index, "规上企业数量增长了52%")["years"] == [2025]


"""Classes from h-blind33a's misses (session 33), on texts in our own words, through the CLI.

- A city that opens a firm's name in a headline (`宁波芯拓微电子…项目落户肥西县`) is the firm's home, not the story's
  place; so in a story's first lines (`上海晶越半导体有限公司…`), where a shared district name (通州区) waits to be
  settled by the body.
- A speaker's label on its own line in a press conference (`记者提问（…）：`, `省工业和信息化厅副厅长：`) ends the
  section the speaker before opened.
- `武汉以外地区`, `苏州之外` name the rest of the province, not the place.
- A district listed with the city's zone by its kind alone (`支持雁塔区、高新区…`) names two places: the city's.
- `为“十五五”良好开局打下基础的关键一年`, `围绕“十五五”开局` name which year it is: the period adds no years.
- A former document the text replaces or carries on (`原《…（2021年修订）》`, `延续2019年出台的…`) lends no years.
- Under a review heading naming a period and the year before, a paragraph opening `2025年是…收官之年。一年来，…` is that
  year's; a numbered paragraph's short lead (`（一）壮大…集群。年内…`) hides no year word after it."""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs

FIRM_NEWS = """宁波芯拓微电子功率模块项目落户肥西县

来源：合肥晚报 2025-10-09

本报讯 10月8日，宁波芯拓微电子有限公司功率模块制造项目签约落户肥西县，总投资32亿元。

肥西县相关负责人表示，将全力做好项目要素保障，力争明年建成投产。
"""

SHARED_NEWS = """上海晶越半导体封测项目在通州区开工

2025年9月3日 来源：南通日报

9月2日，上海晶越半导体有限公司先进封测项目开工。项目位于通州湾示范区，南通市相关负责人出席开工仪式。

近年来，通州区把半导体封测作为主攻方向，已集聚配套企业二十余家。
"""

PRESS = """安徽省政府新闻办举行集成电路产业发展新闻发布会

发布时间：2025年10月20日

主持人（省政府新闻办副主任）：

各位记者朋友，上午好。今天请省经济和信息化厅、合肥市政府负责同志介绍有关情况。

合肥市人民政府副市长：

合肥市集成电路产业今年前三季度营收增长百分之十八，存储和显示驱动芯片继续领跑。

记者提问（安徽日报记者）：

请问全省在集成电路人才引进方面有哪些新政策？

省经济和信息化厅副厅长：

全省将实施芯片工程师培育计划，三年内培养紧缺工程师五千名。
"""

OUTSIDE = """湖北省集成电路产业发展新闻发布会

发布时间：2025年11月2日

请问全省如何推动武汉以外地区发展芯片封测和材料配套？
"""

XIAN = """西安市促进集成电路产业发展若干措施

一、支持雁塔区、高新区围绕存储芯片龙头企业建设配套产业园，对新建标准厂房给予补助。

二、支持长安区建设半导体装备零部件产业园。
"""

KUNSHAN = """政府工作报告

——2025年1月15日在太仓市第十七届人民代表大会第五次会议上

一、2024年工作回顾

2024年，全市实现地区生产总值1850亿元。

二、2025年工作安排

今年是“十四五”规划收官之年，也是为“十五五”良好开局打下基础的关键一年。全年主要预期目标是：规上工业增加值增长百分之六。
"""

FORMER = """关于进一步支持集成电路产业发展的实施意见

各区人民政府，市各委办局：

为加快我市集成电路产业发展，现提出以下意见，自2025年1月1日起施行，有效期至2027年12月31日。

一、延续2019年出台的芯片人才专项政策，对新引进的领军人才给予项目资助。

二、原《常州市集成电路产业扶持办法（2021年修订）》与本意见不一致的，以本意见为准。

常州市人民政府
2024年12月20日
"""

JIANGYIN = """政府工作报告

——2026年1月13日在张家港市第十八届人民代表大会第六次会议上

一、2025年和“十四五”时期工作回顾

2025年是“十四五”规划的收官之年。一年来，全市半导体材料产业营收增长百分之十二。

“十四五”时期，全市规上工业总产值年均增长百分之七。

二、“十五五”时期主要目标和2026年工作安排

“十五五”时期，全市将打造长江沿岸半导体材料高地。

（一）壮大电子化学品集群。年内新开工电子级化学品项目六个。
"""


def test_a_firms_home_city_in_a_headline_is_not_the_storys_place(tmp_path):
    index = ingest_docs(tmp_path, {"firm.txt": FIRM_NEWS, "shared.txt": SHARED_NEWS})
    assert first_hit(index, "力争明年建成投产")["region_path"] == ["安徽省", "合肥市", "肥西县"]
    assert first_hit(index, "已集聚配套企业二十余家")["region_path"] == ["江苏省", "南通市", "通州区"]


def test_a_speakers_label_ends_the_section_before(tmp_path):
    index = ingest_docs(tmp_path, {"press.txt": PRESS})
    assert first_hit(index, "存储和显示驱动芯片继续领跑")["region_path"] == ["安徽省", "合肥市"]
    assert first_hit(index, "在集成电路人才引进方面")["region_path"] == ["安徽省"]
    assert first_hit(index, "芯片工程师培育计划")["region_path"] == ["安徽省"]


def test_a_place_named_to_be_left_out_by_what_follows(tmp_path):
    index = ingest_docs(tmp_path, {"outside.txt": OUTSIDE})
    assert first_hit(index, "发展芯片封测和材料配套")["region_path"] == ["湖北省"]


def test_a_district_listed_with_the_citys_zone_is_the_citys(tmp_path):
    index = ingest_docs(tmp_path, {"xian.txt": XIAN})
    assert first_hit(index, "对新建标准厂房给予补助")["region_path"] == ["陕西省", "西安市"]
    assert first_hit(index, "半导体装备零部件产业园")["region_path"] == ["陕西省", "西安市", "长安区"]


def test_the_year_before_a_periods_start_names_no_period(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": KUNSHAN})
    assert first_hit(index, "规上工业增加值增长百分之六")["years"] == [2025]


def test_a_former_documents_years_are_its_own(tmp_path):
    index = ingest_docs(tmp_path, {"opinion.txt": FORMER})
    assert first_hit(index, "芯片人才专项政策")["years"] == [2025, 2026, 2027]
    assert first_hit(index, "与本意见不一致的")["years"] == [2025, 2026, 2027]


def test_the_review_years_lead_and_a_numbered_paragraphs_year_word(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": JIANGYIN})
    assert first_hit(index, "半导体材料产业营收增长百分之十二")["years"] == [2025]
    assert first_hit(index, "规上工业总产值年均增长")["years"] == [2021, 2022, 2023, 2024, 2025]
    assert first_hit(index, "新开工电子级化学品项目六个")["years"] == [2026]
    assert cli("search", "长江沿岸半导体材料高地", "--index", index).returncode == 0


FIRM_HISTORY = """芯源科技功率器件项目在宣城经开区投产

2025-07-02 来源：宣城日报

芯源科技成立于2011年，是国内较早从事功率器件封装的企业，去年营业收入突破二十亿元。

该项目计划2027年建成二期，届时年产能将翻一番。
"""


def test_a_founding_year_is_no_year_spoken_for_and_a_planned_year_runs_on(tmp_path):
    index = ingest_docs(tmp_path, {"news.txt": FIRM_HISTORY})
    assert 2011 not in first_hit(index, "较早从事功率器件封装")["years"]
    assert first_hit(index, "届时年产能将翻一番")["years"] == [2025, 2026, 2027]

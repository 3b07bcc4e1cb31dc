"""Classes from h-blind37a's and h-blind37b's runs (session 37), on texts in our own words, through the CLI.

- A city's briefing: a table row or body paragraph opening with a county (`象山县基数较小…`) opens its section; the top numbered
  heading after it with no place (`三、存在的问题`) ends it: what follows is the city's again (a province's
  briefing did this already).  A forwarded text by the province keeps its place under such headings.
- A one-place plan's paragraph comparing other places clause by clause (`从全国看，…。苏州市…；成都市…；西安市…。`):
  each clause is its place's (a list of places 多地), the lead and a closing sentence naming no place are not; a
  paragraph opening `从全国看，` is 全国's; `截至2025年底，` is a lead before a place like `2025年，`.
- A regional group after a verb (`加强与珠三角…的产业对接`, `主动融入长株潭都市圈建设`) is a partner, not what the
  paragraph opens on: it stays the text's place.
- A plan's year-by-year stages (`分年度安排：2025年为攻坚年，…；` / `2026年为提升年，…`) each speak for their year; an
  outlook (`规划期为2026—2030年，展望到2035年`) adds its year alone and does not run the period on to it; so does a stage
  with its years in brackets (`第一阶段（2025年）：…`, `全面推进阶段（2024年7月—2025年12月）。…`: h-blind37c).
  A period's first years (`“十四五”前四年，…`) are those years only.
- A study visit's report (`关于赴合肥、无锡学习考察…的报告` by another city): a marked lead naming a place visited
  (`合肥市：…`) opens that place's section, until a top heading (`二、几点启示`).
- Under `一、2025年和“十四五”时期工作回顾` in a 2026 report, a first paragraph opening on 2025 (`2025年，全县…`,
  `2025年是…收官之年。一年来，…`) turns the section to that year: the bullets after it (`——工业经济稳中向好。…`) are
  2025's until a paragraph turns to the period (`“十四五”时期，…`, `五年来，…`).
- A place's bare name opening a university's (`支持大连理工大学牵头…`) is the university, not where the passage is: a
  province's reply stays the province's; a city or zone named in full before 大学 (`苏州市大学城`) is still the place.
- A round-up's label followed by its place's full name and a district (`**贵阳** 贵阳市观山湖区的…`) is the district."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl

BRIEF = """温州市集成电路产业运行简报

温州市经济和信息化局

一、总体情况

1—9月，全市集成电路相关产业实现产值86.2亿元，同比增长12.4%。

二、分地区情况
各地产值如下（单位：亿元，%）：
地区        产值      增长      重点企业
龙湾区      31.5      15.1      功率器件封测项目
瑞安市      20.4      9.8       汽车电子模组
乐清市      6.3       24.2      电子材料项目

龙湾区完成产值31.5亿元，增长15.1%，功率器件封测项目投产。

瑞安市完成产值20.4亿元，增长9.8%。

乐清市基数较小但增速最快，新签约电子材料项目2个。

三、存在的问题

部分封测企业订单下滑，设计环节依然薄弱，本地配套率不足三成。

四、下一步工作

加快在建项目投产达效，确保全年产值突破120亿元。
"""


def test_a_top_heading_with_no_place_ends_a_county_section_in_a_city_brief(tmp_path):
    index = ingest_docs(tmp_path, {"简报.txt": BRIEF})
    assert first_hit(index, "新签约电子材料项目")["region_path"] == ["浙江省", "温州市", "乐清市"]
    assert first_hit(index, "部分封测企业订单下滑")["region_path"] == ["浙江省", "温州市"]
    assert first_hit(index, "加快在建项目投产达效")["region_path"] == ["浙江省", "温州市"]


FORWARD = """柳州市人民政府办公室关于转发广西壮族自治区电子信息产业发展行动方案的通知

各县、区人民政府，市直各单位：

现将《广西壮族自治区电子信息产业发展行动方案》转发给你们，请结合实际认真贯彻执行。

柳州市人民政府办公室
2025年4月2日

广西壮族自治区电子信息产业发展行动方案

一、发展目标

到2027年，全区电子信息产业产值突破3000亿元。

二、重点任务

支持南宁、桂林建设电子元器件产业基地。

三、保障措施

各市人民政府要将电子信息产业纳入重点工作。
"""


def test_a_forwarded_provincial_text_keeps_its_place_under_its_top_headings(tmp_path):
    index = ingest_docs(tmp_path, {"转发.txt": FORWARD})
    assert first_hit(index, "全区电子信息产业产值突破")["region_path"] == ["广西壮族自治区"]
    assert first_hit(index, "各市人民政府要将电子信息产业")["region_path"] == ["广西壮族自治区"]


PLAN = """常州市武进区集成电路产业发展行动方案（2026—2028年）

一、发展基础

武进区集成电路产业起步较早。2025年，全区集成电路产业营收达到420亿元。

从全国看，集成电路产业加速向长三角和成渝地区集聚，龙头企业竞相扩产。

放眼周边，先进地区各有所长。苏州市工业园区集聚了一批芯片设计龙头企业；四川省成都市以功率半导体和封测见长，产业规模三年翻番；陕西省西安市依托存储芯片制造项目形成完整链条。这些地区的经验值得学习借鉴。

截至2025年底，合肥市已引进存储芯片龙头项目；杭州市、宁波市在材料领域加快布局。
"""


def test_a_plan_comparing_other_places_clause_by_clause_files_each_clause_under_its_place(tmp_path):
    index = ingest_docs(tmp_path, {"武进方案.txt": PLAN})
    assert first_hit(index, "集聚了一批芯片设计龙头企业")["region_path"][:2] == ["江苏省", "苏州市"]
    assert first_hit(index, "以功率半导体和封测见长")["region_path"] == ["四川省", "成都市"]
    assert first_hit(index, "依托存储芯片制造项目形成完整链条")["region_path"] == ["陕西省", "西安市"]
    assert first_hit(index, "这些地区的经验值得学习借鉴")["region_path"] == ["江苏省", "常州市", "武进区"]
    assert first_hit(index, "已引进存储芯片龙头项目")["region_path"] == ["安徽省", "合肥市"]
    assert first_hit(index, "在材料领域加快布局")["region_path"] == ["多地"]
    assert first_hit(index, "加速向长三角和成渝地区集聚")["region_path"] == ["全国"]
    assert first_hit(index, "全区集成电路产业营收达到420亿元")["region_path"] == ["江苏省", "常州市", "武进区"]


REPORT = """醴陵市2025年政府工作报告

二、2025年工作安排

（三）深化区域协同发展。主动融入长株潭都市圈建设，加强与株洲高新区的产业协作，推动醴陵与江西省萍乡市开展湘赣边区域合作。

加强与珠三角、长三角的产业对接，主动承接深圳、东莞等地电子陶瓷产业转移。
"""


def test_a_regional_group_named_as_a_partner_leaves_the_paragraph_its_text_s_place(tmp_path):
    index = ingest_docs(tmp_path, {"醴陵报告.txt": REPORT})
    assert first_hit(index, "主动融入长株潭都市圈建设")["region_path"] == ["湖南省", "株洲市", "醴陵市"]
    assert first_hit(index, "主动承接深圳、东莞等地")["region_path"] == ["湖南省", "株洲市", "醴陵市"]


STAGES = """芜湖市集成电路产业三年行动方案（2025—2027年）

二、发展目标

分年度安排：2025年为项目攻坚年，重点推动封测项目建成投产，产业规模达到320亿元；

2026年为能级提升年，重点引进设计和材料企业，产业规模达到400亿元；

2027年为生态完善年，全面建成特色园区，产业规模突破500亿元。

本方案规划期为2025—2027年，展望到2035年，全面建成长三角重要的集成电路产业基地。
"""


def test_a_plan_s_year_by_year_stages_speak_for_their_years_and_an_outlook_does_not_run_on(tmp_path):
    index = ingest_docs(tmp_path, {"芜湖方案.txt": STAGES})
    assert first_hit(index, "重点推动封测项目建成投产")["years"] == [2025]
    assert first_hit(index, "重点引进设计和材料企业")["years"] == [2026]
    assert first_hit(index, "全面建成特色园区")["years"] == [2027]
    assert first_hit(index, "全面建成长三角重要的集成电路产业基地")["years"] == [2025, 2026, 2027, 2035]


REVIEW = """{title}

一、2025年和“十四五”时期工作回顾

{first}

——工业经济稳中向好。规上工业增加值增长9.2%，电子元器件产业营收突破150亿元。

——城乡面貌持续改善。新建改建农村公路120公里。

“十四五”时期，全县地区生产总值年均增长6.8%，电子元器件产业从无到有。

二、2026年主要工作

全年新引进电子信息项目10个以上。
"""


def test_a_review_of_the_year_and_the_period_turned_to_the_year_keeps_it_until_the_period_returns(tmp_path):
    docs = {"a.txt": REVIEW.format(title="资兴市2026年政府工作报告", first="2025年，全市地区生产总值增长6.1%，规上工业增加值增长9%。"),
            "b.txt": REVIEW.format(title="安仁县2026年政府工作报告", first="2025年是“十四五”规划收官之年。一年来，我们坚持稳中求进。")}
    index = ingest_docs(tmp_path, docs)
    for name in ("资兴", "安仁"):
        def years(query: str) -> list[list[int]]:
            return [hit["years"] for hit in jsonl("search", query, "--index", index, "--all") if name in hit["title"]]
        assert years("规上工业增加值增长9.2%") == [[2025]], name
        assert years("新建改建农村公路") == [[2025]], name
        assert years("电子元器件产业从无到有") == [[2021, 2022, 2023, 2024, 2025]], name


REPLY = """辽宁省工业和信息化厅关于省政协十三届三次会议第0156号提案的答复

一、关于加强半导体材料创新

支持大连理工大学牵头组建省级集成电路材料创新联合体，力争突破高纯靶材制备技术。

支持沈阳市建设集成电路装备产业园。
辽宁省工业和信息化厅
2025年6月20日
"""


def test_a_university_named_after_a_city_does_not_place_a_province_s_passage(tmp_path):
    index = ingest_docs(tmp_path, {"答复.txt": REPLY})
    assert first_hit(index, "牵头组建省级集成电路材料创新联合体")["region_path"] == ["辽宁省"]
    assert first_hit(index, "建设集成电路装备产业园")["region_path"] == ["辽宁省", "沈阳市"]


WEST = """# 西部城市集成电路布局观察

来源：产业周刊 2025-05-08

**成都** 成都高新区新引进芯片设计企业20家，今年设计业营收有望突破千亿元。

**贵阳** 贵阳市观山湖区的大数据电子信息产业园今年新增封测产能10万片。

**兰州** 兰州新区的电子材料项目今年一期投产。
"""


def test_a_round_up_label_then_its_place_s_full_name_and_a_district_is_the_district(tmp_path):
    index = ingest_docs(tmp_path, {"西部观察.md": WEST})
    assert first_hit(index, "大数据电子信息产业园今年新增封测产能")["region_path"] == ["贵州省", "贵阳市", "观山湖区"]


STAGED = """山西省电子信息产业行动方案（2025—2027年）

二、阶段安排

第一阶段（2025年）：打基础。完成产业链图谱编制，营业收入达到1800亿元。

（二）攻坚突破阶段（2025年7月—2026年12月）。集中推进重大项目建设。

第三阶段（2027年）：上台阶。产业链韧性显著增强。
"""


def test_a_plan_s_stage_with_its_years_in_brackets_speaks_for_them(tmp_path):
    index = ingest_docs(tmp_path, {"山西方案.txt": STAGED})
    assert first_hit(index, "完成产业链图谱编制")["years"] == [2025]
    assert first_hit(index, "集中推进重大项目建设")["years"] == [2025, 2026]
    assert first_hit(index, "产业链韧性显著增强")["years"] == [2027]


COUNTY = """临高县2025年政府工作报告

一、2024年工作回顾

“十四五”前四年，全县累计完成固定资产投资860亿元，电子信息产业从无到有。
"""


def test_a_period_s_first_years_are_those_years(tmp_path):
    index = ingest_docs(tmp_path, {"临高.txt": COUNTY})
    assert first_hit(index, "全县累计完成固定资产投资860亿元")["years"] == [2021, 2022, 2023, 2024]


VISIT = """关于赴苏州、常州学习考察集成电路产业的报告

长春市工业和信息化局

一、考察基本情况

苏州市：苏州以“链主企业+产业园区”模式推动集聚，全市集成电路企业超过800家。

苏州工业园区内设计、制造、封测企业协同布局，企业从签约到投产平均仅需12个月。

二、几点启示

先进地区都高度重视产业基金的作用。

三、对我市的建议

建议在长春新区规划建设半导体材料产业园。
"""


def test_a_visit_report_files_a_visited_place_s_marked_section_under_it(tmp_path):
    index = ingest_docs(tmp_path, {"考察报告.txt": VISIT})
    assert first_hit(index, "链主企业+产业园区")["region_path"] == ["江苏省", "苏州市"]
    assert first_hit(index, "企业从签约到投产平均仅需12个月")["region_path"][:2] == ["江苏省", "苏州市"]
    assert first_hit(index, "先进地区都高度重视产业基金")["region_path"] == ["吉林省", "长春市"]
    assert first_hit(index, "规划建设半导体材料产业园")["region_path"][:2] == ["吉林省", "长春市"]

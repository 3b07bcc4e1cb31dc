"""Session 38's classes (h-blind38a, h-blind38b, h-user38), each on texts in our own words, through the CLI.

- A plan of several years: a passage opening on a vision past its end (`到2035年，…` under 远景目标, `远景展望：到2035年，…`,
  `展望2035年，…`) speaks for that year alone (it ran the plan on to 2035, or added the plan's years); a passage that
  names some of the plan's years and no other (`…，2026年建成…。`, `到2027年…达到…`) speaks for those, not a
  validity clause (`自…起施行，有效期三年`), a yearly task (`每年…`) or its date line; `年内` in a text of several
  years is the year it is dated in.
- `截至2026年9月底` is a status, no target: an undated story stating it is that year's.
- A story titled by the whole country (`全国…`, `我国…`) told from a national body's figures is 全国, its places'
  paragraphs theirs, and a later paragraph about the whole country (`该负责人表示，…全国…`) is 全国 again.
- A title that counts places (`多地…`, `多省市…`, `各地…`) over a text listing them inside one sentence is 多地.
- A text naming no place and never the country (no national body, no 全国/我国/国家…) is 不详, not 全国.
- Queries: `doc-year:2024` and other option names written as filters are refused with the option to give (exit 2);
  `--expand` finds the forms used in Hong Kong and Taiwan (碳化矽 for 碳化硅).
"""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs, jsonl

PLAN = """盐城市新能源电子产业发展规划（2026—2030年）

一、发展目标
到2030年，全市新能源电子产业营收突破900亿元。
（三）远景目标
到2035年，建成长三角北翼重要的功率器件产业基地。
远景展望：到2035年，全市电子信息产业迈入全国第一方阵。
展望2035年，盐城新能源电子产业整体达到国内先进水平。

二、重点任务
（一）壮大功率器件。依托盐城经开区，引进车规级模块封测项目，2027年建成两条封测产线。
（二）培育材料配套。推动高纯硅材料项目落地，每年遴选10个重点项目给予支持。
（三）完善公共平台。建设功率器件检测认证中心，为企业提供测试服务。

三、附则
本规划自2026年5月1日起施行，有效期五年。

盐城市人民政府
2026年4月20日
"""

FORWARD = """常州市武进区人民政府办公室关于转发《常州市支持半导体产业发展若干措施（2025—2027年）》的通知

各镇人民政府、街道办事处：
现将《常州市支持半导体产业发展若干措施（2025—2027年）》转发给你们，请认真贯彻执行。
武进高新区年内为半导体企业新建标准厂房10万平方米。

常州市武进区人民政府办公室
2025年6月3日
"""

STORY = """我国工业互联网标识解析体系加快完善

新华社北京10月9日电（记者林晓）
工业和信息化部9日发布的数据显示，截至2026年9月底，我国工业互联网标识注册总量突破6000亿个，较2025年底增长三成。
从各地看，江苏苏州集聚标识解析二级节点12个，服务企业超过2万家。
广东东莞推动标识解析与模具行业深度融合，接入企业增长一倍。
该负责人表示，下一步将推动全国标识解析体系与重点行业平台互联互通。
"""

LISTED = """多省市加码第三代半导体

近日，多省市出台第三代半导体扶持措施。天津市聚焦氮化镓射频器件，福建省支持碳化硅衬底扩产，陕西省布局功率模块封测。
"""

NOWHERE = """关于开展集成电路企业研发费用补助申报的通知

各有关单位：
为鼓励集成电路设计企业加大研发投入，现开展研发费用补助申报工作，补助比例为实际研发费用的10%。
请于2025年8月31日前提交申报材料。

科技和工业信息化局
2025年7月15日
"""


def test_a_vision_past_a_plans_end_and_the_years_a_passage_names(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    for needle in ("长三角北翼重要的功率器件", "迈入全国第一方阵", "整体达到国内先进水平"):
        assert first_hit(index, needle)["years"] == [2035], needle
    assert first_hit(index, "营收突破900亿元")["years"] == [2030]
    # (a task built by a year of the plan speaks for the plan's years up to it since session 51: two later writers of two
    # labelled 2027年建成… so; it was [2027])
    assert first_hit(index, "车规级模块封测项目")["years"] == [2026, 2027]
    plan = [2026, 2027, 2028, 2029, 2030]
    assert first_hit(index, "每年遴选10个重点项目")["years"] == plan  # a yearly task: the whole plan
    assert first_hit(index, "功率器件检测认证中心")["years"] == plan
    assert first_hit(index, "有效期五年")["years"] == plan  # its validity
    assert first_hit(index, "2026年4月20日")["years"] == plan  # its date line


def test_within_the_year_in_a_notice_forwarding_a_text_of_several_years(tmp_path):
    index = ingest_docs(tmp_path, {"forward.txt": FORWARD})
    assert first_hit(index, "新建标准厂房10万平方米")["years"] == [2025]
    # the notice's own instruction speaks for its year (since session 54: two blind writers' nine labels against one's; it
    # was the forwarded term's)
    assert first_hit(index, "请认真贯彻执行")["years"] == [2025]


def test_a_national_story_told_from_a_national_bodys_figures(tmp_path):
    index = ingest_docs(tmp_path, {"story.txt": STORY})
    hit = first_hit(index, "标识注册总量突破6000亿个")
    assert (hit["region"], hit["years"]) == ("全国", [2026])  # 截至2026年9月底: no target, the story's year
    assert first_hit(index, "二级节点12个")["region_path"] == ["江苏省", "苏州市"]
    assert first_hit(index, "模具行业深度融合")["region_path"] == ["广东省", "东莞市"]
    assert first_hit(index, "重点行业平台互联互通")["region"] == "全国"


def test_a_title_counting_places_over_a_sentence_that_lists_them(tmp_path):
    index = ingest_docs(tmp_path, {"listed.txt": LISTED})
    hit = first_hit(index, "氮化镓射频器件")
    assert hit["region"] == "多地" and "功率模块封测" in hit["text"]
    assert len(jsonl("search", "天津 陕西", "--index", index)) == 1


def test_a_text_that_names_no_place_and_never_the_country_is_unplaced(tmp_path):
    index = ingest_docs(tmp_path, {"nowhere.txt": NOWHERE})
    assert first_hit(index, "研发费用补助申报")["region"] == "不详"


def test_option_names_written_as_filters_are_refused_with_the_option(tmp_path):
    index = ingest_docs(tmp_path, {"listed.txt": LISTED})
    for query, option in (("doc-year:2025 碳化硅", "--doc-year"), ("title:措施", "--title"), ("issuer:科技局", "--issuer"),
                          ("sector:power", "segment:")):
        run = cli("search", query, "--index", index)
        assert run.returncode == 2 and option in run.stderr and "Traceback" not in run.stderr, (query, run.stderr)
    assert cli("search", '"title:措施"', "--index", index).returncode == 1  # in quotes: a term, not found


def test_expand_finds_the_hong_kong_and_taiwan_forms(tmp_path):
    index = ingest_docs(tmp_path, {"hk.txt": "香港半導體產業動態\n\n香港科學園推動碳化矽功率器件與積體電路設計發展。\n"})
    assert cli("search", "碳化硅", "--index", index).returncode == 1
    for query in ("碳化硅", "集成电路"):
        hits = jsonl("search", query, "--expand", "--index", index)
        assert len(hits) == 1 and hits[0]["highlights"], query


def test_ingest_names_the_copy_in_its_folders_that_takes_an_edited_originals_place(tmp_path):
    docs = tmp_path / "docs"
    (docs / "A").mkdir(parents=True)
    (docs / "B").mkdir()
    text = "关于集成电路设计企业流片补贴的通知\n\n苏州市支持集成电路设计企业首轮流片。\n"
    (docs / "A" / "通知.txt").write_text(text, encoding="utf-8")
    (docs / "B" / "通知.txt").write_text(text, encoding="utf-8")
    index = str(tmp_path / "ix")
    assert "duplicate: " in cli("ingest", "--index", index, docs).stderr
    (docs / "A" / "通知.txt").write_text(text + "另行通知。\n", encoding="utf-8")
    run = cli("ingest", "--index", index, docs)
    assert run.returncode == 0 and "kept: " in run.stderr and "B/通知.txt" in run.stderr, run.stderr


FIVE_YEAR = """湖南省先进计算产业发展“十五五”规划

湖南省工业和信息化厅
2026年6月

为推动全省先进计算产业高质量发展，制定本规划。规划期为2026—2030年。

一、发展基础
“十四五”时期，全省先进计算产业规模持续扩大，建成国家级计算平台3个。
长沙市形成以岳麓区、望城区为核心的服务器整机集聚区，整机出货量居中部前列。
株洲市、湘潭市加快布局电源管理芯片和散热材料配套项目，配套能力明显增强。
岳阳市依托临港产业新区建成服务器主板生产线，2025年实现营收60亿元。

二、发展目标
全省先进计算产业营收突破5000亿元，形成整机、芯片、软件协同发展的产业生态。

三、重点任务
（一）夯实产业发展基础
建设省级先进计算公共服务平台，推动整机企业与芯片企业联合攻关。
"""


def test_a_five_year_plans_base_section_speaks_for_the_period_before(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": FIVE_YEAR})
    before, plan = [2021, 2022, 2023, 2024, 2025], [2026, 2027, 2028, 2029, 2030]
    hit = first_hit(index, "服务器整机集聚区")  # a city, then places inside it listed with a word before: the city's
    assert (hit["region_path"], hit["years"]) == (["湖南省", "长沙市"], before)
    assert first_hit(index, "电源管理芯片和散热材料")["years"] == before
    assert first_hit(index, "服务器主板生产线")["years"] == [2025]  # one year of the period before, named
    assert first_hit(index, "整机、芯片、软件协同")["years"] == plan
    assert first_hit(index, "先进计算公共服务平台")["years"] == plan  # a task heading holding 发展基础 is no base section
    assert first_hit(index, "湖南省工业和信息化厅")["years"] == plan  # its date line, the plan's


def test_a_first_ingest_that_indexes_nothing_leaves_no_files_behind(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_text("", encoding="utf-8")
    new = tmp_path / "new"
    run = cli("ingest", "--index", new, docs)
    assert run.returncode == 1 and "no index was made" in run.stderr and not new.exists()
    mine = tmp_path / "mine"  # a folder the user made stays, empty as it was
    mine.mkdir()
    assert cli("ingest", "--index", mine, docs).returncode == 1 and mine.is_dir() and not list(mine.iterdir())


def test_sort_region_goes_in_the_division_tables_order(tmp_path):
    files = {"sh.txt": "上海市集成电路工作要点\n\n上海市推进集成电路设计产业发展。\n",
             "bj.txt": "北京市集成电路工作要点\n\n北京市推进集成电路装备产业发展。\n",
             "cn.txt": "国务院关于集成电路产业的通知\n\n国务院推进全国集成电路产业发展。\n",
             "many.txt": "多地推进集成电路产业\n\n近日，多地出台集成电路政策。上海市聚焦设计，北京市聚焦装备。\n"}
    index = ingest_docs(tmp_path, files)
    shown = []
    for hit in jsonl("search", "推进", "--sort", "region", "--all", "--index", index):
        if not shown or shown[-1] != hit["region"]:
            shown.append(hit["region"])
    assert shown == ["全国", "北京市", "上海市", "多地"], shown  # (by code point: 上海市, 北京市, 全国, 多地)


TASKS = """宜宾市动力电池芯片三年行动方案（2026—2028年）

| 序号 | 任务 | 责任单位 | 完成时限 |
|---|---|---|---|
| 1 | 建设电池管理芯片封测线 | 市经济和信息化局 | 2027年6月 |
| 2 | 开展电池芯片人才培训，每年培训500人次 | 市人力资源社会保障局 | 2026年起每年 |
| 3 | 建设电池材料中试基地 | 市科技局 | 2027年开始建设，2028年投产 |
"""


def test_a_task_rows_deadline_from_a_year_on_is_the_plans_years(tmp_path):
    index = ingest_docs(tmp_path, {"tasks.md": TASKS})
    assert first_hit(index, "电池管理芯片封测线")["years"] == [2027]
    assert first_hit(index, "每年培训500人次")["years"] == [2026, 2027, 2028]
    assert first_hit(index, "电池材料中试基地")["years"] == [2027, 2028]  # (开始建设: no "from then on")


REPLY = """九江市工业和信息化局
关于市十七届人大三次会议第88号代表建议的答复
九工信建字〔2025〕12号
王明代表：
您提出的《关于加快我市电子材料产业发展的建议》收悉。经认真研究，现答复如下：
九江是全省重要的电子材料生产基地，氟化工产业基础较好。2024年，全市电子材料产业营收达到310亿元，同比增长12%。
下一步，我局将会同有关部门，力争2025年新引进电子化学品项目5个。
九江市工业和信息化局
2025年5月20日
"""


LETTER = """赣州市工业和信息化局关于市政协六届四次会议第0215号提案答复的函

刘芳委员：
您提出的《关于支持我市稀土发光材料产业发展的提案》收悉，现答复如下：
赣州是全国重要的稀土发光材料基地。2024年，全市稀土发光材料产业营收达到96亿元。
赣州市工业和信息化局
2025年6月3日
"""


def test_a_reply_is_typed_and_its_paragraph_of_last_years_figures_speaks_for_that_year(tmp_path):
    index = ingest_docs(tmp_path, {"reply.txt": REPLY, "letter.txt": LETTER})
    hit = first_hit(index, "稀土发光材料产业营收达到96亿元")  # a reply written as a letter (函)
    assert (hit["doc_type"], hit["years"]) == ("函", [2024])
    hit = first_hit(index, "电子材料产业营收达到310亿元")
    assert (hit["doc_type"], hit["years"]) == ("答复", [2024])  # (background before the figures passes over)
    assert first_hit(index, "新引进电子化学品项目")["years"] == [2025]


RUN_IN = """宣城市2026年政府工作报告

（三）壮大新兴产业。支持宁国市建设汽车电子元器件基地；支持广德市发展印制电路板产业。
（四）扩大新型消费。推动城区商圈提档升级。
"""


def test_a_county_after_a_run_in_heading_that_says_growing_new_industries(tmp_path):
    # 壮大新兴产业 holds 大新 (a 广西 county's short name): it made the clause name a county elsewhere, and the clause
    # lost its place; 大新县 is found by its full name only
    index = ingest_docs(tmp_path, {"report.txt": RUN_IN})
    assert first_hit(index, "汽车电子元器件基地")["region"] == "宁国市"
    assert first_hit(index, "印制电路板产业")["region"] == "广德市"
    assert first_hit(index, "城区商圈")["region"] == "宣城市"


WORDS = """宁波市2026年集成电路产业工作要点

一、强化科技创新和产业协同。支持北仑区建设车规级芯片封测基地。
二、建设创新平台。高标准建设宁波实验室，全市研发经费投入增长10%以上。
"""

ZHANGJIANG = """上海市推进科技创新中心建设若干规定

第十条 本市支持张江国家自主创新示范区开展体制机制改革，设立示范区发展专项资金。
"""


def test_a_short_name_inside_a_word_and_a_lab_named_after_its_city(tmp_path):
    # 创新和 holds 新和 (a 新疆 county's short name, starting inside the word 创新): no place elsewhere, so the clause
    # is 北仑区's; 宁波实验室 is a lab's name, not the city's own action named
    index = ingest_docs(tmp_path, {"points.txt": WORDS, "zhangjiang.txt": ZHANGJIANG})
    assert first_hit(index, "车规级芯片封测基地")["region"] == "北仑区"
    assert first_hit(index, "研发经费投入增长10%")["region"] == "宁波市"
    hit = first_hit(index, "示范区发展专项资金")  # a network of parks across the city's districts, not 浦东's 张江
    assert (hit["region_path"], hit["zone"]) == (["上海市"], "张江国家自主创新示范区")

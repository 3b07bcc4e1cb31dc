"""Classes from h-blind36c's first run (session 36, its clean held-out set), on texts in our own words, through the CLI.

- A numbered heading wrapped over two lines (`四、突破EDA` / `和Chiplet关键技术`; a PDF's `（一）推动GaN外延片和深紫外
  LED` / `芯片扩产`) is one passage: the heading stops on a Latin word, or the short line after it opens with a joining
  word, or the break cuts a word, and that line holds no stop of its own."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, make_pdf

PLAN = """某市第三代半导体产业发展工作方案

一、发展目标
到2027年，全市第三代半导体产业规模突破300亿元。
二、突破EDA
和Chiplet关键技术
支持设计企业建设EDA工具适配验证平台。
三、保障措施
加强组织领导。
"""


def test_a_numbered_heading_wrapped_over_two_lines_is_one_passage(tmp_path):
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "总结.pdf", [["某市第三代半导体产业链工作总结", "一、工作进展", "（一）推动GaN外延片和深紫外LED",
                                                "芯片扩产", "全年新增外延片产能每月2万片，深紫外芯片良率提高到92%。",
                                                "（二）完善产业生态", "新建公共检测平台1个。"]])
    index = ingest_docs(tmp_path, {"方案.txt": PLAN})
    assert first_hit(index, "突破EDA和Chiplet关键技术")["text"] == "二、突破EDA和Chiplet关键技术"
    assert first_hit(index, "深紫外LED芯片扩产")["text"] == "（一）推动GaN外延片和深紫外LED芯片扩产"
    assert first_hit(index, "支持设计企业建设EDA")["text"] == "支持设计企业建设EDA工具适配验证平台。"
    assert first_hit(index, "加强组织领导")["text"] == "加强组织领导。"


POINTS = """济南市2026年集成电路产业发展工作要点

（一）提升设计能力。支持高新区建设集成电路设计创新中心，新增流片企业20家；支持历下区发展芯片设计和EDA服务，打造数字经济楼宇。

（二）壮大制造和封测。推动章丘区碳化硅衬底项目二期开工，年内形成年产30万片产能；支持莱芜区建设半导体材料产业园，引进靶材项目5个以上。
"""


def test_clauses_that_open_with_a_verb_before_their_place_go_place_by_place(tmp_path):
    """h-blind36c B: in a plan's paragraph `支持历下区…；推动章丘区…；支持莱芜区…` each ；-clause opens with a verb before
    its place, and the paragraph was left whole (the city's); it is cut as `历下区…；章丘区…` is."""
    folder = tmp_path / "docs" / "山东省" / "济南市"
    folder.mkdir(parents=True)
    (folder / "要点.txt").write_text(POINTS, encoding="utf-8")
    index = ingest_docs(tmp_path)
    assert first_hit(index, "支持历下区发展芯片设计")["region_path"] == ["山东省", "济南市", "历下区"]
    assert first_hit(index, "碳化硅衬底项目二期开工")["region_path"] == ["山东省", "济南市", "章丘区"]
    assert first_hit(index, "支持莱芜区建设半导体材料产业园")["region_path"] == ["山东省", "济南市", "莱芜区"]


BRIEFING = """集成电路产业运行简报

2025年第3期

江苏省工业和信息化厅电子信息处　2025年10月28日

一、各地运行情况

苏州市：前三季度全市集成电路产业实现营收1062亿元，同比增长12%。

无锡方面，全市实现营收1175亿元，同比增长11.6%。

宿迁市沭阳县引进硅片切割耗材项目，宿城区光伏组件项目投产。

二、存在的问题

一是终端需求恢复不均衡，消费电子类芯片订单仍有波动。

三、下一步工作

四季度，全省将加快推动在建项目投产达效。
"""


def test_a_top_numbered_heading_with_no_place_ends_a_briefings_city_sections(tmp_path):
    """h-blind36c E: after the city paragraphs of a province's briefing (read as a round-up), `二、存在的问题` and what
    follows stayed with the last place named (沭阳县)."""
    index = ingest_docs(tmp_path, {"简报.txt": BRIEFING})
    assert first_hit(index, "终端需求恢复不均衡")["region_path"] == ["江苏省"]
    assert first_hit(index, "全省将加快推动在建项目投产达效")["region_path"] == ["江苏省"]


VISIT = """苏州、无锡集成电路产业学习考察报告

按照市委、市政府部署，我局组织考察组赴苏州、无锡学习考察集成电路产业发展经验。

一、苏州市的主要做法

苏州市以苏州工业园区为核心，集聚集成电路设计企业400余家。

二、对我市的启示和建议

我市集成电路产业规模偏小，建议设立专项基金，加快引进封测配套项目。

洛阳市工业和信息化局考察组
2025年7月2日
"""


def test_a_study_report_is_its_visitors_whether_or_not_its_title_says_赴(tmp_path):
    """h-blind36c G: `苏州、无锡…学习考察报告` signed by a city's 考察组 was filed under the first place visited (its issuer,
    a 考察组, was no body's name), and a 赴…考察学习 report signed so was 多地; both are the visitor's."""
    index = ingest_docs(tmp_path, {"考察报告.txt": VISIT})
    import json

    from tests.conftest import cli

    done = cli("docs", "--all", "--index", index, "-f", "jsonl")
    record = json.loads(done.stdout.splitlines()[0])
    assert record["region_path"] == ["河南省", "洛阳市"], record
    assert first_hit(index, "我市集成电路产业规模偏小")["region_path"] == ["河南省", "洛阳市"]
    assert first_hit(index, "集聚集成电路设计企业400余家")["region_path"][:2] == ["江苏省", "苏州市"]

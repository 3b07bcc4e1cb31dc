"""Moved targets in `changes` (session 35, h-user35's review; reports in our own words, through the CLI).

- A figure averaged or summed over several years (`城镇新增就业年均5100人`, `五年新增商业营业面积40万平方米`) moves to or
  from no figure of one year; a rate `年均增长…` is its own comparator and leaves the rest of its sentence comparable.
- A result reported and a target set are no move of each other (`完成21000元` → `达到23500元`); each report's review
  figure for its year before moves to the next report's (`5300人` for 2022 → `5600人` for 2023).
- `from_year` and `to_year` are the years the figures are for, as the targets view gives them (a review's figure is
  for the year reviewed)."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

OLD = """政府工作报告

——2023年1月12日在某县第十八届人民代表大会第二次会议上

一、2022年工作回顾

全年地区生产总值增长4%，城镇新增就业5300人。

农村居民人均可支配收入完成21000元，比2017年增加5200元，年均增长6.1%。

全年新增商业营业面积8万平方米。

二、过去五年工作回顾

五年来，城镇新增就业年均5100人。

三、2023年工作安排

城镇新增就业5000人以上。
"""

NEW = """政府工作报告

——2024年1月10日在某县第十八届人民代表大会第三次会议上

一、2023年工作回顾

城镇新增就业5600人，城镇登记失业率2.8%。

农村居民人均可支配收入完成22400元，同比增长6.7%。

五年新增商业营业面积40万平方米。

二、2024年工作安排

城镇新增就业5200人以上。

农村居民人均可支配收入增长7%，达到23500元。
"""


def _moves(tmp_path) -> list[tuple]:
    folder = tmp_path / "docs" / "江苏省" / "徐州市" / "丰县"
    folder.mkdir(parents=True)
    (folder / "2023.txt").write_text(OLD.replace("某县", "丰县"), encoding="utf-8")
    (folder / "2024.txt").write_text(NEW.replace("某县", "丰县"), encoding="utf-8")
    index = ingest_docs(tmp_path)
    rows = jsonl("changes", "--region", "丰县", "--from", "2023", "--to", "2024", "--index", index)
    return [(m["metric"], m["comparator"], m["from"], m["to"], m["from_year"], m["to_year"]) for r in rows for m in r["moved"]]


def test_review_figures_move_to_review_figures_and_targets_to_targets(tmp_path):
    moves = _moves(tmp_path)
    assert ("城镇新增就业", "", 5300, 5600, 2022, 2023) in moves
    assert ("城镇新增就业", "超过", 5000, 5200, 2023, 2024) in moves
    assert ("农村居民人均可支配收入", "达到", 21000, 22400, 2022, 2023) in moves
    assert not [m for m in moves if m[3] == 23500 or m[2] == 5100 or m[3] == 40]


FIVE = """政府工作报告

——2018年1月15日在丰县第十七届人民代表大会第一次会议上

一、过去五年工作回顾

棚户区住房改造8600套，新建农村公路420公里。

二、2018年工作安排

棚户区住房改造1200套，新建农村公路60公里。
"""

NEXT = """政府工作报告

——2019年1月16日在丰县第十七届人民代表大会第二次会议上

一、2018年工作回顾

棚户区住房改造1300套，新建农村公路65公里。

二、2019年工作安排

棚户区住房改造1000套，新建农村公路50公里。
"""


def test_a_five_year_reviews_figures_move_to_no_years_figure(tmp_path):
    folder = tmp_path / "docs" / "江苏省" / "徐州市" / "丰县"
    folder.mkdir(parents=True)
    (folder / "2018.txt").write_text(FIVE, encoding="utf-8")
    (folder / "2019.txt").write_text(NEXT, encoding="utf-8")
    index = ingest_docs(tmp_path)
    rows = jsonl("changes", "--region", "丰县", "--from", "2018", "--to", "2019", "--index", index)
    moves = {(m["metric"], m["from"], m["to"]) for r in rows for m in r["moved"]}
    assert ("棚户区住房改造", 1200, 1000) in moves
    assert not [m for m in moves if m[1] in (8600, 420)], moves


def test_a_review_heading_since_a_period_ends_with_the_year_before(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": "2025年桐乡市政府工作报告\n\n一、2024年和“十四五”以来工作回顾\n\n"
                                                 "全市集成电路产业营收达到300亿元。\n"})
    from tests.conftest import first_hit

    assert first_hit(index, "营收达到300亿元")["years"] == [2021, 2022, 2023, 2024]

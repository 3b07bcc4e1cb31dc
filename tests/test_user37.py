"""Defects h-user37 found as a new analyst (session 37), through the CLI."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest
from rich.cells import cell_len

from tests.clirun import icpolicy, on_terminal


def test_compare_exports_keep_a_region_with_no_match_as_a_row_of_zero(seed_index, tmp_path):
    """h-user37 8: the table said `西藏 (0)` and JSON `total: 0`, but the csv and xlsx had no row for it: a pivot lost it."""
    done = icpolicy("compare", "先进封装", "-r", "江苏", "-r", "西藏", "--index", seed_index, "-f", "csv", home=tmp_path)
    assert done.returncode == 0, done.err
    rows = list(csv.DictReader(io.StringIO(done.out)))
    assert [(r["compared_region"], r["region_total"], r["doc_id"]) for r in rows if r["compared_region"] == "西藏"] == [("西藏", "0", "")]
    assert all(r["doc_id"] for r in rows if r["compared_region"] == "江苏")
    out = tmp_path / "c.xlsx"
    assert icpolicy("compare", "先进封装", "-r", "江苏", "-r", "西藏", "--index", seed_index, "-o", out, home=tmp_path).returncode == 0
    sheet = openpyxl.load_workbook(out).active
    last = [row for row in sheet.iter_rows(values_only=True) if row[0] == "西藏"]
    assert len(last) == 1 and last[0][1] == 0 and last[0][2] is None


def test_trend_and_stats_give_years_as_numbers_in_spreadsheets_as_targets_does(seed_index, tmp_path):
    """h-user37 11: trend.xlsx's year was the text '2023' while targets.xlsx's was the number 2025: a join failed."""
    out = tmp_path / "t.xlsx"
    assert icpolicy("trend", "集成电路", "--index", seed_index, "-o", out, home=tmp_path).returncode == 0
    years = [row[0] for row in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert years and all(isinstance(year, int) for year in years), years
    done = icpolicy("stats", "集成电路", "--by", "year", "--index", seed_index, "-f", "csv", home=tmp_path)
    first = done.out.splitlines()[1].split(",")[0]
    assert first.isdigit(), done.out  # unquoted: a number to a spreadsheet


def test_stats_by_region_exports_the_city_rows_the_table_shows(seed_index, tmp_path):
    """h-user37 10: the table and JSON gave each province's cities (└ 苏州市), the csv and xlsx provinces only."""
    done = icpolicy("stats", "集成电路", "--by", "region", "--index", seed_index, "-f", "json", home=tmp_path)
    import json
    rows = json.loads(done.out)["rows"]
    expected = [(r["key"], r["passages"]) for r in rows for r in [r] + [dict(c, key=f"{r['key']}/{c['key']}") for c in r.get("cities", [])]]
    assert any("/" in key for key, _ in expected)
    done = icpolicy("stats", "集成电路", "--by", "region", "--index", seed_index, "-f", "csv", home=tmp_path)
    got = [(r["region"], int(r["passages"])) for r in csv.DictReader(io.StringIO(done.out))]
    assert got == expected


CAPACITY = """无锡市第三代半导体产业行动方案（2025—2027年）

到2027年，碳化硅衬底产能达到每月6万片，外延片产能达到每年40万片。

8英寸碳化硅晶圆产能达到每月9000片，6英寸晶圆月产能达到7000片。

功率芯片出货量达到3000万颗。

区财政每年安排不低于5亿元的产业专项资金。
"""


def test_targets_read_a_rate_before_its_number_and_bare_wafer_and_chip_counts(tmp_path):
    """h-user37 1, 2, 4: 每月8万片 and 每年50万片 were both 万片 (one column mixing monthly and yearly capacity); 12000片/月
    and 8000片 were no quantity; 5000万颗 was metric 颗 in 万."""
    from tests.conftest import ingest_docs, jsonl
    index = ingest_docs(tmp_path, {"方案.txt": CAPACITY})
    rows = {(row["value"], row["unit"]): row["metric"] for row in jsonl("targets", "--index", index)}
    assert rows.get((6, "万片/月")) == "碳化硅衬底产能"
    assert rows.get((40, "万片/年")) == "外延片产能"
    assert (9000, "片/月") in rows and (7000, "片") in rows
    assert rows.get((3000, "万颗")) == "功率芯片出货量"
    assert (5, "亿元") in rows  # a budget per year keeps its unit


REPORTS = {"r2024.txt": """常州市2024年政府工作报告

二、2024年主要工作

集成电路产业营业收入达到900亿元。

碳化硅晶圆产能达到每月5万片。

软件业务收入达到1000亿元。
""", "r2025.txt": """常州市2025年政府工作报告

二、2025年主要工作

集成电路产业营业收入达到0.11万亿元。

碳化硅晶圆产能达到8万片/月。

软件业务收入达到0.1万亿元。
"""}


def test_changes_moves_a_target_restated_in_another_unit_and_not_one_restated_at_its_amount(tmp_path):
    """h-user37 3: 900亿元 -> 0.11万亿元 and 每月5万片 -> 8万片/月 were changed sentences with no moved target."""
    from tests.conftest import ingest_docs
    index = ingest_docs(tmp_path, REPORTS)
    done = icpolicy("changes", "-r", "常州", "--from", "2024", "--to", "2025", "--index", index, "-f", "csv", home=tmp_path)
    assert done.returncode == 0, done.err
    moved = {row["to_text"]: row["moved"] for row in csv.DictReader(io.StringIO(done.out)) if row["change"] == "changed"}
    assert moved["集成电路产业营业收入达到0.11万亿元。"] == "集成电路产业营业收入 达到: 900亿元 (2024) -> 0.11万亿元 (2025)"
    assert moved["碳化硅晶圆产能达到8万片/月。"] == "碳化硅晶圆产能 达到: 5万片/月 (2024) -> 8万片/月 (2025)"
    assert moved["软件业务收入达到0.1万亿元。"] == ""  # the same amount in a larger unit: no move


def test_a_work_report_bylined_by_its_office_alone_is_its_government_s(tmp_path):
    """h-user37 12: a report under `省长 某某` with no `我代表…人民政府` had no issuer; `docs --issuer` left it out."""
    from tests.conftest import ingest_docs, jsonl
    index = ingest_docs(tmp_path, {"report.txt": "安徽省2025年政府工作报告\n\n——2025年1月15日在安徽省第十四届人民代表大会第四次会议上\n\n"
                                                 "代省长 王清宪\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，全省集成电路产业营收增长18%。\n"})
    docs = jsonl("docs", "--issuer", "安徽省", "--index", index)
    assert [d["issuer"] for d in docs] == ["安徽省人民政府"]


ROUNDUP = """多地部署第三代半导体项目

来源：产业观察 2025-02-12

近日，多地公布今年重点项目清单。

扬州：推进功率器件等26个重大项目

1月12日，扬州市人民代表大会开幕。报告回顾，2024年扬州市集成电路产业产值增长15%。

报告提出，2025年扬州将聚焦功率半导体，加快推进功率器件等26个重大项目，打造特色产业基地。

泰州：推进封测扩产

泰州将推进封测扩产，集成电路产业规模达到300亿元。
"""


def test_a_heading_s_figure_repeated_further_down_its_section_counts_once(tmp_path):
    """h-user37 6: a heading's figure that the paragraph right under it repeated was one row, but one repeated two
    paragraphs down was two: sums of commitments counted it twice."""
    from tests.conftest import ingest_docs, jsonl
    index = ingest_docs(tmp_path, {"roundup.txt": ROUNDUP})
    rows = [(row["value"], row["unit"]) for row in jsonl("targets", "--index", index)]
    assert rows.count((26, "个")) == 1 and (300, "亿元") in rows


@pytest.mark.parametrize("columns", [60, 90])
def test_the_targets_table_keeps_each_doc_id_whole_and_the_metric_readable_on_a_narrow_terminal(seed_index, tmp_path, columns):
    """h-user37 9: at 60 columns the targets table broke the doc_id over four lines, left the place and metric 2–3
    characters and split its headers (compar/ator)."""
    pytest.importorskip("pty")
    done = icpolicy("targets", "集成电路", "-f", "json", "--index", seed_index, home=tmp_path)
    rows = json.loads(done.out)["targets"]
    seen = on_terminal("targets", "集成电路", "--index", seed_index, home=tmp_path, columns=columns, COLUMNS=str(columns), TERM="xterm", NO_COLOR="1")
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen).replace("\r", "").splitlines()
    assert all(cell_len(line) <= columns for line in lines), seen
    header = next(line for line in lines if "doc_id" in line)
    assert "metric" in header and "value" in header and "compar" not in header, seen  # a whole header, no column split
    for row in rows:
        assert any(f"{row['doc_id']} #{row['passage']}" in line for line in lines), (row["doc_id"], seen)
    assert any(row["metric"][:5] in line for row in rows if len(row["metric"]) >= 5 for line in lines), seen


PAIR = {"y2024.txt": """无锡市2024年政府工作报告

二、2024年主要工作

前瞻布局第三代半导体，引进第三代半导体重点项目6个，第三代半导体产业规模达到90亿元。
""", "y2025.txt": """无锡市2025年政府工作报告

二、2025年主要工作

前瞻布局第三代半导体，第三代半导体产业规模达到110亿元，第三代半导体企业超过30家。
"""}


def test_changes_name_the_targets_dropped_and_set_in_a_changed_pair(tmp_path):
    """h-user37 5: a target dropped from a changed sentence (重点项目6个) or new in it (企业30家) showed only as a struck-out
    or coloured stretch of the diff: csv, xlsx and a piped table lost it."""
    from tests.conftest import ingest_docs
    index = ingest_docs(tmp_path, PAIR)
    done = icpolicy("changes", "-r", "无锡", "--from", "2024", "--to", "2025", "--index", index, "-f", "csv", home=tmp_path)
    rows = [row for row in csv.DictReader(io.StringIO(done.out)) if row["change"] == "changed" and "前瞻布局" in row["to_text"]]
    assert len(rows) == 1, done.out
    assert rows[0]["moved"] == "第三代半导体产业规模 达到: 90亿元 (2024) -> 110亿元 (2025)"
    assert "重点项目" in rows[0]["dropped"] and "6个" in rows[0]["dropped"]
    assert "第三代半导体企业" in rows[0]["new"] and "30家" in rows[0]["new"]
    piped = icpolicy("changes", "-r", "无锡", "--from", "2024", "--to", "2025", "--index", index, home=tmp_path).out
    assert "dropped: " in piped and "new: " in piped

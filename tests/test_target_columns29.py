"""Targets in a table whose header names a year per column (session 29, h-user29).

A policy set out its figures as a table, 指标 | 2024年 | 2026年目标 above 碳化硅器件产值 | 45亿元 | 120亿元.  Each row
is one passage, and its figures took the document's year and its default kind: the 2024 base and the 2026 target
both read as targets for 2024, so `targets` answered "what did the city commit to" with two commitments.  Now the
figures of a row under such a header take their column's year, and the kind its header cell says (目标: target;
基数, 现状: reported; else before the year of issue reported, after it a target).  A cell that says more than its
figure (由目前的20%提高到35%) keeps its own reading.  Through the CLI, on documents made here in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl, make_docx

_PARAGRAPHS = ["无锡市加快碳化硅功率器件产业发展若干措施", "锡政办发〔2024〕19号",
               "一、对新建碳化硅外延和器件产线的企业，按项目实际投资给予补助。", "二、发展目标如下表。"]


def _rows(index: str) -> dict[tuple[str, float], tuple[int, str]]:
    return {(q["metric"], q["value"]): (q["year"], q["kind"]) for q in jsonl("targets", "--index", index, "--all")}


def test_a_docx_table_of_base_and_target_columns(tmp_path):
    (tmp_path / "docs").mkdir()
    make_docx(tmp_path / "docs" / "measures.docx", _PARAGRAPHS + ["无锡市人民政府办公室", "2024年6月3日"],
              table=[["指标", "2024年", "2026年目标"], ["碳化硅器件产值", "45亿元", "120亿元"], ["车规级模块出货量", "80万只", "300万只以上"]])
    rows = _rows(ingest_docs(tmp_path))
    assert rows[("碳化硅器件产值", 45)] == (2024, "reported")
    assert rows[("碳化硅器件产值", 120)] == (2026, "target")
    by_value = {value: found for (_, value), found in rows.items()}
    assert by_value[80] == (2024, "reported") and by_value[300] == (2026, "target")


def test_header_words_and_a_cell_that_says_more(tmp_path):
    table = """<table><tr><th>指标</th><th>2023年现状</th><th>2025年</th><th>2027年</th></tr>
<tr><td>数据中心标准机架</td><td>1.2万架</td><td>2万架</td><td>3万架</td></tr>
<tr><td>绿电使用比例</td><td colspan="3">由目前的百分之二十提高到百分之四十</td></tr></table>"""
    page = f"""<html><head><meta charset="utf-8"><title>算力基础设施行动方案</title></head><body><div class="article">
<h1>淮安市算力基础设施高质量发展行动方案</h1><p>为加快建设算力基础设施，制定本方案。</p>{table}
<p>淮安市人民政府办公室</p><p>2024年9月2日</p></div></body></html>"""
    rows = _rows(ingest_docs(tmp_path, {"plan.html": page}))
    found = {key[1]: value for key, value in rows.items() if "机架" in key[0]}
    assert found == {1.2: (2023, "reported"), 2: (2025, "target"), 3: (2027, "target")}, rows
    assert all(year != 2023 for (metric, _), (year, _) in rows.items() if "绿电" in metric), rows

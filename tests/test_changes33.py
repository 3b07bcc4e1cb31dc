"""Moved targets in `changes` (session 33, h-user33's review; reports in our own words, through the CLI).

- A figure summed over several years (五年累计…, “十三五”期间累积完成…) and one year's figure of the same metric are no
  moved target: five years' investment against one year's is no cut.
- A metric that names no measure by itself (计划投资) is never a moved target: which programme's investment it is
  the words around it say, and two years' sentences may name different ones.
- One year's metric worded a little fuller than the other's (城镇新增就业 / 新增就业, 共办理区人大代表建议 /
  办理人大代表建议) is the same measure: its new value is a move; so is a ceiling worded 控制到 one year and 控制在…以内
  the next (控制到 is a comparator, 以内, not part of the metric)."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

OLD = """政府工作报告

——2021年2月3日在扬州市江都区第九届人民代表大会第五次会议上

一、过去五年工作回顾

“十三五”期间，累积完成全社会固定资产投资820亿元，是“十二五”时期的2.1倍。

全年计划投资15.6亿元，实施城市建设重点项目24个，改造老旧小区一批。

全年实现新增就业8200人，城镇登记失业率保持在较低水平。

全年办理人大代表建议86件、政协委员提案140件，办结率100%。
"""

NEW = """政府工作报告

——2022年1月20日在扬州市江都区第十届人民代表大会第一次会议上

一、2021年工作回顾

全社会固定资产投资增长8%，达到178亿元。

全年计划投资4.2亿元，用于半导体材料产业园的道路和管网建设。

实现城镇新增就业9100人，城镇登记失业率保持在较低水平。

全年共办理区人大代表建议97件、政协委员提案152件，办结率100%。
"""


def _moved(index) -> dict[str, tuple]:
    rows = jsonl("changes", "--region", "江都区", "--from", "2021", "--to", "2022", "--index", index)
    return {m["metric"]: (m["from"], m["to"]) for r in rows for m in r["moved"]}


def test_a_sum_over_years_and_a_generic_metric_do_not_move(tmp_path):
    moved = _moved(ingest_docs(tmp_path, {"2021.txt": OLD, "2022.txt": NEW}))
    assert "全社会固定资产投资" not in moved
    assert "计划投资" not in moved


def test_a_metric_worded_fuller_in_one_year_still_moves(tmp_path):
    moved = _moved(ingest_docs(tmp_path, {"2021.txt": OLD, "2022.txt": NEW}))
    assert moved.get("城镇新增就业") == (8200, 9100)
    assert moved.get("共办理区人大代表建议") == (86, 97)
    assert moved.get("政协委员提案") == (140, 152)


TWO_YEARS_JOBS = ("""政府工作报告

——2018年2月6日在海宁市第十五届人民代表大会第二次会议上

一、2017年工作回顾

全年城镇登记失业率控制到3.2%。
""", """政府工作报告

——2019年1月25日在海宁市第十五届人民代表大会第三次会议上

一、2018年工作回顾

全年城镇登记失业率控制在2.9%以内。
""")


def test_a_ceiling_worded_控制到_is_the_same_target_as_控制在(tmp_path):
    index = ingest_docs(tmp_path, {"2018.txt": TWO_YEARS_JOBS[0], "2019.txt": TWO_YEARS_JOBS[1]})
    rows = jsonl("changes", "--region", "海宁市", "--from", "2018", "--to", "2019", "--index", index)
    moved = {m["metric"]: (m["from"], m["to"]) for r in rows for m in r["moved"]}
    assert moved.get("城镇登记失业率") == (3.2, 2.9)

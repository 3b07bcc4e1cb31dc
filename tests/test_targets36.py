"""Upper bounds written with 不足/不到, and a cap on a change (session 36, from h-user35b's hand check of `targets`, on a
text in our own words, through the CLI).

- `下降不足2%`, `占比不到10%`: the figure is at most that much.  Before, 不足 was read as the metric's name
  (metric `不足`, comparator 下降) and 不到 as part of it (`占比不到`).
- A bound after a change word keeps the change (`增长不超过5%`: comparator 增长, bound 以内), as `增长超过30%` does
  (增长, 超过); before, the change word was lost (comparator 以内)."""

from __future__ import annotations

import csv
import io

from tests.conftest import cli, ingest_docs

REPORT = """2026年某县人民政府工作报告

一、2025年工作回顾

过去一年，全县单位地区生产总值能耗下降不足2%，亏损工业企业占比不到10%，规模以上工业增加值增速不到3%。

二、2026年工作安排

今年全县政府性债务余额增长不超过5%，新开工项目投资增长超过15%。
"""


def test_upper_bounds_in_words_keep_the_measure_and_the_change(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    proc = cli("targets", "--all", "-f", "csv", "--index", index)
    assert proc.returncode == 0, proc.stderr
    rows = {(row["value"], row["unit"]): row for row in csv.DictReader(io.StringIO(proc.stdout.lstrip("\ufeff")))}
    shape = {key: (row["metric"], row["comparator"], row["bound"], row["kind"], row["year"]) for key, row in rows.items()}
    assert shape[("2", "%")] == ("单位地区生产总值能耗", "下降", "以内", "reported", "2025")
    assert shape[("10", "%")] == ("亏损工业企业占比", "以内", "以内", "reported", "2025")
    assert shape[("3", "%")] == ("规模以上工业增加值增速", "增长", "以内", "reported", "2025")
    assert shape[("5", "%")] == ("政府性债务余额", "增长", "以内", "target", "2026")
    assert shape[("15", "%")] == ("新开工项目投资", "增长", "超过", "target", "2026")

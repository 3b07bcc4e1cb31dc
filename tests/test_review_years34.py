"""A work report's review, and the year `targets` gives the figures in it (session 34, on texts in our own words,
through the CLI).

- A review that a paragraph's lead opened (`2024年是…。`, `过去一年，…`) runs on past a short lead-in line that opens
  on the year before (`一年来的主要工作是：`, `一年来，我们…主要做了以下工作：`) and past the numbered parts below the
  heading it opened under (`（一）…`), up to the next heading of that heading's rank or a line naming the report's
  year.
- `targets` gives a reported figure with no year of its own the year its passage speaks for when that is before the
  report's (a 2025 report's review: 2024), as `search` gives the passage; a target keeps the report's year, and a
  figure naming its year keeps it."""

from __future__ import annotations

import csv
import io

from tests.conftest import cli, first_hit, ingest_docs

# a review heading naming no year; the review opens on its first paragraph's lead
UNNAMED = """2025年某市人民政府工作报告

——2025年1月16日在某市第九届人民代表大会第四次会议上

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

一、砥砺奋进，全市高质量发展迈出坚实步伐

2024年是全市发展进程中极不平凡的一年。全市上下顶住压力，经济回升向好。

一年来的主要工作是：

（一）做强实体经济，晶圆制造项目加快落地。十二英寸特色工艺线实现通线，封测企业扩产提速。

光掩模项目竣工投产，新增规上电子信息企业36家，集成电路产业营收突破820亿元。

（二）办好民生实事，群众获得感持续增强。新建改建中小学校14所，新增养老床位2300张。

二、凝心聚力，奋力开创现代化建设新局面

今年全市发展的主要预期目标是：地区生产总值增长5.5%左右，集成电路产业营收达到900亿元。
"""

# a review under a heading that names the year; a short lead-in with a comma and a colon inside it
NAMED = """2025年某省人民政府工作报告

2025年1月18日在某省第十四届人民代表大会第三次会议上

2024年工作回顾

过去一年，全省经济运行总体平稳、稳中有进。全省地区生产总值增长5.3%。

一年来，我们认真贯彻各项决策部署，主要做了以下几方面工作：

（一）推动产业链升级。化合物半导体外延片产能翻番，省级制造业创新中心新增5家。

2023年全省已建成的两条封装测试线，去年满负荷运行。

2025年工作安排

今年全省发展的主要预期目标是：新增国家级专精特新“小巨人”企业30家以上。
"""


def _years(index: str, query: str) -> list[int]:
    return first_hit(index, query)["years"]


def _targets(index: str, *query: str) -> dict[str, tuple[str, str]]:
    """value -> (year, kind) of the rows `targets [QUERY]` gives."""
    proc = cli("targets", *query, "--all", "-f", "csv", "--index", index)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout.lstrip("\ufeff"))))
    return {row["value"]: (row["year"], row["kind"]) for row in rows}


def test_a_review_runs_past_its_lead_in_and_its_numbered_parts(tmp_path):
    index = ingest_docs(tmp_path, {"unnamed.txt": UNNAMED, "named.txt": NAMED})
    assert _years(index, "一年来的主要工作是") == [2024]
    assert _years(index, "十二英寸特色工艺线") == [2024]  # （一）… below the heading the review opened under
    assert _years(index, "光掩模项目竣工投产") == [2024]
    assert _years(index, "新增养老床位") == [2024]
    assert _years(index, "今年全市发展的主要预期目标") == [2025]  # the next heading of that rank ends the review
    assert _years(index, "化合物半导体外延片") == [2024]  # past 一年来，我们…主要做了以下几方面工作：
    assert _years(index, "今年全省发展的主要预期目标") == [2025]


def test_targets_give_a_review_figure_the_year_it_reviews(tmp_path):
    index = ingest_docs(tmp_path, {"unnamed.txt": UNNAMED, "named.txt": NAMED})
    rows = _targets(index, "集成电路产业营收")
    assert rows["820"] == ("2024", "reported")  # as search gives its passage
    assert rows["900"] == ("2025", "target")
    rows = _targets(index)
    assert rows["5"] == ("2024", "reported") and rows["2300"] == ("2024", "reported")
    assert rows["5.3"] == ("2024", "reported") and rows["5.5"] == ("2025", "target")
    assert rows["30"] == ("2025", "target")

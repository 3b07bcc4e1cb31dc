"""Session 47's attribution rules, on documents in our own words, through the CLI (`docs -f jsonl`, `search -f jsonl`).

Places: a round-up's short sentence turning to the next place (`先说成都。`, `接着说合肥。`, `最后聊聊宁波。`) opened no
section when the paragraph went on to name a place in another province or a national body, and the paragraph stayed in the
section before (`**贵阳**——…`), unless another paragraph turned the same way (a parallel lead). It is a marked lead, as
`第一站：合肥。` is.

Years: a passage of one sentence opening on the next two years in words (`明后年，我们计划…`, `明后两年，…`) in a 2025 interview
spoke for 2025 too (明后年 was not read at all); like `明年，…`, it speaks for those years alone. A passage naming them later
in a sentence (`…，明后两年还将…`) keeps the interview's year as well.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl, passage_finder

TURNS = """西南四城报告中的芯片任务

2025-02-21　来源：西南经济观察

今年初，西南各省会城市陆续公布2025年政府工作报告。记者比较了昆明、贵阳、成都、重庆四地报告中的集成电路内容。

【昆明】昆明提出建设光电子器件产业园，年内新引进封测项目八个。

**贵阳**——贵阳把“数据中心+芯片”写进报告，提出建设服务器芯片适配验证中心。

先说成都。这份报告提出，要争创国家级集成电路产业集群，推动功率器件和射频芯片量产。

再看重庆，重庆的报告提出，要对标国家先进制造业集群，推进12英寸功率半导体产线达产。

四地报告的共同点，是都把芯片与本地的整机优势结合起来。
"""

NEXT_TWO = """专访：芯片产业园的下一步

来源：西南经济观察　2025-06-18

问：园区今年的重点是什么？

园区主任：今年我们要让两条封测产线满产，集成电路产值力争增长两成。

明后年，我们计划建成国家级集成电路创新平台2个，形成完整的本地产业链。

明后两年，园区还将新建人才公寓三千套。

今年园区新签项目十二个，明后两年还将陆续开工。
"""

NAMES = ["TURNS", "NEXT_TWO"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attribution47")
    return ingest_docs(folder, {f"{name}.txt": globals()[name] for name in NAMES})


@pytest.fixture(scope="module")
def documents(index):
    return {d["source"].rsplit("/", 1)[-1].split(".")[0]: d for d in jsonl("docs", "--all", "--index", index)}


@pytest.fixture(scope="module")
def row(index):
    return passage_finder(index, "的 OR 是 OR 年 OR 区 OR 市 OR 来源 OR 实施 OR 产业 OR 集成电路 OR 报告")


@pytest.mark.parametrize("start, region", [
    ("【昆明】", ["云南省", "昆明市"]),
    ("**贵阳**", ["贵州省", "贵阳市"]),
    ("先说成都。", ["四川省", "成都市"]),
    ("再看重庆", ["重庆市"]),
    ("四地报告的共同点", ["多地"]),
])
def test_a_round_ups_sentence_turning_to_the_next_place_opens_its_section(row, start, region):
    assert row("TURNS", start)["region_path"] == region


@pytest.mark.parametrize("start, years", [
    ("园区主任：今年", [2025]),
    ("明后年，", [2026, 2027]),
    ("明后两年，", [2026, 2027]),
    ("今年园区新签", [2025, 2026, 2027]),
])
def test_a_passage_opening_on_the_next_two_years_speaks_for_them(row, start, years):
    assert row("NEXT_TWO", start)["years"] == years

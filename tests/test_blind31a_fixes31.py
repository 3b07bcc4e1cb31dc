"""Fixes from h-blind31a's misses (session 31), each on texts in our own words, through the CLI.

- A policy that names no place of its own but lists two divisions of one city side by side in its opening
  (支持青秀区、武鸣区建设…, 文号 邕政发…) was filed under the first of them, it and every passage: the city now.
- `2024年是实施“十四五”规划的关键一年。` names one year, as `…收官之年` does ([period_year]).
- `年内` under a heading naming a period and this year speaks for this year, as `今年` does there; `三年内` does not: it is
  a stretch from this year (since session 39 its three years, 2026–2028; before, the heading's period)."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

POLICY = """关于支持数字创意产业发展的若干措施

邕政发〔2025〕8号

各县（市、区）人民政府，市直各委办局：

为加快培育数字创意产业，经研究，制定如下措施。

一、支持青秀区、武鸣区建设数字内容产业园，对入园企业给予三年租金减半。

二、对年营收首次超过五亿元的动漫游戏企业，给予一次性奖励二百万元。

南宁市人民政府
2025年4月2日
"""

HELD_OUT = """关于推进海洋电子信息产业集聚发展的实施意见

榕政综〔2024〕21号

一、推动闽侯县与长乐区共建海洋传感器产业基地，基地内新建厂房按每平方米一百五十元给予补助。

二、支持企业牵头组建海洋通信技术创新联合体。
"""

REPORT = """安吉县2024年政府工作报告

2024年是实施“十四五”规划承上启下的关键一年。全县将聚焦绿色家居和光伏组件两大产业，推动规上工业增加值增长百分之八。
"""

PLAN = """泰兴市2026年政府工作报告

二、“十五五”时期主要目标和2026年工作安排

黄桥镇要加快电子元器件产业园建设，年内新增标准厂房十万平方米。

经济开发区要建成千亿级化工新材料基地，三年内引进项目五十个。
"""


def _first(index, anchor: str) -> dict:
    return jsonl("search", anchor, "--index", index)[0]


def test_listed_divisions_place_a_text_in_their_city(tmp_path):
    index = ingest_docs(tmp_path, {"policy.txt": POLICY, "held_out.txt": HELD_OUT})
    assert _first(index, "动漫游戏企业")["region_path"] == ["广西壮族自治区", "南宁市"]
    assert _first(index, "海洋通信技术创新联合体")["region_path"] == ["福建省", "福州市"]


def test_a_key_year_of_a_period_is_that_year(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _first(index, "绿色家居和光伏组件")["years"] == [2024]


def test_within_the_year_under_a_period_heading(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert _first(index, "新增标准厂房十万平方米")["years"] == [2026]
    assert _first(index, "千亿级化工新材料基地")["years"] == [2026, 2027, 2028]

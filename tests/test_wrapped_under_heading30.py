"""A hard-wrapped block right under its heading reads as one paragraph (session 30; h-query30).

In a plain text that sets its paragraphs apart with blank lines, a block wrapped at a fixed width was joined only
when it stood alone; with its heading on the line above it (一、工作目标 / 力争…形成晶圆级封 / 装、…), every line
stayed a passage of its own, so a hit showed half of what matched.  Now a short heading line above the run stands
apart and the rest is judged alone.  Through the CLI, on a plan in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PLAN = """东川区智能传感器产业园建设方案

为推动智能传感器产业集聚发展，制定本方案。

一、工作目标
力争用两年时间，引进传感器设计企业十五家以上，形成压力传感、
惯性传感、气体传感三类主导产品，园区营业收入突破五十亿元。到
2027年底，建成中试验证平台一个，服务企业一百家以上。

二、主要任务
（一）引进龙头企业。聚焦汽车电子和工业控制两个方向，重点引进具备晶圆级封装和系统级测试能力的传感器企业，支持企业建设研发中心。
（二）建设公共平台。建设可靠性试验、失效分析和标定测试等公共服务平台，向园区企业开放共享，按成本价收费，降低中小企业研发成本。
（三）完善配套体系。引进封装基板、专用芯片、精密结构件等配套企业，推动关键材料和零部件本地配套，提高产业链协同水平。

三、保障措施
对入驻园区的企业，前两年租金全额补贴，后三年减半补贴。对首次流片的企业给予流片费用百分之三十的补助，单个企业最高五百万元。
对新引进的高层次人才，按其个人所得税地方留成部分给予全额奖励，连续奖励三年，并优先安排人才公寓。
"""


def test_a_wrapped_block_under_its_heading_is_one_passage(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    hit = jsonl("search", "惯性传感", "--index", index)[0]
    assert hit["text"].startswith("力争用两年时间") and hit["text"].endswith("服务企业一百家以上。"), hit["text"]
    assert jsonl("search", "一、工作目标", "--index", index)[0]["text"] == "一、工作目标"

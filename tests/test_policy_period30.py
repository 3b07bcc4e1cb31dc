"""A policy's provisions speak for its period (session 30; h-blind30h).

- A notice in markdown whose date line is a heading (`## 2025年5月8日`) before the policy it issues set the policy's
  passages to that one year: a date line heads no section now, so they keep the policy's term (有效期三年).
- `实施期限为2025—2027年` in an opinion's preamble was not read as its period (实施期为… was).
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

NOTICE = """# 合肥高新区管委会关于印发《合肥高新区促进量子信息产业发展若干政策》的通知

## 各部门、各园区：

现将《合肥高新区促进量子信息产业发展若干政策》印发给你们，请认真贯彻执行。

## 合肥高新区管委会

## 2025年5月8日

## 合肥高新区促进量子信息产业发展若干政策

第一条 对新建量子精密测量中试线的企业，按设备投资额的百分之十五给予补助。

第二条 本政策自2025年6月1日起施行，有效期三年。
"""

OPINION = """关于加快智能网联汽车产业发展的实施意见

为推动智能网联汽车产业集聚发展，提出如下实施意见。实施期限为2025—2027年。

一、建设车路云一体化测试道路，开放测试里程一千公里。
"""


def test_a_date_line_heads_no_section(tmp_path):
    index = ingest_docs(tmp_path, {"notice.md": NOTICE})
    assert jsonl("search", "量子精密测量中试线", "--index", index)[0]["years"] == [2025, 2026, 2027, 2028]


def test_an_implementation_term_is_the_period(tmp_path):
    index = ingest_docs(tmp_path, {"opinion.txt": OPINION})
    assert jsonl("search", "车路云一体化", "--index", index)[0]["years"] == [2025, 2026, 2027]

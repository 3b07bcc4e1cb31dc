"""Markdown: notes written as link definitions, and a title only the front matter gives (session 31, h-formats31).

- `[1]: 资金由市级财政安排。` is a link reference definition to CommonMark, so its text vanished and the note could
  not be found; a definition whose "address" holds an ideograph is a note and stays text now.  A real link
  definition (`[1]: https://…`) still goes.
- A front-matter title that the body does not repeat was searchable nowhere; it is the text's first passage now,
  and a body that repeats it (`# 关于…`) does not get it twice.  The title's years do not head the text: a story
  titled `去年…`, dated 2026, keeps its own years.
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

NOTES = """---
title: 关于加快发展工业软件的实施方案
date: 2025-05-06
---

## 一、主要任务

建设工业软件适配验证中心[1]，推动研发设计类软件在重点企业应用[2]。

详见[部门网站][3]。

[1]: 验证中心由市属国有企业牵头组建。
[2]: 首批应用企业名单另行公布。
[3]: https://example.gov.cn/notice.html
"""

REPEATED = """---
title: 关于组织申报算力券的通知
---

# 关于组织申报算力券的通知

各有关单位：现组织申报二〇二五年度算力券。
"""

STORY = """---
title: 去年全省光伏组件出口额创新高
date: 2026-01-15
---

1月15日，海关部门发布数据显示，2025年全省光伏组件出口额同比增长百分之十二。
"""


def test_notes_written_as_link_definitions_stay_text(tmp_path):
    index = ingest_docs(tmp_path, {"notes.md": NOTES})
    assert jsonl("search", "市属国有企业牵头组建", "--index", index)
    assert jsonl("search", "首批应用企业名单", "--index", index)
    assert cli("search", "example", "--index", index).returncode == 1  # no hit: the link's address is no text


def test_a_front_matter_title_is_searched_once(tmp_path):
    index = ingest_docs(tmp_path, {"notes.md": NOTES, "repeated.md": REPEATED, "story.md": STORY})
    hits = jsonl("search", "加快发展工业软件", "--index", index)
    assert [h["passage"] for h in hits] == [0]
    assert len(jsonl("search", "组织申报算力券", "--index", index)) == 1
    assert jsonl("search", "同比增长百分之十二", "--index", index)[0]["years"] == [2025]

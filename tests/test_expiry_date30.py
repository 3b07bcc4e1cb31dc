"""A policy's expiry date is not the date of a story about it (session 30; h-blind30i).

A saved page whose info bar (发布时间：… 字号：[大 中 小]) is read as the page's date, and whose story says the policy
is in force until 有效期至2028年12月31日, was dated by that expiry: the story spoke for 2028.  A date after
有效期至/有效期到 is an expiry, never a text's own date (years.toml [deadline]).  Through the CLI, on a page in our
own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PAGE = """<html><head><meta charset="utf-8"><title>秀洲区发布光伏十条</title></head><body>
<h1>秀洲区发布光伏十条</h1><div>发布时间：2026-05-20　　字号：[大 中 小]</div>
<p>5月19日，秀洲区举行新闻发布会，发布支持光伏产业发展的十条措施，措施有效期至2029年6月30日。</p>
<p>区发改局相关负责人介绍，十条措施重点支持分布式光伏和储能项目建设。</p>
</body></html>
"""


def test_an_expiry_date_does_not_date_the_story(tmp_path):
    index = ingest_docs(tmp_path, {"page.html": PAGE})
    assert jsonl("search", "分布式光伏和储能", "--index", index)[0]["years"] == [2026]

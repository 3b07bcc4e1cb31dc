"""Defects h-user33 found as a new user (session 33), on pages and texts in our own words, through the CLI.

- A saved web page is dated by the publication date it shows beside the article (发布日期：2019-06-12), not by its
  <meta PubDate>, which some sites stamp with the time the page was generated; an info bar whose page control is a
  view counter (来源：… 访问量：… 发布日期：…) is the page's, not a passage.
- `--fuzzy` highlights a term whole in a passage where it stands whole (README: "matched as typed and highlighted
  whole"), not every one of its words elsewhere in the passage; its words where they stand only apart."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="PubDate" content="2023-02-14 09:30:11">
<title>某县2018年国民经济和社会发展统计公报_统计信息_某县人民政府</title></head>
<body>
<div class="nav">首页 | 政务公开 | 统计信息</div>
<div class="article">
<h1>奉新县2018年国民经济和社会发展统计公报</h1>
<div class="attr"><span>来源：<b>县统计局</b></span> <span>访问量：<b>1234</b></span>
<span class="date">发布日期：<b><publishtime>2019-06-12 10:49:00</publishtime></b></span>
</div>
<p>2018年，全县电子信息产业增加值增长百分之十一，新引进半导体材料项目三个。</p>
<p>全县规模以上工业企业达到一百二十家，比上年增加八家。</p>
</div>
<div class="footer">主办单位：某县人民政府办公室</div>
</body></html>
"""


def test_a_saved_page_is_dated_by_the_date_it_shows(tmp_path):
    index = ingest_docs(tmp_path, {"page.html": PAGE})
    found = cli("docs", "--all", "--index", index, "--format", "json")
    assert found.returncode == 0, found.stderr
    assert "2019-06-12" in found.stdout and "2023-02-14" not in found.stdout
    # the info bar (a view counter beside the labelled fields) is the page's, not a passage of the article
    counter = cli("search", "访问量", "--index", index, "-f", "jsonl")
    assert counter.stdout.strip() == "", counter.stdout


FUZZY = """关于支持第三代半导体产业发展的通知

一、支持企业建设第三代半导体中试线，鼓励本地功率半导体企业参与配套，半导体材料企业给予奖励。

二、支持第三代化合物半导体器件研发。
"""


def test_fuzzy_highlights_the_term_whole_where_it_stands_whole(tmp_path):
    import json

    index = ingest_docs(tmp_path, {"notice.txt": FUZZY})
    done = cli("search", "第三代半导体", "--fuzzy", "--index", index, "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    hits = {h["passage"]: h for h in map(json.loads, done.stdout.splitlines())}
    whole = next(h for h in hits.values() if "中试线" in h["text"])
    assert [whole["text"][a:b] for a, b in whole["highlights"]] == ["第三代半导体"]
    apart = next(h for h in hits.values() if "化合物" in h["text"])
    assert {apart["text"][a:b] for a, b in apart["highlights"]} >= {"第三代", "半导体"}

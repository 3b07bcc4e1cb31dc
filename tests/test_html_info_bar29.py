"""A web page's info bar inside the article (session 29; h-blind28e, h-blind28f).

A saved news page often puts its info bar (发布时间：… 来源：… 字号：大 中 小 打印本页) inside the element that holds
the article.  The bar was kept as a passage of its own (`发布时间：2025-09-05来源：长春日报字号：大中小打印本页`),
which a search for the outlet's name or 打印 then returned.  Now a short line holding a page control and labelled
fields is read like the info lines beside the article (its date dates the story, its source names the outlet) and
left out of the text.  Through the CLI, on pages written here in our own words."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_某某市人民政府门户网站</title></head>
<body><div class="top"><a href="/">首页</a> <a href="/news/">新闻动态</a></div>
<div class="main"><div class="article"><h1>{title}</h1>
<div class="info">{bar}</div>
<div class="content">{body}</div></div></div>
<div class="bottom">某某市人民政府办公室 主办</div></body></html>"""

_BODY = """<p>记者近日从市发展改革委获悉，全市数字经济核心产业营业收入今年前十个月同比增长百分之十四，增速继续居全省前列。</p>
<p>目前，全市已建成智能工厂二十八家、数字化车间一百四十个，工业互联网平台连接设备超过九万台套。</p>
<p>下一步，全市将围绕传感器、工业软件和算力服务布局一批重点项目，推动产业向价值链高端攀升。</p>"""

_BARS = {
    "spans.html": "<span>发布时间：2025-11-18</span>　<span>来源：江城晚报</span>　<span>字号：大 中 小</span>　<a href='#'>打印本页</a>",
    "brackets.html": "发布日期：2025年11月18日 &nbsp; 信息来源：江城晚报 &nbsp; 【打印】【关闭】",
    "links.html": "时间：2025-11-18 10:30 来源：江城晚报 字号：<a>大</a> <a>中</a> <a>小</a> [打印] [关闭]",
}


def _pages() -> dict[str, str]:
    return {name: _PAGE.format(title="数字经济核心产业保持较快增长", bar=bar, body=_BODY) for name, bar in _BARS.items()}


def test_the_bar_is_no_passage(tmp_path):
    index = ingest_docs(tmp_path, _pages())
    for word in ("江城晚报", "打印", "字号"):
        done = cli("search", word, "--index", index, "-f", "jsonl")
        assert done.returncode == 1 and done.stdout == "", (word, done.stdout)
    assert len(jsonl("search", "智能工厂二十八家", "--index", index)) == len(_BARS)


def test_its_date_still_dates_the_story(tmp_path):
    index = ingest_docs(tmp_path, _pages())
    documents = jsonl("docs", "--index", index, "--all")
    assert len(documents) == len(_BARS)
    for document in documents:
        assert document["years"] == [2025], document
    for hit in jsonl("search", "今年前十个月", "--index", index, "--all"):
        assert hit["years"] == [2025], hit


def test_an_article_line_that_names_printing_stays(tmp_path):
    body = _BODY + "<p>来源：市工信局。企业可在政务服务网打印本页所列申报材料清单，逾期不予受理。</p>"
    page = _PAGE.format(title="数字经济核心产业保持较快增长", bar=_BARS["spans.html"], body=body)
    index = ingest_docs(tmp_path, {"page.html": page})
    assert len(jsonl("search", "申报材料清单", "--index", index)) == 1


def test_a_header_of_accessibility_and_language_links_is_no_passage(tmp_path):
    """A saved page's header list of site switches (无障碍浏览, English, 繁體), left when the header is no <header>
    element nor named as chrome, was indexed as passages of its own (h-user29)."""
    page = _PAGE.format(title="数字经济核心产业保持较快增长", bar=_BARS["spans.html"], body=_BODY).replace(
        '<div class="top">', '<div class="top"><ul><li>网站地图</li><li>无障碍浏览</li><li>English</li><li>繁體</li></ul>')
    index = ingest_docs(tmp_path, {"page.html": page})
    for word in ("无障碍浏览", "English", "繁體"):
        done = cli("search", word, "--index", index, "-f", "jsonl")
        assert done.returncode == 1 and done.stdout == "", (word, done.stdout)
    assert len(jsonl("search", "智能工厂二十八家", "--index", index)) == 1


def test_an_old_page_row_of_bracketed_controls_is_no_passage(tmp_path):
    """An old table-layout page's row of controls (【加入收藏】【打印此文】【关闭窗口】, [打印本页] [关闭窗口]) was indexed
    as a passage: only 【打印】【关闭】… were known (h-formats29)."""
    rows = "<tr><td>【<a>加入收藏</a>】【<a>打印此文</a>】【<a>关闭窗口</a>】</td></tr><tr><td>[打印本页] [关闭窗口]</td></tr>"
    page = f"""<html><head><meta charset="utf-8"><title>数字经济核心产业保持较快增长</title></head><body><table>
<tr><td><h1>数字经济核心产业保持较快增长</h1></td></tr><tr><td>{_BODY}</td></tr>{rows}</table></body></html>"""
    index = ingest_docs(tmp_path, {"old.html": page})
    for word in ("加入收藏", "打印此文", "关闭窗口"):
        done = cli("search", word, "--index", index, "-f", "jsonl")
        assert done.returncode == 1 and done.stdout == "", (word, done.stdout)
    assert len(jsonl("search", "智能工厂二十八家", "--index", index)) == 1

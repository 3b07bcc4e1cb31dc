"""A saved web page whose article names no place is the place of the site that runs it, named in the
footer (主办：…, 版权所有：…), which is dropped as page chrome: it was read as 不详 before."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

_ARTICLE = ("<h1>关于加快培育智能网联汽车零部件企业的通知</h1><div class='info'>发布时间：2025-08-19</div>"
            "<div class='content'><p>各有关单位：为推动本地智能座舱和线控转向产品做大做强，经研究，现就有关事项通知如下。</p>"
            "<p>一、对首次通过车规级认证的企业给予一次性奖励。</p></div>")


def _page(footer: str) -> str:
    return f"<html><head><meta charset='utf-8'><title>通知</title></head><body><div class='article'>{_ARTICLE}</div>{footer}</body></html>"


def test_the_footer_names_the_site_that_places_the_page(tmp_path):
    index = ingest_docs(tmp_path, {
        "a.html": _page("<footer><p>网站主办：荆门市人民政府办公室 承办：荆门市大数据中心 地址：象山大道</p></footer>"),
        "b.html": _page("<div class='copyright'>版权所有：上饶市经济技术开发区管理委员会</div>"),
    })
    places = {d["source"].rsplit("/", 1)[-1]: d["region_path"] for d in jsonl("docs", "--index", index)}
    assert places["a.html"] == ["湖北省", "荆门市"]
    assert places["b.html"] == ["江西省", "上饶市"]
    hit = jsonl("search", "线控转向", "--index", index, "-r", "荆门")
    assert len(hit) == 1 and hit[0]["region_path"] == ["湖北省", "荆门市"]


def test_an_article_that_names_its_place_keeps_it_over_the_footer(tmp_path):
    own = _page("<footer><p>主办：荆门市人民政府办公室</p></footer>").replace("为推动本地", "为推动十堰市")
    index = ingest_docs(tmp_path, {"c.html": own})
    assert jsonl("docs", "--index", index)[0]["region_path"] == ["湖北省", "十堰市"]

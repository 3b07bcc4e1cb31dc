"""Every view that runs a query takes search's match modes (h-user38's sixth): `stats`, `trend`, `compare`,
`docs` and `targets` with `--expand`, `--fuzzy`, `--same-sentence` / `--scope` count and list what `search`
finds with the same modes, not what plain search finds.  Texts in our own words, through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli, ingest_docs, jsonl

WUXI = """无锡市功率半导体产业工作要点（2025年）

一、支持企业开展SiC器件可靠性研究，年内完成车规认证两项。
二、推进碳化硅衬底扩产，建设八英寸衬底示范线。
三、加快功率模块封装测试线建设，引进碳化硅外延企业三家。
四、建设功率模块封装基地。推动碳化硅材料国产替代，提高本地配套率。

无锡市工业和信息化局
2025年1月20日
"""

BEIJING = """北京经济技术开发区关于支持化合物半导体产业发展的若干措施（2025年）

一、支持企业建设碳化硅外延片产线，按设备投资额的10%给予补贴。

北京经济技术开发区管理委员会
2025年3月1日
"""

SHENZHEN = """深圳市宽禁带半导体工作要点（2024年）

一、推动SiC功率器件上车应用，力争SiC器件产值达到50亿元。
二、支持龙岗区建设氮化镓射频器件中试平台。

深圳市工业和信息化局
2024年2月5日
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> str:
    return ingest_docs(tmp_path_factory.mktemp("modes"), {"wuxi.txt": WUXI, "shenzhen.txt": SHENZHEN, "beijing.txt": BEIJING})


def _json(*args: str) -> dict:
    done = cli(*args, "-f", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _total(index: str, *query: str) -> int:
    return _json("search", *query, "--index", index)["total"]


def test_stats_counts_what_search_finds_in_each_mode(index):
    for query in (["碳化硅", "--expand"], ["碳化硅", "封装", "--same-sentence"], ["碳化硅", "封装", "--scope", "sentence"],
                  ["功率封装", "--fuzzy"], ["碳化硅", "认证", "--scope", "document"]):
        rows = _json("stats", *query, "--by", "type", "--index", index)["rows"]
        assert sum(r["passages"] for r in rows) == _total(index, *query), query
    by_region = {r["key"] for r in _json("stats", "碳化硅", "--expand", "--index", index)["rows"]}
    assert by_region == {"江苏省", "广东省", "北京市"}  # 广东's passages say SiC alone
    assert {r["key"] for r in _json("stats", "碳化硅", "--index", index)["rows"]} == {"江苏省", "北京市"}
    for by in ("city", "year", "segment", "region"):  # a zone under a municipality keyed as the engine keys it
        plain = _json("stats", "碳化硅", "--by", by, "--index", index)["rows"]
        moded = _json("stats", "碳化硅", "--scope", "document", "--by", by, "--index", index)["rows"]
        assert [r for r in plain if r["key"].startswith("北京")] == [r for r in moded if r["key"].startswith("北京")], by
    sentence = _json("stats", "碳化硅", "封装", "--same-sentence", "--index", index)["rows"]
    assert [(r["key"], r["passages"]) for r in sentence] == [("江苏省", 1)]  # 四's two terms stand in two sentences
    assert cli("stats", "功率封装", "--index", index).returncode == 1  # no passage holds the word as typed
    assert _json("stats", "功率封装", "--fuzzy", "--index", index)["rows"]


def test_trend_docs_compare_and_targets_take_expand(index):
    years = {r["key"]: r["passages"] for r in _json("trend", "碳化硅", "--expand", "--index", index)["rows"] if r["passages"]}
    assert years == {"2024": 1, "2025": 5}
    assert {r["title"][:3] for r in jsonl("docs", "碳化硅", "--expand", "--index", index)} == {"无锡市", "深圳市", "北京经"}
    assert {r["title"][:3] for r in jsonl("docs", "碳化硅", "--index", index)} == {"无锡市", "北京经"}
    regions = {r["region"]: r["total"] for r in _json("compare", "碳化硅", "-r", "江苏", "-r", "广东", "--expand", "--index", index)["regions"]}
    assert regions == {"江苏": 4, "广东": 1}
    rows = jsonl("targets", "碳化硅", "--expand", "--index", index)
    assert [(r["region"], r["value"], r["unit"], r["year"]) for r in rows if r["region"] == "深圳市"] == [("深圳市", 50, "亿元", 2024)]
    assert not [r for r in jsonl("targets", "碳化硅", "--index", index) if r["region"] == "深圳市"]


def test_two_scopes_on_a_view_are_refused(index):
    for view in ("stats", "trend", "docs", "targets"):
        done = cli(view, "碳化硅", "--same-sentence", "--scope", "document", "--index", index)
        assert done.returncode == 2 and "two scopes" in done.stderr, (view, done.stderr)


def test_json_says_which_modes_it_counted_in(index):
    """h-user39b: a saved --expand count could not be told from a plain one: every view's json gives its modes after its query."""
    for view in (("stats",), ("trend",), ("docs",), ("targets",), ("compare", "-r", "江苏", "-r", "广东")):
        payload = _json(*view, "碳化硅", "--expand", "--scope", "document", "--index", index)
        assert list(payload)[:2] == ["query", "modes"], view
        assert payload["modes"] == {"scope": "document", "fuzzy": False, "expand": True}, view

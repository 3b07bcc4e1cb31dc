"""A place named only as a partner or as a base is not what the passage is about (session 29; h-blind29g, h-user29).

- A zone's policy that encourages its firms to work with another zone (鼓励企业与两江新区开展产业协同…) was filed
  under that other zone.
- A city's report that builds a platform relying on its park (依托苏州工业园区和昆山…，到2025年全市…) was filed under
  the park, so `targets -r 苏州工业园区` listed the whole city's target as the park's.
Now a place after 与/同/联合… with 合作/协同/共建… after it is a partner, and a place after 依托 in a passage that
speaks for its region's own level (全市…) is a base; neither is the subject, nor is a place listed right after one.
Two places joined (深圳与东莞共建…) are both subjects still, and 依托X的…优势 is about X.  Through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl


def _placed(index: str, phrase: str) -> tuple[list[str], str]:
    hit = jsonl("search", phrase, "--index", index)[0]
    return hit["region_path"], hit["zone"]


def test_a_partner_zone_is_not_the_subject(tmp_path):
    policy = """重庆高新区支持智能网联汽车产业发展若干政策

第一条　对新建车规级芯片封测产线的企业，按设备投资额给予补助。

第二条　鼓励区内企业与两江新区开展产业协同，对跨区域配套项目给予奖励。

第三条　本政策自2026年3月1日起施行，有效期三年。
"""
    index = ingest_docs(tmp_path, {"policy.txt": policy})
    path, zone = _placed(index, "跨区域配套项目")
    assert zone != "两江新区", (path, zone)


def test_a_base_of_the_whole_city_is_not_the_subject(tmp_path):
    report = """2026年苏州市政府工作报告

二、2026年重点工作

（一）壮大氢能产业。依托苏州工业园区和太仓，建设氢能装备检测平台，到2026年全市氢能产业规模突破300亿元。

（二）培育量子信息产业。依托苏州工业园区的科研院所优势，建设量子精密测量产业园。

（三）深化区域合作。苏州与无锡共建新能源汽车零部件配套基地，推动两地产业链协同。
"""
    index = ingest_docs(tmp_path, {"report.txt": report})
    assert _placed(index, "氢能装备检测平台") == (["江苏省", "苏州市"], "")
    _, zone = _placed(index, "量子精密测量产业园")
    assert zone == "苏州工业园区"

"""A round-up that turns to its next city after naming the part of the country it lies in
(在西南，成都… / 华南地区，广州…): the city opens its section as if the aside were not there."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

TEXT = """三地加快建设城市算力调度平台

2025年以来，多个城市加快布局城市级算力调度平台，推动算力资源跨区域共享。

合肥率先上线城市算力调度平台，接入智算中心十余家，面向中小企业发放算力券。

在西南，成都依托超算中心建设算力交易撮合系统，为影视渲染企业提供按需调度服务。

华南地区，广州推动算力网络与工业互联网平台对接，支持汽车企业开展仿真研发。

业内人士认为，下一步应加快统一算力计量标准。
"""


def test_a_part_of_the_country_before_the_next_city(tmp_path):
    index = ingest_docs(tmp_path, {"suanli.txt": TEXT})

    def region(term: str) -> list[str]:
        return jsonl("search", term, "--index", index)[0]["region_path"]

    assert region("影视渲染") == ["四川省", "成都市"]
    assert region("仿真研发") == ["广东省", "广州市"]
    assert region("算力券") == ["安徽省", "合肥市"]

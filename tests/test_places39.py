"""A county-level city's short name in a list with a zone (h-user39: `推动昆山、苏州工业园区先进封装项目建设` in 苏州's report
was filed under the zone, as if the park alone were meant, so `-r 苏州工业园区` listed the city's target and `-r 昆山` did
not find it).  A county's short name alone is often a word (资源, 城区) and does not count; in a list of places (、 beside
another place) it is a place: the passage names two of the city's places and is the city's.  Our own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs

REPORT = """宁波市2025年政府工作报告

二、2025年重点工作

壮大汽车电子产业，推动余姚、宁波前湾新区车规级芯片封测项目建设，力争产业产值达到600亿元。

支持宁波前湾新区建设智能汽车零部件产业园，引进整车配套企业20家。
"""


def test_a_short_name_listed_beside_a_zone_makes_the_passage_the_citys(tmp_path):
    index = ingest_docs(tmp_path, {"ningbo.txt": REPORT})
    listed = first_hit(index, "车规级芯片封测")
    assert (listed["region_path"], listed["zone"]) == (["浙江省", "宁波市"], "")
    alone = first_hit(index, "智能汽车零部件产业园")
    assert (alone["region_path"], alone["zone"]) == (["浙江省", "宁波市"], "前湾新区")
    done = cli("search", "车规级芯片封测", "-r", "前湾新区", "--index", index)
    assert done.returncode == 1, done.stdout

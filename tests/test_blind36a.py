"""Classes from h-blind36a's runs (session 36), on texts in our own words, through the CLI.

- A plan being drafted names its period whichever comes first, the drafting or the plan's name (`做好《…“十五五”规划》
  编制工作`): the passage speaks for when the drafting is done.
- A district named again in brackets by its zone (`七星区（桂林高新区）完成产值…`) is one place: the passage is the
  district's, not the city's (the zone counted as a second place of the city)."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs


SUMMARY = """厦门市海沧区工业和信息化局2025年工作总结和2026年工作思路

一、2025年工作总结

全区集成电路产业营收同比增长14%，新引进设计企业12家。

二、2026年工作思路

（一）配合市工信局做好《厦门市集成电路产业“十五五”规划》编制工作，梳理全区重点项目。

（二）抓好全区“十五五”规划编制，年内完成初稿。

厦门市海沧区工业和信息化局
2025年12月18日
"""


def test_a_plan_being_drafted_named_before_the_drafting_adds_no_period(tmp_path):
    """h-blind36a M1: `做好《…“十五五”规划》编制工作` spread 2026–2030 over the passage; a plan being drafted names
    the period whichever comes first, the drafting verb or the plan (`编制…“十五五”发展规划` already)."""
    index = ingest_docs(tmp_path, {"总结.txt": SUMMARY})
    assert first_hit(index, "配合市工信局做好")["years"] == [2026]
    assert first_hit(index, "抓好全区")["years"] == [2026]



BULLETIN = """2025年前三季度桂林市电子信息产业运行分析

前三季度，全市规模以上电子信息制造业完成产值486亿元，同比增长11.2%。

分县区看，七星区（桂林高新区）完成产值198.6亿元，同比增长13.2%；临桂区完成产值121.4亿元，增长9.5%。

桂林市工业和信息化局
2025年10月20日
"""


def test_a_district_named_again_by_its_zone_in_brackets_is_one_place(tmp_path):
    index = ingest_docs(tmp_path, {"运行分析.txt": BULLETIN})
    assert first_hit(index, "完成产值198.6亿元")["region_path"] == ["广西壮族自治区", "桂林市", "七星区"]
    assert first_hit(index, "临桂区完成产值121.4亿元")["region_path"] == ["广西壮族自治区", "桂林市", "临桂区"]


CITY_NEWS = """北海电子信息产业加速集聚

本报讯（记者 李华）今年以来，北海市电子信息产业保持较快增长，前三季度规上企业营收同比增长15%。

广西壮族自治区工业和信息化厅有关负责人介绍，自治区将支持北海、钦州、防城港等地承接东部电子信息产业转移，到2027年全区电子信息产业规模力争突破万亿元。

北海市工业和信息化局有关负责人表示，全市将加快建设电子信息产业园二期。
"""


def test_a_provinces_own_department_speaking_in_a_city_story_is_the_provinces(tmp_path):
    """h-blind36a M5: `广西壮族自治区工业和信息化厅有关负责人介绍，自治区将…全区…` in a 北海 story stayed 北海; its
    province speaks (as `从全区看，…` already was the province's); the city's own department stays the city's."""
    index = ingest_docs(tmp_path, {"北海.txt": CITY_NEWS})
    assert first_hit(index, "到2027年全区电子信息产业规模")["region_path"] == ["广西壮族自治区"]
    assert first_hit(index, "全市将加快建设电子信息产业园二期")["region_path"] == ["广西壮族自治区", "北海市"]


XIANGYANG = """襄阳碳化硅功率模块首批产品下线

本报讯 12月2日，襄阳高新区一家功率半导体企业的碳化硅模块首批产品下线。

湖北省经济和信息化厅有关负责人在下线仪式上表示，全省正在加快建设“光芯屏端网”万亿级产业集群。

国家层面，今年5月国家集成电路产业投资基金三期注册成立，将为功率半导体企业带来更多资本支持。
"""


def test_a_province_speaking_at_an_event_and_the_national_level_are_theirs(tmp_path):
    """h-blind36c F: a province's department speaking after a few words of where (`…有关负责人在下线仪式上表示，全省…`)
    and a paragraph that opens on the national level (`国家层面，…`) stayed with the story's city."""
    index = ingest_docs(tmp_path, {"襄阳.txt": XIANGYANG})
    assert first_hit(index, "光芯屏端网")["region_path"] == ["湖北省"]
    assert first_hit(index, "国家集成电路产业投资基金三期")["region_path"] == ["全国"]

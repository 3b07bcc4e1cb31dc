"""Classes from h-blind35c's held-out run (session 35; fixed after it), on texts in our own words, through the CLI.

- A notice forwarding a notice that forwards another, each printed in full after the one before's signature: each
  printed text is its own body's (the city's, the province's), however the titles quote each other (《…〈…〉…》).
- A forwarding notice whose title words the forwarded text in short (关于转发集成电路企业培育工作通知的通知): a body's
  official title line right after the signature begins the forwarded text (a ministry's: 全国), and the notice's own
  date is its own signature's."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl

DOUBLE = """某县工业和信息化局
关于转发《徐州市工业和信息化局关于转发〈江苏省工业和信息化厅关于做好2025年度传感器产业项目储备工作的通知〉的通知》的通知
丰工信〔2025〕7号
各镇（街道）经发办：
现将《徐州市工业和信息化局关于转发〈江苏省工业和信息化厅关于做好2025年度传感器产业项目储备工作的通知〉的通知》转发给你们，请抓好落实。
我县重点储备压力传感器封装项目，请于4月3日前报送县工信局。
某县工业和信息化局
2025年3月21日
徐州市工业和信息化局关于转发《江苏省工业和信息化厅关于做好2025年度传感器产业项目储备工作的通知》的通知
徐工信发〔2025〕20号
各县（市、区）工业和信息化局：
现将省工业和信息化厅通知转发给你们，请于4月8日前将储备项目汇总后报送市工信局。
徐州市工业和信息化局
2025年3月18日
江苏省工业和信息化厅关于做好2025年度传感器产业项目储备工作的通知
苏工信电子〔2025〕51号
各设区市工业和信息化局：
一、储备方向。重点储备MEMS传感器设计、制造和封测项目。
二、报送要求。各设区市于4月15日前将储备清单报送省工业和信息化厅。
江苏省工业和信息化厅
2025年3月11日
"""

SHORT = """石家庄市工业和信息化局关于转发传感器培育通知的通知

各县（市、区）工业和信息化局：

现将《河北省工业和信息化厅关于转发〈工业和信息化部办公厅关于开展2024年度传感器企业梯度培育工作的通知〉的通知》转发给你们，请结合实际抓好落实。

石家庄市工业和信息化局
2024年6月12日

河北省工业和信息化厅关于转发《工业和信息化部办公厅关于开展2024年度传感器企业梯度培育工作的通知》的通知

各市工业和信息化局：

请各地于7月3日前将推荐材料报送省工业和信息化厅。

河北省工业和信息化厅
2024年6月6日

工业和信息化部办公厅关于开展2024年度传感器企业梯度培育工作的通知

各省、自治区、直辖市工业和信息化主管部门：

一、培育对象。在中国境内注册、从事传感器研发制造的企业。

工业和信息化部办公厅
2024年5月28日
"""


def test_a_twice_forwarded_notice_gives_each_printed_text_its_body(tmp_path):
    index = ingest_docs(tmp_path, {"notice.txt": DOUBLE.replace("某县", "丰县")})
    assert first_hit(index, "压力传感器封装项目")["region_path"] == ["江苏省", "徐州市", "丰县"]
    assert first_hit(index, "储备项目汇总后报送市工信局")["region_path"] == ["江苏省", "徐州市"]
    assert first_hit(index, "MEMS传感器设计")["region_path"] == ["江苏省"]


def test_a_forwarding_notice_titled_in_short_and_its_own_date(tmp_path):
    index = ingest_docs(tmp_path, {"notice.txt": SHORT})
    assert first_hit(index, "推荐材料报送省工业和信息化厅")["region_path"] == ["河北省"]
    assert first_hit(index, "传感器研发制造的企业")["region_path"] == ["全国"]
    (doc,) = jsonl("docs", "--all", "--index", index)
    assert doc["issued"] == "2024-06-12" and doc["region_path"] == ["河北省", "石家庄市"]


ANALYSIS = """2025年上半年全市集成电路产业运行分析

今年以来，全市集成电路产业保持平稳增长，上半年实现营收1200亿元。

二、分地区看

新吴区作为全市集成电路产业核心区，上半年实现营收610亿元。

江阴市封测企业订单饱满，营收增长14%。

宜兴市半导体材料营收增长19%。

锡山区电子元器件营收增长8%。

地区 | 营业收入（亿元） | 同比增长
新吴区 | 610 | 12%
江阴市 | 300 | 14%
宜兴市 | 70 | 19%

三、下阶段预测

预计下半年全市集成电路产业将保持平稳增长。
"""


def test_an_analysis_speaking_as_a_city_whose_sections_lie_in_one_city_is_the_citys(tmp_path):
    index = ingest_docs(tmp_path, {"analysis.md": ANALYSIS})
    (doc,) = jsonl("docs", "--all", "--index", index)
    assert doc["region_path"] == ["江苏省", "无锡市"]
    assert first_hit(index, "预计下半年全市")["region_path"] == ["江苏省", "无锡市"]
    assert first_hit(index, "封测企业订单饱满")["region_path"] == ["江苏省", "无锡市", "江阴市"]


PLAN = """河南省第三代半导体产业发展实施方案（2024—2026年）

二、区域布局

郑州市。建设第三代半导体材料和器件创新高地。

洛阳市。发展半导体硅材料和电子级多晶硅。

许昌市、南阳市、鹤壁市。许昌市重点发展电力装备用功率模块；南阳市发展半导体切磨抛装备；鹤壁市发展快充芯片封装。

三、保障措施

（一）加强人才引育。支持郑州大学、河南大学等高校建设集成电路学院。
"""


def test_a_list_lead_then_a_clause_a_place_and_a_university_named_after_a_city(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    assert first_hit(index, "电力装备用功率模块")["region_path"] == ["河南省", "许昌市"]
    assert first_hit(index, "快充芯片封装")["region_path"] == ["河南省", "鹤壁市"]
    assert first_hit(index, "高校建设集成电路学院")["region_path"] == ["河南省"]

"""A district whose name other cities share, told by its landmarks (session 30; h-blind30h).

A report of 通州区 that names neither 北京 nor 南通 came out 不详, and a plan of 普陀区 that named 上海 as a partner was
filed under 上海.  Now the places inside each of the districts sharing the name (data/landmarks.toml) tell which one
a text means: two of them or more decide before the places it names, one only when nothing else does; and a line
naming only partners (与重庆…合作) settles no shared name.  Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

TIANJIN = """和平区2026年商贸服务业工作要点

一、打造城市消费地标。推进五大道历史街区和滨江道商圈更新改造，引进首店品牌三十家。

二、发展数字文旅。支持小白楼楼宇经济提质，建设沉浸式演艺空间两处。
"""

GUIYANG = """白云区大数据产业发展简报

沙文生态科技产业园新入驻数据中心项目两个，新增机架四千架。

麦架片区铝及铝加工企业完成智能化改造六家，带动配套企业二十家。
"""

NINGBO = """江北区关于推进工业设计产业发展的实施意见

一、支持慈城古县城打造工业设计小镇，对入驻设计机构给予三年租金补贴。

二、推动老外滩片区建设设计成果展示中心。

三、鼓励区内企业与重庆、成都的整机企业开展合作，拓展西部市场。
"""


def _region(index: str, phrase: str) -> list[str]:
    return jsonl("search", phrase, "--index", index)[0]["region_path"]


def test_landmarks_tell_which_district(tmp_path):
    index = ingest_docs(tmp_path, {"tianjin.txt": TIANJIN, "guiyang.txt": GUIYANG})
    assert _region(index, "滨江道商圈") == ["天津市", "和平区"]
    assert _region(index, "新增机架") == ["贵州省", "贵阳市", "白云区"]


def test_a_partner_city_does_not_decide_it(tmp_path):
    index = ingest_docs(tmp_path, {"ningbo.txt": NINGBO})
    assert _region(index, "工业设计小镇") == ["浙江省", "宁波市", "江北区"]

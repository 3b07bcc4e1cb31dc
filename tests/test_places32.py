"""Places and types in policy explanations, speeches and local texts quoting national bodies (session 32,
h-blind32a).

- A passage whose lead makes a national body its subject (`国家对…实行…`, `根据财政部、税务总局的有关公告，…`,
  `工业和信息化部有关负责人介绍，…`) tells national policy: 全国, in a local text or a round-up.
- In a 政策解读 of a province's policy by a city body, an answer that speaks of the province's own (`省级财政`,
  `全省`) and never of the city's (`我市`, `市级`) is the province's.
- `答：` and `问：` are lead prefixes: `答：镇江市依托…` in a 南京 page is 镇江市's.
- A title ending `…》的政策解读` is the title and the type 政策解读; `…大会上的讲话` is 讲话.
Through the CLI, on texts in our own words."""

from __future__ import annotations

from tests.conftest import first_hit, ingest_docs, jsonl

QA = """南京市工业和信息化局关于《江苏省促进功率半导体产业发展若干措施》的政策解读

发布日期：2025-05-12　来源：南京市工业和信息化局

问一：《措施》对企业有哪些支持？

答：对新建车规级功率器件产线的企业，省级财政按设备投资的百分之十五给予补助，单个项目最高三千万元。

问二：我市如何配套？

答：我市对获得省级补助的企业按一比零点五给予配套，市级资金由市工业和信息化局统筹。

问三：周边城市有哪些安排？

答：镇江市依托功率模块封装基地，今年将新增测试产线两条。

问四：税收政策如何享受？

答：根据财政部、税务总局的有关公告，符合条件的功率半导体企业可按规定享受研发费用加计扣除。
"""

SPEECH = """在全市传感器产业发展推进会上的讲话

同志们：

这次会议的主要任务是部署今年全市传感器产业发展工作。

国家对符合条件的传感器设计企业实行所得税减免优惠，我们要用足用好。

无锡市人民政府
2025年3月6日
"""


def test_an_answer_on_the_provinces_policy_is_the_provinces(tmp_path):
    index = ingest_docs(tmp_path, {"qa.txt": QA})
    assert first_hit(index, "按设备投资的百分之十五")["region"] == "江苏省"
    assert first_hit(index, "按一比零点五给予配套")["region"] == "南京市"


def test_an_answer_opening_on_another_city_is_that_citys(tmp_path):
    index = ingest_docs(tmp_path, {"qa.txt": QA})
    assert first_hit(index, "功率模块封装基地")["region"] == "镇江市"


def test_a_national_bodys_lead_is_national(tmp_path):
    index = ingest_docs(tmp_path, {"qa.txt": QA, "speech.txt": SPEECH})
    assert first_hit(index, "研发费用加计扣除")["region"] == "全国"
    assert first_hit(index, "所得税减免优惠")["region"] == "全国"


def test_explanation_and_speech_titles_and_types(tmp_path):
    index = ingest_docs(tmp_path, {"qa.txt": QA, "speech.txt": SPEECH})
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in jsonl("docs", "--all", "--index", index)}
    assert docs["qa.txt"]["title"].endswith("若干措施》的政策解读") and docs["qa.txt"]["doc_type"] == "政策解读"
    assert docs["speech.txt"]["title"] == "在全市传感器产业发展推进会上的讲话" and docs["speech.txt"]["doc_type"] == "讲话"

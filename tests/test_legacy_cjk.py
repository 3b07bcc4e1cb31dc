"""GB18030 or Big5 (readers/legacy_cjk.py): text saved in GBK, GB18030, Big5, Windows cp950 or
Big5-HKSCS is read as written, from two characters to a long file, and neither is read as the
other (Big5 bytes nearly always decode as GB18030, short GB text often as Big5)."""

from __future__ import annotations

import pytest

from icpolicy.readers import read

SIMPLIFIED = [
    "晶圆",  # ("芯片" in GBK happens to be valid UTF-8, "оƬ": two characters cannot tell)
    "人才公寓",
    "先进封装",
    "苏州工业园区支持晶圆代工企业扩产。",
    "高新区集成电路设计企业首次流片给予补助，最高不超过五百万元。",
    "到2027年，全市半导体产业规模突破一千亿元，形成较为完整的产业链。",
    "对新引进的封装测试项目，按设备投资额的百分之十给予奖励。",
    "加快建设第三代半导体材料中试平台，推动碳化硅衬底国产化。",
    "各区县要加强组织领导，明确责任分工，确保各项任务落到实处。",
]
TRADITIONAL = [
    "晶片",
    "人才公寓",
    "先進封裝",
    "蘇州工業園區支援晶圓代工企業擴產。",
    "高新區積體電路設計企業首次流片給予補助，最高不超過五百萬元。",
    "到2027年，全市半導體產業規模突破一千億元，形成較為完整的產業鏈。",
    "對新引進的封裝測試專案，按裝置投資額的百分之十給予獎勵。",
    "加快建設第三代半導體材料中試平臺，推動碳化矽襯底國產化。",
    "各區縣要加強組織領導，明確責任分工，確保各項任務落到實處。",
]
LONG_SIMPLIFIED = "\n".join(SIMPLIFIED[3:]) * 40
LONG_TRADITIONAL = "\n".join(TRADITIONAL[3:]) * 40


def _read(tmp_path, text: str, encoding: str):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    return read(path)[0]


@pytest.mark.parametrize("text", SIMPLIFIED + [LONG_SIMPLIFIED], ids=lambda t: t[:8])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gb_text_is_read_as_gb(tmp_path, text, encoding):
    raw = _read(tmp_path, text, encoding)
    assert raw.text == text
    assert raw.encoding == "gb18030"


@pytest.mark.parametrize("text", TRADITIONAL + [LONG_TRADITIONAL], ids=lambda t: t[:8])
@pytest.mark.parametrize("encoding", ["big5", "cp950", "big5hkscs"])
def test_big5_text_is_read_as_big5(tmp_path, text, encoding):
    raw = _read(tmp_path, text, encoding)
    assert raw.text == text
    assert raw.encoding.startswith(("big5", "cp950"))


def test_gb18030_four_byte_characters_and_big5_extensions(tmp_path):
    # a character only GB18030's four-byte part has, in a mainland file
    assert _read(tmp_path, "𠀾城镇集成电路产业园开工建设。", "gb18030").text == "𠀾城镇集成电路产业园开工建设。"
    # Hong Kong Cantonese characters (HKSCS) and the euro sign of Windows Big5
    assert _read(tmp_path, "香港嘅晶片設計公司獲得資助。", "big5hkscs").text == "香港嘅晶片設計公司獲得資助。"
    assert _read(tmp_path, "設備採購金額按€計算，由園區補助。", "cp950").text == "設備採購金額按€計算，由園區補助。"


def test_a_declared_big5_page_is_read(tmp_path):
    page = "<html><head><meta charset='big5'><title>竹科</title></head><body><p>竹科管理局推動先進封裝產業聚落。</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5"))
    assert "竹科管理局推動先進封裝產業聚落" in read(path)[0].text


def test_utf8_read_as_latin_is_put_back_or_refused_and_latin_text_is_left_alone():
    from icpolicy.errors import ExtractionError
    from icpolicy.models import RawText
    from icpolicy.readers.garbled import check

    chinese = "龙岩市支持稀土功能材料和半导体封装材料企业做大做强。"
    shown = chinese.encode("utf-8").decode("cp1252", "replace")  # five bytes cp1252 lacks become U+FFFD
    lossless = chinese.encode("utf-8").decode("latin-1")
    assert check("a.html", RawText(lossless, "plain", "", "iso-8859-1")).text == chinese
    with pytest.raises(ExtractionError, match="garbled text"):
        check("b.html", RawText(shown * 3, "plain", "", "windows-1252"))
    western = "Café in Xiamen: naïve résumé — “quoted” ©2024 ±5%, Müller & Ørsted"
    assert check("c.txt", RawText(western, "plain", "", "utf-8")).text == western

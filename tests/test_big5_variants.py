"""The circled numbers ①-⑩ of a Big5 file read right whichever vendor's Big5 wrote it (Windows cp950
sets them at C7E9-C7F2, Big5-HKSCS at C6A1-C6AA, and each reads the other's as kana), and a GBK
file's stay GBK's (readers/legacy_cjk.order): ingested, read whole and streamed, and shown through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy

NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩"
ITEMS = ["晶圓製造", "封裝測試", "設計服務", "人才培育", "研發中心", "產業園區", "投資基金", "設備採購", "稅收優惠", "國際合作"]
BIG5_TEXT = "新竹縣半導體產業補助要點\n補助項目如下：" + "".join(n + item + "；" for n, item in zip(NUMBERS, ITEMS)) + "\n新竹縣政府\n"
GBK_ITEMS = ["晶圆制造", "封装测试", "设计服务", "人才培育", "研发中心", "产业园区", "投资基金", "设备采购", "税收优惠", "国际合作"]
GBK_TEXT = "无锡市集成电路产业扶持办法\n扶持方向如下：" + "".join(n + item + "；" for n, item in zip(NUMBERS, GBK_ITEMS)) + "\n无锡市人民政府\n"
FILES = {"big5-windows.txt": ("cp950", BIG5_TEXT), "big5-hkscs.txt": ("big5hkscs", BIG5_TEXT), "gbk.txt": ("gbk", GBK_TEXT),
         "gb18030.txt": ("gb18030", GBK_TEXT.replace("无锡", "常州"))}


@pytest.fixture(scope="module", params=["whole", "streamed"])
def index(request, tmp_path_factory):
    home = tmp_path_factory.mktemp(request.param)
    docs = home / "docs"
    docs.mkdir()
    for name, (encoding, text) in FILES.items():
        (docs / name).write_bytes(text.encode(encoding))
    extra = {"ICPOLICY_STREAM_MB": "0.0001"} if request.param == "streamed" else {}
    done = icpolicy("ingest", docs, "--index", home / "ix", home=home, **extra)
    assert done.returncode == 0, done.err
    return home


@pytest.mark.parametrize("name", sorted(FILES))
def test_circled_numbers_read_right_in_every_code_page(index, name):
    listed = json.loads(icpolicy("docs", "--index", index / "ix", "-f", "json", home=index).out)["documents"]
    doc = next(d for d in listed if d["source"].endswith(name))
    shown = json.loads(icpolicy("show", doc["doc_id"], "--index", index / "ix", "-f", "json", home=index).out)
    text = "".join(p["text"] for p in shown["passages"])
    expected = FILES[name][1].split("\n")[1]
    assert expected in text, text
    assert not any("\u3040" <= ch <= "\u30ff" for ch in text), text  # no kana: what the other vendor's Big5 makes of them

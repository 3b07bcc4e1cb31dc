"""The decoder's plausibility check counts characters by runs (readers/encoding.py): it must give
the verdicts of counting character by character, and still turn mojibake away."""

from __future__ import annotations

import re
from pathlib import Path

from icpolicy.readers import encoding

TEXT = ("为加快集成电路产业发展，市政府决定设立专项资金，支持芯片设计、制造和封装测试企业做大做强。"
        "对首次流片的企业给予补贴；对引进的高层次人才给予安家补助。本办法自发布之日起施行。") * 20


def _reference(text: str) -> bool:
    """The check as first written: one string per CJK character."""
    if not text:
        return True
    sample = text[:20000]
    if len(encoding._CONTROL.findall(sample)) > max(3, len(sample) // 200):
        return False
    cjk = re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", sample)
    if cjk and len(encoding.MOJIBAKE.findall(sample)) > max(2, len(cjk) // 100):
        return False
    if len(cjk) >= 30 and sum(map(encoding._common_hanzi().__contains__, cjk)) < 0.2 * len(cjk):
        return False
    if cjk and len(re.findall(r"[\u4e00-\u9fa5]", sample)) < 0.9 * len(cjk):
        return False
    return True


def test_run_counts_give_the_per_character_verdicts():
    samples = [
        TEXT,
        TEXT.encode("utf-8").decode("gb18030", errors="replace"),    # UTF-8 bytes read as GBK
        TEXT.encode("gb18030").decode("utf-8", errors="replace"),    # GBK bytes read as UTF-8
        TEXT.encode("utf-8").decode("latin-1"),
        "鑻忓窞甯傛敮鎸佽姱鐗囪璁′紒涓氬彂灞曠殑鑻ュ共鎺柦" * 10,
        "㐀㐁㐂㐃㐄㐅㐆㐇㐈㐉" * 10 + TEXT[:40],                          # rare ideographs outside the common range
        "Policy text in English only, no ideographs at all.",
        "",
    ]
    verdicts = [encoding.plausible(s) for s in samples]
    assert verdicts == [_reference(s) for s in samples]
    assert verdicts[0] is True and verdicts[1] is False and verdicts[4] is False


def test_declared_charset_that_gives_mojibake_falls_back_to_utf8():
    text, name = encoding.decode(Path("通知.html"), TEXT.encode("utf-8"), declared="gbk")
    assert (text, name) == (TEXT, "utf-8")
    text, name = encoding.decode(Path("通知.txt"), TEXT.encode("gb18030"))
    assert (text, name) == (TEXT, "gb18030")


def test_class_counts_are_the_character_by_character_counts():
    import random

    common = sorted(encoding._common_hanzi())
    # the edges of every range the counts use, characters on both sides of them, a character
    # outside the BMP (a surrogate pair in UTF-16), rare and common hanzi, mojibake, ASCII
    edges = [chr(c) for c in (0x33FF, 0x3400, 0x3401, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FA5, 0x9FA6, 0x9FFF, 0xA000, 0x20000, 0xFF0C)]
    pool = edges + common[:200] + list("㐀㐁鍙鐨锟斤拷Ãâ€，。a1 \n") + [chr(0x4E00 + k * 97) for k in range(200)]
    rng = random.Random(15)
    for text in [TEXT, "", *("".join(rng.choice(pool) for _ in range(rng.randint(1, 300))) for _ in range(400))]:
        cjk = [c for c in text if "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"]
        expected = (len(cjk), sum(c in encoding._common_hanzi() for c in cjk), sum("\u4e00" <= c <= "\u9fa5" for c in text))
        assert encoding.class_counts(text) == expected, text

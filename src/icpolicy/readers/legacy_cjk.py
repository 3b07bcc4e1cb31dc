"""Which legacy Chinese code page bytes are in: GB18030 (GBK, GB2312: mainland) or Big5
(Big5-HKSCS, Windows cp950: Taiwan, Hong Kong).

Both are double-byte codes over nearly the same byte ranges, so Big5 text nearly always decodes
as GB18030 (as rare hanzi, kana, Greek and private-use characters: "新竹市" reads "穝λカ"), and
short GB text often decodes as Big5.  Which one it is shows in what the text is made of: read in
the right code page, most of its ideographs are common hanzi (data/common_hanzi.txt, in either
the simplified or the traditional form, by data/t2s.txt) and its punctuation is CJK or
full-width; read in the wrong one, few are.  tests/test_legacy_cjk.py measures this on GBK,
GB18030 and Big5 samples from two characters to several thousand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import read_text

GB, BIG5 = "gb18030", "big5hkscs"
# Big5 as Windows writes it (cp950) has a few code points Big5-HKSCS lacks, e.g. the euro sign, and
# sets the vendor rows apart differently: the circled numbers ①-⑩ are C6A1-C6AA in Big5-HKSCS (ETEN),
# C7E9-C7F2 in cp950, and each reads the other's as kana
BIG5_FALLBACK = "cp950"
SAMPLE_BYTES = 65536
_PUNCTUATION = "\u3000-\u303f\uff01-\uff5e"
# the numbers Chinese documents set their lists with: Ⅰ-ⅿ, ①-⒛ (circled, bracketed, with a stop), ㈠-㈩
_LIST_NUMBERS = "\u2160-\u217f\u2460-\u249b\u3220-\u3229"


def order(data: bytes) -> list[str]:
    """GB18030 and the Big5 code pages, the one the bytes read best in first (GB18030 on a tie, then
    Big5-HKSCS before cp950)."""
    sample = data[:SAMPLE_BYTES]
    scores = {name: score(sample.decode(name, "replace")) for name in (GB, BIG5, BIG5_FALLBACK)}
    big5 = sorted((BIG5, BIG5_FALLBACK), key=lambda name: -scores[name])
    return [*big5, GB] if scores[big5[0]] > scores[GB] else [GB, *big5]


def score(text: str) -> float:
    """The share of a text's non-ASCII characters that are common hanzi (either form), CJK punctuation or list numbers."""
    text = text[:20000]
    others = len(text) - len(_ASCII_OR_SPACE.findall(text))
    if not others:
        return 0.0
    return len(_common().findall(text)) / others


_ASCII_OR_SPACE = re.compile(r"[\x00-\x7f\s]")


@lru_cache(maxsize=1)
def _common() -> re.Pattern:
    return re.compile("[" + "".join(sorted(common_hanzi())) + _PUNCTUATION + _LIST_NUMBERS + "]")


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The common hanzi, with the traditional forms of those that have one."""
    simplified = frozenset("".join(line for line in read_text("common_hanzi.txt").splitlines() if not line.startswith("#")))
    traditional = set()
    for line in read_text("t2s.txt").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            if simp in simplified:
                traditional.add(trad)
    return simplified | traditional

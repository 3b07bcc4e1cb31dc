"""How dates are written: one form for the ways of writing them, and a line that is a date.

Policy texts write 2025年3月10日, ２０２５年３月１０日, 2025-03-10, 2025.3.10 and 二〇二五年三月十日;
the rules that read years (years.py) and document facts (facts.py) read them through plain().
"""

from __future__ import annotations

import re
from functools import lru_cache

DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a date ending a one-line signature: a day, or only the month (准格尔旗人民政府办公室　2026年1月)
SIGNED = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$")

# what NFKC would do to the characters dates are written with (fullwidth digits, －, ～, spaces),
# at a fraction of its cost on long passages
_DATE_FORMS = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "－": "-", "～": "~", "\u3000": "", " ": "",
                             "\u00a0": "", "\u2002": "", "\u2003": "", "\u2009": ""})


_DATE_FORM_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DATE_FORMS)) + "]")


# a date written in Chinese numerals (二〇二五年一月八日, 二〇二四年度, 一九五六年)
_CN_WRITTEN = re.compile(r"([〇○零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")


def _arabic(match: re.Match) -> str:
    try:
        parts = [cn_number(g) if g else 0 for g in match.groups()]
    except (KeyError, IndexError):
        return match.group()
    year, month, day = parts
    if not 1900 <= year <= 2099 or month > 12 or day > 31:
        return match.group()
    return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")


# … and a year in Chinese numerals opening a range without its 年 (（二〇二四—二〇二六年）)
_CN_RANGE_START = re.compile(r"([〇○零一二三四五六七八九]{4})(?=\s*[-~～—–－至到]+\s*[〇○零一二三四五六七八九\d]{4})")


def _arabic_start(match: re.Match) -> str:
    try:
        year = cn_number(match.group(1))
    except (KeyError, IndexError):
        return match.group()
    return str(year) if 1900 <= year <= 2099 else match.group()


@lru_cache(maxsize=1024)  # (the year rules read a passage, and its head, two or three times each)
def plain(text: str) -> str:
    """The text with its dates in one form: ASCII digits and signs, no spaces, Chinese-numeral years and dates in digits."""
    # most passages hold none of these characters: one regex scan instead of a table lookup per character
    folded = text.translate(_DATE_FORMS) if _DATE_FORM_CHARS.search(text) else text
    if "FY" in folded or "财年" in folded:
        folded = _FISCAL.sub(lambda m: (m.group(1) or m.group(2)) + "年", folded)  # FY2024, 2024财年: the year 2024
    if "学年" in folded or "届" in folded:
        folded = _SCHOOL.sub(_school_years, folded)  # 2023—2024学年: both years; 2024届毕业生: the year 2024
    if "年" not in folded:
        return folded
    return _CN_RANGE_START.sub(_arabic_start, _CN_WRITTEN.sub(_arabic, folded))


_FISCAL = re.compile(r"FY\s*((?:19|20)\d{2})(?!\d)|((?:19|20)\d{2})\s*财年")
# A school year written as its two calendar years (2023—2024学年, 2023/2024学年度) and a class by the year it
# graduates (2024届毕业生): years as a text states them (since session 68)
_SCHOOL = re.compile(r"((?:19|20)\d{2})\s*[-~～—–－/至]\s*((?:19|20)\d{2})\s*学年度?|(?<![第\d])((?:19|20)\d{2})\s*届")


def _school_years(match: re.Match) -> str:
    if match.group(3):
        return match.group(3) + "年届"
    first, second = int(match.group(1)), int(match.group(2))
    return f"{first}—{second}年" if second == first + 1 else match.group()


NUMERIC_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = re.compile(r"([〇○零OＯ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def cn_number(text: str) -> int:
    """二〇二五 → 2025 (four digits), 十二 → 12; KeyError or IndexError when it is no such number."""
    if len(text) == 4:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if text.endswith("十"):
        return _CN_DIGITS[text[0]] * 10
    if "十" in text:
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[-1]]
    return _CN_DIGITS[text]


def count(numeral: str) -> int:
    """3 or 三 or 两 → the number (a term's or a stretch's years: 有效期三年, 用两年时间); 0 when it is none."""
    try:
        return int(numeral) if numeral.isdigit() else cn_number(numeral.replace("两", "二"))
    except (KeyError, IndexError):
        return 0


# a character no date line holds: no date pattern below matches one, and plain() leaves it as it is
_NOT_IN_DATES = re.compile(r"[^\s\d年月日〇○零OＯ一二三四五六七八九十\-/.－～~（）()]")


def line_date(text: str) -> str:
    """The ISO date of a line that is a date and nothing else (a signature date), or ""."""
    if _NOT_IN_DATES.search(text):
        return ""  # (most lines: a look at their first characters instead of plain()'s scans)
    line = plain(text).strip("（）()")
    match = DATE.fullmatch(line) or NUMERIC_DATE.fullmatch(line)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _CN_DATE.fullmatch(line)
        if not match:
            return ""
        try:
            year, month, day = (cn_number(g) for g in match.groups())
        except (KeyError, IndexError):
            return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 and 1949 <= year <= 2100 else ""

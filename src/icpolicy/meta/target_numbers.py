"""The value of a number extract found, and the bare numbers of a 、 list that share its unit.

Pure helpers of meta/targets.py (比上年提高3.9、2.0、2.9个百分点: three quantities in 个百分点).
"""

from __future__ import annotations

import re

from icpolicy.meta.target_patterns import CN_DIGITS
from icpolicy.meta.target_rules import Rules

_CN_POWERS = {"十": 10, "百": 100, "千": 1000}
_CN_MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
_LISTED = re.compile(r"(?:(?<![\d.,])\d+(?:\.\d+)?、)+$")  # 3.9、2.0、 right before the list's last number
_BARE = re.compile(r"\d+(?:\.\d+)?")


class Listed:
    """A bare number of a 、 list read with the unit of the list's last number (提高[3.9]、2.0、2.9个百分点): it
    answers what extract asks of a regex match."""

    def __init__(self, start: int, end: int, text: str, last: re.Match):
        self._span, self._text, self._unit = (start, end), text, last.group("unit")

    def group(self, name=0):
        return self._text if name in (0, "value") else self._unit if name == "unit" else None

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def span(self) -> tuple[int, int]:
        return self._span


def with_listed(matches: list, text: str, r: Rules) -> list:
    """The matches, each Arabic number with a unit preceded by the bare numbers of its 、 list (no ordinal's mark
    before the list: 第1、2批 is none) as quantities of that unit."""
    out = []
    for match in matches:
        # (the list's last 、 ends right before the number, or before a newline there: `$`)
        listed = _LISTED.search(text, max(0, match.start() - 60), match.start()) \
            if match.group("value") and "、" in text[max(0, match.start() - 2):match.start()] else None
        if listed and text[listed.start() - 1:listed.start()] not in r.ordinal_marks:
            out += [Listed(m.start(), m.end(), m.group(0), match)
                    for m in _BARE.finditer(text, listed.start(), listed.end())]
        out.append(match)
    return out


PRECISION = 15  # significant digits a double (and a spreadsheet cell) holds exactly


def beyond_precision(match) -> bool:
    """True when a match's figure in digits has more significant digits than PRECISION: read as a number it would
    come out as one the document never states (12345678901234567890 as …67168), so it is no quantity."""
    digits = (match.group("value") or "").replace(",", "").replace(".", "").lstrip("0")
    return len(digits) > PRECISION and digits.isdigit()


def value_of(match) -> float:
    """The number a match reads, in its unit (八成 → 80, 三分之一 → 33.33, 破亿 → 1)."""
    if match.group("tenth"):
        return number(match.group("tenth")) * 10
    if match.group("bare") is not None:
        return 1.0
    if match.group("part"):
        return round(int(match.group("part")) / int(match.group("whole")) * 100, 2)
    if match.group("den"):
        den, num = match.group("den"), match.group("num")
        return round(number(num) / (100 if den == "百" else number(den)) * 100, 2)
    return number(match.group("value") or match.group("cn"))


def number(text: str) -> float:
    """12 / 1,200 / 3.5 / 三十 / 一百二十 / 千 / 一万二千 / 七点二 as a number."""
    if text[0].isdigit():
        return float(text.replace(",", ""))
    whole, _, decimals = text.partition("点")
    total, section, digit = 0, 0, 0
    for ch in whole:
        if ch in _CN_POWERS:
            section += (digit or 1) * _CN_POWERS[ch]
            digit = 0
        elif ch in _CN_MAGNITUDES:
            total += (section + digit) * _CN_MAGNITUDES[ch]
            section = digit = 0
        else:
            digit = CN_DIGITS[ch]
    fraction = float("0." + "".join(str(CN_DIGITS[ch]) for ch in decimals)) if decimals else 0.0
    return float(total + section + digit) + fraction

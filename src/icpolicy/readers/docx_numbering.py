"""The numbers Word writes in front of list paragraphs (numbering.xml), which the text itself does not hold: a
regulation's 第一条, a plan's 一、 and （二） typed as an automatic list.  A paragraph's number is its list's
level text (第%1条, %1、, （%2）) with each level's counter in its format (decimal, 一二三, ①, A…), counted in
document order: a level counts on from its last number, and a number at one level starts the levels below
it again.  Symbols inserted from a symbol font (w:sym: ±, ≥, ≤ set in Symbol) are read as the characters
they show.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# characters of the Symbol font (its code points, or the same in the private-use block Word writes: F0B1)
_SYMBOL_FONT = {0xB1: "±", 0xB3: "≥", 0xA3: "≤", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xB9: "≠", 0xBB: "≈", 0xAE: "→",
                0xAC: "←", 0xAD: "↑", 0xAF: "↓", 0xD6: "√", 0xA5: "∞", 0xB7: "•", 0xBC: "…", 0x2D: "−", 0x61: "α",
                0x62: "β", 0x67: "γ", 0x64: "δ", 0x6D: "μ", 0x70: "π", 0x53: "Σ", 0x57: "Ω", 0xA2: "′", 0xB2: "″"}


def numbered(label: str, text: str) -> str:
    """A paragraph's text after its list number (Word's automatic numbers, a markdown ordered list's): a space between
    them, unless the number ends on its own mark (一、 （二） 1.) and the text does not open on a digit or a Latin letter
    (1. 2010年… is no 1.2010)."""
    if not label or not text:
        return text
    joined = label[-1] in "、，.．)）]】" and not (text[:1].isascii() and text[:1].isalnum())
    return label + ("" if joined else " ") + text


def symbol(sym) -> str:
    """The character a w:sym element shows: a Symbol-font character by that font's table, any other
    character code as itself; "" for a dingbat of another font (a bullet's picture, not text)."""
    try:
        code = int(sym.get(f"{_W}char", ""), 16)
    except ValueError:
        return ""
    font = (sym.get(f"{_W}font") or "").lower()
    plain = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    if font == "symbol":
        return _SYMBOL_FONT.get(plain, "")
    if 0xF000 <= code <= 0xF0FF:
        return ""  # Wingdings and the like
    return chr(code)


def _chinese(n: int) -> str:
    """一 … 九百九十九 (十, 十一, 二十一, 一百零五, 一百一十), beyond that digit by digit."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = "" if not rest else "零" + _DIGITS[rest] if rest < 10 else ("一" if rest < 20 else "") + _chinese(rest)
        return _DIGITS[hundreds] + "百" + tail
    return "".join(_DIGITS[int(d)] for d in str(n))


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                           (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


_FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "chineseCounting": _chinese, "chineseCountingThousand": _chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10], "taiwaneseCountingThousand": _chinese,
    "japaneseCounting": _chinese, "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})", "decimalFullWidth": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "upperLetter": _letters, "lowerLetter": lambda n: _letters(n).lower(), "upperRoman": _roman, "lowerRoman": lambda n: _roman(n).lower(),
}


class Numbering:
    """The numbering definitions of a document and the counters of its lists, advanced paragraph by paragraph."""

    def __init__(self, root, styles_root=None):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> level -> (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}  # style id -> (numId, level) a style numbers its paragraphs with
        if root is None:
            return
        abstract = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{_W}lvl"):
                fmt, text, start = (lvl.find(f"{_W}{name}") for name in ("numFmt", "lvlText", "start"))
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (_val(fmt, "decimal"), _val(text, ""), int(_val(start, "1") or 1))
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(_val(ref, ""), {}))
            for override in num.iterchildren(f"{_W}lvlOverride"):
                level, start = int(override.get(f"{_W}ilvl", "0")), override.find(f"{_W}startOverride")
                if start is not None and level in levels:
                    levels[level] = (*levels[level][:2], int(_val(start, "1") or 1))
            self.levels[num.get(f"{_W}numId")] = levels
        for style in (styles_root.iterchildren(f"{_W}style") if styles_root is not None else ()):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{_W}styleId")] = (_val(num_pr.find(f"{_W}numId"), ""), int(_val(num_pr.find(f"{_W}ilvl"), "0") or 0))

    def label(self, p) -> str:
        """The number Word shows before paragraph p ("" when it is no numbered paragraph), counting it."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        style = p.find(f"{_W}pPr/{_W}pStyle")
        num_id, level = self.style_num.get(_val(style, ""), ("", 0))
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{_W}numId"), num_id)
            level = int(_val(num_pr.find(f"{_W}ilvl"), str(level)) or 0)
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""  # numId 0: numbering switched off
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a number at one level starts the levels below again
        fmt, text, _ = levels[level]
        if fmt in ("bullet", "none") or not text:
            return ""
        out = text
        for k in range(9):
            if f"%{k + 1}" in out:
                n = counters.get(k, levels.get(k, ("decimal", "", 1))[2])
                out = out.replace(f"%{k + 1}", _FORMATS.get(levels.get(k, (fmt,))[0], str)(n))
        return out


def _val(node, default: str) -> str:
    return node.get(f"{_W}val", default) if node is not None else default

"""Search normalisation: the one definition of "the same text" for index and query.

A character is normalised on its own: NFKC (full-width = half-width, Kangxi radicals =
ideographs), lower case, traditional -> simplified (OpenCC's t2s per character, from
data/t2s.txt, rare ideographs beyond the BMP too), every dash and tilde (Pd, − ~ ～ ∼ ⁓) -> "-", and whitespace, zero-width
marks and a table row's cell mark (`|`, ｜: models.CELL_SEPARATOR, a gap between cells as a space is; since session 57)
dropped; repeated until nothing changes, so normalising twice changes nothing.  Working per character keeps an exact map from every
normalised character back to the original one, which is what highlight spans are built from.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from icpolicy.models import CELL_SEPARATOR

# marks that draw nothing: zero-width spaces and joiners, the byte-order mark, the soft hyphen (clean.py drops them
# from a text), and the variation selectors that pick a glyph (芯︀, an ideographic variation sequence; 1️⃣), which a
# text keeps as it shows them: its search form drops them all
CELL_MARK = CELL_SEPARATOR.strip()  # (what a row's cells are joined by, less its spaces)
ZERO_WIDTH = frozenset({"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"})
INVISIBLE = ZERO_WIDTH | {chr(c) for c in range(0xFE00, 0xFE10)} | {chr(c) for c in range(0xE0100, 0xE01F0)}
# Dashes and tildes that join a range (2024—2026年, 2024-2026年, 2024～2026年) are one character
# in the search form: "-": every character of Unicode's dash punctuation (Pd), the minus sign, and the
# tildes and swung dashes (~ ～ ∼ ⁓).  (至 is a word of its own, 甚至, 至今: not folded.)
DASHES = frozenset("-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
                   "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
                   "\u2212~\u223c\uff5e\u2053")


@lru_cache(maxsize=1)
def _t2s() -> dict[str, str]:
    """Traditional -> simplified, per character: OpenCC's t2s table as written to data/t2s.txt
    by scripts/make_t2s.py (reading it costs ~1 ms, on every one-shot search; loading OpenCC ~60 ms)."""
    import os

    # a plain path, not importlib.resources: this is on every one-shot search, and that import costs more than the file
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "t2s.txt")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    body = text
    while body.startswith("#"):  # the header
        body = body[body.find("\n") + 1 :] if "\n" in body else ""
    n = len(body) // 4
    if len(body) == 4 * n and body[1::4] == "\t" * n and body[3::4] == "\n" * n:  # "T\tS\n" lines, as written: sliced, not split
        return dict(zip(body[0::4], body[2::4]))
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


def t2s_table(keep: frozenset[str] = frozenset()) -> dict[int, str]:
    """A str.translate table taking each traditional ideograph to its simplified one (t2s per
    character, so offsets stay), except the characters in keep (乾 of 乾县 stays 乾)."""
    return str.maketrans({t: s for t, s in _t2s().items() if t not in keep})


def simplified(text: str) -> str:
    """text with every traditional ideograph simplified (t2s per character, offsets kept).  A regex
    test first: most text holds none, and it is ~10x cheaper than the translation it spares."""
    table, traditional = _simplifying()
    return text.translate(table) if traditional.search(text) else text


@lru_cache(maxsize=1)
def _simplifying():
    table = t2s_table()
    return table, traditional_pattern(table)


def traditional_pattern(table: dict[int, str]):
    """A regex finding a character a t2s table changes: a class of the table's BMP characters, and any ideograph
    beyond the BMP (a class holding those too makes re test every character against each of them: ~10x slower on
    every passage; a rare ideograph there costs one needless translation)."""
    import re

    bmp = "".join(chr(c) for c in sorted(table) if c <= 0xFFFF)
    rare = "".join(f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in RARE_IDEOGRAPHS) if any(c > 0xFFFF for c in table) else ""
    return re.compile("[" + re.escape(bmp) + "]" + (f"|[{rare}]" if rare else ""))


def opencc_pairs() -> list[tuple[str, str]]:
    """(traditional, simplified) for every ideograph OpenCC's t2s changes into one character."""
    import opencc

    converter = opencc.OpenCC("t2s")
    pairs = []
    for lo, hi in (*CJK_RANGES, *RARE_IDEOGRAPHS):
        for code in range(ord(lo), ord(hi) + 1):
            out = converter.convert(chr(code))
            if out != chr(code) and len(out) == 1:
                pairs.append((chr(code), out))
    return pairs


CJK_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))  # the ideographs of the text rules
# ...and the rare ones beyond the Basic Multilingual Plane (extensions B-I, compatibility supplement): t2s
# applies to them too (𡻕 -> 岁), though no other rule reads them as ideographs
RARE_IDEOGRAPHS = (("\U00020000", "\U0003134f"),)


def is_cjk(char: str) -> bool:
    """Whether char is a CJK unified (or compatibility) ideograph."""
    return any(lo <= char <= hi for lo, hi in CJK_RANGES)


def is_latin_letter(char: str) -> bool:
    """The Latin word boundary's one definition: a character whose search form is an ASCII letter."""
    norm = _TABLE[ord(char)] if char else ""
    return len(norm) == 1 and norm.isascii() and norm.isalpha()


def _step(char: str) -> str:
    """One pass for one character: NFKC, lower case, spaces and control characters dropped,
    traditional -> simplified."""
    if char.isspace() or char in INVISIBLE or char < " " or char == "\x7f" or char == CELL_MARK:
        return ""  # (a table row's cell mark is a gap between its cells, as a space is: 集成电路 | 128.4亿块 is found as typed)
    out = unicodedata.normalize("NFKC", char).lower()
    parts = []
    for ch in out:  # NFKC may give several characters (㈾ -> (資)): each is converted
        if ch.isspace() or ch in INVISIBLE or ch < " " or ch == CELL_MARK:
            continue
        if is_cjk(ch) or ch >= "\U00020000":
            ch = _t2s().get(ch, ch)
        elif ch in DASHES:
            ch = "-"
        parts.append(ch)
    return "".join(parts)


def _normalise_char(char: str) -> str:
    # repeated to a fixed point, so normalise(normalise(x)) == normalise(x) (薴 -> 苧 -> 苎)
    out = _step(char)
    for _ in range(4):
        again = "".join(_step(ch) for ch in out)
        if again == out:
            break
        out = again
    return out


class _CharTable(dict):
    """A str.translate table that fills itself: one computation per distinct character.

    It also keeps the characters whose search form is not exactly one character (spaces,
    ligatures, ㈾), so that offsets are computed only around them.
    """

    def __init__(self):
        super().__init__()
        self.irregular: set[str] = set()
        self.expanding: set[str] = set()
        self.unplain: set[str] = set()  # one-character forms that change an ideograph or make one
        self._pattern = None
        self._expanding_pattern = None
        self._unplain_pattern = None

    def __missing__(self, code: int) -> str:
        value = _normalise_char(chr(code))
        self[code] = value
        if len(value) != 1:
            self.irregular.add(chr(code))
            self._pattern = None
        if len(value) > 1:
            self.expanding.add(chr(code))
            self._expanding_pattern = None
        if len(value) == 1 and value != chr(code) and (is_cjk(value) or is_cjk(chr(code))):
            self.unplain.add(chr(code))
            self._unplain_pattern = None
        return value

    def expands_any(self, text: str) -> bool:
        """Whether text holds a character whose search form has several characters (seen so far).

        A regex character class: one C scan, where set.isdisjoint(text) makes a string per character."""
        if not self.expanding:
            return False
        if self._expanding_pattern is None:
            import re

            self._expanding_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.expanding)) + "]")
        return self._expanding_pattern.search(text) is not None

    def unplain_any(self, text: str) -> bool:
        """Whether text holds a character (seen so far) whose one-character search form changes an
        ideograph or makes one (a traditional character, a compatibility ideograph, a radical)."""
        if not self.unplain:
            return False
        if self._unplain_pattern is None:
            import re

            self._unplain_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.unplain)) + "]")
        return self._unplain_pattern.search(text) is not None

    def pattern(self):
        """A regex matching any irregular character seen so far."""
        if self._pattern is None:
            import re

            self._pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.irregular)) + "]")
        return self._pattern


_TABLE = _CharTable()
# ASCII is the hot path for digits and Latin terms; fill it without touching OpenCC.
for _code in range(128):
    _TABLE[_code]


# Characters that are starters, never the second character of a Unicode composition, and whose
# NFKC forms are such characters too: in text made only of them NFKC works character by
# character, so a translate table gives its result (tests/test_normalize.py checks this
# against the Unicode database).  Chinese text is nearly always made only of them.
_PLAIN_RANGES = "\u4e00-\u9fff\u3400-\u4dbf\x20-\x7e\uff01-\uff5e\u3000-\u3002\u3008-\u3011\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
_NOT_PLAIN = None
_PLAIN_NFKC: dict[str, str] = {}  # the plain characters that NFKC changes -> their NFKC forms
_CHANGED = None  # a regex matching any of them


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), about six times as fast on ordinary Chinese text."""
    global _NOT_PLAIN, _CHANGED
    if _NOT_PLAIN is None:
        import re

        for code in [*range(0x20, 0x7F), *range(0xFF01, 0xFF5F), *range(0x3000, 0x3003), *range(0x3008, 0x3012), 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0xB7]:
            form = unicodedata.normalize("NFKC", chr(code))
            if form != chr(code):
                _PLAIN_NFKC[chr(code)] = form
        # no form holds a changed character, so replacing them one after another is a translate
        assert not set("".join(_PLAIN_NFKC.values())) & set(_PLAIN_NFKC)
        _CHANGED = re.compile("[" + "".join(map(re.escape, sorted(_PLAIN_NFKC))) + "]")
        _NOT_PLAIN = re.compile(f"[^{_PLAIN_RANGES}]")
    if _NOT_PLAIN.search(text):
        return unicodedata.normalize("NFKC", text)
    # str.translate looks every character up in a dict (~60 ns each); a regex scan finds the
    # few that change (a comma in most passages) and str.replace swaps each in one C pass
    for char in set(_CHANGED.findall(text)):
        text = text.replace(char, _PLAIN_NFKC[char])
    return text


# Ideographs without an NFKC form of their own or a case: each one's search form is its t2s
# form, so it is its own exactly when t2s leaves it (tests/test_normalize.py checks every one).
_OWN_FORM_BLOCKS = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"))
_BLOCK_RANGES = "".join(lo + "-" + hi for lo, hi in _OWN_FORM_BLOCKS)  # for a regex character class
_FAST_MIN = 64  # shorter texts (queries, words) go through the table: the pattern is built for passages only
_changing = None  # a regex matching every character whose search form is not itself


def _changing_pattern():
    global _changing
    if _changing is None:
        import re

        others = [chr(c) for c in [*range(0x21, 0x7F), *range(0x2010, 0x2028), *range(0x3000, 0x3040), 0xB7]]
        own = "".join(re.escape(c) for c in others if _TABLE[ord(c)] == c)
        traditional = "".join(sorted(k for k in _t2s() if any(lo <= k <= hi for lo, hi in _OWN_FORM_BLOCKS)))
        _changing = re.compile(f"[{traditional}]|[^{_BLOCK_RANGES}{own}]")
    return _changing


def normalise(text: str) -> str:
    """Return the search form of text (see module docstring)."""
    if len(text) < _FAST_MIN:
        return text.translate(_TABLE)
    # str.translate looks every character up in the table (~60 ns each); in a passage only a few
    # characters change (a comma, a space): one regex scan finds them and str.replace swaps each.
    # The same string as translate, provided no form holds a character that is swapped too.
    return _swap(text, set(_changing_pattern().findall(text)))


def _swap(text: str, changing: set[str]) -> str:
    """text.translate(_TABLE), given the set of text's characters whose form is not themselves:
    each is replaced by str.replace, unless there are many or a form holds one of them (then one
    replacement would change another's result, and translate does it)."""
    if len(changing) > 12:
        return text.translate(_TABLE)
    forms = [(char, _TABLE[ord(char)]) for char in changing]  # fills the table as translate does
    if any(ch in changing for _, form in forms for ch in form):
        return text.translate(_TABLE)
    for char, form in forms:
        text = text.replace(char, form)
    return text


def one_to_one(text: str, norm: str) -> bool:
    """Whether each character of text has a search form of exactly one character, given
    norm = normalise(text) computed in this process (which filled the table for text)."""
    return len(norm) == len(text) and not _TABLE.expands_any(text)  # none dropped, none expanded


def keeps_ideographs(text: str, norm: str) -> bool:
    """Whether norm, the search form of text, maps one to one onto it and leaves every
    ideograph as it is (nor makes one), given norm = normalise(text) computed in this process."""
    return one_to_one(text, norm) and not _TABLE.unplain_any(text)


# Characters outside those blocks that are their own search form (tests/test_normalize.py checks each)
_OWN_OTHERS = "!-@\\[-{}。、《》〈〉「」『』【】“”‘’·"  # not — or ~: dashes fold to - (DASHES); nor | (CELL_MARK, dropped)
_outside = None  # a regex matching every character outside the blocks and _OWN_OTHERS


def plain_search_form(text: str) -> str:
    """normalise(text) for a text whose ideographs are their own search forms and each of whose
    characters has a one-character form (schema.plain_ideographs: ~99% of passages): only the
    characters outside the ideograph blocks can change, and one scan of a small pattern finds them."""
    global _outside
    if _outside is None:
        import re

        _outside = re.compile(f"[^{_BLOCK_RANGES}{_OWN_OTHERS}]")
    return _swap(text, set(_outside.findall(text)))


def normalise_with_offsets(text: str) -> tuple[str, list[int] | range]:
    """Return the search form of text and, for each of its characters, the index in text."""
    norm = text.translate(_TABLE)  # fills the table (and its irregular set) for every character of text
    if one_to_one(text, norm):
        return norm, range(len(text))
    offsets: list[int] = []
    done = 0
    for match in _TABLE.pattern().finditer(text):
        at = match.start()
        offsets.extend(range(done, at))
        offsets.extend([at] * len(_TABLE[ord(text[at])]))
        done = at + 1
    offsets.extend(range(done, len(text)))
    return norm, offsets


def occurrences(text: str, needle: str, tail: str = "", whole_latin: bool = False, mapped=None) -> list[tuple[int, int, int]]:
    """(start in the normalised text, start, end in text) of each occurrence of a normalised
    needle that starts in text; with `tail` (what follows text) it may run on into it, and its
    span is cut at the end of text.  whole_latin: only where no Latin letter touches it in
    text (a space is a boundary, so SiC stands alone in "SiC MOSFET" but not in "ASIC").
    mapped: normalise_with_offsets(text + tail), when the caller has it already."""
    norm, offsets = mapped or normalise_with_offsets(text + tail)
    found = []
    size, full = len(text), text + tail if whole_latin else ""
    start = norm.find(needle) if needle else -1
    while start != -1 and offsets[start] < size:
        first, last = offsets[start], offsets[start + len(needle) - 1]
        if not whole_latin or not ((first > 0 and is_latin_letter(full[first - 1])) or (last + 1 < len(full) and is_latin_letter(full[last + 1]))):
            found.append((start, first, min(size, last + 1)))
        start = norm.find(needle, start + 1)
    return found


def find_spans(text: str, needles: list[str], tail: str = "", latin: tuple[str, ...] = (), mapped=None) -> list[tuple[int, int]]:
    """Return merged [start, end) spans of text where any normalised needle occurs.

    With `tail` (the start of the next passage), a needle that starts in text and runs on
    into the tail counts too; its span is cut at the end of text.  Needles in `latin` count
    only as whole Latin words (see occurrences).
    """
    latin = {normalise(n) for n in latin}
    needles = [n for n in {normalise(n) for n in needles} if n]
    if not needles:
        return []
    mapped = mapped or normalise_with_offsets(text + tail)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        spans += [(a, b) for _, a, b in occurrences(text, needle, tail, whole_latin=needle in latin, mapped=mapped)]
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap or touch."""
    if len(spans) < 2:  # most hits: one span, nothing to sort or merge
        return list(spans)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


TAIL = 32  # normalised characters after a passage that it also indexes (engine/schema.py): terms run on into them

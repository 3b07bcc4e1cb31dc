"""Turn extracted text into clean paragraphs that read as the original sentences.

Rules (patterns live in data/cleaning.toml):
- HTML tags left in text that no reader rendered (a few <br> or <p> in a .txt) go;
- line endings: CRLF, lone CR and U+2029 become LF (models.unify_line_ends); BOM and zero-width marks go;
- page furniture goes: "— 6 —", "- 3 -", "第3页", a bare number at a page edge, URL-only lines;
- hard-wrapped text (PDF extractions) is re-flowed: a line that fills the text width and does
  not end a sentence continues on the next line, wherever blank lines or page breaks fall;
- spaces between Chinese and digits or Latin letters go ("达到 350亿元" -> "达到350亿元"),
  and so do spaces between Chinese characters ("政 府 工 作 报 告");
- markdown marks go (headings keep their level, emphasis, links, comments, list markers);
  "rendered" text (from the markdown and HTML readers) only marks headings as "## text";
- paragraph healing: a blank-line break inside a sentence (web copies: "集成\n\n电路") is
  joined when the text before it runs on (no sentence end, not a heading, list item or table
  row, long enough to be body text) and the text after does not open a new paragraph; a
  break that cuts a dictionary word of three or more characters is joined even when the text
  before it has no comma yet (the first clause of a sentence); the text's first block without a
  clause mark is a headline, run on only across a cut word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from icpolicy.models import CELL_SEPARATOR, SOFT_BREAK, WRAP, Paragraph, unify_line_ends
from icpolicy.text import pages, wraps
from icpolicy.text.normalize import ZERO_WIDTH
from icpolicy.text.pages import ends_sentence as _ends_sentence
from icpolicy.text.tokens import first_word, last_word, word_across
from icpolicy.data import load_toml

_CJK = r"\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u3004\u3008-\u3020\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
_WIDE = _CJK + _CJK_PUNCT
_SPACES = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"
_INNER_SPACE = re.compile(
    rf"(?<=[{_WIDE}]){_SPACES}(?=[{_WIDE}0-9A-Za-z%])|(?<=[0-9A-Za-z%]){_SPACES}(?=[{_WIDE}])"
)
_ANY_SPACE = re.compile(_SPACES)
_BREAKS = re.compile(f"({SOFT_BREAK}|{WRAP})")
_WRAPPED = -1  # the "level" of a SOFT_BREAK line that stands for a WRAP: its format puts it inside the paragraph
_LINE_SPACE = " \t\u3000\u00a0"  # what a line's ends lose
_INVISIBLE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")  # (normalize.ZERO_WIDTH: one definition)
# character references left in pasted HTML (&nbsp; &amp; &lt; &#8220;): read as the characters,
# escaped twice too (&amp;ldquo;, as a CMS export writes it): read until none is left, so that
# cleaning twice reads the same as once
_ENTITY = re.compile(r"&(?:#\d{2,6};|#[xX][0-9a-fA-F]{2,5};|[A-Za-z]{2,8};)")
_RADICALS = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|`([^`]+)`")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|>+)\s+")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


_ATTRIBUTES = r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"<>\n]{0,300}"|'[^'<>\n]{0,300}'|[^\s"'<>=`]{1,300}))?){0,30}"""


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_toml("cleaning.toml")
    return {
        "furniture": re.compile("^(?:" + "|".join(raw["page_furniture"]) + ")$"),
        "edge_number": re.compile("^" + raw["page_edge_number"] + "$"),
        "wrapped_page_number": re.compile("(?:" + raw["page_edge_number"] + "|" + raw["page_of_pages"] + ")"),
        "url": re.compile("^" + raw["url_line"] + "$"),
        "sentence_end": tuple(raw["sentence_end"]),
        "wrap_end": tuple(raw["wrap_end"]),
        "paragraph_start": re.compile("^" + raw["paragraph_start"]),
        # … with attributes as HTML writes them (name, name="value"): `a<b 且 c>d` in a sentence is no tag
        "stray_tag": re.compile(r"</?(?:" + "|".join(raw["stray_tags"]["names"]) + r")\b" + _ATTRIBUTES + r"\s*/?>", re.I),
        "block_tag": re.compile(r"</?(?:" + "|".join(raw["stray_tags"]["blocks"]) + r")\b", re.I),
        "nav": re.compile("^(?:" + "|".join(raw["navigation_line"]) + ")$"),
        "heal_min": raw["healing"]["min_chars"],
        "heal_clause": raw["healing"]["clause_marks"],
        "headline_marks": frozenset(raw["healing"]["headline_marks"]),
        "title_end": re.compile("(?:" + "|".join(raw["healing"]["title_end"]) + ")$"),
        "title_opening": tuple(raw["healing"]["title_opening"]),
        "credit": re.compile(raw["healing"]["credit_line"]),
        "about_open": raw["healing"]["about_open"],
        "about_close": re.compile(raw["healing"]["about_close"]),
        "open_end": frozenset(raw["healing"]["open_end"]),
        "subjectless": frozenset(raw["healing"]["subjectless_start"]),
        "joining": frozenset(raw["healing"]["joining_start"]),
    }


def clean(text: str, layout: str = "plain") -> list[Paragraph]:
    """Return the paragraphs of extracted text, cleaned (see module docstring)."""
    text = _INVISIBLE.sub("", unify_line_ends(text))
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if layout == "markdown":
        text = _HTML_COMMENT.sub("\n", text)
    while "&" in text:  # before the tags: an escaped tag (&lt;b&gt;) is a tag too
        read = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
        if read == text:
            break
        text = read
    text = _rules()["stray_tag"].sub(lambda m: "\n" if _rules()["block_tag"].match(m.group()) else "", text)
    sheets = text.split("\f")
    width = 0.0  # a hard-wrapped text's width, known before its lines are read: its bare page numbers go (below)
    if layout == "plain" and wraps.looks_wrapped(raw := [line.strip(_LINE_SPACE) for line in text.split("\n")], _rules()["sentence_end"], short=True):
        layout, width = "wrapped", wraps.text_width([line for line in raw if line])
    lines: list[tuple[str, int]] = []  # (line, heading level); "" marks a blank line, SOFT_BREAK a break inside a paragraph
    page_top: dict[int, int] = {}  # the lines just after a page's start or a page number (- 2 -, 第 2 页): that edge's place
    feet: set[int] = set()  # those of them just before a page's end (its foot), the place being the page's start
    edge = -pages.HEAD_REACH - 1
    furniture = _rules()["furniture"]
    for number, page in enumerate(sheets):
        page_lines = [line.strip(_LINE_SPACE) for line in page.split("\n")]
        if layout == "wrapped":
            page_lines = pages.drop_edge_numbers(page_lines, _rules()["edge_number"])
        if number:
            _foot(lines, page_top, feet, edge)
            edge = len(lines)
        for line in page_lines:
            if line and (furniture.match(line) or width and _rules()["wrapped_page_number"].fullmatch(line) and _cut_at(lines, width)):
                _foot(lines, page_top, feet, edge)
                edge = len(lines)  # (a page number between two halves of a wrapped sentence, where no form feed marks it)
                line = ""
            for k, part in enumerate(_BREAKS.split(line)):  # a line break inside a paragraph (docx's w:br, markdown's wrap)
                if k % 2:
                    lines.append((SOFT_BREAK, _WRAPPED if part == WRAP else 0))
                    continue
                if len(lines) - edge <= pages.HEAD_REACH:
                    page_top[len(lines)] = edge
                lines.append(_strip_line(part.strip(_LINE_SPACE), layout))
        lines.append(("", 0))
    if layout != "markdown" and page_top:
        lines = pages.without_running_heads(lines, page_top, _rules()["sentence_end"], _rules()["paragraph_start"], feet)
    plain_lines = [line for line, _ in lines if line != SOFT_BREAK]
    if layout in ("plain", "laid", "rendered") and wraps.looks_wrapped(plain_lines, _rules()["sentence_end"], short=layout == "plain"):
        layout = "wrapped"
    if layout == "wrapped":
        paragraphs = _reflow([line for line in plain_lines if line])
    else:
        if layout == "plain":
            lines = wraps.unwrapped_blocks(lines, _rules()["sentence_end"], _rules()["wrap_end"], _stands_apart, opens_paragraph)
        paragraphs = _heal(lines, layout in ("rendered", "markdown"), plain=layout in ("plain", "laid"), spaced=layout == "plain" and _spaced(lines))
    out = []
    for para in _join_title(paragraphs):
        body = para.text
        if _ANY_SPACE.search(body):  # most paragraphs hold none: two scans saved
            body = re.sub(_SPACES, " ", _INNER_SPACE.sub("", body))
        body = body.strip()
        if body:
            out.append(Paragraph(body, para.heading))
    return out


TITLE_LINES, TITLE_CHARS = 5, 60


def _join_title(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """One paragraph for an official title broken over lines at the top ([healing] title_opening)."""
    rules = _rules()
    ends, title_end = rules["sentence_end"], rules["title_end"]
    for i, para in enumerate(paragraphs[:TITLE_LINES]):
        text = para.text
        if len(text) > TITLE_CHARS or not any(m in text for m in rules["title_opening"]):
            continue
        if _ends_sentence(text, ends) or title_end.search(text):
            return paragraphs
        for j in (i + 1, i + 2, i + 3):
            nxt = paragraphs[j].text if j < len(paragraphs) else ""
            if not nxt or len(nxt) > TITLE_CHARS or paragraphs[j].heading != para.heading or _ends_sentence(nxt, ends) or rules["paragraph_start"].match(nxt):
                return paragraphs
            text = wraps.join(text, nxt)
            still_open = rules["about_open"] in text and not rules["about_close"].search(text)
            if title_end.search(nxt) and not still_open:
                return paragraphs[:i] + [Paragraph(text, para.heading)] + paragraphs[j + 1:]
        return paragraphs
    return paragraphs


def opens_paragraph(text: str) -> bool:
    """True when a line starts like a new paragraph or section (一、 （一） 1. 第一章 附件 a 文号)."""
    return bool(_rules()["paragraph_start"].match(text))


def clean_text(text: str, layout: str = "plain") -> str:
    """clean(), with the paragraphs joined by newlines."""
    return "\n".join(p.text for p in clean(text, layout))


def _spaced(lines: list[tuple[str, int]]) -> bool:
    """True when a text sets its paragraphs apart with blank lines: as many of its lines are followed by a blank
    line as by another line, two at least."""
    filled = [bool(line) for line, _ in lines if line != SOFT_BREAK]
    apart = sum(a and not b for a, b in zip(filled, filled[1:]))
    return apart >= 2 and apart >= sum(a and b for a, b in zip(filled, filled[1:]))


def _heal(lines: list[tuple[str, int]], marked: bool = False, plain: bool = False, spaced: bool = False) -> list[Paragraph]:
    """Paragraphs of the lines, with blank-line breaks inside a sentence joined (module docstring).

    In rendered markdown (marked: headings are marked, so an unmarked line is body text) a
    block that stops without a sentence end also runs on when the next block ends a sentence.
    A line break inside a paragraph (SOFT_BREAK) is joined by the same rule, and so is a plain
    text's line break that cuts a dictionary word (把新型显示和集成\n电路作为…: no paragraph ends inside a word).
    A markdown source's line end inside a paragraph (WRAP) is also joined where the line before stops inside a
    sentence and neither line stands apart as a heading, label, date line or table row does (重点支持\nSiC MOSFET…，推动
    车规级\nIGBT模块…。: a sentence wrapped by hand over three lines, which no rule above joins: the middle line ends no
    sentence).
    """
    out: list[Paragraph] = []
    blank_before = soft = wrap = False
    previous = ""
    for line, level in lines:
        if line == SOFT_BREAK:  # a line break inside a paragraph: joined when the line before it runs on by itself
            soft, wrap = True, level == _WRAPPED
            continue
        if not line:
            blank_before = True
            continue
        if soft and out and previous:
            joined = level == 0 and (_cuts_word(previous, line) or _hangs(previous, line) or _continues([Paragraph(previous)], line, marked, len(out) == 1 and out[0].text == previous)
                                     or _wrapped_inside(out[-1], line) or (wrap and _inside_sentence(previous) and not _stands_apart(line) and "|" not in line))
        else:
            joined = out and level == 0 and ((blank_before and _continues(out, line, marked)) or (not out[-1].heading and _hangs(out[-1].text, line))
                                             or (plain and _runs_on(out[-1], loose=True) and _cuts_word(out[-1].text, line))
                                             or (plain and not blank_before and _latin_across(out[-1].text, line))
                                             or (spaced and not blank_before and _wrapped_inside(out[-1], line)))
        if joined:
            out[-1] = Paragraph(wraps.join(out[-1].text, line), 0)
        else:
            out.append(Paragraph(line, level))
        blank_before = soft = wrap = False
        previous = line
    return out


def _latin_across(before: str, line: str) -> bool:
    """True when a line break falls between two Latin words (七、推进GaN基功率器件和SiC / MOSFET应用): a wrap inside a
    phrase, even after a heading's number (a heading never ends on a Latin word its next line goes on with)."""
    return before[-1:].isascii() and before[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha() \
        and not _ends_sentence(before, _rules()["sentence_end"])


def _inside_sentence(line: str) -> bool:
    """True when a line stops inside a sentence: no sentence end, not a heading or label (一、总体要求, 目标：)."""
    rules = _rules()
    if _ends_sentence(line, rules["sentence_end"]) or line[-1] in "：:）)】」』》>.;" or "|" in line:
        return False
    return not (rules["paragraph_start"].match(line) and "。" not in line) and not _stands_apart(line)


def _foot(lines: list[tuple[str, int]], page_top: dict[int, int], feet: set[int], start: int) -> None:
    """Mark the last lines with text before a page's end (within HEAD_REACH of it) as standing at a page's edge, with
    the place of the page's start (so that two copies on one page are never taken for a running line): a page's foot
    line is a running line as its head is (pages.without_running_heads)."""
    filled = [at for at in range(len(lines) - 1, max(-1, len(lines) - 2 * pages.HEAD_REACH - 2), -1) if lines[at][0] and lines[at][0] != SOFT_BREAK]
    for at in filled[:pages.HEAD_REACH]:
        if at not in page_top:
            page_top[at] = start
            feet.add(at)


def _cut_at(lines: list[tuple[str, int]], width: float) -> bool:
    """Whether the last line read fills the wrapped text's width and stops inside a sentence (a table's cell, a short
    line, never does: a number after it is a figure)."""
    last = next((line for line, _ in reversed(lines) if line and line != SOFT_BREAK), "")
    return bool(last) and wraps.is_full(last, width) and not _ends_sentence(last, _rules()["sentence_end"])


def _stands_apart(line: str) -> bool:
    """A line no hard wrap runs on from: a heading (a numbered line without a clause mark), a title
    or a date line."""
    rules = _rules()
    return bool((rules["paragraph_start"].match(line) and not any(mark in line for mark in rules["heal_clause"]))
                or rules["title_end"].search(line) or _DATE_LINE.match(line) or _OPENS_DATE.match(line))


def _cuts_word(before: str, after: str) -> bool:
    """A break between the two lines cuts a dictionary word of three or more characters, and no sentence ends before it."""
    rules = _rules()
    return not _ends_sentence(before, rules["sentence_end"]) and not rules["paragraph_start"].match(after) and word_across(before, after)


def _wrapped_inside(para: Paragraph, line: str) -> bool:
    """A line break inside a block or a paragraph, after para's text, is a wrap (data/cleaning.toml joining_start):
    the line ends the sentence para runs on into, and the break cuts a word of two characters or more, or para holds
    a clause mark, or the line opens with a word no sentence opens with.  A title, heading or date line never runs on."""
    rules = _rules()
    before = para.text
    if not _runs_on(para, loose=True) or _stands_apart(before) or rules["title_end"].search(before):
        return False
    if rules["paragraph_start"].match(line) or _DATE_LINE.match(line) or not _ends_sentence(line, rules["wrap_end"]):
        return False
    return _runs_on(para) or word_across(before, line, 2) or first_word(line) in rules["joining"]


def _continues(out: list[Paragraph], line: str, marked: bool, first: bool | None = None) -> bool:
    """Whether line runs on from out's last block (see _heal); first: whether that block is the text's first (a
    headline), when out is not the whole text so far (a line break's line before, out[-1] alone)."""
    rules = _rules()
    if rules["paragraph_start"].match(line) or _DATE_LINE.match(line) or _OPENS_DATE.match(line):
        return False
    if (len(out) == 1 if first is None else first) and _headline(out[-1].text) and not _CONTINUATION.match(line) \
            and not word_across(out[-1].text, line):
        return False
    if _runs_on(out[-1]) or (_runs_on(out[-1], loose=True) and _CONTINUATION.match(line)):
        return True
    ends = rules["sentence_end"]
    titled = rules["title_end"].search(out[-1].text)
    if titled or not _runs_on(out[-1], loose=True):
        return False
    # a break that cuts a word (集成 | 电路) is inside a sentence even before its first comma; the
    # text's first block without a clause mark is its headline, which a lead opening with 又到… or
    # 也… does not continue
    if word_across(out[-1].text, line):
        return True
    clauses = any(mark in out[-1].text for mark in rules["heal_clause"])
    headline = (len(out) == 1 if first is None else first) and not clauses
    if marked and not clauses and _LABEL_LEAD.match(out[-1].text):
        return False  # **合肥代表团：**做强主导产业 in markdown: a label and its heading, not the start of the next block's sentence
    return not headline and ((marked and _ends_sentence(line, ends)) or last_word(out[-1].text) in rules["open_end"] or first_word(line) in rules["subjectless"])


def _headline(text: str) -> bool:
    """A text's first block that is short and holds no clause marks but a headline's (京津冀芯链协同：北京研发、天津制造)."""
    rules = _rules()
    return len(text) <= TITLE_CHARS and not any(mark in text for mark in rules["heal_clause"] if mark not in rules["headline_marks"]) \
        and not _ends_sentence(text, rules["sentence_end"])


# a block that opens with a short label and its colon (合肥代表团：…)
_LABEL_LEAD = re.compile(r"^[^，,。：:；;]{2,12}[：:]\s*\S")
# a byline or source line that ends with its date (作者：…　日期：2025-04-02) is no sentence
_DATED_END = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
# a block with a numeric date (芯观察编辑部　2026.02.09　阅读 1.2万) is a byline: sentences write 年月日
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}(?!\d)")
# a block that opens with a full date (2026-03-02 18:40　某某观察) is a dateline or a new sentence,
# never the rest of the line before it (a headline with a comma inside it)
_OPENS_DATE = re.compile(r"^(?:19|20)\d{2}\s*([-/.年])\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)")
_DATE_LINE = re.compile(r"^[（(]?((19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年[^。，,]{0,12}[）)]?$")
# a short block that opens with a mark, not a letter (1️⃣ 深圳南山, ❷ 东莞, ▶ 苏州), is a label line:
# it never runs on into the text under it
_MARK_LEAD = re.compile(r"(?:\d\ufe0f?\u20e3|[\u2460-\u24ff\u2776-\u2793\u3251-\u32bf]|[^\w\s“‘\"'（(《])")
_LABEL = 16
# a block that opens with one character and a comma continues a sentence ("性，已经得到…");
# two would take in sentence openers (近日，此外，)
_CONTINUATION = re.compile(r"^[^，,。；;：:\s][，,、]")


def _runs_on(para: Paragraph, loose: bool = False) -> bool:
    """True when a paragraph stops mid-sentence: body text, not a heading, list item or table row (a
    numbered block with a sentence end inside is body text: （一）壮大…产业。建设…力争到2025年半导体).

    Strict (the default) also wants a clause mark in it, so titles, letterheads and signatures
    (which have none) stay apart; loose only wants it long enough and not a date line.
    """
    rules = _rules()
    text = para.text
    if para.heading or not text or _ends_sentence(text, rules["sentence_end"]) or "|" in text:
        return False
    if (rules["paragraph_start"].match(text) and "。" not in text) or text[-1] in "）)】」』》>" or _DATE_LINE.match(text) \
            or _DATED_END.search(text) or _NUMERIC_DATE.search(text) or (_MARK_LEAD.match(text) and len(text) <= _LABEL) \
            or rules["credit"].match(text):
        return False
    if len(text) < rules["heal_min"]:
        return False
    return loose or any(mark in text for mark in rules["heal_clause"])


def _strip_line(line: str, layout: str) -> tuple[str, int]:
    rules = _rules()
    if not line or rules["furniture"].match(line) or rules["url"].match(line) or rules["nav"].match(line.lstrip("# ")):
        return "", 0
    level = 0
    if layout == "rendered":
        heading = _MD_HEADING.match(line)
        return (heading.group(2), len(heading.group(1))) if heading else (line, 0)
    if layout == "markdown":
        if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
            return "", 0
        heading = _MD_HEADING.match(line)
        if heading:
            level, line = len(heading.group(1)), heading.group(2)
        line = _MD_LIST.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)
        if line.startswith("|") and line.endswith("|"):
            line = " ".join(cell.strip() for cell in line.strip("|").split("|"))
        line = line.strip()
    return line, level


def _reflow(lines: list[str]) -> list[Paragraph]:
    """Join hard-wrapped lines back into paragraphs."""
    rules = _rules()
    width = wraps.text_width(lines)
    chars = wraps.char_width(lines)
    ends = rules["sentence_end"]
    paragraphs: list[str] = []
    current, previous = "", ""
    for line in lines:
        if current:
            table = CELL_SEPARATOR in previous or CELL_SEPARATOR in line  # (a table's row stands apart)
            full = wraps.is_full(previous, width) or (chars >= 12 and len(previous) >= chars)
            wrapped = full and not table and not _ends_sentence(previous, ends) and not rules["title_end"].search(previous)
            if (_hangs(previous, line) and not table) or (wrapped and not rules["paragraph_start"].match(line)):
                current = wraps.join(current, line)
                previous = line
                continue
            paragraphs.append(current)
        current = previous = line
    if current:
        paragraphs.append(current)
    return [Paragraph(p) for p in paragraphs]


_PUNCT = "。，、；：！？,.;:!?）)」』”’】…"
_PUNCT_LINE = re.compile(rf"^[{_PUNCT}](?:[{_PUNCT}\s]*[{_PUNCT}])?$")  # spaces between marks go later


def _hangs(previous: str, line: str) -> bool:
    """True at a line break no paragraph ends at (in any layout): a lone punctuation mark pushed
    to the next line, or a line that stops on a comma or 、 with no new paragraph after it."""
    if _PUNCT_LINE.match(line):
        return True
    return previous[-1:] in ("，", "、", ",") and not _rules()["paragraph_start"].match(line)


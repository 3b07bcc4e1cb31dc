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
  clause mark is a headline, run on only across a cut word (text/heal.py holds the healing rules; the
  compiled rules of data/cleaning.toml are text/clean_rules.py's).
"""

from __future__ import annotations

import html
import re
import unicodedata

from icpolicy.models import CELL_SEPARATOR, SOFT_BREAK, SPACED_CELLS, WRAP, Paragraph, unify_line_ends
from icpolicy.text import pages, wraps
from icpolicy.text.normalize import ZERO_WIDTH
from icpolicy.text.pages import ends_sentence as _ends_sentence
from icpolicy.text.clean_rules import TITLE_CHARS, WRAPPED_LEVEL, cleaning_rules
from icpolicy.text.heal import hangs, heal, parallel_labels, stands_apart

_CJK = r"\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u3004\u3008-\u3020\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
_WIDE = _CJK + _CJK_PUNCT
_SPACES = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"
_INNER_SPACE = re.compile(
    rf"(?<=[{_WIDE}]){_SPACES}(?=[{_WIDE}0-9A-Za-z%])|(?<=[0-9A-Za-z%]){_SPACES}(?=[{_WIDE}])"
)
_ANY_SPACE = re.compile(_SPACES)
_BREAKS = re.compile(f"({SOFT_BREAK}|{WRAP})")
_LINE_SPACE = " \t\u3000\u00a0"  # what a line's ends lose
_INDENT = re.compile("(?:\u3000|[ \u00a0]{2})")  # a line set in from the margin: an ideographic space or two spaces
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
    text = cleaning_rules()["stray_tag"].sub(lambda m: "\n" if cleaning_rules()["block_tag"].match(m.group()) else "", text)
    if layout == "plain" and ("\t" in text or "  " in text or "\u3000" in text):
        text = _tab_rows(text)
    sheets = text.split("\f")
    width = 0.0  # a hard-wrapped text's width, known before its lines are read: its bare page numbers go (below)
    if layout == "plain" and wraps.looks_wrapped(raw := [line.strip(_LINE_SPACE) for line in text.split("\n")], cleaning_rules()["sentence_end"], short=True):
        layout, width = "wrapped", wraps.text_width([line for line in raw if line])
    lines: list[tuple[str, int]] = []  # (line, heading level); "" marks a blank line, SOFT_BREAK a break inside a paragraph
    page_top: dict[int, int] = {}  # the lines just after a page's start or a page number (- 2 -, 第 2 页): that edge's place
    feet: set[int] = set()  # those of them just before a page's end (its foot), the place being the page's start
    edge = -pages.HEAD_REACH - 1
    furniture = cleaning_rules()["furniture"]
    related = False  # under a list of links to other stories (推荐阅读): its title lines go
    prose = False  # … after the story's prose has begun (a page's own links above it: its title stays)
    indented: set[str] = set()  # the lines set in from the margin (a paragraph's first line, in a text that marks them so)
    for number, page in enumerate(sheets):
        raw_lines = page.split("\n")
        page_lines = [line.strip(_LINE_SPACE) for line in raw_lines]
        indented.update(line for raw, line in zip(raw_lines, page_lines) if line and _INDENT.match(raw))
        if layout == "wrapped":
            page_lines = pages.drop_edge_numbers(page_lines, cleaning_rules()["edge_number"])
        if number:
            _foot(lines, page_top, feet, edge)
            edge = len(lines)
        for line in page_lines:
            related = prose and _related(line, related)
            if related:
                line = ""
            prose = prose or line.endswith(cleaning_rules()["sentence_end"])
            if line and (furniture.match(line) or width and cleaning_rules()["wrapped_page_number"].fullmatch(line) and _cut_at(lines, width)):
                _foot(lines, page_top, feet, edge)
                edge = len(lines)  # (a page number between two halves of a wrapped sentence, where no form feed marks it)
                line = ""
            for k, part in enumerate(_BREAKS.split(line)):  # a line break inside a paragraph (docx's w:br, markdown's wrap)
                if k % 2:
                    lines.append((SOFT_BREAK, WRAPPED_LEVEL if part == WRAP else 0))
                    continue
                if len(lines) - edge <= pages.HEAD_REACH:
                    page_top[len(lines)] = edge
                lines.append(_strip_line(part.strip(_LINE_SPACE), layout))
        lines.append(("", 0))
    if layout != "markdown" and page_top:
        lines = pages.without_running_heads(lines, page_top, cleaning_rules()["sentence_end"], cleaning_rules()["paragraph_start"], feet,
                                           cleaning_rules()["doc_number"])
    plain_lines = [line for line, _ in lines if line != SOFT_BREAK]
    if layout in ("plain", "laid", "rendered") and wraps.looks_wrapped(plain_lines, cleaning_rules()["sentence_end"], short=layout == "plain"):
        layout = "wrapped"
    if layout == "wrapped":
        paragraphs = _reflow([line for line in plain_lines if line], indented)
    else:
        if layout == "plain":
            lines = wraps.unwrapped_blocks(lines, cleaning_rules()["sentence_end"], cleaning_rules()["wrap_end"], stands_apart, opens_paragraph)
        paragraphs = heal(lines, layout in ("rendered", "markdown"), plain=layout in ("plain", "laid"), spaced=layout == "plain" and _spaced(lines))
    out = []
    for at, para in enumerate(_join_title(paragraphs)):
        body = para.text
        if _ANY_SPACE.search(body):  # most paragraphs hold none: two scans saved
            halves = _HALVES.fullmatch(body) if len(body) <= _HEADLINE else None
            if halves is None and at == 0 and layout == "plain" and len(body) <= _HEADLINE:
                halves = _PLAIN_HALVES.fullmatch(body.strip())  # a plain text's headline set apart by one space (since session 52)
            if halves:  # a headline's two halves set apart by an ideographic space (…成绩单　功率半导体…): one space
                body = _clean_spaces(halves.group(1)) + " " + _clean_spaces(halves.group(2))
            else:
                body = _clean_spaces(body)
        body = body.strip()
        if body:
            out.append(Paragraph(body, para.heading))
    return out


TITLE_LINES = 5
# a line of at most _HEADLINE characters, with no sentence end, in two runs of words of two or more characters each set
# apart by ideographic spaces (not a letter-spaced 关　于　印　发, whose runs are of one)
_HEADLINE = 60
_HALVES = re.compile(rf"([^。！？；!?;\u3000]*[{_CJK}”’》）)]{{2}})\u3000+([“‘《（(]?[{_CJK}]{{2}}[^。！？；!?;\u3000]*)")


# … and a plain text's first line in two such runs set apart by one ordinary space (松山湖半导体产业跑出“加速度” 上半年营收
# 增长近三成), as its writer typed it: a letter-spaced or PDF line is no plain text's first
_PLAIN_HALVES = re.compile(rf"([^。！？；!?; ]*[{_CJK}”’》）)]{{2}}) ([“‘《（(]?[{_CJK}]{{2}}[^。！？；!?; ]*)")


def _clean_spaces(text: str) -> str:
    return re.sub(_SPACES, " ", _INNER_SPACE.sub("", text))


def _related(line: str, under: bool) -> bool:
    """Whether a line belongs to a list of links to other stories: its heading (推荐阅读), or a short title line with no
    sentence end under it (cleaning.toml related_heading, related_item); a blank line keeps the list open."""
    rules = cleaning_rules()
    if rules["related_heading"].fullmatch(line):
        return True
    return under and (not line or len(line) <= rules["related_item"] and not line.endswith(rules["sentence_end"]))


# the gap between a spaced table's cells: two spaces or more, or ideographic spaces (1　北海某某电子科技有限公司　银海区　150;
# since session 57: such rows were read as one hard-wrapped paragraph, 150 and the next row's 2 run together as 1502)
_GAPS = re.compile(SPACED_CELLS.pattern + "|\u3000+")


def _tab_rows(text: str) -> str:
    """A plain text's table set with tabs (序号<TAB>项目名称<TAB>所在地, then a row a line): each such line a row, its cells
    joined by CELL_SEPARATOR, so the rows stand apart and keep their cells (they ran into one passage, tabs gone).  A line
    of three cells or more, or of two in a block of lines with as many, the first no item's label alone
    ([paragraph_start]: 一、\t总体要求, 第五条\t根据…: an item, not a row); a tab inside a line of prose is read as any space between words is.
    Since session 50 a table set with spaces (序号  项目名称  所在地, two spaces or more between cells, or since session 57
    ideographic ones) too, when two
    lines or more together have as many cells, three at the least (a wide gap in one line of prose is a space)."""
    lines = text.split("\n")
    cells = [[cell.strip(_LINE_SPACE) for cell in line.split("\t")] for line in lines]
    counts = [sum(1 for cell in row if cell) if "\t" in line.strip(_LINE_SPACE) else 0 for line, row in zip(lines, cells)]
    spaced = [[cell for cell in _GAPS.split(line.strip(_LINE_SPACE)) if cell] if ("  " in line or "\u3000" in line.strip(_LINE_SPACE)) and not count else []
              for line, count in zip(lines, counts)]
    for n, count in enumerate(counts):
        beside = any(0 <= k < len(counts) and counts[k] == count for k in (n - 1, n + 1))
        if count >= 3 or (count == 2 and beside and not cleaning_rules()["paragraph_start"].fullmatch(cells[n][0])):
            lines[n] = CELL_SEPARATOR.join(cell for cell in cells[n] if cell)
        elif len(spaced[n]) >= 3 and any(0 <= k < len(spaced) and len(spaced[k]) == len(spaced[n]) for k in (n - 1, n + 1)):
            lines[n] = CELL_SEPARATOR.join(spaced[n])
    return "\n".join(lines)



def _join_title(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """One paragraph for an official title broken over lines at the top ([healing] title_opening)."""
    rules = cleaning_rules()
    ends, title_end = rules["sentence_end"], rules["title_end"]
    for i, para in enumerate(paragraphs[:TITLE_LINES]):
        text = para.text
        if len(text) > TITLE_CHARS or not any(m in text for m in rules["title_opening"]):
            continue
        if _ends_sentence(text, ends) or (title_end.search(text) and not _still_open(text)):
            return paragraphs  # (an open 关于 title ending on a title word, 关于印发…三年行动方案 over （2024—2026年）的通知, goes on)
        for j in (i + 1, i + 2, i + 3):
            nxt = paragraphs[j].text if j < len(paragraphs) else ""
            if not nxt or len(nxt) > TITLE_CHARS or paragraphs[j].heading != para.heading or _ends_sentence(nxt, ends) or rules["paragraph_start"].match(nxt):
                return paragraphs
            text = wraps.join(text, nxt)
            if title_end.search(nxt) and not _still_open(text):
                return paragraphs[:i] + [Paragraph(text, para.heading)] + paragraphs[j + 1:]
        return paragraphs
    return paragraphs


def _still_open(text: str) -> bool:
    """Whether a 关于 title has not reached its 的… yet (关于印发…行动方案: open; …的通知: closed; [healing] about_*)."""
    rules = cleaning_rules()
    return rules["about_open"] in text and not rules["about_close"].search(text)


def opens_paragraph(text: str) -> bool:
    """True when a line starts like a new paragraph or section (一、 （一） 1. 第一章 附件 a 文号)."""
    return bool(cleaning_rules()["paragraph_start"].match(text))


def clean_text(text: str, layout: str = "plain") -> str:
    """clean(), with the paragraphs joined by newlines."""
    return "\n".join(p.text for p in clean(text, layout))


def _spaced(lines: list[tuple[str, int]]) -> bool:
    """True when a text sets its paragraphs apart with blank lines: as many of its lines are followed by a blank
    line as by another line, two at least."""
    filled = [bool(line) for line, _ in lines if line != SOFT_BREAK]
    apart = sum(a and not b for a, b in zip(filled, filled[1:]))
    return apart >= 2 and apart >= sum(a and b for a, b in zip(filled, filled[1:]))


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
    return bool(last) and wraps.is_full(last, width) and not _ends_sentence(last, cleaning_rules()["sentence_end"])


def _strip_line(line: str, layout: str) -> tuple[str, int]:
    rules = cleaning_rules()
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


def _reflow(lines: list[str], indented: set[str] = frozenset()) -> list[Paragraph]:
    """Join hard-wrapped lines back into paragraphs.  In a text that sets each paragraph's first line in from the margin
    and no other (wraps.indent_marked), a full line ending a sentence runs on into a next line that is not set in
    (…月产能达到40万片。 / 其中，2025年…: one paragraph; since session 58)."""
    rules = cleaning_rules()
    width = wraps.text_width(lines)
    chars = wraps.char_width(lines)
    ends = rules["sentence_end"]
    marked = wraps.indent_marked(lines, indented, ends, width)
    paragraphs: list[str] = []
    current, previous = "", ""
    for line in lines:
        if current:
            table = CELL_SEPARATOR in previous or CELL_SEPARATOR in line  # (a table's row stands apart)
            full = wraps.is_full(previous, width) or (chars >= 12 and len(previous) >= chars)
            wrapped = full and not table and (not _ends_sentence(previous, ends) or (marked and line not in indented)) \
                and not rules["title_end"].search(previous)
            if (hangs(previous, line) and not table) or (wrapped and not rules["paragraph_start"].match(line) and not parallel_labels(previous, line)):
                current = wraps.join(current, line)
                previous = line
                continue
            paragraphs.append(current)
        current = previous = line
    if current:
        paragraphs.append(current)
    return [Paragraph(p) for p in paragraphs]

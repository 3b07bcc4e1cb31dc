"""Paragraph healing: which line and blank-line breaks of extracted text fall inside a sentence (or a heading
wrapped over two lines) and are joined, for text/clean.py (its module docstring states the rules)."""

from __future__ import annotations

import re

from icpolicy.models import SOFT_BREAK, Paragraph
from icpolicy.text import wraps
from icpolicy.text.datelines import dateline
from icpolicy.text.clean_rules import TITLE_CHARS, WRAPPED_LEVEL, cleaning_rules
from icpolicy.text.pages import ends_sentence as _ends_sentence
from icpolicy.text.tokens import first_word, last_word, word_across

def heal(lines: list[tuple[str, int]], marked: bool = False, plain: bool = False, spaced: bool = False) -> list[Paragraph]:
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
            soft, wrap = True, level == WRAPPED_LEVEL
            continue
        if not line:
            blank_before = True
            continue
        if soft and out and previous:
            joined = level == 0 and (_cuts_word(previous, line) or hangs(previous, line) or cuts_number(previous, line) or _continues([Paragraph(previous)], line, marked, len(out) == 1 and out[0].text == previous)
                                     or _wrapped_inside(out[-1], line) or (wrap and _inside_sentence(previous) and not stands_apart(line) and "|" not in line))
        else:
            joined = out and level == 0 and ((blank_before and _continues(out, line, marked)) or (not out[-1].heading and hangs(out[-1].text, line))
                                             or (not blank_before and not out[-1].heading and cuts_number(out[-1].text, line))
                                             or (plain and _runs_on(out[-1], loose=True) and _cuts_word(out[-1].text, line))
                                             or (plain and not blank_before and _runs_on(out[-1]) and not _field_end(out[-1].text)
                                                 and _cuts_word(out[-1].text, line, 2))
                                             or (plain and not blank_before and (_latin_across(out[-1].text, line) or _heading_wraps(out[-1].text, line)))
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
        and not _ends_sentence(before, cleaning_rules()["sentence_end"])


_HEADING_TAIL = 20  # characters at most of a wrapped heading's second line
_TAIL_STOPS = re.compile(r"[。！？!?；;：:|]")


def _heading_wraps(before: str, line: str) -> bool:
    """True when a numbered heading goes on in a short line (（一）推动GaN外延片和深紫外LED / 芯片扩产; 四、突破EDA /
    和Chiplet关键技术): the heading stops on a Latin word or the line opens with a word that joins (和, 与, 及), or the
    break cuts a dictionary word; the line holds no stop and opens no heading of its own (a heading's body text ends a
    sentence)."""
    rules = cleaning_rules()
    if len(line) > _HEADING_TAIL or _TAIL_STOPS.search(line) or rules["paragraph_start"].match(line) \
            or not rules["paragraph_start"].match(before) or _ends_sentence(before, rules["sentence_end"]) or "。" in before:
        return False
    return (before[-1:].isascii() and before[-1:].isalnum()) or line[:1] in "和与及或" or word_across(before, line)


def _inside_sentence(line: str) -> bool:
    """True when a line stops inside a sentence: no sentence end, not a heading or label (一、总体要求, 目标：)."""
    rules = cleaning_rules()
    if _ends_sentence(line, rules["sentence_end"]) or line[-1] in "：:）)】」』》>.;" or "|" in line:
        return False
    return not (rules["paragraph_start"].match(line) and "。" not in line) and not stands_apart(line)


def stands_apart(line: str) -> bool:
    """A line no hard wrap runs on from: a heading (a numbered line without a clause mark), a title
    or a date line."""
    rules = cleaning_rules()
    return bool((rules["paragraph_start"].match(line) and not any(mark in line for mark in rules["heal_clause"]))
                or rules["title_end"].search(line) or _DATE_LINE.match(line) or _OPENS_DATE.match(line))


def _cuts_word(before: str, after: str, shortest: int = 3) -> bool:
    """A break between the two lines cuts a dictionary word of `shortest` or more characters, and no sentence ends before it."""
    rules = cleaning_rules()
    return not _ends_sentence(before, rules["sentence_end"]) and not rules["paragraph_start"].match(after) and word_across(before, after, shortest)


_LAST_CLAUSE = re.compile(r"[^，,；;。]*$")


def _field_end(text: str) -> bool:
    """Whether a line ends on a labelled field (…报送，联系人：张华): a value, which no wrap cuts into the next line's word."""
    return any(mark in _LAST_CLAUSE.search(text).group() for mark in "：:")


def _wrapped_inside(para: Paragraph, line: str) -> bool:
    """A line break inside a block or a paragraph, after para's text, is a wrap (data/cleaning.toml joining_start):
    the line ends the sentence para runs on into, and the break cuts a word of two characters or more, or para holds
    a clause mark, or the line opens with a word no sentence opens with.  A title, heading or date line never runs on."""
    rules = cleaning_rules()
    before = para.text
    if not _runs_on(para, loose=True) or stands_apart(before) or rules["title_end"].search(before) or _field_end(before):
        return False
    if rules["paragraph_start"].match(line) or _DATE_LINE.match(line) or not _ends_sentence(line, rules["wrap_end"]):
        return False
    return _runs_on(para) or word_across(before, line, 2) or first_word(line) in rules["joining"]


def _continues(out: list[Paragraph], line: str, marked: bool, first: bool | None = None) -> bool:
    """Whether line runs on from out's last block (see heal); first: whether that block is the text's first (a
    headline), when out is not the whole text so far (a line break's line before, out[-1] alone)."""
    rules = cleaning_rules()
    if rules["paragraph_start"].match(line) or _DATE_LINE.match(line) or _OPENS_DATE.match(line) or _MASTHEAD.match(line) or rules["source_label"].match(line) \
            or _byline(line) or rules["credit"].match(line) or dateline(line) or parallel_labels(out[-1].text, line):
        return False  # (a credit line or a news dateline under a story's deck, 总投资68亿元，达产后…: since session 56; since
        # session 65 a labelled line under another, 建设地点：…、方水路以北 / 建设单位：…: a form's fields, each its own)
    if (len(out) == 1 if first is None else first) and _headline(out[-1].text) and not _CONTINUATION.match(line) \
            and not word_across(out[-1].text, line):
        return False
    if _closed_title(out[-1].text):
        return False  # 某某股份有限公司关于投资建设合肥、成都…基地的公告 under a code line: a title, whatever marks it holds
    if len(out[-1].text) <= _LABEL_HEADING and LABEL_LEAD.match(out[-1].text) and not word_across(out[-1].text, line):
        return False  # a section's short labelled heading (滁州、池州：封测基地崛起) over its paragraph (since session 59)
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
    if marked and not clauses and LABEL_LEAD.match(out[-1].text):
        return False  # **合肥代表团：**做强主导产业 in markdown: a label and its heading, not the start of the next block's sentence
    return not headline and ((marked and _ends_sentence(line, ends)) or last_word(out[-1].text) in rules["open_end"] or first_word(line) in rules["subjectless"])


def _closed_title(text: str) -> bool:
    """A block that is an official title: 关于…, closed by 的 and a title's word (cleaning.toml about_open, about_close,
    title_end), with no sentence end in it."""
    rules = cleaning_rules()
    return rules["about_open"] in text and bool(rules["about_close"].search(text)) and bool(rules["title_end"].search(text)) \
        and not any(mark in text for mark in "。；;！？!?")


def _headline(text: str) -> bool:
    """A text's first block that is short and holds no clause marks but a headline's (京津冀芯链协同：北京研发、天津制造)."""
    rules = cleaning_rules()
    return len(text) <= TITLE_CHARS and not any(mark in text for mark in rules["heal_clause"] if mark not in rules["headline_marks"]) \
        and not _ends_sentence(text, rules["sentence_end"])


# a block that opens with a short label and its colon (合肥代表团：…)
LABEL_LEAD = re.compile(r"^[^，,。：:；;]{2,12}[：:]\s*\S")  # a labelled line (海沧区：重点发展…, **合肥代表团：**…)
_LABEL_HEADING = 24  # … a labelled heading has at most this many characters (a wrapped line of body text runs longer)


def parallel_labels(previous: str, line: str) -> bool:
    """Whether two lines each open on a short label (海沧区：…, then 火炬高新区：…): items of a list, which no wrap joins."""
    return bool(LABEL_LEAD.match(previous) and LABEL_LEAD.match(line))
# a byline or source line that ends with its date (作者：…　日期：2025-04-02) is no sentence
_DATED_END = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
# a block with a numeric date (芯观察编辑部　2026.02.09　阅读 1.2万) is a byline: sentences write 年月日
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}(?!\d)")
# a block that opens with a full date (2026-03-02 18:40　某某观察) is a dateline or a new sentence,
# never the rest of the line before it (a headline with a comma inside it)
_OPENS_DATE = re.compile(r"^(?:19|20)\d{2}\s*([-/.年])\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)")
# a periodical's masthead line under a headline: its name, issue date and number (江淮财经周刊　2025年11月21日　第46期; since session 67)
_MASTHEAD = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,16}[\s\u3000]+(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:[\s\u3000]+(?:第\s*\d{1,4}\s*期|[^\s\u3000。，,]{1,8}))?\s*$")
_DATE_LINE = re.compile(r"^[（(]?((19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年[^。，,]{0,12}[）)]?$")
# a short block that opens with a mark, not a letter (1️⃣ 深圳南山, ❷ 东莞, ▶ 苏州), is a label line:
# it never runs on into the text under it
_MARK_LEAD = re.compile(r"(?:\d\ufe0f?\u20e3|[\u2460-\u24ff\u2776-\u2793\u3251-\u32bf]|[^\w\s“‘\"'（(《])")
_LABEL = 16
# a short line ending on a date or holding one beside a byline's word (大众日报记者　孔令昊　2024年7月2日; 西部产业观察
# 2024年10月15日　撰稿：马骁) is a byline: it never runs on from the headline above it (since session 52)
_BYLINE = 40
_BYLINE_WORD = re.compile(r"记者|撰稿|作者|来源|编辑|通讯员|责编")
_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _byline(line: str) -> bool:
    return len(line) <= _BYLINE and not _ends_sentence(line, cleaning_rules()["sentence_end"]) \
        and bool(_DATED_END.search(line) or (_FULL_DATE.search(line) and _BYLINE_WORD.search(line)))
# a block that opens with one character and a comma continues a sentence ("性，已经得到…");
# two would take in sentence openers (近日，此外，)
_CONTINUATION = re.compile(r"^[^，,。；;：:\s][，,、]")


def _runs_on(para: Paragraph, loose: bool = False) -> bool:
    """True when a paragraph stops mid-sentence: body text, not a heading, list item or table row (a
    numbered block with a sentence end inside is body text: （一）壮大…产业。建设…力争到2025年半导体).

    Strict (the default) also wants a clause mark in it, so titles, letterheads and signatures
    (which have none) stay apart; loose only wants it long enough and not a date line.
    """
    rules = cleaning_rules()
    text = para.text
    if para.heading or not text or _ends_sentence(text, rules["sentence_end"]) or "|" in text:
        return False
    if (rules["paragraph_start"].match(text) and "。" not in text) or text[-1] in "）)】」』》>" or _DATE_LINE.match(text) \
            or _DATED_END.search(text) or _NUMERIC_DATE.search(text) or (_MARK_LEAD.match(text) and len(text) <= _LABEL) \
            or rules["credit"].match(text):
        return False
    if len(text) < rules["heal_min"] or _QUOTED_HEADING.fullmatch(text):
        return False  # (“路径不同，但共同点很清楚”: a quoted subheading, whole, over its paragraph; since session 65)
    return loose or any(mark in text for mark in rules["heal_clause"])


_QUOTED_HEADING = re.compile(r"“[^“”]{2,28}”")  # a short block that is one quotation, whole


_PUNCT = "。，、；：！？,.;:!?）)」』”’】…"
_PUNCT_LINE = re.compile(rf"^[{_PUNCT}](?:[{_PUNCT}\s]*[{_PUNCT}])?$")  # spaces between marks go later


def cuts_number(previous: str, line: str) -> bool:
    """True at a line break (no blank line) between a number and its unit (…；2025 / 年，建成…, 人数142 / 万人: cleaning.toml
    number_unit), in any layout: no paragraph opens on a unit right after words and a number."""
    return bool(_ENDS_ON_NUMBER.search(previous)) and bool(cleaning_rules()["unit_start"].match(line))


# (words, then a number: not a line of a number alone, nor a date's or a time's last figures, 2025-12-29, 18:05)
_ENDS_ON_NUMBER = re.compile(r"[\u4e00-\u9fff\u3001-\u3003\uff08\uff0c\uff1a\uff1b]\d+$")


def hangs(previous: str, line: str) -> bool:
    """True at a line break no paragraph ends at (in any layout): a lone punctuation mark pushed
    to the next line, or a line that stops on a comma or 、 with no new paragraph after it."""
    if _PUNCT_LINE.match(line):
        return True
    return previous[-1:] in ("，", "、", ",") and not cleaning_rules()["paragraph_start"].match(line)

"""A document's title (detect_title): declared by its container, a top heading, or its first title-like lines; a
headline or a composed title for a text that has none (first_line, headline, composed_title).  Used by document.py."""

from __future__ import annotations

import itertools
import os
import re

from icpolicy.data import load_toml
from icpolicy.meta import dates, facts, regions, years
from icpolicy.meta.doc_types import news_header, type_rules
from icpolicy.meta.doc_years import PLAN_REPORT
from icpolicy.models import CELL_SEPARATOR, FULL_STOPS, SENTENCE_ENDS, Region
from icpolicy.text.clean import opens_paragraph
from icpolicy.text.normalize import simplified

OPENING = 12
_PAPER = load_toml("metadata.toml")["masthead"]
JUNK_LINE = re.compile(r"^(【法宝引证码】|原文链接|来源[:：]|新华社.{0,12}电$|.{0,40}摄$|发布时间|信息来源|字号|打印|关闭|责任编辑|索引号|主题分类|发文机关|成文日期|发布日期|(?:证券|股票)代码|证券简称|公告编号|各位代表[:：]?$|[A-Za-z_][\w-]*\s*[:：=]|[—－\-–]{1,2}\s*(?:19|20)\d{2}\s*年"
                        # a person's card above an interview (【人物名片】某某，1972年出生于…: the person's life, not the story's
                        # place; since session 56)
                        r"|[【\[]?(?:人物名片|人物简介|嘉宾简介|个人简介|受访者简介)[】\]：:]"
                        # a column's tag on a line of its own above the headline (【高质量发展·园区访谈】: since session 62)
                        r"|[【\[][^】\]]{1,16}[】\]]$" +
                        # a newspaper's page masthead (data/metadata.toml [masthead]): the paper's, not the story's
                        r"|(?:{paper})$|.{{0,20}}?{date}\s*(?:{after_date})|{page})".format(**_PAPER))
_ISSUE = re.compile(_PAPER["issue"])
_SERIES = 10  # the longest series name over an issue line
_MASTHEAD = re.compile(r"^(?:({paper})$|(.{{2,20}}?)\s*{date}\s*(?:{after_date}))".format(**_PAPER))


def masthead_paper(line: str) -> str:
    """The paper's name a newspaper page's masthead line gives (赣南日报; 泉州晚报 of 泉州晚报　2026年3月20日　星期五　第A03版),
    or ""."""
    match = _MASTHEAD.match(line)
    return (match.group(1) or match.group(2) or "") if match else ""


def detect_title(declared: str, paragraphs: list[tuple[str, int]], stem: str) -> str:
    """The document's title: declared by the container, a top heading, or the first title-like
    lines; "" when the text opens with body text and has none."""
    if declared.strip() and not _LETTERHEAD.match(declared.strip()):
        return _fuller(declared.strip(), paragraphs)  # (a letterhead set as a .docx's title, 某某厅文件, is none)
    top = min((level for _, level in paragraphs[:OPENING] if level), default=0)
    for text, level in paragraphs[:OPENING]:
        if level and (level == top or level == 1) and not JUNK_LINE.match(text) and not opens_paragraph(text) \
                and not _LETTERHEAD.match(text.strip()):
            return text  # (a numbered heading, 一、2025年工作回顾, is a section's; a letterhead set as a heading, 某某办公室文件,
            # is no title: since session 48)
        if _body(text, level) and top != 1:
            break  # body text before any heading: a later heading names a section, not the document
    lines = [text for text, _ in paragraphs[:OPENING] if not JUNK_LINE.match(text)]
    published = facts.promulgation(lines)
    for i, line in enumerate(lines):
        if i == published:
            continue  # a promulgation's header (X公告, （第N号）): the text it publishes is titled below
        glued = _glued_title(line)
        if glued:
            return glued
        if len(line) > 150 or line[-1] in SENTENCE_ENDS or line[-1] in ":：" or facts.DOC_NUMBER.fullmatch(simplified(line)) or dates.line_date(line) \
                or _LETTERHEAD.match(line) or (i and opens_paragraph(line)) or CELL_SEPARATOR in line:
            continue  # (a numbered heading, 三、2026年工作计划, is a section's; a table's row is no title)
        title, j = line, i
        if i + 1 < len(lines) and facts.is_organ(line) and os.path.commonprefix([line, lines[i + 1]])[2:] \
                and type_rules()["title_end"].search(simplified(lines[i + 1])) and lines[i + 1][-1] not in SENTENCE_ENDS:
            continue  # a body's name over a whole title naming the same place (a PDF's running head 西安高新区管委会 over
            # 西安高新区2024年工作总结…): a letterhead, not the title's first words (unlike 大同市人民政府 over 专题会议纪要)
        while not type_rules()["title_end"].search(simplified(title)) and j + 1 < len(lines) and len(title) < 120:
            nxt = lines[j + 1]
            if nxt.startswith(("——", "—")) and type_rules()["title_end"].search(simplified(nxt)):
                return title  # a headline over a subtitle (——在…代表大会上的报告)
            if len(nxt) > 45 or nxt[-1] in SENTENCE_ENDS or facts.DOC_NUMBER.search(simplified(nxt)) or years.first_date([nxt])[0] or news_header([nxt]) \
                    or opens_paragraph(nxt):
                break  # (a bulletin's headline list, 1. …通知, under its masthead line: items, not the title's words)
            title, j = title + nxt, j + 1
        if j + 1 < len(lines) and len(lines[j + 1]) <= _HEADLINE and not PLAN_REPORT.search(simplified(title)) \
                and PLAN_REPORT.search(simplified(title + lines[j + 1])):
            title, j = title + lines[j + 1], j + 1  # …行动方案（2023—2025年） over 2024年度实施情况报告: one title, the report's
        elif j + 1 < len(lines) and years.plan_range(title) and _REVIEW_LINE.match(simplified(lines[j + 1])):
            title, j = title + lines[j + 1], j + 1  # … over 中期评估报告 (no year): the review's too (since session 63)
        simple = simplified(title)
        if j == i and len(title.replace(" ", "").replace("\u3000", "")) <= 4 and i + 1 < len(lines) \
                and len(lines[i + 1]) > len(title) and type_rules()["title_end"].search(simplified(lines[i + 1])):
            continue  # a genre word set as a heading (通　　知) over the full title (…关于…的通知)
        if type_rules()["title_end"].search(simple) or "政府工作报告" in simple:
            return title
    return ""


_REVIEW_LINE = re.compile(load_toml("years.toml")["plan_report"]["review_line"])
_ADDRESSEE = re.compile(load_toml("metadata.toml")["notice"]["addressee"])
_LETTERHEAD = re.compile(load_toml("metadata.toml")["notice"]["letterhead"])
_TITLE_WORD = re.compile("(?:" + "|".join(load_toml("doctypes.toml")["title_ends"]["words"]) + r")(?:（[^）]*）|\([^)]*\))?")


def _glued_title(line: str) -> str:
    """The title of a line that runs from a title's end into the addressees (…行动方案》的通知各镇
    人民政府、街道办事处…：, a PDF's lines joined), or ""."""
    if line[-1] not in ":：":
        return ""
    for match in reversed(list(_TITLE_WORD.finditer(line))):  # the last title word before them
        if 8 <= match.end() < len(line) - 4 and _ADDRESSEE.match(line[match.end():]):
            return line[: match.end()]
    return ""


_BRACKET_AFTER = re.compile(r"[（(][^）)]{2,16}[）)]")


def _fuller(declared: str, paragraphs: list[tuple[str, int]]) -> str:
    """A container's title that stops short of a title's end (a .docx's stale 红河州电子信息产业)
    gives way to the first opening line that holds it and ends like a title."""
    ends = type_rules()["title_end"]
    if ends.search(declared):
        # … and so does one that stops short of a bracketed period or note the text's own title line
        # carries (a .docx's stale core title 江西省…行动方案 over …行动方案（2025—2027年）in the body), or that the text's
        # first line, a title, ends with (评估报告 under 关于《…》实施三年情况的评估报告; a notice's title without its
        # issuer: since session 48; not a plan's title the first line's 印发 notice publishes)
        first = next((text for text, _ in paragraphs[:OPENING] if text.strip()), "")
        if not any(declared in text and _BRACKET_AFTER.match(text[text.index(declared) + len(declared):])
                   for text, _ in paragraphs[:OPENING]) \
                and not (first.endswith(declared) and len(declared) < len(first) <= 120):
            return declared
    for text, _ in paragraphs[:OPENING]:
        if declared in text and len(text) > len(declared) and len(text) <= 120 and ends.search(text):
            return text
    # … and so does one the text's own title lines word otherwise (a .docx's 辽宁省2025年…重点项目清单 over the body's
    # 辽宁省工业和信息化厅关于公布…重点项目清单的通知): the title the document bears
    # (not a section's heading past the body's first paragraph: ## 关键词四：政策 under a news page's 回眸2024：…; since session 59)
    head = list(itertools.takewhile(lambda paragraph: not _body(*paragraph), paragraphs[:OPENING]))
    own = "" if ends.search(declared) else detect_title("", head, "")
    return own if own and ends.search(simplified(own)) else declared


_HEADLINE = 60  # a headline's most characters
_BODY = 40  # a body paragraph has more characters, and ends a sentence


def _body(text: str, level: int) -> bool:
    """Whether an opening's block is body text: no heading, longer than _BODY, ending a sentence."""
    return not level and len(text) > _BODY and text[-1] in SENTENCE_ENDS


def first_line(opening: list[str], stem: str) -> str:
    """A headline: the first line that is not page furniture, or its first sentence (a short line ending on no full
    stop is a headline whole: 龙岗“芯”成绩单出炉！25年半导体产业营收增长超两成)."""
    lines = [text for text in opening if not JUNK_LINE.match(text)]
    if not lines:
        return stem
    if len(lines[0]) <= _HEADLINE and lines[0][-1] not in "。；;":
        return headline(lines) or lines[0]
    first = re.split(f"(?<=[{FULL_STOPS}])", lines[0])[0]
    return first if len(first) <= _HEADLINE else first[:40] + "…"


def headline(opening: list[str]) -> str:
    """The first line when it reads as a headline (short, not a sentence, not furniture), or ""; a question is one
    (南京与杭州：谁是…第三城？, since session 56)."""
    lines = [text for text in opening if not JUNK_LINE.match(text)]
    if len(lines) > 2 and len(lines[0]) <= _SERIES and _ISSUE.fullmatch(lines[1].strip()):
        lines = lines[2:]  # 决策参考 / 第2024-17号 over the brief's own headline
    first = lines[0] if lines else ""
    ends = first[-1:] not in SENTENCE_ENDS or first[-1:] in "？?"
    if not (first and len(first) <= _HEADLINE and ends and not news_header([first])):
        return ""
    if len(lines) > 1 and _kicker(first, lines[1]):
        return first + " " + lines[1]  # a kicker over the headline (学习先进经验　壮大“芯”动能 / 我市党政代表团赴…): both
    return first


_LABELLED = re.compile(r"[^，。：:]{1,10}[：:｜|]")


def _kicker(first: str, second: str) -> bool:
    """Whether a page's first line is a kicker naming no place over a headline line that names one (学习先进经验　壮大“芯”
    动能 over 我市党政代表团赴江苏苏州、无锡考察…; since session 62): not a subtitle (——访…), a byline, a date, a sentence
    or a numbered item (a bulletin's 1. 临港新片区… under its masthead, since session 64)."""
    gaz = regions.gazetteer()
    # (not a section's labelled lead under a headline: 中部三城芯片观察 over 武汉：存储基地加快扩产)
    return not gaz.find(first) and len(second) <= _HEADLINE and second[-1:] not in SENTENCE_ENDS and not second.startswith(("—", "-")) \
        and not _LABELLED.match(second) and not opens_paragraph(second) \
        and not news_header([second]) and not dates.line_date(second) and bool(gaz.find(second))


def composed_title(doc_type: str, doc_years: tuple[int, ...], region: Region) -> str:
    """A title for a document that opens with body text: 2008年政府工作报告, 2024年江苏省统计公报."""
    if not doc_type or not doc_years or doc_type in type_rules()["own_heading"]:
        return ""  # (a yearbook's extract under its own heading, 绍兴年鉴（2025）·工业篇: that line is its title)
    place = "" if region.path in (regions.NATIONAL.path, regions.MULTI.path, regions.UNPLACED.path) else region.name
    return f"{doc_years[0]}年{place}{doc_type}"

"""Markdown: front matter becomes metadata hints; the body is parsed (markdown-it-py) and rendered
to one paragraph per block, headings marked with their level, embedded HTML read like a web page.

Blocks are separated by blank lines; list items and table rows by single line breaks, so that
paragraph healing (which joins only across blank lines) never glues a list or a table together.
"""

from __future__ import annotations

import re
from pathlib import Path

from icpolicy.models import SOFT_BREAK, WRAP, RawText, unify_line_ends
from icpolicy.readers.docx_numbering import numbered
from icpolicy.readers.encoding import decode
from icpolicy.readers.hints import hints_from, split_front_matter
from icpolicy.readers.html import fragment_to_text


# Template tags of static-site generators (Hugo shortcodes, Jekyll/Liquid) and footnote marks.
_TEMPLATE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,20}\]:?")
# A note written as a link reference definition (`[1]: 资金由省市财政按一比一配套。`): CommonMark takes it for a
# link's address and drops it; one whose "address" holds an ideograph is a note and stays text.
_NOTE_DEFINITION = re.compile(r"^( {0,3})(\[[^\]\n]{1,20}\]:[ \t]*\S*[\u3400-\u9fff].*)$", re.M)
# Emphasis CommonMark leaves as text: a closing ** after CJK punctuation and before a letter
# (**杭州：**聚焦…, *注：*以下…, ~~嘉兴：~~) is not right-flanking, so the pair stays literal.
_LEFT_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1|(?<!\*)(\*)(?=[^\s*])([^*\n]{1,40}?)(?<=[^\s*])\*(?!\*)")


def read_markdown(path: Path, data: bytes) -> RawText:
    """Read a markdown file (see module docstring)."""
    text, encoding = decode(path, data)
    return markdown_to_raw(text, encoding)


def markdown_to_raw(text: str, encoding: str = "") -> RawText:
    """RawText of markdown source: rendered body, front-matter title and hints."""
    fields, body = split_front_matter(unify_line_ends(text))
    hints = hints_from(fields, "front_matter")
    title = dict(hints).get("title", "")
    body = _FOOTNOTE.sub("", _TEMPLATE.sub("", body))
    text = render(_notes_as_text(body))
    if title and _plain(title) not in _plain(text[:_TITLE_WITHIN + len(title)]):
        text = f"# {title}\n\n{text}"  # a title the front matter alone gives is searched like the text's own
    return RawText(text, "rendered", title, encoding, hints)


_TITLE_WITHIN = 200  # a title written again at the body's head (# 关于…的通知) is not given twice


def _plain(text: str) -> str:
    return "".join(text.split()).replace("#", "")


def markdown_chunk(text: str, encoding: str, first: bool) -> RawText:
    """One chunk of a large markdown file (cut at a blank line): the first carries the front
    matter, so it is read like a whole file; the others are rendered body text."""
    if first:
        return markdown_to_raw(text, encoding)
    body = _FOOTNOTE.sub("", _TEMPLATE.sub("", unify_line_ends(text)))
    return RawText(render(_notes_as_text(body)), "rendered", "", encoding)


def _notes_as_text(body: str) -> str:
    """Notes written as link reference definitions (_NOTE_DEFINITION) escaped, so they render as text, each a
    paragraph of its own (a real definition after one is still read as a definition)."""
    return _NOTE_DEFINITION.sub(lambda m: m.group(1) + "\\" + m.group(2) + "\n", body) if "]:" in body else body


def render(source: str) -> str:
    """Markdown source as text: blocks apart by blank lines, headings as '## text'."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(source)
    blocks: list[str] = []
    row: list[str] = []
    depth = 0  # inside a list or table: lines there are not separated by blank lines
    heading, cell = 0, False
    label = ""  # an ordered list item's number (1.), put before its first line: the text's own numbering
    for token in tokens:
        kind = token.type
        if kind == "list_item_open" and token.info:
            label = token.info + token.markup
        if kind in ("bullet_list_open", "ordered_list_open", "table_open"):
            depth += 1
            blocks.append("")
        elif kind in ("bullet_list_close", "ordered_list_close", "table_close"):
            depth -= 1
            blocks.append("")
        elif kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = 0
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            cell = kind.endswith("open")
        elif kind == "tr_close":
            blocks.append(" | ".join(c for c in row if c))
        elif kind == "inline":
            text, label = numbered(label, _inline(token)), ""
            if cell or heading or _bold_line(token):
                text = text.replace(WRAP, " ")  # a heading or a cell is one line, whatever its source's lines
            if cell:
                row.append(" ".join(text.split()))
                continue
            elif heading or _bold_line(token):
                blocks.append("#" * (heading or _BOLD_LEVEL) + " " + " ".join(text.split()))
            else:
                blocks.append(text)
            if not depth:
                blocks.append("")
        elif kind == "html_block":
            blocks.append(fragment_to_text(token.content))
            blocks.append("")
        elif kind in ("fence", "code_block"):
            blocks.append(token.content)
            blocks.append("")
    out, blank = [], True
    for block in blocks:
        if not block.strip():
            if not blank:
                out.append("")
            blank = True
            continue
        out.append(block.strip("\n"))
        blank = False
    return "\n".join(out)


# a short paragraph that is bold and nothing else (**镜头一：天津滨海新区**) stands as a heading of
# the lowest rank: it opens what follows and never runs on into it
_BOLD_LEVEL, _BOLD_MAX = 6, 30


def _bold_line(token) -> bool:
    """True when an inline block is one bold run, short, with no sentence end inside."""
    kids = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(kids) < 3 or kids[0].type != "strong_open" or kids[-1].type != "strong_close":
        return False
    if any(c.type in ("strong_open", "strong_close") for c in kids[1:-1]):
        return False
    text = "".join(c.content for c in kids[1:-1])
    return 0 < len(text) <= _BOLD_MAX and not any(mark in text[:-1] for mark in "。！？；")


def _inline(token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":  # a source line's end, inside the paragraph: a hard wrap, or a line of its own
            parts.append(WRAP)
        elif kind == "hardbreak":  # a line break the writer asked for
            parts.append(SOFT_BREAK)
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append(SOFT_BREAK)
        elif kind == "image":
            continue
    text = "".join(parts)
    for _ in range(3):  # ***杭州：*** leaves *杭州：* after one pass
        text, n = _LEFT_EMPHASIS.subn(lambda m: m.group(2) or m.group(4), text)
        if not n:
            break
    return text

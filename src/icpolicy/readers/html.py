"""Saved web pages: the article's visible text, without scripts, styles or site navigation."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from icpolicy.models import CELL_SEPARATOR, PARAGRAPH_END, SENTENCE_ENDS, SOFT_BREAK, RawText, unify_line_ends
from icpolicy.readers.encoding import decode
from icpolicy.readers.hints import PAGE_LINE, hints_from, page_fields, rules

_DROP = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer",
         "aside", "form", "select", "button", "input", "textarea", "head", "object", "embed"]
_BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "center", "tbody", "thead",
          "main", "details", "summary", "figure", "figcaption", "caption", "address"}
_CELL = {"td", "th"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# "article_column_site"; a bare hyphen only between Chinese words (…的通知-通知公告-重庆市发展和改革委员会)
_TITLE_SPLIT = re.compile(r"\s*(?:\||_|｜|--|——|-\s)\s*|(?<=[\u4e00-\u9fff》）」”？！])-(?=[\u4e00-\u9fff])")


def read_html(path: Path, data: bytes) -> RawText:
    """Decode with the declared charset (falling back to detection) and extract the article."""
    return read_html_declared(path, data)


def read_html_declared(path: Path, data: bytes, charset: str = "") -> RawText:
    """read_html, the charset a container declared (a MIME part's) before the page's own <meta>."""
    declared = _CHARSET.search(data[:8192])
    text, encoding = decode(path, data, charset or (declared.group(1).decode("ascii", "ignore") if declared else ""))
    return page_to_raw(text, encoding)


_SUBTITLE = re.compile(r"^\s*[—－\-–]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,40}(?:会议|大会)")


def page_to_raw(markup: str, encoding: str = "") -> RawText:
    """RawText of an HTML page or fragment: article text (headings as '## text'), title, <meta> hints."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    hints = hints_from(_meta_fields(soup), "html_meta")
    declared, parts, all_parts = _title(soup)
    whole = (soup.body or soup).get_text("\n")  # (read before the footer goes: its owner, and its date where none is beside)
    owner = [pair for pair in page_fields(whole) if pair[0] == "site"]
    _drop_hidden(soup)
    for tag in soup(_DROP):
        tag.decompose()
    _drop_chrome(soup)
    h1 = soup.find("h1")
    heading = " ".join(h1.get_text(" ", strip=True).split()) if h1 else ""
    h2 = None if h1 else soup.find("h2")  # a page without <h1> may head its article with <h2>
    fuller = " ".join(h2.get_text(" ", strip=True).split()) if h2 else ""
    root = _main_container(soup)
    kickers = ""
    if root is None:
        blocks = [soup.body or soup]
        _drop_link_lists(blocks[0])
    else:
        blocks = _article_blocks(root)
        kickers = _kickers(blocks[0], h1 or h2)
    text = kickers + _without_info_bars("\n".join(_visible_text(block) for block in blocks))
    # info lines and tables beside the article (发布时间：…, 发文字号：…) count like <meta>; lines
    # of the article itself (报名时间：…) are the text's, read by the facts rules if at all
    inside = set(text.split("\n"))
    beside = "\n".join(line for line in _visible_text(soup.body or soup).split("\n") if line not in inside)
    visible = page_fields(beside)
    shown_date = next((value for key, value in visible if key == "date"), "")
    if shown_date:  # the date the page shows beside the article (发布日期：2017-05-15) before its <meta PubDate>, which
        hints = tuple(pair for pair in hints if pair[0] != "date")  # a site may stamp when the page was generated
    hints = hints + tuple(pair for pair in visible if pair[0] not in dict(hints))
    # a subtitle beside the article (——2025年1月9日在…人民代表大会…上) is the text's own dateline:
    # it dates a delivered report before the page's <meta PubDate>
    subtitles = [line for line in beside.split("\n") if _SUBTITLE.match(line)]
    if subtitles:
        text = "\n".join(subtitles[:1]) + "\n" + text
    title = declared or _pick_title(parts, heading, text, fuller)
    site = [p for p in all_parts if p != title][-1:] if len(all_parts) > 1 else []
    if site and "site" not in dict(hints):
        hints = hints + (("site", site[0]),)
    if len(all_parts) > 2 and "column" not in dict(hints):  # article_column_site: the column it is filed under
        hints = hints + (("column", " ".join(all_parts[1:-1])),)
    if owner and "site" not in dict(hints):
        hints = hints + tuple(owner[:1])
    if "date" not in dict(hints):  # a page dating itself in its footer alone (发布机构：…　发布日期：2023-06-12; since session 67)
        footer = page_fields("\n".join(line for line in whole.split("\n") if line.strip() and line.strip() not in text))
        hints = hints + tuple(pair for pair in footer if pair[0] in ("date", "issuer") and pair[0] not in dict(hints))[:2]
    first = text.lstrip().split("\n", 1)[0].lstrip("# ")
    if title and _CJK.sub("", title) != title and title.replace(" ", "") not in text[:500].replace(" ", "") and first != title:
        text = title + "\n" + text
    return RawText(text, "rendered", title, encoding, hints)


def _kickers(root, heading) -> str:
    """The headings beside the article's title, before the element holding its paragraphs (a kicker over the <h1>,
    `<h2 class="pre-title">打造“中国物联网之都”核心区</h2>`; a subtitle under it), with the <h1>, when there is one other
    than it (the page's heading: its <h1>, or the <h2> of a page without one): the article's own words, which the text
    would lose (since session 58); else ""."""
    heads = list(reversed(root.find_previous_siblings(list(_HEADINGS))))
    if not any(tag is not heading for tag in heads):
        return ""
    return "".join(f"\n{'#' * int(tag.name[1])} {_visible_text(tag).strip()}\n" for tag in heads) + "\n"


def _without_info_bars(text: str) -> str:
    """The article text without its info bar ([info_bar] of data/metadata.toml): a short line with a page
    control and labelled fields, and no sentence's end (an article's line may tell its reader to 打印本页…).
    Left out here, the line stands beside the article, where its fields are read as hints; a line of nothing
    but controls is the cleaning's navigation rule's."""
    return "\n".join(line for line in text.split("\n") if not _is_info_bar(line))


def _is_info_bar(line: str) -> bool:
    return (len(line) <= PAGE_LINE and not any(mark in line for mark in SENTENCE_ENDS)
            and bool(_controls().search(line)) and bool(page_fields(line)))


@lru_cache(maxsize=1)
def _controls() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in rules()["info_bar"]["controls"]))


def html_to_text(markup: str) -> tuple[str, str]:
    """Return (title, text) of the main content of an HTML page or fragment."""
    raw = page_to_raw(markup)
    return raw.title, raw.text


def fragment_to_text(markup: str) -> str:
    """Visible text of an HTML fragment (embedded in markdown), headings as '## text'."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    _drop_hidden(soup)
    for tag in soup(_DROP):
        tag.decompose()
    return _visible_text(soup.body or soup)


# a style that shows nothing: hidden, or set at size 0 (text a page slips between the words against copying)
_HIDING = r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:;|!|$)"
_HIDING_STYLE = re.compile(_HIDING, re.I)


def _drop_hidden(soup) -> None:
    """Inline elements the page never shows (the hidden attribute, or an inline style that hides them) go with
    their text: a span slipped inside a sentence would cut it.  A hidden block stays (a tab or a folded section a
    reader opens), and so does an element a class hides: a stylesheet's rules hide by screen size (hidden-xs),
    for print or by context, which this reader cannot tell apart."""
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in _BLOCK or tag.name in _CELL or tag.name in _HEADINGS or tag.name in ("body", "html"):
            continue
        if tag.has_attr("hidden") or _HIDING_STYLE.search(tag.get("style", "")):
            tag.decompose()


_CLASS_PARTS = re.compile(r"[-_\s]+")


def _drop_chrome(soup) -> None:
    """Remove page chrome named by class or id ([page_chrome] of data/metadata.toml)."""
    words, compound = frozenset(rules()["page_chrome"]["words"]), re.compile(rules()["page_chrome"]["compound"])
    chrome = []
    for tag in soup.find_all(True):
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        parts = set(_CLASS_PARTS.split(names.lower())) - {""}
        # (a name that runs a menu word into a position or a list, topnav, navlist, is one too: [page_chrome] compound)
        if parts and (words & parts or any(compound.fullmatch(part) for part in parts)):
            chrome.append(tag)
    if not chrome:
        return
    total = len(_CJK.findall(soup.get_text()))
    for tag in chrome:
        # a class name is a guess: an element holding most of the page's text is the article
        if not tag.decomposed and len(_CJK.findall(tag.get_text())) <= total // 2:
            tag.decompose()


def _meta_fields(soup) -> dict[str, str]:
    fields = {}
    for meta in soup.find_all("meta"):
        name = meta.get("name") or meta.get("property") or ""
        if name and meta.get("content"):
            fields.setdefault(name, meta["content"])
    return fields


def _boilerplate(text: str) -> bool:
    return any(word in text for word in rules()["site"]["boilerplate"])


def _title(soup) -> tuple[str, list[str], list[str]]:
    """(the title a <meta> declares, or ""; the parts of <title> that are not site boilerplate; all its parts)."""
    parts = []
    if soup.title and soup.title.get_text(strip=True):
        parts = [p for p in _TITLE_SPLIT.split(soup.title.get_text(" ", strip=True)) if p]
    meta = soup.find("meta", attrs={"name": re.compile("^(ArticleTitle|title)$", re.I)})
    if meta and meta.get("content", "").strip():
        return meta["content"].strip(), [], parts
    return "", [p for p in parts if not _boilerplate(p)], parts


def _pick_title(parts: list[str], heading: str, text: str, fuller: str = "") -> str:
    """The page title's part that the article itself shows, else its <h1>, else its first part.

    Pages title themselves "article_column_site"; the site's name is the part the article does
    not repeat, so the longest part is not always the article's.  A page without <h1> may show
    the full title in its first <h2> (fuller): with its issuers, it says more than the <title>."""
    head = text[:3000].replace(" ", "")
    heading = "" if _boilerplate(heading) else heading
    for shown in (heading, "" if _boilerplate(fuller) else fuller):
        if shown and any(len(p) > 4 and p.replace(" ", "") in shown.replace(" ", "") for p in parts):
            return shown  # the heading says at least what the page title says
    shown = [p for p in parts if _CJK.search(p) and p.replace(" ", "") in head]
    if shown:
        best = max(shown, key=len)
        # a column name the page shows in its crumb (政策文件) is shorter than the article's own <h1>
        return heading if _CJK.search(heading) and len(heading) > len(best) else best
    return heading or (parts[0] if parts else "")


def _main_container(soup):
    """The element whose paragraphs hold the most Chinese text (readability's core idea)."""
    scores: dict[int, tuple[int, object]] = {}
    for para in soup.find_all(["p", "br", "td"]):
        parent = para.parent
        if parent is None:
            continue
        chars = len(_CJK.findall(para.get_text() if para.name != "br" else str(para.previous_sibling or "")))
        for weight, node in ((1.0, parent), (0.5, parent.parent)):
            if node is not None:
                count, _ = scores.get(id(node), (0, node))
                scores[id(node)] = (count + chars * weight, node)
    if not scores:
        return None
    best_score, best = max(scores.values(), key=lambda item: item[0])
    total = len(_CJK.findall(soup.get_text()))
    if best_score < 200 or best_score < 0.3 * total:
        return None
    return best


PROSE_CHARS = 20  # Chinese characters of one sentence that make a block beside the article prose of its own
_PAGE_LEVEL = {"body", "html", "[document]"}


def _article_blocks(root) -> list:
    """The article's blocks in page order: the element holding most of its paragraphs (root) and, beside it or beside
    its parent, the blocks holding prose of their own (_prose). A message board's page holds the letter and the reply
    in two blocks (<div class="question">, <div class="answer">): the reply holds more text, and the letter is the
    page's text too (since session 65; before, only root was read). Blocks beside it without a sentence, an info
    table or a line of dates and sources, stay beside the article, where their fields are read as hints."""
    anchor = root
    for _ in range(2):
        parent = anchor.parent
        if parent is None or parent.name in _PAGE_LEVEL:
            break
        children = parent.find_all(True, recursive=False)
        prose = {id(child) for child in children if child is not anchor and _prose(child)}
        if prose:
            return [root if child is anchor else child for child in children if child is anchor or id(child) in prose]
        anchor = parent
    return [root]


def _prose(block) -> bool:
    """Whether a block holds a sentence of PROSE_CHARS Chinese characters or more and is not mostly links."""
    if block.name in _HEADINGS or block.name in _DROP:
        return False
    text = block.get_text()
    chars = len(_CJK.findall(text))
    linked = sum(len(_CJK.findall(a.get_text())) for a in block.find_all("a"))
    if chars < PROSE_CHARS or linked >= LINK_SHARE * chars:
        return False
    return any(len(_CJK.findall(sentence)) >= PROSE_CHARS for sentence in _SENTENCE.findall(text))


_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")
LINK_SHARE = 0.6  # of a block's Chinese characters, in its links: a menu or a list of other pages


def _drop_link_lists(root) -> None:
    """Remove the blocks of a page read whole (its article too short to be told from the rest: the dates and
    issuers around it are kept) that are mostly links: menus, hot searches, lists of other articles, link
    bars.  A block holding half the page's text or more is never removed."""
    total = len(_CJK.findall(root.get_text()))
    for block in root.find_all(["ul", "ol", "div", "p", "section", "table", "dl", "span"]):
        if block.decomposed:
            continue
        chars = len(_CJK.findall(block.get_text()))
        if chars < 2 or chars * 2 >= total:
            continue
        linked = sum(len(_CJK.findall(a.get_text())) for a in block.find_all("a"))
        if linked >= LINK_SHARE * chars:
            block.decompose()


# a footnote's mark: [1], (2), ①, *, † after Chinese text; a bare figure only after a sentence's punctuation
# (米<sup>2</sup> is a square metre)
_NOTE_MARK = re.compile(r"^\s*(?:[\[［(（〔]\s*\d{1,3}\s*[\]］)）〕]|[\u2460-\u2473]|[*†‡])\s*$")
_BARE_MARK = re.compile(r"^\s*\d{1,3}\s*$")
_PUNCT_BEFORE = "。，、；：！？”’）》」』"
_TEXT_BEFORE_MARK = re.compile(f"[\u3400-\u9fff\uf900-\ufaff{_PUNCT_BEFORE}]$")
_PUNCT_BEFORE_MARK = re.compile(f"[{_PUNCT_BEFORE}]$")


def _note_mark(text: str, parts: list[str]) -> bool:
    """Whether a <sup> holding text is a note's mark where it stands (after Chinese text or its punctuation)."""
    before = "".join(parts[-4:]).rstrip()
    return bool(_NOTE_MARK.match(text) and _TEXT_BEFORE_MARK.search(before) or _BARE_MARK.match(text) and _PUNCT_BEFORE_MARK.search(before))


_SPACES = re.compile(rf"[^\S{SOFT_BREAK}{PARAGRAPH_END}]+")  # white space that HTML collapses: not the line-break characters


def _visible_text(root) -> str:
    from bs4 import NavigableString, Comment

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(unify_line_ends(_SPACES.sub(" ", str(child))))  # U+2028 and U+2029 in the text still break it
                continue
            name = child.name or ""
            if name == "br":  # a line break inside a block: cleaning joins it inside a sentence
                parts.append(SOFT_BREAK)
                continue
            if name == "sup" and _note_mark(child.get_text(), parts):
                continue  # 特色工艺<sup>[1]</sup>和: a note's mark, not text (m<sup>2</sup>, 10<sup>6</sup> stay)
            if name in _BLOCK:
                parts.append("\n")
            if name in _HEADINGS:
                parts.append("#" * int(name[1]) + " ")
            walk(child)
            if name in _CELL:
                parts.append(CELL_SEPARATOR)
            if name in _BLOCK:
                parts.append("\n")

    walk(root)
    lines = (line.strip().strip("|").strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line.strip("# "))

"""News datelines: the opening that says where and when a story was filed (新华社北京2月20日电, （武汉，2024年8月12日）,
本报讯（记者　某某）).  A dateline opens a paragraph (text/heal.py never runs a line that opens with one on from the
block above it: a story's deck, 总投资68亿元，达产后…, is not the start of the lead's sentence), and it is neither a
passage's subject nor a year it speaks of (meta/places.py reads the text after it)."""

from __future__ import annotations

import re

# a news dateline (新华社北京2月20日电), with its reporters' names after it (（记者　某某）; since session 59): where the
# news was filed, not its subject
NEWS_DATELINE = re.compile(r"^\S{0,8}?(社|报|网|台|讯)\S{0,10}?\d{1,2}月\d{1,2}日(电|讯)(?:\s*[（(]记者[^（）()]{0,30}[）)])?")
# a bracketed dateline opening a news paragraph: （武汉，2024年8月12日）
BRACKET_DATELINE = re.compile(r"^[（(][\u4e00-\u9fff]{2,8}[，,\s]\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[）)]")
# … or an outlet's own with its reporters' names (本报讯（记者　某某　通讯员　某某）6月20日，…; since session 50), the outlet by
# its name too (成都日报讯（记者　某某）…; since session 60)
BYLINE_DATELINE = re.compile(r"^(?:本报|本台|本网|本刊|[\u4e00-\u9fff]{2,8}(?:日报|晚报|晨报|商报|时报|新闻网|电视台))讯\s*(?:[（(][^（）()]{0,30}[）)])?\s*")


# … or a place's (本报大冶讯（通讯员　某某）…, 汉川讯　…: a column of items filed from its places; since session 68)
PLACE_DATELINE = re.compile(r"^(?:本报)?(?P<place>[\u4e00-\u9fff]{2,5}?)讯(?:[（(][^（）()]{0,30}[）)]|(?<!本报讯)[ \u3000]+(?=[\u4e00-\u9fff\d])|(?=\d{1,2}月\d{1,2}日)|(?=(?P=place)))\s*")


def dateline(text: str) -> re.Match[str] | None:
    """The dateline opening a text, if one does."""
    return filed_from(text) or BYLINE_DATELINE.match(text) or PLACE_DATELINE.match(text)


def filed_from(text: str) -> re.Match[str] | None:
    """The dateline opening a text that names the place it was filed from (新华社北京2月20日电, （武汉，2024年8月12日）; not
    本报讯), if one does."""
    return NEWS_DATELINE.match(text) or BRACKET_DATELINE.match(text)


def after_dateline(text: str) -> str:
    """The text after a news dateline opening it (本报武汉11月6日电…, （北京，2026年1月15日）…): where the news was filed
    and when, neither its subject nor a year it speaks of (since session 49 for a passage's own reading)."""
    found = dateline(text)
    return text[found.end():] if found else text

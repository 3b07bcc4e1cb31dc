"""Plain text: detect the encoding; text that is really markdown or an HTML fragment goes to that reader."""

from __future__ import annotations

import re
from pathlib import Path

from icpolicy.models import RawText
from icpolicy.readers.encoding import decode
from icpolicy.readers.hints import looks_like_front_matter
from icpolicy.readers.html import page_to_raw
from icpolicy.readers.markdown import markdown_to_raw

_HTML_TAGS = re.compile(r"<(p|div|br|h[1-6]|span|td|li|table)\b[^>]*>", re.I)
_MARKDOWN = re.compile(r"^(#{1,6} \S|\*\*\S.*\*\*|> |<!-- )", re.M)


def read_text(path: Path, data: bytes) -> RawText:
    """Read a .txt file; markdown goes through the markdown reader, an HTML fragment through the HTML reader."""
    text, encoding = decode(path, data)
    if sniff_layout(text) == "markdown":
        return markdown_to_raw(text, encoding)
    if len(_HTML_TAGS.findall(text[:20000])) >= 5:
        raw = page_to_raw(text, encoding)
        return RawText(raw.text, raw.layout, raw.title, encoding, raw.hints)
    return RawText(text, "plain", "", encoding)


def sniff_layout(text: str) -> str:
    """"markdown" when a .txt is really markdown (front matter, headings, bold, comments), else "plain"."""
    if looks_like_front_matter(text[:5000]):
        return "markdown"
    return "markdown" if len(_MARKDOWN.findall(text[:50000])) >= 2 else "plain"

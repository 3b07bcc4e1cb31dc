"""Plain text and markdown: detect the encoding, and hand HTML pasted into a .txt to the HTML reader."""

from __future__ import annotations

import re
from pathlib import Path

from icpolicy.models import RawText
from icpolicy.readers.encoding import decode
from icpolicy.readers.html import html_to_text

_HTML_TAGS = re.compile(r"<(p|div|br|h[1-6]|span|td|li|table)\b[^>]*>", re.I)
_MARKDOWN = re.compile(r"^(#{1,6} \S|\*\*\S.*\*\*|> |<!-- )", re.M)


def read_text(path: Path, data: bytes) -> RawText:
    """Read a .txt file; text that is really an HTML fragment goes through the HTML reader."""
    text, encoding = decode(path, data)
    if len(_HTML_TAGS.findall(text[:20000])) >= 5:
        title, body = html_to_text(text)
        return RawText(body, "plain", title, encoding)
    return RawText(text, sniff_layout(text), "", encoding)


def sniff_layout(text: str) -> str:
    """"markdown" when a .txt is really markdown (headings, bold, comments), else "plain"."""
    return "markdown" if len(_MARKDOWN.findall(text[:50000])) >= 2 else "plain"


def read_markdown(path: Path, data: bytes) -> RawText:
    """Read a markdown file: the cleaner strips the marks and keeps heading levels."""
    text, encoding = decode(path, data)
    return RawText(text, "markdown", "", encoding)

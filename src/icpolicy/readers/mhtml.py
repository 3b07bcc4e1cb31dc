"""A web page saved as one file (.mhtml/.mht: a browser's "save as single file" or "web archive"):
a MIME message (RFC 2557) whose first text/html part is the page; the stdlib email parser
undoes its transfer encoding (quoted-printable, base64), and the page goes to the HTML reader
with the part's charset as the declared one."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.readers.html import read_html_declared


_MIME_HEAD = re.compile(rb"^MIME-Version:\s*1\.0\s*$.*?^Content-Type:\s*multipart/related", re.I | re.M | re.S)


def is_mhtml(head: bytes) -> bool:
    """Whether the first bytes of a file are a saved page's (MHTML) mail headers, whatever the file's name."""
    return not head.lstrip().startswith(b"<") and bool(_MIME_HEAD.search(head[:4096]))


def read_mhtml(path: Path, data: bytes) -> RawText:
    """The page of an MHTML file, read as the HTML reader reads a page."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _page_part(message)
    if part is None:
        raise ExtractionError(str(path), "not a saved web page (no text/html part in the .mhtml file)")
    page = part.get_payload(decode=True) or b""
    if not page.strip():
        raise ExtractionError(str(path), "empty file (the .mhtml file's page is empty)")
    return read_html_declared(path, page, part.get_content_charset() or "")


def _page_part(message):
    """The page: the multipart's start part when named (RFC 2557), else its first text/html part."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    start = (message.get_param("start") or "").strip("<>")
    parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    for part in parts:
        if start and (part.get("Content-ID") or "").strip().strip("<>") == start:
            return part
    return parts[0] if parts else None

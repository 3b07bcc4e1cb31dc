"""Word .docx through python-docx, with size limits checked before anything is decompressed."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.units import MB, megabytes

MAX_UNCOMPRESSED = 200 * MB
MAX_RATIO = 200
# Heading styles ("Heading 2", "标题 2", "Title") become marked headings; core-property titles
# that a template or a converter left ("文档1", "Microsoft Word - a.doc") are not titles.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_JUNK_TITLE = re.compile(r"^(?:microsoft\s+word\s*-|文档\s*\d*$|document\s*\d*$|untitled|无标题|新建|[\x00-\x7f]*$)", re.I)


def _check_archive(path: Path, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExtractionError(str(path), "corrupt docx (not a zip archive)") from None
    total = sum(info.file_size for info in archive.infolist())
    packed = sum(info.compress_size for info in archive.infolist()) or 1
    if total > MAX_UNCOMPRESSED or (total > 10 * MB and total / packed > MAX_RATIO):
        raise ExtractionError(str(path), f"refused: archive expands to {megabytes(total)} (zip bomb?)")
    if "word/document.xml" not in archive.namelist():
        raise ExtractionError(str(path), "corrupt docx (no word/document.xml)")


def read_docx(path: Path, data: bytes) -> RawText:
    """Paragraphs and table rows of the body, in document order, one per line."""
    _check_archive(path, data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx wraps lxml and zip errors in many types
        raise ExtractionError(str(path), f"corrupt docx ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    # style names by id, read once (python-docx's paragraph.style looks them up on every call)
    styles = {style.style_id: style.name or "" for style in document.styles}
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style_ref = block.find(f"{_W}pPr/{_W}pStyle")
            style = styles.get(style_ref.get(f"{_W}val"), "") if style_ref is not None else ""
            level = _HEADING_STYLE.match(style)
            text = Paragraph(block, document).text.strip()
            if text and (level or style in ("Title", "标题")):
                text = "#" * (int(level.group(1)) if level else 1) + " " + text
            lines.append(text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = [cell.text.strip() for cell in row.cells]
                lines.append(" | ".join(dict.fromkeys(c for c in cells if c)))
    title = (document.core_properties.title or "").strip()
    if _JUNK_TITLE.match(title):
        title = ""
    return RawText("\n".join(lines), "rendered", title, "docx")

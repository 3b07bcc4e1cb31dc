"""Word .docx through python-docx, with size limits checked before anything is decompressed.

The body is walked as XML, in document order, so that text in containers python-docx's
paragraph and cell text leave out is read too: tables inside table cells, text boxes
(w:txbxContent, read after the paragraph that anchors them), content controls (w:sdt),
tracked insertions, fields and hyperlinks.  A drawing written twice, as a DrawingML choice
and a VML fallback (mc:AlternateContent), is read once: the choice, or the fallback when the
choice holds no text.  Deleted (tracked) text is not read, nor hidden text (a run set w:vanish: a
drafting note the printed page does not show, which would cut the sentence it stands in).  A footnote or endnote follows the paragraph citing it.
A part embedded whole (w:altChunk: an HTML page, a saved page, plain text or another Word document, which
Word shows in place) is read by that format's reader and stands where the chunk does; one that cannot
be read is named in a warning, and the rest of the document is read.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import CELL_SEPARATOR, SOFT_BREAK, RawText
from icpolicy.readers.docx_numbering import Numbering, numbered, symbol
from icpolicy.readers.html import read_html
from icpolicy.readers.mhtml import read_mhtml
from icpolicy.readers.text import read_text
from icpolicy.units import MB, megabytes

ZIP_MAGIC = b"PK\x03\x04"  # a zip's first bytes: a .docx's, whatever its name
MAX_UNCOMPRESSED = 200 * MB
MAX_RATIO = 200
# Heading styles ("Heading 2", "标题 2", "Title") become marked headings; core-property titles
# that a template or a converter left ("文档1", "Microsoft Word - a.doc") are not titles.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_JUNK_TITLE = re.compile(r"^(?:microsoft\s+word\s*-|文档\s*\d*$|document\s*\d*$|untitled|无标题|新建|[\x00-\x7f]*$)", re.I)
# run content that stands for a character (as python-docx reads it); w:br is a SOFT_BREAK unless a page or column break
_CHARACTERS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": SOFT_BREAK, f"{_W}noBreakHyphen": "-"}
# subtrees whose text is not the document's: deleted or moved-away revisions, field codes
_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText", f"{_W}pPr", f"{_W}rPr"}


def _hidden(run) -> bool:
    """Whether a run is hidden text (w:vanish in its properties, not switched off)."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def is_docx(data: bytes) -> bool:
    """Whether data is a zip holding word/document.xml (a .docx, whatever its name)."""
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


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
    """Paragraphs, table rows and text boxes of the body, in document order, one per line."""
    return _read_docx(path, data, 0)


def _read_docx(path: Path, data: bytes, depth: int) -> RawText:
    """read_docx for a document embedded depth deep (w:altChunk) in others."""
    _check_archive(path, data)
    import docx

    _keep_chunks_as_bytes()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx wraps lxml and zip errors in many types
        raise ExtractionError(str(path), f"corrupt docx ({type(exc).__name__}: {exc})") from None
    # style names by id, read once (python-docx's paragraph.style looks them up on every call)
    styles = {style.style_id: style.name or "" for style in document.styles}
    walker = _Walker(document, styles, _numbering(document), path, depth)
    walker.notes = _notes(data, walker)
    lines = walker.blocks(document.element.body, headings=True)
    lines += [line for key, note in walker.notes.items() if key not in walker.placed for line in note]  # referenced nowhere
    title = (document.core_properties.title or "").strip()
    if _JUNK_TITLE.match(title):
        title = ""
    return RawText("\n".join(lines), "rendered", title, "docx")


def _keep_chunks_as_bytes() -> None:
    """Have python-docx keep w:altChunk parts as bytes whatever their content type: an embedded Word
    document has the main document's type, which python-docx parses as XML (and fails on: it is a zip,
    so the whole document would be refused)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.part import Part, PartFactory

    chosen = PartFactory.part_class_selector
    if getattr(chosen, "keeps_chunks", False):
        return

    def select(content_type: str, reltype: str):
        if reltype == RELATIONSHIP_TYPE.A_F_CHUNK:
            return Part
        return chosen(content_type, reltype) if chosen else None

    select.keeps_chunks = True
    PartFactory.part_class_selector = select


def _not_read(path: Path, part: str, reason: str) -> list[str]:
    """No lines, and a warning that names the embedded part left out and why."""
    logging.getLogger("icpolicy.readers").warning("%s: embedded part %s not read (%s); the rest of the document was read", path, part, reason)
    return []


def _numbering(document) -> Numbering:
    """The document's list numbering (numbering.xml, and the styles that number their paragraphs); none when
    it has no such part or the part is damaged (the text is read without its numbers, not lost)."""
    try:
        part = document.part.numbering_part
        root = part.element
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        root = None
    try:
        return Numbering(root, document.styles.element)
    except (ValueError, TypeError):
        return Numbering(None)


_NOTES = ("word/footnotes.xml", "word/endnotes.xml")
_NOT_A_NOTE = {"separator", "continuationSeparator", "continuationNotice"}  # the rule above the notes, not text


def _notes(data: bytes, walker: _Walker) -> dict[tuple[str, str], list[str]]:
    """The lines of each footnote and endnote, by (kind, id): each is read after the paragraph that refers to it
    (as a page prints a footnote below its text; a note after the body would stand where the signature and date
    are read); the marks are no text (w:footnoteRef is no run text)."""
    from docx.oxml import parse_xml  # python-docx's parser: no entities resolved, no network

    archive = zipfile.ZipFile(io.BytesIO(data))
    notes: dict[tuple[str, str], list[str]] = {}
    for name in _NOTES:
        if name not in archive.namelist():
            continue
        try:
            root = parse_xml(archive.read(name))
        except Exception:  # a damaged notes part loses the notes, not the document
            continue
        kind = "footnote" if "footnotes" in name else "endnote"
        for note in root.iterchildren():
            if note.get(f"{_W}type") not in _NOT_A_NOTE:
                notes[kind, note.get(f"{_W}id", "")] = [line for line in walker.blocks(note) if line]
    return notes


MAX_NESTING = 3  # Word documents embedded in embedded Word documents (w:altChunk) are read this deep


def _embedded_reader(kind: str) -> Callable[[Path, bytes, int], RawText] | None:
    """The reader of a w:altChunk part by its content type (what Word embeds: web pages, saved pages, text, Word), or None."""
    if kind in ("text/html", "application/xhtml+xml"):
        return lambda path, data, depth: read_html(path, data)
    if kind == "message/rfc822":
        return lambda path, data, depth: read_mhtml(path, data)
    if kind == "text/plain":
        return lambda path, data, depth: read_text(path, data)
    if kind in _WORD_TYPES:
        return lambda path, data, depth: _read_docx(path, data, depth + 1)
    return None


_WORD_TYPES = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "application/vnd.ms-word.document.macroEnabled.main+xml"}


class _Walker:
    """Turns block-level XML (a body, a cell, a text box) into lines."""

    def __init__(self, document, styles: dict[str, str], numbering: Numbering, path: Path = Path(""), depth: int = 0):
        self.document, self.styles, self.numbering = document, styles, numbering
        self.path, self.depth = path, depth
        self.notes: dict[tuple[str, str], list[str]] = {}  # (kind, id) -> lines, read after the paragraph citing them
        self.placed: set[tuple[str, str]] = set()

    def blocks(self, container, headings: bool = False) -> list[str]:
        """The lines of the paragraphs, tables and content controls directly in container."""
        lines: list[str] = []
        for block in container.iterchildren():
            tag = block.tag if isinstance(block.tag, str) else ""
            if tag == f"{_W}p":
                text, boxes = self.paragraph(block)
                text = numbered(self.numbering.label(block), text)
                lines.append(self._heading(block, text) if headings else text)
                for box in boxes:
                    lines.extend(self.blocks(box))
                lines.extend(self._cited(block))
            elif tag == f"{_W}tbl":
                lines.extend(self.table(block))
            elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}sdtContent", f"{_W}ins", f"{_MC}AlternateContent", f"{_MC}Choice"):
                lines.extend(self.blocks(block, headings))
            elif tag == f"{_W}altChunk":
                lines.extend(self.embedded(block.get(f"{_R}id", "")))
        return lines

    def embedded(self, rid: str) -> list[str]:
        """The lines of the part a w:altChunk embeds, read by its format's reader; none, with a warning
        naming the part and why, when it cannot be read (the rest of the document is read)."""
        rel = self.document.part.rels.get(rid)
        if rel is None or rel.is_external:
            return _not_read(self.path, rid or "(no id)", "no such part in the package" if rel is None else "outside the file")
        part = rel.target_part
        name, kind = str(part.partname).lstrip("/"), part.content_type.split(";")[0].strip().lower()
        reader = _embedded_reader(kind)
        if reader is None:
            return _not_read(self.path, name, f"its type {kind or '(none)'} is not read")
        if self.depth >= MAX_NESTING:
            return _not_read(self.path, name, f"Word documents nested more than {MAX_NESTING} deep")
        try:
            raw = reader(Path(f"{self.path}!{name}"), part.blob, self.depth)
        except ExtractionError as exc:
            return _not_read(self.path, name, exc.reason)
        return [line for line in raw.text.split("\n") if line.strip()]

    def table(self, tbl) -> list[str]:
        """One line per row, its cells' texts (a merged cell once) joined by " | "."""
        from docx.table import Table

        lines = []
        for row in Table(tbl, self.document).rows:
            # a merged cell is the same cell repeated: once; two cells of the same text (8 | … | 8) both
            own = list({id(cell._tc): cell for cell in row.cells}.values())
            blocks = [self.blocks(cell._tc) for cell in own]
            several = sum(any(b.strip() for b in cell) for cell in blocks) > 1  # a data table's row, not a layout cell
            cells = [_cell_text(cell) if several else "\n".join(cell).strip() for cell in blocks]
            lines.append(CELL_SEPARATOR.join(c for c in cells if c))
        return lines

    def paragraph(self, p) -> tuple[str, list]:
        """A paragraph's own text, and the text boxes anchored in it (their w:txbxContent)."""
        pieces: list[str] = []
        boxes: list = []
        self._inline(p, pieces, boxes)
        return "".join(pieces).strip(), boxes

    def _inline(self, element, pieces: list[str], boxes: list) -> None:
        for child in element.iterchildren():
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIPPED or tag == f"{_W}r" and _hidden(child):
                continue
            if tag == f"{_W}t":
                pieces.append(child.text or "")
            elif tag == f"{_W}br":
                pieces.append(SOFT_BREAK if child.get(f"{_W}type") in (None, "textWrapping") else "")
            elif tag in _CHARACTERS:
                pieces.append(_CHARACTERS[tag])
            elif tag == f"{_W}sym":
                pieces.append(symbol(child))
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag == f"{_MC}AlternateContent":
                self._alternate(child, pieces, boxes)
            else:
                self._inline(child, pieces, boxes)

    def _cited(self, p) -> list[str]:
        """The lines of the notes a paragraph refers to, each once."""
        out = []
        for ref in p.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
            key = ("footnote" if ref.tag.endswith("footnoteReference") else "endnote", ref.get(f"{_W}id", ""))
            if key in self.notes and key not in self.placed:
                self.placed.add(key)
                out.extend(self.notes[key])
        return out

    def _alternate(self, element, pieces: list[str], boxes: list) -> None:
        """The first mc:Choice that holds text, else the mc:Fallback: a drawing is read once."""
        options = [c for c in element.iterchildren() if c.tag == f"{_MC}Choice"]
        options += [c for c in element.iterchildren() if c.tag == f"{_MC}Fallback"]
        for option in options:
            found_pieces: list[str] = []
            found_boxes: list = []
            self._inline(option, found_pieces, found_boxes)
            if "".join(found_pieces).strip() or any(self.blocks(box) for box in found_boxes):
                pieces.extend(found_pieces)
                boxes.extend(found_boxes)
                return

    def _heading(self, p, text: str) -> str:
        style_ref = p.find(f"{_W}pPr/{_W}pStyle")
        style = self.styles.get(style_ref.get(f"{_W}val"), "") if style_ref is not None else ""
        level = _HEADING_STYLE.match(style)
        if text and (level or style in ("Title", "标题")):
            return "#" * (int(level.group(1)) if level else 1) + " " + text
        return text


_CELL_ENDS = "。！？!?；;：:"
_CELL_ITEM = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十\d]+[条章节]|[•·▪●○■□◆◇★☆※\-–—])")  # a list item or heading


def _cell_text(blocks: list[str]) -> str:
    """A data table's cell text: a line that stops inside a phrase runs on into the next (线宽小于65nm / 的制造企业, the
    cell's width wrapped it), so its row stays one line; lines that end a sentence, list items and headings stay
    apart."""
    parts: list[str] = []
    for line in "\n".join(blocks).replace(SOFT_BREAK, "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if parts and parts[-1][-1] not in _CELL_ENDS and not _CELL_ITEM.match(parts[-1]) and not _CELL_ITEM.match(line):
            latin = parts[-1][-1].isascii() and parts[-1][-1].isalpha() and line[0].isascii() and line[0].isalpha()
            parts[-1] += (" " if latin else "") + line
        else:
            parts.append(line)
    return "\n".join(parts)

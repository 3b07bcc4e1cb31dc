"""Readers turn a file into RawText.  One module per format, found through READERS by suffix.

Heavy format libraries are imported inside each reader, so importing this package is cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.readers import archive, docx, garbled, html, markdown, mhtml, office, pdf, text
from icpolicy.units import MB, megabytes

Reader = Callable[[Path, bytes], RawText]

READERS: dict[str, Reader] = {
    ".txt": text.read_text,
    ".text": text.read_text,
    ".md": markdown.read_markdown,
    ".markdown": markdown.read_markdown,
    ".pdf": pdf.read_pdf,
    ".docx": docx.read_docx,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".xhtml": html.read_html,
    ".shtml": html.read_html,
    ".mhtml": mhtml.read_mhtml,  # a page saved as one file: its HTML part, through the HTML reader
    ".mht": mhtml.read_mhtml,
    ".doc": office.read_legacy_word,  # through LibreOffice when installed, else skipped with the reason
    ".wps": office.read_legacy_word,
    ".rtf": office.read_legacy_word,  # Rich Text and OpenDocument text: LibreOffice reads them as it reads .doc
    ".odt": office.read_legacy_word,
    ".ofd": office.read_ofd,  # skipped with the reason and what to do
}

# Formats that are only named when skipped (with what to do), not read.
NAMED_ONLY = {".ofd"}

# A file whose first bytes say it is another format that a reader handles is read as that format: a
# Word 97-2003 file renamed .docx (often), a PDF saved as .txt, a .docx renamed .doc or .txt (a zip
# holding word/document.xml).  (first bytes, reader)  A page saved as MHTML named .html or .txt is read as
# one too (sniffed).  A .pdf without a PDF inside stays refused, named: it is most often a failed download's
# error page, which would be indexed as a document.
_MAGIC = ((b"%PDF-", pdf.read_pdf), (office.OLE_MAGIC, office.read_legacy_word), (docx.ZIP_MAGIC, docx.read_docx))

# Containers of documents: each member becomes a document of its own (readers/archive.py,
# pipeline/archive.py), known by the source key `ARCHIVE!member` (models.member_key).
ARCHIVES = {".zip": archive.read_members}

# Files that are never documents: editor and Office lock files, OS litter.
IGNORED_PREFIXES = ("~$", ".~lock.", "._")
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", "MANIFEST.tsv"}

MAX_FILE_BYTES = 64 * MB


def is_supported(path: Path) -> bool:
    """True when some reader handles this file's suffix (an archive's members are read one by one)."""
    return path.suffix.lower() in READERS or path.suffix.lower() in ARCHIVES


def is_ignored(path: Path) -> bool:
    """True for lock files and OS litter that a folder walk passes over silently."""
    return path.name in IGNORED_NAMES or path.name.startswith(IGNORED_PREFIXES)


def readable_suffixes() -> list[str]:
    """The suffixes ingest reads (documents and archives), sorted, for messages."""
    return sorted({*READERS, *ARCHIVES} - NAMED_ONLY)


def sniffed(path: Path, data: bytes) -> Reader | None:
    """The reader for a file whose first bytes are those of a format other than its suffix's
    (see _MAGIC), or None when they agree or say nothing (a zip that is no Word document says nothing)."""
    own = READERS.get(path.suffix.lower())
    for magic, reader in _MAGIC:
        if data.startswith(magic) and reader is not own and own is not None:
            if reader is docx.read_docx and not docx.is_docx(data):
                continue
            return reader
    if own in (html.read_html, text.read_text, markdown.read_markdown) and mhtml.is_mhtml(data[:4096]):
        return mhtml.read_mhtml  # a page saved as one file, named .html or .txt
    return None


def read(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[RawText, bytes]:
    """Read one file with the reader for its suffix (or its content's: sniffed); raises ExtractionError with a reason."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ExtractionError(str(path), f"unsupported type '{path.suffix or '(none)'}'")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractionError(str(path), f"too large ({megabytes(size)} > {megabytes(max_bytes)} limit; split it, or raise --max-file-mb)")
        data = path.read_bytes()
    except PermissionError:
        raise ExtractionError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise ExtractionError(str(path), "is a directory") from None
    except OSError as exc:
        raise ExtractionError(str(path), f"cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ExtractionError(str(path), "empty file")
    content = sniffed(path, data)
    if content is not None:
        try:
            raw = garbled.check(str(path), content(path, data))
        except ExtractionError as first:  # (a text that only begins like a PDF): read as its name says, else this reason
            try:
                raw = garbled.check(str(path), reader(path, data))
            except ExtractionError:
                raise first from None
    else:
        raw = garbled.check(str(path), reader(path, data))  # one mojibake check, whatever the reader
    if not raw.text.strip():
        raise ExtractionError(str(path), "no text found")
    return raw, data


def hash_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (the identity of its content)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

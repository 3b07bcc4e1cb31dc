"""PDF through pdfminer.six, page by page so memory stays bounded on long documents."""

from __future__ import annotations

import io
import re
from pathlib import Path

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText

_VISIBLE = re.compile(r"\w")


def read_pdf(path: Path, data: bytes) -> RawText:
    """Extract the text layer; pages are separated by form feeds for the cleaner."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractionError(str(path), "corrupt PDF (no %PDF header)")
    text = extract(path, io.BytesIO(data))
    if len(_VISIBLE.findall(text)) < 20:
        raise ExtractionError(str(path), "no text layer (scanned?)")
    return RawText(text, "wrapped", "", "pdf")


def page_count(path: Path) -> int:
    """How many pages a PDF has (parses the page tree only)."""
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as fh:
        try:
            return sum(1 for _ in PDFPage.get_pages(fh))
        except Exception as exc:  # the same failures extract() names
            raise _as_extraction_error(path, exc) from None


def extract(path: Path, fh, pages: set[int] | None = None) -> str:
    """The text of a PDF (or of some of its pages), failures named as ExtractionError."""
    from pdfminer.high_level import extract_text_to_fp
    from pdfminer.layout import LAParams

    out = io.StringIO()
    try:
        extract_text_to_fp(fh, out, laparams=LAParams(), output_type="text", codec=None, page_numbers=pages)
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise _as_extraction_error(path, exc) from None
    return out.getvalue()


def _as_extraction_error(path: Path, exc: Exception) -> ExtractionError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return ExtractionError(str(path), "encrypted PDF (password required)")
    if isinstance(exc, PDFSyntaxError):
        return ExtractionError(str(path), f"corrupt PDF ({exc})")
    name = type(exc).__name__
    if "Encrypt" in name or "Password" in name:
        return ExtractionError(str(path), "encrypted PDF (password required)")
    return ExtractionError(str(path), f"corrupt PDF ({name}: {exc})")

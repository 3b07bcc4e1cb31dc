"""PDF through pdfminer.six, page by page so memory stays bounded on long documents."""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import ExtractionError
from ..models import RawText

_VISIBLE = re.compile(r"\w")


def read_pdf(path: Path, data: bytes) -> RawText:
    """Extract the text layer; pages are separated by form feeds for the cleaner."""
    from pdfminer.high_level import extract_text_to_fp
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractionError(str(path), "corrupt PDF (no %PDF header)")
    out = io.StringIO()
    try:
        extract_text_to_fp(io.BytesIO(data), out, laparams=LAParams(), output_type="text", codec=None)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ExtractionError(str(path), "encrypted PDF (password required)") from None
    except PDFSyntaxError as exc:
        raise ExtractionError(str(path), f"corrupt PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        name = type(exc).__name__
        if "Encrypt" in name or "Password" in name:
            raise ExtractionError(str(path), "encrypted PDF (password required)") from None
        raise ExtractionError(str(path), f"corrupt PDF ({name}: {exc})") from None
    text = out.getvalue()
    if len(_VISIBLE.findall(text)) < 20:
        raise ExtractionError(str(path), "no text layer (scanned?)")
    return RawText(text, "wrapped", "", "pdf")

"""Machine-readable output: JSON, JSON Lines and CSV with stable field names."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from icpolicy.models import Hit

FIELDS = ["doc_id", "title", "source", "doc_type", "region", "region_path", "years", "segments",
          "passage", "text", "highlights", "score", "doc_number", "issuer", "issued", "matched"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_json(hits: Iterable[Hit], summary: dict | None = None) -> str:
    """One JSON document: {"query": ..., "total": ..., "hits": [...]}."""
    payload = dict(summary or {})
    payload["hits"] = [hit.as_dict() for hit in hits]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(hits: Iterable[Hit]) -> str:
    """One JSON object per line, one line per hit."""
    return "".join(json.dumps(hit.as_dict(), ensure_ascii=False) + "\n" for hit in hits)


def csv_cell(value) -> str:
    """A CSV cell: lists joined by ';', spans as start-end, and formula-looking text defused."""
    if isinstance(value, list):
        value = ";".join(f"{v[0]}-{v[1]}" if isinstance(v, (list, tuple)) else str(v) for v in value)
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        text = "'" + text  # Excel would run =, +, -, @ as a formula
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(hits: Iterable[Hit]) -> str:
    """CSV with a header row, as text; write it with encoding utf-8-sig so Excel shows the Chinese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for hit in hits:
        row = hit.as_dict()
        writer.writerow([csv_cell(row[name]) for name in FIELDS])
    return buffer.getvalue()

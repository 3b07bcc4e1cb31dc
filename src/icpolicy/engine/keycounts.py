"""Passages per key of the committed index, kept in the manifest so trend's `share` denominator
(indexed passages per year or place) is read, not counted over the whole index on every query.

At each commit the writer counts the committed passages by year, region key (every level:
province, city, county path), city, sector and document type in one tantivy aggregation
(`compute`), and records them in the manifest with the commit they describe: tantivy's opstamp
(a merge keeps it; any add or delete moves it) and the live document count.  A reader uses
them only when both still match the index it opened (`lookup`); otherwise (a process killed
between tantivy's commit and the manifest's, an index written by an older icpolicy) it counts
as before.  So the figures read are always those of the committed passages.
"""

from __future__ import annotations

import json
from pathlib import Path

from icpolicy.engine import schema

FIELDS = {"year": "years", "region": "region", "city": "city", "segment": "sectors", "type": "doc_type"}
MAX_KEYS = 65000  # tantivy's terms-aggregation bucket limit; a field with more keys is not kept


def compute(index, opstamp: int | None) -> dict:
    """{"opstamp", "docs", "by": {by: {key: passages}}} of the committed index (one aggregation)."""
    import tantivy

    searcher = index.searcher()
    query = tantivy.Query.term_query(index.schema, "kind", schema.PASSAGE)
    spec = {by: {"terms": {"field": field, "size": MAX_KEYS}} for by, field in FIELDS.items()}
    found = searcher.aggregate(query, spec)
    by_key = {}
    for by in FIELDS:
        if found[by].get("sum_other_doc_count"):
            continue  # more keys than one aggregation returns: counted per query instead
        by_key[by] = {str(b["key"]): b["doc_count"] for b in found[by]["buckets"] if str(b["key"])}
    return {"opstamp": opstamp, "docs": searcher.num_docs, "by": by_key}


def committed_opstamp(index_dir: Path) -> int | None:
    """The opstamp of the tantivy commit on disk (DIR/tantivy/meta.json), or None when unreadable."""
    try:
        return int(json.loads((index_dir / schema.FOLDER / "meta.json").read_text(encoding="utf-8"))["opstamp"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def lookup(manifest: dict, index_dir: Path, searcher, by: str) -> dict[str, int] | None:
    """key -> passages of the whole index, when the manifest's counts describe the commit the
    searcher sees; None when they may not (then the caller counts)."""
    kept = manifest.get("key_counts")
    if not isinstance(kept, dict) or by not in (kept.get("by") or {}):
        return None
    if kept.get("opstamp") is None or kept.get("opstamp") != committed_opstamp(index_dir) or kept.get("docs") != searcher.num_docs:
        return None
    return dict(kept["by"][by])

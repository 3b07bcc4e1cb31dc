"""The targets view: every quantified commitment or reported figure in the passages a query selects."""

from __future__ import annotations

from icpolicy.engine import query as ql
from icpolicy.meta.targets import extract
from icpolicy.text.normalize import normalise

COLUMNS = ["doc_id", "passage", "region", "region_path", "year", "metric", "comparator", "value", "unit", "kind", "text", "title"]


def targets(ix, query: str = "", filters=None, limit: int | None = None) -> dict:
    """{"query", "total", "targets": [row...]}: one row per quantity, in the order of the search hits.

    QUERY selects the passages (any query syntax) and, when it has terms, keeps the quantities
    whose metric or clause mentions one of them.
    """
    terms = [t.norm for t in ql.parse(query).positive_terms()] if query.strip() else []
    wanted = (lambda sentence: any(t in normalise(sentence) for t in terms)) if terms else None
    rows = []
    for hit in ix.search(query, filters, limit=None).hits:
        year = max(hit.years) if hit.years else 0
        for q in extract(hit.text, year, hit.doc_type, wanted):
            if terms and not any(t in normalise(q.metric) or t in normalise(q.clause) for t in terms):
                continue
            d = q.as_dict()
            rows.append({
                "doc_id": hit.doc_id, "passage": hit.passage, "region": hit.region,
                "region_path": list(hit.region_path), "year": d["year"], "metric": d["metric"],
                "comparator": d["comparator"], "value": d["value"], "unit": d["unit"], "kind": d["kind"],
                "text": d["clause"], "title": hit.title,
            })
    return {"query": query, "total": len(rows), "targets": rows[:limit] if limit else rows}

"""The targets view: every quantified commitment or reported figure in the passages a query selects."""

from __future__ import annotations

from icpolicy.engine import query as ql
from icpolicy.meta import target_store
from icpolicy.meta.targets import extract
from icpolicy.text.normalize import normalise

COLUMNS = ["doc_id", "passage", "region", "region_path", "year", "metric", "comparator", "value", "unit", "kind", "text", "title"]


def targets(ix, query: str = "", filters=None, limit: int | None = None) -> dict:
    """{"query", "total", "targets": [row...]}: one row per quantity, in the order of the search hits.

    QUERY selects the passages (any query syntax) and, when it has terms, keeps the quantities
    whose metric or clause mentions one of them, in a sentence that mentions one of them.

    The quantities are those the index stored at ingest (meta/target_store.py) when it stored
    them by the rules of this version; else (another backend, other rules) they are extracted
    from each hit's text here, with the same inputs and the same result.
    """
    terms = [t.norm for t in ql.parse(query).positive_terms()] if query.strip() else []
    stored_ok = (getattr(ix, "manifest", None) or {}).get("targets") == target_store.rules_hash()
    rows = []
    for hit in ix.search(query, filters, limit=None).hits:
        stored = hit.stored_targets if stored_ok else None
        found = _fresh(hit, terms) if stored is None else _kept(target_store.decode(stored, hit.text), terms)
        for q in found:
            rows.append({
                "doc_id": hit.doc_id, "passage": hit.passage, "region": hit.region,
                "region_path": list(hit.region_path), "year": q.year, "metric": q.metric,
                "comparator": q.comparator, "value": q.value, "unit": q.unit, "kind": q.kind,
                "text": q.clause, "title": hit.title,
            })
    return {"query": query, "total": len(rows), "targets": rows[:limit] if limit else rows}


def _mentions(terms: list[str], *texts: str) -> bool:
    norms = [normalise(text) for text in texts]
    return any(t in norm for norm in norms for t in terms)


def _kept(found: list[target_store.Stored], terms: list[str]) -> list[target_store.Stored]:
    """The stored quantities a query keeps: its metric or clause and its sentence mention a term."""
    if not terms:
        return found
    return [q for q in found if _mentions(terms, q.metric, q.clause) and _mentions(terms, q.sentence)]


def _fresh(hit, terms: list[str]) -> list[target_store.Stored]:
    """The quantities of a hit extracted now (the sentences that mention no term are not read)."""
    wanted = (lambda sentence: _mentions(terms, sentence)) if terms else None
    year = max(hit.years) if hit.years else 0
    out = []
    for q in extract(hit.text, year, hit.doc_type, wanted):
        if terms and not _mentions(terms, q.metric, q.clause):
            continue
        d = q.as_dict()
        out.append(target_store.Stored(d["metric"], d["comparator"], d["value"], d["unit"], d["year"], d["kind"], d["clause"], ""))
    return out

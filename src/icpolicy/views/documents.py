"""The documents view: documents, not passages, with their facts and how many passages match.

Built on the public Index API: `search(limit=None)` grouped by document, `Index.facts(doc_id)`
for each document's stored facts, and `Index.document_records` for the issuer filter (the Whoosh document index,
or the passage index when that does not hold the last commit; ClickHouse's documents table); title words and 文号
are matched on its records by `title_matches` and `number_matches`.
"""

from __future__ import annotations

from collections import OrderedDict

from icpolicy.engine.filters import Modes
from icpolicy.errors import UsageError
from icpolicy.meta.zones import division_path, sort_key
from icpolicy.text.normalize import normalise

COLUMNS = ["doc_id", "title", "doc_type", "region", "region_path", "zone", "years", "segments", "doc_number", "issuer", "issued", "source", "passages"]
SORTS = ("score", "issued", "year", "region")
_BRACKETS = str.maketrans({c: "" for c in "〔〕[]【】()（）﹝﹞{}「」 "})


_QUOTES = "\"'“”‘’"


def title_words(wanted: str) -> list[str]:
    """The words of a --title value as the titles are matched: apart by spaces, quotes aside, normalised."""
    return [normalise(word.strip(_QUOTES)) for word in wanted.split()]


def title_matches(title: str, words: list[str]) -> bool:
    """Every word (title_words) occurs in the title as written (normalised), in any order: 第5号 is not in
    …（第15号）, which matching jieba's words (第, 5, 号) let through."""
    norm = normalise(title)
    return all(word in norm for word in words)


def number_form(wanted: str) -> str:
    """A --number value as the 文号 are matched: normalised, without the brackets around the year."""
    return normalise(wanted).translate(_BRACKETS)


def number_matches(number: str, wanted: str) -> bool:
    """The 文号 contains `wanted` (number_form), ignoring the kind of brackets around the year (〔2023〕 = [2023])."""
    return wanted in normalise(number).translate(_BRACKETS)


def fielded_candidates(ix, title: str | None, issuer: str | None, number: str | None) -> set[str] | None:
    """doc_ids the document records (Index.document_records) select for the filters; None when none is given.

    The records answer issuer; title and 文号 are checked here on them, because the Whoosh index's
    title field matches whole jieba words (昆山 would miss 昆山市) and its 文号 field exact
    brackets ([2023] would miss 〔2023〕).
    """
    if not (title or issuer or number):
        return None
    records = ix.document_records(issuer=issuer or None)  # (ClickHouse keeps the facts in its documents table)
    words, number = title_words(title or ""), number and number_form(number)  # once, not once per record
    return {facts["doc_id"] for facts in records
            if (not words or title_matches(facts.get("title", ""), words))
            and (not number or number_matches(facts.get("doc_number", ""), number))}


def document_facts(ix, doc_id: str) -> tuple[dict, list[str]]:
    """(record, segments) of a document from the engine's stored facts (no passages read)."""
    record = dict(ix.facts(doc_id))
    return record, list(record.get("sectors") or [])


def documents(ix, query: str = "", filters=None, title: str | None = None, issuer: str | None = None,
              number: str | None = None, sort: str = "score", limit: int | None = None, grouped: dict | None = None) -> dict:
    """{"total", "documents": [row...]}: the documents `search QUERY` hits (all documents the
    filters select when there is no QUERY), each with the count of its matching passages.
    grouped: what `matching` gave for the same query and filters, when the caller has it."""
    if sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}, not '{sort}'")
    grouped = matching(ix, query, filters) if grouped is None else grouped
    allowed = fielded_candidates(ix, title, issuer, number)
    rows = []
    for doc_id, (count, score) in grouped.items():
        if allowed is not None and doc_id not in allowed:
            continue
        record, segments = document_facts(ix, doc_id)
        rows.append((score, _row(record, count, segments)))
    order = "year" if sort == "score" and not query else sort  # (no query: no score to order by; newest first)
    rows = [row for _, row in sorted(rows, key=lambda p: _order(p, order))]
    return {"query": query, "total": len(rows), "documents": rows[:limit] if limit else rows}


def matching(ix, query: str = "", filters=None, modes: Modes = Modes()) -> OrderedDict[str, list]:
    """doc_id -> [matching passages, best score] of the documents `search QUERY` (in its match modes) hits, in the order of their first hit."""
    grouped: OrderedDict[str, list] = OrderedDict()
    for hit in ix.search(query, filters, limit=None, **modes._asdict()).hits:
        entry = grouped.setdefault(hit.doc_id, [0, 0.0])
        entry[0] += 1
        entry[1] = max(entry[1], hit.score)
    return grouped


def without_issuer(ix, grouped: dict, title: str | None = None, number: str | None = None) -> list[dict]:
    """Of the documents `matching` gave, those the title and 文号 filters keep whose facts name no issuer (the text
    states none the rules read): `--issuer` cannot match them, whatever they are.  Their rows, as `documents` gives them."""
    return [row for row in documents(ix, "", None, title, None, number, grouped=grouped)["documents"] if not row["issuer"]]


def _row(record: dict, count: int, segments: list[str]) -> dict:
    path, zone = division_path(record.get("region_path") or [])
    years = record.get("years") or ""
    years = [int(y) for y in years.split()] if isinstance(years, str) else list(years)
    return {
        "doc_id": record.get("doc_id", ""), "title": record.get("title", ""), "doc_type": record.get("doc_type", ""),
        "region": path[-1] if path else "", "region_path": path, "zone": zone, "years": years, "segments": list(segments),
        "doc_number": record.get("doc_number", ""), "issuer": record.get("issuer", ""), "issued": record.get("issued", ""),
        "source": record.get("source", ""), "passages": count,
    }


def _order(pair, sort: str):
    score, row = pair
    if sort == "issued":
        return (not row["issued"], "".join(chr(0x10FFFF - ord(c)) for c in row["issued"]), row["doc_id"])
    if sort == "year":
        return (-(max(row["years"]) if row["years"] else 0), -score, "/".join(row["region_path"]) or "~", row["doc_id"])
    if sort == "region":
        return (sort_key("/".join(row["region_path"]) or "~"), -score, row["doc_id"])
    return (-score, row["doc_id"])


def per_document(hits: list, n: int) -> list:
    """At most n hits of each document, keeping the order (for `search --per-doc N`)."""
    seen: dict[str, int] = {}
    kept = []
    for hit in hits:
        seen[hit.doc_id] = seen.get(hit.doc_id, 0) + 1
        if seen[hit.doc_id] <= n:
            kept.append(hit)
    return kept

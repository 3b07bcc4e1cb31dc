"""The targets view: every quantified commitment or reported figure in the passages a query selects."""

from __future__ import annotations

from collections.abc import Iterator

from icpolicy.engine.filters import Modes, plan_query
from icpolicy.engine.schema import ideographs_only
from icpolicy.meta import target_store
from icpolicy.meta import target_parts
from icpolicy.meta.target_headings import body_of, unrepeated
from icpolicy.meta.zones import sort_key, zoned_path
from icpolicy.meta.targets import extract

COLUMNS = ["doc_id", "passage", "region", "region_path", "zone", "year", "metric", "comparator", "value", "unit", "kind", "text", "title", "high", "bound", "ratio"]


SORTS = ("score", "year", "region")


def targets(ix, query: str = "", filters=None, limit: int | None = None, kind: str | None = None, modes: Modes = Modes(),
            sort: str = "score") -> dict:
    """{"query", "total", "targets": [row...]}: target_rows, counted, in `sort` order (the first `limit` kept)."""
    rows = ordered(list(target_rows(ix, query, filters, kind, modes)), sort)
    return {"query": query, "total": len(rows), "targets": rows[:limit] if limit else rows}


def ordered(rows: list[dict], sort: str) -> list[dict]:
    """The rows in search's order of their passages (score), by the year each figure is for, newest first (year), or
    by place in the division table's order as `search --sort region` gives it, newest first within a place (region)."""
    if sort == "year":
        return sorted(rows, key=lambda r: -(r["year"] or 0))
    if sort == "region":
        return sorted(rows, key=lambda r: (sort_key("/".join(zoned_path(r["region_path"], r["zone"])) or "~"), -(r["year"] or 0)))
    return rows


def target_rows(ix, query: str = "", filters=None, kind: str | None = None, modes: Modes = Modes()) -> Iterator[dict]:
    """One row per quantity, in the order of the search hits (only those of `kind`, target or
    reported, when given), each made when it is read (`targets --all` streams them).

    QUERY selects the passages (any query syntax, in the match `modes` search takes) and, when it
    has terms, keeps the quantities whose metric or clause mentions one of them (or, with --expand
    and --fuzzy, one of their forms or words), in a sentence that mentions one of them.

    The quantities are those the index stored at ingest (meta/target_store.py) when it stored
    them by the rules of this version; else (another backend, other rules) they are extracted
    from each hit's text here, with the same inputs and the same result (a work report's part,
    review or plan, is worked out from its document's passages, read once per document).
    """
    hits = ix.search(query, filters, limit=None, **modes._asdict()).hits  # a query's or a filter's error is raised here, before any row is written
    terms = list(dict.fromkeys(n for t in plan_query(query, None, "score", *modes)[2] for n in t.needles()))
    return _rows(ix, hits, terms, kind)


def _rows(ix, hits, terms: list[str], kind: str | None) -> Iterator[dict]:
    stored_ok = target_store.stored_here(ix)
    ideographic = all(ideographs_only(t) for t in terms)  # with a plain passage: found where they stand
    part_of = _PartOf(ix)
    for hit in hits:
        stored = hit.stored_targets if stored_ok else None
        found = _fresh(hit, terms, *part_of(hit), part_of.following) if stored is None else \
            target_store.decode_fields(stored, hit.text, terms, ideographic and getattr(hit, "plain", False))
        if not found:
            continue
        doc_id, passage, region, path, zone, title = hit.doc_id, hit.passage, hit.region, list(hit.region_path), hit.zone, hit.title
        figure = part_of.figure_year(hit)
        for metric, comparator, value, unit, year, found_kind, clause, _, high, bound, ratio in found:
            if kind and found_kind != kind:
                continue
            yield {
                "doc_id": doc_id, "passage": passage, "region": region, "region_path": path, "zone": zone,
                "year": target_store.looked_back(year, found_kind, figure, hit.years), "metric": _without_own_place(metric, path, zone),
                "comparator": comparator, "value": value, "unit": unit, "kind": found_kind, "text": clause, "title": title,
                "high": high, "bound": bound, "ratio": ratio,
            }


def _without_own_place(metric: str, path: list[str], zone: str) -> str:
    """The metric without a leading full name of the row's own place, which its region columns give (合肥市集成电路产业产值
    in a 合肥 row: 集成电路产业产值), so that one measure has one name across places; a metric that is the name alone,
    or leaves fewer than two characters, keeps it."""
    for name in sorted([*path, zone], key=len, reverse=True):
        if name and metric.startswith(name) and len(metric) - len(name) >= 2 and _word_ends(metric, len(name)):
            rest = metric[len(name):]
            return rest[1:] if rest.startswith("的") and len(rest) > 2 else rest
    return metric


def _word_ends(text: str, at: int) -> bool:
    """Whether a word ends at `at` in text (jieba's words), and no level word runs on from there: 上海市场主体 and
    江苏省级… are no place name and a measure (市场, 省级), nor is 苏州市级以上…."""
    from icpolicy.text.tokens import cut

    end = 0
    for word in cut(text):
        end += len(word)
        if end >= at:
            return end == at and not text.startswith("级", at)
    return False


class _PartOf:
    """The part of its work report a hit stands in, as ingest works it out over the whole document, the year of its
    uncued figures (target_store.figure_year, from its document's years) and its plan's first year
    (target_store.plan_start); each document read once."""

    def __init__(self, ix):
        self.ix, self.known = ix, {}  # doc_id -> (ordinal -> part, the document's years, its issue date)
        self.texts = {}  # doc_id -> its passages' texts in order, for the passages under a heading
        self.facts = {}  # doc_id -> its stored facts

    def following(self, hit) -> list[str]:
        """The texts of the passages under a hit that is a heading, in its document (target_headings.body_of)."""
        if hit.doc_id not in self.texts:
            self.texts[hit.doc_id] = [p["text"] for p in sorted(self.ix.document(hit.doc_id)[1], key=lambda p: p["passage"])]
        texts = self.texts[hit.doc_id]
        return [texts[k] for k in body_of(texts, hit.passage, target_parts.is_heading)] if hit.passage < len(texts) else []

    def figure_year(self, hit) -> int:
        """The year of the hit's uncued figures (target_store.figure_year), from its document's stored facts."""
        if hit.doc_id not in self.facts:
            self.facts[hit.doc_id] = self.ix.facts(hit.doc_id)
        facts = self.facts[hit.doc_id]
        return target_store.figure_year(tuple(facts.get("years", ())), hit.doc_type, hit.years, facts.get("issued", ""))

    def __call__(self, hit) -> tuple[str, int, int]:
        if hit.doc_id not in self.known:
            passages = self.ix.document(hit.doc_id)[1] if target_parts.reports(hit.doc_type) else []
            facts = self.facts.get(hit.doc_id) or self.ix.facts(hit.doc_id)
            years = tuple(facts.get("years", ()))
            self.known[hit.doc_id] = (target_parts.by_ordinal([(p["passage"], p["text"]) for p in passages], hit.doc_type, years),
                                      years, facts.get("issued", ""))
        parts, doc_years, issued = self.known[hit.doc_id]
        return parts.get(hit.passage, ""), target_store.figure_year(doc_years, hit.doc_type, hit.years, issued), target_store.plan_start(doc_years, hit.doc_type)


def _fresh(hit, terms: list[str], part: str, year: int, since: int, following) -> list[target_store.Stored]:
    """The quantities of a hit extracted now (the sentences that mention no term are not read); a heading's less those
    the passages under it repeat, as ingest stores them (`following(hit)`: their texts)."""
    wanted = (lambda sentence: target_store.mentions(terms, sentence)) if terms else None
    found = extract(hit.text, year, hit.doc_type, wanted, part=part, since=since)
    if found and target_parts.is_heading(hit.text):
        found = unrepeated(found, [q for text in following(hit) for q in extract(text, year, hit.doc_type, part=part, since=since)])
    out = []
    for q in found:
        if terms and not target_store.mentions(terms, q.metric, q.clause):
            continue
        d = q.as_dict()
        out.append(target_store.Stored(d["metric"], d["comparator"], d["value"], d["unit"], d["year"], d["kind"], d["clause"], "", d["high"], d["bound"], d["ratio"]))
    return out

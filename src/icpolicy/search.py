"""Search: run a parsed query with filters against the index and return hits with match spans.

Matching is exact: a term matches a passage when its normalised form is a substring of the
normalised passage (index.py explains how the `chars` field makes that a Whoosh query).
Ranking is Whoosh's BM25F over those tokens, plus a boost when a term is one of jieba's
words in the passage (a whole-word match ranks above a match inside a longer word).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as wq
from whoosh import scoring, sorting

from . import index as index_store
from . import query as ql
from . import regions, segments, years
from .errors import UsageError
from .models import Hit
from .normalize import find_spans, query_grams, tail_variants

WORD_BOOST = 2.0


@dataclass
class Filters:
    """Filters that narrow a search; values as the user typed them."""

    regions: list[str] = field(default_factory=list)
    year: str | None = None
    segments: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    def merged(self, inline: dict[str, list[str]]) -> Filters:
        """These filters plus the ones written inside the query (region:江苏 ...)."""
        year = self.year
        if inline.get("year"):
            if year and year != inline["year"][-1]:
                raise UsageError(f"two year filters given ({year} and {inline['year'][-1]}); keep one")
            year = inline["year"][-1]
        return Filters(self.regions + inline.get("region", []), year, self.segments + inline.get("segment", []), self.types + inline.get("type", []))


@dataclass
class SearchResult:
    """The hits shown, how many passages and documents matched, and how they spread."""

    hits: list[Hit]
    total: int
    documents: int
    by_province: Counter
    by_region: Counter
    by_year: Counter
    by_segment: Counter
    by_type: Counter


def compile_tree(node) -> wq.Query:
    """A parsed query tree -> the Whoosh query over the `chars` field."""
    if isinstance(node, ql.Term):
        tokens = query_grams(node.norm)
        if len(tokens) == 1:
            return wq.Term("chars", tokens[0])
        return wq.Or([wq.Phrase("chars", tokens)] + [wq.Phrase("chars", variant) for variant in tail_variants(node.norm)])
    if isinstance(node, ql.And):
        return wq.And([compile_tree(item) for item in node.items])
    if isinstance(node, ql.Or):
        return wq.Or([compile_tree(item) for item in node.items])
    if isinstance(node, ql.Not):
        return wq.Not(compile_tree(node.item))
    raise TypeError(f"not a query node: {node!r}")


class Index:
    """An open index, ready for any number of searches."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.manifest = index_store.read_manifest(self.index_dir)
        self._ix = index_store.open_for_search(self.index_dir)
        # B=0.4: softer length normalisation than BM25's 0.75, so one-line headings do not
        # outrank the paragraphs that say something about the term.
        self._searcher = self._ix.searcher(weighting=scoring.BM25F(B=0.4, K1=1.2))

    def close(self) -> None:
        """Release the searcher's files."""
        self._searcher.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def filter_query(self, filters: Filters) -> wq.Query | None:
        """The Whoosh filter for region, year, segment and type; raises UsageError on unknown values."""
        parts: list[wq.Query] = []
        if filters.regions:
            terms = []
            for name in filters.regions:
                paths = regions.resolve_filter(name)
                if not paths:
                    raise UsageError(f"unknown region '{name}': use a province, city or county name such as 江苏, 苏州 or 昆山")
                terms += [wq.Term("region", "/".join(path)) for path in paths]
            parts.append(wq.Or(terms))
        if filters.year:
            try:
                start, end = years.parse_range(filters.year)
            except ValueError as exc:
                raise UsageError(f"--year: {exc}") from None
            present = [int(t) for t in self._searcher.lexicon("years") if t.isdigit()]
            wanted = [y for y in present if start <= y <= end]
            parts.append(wq.Or([wq.Term("years", str(y)) for y in wanted]) if wanted else wq.NullQuery)
        if filters.segments:
            slugs = []
            for value in filters.segments:
                slug = segments.resolve(value)
                if slug is None:
                    known = ", ".join(f"{s.slug} ({s.label})" for s in segments.taxonomy())
                    raise UsageError(f"unknown segment '{value}'; known segments: {known}")
                slugs.append(slug)
            parts.append(wq.Or([wq.Term("segments", slug) for slug in slugs]))
        if filters.types:
            present = [t.decode("utf-8") if isinstance(t, bytes) else t for t in self._searcher.lexicon("doc_type")]
            wanted = [t for t in present if any(v in t for v in filters.types)]
            parts.append(wq.Or([wq.Term("doc_type", t) for t in wanted]) if wanted else wq.NullQuery)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)

    def search(self, text: str, filters: Filters | None = None, limit: int | None = 10, sort: str = "score") -> SearchResult:
        """Parse and run a query; limit None returns every hit."""
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        return self.run(parsed, filters, limit, sort)

    def run(self, parsed: ql.ParsedQuery, filters: Filters, limit: int | None = 10, sort: str = "score") -> SearchResult:
        """Run an already parsed query."""
        passages_only = wq.Term("kind", "passage")
        if parsed.tree is None:
            main: wq.Query = passages_only
        elif ql.is_only_negative(parsed):
            main = wq.And([passages_only, compile_tree(parsed.tree)])
        else:
            main = compile_tree(parsed.tree)
        terms = parsed.positive_terms()
        if terms:
            main = wq.AndMaybe(main, wq.Or([wq.Term("words", t.norm, boost=WORD_BOOST) for t in terms]))
        filter_q = self.filter_query(filters)
        facets = {
            "doc": sorting.FieldFacet("doc_id"),
            "region": sorting.FieldFacet("region", allow_overlap=True),
            "year": sorting.FieldFacet("years", allow_overlap=True),
            "segment": sorting.FieldFacet("segments", allow_overlap=True),
            "type": sorting.FieldFacet("doc_type"),
        }
        collect = None if sort != "score" else limit
        results = self._searcher.search(main, limit=collect, filter=filter_q, groupedby=facets, maptype=sorting.Count, terms=False)
        # With groupedby, Whoosh keeps every match in top_n whatever the limit: cut it here.
        shown = results[:collect] if collect else results
        hits = [self._hit(result, terms) for result in shown]
        if sort != "score":
            hits = _sorted(hits, sort)[:limit] if limit else _sorted(hits, sort)
        groups = {name: _decoded(results.groups(name)) for name in facets}
        by_region = Counter(groups["region"])
        return SearchResult(
            hits=hits,
            total=len(results),
            documents=len(groups["doc"]),
            by_province=Counter({k: v for k, v in by_region.items() if "/" not in k}),
            by_region=by_region,
            by_year=Counter({int(k): v for k, v in groups["year"].items() if k.isdigit()}),
            by_segment=Counter(groups["segment"]),
            by_type=Counter({k: v for k, v in groups["type"].items() if k}),
        )

    def _hit(self, result, terms: list[ql.Term]) -> Hit:
        stored = result.fields()
        text = stored.get("text", "")
        tail = stored.get("tail", "")
        spans = find_spans(text, [t.norm for t in terms], tail)
        matched = [t.text for t in terms if find_spans(text, [t.norm], tail)]
        path = list(stored.get("region_path") or [])
        return Hit(
            doc_id=stored["doc_id"],
            title=stored.get("title", ""),
            source=stored.get("source", ""),
            doc_type=stored.get("doc_type", ""),
            region=path[-1] if path else "",
            region_path=path,
            years=[int(y) for y in (stored.get("years") or "").split()],
            segments=[s for s in (stored.get("segments") or "").split(",") if s],
            passage=stored.get("passage", 0),
            text=text,
            highlights=spans,
            score=float(result.score or 0.0),
            doc_number=stored.get("doc_number", ""),
            issuer=stored.get("issuer", ""),
            issued=stored.get("issued", ""),
            matched=matched,
        )

    def document(self, doc_id: str) -> tuple[dict, list[dict]]:
        """The stored record of a document and its passages in order; KeyError when unknown."""
        record = None
        passages = []
        for docnum in self._searcher.document_numbers(doc_id=doc_id):
            stored = self._searcher.stored_fields(docnum)
            if stored.get("kind") == "doc":
                record = stored
            else:
                passages.append(stored)
        if record is None:
            raise KeyError(doc_id)
        passages.sort(key=lambda p: p.get("passage", 0))
        return record, passages


def _decoded(groups: dict) -> dict[str, int]:
    return {(k.decode("utf-8") if isinstance(k, bytes) else str(k)): v for k, v in groups.items() if k not in (None, b"", "")}


def _sorted(hits: list[Hit], sort: str) -> list[Hit]:
    if sort == "year":
        return sorted(hits, key=lambda h: (-(max(h.years) if h.years else 0), -h.score))
    if sort == "region":
        return sorted(hits, key=lambda h: ("/".join(h.region_path) or "~", -h.score))
    raise UsageError(f"--sort must be score, year or region, not '{sort}'")


def open_index(index_dir: str | Path) -> Index:
    """Open an index folder for searching (the Python API's entry point)."""
    return Index(Path(index_dir))

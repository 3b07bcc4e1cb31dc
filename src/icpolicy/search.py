"""Search: run a parsed query with filters against the index and return hits with match spans.

Matching is exact: a term matches a passage when its normalised form is a substring of the
normalised passage (index.py explains how the `chars` field makes that a Whoosh query).
Ranking is Whoosh's BM25F over those tokens, plus a boost when a term is one of jieba's
words in the passage (a whole-word match ranks above a match inside a longer word).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import query as wq
from whoosh import scoring

from . import index as index_store
from . import query as ql
from . import matching, regions, segments, years
from .errors import UsageError
from .models import Hit
from .normalize import find_spans, normalise, query_grams, tail_variants

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
    by_type: Counter


def _substring(norm: str) -> wq.Query:
    """Passages where the normalised string starts (see index.py: bigram phrases, tail variants)."""
    tokens = query_grams(norm)
    if len(tokens) == 1:
        return wq.Term("chars", tokens[0])
    return wq.Or([wq.Phrase("chars", tokens)] + [wq.Phrase("chars", variant) for variant in tail_variants(norm)])


def compile_tree(node) -> wq.Query:
    """A parsed query tree -> the Whoosh query over the `chars` field."""
    if isinstance(node, ql.Term):
        if node.words:
            return wq.And([_substring(word) for word in node.words])
        if node.forms:
            return wq.Or([_substring(form) for form in node.forms])
        return _substring(node.norm)
    if isinstance(node, ql.And):
        return wq.And([compile_tree(item) for item in node.items])
    if isinstance(node, ql.Or):
        return wq.Or([compile_tree(item) for item in node.items])
    if isinstance(node, ql.Not):
        return wq.Not(compile_tree(node.item))
    raise TypeError(f"not a query node: {node!r}")


def prepare_tree(tree, fuzzy: bool = False, expand: bool = False):
    """Give terms their synonym forms (--expand) or jieba words (--fuzzy)."""
    if tree is None:
        return None
    if expand:
        from .synonyms import expand as forms_of

        tree = ql.transform(tree, lambda t: replace(t, forms=forms_of(t.norm)) if len(forms_of(t.norm)) > 1 else t)
    if fuzzy:
        from .tokens import tokenise

        def split(term: ql.Term) -> ql.Term:
            words = tuple(dict.fromkeys(tokenise(term.text)))
            return replace(term, words=words) if len(words) > 1 else term

        tree = ql.transform(tree, split)
    return tree


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

    def search(self, text: str, filters: Filters | None = None, limit: int | None = 10, sort: str = "score",
               scope: str = "passage", fuzzy: bool = False, expand: bool = False) -> SearchResult:
        """Parse and run a query; limit None returns every hit.

        scope: "passage" (同段, default), "sentence" (同句: all terms in one sentence) or
        "document" (同篇: terms anywhere in the document; its passages with any term are shown).
        fuzzy (模糊): a term's jieba words may stand apart, closer ranks higher.
        expand: terms also match their synonyms from data/synonyms.txt.
        """
        if scope not in ("passage", "sentence", "document"):
            raise UsageError(f"scope must be passage, sentence or document, not '{scope}'")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        tree = prepare_tree(parsed.tree, fuzzy, expand)
        parsed = ql.ParsedQuery(tree, parsed.filters)
        if scope == "passage" and tree is not None and not fuzzy and not expand:
            return self._run_exact(parsed, filters, limit, sort)
        return self._run_verified(parsed, filters, limit, sort, scope, fuzzy)

    def _main_query(self, parsed: ql.ParsedQuery) -> wq.Query:
        passages_only = wq.Term("kind", "passage")
        if parsed.tree is None:
            return passages_only
        if ql.is_only_negative(parsed):
            return wq.And([passages_only, compile_tree(parsed.tree)])
        main = compile_tree(parsed.tree)
        terms = parsed.positive_terms()
        return wq.AndMaybe(main, wq.Or([wq.Term("words", t.norm, boost=WORD_BOOST) for t in terms])) if terms else main

    def _run_exact(self, parsed: ql.ParsedQuery, filters: Filters, limit: int | None, sort: str) -> SearchResult:
        """Plain substring matching: Whoosh finds, scores and counts; facets come from one column."""
        terms = parsed.positive_terms()
        # One scored pass over every match: Whoosh's docs() after a limited search would run
        # the whole query a second time (unscored) to count; sorting a few thousand is cheaper.
        results = self._searcher.search(self._main_query(parsed), limit=None, filter=self.filter_query(filters), terms=False)
        if sort == "score":
            shown = [self._hit(r.fields(), float(r.score or 0.0), terms) for r in (results[:limit] if limit else results)]
        else:
            everything = [self._hit(r.fields(), float(r.score or 0.0), terms) for r in results]
            shown = _sorted(everything, sort)[:limit] if limit else _sorted(everything, sort)
        return self._with_facets(shown, [docnum for _, docnum in results.top_n])

    def _with_facets(self, hits: list[Hit], docnums) -> SearchResult:
        """Counts over every matching passage, read from the facet column (no stored fields)."""
        column = self._facet_column()
        facets = (index_store.parse_facet(column[docnum]) for docnum in docnums)
        return _tally(hits, ((f.region_path, f.years, f.doc_type, f.doc_id) for f in facets))

    def counts(self, text: str, filters: Filters | None, by: str) -> list[tuple[str, int, int]]:
        """(key, passages, documents) of the passages matching text, by region (province), city,
        year, segment or type: read from the facet column, no stored fields touched."""
        keys_of = {
            "region": lambda f: [f.region_path[0]] if f.region_path else [],
            "city": lambda f: ["/".join(f.region_path[:2])] if f.region_path else [],
            "year": lambda f: [str(y) for y in f.years],
            "segment": lambda f: list(f.segments),
            "type": lambda f: [f.doc_type] if f.doc_type else [],
        }
        if by not in keys_of:
            raise UsageError(f"cannot count by '{by}'; use one of {', '.join(keys_of)}")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        results = self._searcher.search(self._main_query(parsed), limit=None, filter=self.filter_query(filters), scored=False, terms=False)
        column = self._facet_column()
        passages: Counter = Counter()
        documents: dict[str, set] = {}
        for docnum in results.docs():
            facet = index_store.parse_facet(column[docnum])
            for key in keys_of[by](facet):
                passages[key] += 1
                documents.setdefault(key, set()).add(facet.doc_id)
        keys = sorted(passages) if by == "year" else [k for k, _ in passages.most_common()]
        return [(k, passages[k], len(documents[k])) for k in keys]

    def _facet_column(self):
        if getattr(self, "_column", None) is None:
            self._column = self._searcher.reader().column_reader("facet")
        return self._column

    def _run_verified(self, parsed: ql.ParsedQuery, filters: Filters, limit: int | None, sort: str, scope: str, fuzzy: bool) -> SearchResult:
        """Sentence and document scope, fuzzy and expanded terms: Whoosh finds candidates, Python decides."""
        tree = parsed.tree
        terms = parsed.positive_terms()
        filter_q = self.filter_query(filters)
        if scope == "document" and tree is not None:
            candidates = self._document_scope(tree, terms, filter_q)
        else:
            results = self._searcher.search(self._main_query(parsed), limit=None, filter=filter_q, terms=False)
            candidates = [(r.fields(), float(r.score or 0.0)) for r in results]
        hits = []
        for stored, score in candidates:
            own = normalise(stored.get("text", ""))
            if tree is not None and scope == "sentence":
                if not matching.in_one_sentence(tree, stored.get("text", "")):
                    continue
            elif tree is not None and scope == "passage":
                if not matching.evaluate(tree, own) and not _starts_in(tree, own + normalise(stored.get("tail", ""))):
                    continue
            if fuzzy:
                gaps = sum(matching.window(t.words, own) for t in terms if t.words)
                score = score / (1.0 + 0.05 * gaps)
            hits.append(self._hit(stored, score, terms))
        hits.sort(key=lambda h: -h.score)
        if sort != "score":
            hits = _sorted(hits, sort)
        return _result_from_hits(hits, limit)

    def _document_scope(self, tree, terms: list[ql.Term], filter_q) -> list[tuple[dict, float]]:
        """同篇: documents satisfying the tree as a whole; their passages matching any positive term."""
        docs_with: dict[str, set] = {}
        for leaf in ql.terms(tree):
            found = self._searcher.search(compile_tree(leaf), limit=None, filter=filter_q, terms=False, scored=False)
            docs_with[leaf.norm] = {self._searcher.stored_fields(n)["doc_id"] for n in found.docs()}
        universe = {self._searcher.stored_fields(n)["doc_id"] for n in self._searcher.document_numbers(kind="doc")}
        good = matching.evaluate_sets(tree, docs_with, universe)
        if not terms:
            return []
        any_term = wq.Or([compile_tree(t) for t in terms])
        results = self._searcher.search(any_term, limit=None, filter=filter_q, terms=False)
        return [(r.fields(), float(r.score or 0.0)) for r in results if r.fields()["doc_id"] in good]

    def _hit(self, stored: dict, score: float, terms: list[ql.Term]) -> Hit:
        text = stored.get("text", "")
        tail = stored.get("tail", "")
        spans = find_spans(text, [needle for t in terms for needle in t.needles()], tail)
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
            score=score,
            doc_number=stored.get("doc_number", ""),
            issuer=stored.get("issuer", ""),
            issued=stored.get("issued", ""),
            matched=[label for t in terms for label in _matched(t, text, tail)],
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


def _matched(term: ql.Term, text: str, tail: str) -> list[str]:
    """How a term matched this passage: as typed, as a synonym (SiC（碳化硅）), or as its words (先进+封装)."""
    if term.words:
        return ["+".join(term.words)] if all(find_spans(text, [w]) for w in term.words) else []
    if term.forms:
        own = normalise(text)
        found = [f for f in term.forms if (f == term.norm and find_spans(text, [f], tail)) or (f != term.norm and matching.occurs(f, own))]
        labels = []
        for form in found:
            if form == term.norm:
                labels.append(term.text)
            else:
                start, end = find_spans(text, [form])[0]
                labels.append(f"{text[start:end]}（{term.text}）")
        return labels
    return [term.text] if find_spans(text, [term.norm], tail) else []


def _starts_in(tree, joined: str) -> bool:
    """For plain terms Whoosh already guarantees a match that starts in the passage (tail rule)."""
    plain = all(not t.forms and not t.words for t in ql.terms(tree))
    return plain and matching.evaluate(tree, joined)


def _result_from_hits(hits: list[Hit], limit: int | None) -> SearchResult:
    """Counts and facets computed from the full list of verified hits."""
    result = _tally(hits, ((h.region_path, h.years, h.doc_type, h.doc_id) for h in hits))
    result.hits = hits[:limit] if limit else hits
    return result


def _tally(hits: list[Hit], keys) -> SearchResult:
    """A SearchResult for the hits shown, counting (region path, years, type, doc id) of every match."""
    by_region: Counter = Counter()
    by_year: Counter = Counter()
    by_type: Counter = Counter()
    documents = set()
    total = 0
    for path, years_, doc_type, doc_id in keys:
        total += 1
        by_region.update("/".join(path[: i + 1]) for i in range(len(path)))
        by_year.update(years_)
        if doc_type:
            by_type[doc_type] += 1
        documents.add(doc_id)
    return SearchResult(
        hits=hits,
        total=total,
        documents=len(documents),
        by_province=Counter({k: v for k, v in by_region.items() if "/" not in k}),
        by_region=by_region,
        by_year=by_year,
        by_type=by_type,
    )


def _sorted(hits: list[Hit], sort: str) -> list[Hit]:
    if sort == "year":
        return sorted(hits, key=lambda h: (-(max(h.years) if h.years else 0), -h.score))
    if sort == "region":
        return sorted(hits, key=lambda h: ("/".join(h.region_path) or "~", -h.score))
    raise UsageError(f"--sort must be score, year or region, not '{sort}'")


def open_index(index_dir: str | Path) -> Index:
    """Open an index folder for searching (the Python API's entry point)."""
    return Index(Path(index_dir))

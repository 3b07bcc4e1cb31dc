"""Search: run a parsed query with filters against the tantivy passage index; hits with match spans.

Matching is exact: a term matches a passage when its normalised form starts in the passage's
normalised text (it may run on into the next passage); translate.py turns the query tree
into tantivy phrase and boolean queries, exact except for the few cases it lists, whose
candidates are checked here in Python.  Filters (filters.py) are tantivy term, term-set and
range queries over the passages' fast fields.  Ranking (rank.py) is tantivy's BM25 over the
phrase matches plus a should-clause per term on the passage's jieba words (the whole-word
boost).  Facets and counts are tantivy aggregations, computed only when read.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from icpolicy.engine import query as ql
from icpolicy.engine import bound, counting, rank, translate
from icpolicy.engine.filters import Filters, plan_query, region_paths, sector_slugs, tantivy_filters, year_span  # noqa: F401  (the backends' shared entry)
from icpolicy.engine.schema import split_record
from icpolicy.engine.results import DOC_BUCKETS, HitMaker, LazyHits, Loaded, SearchResult, facets_of
from icpolicy.errors import IndexDamaged, Terminated, UsageError
from icpolicy.meta import zones
from icpolicy.text.normalize import normalise


class Index:
    """An open index: a snapshot of the last commit, ready for any number of searches."""

    def __init__(self, index_dir: Path):
        from icpolicy.engine import manifest, writer

        self.index_dir = Path(index_dir)
        self.manifest = manifest.read_manifest(self.index_dir)
        manifest.check_files(self.index_dir, self.manifest)
        self.tantivy = writer.open_tantivy(self.index_dir)
        self.searcher = self._call(self.tantivy.searcher)
        self.tr = translate.Translator(self.tantivy.schema, self._doc_freq)
        self._facts: dict[str, dict] = {}
        self._types: list[str] | None = None

    def close(self) -> None:
        """Nothing to release by hand: tantivy frees its files when the last result using them goes
        (results read their facets lazily, so they may outlive the `with` block)."""

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, fn, *args, **kwargs):
        """A tantivy read; its failures (a damaged or truncated file) become IndexDamaged."""
        try:
            return fn(*args, **kwargs)
        except BaseException as exc:
            raise self._damaged(exc) from None

    def _doc_freq(self, field: str, token: str) -> int:
        try:  # not through _call: a query asks for a few of these
            return self.searcher.doc_freq(field, token)
        except BaseException as exc:
            raise self._damaged(exc) from None

    def _damaged(self, exc: BaseException) -> BaseException:
        if isinstance(exc, (KeyboardInterrupt, SystemExit, Terminated, UsageError)):  # (a pyo3 panic is a BaseException too)
            return exc
        return IndexDamaged(str(self.index_dir / "tantivy"), f"tantivy cannot read it ({type(exc).__name__}: {str(exc)[:200]})")

    # -- filters -------------------------------------------------------------------------

    def filter_queries(self, filters: Filters) -> list:
        """Tantivy queries for region, year, segment, type and document year; raises UsageError on unknown values."""
        return tantivy_filters(self.tantivy.schema, filters, self._doc_types, self._all_facts)

    def _doc_types(self) -> list[str]:
        """The document types of the index's passages: the manifest's counts of the commit when
        they describe it (keycounts.py), else one aggregation (about 20 ms at 1 GB)."""
        if self._types is None:
            from icpolicy.engine import keycounts

            kept = keycounts.lookup(self.manifest, self.index_dir, self.searcher, "type")
            if kept is None:
                found = self._aggregate(self.tr.passages(), {"t": {"terms": {"field": "doc_type", "size": 65000}}})
                kept = {b["key"]: b["doc_count"] for b in found["t"]["buckets"] if b["key"]}
            self._types = list(kept)
        return self._types

    def _aggregate(self, query, spec: dict) -> dict:
        return self._call(self.searcher.aggregate, query, spec)

    def _documents_in(self, query, found: dict) -> int:
        """Documents among the passages of a `doc` terms aggregation: exact up to DOC_BUCKETS
        documents, tantivy's cardinality estimate (within about 1%) beyond."""
        if not found["sum_other_doc_count"]:
            return len(found["buckets"])
        return round(self._aggregate(query, {"n": {"cardinality": {"field": "doc"}}})["n"]["value"])

    # -- documents -----------------------------------------------------------------------

    def facts(self, doc_id: str) -> dict:
        """The stored facts of a document (title, type, 文号, issuer...); KeyError when unknown."""
        if doc_id not in self._facts:
            query = self.tr.Q.boolean_query([(self.tr.Occur.Must, self.tr.Q.term_query(self.tantivy.schema, "kind", "d")),
                                             (self.tr.Occur.Must, self.tr.Q.term_query(self.tantivy.schema, "doc", doc_id))])
            hits = self._call(self.searcher.search, query, limit=1).hits
            if not hits:
                raise KeyError(doc_id)
            self._facts[doc_id] = json.loads(bytes(self._call(self.searcher.doc, hits[0][1])["facts"][0]))
        return self._facts[doc_id]

    def _passages_of(self, doc_id: str, after: int | None = None, upto: int | None = None) -> list[Loaded]:
        import tantivy

        schema, Q, Occur = self.tantivy.schema, self.tr.Q, self.tr.Occur
        clauses = [(Occur.Must, self.tr.passages()), (Occur.Must, Q.term_query(schema, "doc", doc_id))]
        if after is not None:
            clauses.append((Occur.Must, Q.range_query(schema, "ordinal", tantivy.FieldType.Integer, after + 1, upto)))
        query = Q.boolean_query(clauses)
        count = self._call(self.searcher.search, query, limit=1, count=True).count
        if not count:
            return []
        found = [self._load(address) for _, address in self._call(self.searcher.search, query, limit=count).hits]
        return sorted(found, key=lambda p: p.ordinal)

    def _load(self, address, score: float = 0.0) -> Loaded:
        try:  # not through _call: this runs for every hit shown
            doc = self.searcher.doc(address)
        except BaseException as exc:
            raise self._damaged(exc) from None
        try:
            return Loaded.from_doc(doc, address, score)
        except (ValueError, IndexError) as exc:  # (see search's build)
            raise self._damaged(exc) from None

    def _following(self, passage: Loaded, need: int) -> str:
        """The normalised text after a passage in its document, at least `need` characters when there are."""
        following = passage.tail
        if len(following) >= need:
            return following
        text = ""
        for later in self._passages_of(passage.doc_id, passage.ordinal, passage.ordinal + need):
            text += normalise(later.text)
            if len(text) >= need:
                break
        return text

    # -- searching -----------------------------------------------------------------------

    def search(self, text: str, filters: Filters | None = None, limit: int | None = 10, sort: str = "score",
               scope: str = "passage", fuzzy: bool = False, expand: bool = False) -> SearchResult:
        """Parse and run a query; limit None returns every hit.

        scope: "passage" (同段, default), "sentence" (同句: all terms in one sentence) or
        "document" (同篇: terms anywhere in the document; its passages with any term are shown).
        fuzzy (模糊): a term's jieba words may stand apart, closer ranks higher.
        expand: terms also match their synonyms from data/synonyms.txt.
        """
        filters, tree, terms = plan_query(text, filters, sort, scope, fuzzy, expand)
        sentence = scope == "sentence" and tree is not None
        filter_queries = self.filter_queries(filters)
        if scope == "document" and tree is not None:
            tree, plan = self._document_scope(tree, filter_queries)
        else:  # 同句: NOT holds per sentence, so the candidates are the passages of the positive part (checked below)
            plan = self.tr.tree(ql.sentence_candidates(tree) if sentence else tree)
        match = self.tr.filtered(plan.query, filter_queries)
        scoring = self.tr.filtered(rank.boosted(plan.query, self.tantivy.schema, terms), filter_queries)
        checked = not plan.exact or sentence or fuzzy
        if not checked:  # top hits through the bound (bound.py) where it can prove them, of passage scope
            top = (lambda: bound.top(self, tree, terms, filter_queries, limit)) if scope == "passage" else None
            return self._fast(match, scoring, terms, limit, sort, top, None if scope == "document" else tree)
        kept = self._checked(scoring, tree, terms, sentence, fuzzy)
        ordered = _ordered(kept, sort)
        shown = ordered if not limit else ordered[:limit]
        maker = HitMaker(terms, None if scope == "document" else tree, sentence)
        return SearchResult(LazyHits(shown, lambda p: maker(p, self._facts_named(p.doc_id))), len(kept), facets=lambda: facets_of(kept, self._facts_named))

    def _fast(self, match, scoring, terms, limit, sort, top=None, tree=None) -> SearchResult:
        """An exact plan: tantivy counts, ranks and aggregates; only the hits shown are read."""
        if limit and sort == "score":
            # The top hits without the count: counting makes tantivy score every match with the
            # words clause (about half the search); the total is counted when read, over the match.
            found = top() if top else None
            if found is None:
                found = self._call(self.searcher.search, scoring, limit=limit, count=False).hits
            total = len(found) if len(found) < limit else lambda: self._call(self.searcher.search, match, limit=1, count=True).count
        else:
            total = self._call(self.searcher.search, match, limit=1, count=True).count
            found = self._call(self.searcher.search, scoring, limit=total, count=False).hits if total else []
        if not total:
            return SearchResult([], 0, facets=lambda: facets_of([], self.facts))
        if sort == "year":
            newest = self._call(self.searcher.fast_field_values, "newest", [a for _, a in found])
            found = [x for _, x in sorted(zip(newest, found), key=lambda nx: (-nx[0], -nx[1][0], _key(nx[1][1])))]
        elif sort == "region":
            keyed = self._call(self.searcher.search, match, limit=total, count=False, order_by_field="region_key", order=_asc()).hits
            region = {_key(a): zones.sort_key(k) for k, a in keyed}  # the order of what is shown (meta/zones.py)
            found = sorted(found, key=lambda sa: (region.get(_key(sa[1]), zones.sort_key("~")), -sa[0], _key(sa[1])))
        if limit:
            found = found[:limit]
        maker = HitMaker(terms, tree)

        def build(scored):
            try:  # not through _call: this runs for every hit shown
                value = self.searcher.doc(scored[1]).get_first("record")
            except BaseException as exc:
                raise self._damaged(exc) from None
            try:
                return maker.from_record(value, scored[0], self._facts_named)
            except (ValueError, IndexError) as exc:  # a record that does not decode: a stored block altered since its commit
                raise self._damaged(exc) from None

        hits = [build(x) for x in found] if limit else LazyHits(found, build)  # --all: built as they are read
        return SearchResult(hits, total, facets=lambda: self._facets(match))

    def _checked(self, scoring, tree, terms, sentence: bool, fuzzy: bool) -> list[Loaded]:
        """Every candidate of an inexact plan, checked in Python (see translate.py)."""
        from icpolicy.engine import matching

        total = self._call(self.searcher.search, scoring, limit=1, count=True).count
        if not total:
            return []
        need = translate.longest_term(tree)
        kept = []
        for score, address in self._call(self.searcher.search, scoring, limit=total, count=False).hits:
            passage = self._load(address, score)
            own = normalise(passage.text)
            if need > len(passage.tail) + 1:
                # a term longer than the stored tail: what follows, read from the next passages, is the
                # hit's tail too, so its highlight runs on as far as the match does
                passage.tail = self._following(passage, need)
            following = passage.tail
            if not (matching.in_one_sentence(tree, passage.text, following) if sentence else translate.accepts(tree, passage.text, own, following)):
                continue  # (a sentence satisfying the tree holds its positive terms: the passage's check is in it)
            if fuzzy:
                passage.score *= rank.closeness(own, terms)
            kept.append(passage)
        return kept

    def _document_scope(self, tree, filter_queries):
        """同篇: the documents satisfying the tree as a whole; then their passages with any positive term."""
        from icpolicy.engine import matching

        docs_with = {leaf.norm: self._documents_with(leaf, filter_queries) for leaf in ql.terms(tree)}
        universe = {f["doc_id"] for f in self._all_facts()}
        good = matching.evaluate_sets(tree, docs_with, universe)
        terms = ql.ParsedQuery(tree).positive_terms()
        if not terms or not good:
            return None, translate.Plan(self.tr.Q.empty_query(), True)
        anyterm = ql.Or(tuple(terms)) if len(terms) > 1 else terms[0]
        plan = self.tr.tree(anyterm)
        only = self.tr.Q.term_set_query(self.tantivy.schema, "doc", sorted(good))
        return anyterm, translate.Plan(self.tr.filtered(plan.query, [only]), plan.exact)

    def filtered_documents(self, filters: Filters) -> list[str] | None:
        """doc_ids of the passages the filters select, from one aggregation (no passage read), as
        search("", filters) would find them; None beyond DOC_BUCKETS documents."""
        match = self.tr.filtered(self.tr.passages(), self.filter_queries(filters))
        found = self._aggregate(match, {"d": {"terms": {"field": "doc", "size": DOC_BUCKETS}}})["d"]
        return None if found["sum_other_doc_count"] else [b["key"] for b in found["buckets"]]

    def passage_texts(self, text: str, filters: Filters | None, doc_ids: list[str], tree=None) -> list[tuple[str, int, str, bool, str | None, list[int]]]:
        """(doc_id, ordinal, text, plain, stored quantities, years) of the passages of doc_ids among search(text, filters)'s
        hits, in no order: the same passages, neither ranked nor built into hits (views/changes).  `tree`: a query
        tree (engine/query.py) to search for instead of text's."""
        if tree is None:
            filters, tree, _ = plan_query(text, filters, "score", "passage", False, False)
        filters = filters or Filters()
        # a term query per document: tantivy's term_set_query took ~0.2 ms more on a 100 MB index
        only = self.tr.Q.boolean_query([(self.tr.Occur.Should, self.tr.Q.term_query(self.tantivy.schema, "doc", d)) for d in sorted(doc_ids)])
        plan = self.tr.tree(tree)
        match = self.tr.filtered(plan.query, [*self.filter_queries(filters), only])
        if not plan.exact:
            return [(p.doc_id, p.ordinal, p.text, p.plain, p.quantities, list(p.years)) for p in self._checked(match, tree, [], False, False)]
        # one more than the documents have passages: one search, no count first (unless it finds that many)
        most = sum(int(self.facts(d).get("n_passages") or 0) for d in doc_ids if self._known(d))
        found = self._call(self.searcher.search, match, limit=most + 1, count=False).hits
        if len(found) > most:
            count = self._call(self.searcher.search, match, limit=1, count=True).count
            found = self._call(self.searcher.search, match, limit=count, count=False).hits if count else []
        out = []
        for _, address in found:
            doc_id, ordinal, plain, _, years, _, _, passage, quantities = self._call(lambda: split_record(self.searcher.doc(address).get_first("record")))
            out.append((doc_id, int(ordinal), passage, plain, quantities, [int(y) for y in years.split()]))
        return out

    def _facts_named(self, doc_id: str) -> dict:
        """The facts of the document a passage names: every passage's document has a record, so
        none found is damage (a flipped byte in a term file), never a KeyError's traceback."""
        try:
            return self.facts(doc_id)
        except KeyError:
            raise IndexDamaged(str(self.index_dir / "tantivy"), f"a passage names document {doc_id}, which has no record") from None

    def _known(self, doc_id: str) -> bool:
        try:
            self.facts(doc_id)
        except KeyError:
            return False
        return True

    def _documents_with(self, term: ql.Term, filter_queries) -> set:
        plan = self.tr.term(term)
        query = self.tr.filtered(plan.query, filter_queries)
        if plan.exact:
            found = self._aggregate(query, {"d": {"terms": {"field": "doc", "size": DOC_BUCKETS}}})
            return {b["key"] for b in found["d"]["buckets"]}
        return {p.doc_id for p in self._checked(query, term, [term], False, False)}

    def document_records(self, issuer: str | None = None) -> list[dict]:
        """The facts of every document whose issuer holds `issuer` (all with None): engine/documents.records."""
        from icpolicy.engine import documents

        return documents.records(self.index_dir, int(self.manifest.get("generation", 0)), self._all_facts, issuer)

    def _all_facts(self) -> list[dict]:
        from icpolicy.engine.writer import all_documents

        return all_documents(self.tantivy)

    def _facets(self, match) -> dict:
        spec = {name: {"terms": {"field": name, "size": 65000}} for name in ("region", "years", "doc_type")}
        spec["doc"] = {"terms": {"field": "doc", "size": DOC_BUCKETS}}
        found = self._aggregate(match, spec)
        by_region = Counter({b["key"]: b["doc_count"] for b in found["region"]["buckets"]})
        return {
            "documents": self._documents_in(match, found["doc"]),
            "by_region": by_region,
            "by_province": Counter({k: v for k, v in by_region.items() if "/" not in k}),
            "by_year": Counter({int(b["key"]): b["doc_count"] for b in found["years"]["buckets"]}),
            "by_type": Counter({b["key"]: b["doc_count"] for b in found["doc_type"]["buckets"] if b["key"]}),
        }

    def counts(self, text: str, filters: Filters | None, by: str, documents: bool = True) -> list[tuple[str, int, int]]:
        """(key, passages, documents) of the passages matching text, by region (province), city,
        year, segment or type; documents=False counts passages only (documents 0), which is much
        cheaper over the whole index (trend's denominator)."""
        fields = {"region": "region", "city": "city", "year": "years", "segment": "sectors", "type": "doc_type"}
        if by not in fields:
            raise UsageError(f"cannot count by '{by}'; use one of {', '.join(fields)}")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        if parsed.tree is None and filters == Filters() and not documents:  # every passage: kept at commit
            from icpolicy.engine import keycounts

            kept = keycounts.lookup(self.manifest, self.index_dir, self.searcher, by)
            if kept is not None:
                return counting.ordered_counts(Counter(kept), by)
        plan = self.tr.tree(parsed.tree)
        match = self.tr.filtered(plan.query, self.filter_queries(filters))
        passages: Counter = Counter()
        doc_sets: dict[str, set] = {}
        if plan.exact:
            exact = int(self.manifest.get("documents", 0)) <= DOC_BUCKETS // 8
            inner = {"terms": {"field": "doc", "size": DOC_BUCKETS}} if exact else {"cardinality": {"field": "doc"}}
            spec = {"k": {"terms": {"field": fields[by], "size": 65000}, **({"aggs": {"d": inner}} if documents else {})}}
            for bucket in self._aggregate(match, spec)["k"]["buckets"]:
                passages[str(bucket["key"])] = bucket["doc_count"]
                if documents:  # exact sets on indexes small enough for keys x documents buckets; an estimate beyond
                    doc_sets[str(bucket["key"])] = {d["key"] for d in bucket["d"]["buckets"]} if exact else range(round(bucket["d"]["value"]))
        else:
            return counting.tally(((p.doc_id, counting.keys_of(by, p.region_keys, p.years, p.sectors, self._facts_named(p.doc_id)["doc_type"] if by == "type" else ""))
                                   for p in self._checked(match, parsed.tree, [], False, False)), by, documents)
        return counting.ordered_counts(passages, by, doc_sets if documents else None)

    def document(self, doc_id: str) -> tuple[dict, list[dict]]:
        """The record of a document and its passages in order; KeyError when unknown."""
        facts = self.facts(doc_id)
        record = {k: v for k, v in facts.items() if k != "sectors"}
        record["years"] = " ".join(str(y) for y in facts["years"])
        passages = [{
            "doc_id": doc_id,
            "passage": p.ordinal,
            "text": p.text,
            "region_path": p.region_path,
            "years": " ".join(str(y) for y in p.years),
            "segments": ",".join(p.sectors),
        } for p in self._passages_of(doc_id)]
        record["n_passages"] = len(passages)
        return record, passages


def _key(address) -> tuple[int, int]:
    return (address.segment_ord, address.doc)


def _asc():
    import tantivy

    return tantivy.Order.Asc


def _ordered(kept: list[Loaded], sort: str) -> list[Loaded]:
    if sort == "year":
        return sorted(kept, key=lambda p: (-max(p.years, default=0), -p.score, p.key))
    if sort == "region":
        return sorted(kept, key=lambda p: (zones.sort_key("/".join(p.region_path) or "~"), -p.score, p.key))
    return sorted(kept, key=lambda p: (-p.score, p.key))


def open_index(index_dir: str | Path) -> Index:
    """Open an index folder for searching (the Python API's entry point)."""
    import time

    from icpolicy.engine import folder
    from icpolicy.errors import IndexDamaged

    index_dir = Path(index_dir)
    for attempt in range(3):
        before = folder.identity(index_dir)
        try:
            return Index(index_dir)
        except (IndexDamaged, FileNotFoundError):
            if attempt == 2 or folder.identity(index_dir) == before:
                raise
            time.sleep(0.05)  # a rebuild was swapped in while this opened: open the new index
    raise AssertionError("unreachable")

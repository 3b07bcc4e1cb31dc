"""Search over the ClickHouse tables, behind the same interface as the embedded Index.

Two paths give the same answers:
- SQL: passage or document scope, score order, a limit.  The weights come from the `terms`
  table (rank.py: the folder index's BM25); facets and the best rows by a bound on the score
  come from one scan; only those rows are fetched (by sort key) to be scored exactly (the
  whole-word boost from `words`) and build the hits.
- Python: same-sentence, fuzzy, Latin synonyms, year/region order or every hit.  SQL narrows
  to the candidates, Python decides and ranks, as the embedded engine does.
"""

from __future__ import annotations

from icpolicy.engine import query as ql
from icpolicy.engine.clickhouse import facets, rank, ranking, schema
from icpolicy.engine.clickhouse.connection import Connection
from icpolicy.engine.clickhouse.translate import Params, any_verify, filters_sql, match_sql, maybe_word_sql, relaxed_sql, tree_sql, word_sql
from icpolicy.engine.clickhouse.schema import WORD_SEP
from icpolicy.engine.schema import TAIL_MARK
from icpolicy.text.normalize import TAIL
from icpolicy.engine.search import Filters, SearchResult, plan_query
from icpolicy.errors import UsageError
from icpolicy.meta import zones
from icpolicy.models import Hit

ROW = "doc, passage, norm, own, words, bi_fn, words_fn, region, years, sectors, type"
CANDIDATES = 54  # rows past the limit whose exact scores are taken: enough that the bound settles a common term (benchmarks/scale.py)


class ClickHouseIndex:
    """The passages of a ClickHouse database, searched like the embedded index."""

    def __init__(self, conn: Connection):
        schema.check(conn)
        self.conn = conn
        self.db = conn.database
        self.live = schema.LIVE.format(db=self.db)
        self._cities = None  # (what was asked, counts by city) of the last counts by region (see counts)
        self._stats: rank.Stats | None = None

    def stats(self, tokens: list[str]) -> rank.Stats:
        """BM25's statistics (rank.Stats) with the document frequencies of these tokens."""
        if self._stats is None:
            row = self.conn.rows(f"SELECT count() AS n, sum(bi_len) AS bi, sum(words_len) AS w FROM {self.db}.passages WHERE {self.live}")[0]
            docs = int(self.conn.rows(f"SELECT count() AS d FROM {self.db}.documents FINAL WHERE live = 1")[0]["d"])
            self._stats = rank.Stats(int(row["n"]) + docs, int(row["bi"] or 0), int(row["w"] or 0), passages=int(row["n"]))
        keys = {}  # (kind, token) in `terms` -> the token as rank.py names it
        for token in tokens:
            if token[0] == TAIL_MARK:
                keys[(schema.TAIL_GRAM, schema.bigram_key(token[1:]))] = token
            elif token[0] != WORD_SEP:
                keys[(schema.OWN, schema.bigram_key(token))] = token
        words = [t[1:] for t in tokens if t[0] == WORD_SEP]
        if words:
            hashed = self.conn.rows("SELECT w, cityHash64(w) AS h FROM (SELECT arrayJoin({w:Array(String)}) AS w)", {"w": words})
            keys.update({(schema.WORD, int(r["h"])): WORD_SEP + r["w"] for r in hashed})
        found = self.conn.rows(f"SELECT kind, token, sum(n) AS n FROM {self.db}.terms WHERE (kind, token) IN {{k:Array(Tuple(UInt8, UInt64))}} "
                               f"GROUP BY kind, token", {"k": sorted(keys)}) if keys else []
        df = {keys[(int(r["kind"]), int(r["token"]))]: int(r["n"]) for r in found}
        return rank.Stats(self._stats.docs, self._stats.bi_tokens, self._stats.word_tokens, df, self._stats.passages)

    def close(self) -> None:
        """Let go of the connection."""
        self.conn.close()

    def __enter__(self) -> ClickHouseIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- searching -----------------------------------------------------------------------

    def search(self, text: str, filters: Filters | None = None, limit: int | None = 10, sort: str = "score",
               scope: str = "passage", fuzzy: bool = False, expand: bool = False) -> SearchResult:
        """Parse and run a query; the same arguments and answers as the embedded Index.search."""
        filters, tree, terms = plan_query(text, filters, sort, scope, fuzzy, expand)
        self._why = (None if scope == "document" else tree, scope == "sentence")  # what the hits' highlights show (engine/why.py)
        p = Params()
        base = [self.live] + filters_sql(filters, p, self.db)
        if sort != "score" or (tree is not None and (scope == "sentence" or fuzzy or any_verify(tree) or not limit)):
            return self._python_path(tree, terms, base, p, scope, sort, limit)
        where = " AND ".join(base + self._match_sql(tree, terms, base, p, scope))
        return self._sql_path(where, _ranked_tree(tree, terms, scope), terms, p, limit)

    def _match_sql(self, tree, terms, base: list[str], p: Params, scope: str) -> list[str]:
        """The match as WHERE conditions; terms: the positive terms whose readings the query scores
        (tf_sql, reading_sql), which then decide the match too, each computed once per row."""
        if tree is None:
            return []
        counted = _counted_needles(terms)
        if scope != "document":
            return [match_sql(tree, p, counted)]
        if not terms:
            return ["0"]
        having = tree_sql(tree, p, leaf=lambda sql: f"max({sql})")
        good = f"doc IN (SELECT doc FROM {self.db}.passages WHERE {' AND '.join(base)} GROUP BY doc HAVING {having})"
        return [good, match_sql(ql.Or(tuple(terms)), p, counted)]

    def _sql_path(self, where: str, tree, terms, p: Params, limit: int) -> SearchResult:
        """One scan: facets and the best rows by a bound on the score (ranking.py); those rows scored
        exactly, and when the bound does not settle the top, the best rows by exact score from a second scan."""
        if not terms:  # filters only, or NOTs only: every passage scores tantivy's `kind` constant, shown in index order
            groups = self.conn.rows(f"SELECT region, years, type, count() AS n, uniqExact(doc) AS docs, grouping(region, years, type) != 0 AS g "
                                    f"FROM {self.db}.passages WHERE {where} GROUP BY GROUPING SETS ((region, years, type), ())", p.values)
            result = facets.grouped([g for g in groups if not g["g"]], sum(int(g["docs"]) for g in groups if g["g"]))
            rows = self.conn.rows(f"SELECT {ROW}, text FROM {self.db}.passages WHERE {where} ORDER BY doc, passage LIMIT {{lim:UInt64}}",
                                  {**p.values, "lim": limit or result.total})
            kind = rank.weights(None, [], self.stats([])).kind
            result.hits = self._hits([(r, kind) for r in rows], terms)
            return result
        weights = rank.weights(tree, terms, self.stats(rank.tokens(terms, tree)))
        wanted = limit + CANDIDATES
        counted = _counted_needles(terms)
        # a word of no passage is never boosted; wordbits is read (~80 ms CPU on a common term at 1 GB) where two words or
        # more may be: their boosts then combine, and a bound counting every one of them seldom settles (新能源 汽车 电池)
        bits = len(weights.words) > 1
        bound = ranking.score_sql(tree, weights, p, lambda word: maybe_word_sql(word, p) if bits else "1", counted)
        totals = self.conn.rows(ranking.scan_sql(self.db, where, bound, wanted + 1), p.values)[0]
        result, top = facets.counted(totals), totals["top"]  # (-bound, doc, passage, province, city)
        if not result.total:
            return result
        scored = self._scored([(c[3], c[4], c[1], c[2]) for c in top[:wanted]], tree, terms, weights)
        last = scored[limit - 1] if len(scored) >= limit else None
        if len(top) > wanted and not _settled(last, top[wanted]):
            floor = last[1] * (1 - 1e-9) if last else 0.0  # a row whose bound is below it cannot enter
            score = ranking.score_sql(tree, weights, p, lambda word: word_sql(word, p), counted)
            exact = self.conn.rows(ranking.exact_sql(self.db, where, bound, score), {**p.values, "fetch": limit, "floor": floor})
            scored = self._scored([(r["province"], r["city"], r["doc"], r["passage"]) for r in exact], tree, terms, weights)
        best = scored[:limit]
        texts = {(r["doc"], r["passage"]): r["text"] for r in self._rows_at([_key(r) for r, _ in best], "doc, passage, text")}
        result.hits = self._hits([({**r, "text": texts[(r["doc"], r["passage"])]}, score) for r, score in best], terms)
        return result

    def _scored(self, keys: list[tuple], tree, terms, weights: rank.Weights) -> list[tuple[dict, float]]:
        """The rows at these keys with their exact scores (rank.score, which the SQL ranks by), best first."""
        scored = [(r, rank.score(tree, terms, r, weights)) for r in self._rows_at(keys, f"province, city, {ROW}")]
        scored.sort(key=lambda rs: (-rs[1], rs[0]["doc"], rs[0]["passage"]))
        return scored

    def _rows_at(self, keys: list[tuple], columns: str) -> list[dict]:
        """The columns of the rows with these (province, city, doc, passage) keys, read through the sort key."""
        if not keys:
            return []
        return self.conn.rows(f"SELECT {columns} FROM {self.db}.passages WHERE {self.live} AND "
                              f"(province, city, doc, passage) IN {{keys:Array(Tuple(String, String, String, UInt32))}}",
                              {"keys": [(a, b, c, int(d)) for a, b, c, d in keys]})

    def _python_path(self, tree, terms, base: list[str], p: Params, scope: str, sort: str, limit: int | None) -> SearchResult:
        """Candidates from SQL; matching, ranking and facets decided here."""
        if tree is None:
            rows = self.conn.rows(f"SELECT {ROW}, text FROM {self.db}.passages WHERE {' AND '.join(base)} ORDER BY doc, passage", p.values)
        elif scope == "document":
            rows = self._document_scope(tree, terms, base, p)
        else:
            candidates = ql.sentence_candidates(tree) if scope == "sentence" else tree  # 同句: NOT holds per sentence
            where = " AND ".join(base + ([relaxed_sql(candidates, p)] if candidates is not None else []))
            rows = self.conn.rows(f"SELECT {ROW}, text FROM {self.db}.passages WHERE {where} ORDER BY doc, passage", p.values)
            if any_verify(tree):
                self._run_on(rows, tree)
                if scope != "sentence":  # (in_one_sentence below decides those)
                    rows = [r for r in rows if rank.tree_holds(tree, r["norm"], len(rank.own_text(r)[0]))]
        scored = _ranked_tree(tree, terms, scope)
        weights = rank.weights(scored, terms, self.stats(rank.tokens(terms, scored))) if rows else None
        picked = []
        for row in rows:
            if scope == "sentence" and tree is not None and not rank.in_one_sentence(tree, row):
                continue
            score = rank.score(scored, terms, row, weights)
            if any(t.words for t in terms):
                score *= rank.closeness(terms, row)
            picked.append((row, score))
        result = facets.grouped([{"region": r["region"], "years": r["years"], "type": r["type"], "n": 1} for r, _ in picked],
                         len({r["doc"] for r, _ in picked}))
        if sort == "year":
            key = lambda rs: (-max(rs[0]["years"] or [0]), -rs[1], rs[0]["doc"], rs[0]["passage"])
        elif sort == "region":
            key = lambda rs: (zones.sort_key("/".join(rs[0]["region"]) or "~"), -rs[1], rs[0]["doc"], rs[0]["passage"])
        else:
            key = lambda rs: (-rs[1], rs[0]["doc"], rs[0]["passage"])
        picked.sort(key=key)
        result.hits = self._hits(picked[:limit] if limit else picked, terms)
        return result

    def _document_scope(self, tree, terms, base: list[str], p: Params) -> list[dict]:
        """同篇 decided in Python: which documents satisfy the tree, then their passages with a positive term."""
        if not terms:
            return []
        leaves = list(ql.terms(tree))
        any_leaf = relaxed_sql(ql.Or(tuple(leaves)), p)
        rows = self.conn.rows(f"SELECT {ROW}, text FROM {self.db}.passages WHERE {' AND '.join(base)} AND {any_leaf} ORDER BY doc, passage", p.values)
        self._run_on(rows, tree)
        docs_with: dict[str, set] = {leaf.norm: set() for leaf in leaves}
        for row in rows:
            own = len(rank.own_text(row)[0])
            for leaf in leaves:
                if rank.term_holds(leaf, row["norm"], own):
                    docs_with[leaf.norm].add(row["doc"])
        universe = {r["doc"] for r in self.conn.rows(f"SELECT DISTINCT doc FROM {self.db}.documents FINAL WHERE live = 1")}
        from icpolicy.engine import matching

        good = matching.evaluate_sets(tree, docs_with, universe)
        either = ql.Or(tuple(terms))
        return [r for r in rows if r["doc"] in good and rank.tree_holds(either, r["norm"], len(rank.own_text(r)[0]))]

    def _run_on(self, rows: list[dict], tree) -> None:
        """Give each row, for a term longer than its stored tail (TAIL characters), the normalised text of
        the passages after it as far as the longest term reaches: the check and the hit's highlight then
        see a term that runs on that far, as the folder index's do (search.py's _following)."""
        from icpolicy.engine.translate import longest_term

        need = longest_term(tree)
        if need <= TAIL + 1:
            return
        for row in rows:
            own, tail = rank.own_text(row)
            if len(tail) < TAIL:
                continue  # the document ends within the tail: nothing more follows
            later = self.conn.rows(f"SELECT norm, own FROM {self.db}.passages WHERE {self.live} AND doc = {{d:String}} "
                                   f"AND passage > {{p:UInt32}} AND passage <= {{q:UInt32}} ORDER BY passage",
                                   {"d": row["doc"], "p": int(row["passage"]), "q": int(row["passage"]) + need})
            row["norm"] = own + "".join(rank.own_text(r)[0] for r in later)[:need]

    # -- hits ----------------------------------------------------------------------------

    def _hits(self, scored: list[tuple[dict, float]], terms) -> list[Hit]:
        """Hits built by the folder index's own make_hit, so spans and labels are the same."""
        from icpolicy.engine.results import Loaded, make_hit

        docs = self._doc_facts(sorted({r["doc"] for r, _ in scored}))
        hits = []
        for row, score in scored:
            facts = docs.get(row["doc"], {})
            path = list(row["region"])
            loaded = Loaded(key=(0, int(row["passage"])), score=float(score), doc_id=row["doc"], ordinal=int(row["passage"]),
                            text=row["text"], tail=rank.own_text(row)[1], region_keys=["/".join(path[: i + 1]) for i in range(len(path))],
                            years=[int(y) for y in row["years"]], sectors=list(row["sectors"]))
            hits.append(make_hit(loaded, {"title": facts.get("title", ""), "source": facts.get("source", ""), "doc_type": row["type"],
                                          "doc_number": facts.get("doc_number", ""), "issuer": facts.get("issuer", ""),
                                          "issued": facts.get("issued", "")}, terms, *getattr(self, "_why", (None, False))))
        return hits

    def _doc_facts(self, doc_ids: list[str]) -> dict[str, dict]:
        if not doc_ids:
            return {}
        rows = self.conn.rows(f"SELECT doc, gen, source, content_hash, size, mtime, title, type, doc_number, issuer, issued, region, years, n_passages "
                              f"FROM {self.db}.documents FINAL WHERE live = 1 AND doc IN {{ids:Array(String)}}", {"ids": doc_ids})
        return {r["doc"]: r for r in rows}

    # -- views ---------------------------------------------------------------------------

    def counts(self, text: str, filters: Filters | None, by: str, documents: bool = True) -> list[tuple[str, int, int]]:
        """(key, passages, documents) of the passages matching text, by region (province), city, year, segment or type;
        documents=False counts passages only (documents 0)."""
        keys = {
            "region": ("province", "province != ''"),
            "city": ("arrayStringConcat(arraySlice(region, 1, 2), '/')", "length(region) > 0"),
            "year": ("toString(arrayJoin(years))", "1"),
            "segment": ("toString(arrayJoin(sectors))", "1"),
            "type": ("toString(type)", "type != ''"),
        }
        if by not in keys:
            raise UsageError(f"cannot count by '{by}'; use one of {', '.join(keys)}")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        p = Params()
        base = [self.live] + filters_sql(filters, p, self.db)
        if any_verify(parsed.tree):  # not reachable from the CLI (counts never expands), kept exact anyway
            raise UsageError("counts do not take --expand")
        where = " AND ".join(base + self._match_sql(parsed.tree, [], base, p, "passage"))
        asked = (text, repr(filters), documents, self._version()) if by in ("region", "city") else None
        if by == "city" and self._cities is not None and self._cities[0] == asked:
            return self._cities[1]
        if by == "region":  # `stats` asks for the cities next: one scan groups both, the cities kept for that call
            regions, cities = self._regions_and_cities(where, p, documents)
            self._cities = (asked, cities)
            return regions
        key, present = keys[by]
        order = "key" if by == "year" else "n DESC, key"
        rows = self.conn.rows(f"SELECT {key} AS key, count() AS n, {'uniqExact(doc)' if documents else '0'} AS d FROM {self.db}.passages "
                              f"WHERE {where} AND {present} GROUP BY key ORDER BY {order}", p.values)
        return [(r["key"], int(r["n"]), int(r["d"])) for r in rows]

    def _regions_and_cities(self, where: str, p: Params, documents: bool) -> tuple[list, list]:
        """counts by region and by city from one scan (GROUPING SETS), each ordered as counts orders them."""
        city = "arrayStringConcat(arraySlice(region, 1, 2), '/')"
        rows = self.conn.rows(f"SELECT province, {city} AS city, count() AS n, {'uniqExact(doc)' if documents else '0'} AS d, "
                              f"grouping(province) = 0 AS by_province FROM {self.db}.passages WHERE {where} AND length(region) > 0 "
                              f"GROUP BY GROUPING SETS ((province), ({city}))", p.values)
        regions = [(r["province"], int(r["n"]), int(r["d"])) for r in rows if r["by_province"] and r["province"] != ""]
        cities = [(r["city"], int(r["n"]), int(r["d"])) for r in rows if not r["by_province"]]
        order = lambda row: (-row[1], row[0])  # n DESC, key: Python's code point order is UTF-8's byte order
        return sorted(regions, key=order), sorted(cities, key=order)

    def _version(self) -> int:
        """The newest generation any documents row carries: a load or removal changes it."""
        return int(self.conn.rows(f"SELECT max(gen) AS g FROM {self.db}.documents")[0]["g"] or 0)

    def document(self, doc_id: str) -> tuple[dict, list[dict]]:
        """The record of a document and its passages in order; KeyError when unknown."""
        facts = self._doc_facts([doc_id]).get(doc_id)
        if facts is None:
            raise KeyError(doc_id)
        record = {"doc_id": doc_id, "source": facts["source"], "content_hash": facts["content_hash"], "size": int(facts["size"]),
                  "mtime": float(facts["mtime"]), "title": facts["title"], "doc_type": facts["type"],
                  "doc_number": facts["doc_number"], "issuer": facts["issuer"], "issued": facts["issued"],
                  "region_path": list(facts["region"]), "years": " ".join(str(y) for y in facts["years"]),
                  "n_passages": int(facts["n_passages"])}
        rows = self.conn.rows(f"SELECT passage, text, region, years, sectors FROM {self.db}.passages "
                              f"WHERE doc = {{d:String}} AND gen = {{g:UInt64}} ORDER BY passage", {"d": doc_id, "g": int(facts["gen"])})
        passages = [{"doc_id": doc_id, "passage": int(r["passage"]), "text": r["text"], "region_path": list(r["region"]),
                     "years": " ".join(str(y) for y in r["years"]), "segments": ",".join(r["sectors"])} for r in rows]
        return record, passages

    def facts(self, doc_id: str) -> dict:
        """The stored facts of a document, as the embedded Index.facts gives them; KeyError when unknown."""
        found = self._doc_facts([doc_id]).get(doc_id)
        if found is None:
            raise KeyError(doc_id)
        rows = self.conn.rows(f"SELECT arraySort(groupUniqArrayArray(sectors)) AS s FROM {self.db}.passages "
                              f"WHERE doc = {{d:String}} AND gen = {{g:UInt64}}", {"d": doc_id, "g": int(found["gen"])})
        return {"doc_id": doc_id, "source": found["source"], "content_hash": found["content_hash"], "size": int(found["size"]),
                "mtime": float(found["mtime"]), "title": found["title"], "doc_type": found["type"], "doc_number": found["doc_number"],
                "issuer": found["issuer"], "issued": found["issued"], "region_path": list(found["region"]),
                "years": [int(y) for y in found["years"]], "sectors": list(rows[0]["s"]) if rows else [], "n_passages": int(found["n_passages"])}

    def document_records(self, issuer: str | None = None) -> list[dict]:
        """(doc_id, title, doc_number, issuer) of the live documents whose issuer holds `issuer`
        (normalised), as the embedded document index's query(issuer=...) selects them."""
        from icpolicy.engine.documents import by_issuer

        rows = self.conn.rows(f"SELECT doc, title, doc_number, issuer FROM {self.db}.documents FINAL WHERE live = 1 ORDER BY doc")
        return by_issuer([{"doc_id": r["doc"], "title": r["title"], "doc_number": r["doc_number"], "issuer": r["issuer"]} for r in rows], issuer)

    def documents(self, batch: int = 500):
        """Every live document as a models.Document, in doc id order (for export and migration)."""
        from icpolicy.models import DocMeta, Document, Passage, Region

        ids = [r["doc"] for r in self.conn.rows(f"SELECT doc FROM {self.db}.documents FINAL WHERE live = 1 ORDER BY doc")]
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            facts = self._doc_facts(chunk)
            rows = self.conn.rows(f"SELECT doc, passage, text, region, years, sectors FROM {self.db}.passages WHERE {self.live} "
                                  f"AND doc IN {{ids:Array(String)}} ORDER BY doc, passage", {"ids": chunk})
            by_doc: dict[str, list] = {}
            for r in rows:
                by_doc.setdefault(r["doc"], []).append(Passage(int(r["passage"]), r["text"], Region(tuple(r["region"])),
                                                               tuple(int(y) for y in r["years"]), tuple(r["sectors"])))
            for doc_id in chunk:
                f = facts[doc_id]
                meta = DocMeta(f["title"], f["type"], Region(tuple(f["region"])), tuple(int(y) for y in f["years"]),
                               f["doc_number"], f["issuer"], f["issued"])
                yield Document(doc_id, f["source"], f["content_hash"], meta, tuple(by_doc.get(doc_id, ())), float(f["mtime"]), int(f["size"]))


def _ranked_tree(tree, terms, scope: str):
    """The tree a hit is scored under: 同篇 scores its passages by any positive term (as the folder index's
    document scope queries them), 同句 by its positive part (the candidates the folder index scores, NOT holding
    per sentence), every other scope by the query itself."""
    if scope == "document" and terms:
        return ql.Or(tuple(terms))
    if scope == "sentence" and tree is not None:
        return ql.sentence_candidates(tree) or tree
    return tree


def _counted_needles(terms) -> frozenset:
    """The needles whose readings a search scores (rank.py), so its match tests reuse them."""
    return frozenset(n for t in terms for n in t.needles())


def _settled(last, first_out) -> bool:
    """Whether no row past the candidates can displace the limit-th best candidate `last`: each
    such row scores at most the bound of `first_out`, (-bound, doc, passage, ...), the first row
    past them (equal bounds come in (doc, passage) order, so a row that ties `last` there sorts
    after it when first_out does).  SQL and Python add the same terms in the same order; the
    slack covers what rounding may still part."""
    if last is None:
        return False
    bound = -float(first_out[0])
    row, score = last
    slack = 1e-9 * max(1.0, abs(score))
    return score > bound + slack or (score >= bound - slack and (row["doc"], int(row["passage"])) < (first_out[1], int(first_out[2])))


def _key(row: dict) -> tuple:
    return row["province"], row["city"], row["doc"], int(row["passage"])

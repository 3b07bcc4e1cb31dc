"""Search: run a parsed query with filters against the passage store and return hits with match spans.

Matching is exact: a term matches a passage when its normalised form is a substring of the
normalised passage, starting in it (store.py: bigram postings give the candidates, `find`
over the normalised text decides and counts).  Filters and facets are numpy masks over the
passage columns.  Ranking is BM25 over the counted occurrences, with a boost when an
occurrence lines up with jieba's word starts (a whole-word match ranks above a match
inside a longer word).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import math

import numpy as np

from icpolicy.engine import writer as index_store
from icpolicy.engine import query as ql
from icpolicy.engine import matching
from icpolicy.meta import regions, sectors, years
from icpolicy.errors import UsageError
from icpolicy.models import Hit
from icpolicy.text.normalize import find_spans, normalise
from icpolicy.engine.store import Segment, term_keys

WORD_BOOST = 1.0  # a whole-word occurrence doubles a term's weight
K1, B = 1.2, 0.4  # B=0.4: softer length normalisation, so one-line headings do not outrank paragraphs
SCAN_SHARE = 0.25  # candidates covering more of a segment than this: one scan instead of a find each


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


def prepare_tree(tree, fuzzy: bool = False, expand: bool = False):
    """Give terms their synonym forms (--expand) or jieba words (--fuzzy)."""
    if tree is None:
        return None
    if expand:
        from icpolicy.meta.synonyms import expand as forms_of

        tree = ql.transform(tree, lambda t: replace(t, forms=forms_of(t.norm)) if len(forms_of(t.norm)) > 1 else t)
    if fuzzy:
        from icpolicy.text.tokens import tokenise

        def split(term: ql.Term) -> ql.Term:
            words = tuple(dict.fromkeys(tokenise(term.text)))
            return replace(term, words=words) if len(words) > 1 else term

        tree = ql.transform(tree, split)
    return tree


class _Scope:
    """One segment's part in a query: what each needle counted in which passage."""

    def __init__(self, segment: Segment):
        self.segment = segment
        self.tf: dict[str, np.ndarray] = {}
        self.whole: dict[str, np.ndarray] = {}


class Index:
    """An open index, ready for any number of searches."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.manifest, self.segments = index_store.open_segments(self.index_dir)
        stored = sum(s.n for s in self.segments)
        self.avg_bytes = sum(int(s.noff[-1]) for s in self.segments) / stored if stored else 1.0

    def close(self) -> None:
        """Release the segments' files."""
        for segment in self.segments:
            segment.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- filters -------------------------------------------------------------------------

    def filter_masks(self, filters: Filters) -> list[np.ndarray]:
        """Per segment, the live passages that pass region, year, segment and type; raises UsageError on unknown values."""
        checks = []
        if filters.regions:
            wanted: set[tuple] = set()
            for name in filters.regions:
                paths = regions.resolve_filter(name)
                if not paths:
                    raise UsageError(f"unknown region '{name}': use a province, city or county name such as 江苏, 苏州 or 昆山")
                wanted |= {tuple(p) for p in paths}
            checks.append((2, lambda path: any(tuple(path[: len(w)]) == w for w in wanted), "regions"))
        if filters.year:
            try:
                start, end = years.parse_range(filters.year)
            except ValueError as exc:
                raise UsageError(f"--year: {exc}") from None
            checks.append((3, lambda ys: any(start <= y <= end for y in ys), "years"))
        if filters.segments:
            slugs = set()
            for value in filters.segments:
                slug = sectors.resolve(value)
                if slug is None:
                    known = ", ".join(f"{s.slug} ({s.label})" for s in sectors.taxonomy())
                    raise UsageError(f"unknown segment '{value}'; known segments: {known}")
                slugs.add(slug)
            checks.append((4, lambda segs: bool(slugs & set(segs)), "segments"))
        masks = []
        for segment in self.segments:
            mask = segment.live.copy()
            for column, accepts, table in checks:
                ok = np.array([accepts(value) for value in segment.meta[table]] + [False])
                mask &= ok[segment.cols[:, column]]
            if filters.types:
                ok = np.array([any(v in d["doc_type"] for v in filters.types) for d in segment.docs] + [False])
                mask &= ok[segment.doc_col]
            masks.append(mask)
        return masks

    # -- matching ------------------------------------------------------------------------

    def _candidates(self, segment: Segment, needle: str) -> np.ndarray:
        """Passages whose own bigrams (with their tail) hold every bigram of the needle's start."""
        if len(needle) == 1:
            return segment.postings_from(ord(needle))
        lists = sorted((segment.postings(key) for key in term_keys(needle)), key=len)
        found = lists[0]
        for other in lists[1:]:
            if not len(found):
                break
            at = np.minimum(np.searchsorted(other, found), len(other) - 1)
            found = found[other[at] == found] if len(other) else found[:0]
        return found

    def _occurrences(self, segment: Segment, needle: bytes, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(byte offset, passage) of every occurrence that starts in a candidate passage."""
        noff, find, extra = segment.noff, segment.norm.find, len(needle) - 1
        positions: list[int] = []
        if len(candidates) > SCAN_SHARE * segment.n:  # one pass over the span the candidates cover
            lo, hi = int(noff[candidates[0]]), int(noff[candidates[-1] + 1])
            at = find(needle, lo, hi + extra)
            while at != -1 and at < hi:
                positions.append(at)
                at = find(needle, at + 1, hi + extra)
            pos = np.array(positions, dtype=np.int64)
            owners = np.searchsorted(noff, pos, side="right") - 1
            wanted = np.zeros(segment.n, dtype=bool)
            wanted[candidates] = True
            keep = wanted[owners]
            return pos[keep], owners[keep]
        owners_list: list[int] = []
        for pid, lo, hi in zip(candidates.tolist(), noff[candidates].tolist(), noff[candidates + 1].tolist()):
            at = find(needle, lo, hi + extra)
            while at != -1 and at < hi:
                positions.append(at)
                owners_list.append(pid)
                at = find(needle, at + 1, hi + extra)
        return np.array(positions, dtype=np.int64), np.array(owners_list, dtype=np.int64)

    def _needle(self, scope: _Scope, needle: str, restrict: np.ndarray, latin_word: bool = False) -> np.ndarray:
        """Passages within restrict where needle starts; records its counts for ranking."""
        segment = scope.segment
        candidates = self._candidates(segment, needle)
        candidates = candidates[restrict[candidates]] if len(candidates) else candidates
        if not len(candidates):
            return np.zeros(segment.n, dtype=bool)
        encoded = needle.encode("utf-8")
        pos, owners = self._occurrences(segment, encoded, candidates)
        if latin_word and len(pos):
            pos, owners = _latin_words(segment, pos, owners, len(encoded))
        tf = np.bincount(owners, minlength=segment.n).astype(np.int32)
        whole = np.zeros(segment.n, dtype=bool)
        if len(pos):
            aligned = segment.is_word_start(pos) & segment.is_word_start(pos + len(encoded))
            whole[owners[aligned]] = True
        if needle in scope.tf:
            tf = np.maximum(tf, scope.tf[needle])
            whole |= scope.whole[needle]
        scope.tf[needle], scope.whole[needle] = tf, whole
        return tf > 0

    def _term(self, scope: _Scope, term: ql.Term, restrict: np.ndarray) -> np.ndarray:
        if term.words:
            mask = restrict
            for word in term.words:
                mask = mask & self._needle(scope, word, mask)
            return mask
        if term.forms:
            mask = np.zeros(scope.segment.n, dtype=bool)
            for form in term.forms:
                mask |= self._needle(scope, form, restrict, latin_word=form != term.norm and form.isascii())
            return mask & restrict
        return self._needle(scope, term.norm, restrict) & restrict

    def _evaluate(self, scope: _Scope, node, restrict: np.ndarray) -> np.ndarray:
        """The passages within restrict that satisfy the query tree."""
        if isinstance(node, ql.Term):
            return self._term(scope, node, restrict)
        if isinstance(node, ql.And):
            mask = restrict
            for item in sorted(node.items, key=lambda item: self._cost(scope.segment, item)):
                if not mask.any():
                    break
                mask = self._evaluate(scope, item, mask)
            return mask
        if isinstance(node, ql.Or):
            mask = np.zeros(scope.segment.n, dtype=bool)
            for item in node.items:
                mask |= self._evaluate(scope, item, restrict)
            return mask
        if isinstance(node, ql.Not):
            return restrict & ~self._evaluate(scope, node.item, restrict)
        raise TypeError(f"not a query node: {node!r}")

    def _cost(self, segment: Segment, node) -> float:
        """Evaluate rare terms first inside an AND (they shrink what the others must check); NOT last."""
        if isinstance(node, ql.Not):
            return float("inf")
        if isinstance(node, ql.Term) and not node.forms and not node.words and len(node.norm) > 1:
            return float(min(len(segment.postings(key)) for key in term_keys(node.norm)))
        return float(segment.n)

    # -- searching -----------------------------------------------------------------------

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
        if sort not in ("score", "year", "region"):
            raise UsageError(f"--sort must be score, year or region, not '{sort}'")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        tree = prepare_tree(parsed.tree, fuzzy, expand)
        terms = ql.ParsedQuery(tree, parsed.filters).positive_terms()
        scopes, masks = self._match(tree, filters, scope)
        scores = self._scores(scopes, masks, terms)
        picks = [(s.segment, np.flatnonzero(m), sc) for s, m, sc in zip(scopes, masks, scores)]
        if scope == "sentence" and tree is not None:
            picks = [_keep(seg, pids, sc, lambda pid: matching.in_one_sentence(tree, seg.passage_text(pid))) for seg, pids, sc in picks]
        if fuzzy:
            picks = [(seg, pids, sc * [_closeness(seg, pid, terms) for pid in pids.tolist()]) for seg, pids, sc in picks]
        result = self._facets(picks)
        result.hits = [self._hit(seg, pid, score, terms) for seg, pid, score in self._ranked(picks, sort, limit)]
        return result

    def _match(self, tree, filters: Filters, scope: str) -> tuple[list[_Scope], list[np.ndarray]]:
        """Per segment: the scope (with counts) and the mask of matching passages."""
        bases = self.filter_masks(filters)
        scopes = [_Scope(segment) for segment in self.segments]
        if tree is None:
            return scopes, bases
        if scope != "document":
            return scopes, [self._evaluate(s, tree, base) for s, base in zip(scopes, bases)]
        # 同篇: which documents satisfy the tree as a whole; then their passages with any positive term
        docs_with = {}
        for leaf in ql.terms(tree):
            found: set = set()
            for s, base in zip(scopes, bases):
                parts = np.unique(s.segment.doc_col[self._evaluate(s, leaf, base)])
                found |= {s.segment.docs[int(p)]["doc_id"] for p in parts}
            docs_with[leaf.norm] = found
        universe = {d["doc_id"] for seg in self.segments for k, d in enumerate(seg.docs) if k not in seg.deleted}
        good = matching.evaluate_sets(tree, docs_with, universe)
        terms = ql.ParsedQuery(tree).positive_terms()
        masks = []
        for s, base in zip(scopes, bases):
            if not terms:
                masks.append(np.zeros(s.segment.n, dtype=bool))
                continue
            in_good = np.array([d["doc_id"] in good for d in s.segment.docs] + [False])
            masks.append(self._evaluate(s, ql.Or(tuple(terms)), base & in_good[s.segment.doc_col]))
        return scopes, masks

    def _scores(self, scopes: list[_Scope], masks: list[np.ndarray], terms: list[ql.Term]) -> list[np.ndarray]:
        """BM25 of each matching passage over the positive terms' counted occurrences."""
        total = sum(int(m.sum()) for m in masks) or 1
        per_term = []
        for term in terms:
            counts, wholes = [], []
            for s, mask in zip(scopes, masks):
                tf = np.zeros(int(mask.sum()), dtype=np.float64)
                whole = np.zeros(len(tf), dtype=bool)
                for needle in term.needles():
                    if needle in s.tf:
                        tf += s.tf[needle][mask]
                        whole |= s.whole[needle][mask]
                counts.append(tf)
                wholes.append(whole)
            df = sum(int(np.count_nonzero(c)) for c in counts)
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            per_term.append((idf, counts, wholes))
        out = []
        for k, (s, mask) in enumerate(zip(scopes, masks)):
            pids = np.flatnonzero(mask)
            length = (np.asarray(s.segment.noff[pids + 1]) - np.asarray(s.segment.noff[pids])) / self.avg_bytes
            score = np.zeros(len(pids), dtype=np.float64)
            for idf, counts, wholes in per_term:
                tf = counts[k]
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length)) * (1 + WORD_BOOST * wholes[k])
            out.append(score)
        return out

    def _ranked(self, picks, sort: str, limit: int | None):
        """(segment, passage, score) of the hits to show, best first (or by year / region)."""
        if not picks or not sum(len(p) for _, p, _ in picks):
            return []
        seg_index = np.concatenate([np.full(len(pids), k) for k, (_, pids, _) in enumerate(picks)])
        pids = np.concatenate([pids for _, pids, _ in picks])
        scores = np.concatenate([np.asarray(sc, dtype=np.float64) for _, _, sc in picks])
        if sort == "score":
            order = np.lexsort((pids, seg_index, -scores))
        elif sort == "year":
            newest = np.concatenate([np.array([max(y) if y else 0 for y in seg.meta["years"]] + [0])[seg.cols[p, 3]] for seg, p, _ in picks])
            order = np.lexsort((pids, seg_index, -scores, -newest))
        else:
            names = sorted({"/".join(r) or "~" for seg, _, _ in picks for r in seg.meta["regions"]})
            rank = {name: k for k, name in enumerate(names)}
            region = np.concatenate([np.array([rank["/".join(r) or "~"] for r in seg.meta["regions"]] + [0])[seg.cols[p, 2]] for seg, p, _ in picks])
            order = np.lexsort((pids, seg_index, -scores, region))
        if limit:
            order = order[:limit]
        return [(picks[int(seg_index[i])][0], int(pids[i]), float(scores[i])) for i in order]

    def _facets(self, picks) -> SearchResult:
        """Counts over every matching passage, from the passage columns."""
        by_region: Counter = Counter()
        by_year: Counter = Counter()
        by_type: Counter = Counter()
        documents: set = set()
        total = 0
        for segment, pids, _ in picks:
            if not len(pids):
                continue
            cols = np.asarray(segment.cols[pids])
            total += len(pids)
            for rid, n in zip(*np.unique(cols[:, 2], return_counts=True)):
                path = segment.meta["regions"][rid]
                by_region.update({"/".join(path[: i + 1]): int(n) for i in range(len(path))})
            for yid, n in zip(*np.unique(cols[:, 3], return_counts=True)):
                by_year.update({y: int(n) for y in segment.meta["years"][yid]})
            for part, n in zip(*np.unique(cols[:, 0], return_counts=True)):
                facts = segment.docs[part]
                if facts["doc_type"]:
                    by_type[facts["doc_type"]] += int(n)
                documents.add(facts["doc_id"])
        return SearchResult(
            hits=[],
            total=total,
            documents=len(documents),
            by_province=Counter({k: v for k, v in by_region.items() if "/" not in k}),
            by_region=by_region,
            by_year=by_year,
            by_type=by_type,
        )

    def counts(self, text: str, filters: Filters | None, by: str) -> list[tuple[str, int, int]]:
        """(key, passages, documents) of the passages matching text, by region (province), city,
        year, segment or type."""
        keys_of = {
            "region": (2, "regions", lambda path: [path[0]] if path else []),
            "city": (2, "regions", lambda path: ["/".join(path[:2])] if path else []),
            "year": (3, "years", lambda ys: [str(y) for y in ys]),
            "segment": (4, "segments", lambda segs: list(segs)),
            "type": (0, None, None),
        }
        if by not in keys_of:
            raise UsageError(f"cannot count by '{by}'; use one of {', '.join(keys_of)}")
        parsed = ql.parse(text)
        filters = (filters or Filters()).merged(parsed.filters)
        scopes, masks = self._match(parsed.tree, filters, "passage")
        column, table, keys = keys_of[by]
        passages: Counter = Counter()
        documents: dict[str, set] = {}
        for s, mask in zip(scopes, masks):
            segment = s.segment
            cols = np.asarray(segment.cols[np.flatnonzero(mask)])
            pairs, n = np.unique(cols[:, [column, 0]], axis=0, return_counts=True) if len(cols) else ([], [])
            for (value, part), count in zip(pairs, n):
                facts = segment.docs[int(part)]
                found = ([facts["doc_type"]] if facts["doc_type"] else []) if table is None else keys(segment.meta[table][int(value)])
                for key in found:
                    passages[key] += int(count)
                    documents.setdefault(key, set()).add(facts["doc_id"])
        ordered = sorted(passages) if by == "year" else [k for k, _ in passages.most_common()]
        return [(k, passages[k], len(documents[k])) for k in ordered]

    def _hit(self, segment: Segment, pid: int, score: float, terms: list[ql.Term]) -> Hit:
        part, ordinal, rid, yid, sid = (int(v) for v in segment.cols[pid])
        facts = segment.docs[part]
        text = segment.passage_text(pid)
        tail = segment.passage_text(pid + 1) if pid + 1 < segment.n and int(segment.doc_col[pid + 1]) == part else ""
        path = list(segment.meta["regions"][rid])
        return Hit(
            doc_id=facts["doc_id"],
            title=facts["title"],
            source=facts["source"],
            doc_type=facts["doc_type"],
            region=path[-1] if path else "",
            region_path=path,
            years=list(segment.meta["years"][yid]),
            segments=list(segment.meta["segments"][sid]),
            passage=ordinal,
            text=text,
            highlights=find_spans(text, [needle for t in terms for needle in t.needles()], tail),
            score=score,
            doc_number=facts["doc_number"],
            issuer=facts["issuer"],
            issued=facts["issued"],
            matched=[label for t in terms for label in _matched(t, text, tail)],
        )

    def document(self, doc_id: str) -> tuple[dict, list[dict]]:
        """The record of a document and its passages in order; KeyError when unknown."""
        record, passages = None, []
        for segment in self.segments:
            for part, facts in enumerate(segment.docs):
                if facts["doc_id"] != doc_id or part in segment.deleted:
                    continue
                if record is None:
                    record = {k: v for k, v in facts.items() if k not in ("first", "count", "doc_segments")}
                    record["years"] = " ".join(str(y) for y in facts["years"])
                    record["n_passages"] = 0
                record["n_passages"] += facts["count"]
                for pid in range(facts["first"], facts["first"] + facts["count"]):
                    _, ordinal, rid, yid, sid = (int(v) for v in segment.cols[pid])
                    passages.append({
                        "doc_id": doc_id,
                        "passage": ordinal,
                        "text": segment.passage_text(pid),
                        "region_path": list(segment.meta["regions"][rid]),
                        "years": " ".join(str(y) for y in segment.meta["years"][yid]),
                        "segments": ",".join(segment.meta["segments"][sid]),
                    })
        if record is None:
            raise KeyError(doc_id)
        passages.sort(key=lambda p: p["passage"])
        return record, passages


def _latin_words(segment: Segment, pos: np.ndarray, owners: np.ndarray, size: int):
    """Keep occurrences of a Latin needle that stand as a whole Latin word (IC, not the ic in ASIC)."""
    data = np.frombuffer(segment.norm, dtype=np.uint8)
    before = np.where(pos > 0, data[np.maximum(pos - 1, 0)], 0)
    after_at = pos + size
    after = np.where(after_at < len(data), data[np.minimum(after_at, len(data) - 1)], 0)
    letter = lambda b: ((b | 0x20) >= ord("a")) & ((b | 0x20) <= ord("z"))
    keep = ~letter(before) & ~letter(after)
    return pos[keep], owners[keep]


def _keep(segment: Segment, pids: np.ndarray, scores: np.ndarray, accept):
    chosen = np.array([accept(pid) for pid in pids.tolist()], dtype=bool) if len(pids) else np.zeros(0, bool)
    return segment, pids[chosen], scores[chosen]


def _closeness(segment: Segment, pid: int, terms: list[ql.Term]) -> float:
    """Fuzzy ranking: a term's words close together score higher."""
    own = segment.passage_norm(pid)
    gaps = sum(matching.window(t.words, own) for t in terms if t.words)
    return 1.0 / (1.0 + 0.05 * gaps)

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


def open_index(index_dir: str | Path) -> Index:
    """Open an index folder for searching (the Python API's entry point)."""
    return Index(Path(index_dir))

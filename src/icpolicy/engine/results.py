"""What a search hands back: passages read from the index, hits with spans, and lazy facets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from icpolicy.engine import query as ql
from icpolicy.engine.translate import is_latin_synonym
from icpolicy.models import Hit
from icpolicy.text.normalize import merge_spans, normalise_with_offsets, occurrences

DOC_BUCKETS = 65000  # tantivy's bucket limit per aggregation: the most documents a facet counts exactly


@dataclass
class Loaded:
    """A passage as stored in the index."""

    key: tuple[int, int]
    score: float
    doc_id: str
    ordinal: int
    text: str
    tail: str
    region_keys: list[str]
    years: list[int]
    sectors: list[str]

    @property
    def region_path(self) -> list[str]:
        return self.region_keys[-1].split("/") if self.region_keys else []

    @classmethod
    def from_doc(cls, doc, address, score: float) -> Loaded:
        """From a stored tantivy document."""
        fields = doc.to_dict()
        return cls(
            key=(address.segment_ord, address.doc),
            score=score,
            doc_id=fields["doc"][0],
            ordinal=int(fields["ordinal"][0]),
            text=bytes(fields["text"][0]).decode("utf-8"),
            tail=fields.get("tail", [""])[0],
            region_keys=sorted(fields.get("region", ()), key=len),
            years=sorted(fields.get("years", ())),
            sectors=fields.get("sectors", []),
        )


class LazyHits(Sequence):
    """Hits built when they are read (iteration streams them: `--all`, JSONL, compare's first few)."""

    def __init__(self, items: list, build):
        self._items = items
        self._build = build

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._build(item) for item in self._items[index]]
        return self._build(self._items[index])

    def __iter__(self):
        for item in self._items:
            yield self._build(item)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"LazyHits({len(self)} hits)"


class SearchResult:
    """The hits shown, how many passages matched, and (computed when first read) how they spread:
    documents, by_province, by_region, by_year, by_type."""

    _FACETS = ("documents", "by_province", "by_region", "by_year", "by_type")

    def __init__(self, hits: list[Hit], total: int, facets=None, **given):
        self.hits = hits
        self.total = total
        self._facets = facets
        self._given = given

    def __getattr__(self, name: str):
        if name not in SearchResult._FACETS:
            raise AttributeError(name)
        if name not in self._given:
            self._given.update(self._facets() if self._facets else {n: Counter() for n in SearchResult._FACETS[1:]} | {"documents": 0})
        return self._given[name]


def facets_of(passages: list[Loaded], facts_of) -> dict:
    """Facets counted over passages already read (the checked path)."""
    by_region: Counter = Counter()
    by_year: Counter = Counter()
    by_type: Counter = Counter()
    for p in passages:
        by_region.update(p.region_keys)
        by_year.update(p.years)
        doc_type = facts_of(p.doc_id)["doc_type"]
        if doc_type:
            by_type[doc_type] += 1
    return {
        "documents": len({p.doc_id for p in passages}),
        "by_region": by_region,
        "by_province": Counter({k: v for k, v in by_region.items() if "/" not in k}),
        "by_year": by_year,
        "by_type": by_type,
    }


def closeness(own: str, terms: list[ql.Term]) -> float:
    """Fuzzy ranking: a term's words close together score higher."""
    from icpolicy.engine import matching

    gaps = sum(matching.window(t.words, own) for t in terms if t.words)
    return 1.0 / (1.0 + 0.05 * gaps)


def make_hit(p: Loaded, facts: dict, terms: list[ql.Term]) -> Hit:
    """A hit with its highlight spans and the labels of the terms it matched."""
    path = p.region_path
    found = _spans(p, terms)
    return Hit(
        doc_id=p.doc_id,
        title=facts["title"],
        source=facts["source"],
        doc_type=facts["doc_type"],
        region=path[-1] if path else "",
        region_path=path,
        years=list(p.years),
        segments=list(p.sectors),
        passage=p.ordinal,
        text=p.text,
        highlights=merge_spans([span for spans in found.values() for span in spans]),
        score=p.score,
        doc_number=facts["doc_number"],
        issuer=facts["issuer"],
        issued=facts["issued"],
        matched=[label for t in terms for label in _matched(t, p.text, found)],
    )


def _spans(p: Loaded, terms: list[ql.Term]) -> dict[tuple[str, bool], list[tuple[int, int]]]:
    """(needle, whole Latin word?) -> its spans in the passage: one normalisation per hit."""
    wanted = {(n, bool(t.forms) and is_latin_synonym(t, n)) for t in terms for n in t.needles()}
    if not wanted:
        return {}
    norm, offsets = normalise_with_offsets(p.text)
    if p.tail:  # stored normalised (normalise is idempotent): it maps to the end of the text
        norm += p.tail
        offsets = range(len(norm)) if isinstance(offsets, range) else offsets + [len(p.text)] * len(p.tail)
    mapped = (norm, offsets)
    return {(n, latin): [(a, b) for _, a, b in occurrences(p.text, n, p.tail, latin, mapped)] for n, latin in wanted}


def _matched(term: ql.Term, text: str, found: dict) -> list[str]:
    """How a term matched this passage: as typed, as a synonym (SiC（碳化硅）), or as its words (先进+封装)."""
    if term.words:
        return ["+".join(term.words)] if all(found[(w, False)] for w in term.words) else []
    if term.forms:
        labels = []
        for form in term.forms:
            spans = found[(form, is_latin_synonym(term, form))]
            if not spans:
                continue
            if form == term.norm:
                labels.append(term.text)
            else:
                start, end = min(spans)
                labels.append(f"{text[start:end]}（{term.text}）")
        return labels
    return [term.text] if found[(term.norm, False)] else []

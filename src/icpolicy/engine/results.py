"""What a search hands back: passages read from the index, hits with spans, and lazy facets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from icpolicy.engine import query as ql
from icpolicy.engine import why
from icpolicy.engine.schema import ideographs_only, read_record, region_keys, split_record
from icpolicy.engine.translate import is_latin_synonym
from icpolicy.meta.zones import division_path
from icpolicy.models import Hit
from icpolicy.text.normalize import merge_spans, normalise_with_offsets, occurrences, plain_search_form

DOC_BUCKETS = 65000  # tantivy's bucket limit per aggregation: the most documents a facet counts exactly


class Loaded:
    """A passage as stored in the index.  `plain`: its ideographs are their own search form
    (schema.plain_ideographs); `quantities`: stored at ingest for the targets view
    (meta/target_store.py), None when not stored.  Its score may change (--fuzzy's closeness)."""

    FIELDS = ("key", "score", "doc_id", "ordinal", "text", "tail", "region_keys", "years", "sectors", "plain", "quantities")

    def __init__(self, key: tuple[int, int], score: float, doc_id: str, ordinal: int, text: str, tail: str, region_keys: list[str],
                 years: list[int], sectors: list[str], plain: bool = False, quantities: str | None = None):
        _set(self, "__dict__", {"key": key, "score": score, "doc_id": doc_id, "ordinal": ordinal, "text": text, "tail": tail,
                                "region_keys": region_keys, "years": years, "sectors": sectors, "plain": plain, "quantities": quantities})

    def __eq__(self, other):
        return self.__dict__ == other.__dict__ if type(other) is Loaded else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return "Loaded(" + ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items()) + ")"

    @property
    def region_path(self) -> list[str]:
        return self.region_keys[-1].split("/") if self.region_keys else []

    @classmethod
    def from_doc(cls, doc, address, score: float) -> Loaded:
        """From a stored tantivy document (its one stored value, schema.record)."""
        doc_id, ordinal, plain, path, years, sectors, tail, text, quantities = read_record(doc.get_first("record"))
        loaded = _new(cls)  # every field given: the dict is set whole instead of through __init__ (as hit_from)
        _set(loaded, "__dict__", {"key": (address.segment_ord, address.doc), "score": score, "doc_id": doc_id, "ordinal": ordinal, "text": text,
                                  "tail": tail, "region_keys": region_keys(path), "years": sorted(years), "sectors": sectors, "plain": plain,
                                  "quantities": quantities})
        return loaded


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
    """The hits shown, how many passages matched (total), and how they spread: documents,
    by_province, by_region, by_year, by_type.  The count and the spread are computed when first
    read: total may be given as a function that counts."""

    _FACETS = ("documents", "by_province", "by_region", "by_year", "by_type")

    def __init__(self, hits: list[Hit], total, facets=None, **given):
        self.hits = hits
        self._total = total
        self._facets = facets
        self._given = given

    @property
    def total(self) -> int:
        """How many passages matched."""
        if callable(self._total):
            self._total = self._total()
        return self._total

    @total.setter
    def total(self, value: int) -> None:
        self._total = value

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


def make_hit(p: Loaded, facts: dict, terms: list[ql.Term], tree=None, sentence: bool = False) -> Hit:
    """A hit with its highlight spans and the labels of the terms it matched (those that show why it matched, given
    the query's tree: engine/why.py)."""
    return HitMaker(terms, tree, sentence)(p, facts)


class HitMaker:
    """Builds the hits of one query: what to look for in a passage is worked out once."""

    def __init__(self, terms: list[ql.Term], tree=None, sentence: bool = False):
        self.terms = terms
        # the query, when some spans found may show no reason for the hit (an OR's branch not satisfied, 同句's other
        # sentences: engine/why.py); None: every span shows one
        self.tree = tree if why.needs_sorting(tree, sentence) else None
        self.sentence = sentence
        # (needle, whole Latin word?) for every needle of every term; a --fuzzy term's whole text too (its words standing
        # together, running on into the next passage as search finds it, are one span)
        self.wanted = list(dict.fromkeys((n, bool(t.forms) and is_latin_synonym(t, n))
                                         for t in terms for n in (*t.needles(), *((t.norm,) if t.words else ()))))
        self.ideographs = all(not latin and ideographs_only(n) for n, latin in self.wanted)
        # terms without --expand forms or --fuzzy words: (label, key of its needle); a term is matched where its needle is
        self.simple = None if any(t.forms or t.words for t in terms) else [(t.text, (t.norm, False)) for t in terms]
        # most queries: one such needle of ideographs, found in a plain passage's text as it is (see spans)
        self.needle = self.wanted[0][0] if len(self.wanted) == 1 and self.ideographs and self.simple else None
        # --fuzzy terms (whole form, words), and the needles of the other terms
        self.fuzzy = [((t.norm, False), [(w, False) for w in t.needles()]) for t in terms if t.words]
        self.others = {(n, False) for t in terms if not t.words for n in t.needles()}

    def __call__(self, p: Loaded, facts: dict) -> Hit:
        """The hit of a passage, given its document's facts."""
        return self._hit(p.doc_id, p.ordinal, p.text, p.tail, p.plain, p.region_keys[-1] if p.region_keys else "", tuple(p.years),
                         list(p.sectors), p.quantities, p.score, facts)

    def from_record(self, value: bytes, score: float, facts_of) -> Hit:
        """The hit of a stored record (schema.record), given facts_of(doc_id): no Loaded in between,
        and the region path and years converted once per distinct value (most hits share them)."""
        doc_id, ordinal, plain, path, years, sectors, tail, text, quantities = split_record(value)
        return self._hit(doc_id, int(ordinal), text, tail, plain, path, _years(years), sectors.split(), quantities, score, facts_of(doc_id))

    def _hit(self, doc_id: str, ordinal: int, text: str, tail: str, plain: bool, path: str, years: tuple, sectors: list,
             quantities: str | None, score: float, facts: dict) -> Hit:
        shown, zone = _division(path)  # shown: the division a zone lies in, the zone apart
        highlights = _merged_starts_in(text + tail, self.needle, len(text)) \
            if self.needle is not None and plain and self.tree is None else None  # spans() and _matched() for this case, without the dict
        if highlights:
            matched = [label for label, _ in self.simple]
        else:
            found = self._whole_first(self._spans(text, tail, plain))
            if self.tree is not None:
                found = why.shown(found, self.tree, text, tail, self.sentence)
            highlights = merge_spans(next(iter(found.values())) if len(found) == 1 else [span for spans in found.values() for span in spans])
            matched = ([label for label, key in self.simple if found[key]] if self.simple is not None
                       else [label for t in self.terms for label in _matched(t, text, found)])
        return hit_from({
            "doc_id": doc_id,
            "title": facts["title"],
            "source": facts["source"],
            "doc_type": facts["doc_type"],
            "region": shown[-1] if shown else "",
            "region_path": list(shown),
            "years": list(years),
            "segments": sectors,  # a new list, the hit's own
            "passage": ordinal,
            "text": text,
            "highlights": highlights,
            "score": score,
            "doc_number": facts["doc_number"],
            "issuer": facts["issuer"],
            "issued": facts["issued"],
            "matched": matched,
            "zone": zone,
            "stored_targets": quantities,
            "plain": plain,
        })

    def _whole_first(self, found: dict) -> dict:
        """found without the spans of a --fuzzy term's words where the term stands whole in the passage: it is matched
        as typed and highlighted whole (第三代半导体, not every 半导体 of the passage); words of a term found only apart,
        or another term's, keep theirs."""
        if not self.fuzzy:
            return found
        apart = {word for whole, words in self.fuzzy if not found.get(whole) for word in words}
        for whole, words in self.fuzzy:
            if found.get(whole):
                for word in words:
                    if word not in apart and word not in self.others and word != whole:
                        found[word] = []
        return found

    def spans(self, p: Loaded) -> dict[tuple[str, bool], list[tuple[int, int]]]:
        """(needle, whole Latin word?) -> its spans in the passage: one normalisation per hit, none
        when the passage is plain and every needle is ideographs (found in the text as it is)."""
        return self._spans(p.text, p.tail, p.plain)

    def _spans(self, text: str, tail: str, plain: bool) -> dict[tuple[str, bool], list[tuple[int, int]]]:
        if not self.wanted:
            return {}
        if plain and self.ideographs:
            joined, size = text + tail, len(text)
            if len(self.wanted) == 1:  # most queries: one needle, no comprehension to set up
                key = self.wanted[0]
                found = {key: _starts_in(joined, key[0], size)}
            else:
                found = {key: _starts_in(joined, key[0], size) for key in self.wanted}
            if any(found.values()):
                return found
            # (nothing where the index found the passage: stored as plain when it is not, by an index made before
            # session 36 from a text in traditional characters; read in full below)
            plain = False
        # a plain passage maps one to one onto its search form and keeps its ideographs: a scan finds the rest
        norm, offsets = (plain_search_form(text), range(len(text))) if plain else normalise_with_offsets(text)
        if tail:  # stored normalised (normalise is idempotent): it maps to the end of the text
            norm += tail
            offsets = range(len(norm)) if isinstance(offsets, range) else offsets + [len(text)] * len(tail)
        mapped = (norm, offsets)
        return {(n, latin): [(a, b) for _, a, b in occurrences(text, n, tail, latin, mapped)] for n, latin in self.wanted}


@lru_cache(maxsize=4096)
def _division(path: str) -> tuple[tuple[str, ...], str]:
    """(the region path a hit shows, its zone) of a stored "/"-joined path (meta/zones.py)."""
    shown, zone = division_path(path.split("/") if path else [])
    return tuple(shown), zone


@lru_cache(maxsize=4096)
def _years(years: str) -> tuple[int, ...]:
    """A stored record's years (space-separated), in order."""
    return tuple(sorted(map(int, years.split())))


def new_hit(**fields) -> Hit:
    """Hit(**fields) with every field given (see hit_from)."""
    return hit_from(fields)


def hit_from(fields: dict) -> Hit:
    """Hit(**fields), given a new dict of every field, built without Hit's __init__: the dict becomes
    the object's own (no copy, no keyword call: ~0.6 µs less).  Hit's __init__ does no more
    than that, so the object is the same (tests/test_search.py checks both against Hit)."""
    hit = _new(Hit)
    _set(hit, "__dict__", fields)
    return hit


_new, _set = object.__new__, object.__setattr__


def _starts_in(joined: str, needle: str, size: int) -> list[tuple[int, int]]:
    """Spans of the occurrences of needle that start before size, cut at size (as occurrences())."""
    found = []
    start = joined.find(needle)
    while start != -1 and start < size:
        found.append((start, min(size, start + len(needle))))
        start = joined.find(needle, start + 1)
    return found


def _merged_starts_in(joined: str, needle: str, size: int) -> list[tuple[int, int]]:
    """merge_spans(_starts_in(joined, needle, size)) in one pass: the occurrences come in order,
    so each one either extends the span before it or starts a new one."""
    found: list[tuple[int, int]] = []
    width = len(needle)
    start = joined.find(needle)
    while start != -1 and start < size:
        end = start + width if start + width < size else size
        if found and start <= found[-1][1]:
            if end > found[-1][1]:
                found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
        start = joined.find(needle, start + 1)
    return found


def _matched(term: ql.Term, text: str, found: dict) -> list[str]:
    """How a term matched this passage: as typed, as a synonym (SiC（碳化硅）), or as its words apart (先进+封装; a --fuzzy
    term whose words stand together is matched as typed)."""
    if term.words:
        if found[(term.norm, False)]:
            return [term.text]
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

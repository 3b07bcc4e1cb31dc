"""Query tree and filters -> ClickHouse SQL.  Every value becomes a `{pN:Type}` parameter.

A term matches a passage when its normalised form starts inside the passage's own text
(norm is the own text plus the next TAIL characters of the document, `own` its own length in
bytes).  match_sql tests that once per term and row: a search, which counts each positive
term's readings for BM25 anyway (tf_sql, reading_sql), tests those (one occurrence starts in
the own text exactly when one of them holds); a term nothing counts (a NOT, a `trend`/`stats`
count) tests the first occurrence's position, a scan that stops there.  In front of the
whole tree one `multiSearchAny(norm, [...])` guard (guard_sql) finds the rows some term can
match in one pass and lets the ngrambf_v1 skip index drop granules that lack the bigrams.
"""

from __future__ import annotations

from icpolicy.engine import query as ql
from icpolicy.engine.clickhouse.schema import WORD_SEP, bit_places
from icpolicy.engine.search import region_paths, sector_slugs, year_span
from icpolicy.engine.filters import type_values
from icpolicy.text.normalize import TAIL


class Params:
    """Collects query parameters and hands out their placeholders (one per distinct value)."""

    def __init__(self):
        self.values: dict[str, object] = {}
        self._names: dict[tuple, str] = {}

    def add(self, value, kind: str = "String") -> str:
        """The placeholder for value, e.g. {p3:String}."""
        key = (kind, repr(value))
        if key not in self._names:
            name = f"p{len(self._names)}"
            self._names[key] = name
            self.values[name] = value
        return f"{{{self._names[key]}:{kind}}}"


def needs_verify(term: ql.Term) -> bool:
    """A Latin synonym (--expand) must stand as a whole Latin word, and a term longer than a row holds
    of the text after its passage (TAIL + 1) is checked against the passages that follow: SQL finds
    candidates, Python decides."""
    return any(form != term.norm and form.isascii() for form in term.forms) or \
        any(len(n) > TAIL + 1 for n in (*term.needles(), term.norm))


def needle_sql(needle: str, p: Params) -> str:
    """The passage holds an occurrence of needle that starts in its own text (with its own skip-index guard);
    of a needle longer than TAIL + 1, of its head (a superset: needs_verify)."""
    ref = p.add(needle[: TAIL + 1])
    return f"(multiSearchAny(norm, [{ref}]) AND position(norm, {ref}) <= own)"


def term_sql(term: ql.Term, p: Params) -> str:
    """A term, each string guarded on its own: all its fuzzy words (or the term whole), or any of its expand forms, or its normalised text."""
    if term.words:  # the words apart, or the term whole (running on into the tail)
        return "((" + " AND ".join(needle_sql(w, p) for w in term.words) + f") OR {needle_sql(term.norm, p)})"
    if term.forms:
        return "(" + " OR ".join(needle_sql(f, p) for f in term.forms) + ")"
    return needle_sql(term.norm, p)


def starts_sql(needle: str, p: Params, counted) -> str:
    """An occurrence of needle starts in the own text: its full reading's count or one of its tail
    readings when the query scores them anyway (the same expressions, so ClickHouse computes them
    once per row for WHERE and SELECT alike), else the first occurrence's position (0: none)."""
    if needle in counted and 1 < len(needle) <= TAIL + 1:
        return "(" + " OR ".join([f"{tf_sql(needle, p)} > 0"] + [reading_sql(needle, j, p) for j in range(1, len(needle) - 1)]) + ")"
    return f"position(norm, {p.add(needle[: TAIL + 1])}) BETWEEN 1 AND own"


def exact_term_sql(term: ql.Term, p: Params, counted) -> str:
    """A term without guard: all its fuzzy words (or the term whole), or any of its expand forms, or its normalised text."""
    if term.words:
        return "((" + " AND ".join(starts_sql(w, p, counted) for w in term.words) + f") OR {starts_sql(term.norm, p, counted)})"
    if term.forms:
        return "(" + " OR ".join(starts_sql(f, p, counted) for f in term.forms) + ")"
    return f"({starts_sql(term.norm, p, counted)})"


def tree_sql(node, p: Params, leaf=None, counted=frozenset()) -> str:
    """The boolean tree as SQL, one exact test per term (no guard: see match_sql); leaf wraps
    each term (max(...) for document scope); counted: the needles the query counts (tf_sql)."""
    if isinstance(node, ql.Term):
        sql = exact_term_sql(node, p, counted)
        return leaf(sql) if leaf else sql
    if isinstance(node, ql.And):
        return "(" + " AND ".join(tree_sql(item, p, leaf, counted) for item in node.items) + ")"
    if isinstance(node, ql.Or):
        return "(" + " OR ".join(tree_sql(item, p, leaf, counted) for item in node.items) + ")"
    if isinstance(node, ql.Not):
        return f"(NOT {tree_sql(node.item, p, leaf, counted)})"
    raise TypeError(f"not a query node: {node!r}")


def guard_sql(node, p: Params) -> str | None:
    """A condition every passage the tree matches meets, made of multiSearchAny over norm (which
    the bigram skip index reads): one search per AND branch, one for all the strings of an OR;
    None when there is none (a NOT)."""
    if isinstance(node, ql.And):
        parts = [part for part in (guard_sql(item, p) for item in node.items) if part]
        return "(" + " AND ".join(parts) + ")" if parts else None
    needles = implied(node)
    return f"multiSearchAny(norm, {p.add(sorted(needles), 'Array(String)')})" if needles else None


def match_sql(node, p: Params, counted=frozenset()) -> str:
    """The tree as a WHERE condition: the guard, then each term tested once (tree_sql)."""
    guard = guard_sql(node, p)
    exact = tree_sql(node, p, counted=counted)
    return f"({guard} AND {exact})" if guard else exact


def implied(node) -> set[str] | None:
    """Strings one of which a passage holds whenever node matches it (None: no such set, under a NOT)."""
    if isinstance(node, ql.Term):
        return set(node.words[:1] or node.forms or (node.norm,))
    if isinstance(node, ql.Or):
        parts = [implied(item) for item in node.items]
        return None if any(part is None for part in parts) else set().union(*parts)
    if isinstance(node, ql.And):
        return next((part for part in map(implied, node.items) if part is not None), None)
    return None


def tf_sql(needle: str, p: Params) -> str:
    """The full reading's count (rank.py): occurrences of needle, overlapping ones too, in the own text
    and the tail's first character.  countSubstrings skips overlaps, which only a needle whose start
    is also its end can have: that one is counted at every byte (UTF-8 matches only at characters)."""
    ref = p.add(needle)
    ext = "substring(norm, 1, own + length(substringUTF8(substring(norm, own + 1, 4), 1, 1)))"
    if not any(needle[:k] == needle[-k:] for k in range(1, len(needle))):
        return f"countSubstrings({ext}, {ref})"
    size = p.add(len(needle.encode("utf-8")), "UInt32")
    return f"arrayCount(i -> substring({ext}, i, {size}) = {ref}, range(1, own + 1))"


def reading_sql(needle: str, j: int, p: Params) -> str:
    """Tail reading j of needle (rank.py): it starts j characters before the own text ends, into the tail."""
    return f"(endsWith(substring(norm, 1, own), {p.add(needle[:j])}) AND startsWith(substring(norm, own + 1), {p.add(needle[j:])}))"


def word_sql(word: str, p: Params) -> str:
    """1 when word is one of the passage's jieba words (the whole-word boost)."""
    return f"(position(words, {p.add(WORD_SEP + word + WORD_SEP)}) > 0)"


def maybe_word_sql(word: str, p: Params) -> str:
    """1 when word may be one of the passage's jieba words: all its bits are set in `wordbits`
    (schema.word_bits); 0 means it is none (the boost is then 0)."""
    return "(" + " AND ".join(f"bitTest(wordbits[{i + 1}], {p.add(place, 'UInt8')})" for i, place in enumerate(bit_places(word))) + ")"


def filters_sql(filters, p: Params, db: str) -> list[str]:
    """Column predicates for region, year, segment, type and document year (db: the database
    whose documents table holds the documents' years); raises UsageError on unknown values."""
    out = []
    if filters.regions:
        wanted = region_paths(filters.regions)
        ors = []
        for path in sorted(wanted):
            # province/city conditions are implied by the prefix test; they let the sort key skip the rest
            keys = [f"province = {p.add(path[0])}"] if path else []
            if len(path) > 1:
                keys.append(f"city = {p.add(path[1])}")
            keys.append(f"arraySlice(region, 1, {p.add(len(path), 'UInt32')}) = {p.add(list(path), 'Array(String)')}")
            ors.append("(" + " AND ".join(keys) + ")")
        out.append("(" + " OR ".join(ors) + ")")
    if filters.year:
        start, end = year_span(filters.year)
        out.append(f"arrayExists(y -> y BETWEEN {p.add(start, 'UInt16')} AND {p.add(end, 'UInt16')}, years)")
    if filters.segments:
        out.append(f"hasAny(sectors, {p.add(sorted(sector_slugs(filters.segments)), 'Array(String)')})")
    if filters.types:
        out.append(f"multiSearchAny(type, {p.add(type_values(filters.types), 'Array(String)')})")
    if filters.doc_year:
        start, end = year_span(filters.doc_year, "--doc-year")
        out.append(f"doc IN (SELECT doc FROM {db}.documents FINAL WHERE live = 1 AND "
                   f"arrayExists(y -> y BETWEEN {p.add(start, 'UInt16')} AND {p.add(end, 'UInt16')}, years))")
    return out


def relaxed_sql(node, p: Params, positive: bool = True) -> str:
    """A superset of the tree's matches in SQL when some terms need a Python verdict: such a
    term is its candidates where it counts for a match and false where it counts against one."""
    if isinstance(node, ql.Term):
        if not needs_verify(node):
            return term_sql(node, p)
        return term_sql(node, p) if positive else "0"
    if isinstance(node, (ql.And, ql.Or)):
        glue = " AND " if isinstance(node, ql.And) else " OR "
        return "(" + glue.join(relaxed_sql(item, p, positive) for item in node.items) + ")"
    if isinstance(node, ql.Not):
        return f"(NOT {relaxed_sql(node.item, p, not positive)})"
    raise TypeError(f"not a query node: {node!r}")


def any_verify(node) -> bool:
    """Whether some term of the tree needs a Python verdict."""
    return node is not None and any(needs_verify(t) for t in ql.terms(node))

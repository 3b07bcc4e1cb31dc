"""Filters and the first step of every search: the mode arguments checked, the inline filters
merged, the terms given their --expand forms or --fuzzy words; filter values resolved (regions,
years, segments) and, for the tantivy index, turned into term-set and range queries."""

from __future__ import annotations

from collections import namedtuple

from icpolicy.engine import query as ql
from icpolicy.errors import UsageError
from icpolicy.records import Record


class Filters(Record, namedtuple("Filters", "regions year segments types doc_year")):
    """Filters that narrow a search; values as the user typed them (lists; [] when not given).
    year is the passages' years (what a passage speaks for); doc_year the documents' own (a 2025
    report's: 2025), which every passage of the document takes."""

    __slots__ = ()
    regions: list[str]
    year: str | None
    segments: list[str]
    types: list[str]
    doc_year: str | None

    def __new__(cls, regions: list[str] | None = None, year: str | None = None, segments: list[str] | None = None, types: list[str] | None = None,
                doc_year: str | None = None):
        return super().__new__(cls, [] if regions is None else regions, year, [] if segments is None else segments, [] if types is None else types,
                               doc_year)

    def merged(self, inline: dict[str, list[str]]) -> Filters:
        """These filters plus the ones written inside the query (region:江苏 ...)."""
        year = self.year
        if inline.get("year"):
            if year and year != inline["year"][-1]:
                raise UsageError(f"two year filters given ({year} and {inline['year'][-1]}); keep one")
            year = inline["year"][-1]
        return Filters(self.regions + inline.get("region", []), year, self.segments + inline.get("segment", []), self.types + inline.get("type", []),
                       self.doc_year)


class Modes(Record, namedtuple("Modes", "scope fuzzy expand", defaults=("passage", False, False))):
    """How a query's terms match, as search's --scope (--same-sentence), --fuzzy and --expand give it;
    every view that runs a query takes the same (`ix.search(text, filters, **modes._asdict())`)."""

    __slots__ = ()
    scope: str
    fuzzy: bool
    expand: bool


def with_modes(payload: dict, modes: Modes) -> dict:
    """The payload with the match modes right after its query, as json gives them (a count under --expand is not the
    plain query's: a saved answer says which it is)."""
    return {"query": payload["query"], "modes": modes._asdict(), **{k: v for k, v in payload.items() if k != "query"}}


def prepare_tree(tree, fuzzy: bool = False, expand: bool = False):
    """Give terms their synonym forms (--expand) or jieba words (--fuzzy)."""
    if tree is None:
        return None
    if expand:
        from icpolicy.meta.synonyms import expand as forms_of

        tree = ql.transform(tree, lambda t: t._replace(forms=forms_of(t.norm)) if len(forms_of(t.norm)) > 1 else t)
    if fuzzy:
        from icpolicy.text.tokens import fuzzy_words

        def split(term: ql.Term) -> ql.Term:
            words = tuple(dict.fromkeys(fuzzy_words(term.text)))
            return term._replace(words=words) if len(words) > 1 else term

        tree = ql.transform(tree, split)
    return tree


def plan_query(text: str, filters: Filters | None, sort: str, scope: str, fuzzy: bool, expand: bool):
    """(filters with the inline ones merged, the prepared query tree, its positive terms), after
    checking the mode arguments: the first step of a search on any backend."""
    if scope not in ("passage", "sentence", "document"):
        raise UsageError(f"scope must be passage, sentence or document, not '{scope}'")
    if sort not in ("score", "year", "region"):
        raise UsageError(f"--sort must be score, year or region, not '{sort}'")
    parsed = ql.parse(text)
    filters = (filters or Filters()).merged(parsed.filters)
    tree = prepare_tree(parsed.tree, fuzzy, expand)
    return filters, tree, ql.ParsedQuery(tree, parsed.filters).positive_terms()


def region_paths(names: list[str]) -> set[tuple[str, ...]]:
    """The region paths that region filter names select (zones, groups and full names included)."""
    from icpolicy.meta import region_names  # the gazetteer only when a region filter is given

    wanted: set[tuple[str, ...]] = set()
    for name in names:
        if not name.strip():
            raise UsageError("--region is empty: give a province, city or county name such as 江苏, 苏州 or 昆山")
        if region_names.names_the_country(name):
            raise UsageError(f"unknown region '{name}': the whole country's own documents are filed under 全国 (--region 全国); "
                             "leave --region out for every place")
        paths = region_names.resolve_filter(name)
        if not paths:
            paths = region_names.filter_candidates(name)
            if len(paths) > 1:
                listed = ", ".join("".join(path) for path in paths)
                raise UsageError(f"ambiguous region '{name}': {listed}; give the full name, e.g. --region {''.join(paths[0])}")
        if not paths:
            raise UsageError(f"unknown region '{name}': use a province, city or county name such as 江苏, 苏州 or 昆山")
        wanted |= {tuple(path) for path in paths}
    return wanted


def year_span(year: str, option: str = "--year") -> tuple[int, int]:
    """The (first, last) year a --year (or --doc-year) value names (2025, 2023-2025, 2023-, -2020)."""
    from icpolicy.meta import years

    try:
        return years.parse_range(year)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def documents_of_years(doc_year: str, all_facts) -> list[str]:
    """The doc_ids, sorted, of the documents whose own years (all_facts(): every document's
    facts) overlap a --doc-year value; a document with no year has none that could."""
    start, end = year_span(doc_year, "--doc-year")
    return sorted(f["doc_id"] for f in all_facts() if any(start <= int(y) <= end for y in f.get("years") or ()))


def sector_slugs(values: list[str]) -> set[str]:
    """The sector slugs that --segment values (slug or Chinese label) name."""
    from icpolicy.meta import sectors

    slugs = set()
    for value in values:
        slug = sectors.resolve(value)
        if slug is None:
            known = ", ".join(f"{s.slug} ({s.label})" for s in sectors.taxonomy())
            raise UsageError(f"unknown segment '{value}'; known segments: {known}")
        slugs.add(slug)
    return slugs


def type_values(values: list[str], present=()) -> list[str]:
    """The --type values in the index's form (traditional characters and full-width forms folded: 政府工作報告
    is 政府工作报告), each checked against the types icpolicy gives (data/doctypes.toml) and those in the index
    (present: a type front matter declared): a value that is part of none is a slip (政府工做报告), refused
    with the known types rather than answered with nothing."""
    from icpolicy.data import load_toml
    from icpolicy.text.normalize import normalise

    raw = load_toml("doctypes.toml")
    given = [name for t in raw["type"] for name in (t["name"], t.get("national"), t.get("ministry")) if name]  # every type a rule gives
    ordered = list(dict.fromkeys([raw["report"]["type"], raw["news"]["type"], *given, *present]))
    out = []
    for value in values:
        folded = normalise(value.strip())
        match = next((t for t in ordered if folded in t or folded in normalise(t)), None)
        if match is None:
            raise UsageError(f"unknown document type '{value}'; --type takes a type or part of one, e.g. {'、'.join(ordered[:10])}")
        out.append(folded if folded in match else value)
    return out


MANY_TERMS = 64  # more values than this: a term-set query
YEAR_TERMS = 10  # a year span of fewer years is queried year by year (3x faster than the range at 1 GB)


def tantivy_filters(schema, filters: Filters, doc_types, all_facts) -> list:
    """Tantivy queries for region, year, segment, type and document year over the passages'
    indexed fields; doc_types() gives the document types in the index (a type filter matches any
    containing the value), all_facts() every document's facts (for --doc-year).  Raises
    UsageError on unknown values."""
    import tantivy

    out = []
    if filters.regions:
        out.append(_any_term(schema, "region", sorted("/".join(p) for p in region_paths(filters.regions))))
    if filters.year:
        start, end = year_span(filters.year)
        if end - start < YEAR_TERMS:  # a few years: their term queries, which lead an intersection (a range reads every candidate's column)
            out.append(_any_term(schema, "years", list(range(start, end + 1))))
        else:
            out.append(tantivy.Query.range_query(schema, "years", tantivy.FieldType.Integer, start, end))
    if filters.segments:
        out.append(_any_term(schema, "sectors", sorted(sector_slugs(filters.segments))))
    if filters.types:
        present = doc_types()
        wanted = type_values(filters.types, present)
        out.append(_any_term(schema, "doc_type", [t for t in present if any(v in t for v in wanted)]))
    if filters.doc_year:
        ids = documents_of_years(filters.doc_year, all_facts)
        # many documents: one term-set query (it reads the doc column, where a Should of thousands of terms is slower)
        out.append(_any_term(schema, "doc", ids) if len(ids) <= MANY_TERMS else tantivy.Query.term_set_query(schema, "doc", ids))
    return out


def _any_term(schema, name: str, values: list):
    """Passages with any of the values in a field: one term query each, or-ed.  Not
    Query.term_set_query: on a fast field it reads the field's column for every passage (about
    0.2 ms per filter at 10 MB, where the term queries take 1-10 us)."""
    import tantivy

    Q = tantivy.Query
    if not values:
        return Q.empty_query()
    if len(values) == 1:
        return Q.term_query(schema, name, values[0])
    return Q.boolean_query([(tantivy.Occur.Should, Q.term_query(schema, name, v)) for v in values])

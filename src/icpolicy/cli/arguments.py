"""The query and filter arguments the commands share, checked without importing click: the QUERY
words as one query (query_text), inline filters a command refuses (refuse_inline), and the filter
options as the engine's Filters (make_filters).  launch.py's plain search runs them before click is
imported; app.py's commands run them too."""

from __future__ import annotations

import sys

INTERRUPTED = "icpolicy: interrupted"


def query_text(words, allow_empty: bool = False) -> str:
    """The query words as one string; a usage error (exit 2) when it has no term to find."""
    from icpolicy.engine import query as ql

    text = " ".join(words)
    require_text(text, "QUERY")
    parsed = ql.parse(text)
    if not (allow_empty and parsed.tree is None):  # stats with no term counts what the filters select
        ql.require_term(parsed, text)
    terms = ql.terms(parsed.tree)
    _note_lowercase_operators(terms)
    _note_fullwidth_brackets(text, terms)
    return text


def refuse_inline(text: str, names: tuple[str, ...], why: str) -> None:
    """A usage error (exit 2) when QUERY writes one of these filters inline (region:苏州), which the command would not
    apply as the options it stands for say."""
    from icpolicy.engine import query as ql
    from icpolicy.errors import UsageError

    written = [f"{name}:{value}" for name, values in ql.parse(text).filters.items() if name in names for value in values]
    if written:
        raise UsageError(f"{' '.join(written)} in QUERY: {why}")


def _note_lowercase_operators(terms) -> None:
    """`先进封装 or 系统级封装` searches the word "or" (AND), so it finds nothing and says nothing: a note on
    stderr (not with -q) names the words that look like an operator typed in lower case."""
    import unicodedata

    words = [t.text for t in terms if not t.phrase and t.text != unicodedata.normalize("NFKC", t.text).upper()
             and unicodedata.normalize("NFKC", t.text).upper() in ("OR", "AND", "NOT")]
    if not words:
        return
    from icpolicy.cli.output import note

    named = list(dict.fromkeys(words))
    note(f"icpolicy: note: {', '.join(map(repr, named))} {'is' if len(named) == 1 else 'are'} searched for as {'a word' if len(named) == 1 else 'words'}: the operators are "
         f"OR, AND and NOT in capitals (put the word in quotes to search it without this note)")


def _note_fullwidth_brackets(text: str, terms) -> None:
    """`（SiC）` pasted from a document groups the word, as ( ) do, so it finds every SiC: a note on stderr (not with -q)
    says so and how to find the brackets as written (in quotes).  Not for brackets a term holds as text (碳化硅（SiC）,
    a bracket inside a word) or a phrase does (“（SiC）”)."""
    import re

    from icpolicy.engine.query_words import QUOTES

    quoted = "|".join(f"{re.escape(opening)}[^{re.escape(closing)}]*[{re.escape(closing)}]?" for opening, closing in QUOTES.items())
    bare = re.sub(quoted, "", text)  # (a phrase, in any quotes the query language reads, keeps its brackets as text)
    grouping = sum(bare.count(mark) for mark in "（）") - sum(t.text.count(mark) for t in terms if not t.phrase for mark in "（）")
    if grouping <= 0:
        return
    from icpolicy.cli.output import note

    note("icpolicy: note: （ ） in QUERY group terms as ( ) do; to find the brackets as written, put them in quotes (e.g. '\"（SiC）\"')")


def require_text(value: str, name: str) -> None:
    """A usage error (exit 2) when a value typed as text holds bytes that are not UTF-8 (Python keeps them as lone
    surrogates: a terminal or script in another encoding), which no document holds and the engine refuses."""
    bad = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
    if bad is not None:
        from icpolicy.errors import UsageError

        byte = f"byte 0x{ord(bad) - 0xDC00:02X}" if ord(bad) >= 0xDC80 else "a lone surrogate"
        raise UsageError(f"{name} is not UTF-8 text ({byte}): set the terminal or script to UTF-8 (e.g. LANG=C.UTF-8) and give it again")


def refuse_empty(value: str | None, option: str, wanted: str) -> None:
    """An option given an empty value (--type "$T" with T unset) is a usage error: it would match everything."""
    if value is not None and not value.strip():
        from icpolicy.errors import UsageError

        raise UsageError(f"{option} '{value}' is empty: give {wanted}")


def make_filters(regions, year, segments, types):
    """The Filters of the filter options (app.filter_options)."""
    from icpolicy.engine.search import Filters

    for name, values in (("--region", regions), ("--segment", segments), ("--type", types)):
        for value in values:
            require_text(value, name)

    for value in types:  # a substring of nothing matches every typed document, not what was meant
        refuse_empty(value, "--type", "a document type or part of one, e.g. 行动方案 or 通知")
    # --doc-year: app.filter_options keeps it in the click context's meta (none in this module's own plain
    # search, which runs before click is imported: importing it there would slow every one-shot search)
    click = sys.modules.get("click")
    ctx = click.get_current_context(silent=True) if click is not None else None
    doc_year = ctx.meta.get("doc_year") if ctx is not None else None
    for option, value in (("--year", year), ("--doc-year", doc_year)):
        if value is not None and not value:  # --year "$YEAR" with YEAR unset: every year would be searched, exit 0
            from icpolicy.errors import UsageError

            raise UsageError(f"{option} '' is empty: give a year (2025) or a range (2023-2025, 2023-, -2020)")
        if value:  # (--year --index DIR: the option's value is the next word; said before any index is opened)
            from icpolicy.engine.filters import year_span

            year_span(value, option)
    if regions:
        from icpolicy.cli.output import note_shared_regions

        note_shared_regions(regions)
    if year and ctx is not None:
        _note_stray_year(year, ctx.params.get("query") or ())
    return Filters(list(regions), year, list(segments), list(types), doc_year)


def _note_stray_year(year: str, words) -> None:
    """`-y 2024 2025` unquoted: the option takes 2024 and the query gets the word 2025, which few passages hold. Said in
    one line on stderr (not with -q), with the range that gives both; the search runs as typed."""
    stray = next((w for w in words if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")), None)
    if stray and stray != year:
        from icpolicy.cli.output import note

        both = f"for both years give --year {min(year, stray)}-{max(year, stray)}" if len(year) == 4 and year.isdigit() \
            else "give every year in --year (a range: 2023-2025)"
        note(f"icpolicy: {stray} is searched as a word of the query, not as a year; {both}")

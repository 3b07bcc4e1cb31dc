"""A parsed query tree as tantivy queries, plus the Python check for what tantivy cannot decide.

A term of n >= 2 normalised characters starts in a passage exactly when one of n - 1 phrase
queries over its bigrams matches: j unmarked bigrams (they start in the passage) followed by
n - 1 - j tail-marked ones (schema.py), j = 1 .. n - 1.  A reading with j < n - 1 needs the
passage's `edge` to be its j-th bigram: it is left out when no passage has that edge (a clause
that matches nothing adds nothing to any score, so hits and scores are the same; it would still
cost tantivy a scan of the passages holding all its bigrams).  One character: a regex over the
unmarked bigrams that start with it.
These are exact, so AND / OR / NOT of them are tantivy boolean queries and nothing is
checked in Python.  Three things are not decided by tantivy, and make `exact` False, so the
candidates it returns (a superset) are checked by `accepts`:

- a term longer than TAIL + 1 characters (its head is queried; the rest is checked against
  the passage and the text that follows it),
- a Latin synonym from --expand, which must stand as a whole Latin word in the raw text
  (IC, not the ic of ASIC; SiC in "SiC MOSFET" counts: the space is a boundary),
- same-sentence scope (search.py adds it).
"""

from __future__ import annotations

from collections import namedtuple

from icpolicy.engine import query as ql
from icpolicy.engine.schema import TAIL_MARK
from icpolicy.records import Record
from icpolicy.text.normalize import TAIL, occurrences


class _Excluded(Record, namedtuple("_Excluded", "plan")):
    """A NOT item on its way up the fold: an AND turns it into a must-not clause."""

    __slots__ = ()
    plan: Plan


class Plan(Record, namedtuple("Plan", "query exact")):
    """The tantivy query that selects passages, and whether it is exact (no Python check)."""

    __slots__ = ()
    query: object
    exact: bool


class Translator:
    """Builds tantivy queries against one schema."""

    def __init__(self, schema, edges=None):
        import tantivy

        self.schema = schema
        self.edges = edges  # (field, token) -> how many passages hold it: the searcher's doc_freq, or None (no pruning)
        self.Q = tantivy.Query
        self.Occur = tantivy.Occur
        self.only = None  # a filter put on every leaf (restricted): bound.py's verification

    def restricted(self, only) -> Translator:
        """A translator whose every leaf query (each phrase reading) is also restricted by `only`,
        adding 0 to its score: a union of leaves then visits only what `only` selects, where a
        union restricted as a whole scans its leaves' postings window by window."""
        copy = object.__new__(Translator)
        copy.__dict__.update(self.__dict__, only=only)
        return copy

    def passages(self):
        """Every passage (document records excluded)."""
        return self.Q.term_query(self.schema, "kind", "p")

    def substring(self, norm: str) -> Plan:
        """Passages where norm starts (see the module docstring)."""
        Q = self.Q
        if len(norm) == 1:  # every bigram the passage's own characters start (schema.py: END)
            return Plan(self._only(Q.regex_query(self.schema, "bi", _regex_literal(norm) + ".")), True)
        options = [self._only(Q.term_query(self.schema, "bi", words[0]) if len(words) == 1 else Q.phrase_query(self.schema, "bi", words))
                   for words in self.readings(norm)]
        query = options[0] if len(options) == 1 else Q.boolean_query([(self.Occur.Should, o) for o in options])
        return Plan(query, len(norm) <= TAIL + 1)

    def readings(self, norm: str) -> list[list[str]]:
        """The `bi` tokens of each phrase query that substring(norm) joins (norm of two or more
        characters): own bigrams, then tail-marked ones; readings no passage's edge allows are left out."""
        head = norm[: TAIL + 1]
        grams = [head[i : i + 2] for i in range(len(head) - 1)]
        out = []
        for own in range(len(grams), 0, -1):
            if own < len(grams) and self.edges is not None and not self.edges("edge", grams[own - 1]):
                continue  # no passage ends where this reading runs on into its tail: the clause could match nothing
            out.append(grams[:own] + [TAIL_MARK + g for g in grams[own:]])
        return out

    def term(self, term: ql.Term) -> Plan:
        """A query term with its --fuzzy words or --expand forms."""
        if term.words:  # the words apart, or the term whole (it may run on into the next passage, where its words start):
            whole = self.substring(term.norm)  # which selects and adds no score, so the words alone rank as they did
            return self.any_of([self.all_of([self.substring(w) for w in term.words]), Plan(self.Q.const_score_query(whole.query, 0.0), whole.exact)])
        if term.forms:
            plans = [self.substring(f) for f in term.forms]
            for k, form in enumerate(term.forms):
                if is_latin_synonym(term, form):
                    plans[k] = Plan(plans[k].query, False)
            return self.any_of(plans)
        return self.substring(term.norm)

    def all_of(self, plans: list[Plan], excluded: list[Plan] = ()) -> Plan:
        if len(plans) == 1 and not excluded:
            return plans[0]
        clauses = [(self.Occur.Must, p.query) for p in plans] or [(self.Occur.Must, self.passages())]
        exact = all(p.exact for p in plans)
        for p in excluded:
            if p.exact:
                clauses.append((self.Occur.MustNot, p.query))
            else:
                exact = False  # a superset: the Python check excludes
        return Plan(self.Q.boolean_query(clauses), exact)

    def any_of(self, plans: list) -> Plan:
        plans = [self.all_of([], [p.plan]) if isinstance(p, _Excluded) else p for p in plans]
        if len(plans) == 1:
            return plans[0]
        return Plan(self.Q.boolean_query([(self.Occur.Should, p.query) for p in plans]), all(p.exact for p in plans))

    def tree(self, node) -> Plan:
        """The query tree; None (filters only) selects every passage."""
        if node is None:
            return Plan(self.passages(), True)
        found = ql.fold(node, self.term, self._and, self.any_of, lambda v: v.plan if isinstance(v, _Excluded) else _Excluded(v))
        return self.all_of([], [found.plan]) if isinstance(found, _Excluded) else found

    def _and(self, parts: list) -> Plan:
        """AND: the NOT items become must-not clauses of the same boolean query."""
        positive = [p for p in parts if not isinstance(p, _Excluded)]
        excluded = [p.plan for p in parts if isinstance(p, _Excluded)]
        return self.all_of(positive, excluded)

    def _only(self, query):
        return query if self.only is None else self.filtered(query, [self.only])

    def filtered(self, query, filters: list):
        """query restricted by filter queries (which add nothing to the score)."""
        if not filters:
            return query
        clauses = [(self.Occur.Must, query)] + [(self.Occur.Must, self.Q.const_score_query(f, 0.0)) for f in filters]
        return self.Q.boolean_query(clauses)


def _regex_literal(char: str) -> str:
    """char as a literal in tantivy's (Rust) regex syntax, whatever it is."""
    return "\\x{%X}" % ord(char)


def is_latin_synonym(term: ql.Term, form: str) -> bool:
    """A synonym form that must stand as a whole Latin word (not the term as typed)."""
    return form != term.norm and form.isascii()


def term_starts(term: ql.Term, text: str, own: str, following: str) -> bool:
    """Whether a term starts in a passage: own is its normalised text, following what comes after."""
    joined = own + following
    if term.words:
        return all(_starts(w, own, joined) for w in term.words) or _starts(term.norm, own, joined)
    if term.forms:
        for form in term.forms:
            if is_latin_synonym(term, form):
                if any(start < len(own) for start, _, _ in occurrences(text, form, following, whole_latin=True)):
                    return True
            elif _starts(form, own, joined):
                return True
        return False
    return _starts(term.norm, own, joined)


def _starts(needle: str, own: str, joined: str) -> bool:
    at = joined.find(needle)
    return at != -1 and at < len(own)


def accepts(node, text: str, own: str, following: str) -> bool:
    """Whether a passage satisfies the query tree (the check for inexact plans)."""
    if node is None:
        return True
    return ql.fold(node, lambda t: term_starts(t, text, own, following), all, any, lambda value: not value)


def longest_term(node) -> int:
    """The length of the longest needle in the tree, or term as typed (--fuzzy matches it whole too): how
    much following text a check needs."""
    return max((len(n) for t in ql.terms(node) for n in (*t.needles(), t.norm)), default=0)

"""The query language: parse text into a tree of terms and boolean operators, plus inline filters.

    集成电路 封测              both terms (AND)
    先进封装 OR 系统级封装      either
    -光伏   NOT 光伏           without
    (A OR B) C                grouping
    "集成电路 产业"             exact phrase, spaces and punctuation kept together
    “集成电路 产业” 「…」 『…』 ＂…＂  the Chinese (and full-width) quotation marks make phrases too
    集成电路（IC） 中国“芯”     a bracket or quote inside a word, closed in it, is its text
    region:江苏 year:2024-2025 segment:packaging type:行动方案   filters, same as the flags

Every term matches as a normalised substring of the passage (see normalize.py).  The text is split into tokens by
engine/query_words.py.
"""

from __future__ import annotations

from collections import namedtuple

from icpolicy.errors import QueryError
from icpolicy.records import Record
from icpolicy.engine.query_words import FILTER_KEYS, QUOTES, Token, tokenise  # noqa: F401  (FILTER_KEYS, QUOTES: to callers)
from icpolicy.text.normalize import normalise

MAX_DEPTH = 32  # parentheses and NOTs nested deeper than this are refused (no query needs more)


class Term(Record, namedtuple("Term", "text norm phrase forms words", defaults=(False, (), ()))):
    """A term to find as a substring; `text` as typed, `norm` as matched.

    `forms` are equivalent spellings (--expand: any of them matches); `words` are the
    term's jieba words (--fuzzy: all must occur, in any order and distance).
    """

    __slots__ = ()
    text: str
    norm: str
    phrase: bool
    forms: tuple[str, ...]
    words: tuple[str, ...]

    def needles(self) -> tuple[str, ...]:
        """The normalised strings whose occurrences make this term match (and get highlighted)."""
        return self.words or self.forms or (self.norm,)


class And(Record, namedtuple("And", "items")):
    __slots__ = ()
    items: tuple


class Or(Record, namedtuple("Or", "items")):
    __slots__ = ()
    items: tuple


class Not(Record, namedtuple("Not", "item")):
    __slots__ = ()
    item: object


class ParsedQuery(Record, namedtuple("ParsedQuery", "tree filters", defaults=(None,))):
    """A parsed query: the boolean tree (None when only filters were given) and the inline filters
    (a dict of lists; {} when not given)."""

    __slots__ = ()
    tree: object | None
    filters: dict[str, list[str]]

    def __new__(cls, tree, filters=None):
        return super().__new__(cls, tree, {} if filters is None else filters)

    def positive_terms(self) -> list[Term]:
        """Terms that a hit contains (not under NOT): what highlighting shows."""
        return list(_positive(self.tree))


def fold(node, term, all_of, any_of, negate):
    """The one walk over a query tree: term(Term), all_of([children]), any_of([children]) and
    negate(child) give each node's value from its children's (every other walk is built on it)."""
    if isinstance(node, Term):
        return term(node)
    if isinstance(node, And):
        return all_of([fold(item, term, all_of, any_of, negate) for item in node.items])
    if isinstance(node, Or):
        return any_of([fold(item, term, all_of, any_of, negate) for item in node.items])
    if isinstance(node, Not):
        return negate(fold(node.item, term, all_of, any_of, negate))
    raise TypeError(f"not a query node: {node!r}")


def transform(node, change):
    """A copy of the tree with every Term replaced by change(term)."""
    if node is None:
        return None
    return fold(node, change, lambda items: And(tuple(items)), lambda items: Or(tuple(items)), Not)


def sentence_candidates(node):
    """What a passage must hold for one of its sentences to satisfy the whole tree (同句): its positive part.  NOT
    holds per sentence, so it excludes no passage (集成电路 -产业: a passage with 产业 in one sentence may have a
    sentence of 集成电路 without it); an OR with a NOT among its branches needs nothing.  None: every passage."""
    def all_of(items):
        kept = [item for item in items if item is not None]
        return None if not kept else kept[0] if len(kept) == 1 else And(tuple(kept))

    return fold(node, lambda term: term, all_of, lambda items: None if None in items else Or(tuple(items)), lambda item: None)


def _concat(parts: list[list]) -> list:
    return [item for part in parts for item in part]


def terms(node):
    """Every term of the tree, under NOT too, in order."""
    return [] if node is None else fold(node, lambda t: [t], _concat, _concat, lambda part: part)


def _positive(node):
    return [] if node is None else fold(node, lambda t: [t], _concat, _concat, lambda part: [])


class _Parser:
    def __init__(self, query: str, tokens: list[Token]):
        self.query = query
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def error(self, message: str, token: Token | None) -> QueryError:
        return QueryError(message, self.query, token.pos if token else len(self.query))

    def parse(self):
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            if token.kind == "rparen":
                raise self.error("unbalanced parenthesis: nothing opened this one", token)
            raise self.error(f"unexpected '{token.text}'", token)
        return node

    def parse_or(self):
        items = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("rparen", "op"):
                raise self.error("dangling OR: put a term after it", token)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self):
        items = []
        while (token := self.peek()) is not None:
            if token.kind == "rparen":
                break
            if token.kind == "op":
                if token.text == "OR":
                    if not items:
                        raise self.error("dangling OR: put a term before it", token)
                    break
                self.i += 1  # explicit AND
                nxt = self.peek()
                if not items or nxt is None or nxt.kind in ("rparen", "op"):
                    raise self.error("dangling AND: put a term on both sides", token)
                continue
            items.append(self.parse_unary())
        if not items:
            raise self.error("empty group: expected a term", self.peek())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self):
        token = self.peek()
        if token.kind in ("not", "lparen"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.error(f"nested too deeply: at most {MAX_DEPTH} levels of parentheses and NOT", token)
            try:
                return self._parse_nested(token)
            finally:
                self.depth -= 1
        return self._parse_term(token)

    def _parse_nested(self, token: Token):
        if token.kind == "not":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("rparen", "op"):
                raise self.error("NOT needs a term after it", token)
            return Not(self.parse_unary())
        self.i += 1
        if token.kind == "lparen":
            if (nxt := self.peek()) is not None and nxt.kind == "rparen":
                raise self.error("empty parentheses", token)
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise self.error("unbalanced parenthesis: this one is never closed", token)
            self.i += 1
            return node
        raise self.error(f"unexpected '{token.text}'", token)

    def _parse_term(self, token: Token):
        self.i += 1
        if token.kind in ("word", "phrase"):
            norm = normalise(token.text)
            if not norm:
                what = "quotes with nothing searchable inside" if token.kind == "phrase" else "only invisible or control characters"
                raise self.error(f"empty term: {what}", token)
            return Term(token.text, norm, token.kind == "phrase")
        raise self.error(f"unexpected '{token.text}'", token)


def parse(query: str) -> ParsedQuery:
    """Parse query text; raises QueryError (with the position) when it is malformed."""
    tokens = tokenise(query)
    filters: dict[str, list[str]] = {}
    rest = []
    for token in tokens:
        if token.kind == "filter":
            key, _, value = token.text.partition(":")
            filters.setdefault(key, []).append(value)
        else:
            rest.append(token)
    if not rest:
        return ParsedQuery(None, filters)
    return ParsedQuery(_Parser(query, rest).parse(), filters)


def _only_negative(node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_only_negative(item) for item in node.items)
    return False


def is_only_negative(parsed: ParsedQuery) -> bool:
    """True when the query only excludes (e.g. "-光伏"): it then ranges over every passage."""
    return parsed.tree is not None and _only_negative(parsed.tree)


def require_term(parsed: ParsedQuery, query: str) -> None:
    """Raise QueryError unless the query has a term to find: empty, filter-only and only-NOT queries do not."""
    if parsed.tree is None:
        what = "only filters" if parsed.filters else "empty"
        raise QueryError(f"the query is {what}: give a term to find, e.g. 集成电路 (to count what filters select, use icpolicy stats)", query)
    if not list(_positive(parsed.tree)):
        raise QueryError("the query only excludes (NOT/-): add a term to find, e.g. 集成电路 -光伏 (a word that starts with a dash, "
                         "searched as written, goes in quotes: \"-GaN\")", query)

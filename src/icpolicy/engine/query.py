"""The query language: parse text into a tree of terms and boolean operators, plus inline filters.

    集成电路 封测              both terms (AND)
    先进封装 OR 系统级封装      either
    -光伏   NOT 光伏           without
    (A OR B) C                grouping
    "集成电路 产业"             exact phrase, spaces and punctuation kept together
    “集成电路 产业” 「…」 『…』 ＂…＂  the Chinese (and full-width) quotation marks make phrases too
    集成电路（IC） 中国“芯”     brackets and quotes inside a word are its own characters
    region:江苏 year:2024-2025 segment:packaging type:行动方案   filters, same as the flags

Every term matches as a normalised substring of the passage (see normalize.py).
"""

from __future__ import annotations

import unicodedata
from collections import namedtuple

from icpolicy.errors import QueryError
from icpolicy.records import Record
from icpolicy.text.normalize import normalise

FILTER_KEYS = {"region": "region", "year": "year", "segment": "segment", "type": "type", "doc_type": "type"}
_OPERATORS = {"OR", "AND", "NOT"}
# Phrase quotes: opening mark -> the marks that close it.  “ and ” are accepted either way round,
# as editors and input methods swap them.
QUOTES = {'"': '"＂', "＂": '＂"', "“": "”“", "”": "”“", "「": "」", "『": "』"}  # ＂: " typed full-width
_QUOTE_MARKS = "".join(QUOTES)
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


class _Token(Record, namedtuple("_Token", "kind text pos")):
    __slots__ = ()
    kind: str  # word, phrase, lparen, rparen, op, filter, not
    text: str
    pos: int


def _tokenise(query: str) -> list[_Token]:
    """The query's tokens.  A bracket or Chinese quote inside a word whose closing mark is in the same word is the
    word's own text, as a document holds it (集成电路（IC）, 中国“芯”, 规划（2024–2026年）, 中国(上海)自由贸易试验区);
    anywhere else brackets group and quotes make phrases, as they always did (发展（集成电路 OR 芯片）, OR(…),
    “集成电路”OR 芯片, -“产业”发展).  A query of one word with text in it, holding a full-width bracket or a Chinese
    quote that nothing closes, is that text (（2024版, 2.5D/3D封装）, 支持“集成电路科学与工程: a copy in part); elsewhere
    an unclosed mark is an error, as ASCII ( ) " always are."""
    tokens: list[_Token] = []
    alone = _one_word(query)
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif alone:  # (its marks are text, however they stand)
            tokens.append(_word_token(query, i, query[i:].rstrip()))
            break
        elif ch in _OPEN:
            tokens.append(_Token("lparen", ch, i))
            i += 1
        elif ch in _CLOSE:
            tokens.append(_Token("rparen", ch, i))
            i += 1
        elif ch in QUOTES:
            close = _find_close(query, i)
            if close < 0:
                raise QueryError("unbalanced quote: the phrase opened here is never closed", query, i)
            tokens.append(_Token("phrase", query[i + 1 : close], i))
            i = close + 1
        elif ch in "-－" and (i + 1 < n and not query[i + 1].isspace()) and (not tokens or query[i - 1].isspace() or query[i - 1] in _OPEN):
            tokens.append(_Token("not", ch, i))
            i += 1
        else:
            start, i = i, _word_end(query, i)
            tokens.append(_word_token(query, start, query[start:i]))
    return tokens


_OPEN, _CLOSE = "(（", ")）"
_TEXT_MARKS = "（）“”「」『』"  # marks a Chinese text holds: a one-word query's unclosed ones are text


def _one_word(query: str) -> bool:
    """A query of one word (no space) that holds a full-width bracket or Chinese quote nothing closes, and text
    besides its marks: a copy in part, searched as written."""
    word = query.strip()
    if not word or any(ch.isspace() for ch in word) or '"' in word or "(" in word or ")" in word:
        return False
    if not any(ch not in _TEXT_MARKS and ch not in "＂" for ch in word) or unicodedata.normalize("NFKC", word) in _OPERATORS:
        return False
    at, depth = 0, 0
    while at < len(word):  # balanced marks make groups and phrases as anywhere; an unclosed one makes it text
        ch = word[at]
        if ch == "（":
            depth += 1
        elif ch == "）":
            if not depth:
                return True
            depth -= 1
        elif ch in QUOTES:
            close = _find_close(word, at)
            if close < 0:
                return True
            at = close
        at += 1
    return depth > 0


def _word_end(query: str, at: int) -> int:
    """The end of the word starting at `at`: the next space or mark of syntax.  A bracket or Chinese quote inside
    the word (not at its start, nor right after an operator or a filter name) whose closing mark lies before the
    next space is the word's text, with what it holds."""
    i, n = at, len(query)
    while i < n and not query[i].isspace():
        ch = query[i]
        if ch in _CLOSE or ch == '"' or ch == "＂":
            break
        if ch in _OPEN or ch in QUOTES:
            close = _closing(query, i)
            head = unicodedata.normalize("NFKC", query[at:i])
            if i == at or close < 0 or head in _OPERATORS or head.endswith((":", "：")) and head.rstrip(":：").lower() in FILTER_KEYS \
                    or head.partition(":")[0].lower() in FILTER_KEYS or head.partition("：")[0].lower() in FILTER_KEYS:
                break
            i = close
        i += 1
    return i


def _closing(query: str, at: int) -> int:
    """Where the mark at `at` (a bracket or a quote) closes before the next space, nested brackets counted; -1 if not."""
    if query[at] in QUOTES:
        end = _find_close(query, at)
        return end if end > 0 and not any(ch.isspace() for ch in query[at:end]) else -1
    depth = 0
    for j in range(at, len(query)):
        ch = query[j]
        if ch.isspace():
            return -1
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if not depth:
                return j
    return -1


def _word_token(query: str, start: int, word: str) -> _Token:
    """A word: a filter (region:江苏), an operator (OR, ＯＲ), or a term."""
    key, sep, value = word.partition(":")
    if not sep:
        key, sep, value = word.partition("：")
    key = unicodedata.normalize("NFKC", key)  # ｒｅｇｉｏｎ：, ＯＲ: typed with a full-width input method
    if sep and key.lower() in FILTER_KEYS:
        if not value:
            raise QueryError(f"filter '{key}:' needs a value, e.g. {key}:{_EXAMPLES[FILTER_KEYS[key.lower()]]}", query, start)
        return _Token("filter", f"{FILTER_KEYS[key.lower()]}:{value}", start)
    if (operator := unicodedata.normalize("NFKC", word)) in _OPERATORS:
        return _Token("not" if operator == "NOT" else "op", operator, start)
    if sep and (near := _near_filter(key)):
        raise QueryError(f"{key}: is not a filter; did you mean {near}:? (a colon in a term goes inside quotes: \"{word}\")", query)
    return _Token("word", word, start)


def _near_filter(key: str) -> str | None:
    """The filter name a mistyped key stands for (regoin, years, Region), or None: any word of
    ASCII letters within two edits (a swap counts one) of a filter name."""
    if not (key.isascii() and key.isalpha() and len(key) >= 3):
        return None
    from rapidfuzz.distance import OSA  # only for a word:value that is not a filter

    best = min(FILTER_KEYS, key=lambda name: OSA.distance(key.lower(), name))
    return FILTER_KEYS[best] if OSA.distance(key.lower(), best) <= (1 if len(key) <= 4 else 2) else None


_EXAMPLES = {"region": "江苏", "year": "2024-2025", "segment": "packaging", "type": "行动方案"}


def _find_close(query: str, start: int) -> int:
    closers = QUOTES[query[start]]
    for j in range(start + 1, len(query)):
        if query[j] in closers:
            return j
    return -1


class _Parser:
    def __init__(self, query: str, tokens: list[_Token]):
        self.query = query
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def error(self, message: str, token: _Token | None) -> QueryError:
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

    def _parse_nested(self, token: _Token):
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

    def _parse_term(self, token: _Token):
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
    tokens = _tokenise(query)
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

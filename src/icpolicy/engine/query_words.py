"""The query language's words: a query's text split into tokens (terms, phrases, brackets, operators, filters).
engine/query.py parses them into a tree."""

from __future__ import annotations

import re

import unicodedata
from collections import namedtuple

from icpolicy.errors import QueryError
from icpolicy.records import Record

FILTER_KEYS = {"region": "region", "year": "year", "segment": "segment", "type": "type", "doc_type": "type"}
_OPERATORS = {"OR", "AND", "NOT"}
# Phrase quotes: opening mark -> the marks that close it.  “ and ” are accepted either way round,
# as editors and input methods swap them.
QUOTES = {'"': '"＂', "＂": '＂"', "“": "”“", "”": "”“", "「": "」", "『": "』"}  # ＂: " typed full-width


class Token(Record, namedtuple("Token", "kind text pos")):
    __slots__ = ()
    kind: str  # word, phrase, lparen, rparen, op, filter, not
    text: str
    pos: int


def tokenise(query: str) -> list[Token]:
    """The query's tokens.  A bracket or Chinese quote inside a word whose closing mark is in the same word is the
    word's own text, as a document holds it (集成电路（IC）, 中国“芯”, 规划（2024–2026年）, 中国(上海)自由贸易试验区);
    anywhere else brackets group and quotes make phrases, as they always did (发展（集成电路 OR 芯片）, OR(…),
    “集成电路”OR 芯片, -“产业”发展).  A query of one word with text in it, holding a full-width bracket or a Chinese
    quote that nothing closes, is that text (（2024版, 2.5D/3D封装）, 支持“集成电路科学与工程: a copy in part); elsewhere
    an unclosed mark is an error, as ASCII ( ) " always are."""
    tokens: list[Token] = []
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
            tokens.append(Token("lparen", ch, i))
            i += 1
        elif ch in _CLOSE:
            tokens.append(Token("rparen", ch, i))
            i += 1
        elif ch in QUOTES:
            close = _find_close(query, i)
            if close < 0:
                raise QueryError("unbalanced quote: the phrase opened here is never closed", query, i)
            tokens.append(Token("phrase", query[i + 1 : close], i))
            i = close + 1
        elif ch in "-－" and (i + 1 < n and not query[i + 1].isspace() and not _FIGURE.match(query, i + 1)) \
                and (not tokens or query[i - 1].isspace() or query[i - 1] in _OPEN):
            # (a dash before a figure is a minus: －3.2%, -5%; before a word that opens with digits, an exclusion: -5G, -28nm)
            tokens.append(Token("not", ch, i))
            i += 1
        else:
            start, i = i, _word_end(query, i)
            tokens.append(_word_token(query, start, query[start:i]))
    return tokens


_OPEN, _CLOSE = "(（", ")）"
_FIGURE = re.compile(r"\d+(?:[.．]\d+)?[%％‰]?(?=\s|$|[)）])")  # a number alone, or a share: what a dash makes negative"
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
            head = unicodedata.normalize("NFKC", query[at:i])  # (NFKC makes a full-width ： a colon)
            if i == at or close < 0 or head in _OPERATORS or head.partition(":")[0].lower() in FILTER_KEYS:
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


def _word_token(query: str, start: int, word: str) -> Token:
    """A word: a filter (region:江苏), an operator (OR, ＯＲ), or a term."""
    key, sep, value = word.partition(":")
    if not sep:
        key, sep, value = word.partition("：")
    key = unicodedata.normalize("NFKC", key)  # ｒｅｇｉｏｎ：, ＯＲ: typed with a full-width input method
    if sep and key.lower() in FILTER_KEYS:
        if not value:
            raise QueryError(f"filter '{key}:' needs a value, e.g. {key}:{_EXAMPLES[FILTER_KEYS[key.lower()]]}", query, start)
        return Token("filter", f"{FILTER_KEYS[key.lower()]}:{value}", start)
    if (operator := unicodedata.normalize("NFKC", word)) in _OPERATORS:
        return Token("not" if operator == "NOT" else "op", operator, start)
    if sep and (near := _near_filter(key)):
        raise QueryError(f"{key}: is not a filter; did you mean {near}:? (a colon in a term goes inside quotes: \"{word}\")", query)
    if sep and (option := _OPTION_WORDS.get(key.lower())):
        raise QueryError(f"{key}: is not a filter of the query (those are region:, year:, segment:, type:); give {option} "
                         f"(a colon in a term goes inside quotes: \"{word}\")", query)
    return Token("word", word, start)


def _near_filter(key: str) -> str | None:
    """The filter name a mistyped key stands for (regoin, years, Region), or None: any word of
    ASCII letters within two edits (a swap counts one) of a filter name."""
    if not (key.isascii() and key.isalpha() and len(key) >= 3):
        return None
    from rapidfuzz.distance import OSA  # only for a word:value that is not a filter

    best = min(FILTER_KEYS, key=lambda name: OSA.distance(key.lower(), name))
    return FILTER_KEYS[best] if OSA.distance(key.lower(), best) <= (1 if len(key) <= 4 else 2) else None


_EXAMPLES = {"region": "江苏", "year": "2024-2025", "segment": "packaging", "type": "行动方案"}
# what a word:value names that the options filter instead (doc-year:2024, title:行动方案, issuer:国务院): the option to give
_OPTION_WORDS = {"doc-year": "--doc-year VALUE", "doc_year": "--doc-year VALUE", "docyear": "--doc-year VALUE",
                 "title": "`icpolicy docs --title WORDS`", "issuer": "`icpolicy docs --issuer NAME`",
                 "number": "`icpolicy docs --number 文号`", "sector": "segment:VALUE", "sectors": "segment:VALUE",
                 "city": "region:VALUE", "province": "region:VALUE", "county": "region:VALUE"}


def _find_close(query: str, start: int) -> int:
    closers = QUOTES[query[start]]
    for j in range(start + 1, len(query)):
        if query[j] in closers:
            return j
    return -1

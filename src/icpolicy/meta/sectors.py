"""Industry-segment tagging from the taxonomy in data/taxonomy.toml (or a user's copy)."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from icpolicy.text.normalize import normalise
from icpolicy.data import read_bytes


@dataclass(frozen=True)
class Sector:
    """A taxonomy entry: slug, Chinese label, normalised keywords and exclusions."""

    slug: str
    label: str
    keywords: tuple[str, ...]
    excludes: tuple[str, ...]
    context: tuple[tuple[str, tuple[str, ...]], ...] = ()  # keyword -> words one of which must stand near it
    unless: tuple[tuple[str, tuple[str, ...]], ...] = ()  # keyword -> words none of which may stand near it


def _taxonomy_bytes() -> bytes:
    return read_bytes("taxonomy.toml")


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Sector, ...]:
    """The segments, in file order."""
    raw = tomllib.loads(_taxonomy_bytes().decode("utf-8"))
    return tuple(
        Sector(
            entry["slug"],
            entry["label"],
            tuple(normalise(k) for k in entry.get("keywords", [])),
            tuple(normalise(k) for k in entry.get("not", [])),
            tuple((normalise(k), tuple(normalise(w) for w in words)) for k, words in entry.get("context", {}).items()),
            tuple((normalise(k), tuple(normalise(w) for w in words)) for k, words in entry.get("unless", {}).items()),
        )
        for entry in raw.get("segment", [])
    )


def taxonomy_hash() -> str:
    """A short hash of the taxonomy file, recorded in the index manifest."""
    return hashlib.sha256(_taxonomy_bytes()).hexdigest()[:12]


def _ascii_word_at(norm: str, start: int, end: int) -> bool:
    """For Latin keywords: the match must not sit inside a longer Latin word (CIS in precision)."""
    before = norm[start - 1] if start > 0 else ""
    after = norm[end] if end < len(norm) else ""
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _covered(norm: str, start: int, end: int, excludes: tuple[str, ...]) -> bool:
    for phrase in excludes:
        pos = norm.find(phrase, max(0, start - len(phrase)), end + len(phrase))
        while pos != -1 and pos < end:
            if pos <= start and pos + len(phrase) >= end or (pos < end and pos + len(phrase) > start):
                return True
            pos = norm.find(phrase, pos + 1, end + len(phrase))
    return False


def tag(norm: str) -> tuple[str, ...]:
    """Slugs of the segments a normalised passage discusses."""
    screened = _screen(norm)
    return tuple(segment.slug for k, segment in enumerate(taxonomy()) if k in screened and _matches(norm, segment))


def _screen(norm: str) -> set[int]:
    """The segments (their places in the taxonomy) one of whose keywords occurs in the passage:
    most passages mention none, and one Aho-Corasick pass over every keyword of every segment
    rejects them faster than a search per segment (the full check follows in _matches)."""
    automaton, owners, always = _screens()
    found = set(always)
    if automaton is not None:
        for k in {k for k, _, _ in automaton.find_matches_as_indexes(norm, overlapping=True)}:
            found.update(owners[k])
    return found


@lru_cache(maxsize=1)
def _screens():
    """(automaton over the distinct keywords, keyword -> segments holding it, segments that always pass)."""
    import ahocorasick_rs

    owners: dict[str, list[int]] = {}
    always = set()
    for k, segment in enumerate(taxonomy()):
        for keyword in segment.keywords:
            if keyword:
                owners.setdefault(keyword, []).append(k)
            else:
                always.add(k)  # an empty keyword occurs everywhere
    words = list(owners)
    automaton = ahocorasick_rs.AhoCorasick(words) if words else None
    return automaton, [owners[w] for w in words], frozenset(always)


CONTEXT_WINDOW = 12


def _near(norm: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """True when one of the words stands within CONTEXT_WINDOW characters of the keyword."""
    window = norm[max(0, start - CONTEXT_WINDOW): end + CONTEXT_WINDOW]
    return any(word in window for word in words)


_SENTENCE_END = re.compile(r"[。;；!！?？\n]")


def _in_sentence(norm: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """True when one of the words stands in the keyword's sentence (an `unless` word says what
    the sentence is about: 以旧换新 ten characters after 补贴 still makes it a consumer subsidy)."""
    before = [m.end() for m in _SENTENCE_END.finditer(norm, 0, start)]
    after = _SENTENCE_END.search(norm, end)
    sentence = norm[before[-1] if before else 0: after.start() if after else len(norm)]
    return any(word in sentence for word in words)


def _matches(norm: str, segment: Sector) -> bool:
    context, unless = dict(segment.context), dict(segment.unless)
    for keyword in segment.keywords:
        start = norm.find(keyword)
        while start != -1:
            end = start + len(keyword)
            latin_ok = not keyword.isascii() or _ascii_word_at(norm, start, end)
            near = keyword not in context or _near(norm, start, end, context[keyword])
            near = near and not (keyword in unless and _in_sentence(norm, start, end, unless[keyword]))
            if latin_ok and near and not _covered(norm, start, end, segment.excludes):
                return True
            start = norm.find(keyword, start + 1)
    return False


_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


def resolve(value: str) -> str | None:
    """A --segment value (slug or Chinese label, any case) -> slug, or None when unknown."""
    wanted = normalise(value)
    for segment in taxonomy():
        if wanted in (segment.slug, normalise(segment.label)) or wanted in {normalise(part) for part in segment.label.split("/")}:
            return segment.slug
    return None

"""A passage's quantities as the passage index stores them: extracted once at ingest, read by the targets view.

The ingest workers run targets.extract on every passage that may hold a number, with the inputs
the view used to give it at query time (the text, the passage's newest year, its document's
type), and keep the result in the passage's record as one line of text (`encode`).  The view
reads it back (`decode`) instead of extracting again.  A quantity is stored as its fields with
its clause and sentence as offsets into the passage (the clause is almost always a slice of
it), so the record grows by a few dozen bytes per quantity.

The sentence is kept because a query filters a quantity by the sentence it stands in as well as
by its metric and clause (views/targets.py), exactly as extract's `wanted` did.

`rules_hash` names the rules and the code that made the stored quantities; the index manifest
records it, and the view reads stored quantities only when it matches (else it extracts, as
before): a package upgrade that changes data/targets.toml never shows figures of the old rules.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache
from typing import NamedTuple

from icpolicy.meta.target_parts import Parts
from icpolicy.meta.target_rules import CN_DIGITS
from icpolicy.meta.targets import ascii_form, extract, sentence_spans

STALE = "stale"  # the manifest's targets hash when the index holds quantities of other rules
# every number the rules read starts with an Arabic digit (full-width ones too: \d) or one of
# these numerals (target_rules: the number pattern's lookahead); a passage without one holds none
_POSSIBLE = re.compile("[\\d" + "".join(CN_DIGITS) + "十百千]")
_FIELD, _ITEM, _GROUP = "\x1f", "\x1e", "\x1d"
_UNSAFE = re.compile("[\t\n\x1d\x1e\x1f]")  # what a record's head line or this encoding cannot hold


class Stored(NamedTuple):
    """One stored quantity, as the targets view shows it (Quantity.as_dict) plus its sentence."""

    metric: str
    comparator: str
    value: float | int
    unit: str
    year: int | None
    kind: str
    clause: str
    sentence: str


def encode(text: str, year: int, doc_type: str, part: str = "") -> str | None:
    """The quantities of a passage as one string for its record ("" when it holds none; None
    when one of them holds a character the record cannot: the view then extracts them again).

    Sentences (their offsets) each followed by their quantities, so a query that a sentence does
    not mention skips its quantities unread."""
    if not _POSSIBLE.search(text):
        return ""
    found = extract(text, year, doc_type, part=part)
    if not found:
        return ""
    flat = ascii_form(text)
    spans = list(sentence_spans(flat))
    starts = [s for s, _ in spans]
    groups: dict[tuple[int, int], list[str]] = {}
    for q in found:
        span = spans[bisect.bisect_right(starts, q.start) - 1]
        at = flat.rfind(q.clause, span[0], q.end) if q.clause else -1
        clause = f"@{at},{at + len(q.clause)}" if at >= 0 else "=" + q.clause
        fields = (repr(q.value), q.unit, q.comparator, q.metric, str(q.year), q.kind, clause)
        if any(_UNSAFE.search(f) for f in fields):
            return None
        groups.setdefault(span, []).append(_FIELD.join(fields))
    return _GROUP.join(_ITEM.join([f"{a},{b}", *items]) for (a, b), items in groups.items())


def decode(stored: str, text: str, mentions=None) -> list[Stored]:
    """The quantities of a passage from its record (encode's string) and its text.  With
    `mentions` (texts -> bool), only those whose sentence it accepts and whose clause or
    metric it accepts (the rest are not built)."""
    if not stored:
        return []
    flat = ascii_form(text)
    out = []
    for group in stored.split(_GROUP):
        span, *items = group.split(_ITEM)
        a, _, b = span.partition(",")
        sentence = flat[int(a):int(b)]
        if mentions is not None and not mentions(sentence):
            continue
        for item in items:
            value, unit, comparator, metric, year, kind, clause = item.split(_FIELD)
            if clause[0] == "@":
                a, _, b = clause[1:].partition(",")
                clause = flat[int(a):int(b)]
            else:
                clause = clause[1:]
            if mentions is not None and not mentions(clause, metric):
                continue
            number = float(value)
            out.append(Stored(metric, comparator, int(number) if number.is_integer() else number, unit, int(year) or None, kind,
                              clause, sentence))
    return out


def encode_all(passages, doc_type: str, tracker: Parts | None = None) -> list[str | None]:
    """encode for each passage of a document (its newest year is the year of its uncued figures;
    the part of a work report it stands in follows from the passages before it: `tracker` carries
    that over the chunks of a streamed document, else `passages` are the whole document)."""
    kinds = (tracker or Parts(doc_type)).feed([p.text for p in passages])
    return [encode(p.text, max(p.years, default=0), doc_type, k) for p, k in zip(passages, kinds)]


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of data/targets.toml and of the code that extracts and stores the quantities (meta/target*.py)."""
    from importlib import resources

    from icpolicy.data import read_bytes

    digest = hashlib.sha256(read_bytes("targets.toml"))
    sources = sorted((f for f in resources.files(__package__).iterdir() if f.name.startswith("target") and f.name.endswith(".py")),
                     key=lambda f: f.name)
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    if not sources:  # installed without sources: the tool's version stands for the code
        from icpolicy._version import __version__

        digest.update(__version__.encode())
    return digest.hexdigest()[:12]


def manifest_hash(previous: str | None) -> str:
    """The targets hash an ingest records: the current one, unless the index already holds
    quantities of other rules (previous: the hash recorded so far, None for a new index)."""
    current = rules_hash()
    return current if previous in (None, current) else STALE

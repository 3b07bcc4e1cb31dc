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

from icpolicy.meta.target_rules import CN_DIGITS
from icpolicy.meta.targets import _WIDE, _WIDE_CHARS, _sentences, extract

STALE = "stale"  # the manifest's targets hash when the index holds quantities of other rules
# every number the rules read starts with an Arabic digit (full-width ones too: \d) or one of
# these numerals (target_rules: the number pattern's lookahead); a passage without one holds none
_POSSIBLE = re.compile("[\\d" + "".join(CN_DIGITS) + "十百千]")
_FIELD, _ITEM = "\x1f", "\x1e"
_UNSAFE = re.compile("[\t\n\x1e\x1f]")  # what a record's head line or this encoding cannot hold


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


def plain(text: str) -> str:
    """The text extract reads (full-width digits, ％ and ． made ASCII: the same length, the same offsets)."""
    return text.translate(_WIDE) if _WIDE_CHARS.search(text) else text


def encode(text: str, year: int, doc_type: str) -> str | None:
    """The quantities of a passage as one string for its record ("" when it holds none; None
    when one of them holds a character the record cannot: the view then extracts them again)."""
    if not _POSSIBLE.search(text):
        return ""
    found = extract(text, year, doc_type)
    if not found:
        return ""
    flat = plain(text)
    spans = list(_sentences(flat))
    starts = [s for s, _ in spans]
    items = []
    for q in found:
        s_start, s_end = spans[bisect.bisect_right(starts, q.start) - 1]
        at = flat.rfind(q.clause, s_start, q.end) if q.clause else -1
        clause = f"@{at},{at + len(q.clause)}" if at >= 0 else "=" + q.clause
        fields = (repr(q.value), q.unit, q.comparator, q.metric, str(q.year), q.kind, clause, str(s_start), str(s_end))
        item = _FIELD.join(fields)
        if _UNSAFE.search(item.replace(_FIELD, "")):
            return None
        items.append(item)
    return _ITEM.join(items)


def decode(stored: str, text: str, keep=None) -> list[Stored]:
    """The quantities of a passage from its record (encode's string) and its text; with `keep`,
    only those for which keep(sentence, clause, metric) is true (the rest are not built)."""
    if not stored:
        return []
    flat = plain(text)
    out = []
    for item in stored.split(_ITEM):
        value, unit, comparator, metric, year, kind, clause, s_start, s_end = item.split(_FIELD)
        if clause.startswith("@"):
            a, _, b = clause[1:].partition(",")
            clause = flat[int(a):int(b)]
        else:
            clause = clause[1:]
        sentence = flat[int(s_start):int(s_end)]
        if keep is not None and not keep(sentence, clause, metric):
            continue
        number = float(value)
        out.append(Stored(metric, comparator, int(number) if number.is_integer() else number, unit, int(year) or None, kind,
                          clause, sentence))
    return out


def encode_all(passages, doc_type: str) -> list[str | None]:
    """encode for each passage of a document (its newest year is the year of its uncued figures)."""
    return [encode(p.text, max(p.years, default=0), doc_type) for p in passages]


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of data/targets.toml and of the code that extracts and stores the quantities."""
    from icpolicy.data import read_bytes

    digest = hashlib.sha256(read_bytes("targets.toml"))
    for module in ("targets", "target_rules", "target_store"):
        digest.update(_source(module))
    return digest.hexdigest()[:12]


def _source(module: str) -> bytes:
    from importlib import resources

    try:
        return resources.files(__package__).joinpath(module + ".py").read_bytes()
    except OSError:  # installed without sources: the tool's version stands for the code
        from icpolicy._version import __version__

        return __version__.encode()


def manifest_hash(previous: str | None) -> str:
    """The targets hash an ingest records: the current one, unless the index already holds
    quantities of other rules (previous: the hash recorded so far, None for a new index)."""
    current = rules_hash()
    return current if previous in (None, current) else STALE

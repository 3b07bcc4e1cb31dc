"""A passage's quantities as the passage index stores them: extracted once at ingest, read by the targets view.

The ingest workers run targets.extract on every passage that may hold a number, with the inputs
the view used to give it at query time (the text, the year of its uncued figures: `figure_year`, its document's
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
from functools import lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple

from icpolicy.meta.target_patterns import CN_DIGITS, ascii_form
from icpolicy.text.normalize import normalise

if TYPE_CHECKING:
    from icpolicy.meta.target_parts import Parts
# the rules (meta/targets) are imported where they run, at ingest: a view that reads stored quantities needs none

STALE = "stale"  # the manifest's targets hash when the index holds quantities of other rules
# every number the rules read starts with an Arabic digit (full-width ones too: \d) or one of
# these numerals (target_rules: the number pattern's lookahead), or is a bare 万/亿 after one of
# data/targets.toml's bare_magnitude_after (超亿元); a passage without one holds none
_POSSIBLE = re.compile("[\\d" + "".join(CN_DIGITS) + "十百千]|[超破逾过][万亿]")
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
    high: float | int | None = None  # a range's upper end (Quantity.high)
    bound: str = ""  # 超过 or 以内 (Quantity.bound)
    ratio: str = ""  # a fraction as written (Quantity.ratio)


def encode(text: str, year: int, doc_type: str, part: str = "") -> str | None:
    """The quantities of a passage as one string for its record ("" when it holds none; None
    when one of them holds a character the record cannot: the view then extracts them again).

    Sentences (their offsets) each followed by their quantities, so a query that a sentence does
    not mention skips its quantities unread."""
    return _encoded(text, _extracted(text, year, doc_type, part))


def _extracted(text: str, year: int, doc_type: str, part: str = "", since: int = 0) -> list:
    from icpolicy.meta.targets import extract

    return extract(text, year, doc_type, part=part, since=since) if _POSSIBLE.search(text) else []


def _encoded(text: str, found: list) -> str | None:
    from icpolicy.meta.targets import sentence_spans

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
        fields = (_number(q.value), q.unit, q.comparator, q.metric, str(q.year), q.kind, clause, "" if q.high is None else _number(q.high), q.bound, q.ratio)
        if _UNSAFE.search("".join(fields)):
            return None
        groups.setdefault(span, []).append(_FIELD.join(fields))
    return _GROUP.join(_ITEM.join([f"{a},{b}", *items]) for (a, b), items in groups.items())


def decode(stored: str, text: str, terms: list[str] | None = None, exact: bool = False) -> list[Stored]:
    """The quantities of a passage from its record (encode's string) and its text.  With `terms`
    (normalised query terms), only those whose sentence mentions one and whose clause or metric
    mentions one (see `mentions`; the rest are not built).  `exact`: a term occurs in the search
    form of any part of the text exactly where it occurs in the text (a plain passage and terms of
    ideographs, see engine/schema.plain_ideographs), so the text is never normalised."""
    return [Stored(*fields) for fields in decode_fields(stored, text, terms, exact)]


def decode_fields(stored: str, text: str, terms: list[str] | None = None, exact: bool = False) -> list[tuple]:
    """decode's quantities as plain tuples in Stored's field order (no named tuple built: the view
    turns thousands of them into rows)."""
    if not stored:
        return []
    flat = ascii_form(text)
    spots: list[tuple[int, int]] | None = None  # the terms' places in flat, when exact: a sentence needs one inside it
    if terms and exact:
        spots = sorted((at, at + len(term)) for term in terms for at in _finds(flat, term))
        if not spots:
            return []  # no sentence mentions a term
        starts = [s for s, _ in spots]
        inside = partial(_holds, spots, starts)
    out = []
    for group in stored.split(_GROUP):
        cut = group.index(_ITEM)
        a, _, b = group[:cut].partition(",")
        a, b = int(a), int(b)
        if spots is not None:
            if not inside(a, b):
                continue
        elif terms and not mentions(terms, flat[a:b]):
            continue
        sentence = flat[a:b]
        for item in group[cut + 1:].split(_ITEM):
            value, unit, comparator, metric, year, kind, clause, high, bound, ratio = item.split(_FIELD)
            if clause[0] == "@":
                c, _, d = clause[1:].partition(",")
                c, d = int(c), int(d)
                clause = flat[c:d]
                if spots is not None:
                    if not inside(c, d) and not mentions(terms, metric):
                        continue
                elif terms and not mentions(terms, clause, metric):
                    continue
            else:
                clause = clause[1:]
                if terms and not mentions(terms, clause, metric):
                    continue
            out.append((metric, comparator, _read(value), unit, int(year) or None, kind, clause, sentence, _read(high) if high else None, bound, ratio))
    return out


def placed(stored: str) -> list[tuple[tuple[int, int], tuple]]:
    """Every quantity of a passage's record (encode's string) as (the span of the sentence extract read it in, as
    offsets into the passage; (metric, unit, comparator, value, year (0: none), kind, high, bound)), in extract's order: the changes view reads the
    quantities of a sentence this way, without the rules (views/align.Stated)."""
    out = []
    for group in stored.split(_GROUP) if stored else ():
        cut = group.index(_ITEM)
        a, _, b = group[:cut].partition(",")
        span = (int(a), int(b))
        for item in group[cut + 1:].split(_ITEM):
            fields = item.split(_FIELD)
            value, unit, comparator, metric, year, kind = fields[:6]
            high = _read(fields[7]) if len(fields) > 7 and fields[7] else None
            out.append((span, (metric, unit, comparator, _read(value), int(year), kind, high, fields[8] if len(fields) > 8 else "")))
    return out


def _number(value: float) -> str:
    """A value as stored: whole ones as ints (read back by _read)."""
    return repr(int(value)) if float(value).is_integer() else repr(value)


def _read(text: str) -> float | int:
    return float(text) if "." in text or "e" in text else int(text)


def _holds(spots: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether one of spots (sorted (start, end) places of terms; starts their starts) lies within [a, b)."""
    k = bisect.bisect_left(starts, a)
    while k < len(spots) and spots[k][0] < b:
        if spots[k][1] <= b:
            return True
        k += 1
    return False


def stored_here(ix) -> bool:
    """Whether the index holds its passages' quantities by the rules of this version (else a view extracts them)."""
    return (getattr(ix, "manifest", None) or {}).get("targets") == rules_hash()


def mentions(terms: list[str], *texts: str) -> bool:
    """Whether a normalised term occurs in the search form of one of the texts (a term found in
    a text as it is is found in its search form too: a term's characters are their own search form)."""
    for text in texts:
        for term in terms:
            if term in text:
                return True
        norm = normalise(text)
        for term in terms:
            if term in norm:
                return True
    return False


def _finds(text: str, term: str):
    at = text.find(term)
    while at != -1:
        yield at
        at = text.find(term, at + 1)


def encode_all(passages, meta, tracker: Parts | None = None) -> list[str | None]:
    """encode for each passage of a document whose facts are `meta` (a DocMeta: figure_year is the year of its uncued
    figures; the part of a work report it stands in follows from the passages before it: `tracker` carries that over
    the chunks of a streamed document, else `passages` are the whole document)."""
    from icpolicy.meta.target_headings import body_of, unrepeated
    from icpolicy.meta.target_parts import Parts, is_heading

    tracker = tracker or Parts(meta.doc_type, meta.years)
    kinds = tracker.feed([p.text for p in passages])
    issued = int(meta.issued[:4]) if meta.issued[:4].isdigit() else min(meta.years, default=0)
    since = plan_start(meta.years, meta.doc_type)
    found = [tracker.columns.apply(p.text, _extracted(p.text, figure_year(meta.years, meta.doc_type, p.years, meta.issued), meta.doc_type, k, since), issued)
             for p, k in zip(passages, kinds)]
    texts = [p.text for p in passages]
    for at in range(len(found) - 1):
        if found[at] and is_heading(texts[at]):  # 一、建成5G基站1万个 / 到2026年，全市建成5G基站1万个，…: once
            found[at] = unrepeated(found[at], [q for k in body_of(texts, at, is_heading) for q in found[k]])
    return [_encoded(p.text, f) for p, f in zip(passages, found)]


def looked_back(year: int, kind: str, figure: int, passage_years) -> int:
    """The year a figure is for, as the targets view gives it: a reported figure of no year of its own (of `figure`,
    its passage's figure_year) in a passage whose years are all before that is for the last of them.  A 2025 report's
    review that says 研发投入强度达到3.6% reports 2024's figure, as search gives the passage 2024 (a look-back over
    2021-2025 in a 2026 report: 2025).  Stored quantities keep `figure` (the changes view pairs each report's own
    figures by it)."""
    if kind == "reported" and year == figure and passage_years and max(passage_years) < figure:
        return max(passage_years)
    return year


@lru_cache(maxsize=1)
def _figure_rule() -> dict:
    """Which documents of several years give their uncued figures their last year (data/years.toml, [figures])."""
    from icpolicy.data import load_toml

    return load_toml("years.toml")["figures"]


def figure_year(doc_years, doc_type: str, passage_years, issued: str = "") -> int:
    """The year a passage's figures with no year of their own are for, and its relative words (今年) count from
    (data/years.toml [figures]): its document's year, not the years the passage names (a 2023 report's passage that
    names 2025 still says 今年 of 2023); of a document of several years, the last for a plan (its goals are for the
    plan's end), else the year it was issued when that is one of them (a policy's provisions hold from then; a news
    round-up dated January 2025 that also speaks of 2024 says 今年 of 2025), else the first; the passage's newest when its
    document has none."""
    if len(doc_years) == 1:
        return doc_years[0]
    if doc_years:
        if doc_type in _figure_rule()["end_types"]:
            return max(doc_years)
        dated = int(issued[:4]) if issued[:4].isdigit() else 0
        return dated if dated in doc_years else min(doc_years)
    return max(passage_years, default=0)


def plan_start(doc_years, doc_type: str) -> int:
    """The first year of a plan of several years (data/years.toml [figures] end_types), whose figures for a year of
    its span after its first and before its last are its yearly targets unless a cue says otherwise (its first year's
    may as well be its base's, 2025年1—6月…; the cues decide those as before); 0 for any other document."""
    return min(doc_years) if len(doc_years) > 1 and doc_type in _figure_rule()["end_types"] else 0


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of data/targets.toml, data/years.toml (the documents' years and [figures] give the year of uncued
    figures) and of the code that extracts and stores the quantities (meta/target*.py)."""
    from importlib import resources

    from icpolicy.data import read_bytes

    digest = hashlib.sha256(read_bytes("targets.toml") + read_bytes("years.toml"))
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

"""The quantities of the sentences `changes` compares, read once per sentence and year: those the index stored at
ingest where it has them, else extracted (meta/targets.extract), with the year each figure is for as `targets` gives
it.  Used by views/align.py and views/changes.py."""

from __future__ import annotations


class Stated:
    """The quantities of a sentence, (metric, unit, comparator, value, year, kind, high, bound) as meta/targets.extract
    finds them, read once per sentence and year within one comparison.

    A sentence is its text or its record ({"doc_id", "passage", "sentence", "text"}); `stored` maps
    (doc_id, passage) to {sentence: its quantities} as the index stored them at ingest (the changes view
    reads them with the passages, meta/target_store.placed; a sentence not there has none), so that
    such a sentence is not read again (nor the rules compiled: most of a one-shot command's time)."""

    def __init__(self, stored: dict[tuple, dict[int, list[tuple]]] | None = None, again: "Recomputed | None" = None):
        self.known: dict[tuple[str, int], list[tuple]] = {}
        self.stored = stored  # None: nothing stored to read (every sentence extracted)
        self.again = again  # what works out a passage's quantities when the index holds none of these rules (Recomputed)
        self.years: dict[tuple[str, int], tuple[int, ...]] = {}  # (doc_id, passage) -> the passage's years, where read

    def _dated(self, sentence: dict | str, found: list[tuple], year: int) -> list[tuple]:
        """found with the year each quantity is for, as the targets view gives it: its own year, else the document's
        (`year`), but a reported figure in a passage whose years all lie before that is for the last of them
        (城镇新增就业1206万人 in a 2023 report's review: 2022; meta/target_store.looked_back)."""
        passage = () if isinstance(sentence, str) else self.years.get((sentence["doc_id"], sentence["passage"]), ())
        if not passage or not found:
            return [q if q[4] else (*q[:4], year, *q[5:]) for q in found]
        from icpolicy.meta.target_store import looked_back

        return [(*q[:4], looked_back(q[4] or year, q[5], year, passage), *q[5:]) for q in found]

    def source(self, doc_id: str, passage: int, quantities: str | None) -> str | None:
        """A passage's quantities as the index stored them (`quantities`), or as `again` works them out when it holds
        none of these rules."""
        return self.again(doc_id, passage) if self.again else quantities

    def __call__(self, sentence: dict | str, year: int) -> list[tuple]:
        found = self._stored(sentence)
        if found is None:
            text = sentence if isinstance(sentence, str) else sentence["text"]
            key = (text, year)
            if key not in self.known:
                self.known[key] = [(q.metric, q.unit, q.comparator, q.value, q.year, q.kind, q.high, q.bound) for q in _targets()[3](text, year)] if self.may_hold(text) else []
            found = self.known[key]
        return self._dated(sentence, found, year)

    def may_hold(self, sentence: dict | str) -> bool:
        """False when extract finds no quantity for certain: the index stored none for it, or extract's number
        pattern (which starts at a digit or a Chinese numeral) finds none in the text's ASCII form."""
        found = self._stored(sentence)
        if found is not None:
            return bool(found)
        text = sentence if isinstance(sentence, str) else sentence["text"]
        numeral, number, ascii_form, _ = _TARGETS or _targets()
        return numeral.search(text) is not None and number.search(ascii_form(text)) is not None

    def _stored(self, sentence: dict | str) -> list[tuple] | None:
        if not self.stored or isinstance(sentence, str):
            return None
        passage = self.stored.get((sentence["doc_id"], sentence["passage"]))
        return None if passage is None else passage.get(sentence["sentence"], [])


class Recomputed:
    """The quantities ingest would have stored for a document's passages (meta/target_store.encode_all over the whole
    document, with its type, years and issue date), worked out now for an index that holds none of this version's
    rules or for another engine, so that `changes` reads what the folder index stores: the same inputs, the same
    quantities, the same pairs.  Called with (doc_id, passage): encode_all's string for it (None: extract it)."""

    def __init__(self, ix):
        self.ix, self.known = ix, {}

    def __call__(self, doc_id: str, passage: int) -> str | None:
        if doc_id not in self.known:
            from types import SimpleNamespace

            from icpolicy.meta.target_store import encode_all

            facts = self.ix.facts(doc_id)
            passages = sorted(self.ix.document(doc_id)[1], key=lambda p: p["passage"])
            rows = [SimpleNamespace(text=p["text"], years=tuple(int(y) for y in str(p["years"]).split())) for p in passages]
            meta = SimpleNamespace(doc_type=facts.get("doc_type", ""), years=tuple(int(y) for y in facts.get("years", ())),
                                   issued=facts.get("issued") or "")
            self.known[doc_id] = dict(zip((p["passage"] for p in passages), encode_all(rows, meta)))
        return self.known[doc_id].get(passage)


_TARGETS = None


def _targets():
    """(what every match of meta/targets' number pattern starts with, that pattern, ascii_form,
    extract), imported on first use (the pattern's own lookahead; \\d takes full-width digits)."""
    global _TARGETS
    if _TARGETS is None:
        from icpolicy.meta.target_rules import rules
        from icpolicy.meta.target_patterns import ascii_form
        from icpolicy.meta.targets import extract

        _TARGETS = (rules().any_number, rules().number, ascii_form, extract)
    return _TARGETS

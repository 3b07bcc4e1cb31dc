"""The changes view: a place's document of one year against its document of another, sentence by sentence.

Sentences are aligned with rapidfuzz: identical ones are kept, the most similar remaining pairs
above THRESHOLD are changed (with a character diff, and the targets whose value moved), the rest
added or removed.
"""

from __future__ import annotations

import bisect

from icpolicy.engine import query as ql
from icpolicy.engine.schema import ideographs_only
from icpolicy.engine.translate import accepts
from icpolicy.errors import UsageError
from icpolicy.meta import regions
from icpolicy.meta.zones import division_path
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences

THRESHOLD = 60.0  # rapidfuzz ratio (0-100) above which two sentences are one sentence changed
EXTENDED_MIN = 8  # characters of an old sentence found whole inside a new one that make the two one sentence changed
MOVED_FLOOR = 40.0  # a pair below THRESHOLD still counts when a target in it moved, down to this
DEFAULT_TYPE = "政府工作报告"
# rapidfuzz and the targets rules are imported where they are used: a command whose query finds no
# sentence needs neither (about 50 ms of a one-shot command)


class NoSingleDocument(UsageError):
    """A year has no document, or more than one, for the place and type asked."""


ROW_COLUMNS = ["change", "similarity", "from_doc_id", "from_passage", "from_text", "to_doc_id", "to_passage", "to_text", "moved"]


def change_rows(payload: dict) -> list[dict]:
    """The changes as flat rows for csv, jsonl and xlsx: changed pairs in the order of the new
    document, then removed, then added; `moved` as metric: old -> new unit."""
    def side(prefix: str, s: dict | None) -> dict:
        s = s or {}
        return {f"{prefix}_doc_id": s.get("doc_id", ""), f"{prefix}_passage": s.get("passage", ""), f"{prefix}_text": s.get("text", "")}

    rows = [{"change": "changed", "similarity": c["similarity"], **side("from", c["from"]), **side("to", c["to"]),
             "moved": "; ".join(f"{m['metric']} {m['comparator']}: {m['from']} -> {m['to']}{m['unit']}" for m in c["moved"])}
            for c in payload["changed"]]
    rows += [{"change": "removed", "similarity": "", **side("from", s), **side("to", None), "moved": ""} for s in payload["removed"]]
    rows += [{"change": "added", "similarity": "", **side("from", None), **side("to", s), "moved": ""} for s in payload["added"]]
    return rows


def pick_document(ix, region: str, year: int, doc_type: str, found: dict[str, str] | None = None, quick: bool = False) -> dict:
    """The one document of `doc_type` for `region` whose years include `year`; NoSingleDocument otherwise.

    `found` (doc_id -> title) may hold the candidates of a search already made for a range of years
    that includes `year` (see candidates)."""
    if found is None:
        found = candidates(ix, region, year, year, doc_type, quick)
    return _choose(ix, region, year, doc_type, _records(ix, found), _places(region))


def _records(ix, found) -> dict[str, tuple[dict, list[int]]]:
    """doc_id -> (its stored facts, its years) for each candidate."""
    from icpolicy.views.documents import document_facts

    out = {}
    for d in found:
        record = document_facts(ix, d)[0]
        out[d] = (record, _years(record))
    return out


def _places(region: str) -> set[tuple]:
    return {tuple(p) for p in regions.resolve_filter(region)}


def _choose(ix, region: str, year: int, doc_type: str, records: dict[str, tuple[dict, list[int]]], places: set[tuple]) -> dict:
    """pick_document's choice among the candidates' records."""
    from icpolicy.engine.search import Filters
    from icpolicy.views.documents import document_facts

    # the document of year Y: its own years end in Y, else include Y (a passage that merely mentions Y does not count)
    own = [d for d, (_, ys) in records.items() if ys and max(ys) == year] or [d for d, (_, ys) in records.items() if year in ys]
    # the place's own documents before those of places below it (江苏 -> 江苏省, not 苏州市)
    below = own
    own = [d for d in own if tuple(records[d][0].get("region_path") or ()) in places]
    if below and not own:
        listed = "; ".join(f"{d} {'/'.join(records[d][0].get('region_path') or [])} {records[d][0].get('title', '')}" for d in below)
        raise NoSingleDocument(f"no {doc_type} of {region} itself in {year}, only of places within it: {listed}; give one of those places as --region")
    if len(own) == 1:
        return _doc(records[own[0]][0])
    if not own:
        others = ix.search("", Filters([region], None, [], [doc_type]), limit=None).hits
        years = sorted({max(_years(document_facts(ix, d)[0]) or [0]) for d in {h.doc_id for h in others}})
        have = ", ".join(str(y) for y in years if y) or "none"
        raise NoSingleDocument(f"no {doc_type} for {region} in {year}; years with one: {have}")
    listed = "; ".join(f"{d} {records[d][0].get('title', '')} ({records[d][0].get('source', '')})" for d in own)
    raise NoSingleDocument(f"{len(own)} documents of type {doc_type} for {region} in {year}: {listed}; narrow with --type")


def candidates(ix, region: str, first: int, last: int, doc_type: str, quick: bool = False) -> dict[str, str]:
    """doc_id -> title of the documents of `doc_type` with a passage of `region` in first..last,
    in the order of their first passage among the search hits.  quick: the same documents from
    one aggregation where the engine offers it (no passage read), titles left empty and in
    another order."""
    from icpolicy.engine.search import Filters

    filters = Filters([region], f"{first}-{last}" if first != last else str(first), [], [doc_type])
    listed = ix.filtered_documents(filters) if quick and hasattr(ix, "filtered_documents") else None
    if listed is not None:
        return dict.fromkeys(listed, "")
    found: dict[str, str] = {}
    for hit in ix.search("", filters, limit=None).hits:
        found.setdefault(hit.doc_id, hit.title)
    return found


def _pick_both(ix, region: str, year_from: int, year_to: int, doc_type: str) -> tuple[dict, dict]:
    """The documents of both years.  Their candidates come from one aggregation where the engine
    offers it; when a year has no single document, the search's candidates make the message (it
    lists what there is in the order of the hits)."""
    for quick in (True, False):
        # one search finds the documents of both years when they are close (a gap of years would
        # read every document between)
        both = candidates(ix, region, min(year_from, year_to), max(year_from, year_to), doc_type, quick) \
            if abs(year_to - year_from) <= 1 else None
        try:
            if both is None:
                return (pick_document(ix, region, year_from, doc_type, None, quick),
                        pick_document(ix, region, year_to, doc_type, None, quick))
            records, places = _records(ix, both), _places(region)
            return (_choose(ix, region, year_from, doc_type, records, places),
                    _choose(ix, region, year_to, doc_type, records, places))
        except NoSingleDocument:
            if not quick:
                raise
    raise AssertionError("unreachable")


def changes(ix, region: str, year_from: int, year_to: int, doc_type: str = DEFAULT_TYPE, query: str = "",
            threshold: float = THRESHOLD) -> dict:
    """{"from": doc, "to": doc, "added", "removed", "changed", "kept"} for two years of a place."""
    from icpolicy.engine.search import Filters

    old_doc, new_doc = _pick_both(ix, region, year_from, year_to, doc_type)
    if old_doc["doc_id"] == new_doc["doc_id"]:  # a plan for several years (2025—2027) is the document of each of them
        raise NoSingleDocument(f"{year_from} and {year_to} are the same document, {old_doc['doc_id']} {old_doc['title']} "
                               f"(years {_span(old_doc['years'])}): nothing to compare; {doc_type} of {region} by year: "
                               f"{_by_year(ix, region, doc_type)}")
    old_doc, new_doc = {**old_doc, "year": year_from}, {**new_doc, "year": year_to}  # the years asked, for the labels
    tree = ql.parse(query).tree if query.strip() else None
    if tree is None:
        (old, old_plain), (new, new_plain) = _sentences(ix, old_doc["doc_id"]), _sentences(ix, new_doc["doc_id"])
        plain = (old_plain, new_plain)
    else:
        span = f"{min(year_from, year_to)}-{max(year_from, year_to)}"  # every passage carries its document's years
        old, new, plain = _matching_sentences(ix, tree, Filters([region], span, [], [doc_type]), old_doc["doc_id"], new_doc["doc_id"])
    kept, pairs, added, removed = align(old, new, threshold, plain)
    stated = _Stated()
    more, added, removed = pair_moved_targets(removed, added, year_from, year_to, stated)
    pairs = sorted(pairs + more, key=lambda p: (p[1]["passage"], p[1]["sentence"]))
    changed = []
    for a, b, similarity in pairs:
        changed.append({"from": a, "to": b, "similarity": round(similarity, 1), "diff": char_diff(a["text"], b["text"]),
                        "moved": moved_targets(a["text"], b["text"], year_from, year_to, stated)})
    return {"query": query, "from": old_doc, "to": new_doc, "added": added, "removed": removed, "changed": changed, "kept": kept}


def align(old: list[dict], new: list[dict], threshold: float, plain: tuple[list[bool], list[bool]] | None = None):
    """(kept count, [(old, new, similarity)], added, removed): exact matches first, then the most
    similar remaining pairs (greedy, best first) above the threshold.  plain: whether each old
    and new sentence comes from a plain passage (engine/schema.plain_ideographs), when known."""
    old_keys, new_keys = _exact_keys(old, new, plain)
    remaining_old = {}
    for k, key in enumerate(old_keys):
        remaining_old.setdefault(key, []).append(k)
    kept, left_new = 0, []
    used_old = set()
    for s, key in zip(new, new_keys):
        slots = remaining_old.get(key)
        if slots:
            used_old.add(slots.pop(0))
            kept += 1
        else:
            left_new.append(s)
    left_old = [s for k, s in enumerate(old) if k not in used_old]
    pairs = []
    if left_old and left_new:
        candidates = sorted(_similar_pairs([s["text"] for s in left_old], [s["text"] for s in left_new], threshold), reverse=True)
        taken_old, taken_new = set(), set()
        for score, i, j in candidates:
            if i in taken_old or j in taken_new:
                continue
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((left_old[i], left_new[j], score))
        left_old = [s for i, s in enumerate(left_old) if i not in taken_old]
        left_new = [s for j, s in enumerate(left_new) if j not in taken_new]
        extended = _extended_pairs(left_old, left_new)
        pairs += [(left_old[i], left_new[j], score) for i, j, score in extended]
        pairs.sort(key=lambda p: (p[1]["passage"], p[1]["sentence"]))
        taken_old, taken_new = {i for i, _, _ in extended}, {j for _, j, _ in extended}
        left_old = [s for i, s in enumerate(left_old) if i not in taken_old]
        left_new = [s for j, s in enumerate(left_new) if j not in taken_new]
    return kept, pairs, left_new, left_old


def _extended_pairs(old: list[dict], new: list[dict]) -> list[tuple[int, int, float]]:
    """(i, j, similarity): a sentence kept whole inside a longer one (a clause added to it) is that
    sentence changed, though fuzz.ratio puts it below the threshold by length alone.  Each old sentence
    of at least EXTENDED_MIN characters (without its closing mark) pairs with the first remaining new
    sentence that holds it."""
    from rapidfuzz import fuzz

    pairs, taken, forms = [], set(), None
    for i, a in enumerate(old):
        core = normalise(a["text"]).rstrip("。；;，,.!！?？ ")
        if len(core) < EXTENDED_MIN:
            continue
        if forms is None:  # each new sentence normalised once, and only when some old one is long enough
            forms = [normalise(b["text"]) for b in new]
        j = next((j for j, form in enumerate(forms) if j not in taken and core in form), None)
        if j is not None:
            taken.add(j)
            pairs.append((i, j, fuzz.ratio(a["text"], new[j]["text"])))
    return pairs


def _exact_keys(old: list[dict], new: list[dict], plain) -> tuple[list, list]:
    """The sentences' search forms: sentences with the same one are the same sentence (kept).

    A sentence of a plain passage has a search form of its own length, so when every sentence
    is one, a sentence of a length the other side does not have cannot be kept: it gets a key of
    its own instead of being normalised (a sentence of the same form on its side has the same
    length, so it gets one too, and no slot is taken in another order)."""
    if plain is None or not (all(plain[0]) and all(plain[1])):
        return [normalise(s["text"]) for s in old], [normalise(s["text"]) for s in new]
    old_lengths, new_lengths = {len(s["text"]) for s in old}, {len(s["text"]) for s in new}
    return ([normalise(s["text"]) if len(s["text"]) in new_lengths else ("old", k) for k, s in enumerate(old)],
            [normalise(s["text"]) if len(s["text"]) in old_lengths else ("new", k) for k, s in enumerate(new)])


def _similar_pairs(old: list[str], new: list[str], threshold: float):
    """(score, i, j) of every pair at or above the threshold.  fuzz.ratio is at most
    200·short/(short+long), so each old sentence is scored (by process.extract, in C) only
    against the new ones of a length that can reach the threshold."""
    from rapidfuzz import fuzz, process

    order = sorted(range(len(new)), key=lambda j: len(new[j]))
    texts = [new[j] for j in order]
    lengths = [len(t) for t in texts]
    least = threshold / (200 - threshold) if threshold < 100 else 1.0  # shortest/longest ratio that can reach it
    for i, text in enumerate(old):
        lo = bisect.bisect_left(lengths, len(text) * least - 1e-9)
        hi = bisect.bisect_right(lengths, len(text) / least + 1e-9) if least else len(texts)
        if lo >= hi:
            continue
        for _, score, k in process.extract(text, texts[lo:hi], scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
            yield score, i, order[lo + k]


def pair_moved_targets(old: list[dict], new: list[dict], year_from: int, year_to: int, stated: _Stated | None = None):
    """Pairs (old, new, similarity) of sentences left over by the alignment that state the same
    target (metric, unit, comparator) with another value: a moved target is a change, however
    much the wording around it changed.  Returns (pairs, new left, old left).

    Such a pair holds a number on both sides and is at least MOVED_FLOOR similar, so only the
    sentences of such pairs have their quantities read (reading them is most of the time)."""
    stated = stated or _Stated()
    near = _near_pairs([s["text"] for s in old], [s["text"] for s in new], stated)
    by_target: dict[tuple, list[tuple[int, float]]] = {}  # (metric, unit, comparator) -> old sentences and values
    for i in sorted({i for i, _ in near}):
        for metric, unit, comparator, value in stated(old[i]["text"], year_from):
            if metric:
                by_target.setdefault((metric, unit, comparator), []).append((i, value))
    candidates = []
    if near:
        from rapidfuzz import fuzz
    for j in sorted({j for _, j in near}):
        sentence = new[j]
        moved = {i for metric, unit, comparator, value in stated(sentence["text"], year_to) if metric
                 for i, before in by_target.get((metric, unit, comparator), ()) if before != value}
        for i in moved:
            score = fuzz.ratio(old[i]["text"], sentence["text"])
            if score >= MOVED_FLOOR:
                candidates.append((score, i, j))
    pairs, used_old, used_new = [], set(), set()
    for score, i, j in sorted(candidates, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j], score))
    return pairs, [s for j, s in enumerate(new) if j not in used_new], [s for i, s in enumerate(old) if i not in used_old]


def _near_pairs(old: list[str], new: list[str], stated: _Stated) -> set[tuple[int, int]]:
    """(i, j) of the old and new sentences that both hold a number and are about MOVED_FLOOR
    similar or more (scored by process.extract, in C; half a point below the floor, so that no
    pair fuzz.ratio puts at the floor is missed)."""
    with_number = [j for j, text in enumerate(new) if stated.may_hold(text)]
    if not with_number:
        return set()
    from rapidfuzz import fuzz, process

    choices = [new[j] for j in with_number]
    near = set()
    for i, text in enumerate(old):
        if stated.may_hold(text):
            for _, _, k in process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=MOVED_FLOOR - 0.5, limit=None):
                near.add((i, with_number[k]))
    return near


class _Stated:
    """The quantities of a sentence, (metric, unit, comparator, value) as meta/targets.extract
    finds them, read once per sentence and year within one comparison."""

    def __init__(self):
        self.known: dict[tuple[str, int], list[tuple]] = {}

    def __call__(self, text: str, year: int) -> list[tuple]:
        key = (text, year)
        if key not in self.known:
            self.known[key] = [(q.metric, q.unit, q.comparator, q.value) for q in _targets()[3](text, year)] if self.may_hold(text) else []
        return self.known[key]

    @staticmethod
    def may_hold(text: str) -> bool:
        """False when extract finds no quantity for certain: it reads one only where its number
        pattern matches the text's ASCII form, which starts at a digit or a Chinese numeral."""
        numeral, number, ascii_form, _ = _TARGETS or _targets()
        return numeral.search(text) is not None and number.search(ascii_form(text)) is not None


_TARGETS = None


def _targets():
    """(what every match of meta/targets' number pattern starts with, that pattern, ascii_form,
    extract), imported on first use (the pattern's own lookahead; \\d takes full-width digits)."""
    global _TARGETS
    if _TARGETS is None:
        import re

        from icpolicy.meta.target_rules import CN_DIGITS, rules
        from icpolicy.meta.targets import ascii_form, extract

        _TARGETS = (re.compile("[\\d" + "".join(CN_DIGITS) + "十百千]"), rules().number, ascii_form, extract)
    return _TARGETS


def char_diff(a: str, b: str) -> list[list[str]]:
    """The edit from a to b as [op, old text, new text] runs: equal, delete, insert or replace."""
    from rapidfuzz.distance import Indel

    out = []
    for op in Indel.opcodes(a, b):
        old, new = a[op.src_start:op.src_end], b[op.dest_start:op.dest_end]
        if out and out[-1][0] != "equal" and op.tag != "equal":
            out[-1] = ["replace", out[-1][1] + old, out[-1][2] + new]
        else:
            out.append([op.tag, old, new])
    return out


def moved_targets(a: str, b: str, year_a: int, year_b: int, stated: _Stated | None = None) -> list[dict]:
    """Quantities of the same metric, unit and comparator whose value differs between two sentences."""
    stated = stated or _Stated()
    before = {(metric, unit, comparator): value for metric, unit, comparator, value in stated(a, year_a)}
    moved = []
    for metric, unit, comparator, value in stated(b, year_b):
        old = before.get((metric, unit, comparator))
        if old is not None and old != value:
            moved.append({"metric": metric, "comparator": comparator, "unit": unit, "from": _num(old), "to": _num(value)})
    return moved


def _sentences(ix, doc_id: str) -> tuple[list[dict], list[bool]]:
    """Every sentence of a document, in order, and whether each comes from a plain passage."""
    if hasattr(ix, "passage_texts"):
        passages = sorted((ordinal, text, plain) for _, ordinal, text, plain in ix.passage_texts("", None, [doc_id]))
    else:
        passages = [(p["passage"], p["text"], False) for p in ix.document(doc_id)[1]]
    out, flags = [], []
    for ordinal, text, plain in passages:
        for k, sentence in enumerate(split_sentences(text)):
            if sentence.strip():
                out.append({"doc_id": doc_id, "passage": ordinal, "sentence": k, "text": sentence.strip()})
                flags.append(plain)
    return out, flags


def _matching_sentences(ix, tree, filters, old_id: str, new_id: str):
    """The sentences of both documents that satisfy the query tree.  Such a sentence holds a
    positive term, so only the passages the index finds for any positive term are read."""
    terms = ql.ParsedQuery(tree).positive_terms()
    anyterm = " OR ".join('"' + t.text.replace('"', "") + '"' for t in terms)
    needles = [n for t in ql.terms(tree) for n in t.needles()]
    # needles of ideographs only: in a plain passage they occur in a sentence's search form where
    # they occur in the sentence (engine/schema.plain_ideographs), so it needs no normalising
    ideographic = all(ideographs_only(n) for n in needles)
    satisfies = _sentence_test(tree, needles)
    texts: dict[str, list] = {old_id: [], new_id: []}
    for doc_id, passage, text, plain in _passage_texts(ix, anyterm, filters, [old_id, new_id]):
        if doc_id in texts:
            texts[doc_id].append((passage, text, plain))
    out, plain_out = [], []
    for doc_id in (old_id, new_id):
        found, flags = [], []
        for passage, text, plain in sorted(texts[doc_id], key=lambda p: p[0]):
            as_is = ideographic and plain
            for k, sentence in enumerate(split_sentences(text)):
                sentence = sentence.strip()
                if sentence and satisfies(sentence if as_is else normalise(sentence)):
                    found.append({"doc_id": doc_id, "passage": passage, "sentence": k, "text": sentence})
                    flags.append(plain)
        out.append(found)
        plain_out.append(flags)
    return out[0], out[1], (plain_out[0], plain_out[1])


def _passage_texts(ix, text: str, filters, doc_ids: list[str]):
    """(doc_id, passage, text, plain) of the passages of doc_ids that search(text, filters) hits:
    read without building hits where the engine offers it (Index.passage_texts)."""
    if hasattr(ix, "passage_texts"):
        return ix.passage_texts(text, filters, doc_ids)
    return [(h.doc_id, h.passage, h.text, getattr(h, "plain", False)) for h in ix.search(text, filters, limit=None).hits if h.doc_id in doc_ids]


def _sentence_test(tree, needles: list[str]):
    """_satisfies(tree, ·), quicker: a sentence holding none of the tree's needles satisfies it
    only when the tree holds with every term absent (under a NOT), and a tree of one plain term
    is that term's needle in the sentence (a term matches where a needle of it starts)."""
    if isinstance(tree, ql.Term) and not tree.words and not tree.forms:
        needle = tree.norm
        return lambda norm: needle in norm  # translate.term_starts with nothing following
    if ql.fold(tree, lambda t: False, all, any, lambda value: not value):
        return lambda norm: _satisfies(tree, norm)
    return lambda norm: any(n in norm for n in needles) and _satisfies(tree, norm)


def _span(years: list[int]) -> str:
    return f"{min(years)}–{max(years)}" if len(set(years)) > 1 else str(years[0]) if years else "none"


def _by_year(ix, region: str, doc_type: str) -> str:
    """Each year and the documents of doc_type for region that cover it: 2025 a, 2026 a b, …"""
    from icpolicy.engine.search import Filters
    from icpolicy.views.documents import document_facts

    covering: dict[int, list[str]] = {}
    for doc_id in sorted({h.doc_id for h in ix.search("", Filters([region], None, [], [doc_type]), limit=None).hits}):
        for year in sorted(set(_years(document_facts(ix, doc_id)[0]))):
            covering.setdefault(year, []).append(doc_id)
    return ", ".join(f"{year} {' '.join(ids)}" for year, ids in sorted(covering.items())) or "none"


def _satisfies(tree, norm: str) -> bool:
    """matching.evaluate(tree, norm) for a normalised text (or one whose search form holds the
    tree's needles where it does), without normalising it again (normalise is idempotent)."""
    return accepts(tree, norm, norm, "")


def _years(record: dict) -> list[int]:
    years = record.get("years") or ""
    return [int(y) for y in years.split()] if isinstance(years, str) else list(years)


def _doc(record: dict) -> dict:
    path, zone = division_path(record.get("region_path") or [])
    return {"doc_id": record.get("doc_id", ""), "title": record.get("title", ""), "doc_type": record.get("doc_type", ""),
            "region": path[-1] if path else "", "region_path": path, "zone": zone, "years": _years(record),
            "issued": record.get("issued", ""), "source": record.get("source", "")}


def _num(value: float):
    return int(value) if float(value).is_integer() else value

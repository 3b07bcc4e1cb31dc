"""The changes view: a place's document of one year against its document of another, sentence by sentence.

Sentences are aligned with rapidfuzz: identical ones are kept, the most similar remaining pairs
above THRESHOLD are changed (with a character diff, and the targets whose value moved), the rest
added or removed.
"""

from __future__ import annotations

import bisect

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from icpolicy.engine import query as ql
from icpolicy.engine.schema import ideographs_only
from icpolicy.engine.translate import accepts
from icpolicy.errors import UsageError
from icpolicy.meta import regions
from icpolicy.meta.zones import division_path
from icpolicy.meta.targets import extract
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences

THRESHOLD = 60.0  # rapidfuzz ratio (0-100) above which two sentences are one sentence changed
MOVED_FLOOR = 40.0  # a pair below THRESHOLD still counts when a target in it moved, down to this
DEFAULT_TYPE = "政府工作报告"


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
    from icpolicy.engine.search import Filters
    from icpolicy.views.documents import document_facts

    if found is None:
        found = candidates(ix, region, year, year, doc_type, quick)
    records = {d: document_facts(ix, d)[0] for d in found}
    # the document of year Y: its own years end in Y, else include Y (a passage that merely mentions Y does not count)
    own = [d for d, r in records.items() if _years(r) and max(_years(r)) == year] or [d for d, r in records.items() if year in _years(r)]
    # the place's own documents before those of places below it (江苏 -> 江苏省, not 苏州市)
    places = {tuple(p) for p in regions.resolve_filter(region)}
    below = own
    own = [d for d in own if tuple(records[d].get("region_path") or ()) in places]
    if below and not own:
        listed = "; ".join(f"{d} {'/'.join(records[d].get('region_path') or [])} {records[d].get('title', '')}" for d in below)
        raise NoSingleDocument(f"no {doc_type} of {region} itself in {year}, only of places within it: {listed}; give one of those places as --region")
    if len(own) == 1:
        return _doc(records[own[0]])
    if not own:
        others = ix.search("", Filters([region], None, [], [doc_type]), limit=None).hits
        years = sorted({max(_years(document_facts(ix, d)[0]) or [0]) for d in {h.doc_id for h in others}})
        have = ", ".join(str(y) for y in years if y) or "none"
        raise NoSingleDocument(f"no {doc_type} for {region} in {year}; years with one: {have}")
    listed = "; ".join(f"{d} {records[d].get('title', '')} ({records[d].get('source', '')})" for d in own)
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
            return (pick_document(ix, region, year_from, doc_type, both, quick),
                    pick_document(ix, region, year_to, doc_type, both, quick))
        except NoSingleDocument:
            if not quick:
                raise
    raise AssertionError("unreachable")


def changes(ix, region: str, year_from: int, year_to: int, doc_type: str = DEFAULT_TYPE, query: str = "",
            threshold: float = THRESHOLD) -> dict:
    """{"from": doc, "to": doc, "added", "removed", "changed", "kept"} for two years of a place."""
    from icpolicy.engine.search import Filters

    old_doc, new_doc = _pick_both(ix, region, year_from, year_to, doc_type)
    tree = ql.parse(query).tree if query.strip() else None
    if tree is None:
        old, new = _sentences(ix, old_doc["doc_id"]), _sentences(ix, new_doc["doc_id"])
    else:
        span = f"{min(year_from, year_to)}-{max(year_from, year_to)}"  # every passage carries its document's years
        old, new = _matching_sentences(ix, tree, Filters([region], span, [], [doc_type]), old_doc["doc_id"], new_doc["doc_id"])
    kept, pairs, added, removed = align(old, new, threshold)
    more, added, removed = pair_moved_targets(removed, added, year_from, year_to)
    pairs = sorted(pairs + more, key=lambda p: (p[1]["passage"], p[1]["sentence"]))
    changed = []
    for a, b, similarity in pairs:
        changed.append({"from": a, "to": b, "similarity": round(similarity, 1), "diff": char_diff(a["text"], b["text"]),
                        "moved": moved_targets(a["text"], b["text"], year_from, year_to)})
    return {"query": query, "from": old_doc, "to": new_doc, "added": added, "removed": removed, "changed": changed, "kept": kept}


def align(old: list[dict], new: list[dict], threshold: float):
    """(kept count, [(old, new, similarity)], added, removed): exact matches first, then the most
    similar remaining pairs (greedy, best first) above the threshold."""
    remaining_old = {}
    for k, s in enumerate(old):
        remaining_old.setdefault(normalise(s["text"]), []).append(k)
    kept, left_new = 0, []
    used_old = set()
    for s in new:
        slots = remaining_old.get(normalise(s["text"]))
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
        pairs.sort(key=lambda p: (p[1]["passage"], p[1]["sentence"]))
        left_old = [s for i, s in enumerate(left_old) if i not in taken_old]
        left_new = [s for j, s in enumerate(left_new) if j not in taken_new]
    return kept, pairs, left_new, left_old


def _similar_pairs(old: list[str], new: list[str], threshold: float):
    """(score, i, j) of every pair at or above the threshold.  fuzz.ratio is at most
    200·short/(short+long), so each old sentence is scored (by process.extract, in C) only
    against the new ones of a length that can reach the threshold."""
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


def pair_moved_targets(old: list[dict], new: list[dict], year_from: int, year_to: int):
    """Pairs (old, new, similarity) of sentences left over by the alignment that state the same
    target (metric, unit, comparator) with another value: a moved target is a change, however
    much the wording around it changed.  Returns (pairs, new left, old left)."""
    stated: dict[tuple, list[tuple[int, float]]] = {}  # (metric, unit, comparator) -> old sentences and values
    for i, sentence in enumerate(old):
        for q in extract(sentence["text"], year_from):
            if q.metric:
                stated.setdefault((q.metric, q.unit, q.comparator), []).append((i, q.value))
    candidates = []
    for j, sentence in enumerate(new):
        if not stated:
            break
        moved = {i for q in extract(sentence["text"], year_to) if q.metric
                 for i, value in stated.get((q.metric, q.unit, q.comparator), ()) if value != q.value}
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


def char_diff(a: str, b: str) -> list[list[str]]:
    """The edit from a to b as [op, old text, new text] runs: equal, delete, insert or replace."""
    out = []
    for op in Indel.opcodes(a, b):
        old, new = a[op.src_start:op.src_end], b[op.dest_start:op.dest_end]
        if out and out[-1][0] != "equal" and op.tag != "equal":
            out[-1] = ["replace", out[-1][1] + old, out[-1][2] + new]
        else:
            out.append([op.tag, old, new])
    return out


def moved_targets(a: str, b: str, year_a: int, year_b: int) -> list[dict]:
    """Quantities of the same metric, unit and comparator whose value differs between two sentences."""
    before = {(q.metric, q.unit, q.comparator): q.value for q in extract(a, year_a)}
    moved = []
    for q in extract(b, year_b):
        old = before.get((q.metric, q.unit, q.comparator))
        if old is not None and old != q.value:
            moved.append({"metric": q.metric, "comparator": q.comparator, "unit": q.unit, "from": _num(old), "to": _num(q.value)})
    return moved


def _sentences(ix, doc_id: str) -> list[dict]:
    return _split(doc_id, ix.document(doc_id)[1])


def _split(doc_id: str, passages: list[dict]) -> list[dict]:
    out = []
    for p in passages:
        for k, sentence in enumerate(split_sentences(p["text"])):
            if sentence.strip():
                out.append({"doc_id": doc_id, "passage": p["passage"], "sentence": k, "text": sentence.strip()})
    return out


def _matching_sentences(ix, tree, filters, old_id: str, new_id: str):
    """The sentences of both documents that satisfy the query tree.  Such a sentence holds a
    positive term, so only the passages the index finds for any positive term are read."""
    terms = ql.ParsedQuery(tree).positive_terms()
    anyterm = " OR ".join('"' + t.text.replace('"', "") + '"' for t in terms)
    # needles of ideographs only: in a plain passage they occur in a sentence's search form where
    # they occur in the sentence (engine/schema.plain_ideographs), so it needs no normalising
    ideographic = all(ideographs_only(n) for t in ql.terms(tree) for n in t.needles())
    texts: dict[str, list] = {old_id: [], new_id: []}
    plain: dict[tuple[str, int], bool] = {}
    for hit in ix.search(anyterm, filters, limit=None).hits:
        if hit.doc_id in texts:
            texts[hit.doc_id].append({"passage": hit.passage, "text": hit.text})
            plain[(hit.doc_id, hit.passage)] = ideographic and getattr(hit, "plain", False)
    out = []
    for doc_id in (old_id, new_id):
        passages = sorted(texts[doc_id], key=lambda p: p["passage"])
        out.append([s for s in _split(doc_id, passages)
                    if _satisfies(tree, s["text"] if plain[(doc_id, s["passage"])] else normalise(s["text"]))])
    return out[0], out[1]


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

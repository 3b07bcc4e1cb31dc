"""The changes view: a place's document of one year against its document of another, sentence by sentence.

Sentences are aligned with rapidfuzz: identical ones are kept, the most similar remaining pairs
above THRESHOLD are changed (with a character diff, and the targets whose value moved), the rest
added or removed.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from icpolicy.engine import matching
from icpolicy.engine import query as ql
from icpolicy.errors import UsageError
from icpolicy.meta import regions
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


def pick_document(ix, region: str, year: int, doc_type: str) -> dict:
    """The one document of `doc_type` for `region` whose years include `year`; NoSingleDocument otherwise."""
    from icpolicy.engine.search import Filters

    found: dict[str, dict] = {}
    for hit in ix.search("", Filters([region], str(year), [], [doc_type]), limit=None).hits:
        found.setdefault(hit.doc_id, {"doc_id": hit.doc_id, "title": hit.title, "source": hit.source})
    from icpolicy.views.documents import document_facts

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


def changes(ix, region: str, year_from: int, year_to: int, doc_type: str = DEFAULT_TYPE, query: str = "",
            threshold: float = THRESHOLD) -> dict:
    """{"from": doc, "to": doc, "added", "removed", "changed", "kept"} for two years of a place."""
    old_doc = pick_document(ix, region, year_from, doc_type)
    new_doc = pick_document(ix, region, year_to, doc_type)
    old = _sentences(ix, old_doc["doc_id"])
    new = _sentences(ix, new_doc["doc_id"])
    tree = ql.parse(query).tree if query.strip() else None
    if tree is not None:
        old = [s for s in old if matching.evaluate(tree, normalise(s["text"]))]
        new = [s for s in new if matching.evaluate(tree, normalise(s["text"]))]
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
        # process.extract per sentence, not cdist: cdist needs numpy, which icpolicy does not
        texts = [s["text"] for s in left_new]
        candidates = sorted(((score, i, j) for i, s in enumerate(left_old)
                             for _, score, j in process.extract(s["text"], texts, scorer=fuzz.ratio, score_cutoff=threshold, limit=None)),
                            reverse=True)
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


def pair_moved_targets(old: list[dict], new: list[dict], year_from: int, year_to: int):
    """Pairs (old, new, similarity) of sentences left over by the alignment that state the same
    target (metric, unit, comparator) with another value: a moved target is a change, however
    much the wording around it changed.  Returns (pairs, new left, old left)."""
    def keys(sentence, year):
        return {(q.metric, q.unit, q.comparator): q.value for q in extract(sentence["text"], year) if q.metric}

    old_keys = [keys(s, year_from) for s in old]
    candidates = []
    for j, sentence in enumerate(new):
        mine = keys(sentence, year_to)
        for i, theirs in enumerate(old_keys):
            if any(k in theirs and theirs[k] != v for k, v in mine.items()):
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
    _, passages = ix.document(doc_id)
    out = []
    for p in passages:
        for k, sentence in enumerate(split_sentences(p["text"])):
            if sentence.strip():
                out.append({"doc_id": doc_id, "passage": p["passage"], "sentence": k, "text": sentence.strip()})
    return out


def _years(record: dict) -> list[int]:
    years = record.get("years") or ""
    return [int(y) for y in years.split()] if isinstance(years, str) else list(years)


def _doc(record: dict) -> dict:
    path = list(record.get("region_path") or [])
    return {"doc_id": record.get("doc_id", ""), "title": record.get("title", ""), "doc_type": record.get("doc_type", ""),
            "region": path[-1] if path else "", "region_path": path, "years": _years(record),
            "issued": record.get("issued", ""), "source": record.get("source", "")}


def _num(value: float):
    return int(value) if float(value).is_integer() else value

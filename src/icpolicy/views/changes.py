"""The changes view: a place's document of one year against its document of another, sentence by sentence.

Sentences are aligned with rapidfuzz: identical ones are kept, the most similar remaining pairs
above THRESHOLD are changed (with a character diff, and the targets whose value moved), the rest
added or removed.  With a query, the sentences that satisfy it, each paired with its counterpart of the other
document where only one of the two does.  A sentence's quantities (for the targets that moved) are those the index stored
at ingest, as the targets view reads them; from an index that holds none of this version's rules, or from another
engine, worked out now over the whole document as ingest stores them (stated.Recomputed).
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from icpolicy.engine import query as ql
from icpolicy.engine.schema import ideographs_only
from icpolicy.engine.translate import accepts
from icpolicy.errors import UsageError
from icpolicy.meta import region_names, target_store
from icpolicy.meta.zones import division_path
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences
from icpolicy.views.align import THRESHOLD, align, char_diff, moved_targets, pair_moved_targets, similar_pairs
from icpolicy.views.moves_across import across
from icpolicy.views.plain import moved_text, target_text
from icpolicy.views.unpaired import unpaired
from icpolicy.views.stated import Recomputed, Stated

DEFAULT_TYPE = "政府工作报告"
# rapidfuzz and the targets rules are imported where they are used: a command whose query finds no
# sentence needs neither (about 50 ms of a one-shot command)


class NoSingleDocument(UsageError):
    """A year has no document, or more than one, for the place and type asked."""


ROW_COLUMNS = ["change", "similarity", "from_doc_id", "from_passage", "from_text", "to_doc_id", "to_passage", "to_text", "moved",
               "dropped", "new"]


def change_rows(payload: dict, structured: bool = False) -> list[dict]:
    """The changes as flat rows for csv, jsonl and xlsx: changed pairs in the order of the new
    document, then removed, then added; `moved` as words in a cell (plain.moved_text), `dropped` and `new` (the targets
    one side of a changed pair states and the other does not: views/unpaired.py) likewise (plain.target_text), or
    (structured, for jsonl) the lists json gives, and a changed pair's `diff` too."""
    def side(prefix: str, s: dict | None) -> dict:
        s = s or {}
        return {f"{prefix}_doc_id": s.get("doc_id", ""), f"{prefix}_passage": s.get("passage", ""), f"{prefix}_text": s.get("text", "")}

    def words(c: dict, key: str, text) -> str | list:
        return c.get(key, []) if structured else "; ".join(text(m) for m in c.get(key, []))

    none = [] if structured else ""
    rows = [{"change": "changed", "similarity": c["similarity"], **side("from", c["from"]), **side("to", c["to"]),
             "moved": words(c, "moved", moved_text), "dropped": words(c, "dropped", target_text), "new": words(c, "new", target_text),
             **({"diff": c.get("diff", [])} if structured else {})}
            for c in payload["changed"]]
    blank = {"moved": none, "dropped": none, "new": none}
    rows += [{"change": "removed", "similarity": "", **side("from", s), **side("to", None), **blank} for s in payload["removed"]]
    rows += [{"change": "added", "similarity": "", **side("from", None), **side("to", s), **blank} for s in payload["added"]]
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
    return {tuple(p) for p in region_names.resolve_filter(region)}


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
        # each document by the years it speaks for (a 2025—2027 plan answers --from 2025 as well as 2027)
        spans = sorted({(min(ys), max(ys)) for d in {h.doc_id for h in others} if (ys := _years(document_facts(ix, d)[0]))})
        have = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans) or "none"
        raise NoSingleDocument(f"no {doc_type} for {region} in {year}; years with one: {have}")
    listed = "; ".join(f"{d} {records[d][0].get('title', '')} ({records[d][0].get('source', '')})" for d in own)
    raise NoSingleDocument(f"{len(own)} documents of type {doc_type} for {region} in {year}: {listed}; narrow with --type")


def candidates(ix, region: str, first: int, last: int, doc_type: str, quick: bool = False) -> dict[str, str]:
    """doc_id -> title of the documents of `doc_type` of years in first..last with a passage of `region`,
    in the order of their first passage among the search hits.  quick: the same documents from
    one aggregation where the engine offers it (no passage read), titles left empty and in
    another order."""
    from icpolicy.engine.search import Filters

    filters = Filters([region], None, [], [doc_type], f"{first}-{last}" if first != last else str(first))  # the documents' years
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
    if old_doc["doc_type"] != new_doc["doc_type"]:  # --type matches part of a type (报告): one type is compared with itself
        raise NoSingleDocument(f"{year_from}'s document is a {old_doc['doc_type']} ({old_doc['doc_id']} {old_doc['title']}), {year_to}'s a "
                               f"{new_doc['doc_type']} ({new_doc['doc_id']} {new_doc['title']}): give one type as --type, e.g. --type {old_doc['doc_type']}")
    old_doc, new_doc = {**old_doc, "year": year_from}, {**new_doc, "year": year_to}  # the years asked, for the labels
    tree = ql.parse(query).tree if query.strip() else None
    # (doc_id, passage) -> {sentence: its quantities} and the passage's years, read with the passages
    # (from an index of other rules or another engine, worked out now as ingest would have stored them)
    stated = Stated({}, None if target_store.stored_here(ix) else Recomputed(ix))
    if tree is None:
        (old, old_plain), (new, new_plain) = _sentences(ix, old_doc["doc_id"], stated), _sentences(ix, new_doc["doc_id"], stated)
        plain = (old_plain, new_plain)
    else:
        span = f"{min(year_from, year_to)}-{max(year_from, year_to)}"  # the documents' own years (a review speaks for the year before)
        old, new, plain = _matching_sentences(ix, tree, Filters([region], None, [], [doc_type], span), old_doc["doc_id"], new_doc["doc_id"], stated)
    kept, pairs, added, removed = align(old, new, threshold, plain)
    pairs, added, removed = _same_kinds(pairs, added, removed, year_from, year_to, stated)
    more, added, removed = pair_moved_targets(removed, added, year_from, year_to, stated)
    if tree is not None and (added or removed):
        found, added, removed = _counterparts(ix, (old_doc["doc_id"], new_doc["doc_id"]), (old, new), added, removed, threshold,
                                              (year_from, year_to), stated)
        more += found
    found, added, removed = across(old, new, pairs + more, added, removed, year_from, year_to, stated)
    pairs = sorted(pairs + more + found, key=lambda p: (p[1]["passage"], p[1]["sentence"]))
    changed = []
    for a, b, similarity in pairs:
        dropped, new = unpaired(a, b, year_from, year_to, stated)
        changed.append({"from": a, "to": b, "similarity": round(similarity, 1), "diff": char_diff(a["text"], b["text"]),
                        "moved": moved_targets(a, b, year_from, year_to, stated), "dropped": dropped, "new": new})
    return {"query": query, "from": old_doc, "to": new_doc, "added": added, "removed": removed, "changed": changed, "kept": kept}


def _same_kinds(pairs: list[tuple], added: list[dict], removed: list[dict], year_from: int, year_to: int,
                stated: Stated) -> tuple[list[tuple], list[dict], list[dict]]:
    """(pairs, added, removed): a pair whose sentences both state figures, one only targets and the other only results
    (2024年…规模达到3500亿元 in a plan, 集成电路产业规模达到3600亿元 in the next year's review), is no change of one
    sentence however alike their words: both go back to be paired by the target they state (pair_moved_targets: the plan's
    3500 with the next plan's 4000, the review's 3000 with the next review's 3600), or stay added and removed."""
    kept = []
    for a, b, score in pairs:
        before, after = {q[5] for q in stated(a, year_from)}, {q[5] for q in stated(b, year_to)}
        if len(before) == len(after) == 1 and before != after:
            removed.append(a)
            added.append(b)
        else:
            kept.append((a, b, score))
    order = lambda s: (s["passage"], s["sentence"])  # noqa: E731
    return kept, sorted(added, key=order), sorted(removed, key=order)


def _counterparts(ix, docs: tuple[str, str], chosen: tuple[list[dict], list[dict]], added: list[dict], removed: list[dict],
                  threshold: float, years: tuple[int, int], stated: Stated) -> tuple[list[tuple], list[dict], list[dict]]:
    """(pairs, added, removed): a sentence the query selects (`chosen`, old and new) left over on one side, paired with
    a sentence of the other document that the query does not select (经济 in 2023's sentence, not in 2022's wording
    of it): a changed pair needs the query on one side only.  Paired as the query's sentences are, above the
    threshold, then by a target that moved; not by a sentence found whole inside a longer one (among a whole
    document's sentences a short slogan, 防范化解重大风险, is inside many); no sentence the query selects is the same
    as one it does not, so none is kept."""
    pairs = []
    if removed:
        found, removed = _with_the_rest(ix, docs[1], chosen[1], removed, True, threshold, years, stated)
        pairs += found
    if added:
        found, added = _with_the_rest(ix, docs[0], chosen[0], added, False, threshold, years, stated)
        pairs += found
    return pairs, added, removed


def _with_the_rest(ix, doc_id: str, chosen: list[dict], left: list[dict], left_is_old: bool, threshold: float,
                   years: tuple[int, int], stated: Stated) -> tuple[list[tuple], list[dict]]:
    """(pairs, `left` still unpaired): the sentences `left` over on one side paired with the sentences of the other
    side's document `doc_id` that are not `chosen` there (see _counterparts)."""
    taken = {(s["passage"], s["sentence"]) for s in chosen}
    rest = [s for s in _sentences(ix, doc_id, stated)[0] if (s["passage"], s["sentence"]) not in taken]
    old, new = (left, rest) if left_is_old else (rest, left)
    found, new, old = similar_pairs(old, new, threshold)
    more, new, old = pair_moved_targets(old, new, *years, stated)
    return found + more, old if left_is_old else new


def _sentences(ix, doc_id: str, stated: Stated) -> tuple[list[dict], list[bool]]:
    """Every sentence of a document, in order, and whether each comes from a plain passage; `stated` gets the
    quantities the index holds for each (see _stored; stated.again works them out when it holds none) and its passage's
    years."""
    stored = stated.stored
    if hasattr(ix, "passage_texts"):
        passages = sorted((ordinal, text, plain, q, years) for _, ordinal, text, plain, q, years in ix.passage_texts("", None, [doc_id]))
    else:
        passages = [(p["passage"], p["text"], False, None, [int(y) for y in p["years"].split()]) for p in ix.document(doc_id)[1]]
    out, flags = [], []
    for ordinal, text, plain, quantities, years in passages:
        pieces = split_sentences(text)
        _stored(stored, doc_id, ordinal, text, pieces, stated.source(doc_id, ordinal, quantities))
        stated.years[(doc_id, ordinal)] = tuple(years)
        for k, sentence in enumerate(pieces):
            if sentence.strip():
                out.append({"doc_id": doc_id, "passage": ordinal, "sentence": k, "text": sentence.strip()})
                flags.append(plain)
    return out, flags


def _matching_sentences(ix, tree, filters, old_id: str, new_id: str, stated: Stated):
    """The sentences of both documents that satisfy the query tree.  Only passages that may hold one are read:
    with no NOT in the tree, those that satisfy it (a sentence that does lies in a passage that does); else, when
    the tree holds where no term occurs (旅游 OR -企业), every passage; else those with a term under an even number
    of NOTs, which such a sentence holds (see _selecting)."""
    selecting = _selecting(tree)
    needles = [n for t in ql.terms(tree) for n in t.needles()]
    # needles of ideographs only: in a plain passage they occur in a sentence's search form where
    # they occur in the sentence (engine/schema.plain_ideographs), so it needs no normalising
    ideographic = all(ideographs_only(n) for n in needles)
    satisfies = _sentence_test(tree, needles)
    stored = stated.stored
    texts: dict[str, list] = {old_id: [], new_id: []}
    for doc_id, passage, text, plain, quantities, years in _passage_texts(ix, selecting, filters, [old_id, new_id]):
        if doc_id in texts:
            texts[doc_id].append((passage, text, plain, quantities))
            stated.years[(doc_id, passage)] = tuple(years)
    out, plain_out = [], []
    for doc_id in (old_id, new_id):
        found, flags = [], []
        for passage, text, plain, quantities in sorted(texts[doc_id], key=lambda p: p[0]):
            as_is = ideographic and plain
            pieces, kept = split_sentences(text), False
            for k, sentence in enumerate(pieces):
                sentence = sentence.strip()
                if sentence and satisfies(sentence if as_is else normalise(sentence)):
                    found.append({"doc_id": doc_id, "passage": passage, "sentence": k, "text": sentence})
                    flags.append(plain)
                    kept = True
            if kept:
                _stored(stored, doc_id, passage, text, pieces, stated.source(doc_id, passage, quantities))
        out.append(found)
        plain_out.append(flags)
    return out[0], out[1], (plain_out[0], plain_out[1])


def _selecting(tree):
    """A query tree for the passages that may hold a sentence satisfying the tree (see _matching_sentences), None
    for every passage.

    The tree itself when it has no NOT.  Else the OR of its terms under an even number of NOTs (旅游 OR NOT NOT 企业
    holds where 企业 does): the tree rises with those and falls with the others, so where none of the first occurs
    it is at most what it is where no term occurs, false unless None (every passage) is returned for that."""
    if ql.fold(tree, lambda t: True, all, all, lambda value: False):  # no NOT in it
        return tree
    if ql.fold(tree, lambda t: False, all, any, lambda value: not value):
        return None
    rising = ql.fold(tree, lambda t: ([t], []), lambda items: tuple(sum(side, []) for side in zip(*items)),
                     lambda items: tuple(sum(side, []) for side in zip(*items)), lambda pair: (pair[1], pair[0]))[0]
    rising = list(dict.fromkeys(rising))
    return rising[0] if len(rising) == 1 else ql.Or(tuple(rising))


def _stored(into: dict | None, doc_id: str, passage: int, text: str, pieces: list[str], quantities: str | None) -> None:
    """The quantities the index stored for a passage (its record's string, None when it has none to give) under
    (doc_id, passage), once, as {sentence: its quantities} for the sentences of `pieces` (split_sentences of its text):
    align.Stated reads them instead of extracting again.  A quantity belongs to the sentence that holds the last
    word of the sentence extract read it in: both end a sentence after 。！？； and the closing quotes or brackets
    that follow, extract also at a line break, and it gives the spaces after an end to the sentence before."""
    if into is None or quantities is None or (doc_id, passage) in into:
        return
    found: dict[int, list[tuple]] = {}
    if quantities:
        ends = list(accumulate(len(p) for p in pieces))
        for (start, end), quantity in target_store.placed(quantities):
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            found.setdefault(bisect.bisect_left(ends, end), []).append(quantity)
    into[(doc_id, passage)] = found


def _passage_texts(ix, tree, filters, doc_ids: list[str]):
    """(doc_id, passage, text, plain, stored quantities, years) of the passages of doc_ids that the query tree finds (all
    of them for None), read without building hits where the engine offers it (Index.passage_texts); else every
    passage of theirs that the filters select, from search hits (the sentences are tested one by one anyway)."""
    if hasattr(ix, "passage_texts"):
        return ix.passage_texts("", filters, doc_ids, tree=tree)
    return [(h.doc_id, h.passage, h.text, getattr(h, "plain", False), getattr(h, "stored_targets", None), list(h.years))
            for h in ix.search("", filters, limit=None).hits if h.doc_id in doc_ids]


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

"""Why a hit matched: of the spans found in a passage, those of the terms that make it (or, 同句, one of its sentences)
satisfy the query.  A branch of an OR that the passage does not satisfy shows nothing (人工智能 OR (数字经济 发展): 发展
is lit only beside 数字经济); in 同句 only the satisfying sentences show their terms (集成电路 -产业: not the 集成电路 of
集成电路产业…).  Pure functions over the hit's spans."""

from __future__ import annotations

from icpolicy.engine import query as ql
from icpolicy.engine.matching import occurs, satisfying_sentences
from icpolicy.engine.translate import is_latin_synonym
from icpolicy.text.normalize import normalise
from icpolicy.text.passages import split_sentences

Spans = dict[tuple[str, bool], list[tuple[int, int]]]


def needs_sorting(tree, sentence: bool) -> bool:
    """Whether some found spans may show no reason: the query has an OR or a NOT, or is judged per sentence (a
    plain AND of terms, every one found, needs nothing)."""
    if tree is None:
        return False
    return sentence or ql.fold(tree, lambda term: False, any, lambda items: True, lambda item: True)


def keys(term: ql.Term) -> list[tuple[str, bool]]:
    """The (needle, whole Latin word?) keys of a term's spans, as results.HitMaker finds them."""
    return [(n, bool(term.forms) and is_latin_synonym(term, n)) for n in (*term.needles(), *((term.norm,) if term.words else ()))]


def shown(found: Spans, tree, text: str, tail: str, sentence: bool) -> Spans:
    """found with only the spans that show why the passage matched (module docstring); where the tree is not
    satisfied by what was found (a term across the passage break, a document's scope), found as it is."""
    regions = _sentences(tree, text, tail) if sentence else [(0, len(text))]
    kept: Spans = {key: [] for key in found}
    for low, high in regions:
        inside = {key: [span for span in spans if low <= span[0] < high] for key, spans in found.items()}
        region_norm = []  # the region's normalised text, made when a term not found above (under NOT) is asked for

        def present(term: ql.Term) -> bool:
            own = [key for key in keys(term) if key in inside]
            if not own:  # a term under NOT only: looked for in the text
                if not region_norm:
                    region_norm.append(normalise(text[low:high] + (tail if high >= len(text) else "")))
                return occurs(term.norm, region_norm[0])
            if term.words:
                return bool(inside.get((term.norm, False))) or all(inside.get((w, False)) for w in term.words)
            return any(inside[key] for key in own)

        satisfied, live = ql.fold(tree, lambda t: _term(t, present(t)), _all_of, _any_of, _negate)
        if not satisfied:
            return found
        for term in live:
            for key in keys(term):
                if key in inside:
                    kept[key].extend(inside[key])
    return {key: sorted(set(spans)) for key, spans in kept.items()}


def _term(term: ql.Term, found: bool) -> tuple[bool, set]:
    return found, {term} if found else set()


def _all_of(items: list) -> tuple[bool, set]:
    ok = all(good for good, _ in items)
    return ok, set().union(*(live for _, live in items)) if ok else set()


def _any_of(items: list) -> tuple[bool, set]:
    return any(good for good, _ in items), set().union(*(live for good, live in items if good))


def _negate(item: tuple) -> tuple[bool, set]:
    return not item[0], set()


def _sentences(tree, text: str, tail: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of text that satisfies the tree on its own (matching.satisfying_sentences, the
    judge of 同句); none: the last, which runs on into the next passage (a term across the break)."""
    found = list(satisfying_sentences(tree, text, tail))
    if found:
        return found
    last = split_sentences(text)[-1:] if text else []
    return [(len(text) - len(last[0]), len(text))] if last else [(0, len(text))]

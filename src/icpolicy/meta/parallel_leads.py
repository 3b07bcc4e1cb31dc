"""Parallel section leads of a round-up (data/sections.toml, parallel): a lead shape that recurs in
a document with distinct places opens a section each time, whatever words the round-up chose for it
(❶ 芜湖｜…, 南昌篇：…, 第一家：南通　…, 【城市观察·合肥】, 先从贵阳讲起。).  Used by tagging.py and roundups.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.meta import regions
from icpolicy.meta.lead_letters import CLAUSE_MARK, only_letters
from icpolicy.meta.sections import Opening, mention_inside, section_rules
from icpolicy.models import SENTENCE_ENDS, Region
from icpolicy.text.normalize import nfkc

_TURN = re.compile(r"([^。！？!?；;]{2,40}?[。！!])(?=\S)")

# Parallel openings (data/sections.toml, parallel): the place a paragraph's lead names, and the
# lead's shape around it with ordinals as '#' (❶ 芜湖｜… → '#@|', 南昌篇：… → '@篇:', 第一家：南通　…
# → '第#家:@', 【城市观察·合肥】 → '【城市观察·@ ').  A shape that recurs with distinct places opens a section each time, whatever words
# the round-up chose for it.
_SEP = re.compile(r"([^\W\d_]{0,3}?)\s*([:|。,—\-】」』〕)\]]+|\s+|$)")
_SEP_CLASS = {":": ":", "|": "|", "。": "。", ",": ",", "—": "—", "-": "—"}


class Shapes(frozenset):
    """The parallel shapes of a document (parallel), and for each the provinces its places lie in (`areas`): the one a
    place by a word several divisions bear is read in (朝阳园： beside 海淀园：, 昌平园：: 北京's 朝阳区; since session 58)."""

    areas: dict[str, frozenset[str]] = {}


@lru_cache(maxsize=16384)
def _shape(text: str) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]] | None:
    rules = section_rules()["parallel"]
    plain = nfkc(text[:48]).replace("\u3000", " ").strip()
    if " | " in plain or len(plain) < 2:
        return None  # a table row names its own passage only
    gaz = regions.gazetteer()
    mentions = gaz.find(plain[:rules["lead"]])
    # at a lead's place a city whose short name is also a word counts (吉安篇：… beside 南昌篇：…):
    # only a shape its siblings share makes it an opening
    word = gaz.word_city(plain, min(len(plain), mentions[0].start if mentions else rules["lead"]))
    mentions = [word] if word else mentions
    if not mentions:
        return None
    named = [mentions[0]]
    for mention in mentions[1:]:
        if mention.start != named[-1].end or not mention_inside(mention, named[-1]):
            break
        named.append(mention)  # 天津滨海新区: one full name
    pre, rest = plain[:named[0].start], plain[named[-1].end:]
    if len(only_letters(pre)) > rules["max_label"] or any(ch in SENTENCE_ENDS + "，," for ch in pre):
        return None
    label = rules["ordinal"].sub("#", re.sub(r"\s+", "", pre))
    if section_rules()["not_followed"].match(rest):
        return None
    sep = _SEP.match(rest)
    if "#" in label and label[-1:] in ":|":
        shape = label + "@"  # an ordinal label and its value (第一家：南通…): whatever follows the place
    elif not sep or (not sep.group(2) and len(plain) < len(nfkc(text).strip())):
        return None
    else:
        # a short line's words after the place are its own (深圳南山, 东莞松山湖): the line's end is the shape
        shape = label + "@" + ((sep.group(1) + _SEP_CLASS.get(sep.group(2).strip()[:1], " ")) if sep.group(2) else "$")
    if shape in ("@,", "@。", "@$", "@:", "@|", "@—"):
        return None  # a bare name, a list or a sentence's subject; or a lead the marks already open
    region = gaz.resolve(named)
    if not region.path and len({p.path for p in named[-1].places}) == 1:
        region = Region(named[-1].places[0].path)
    others = tuple(p.path for p in gaz.sharing(word.text)) if word else ()  # (the word's other bearers)
    return (shape, region.path, others) if region.path else None


@lru_cache(maxsize=16384)
def _turn(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A paragraph's short first sentence whose last clause ends with one place (先从贵阳讲起。,
    说完贵阳，再来看呼和浩特。; not a list, 遂宁市、眉山市。): the turn shape and that place
    (data/sections.toml, parallel)."""
    rules = section_rules()["parallel"]
    sentence = _TURN.match(nfkc(text[:48]).replace("\u3000", " ").strip())
    if not sentence or len(only_letters(sentence.group(1), rules["turn_letters"])) > rules["turn_letters"]:
        return None
    clause = only_letters(CLAUSE_MARK.split(sentence.group(1)[:-1])[-1])
    mentions = regions.gazetteer().find(clause)
    if len(mentions) != 1 or len(clause) > rules["turn_clause"] or len(clause) - mentions[-1].end > 2:
        return None
    last = mentions[-1]
    if section_rules()["not_followed"].match(clause, last.end):
        return None
    region = regions.gazetteer().resolve([last])
    if not region.path and len({p.path for p in last.places}) == 1:
        region = Region(last.places[0].path)
    return ("turn", region.path, ()) if region.path else None


def parallel(paragraphs: list[tuple[str, int]]) -> Shapes:
    """The lead shapes that recur in a document with distinct places (see _shape); a shape with
    no letters or marks around the place (南通　这里…) needs three."""
    places: dict[str, set[tuple[str, ...]]] = {}
    areas: dict[str, set[str]] = {}
    for text, level in paragraphs:
        for found in (_shape(text), _turn(text)) if text and not level else ():
            if found:
                places.setdefault(found[0], set()).add(found[1])
                if not found[2]:
                    areas.setdefault(found[0], set()).add(found[1][0])
    shapes = Shapes(shape for shape, paths in places.items() if len(paths) >= (3 if shape == "@ " else 2))
    shapes.areas = {shape: frozenset(areas.get(shape, ())) for shape in shapes}
    return shapes


def parallel_opening(text: str, shapes: Shapes) -> Opening | None:
    """A marked opening when the paragraph's lead has one of the document's parallel shapes."""
    for found in (_shape(text), _turn(text)) if shapes else ():
        if found and found[0] in shapes:
            areas = shapes.areas.get(found[0], frozenset())
            inside = [path for path in (found[1], *found[2]) if path[0] in areas] if found[2] else []
            return Opening(Region(inside[0] if len(inside) == 1 else found[1]), True, (), True)
    return None

"""Differential test of the top-k bound (engine/bound.py): with the switch forced on, every
query's top hits, their scores and their order are exactly those of the full query.

Generated documents from a small alphabet (terms recur, straddle passages, tie in score), and
the bundled seeds with filters; AND / OR / NOT / phrases / synonyms, several limits, and a small
candidate count so the stop rule is decided at its edge.  The bound must prove a good share of
them (else the test would compare the full query with itself).
"""

import random

import pytest

from icpolicy.engine import bound
from icpolicy.engine.search import Filters, open_index
from icpolicy.pipeline.ingest import ingest

ALPHABET = list("集成电路产业先进封装芯片设计高质量发展新质生产力") + ["，", "。"]
WORDS = ["集成电路", "先进封装", "芯片设计", "高质量发展", "新质生产力", "产业", "芯片", "集成", "封装", "发展", "电路产业", "质量"]


def _paragraph(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.choice([1, 2, 4, 8, 16, 30])):
        parts.append(rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(ALPHABET))
    return "".join(parts)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("bound")
    rng = random.Random(20261201)
    (root / "docs").mkdir()
    for n in range(30):
        paragraphs = [f"第{n}号文件"] + [_paragraph(rng) for _ in range(rng.randint(5, 40))]
        (root / "docs" / f"g{n:02d}.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    ingest([root / "docs"], root / "index", workers=1)
    with open_index(root / "index") as ix:
        yield ix


def _term(rng: random.Random) -> str:
    if rng.random() < 0.7:
        word = rng.choice(WORDS)
    else:
        start = rng.randrange(len(ALPHABET) - 6)
        word = "".join(ALPHABET[start : start + rng.randint(2, 5)])
    return f'"{word}"' if rng.random() < 0.2 else word


def _query(rng: random.Random) -> str:
    shape = rng.randrange(6)
    a, b, c = _term(rng), _term(rng), _term(rng)
    return [a, f"{a} {b}", f"{a} OR {b}", f"{a} -{b}", f"({a} OR {b}) {c}", f"{a} OR NOT {b}"][shape]


def _top(ix, text, filters, limit, expand=False):
    result = ix.search(text, filters, limit=limit, expand=expand)
    return [(h.doc_id, h.passage, h.score) for h in result.hits], result.total


def _compare(ix, monkeypatch, cases) -> tuple[int, int]:
    proved = tried = 0
    real_top = bound.top

    def counted(*args, **kwargs):
        nonlocal proved, tried
        found = real_top(*args, **kwargs)
        tried += 1
        proved += found is not None
        return found

    for text, filters, limit, expand in cases:
        monkeypatch.setattr(bound, "MIN_PASSAGES", 10**12)
        monkeypatch.setattr(bound, "top", real_top)
        expected = _top(ix, text, filters, limit, expand)
        monkeypatch.setattr(bound, "MIN_PASSAGES", 0)
        monkeypatch.setattr(bound, "MIN_MATCHES", 0)
        monkeypatch.setattr(bound, "top", counted)
        for candidates in (1, 4):
            monkeypatch.setattr(bound, "CANDIDATES", candidates)
            assert _same(_top(ix, text, filters, limit, expand), expected), (text, filters, limit, candidates)
    return proved, tried


def _same(got, expected) -> bool:
    """The same hits in the same order and total; each score the same but for float32 rounding (tantivy sums a
    bounded query's clauses in another order: 5.2078562 against 5.2078552 for one reprinted passage)."""
    (hits, total), (want, want_total) = got, expected
    return total == want_total and [h[:2] for h in hits] == [w[:2] for w in want] \
        and all(h[2] == pytest.approx(w[2], rel=1e-6) for h, w in zip(hits, want))


def test_bound_gives_the_full_querys_top_hits(generated, monkeypatch):
    rng = random.Random(7)
    cases = [(_query(rng), None, rng.choice([1, 3, 10, 25]), False) for _ in range(150)]
    proved, tried = _compare(generated, monkeypatch, cases)
    assert tried > 200 and proved > tried * 0.6, (proved, tried)  # 221 of 300 when written


def test_bound_with_filters_and_synonyms_on_the_seeds(seed_engine, monkeypatch):
    texts = ["集成电路", "先进封装 OR 芯片", "集成电路 -光伏", '"集成电路产业"', "高质量发展 OR 新质生产力", "半导体 设备", "人工智能 算力", "碳化硅"]
    filters = [None, Filters(regions=["江苏"]), Filters(year="2023-2025"), Filters(regions=["上海"], year="2024-")]
    cases = [(t, f, limit, expand) for t in texts for f in filters for limit in (1, 10) for expand in (False, True)]
    proved, tried = _compare(seed_engine, monkeypatch, cases)
    assert proved > tried * 0.9, (proved, tried)


def test_small_indexes_keep_the_full_query(generated, monkeypatch):
    """Below the switch the bound is not tried: the index's own size decides."""
    monkeypatch.setattr(bound, "MIN_PASSAGES", 10**12)
    calls, real = [], bound.Bound
    monkeypatch.setattr(bound, "Bound", lambda ix: calls.append(ix) or real(ix))
    generated.search("集成电路", limit=10)
    assert not calls


@pytest.fixture(scope="module")
def reprinted(tmp_path_factory):
    """Documents that reprint the same paragraphs (as policy documents quote each other): many
    passages tie at the top, so the stop rule decides among equal scores by address."""
    root = tmp_path_factory.mktemp("reprinted")
    rng = random.Random(20261202)
    common = [_paragraph(rng) + "集成电路" for _ in range(4)]
    (root / "docs").mkdir()
    for n in range(60):
        paragraphs = [f"第{n}号通知"] + [rng.choice(common) if rng.random() < 0.4 else _paragraph(rng) for _ in range(rng.randint(5, 25))]
        if n % 30 == 7:  # a rare word beside the best-scoring passages: a NOT of it excludes the top candidates
            paragraphs.append("集成电路集成电路集成电路光伏")
        (root / "docs" / f"r{n:02d}.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    ingest([root / "docs"], root / "index", workers=1)
    with open_index(root / "index") as ix:
        yield ix


def test_bound_among_reprinted_paragraphs(reprinted, monkeypatch):
    texts = ["集成电路", "集成电路 -封装", "集成电路 -光伏", "集成电路 -光伏 -第7号", "集成电路 -(-芯片)", "集成电路 OR 高质量发展",
             '"电路产业" OR 新质生产力', "集成电路 芯片", "集成电路 芯片 -封装", "集成电路 产业 -(-芯片)", "集成电路 OR NOT 芯片"]
    cases = [(t, f, limit, False) for t in texts for f in (None, Filters(year="2020-2030")) for limit in (1, 3, 10, 40)]
    proved, tried = _compare(reprinted, monkeypatch, cases)
    assert proved > tried * 0.6, (proved, tried)


@pytest.mark.parametrize("text, union", [("集成电路", True), ("集成电路 OR 芯片设计", True), ("集成电路 -芯片", True),
                                         ("集成电路 -芯片 -(-(-封装))", True), ("集成电路 -(-封装)", False), ("(集成电路 OR 芯片) -封装", True),
                                         ("集成电路 芯片", False), ("(集成电路 OR 芯片) 封装", False), ("集成电路 OR NOT 芯片", False), ("-芯片", False)])
def test_bound_shapes(generated, text, union):
    """A term or an OR of terms, with NOTs beside it, is bounded by one union of term queries (block-max WAND)."""
    from icpolicy.engine.filters import plan_query

    _, tree, terms = plan_query(text, None, "score", "passage", False, False)
    assert (bound.Bound(generated).union(tree, terms) is not None) == union
    assert bound._anchored(tree) == (text != "集成电路 OR NOT 芯片" and text != "-芯片")


@pytest.mark.parametrize("text, paired", [("集成电路 芯片", True), ("集成电路 芯片 -封装", True), ("集成电路 -(-芯片)", True),
                                          ("(集成电路 OR 芯片) 封装", False), ("集成电路", False), ("集成电路 -芯片", False)])
def test_bound_pairs_each_term_of_an_and_with_its_words(generated, text, paired):
    """An AND of terms: each term's bound carries its own whole-word clauses (a NOT NOT term none)."""
    from icpolicy.engine.filters import plan_query

    _, tree, terms = plan_query(text, None, "score", "passage", False, False)
    found = bound.Bound(generated).paired(tree, terms)
    assert (found is not None) == paired
    if paired:
        assert repr(found).count('"集成电路"') == 1  # its words clause, once, beside its own bound (bigrams stand for the phrase)


def test_bound_leaves_out_a_not_of_few_passages(reprinted):
    """A NOT that may match at most `few` passages is left out of the union (WAND kept); one of more is a must-not clause."""
    from icpolicy.engine.filters import plan_query

    _, tree, terms = plan_query("集成电路 -光伏", None, "score", "passage", False, False)
    b = bound.Bound(reprinted)
    assert b.matches(tree.items[1].item) == 2
    assert "MustNot" not in repr(b.union(tree, terms, few=2)) and "MustNot" in repr(b.union(tree, terms, few=1))


def test_bound_gives_up_before_verifying_when_every_candidate_ties(reprinted, monkeypatch):
    """Fetched candidates all tied with the limit-th: one left out may score as much, so the full
    query answers, without a verification first (the hits are the same)."""
    from icpolicy.engine.filters import plan_query

    monkeypatch.setattr(bound, "MIN_PASSAGES", 0)
    monkeypatch.setattr(bound, "MIN_MATCHES", 0)
    monkeypatch.setattr(bound, "FETCH", 1)
    _, tree, terms = plan_query("集成电路", None, "score", "passage", False, False)
    verified = []
    monkeypatch.setattr(bound, "_verify", lambda *args: verified.append(args) or [])
    assert bound.top(reprinted, tree, terms, [], 3) is None and not verified
    monkeypatch.undo()
    monkeypatch.setattr(bound, "MIN_PASSAGES", 0)
    monkeypatch.setattr(bound, "MIN_MATCHES", 0)
    monkeypatch.setattr(bound, "FETCH", 1)
    forced = _top(reprinted, "集成电路", None, 3)
    monkeypatch.setattr(bound, "MIN_PASSAGES", 10**12)
    assert forced == _top(reprinted, "集成电路", None, 3)

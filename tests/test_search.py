"""The engine through the Python API: the substring guarantee, filters, facets, re-ingest."""

import random
import shutil
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from icpolicy.errors import UsageError
from icpolicy.pipeline.ingest import ingest
from icpolicy.text.normalize import TAIL, normalise
from icpolicy.engine.search import Filters, open_index

from .conftest import SEEDS


def _all_passages(engine):
    """(doc_id, passage) -> (normalised text, normalised text + start of the next passage)."""
    doc_ids = {h.doc_id for h in engine.search("-qqqqqqqq", limit=None).hits}
    out = {}
    for doc_id in sorted(doc_ids):
        _, passages = engine.document(doc_id)
        norms = [normalise(p["text"]) for p in passages]
        for k, p in enumerate(passages):
            following = norms[k + 1][:TAIL] if k + 1 < len(norms) else ""
            out[(doc_id, p["passage"])] = (norms[k], norms[k] + following)
    return out


def _occurs(term, own, joined):
    """The spec: the normalised term starts inside the passage (it may run on into the next one)."""
    term = normalise(term)
    start = joined.find(term)
    return start != -1 and start < len(own)


def _expected(passages, *terms):
    return {key for key, (own, joined) in passages.items() if all(_occurs(t, own, joined) for t in terms)}


def test_every_passage_containing_the_term_is_found(seed_engine):
    passages = _all_passages(seed_engine)
    assert len(passages) > 200
    rng = random.Random(7)
    texts = [own for own, _ in passages.values()]
    probes = ["电路", "先进封装", "5G", "ＥＤＡ", "eda", "第三代", "集成电路产业", "芯", "亿元", "2025", "%"]
    for _ in range(150):  # random substrings of random passages, as a grep user would type them
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        probes.append(text[start : start + rng.randint(1, 8)])
    for probe in probes:
        if not normalise(probe) or any(ch in probe for ch in '"“”()（）') or probe.strip().startswith(("-", "－")) or probe.strip() in ("OR", "AND", "NOT"):
            continue
        found = {(h.doc_id, h.passage) for h in seed_engine.search(f'"{probe}"', limit=None).hits}
        assert found == _expected(passages, probe), probe


def test_a_term_across_a_passage_boundary_is_found_where_it_starts(seed_engine):
    passages = _all_passages(seed_engine)
    crossing = [(key, own, joined) for key, (own, joined) in passages.items() if len(joined) > len(own) + 4]
    assert crossing
    for key, own, joined in crossing[:40]:
        probe = joined[len(own) - 3 : len(own) + 3]
        if any(q in probe for q in '"“”'):
            continue  # quote characters delimit phrases in the query language
        found = {(h.doc_id, h.passage) for h in seed_engine.search(f'"{probe}"', limit=None).hits}
        assert key in found and found == _expected(passages, probe), probe


def test_terms_and_together(seed_engine):
    passages = _all_passages(seed_engine)
    found = {(h.doc_id, h.passage) for h in seed_engine.search("集成电路 封测", limit=None).hits}
    assert found == _expected(passages, "集成电路", "封测") and found


def test_or_and_not(seed_engine):
    passages = _all_passages(seed_engine)
    either = {(h.doc_id, h.passage) for h in seed_engine.search("碳化硅 OR 氮化镓", limit=None).hits}
    assert either == _expected(passages, "碳化硅") | _expected(passages, "氮化镓")
    without = {(h.doc_id, h.passage) for h in seed_engine.search("集成电路 -上海", limit=None).hits}
    assert without == _expected(passages, "集成电路") - _expected(passages, "上海")


def test_highlights_slice_to_the_terms(seed_engine):
    for hit in seed_engine.search("集成电路 先进封装", limit=None).hits:
        assert hit.highlights
        for start, end in hit.highlights:
            piece = normalise(hit.text[start:end])
            assert "集成电路" in piece or "先进封装" in piece
        assert hit.matched == ["集成电路", "先进封装"]


def test_region_filter_includes_everything_below(seed_engine):
    jiangsu = seed_engine.search("集成电路", Filters(regions=["江苏"]), limit=None)
    places = {tuple(h.region_path) for h in jiangsu.hits}
    assert ("江苏省", "无锡市") in places and ("江苏省", "苏州市", "昆山市") in places
    assert all(p[0] == "江苏省" for p in places)
    shanghai = seed_engine.search("集成电路", Filters(regions=["上海"]), limit=None)
    assert ("上海市", "青浦区") in {tuple(h.region_path) for h in shanghai.hits}
    qingpu = seed_engine.search("集成电路", Filters(regions=["青浦"]), limit=None)
    assert qingpu.total and all(h.region_path == ["上海市", "青浦区"] for h in qingpu.hits)
    both = seed_engine.search("集成电路", Filters(regions=["青浦", "昆山"]), limit=None)
    assert {h.region for h in both.hits} == {"青浦区", "昆山市"}


def test_year_filter_matches_any_overlap(seed_engine):
    plan = seed_engine.search("一中四方", Filters(year="2024"), limit=None)
    # the plan period, plus the years the passage itself states (its history: 2017年…, 2019年…)
    assert plan.total == 1 and {2023, 2024, 2025} <= set(plan.hits[0].years)
    assert seed_engine.search("一中四方", Filters(year="2026-"), limit=None).total == 0
    since = seed_engine.search("集成电路", Filters(year="2025-"), limit=None)
    assert all(max(h.years) >= 2025 for h in since.hits)
    with pytest.raises(UsageError):
        seed_engine.search("集成电路", Filters(year="2025-2020"))


def test_segment_filter_by_slug_or_label(seed_engine):
    by_slug = seed_engine.search("集成电路", Filters(segments=["packaging"]), limit=None)
    by_label = seed_engine.search("集成电路", Filters(segments=["封装测试"]), limit=None)
    assert by_slug.total == by_label.total > 0
    assert all("packaging" in h.segments for h in by_slug.hits)
    with pytest.raises(UsageError, match="known segments"):
        seed_engine.search("集成电路", Filters(segments=["nonsense"]))


def test_inline_filters_equal_the_options(seed_engine):
    inline = seed_engine.search("集成电路 region:江苏 year:2025", limit=None)
    flags = seed_engine.search("集成电路", Filters(regions=["江苏"], year="2025"), limit=None)
    assert [(h.doc_id, h.passage) for h in inline.hits] == [(h.doc_id, h.passage) for h in flags.hits]


def test_facets_count_every_match(seed_engine):
    result = seed_engine.search("集成电路", limit=3)
    assert len(result.hits) == 3 and result.total > 3
    assert sum(result.by_type.values()) == result.total
    assert result.by_province["江苏省"] >= 1 and result.documents == 5


def test_sort_by_year(seed_engine):
    hits = seed_engine.search("集成电路", limit=None, sort="year").hits
    newest = [max(h.years) for h in hits]
    assert newest == sorted(newest, reverse=True)


def test_reingest_replaces_and_unchanged_files_are_cheap(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "plan.txt"
    doc.write_text("昆山市半导体产业2025年工作方案\n发挥我市在先进封装技术的领先地位。\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    assert len(ingest([folder], index_dir, workers=1).indexed) == 1
    again = ingest([folder], index_dir, workers=1)
    assert again.indexed == [] and again.unchanged == [str(doc)]
    doc.write_text("昆山市半导体产业2025年工作方案\n加快发展第三代半导体。\n", encoding="utf-8")
    assert len(ingest([folder], index_dir, workers=1).indexed) == 1
    with open_index(index_dir) as ix:
        assert ix.search("先进封装").total == 0
        assert ix.search("第三代半导体").total == 1
        assert ix.search("工作方案").total == 1  # no duplicate passages


def test_duplicate_content_is_indexed_once(tmp_path):
    folder = tmp_path / "docs"
    (folder / "copy").mkdir(parents=True)
    shutil.copy(SEEDS / "004_c51259edd6b9e7c6.txt", folder / "kunshan.txt")
    shutil.copy(SEEDS / "004_c51259edd6b9e7c6.txt", folder / "copy" / "kunshan-again.txt")
    report = ingest([folder], tmp_path / "index", workers=1)
    assert len(report.indexed) == 1 and len(report.duplicates) == 1
    with open_index(tmp_path / "index") as ix:
        assert ix.search("旅度区重点发展传感器").total == 1


def test_a_file_edited_into_a_copy_of_another_loses_its_old_passages(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("甲文件：支持先进封装。", encoding="utf-8")
    (folder / "b.txt").write_text("乙文件：支持第三代半导体。", encoding="utf-8")
    ingest([folder], tmp_path / "index", workers=1)
    shutil.copy(folder / "b.txt", folder / "a.txt")
    report = ingest([folder], tmp_path / "index", workers=1)
    assert [Path(p).name for p, _ in report.duplicates] == ["a.txt"]
    with open_index(tmp_path / "index") as ix:
        assert ix.search("甲文件").total == 0
        assert ix.search("乙文件").total == 1


def test_one_bad_file_never_stops_an_ingest(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("支持先进封装。", encoding="utf-8")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "~$lock.docx").write_bytes(b"lock")
    report = ingest([folder], tmp_path / "index", workers=2)
    assert [s.path.rsplit("/", 1)[-1] for s in report.skipped] == ["bad.pdf", "empty.md"]
    assert "corrupt PDF" in report.skipped[0].reason and "empty" in report.skipped[1].reason
    assert len(report.indexed) == 1


def test_a_term_that_is_a_whole_word_ranks_above_the_same_term_inside_a_longer_word(tmp_path):
    """The whole-word boost: 电路 as a word of its own (新型电路) before 电路 inside 集成电路,
    in passages that BM25 of the phrase alone cannot tell apart (same length, one occurrence each)."""
    import json

    from .clirun import icpolicy

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        (docs / f"a{n}.txt").write_text(f"第{n}号通知\n各地加快集成电路产业发展。\n", encoding="utf-8")
    (docs / "z.txt").write_text("第9号通知\n各地加快新型电路产业发展。\n", encoding="utf-8")  # read last: first by address
    ingest([docs], tmp_path / "index", workers=1)
    for limit in ("1", "10"):
        proc = icpolicy("search", "电路", "-f", "json", "--limit", limit, "--index", tmp_path / "index", home=tmp_path)
        hits = json.loads(proc.out)["hits"]
        assert hits[0]["text"] == "各地加快新型电路产业发展。", hits
    assert len(hits) == 7 and len({h["score"] for h in hits[1:]}) == 1 and hits[0]["score"] > hits[1]["score"]


def test_a_hit_built_the_fast_way_is_the_hit_its_constructor_builds():
    from icpolicy.engine.results import hit_from, new_hit
    from icpolicy.models import Hit

    fields = dict(doc_id="d1", title="关于集成电路的通知", source="/x/a.txt", doc_type="通知", region="苏州市", region_path=["江苏省", "苏州市"],
                  years=[2024, 2025], segments=["design"], passage=3, text="集成电路设计", highlights=[(0, 4)], score=1.25,
                  doc_number="苏政发〔2024〕1号", issuer="江苏省人民政府", issued="2024-03-05", matched=["集成电路"],
                  zone="苏州工业园区", stored_targets="", plain=True)
    assert list(fields) == list(Hit.FIELDS)
    fast, slow = new_hit(**fields), Hit(**fields)
    assert fast == slow and repr(fast) == repr(slow) and fast.as_dict() == slow.as_dict()
    assert vars(fast) == vars(slow)  # every field set, nothing else
    given = dict(fields)
    assert hit_from(given) == slow and vars(hit_from(dict(fields))) == vars(slow) and repr(hit_from(dict(fields))) == repr(slow)
    with pytest.raises(AttributeError):
        fast.title = "changed"
    assert fast.title == "关于集成电路的通知"


def test_a_passage_read_the_fast_way_is_the_one_its_constructor_builds():
    from types import SimpleNamespace

    from icpolicy.engine.results import Loaded
    from icpolicy.engine.schema import record
    from icpolicy.models import Passage, Region

    passage = Passage(4, "苏州工业园区集成电路设计", Region(("江苏省", "苏州市", "苏州工业园区")), (2025, 2024), ("design",))
    doc = SimpleNamespace(get_first=lambda name: record("d9", passage, "产业", True, "") if name == "record" else None)
    fast = Loaded.from_doc(doc, SimpleNamespace(segment_ord=1, doc=7), 2.5)
    slow = Loaded((1, 7), 2.5, "d9", 4, "苏州工业园区集成电路设计", "产业", ["江苏省", "江苏省/苏州市", "江苏省/苏州市/苏州工业园区"], [2024, 2025],
                  ["design"], True, "")
    assert fast == slow and vars(fast) == vars(slow) and list(vars(fast)) == list(Loaded.FIELDS)
    assert fast.region_path == ["江苏省", "苏州市", "苏州工业园区"]


def test_the_hit_maker_sets_every_field_of_a_hit():
    """HitMaker builds hits as one dict (results.hit_from): a field added to Hit must be in it."""
    from icpolicy.engine.query import Term
    from icpolicy.engine.results import HitMaker, Loaded
    from icpolicy.models import Hit

    facts = {"title": "通知", "source": "/x/a.txt", "doc_type": "通知", "doc_number": "", "issuer": "", "issued": ""}
    names = set(Hit.FIELDS)
    for plain in (True, False):
        passage = Loaded((0, 1), 1.5, "d1", 0, "推进集成电路设计", "", ["江苏省", "江苏省/苏州市"], [2024], ["design"], plain, None)
        hit = HitMaker([Term("集成电路", "集成电路")])(passage, facts)
        assert set(vars(hit)) == names and hit.highlights == [(2, 6)] and hit.matched == ["集成电路"]


def test_a_hit_built_from_its_stored_record_is_the_one_built_from_the_read_passage():
    """The fast path (HitMaker.from_record) against the hit of the Loaded passage, for a zone's
    path, several years, a tail, stored and unstored quantities, plain or not."""
    from types import SimpleNamespace

    from icpolicy.engine.query import Term, parse
    from icpolicy.engine.results import HitMaker, Loaded
    from icpolicy.engine.schema import record
    from icpolicy.models import Passage, Region

    facts = {"title": "通知", "source": "/x/a.txt", "doc_type": "通知", "doc_number": "苏政发〔2024〕1号", "issuer": "", "issued": ""}
    regions = [(), ("江苏省",), ("江苏省", "苏州市", "苏州工业园区")]
    for path, years, plain, quantities, text, tail in [(regions[2], (2025, 2024), True, "", "苏州工业园区集成电路设计", "集成电路"),
                                                       (regions[1], (), False, None, "積體電路 ＡＳＩＣ 集成电", "路产业"),
                                                       (regions[0], (2020,), True, "x", "集成电路", "")]:
        passage = Passage(4, text, Region(path), years, ("design",))
        value = record("d9", passage, tail, plain, quantities)
        loaded = Loaded.from_doc(SimpleNamespace(get_first=lambda name: value), SimpleNamespace(segment_ord=0, doc=3), 1.25)
        for query in ("集成电路", "集成电路 OR ASIC", "电路 -光伏"):
            terms = parse(query).positive_terms()
            maker = HitMaker(terms)
            assert maker.from_record(value, 1.25, lambda doc_id: facts) == maker(loaded, facts)
        assert HitMaker([Term("集成电路", "集成电路")]).from_record(value, 1.25, lambda doc_id: facts).region_path == list(path[:2])


@hypothesis.given(st.text(alphabet="产业产业链", max_size=30), st.sampled_from(["产", "产业", "业产", "产产", "产业产", "链"]), st.integers(0, 30))
def test_the_one_pass_spans_are_the_merged_occurrences(joined, needle, size):
    """A plain passage's spans for one needle (results.HitMaker's common case)."""
    from icpolicy.engine.results import _merged_starts_in, _starts_in
    from icpolicy.text.normalize import merge_spans

    assert _merged_starts_in(joined, needle, size) == merge_spans(_starts_in(joined, needle, size))

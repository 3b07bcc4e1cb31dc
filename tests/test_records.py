"""Records (records.py): named tuples that behave as the frozen dataclasses they replace."""

from __future__ import annotations

import pickle

import pytest

from icpolicy.engine.filters import Filters
from icpolicy.engine.query import And, Not, Or, ParsedQuery, Term, parse
from icpolicy.models import Document, DocMeta, Passage, Region


def test_a_record_equals_only_records_of_its_own_class():
    a, b = Term("集成电路", "集成电路"), Term("芯片", "芯片")
    assert And((a, b)) != Or((a, b)) and Or((a, b)) != (((a, b),))
    assert And((a, b)) == And((a, b)) and hash(And((a, b))) == hash(And((a, b)))
    assert Not(a) != Not(b) and Region(("江苏省",)) != (("江苏省",),)
    assert {And((a, b)): 1, Or((a, b)): 2} == {Or((a, b)): 2, And((a, b)): 1}  # two keys, not one
    assert len({And((a, b)), Or((a, b))}) == 2


def test_a_record_is_frozen_and_replaced_field_by_field():
    meta = DocMeta(title="关于推进集成电路产业发展的通知", region=Region(("江苏省", "苏州市")), years=(2024,))
    with pytest.raises(AttributeError):
        meta.title = "changed"
    moved = meta._replace(region=Region(("江苏省",)))
    assert moved.region.name == "江苏省" and moved.title == meta.title and meta.region.name == "苏州市"


def test_defaults_are_fresh_for_each_record():
    one, two = Filters(), Filters()
    assert one == two and one.regions == [] and one.regions is not two.regions
    assert ParsedQuery(None).filters == {} and ParsedQuery(None).filters is not ParsedQuery(None).filters
    assert Filters(["江苏"]).merged({"year": ["2025"]}) == Filters(["江苏"], "2025")


def test_a_document_crosses_a_process_boundary_unchanged():
    """Workers send documents to the writer by pickle."""
    passage = Passage(3, "苏州工业园区集成电路设计", Region(("江苏省", "苏州市", "苏州工业园区")), (2024, 2025), ("design",))
    doc = Document("d1", "/x/a.txt", "ab12", DocMeta(title="通知", region=passage.region), (passage,), 1.5, 10)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and type(back.passages[0].region) is Region and back.meta.region.name == "苏州工业园区"


def test_a_parsed_query_keeps_the_tree_and_the_inline_filters():
    parsed = parse("集成电路 (先进封装 OR 芯片) NOT 设计 region:江苏")
    assert parsed.filters == {"region": ["江苏"]}
    assert isinstance(parsed.tree, And) and isinstance(parsed.tree.items[1], Or) and isinstance(parsed.tree.items[2], Not)
    assert [t.text for t in parsed.positive_terms()] == ["集成电路", "先进封装", "芯片"]

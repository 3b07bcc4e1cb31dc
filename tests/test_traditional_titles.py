"""A document written in traditional characters gets the type and title its simplified twin gets:
the type and title rules are written in simplified characters."""

from __future__ import annotations

import pytest

from icpolicy.meta.document import describe
from icpolicy.text import clean, passages
from icpolicy.text.normalize import t2s_table

TEXTS = [
    "新竹縣半導體產業2025年行動方案\n\n為加快晶圓製造與封裝測試產業發展，制定本方案。\n一、發展目標。到2025年產值達到三千億元。\n",
    "臺中市精密機械產業發展綱要\n\n本綱要所稱精密機械，包括工具機與零組件。\n一、推動智慧製造。\n",
    "關於支持積體電路設計企業發展的若干措施\n\n為支持設計企業做大做強，制定以下措施。\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_traditional_and_simplified_read_alike(text):
    simplified = text.translate(t2s_table())

    def facts(body: str):
        meta, _ = describe("", passages.split(clean.clean(body)), "doc")
        return meta.doc_type, meta.title.translate(t2s_table())

    assert facts(text) == facts(simplified) and facts(simplified)[0]

"""The shortcuts ingest takes answer as the long way does: a date line, a place lookup asked twice,
a plausibility check asked twice."""

from __future__ import annotations

import pytest

from icpolicy.meta import dates, regions
from icpolicy.readers import encoding


@pytest.mark.parametrize("line, iso", [
    ("2024年3月5日", "2024-03-05"),
    ("（２０２４年３月５日）", "2024-03-05"),  # full-width digits in brackets
    ("2024 年 3 月 5 日", "2024-03-05"),
    ("2024\u3000年\u00a03月5日", "2024-03-05"),
    ("二〇二四年三月五日", "2024-03-05"),
    ("二○二三年十二月二十一日", "2023-12-21"),
    ("2023-11-02", "2023-11-02"),
    ("2023．11．02", ""),  # a full-width full stop is no separator of a numeric date, before and after
    ("(2022/1/9)", "2022-01-09"),
    ("2024年3月5日印发", ""),
    ("市人民政府 2024年3月5日", ""),
    ("2024年13月5日", ""),
    ("", ""),
])
def test_line_date(line, iso):
    assert dates.line_date(line) == iso


def test_place_lookup_asked_twice_gives_a_fresh_list():
    gaz = regions.gazetteer()
    first = gaz.find("支持无锡、苏州建设集成电路产业集群")
    first.append("changed by a caller")
    again = gaz.find("支持无锡、苏州建设集成电路产业集群")
    assert [m.text for m in again] == ["无锡", "苏州"]
    assert [m.text for m in gaz.find("合肥高新区")] == ["合肥高新区"]


def test_plausible_asked_twice_answers_alike():
    good = "推动集成电路产业高质量发展，加快建设先进封装测试基地。" * 50
    bad = "".join(chr(0xE000 + k) for k in range(400))  # private-use characters only
    for _ in range(2):
        assert encoding.plausible(good)
        assert not encoding.plausible(bad)
        assert encoding.plausible("")

"""A ministry's name before 门 is a local department (商务部门, 财政部门, 工业和信息化部门), not the
ministry: a local news item that names one is not the whole country's."""

from __future__ import annotations

import pytest

from icpolicy.meta import regions
from tests.conftest import ingest_docs, jsonl


@pytest.mark.parametrize("text, national", [
    ("记者从市商务部门了解到", False),
    ("各级财政部门要加强资金监管", False),
    ("区工业和信息化部门牵头", False),
    ("人力资源和社会保障部门负责认定", False),
    ("商务部等部门联合印发", True),
    ("财政部、工业和信息化部联合发文", True),
    ("经国务院同意", True),
])
def test_a_department_is_not_the_ministry(text, national):
    gaz = regions.gazetteer()
    assert gaz.is_national(text) is national
    assert gaz.opens_national(text) is (national and not text.startswith("经"))


def test_a_local_news_item_naming_its_commerce_department(tmp_path):
    index = ingest_docs(tmp_path, {"jx.txt": "跨境电商出口保持快速增长\n\n本报讯 记者从嘉兴市商务部门获悉，今年前三季度全市跨境电商出口额同比增长两成，"
                                             "海外仓数量达到四十个。\n财政部门将对新设海外仓给予一次性补助。\n"})
    assert jsonl("docs", "--index", index)[0]["region_path"] == ["浙江省", "嘉兴市"]

"""A letterhead and the 发文字号 printed on one line: the number is the number alone, the body is the issuer."""

from __future__ import annotations

import pytest

from icpolicy.meta import facts
from tests.conftest import ingest_docs, jsonl


@pytest.mark.parametrize("line, number, body", [
    ("无锡市人民政府文件  锡政发〔2025〕12号", "锡政发〔2025〕12号", "无锡市人民政府"),
    ("漳州市人民政府办公室文件\u3000漳政办〔2024〕41号", "漳政办〔2024〕41号", "漳州市人民政府办公室"),
    ("中共铜陵市委文件铜发〔2023〕5号", "铜发〔2023〕5号", "中共铜陵市委"),
])
def test_letterhead_and_number_on_one_line(line, number, body):
    opening = [line, "关于推进功率半导体封装测试产业集聚发展的意见", "各县区人民政府："]
    assert facts.doc_number("", opening, [], {}) == number
    assert facts.issuer("", opening, [], {}) == body


@pytest.mark.parametrize("line, number", [
    ("锡政发〔2025〕12号", "锡政发〔2025〕12号"),  # the number alone, as before
    ("工信厅电子函〔2026〕37号", "工信厅电子函〔2026〕37号"),  # an organ's short name opens many numbers
])
def test_a_number_alone_is_kept_whole(line, number):
    assert facts.doc_number("", [line, "关于开展集成电路设计企业认定工作的通知"], [], {}) == number


def test_letterhead_line_through_the_cli(tmp_path):
    index = ingest_docs(tmp_path, {"ls.txt": "丽水市人民政府文件　丽政发〔2025〕8号\n关于支持半导体材料产业发展的若干意见\n各县（市、区）人民政府：\n"
                                             "为加快培育电子特气和湿化学品企业，提出如下意见。\n丽水市人民政府\n2025年3月2日\n"})
    record = jsonl("docs", "--index", index)[0]
    assert (record["doc_number"], record["issuer"], record["region_path"]) == ("丽政发〔2025〕8号", "丽水市人民政府", ["浙江省", "丽水市"])

"""Document facts, session 28 (found by h-blind28d on two PDFs).

- an issuer's name run into its 文号 on one line (`中卫市人民政府办公室 卫政办发〔2023〕41号`, the space gone in
  cleaning) made the 文号 `市人民政府办公室卫政办发〔2023〕41号`; now the run-in name is cut off (facts._without_issuer).
- a signature on one line, the body's name and its date (`杭州市西湖区科学技术局　2025年3月3日`), gave no issuer;
  now it does, as a name on the line above a date line did.
Through the CLI, on texts written here in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

_PLAN = """固原市数据中心产业发展三年行动方案（2024—2026年）

固原市人民政府办公室 固政办发〔2024〕17号 2024年4月8日

一、发展目标。到2026年，全市标准机架达到五万架。

二、重点任务。支持原州区建设绿色算力产业园。
"""

_OPINION = """关于加快低空经济发展的实施意见

各镇街、区直各单位：

为推动我区低空经济集聚发展，制定本实施意见。

一、支持企业建设无人机测试场，对建成投用的给予一次性补助一百万元。

温州市鹿城区发展和改革局　2025年3月3日
"""


def test_an_issuer_run_into_its_number_is_no_part_of_it(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": _PLAN})
    assert jsonl("docs", "--index", index)[0]["doc_number"] == "固政办发〔2024〕17号"


def test_a_signature_of_name_and_date_on_one_line_is_the_issuer(tmp_path):
    index = ingest_docs(tmp_path, {"opinion.txt": _OPINION})
    found = jsonl("docs", "--index", index)[0]
    assert found["issuer"] == "温州市鹿城区发展和改革局" and found["issued"] == "2025-03-03"

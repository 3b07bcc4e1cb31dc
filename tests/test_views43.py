"""Analyst views, session 43 (h-user43 6), through the CLI.

`changes` for a year no document of the type speaks for named the other documents by their last year alone (`years
with one: 2027` for a 2025—2027 plan, which `--from 2025` picks as well): it names each by the years it speaks for.
"""

from __future__ import annotations

from tests.conftest import cli, ingest_docs

PLAN = """无锡市集成电路产业强链行动方案（2025—2027年）

无锡市人民政府办公室　2025年3月3日

到2027年，全市集成电路产业营业收入突破三千亿元。
"""


def test_changes_names_the_years_each_document_speaks_for(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": PLAN})
    done = cli("changes", "--region", "无锡", "--type", "行动方案", "--from", "2024", "--to", "2025", "--index", index)
    assert done.returncode != 0 and "years with one: 2025–2027" in done.stderr, done.stderr

"""The search form folds every dash (Unicode's dash punctuation, the minus, tildes and the swung dash) to "-",
and simplifies the traditional ideographs beyond the Basic Multilingual Plane too (OpenCC's t2s, 𡻕 -> 岁): a
range written 2026⁓2028年 or 2027〰2029年, and a 𡻕, were missed by what a user types."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

_DOC = ("宿州市2026年算力产业工作要点\n\n全市算力中心建设实施期为2026⁓2028年，分两批推进。\n\n"
        "数据标注基地培育期为2027〰2029年，优先吸纳年满五十𡻕以上的转岗职工。\n\n"
        "绿色数据中心改造周期为2026゠2027年。\n")


def test_rare_dashes_and_ideographs_fold_as_the_readme_says(tmp_path):
    index = ingest_docs(tmp_path, {"sz.txt": _DOC})
    for typed, passage_part in (("2026-2028年", "2026⁓2028年"), ("2027-2029年", "2027〰2029年"), ("2026—2027年", "2026゠2027年"),
                                ("五十岁以上", "五十𡻕以上")):
        hits = jsonl("search", typed, "--index", index)
        assert len(hits) == 1 and passage_part in hits[0]["text"], (typed, hits)
        shown = [hits[0]["text"][a:b] for a, b in hits[0]["highlights"]]
        assert passage_part in shown, (typed, shown)
    excluded = cli("search", "算力中心 NOT 2026-2028", "--index", index, "-f", "jsonl")
    assert excluded.returncode == 1 and excluded.stdout == "", excluded.stdout

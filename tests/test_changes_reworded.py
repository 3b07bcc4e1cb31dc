"""A figure restated next year in other words is shown as changed when its metric is stated once on
each side (views/align.py: the only left-over statement of a metric of four characters or more),
and is left as removed + added when the metric is stated twice, so no pair is guessed."""

from __future__ import annotations

from icpolicy.views import align as A
from tests.clirun import changes_of

REPORT = """# {year}年宣城市人民政府工作报告

宣城市人民政府

{year}年1月12日

一、过去一年工作回顾

{body}

坚持稳中求进工作总基调，扎实做好各项工作。
"""


def _sentences(texts: list[str], doc: str) -> list[dict]:
    return [{"doc_id": doc, "passage": k, "sentence": 0, "text": t} for k, t in enumerate(texts)]


def test_a_reworded_figure_stated_once_on_each_side_is_one_sentence_changed(tmp_path):
    payload = changes_of(tmp_path, {
        2023: REPORT.format(year=2023, body="文旅融合步伐加快，景区游客量稳步回升，全市文化旅游收入完成312.5亿元。"),
        2024: REPORT.format(year=2024, body="以节会为媒推介山水人文资源，各地民宿集群次第开业，文化旅游收入达到356亿元，创近年新高。"),
    }, "宣城")
    pair = next(row for row in payload["changed"] if "文化旅游收入" in row["from"]["text"])
    assert "356亿元" in pair["to"]["text"]
    assert pair["similarity"] < A.MOVED_FLOOR  # worded too differently for the similarity alone
    assert [(m["metric"], m["from"], m["to"]) for m in pair["moved"]] == [("文化旅游收入", 312.5, 356)]
    assert not any("文化旅游收入" in row["text"] for row in payload["removed"] + payload["added"])


def test_a_metric_stated_twice_on_one_side_pairs_nothing_below_the_floor():
    old = _sentences(["文旅融合步伐加快，全市文化旅游收入完成312.5亿元。", "乡村旅游持续升温，全年接待游客1200万人次，文化旅游收入完成41亿元。"], "a")
    new = _sentences(["以节会为媒推介山水人文资源，各地民宿集群次第开业，文化旅游收入达到356亿元，创近年新高。"], "b")
    pairs, added, removed = A.pair_moved_targets(old, new, 2023, 2024)
    assert all(score >= A.MOVED_FLOOR for _, _, score in pairs)
    once = A.pair_moved_targets(old[:1], new, 2023, 2024)[0]
    assert [(a["text"][:4], b["text"][:4]) for a, b, _ in once] == [("文旅融合", "以节会为")]

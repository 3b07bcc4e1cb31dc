"""The year `icpolicy targets` gives a figure with no year of its own (target_store.figure_year): its document's,
not the newest year its passage names; for a document of several years, a plan's last, another's first.
Documents of our own, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

DOCS = {
    "2023年江澜市政府工作报告.txt": "2023年江澜市政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n\n"
    "今年全市新建5G基站3000个，培育专精特新企业40家。到2025年，全市数字经济核心产业增加值达到900亿元。\n",
    "江澜市先进封装产业发展行动方案.txt": "江澜市先进封装产业发展行动方案\n\n（2024年3月8日江澜市人民政府办公室印发）\n\n一、总体目标\n\n"
    "到2026年，全市先进封装产业规模突破500亿元。\n\n二、重点任务\n\n新建先进封装产线4条，引进封测企业12家。\n",
    "江澜市支持封装测试产业发展的若干政策.txt": "江澜市支持封装测试产业发展的若干政策\n\n（2025年2月20日江澜市人民政府印发）\n\n"
    "第一条　为加快封装测试产业发展，到2027年，全市封测产业营业收入突破300亿元，制定本政策。\n\n"
    "第二条　对新建封测产线的企业，按设备投资额的10%给予补助，单个企业最高500万元。\n",
}


def _run(*args) -> str:
    proc = subprocess.run([sys.executable, "-m", "icpolicy", *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_uncued_figures_take_their_documents_year(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index"
    _run("ingest", str(docs), "--index", str(index), "-q")
    rows = [json.loads(line) for line in _run("targets", "--all", "-f", "jsonl", "--index", str(index)).splitlines()]
    year = {(r["value"], r["unit"]): r["year"] for r in rows}
    # a 2023 report's passage that names 2025: its 今年 and its uncued figures are 2023's, 到2025年's figure 2025's
    assert (year[(3000, "个")], year[(40, "家")], year[(900, "亿元")]) == (2023, 2023, 2025)
    # a plan of 2024-2026 (到2026年 up front): its tasks are for its end
    assert (year[(4, "条")], year[(12, "家")]) == (2026, 2026)
    # a policy of 2025-2027: its provisions hold from the year it was issued; its 到2027年 goal is 2027's
    assert (year[(10, "%")], year[(500, "万元")], year[(300, "亿元")]) == (2025, 2025, 2027)


def test_the_year_of_a_document_of_several_years():
    from icpolicy.meta.target_store import figure_year

    assert figure_year((2024, 2025, 2026), "行动方案", (2024, 2025, 2026), "2024-03-08") == 2026  # a plan: its end
    assert figure_year((2025, 2026, 2027), "若干政策", (2025, 2026, 2027), "2025-02-20") == 2025  # a policy: its issue
    # a round-up dated January that also reports the year before: its 今年 is the year it was written in
    assert figure_year((2024, 2025), "新闻综述", (2024, 2025), "2025-01-20") == 2025
    assert figure_year((2024, 2025), "通知", (2024, 2025)) == 2024  # undated: the first
    assert figure_year((), "", (2020, 2021)) == 2021  # no document year: the passage's newest

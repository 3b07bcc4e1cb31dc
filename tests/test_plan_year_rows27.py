"""A plan's yearly targets, by table row or behind a run-in label (session 27, h-blind27a and b).

In a plan of several years, a table row whose first cell is its year (`2025年 | 30万辆 | 新增公共充电桩1万个`) and a
paragraph opening with a label and then its year (`总体目标：到2027年底，…`) spoke for the plan's whole period: the
lead-year rule knew a numbered label (`一、发展目标。到2025年，…`) but not a bare one, nor a year cell.  Now both open
with their year, and speak for it (years.toml [lead]).  Blind: 11 passages of 7 documents; every labelled probe set
unchanged.  Through the CLI, on a .docx written for this test (python-docx)."""

from __future__ import annotations

from tests.conftest import cli, jsonl, make_docx

PARAGRAPHS = ["襄阳市氢燃料电池汽车产业发展行动方案（2025—2027年）",
              "总体目标：到2027年底，全市氢燃料电池汽车推广量达到三千辆，加氢站达到十五座。",
              "各县（市、区）要结合实际细化任务，按年度报送进展。"]
TABLE = [["年份", "推广量", "重点任务"],
         ["2025年", "八百辆", "建成加氢站五座，引进电堆企业两家"],
         ["2026年", "一千八百辆", "开通氢能重卡示范线路三条"],
         ["2027年", "三千辆", "加氢站达到十五座，形成整车配套体系"]]


def test_year_rows_and_a_labelled_target_speak_for_their_year(tmp_path):
    (tmp_path / "docs").mkdir()
    make_docx(tmp_path / "docs" / "hydrogen_plan.docx", PARAGRAPHS, TABLE)
    done = cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    years = lambda phrase: jsonl("search", phrase, "--index", tmp_path / "ix")[0]["years"]  # noqa: E731
    assert years("建成加氢站五座") == [2025]
    assert years("开通氢能重卡示范线路") == [2026]
    assert years("推广量达到三千辆") == [2027]
    assert years("按年度报送进展") == [2025, 2026, 2027]  # no year of its own: the plan's

"""The targets table shows a figure as the text gave it: a bound (增长超15%: ≥15%), a range's two ends (800—1000亿元:
800–1000亿元) and a fraction with its share (1/3: 33.33% (1/3)), not the lower value alone.  Through the CLI."""

import os
import subprocess
import sys

PLAN = """数字经济发展三年行动方案

一、发展目标。到2027年，全市数字经济核心产业增加值年均增长超15%，软件业务收入达到800—1000亿元，数字经济占地区生产总值比重达到1/3。

合肥市人民政府
2025年3月1日
"""


def test_the_table_shows_bounds_ranges_and_fractions_as_written(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    index = tmp_path / "index"
    run = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(tmp_path / "plan.txt"), "--index", str(index)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    env = dict(os.environ, COLUMNS="140")
    shown = subprocess.run([sys.executable, "-m", "icpolicy", "targets", "--index", str(index)], capture_output=True, text=True, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "≥15%" in shown.stdout
    assert "800–1000亿元" in shown.stdout
    assert "33.33% (1/3)" in shown.stdout

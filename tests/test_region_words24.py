"""--region with nothing in it says it is empty, as --type and --year do; a name of the whole country (中国, 我国)
says what to type instead (全国, or no --region).  Exit 2, one line.  Through the CLI."""

import subprocess
import sys


def cli(*args):
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_empty_and_country_regions_say_what_to_type(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于推进集成电路产业发展的通知\n\n支持企业建设十二英寸生产线。\n", encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", docs, "--index", index).returncode == 0
    done = cli("search", "集成电路", "-r", "", "--index", index)
    assert done.returncode == 2 and "--region is empty" in done.stderr
    for name in ("中国", "我国"):
        done = cli("search", "集成电路", "-r", name, "--index", index)
        assert done.returncode == 2 and "全国" in done.stderr and len(done.stderr.strip().splitlines()) == 1

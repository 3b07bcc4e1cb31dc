"""An index is never built inside another icpolicy folder (`ingest --index idx/sub`): the outer index's rebuild and
remove would meet files they did not make.  Refused, exit 2, nothing written; the outer index is untouched.  Through
the CLI."""

import subprocess
import sys


def cli(*args):
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_an_index_inside_an_index_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于推进集成电路产业发展的通知\n\n支持企业建设十二英寸生产线。\n", encoding="utf-8")
    outer = tmp_path / "idx"
    assert cli("ingest", docs, "--index", outer).returncode == 0
    before = sorted(p.name for p in outer.iterdir())
    done = cli("ingest", docs, "--index", outer / "sub")
    assert done.returncode == 2, done.stderr
    assert "inside" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in outer.iterdir()) == before
    assert cli("ingest", "--rebuild", "--index", outer).returncode == 0

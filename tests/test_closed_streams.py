"""A closed stdout (cmd >&-) is a write error (one line, exit 1), not a traceback; a closed stderr
(cmd 2>&-) never changes an exit code."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.clirun import env_for

TEXT = "关于支持芯片设计企业首轮流片的通知\n对首轮流片的设计企业给予补助。\n"


def _run(args, home, close: int):
    def closed():
        os.close(close)

    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], env=env_for(home), preexec_fn=closed,
                          stdout=None if close == 1 else subprocess.PIPE, stderr=None if close == 2 else subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_closed_stdout_and_stderr(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    done = _run(["ingest", docs, "--index", tmp_path / "ix", "-j", "1"], tmp_path, close=2)
    assert done.returncode == 0 and done.stdout == b""
    for fmt in ("table", "csv", "json", "xlsx"):
        done = _run(["search", "首轮流片", "-f", fmt, "--index", tmp_path / "ix"], tmp_path, close=1)
        err = done.stderr.decode()
        assert done.returncode == 1, (fmt, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "stdout" in err, (fmt, err)
    done = _run(["search", "首轮流片", "--index", tmp_path / "ix"], tmp_path, close=1)  # the plain fast path
    assert done.returncode == 1 and "Traceback" not in done.stderr.decode()
    done = _run(["search", "首轮流片", "-f", "csv", "-o", tmp_path / "hits.csv", "--index", tmp_path / "ix"], tmp_path, close=1)
    assert done.returncode == 0 and (tmp_path / "hits.csv").exists()

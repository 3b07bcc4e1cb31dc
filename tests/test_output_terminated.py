"""SIGTERM (timeout, a batch system) while `-o FILE` is being written: exit 143, and neither the file nor
a partial one is left in the user's folder (as with Ctrl-C)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.clirun import env_for, icpolicy


def test_sigterm_while_writing_a_file_leaves_no_partial_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        lines = [f"第{n}组第{k}条：推动集成电路产业发展，支持企业扩大{k}号产线产能。" for k in range(1500)]
        (docs / f"d{n}.txt").write_text(f"关于推动产业发展的通知{n}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path, timeout=600).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    for _attempt in range(5):
        proc = subprocess.Popen([sys.executable, "-m", "icpolicy", "search", "发展", "--all", "-f", "csv", "--index",
                                 str(tmp_path / "ix"), "-o", str(out / "hits.csv")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(tmp_path))
        while proc.poll() is None and not any(p.name.endswith(".part") for p in out.iterdir()):
            time.sleep(0.002)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            _out, err = proc.communicate(timeout=60)
            assert proc.returncode == 143, err
            assert b"Traceback" not in err
            assert list(out.iterdir()) == []
            return
        proc.communicate()
        (out / "hits.csv").unlink()
    raise AssertionError("the search always finished before its partial file was seen")

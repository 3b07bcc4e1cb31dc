"""Run the icpolicy command as users do: a subprocess, with a private per-user data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose per-user folders live under home; no $ICPOLICY_INDEX, no colour set."""
    env = {k: v for k, v in os.environ.items() if k not in ("ICPOLICY_INDEX", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")}
    env.update(XDG_DATA_HOME=str(home / "xdg-data"), HOME=str(home), PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def icpolicy(*args, home: Path, cwd: Path | None = None, env: dict | None = None, timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
    """`python -m icpolicy ARGS...` with bytes out; .out and .err are the decoded streams."""
    proc = subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], cwd=cwd or home, env=env or env_for(home, **extra_env),
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    return proc


def on_terminal(*args, home: Path, stream: str = "stdout", columns: int | None = None, timeout: float = 120, **extra_env: str) -> str:
    """`python -m icpolicy ARGS...` with its stdout (or stderr) on a pseudo-terminal (`columns` wide if given);
    what the terminal got, decoded (POSIX only: callers skip without the pty module)."""
    import pty

    leader, follower = pty.openpty()
    if columns:
        import fcntl
        import struct
        import termios

        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: follower}
    proc = subprocess.Popen([sys.executable, "-m", "icpolicy", *map(str, args)], stdin=subprocess.DEVNULL, **streams,
                            env=env_for(home, **extra_env), cwd=home)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=timeout)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def one_line(done) -> str:
    """The one line a run printed on stderr (no traceback, no second line): what a user reads."""
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in done.err, done.err
    return lines[0]



def ingested(home: Path, files: dict[str, str]) -> Path:
    """A fresh index under home of files (name -> text) written into a folder there; its path."""
    docs = home / "docs"
    docs.mkdir()
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", home / "idx", home=home)
    assert done.returncode == 0, done.err
    return home / "idx"


def changes_of(home: Path, reports: dict[int, str], region: str) -> dict:
    """`changes -f json` between the first and last year of reports (year -> the report's text), each
    written as YEAR.md and ingested into a fresh index under home."""
    import json

    index = ingested(home, {f"{year}.md": text for year, text in reports.items()})
    out = icpolicy("changes", "--region", region, "--from", min(reports), "--to", max(reports), "--index", index, "-f", "json", home=home)
    assert out.returncode == 0, out.err
    return json.loads(out.out)


def documents_of(home: Path, files: dict[str, str]) -> dict[str, dict]:
    """File name -> its `docs -f json` record, for files (name -> text) ingested into a fresh index under home."""
    import json

    index = ingested(home, files)
    found = json.loads(icpolicy("docs", "--all", "-f", "json", "--index", index, home=home).out)["documents"]
    return {d["source"].rsplit("/", 1)[-1]: d for d in found}


def backend_env(backend: str, folder: Path) -> dict[str, str]:
    """The environment that picks a backend for a test run on both: {} for the index folder (tantivy), or
    ICPOLICY_BACKEND=chdb:FOLDER (the test skips when chdb is not installed)."""
    if backend != "chdb":
        return {}
    import importlib.util

    import pytest

    if importlib.util.find_spec("chdb") is None:
        pytest.skip("chdb is not installed (pip install -e '.[test,clickhouse]')")
    return {"ICPOLICY_BACKEND": f"chdb:{folder}"}

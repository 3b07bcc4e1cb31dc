"""The `icpolicy` command's entry point (cli/launch.py): a plain search piped to a script runs
without click, and gives exactly what the click command gives; everything else is click's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.clirun import env_for

# The entry point as the script and `python -m icpolicy` run it, and the click command alone.
LAUNCHER = "import sys; from icpolicy.cli.launch import main; sys.argv[0] = 'icpolicy'; main()"
CLICK = "import sys; from icpolicy.cli import main; sys.argv[0] = 'icpolicy'; main()"
REPORT = "import atexit, os, sys; atexit.register(lambda: os.write(2, b'CLICK-IMPORTED' if 'click' in sys.modules else b'NO-CLICK')); "


def _run(code: str, args, home) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], env=env_for(home), cwd=home, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("args", [
    ["search", "集成电路"],
    ["search", "集成电路", "产业", "-n", "3"],
    ["search", "集成电路 OR 芯片", "--limit", "25"],
    ["search", '"集成电路 产业"', "region:江苏"],
    ["search", "没有这个词语的文字"],  # no hits: exit 1
])
def test_a_plain_piped_search_skips_click_and_matches_the_click_command(seed_index, tmp_path, args):
    args = args + ["--index", seed_index]
    quick = _run(REPORT + LAUNCHER, args, tmp_path)
    slow = _run(CLICK, args, tmp_path)
    assert quick.stderr.endswith(b"NO-CLICK"), quick.stderr
    assert (quick.returncode, quick.stdout, quick.stderr[: -len(b"NO-CLICK")]) == (slow.returncode, slow.stdout, slow.stderr)


def test_a_plain_search_defines_its_values_without_dataclasses(seed_index, tmp_path):
    """The values on a plain search's path are records (records.py): importing `dataclasses`
    (inspect, ast, dis) and defining its classes cost ~40 ms of a one-shot search's ~135 ms."""
    report = "import atexit, os, sys; atexit.register(lambda: os.write(2, repr(sorted({'dataclasses', 'inspect', 'click', 'rich'} & set(sys.modules))).encode())); "
    proc = _run(report + LAUNCHER, ["search", "集成电路", "--index", seed_index], tmp_path)
    assert proc.returncode == 0 and "集成电路".encode() in proc.stdout
    assert proc.stderr.endswith(b"[]"), proc.stderr


@pytest.mark.parametrize("args", [
    ["search", "集成电路", "-n", "0"],  # click's IntRange message
    ["search", "集成电路", "-n", "٣"],  # a digit click reads, not this module
    ["search", "(集成电路"],  # malformed: the click command's one line, exit 2
    ["search", "-光伏"],  # only a NOT
    ["search", "集成电路", "-f", "json"],
    ["search", "集成电路", "--all"],
    ["search", "集成电路", "--limit"],
    ["search", "集成电路", "-n", "2", "-n", "3"],
    ["search", "--", "-GaN"],
    ["search", ""],
    ["search"],
    ["info"],
])
def test_everything_else_is_the_click_command(seed_index, tmp_path, args):
    args = args[:1] + ["--index", seed_index] + args[1:]
    quick = _run(REPORT + LAUNCHER, args, tmp_path)
    slow = _run(CLICK, args, tmp_path)
    assert quick.stderr.endswith(b"CLICK-IMPORTED"), quick.stderr
    assert (quick.returncode, quick.stdout, quick.stderr[: -len(b"CLICK-IMPORTED")]) == (slow.returncode, slow.stdout, slow.stderr)


def test_a_missing_or_damaged_index_gets_the_click_commands_error(tmp_path):
    missing = _run(LAUNCHER, ["search", "集成电路", "--index", tmp_path / "nowhere"], tmp_path)
    assert missing.returncode == 3 and missing.stderr.count(b"\n") == 1 and b"Traceback" not in missing.stderr
    assert (missing.returncode, missing.stdout, missing.stderr) == (lambda p: (p.returncode, p.stdout, p.stderr))(
        _run(CLICK, ["search", "集成电路", "--index", tmp_path / "nowhere"], tmp_path))
    afile = tmp_path / "a.txt"
    afile.write_text("x", encoding="utf-8")
    quick, slow = (_run(code, ["search", "集成电路", "--index", afile], tmp_path) for code in (LAUNCHER, CLICK))
    assert quick.returncode == slow.returncode == 2 and quick.stderr == slow.stderr


def test_the_first_search_still_builds_the_per_user_index_from_the_seeds(tmp_path):
    """No --index, no index yet: the click command builds it (and says so), then searches."""
    proc = _run(LAUNCHER, ["search", "集成电路"], tmp_path)
    assert proc.returncode == 0 and b"bundled seed documents" in proc.stderr and "集成电路".encode() in proc.stdout

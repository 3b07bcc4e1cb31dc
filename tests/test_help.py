"""Every command explains itself: --help with examples, and shell completion documented."""

from __future__ import annotations

import pytest

from icpolicy.cli import main
from tests.clirun import icpolicy


def test_every_command_module_is_listed_for_lazy_loading():
    import importlib

    from icpolicy.cli.app import COMMANDS

    for module in set(COMMANDS.values()):
        importlib.import_module(f"icpolicy.cli.{module}")
    assert set(main.commands) == set(COMMANDS)


def test_every_command_has_help_with_examples(tmp_path):
    names = main.list_commands(None)
    assert names, "no commands registered"
    missing = []
    for name in names:
        proc = icpolicy(name, "--help", home=tmp_path)
        assert proc.returncode == 0, name
        body = proc.out.split("Examples:", 1)
        if len(body) < 2 or f"icpolicy {name}" not in body[1]:
            missing.append(name)
    assert not missing, f"commands without examples in --help: {missing}"


def test_top_level_help_documents_completion_and_examples(tmp_path):
    proc = icpolicy("--help", home=tmp_path)
    assert "Examples:" in proc.out and "_ICPOLICY_COMPLETE=bash_source" in proc.out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_click_completion_script_is_generated(tmp_path, shell):
    import subprocess
    import sys

    from tests.clirun import env_for

    env = env_for(tmp_path, _ICPOLICY_COMPLETE=f"{shell}_source")
    proc = subprocess.run([sys.executable, "-c", "from icpolicy.cli import main; main(prog_name='icpolicy')"], env=env, capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"_ICPOLICY_COMPLETE" in proc.stdout, proc.stderr


def test_region_help_says_what_repeating_it_does(tmp_path):
    """search/stats/trend: several --region options widen the filter (OR); compare: each is a column."""
    flat = lambda name: " ".join(icpolicy(name, "--help", home=tmp_path).out.split())
    assert "(repeatable, OR)." in flat("search").split("--region", 1)[1].split("-y,", 1)[0]
    region = flat("compare").split("--region", 1)[1].split("-y,", 1)[0]
    assert "each --region is a column" in region and "OR" not in region

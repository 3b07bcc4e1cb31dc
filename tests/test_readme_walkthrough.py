"""What a new user walking through the README met (session 21): each behaviour as the README states it, through
the command as a subprocess."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy


@pytest.mark.parametrize("command", [["ingest", "seeds-missing"], ["remove", "nothing-here"], ["export", "--to", "clickhouse-tsv", "-o", "dump"],
                                     ["migrate", "--to", "chdb:ch"]])
def test_color_is_taken_after_every_command(tmp_path, command):
    # README: --color never|always|auto on any command, or before it (ingest, remove, export, migrate refused it)
    proc = icpolicy(*command, "--color", "never", "--index", tmp_path / "ix", home=tmp_path) if command[0] != "migrate" else \
        icpolicy(*command, "--color", "never", "--from", tmp_path / "ix", home=tmp_path)
    assert "no such option" not in proc.err, proc.err
    assert proc.returncode != 2 or "--color" not in proc.err


@pytest.mark.parametrize("args, option", [(["docs", "--title", ""], "--title"), (["docs", "--issuer", " "], "--issuer"),
                                          (["docs", "--number", ""], "--number"),
                                          (["search", "集成电路", "--type", ""], "--type")])
def test_an_empty_option_value_is_a_usage_error(tmp_path, seed_index, args, option):
    # an unset shell variable ("$TITLE") would otherwise list every document, or quietly use the default type
    proc = icpolicy(*args, "--index", seed_index, home=tmp_path)
    assert proc.returncode == 2 and f"{option} '" in proc.err and "is empty" in proc.err and len(proc.err.strip().splitlines()) == 1


def test_two_scopes_asked_at_once_are_refused(tmp_path, seed_index):
    # --same-sentence quietly won over --scope document, and found nothing
    proc = icpolicy("search", "集成电路", "--same-sentence", "--scope", "document", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 2 and "--same-sentence and --scope document" in proc.err
    proc = icpolicy("search", "集成电路", "--same-sentence", "--scope", "sentence", "-f", "json", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.out)["total"] > 0


def test_counts_with_no_hits_say_so(tmp_path, seed_index):
    for view in ("trend", "stats"):
        proc = icpolicy(view, "没有这个词语", "--index", seed_index, home=tmp_path)
        # (no empty table: one line on stderr says so, as every view's table does: tests/test_empty_views.py)
        assert proc.returncode == 1 and proc.out == "" and proc.err.startswith("icpolicy: nothing matched 没有这个词语; ")


def test_migrate_names_its_own_option(tmp_path):
    proc = icpolicy("migrate", "--to", "foo:bar", home=tmp_path)
    assert proc.returncode == 2 and proc.err.startswith("icpolicy: --to 'foo:bar'")

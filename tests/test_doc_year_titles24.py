"""A view narrowed by --doc-year says so in its title and in its nothing-matched line, as it says -y and -r
(a new user read `trend 集成电路 --doc-year 2025`, titled as if unfiltered, as the whole index's trend).  Through the CLI."""

import os
import subprocess
import sys

from .fixture_cli import index_fixture

index = index_fixture("round24")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, COLUMNS="120"))


def test_doc_year_is_in_the_title_and_the_nothing_matched_line(index):
    for view in ("stats", "trend"):
        done = cli(view, "措施", "--doc-year", "2025", "--index", index)
        assert done.returncode == 0, done.stderr
        assert "doc-year 2025" in done.stdout.splitlines()[0]
    done = cli("docs", "--doc-year", "2025", "--index", index)
    assert done.returncode == 0 and "doc-year 2025" in done.stdout.splitlines()[0]
    done = cli("stats", "措施", "--doc-year", "1999", "--index", index)
    assert done.returncode == 1 and "doc-year 1999" in done.stderr


def test_docs_with_no_query_lists_the_newest_first(index):
    # no query, no score: by year, newest first (it came out in doc_id order, 2014, 2016, …, 1954)
    from .fixture_cli import cli_json

    latest = [max(d["years"]) for d in cli_json("docs", "--all", "--index", index)["documents"] if d["years"]]
    assert len(latest) > 5 and latest == sorted(latest, reverse=True)

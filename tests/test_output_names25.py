"""-o with a name of a format the command does not write: the table is written (as shell redirection would) and one
note on stderr says so, for a spreadsheet's name (.ods, .xls) as for a document's (.docx, .pdf: before, no word)."""

from __future__ import annotations

import pytest

from .clirun import icpolicy


@pytest.mark.parametrize("name", ["hits.docx", "hits.pdf", "hits.ods", "hits.xls"])
def test_a_name_of_a_format_not_written_gets_a_note(seed_index, tmp_path, name):
    out = tmp_path / name
    done = icpolicy("search", "先进封装", "--all", "--index", seed_index, "-o", out, home=tmp_path)
    assert done.returncode == 0, done.err
    assert "先进封装" in out.read_text(encoding="utf-8")  # the plain table, as text
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("icpolicy: note: ") and str(out) in lines[0] and "-f xlsx" in lines[0], done.err


def test_a_text_name_gets_no_note(seed_index, tmp_path):
    done = icpolicy("search", "先进封装", "--all", "--index", seed_index, "-o", tmp_path / "hits.txt", home=tmp_path)
    assert done.returncode == 0 and done.err.strip() == "", done.err


@pytest.mark.parametrize("args, name", [(("trend", "先进封装"), "t.jsonl"), (("stats", "先进封装"), "s.jsonl"),
                                        (("show", "DOC"), "doc.xlsx"), (("show", "DOC"), "doc.csv")])
def test_a_name_of_another_command_s_format_is_refused_and_nothing_is_written(seed_index, tmp_path, args, name):
    """h-user37 7: `show -o doc.xlsx`, `trend -o t.jsonl` wrote the text table under a name a spreadsheet or a script
    reads as its format, exit 0 and no word.  Refused (exit 2) before anything is written, naming the formats."""
    if args[1] == "DOC":
        hit = icpolicy("search", "先进封装", "--index", seed_index, "-f", "jsonl", "-n", "1", home=tmp_path)
        args = ("show", hit.out.split('"doc_id": "')[1].split('"')[0])
    out = tmp_path / name
    done = icpolicy(*args, "--index", seed_index, "-o", out, home=tmp_path)
    assert done.returncode == 2, done.err
    assert not out.exists()
    assert str(out) in done.err and "table" in done.err and len(done.err.strip().splitlines()) == 1, done.err

"""`（SiC）` pasted from a document groups the word, as ( ) do, and finds every SiC (h-user40 D4): a note on stderr says so
and how to find the brackets as written; quoted, the brackets are text and the note is not given; -q silences it.
Through the CLI, on a note in our own words."""

from __future__ import annotations

from tests.conftest import cli

NOTE = "关于功率器件的说明\n\n支持碳化硅（SiC）功率器件研发。\n\n推动SiC衬底扩产。\n"


def test_fullwidth_brackets_in_a_query_get_a_note_and_quotes_find_them_as_written(tmp_path):
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "note.txt"), "--index", str(index)).returncode == 0
    grouped = cli("search", "（SiC）", "--index", str(index), "-f", "jsonl")
    assert grouped.returncode == 0 and len(grouped.stdout.splitlines()) == 2
    assert "（ ） in QUERY group terms" in grouped.stderr and '"（SiC）"' in grouped.stderr
    quoted = cli("search", '"（SiC）"', "--index", str(index), "-f", "jsonl")
    assert quoted.returncode == 0 and len(quoted.stdout.splitlines()) == 1 and quoted.stderr == ""
    quiet = cli("-q", "search", "（SiC）", "--index", str(index), "-f", "jsonl")
    assert quiet.returncode == 0 and quiet.stderr == ""
    piped = cli("search", "（SiC）", "--index", str(index))  # the plain listing's own path (no click)
    assert piped.returncode == 0 and "（ ） in QUERY group terms" in piped.stderr


def test_no_note_where_the_brackets_are_text(tmp_path):
    """(h-review40 8) A bracket inside a word (碳化硅（SiC）) is found as written and a phrase in Chinese quotes keeps its
    brackets (“（SiC）”, 「（SiC）」): no note says they group."""
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / "note.txt"), "--index", str(index)).returncode == 0
    for query in ("碳化硅（SiC）", "“（SiC）”", "「（SiC）」"):
        done = cli("search", query, "--index", str(index), "-f", "jsonl")
        assert done.returncode == 0 and len(done.stdout.splitlines()) == 1, query
        assert done.stderr == "", (query, done.stderr)

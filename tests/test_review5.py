"""Defects a new analyst met (review5), each checked through the CLI as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from .clirun import icpolicy, one_line
from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory) -> Path:
    """The five seeds ingested with the CLI into a fresh folder."""
    home = tmp_path_factory.mktemp("review5")
    folder = home / "index"
    done = icpolicy("ingest", SEEDS, "--index", folder, "-j", "1", home=home)
    assert done.returncode == 0, done.err
    return folder


def _copy(seeds_index: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(seeds_index, copy)
    return copy


@pytest.mark.parametrize("pattern,size", [("_documents_*.toc", 10), ("documents_*.seg", 100)])
@pytest.mark.parametrize("option", [["--title", "集成电路"], ["--issuer", "人民政府"], ["--number", "25号"]])
def test_docs_on_a_damaged_document_index_answer_from_the_passages(seeds_index, tmp_path, pattern, size, option):
    """A truncated Whoosh file under DIR/documents: `docs --title/--issuer/--number` printed a traceback (a TOC) or
    "Aborted!" (a segment), exit 1; then (review 5) one line naming the rebuild, exit 3; since session 42 the same
    answer as before the damage, read from the passage index (the document index's stamp shows the damage), exit 0."""
    index = _copy(seeds_index, tmp_path)
    before = icpolicy("docs", *option, "--index", index, "-f", "csv", home=tmp_path)
    for victim in (index / "documents").glob(pattern):
        with open(victim, "r+b") as fh:
            fh.truncate(size)
    done = icpolicy("docs", *option, "--index", index, "-f", "csv", home=tmp_path)
    assert (done.returncode, done.out) == (before.returncode, before.out), done.err
    assert "Traceback" not in done.err
    rebuilt = icpolicy("ingest", "--rebuild", "--index", index, home=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.err
    again = icpolicy("docs", "--title", "集成电路", "--index", index, "-f", "csv", home=tmp_path)
    assert again.returncode == 0 and "集成电路" in again.out, again.err


def test_info_says_damaged_where_search_refuses(seeds_index, tmp_path):
    """A truncated tantivy/.managed.json: search refused the index (exit 3) while `info` said "ready", exit 0;
    README: info exits 3 when the index is damaged, naming the file."""
    index = _copy(seeds_index, tmp_path)
    managed = index / "tantivy" / ".managed.json"
    managed.write_bytes(managed.read_bytes()[:100])
    search = icpolicy("search", "集成电路", "--index", index, home=tmp_path)
    assert search.returncode == 3 and ".managed.json" in one_line(search)
    info = icpolicy("info", "--index", index, home=tmp_path)
    assert info.returncode == 3, info.out
    assert "ready" not in info.out and ".managed.json" in info.out
    as_json = icpolicy("info", "--index", index, "-f", "json", home=tmp_path)
    assert as_json.returncode == 3 and ".managed.json" in as_json.out
    fine = icpolicy("info", "--index", seeds_index, home=tmp_path)
    assert fine.returncode == 0 and "ready" in fine.out, fine.out + fine.err


def test_docs_table_title_names_its_filters(seeds_index, tmp_path):
    """`docs -r 江苏` titled its table "documents: (all) — N", as if nothing narrowed it; targets, stats and
    trend name their filters, and so does docs now, its --title/--issuer/--number too."""
    narrowed = icpolicy("docs", "-r", "江苏", "--index", seeds_index, home=tmp_path)
    assert narrowed.returncode == 0, narrowed.err
    assert narrowed.out.splitlines()[0].startswith("documents: (documents of 江苏) — ")
    fielded = icpolicy("docs", "集成电路", "--title", "行动方案", "--index", seeds_index, home=tmp_path)
    assert fielded.out.splitlines()[0].startswith("documents: 集成电路 (title 行动方案) — "), fielded.out + fielded.err
    everything = icpolicy("docs", "--index", seeds_index, home=tmp_path)
    assert everything.out.splitlines()[0] == "documents: (all documents) — 5"


def test_a_damaged_document_stamp_is_reported_once(seeds_index, tmp_path):
    """A truncated DIR/documents/documents.json: the next ingest said "… was damaged …; rebuilding the
    document index" twice, word for word; once is what happened."""
    index = _copy(seeds_index, tmp_path)
    stamp = index / "documents" / "documents.json"
    stamp.write_text('{"gen', encoding="utf-8")
    done = icpolicy("ingest", SEEDS, "--index", index, home=tmp_path)
    assert done.returncode == 0, done.err
    lines = [line for line in done.err.splitlines() if "was damaged" in line]
    assert len(lines) == 1 and str(stamp) in lines[0], done.err
    again = icpolicy("docs", "--title", "行动方案", "--index", index, home=tmp_path)
    assert again.returncode == 0 and "行动方案" in again.out, again.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_named_pipe_writes_into_it(seeds_index, tmp_path):
    """-o FIFO (as -o /dev/null or -o /dev/full): the results were written to a temporary file renamed over
    the pipe, which became a plain file (as root, `-o /dev/full` replaced the device in /dev).  A target that
    is no regular file is written into and stays what it was."""
    fifo = tmp_path / "results.pipe"
    os.mkfifo(fifo)
    got = {}

    def read():
        with open(fifo, "rb") as fh:
            got["data"] = fh.read()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done = icpolicy("search", "集成电路", "-f", "jsonl", "-o", fifo, "--index", seeds_index, home=tmp_path)
    reader.join(timeout=60)
    assert done.returncode == 0, done.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    lines = got["data"].decode("utf-8").splitlines()
    assert lines and all(json.loads(line)["matched"] for line in lines)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_compare_panel_says_how_many_it_shows(seeds_index, tmp_path):
    """compare -n 1 titled a region's panel "江苏 (3)" over the one passage it showed, and every panel ended in
    two blank lines; the title now says "1 of 3" and the last hit closes the panel."""
    done = icpolicy("compare", "先进封装", "-r", "江苏", "-r", "上海", "-n", "1", "--index", seeds_index, home=tmp_path)
    assert done.returncode == 0, done.err
    lines = done.out.splitlines()
    titles = [line for line in lines if line.startswith("╭")]
    assert any(" 江苏 (1 of " in t for t in titles), titles
    closing = [i for i, line in enumerate(lines) if line.startswith("╰")]
    assert closing and all(lines[i - 1].strip("│ ") for i in closing), done.out


def test_ingest_help_names_mhtml(tmp_path):
    """ingest --help listed .txt .md .pdf .docx .html/.htm .zip; README's ingest line (and the readers) also take .mhtml/.mht."""
    done = icpolicy("ingest", "--help", home=tmp_path)
    assert done.returncode == 0
    assert ".mhtml/.mht" in " ".join(done.out.split())


def test_a_foreign_folder_of_one_file_is_counted_in_the_singular(tmp_path):
    """`ingest --index FOLDER` where FOLDER holds one file of yours said "holds 1 files or folders"."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    done = icpolicy("ingest", SEEDS, "--index", folder, home=tmp_path)
    assert done.returncode == 2
    line = one_line(done)
    assert "holds 1 file or folder and is not" in line and "'notes.txt'" in line
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_compare_a_region_with_itself_is_a_usage_error(seeds_index, tmp_path):
    """compare -r 江苏 -r 江苏 passed the two-regions check and showed one panel."""
    done = icpolicy("compare", "集成电路", "-r", "江苏", "-r", "江苏", "--index", seeds_index, home=tmp_path)
    assert done.returncode == 2 and done.out == ""
    assert "at least two different --region" in one_line(done)
    # names of one place (traditional characters, the full name) are that place too: one column each time
    same = icpolicy("compare", "集成电路", "-r", "江苏", "-r", "江蘇省", "--index", seeds_index, home=tmp_path)
    assert same.returncode == 2 and "at least two different --region" in one_line(same)
    three = icpolicy("compare", "集成电路", "-r", "江苏", "-r", "上海", "-r", "江蘇", "-f", "json", "--index", seeds_index, home=tmp_path)
    assert [column["region"] for column in json.loads(three.out)["regions"]] == ["江苏", "上海"]


def test_a_lowercase_operator_gets_a_note(seeds_index, tmp_path):
    """`先进封装 or 系统级封装` searched the word "or" as a third AND term: 0 hits, exit 1, nothing said.
    A note on stderr names it (not with -q; not for a quoted "or"); the results are unchanged."""
    done = icpolicy("search", "先进封装", "or", "系统级封装", "--index", seeds_index, home=tmp_path)
    assert done.returncode == 1
    assert "'or' is searched for as a word: the operators are OR, AND and NOT in capitals" in one_line(done)
    quiet = icpolicy("-q", "search", "先进封装", "or", "系统级封装", "--index", seeds_index, home=tmp_path)
    assert quiet.returncode == 1 and quiet.err == ""
    quoted = icpolicy("search", "先进封装", '"or"', "--index", seeds_index, home=tmp_path)
    assert "note" not in quoted.err
    capitals = icpolicy("search", "先进封装", "OR", "系统级封装", "--index", seeds_index, home=tmp_path)
    assert capitals.returncode == 0 and capitals.err == ""
    two = icpolicy("stats", "集成电路", "and", "芯片", "not", "--index", seeds_index, home=tmp_path)
    assert "'and', 'not' are searched for as words" in two.err


def test_the_next_ingest_heals_a_truncated_document_segment(seeds_index, tmp_path):
    """README: when the document index is damaged, the next ingest says so and rebuilds it.  A truncated
    DIR/documents/documents_*.seg went unnoticed by ingest (exit 0, nothing said) and `docs --title` kept
    failing until `ingest --rebuild`; the stamp now records the Whoosh files' sizes, as the manifest does tantivy's."""
    index = _copy(seeds_index, tmp_path)
    for segment in (index / "documents").glob("documents_*"):
        with open(segment, "r+b") as fh:
            fh.truncate(100)
    done = icpolicy("ingest", SEEDS, "--index", index, home=tmp_path)
    assert done.returncode == 0, done.err
    said = [line for line in done.err.splitlines() if "was damaged" in line]
    assert len(said) == 1 and f"the document index in {index / 'documents'} was damaged" in said[0], done.err
    again = icpolicy("docs", "--title", "行动方案", "--index", index, "-f", "csv", home=tmp_path)
    assert again.returncode == 0 and "行动方案" in again.out, again.err
    calm = icpolicy("ingest", SEEDS, "--index", index, home=tmp_path)
    assert calm.returncode == 0 and "damaged" not in calm.err


def test_changes_from_a_later_year_is_a_usage_error(seeds_index, tmp_path):
    """changes --from 2019 --to 2018 compared backwards without a word (2019 on the left, "added" what 2018
    had), although --help calls --from "the earlier year" and --year 2025-2023 is refused."""
    done = icpolicy("changes", "-r", "海拉尔", "--from", "2019", "--to", "2018", "--index", seeds_index, home=tmp_path)
    assert done.returncode == 2 and done.out == ""
    assert "--from 2019 is after --to 2018" in one_line(done)


def test_csv_to_a_stream_named_with_o_has_no_bom_and_to_a_file_has_one(seeds_index, tmp_path):
    """-o /dev/stdout is a stream, as stdout is: no byte-order mark (review5 #9); a regular file keeps
    the BOM a spreadsheet needs to read UTF-8."""
    streamed = icpolicy("search", "先进封装", "-n", "1", "-f", "csv", "-o", "/dev/stdout", "--index", seeds_index, home=tmp_path)
    assert streamed.returncode == 0 and streamed.stdout.startswith(b'"doc_id"'), streamed.stdout[:20]
    done = icpolicy("search", "先进封装", "-n", "1", "-f", "csv", "-o", tmp_path / "hits.csv", "--index", seeds_index, home=tmp_path)
    assert done.returncode == 0 and (tmp_path / "hits.csv").read_bytes().startswith(b'\xef\xbb\xbf"doc_id"')


def test_targets_kind_keeps_only_commitments_or_only_achieved_figures(seeds_index, tmp_path):
    """targets --kind target|reported (review5 #7): what each place committed to, without a spreadsheet filter."""
    every = json.loads(icpolicy("targets", "--all", "-f", "json", "--index", seeds_index, home=tmp_path).out)
    kinds = {r["kind"] for r in every["targets"]}
    assert kinds == {"target", "reported"}, kinds
    for kind in ("target", "reported"):
        done = icpolicy("targets", "--all", "--kind", kind, "-f", "json", "--index", seeds_index, home=tmp_path)
        only = json.loads(done.out)
        assert done.returncode == 0 and only["total"] == sum(r["kind"] == kind for r in every["targets"]) > 0
        assert {r["kind"] for r in only["targets"]} == {kind}
    cut = icpolicy("targets", "-n", "1", "-f", "csv", "-o", tmp_path / "t.csv", "--index", seeds_index, home=tmp_path)
    assert f"wrote 1 of {every['total']} quantities" in cut.err


def test_stats_by_year_lists_only_the_years_asked(seeds_index, tmp_path):
    """stats -y Y --by year (review5 #2): the passages of Y speak for other years too; the rows are the years asked."""
    every = json.loads(icpolicy("stats", "--by", "year", "-f", "json", "--index", seeds_index, home=tmp_path).out)["rows"]
    assert len([r for r in every if r["key"].isdigit()]) > 2
    asked = json.loads(icpolicy("stats", "--by", "year", "-y", "2024-2025", "-f", "json", "--index", seeds_index, home=tmp_path).out)["rows"]
    assert [r["key"] for r in asked] == ["2024", "2025"]
    assert {r["key"]: r["passages"] for r in asked} == {r["key"]: r["passages"] for r in every if r["key"] in ("2024", "2025")}

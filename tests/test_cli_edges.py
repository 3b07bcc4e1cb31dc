"""Small CLI behaviours a new user met (review3 m1 m3 m4 m5): the CSV formula guard reads back,
options after `--`, a quiet stderr off a terminal, a mistyped PATH.  Through the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.clirun import icpolicy

GUIDE = """# 申报须知

@各园区企业：申报截止日期为2025年6月30日，逾期不予受理。

'十四五'期间本市重点支持封装测试企业建设先进产线。

咨询电话+86-25-8888，材料清单=见附件二。
"""
QUERY = "各园区 OR 十四五 OR +86-25 OR 封装测试"


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    root = tmp_path_factory.mktemp("edges")
    (root / "docs").mkdir()
    (root / "docs" / "须知.md").write_text(GUIDE, encoding="utf-8")
    done = icpolicy("ingest", root / "docs", "--index", root / "idx", home=root)
    assert done.returncode == 0, done.err
    return root


def _original(cell: str) -> str:
    """What README tells a script to do with a CSV text cell."""
    return cell[1:] if cell.startswith("'") else cell


def test_csv_guarded_cells_read_back_to_the_json_values_and_their_highlights(guide):
    args = ["search", QUERY, "--index", guide / "idx", "-a"]
    rows = list(csv.DictReader(io.StringIO(icpolicy(*args, "-f", "csv", home=guide).out)))
    hits = json.loads(icpolicy(*args, "-f", "json", home=guide).out)["hits"]
    assert len(rows) == len(hits) == 3
    starts = set()
    for row, hit in zip(rows, hits):
        starts.add(hit["text"][0])
        assert row["text"][0] == "'" if hit["text"][0] in "=+-@'" else row["text"] == hit["text"]
        text = _original(row["text"])
        assert text == hit["text"]
        matched = _original(row["matched"]).split(";")
        assert matched == hit["matched"]
        spans = [tuple(map(int, span.split("-"))) for span in row["highlights"].split(";")]
        assert [text[a:b] for a, b in spans] == [text[a:b] for a, b in hit["highlights"]]
        assert all(text[a:b] in matched for a, b in spans)
    assert {"@", "'"} <= starts  # a formula-looking cell and one that begins with ' itself
    assert any(row["matched"] == "'+86-25" for row in rows)


def test_options_after_double_dash_are_refused_not_searched_in_the_default_index(guide):
    done = icpolicy("search", "封装测试", "--", "-AEC", "--index", guide / "idx", "-f", "json", home=guide)
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1 and "'--index'" in lines[0] and "before '--'" in lines[0], done.err
    assert done.out == ""
    assert not (guide / "xdg-data" / "icpolicy" / "index").exists()  # the default index was not built or searched
    placed = icpolicy("search", "封装测试", "--index", guide / "idx", "-f", "json", "--", "-AEC", home=guide)
    assert placed.returncode == 0 and json.loads(placed.out)["query"] == "封装测试 -AEC" and placed.err == ""
    # another option after -- stays a query word (click's and git's reading), and a note says so
    worded = icpolicy("search", "封装测试", "--index", guide / "idx", "-f", "jsonl", "--", "-AEC", "-n", home=guide)
    assert worded.returncode == 0, worded.err
    assert worded.err.startswith("icpolicy: note: '-n' after '--' is searched for") and worded.err.count("\n") == 1


def test_ingest_writes_no_blank_line_to_a_non_terminal_stderr(guide, tmp_path):
    done = icpolicy("ingest", guide / "docs", "--index", tmp_path / "idx", home=tmp_path)
    assert done.returncode == 0
    assert done.err.startswith("icpolicy: indexed 1 file "), repr(done.err[:40])
    assert "\n\n" not in done.err


def test_a_mistyped_path_alone_is_a_usage_error_and_builds_nothing(guide, tmp_path):
    index = tmp_path / "idx"
    done = icpolicy("ingest", tmp_path / "no_such_folder", "--index", index, home=tmp_path)
    lines = [line for line in done.err.splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1 and "no_such_folder" in lines[0] and "no such file or folder" in lines[0], done.err
    assert not index.exists()
    batch = icpolicy("ingest", tmp_path / "no_such_folder", guide / "docs", "--index", index, home=tmp_path)
    assert batch.returncode == 1 and "skipped:" in batch.err  # a batch with one bad PATH: partial, as before


def test_a_filtered_stats_table_says_what_it_counts(guide):
    narrowed = icpolicy("stats", "--year", "2025", "--index", guide / "idx", home=guide)
    assert narrowed.returncode in (0, 1), narrowed.err
    title = narrowed.out.splitlines()[0]
    assert "2025" in title and "(all passages)" not in title, narrowed.out
    whole = icpolicy("stats", "--index", guide / "idx", home=guide)
    assert whole.returncode == 0 and "(all passages)" in whole.out.splitlines()[0], whole.out


def test_a_query_with_filters_names_both_in_the_counts_titles(guide):
    for command in ("stats", "trend", "targets"):
        done = icpolicy(command, "集成电路", "--year", "2025", "--type", "行动方案", "--index", guide / "idx", home=guide)
        assert done.returncode in (0, 1), done.err
        title = done.out.splitlines()[0] if done.returncode == 0 else done.err  # nothing matched: said on stderr, no table
        assert "集成电路" in title and "2025" in title and "行动方案" in title, done.out

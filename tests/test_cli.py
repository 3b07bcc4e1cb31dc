"""The command line as scripts use it: JSON/CSV fields, stdout vs stderr, exit codes, help."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from icpolicy.cli import main
from icpolicy.views.export import FIELDS



@pytest.fixture()
def run(seed_index):
    def invoke(*args, env=None):
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def test_json_hits_carry_every_documented_field(run, seed_index):
    result = run("search", "先进封装", "--region", "江苏", "--format", "json", "--index", seed_index)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["total"] == len(payload["hits"]) > 0
    for hit in payload["hits"]:
        assert list(hit) == FIELDS
        assert hit["region_path"][0] == "江苏省"
        assert all(isinstance(y, int) for y in hit["years"])
        for start, end in hit["highlights"]:
            assert hit["text"][start:end] == "先进封装"


def test_jsonl_is_one_hit_per_line(run, seed_index):
    result = run("search", "集成电路", "-n", "4", "-f", "jsonl", "--index", seed_index)
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all(json.loads(line)["text"] for line in lines)


def test_csv_output_file_opens_in_excel(run, seed_index, tmp_path):
    out = tmp_path / "hits.csv"
    result = run("search", "集成电路 封测", "--year", "2024-2025", "--format", "csv", "--output", out, "--index", seed_index)
    assert result.exit_code == 0 and result.stdout == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == FIELDS
    assert all("封测" in row["text"] for row in rows)
    assert ";" in rows[0]["region_path"] or rows[0]["region_path"]


def test_csv_neutralises_formulas():
    from icpolicy.views.export import csv_cell

    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("@SUM") == "'@SUM" and csv_cell("-3") == "-3" and csv_cell([2023, 2024]) == "2023;2024"


def test_table_output_shows_keys_and_the_spread(run, seed_index):
    result = run("search", "第三代半导体", "--index", seed_index)
    assert result.exit_code == 0
    assert "matched: 第三代半导体" in result.stdout
    assert "passages in" in result.stdout and "years:" in result.stdout


def test_no_hits_exits_1(run, seed_index):
    result = run("search", "量子引力", "--index", seed_index, "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["total"] == 0


@pytest.mark.parametrize("args, message", [
    (["search", '"集成电路'], "unbalanced quote"),
    (["search", "集成电路", "--region", "火星"], "unknown region"),
    (["search", "集成电路", "--year", "20x5"], "--year"),
    (["search", "集成电路", "--segment", "nope"], "unknown segment"),
])
def test_usage_errors_exit_2_with_one_line_and_no_traceback(run, seed_index, args, message):
    result = run(*args, "--index", seed_index)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_index_exits_3(run, tmp_path):
    result = run("search", "集成电路", "--index", tmp_path / "none")
    assert result.exit_code == 3 and "icpolicy ingest" in result.stderr


def test_first_search_builds_the_default_index_from_the_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ICPOLICY_INDEX", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    result = CliRunner().invoke(main, ["search", "先进封装", "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "bundled seed documents" in result.stderr
    assert json.loads(result.stdout)["total"] > 0
    assert (tmp_path / "xdg" / "icpolicy" / "index" / "icpolicy.json").exists()  # the per-user folder
    assert not (tmp_path / "data").exists()  # nothing made in the current folder


def test_ingest_exit_codes_and_summary(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("支持先进封装。", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", str(docs), "--index", str(tmp_path / "ix")])
    assert ok.exit_code == 0 and "indexed 1 file " in ok.stderr and ok.stdout == ""
    (docs / "broken.pdf").write_bytes(b"not a pdf at all")
    partial = runner.invoke(main, ["ingest", str(docs), "--index", str(tmp_path / "ix")])
    assert partial.exit_code == 1
    assert "broken.pdf: corrupt PDF" in partial.stderr and "1 unchanged" in partial.stderr
    usage = runner.invoke(main, ["ingest", "--index", str(tmp_path / "ix")])
    assert usage.exit_code == 2


def test_show_trend_stats_compare(run, seed_index):
    shown = run("show", "--index", seed_index, "-f", "json", _doc_id(run, seed_index), "先进封装")
    doc = json.loads(shown.stdout)
    assert doc["doc_type"] == "行动方案" and any(p["highlights"] for p in doc["passages"])
    trend = json.loads(run("trend", "集成电路", "--by", "year", "-f", "json", "--index", seed_index).stdout)
    assert [row["key"] for row in trend["rows"]] == sorted(row["key"] for row in trend["rows"])
    regions = json.loads(run("stats", "集成电路", "--by", "region", "-f", "json", "--index", seed_index).stdout)["rows"]
    jiangsu = next(row for row in regions if row["key"] == "江苏省")
    assert {c["key"] for c in jiangsu["cities"]} == {"无锡市", "苏州市"}
    assert sum(c["passages"] for c in jiangsu["cities"]) <= jiangsu["passages"]
    table = run("stats", "集成电路", "--index", seed_index).stdout
    assert "└ 苏州市" in table
    stats = json.loads(run("stats", "--by", "type", "-f", "json", "--index", seed_index).stdout)
    assert {row["key"] for row in stats["rows"]} >= {"行动方案", "工作方案", "新闻综述"}
    compare = json.loads(run("compare", "集成电路", "-r", "江苏", "-r", "上海", "-f", "json", "--index", seed_index).stdout)
    assert [r["region"] for r in compare["regions"]] == ["江苏", "上海"] and all(r["total"] for r in compare["regions"])


def test_show_one_passage_in_context_in_json_as_in_the_table(run, seed_index):
    # -p N: passage N and its neighbours, in JSON too (it gave every passage of the document)
    doc_id = _doc_id(run, seed_index)
    whole = json.loads(run("show", "--index", seed_index, "-f", "json", doc_id).stdout)["passages"]
    assert len(whole) > 5
    middle = whole[len(whole) // 2]["passage"]
    near = json.loads(run("show", "--index", seed_index, "-f", "json", doc_id, "-p", str(middle)).stdout)["passages"]
    assert [p["passage"] for p in near] == [middle - 1, middle, middle + 1]
    table = run("show", "--index", seed_index, doc_id, "-p", str(middle)).stdout
    assert f"[{middle}]" in table and f"[{middle + 2}]" not in table


def _doc_id(run, seed_index) -> str:
    hits = json.loads(run("search", "一中四方", "-f", "json", "--index", seed_index).stdout)["hits"]
    return hits[0]["doc_id"]


@pytest.mark.parametrize("command", ["ingest", "search", "stats", "trend", "compare", "show"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and len(result.stdout) > 200


def test_search_help_documents_syntax_fields_and_exit_codes():
    text = CliRunner().invoke(main, ["search", "--help"]).stdout
    for needle in ["OR", '"集成电路 产业"', "region:江苏", "highlights", "region_path", "Exit codes"]:
        assert needle in text

"""-o never replaces a document the index ingests, whatever its type: `icpolicy search … -o report.txt`, naming the
report just ingested from a folder, is refused (exit 2) and the report is left as it was; so (since session 35) is a
new file of a type ingest reads inside an ingested folder (the next ingest would index the results as a document); a
file outside the ingested folders, or a .csv/.jsonl inside them, is written as before.  Through the CLI."""

import subprocess
import sys

REPORT = "某市政府工作报告\n\n过去一年，全市集成电路产业营业收入增长百分之十二。\n"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_o_refuses_a_text_document_the_index_ingests(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("report.txt", "report.md", "report.html"):
        (folder / name).write_text(REPORT, encoding="utf-8")
    index = tmp_path / "index"
    assert cli("ingest", folder, "--index", index).returncode == 0
    for name in ("report.txt", "report.md", "report.html"):
        done = cli("search", "集成电路", "--index", index, "-o", folder / name)
        assert done.returncode == 2, done.stderr
        assert "ingests" in done.stderr and name in done.stderr
        assert (folder / name).read_text(encoding="utf-8") == REPORT
    done = cli("stats", "集成电路", "--index", index, "-o", folder / "report.txt")
    assert done.returncode == 2 and (folder / "report.txt").read_text(encoding="utf-8") == REPORT
    # a results file elsewhere, and a new file, are written
    (tmp_path / "old-results.txt").write_text("earlier results\n", encoding="utf-8")
    assert cli("search", "集成电路", "--index", index, "-o", tmp_path / "old-results.txt").returncode == 0
    assert "集成电路" in (tmp_path / "old-results.txt").read_text(encoding="utf-8")
    assert cli("search", "集成电路", "--index", index, "-o", folder / "hits.csv", "-f", "csv").returncode == 0


def test_o_refuses_a_new_results_file_ingest_would_read_inside_an_ingested_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    index = tmp_path / "index"
    assert cli("ingest", folder, "--index", index).returncode == 0
    for name in ("hits.txt", "hits.md", "hits.html"):
        done = cli("search", "集成电路", "--index", index, "-o", folder / name)
        assert done.returncode == 2 and "would index the results" in done.stderr, done.stderr
        assert not (folder / name).exists()
    assert cli("search", "集成电路", "--index", index, "-o", folder / "hits.jsonl", "-f", "jsonl").returncode == 0
    again = cli("ingest", folder, "--index", index)
    assert again.returncode == 0, again.stderr
    docs = cli("docs", "--all", "--index", index, "-f", "jsonl")
    assert len(docs.stdout.splitlines()) == 1

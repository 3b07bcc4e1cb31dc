"""What a listing says about the rows it holds back: on stderr for kwic (its stdout is one line per
match), and the limit that really holds them back (--per-doc, -n) in the table's line or title."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs

# four short documents of one city, each naming 储能电池 twice in two paragraphs, one with a target
_DOCS = {f"doc{k}.txt": f"滁州市2025年新能源工作通知{k}\n\n全市加快储能电池项目建设，到2027年产值突破{k * 100}亿元。\n\n"
         f"支持储能电池企业开拓海外市场，对出口额增长的企业给予奖励。\n" for k in range(1, 5)}


def test_kwic_prints_only_match_lines_and_its_summary_goes_to_stderr(tmp_path):
    index = ingest_docs(tmp_path, _DOCS)
    shown = cli("search", "储能电池", "-f", "kwic", "--all", "--index", index)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == 8 and all("储能电池" in line for line in lines), shown.stdout
    assert "8 passages in 4 documents" in shown.stderr
    quiet = cli("-q", "search", "储能电池", "-f", "kwic", "--all", "--index", index)
    assert quiet.stdout == shown.stdout and quiet.stderr == ""


def test_per_doc_says_it_is_what_holds_passages_back(tmp_path):
    index = ingest_docs(tmp_path, _DOCS)
    every = cli("search", "储能电池", "--per-doc", "1", "--all", "--index", index)
    assert every.returncode == 0, every.stderr
    last = every.stdout.splitlines()[-1]
    assert "(showing 4; at most 1 per document" in last and "--all for more" not in last, every.stdout
    cut = cli("search", "储能电池", "--per-doc", "1", "-n", "2", "--index", index)
    assert "(showing 2; -n N or --all for more)" in cut.stdout.splitlines()[-1], cut.stdout


def test_a_targets_or_docs_table_cut_at_the_limit_says_so(tmp_path):
    index = ingest_docs(tmp_path, _DOCS)
    table = cli("targets", "-n", "2", "--index", index)
    assert table.returncode == 0, table.stderr
    assert "(showing 2; -n N or --all for more)" in table.stdout.splitlines()[0], table.stdout
    whole = cli("targets", "--all", "--index", index)
    assert "showing" not in whole.stdout.splitlines()[0]
    docs = cli("docs", "-n", "3", "--index", index)
    assert docs.stdout.splitlines()[0].endswith("— 4 (showing 3; -n N or --all for more)"), docs.stdout

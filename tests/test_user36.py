"""Defects h-user36 found as a new user (session 36), on texts in our own words, through the CLI.

- A text in traditional characters was found but never highlighted (`highlights: []`, `matched: []`, no kwic line):
  its passages were stored as "plain" (their ideographs their own search forms) because the tagger normalised the
  text's simplified reading, so the traditional characters never passed through the search form's table in the
  ingesting process."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

TRADITIONAL = """臺灣地區半導體產業發展概況

據統計，去年臺灣地區集成電路產業產值持續增長，晶圓代工和封裝測試兩個環節合計佔比超過七成。

新竹科學園區聚集了多家晶圓製造企業，推動經濟穩定增長。
"""


def test_a_text_in_traditional_characters_is_highlighted_and_shows_why(tmp_path):
    index = ingest_docs(tmp_path, {"概況.txt": TRADITIONAL})
    for query, word in (("集成电路", "集成電路"), ("經濟", "經濟"), ("封装测试", "封裝測試")):
        hits = jsonl("search", query, "--index", index)
        assert hits, query
        for hit in hits:
            assert hit["matched"] == [query], hit
            assert [hit["text"][a:b] for a, b in hit["highlights"]] == [word], hit
        kwic = cli("search", query, "--index", index, "-f", "kwic")
        assert kwic.returncode == 0 and word in kwic.stdout, kwic.stdout


NUMBERED = """某市第三代半导体产业发展工作要点

一、总体要求
加快发展第三代半导体产业，壮大功率器件集群。
二、推进GaN基功率器件和SiC
MOSFET应用
支持整车企业开展车规级器件验证。
三、保障措施
加强组织领导，完善工作机制。
"""


def test_a_line_break_between_two_latin_words_in_a_numbered_line_is_no_paragraph_break(tmp_path):
    """h-user36 3: `二、推进…和SiC` / `MOSFET应用` became two passages, so `search SiC MOSFET` missed it (the quoted phrase,
    found across the passage boundary, did not)."""
    index = ingest_docs(tmp_path, {"要点.txt": NUMBERED})
    hits = jsonl("search", "SiC", "MOSFET", "--index", index)
    assert [hit["text"] for hit in hits] == ["二、推进GaN基功率器件和SiC MOSFET应用"], hits
    assert sorted(hits[0]["matched"]) == ["MOSFET", "SiC"], hits


def test_a_file_size_limit_that_stops_the_engines_writer_is_named(tmp_path):
    """h-user36 4: under `ulimit -f 50` the engine's writer thread fails and its own words (`An index writer was
    killed… io::Error most likely`) were all the message said; the limit is now named, exit 3, one line, and no index
    is left half made."""
    import resource
    import signal
    import subprocess
    import sys

    docs = tmp_path / "docs"
    docs.mkdir()
    import random

    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    pool = sorted({c for f in seeds.glob("*.txt") for c in f.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"})
    rng = random.Random(36)  # the seeds' characters in random order (many distinct bigrams): the index outgrows the limit
    for k in range(6):
        body = "。\n\n".join("".join(rng.choice(pool) for _ in range(120)) for _ in range(60))
        (docs / f"通知{k}.txt").write_text(f"关于第{k}批集成电路项目的通知\n\n支持先进封装。\n\n{body}。\n", encoding="utf-8")

    def capped():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50 * 1024, 50 * 1024))

    done = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, preexec_fn=capped)
    assert done.returncode == 3, done.stderr
    lines = [line for line in done.stderr.splitlines() if not line.startswith("icpolicy: indexing")]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "ulimit -f" in lines[0] and "no index was made" in lines[0], lines
    assert cli("search", "先进封装", "--index", str(tmp_path / "ix")).returncode != 0

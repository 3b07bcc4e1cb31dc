"""Passages per year, place, sector and type kept in the manifest at commit (trend's share denominator):
they must equal a brute count of the committed passages after every way an index changes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from icpolicy import Filters, open_index
from icpolicy.engine.keycounts import committed_opstamp

BY = ("year", "region", "city", "segment", "type")

DOCS = {
    "suzhou.txt": "苏州市人民政府关于印发苏州市集成电路产业发展行动方案的通知\n\n到2025年，苏州市集成电路产业规模达到3000亿元。\n\n"
                  "2023年，全市芯片设计企业营业收入突破500亿元。\n\n加快先进封装测试项目建设，培育晶圆制造龙头企业。",
    "hefei.txt": "合肥市2024年政府工作报告\n\n过去一年，合肥市新型显示产业产值增长12%。\n\n2024年，推动存储芯片和功率器件项目投产。\n\n"
                 "到2026年，集成电路企业数量超过500家。",
    "pudong.txt": "浦东新区关于促进人工智能产业高质量发展的若干政策\n\n对2025年新落地的算力中心给予支持。\n\n浦东新区人工智能产业规模力争达到1000亿元。",
}


def _cli(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=300, env=env)


def _write(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _brute(index_dir: Path) -> dict[str, Counter]:
    """Every committed passage read back one by one, and counted by each key."""
    counts = {by: Counter() for by in BY}
    with open_index(index_dir) as ix:
        for doc in ix.documents("", limit=None)["documents"]:
            record, passages = ix.document(doc["doc_id"])
            for p in passages:
                path = p["region_path"]
                for year in p["years"].split():
                    counts["year"][year] += 1
                for i in range(len(path)):
                    counts["region"]["/".join(path[: i + 1])] += 1
                if path:
                    counts["city"]["/".join(path[:2])] += 1
                for sector in filter(None, p["segments"].split(",")):
                    counts["segment"][sector] += 1
                counts["type"][record["doc_type"]] += 1
    return counts


def _kept(index_dir: Path) -> dict | None:
    return json.loads((index_dir / "icpolicy.json").read_text(encoding="utf-8")).get("key_counts")


def _assert_exact(index_dir: Path) -> None:
    """The manifest's counts (when they describe this commit), what counts() answers, and trend's
    `indexed` column all equal the brute count."""
    brute = _brute(index_dir)
    kept = _kept(index_dir)
    with open_index(index_dir) as ix:
        for by in BY:
            answered = {k: n for k, n, _ in ix.counts("", Filters(), by, documents=False)}
            expected = {k: n for k, n in brute[by].items() if not (by == "region" and "/" in k)}
            assert answered == expected, by
        current = kept and kept["docs"] == ix.engine.searcher.num_docs and kept["opstamp"] == committed_opstamp(index_dir)
    if current:
        assert {by: Counter(kept["by"][by]) for by in BY} == brute
    for by in ("year", "region", "city"):
        trend = _cli("trend", "产业", "--by", by, "-f", "json", "--index", index_dir)
        assert trend.returncode in (0, 1), trend.stderr
        for row in json.loads(trend.stdout)["rows"]:
            assert row["indexed"] == brute[by].get(row["key"], 0), (by, row)


def test_counts_stay_exact_through_reingest_remove_and_rebuild(tmp_path):
    docs = _write(tmp_path / "docs", DOCS)
    index_dir = tmp_path / "index"
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    kept = _kept(index_dir)
    assert kept and kept["by"]["year"] and kept["by"]["region"]  # written at commit
    _assert_exact(index_dir)

    # re-ingest: one file changes its years and place, one is added
    _write(docs, {"hefei.txt": "无锡市2022年政府工作报告\n\n2021年，无锡市集成电路产业产值增长15%。\n\n2022年，新增上市公司10家。",
                  "extra.txt": "南京市关于推进软件产业发展的实施意见\n\n到2027年，南京市软件产业规模达到1万亿元。"})
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    # the 2024 report's passages went with it (a target year elsewhere may still run on through 2024)
    assert "2021" in _kept(index_dir)["by"]["year"] and _kept(index_dir)["by"]["year"].get("2024", 0) < kept["by"]["year"]["2024"]
    _assert_exact(index_dir)

    # remove one document
    assert _cli("-q", "remove", docs / "suzhou.txt", "--index", index_dir).returncode == 0
    assert not any(k.startswith("江苏省/苏州市") for k in _kept(index_dir)["by"]["region"])
    _assert_exact(index_dir)

    # a deleted file goes at the next ingest; --rebuild starts from zero
    (docs / "extra.txt").unlink()
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    _assert_exact(index_dir)
    assert _cli("-q", "ingest", "--rebuild", docs, "--index", index_dir).returncode == 0
    _assert_exact(index_dir)



def _two_commits(tmp_path, more: dict):
    """DOCS ingested, then `more` added and ingested again: (docs folder, index, the first commit's manifest bytes)."""
    docs = _write(tmp_path / "docs", DOCS)
    index_dir = tmp_path / "index"
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    old_manifest = (index_dir / "icpolicy.json").read_bytes()
    _write(docs, more)
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    return docs, index_dir, old_manifest

def test_counts_written_before_a_later_tantivy_commit_are_not_used(tmp_path):
    """A process killed after tantivy's commit and before the manifest's leaves counts of the
    commit before: they must not be read (the counts fall back to counting)."""
    docs, index_dir, old_manifest = _two_commits(tmp_path, {"more.txt": "杭州市2023年政府工作报告\n\n2022年，杭州市数字经济核心产业增加值增长10%。"})
    (index_dir / "icpolicy.json").write_bytes(old_manifest)  # as if killed between the two commits
    with open_index(index_dir) as ix:
        years = {k: n for k, n, _ in ix.counts("", Filters(), "year", documents=False)}
    assert years == dict(_brute(index_dir)["year"]) and "2022" in years
    _assert_exact(index_dir)
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0  # the next ingest writes them afresh
    _assert_exact(index_dir)


def test_type_filter_reads_the_kept_types_only_when_they_describe_the_commit(tmp_path):
    """A type filter matches the types the index holds: read from the manifest's counts when they
    describe the commit, counted when they do not (a type new in the later commit is found)."""
    docs, index_dir, old_manifest = _two_commits(tmp_path, {"nanjing.txt": "南京市关于推进软件产业发展的实施意见\n\n到2027年，南京市软件产业规模达到1万亿元。"})
    assert "实施意见" in _kept(index_dir)["by"]["type"] and "实施意见" not in json.loads(old_manifest)["key_counts"]["by"]["type"]
    with open_index(index_dir) as ix:
        fresh = [(h.doc_id, h.passage) for h in ix.search("产业", Filters(types=["意见"]), limit=None).hits]
    assert fresh
    (index_dir / "icpolicy.json").write_bytes(old_manifest)  # as if killed between the two commits
    with open_index(index_dir) as ix:
        assert [(h.doc_id, h.passage) for h in ix.search("产业", Filters(types=["意见"]), limit=None).hits] == fresh


def test_counts_match_after_a_killed_ingest(tmp_path):
    docs = _write(tmp_path / "docs", DOCS)
    index_dir = tmp_path / "index"
    assert _cli("-q", "ingest", docs, "--index", index_dir).returncode == 0
    many = tmp_path / "many"
    many.mkdir()
    for i in range(150):
        (many / f"d{i:03d}.txt").write_text(f"成都市{2010 + i % 15}年第{i}号通知\n\n到{2020 + i % 9}年，成都市第{i}号园区产值达到{i + 1}亿元。", encoding="utf-8")
    env = dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "-q", "ingest", str(many), "--index", str(index_dir), "-j", "2"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    first = (index_dir / "icpolicy.json").stat().st_mtime_ns
    while time.monotonic() < deadline and process.poll() is None and (index_dir / "icpolicy.json").stat().st_mtime_ns == first:
        time.sleep(0.02)
    time.sleep(0.1)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    _assert_exact(index_dir)
    shutil.rmtree(many)

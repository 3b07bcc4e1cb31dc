"""The ClickHouse backend (issue 16) against the embedded index: the same corpora loaded into
both, the same queries asked of both.  Runs on chdb (ClickHouse in this process); skips only
when chdb is not installed.

chdb opens one data folder per process, so the in-process tests share one folder with a
database per corpus; the CLI tests run subprocesses, each with its own folder.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from types import SimpleNamespace
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SEEDS

pytest.importorskip("chdb", reason="chdb is not installed (pip install -e '.[test,clickhouse]')")

from icpolicy.engine.clickhouse.schema import SCHEMA_VERSION  # noqa: E402
from icpolicy.engine.clickhouse.connection import ChdbConnection  # noqa: E402
from icpolicy.engine.clickhouse.search import ClickHouseIndex  # noqa: E402
from icpolicy.engine.search import Filters, open_index  # noqa: E402
from icpolicy.pipeline import clickhouse_load  # noqa: E402
from icpolicy.pipeline.ingest import ingest  # noqa: E402

TIE = 1e-6
TIE_ENGINES = 1e-5  # tantivy scores in 32-bit floats, the ClickHouse backend in 64
REGIONS = ["江苏省", "上海市", "广东省", "苏州市", "无锡市", "深圳市", "浦东新区", "昆山市", "北京市", "四川省"]
TYPES = ["政府工作报告", "行动方案", "实施意见", "通知"]


@pytest.fixture(scope="session")
def chdb_folder(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("chdb"))


def _pair(tmp_path_factory, chdb_folder: str, name: str, paths: list[Path]):
    """(embedded index, ClickHouse index) of the same files."""
    folder = tmp_path_factory.mktemp(f"{name}-index") / "index"
    report = ingest(paths, folder, workers=1)
    assert report.indexed and not report.skipped
    conn = ChdbConnection(chdb_folder, database=f"t_{name}")
    loaded = clickhouse_load.ingest(paths, conn, workers=1)
    assert sorted(loaded.indexed) == sorted(report.indexed) and loaded.passages == report.passages
    return open_index(folder), ClickHouseIndex(conn)


def _generated(out: Path, seed: int, documents: int = 40) -> Path:
    """Documents recombined from the seeds' paragraphs, titled with a region, a year and a type (as benchmarks/generate.py does)."""
    rng = random.Random(seed)
    pool = [line for path in sorted(SEEDS.iterdir()) for line in path.read_text(encoding="utf-8").splitlines() if len(line) >= 12]
    out.mkdir(parents=True, exist_ok=True)
    for k in range(documents):
        year, region, kind = rng.randint(2018, 2026), rng.choice(REGIONS), rng.choice(TYPES)
        lines = [f"{year}年{region}{kind}"] + [rng.choice(pool) for _ in range(rng.randint(3, 12))]
        (out / f"gen_{k:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, chdb_folder):
    """Three corpora on both backends: real (seeds and part of ../shared/corpus), generated, and hand-written edge cases."""
    real = [SEEDS]
    if CORPUS.exists():
        picked = tmp_path_factory.mktemp("real")
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix in {".md", ".html", ".docx"} or (path.suffix == ".txt" and path.stat().st_size < 30_000):
                (picked / path.name).write_bytes(path.read_bytes())
        real.append(picked)
    edge = tmp_path_factory.mktemp("edge")
    (edge / "hostile.txt").write_text(
        "2024年江苏省苏州市集成电路行动方案\n"
        "限时优惠50%_off，引号'单引号'与\\反斜杠\\并存；百分号%与下划线_也在正文里。\n"
        "{p0:String} 这样的占位符文字，以及 '); DROP TABLE passages; -- 这样的文字，都只是文字。\n"
        "碳化硅（SiC）功率器件与 ASIC 芯片，IC 设计企业集聚。\n", encoding="utf-8")
    # a term that runs from one passage into the next: found in the passage where it starts
    (edge / "boundary.md").write_text("# 2025年上海市浦东新区实施意见\n\n" + "推动产业发展，" * 56 + "重点支持先进" + "\n\n" + "封装测试项目建设。" * 20 + "\n", encoding="utf-8")
    return {
        "real": _pair(tmp_path_factory, chdb_folder, "real", real),
        "generated": _pair(tmp_path_factory, chdb_folder, "generated", [_generated(tmp_path_factory.mktemp("gen"), seed=20261130)]),
        "edge": _pair(tmp_path_factory, chdb_folder, "edge", [edge]),
    }


def _check(embedded, clickhouse, text: str, **kwargs) -> None:
    """Same totals, facets, hit sets and hit contents as the folder index; a top 10 that is the
    true best 10 of the backend's own ranking (checked against every hit scored one by one), in
    the folder index's order where scores differ by more than a tie, with its scores."""
    a = embedded.search(text, limit=None, **kwargs)
    b = clickhouse.search(text, limit=None, **kwargs)
    where = f"{text!r} {kwargs}"
    assert (b.total, b.documents) == (a.total, a.documents), where
    assert (b.by_region, b.by_year, b.by_type) == (a.by_region, a.by_year, a.by_type), where
    key = lambda h: (h.doc_id, h.passage)
    assert {key(h) for h in b.hits} == {key(h) for h in a.hits}, where
    top = clickhouse.search(text, limit=10, **kwargs)
    assert (top.total, top.documents, top.by_region, top.by_year) == (a.total, a.documents, a.by_region, a.by_year), where
    if kwargs.get("sort", "score") == "score":
        _is_best(top.hits, b.hits, where)
        _same_order(embedded.search(text, limit=11, **kwargs).hits, top.hits, where)
    same = {key(h): h for h in a.hits}
    for hit in top.hits:
        twin = same[key(hit)]
        assert (hit.highlights, hit.matched, hit.text, hit.region_path, hit.years, hit.segments, hit.title, hit.source) == \
               (twin.highlights, twin.matched, twin.text, twin.region_path, twin.years, twin.segments, twin.title, twin.source), where


def _same_order(first, second, where: str) -> None:
    """Two top lists rank alike: the same score at every rank (to a tie: tantivy adds in 32-bit
    floats), and the same hit wherever its score is clear of its neighbours' by more than a tie.
    first has one hit more when there is one (the neighbour of the last)."""
    tie = lambda x, y: abs(x - y) <= TIE_ENGINES * max(1.0, abs(x))
    assert len(first[: len(second)]) == len(second) and len(first) <= len(second) + 1, where
    for k, (a, b) in enumerate(zip(first, second)):
        assert tie(a.score, b.score), (where, k, a.score, b.score)
        clear = all(not tie(a.score, other.score) for other in first[max(0, k - 1) : k] + first[k + 1 : k + 2])
        assert not clear or (a.doc_id, a.passage) == (b.doc_id, b.passage), (where, k, a.score, b.score)


def _is_best(top, every, where: str) -> None:
    """The top hits are the best by score among all hits (each scored on its own), ties aside."""
    ranked = sorted(every, key=lambda h: -h.score)[: len(top)]
    assert [round(h.score, 9) for h in top] == [round(h.score, 9) for h in ranked], where
    if ranked:
        last = ranked[-1].score
        clear = {(h.doc_id, h.passage) for h in ranked if h.score > last + TIE * max(1.0, abs(last))}
        assert clear <= {(h.doc_id, h.passage) for h in top}, where


FORMS = ["{a}", "{a} {b}", "{a} OR {b}", "{a} -{b}", "NOT {b} {a}", "({a} OR {b}) {c}", '"{a}{b}"', "{a} OR ({b} -{c})"]
TERMS = ["集成电路", "半导体", "芯片", "封装", "设计", "人工智能", "制造", "先进封装", "产业链", "光伏", "晶圆", "碳化硅", "封测"]


def _queries(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(FORMS).format(a=rng.choice(TERMS), b=rng.choice(TERMS), c=rng.choice(TERMS)) for _ in range(count)]


@pytest.mark.parametrize("name", ["real", "generated"])
def test_every_query_form_gives_the_same_hits(corpora, name):
    embedded, clickhouse = corpora[name]
    for text in _queries(7, 20) + ["", "年", "region:江苏 集成电路", "year:2024-2025 产业 OR 企业", "-发展", "type:行动方案"]:
        _check(embedded, clickhouse, text)


# common terms under OR and NOT: the SQL decides each term's match from the occurrence count it
# ranks by (translate.match_sql), a NOT term from its first position; a term both ways, an OR with a NOT branch
COMMON = ["产业 OR 发展", "企业 OR 产业 OR 发展", "(产业 OR 企业) 发展", "产业 -发展", "NOT 企业 产业", "-发展", "(产业 OR 企业) -发展",
          "产业 OR (企业 -发展)", "发展 OR NOT 企业", "产业 NOT (企业 OR 发展)", "产业 -产业", "发展 OR -发展", '"产业发展" OR 企业']


@pytest.mark.parametrize("name", ["real", "generated"])
def test_or_of_common_terms_and_not_give_the_same_hits_and_top_ten(corpora, name):
    embedded, clickhouse = corpora[name]
    assert clickhouse.search("产业 OR 发展", limit=10).total > 64  # more matches than the SQL path takes as candidates
    for text in COMMON:
        _check(embedded, clickhouse, text)
        _check(embedded, clickhouse, text, scope="document")
        _check(embedded, clickhouse, text, filters=Filters(year="2022-"))
        # the SQL top 10 is the first 10 of every match ranked one by one (ties in (doc, passage) order), and
        # the folder index's top 10 where scores differ by more than a tie (both rank by tantivy's BM25)
        for f in (None, Filters(regions=["江苏"])):
            every = sorted(clickhouse.search(text, filters=f, limit=None).hits, key=lambda h: (-round(h.score, 9), h.doc_id, h.passage))
            top = clickhouse.search(text, filters=f, limit=10).hits
            assert [(h.doc_id, h.passage, round(h.score, 9)) for h in top] == \
                   [(h.doc_id, h.passage, round(h.score, 9)) for h in every[:10]], (text, f)
            _same_order(embedded.search(text, filters=f, limit=11).hits, top, f"{text} {f}")
    for by in ("region", "year"):  # trend / stats counts of the same queries
        for text in COMMON:
            assert sorted(clickhouse.counts(text, None, by)) == sorted(embedded.counts(text, None, by)), (text, by)


@pytest.mark.parametrize("name", ["real", "generated"])
def test_every_mode_gives_the_same_hits(corpora, name):
    embedded, clickhouse = corpora[name]
    modes = [{"scope": "sentence"}, {"scope": "document"}, {"fuzzy": True}, {"expand": True}, {"sort": "year"}, {"sort": "region"}]
    for k, text in enumerate(_queries(11, 4 if name == "real" else 8) + ["IC", "碳化硅", "先进封装测试", "集成电路 -封装"]):
        for mode in modes:
            _check(embedded, clickhouse, text, **mode)
        _check(embedded, clickhouse, text, scope="document", expand=True, sort=["score", "year"][k % 2])


@pytest.mark.parametrize("name", ["real", "generated"])
def test_every_filter_gives_the_same_hits(corpora, name):
    embedded, clickhouse = corpora[name]
    filters = [Filters(regions=["江苏"]), Filters(regions=["苏州", "上海"]), Filters(regions=["浦东"]), Filters(year="2024"),
               Filters(year="2023-"), Filters(year="-2020"), Filters(segments=["packaging"]), Filters(segments=["fab", "芯片设计"]),
               Filters(types=["行动方案"]), Filters(regions=["广东"], year="2020-2026", types=["政府工作报告", "通知"]),
               Filters(doc_year="2024"), Filters(doc_year="2021-2023", types=["行动方案"]), Filters(doc_year="2025-", year="-2024")]
    for f in filters:
        for text in ["", "集成电路", "产业 -发展", "芯片 OR 半导体"]:
            _check(embedded, clickhouse, text, filters=f)
        _check(embedded, clickhouse, "集成电路 企业", filters=f, scope="sentence")


@pytest.mark.parametrize("name", ["real", "generated"])
def test_counts_and_documents_agree(corpora, name):
    embedded, clickhouse = corpora[name]
    for by in ["region", "city", "year", "segment", "type"]:
        for text, f in [("", None), ("集成电路", None), ("产业 -发展", Filters(year="2022-2026")), ("芯片", Filters(regions=["江苏"]))]:
            assert sorted(clickhouse.counts(text, f, by)) == sorted(embedded.counts(text, f, by)), (text, by)
            # passages only (trend's denominator): the same passage counts, no document counts
            for ix in (embedded, clickhouse):
                assert ix.counts(text, f, by, documents=False) == [(k, p, 0) for k, p, _ in ix.counts(text, f, by)], (text, by)
    years = [key for key, _, _ in clickhouse.counts("", None, "year")]
    assert years == sorted(years)
    for hit in embedded.search("", limit=None).hits[::25]:
        assert clickhouse.document(hit.doc_id) == embedded.document(hit.doc_id)
    with pytest.raises(KeyError):
        clickhouse.document("no-such-doc")


def test_hostile_terms_are_values_not_sql(corpora):
    embedded, clickhouse = corpora["edge"]
    from icpolicy.errors import QueryError, UsageError
    from icpolicy.text.normalize import normalise

    for text in ["'", "\\", "%", "_", "50%_off", "'单引号'", "\\反斜杠\\", "{p0:String}", "'); DROP TABLE passages; --", "%_", "a\0b", "\0"]:
        if not normalise(text):  # nothing searchable: the shared parser refuses it for both
            for ix in (embedded, clickhouse):
                with pytest.raises(QueryError):
                    ix.search(f'"{text}"')
            continue
        _check(embedded, clickhouse, f'"{text}"')
        for ix in (embedded, clickhouse):  # as a --type value: part of no document type, refused before any SQL
            with pytest.raises(UsageError):
                ix.search(f'"{text}"', filters=Filters(types=[text]))
    assert clickhouse.search('"50%_off"').total == 1
    assert clickhouse.search('"\'单引号\'"').total == 1
    assert clickhouse.search('"%"').total == 1 and clickhouse.search('"_"').total == 1
    assert clickhouse.search('"%x_"').total == 0  # % and _ are not wildcards
    assert clickhouse.search("", limit=None).total == embedded.search("", limit=None).total  # the tables are still there


def test_latin_synonyms_and_passage_tails_match_exactly(corpora):
    embedded, clickhouse = corpora["edge"]
    for text in ["SiC", "IC", "碳化硅", "集成电路", "先进封装", "先进封装测试", "支持先进封装", "测试项目"]:
        for mode in [{}, {"expand": True}, {"scope": "document", "expand": True}, {"scope": "sentence", "expand": True}]:
            _check(embedded, clickhouse, text, **mode)
    # brute force over the stored passages: a term counts in the passage where it starts, running on into the next
    from icpolicy.text.normalize import normalise

    for term in ["先进封装", "支持先进封装测试"]:
        hits = clickhouse.search(term, limit=None).hits
        doc_id = next(h.doc_id for h in clickhouse.search("浦东", limit=None).hits)
        texts = [p["text"] for p in clickhouse.document(doc_id)[1]]
        expected = {k for k, text in enumerate(texts)
                    if -1 < normalise(text + "".join(texts[k + 1:k + 2])).find(term) < len(normalise(text))}
        assert expected and {h.passage for h in hits if h.doc_id == doc_id} == expected, term


def _ranking_corpus(out: Path) -> Path:
    """Many passages holding 电路, where the whole-word boost decides the top 10: inside 集成电路
    (jieba's word there is 集成电路) many times in short passages, and on its own, a word, once in
    a few; a multi-term pair in the same way; more matches than the SQL path takes as candidates."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(16)
    for k in range(12):
        paragraphs = [f"{2020 + k % 6}年江苏省集成电路通知"]
        for j in range(12):
            paragraphs.append("集成电路集成电路集成电路" + "发展" * rng.randint(0, 6) + "。")
            if (k * 12 + j) % 37 == 0:
                paragraphs.append("我们检查电路，" + "推进项目建设" * rng.randint(1, 4) + "。")
            if (k * 12 + j) % 11 == 0:
                paragraphs.append("企业在园区测试电路，园区企业扩大生产" + "规模" * rng.randint(0, 3) + "。")
        (out / f"rank_{k:02d}.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return out


def test_top_ten_is_exact_when_the_boost_reorders_past_the_candidates(tmp_path_factory, chdb_folder):
    """The SQL path ranks by a bound (every term counted as a word), takes exact scores of the best
    candidates only, and ranks every match exactly when the bound cannot settle the top 10: a
    word occurrence that scores past many longer non-word runs must still come first."""
    embedded, clickhouse = _pair(tmp_path_factory, chdb_folder, "ranking", [_ranking_corpus(tmp_path_factory.mktemp("rank"))])
    for text in ["电路", "集成电路", "电路 园区", "电路 OR 企业", "电路 -检查", '"测试电路"']:
        assert clickhouse.search(text, limit=None).total > 80 or text != "电路", text
        _check(embedded, clickhouse, text)
        for limit in (1, 3, 25):
            top = clickhouse.search(text, limit=limit).hits
            _is_best(top, clickhouse.search(text, limit=None).hits, f"{text} limit {limit}")
    top = clickhouse.search("电路", limit=10).hits
    assert {h.text[:6] for h in top[:4]} <= {"我们检查电路", "企业在园区测"}, [h.text for h in top]

    # the bound counts a term as a word only where `terms` knows it as one: which must hold every word loaded
    conn, db = clickhouse.conn, clickhouse.db
    loaded = {w for r in conn.rows(f"SELECT words FROM {db}.passages") for w in r["words"].split("\x1f") if w}
    assert "电路" in loaded and "测试电路" not in loaded
    known = {int(r["h"]) for r in conn.rows("SELECT cityHash64(w) AS h FROM (SELECT arrayJoin({w:Array(String)}) AS w)", {"w": sorted(loaded)})}
    assert known <= {int(r["token"]) for r in conn.rows(f"SELECT token FROM {db}.terms WHERE kind = 2 GROUP BY token HAVING sum(n) > 0")}
    _terms_exact(conn, db)
    # wordbits has the bits of every word a passage was loaded with (so a term whose bits are not all set is no word there)
    from icpolicy.engine.clickhouse.schema import bit_places

    pairs = [(w, r["wordbits"]) for r in conn.rows(f"SELECT words, wordbits FROM {db}.passages") for w in r["words"].split("\x1f") if w]
    unset = [w for w, bits in pairs if not all(int(bits[i]) >> place & 1 for i, place in enumerate(bit_places(w)))]
    assert len(pairs) > 100 and not unset, unset[:5]


def _terms_exact(conn, db: str) -> None:
    """The terms table holds each token's count over the live passages, and only those."""
    from icpolicy.engine.clickhouse.schema import TERM_KEYS

    kept = {(r["kind"], r["token"]): int(r["n"]) for r in conn.rows(f"SELECT kind, token, sum(n) AS n FROM {db}.terms GROUP BY kind, token HAVING n != 0")}
    fresh = {(r["kind"], r["token"]): int(r["n"]) for r in conn.rows(f"SELECT k.1 AS kind, k.2 AS token, count() AS n FROM {db}.passages "
                                                                      f"ARRAY JOIN {TERM_KEYS} AS k GROUP BY kind, token")}
    assert kept == fresh and len(kept) > 10


def test_reingest_replaces_and_a_kill_leaves_whole_documents(tmp_path, chdb_folder):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(6):
        (docs / f"d{k}.txt").write_text(f"2024年江苏省第{k}号通知\n" + "集成电路产业发展。\n" * (k + 1), encoding="utf-8")
    conn = ChdbConnection(chdb_folder, database="t_reload")
    first = clickhouse_load.ingest([docs], conn, workers=1)
    assert len(first.indexed) == 6
    (docs / "d0.txt").write_text("2024年江苏省第0号通知\n改为光伏产业。\n", encoding="utf-8")
    second = clickhouse_load.ingest([docs], conn, workers=1)
    assert second.indexed == [str(docs / "d0.txt")] and len(second.unchanged) == 5
    ix = ClickHouseIndex(conn)
    assert ix.search("光伏").total == 1 and ix.search("集成电路", limit=None).documents == 5
    assert conn.rows("SELECT count() AS n FROM t_reload.passages")[0]["n"] == ix.search("", limit=None).total  # old rows cleaned up
    _terms_exact(conn, "t_reload")  # the replaced rows' tokens subtracted
    # a clean-up cut off after subtracting and before its DELETE: the next one counts afresh, never twice
    (docs / "d1.txt").write_text("2024年江苏省第1号通知\n改为新能源汽车。\n", encoding="utf-8")
    from icpolicy.engine.clickhouse import loader as ch_loader

    real_command = conn.command
    def cut_off(sql, params=None):
        if sql.startswith("DELETE FROM"):
            raise KeyboardInterrupt
        real_command(sql, params)
    conn.command = cut_off
    with pytest.raises(KeyboardInterrupt):
        clickhouse_load.ingest([docs], conn, workers=1)
    conn.command = real_command
    ch_loader.clean_up(conn)
    _terms_exact(conn, "t_reload")
    assert ClickHouseIndex(conn).search("新能源汽车").total == 1

    # A load killed between inserting a batch's passages and committing it: run it in a child and SIGKILL it there.
    script = f"""
import os, signal
from pathlib import Path
from icpolicy.engine.clickhouse.connection import ChdbConnection
from icpolicy.engine.clickhouse.loader import Loader
from icpolicy.pipeline.ingest import read_document
conn = ChdbConnection({chdb_folder + '-kill'!r}, database="t_kill")
real = conn.insert_tsv
def insert(table, columns, body, settings=None):
    real(table, columns, body, settings)
    if table == "passages" and os.environ.get("ARMED"):
        os.kill(os.getpid(), signal.SIGKILL)
conn.insert_tsv = insert
files = sorted(Path({str(docs)!r}).iterdir())
with Loader(conn, batch_bytes=1) as loader:
    loader.add(read_document(files[0]))
    loader.wait()  # the first batch committed (batches are inserted by a background thread)
    os.environ["ARMED"] = "1"
    for path in files[1:]:
        (path.write_text(path.read_text(encoding="utf-8") + "新增一段。\\n", encoding="utf-8"))
        loader.add(read_document(path))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    check = f"""
from icpolicy.engine.clickhouse.connection import ChdbConnection
from icpolicy.engine.clickhouse.search import ClickHouseIndex
conn = ChdbConnection({chdb_folder + '-kill'!r}, database="t_kill")
ix = ClickHouseIndex(conn)
hits = ix.search("", limit=None).hits
stored = conn.rows("SELECT count() AS n FROM t_kill.passages")[0]["n"]
print(len({{h.doc_id for h in hits}}), len(hits), stored, ix.document(hits[0].doc_id)[0]["n_passages"])
"""
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    documents, visible, stored, n_passages = map(int, out.stdout.split())
    assert documents == 1 and visible == n_passages  # the committed document, whole; the killed batch's rows unseen
    assert stored > visible  # they are there, orphaned, until the next load cleans up


def test_a_big_batch_is_written_by_every_core_as_parts_of_its_own(tmp_path, chdb_folder, monkeypatch):
    """One insert of a batch of several blocks' size is written as several parts (on a thread per core), and every
    passage is found; a batch below two blocks stays one part."""
    from icpolicy.engine.clickhouse import loader as ch_loader, schema

    assert ch_loader.split_settings(ch_loader.MIN_BLOCK_BYTES * 2 - 1, 8) is None  # a small load: one part
    assert ch_loader.split_settings(ch_loader.MIN_BLOCK_BYTES * 100, 1) is None  # one core: one writer
    many = ch_loader.split_settings(210_000_000, 64)  # the default batch on many cores: a few big blocks, not 128 small ones
    assert many["max_insert_threads"] == 6 and many["min_insert_block_size_bytes"] >= ch_loader.MIN_BLOCK_BYTES
    monkeypatch.setattr(ch_loader, "MIN_BLOCK_BYTES", 1000)  # the test corpus as if it were a 64 MB batch
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(40):
        (docs / f"d{k}.txt").write_text(f"2024年江苏省第{k}号通知\n" + f"集成电路产业第{k}项任务，推进先进封装。\n" * 30, encoding="utf-8")
    conn = ChdbConnection(chdb_folder, database="t_split")
    conn.cores = 2
    schema.create(conn)
    conn.command("SYSTEM STOP MERGES t_split.passages")  # the parts as the insert wrote them
    loaded = clickhouse_load.ingest([docs], conn, workers=1)
    parts = conn.rows("SELECT count() AS n FROM system.parts WHERE active AND database = 't_split' AND table = 'passages'")
    assert int(parts[0]["n"]) >= 2
    assert loaded.passages == 40 * 31 and ClickHouseIndex(conn).search("先进封装", limit=None).total == 40 * 30
    _terms_exact(conn, "t_split")


def _cli(*args, env_extra=None, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), **(env_extra or {})}
    env.pop("ICPOLICY_BACKEND", None) if env_extra is None or "ICPOLICY_BACKEND" not in env_extra else None
    return subprocess.run([sys.executable, "-m", "icpolicy", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=180)


def _rows(out: str):
    """Output in a comparable form: count rows in key order (equal counts come in either order),
    hits in key order without scores (equal scores come in either order, and a score is the same
    only to 32-bit precision: _same_order compares rankings)."""
    if out.startswith("{") and '"hits"' in out:
        payload = json.loads(out)
        for part in [payload] + payload.get("regions", []):
            for hit in part.get("hits", []):
                hit.pop("score")
            part.get("hits", []).sort(key=lambda h: (h["doc_id"], h["passage"]))
        return payload
    if out.startswith("{") and '"rows"' in out:
        payload = json.loads(out)
        for row in [payload] + payload["rows"]:
            row.get("rows", row.get("cities", [])).sort(key=lambda r: (-r["passages"], r["key"]))
        return payload
    first = out.split("\n", 1)[0]
    return sorted(out.splitlines()) if "city" in first and "passages" in first else out


def test_every_command_works_on_chdb(tmp_path, seed_index):
    spec = f"chdb:{tmp_path / 'ch'}"
    done = _cli("--backend", spec, "ingest", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert "indexed 5 files" in done.stderr
    found = _cli("--backend", spec, "search", "集成电路", "-a", "-f", "json", "--region", "上海", "--year", "2023-2025")
    payload = json.loads(found.stdout)
    assert found.returncode == 0 and len(payload["hits"]) > 3 and all(h["region_path"][0] == "上海市" for h in payload["hits"])
    embedded = _cli("search", "集成电路", "-a", "-f", "json", "--region", "上海", "--year", "2023-2025", "--index", str(seed_index)).stdout
    assert _rows(found.stdout) == _rows(embedded)
    for args in (["search", "集成电路 封装", "--same-sentence", "-a", "-f", "json"], ["search", "先进封装", "--fuzzy", "--expand", "-a", "-f", "json"],
                 ["search", "集成电路", "--scope", "document", "--sort", "region", "-a", "-f", "json"], ["stats", "集成电路", "-f", "json"],
                 ["stats", "--by", "segment", "-f", "json"], ["trend", "集成电路", "-f", "json"], ["trend", "芯片", "--by", "city", "-f", "csv"],
                 ["compare", "集成电路", "-r", "江苏", "-r", "上海", "-n", "100", "-f", "json"], ["search", "晶圆", "-r", "江苏", "-a", "-f", "json"]):
        ours = _cli("--backend", spec, *args)
        theirs = _cli(*args, "--index", str(seed_index))
        assert (ours.returncode, _rows(ours.stdout)) == (theirs.returncode, _rows(theirs.stdout)), args
    doc_id = payload["hits"][0]["doc_id"]
    shown = _cli("--backend", spec, "show", doc_id, "集成电路", "-f", "json")
    assert json.loads(shown.stdout) == json.loads(_cli("show", doc_id, "集成电路", "-f", "json", "--index", str(seed_index)).stdout)
    via_env = _cli("stats", "-f", "json", env_extra={"ICPOLICY_BACKEND": spec})
    assert _rows(via_env.stdout) == _rows(_cli("stats", "-f", "json", "--index", str(seed_index)).stdout)
    again = _cli("--backend", spec, "ingest", str(SEEDS))
    assert again.returncode == 0 and "5 unchanged" in again.stderr


def test_migrate_and_tsv_export_carry_every_passage(tmp_path, seed_index):
    spec = f"chdb:{tmp_path / 'ch'}"
    moved = _cli("migrate", "--from", str(seed_index), "--to", spec)
    with open_index(seed_index) as ix:
        stored = ix.search("", limit=None).total
    assert moved.returncode == 0 and f"migrated 5 documents ({stored} passages)" in moved.stderr, moved.stderr
    for args in (["search", "集成电路", "-a", "-f", "json"], ["stats", "--by", "year", "-f", "json"]):
        assert _rows(_cli("--backend", spec, *args).stdout) == _rows(_cli(*args, "--index", str(seed_index)).stdout)
    out = tmp_path / "tsv"
    exported = _cli("export", "--to", "clickhouse-tsv", "-o", str(out), "--index", str(seed_index))
    assert exported.returncode == 0, exported.stderr
    assert "clickhouse-client" in (out / "load.sh").read_text() and "CREATE TABLE" in (out / "schema.sql").read_text()
    again = tmp_path / "tsv-from-chdb"
    assert _cli("--backend", spec, "export", "--to", "clickhouse-tsv", "-o", str(again)).returncode == 0
    for name in ("passages.tsv", "documents.tsv"):  # the same rows whichever store they come from (generations aside)
        rows = lambda folder: sorted(line.split("\t", 1)[1] for line in (folder / name).read_text(encoding="utf-8").splitlines())
        assert rows(again) == rows(out) and len(rows(out)) in (5, stored)
    # what clickhouse-client would do, done with chdb: run schema.sql, load both TSV files, search
    load = f"""
from pathlib import Path
from icpolicy.engine.clickhouse.connection import ChdbConnection
from icpolicy.engine.clickhouse.loader import DOCUMENT_COLUMNS, PASSAGE_COLUMNS
from icpolicy.engine.clickhouse.search import ClickHouseIndex
conn = ChdbConnection({str(tmp_path / 'loaded')!r})
for statement in Path({str(out / 'schema.sql')!r}).read_text().split(";\\n"):
    if statement.strip():
        conn.command(statement)
for table, columns in (("passages", PASSAGE_COLUMNS), ("documents", DOCUMENT_COLUMNS)):
    conn.insert_tsv(table, columns, Path({str(out)!r}, table + ".tsv").read_text())
for statement in Path({str(out / 'finish.sql')!r}).read_text().split(";\\n"):  # the BM25 term counts
    if statement.strip():
        conn.command(statement)
found = ClickHouseIndex(conn).search("集成电路 人才", limit=10)
print(json.dumps([found.total, [(h.doc_id, h.passage, h.score) for h in found.hits]]))
"""
    loaded = subprocess.run([sys.executable, "-c", "import json\n" + load], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    total, top = json.loads(loaded.stdout)
    with open_index(seed_index) as ix:
        theirs = ix.search("集成电路 人才", limit=11)
        assert total == theirs.total and top
        _same_order(theirs.hits, [SimpleNamespace(doc_id=d, passage=k, score=x) for d, k, x in top], "loaded from TSV")


def test_backend_errors_are_one_line_with_the_documented_codes(tmp_path):
    bad = _cli("--backend", "mysql://x", "search", "芯片")
    assert bad.returncode == 2 and "chdb:PATH" in bad.stderr and "Traceback" not in bad.stderr
    closed = _cli("--backend", "clickhouse://127.0.0.1:9/icpolicy", "search", "芯片")  # nothing listens on the discard port
    assert closed.returncode == 3 and closed.stderr.count("\n") == 1 and "cannot use ClickHouse at 127.0.0.1:9" in closed.stderr
    empty = _cli("--backend", f"chdb:{tmp_path / 'none'}", "search", "芯片")
    assert empty.returncode == 3 and "ingest" in empty.stderr and "Traceback" not in empty.stderr
    spec = f"chdb:{tmp_path / 'old'}"
    assert _cli("--backend", spec, "ingest", str(SEEDS / sorted(os.listdir(SEEDS))[0])).returncode == 0
    bump = f"""
from icpolicy.engine.clickhouse.connection import ChdbConnection
conn = ChdbConnection({str(tmp_path / 'old')!r})
conn.command("INSERT INTO icpolicy.meta (key, value, at) VALUES ('schema_version', {{v:String}}, now() + 10)", {{"v": "0"}})
"""
    subprocess.run([sys.executable, "-c", bump], check=True, timeout=120)
    old = _cli("--backend", spec, "search", "芯片")
    assert old.returncode == 3 and "schema 0" in old.stderr and "Traceback" not in old.stderr
    # a folder another process has open (chdb runs one process per folder): a search and an ingest are refused in one line
    holder = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
from icpolicy.engine.clickhouse.connection import ChdbConnection
ChdbConnection({str(tmp_path / 'old')!r}).rows("SELECT 1")
print("open", flush=True)
time.sleep(60)
"""], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for args in (["search", "芯片"], ["ingest", str(SEEDS)]):
            busy = _cli("--backend", spec, *args)
            assert busy.returncode == 3 and busy.stderr.strip().count("\n") == 0 and "Traceback" not in busy.stderr and "in use by another process" in busy.stderr, busy.stderr
    finally:
        holder.kill()
        holder.wait()
    assert "schema 0" in _cli("--backend", spec, "search", "芯片").stderr  # opened again once the other process has gone


def _json_rows(out: str, key: str) -> list:
    """The rows of a view's JSON in a fixed order (hits come in each backend's own score order)."""
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in json.loads(out)[key])


def test_views_info_and_remove_work_on_chdb(tmp_path, seed_index):
    spec = f"chdb:{tmp_path / 'ch'}"
    missing = _cli("--backend", spec, "info", "-f", "json")
    assert missing.returncode == 3 and json.loads(missing.stdout)["exists"] is False and not (tmp_path / "ch").exists()
    assert _cli("--backend", spec, "ingest", str(SEEDS)).returncode == 0
    for args, key in ((["targets", "集成电路", "-a", "-f", "json"], "targets"), (["docs", "集成电路", "-a", "-f", "json"], "documents"),
                      (["docs", "--issuer", "人民政府", "--sort", "issued", "-f", "json"], "documents"),
                      (["docs", "--title", "集成电路", "-r", "江苏", "-f", "json"], "documents")):
        ours, theirs = _cli("--backend", spec, *args), _cli(*args, "--index", str(seed_index))
        assert ours.returncode == theirs.returncode and _json_rows(ours.stdout, key) == _json_rows(theirs.stdout, key), args
    issued = ["docs", "--sort", "issued", "-a", "-f", "json"]  # an order both backends share: the documents' own dates
    assert json.loads(_cli("--backend", spec, *issued).stdout) == json.loads(_cli(*issued, "--index", str(seed_index)).stdout)

    with open_index(seed_index) as ix:
        passages = ix.search("", limit=None).total
    facts = json.loads(_cli("--backend", spec, "info", "-f", "json").stdout)
    assert (facts["index"], facts["why"], facts["exists"], facts["problem"]) == (spec, "flag", True, None)
    assert (facts["documents"], facts["passages"], facts["schema_version"]) == (5, passages, SCHEMA_VERSION) and facts["bytes"] > 0 and facts["last_ingest"]
    table = _cli("info", env_extra={"ICPOLICY_BACKEND": spec})
    assert table.returncode == 0 and spec in table.stdout and "$ICPOLICY_BACKEND" in table.stdout

    first = sorted(SEEDS.iterdir())[0]
    gone = _cli("--backend", spec, "remove", str(first), str(tmp_path / "never-ingested.txt"))
    assert gone.returncode == 1 and f"removed: {first.resolve()}" in gone.stderr and "not in the index: " in gone.stderr
    left = json.loads(_cli("--backend", spec, "info", "-f", "json").stdout)
    assert left["documents"] == 4 and left["passages"] < passages
    listed = json.loads(_cli("--backend", spec, "docs", "-a", "-f", "json").stdout)["documents"]
    assert len(listed) == 4 and str(first.resolve()) not in {d["source"] for d in listed}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_changes_view_is_the_same_on_chdb(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for path in sorted((CORPUS / "txt").glob("gwr_201[89]_neimenggu_hulunbeier_hailaer_gbk.txt")):
        (reports / path.name).write_bytes(path.read_bytes())
    spec, folder = f"chdb:{tmp_path / 'ch'}", tmp_path / "index"
    assert _cli("--backend", spec, "ingest", str(reports)).returncode == 0
    assert _cli("ingest", str(reports), "--index", str(folder)).returncode == 0
    args = ["changes", "--region", "海拉尔", "--from", "2018", "--to", "2019", "-f", "json"]
    ours, theirs = _cli("--backend", spec, *args), _cli(*args, "--index", str(folder))
    assert ours.returncode == theirs.returncode == 0 and json.loads(ours.stdout) == json.loads(theirs.stdout)

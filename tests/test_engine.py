"""The tantivy passage index under the engine: commits, re-ingest, merges, readers' snapshots,
crashes, damaged files and the derived Whoosh document index."""

import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import given, strategies as st

from icpolicy.engine import documents, schema, writer as index
from icpolicy.errors import IndexDamaged
from icpolicy.pipeline import stream
from icpolicy.pipeline.ingest import ingest
from icpolicy.text.normalize import normalise
from icpolicy.engine.search import open_index

from .conftest import SEEDS

PROBES = ["集成电路", "先进封装", "芯", "5G", "EDA", "第三代半导体", "亿元", "2025", "封测", "江苏"]


def _hits(index_dir, probes=PROBES):
    with open_index(index_dir) as ix:
        return {p: sorted((h.doc_id, h.passage, tuple(h.highlights)) for h in ix.search(f'"{p}"', limit=None).hits) for p in probes}


def _cli(*args, timeout=300, **env):
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **env))


@pytest.fixture
def one_commit_per_file(tmp_path):
    """The seeds ingested one file at a time: five commits."""
    folder = tmp_path / "ix"
    for path in sorted(SEEDS.iterdir()):
        ingest([path], folder, workers=1)
    return folder


def test_many_commits_answer_like_one(one_commit_per_file, seed_index):
    assert _hits(one_commit_per_file) == _hits(seed_index)
    assert all(_hits(seed_index).values())


def test_replacing_a_document_drops_its_old_passages_and_keeps_every_other_hit(one_commit_per_file, tmp_path):
    before = _hits(one_commit_per_file)
    copy = tmp_path / "004.txt"
    shutil.copy(SEEDS / "004_c51259edd6b9e7c6.txt", copy)
    ingest([copy], one_commit_per_file, workers=1)
    copy.write_text("昆山替换后的内容，集成电路。\n" * 3, encoding="utf-8")
    ingest([copy], one_commit_per_file, workers=1)
    after = _hits(one_commit_per_file)
    with open_index(one_commit_per_file) as ix:
        copy_ids = {h.doc_id for h in ix.search("替换后", limit=None).hits}
        assert ix.search("替换后").total == 3
    assert len(copy_ids) == 1
    for probe in PROBES:
        assert {h for h in after[probe] if h[0] not in copy_ids} == set(before[probe]), probe
    manifest = json.loads((one_commit_per_file / index.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["documents"] == 6


def test_a_crash_between_the_commit_and_the_document_index_heals_on_the_next_ingest(tmp_path, monkeypatch):
    folder = tmp_path / "ix"
    ingest([SEEDS / "000_9cc3f131d6978670.txt"], folder, workers=1)

    def crash(*args, **kwargs):  # the document index follows the tantivy commit
        raise KeyboardInterrupt

    monkeypatch.setattr(documents, "_update", crash)
    with pytest.raises(KeyboardInterrupt):
        ingest([SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    monkeypatch.undo()
    assert len(documents.read(folder)) == 1  # the document index missed the last commit
    with open_index(folder) as ix:
        assert ix.search("全球半导体观察").total > 0  # the passage index has it: tantivy's commit is the commit point
    report = ingest([SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    assert report.unchanged == [str(SEEDS / "001_956485486ee5ccc0.txt")] and not report.indexed
    assert len(documents.read(folder)) == 2


def test_a_damaged_document_index_is_rebuilt_from_the_passage_index(tmp_path):
    folder = tmp_path / "ix"
    ingest([SEEDS / "000_9cc3f131d6978670.txt", SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    for path in (folder / documents.NAME).iterdir():
        if path.suffix == ".toc":
            path.write_bytes(b"garbage")
    (folder / documents.NAME / documents.STAMP).unlink()
    result = _cli("ingest", SEEDS / "002_fb61b6fb22bb7e3f.txt", "--index", folder)
    assert result.returncode == 0, result.stderr
    assert len(documents.read(folder)) == 3


def test_the_document_index_answers_fielded_queries(seed_index):
    every = documents.query(seed_index)
    assert len(every) == 5
    some = every[0]
    word = normalise(some["title"])[:2]
    by_title = documents.query(seed_index, title=some["title"])
    assert some["doc_id"] in {d["doc_id"] for d in by_title}
    assert {d["doc_id"] for d in documents.query(seed_index, doc_ids=[some["doc_id"]])} == {some["doc_id"]}
    jiangsu = documents.query(seed_index, region="江苏省")
    assert jiangsu and all(d["region_path"][0] == "江苏省" for d in jiangsu)
    assert all(any(2024 <= y <= 2025 for y in d["years"]) for d in documents.query(seed_index, year="2024-2025"))
    assert word


def test_a_large_file_in_several_runs_is_one_document(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 100)
    monkeypatch.setattr(stream, "CHUNK_CHARS", 700)
    monkeypatch.setattr(stream, "_READ", 512)
    doc = tmp_path / "docs" / "big.txt"
    doc.parent.mkdir()
    doc.write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(doc.parent, tmp_path / "copy")
    ingest([doc.parent], tmp_path / "ix", workers=1)
    monkeypatch.setattr(stream, "STREAM_BYTES", 1 << 40)
    ingest([tmp_path / "copy"], tmp_path / "whole", workers=1)
    with open_index(tmp_path / "ix") as split, open_index(tmp_path / "whole") as one:
        _, parts = split.document(split.search("集成电路", limit=1).hits[0].doc_id)
        _, reference = one.document(one.search("集成电路", limit=1).hits[0].doc_id)
        assert [p["text"] for p in parts] == [p["text"] for p in reference]
        norms = [normalise(p["text"]) for p in reference]
        for k in range(len(norms) - 1):  # every term that straddles a passage boundary, whatever the chunks
            probe = norms[k][-2:] + norms[k + 1][:2]
            if len(norms[k]) < 2 or len(norms[k + 1]) < 2 or any(q in probe for q in '"“”()（）'):
                continue
            assert split.search(f'"{probe}"', limit=None).total == one.search(f'"{probe}"', limit=None).total, probe
    doc.write_text("改写后只剩一句话，关于集成电路。\n", encoding="utf-8")
    ingest([doc.parent], tmp_path / "ix", workers=1)
    with open_index(tmp_path / "ix") as ix:
        assert ix.search("全球半导体观察").total == 0 and ix.search("改写后").total == 1


def test_rjieba_cuts_chinese_exactly_like_jieba():
    jieba = pytest.importorskip("jieba")
    from importlib import resources

    from icpolicy.text.tokens import cut

    jieba.setLogLevel(logging.WARNING)
    with resources.as_file(resources.files("icpolicy.data").joinpath("userdict.txt")) as userdict:
        jieba.load_userdict(str(userdict))
    text = "".join(normalise(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.iterdir()))
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    assert len(runs) > 1000
    assert [r for r in runs if jieba.lcut(r) != cut(r)] == []


def test_a_term_longer_than_the_tail_is_found_across_a_passage_boundary(seed_engine):
    checked = 0
    for doc_id in sorted({h.doc_id for h in seed_engine.search("-qqqqqqqq", limit=None).hits}):
        _, passages = seed_engine.document(doc_id)
        norms = [normalise(p["text"]) for p in passages]
        for k in range(len(norms) - 1):
            probe = norms[k][-3:] + norms[k + 1][:45]  # 48 characters, most of them in the next passage
            if len(norms[k]) < 3 or len(norms[k + 1]) < 45 or any(q in probe for q in '"“”()（）'):
                continue
            found = {(h.doc_id, h.passage) for h in seed_engine.search(f'"{probe}"', limit=None).hits}
            assert (doc_id, passages[k]["passage"]) in found, probe
            assert (doc_id, passages[k + 1]["passage"]) not in found, probe
            checked += 1
    assert checked > 20


def test_an_open_reader_keeps_its_snapshot_across_many_ingests_and_merges(tmp_path):
    folder = tmp_path / "ix"
    ingest([SEEDS / "000_9cc3f131d6978670.txt"], folder, workers=1)
    docs = tmp_path / "docs"
    docs.mkdir()
    reader = open_index(folder)
    before = reader.search("集成电路", limit=None)
    before_hits = [(h.doc_id, h.passage, h.text) for h in before.hits]
    script = (
        "import sys, json; from icpolicy.engine.search import open_index\n"
        "ix = open_index(sys.argv[1]); n = 0\n"
        "for line in sys.stdin:\n"
        "    r = ix.search('集成电路', limit=None); print(json.dumps([r.total, len(r.hits), r.documents]), flush=True); n += 1\n"
    )
    other = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = []
    for round_ in range(12):  # each ingest commits; tantivy merges segments on its threads as they pile up
        for k, path in enumerate(sorted(SEEDS.iterdir())[1:]):
            (docs / f"{round_}_{k}.txt").write_text(path.read_text(encoding="utf-8") + f"\n第{round_}轮{k}号\n", encoding="utf-8")
        if round_ % 3 == 2:
            for old in list(docs.iterdir())[:3]:
                old.write_text(f"改写第{round_}轮集成电路，{old.stem}。\n", encoding="utf-8")
        ingest([docs], folder, workers=1)
        other.stdin.write("go\n")
        other.stdin.flush()
        answers.append(json.loads(other.stdout.readline()))
        again = reader.search("集成电路", limit=None)
        assert [(h.doc_id, h.passage, h.text) for h in again.hits] == before_hits
        assert again.documents == before.documents
    other.stdin.close()
    assert other.wait(timeout=60) == 0, other.stderr.read()
    assert len({tuple(a) for a in answers}) == 1  # the other process's reader kept its snapshot too
    reader.close()
    with open_index(folder) as fresh:
        assert fresh.search("集成电路", limit=None).total > before.total
        assert fresh.search("改写第11轮").total == 3


def test_kill_9_leaves_the_index_as_at_its_last_commit(tmp_path):
    folder = tmp_path / "ix"
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = [l for p in sorted(SEEDS.iterdir()) for l in p.read_text(encoding="utf-8").splitlines() if len(l) > 20]
    for n in range(150):
        body = "\n".join(lines[(n * 7 + k) % len(lines)] for k in range(30))
        (docs / f"d{n:03d}.txt").write_text(f"标记{n}号文件\n{body}\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "-q", "ingest", str(docs), "--index", str(folder), "-j", "1"],
                               env=dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2"), start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if json.loads((folder / index.MANIFEST).read_text(encoding="utf-8")).get("documents", 0) >= 10:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with open_index(folder) as ix:
        committed = index.all_documents(ix.tantivy)
        assert 10 <= len(committed) < 150
        for facts in committed:  # every committed document whole, and nothing of the others
            assert ix.search(f'"标记{int(os.path.basename(facts["source"])[1:4])}号文件"').total == 1
            _, passages = ix.document(facts["doc_id"])
            assert len(passages) == facts["n_passages"]
        assert ix.search("标记", limit=None).total == len(committed)
    again = _cli("ingest", docs, "--index", folder)
    assert again.returncode == 0, again.stderr
    with open_index(folder) as ix:
        assert ix.search("标记", limit=None).total == 150


@pytest.fixture
def small_index(tmp_path):
    folder = tmp_path / "ix"
    ingest([SEEDS], folder, workers=1)
    return folder


@pytest.mark.parametrize("ext", ["store", "idx", "pos", "term", "fast", "fieldnorm"])
def test_a_truncated_tantivy_file_is_refused_with_the_rebuild_command(small_index, ext):
    victims = sorted((small_index / schema.FOLDER).glob(f"*.{ext}"))
    assert victims
    with open(victims[0], "r+b") as fh:
        fh.truncate(max(0, os.path.getsize(victims[0]) // 2))
    for args in (["search", "集成电路"], ["ingest", SEEDS / "000_9cc3f131d6978670.txt"]):
        result = _cli(*args, "--index", small_index)
        assert result.returncode == 3, (args, result.stderr)
        assert victims[0].name in result.stderr and f"icpolicy ingest --rebuild --index {small_index}" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("damage", ["missing-file", "garbage-meta", "no-meta", "garbage-manifest"])
def test_other_damage_is_named_and_exits_3(small_index, damage):
    folder = small_index / schema.FOLDER
    if damage == "missing-file":
        next(folder.glob("*.idx")).unlink()
    elif damage == "garbage-meta":
        (folder / "meta.json").write_text("{not json", encoding="utf-8")
    elif damage == "no-meta":
        (folder / "meta.json").unlink()
    else:
        (small_index / index.MANIFEST).write_text("[1, 2", encoding="utf-8")
    result = _cli("search", "集成电路", "--index", small_index)
    assert result.returncode == 3, result.stderr
    assert "rebuild" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(IndexDamaged):
        open_index(small_index)
    rebuilt = _cli("ingest", "--rebuild", SEEDS, "--index", small_index)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _cli("search", "集成电路", "--index", small_index).returncode == 0


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs /proc/self/maps (Linux)")
def test_an_ingest_leaves_no_memory_map_of_the_index_behind(tmp_path):
    """A map kept after ingest would turn a later truncation of the file into SIGBUS for this process."""
    folder = tmp_path / "ix"
    ingest([SEEDS], folder, workers=1)
    ingest([SEEDS / "000_9cc3f131d6978670.txt"], folder, workers=1)
    with open("/proc/self/maps", encoding="utf-8") as fh:
        assert [line for line in fh if str(folder) in line] == []


def test_a_file_altered_in_place_is_refused_by_the_next_ingest(small_index):
    victim = max((small_index / schema.FOLDER).glob("*.idx"), key=os.path.getsize)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size: only the checksum can tell
    victim.write_bytes(bytes(data))
    result = _cli("ingest", SEEDS / "000_9cc3f131d6978670.txt", "--index", small_index)
    assert result.returncode == 3, result.stderr
    assert victim.name in result.stderr and "CRC-32" in result.stderr and "Traceback" not in result.stderr


@given(st.text(alphabet="集成电路ab \ud800😀,。\x01", max_size=12), st.text(alphabet="集成电路ab😀", max_size=5))
def test_bigram_field_is_each_pair_then_the_marked_pairs_of_the_tail(own, tail):
    """The fast `bi` builder against its definition (engine/schema.py)."""
    from icpolicy.engine.schema import END, TAIL_MARK, bigrams

    full = own + (tail or END)
    expected = [full[i : i + 2] for i in range(len(own))] + [TAIL_MARK + tail[i : i + 2] for i in range(len(tail) - 1)]
    assert bigrams(own, tail) == " ".join(expected)


@given(st.text(alphabet="集成电路ab😀,。", max_size=12), st.text(alphabet="集成电路ab😀", max_size=5))
def test_edge_field_is_the_last_unmarked_bigram(own, tail):
    """A term running on into the tail is searched only in passages with this edge (translate.py):
    it must be the own bigram that the marked ones follow."""
    from icpolicy.engine.schema import TAIL_MARK, bigrams, edge

    unmarked = [token for token in bigrams(own, tail).split(" ") if token and not token.startswith(TAIL_MARK)]
    assert edge(own, tail) == (unmarked[-1] if unmarked else "")


@given(st.text(alphabet="集成a1,\u3400\u4dbf\u4e00\u9fff\uf900\ufaff\u4dc0\ua000\uf8ff\ufb00😀", max_size=6))
def test_ideographs_only_is_every_character_a_cjk_ideograph(needle):
    from icpolicy.engine.schema import ideographs_only
    from icpolicy.text.normalize import is_cjk

    assert ideographs_only(needle) == (bool(needle) and all(is_cjk(c) for c in needle))

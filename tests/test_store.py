"""The passage store under the engine: segments, merges, deletions, crash recovery, verification paths."""

import json
import logging
import re
import shutil

import pytest

from icpolicy.engine import documents as catalogue, writer as index, search
from icpolicy.pipeline import stream
from icpolicy.pipeline.ingest import ingest
from icpolicy.text.normalize import normalise
from icpolicy.engine.search import open_index

from .conftest import SEEDS

PROBES = ["集成电路", "先进封装", "芯", "5G", "EDA", "第三代半导体", "亿元", "2025", "封测", "江苏"]


def _hits(index_dir, probes=PROBES):
    with open_index(index_dir) as ix:
        return {p: sorted((h.doc_id, h.passage, tuple(h.highlights)) for h in ix.search(f'"{p}"', limit=None).hits) for p in probes}


def _segments(index_dir):
    return json.loads((index_dir / index.MANIFEST).read_text(encoding="utf-8"))["segments"]


@pytest.fixture
def one_segment_per_file(tmp_path, monkeypatch):
    """The seeds ingested one file at a time: five segments (no merging)."""
    monkeypatch.setattr(index, "MERGE_AT", 100)
    folder = tmp_path / "ix"
    for path in sorted(SEEDS.iterdir()):
        ingest([path], folder, workers=1)
    return folder


def test_scanning_and_per_candidate_checks_find_the_same_passages(seed_index, monkeypatch):
    monkeypatch.setattr(search, "SCAN_SHARE", 0.0)  # always one scan over the candidates' span
    scanned = _hits(seed_index)
    monkeypatch.setattr(search, "SCAN_SHARE", 1e9)  # always a find per candidate
    assert _hits(seed_index) == scanned
    assert all(scanned.values())


def test_many_segments_answer_like_one(one_segment_per_file, seed_index):
    assert len(_segments(one_segment_per_file)) == 5
    assert _hits(one_segment_per_file) == _hits(seed_index)


def test_merging_keeps_every_hit_and_drops_deleted_documents(one_segment_per_file, tmp_path, monkeypatch):
    before = _hits(one_segment_per_file)
    replaced = SEEDS / "004_c51259edd6b9e7c6.txt"
    copy = tmp_path / "004.txt"
    shutil.copy(replaced, copy)
    ingest([copy], one_segment_per_file, workers=1)
    copy.write_text("昆山替换后的内容，集成电路。\n" * 3, encoding="utf-8")
    ingest([copy], one_segment_per_file, workers=1)  # the old passages of 004.txt are deleted, not yet dropped
    monkeypatch.setattr(index, "MERGE_AT", 2)
    with index.writer_lock(one_segment_per_file):
        writer = index.Writer(one_segment_per_file)
        writer.merge_small()
    assert len(_segments(one_segment_per_file)) <= 2
    assert not json.loads((one_segment_per_file / index.MANIFEST).read_text(encoding="utf-8"))["deleted"]
    after = _hits(one_segment_per_file)
    with open_index(one_segment_per_file) as ix:
        copy_ids = {h.doc_id for h in ix.search("替换后", limit=None).hits}
    assert len(copy_ids) == 1
    for probe in PROBES:
        assert {h for h in after[probe] if h[0] not in copy_ids} == set(before[probe]), probe
    assert sorted(p.name for p in one_segment_per_file.glob("seg-*")) == sorted(e["name"] for e in _segments(one_segment_per_file))


def test_a_crash_between_manifest_and_catalogue_heals_on_the_next_ingest(tmp_path, monkeypatch):
    folder = tmp_path / "ix"
    ingest([SEEDS / "000_9cc3f131d6978670.txt"], folder, workers=1)

    def crash_after_the_manifest(*args, **kwargs):  # a commit updates the catalogue after the manifest
        raise KeyboardInterrupt

    monkeypatch.setattr(catalogue, "update", crash_after_the_manifest)
    with pytest.raises(KeyboardInterrupt):
        ingest([SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    monkeypatch.undo()
    assert len(catalogue.read(folder)) == 1  # the catalogue missed the last commit
    with open_index(folder) as ix:
        assert ix.search("全球半导体观察").total > 0  # the store has it: the manifest is the commit point
    report = ingest([SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    assert report.unchanged == [str(SEEDS / "001_956485486ee5ccc0.txt")] and not report.indexed
    assert len(catalogue.read(folder)) == 2
    assert _hits(folder)["集成电路"] == sorted(set(_hits(folder)["集成电路"]))  # no duplicate passages


def test_folders_no_commit_names_are_removed_when_a_writer_opens(tmp_path):
    folder = tmp_path / "ix"
    ingest([SEEDS / "000_9cc3f131d6978670.txt"], folder, workers=1)
    (folder / "seg-999999").mkdir()
    (folder / "seg-000007.tmp").mkdir()
    ingest([SEEDS / "001_956485486ee5ccc0.txt"], folder, workers=1)
    assert sorted(p.name for p in folder.glob("seg-*")) == sorted(e["name"] for e in _segments(folder))


def test_a_large_file_split_over_segments_is_still_one_document(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 100)
    monkeypatch.setattr(stream, "CHUNK_CHARS", 2_000)
    monkeypatch.setattr(index, "SEGMENT_BYTES", 5_000)
    doc = tmp_path / "docs" / "big.txt"
    doc.parent.mkdir()
    doc.write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    whole = tmp_path / "whole"
    shutil.copytree(doc.parent, tmp_path / "copy")
    ingest([doc.parent], tmp_path / "ix", workers=1)
    assert len(_segments(tmp_path / "ix")) > 1
    record = catalogue.read(tmp_path / "ix")[str(doc.resolve())]
    assert len(record["parts"]) > 1
    monkeypatch.setattr(stream, "STREAM_BYTES", 1 << 40)
    monkeypatch.setattr(index, "SEGMENT_BYTES", 1 << 40)
    ingest([tmp_path / "copy"], whole, workers=1)
    with open_index(tmp_path / "ix") as split, open_index(whole) as one:
        doc_id = split.search("集成电路", limit=1).hits[0].doc_id
        _, parts = split.document(doc_id)
        _, reference = one.document(one.search("集成电路", limit=1).hits[0].doc_id)
        assert [p["text"] for p in parts] == [p["text"] for p in reference]
        for probe in ["集成电路", "全球半导体观察", "亿元"]:
            assert split.search(probe).total == one.search(probe).total, probe
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


def test_repeated_small_ingests_keep_the_segment_count_bounded(tmp_path):
    folder = tmp_path / "ix"
    (tmp_path / "in").mkdir()
    for number, path in enumerate(sorted(SEEDS.iterdir()) * 2):
        copy = tmp_path / "in" / f"{number}_{path.name}"
        copy.write_text(path.read_text(encoding="utf-8") + f"\n{copy.name}\n", encoding="utf-8")
        ingest([copy], folder, workers=1)
        assert len(_segments(folder)) < index.MERGE_AT
    with open_index(folder) as ix:
        assert ix.search("集成电路").documents == 10


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

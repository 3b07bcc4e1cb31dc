"""Large files go through the chunked path and come out exactly as the whole-file path makes them."""

import threading
from pathlib import Path

import pytest

from icpolicy.engine import writer as index
from icpolicy.pipeline import stream
from icpolicy.pipeline.ingest import ingest
from icpolicy.engine.search import open_index

from .conftest import SEEDS, make_pdf


def _passages(index_dir):
    with open_index(index_dir) as ix:
        hits = ix.search("-qqqqq", limit=None).hits
        return sorted((h.passage, h.text, tuple(h.region_path), tuple(h.years), tuple(h.segments), h.stored_targets) for h in hits)


@pytest.fixture()
def small_chunks(monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 10_000)
    monkeypatch.setattr(stream, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(stream, "_READ", 4_096)
    monkeypatch.setattr(stream, "PAGES_PER_CHUNK", 1)


def _whole_and_chunked(doc, tmp_path, monkeypatch):
    """Index doc's folder whole, then streamed in tiny chunks; the two must hold the same passages."""
    whole = tmp_path / "whole"
    ingest([doc.parent], whole, workers=1)
    monkeypatch.setattr(stream, "STREAM_BYTES", 1_000)
    monkeypatch.setattr(stream, "CHUNK_CHARS", 1_500)
    monkeypatch.setattr(stream, "_READ", 1_024)
    chunked = tmp_path / "chunked"
    report = ingest([doc.parent], chunked, workers=1)
    assert len(report.indexed) == 1 and not report.skipped
    assert _passages(chunked) == _passages(whole)
    return whole, chunked


@pytest.mark.parametrize("seed, encoding", [("001_956485486ee5ccc0.txt", "utf-8"), ("002_fb61b6fb22bb7e3f.txt", "gb18030"), ("003_295b1b469a94bc3a.txt", "utf-16")])
def test_chunked_indexing_equals_whole_file_indexing(tmp_path, monkeypatch, seed, encoding):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    doc = tmp_path / "docs" / seed
    doc.parent.mkdir()
    doc.write_bytes(text.encode(encoding))
    whole, chunked = _whole_and_chunked(doc, tmp_path, monkeypatch)
    with open_index(whole) as a, open_index(chunked) as b:
        for probe in ["集成电路", "先进封装", "第三代半导体", "一中四方", "优质项目落地"]:
            assert a.search(probe, limit=None).total == b.search(probe, limit=None).total


def test_ctrl_c_inside_a_large_file_keeps_what_came_before_and_nothing_of_it(tmp_path, small_chunks, monkeypatch):
    import os
    import signal

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_small.txt").write_text("小文件：支持先进封装。", encoding="utf-8")
    (folder / "b_big.txt").write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8") * 3, encoding="utf-8")
    real = stream.index_large

    def interrupted(path, content_hash, writer, stop, on_chunk):
        return real(path, content_hash, writer, stop, lambda n: os.kill(os.getpid(), signal.SIGINT))

    monkeypatch.setattr(stream, "index_large", interrupted)
    report = ingest([folder], tmp_path / "ix", workers=1)
    assert report.interrupted and report.indexed == [str(folder / "a_small.txt")]
    assert report.skipped == [] and [Path(p).name for p in report.not_done] == ["b_big.txt"]  # counted once: not indexed
    with open_index(tmp_path / "ix") as ix:
        assert ix.search("小文件").total == 1 and ix.search("全球半导体观察").total == 0


def test_unchanged_large_files_are_recognised(tmp_path, small_chunks):
    doc = tmp_path / "docs" / "big.txt"
    doc.parent.mkdir()
    doc.write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ingest([doc.parent], tmp_path / "ix", workers=1)
    again = ingest([doc.parent], tmp_path / "ix", workers=1)
    assert again.unchanged == [str(doc)] and again.indexed == []


def test_pdf_pages_in_chunks_are_rejoined_across_page_breaks(tmp_path, small_chunks, monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 100)
    pages = [["集成电路产业营业收入保持年均增长百分之十五左右，达到三百亿"], ["元，力争达到三百八十亿元，支持先进封装技术攻关和产业发展。"]] * 6
    (tmp_path / "docs").mkdir()
    pdf = make_pdf(tmp_path / "docs" / "big.pdf", pages)
    whole_dir, chunked_dir = tmp_path / "whole", tmp_path / "chunked"
    monkeypatch.setattr(stream, "STREAM_BYTES", 10**12)
    ingest([pdf.parent], whole_dir, workers=1)
    monkeypatch.setattr(stream, "STREAM_BYTES", 100)
    report = ingest([pdf.parent], chunked_dir, workers=1)
    assert len(report.indexed) == 1 and not report.skipped
    assert _passages(chunked_dir) == _passages(whole_dir)
    with open_index(chunked_dir) as ix:
        assert ix.search('"达到三百亿元"', limit=None).total == 6  # each one across a page break


def test_an_interrupted_large_file_leaves_nothing_behind(tmp_path, small_chunks):
    doc = tmp_path / "big.txt"
    doc.write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8") * 3, encoding="utf-8")
    index_dir = tmp_path / "ix"
    ingest([SEEDS / "004_c51259edd6b9e7c6.txt"], index_dir, workers=1)
    stop = threading.Event()
    writer = index.Writer(index_dir)
    with pytest.raises(KeyboardInterrupt):
        stream.index_large(doc, "hash", writer, stop, lambda n: stop.set())  # Ctrl-C after the first chunk
    writer.cancel()  # what ingest does: this writer held nothing but the large file
    with open_index(index_dir) as search:
        assert search.search("全球半导体观察").total == 0
        assert search.search("昆山").total > 0


def test_streamed_files_are_not_refused_by_the_whole_file_size_limit(tmp_path, small_chunks):
    doc = tmp_path / "docs" / "dump.txt"
    doc.parent.mkdir()
    doc.write_text((SEEDS / "001_956485486ee5ccc0.txt").read_text(encoding="utf-8") * 2, encoding="utf-8")
    report = ingest([doc.parent], tmp_path / "ix", workers=1, max_file_mb=0.001)
    assert report.indexed == [str(doc)] and report.skipped == []


def test_a_large_markdown_file_is_read_like_a_small_one(tmp_path, monkeypatch):
    # front matter, embedded HTML, headings and a web-copy break, many times over
    section = (
        "## 第{n}部分：产业园区\n\n"
        "<p>园区第{n}期项目<strong>已经</strong>开工，<br>预计年底建成。</p>\n\n"
        "<table><tr><td>晶圆产能</td><td>{n}万片</td></tr></table>\n\n"
        "下一步将围绕集成\n\n电路设计企业开展招商，提供标准厂房。\n\n"
        "{{{{< figure src=\"/p{n}.png\" >}}}}\n\n"
    )
    text = "---\ntitle: \"某市半导体园区建设纪实\"\ndate: 2025-04-02\nsource: 某某日报\n---\n\n" + "".join(section.format(n=n) for n in range(1, 40))
    doc = tmp_path / "docs" / "big.md"
    doc.parent.mkdir()
    doc.write_text(text, encoding="utf-8")
    _, chunked = _whole_and_chunked(doc, tmp_path, monkeypatch)
    with open_index(chunked) as ix:
        texts = [h.text for h in ix.search("-qqqqq", limit=None).hits]
        for mark in ("<", "title:", "date:", "---", "{{", "##", "**"):
            assert not any(mark in t for t in texts), mark
        assert ix.search('"集成电路设计企业"', limit=None).total == 39  # healed across the break in every chunk
        assert ix.search("晶圆产能", limit=1).hits[0].title == "某市半导体园区建设纪实"


def test_a_streamed_work_report_keeps_its_parts_across_chunks(tmp_path, monkeypatch):
    """The review or plan part of a work report runs on over chunk cuts: the chunked file stores the
    quantities (their kind too) that the whole file stores."""
    from .test_target_store import _report_text

    doc = tmp_path / "docs" / "report.txt"
    doc.parent.mkdir()
    doc.write_text(_report_text(), encoding="utf-8")
    assert len(_report_text()) > 2 * 1_500  # several chunks: the review heading and its figures lie in different ones
    _, chunked = _whole_and_chunked(doc, tmp_path, monkeypatch)
    with open_index(chunked) as ix:
        stored = [h.stored_targets for h in ix.search("营业收入", limit=None).hits]
    assert len(stored) == 2 and any("reported" in s for s in stored) and any("target" in s for s in stored)

"""Every line of a streamed text file is found, wherever the chunks are cut: the last one with or
without a line end, lines after a chunk boundary, files whose lines end in CR LF, CR or U+2029 (which
the stream cuts at as it cuts at LF), and markdown with no blank line to cut at."""

from __future__ import annotations

import json

import pytest

from icpolicy.engine.search import open_index
from icpolicy.pipeline import stream
from icpolicy.pipeline.ingest import ingest
from tests.clirun import icpolicy

LINES = ["推进车规级芯片验证平台建设", "支持第三代半导体衬底扩产", "完善集成电路人才引育机制", "鼓励封装测试企业技术改造",
         "设立产业投资基金撬动社会资本", "最后一行说明本办法由市工信局负责解释"]
# (file name, line end): plain text with each kind of line end, and markdown without blank lines (LF and CR LF)
KINDS = [("lf.txt", "\n"), ("crlf.txt", "\r\n"), ("cr.txt", "\r"), ("ps.txt", "\u2029"), ("lf.md", "\n"), ("crlf.md", "\r\n")]


def _write(folder, tag: str) -> dict[str, list[str]]:
    """One file per kind of line end, with and without a final line end; its lines made unique by tag and name."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, end in KINDS:
        for last in ("", end):
            mark = f"{name.replace('.', '')}{'e' if last else 'n'}{tag}"
            lines = [f"{line}{mark}{k}号" for k, line in enumerate(LINES)]
            path = folder / f"{'ended' if last else 'open'}-{name}"
            path.write_bytes((end.join(lines) + last).encode("utf-8"))
            written[path.name] = lines
    return written


def _found(index, doc: str, line: str) -> bool:
    """Whether a search for the line finds it whole in one of the document's passages (as a user reads the hit)."""
    with open_index(index) as ix:
        return any(hit.source.endswith(doc) and line in hit.text for hit in ix.search(line, limit=None).hits)


@pytest.mark.parametrize("chunk_chars", [1, 7, 13, 19, 29, 41, 60])
def test_every_line_is_found_at_every_chunk_boundary(tmp_path, monkeypatch, chunk_chars):
    # chunk sizes from one character to about four lines, blocks of 3 bytes: every line end falls at a cut for some size
    monkeypatch.setattr(stream, "STREAM_BYTES", 10)
    monkeypatch.setattr(stream, "CHUNK_CHARS", chunk_chars)
    monkeypatch.setattr(stream, "_READ", 3)
    written = _write(tmp_path / "docs", str(chunk_chars))
    report = ingest([tmp_path / "docs"], tmp_path / "ix", workers=1)
    assert len(report.indexed) == len(written) and not report.skipped
    missing = [(doc, line) for doc, lines in written.items() for line in lines if not _found(tmp_path / "ix", doc, line)]
    assert not missing


def test_a_streamed_files_last_line_is_found_through_the_cli(tmp_path):
    written = _write(tmp_path / "docs", "cli")
    done = icpolicy("ingest", tmp_path / "docs", "--index", tmp_path / "ix", home=tmp_path, ICPOLICY_STREAM_MB="0.0001")
    assert done.returncode == 0, done.err
    for doc, lines in written.items():
        for line in (lines[0], lines[-1]):
            hits = [json.loads(row) for row in icpolicy("search", line, "--index", tmp_path / "ix", "-f", "jsonl", home=tmp_path).out.splitlines()]
            assert any(hit["source"].endswith(doc) and line in hit["text"] for hit in hits), (doc, line)

"""review4's ingest findings, through the CLI: a false stray-byte warning at the streamed reader's
sample boundary (F1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clirun import icpolicy

SAMPLE = 1 << 20  # pipeline/stream.py reads the first MiB to judge the encoding


def long_text(size: int) -> str:
    """Paragraphs of my own wording about a cluster plan, numbered so no two are alike."""
    lines, total, n = [], 0, 0
    while total < size:
        line = f"第{n}段：推动功率半导体产业集群建设，完善配套供应链，第{n}号项目年内开工。\n"
        lines.append(line)
        total += len(line.encode("utf-8"))
        n += 1
    return "".join(lines)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_clean_file_streamed_in_blocks_gives_no_stray_byte_warning(tmp_path, encoding):
    text = long_text(int(1.6 * SAMPLE))
    data = text.encode(encoding)
    step = 3 if encoding == "utf-8" else 2
    for pad in range(step):  # shift the text until the sample's last character is cut in two
        shifted = b"x" * pad + data
        if shifted[:SAMPLE + step].decode(encoding, "ignore") != shifted[:SAMPLE].decode(encoding, "ignore") \
                and not _decodes(shifted[:SAMPLE], encoding):
            break
    else:
        pytest.fail("no shift cuts a character at the sample boundary")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "集群建设规划.txt").write_bytes(shifted)
    done = icpolicy("ingest", docs, "--index", tmp_path / "index", "-j", "1", home=tmp_path, ICPOLICY_STREAM_MB="1.2")
    assert done.returncode == 0, done.err
    assert "not " + encoding not in done.err and "\ufffd" not in done.err, done.err
    found = icpolicy("search", "第9000段", "-f", "json", "--index", tmp_path / "index", home=tmp_path)
    assert found.returncode == 0 and "\ufffd" not in found.out


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False

"""A query typed in a terminal or script that is not UTF-8 (bytes Python keeps as lone surrogates), or one of
control characters only, is a usage error of one line (exit 2): it printed a traceback, or said the index was
damaged and must be rebuilt (exit 3) though it was sound."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import cli, ingest_docs


def _run(index: str, *args: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable.encode(), b"-m", b"icpolicy", b"search", b"--index", index.encode(), *args],
                          capture_output=True, timeout=300)


def test_bytes_that_are_not_utf8_are_a_usage_error(tmp_path):
    index = ingest_docs(tmp_path, {"a.txt": "黄山市2025年工作通知\n\n推动碳化硅功率器件封装测试项目建设。\n"})
    for query in ("碳".encode() + b"\xff",
                  "碳化硅 ".encode() + b"\xff", b"a\xffb", b"\xed\xa0\x80", b"\xff\xfe("):
        done = _run(index, query)
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 2, (query, err)
        assert "not UTF-8" in err and "Traceback" not in err and len(err.splitlines()) == 1, err
    region = _run(index, "碳化硅".encode(), b"-r", b"\xe9\xbb\x84\xff")
    assert region.returncode == 2 and b"--region is not UTF-8" in region.stderr
    assert _run(index, "碳化硅".encode()).returncode == 0  # the index was sound all along


def test_control_characters_make_one_line_that_names_them(tmp_path):
    index = ingest_docs(tmp_path, {"a.txt": "黄山市2025年工作通知\n\n推动碳化硅功率器件封装测试项目建设。\n"})
    only = cli("search", "\x01\x02", "--index", index)
    assert only.returncode == 2 and "quotes" not in only.stderr and "control characters" in only.stderr, only.stderr
    assert len(only.stderr.splitlines()) == 1 and "\\x01" in only.stderr
    broken = cli("search", 'a\nb "c', "--index", index)
    assert broken.returncode == 2 and len(broken.stderr.splitlines()) == 1 and "\\n" in broken.stderr, broken.stderr

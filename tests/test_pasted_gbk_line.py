"""A UTF-8 text file with a line pasted in from a GBK file: the file stays UTF-8, that line alone is
read as GB18030, and ingest warns once naming the file; read whole, in a worker or streamed, the
passages are the same (readers/decoders.py LineDecoder)."""

from __future__ import annotations

import json
from pathlib import Path

from .clirun import icpolicy

SRC = str(Path(__file__).resolve().parents[1] / "src")  # this checkout's code, whatever the caller's PYTHONPATH
TITLE = "关于促进集成电路产业发展的若干措施"
UTF8_LINES = ["青浦区促进集成电路产业高质量发展，支持先进封装和测试技术。", "推动晶圆制造项目建设，完善关键材料本地配套。"]
PASTED = "对新建先进封装生产线的企业，按设备投资额给予补助。"
CLOSING = "加强组织领导，强化要素保障，确保各项措施落到实处。"


def _mixed_file(folder: Path, repeat: int = 1) -> Path:
    """TITLE and the UTF-8 lines (repeat times, to make a file as large as wanted), PASTED in GBK, CLOSING."""
    path = folder / "措施.txt"
    body = "".join(f"{line}（第{n}部分）\n" for n in range(repeat) for line in UTF8_LINES)
    path.write_bytes((TITLE + "\n" + body).encode("utf-8") + (PASTED + "\n").encode("gbk") + (CLOSING + "\n").encode("utf-8"))
    return path


def _ingest(home: Path, docs: Path, name: str, *args: str, **env: str):
    done = icpolicy("ingest", docs, "--index", home / name, *args, home=home, PYTHONPATH=SRC, **env)
    assert done.returncode == 0, done.err
    return done


def _hits(home: Path, name: str, query: str) -> list[str]:
    done = icpolicy("search", query, "--index", home / name, "-f", "jsonl", home=home, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    return [json.loads(line)["text"] for line in done.out.splitlines()]


def _passages(home: Path, name: str) -> list[str]:
    dump = home / f"dump-{name}"
    done = icpolicy("export", "--to", "clickhouse-tsv", "-o", dump, "--index", home / name, home=home, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    return [row.split("\t", 1)[1] for row in (dump / "passages.tsv").read_text(encoding="utf-8").splitlines()]  # less the generation


def _warnings(done) -> list[str]:
    return [line for line in done.err.splitlines() if "GB18030" in line]


def test_pasted_gbk_line_is_read_and_found(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    path = _mixed_file(docs)
    done = _ingest(tmp_path, docs, "index")
    assert "indexed 1 file" in done.err and "skipped" in done.err and "0 skipped" in done.err
    warnings = _warnings(done)
    assert len(warnings) == 1 and str(path.name) in warnings[0] and "line 4" in warnings[0]
    assert _hits(tmp_path, "index", "设备投资额") == [PASTED]
    assert _hits(tmp_path, "index", "晶圆制造") == [UTF8_LINES[1] + "（第0部分）"]
    assert CLOSING in _hits(tmp_path, "index", "组织领导")


def test_pasted_line_reads_the_same_whole_in_workers_and_streamed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _mixed_file(docs, repeat=400)  # ~40 KB: streamed when the stream threshold is 16 KB
    for n in range(3):
        (docs / f"other{n}.txt").write_text(f"苏州工业园区第{n}号文件。\n支持芯片设计企业发展。\n", encoding="utf-8")
    whole = _ingest(tmp_path, docs, "whole", "-j", "1")
    pooled = _ingest(tmp_path, docs, "pooled", "-j", "2")
    streamed = _ingest(tmp_path, docs, "streamed", "-j", "1", ICPOLICY_STREAM_MB="0.016")
    for done in (whole, pooled, streamed):
        warnings = _warnings(done)
        assert len(warnings) == 1 and "措施.txt" in warnings[0] and "line 802" in warnings[0], done.err
    assert _hits(tmp_path, "streamed", "设备投资额") == [PASTED]
    assert _passages(tmp_path, "whole") == _passages(tmp_path, "pooled") == _passages(tmp_path, "streamed")


def test_a_file_as_much_gbk_as_utf8_is_not_read_as_pasted_lines(tmp_path):
    import pytest

    from icpolicy.errors import ExtractionError
    from icpolicy.readers import read

    path = tmp_path / "half.txt"
    lines = [(line + "\n").encode("gbk" if n % 2 else "utf-8") for n, line in enumerate(UTF8_LINES * 4 + [PASTED, CLOSING])]
    path.write_bytes(b"".join(lines))
    with pytest.raises(ExtractionError, match="undecodable"):
        read(path)

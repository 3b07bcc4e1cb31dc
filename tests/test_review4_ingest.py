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


PROBE = r"""
import os, sys, time
from icpolicy.pipeline.workers import start_pool, stop_pool

pool = start_pool(2)
workers = [w.process.pid for w in pool._workers]
pool.submit("file", time.sleep, 30)
time.sleep(0.2)  # the task is running in a worker, as a file is when SIGTERM comes
started = time.monotonic()
stop_pool(pool, wait=False)
gone = []
for pid in workers:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        gone.append(pid)
sys.stdout.write(f"summary {time.monotonic() - started < 5} {len(gone)}\n")
sys.stdout.flush()
sys.exit(143)
"""


def test_a_pool_stopped_without_waiting_leaves_at_once_with_its_workers(tmp_path):
    """F2: SIGTERM mid-ingest printed, rarely (1 in 31), an EBADF traceback from concurrent.futures' exit hook
    racing the pool's manager thread.  The pool is ingest's own now (one pipe per worker, no manager thread):
    stopped without waiting while a worker is busy, it ends the workers at once (their files' outcomes are not
    wanted), so the summary comes without a wait, no worker is left behind, and nothing is printed at exit."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 143 and done.stdout.split() == ["summary", "True", "2"], (done.stdout, done.stderr)
    assert done.stderr == ""


def test_limits_below_a_megabyte_are_printed_in_kb_and_the_ofd_reason_is_for_users(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "园区简报.txt").write_text("园区简报：本季度新增封装测试企业三家。\n" * 400, encoding="utf-8")  # about 22 KB
    (docs / "红头文件.ofd").write_bytes(b"PK\x03\x04 not really an OFD package")
    done = icpolicy("ingest", docs, "--index", tmp_path / "index", "--max-file-mb", "0.01", home=tmp_path)
    assert done.returncode == 1
    size = (docs / "园区简报.txt").stat().st_size
    big = next(line for line in done.err.splitlines() if "园区简报.txt" in line)
    assert f"too large ({size / 1000:.1f} KB > 10 KB limit" in big, big
    ofd = next(line for line in done.err.splitlines() if "红头文件.ofd" in line)
    assert "OFD is not supported" in ofd and "PDF" in ofd and "easyofd" not in ofd and "stdout" not in ofd


def test_one_of_a_kind_is_singular_in_the_summaries(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "独篇.txt").write_text("关于开展封装材料验证的通知\n请各单位于月底前报送封装材料验证计划。\n", encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", tmp_path / "index", home=tmp_path)
    assert done.returncode == 0 and "indexed 1 file (" in done.err and "1 files" not in done.err, done.err
    found = icpolicy("search", "验证计划", "--index", tmp_path / "index", home=tmp_path)
    assert found.returncode == 0 and "1 passage in 1 document" in found.out, found.out
    gone = icpolicy("remove", docs / "独篇.txt", "--index", tmp_path / "index", home=tmp_path)
    assert gone.returncode == 0 and "removed 1 document " in gone.err, gone.err


def test_a_file_cut_short_by_an_interrupt_is_counted_once_as_not_indexed():
    """The interrupted file is one of the files not indexed, not also one skipped (F3)."""
    from icpolicy.models import IngestReport, Skipped
    from icpolicy.pipeline.ingest import CUT_SHORT, _account_interrupted

    report = IngestReport(indexed=["docs/c.txt"], skipped=[Skipped("docs/big.txt", CUT_SHORT), Skipped("docs/x.toml", "unsupported type '.toml'")])
    _account_interrupted(report, [Path("docs/big.txt"), Path("docs/c.txt"), Path("docs/d.txt"), Path("docs/x.toml")], "SIGTERM")
    assert report.not_done == ["docs/big.txt", "docs/d.txt"]
    assert [s.path for s in report.skipped] == ["docs/x.toml"]


def test_skipped_zip_members_are_named_as_the_folder_was_given(tmp_path):
    import zipfile

    docs = tmp_path / "收件"
    docs.mkdir()
    (docs / "空白.txt").write_bytes(b"")
    with zipfile.ZipFile(docs / "附件.zip", "w") as bundle:
        bundle.writestr("正文.txt", "关于组织芯片设计大赛的通知\n请各高校组织学生报名。\n")
        bundle.writestr("空页.txt", "")
    done = icpolicy("ingest", "收件", "--index", "index", home=tmp_path, cwd=tmp_path)
    assert done.returncode == 1
    lines = sorted(line for line in done.err.splitlines() if line.startswith("skipped:"))
    assert lines == ["skipped: 收件/空白.txt: empty file", "skipped: 收件/附件.zip!空页.txt: empty file"], done.err

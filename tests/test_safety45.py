"""A full disk that kills the engine's writer thread is still named a full disk (CI, session 44).

When the disk fills inside one of tantivy's writer threads, the next call says only that the writer was killed
(`io::Error most likely`); the failed writer's close then frees the segment files it held, so the space measured
afterwards no longer looks full, and the message said "an input/output error" once in a while under load.  The
space is now measured when the engine reports the failure, before the close.

The engine's failure is made in a child process on a 2 MB tmpfs: the writer's add fills the disk with a file of
the test's own and raises the engine's killed-writer error; its close deletes that file, as tantivy frees its own.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.test_safety import one_line_error, small_disk, total, write_docs  # noqa: F401 (small_disk: a fixture)

_KILLED_BY_A_FULL_DISK = """
import os, sys
from pathlib import Path
from icpolicy.engine import writer
from icpolicy.errors import IndexWriteFailed
filler = Path(sys.argv.pop(1))
after = int(sys.argv.pop(1))
added = writer.Writer.add
closed = writer.Writer.close
calls = []
def add(self, *args):
    calls.append(1)
    if len(calls) > after:
        with open(filler, "ab") as out:
            try:
                while True:
                    out.write(b"x" * 65536)
                    out.flush()
            except OSError:
                pass
        raise IndexWriteFailed(str(self.dir / "tantivy"), "ValueError: An error occurred in a thread: 'An index writer "
                               "was killed.. A worker thread encountered an error (io::Error most likely) or panicked.'",
                               "the index is as at its last commit; nothing after it was kept")
    return added(self, *args)
def close(self):
    closed(self)
    if filler.exists():
        filler.unlink()
writer.Writer.add = add
writer.Writer.close = close
from icpolicy.cli.launch import main
main()
"""


@pytest.mark.parametrize("after", [0, 4])
def test_a_disk_filled_inside_the_engine_is_named_a_full_disk(small_disk, tmp_path, after):
    docs = write_docs(tmp_path / "docs", 8, "杀")
    index_dir = small_disk / "index"
    done = subprocess.run([sys.executable, "-c", _KILLED_BY_A_FULL_DISK, str(small_disk / "filler"), str(after), "ingest", str(docs),
                           "--index", str(index_dir), "-j", "1"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "ICPOLICY_COMMIT_SECONDS": "0"})
    assert done.returncode == 3, done.stderr
    line = one_line_error(done)
    assert "No space left on device" in line and str(index_dir) in line and "input/output" not in line, line
    assert not (small_disk / "filler").exists()
    if after:
        assert "committed before the failure" in line, line
        assert total(index_dir, "标记杀") == int(line.split(" documents of this run")[0].rsplit(" ", 1)[-1])
    else:
        assert "nothing of this run was committed: no index was made" in line, line

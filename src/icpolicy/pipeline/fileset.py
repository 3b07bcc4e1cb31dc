"""A set of files that belong together (an export's schema, rows and load script) replaced as one.

Each file is written whole under a part name and renamed into place (partfiles.py); a set of
renames is not atomic, so a kill between two of them would leave new files beside old ones.
When the folder holds an earlier set and nothing else, the new set is written into a fresh
sibling folder (`DIR.icpolicy-export-XXXXXXXX`, engine/swap.fresh_sibling) and swapped in
whole (swap.swap: one atomic exchange on Linux); the earlier set is deleted after.  A kill
before the swap leaves the earlier set as it was and that sibling, which the next write of the
set deletes (swap.sweep: only such a folder holding the mark and the set's own names).

Written in place instead, one file after the other: a new or empty folder (no earlier set to
keep; its part files are named `.NAME.PID-XXXXXXXX.part`), a folder that also holds other files
(never swapped away), a mount point, or a folder whose parent cannot be written.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from icpolicy import partfiles
from icpolicy.engine import folder
from icpolicy.engine import swap as swapping

PURPOSE = "export"
log = logging.getLogger("icpolicy.export")


def layout(names: Sequence[str], marker: str) -> dict:
    """What a folder of such a set may hold: its files, their part files, its marker, the swap's mark."""
    return {marker: None, folder.TEMPORARY: None, **dict.fromkeys(names), **{f".{name}.*{partfiles.SUFFIX}": None for name in names}}


@contextmanager
def replaced_whole(out: Path, names: Sequence[str], marker: str) -> Iterator[Path]:
    """The folder to write the set `names` into (see the module docstring); on leaving without an
    error, the set written there is put in place of out's as one."""
    out = Path(os.path.realpath(out))
    shape = layout(names, marker)
    staging = _staging(out, names, shape)
    if staging is None:
        yield out
        return
    try:
        (staging / marker).write_bytes((out / marker).read_bytes())
        yield staging
        swapping.swap(staging, out, shape)
    finally:
        if staging.exists():
            swapping.discard(staging, shape)


def _staging(out: Path, names: Sequence[str], shape: dict) -> Path | None:
    """A fresh sibling to write the set into, or None to write it in place."""
    if not any((out / name).exists() for name in names) or folder.foreign(out, shape) or os.path.ismount(out):
        return None
    for left in swapping.sweep(out, shape, PURPOSE):
        log.info("deleted %s, left by an export that was killed", left)
    try:
        return swapping.fresh_sibling(out, PURPOSE)
    except OSError:  # the parent folder cannot be written: in place
        return None

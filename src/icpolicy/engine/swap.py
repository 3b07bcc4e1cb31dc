"""A rebuild's swap: a whole folder written beside the one it replaces, then put in its place.

A rebuild (or an export's file set) is written into a fresh sibling folder whose name mkdtemp chose (so it was unused)
and swapped in; the old folder is moved into another such folder and deleted from there, never through a fixed name
like DIR.old that a user's folder might carry.  Both carry the TEMPORARY mark while they are the run's: what a killed
run leaves, the next one deletes (sweep) only where the mark is and only names the layout owns (folder.remove).
"""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
from pathlib import Path

from icpolicy.engine.folder import TEMPORARY, Layout, foreign, remove, umask
from icpolicy.errors import NotAnIndex


def fresh_sibling(folder: Path, purpose: str) -> Path:
    """A new folder beside `folder`, named NAME.icpolicy-<purpose>-XXXXXXXX, created atomically (never an existing
    one), holding the TEMPORARY mark: the only kind of folder sweep deletes."""
    import tempfile

    folder.parent.mkdir(parents=True, exist_ok=True)
    made = Path(tempfile.mkdtemp(prefix=f"{folder.name}.icpolicy-{purpose}-", dir=folder.parent))
    try:
        _mark_temporary(made)
    except OSError:  # a full disk: nothing of it is left behind
        _unmark(made)
        made.rmdir()
        raise
    return made


_TEMPORARY_NOTE = "made by icpolicy for a rebuild: the next ingest of the index beside it deletes this folder\n"


def _mark_temporary(folder: Path) -> None:
    (folder / TEMPORARY).write_text(_TEMPORARY_NOTE, encoding="utf-8")


def _marked(folder: Path) -> bool:
    """Whether a folder holds the rebuild's mark as _mark_temporary writes it (an icpolicy.temporary of the user's is none)."""
    try:
        return (folder / TEMPORARY).read_text(encoding="utf-8") == _TEMPORARY_NOTE
    except (OSError, UnicodeDecodeError):
        return False


def _unmark(folder: Path) -> None:
    """Delete the rebuild's mark, only when it is one (_marked)."""
    if _marked(folder):
        (folder / TEMPORARY).unlink(missing_ok=True)


def swap(new: Path, current: Path, layout: Layout) -> None:
    """Put the completed index `new` in place of `current` and delete the old one.

    The old index is moved into a fresh folder of our own, so no name a user might have used is
    touched; it is moved only when it holds nothing but index files (checked again here).
    """
    # mkdtemp made `new` private (0700): it takes the mode of the index it replaces (a shared index stays
    # readable by the others who search it), else the mode the umask gives a new folder
    os.chmod(new, stat.S_IMODE(os.stat(current).st_mode) if current.exists() else 0o777 & ~umask())
    if current.exists():
        others = foreign(current, layout)
        if others:
            raise NotAnIndex(str(current), f"holds {others[0]}, which icpolicy did not make; the rebuild is kept at {new}")
        _mark_temporary(current)  # the old index, once swapped out, is the rebuild's to delete (killed before: sweep's)
        if _exchange(new, current):  # one atomic step: a reader sees the old index or the new, never none
            _unmark(current)
            remove(new, {glob.escape(new.name): layout})
            return
        trash = fresh_sibling(current, "old")
        os.rename(current, trash / current.name)
        try:
            os.rename(new, current)
        except OSError:
            os.rename(trash / current.name, current)  # put the old index back
            _unmark(current)
            _unmark(trash)
            trash.rmdir()
            raise
        _unmark(current)
        remove(trash / current.name, {glob.escape(current.name): layout})
        try:
            _unmark(trash)
            trash.rmdir()
        except OSError:
            pass  # something was left in it: better kept than deleted unseen
    else:
        os.rename(new, current)
        _unmark(current)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    return False  # EINVAL (a file system without it), ENOSYS...: the two renames below


_TEMP_NAME = re.compile(r"[a-z0-9_]{8}")  # the part tempfile.mkdtemp adds to a prefix


def sweep(folder: Path, layout: Layout, purpose: str = "rebuild") -> list[Path]:
    """Delete what a killed --rebuild of this index (or another write of a whole folder: `purpose`, as
    fresh_sibling was given it) left beside it; returns what was deleted.

    Called under the folder's lock, so no live rebuild of this index is writing there.  Only a
    sibling whose name fresh_sibling makes for this index (NAME.icpolicy-rebuild-XXXXXXXX,
    NAME.icpolicy-old-XXXXXXXX), which holds the TEMPORARY mark that fresh_sibling and swap write and
    index files alone (an old index in NAME.icpolicy-old-…/NAME) is deleted, through remove; anything
    else, a user's folder or copy of that name included, is left as it is.
    """
    _unmark(folder)  # a rebuild killed between marking the old index and swapping it out
    made = re.compile(re.escape(folder.name) + rf"\.icpolicy-({re.escape(purpose)}|old)-" + _TEMP_NAME.pattern)
    swept: list[Path] = []
    try:
        entries = list(os.scandir(folder.parent))
    except OSError:
        return swept
    for entry in entries:
        named = made.fullmatch(entry.name)
        if not named or not _marked(Path(entry.path)):
            continue
        inner = layout if named.group(1) == purpose else {glob.escape(folder.name): layout}
        try:
            if remove(Path(entry.path), {glob.escape(entry.name): inner}):
                swept.append(Path(entry.path))
        except OSError:
            pass  # left for the next ingest, which tries again
    return swept


def discard(folder: Path, layout: Layout) -> None:
    """Delete a rebuild folder this run created, unless something else was put into it."""
    try:
        remove(folder, {glob.escape(folder.name): layout})
    except OSError:
        pass  # what is left, the next ingest sweeps



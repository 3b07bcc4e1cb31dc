"""The index folder: what icpolicy may write into, lock, replace and delete there.

The index owns only what it made.  A folder is an icpolicy index when it holds the manifest
(icpolicy.json); a missing or empty folder may become one; anything else is refused before a
byte is written.  Deletion goes through `remove`, which deletes a file or folder only when
every name in it is one the engine's layout (a list of name patterns, see writer.LAYOUT)
says the index writes there; links are never followed or removed.  A rebuild is written beside
the index and swapped in (swap.py).

One writer at a time holds the lock (filelock: flock where the OS has it, a lock file
elsewhere); the kernel drops a flock when its holder dies, so a killed ingest never leaves a
stale lock behind.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from fnmatch import fnmatchcase
from pathlib import Path

from icpolicy.errors import IndexBusy, NotAnIndex, NotOurs

MANIFEST = "icpolicy.json"
LOCK = "icpolicy.lock"
HOLDER = "icpolicy.writer"  # who holds the lock, for the message a second writer gets
# In a folder this tool made beside an index for a rebuild (fresh_sibling), and in the old index while
# it is swapped out: what a killed rebuild leaves, the next ingest may delete (sweep) only where this is.
TEMPORARY = "icpolicy.temporary"
# What a folder may hold before its first manifest (a first ingest killed early leaves these).
BOOTSTRAP = (LOCK, HOLDER, MANIFEST + ".tmp", TEMPORARY)

# A layout maps a name pattern to None (a file) or to the layout of a folder of that name.
Layout = Mapping[str, "Layout | None"]


def made_here(folder: Path) -> bool:
    """Whether an icpolicy writer has worked in folder: its lock or holder file, written before anything else, is
    there.  Without one, no file in it is taken for the index's, whatever its name (a user's documents_notes.txt)."""
    return (folder / LOCK).is_file() or (folder / HOLDER).is_file()


def is_index(folder: Path) -> bool:
    """Whether a folder is an icpolicy index: it holds icpolicy's manifest (holds_marker), readable or damaged."""
    return holds_marker(folder, MANIFEST)


# Other folders icpolicy writes into carry a marker file of their own, written when it creates
# them or finds them empty; the one rule below (claim) then guards them as it guards the index.
EXPORT_MARK = "icpolicy-export.json"  # export --to clickhouse-tsv -o DIR
CHDB_MARK = "icpolicy-chdb.json"  # --backend chdb:DIR, ClickHouse's data folder


def claim(folder: Path, marker: str = MANIFEST, what: str = "an icpolicy index", option: str = "--index",
          error: type[NotOurs] = NotAnIndex, adopt: Callable[[Path], bool] | None = None) -> None:
    """Make sure icpolicy may write into folder, or raise error (nothing is written then).

    A folder is icpolicy's when it holds the marker (the index's manifest, or an export's or a
    ClickHouse folder's marker file); a missing or empty folder may become one; `adopt` may
    recognise one made before markers existed.  Anything else is refused.
    """
    if folder.is_symlink() and not folder.exists():
        raise error(str(folder), f"is a broken symbolic link; give {option} a folder")
    above = None if holds_marker(folder, marker) else owner(folder)
    if above is not None:  # (an index inside an index: its own rebuild, remove and the outer one's would trip over each other)
        raise error(str(folder), f"is inside {above}, a folder icpolicy made (an index, an export's or ClickHouse's), which "
                                 f"holds only its own files; give {option} a folder outside it")
    if not folder.exists():
        return
    if not folder.is_dir():
        raise error(str(folder), f"is a file, not a folder; give {option} a new or empty folder")
    if holds_marker(folder, marker):
        return
    ours = marker == MANIFEST and made_here(folder)  # (a first ingest killed before its manifest left these)
    others = sorted(name for name in os.listdir(folder) if name not in BOOTSTRAP or not ours)
    if others and not (adopt and adopt(folder)):
        from icpolicy.units import counted

        made = "a new or empty folder" if marker == MANIFEST else "a new or empty folder, or one it made"
        none = f"its {marker} is not icpolicy's" if (folder / marker).exists() else f"no {marker}"
        raise error(
            str(folder),
            f"holds {counted(len(others), 'file or folder', 'files or folders')} and is not {what} ({none}; "
            f"e.g. {others[0]!r}); icpolicy writes only into {made}: give {option} another one",
        )


MARKERS = (MANIFEST, EXPORT_MARK, CHDB_MARK)
# What icpolicy writes into each marker file, in every version: the manifest's three facts (since the first), the note
# of an export's or a ClickHouse folder; a file of that name without them is a user's, whatever else it holds.
MARKER_KEYS = {MANIFEST: ("tool_version", "schema_version", "written"), EXPORT_MARK: ("made_by", "what"), CHDB_MARK: ("made_by", "what")}
# … and what an index holds beside its manifest (its engine's folder), which a damaged manifest's folder must hold too
MANIFEST_COMPANION = "tantivy"
_WRITTEN = re.compile(r"\d{4}-\d{2}-\d{2}T")


def holds_marker(folder: Path, marker: str) -> bool:
    """Whether folder holds icpolicy's marker file of that name: a JSON object with what icpolicy writes into it
    (written_by_icpolicy), or a manifest past reading in a damaged index (damaged_index).  A user's own icpolicy.json,
    whatever it holds, is not icpolicy's."""
    path = folder / marker
    if not path.is_file():
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        return marker == MANIFEST and damaged_index(folder)
    return written_by_icpolicy(data, marker)


def written_by_icpolicy(data: dict, marker: str) -> bool:
    """Whether a marker file's JSON object holds what icpolicy writes into it (MARKER_KEYS: the manifest's tool and
    schema versions and the time it was written; an export's or ClickHouse folder's note made by icpolicy)."""
    if not all(key in data for key in MARKER_KEYS[marker]):
        return False
    if marker == MANIFEST:
        return isinstance(data["schema_version"], int) and bool(_WRITTEN.match(str(data["written"])))
    return str(data["made_by"]).startswith("icpolicy")


def damaged_index(folder: Path) -> bool:
    """Whether a folder whose manifest is past reading is an index: an icpolicy writer worked there and the index's
    engine folder is there too (for the damage message and the rebuild)."""
    return made_here(folder) and (folder / MANIFEST_COMPANION).is_dir()


def owner(path: Path) -> Path | None:
    """The folder of icpolicy's own (an index, an export's or a ClickHouse folder) that path is in
    or would be written into, or None: a file written there would overwrite or foul what it holds."""
    folder = Path(os.path.realpath(path)).parent
    if path.name in MARKERS or Path(os.path.realpath(path)).name in MARKERS:
        return folder
    for place in (folder, *folder.parents):
        if any(holds_marker(place, marker) for marker in MARKERS):
            return place
    return None


def mark(folder: Path, marker: str, what: str) -> None:
    """Create folder if need be and put the marker in it that makes it icpolicy's (see claim)."""
    import json

    from icpolicy._version import __version__

    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / marker).exists():
        note = {"made_by": f"icpolicy {__version__}", "what": what,
                "note": "icpolicy writes into this folder because this file is here; it never writes into a folder of other files"}
        (folder / marker).write_text(json.dumps(note, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class OwnedLayout(dict):
    """A layout (name patterns) that also knows which files its patterns name it wrote: owned(folder) gives their names,
    or None when it cannot tell (every name the patterns take is then the index's own).  foreign counts the others."""

    def __init__(self, patterns: dict, owned: Callable[[Path], set[str] | None]):
        super().__init__(patterns)
        self.owned = owned


def foreign(folder: Path, layout: Layout) -> list[Path]:
    """Everything in folder (recursively) that the layout does not name as the index's own; a layout that knows which
    of the files its patterns name it wrote (an OwnedLayout: engine/doc_files.py, engine/schema.py) counts the others too."""
    found: list[Path] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return found
    owned = getattr(layout, "owned", None)
    mine = owned(folder) if owned else None
    for entry in entries:
        path = Path(entry.path)
        match = next((pattern for pattern in layout if fnmatchcase(entry.name, pattern)), None)
        if match is None or entry.is_symlink():
            found.append(path)
        elif entry.is_dir():
            inner = layout[match]
            if inner is None:
                found.append(path)
            else:
                found.extend(foreign(path, inner))
        elif layout[match] is not None or (mine is not None and entry.name not in mine):
            found.append(path)
    return found


def remove(path: Path, layout: Layout) -> bool:
    """Delete a file or folder of the index's own, or nothing when it holds anything else.

    `layout` describes what path itself may be: the pattern its name matches is looked up in it.
    Returns whether it was deleted (False also when it was not there).
    """
    match = next((pattern for pattern in layout if fnmatchcase(path.name, pattern)), None)
    if match is None or path.is_symlink() or not path.exists():
        return False
    inner = layout[match]
    if path.is_dir():
        if inner is None or foreign(path, inner):
            return False
        import shutil  # here, not at the top: a search opens this module and never deletes

        shutil.rmtree(path)
    elif inner is None:
        path.unlink()
    else:
        return False
    return True


def umask() -> int:
    """The process umask, read without changing it (tantivy's threads may be creating files meanwhile)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    value = os.umask(0o022)
    os.umask(value)
    return value


@contextmanager
def lock(folder: Path) -> Iterator[None]:
    """Hold the single-writer lock of an index folder (raises IndexBusy when another process has it)."""
    from filelock import FileLock, Timeout

    folder.mkdir(parents=True, exist_ok=True)
    held = FileLock(str(folder / LOCK), timeout=0)
    try:
        held.acquire()
    except Timeout:
        try:
            holder = (folder / HOLDER).read_text(encoding="utf-8").strip()
        except OSError:
            holder = ""
        raise IndexBusy(f"{folder} is being written by {holder or 'another process'}; wait for it to finish (only one ingest at a time)") from None
    try:
        (folder / HOLDER).write_text(f"icpolicy (pid {os.getpid()})", encoding="utf-8")  # an ingest or a remove
        yield
    finally:
        held.release()


def let_go(folder: Path, made: bool) -> None:
    """After a first ingest that made no index, while it holds the lock: its lock files go when they are all the folder
    holds, and so does the folder when this run made it (the folder is as it was; a later ingest makes them again).
    Safe under the lock: lock() never waits (timeout 0), so no other process holds the lock file open to lock it later."""
    try:
        if {entry.name for entry in os.scandir(folder)} <= {LOCK, HOLDER}:
            for name in (HOLDER, LOCK):
                (folder / name).unlink(missing_ok=True)
            if made:
                folder.rmdir()
    except OSError:
        pass  # (a file appeared, or the folder cannot be written: it stays as it is)


def crc32(path: Path) -> int:
    """The CRC-32 of a file's bytes, read in 1 MB blocks: what the index records of each file it commits
    (the passages' in the manifest, the document index's in its stamp) to find one altered later."""
    import zlib

    crc = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            crc = zlib.crc32(block, crc)
    return crc


def identity(folder: Path) -> tuple[int, int] | None:
    """Which folder is at this path now (a rebuild swapped in is another one)."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def index_root(path: str | Path) -> Path:
    """The index folder a (damaged) index file belongs to: the nearest folder holding the manifest."""
    path = Path(path)
    for candidate in (path, *path.parents):
        if candidate.name == MANIFEST:
            return candidate.parent
        if (candidate / MANIFEST).exists():
            return candidate
    return path if path.is_dir() else path.parent

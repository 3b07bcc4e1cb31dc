"""Sizes and checksums of the passage store's segment files (store.py), so damage is named, not answered from.

Written with each segment into its manifest entry ({"files": {name: [bytes, crc32]}}).  Every
open checks the size of every file and the checksum of meta.json (small, and read anyway);
an ingest, before it writes anything, checks the checksums of all files.  A segment written
before these records existed is checked for its files' presence only.  Store-specific: the
engine that replaces store.py verifies its own files and raises the same IndexDamaged.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from icpolicy.errors import IndexDamaged

_CHUNK = 1 << 20
ALWAYS_SUMMED = ("meta.json",)


def crc32(path: Path) -> int:
    """The CRC-32 of a file's bytes, read in chunks."""
    value = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            value = zlib.crc32(chunk, value)
    return value


def record(folder: Path) -> dict[str, list[int]]:
    """{file name: [size, crc32]} for every file of a segment folder just written."""
    return {path.name: [path.stat().st_size, crc32(path)] for path in sorted(folder.iterdir()) if path.is_file()}


def verify(folder: Path, files: dict | None, full: bool = False) -> None:
    """Raise IndexDamaged when a file of the segment is missing, of another size or (checked ones) altered."""
    for name, (size, checksum) in (files or {}).items():
        path = folder / name
        try:
            actual = os.stat(path).st_size
        except FileNotFoundError:
            raise  # the caller tells a merge that replaced the segment from a lost file
        except OSError as exc:
            raise IndexDamaged(str(path), f"unreadable ({exc.strerror})") from None
        if actual != size:
            raise IndexDamaged(str(path), f"{'truncated' if actual < size else 'grown'}: {actual} bytes, {size} written")
        if full or name in ALWAYS_SUMMED:
            try:
                if crc32(path) != checksum:
                    raise IndexDamaged(str(path), "altered since it was written (checksum differs)")
            except OSError as exc:
                raise IndexDamaged(str(path), f"unreadable ({exc.strerror})") from None


def culprit(folder: Path, error: Exception) -> tuple[str, str]:
    """(file, reason) for a segment that failed to open: the first of its files that does not load."""
    import json

    import numpy as np

    for path in sorted(folder.iterdir()):
        try:
            if path.suffix == ".npy":
                np.load(path, mmap_mode="r")
            elif path.suffix == ".json":
                json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, EOFError) as exc:
            return str(path), f"unreadable ({type(exc).__name__}: {exc})"
    return str(folder), f"unreadable ({type(error).__name__}: {error})"

"""icpolicy's own small manifest of an index folder, DIR/icpolicy.json: schema and tool version,
rule hashes, roots ingested, counts, and the size, CRC-32 and modification time of every tantivy
file at the last commit (sizes checked on every open, checksums when a writer opens, and on any open
for a file whose modification time changed).  Also what the folder may
hold (layout) and the commands that build or rebuild it, which the manifest's errors name.

Written atomically (temp file, fsync, rename, fsync of the folder) after each tantivy commit;
an index of another schema version is refused with the rebuild command.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from icpolicy._version import __version__
from icpolicy.engine import folder, schema
from icpolicy.engine.folder import crc32 as folder_crc32  # (check_files names a local `folder`)
from icpolicy.errors import IndexDamaged, IndexIncompatible, IndexMissing, IndexUnreadable

SCHEMA_VERSION = 11  # 11: a table row's cell mark (|) is dropped from the search form, as a space is (session 57); 10: the `edge` field (schema.edge): a term running on into the tail is searched only where it can
MANIFEST = folder.MANIFEST


def layout() -> dict:
    """Every name this index writes into its folder (pattern -> None for a file, or the layout of a folder)."""
    from icpolicy.engine import documents

    return {**{name: None for name in folder.BOOTSTRAP}, MANIFEST: None, schema.FOLDER: schema.LAYOUT, documents.NAME: documents.LAYOUT}


def index_files_alone(index_dir: Path) -> bool:
    """Whether a folder holds nothing but this index's own files, and a writer of icpolicy's worked there (an index
    that lost its manifest: ingest adopts it; a folder of files that only look like the index's is refused)."""
    return folder.made_here(index_dir) and not (index_dir / MANIFEST).exists() and not folder.foreign(index_dir, layout())


def rebuild_hint(index_dir: Path) -> str:
    """The command that rebuilds an index folder."""
    return f"icpolicy ingest --rebuild --index {index_dir}"


def build_hint(index_dir: Path) -> str:
    """How to build an index where there is none: in this folder, or (when it holds other files, a user's own
    icpolicy.json among them, which ingest refuses to write among) in a new one."""
    others = folder.foreign(index_dir, layout()) if index_dir.is_dir() else []
    if (index_dir / MANIFEST).is_file() and not folder.is_index(index_dir):
        held = f"its {MANIFEST} is not icpolicy's"
    elif others:
        held = f"it holds other files (e.g. {others[0].name})"
    else:
        return f"build one with: icpolicy ingest --index {index_dir} PATH..."
    return (f"{held}, and an index is built only in a new or empty folder: "
            f"build one with: icpolicy ingest --index NEW_FOLDER PATH..., then search with --index NEW_FOLDER")


def read_manifest(index_dir: Path) -> dict:
    """The manifest of an index folder, or raise IndexMissing / IndexIncompatible."""
    manifest_path = index_dir / MANIFEST
    if not manifest_path.exists():
        if index_dir.exists() and any(index_dir.glob("*.toc")):
            raise IndexIncompatible(f"{index_dir} holds a Whoosh index that icpolicy did not build (no {MANIFEST}); {build_hint(index_dir)}")
        raise IndexMissing(f"no index at {index_dir}: {build_hint(index_dir)}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not a JSON object")
    except PermissionError:
        raise IndexUnreadable(str(manifest_path)) from None
    except (OSError, ValueError) as exc:
        if not folder.damaged_index(index_dir):
            raise _not_ours(index_dir) from None
        raise IndexDamaged(str(manifest_path), f"unreadable ({exc})") from None
    if not folder.written_by_icpolicy(manifest, MANIFEST):  # (read once: this runs on every search)
        raise _not_ours(index_dir)
    if manifest.get("schema_version") != SCHEMA_VERSION:
        paths = "" if manifest.get("roots") else " PATH..."
        raise IndexIncompatible(
            f"{index_dir} was built by icpolicy {manifest.get('tool_version', '?')} with index schema "
            f"{manifest.get('schema_version', '?')}; this is icpolicy {__version__} (schema {SCHEMA_VERSION}). "
            f"Rebuild it with: {rebuild_hint(index_dir)}{paths}"
            + (" (it re-reads the files and folders ingested before)" if not paths else "")
        )
    return manifest


def _not_ours(index_dir: Path) -> IndexMissing:
    """A folder whose icpolicy.json is a user's own, not an index's manifest (folder.holds_marker)."""
    return IndexMissing(f"no index at {index_dir}: {build_hint(index_dir)}")


def recorded_roots(index_dir: Path) -> list[str]:
    """The files and folders ever ingested into an index (from its manifest, any version)."""
    return list(recorded(index_dir, "roots") or [])


def recorded(index_dir: Path, key: str):
    """One fact of an index's manifest (any version), or None when there is none."""
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None


def amend(index_dir: Path, **facts) -> None:
    """Rewrite the manifest with some facts changed and the rest as last committed: a write-ahead record of what the
    next commit is about to do (remove's exclusions), so that a kill between tantivy's commit and the manifest's
    cannot lose it.  A fact given as None is dropped."""
    manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    kept = {k: v for k, v in manifest.items() if k not in ("tool_version", "schema_version", "written")}
    write_manifest(index_dir, **{k: v for k, v in {**kept, **facts}.items() if v is not None})


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def write_manifest(index_dir: Path, **facts) -> None:
    """Write the manifest atomically (temp file, fsync, rename, fsync of the folder)."""
    manifest = {"tool_version": __version__, "schema_version": SCHEMA_VERSION, "written": time.strftime("%Y-%m-%dT%H:%M:%S"), **facts}
    tmp = index_dir / (MANIFEST + ".tmp")
    # a path whose name is not UTF-8 (a GBK name on the command line) holds lone surrogates, which UTF-8 cannot write:
    # they go as JSON escapes (\udcb8), which read back as the same path, so --rebuild finds the folder again
    text = _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(manifest, ensure_ascii=False, indent=2))
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / MANIFEST)
    folder = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def tantivy_files(index_dir: Path) -> dict[str, int]:
    """name -> size of the files the committed tantivy meta.json names (segment files and meta.json)."""
    return {name: size for name, (size, _) in tantivy_stats(index_dir).items()}


def tantivy_stats(index_dir: Path) -> dict[str, tuple[int, int]]:
    """name -> (size, modification time in ns) of the files the committed tantivy meta.json names."""
    folder = index_dir / schema.FOLDER
    try:
        segments = schema.segment_ids(schema.committed(folder))
    except PermissionError:
        raise IndexUnreadable(str(folder / "meta.json")) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexDamaged(str(folder / "meta.json"), f"unreadable ({exc})") from None
    sizes = {}
    for path in folder.iterdir():
        if path.name.split(".", 1)[0] in segments:
            try:
                stat = path.stat()
                sizes[path.name] = (stat.st_size, stat.st_mtime_ns)
            except FileNotFoundError:
                continue  # gone while listing (a rebuild swapped in, a merge cleaned up): check_files judges
    return sizes


def check_files(index_dir: Path, manifest: dict, full: bool = False) -> None:
    """Raise IndexDamaged when a tantivy file recorded at the last commit is missing or changed
    size (a stat per file: every open), or when its CRC-32 differs: with full (every ingest), and
    on every open for a file whose modification time is not the one recorded (a file altered in
    place, its size kept: tantivy may abort the process on such a file rather than report it).
    A file copied without its times is read once per open that way, until the next ingest.

    A file the manifest does not know (a merge or a commit that finished after the manifest
    was written) is left to tantivy's own checks; so is a segment's delete file (`<segment>.<opstamp>.del`) that such a
    commit replaced with a later one (a kill between tantivy's commit and the manifest's).
    """
    recorded: dict = manifest.get("files") or {}
    present = tantivy_stats(index_dir)
    folder = index_dir / schema.FOLDER
    live = {name.split(".", 1)[0] for name in present}
    for name, entry in recorded.items():
        size, crc, mtime = (entry, None, None) if isinstance(entry, int) else (*entry[:2], entry[2] if len(entry) > 2 else None)
        if name.split(".", 1)[0] not in live:
            continue  # a segment merged away since the manifest was written
        if name not in present and name.endswith(".del") and any(other.endswith(".del") and other.split(".", 1)[0] == name.split(".", 1)[0] for other in present):
            continue  # the segment's deletes moved on in a commit that finished after the manifest was written
        if name not in present:
            raise IndexDamaged(str(folder / name), "missing")
        if present[name][0] != size:
            raise IndexDamaged(str(folder / name), f"is {present[name][0]} bytes, the commit wrote {size} (truncated or overwritten)")
        if (full or (mtime is not None and present[name][1] != mtime)) and crc is not None and folder_crc32(folder / name) != crc:
            raise IndexDamaged(str(folder / name), "altered since the commit that wrote it (its CRC-32 differs)")


def file_records(index_dir: Path, previous: dict) -> dict[str, list[int]]:
    """name -> [size, CRC-32, modification time in ns] of the committed tantivy files; tantivy never
    rewrites a file, so a name and size recorded before keep their checksum (a writer opening has
    checked it: check_files full) and only new files are read."""
    out = {}
    for name, (size, mtime) in tantivy_stats(index_dir).items():
        old = previous.get(name)
        if isinstance(old, list) and old[0] == size:
            out[name] = [size, old[1], mtime]
        else:
            out[name] = [size, folder_crc32(index_dir / schema.FOLDER / name), mtime]
    return out



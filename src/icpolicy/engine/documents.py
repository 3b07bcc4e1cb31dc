"""The document catalogue: a Whoosh index with one record per source file.

Only this module imports whoosh (inside its functions: searching never needs it).  A record is keyed by region (every level of its path),
years, segments and document type, and carries what a re-ingest needs to tell unchanged,
changed and duplicate files apart (content hash, size, mtime) and where the file's passages
live in the passage store (store.py).  The store's manifest is the commit point; the
catalogue follows it and is reconciled to it whenever a writer opens (see index.py), so a
crash between the two commits costs nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

NAME = "catalogue"
STAMP = "catalogue.json"
# The names the catalogue writes into the index folder, as Whoosh makes them: its TOC (and the TOC
# being written, suffixed with a time), segments (NAME_ + 16 random [0-9a-z] + an extension),
# temporaries (28 random characters + .run / .ctmp) and, from older versions, its write lock.
_ID = "[0-9a-z]"
LAYOUT = {
    STAMP: None, STAMP + ".tmp": None, f"_{NAME}_[0-9]*.toc": None, f"_{NAME}_[0-9]*.toc.[0-9]*": None,
    f"{NAME}_{_ID * 16}.*": None, f"{_ID * 28}.run": None, f"{_ID * 28}.ctmp": None, f"{NAME}_WRITELOCK": None,
}


def _schema():
    from whoosh import fields

    return fields.Schema(
        source=fields.ID(stored=True, unique=True),
        doc_id=fields.ID(stored=True),
        content_hash=fields.ID(stored=True),
        region=fields.KEYWORD(commas=True),
        years=fields.KEYWORD(stored=True),
        segments=fields.KEYWORD(commas=True),
        doc_type=fields.ID(stored=True),
        title=fields.STORED,
        size=fields.STORED,
        mtime=fields.STORED,
        n_passages=fields.STORED,
        parts=fields.STORED,
    )


def region_keys(path) -> list[str]:
    """Filter keys for a region path: every prefix, so 江苏省 matches 江苏省/苏州市/昆山市."""
    return ["/".join(path[: i + 1]) for i in range(len(path))]


def _open(folder: Path):
    import threading

    from whoosh.filedb.filestore import FileStorage

    class Storage(FileStorage):
        def lock(self, name):
            # Writers are already one at a time (folder.lock); Whoosh's own lock would need fcntl.
            return threading.Lock()

    # No mmap: Whoosh copies each mapped segment into memory on open anyway.
    storage = Storage(str(folder), supports_mmap=False)
    if storage.index_exists(NAME):
        return storage.open_index(NAME)
    return storage.create_index(_schema(), indexname=NAME)


def read(folder: Path) -> dict[str, dict]:
    """source -> stored record (doc_id, content_hash, size, mtime, parts...)."""
    from whoosh import index as whoosh_index
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(folder), supports_mmap=False, readonly=True)
    try:
        ix = storage.open_index(NAME)
    except (whoosh_index.EmptyIndexError, OSError):
        return {}
    with ix.searcher() as searcher:
        return {stored["source"]: stored for stored in searcher.all_stored_fields()}


def heal(folder: Path, records, generation: int, remove) -> dict[str, dict]:
    """Bring the catalogue in line with the manifest and return its records (source -> record).

    A damaged catalogue (Whoosh cannot read it) is deleted, file by file through `remove`, and
    rebuilt from `records()`, the passage store's own account of its documents.
    """
    import logging

    log = logging.getLogger("icpolicy.index")
    try:
        generation_synced = synced(folder)
        if generation_synced == -1 and (folder / STAMP).exists():
            log.warning("%s was damaged; rebuilding the catalogue's account from the passage index", folder / STAMP)
        if generation_synced != generation:
            sync(folder, records(), generation)
        return read(folder)
    except OSError:
        raise
    except Exception as exc:  # Whoosh reports damage as struct, EOF, zlib, pickle, index... errors
        log.warning("the document catalogue in %s was damaged (%s: %s); rebuilding it from the passage index", folder, type(exc).__name__, exc)
        from fnmatch import fnmatchcase

        for path in folder.iterdir():
            if any(fnmatchcase(path.name, pattern) for pattern in LAYOUT):
                remove(path)
        sync(folder, records(), generation)
        return read(folder)


def synced(folder: Path) -> int:
    """The manifest generation the catalogue was last brought in line with (-1: unknown)."""
    try:
        return int(json.loads((folder / STAMP).read_text(encoding="utf-8"))["generation"])
    except (OSError, ValueError, KeyError):
        return -1


def _stamp(folder: Path, generation: int) -> None:
    tmp = folder / (STAMP + ".tmp")
    tmp.write_text(json.dumps({"generation": generation}), encoding="utf-8")
    os.replace(tmp, folder / STAMP)


def sync(folder: Path, records: dict[str, dict], generation: int) -> None:
    """Make the catalogue hold exactly `records` (source -> record built by `record`): the full
    comparison, for a catalogue that missed a commit (a crash between the two)."""
    current = read(folder)
    stale = [s for s, r in current.items() if s not in records or _key(r) != _key(records[s])]
    fresh = {s: r for s, r in records.items() if s not in current or _key(current[s]) != _key(r)}
    update(folder, stale, fresh, generation)


def update(folder: Path, sources, records: dict[str, dict], generation: int) -> None:
    """Replace the records of `sources` with `records` (a source without one is dropped)."""
    sources = set(sources) | set(records)
    if sources:
        ix = _open(folder)
        writer = ix.writer()
        try:
            for source in sources:
                writer.delete_by_term("source", source)
            for found in records.values():
                writer.add_document(**found)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
    _stamp(folder, generation)


def _key(record: dict) -> tuple:
    parts = tuple(tuple(p) for p in record.get("parts") or ())
    return (record.get("content_hash"), record.get("mtime"), record.get("size"), parts)


def record(parts: list[tuple[str, dict]]) -> dict:
    """The catalogue record of one source file from its parts [(segment name, part facts)]."""
    facts = parts[0][1]
    return {
        "source": facts["source"],
        "doc_id": facts["doc_id"],
        "content_hash": facts["content_hash"],
        "region": ",".join(region_keys(facts["region_path"])),
        "years": " ".join(str(y) for y in facts["years"]),
        "segments": ",".join(sorted({s for _, f in parts for s in f.get("doc_segments", [])})),
        "doc_type": facts["doc_type"],
        "title": facts["title"],
        "size": facts["size"],
        "mtime": facts["mtime"],
        "n_passages": sum(f["count"] for _, f in parts),
        "parts": [[name, f["first"]] for name, f in parts],
    }

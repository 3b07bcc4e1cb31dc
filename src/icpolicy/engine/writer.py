"""The on-disk index: passage segments (store.py), a document catalogue (catalogue.py) and a
manifest that says what is committed and what built it.

The manifest (icpolicy.json) is the commit point.  A commit writes new segment folders
first, then replaces the manifest atomically (temp file + rename), then brings the catalogue
in line; a reader only ever opens the segments the manifest names, so it sees the last
commit whole.  Deleted or replaced documents are listed in the manifest per segment until a
merge drops them.  One writer at a time holds the lock (folder.lock).  The index deletes only
files and folders its own records name, and only when they hold nothing but its files
(folder.remove with LAYOUT).  Damage is refused with IndexDamaged (checks.py).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from icpolicy._version import __version__
from icpolicy.engine import checks, documents as catalogue, folder, store
from icpolicy.errors import IndexDamaged, IndexIncompatible, IndexMissing
from icpolicy.models import Document

SCHEMA_VERSION = 5
MANIFEST = folder.MANIFEST
# Every name this index writes into its folder (folder.py deletes and swaps only these).
LAYOUT: folder.Layout = {
    **{name: None for name in folder.BOOTSTRAP},
    MANIFEST: None,
    "seg-[0-9][0-9][0-9][0-9][0-9][0-9]": store.SEGMENT_FILES,
    "seg-[0-9][0-9][0-9][0-9][0-9][0-9].tmp": store.SEGMENT_FILES,
    **catalogue.LAYOUT,
}
SEGMENT_BYTES = int(float(os.environ.get("ICPOLICY_SEGMENT_MB", "32")) * 1e6)  # normalised text per segment
MERGE_AT = 4  # this many small (or mostly deleted) segments after an ingest: they are merged


def read_manifest(index_dir: Path) -> dict:
    """The manifest of an index folder, or raise IndexMissing / IndexIncompatible."""
    manifest_path = index_dir / MANIFEST
    if not manifest_path.exists():
        if index_dir.exists() and any(index_dir.glob("*.toc")):
            raise IndexIncompatible(
                f"{index_dir} holds a Whoosh index that icpolicy did not build (no {MANIFEST}); "
                f"rebuild it with: icpolicy ingest --rebuild --index {index_dir} PATH..."
            )
        raise IndexMissing(f"no index at {index_dir}: build one with: icpolicy ingest --index {index_dir} PATH...")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexDamaged(str(manifest_path), f"unreadable ({exc})") from None
    if not isinstance(manifest, dict):
        raise IndexDamaged(str(manifest_path), "not an icpolicy manifest")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        paths = "" if manifest.get("roots") else " PATH..."
        raise IndexIncompatible(
            f"{index_dir} was built by icpolicy {manifest.get('tool_version', '?')} with index schema "
            f"{manifest.get('schema_version', '?')}; this is icpolicy {__version__} (schema {SCHEMA_VERSION}). "
            f"Rebuild it with: icpolicy ingest --rebuild --index {index_dir}{paths}"
            + (" (it re-reads the files and folders ingested before)" if not paths else "")
        )
    return manifest


writer_lock = folder.lock  # the single-writer lock lives with the folder's ownership rules


def recorded_roots(index_dir: Path) -> list[str]:
    """The files and folders ever ingested into an index (from its manifest, any version)."""
    try:
        return list(json.loads((index_dir / MANIFEST).read_text(encoding="utf-8")).get("roots", []))
    except (OSError, ValueError):
        return []


def write_manifest(index_dir: Path, **facts) -> None:
    """Write the manifest atomically (temp file + rename), so a crash never leaves half of it."""
    manifest = {"tool_version": __version__, "schema_version": SCHEMA_VERSION, "written": time.strftime("%Y-%m-%dT%H:%M:%S"), **facts}
    tmp = index_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, index_dir / MANIFEST)


def open_segments(index_dir: Path, full_check: bool = False) -> tuple[dict, list[store.Segment]]:
    """The committed manifest and its segments, opened for reading (damage raises IndexDamaged)."""
    for attempt in range(3):
        manifest = read_manifest(index_dir)
        try:
            deleted = manifest.get("deleted", {})
            return manifest, [_open_segment(index_dir, entry, deleted.get(entry["name"], []), full_check) for entry in manifest["segments"]]
        except FileNotFoundError as exc:
            if attempt == 2:  # a merge replaced a segment between reading the manifest and opening it
                raise IndexDamaged(str(exc.filename or index_dir), "missing") from None
            time.sleep(0.05)
        except IndexDamaged:
            # a rebuild swapped in between reading the manifest and opening its files: read again
            if attempt == 2 or _manifest_text(index_dir) == json.dumps(manifest, ensure_ascii=False, indent=2):
                raise
            time.sleep(0.05)
        except (KeyError, TypeError) as exc:
            raise IndexDamaged(str(index_dir / MANIFEST), f"names no valid segments ({exc})") from None
    raise AssertionError("unreachable")


def _manifest_text(index_dir: Path) -> str:
    try:
        return json.dumps(json.loads((index_dir / MANIFEST).read_text(encoding="utf-8")), ensure_ascii=False, indent=2)
    except (OSError, ValueError):
        return ""


def _open_segment(index_dir: Path, entry: dict, deleted: list[int], full_check: bool) -> store.Segment:
    path = index_dir / entry["name"]
    checks.verify(path, entry.get("files"), full_check)
    try:
        return store.Segment(path, deleted)
    except FileNotFoundError:
        raise
    except (OSError, ValueError, KeyError, IndexError, EOFError) as exc:
        raise IndexDamaged(*checks.culprit(path, exc)) from None


class Writer:
    """Adds and deletes documents; nothing is visible to readers until commit().

    The caller holds folder.lock.  Opening checks every committed file (IndexDamaged), rebuilds
    a damaged catalogue, reconciles the catalogue with the manifest, and removes segment folders
    that no commit names (left by a crash or a cancelled write) if they hold only segment files.
    """

    def __init__(self, index_dir: Path, facts: dict | None = None):
        self.dir = index_dir
        self.facts = dict(facts or {})
        if not (index_dir / MANIFEST).exists():
            write_manifest(index_dir, segments=[], deleted={}, next_segment=0, documents=0, passages=0, **self.facts)
        manifest = read_manifest(index_dir)
        self.segments: list[dict] = list(manifest.get("segments", []))
        self.deleted: dict[str, list[int]] = {k: list(v) for k, v in manifest.get("deleted", {}).items()}
        self.next_segment = int(manifest.get("next_segment", 0))
        self.generation = int(manifest.get("generation", 0))
        self._touched: set[str] = set()  # sources whose catalogue record changes at the next commit
        self.pending: list[dict] = []
        self.builder = store.SegmentBuilder()
        self._by_source: dict[str, list] | None = None
        _, opened = open_segments(index_dir, full_check=True)
        self._metas = {segment.name: segment.meta for segment in opened}
        for segment in opened:
            segment.close()
        named = {entry["name"] for entry in self.segments}
        for leftover in index_dir.glob("seg-*"):
            if leftover.name not in named:
                folder.remove(leftover, LAYOUT)
        self._known = catalogue.heal(index_dir, self._records, self.generation, lambda path: folder.remove(path, LAYOUT))

    def known_documents(self) -> dict[str, dict]:
        """source -> catalogue record (doc_id, content_hash, size, mtime...) of every committed document."""
        if self._known is None:
            self._known = catalogue.read(self.dir)
        return self._known

    def add(self, document: Document, prepared: store.Prepared) -> None:
        """Add a run of a document's passages (see store.Prepared)."""
        if self.builder.passages + len(prepared.passages) > store.MAX_PASSAGES or self.builder.size >= SEGMENT_BYTES:
            self.flush()
        self.builder.add(document, prepared)
        self._touched.add(document.source)

    def delete_source(self, source: str) -> None:
        """Drop a document's committed passages (at the next commit)."""
        if self._by_source is None:
            self._by_source = {}
            for entry in self.segments:
                for part, facts in enumerate(self._metas[entry["name"]]["docs"]):
                    self._by_source.setdefault(facts["source"], []).append((entry["name"], part))
        self._touched.add(source)
        for name, part in self._by_source.pop(source, []):
            if part not in self.deleted.get(name, []):
                self.deleted.setdefault(name, []).append(part)

    def flush(self) -> None:
        """Write what was added as a segment folder; readers still do not see it until commit()."""
        if self.builder.passages:
            name = f"seg-{self.next_segment:06d}"
            self.next_segment += 1
            self.pending.append(self.builder.write(self.dir / name))
            self._metas[name] = _meta(self.dir / name)
        self.builder = store.SegmentBuilder()

    def commit(self) -> None:
        """Make everything added and deleted so far visible, atomically."""
        self.flush()
        self.segments += self.pending
        self.pending = []
        self._by_source = None
        gone = [e["name"] for e in self.segments if len(set(self.deleted.get(e["name"], []))) >= len(self._metas[e["name"]]["docs"])]
        self._write(gone)

    def cancel(self) -> None:
        """Forget everything since the last commit."""
        for entry in self.pending:
            folder.remove(self.dir / entry["name"], LAYOUT)
            self._metas.pop(entry["name"], None)
        self.pending = []
        self.builder = store.SegmentBuilder()
        manifest = read_manifest(self.dir)
        self.deleted = {k: list(v) for k, v in manifest.get("deleted", {}).items()}
        self._touched = set()
        self._by_source = None

    def merge_small(self) -> None:
        """Merge small or mostly deleted segments once there are MERGE_AT of them (committed at once).

        Each ingest of a few files leaves a small segment; merging them keeps the count (and
        the per-query cost) bounded.  A merged segment is never larger than SEGMENT_BYTES, so
        a merge needs no more memory than building one segment.
        """
        def live_bytes(entry: dict) -> float:
            stored = self._metas[entry["name"]]["passages"] or 1
            return entry["bytes"] * self._live_passages(entry["name"]) / stored

        small = sorted((e for e in self.segments if live_bytes(e) < SEGMENT_BYTES / 2 or live_bytes(e) < e["bytes"] / 2), key=live_bytes)
        if len(small) < MERGE_AT:
            return
        chosen, total = [], 0.0
        for entry in small:
            if len(chosen) >= 2 and total + live_bytes(entry) > SEGMENT_BYTES:
                break
            chosen.append(entry["name"])
            total += live_bytes(entry)
        opened = [store.Segment(self.dir / name, self.deleted.get(name, [])) for name in chosen]
        name = f"seg-{self.next_segment:06d}"
        self.next_segment += 1
        try:
            entry = store.merge(opened, self.dir / name)
        finally:
            for segment in opened:
                segment.close()
        self._metas[name] = _meta(self.dir / name)
        self._touched |= {d["source"] for old in chosen for d in self._metas[old]["docs"]}
        self.segments = [e for e in self.segments if e["name"] not in chosen] + ([entry] if entry["passages"] else [])
        self._write(chosen + ([] if entry["passages"] else [name]))

    def _live_passages(self, name: str) -> int:
        deleted = set(self.deleted.get(name, []))
        return sum(d["count"] for k, d in enumerate(self._metas[name]["docs"]) if k not in deleted)

    def _write(self, gone: list[str]) -> None:
        self.segments = [e for e in self.segments if e["name"] not in gone]
        for name in gone:
            self.deleted.pop(name, None)
        records = self._records()
        self.generation += 1
        write_manifest(
            self.dir,
            segments=self.segments,
            deleted=self.deleted,
            next_segment=self.next_segment,
            generation=self.generation,
            documents=len(records),
            passages=sum(self._live_passages(e["name"]) for e in self.segments),
            **self.facts,
        )
        # the manifest is committed; the catalogue follows (a crash here is healed when a writer opens)
        catalogue.update(self.dir, self._touched, {s: records[s] for s in self._touched if s in records}, self.generation)
        self._touched = set()
        for name in gone:
            folder.remove(self.dir / name, LAYOUT)
            self._metas.pop(name, None)

    def _records(self) -> dict[str, dict]:
        parts: dict[str, list] = {}
        for entry in self.segments:
            deleted = set(self.deleted.get(entry["name"], []))
            for k, facts in enumerate(self._metas[entry["name"]]["docs"]):
                if k not in deleted:
                    parts.setdefault(facts["source"], []).append((entry["name"], facts))
        return {source: catalogue.record(found) for source, found in parts.items()}


def _meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))

"""The on-disk index: a tantivy passage index (schema.py) in its own subfolder, the Whoosh
document index derived from it (documents.py), and icpolicy's small manifest (manifest.py).

    DIR/icpolicy.json   schema and tool version, rule hashes, roots ingested, counts, and the
                        size and CRC-32 of every tantivy file at the last commit (manifest.py)
    DIR/tantivy/        the passage index; its meta.json is the commit point
    DIR/documents/      the Whoosh document index (rebuilt from tantivy when stale or damaged)

Tantivy gives the commit protocol: a commit fsyncs the new segment files and then replaces
meta.json atomically; a reader keeps the segments of the commit it opened (its file deleter
spares them); merges run on tantivy's threads.  A process killed mid-ingest leaves the index
as at its last commit.  One writer at a time holds the lock (folder.lock, through filelock);
the index deletes, swaps and rebuilds only the names its layout() lists (engine/folder.py).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from icpolicy.engine import folder, schema
from icpolicy.engine.manifest import MANIFEST, check_files, file_records, read_manifest, write_manifest
from icpolicy.errors import IndexBusy, IndexDamaged, IndexUnreadable, IndexWriteFailed
from icpolicy.models import Document
from icpolicy.units import MB, env_number

LOCK = folder.LOCK
WRITER_BYTES = int(env_number("ICPOLICY_WRITER_MB", 192, least=15) * MB)  # tantivy's indexing heap
WRITER_THREADS = 1  # the workers are the bottleneck; one indexing thread keeps pace and writes half the segments


def indexed_sources(index_dir: Path) -> list[str] | None:
    """The source of every document committed in an index; None when it cannot be read (a rebuild mends that)."""
    try:
        return [facts["source"] for facts in all_documents(open_tantivy(index_dir))]
    except Exception:
        return None


def open_tantivy(index_dir: Path, create: bool = False):
    """The tantivy index of an index folder; damage becomes IndexDamaged."""
    import tantivy

    folder = index_dir / schema.FOLDER
    try:
        if create and not (folder / "meta.json").exists():
            folder.mkdir(parents=True, exist_ok=True)
            return tantivy.Index(schema.build(), path=str(folder), reuse=True)
        if not (folder / "meta.json").exists():
            raise IndexDamaged(str(folder / "meta.json"), "missing")
        return tantivy.Index.open(str(folder))
    except IndexDamaged:
        raise
    except BaseException as exc:  # ValueError, OSError and pyo3's PanicException (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if "ReadOnlyFilesystem" in str(exc) or "PermissionDenied" in str(exc):  # not damage: where it lives
            if not create:
                return _open_read_only(folder)
            raise IndexWriteFailed(str(folder), f"tantivy takes a lock file even to read ({str(exc)[:120]})",
                                   "the index is unchanged; open it where it can be written") from None
        if create and ("os error 28" in str(exc) or "No space left" in str(exc)):  # a full disk: no damage, the old index stands
            raise IndexWriteFailed(str(folder), f"no space left on the disk ({str(exc)[:120]})",
                                   "nothing of this run was written; free some space and run the same command again") from None
        named = re.search(r'in file `"?([^`"/]+)"?`', str(exc))  # tantivy names the file it could not read
        raise IndexDamaged(str(folder / named.group(1) if named else folder), f"tantivy cannot open it ({type(exc).__name__}: {str(exc)[:200]})") from None


def _open_read_only(folder: Path):
    """Open an index on a read-only disk or share.

    tantivy takes a lock file in the index folder even to read, so it is opened through a
    private temporary folder of links to its files (committed tantivy files are never
    rewritten); the links go when the process ends.
    """
    import atexit
    import shutil
    import tempfile

    import tantivy

    view = Path(tempfile.mkdtemp(prefix="icpolicy-readonly-"))
    atexit.register(shutil.rmtree, view, ignore_errors=True)
    try:
        for entry in folder.iterdir():
            if entry.is_file() and not entry.name.startswith(".tantivy-"):
                (view / entry.name).symlink_to(entry.resolve())
        return tantivy.Index.open(str(view))
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if "PermissionDenied" in str(exc):  # a file of another user's index this user may not read
            named = re.search(r'filepath: "([^"]+)"', str(exc))  # a link in the view: name the index's own file
            raise IndexUnreadable(str(folder / Path(named.group(1)).name) if named else str(folder)) from None
        raise IndexWriteFailed(str(folder), f"cannot open the read-only index through {view} ({str(exc)[:120]})",
                               "the index is unchanged; copy it where it can be written") from None


writer_lock = folder.lock  # the single-writer lock lives with the folder's ownership rules


class Writer:
    """Adds and deletes documents; nothing is visible to readers until commit().

    The caller holds writer_lock.  A document's passages may come in several runs (large
    files); its record is written with its last run.
    """

    def __init__(self, index_dir: Path, facts: dict | None = None):
        self.dir = index_dir
        self.facts = {k: v for k, v in (facts or {}).items() if k != "key_counts"}  # the writer's own, recounted at commit
        fresh = not (index_dir / MANIFEST).exists()
        index_dir.mkdir(parents=True, exist_ok=True)
        self._files: dict = {}
        self._key_counts: dict | None = None
        # a new index gets its manifest (what makes the folder an index) with its first commit that holds a document,
        # or when the run ends (merge_small): a first ingest that fails or is killed before either leaves index files
        # and no manifest, which every command takes for no index (with the command that builds one), not an empty one
        self._announced = not fresh
        if not fresh:
            manifest = read_manifest(index_dir)
            check_files(index_dir, manifest, full=True)
            self._files = dict(manifest.get("files") or {})
        self.index = open_tantivy(index_dir, create=fresh)
        try:
            self.writer = self.index.writer(WRITER_BYTES, WRITER_THREADS)
        except ValueError as exc:
            raise IndexBusy(f"{index_dir / schema.FOLDER} is locked by another writer ({exc})") from None
        if not fresh:
            # a writer killed after writing files of a commit it never made (a remove's delete file) left them: tantivy
            # would write the same names again and refuse (FileAlreadyExists); its collector removes the files it made
            # (.managed.json) that no commit names, none else
            _guard(self.dir, self.writer.garbage_collect_files)
        self.committed = 0  # tantivy commits this writer made
        self._open: dict[str, list] = {}  # doc_id -> [passages so far, sectors] of a document still arriving
        self._touched: set[str] = set()
        self.generation = 0 if fresh else int(read_manifest(index_dir).get("generation", 0))
        if fresh:
            self.commit()
        self._sync_documents(None, full=True)  # a writer opening checks the document index's checksums, as check_files the passages'

    def known_documents(self) -> dict[str, dict]:
        """source -> facts (doc_id, content_hash, size, mtime...) of every committed document."""
        return {facts["source"]: facts for facts in all_documents(self.index)}

    def add(self, document: Document, prepared: schema.Prepared) -> None:
        """Add a run of a document's passages (see schema.Prepared)."""
        state = self._open.setdefault(document.doc_id, [0, set()])
        _guard(self.dir, self._add_rows, document.doc_id, document.meta.doc_type, prepared.rows, state[1])
        state[0] += len(prepared.rows)
        if prepared.ends:
            del self._open[document.doc_id]
            _guard(self.dir, self.writer.add_document, schema.document_doc(schema.document_facts(document, state[0], state[1])))
        self._touched.add(document.source)

    def _add_rows(self, doc_id: str, doc_type: str, rows, sectors: set) -> None:
        add = self.writer.add_document
        for row in rows:
            add(schema.passage_doc(doc_id, doc_type, row))
            sectors.update(row[schema.ROW_SECTORS])

    def delete_source(self, source: str) -> None:
        """Drop a document's committed passages and record (at the next commit)."""
        from icpolicy.models import doc_id_for

        _guard(self.dir, self.writer.delete_documents_by_term, "doc", doc_id_for(source))
        self._touched.add(source)

    def flush(self) -> None:
        """Nothing to do: tantivy writes segments as its heap fills; readers see them at commit()."""

    def commit(self) -> None:
        """Make everything added and deleted so far visible, atomically and durably."""
        if self._open:
            raise RuntimeError("commit inside a document: its last run has not been added")
        _guard(self.dir, self.writer.commit)
        self.committed += 1  # tantivy's commit holds, whatever befalls the manifest after it
        self.index.reload()
        self._record()

    def cancel(self) -> None:
        """Forget everything since the last commit."""
        _guard(self.dir, self.writer.rollback)
        self._open = {}
        self._touched = set()

    def merge_small(self) -> None:
        """Let tantivy's merge threads finish (they run during the ingest), then record the files."""
        _guard(self.dir, self.writer.wait_merging_threads)
        self.writer = None
        self.index.reload()
        self._announced = True  # the run's end: an index, even of no document (every file skipped)
        self._record()

    def close(self) -> None:
        """Let go of tantivy's writer and files now (its memory maps would otherwise live as long
        as this object, and a file truncated under a map kills the process with SIGBUS)."""
        self.writer = None
        self.index = None

    def _record(self) -> None:
        share_like_umask(self.dir / schema.FOLDER)
        kinds = _counts(self.index)  # in a function of its own: no searcher left in this frame
        self.generation += 1
        self._files = file_records(self.dir, self._files)
        self._key_counts = _key_counts(self.index, self.dir, self._key_counts)
        self._announced = self._announced or kinds[schema.DOCUMENT] > 0
        if self._announced:
            write_manifest(self.dir, documents=kinds[schema.DOCUMENT], passages=kinds[schema.PASSAGE], generation=self.generation,
                           files=self._files, key_counts=self._key_counts, **self.facts)
        # the passage index is committed; the document index follows (a crash here is healed when a writer opens)
        self._sync_documents(self._touched)
        self._touched = set()

    def _sync_documents(self, touched, full: bool = False) -> None:
        from icpolicy.engine import documents

        if documents.stale(self.dir, self.generation, touched, full):
            # the facts, not the tantivy index, go to Whoosh: a frame kept by one of its exceptions
            # must not keep tantivy's memory maps alive
            documents.sync(self.dir, all_documents(self.index), self.generation, touched, full)


# tantivy writes these through a temporary file (Rust's tempfile crate), created 0600: another
# user could open the index's segments (0644) but not its commit point, so they are given the mode
# every other file of the index has (0666 less the umask) after each commit.
ATOMIC_FILES = ("meta.json", ".managed.json")


def share_like_umask(tantivy_dir: Path) -> None:
    """Give tantivy's atomically written files the umask's mode, like the segment files beside them."""
    mode = 0o666 & ~folder.umask()
    for name in ATOMIC_FILES:
        try:
            path = tantivy_dir / name
            if path.stat().st_mode & 0o777 != mode:
                os.chmod(path, mode)
        except OSError:
            pass  # not ours to change (another user's commit) or gone: the files stay as tantivy left them


def _counts(index) -> dict[str, int]:
    """Passages and documents in the committed index."""
    searcher = index.searcher()
    return {kind: searcher.search(_kind(index, kind), limit=1, count=True).count for kind in (schema.PASSAGE, schema.DOCUMENT)}


def _key_counts(index, index_dir: Path, previous: dict | None) -> dict:
    """Passages per year, place, sector and type of the committed index, for the manifest (engine/keycounts.py);
    a merge keeps the opstamp and the counts, so they are not recounted."""
    from icpolicy.engine import keycounts

    opstamp = keycounts.committed_opstamp(index_dir)
    if previous and opstamp is not None and previous.get("opstamp") == opstamp and previous.get("docs") == index.searcher().num_docs:
        return previous
    return keycounts.compute(index, opstamp)


def _kind(index, kind: str):
    import tantivy

    return tantivy.Query.term_query(index.schema, "kind", kind)


def all_documents(index) -> list[dict]:
    """The facts of every document in the committed passage index."""
    searcher = index.searcher()
    query = _kind(index, schema.DOCUMENT)
    total = searcher.search(query, limit=1, count=True).count
    if not total:
        return []
    return [json.loads(bytes(searcher.doc(address)["facts"][0])) for _, address in searcher.search(query, limit=total).hits]


def _guard(index_dir: Path, call, *args):
    """Run a tantivy writer call; a failure (disk full, permissions, damage) names the index and
    says that the index stays as at its last commit."""
    try:
        return call(*args)
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise IndexWriteFailed(str(index_dir / schema.FOLDER), f"{type(exc).__name__}: {str(exc)[:200]}",
                               "the index is as at its last commit; nothing after it was kept") from None

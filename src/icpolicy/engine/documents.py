"""The document index: Whoosh, one record per source document, derived from the passage index.

Only this module imports whoosh (inside its functions: a passage search never needs it).  It
is never a second source of truth: every record is built from the document records of the
tantivy commit (schema.py), and the whole index is rebuilt from them when it is stale (a
crash between the tantivy commit and this one) or damaged.  Rebuilding removes only the files
of DIR/documents this index wrote (_ours), never one that only bears such a name.

    query(index_dir, title=None, issuer=None, number=None, doc_ids=None, region=None,
          year=None, doc_type=None, limit=None) -> list[dict]

returns the records (doc_id, source, title, doc_type, doc_number, issuer, issued,
region_path, years, sectors, n_passages, content_hash, size, mtime) that match every given
field: `title` words (jieba-analysed, all must occur), `issuer` and `number` (文号) as
substrings of the normalised field, `doc_ids` any of them, `region` a region path prefix
(江苏省 or 江苏省/苏州市), `year` one year or a range like 2023-2025 (any overlap), `doc_type`
a substring.  Records come newest first (issued date, then title).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from icpolicy.engine.doc_files import JOURNAL, LAYOUT, NAME, STAMP, WHOOSH_FILES, journal, journal_whole, owned  # noqa: F401 (LAYOUT: manifest.layout)
from icpolicy.engine.folder import crc32
from icpolicy.errors import IcpolicyError

def _analyzer():
    from icpolicy.engine.doc_words import JiebaTokenizer

    return JiebaTokenizer()


def _schema():
    from whoosh import fields

    return fields.Schema(
        doc_id=fields.ID(stored=True, unique=True),
        source=fields.ID(stored=True),
        title=fields.TEXT(analyzer=_analyzer(), stored=False),
        doc_type=fields.ID(stored=False),
        region=fields.KEYWORD(commas=True),
        years=fields.KEYWORD(),
        sectors=fields.KEYWORD(commas=True),
        issued=fields.ID(sortable=True),
        facts=fields.STORED,
    )


def _folder(index_dir: Path) -> Path:
    return index_dir / NAME


def _stamp(index_dir: Path, warn: bool = True, full: bool = False, commit: bool = False) -> int:
    """The passage commit the document index holds; -1 when it has none (missing, or damaged: warn says so), and with
    commit also when it was written at another tantivy commit than the last (a kill between tantivy's commit and the
    manifest's leaves both at the generation before; a stamp of before session 42 records none: it passes).

    The stamp also records the size and CRC-32 of each Whoosh file at its commit, as the passage
    index records its own: the sizes are checked by a stat per file, and with full (when a writer
    opens the index) the checksums too, so a truncated file, or one overwritten with its size
    unchanged, makes the index stale and the next ingest rebuilds it instead of keeping a
    document index that `docs --title` cannot read or that answers wrongly.  (A stamp written
    before checksums were recorded holds sizes alone, until the next commit rewrites it.)"""
    path = _folder(index_dir) / STAMP
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        generation = int(recorded["generation"])
        if commit and recorded.get("opstamp") is not None and recorded["opstamp"] != _opstamp(index_dir):
            return -1
        for name, entry in (recorded.get("files") or {}).items():
            size, crc = (entry, None) if isinstance(entry, int) else (entry[0], entry[1])
            try:
                actual = (_folder(index_dir) / name).stat().st_size
            except FileNotFoundError:
                raise _Altered(f"{name} is missing") from None
            if actual != size:
                raise _Altered(f"{name} is {actual} bytes, its commit wrote {size}")
            if full and crc is not None and crc32(_folder(index_dir) / name) != crc:
                raise _Altered(f"{name} was altered since its commit (its CRC-32 differs)")
        if not journal_whole(_folder(index_dir)):
            raise _Altered(f"{JOURNAL} is cut short or holds names the index never writes")
        return generation
    except FileNotFoundError:
        return -1
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if not warn:
            return -1
        import logging

        if isinstance(exc, _Altered):
            logging.getLogger("icpolicy.index").warning("the document index in %s was damaged (%s); rebuilding it from the passage index",
                                                        _folder(index_dir), exc)
        else:
            logging.getLogger("icpolicy.index").warning("%s was damaged (%s); rebuilding the document index from the passage index", path, exc)
        return -1


class _Altered(ValueError):
    """A Whoosh file of the document index is missing or not the size its commit wrote."""


def _files(index_dir: Path, previous: dict) -> dict[str, list[int]]:
    """name -> [size, CRC-32] of the Whoosh files of the document index (its TOC and segments), after a commit;
    Whoosh never rewrites a file, so one recorded before with the same size keeps its checksum."""
    from fnmatch import fnmatchcase

    folder = _folder(index_dir)
    ours = owned(folder)  # (not a user's file that bears a Whoosh name)
    out = {}
    for path in folder.iterdir():
        if path.name in ours and path.is_file() and any(fnmatchcase(path.name, pattern) for pattern in WHOOSH_FILES):
            size, old = path.stat().st_size, previous.get(path.name)
            out[path.name] = old if isinstance(old, list) and old[0] == size else [size, crc32(path)]
    return out


def _write_stamp(index_dir: Path, generation: int) -> None:
    tmp = _folder(index_dir) / (STAMP + ".tmp")
    try:
        previous = json.loads((_folder(index_dir) / STAMP).read_text(encoding="utf-8")).get("files") or {}
    except (OSError, ValueError, AttributeError):
        previous = {}
    files = _files(index_dir, previous)
    tmp.write_text(json.dumps({"generation": generation, "opstamp": _opstamp(index_dir), "files": files}), encoding="utf-8")
    os.replace(tmp, _folder(index_dir) / STAMP)
    # the journal keeps the names of the Whoosh files that are still here (a damaged TOC, whose stamp is lost too, is
    # still known for the index's own and rebuilt over); the ones deleted leave it
    folder = _folder(index_dir)
    kept = sorted(name for name in journal(folder) | set(files) if (folder / name).is_file())
    (folder / (JOURNAL + ".tmp")).write_text("".join(name + "\n" for name in kept), encoding="utf-8")
    os.replace(folder / (JOURNAL + ".tmp"), folder / JOURNAL)


def _record(facts: dict) -> dict:
    from icpolicy.engine.schema import region_keys

    return {
        "doc_id": facts["doc_id"],
        "source": facts["source"],
        "title": facts.get("title", ""),
        "doc_type": facts.get("doc_type", ""),
        "region": ",".join(region_keys(facts.get("region_path", []))),
        "years": " ".join(str(y) for y in facts.get("years", [])),
        "sectors": ",".join(facts.get("sectors", [])),
        "issued": facts.get("issued", "") or "",
        "facts": facts,
    }


def stale(index_dir: Path, generation: int, touched=None, full: bool = False) -> bool:
    """Whether the document index must change to hold the passage index's commit `generation` (full: its
    files' checksums are checked too, see _stamp)."""
    # (sync, which follows, says what is damaged; a writer opening also rebuilds a document index of another tantivy commit)
    return _stamp(index_dir, warn=False, full=full, commit=touched is None) != generation or bool(touched)


def holds(index_dir: Path, generation: int) -> bool:
    """Whether the document index holds the passage index's commit `generation`, whole (its files as its stamp
    records them), and tantivy's last commit (a kill between tantivy's commit and the manifest's leaves both at the
    generation before): what `docs --title/--issuer/--number` read it for (engine/search.Index.document_records)."""
    return _stamp(index_dir, warn=False, commit=True) == generation


def by_issuer(records, issuer: str | None) -> list[dict]:
    """The records whose issuer holds `issuer`, both normalised (all of them for None or ""): the issuer filter of the
    document index, of its fallback on the passages, and of ClickHouse's documents table."""
    from icpolicy.text.normalize import normalise

    wanted = normalise(issuer) if issuer else ""
    return [facts for facts in records if not wanted or wanted in normalise(facts.get("issuer", ""))]


def records(index_dir: Path, generation: int, all_facts, issuer: str | None = None) -> list[dict]:
    """The facts of every document whose issuer holds `issuer` (all with None), from the document index, or from the
    passage index (`all_facts()`) when the document index does not hold its commit (holds: its last write failed on a
    full disk or was killed, until the next ingest brings it in line): the same answer, found more slowly."""
    return query(index_dir, issuer=issuer) if holds(index_dir, generation) else by_issuer(all_facts(), issuer)


def _opstamp(index_dir: Path) -> int | None:
    """The opstamp of tantivy's last commit (its meta.json), or None when it cannot be read."""
    from icpolicy.engine.schema import FOLDER, committed

    try:
        return int(committed(index_dir / FOLDER)["opstamp"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def sync(index_dir: Path, facts: list[dict], generation: int, touched=None, full: bool = False) -> None:
    """Bring the document index in line with the passage index's commit `generation`, whose
    document records are `facts` (writer.all_documents).

    touched: the sources changed by that commit, when the document index holds the commit
    before it; otherwise (or when it is damaged) it is rebuilt from every document record.
    """
    # (a writer opening, touched None, also rebuilds it when tantivy committed after the manifest, a kill between them:
    # what the document index misses is not known; after this writer's own commits the stamp is the commit before's)
    stamp = _stamp(index_dir, full=full, commit=touched is None)
    if stamp == generation and not touched:
        return
    if touched is not None and stamp == generation - 1:
        try:
            _update(index_dir, {f["source"]: f for f in facts if f["source"] in touched}, touched)
            _write_stamp(index_dir, generation)
            return
        except OSError:
            raise  # the disk, not the document index: the writer reports it
        except IcpolicyError:
            raise  # (a user's file where the next commit goes: said as it is, not taken for damage)
        except Exception as exc:  # a damaged document index: rebuilt below from the passage index
            disk = _disk_error(exc, _folder(index_dir))
            if disk is not None:
                raise disk from exc
            import logging

            logging.getLogger("icpolicy.index").warning("the document index in %s was damaged (%s: %s); rebuilding it from the passage index",
                                                        _folder(index_dir), type(exc).__name__, str(exc)[:200])
    _rebuild(index_dir, facts)
    _write_stamp(index_dir, generation)


def _disk_error(exc: BaseException, folder: Path) -> OSError | None:
    """The disk fault behind a failed Whoosh write, if any: an OSError in the exception's chain,
    or a full disk (Whoosh can mask ENOSPC with 'I/O operation on closed file' while it cleans up)."""
    import errno
    import shutil

    seen = exc
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__ or seen.__context__
    try:
        if shutil.disk_usage(folder).free < 1024 * 1024:
            return OSError(errno.ENOSPC, "No space left on device", str(folder))
    except OSError as usage:
        return usage
    return None


def _writable(folder: Path):
    """Whoosh storage for writing, without Whoosh's own fcntl lock: writers are already one at a time (folder.lock).
    It shows Whoosh, and lets it delete, only the files this index wrote (_ours, and what this storage creates):
    Whoosh deletes what it takes for an old segment or TOC of its own after a commit, and a user's
    documents_20241201meeting1.txt or _documents_1.toc in the folder would look like one."""
    import threading

    from whoosh.filedb.filestore import FileStorage

    ours = owned(folder)

    class Storage(FileStorage):
        def lock(self, name):
            return threading.Lock()

        def list(self):
            return [name for name in super().list() if name in ours]

        def create_file(self, name, *args, **kwargs):
            ours.add(name)
            with open(folder / JOURNAL, "a", encoding="utf-8") as journal:  # (before the file: a kill leaves it named)
                journal.write(name + "\n")
            return super().create_file(name, *args, **kwargs)

        def rename_file(self, frm, to, *args, **kwargs):
            if to not in ours and (folder / to).exists():
                from icpolicy.errors import IndexWriteFailed  # (a subclass of IcpolicyError: sync lets it through)

                self.delete_file(frm)  # (the TOC written under its temporary name: none is left)
                raise IndexWriteFailed(str(folder / to), "a file icpolicy did not make stands where the document index writes "
                                       "its next commit", "move it out of the index folder, then run the command again")
            ours.add(to)
            return super().rename_file(frm, to, *args, **kwargs)

        def delete_file(self, name):
            if name in ours:
                super().delete_file(name)
                ours.discard(name)

    return Storage(str(folder), supports_mmap=False)


def _rebuild(index_dir: Path, facts: list[dict]) -> None:
    folder = _folder(index_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for name in owned(folder) - {STAMP, JOURNAL}:  # only the files this index wrote there (the journal stays until the
        # stamp rewrites it: a kill in between must not leave segments no record names)
        (folder / name).unlink(missing_ok=True)
    ix = _writable(folder).create_index(_schema(), indexname=NAME)
    writer = ix.writer()
    for f in facts:
        writer.add_document(**_record(f))
    writer.commit()


def _update(index_dir: Path, records: dict[str, dict], sources) -> None:
    ix = _writable(_folder(index_dir)).open_index(NAME)
    writer = ix.writer()
    try:
        for source in set(sources):
            writer.delete_by_term("source", source)
        for facts in records.values():
            writer.add_document(**_record(facts))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _open(index_dir: Path):
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(_folder(index_dir)), supports_mmap=False, readonly=True).open_index(NAME)


def read(index_dir: Path) -> dict[str, dict]:
    """source -> facts of every document in the document index."""
    try:
        ix = _open(index_dir)
    except Exception:
        return {}
    with ix.searcher() as searcher:
        return {stored["source"]: stored["facts"] for stored in searcher.all_stored_fields()}


def query(index_dir: Path, title: str | None = None, issuer: str | None = None, number: str | None = None,
          doc_ids=None, region: str | None = None, year: str | None = None, doc_type: str | None = None,
          limit: int | None = None) -> list[dict]:
    """The documents matching every given field (see the module docstring), newest first."""
    from whoosh import query as wq

    from icpolicy.meta import years as year_rules
    from icpolicy.text.normalize import normalise
    from icpolicy.text.tokens import tokenise

    clauses = []
    if title:
        clauses += [wq.Term("title", word) for word in tokenise(title)]
    if doc_ids:
        clauses.append(wq.Or([wq.Term("doc_id", d) for d in doc_ids]))
    if region:
        clauses.append(wq.Term("region", region))
    span = year_rules.parse_range(year) if year else None
    out = []
    try:
        ix = _open(index_dir)
        with ix.searcher() as searcher:
            found = [hit["facts"] for hit in searcher.search(wq.And(clauses) if clauses else wq.Every(), limit=None)]
    except Exception:  # a truncated TOC or segment: struct.error, EOFError (which click would print as "Aborted!")
        from icpolicy.errors import IndexDamaged

        raise IndexDamaged(str(_folder(index_dir)), "the document index cannot be read (its files are damaged or cut short)") from None
    for facts in by_issuer(found, issuer):
        if number and normalise(number) not in normalise(facts.get("doc_number", "")):
            continue
        if doc_type and doc_type not in facts.get("doc_type", ""):
            continue
        if span and not any(span[0] <= y <= span[1] for y in facts.get("years", [])):
            continue
        out.append(facts)
    out.sort(key=lambda f: (f.get("issued") or "", f.get("title", "")), reverse=True)
    return out[:limit] if limit else out

"""Which files of DIR/documents the document index wrote (owned): the stamp's record, the journal of every file its
Whoosh writers created (JOURNAL, written before each file, so a killed writer's are named), Whoosh's readable TOCs
with their segments, and a segment's parts by Whoosh's own extensions.  A name that only matches Whoosh's patterns (a
user's documents_20241201meeting1.txt) is not enough.  Used by documents.py, and by folder.foreign through LAYOUT."""

from __future__ import annotations

import json
import re
from pathlib import Path

from icpolicy.engine.folder import OwnedLayout

NAME = "documents"
STAMP = "documents.json"
# The names this index writes into DIR/documents (Whoosh's TOC, segments, lock, the temporary folder of a
# writer that was killed, with its column and posting runs; the stamp): nothing else there is touched.
# Whoosh's names: _documents_<generation>.toc (written first as _documents_<generation>.toc.<time()>, which a
# kill before the rename leaves), documents_<segment id: 16 of [0-9a-z]>.<part>, documents_WRITELOCK
WHOOSH_FILES = (f"_{NAME}_[0-9]*.toc", f"_{NAME}_[0-9]*.toc.[0-9]*", f"{NAME}_" + "[0-9a-z]" * 16 + ".*")
# A name is not enough (a user's documents_20241201meeting1.txt is one of Whoosh's): of the files these patterns
# name, the index's own are those owned() finds (its stamp's record, the journal of every file its Whoosh writers created,
# JOURNAL, a killed writer's too, and Whoosh's readable TOCs with their segments); folder.foreign asks LAYOUT.owned.
JOURNAL = NAME + ".writing"


# the files of a Whoosh segment (whoosh.codec.whoosh3: terms, postings, vectors, columns; .seg a compound one): a name of
# these shapes is Whoosh's own, a user's documents_20241201meeting1.txt is not
_SEGMENT_PART = re.compile(NAME + r"_[0-9a-z]{16}\.(?:seg|trm|pst|vps|[A-Za-z0-9_]+\.col)")




def journal_whole(folder: Path) -> bool:
    """Whether the journal is as written: absent (an index of before session 41), or lines each naming a Whoosh file."""
    from fnmatch import fnmatchcase

    try:
        text = (folder / JOURNAL).read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return (not text or text.endswith("\n")) and all(any(fnmatchcase(name, pattern) for pattern in WHOOSH_FILES)
                                                      for name in text.split())


def journal(folder: Path) -> set[str]:
    """The names the journal holds: every Whoosh file this index's writers created here that is still here (or was
    when the last stamp was written), written before each file is (a killed writer's files are named in it)."""
    try:
        return set((folder / JOURNAL).read_text(encoding="utf-8").split())
    except (OSError, ValueError):
        return set()


def owned(folder: Path) -> set[str]:
    """The names in DIR/documents this index wrote: the stamp and the Whoosh files it recorded at its commit, and each
    TOC that reads as Whoosh's (one a killed commit left unrecorded) with its segments' files.  A name that only
    matches Whoosh's patterns (LAYOUT) is not enough."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    try:
        names = [path.name for path in folder.iterdir() if path.is_file() and not path.is_symlink()]
    except OSError:
        return set()
    try:
        recorded = set(json.loads((folder / STAMP).read_text(encoding="utf-8")).get("files") or {})
    except (OSError, ValueError, AttributeError, TypeError):
        recorded = set()
    written = journal(folder)
    journalled = (folder / JOURNAL).exists()  # (a journal names every Whoosh file its writers made, a killed one's too)
    kept = (STAMP, STAMP + ".tmp", JOURNAL, JOURNAL + ".tmp")
    ours = {name for name in names if name in recorded or name in written or name in kept
            or re.fullmatch(rf"_{NAME}_[0-9]+\.toc\.[0-9.]+", name)  # a TOC a kill left under its temporary name
            or (not journalled and _SEGMENT_PART.fullmatch(name))  # a segment's part by its shape: an index of before the journal
            or (name == f"{NAME}_WRITELOCK" and (folder / name).stat().st_size == 0)}  # (Whoosh's own lock: empty)
    storage = FileStorage(str(folder), supports_mmap=False, readonly=True)
    for name in names:
        toc = re.fullmatch(rf"_{NAME}_([0-9]+)\.toc", name)
        if not toc:
            continue
        try:
            segments = {segment.segment_id() for segment in TOC.read(storage, NAME, int(toc.group(1))).segments}
        except Exception:
            continue  # (not a TOC Whoosh wrote: a file of the user's that bears the name)
        ours.add(name)
        ours.update(other for other in names if other.split(".", 1)[0] in segments)
    return ours


LAYOUT = OwnedLayout({STAMP: None, STAMP + ".tmp": None, JOURNAL: None, JOURNAL + ".tmp": None, **dict.fromkeys(WHOOSH_FILES),
                      f"{NAME}_WRITELOCK": None, f"{NAME}.tmp": {"*.ctmp": None, "*.run": None}}, owned)

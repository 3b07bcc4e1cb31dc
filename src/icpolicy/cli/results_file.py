"""A results file given with -o, written safely: through a unique temporary name beside it, renamed over it
(a reader never sees half a file; a user's NAME.tmp is never touched), with the mode the user's umask gives;
a write-protected file, a file in an icpolicy folder, a file holding a document (PDF, Word, a zip, binary
data: not results -o writes) or a special file is never replaced; SIGTERM deletes the temporary file (exit 143)."""

from __future__ import annotations

import os
from pathlib import Path

from icpolicy.errors import OutputFailed, Terminated, UsageError

if False:  # typing.TYPE_CHECKING, without importing typing (~2 ms of a one-shot search)
    from collections.abc import Iterable


def write_all(out, data: bytes) -> None:
    """out.write until every byte of data is taken, then flush (a short write is no error yet)."""
    view = memoryview(data)
    while view:
        written = out.write(view)
        view = view[written or 0:]
    out.flush()


def write_file(target: Path, chunks: Iterable[bytes]) -> None:
    """Write the chunks to target through a unique temporary file beside it, then rename it over the target.

    A write-protected file is refused (the rename would replace it all the same).
    A symbolic link is written through: its target is replaced (atomically, in the target's
    folder) and the link stays.  A file in an icpolicy folder (an index, an export's or a
    ClickHouse folder) is refused: it would overwrite or foul what the folder holds.  A target that
    is no regular file (/dev/null, /dev/stdout, a named pipe) is written into, never replaced: a
    rename over it would put a plain file where the device or pipe was (as root, even in /dev).
    """
    from icpolicy.engine.folder import owner

    from icpolicy.engine.folder import MARKERS

    if target.name in MARKERS:  # (owner() refuses it too: written anywhere, it would make its folder icpolicy's)
        raise UsageError(f"cannot write {target}: {target.name} is the name of the file that marks an icpolicy folder "
                         "(a folder holding it is taken for an index or one icpolicy made); give the results another name")
    place = owner(target)
    if place is not None:
        raise UsageError(f"cannot write {target}: {place} is an icpolicy folder (an index or one it made) and "
                         "holds only its own files; write the results somewhere else")
    if _special(target):
        try:
            with open(target, "wb") as fh:
                for data in chunks:
                    write_all(fh, data)
        except BrokenPipeError:
            return  # a reader that stopped early (-o /dev/stdout | head, a named pipe): quiet, as -o - is
        except OSError as exc:
            raise OutputFailed(f"cannot write {target}: {exc.strerror or exc}; what it holds is incomplete") from None
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"cannot write {target}: the folder {folder} does not exist (create it first)")
    if target.is_dir():
        raise UsageError(f"cannot write {target}: it is a folder; give a file name")
    if _write_protected(target):  # the rename would replace it all the same (the folder is writable)
        raise UsageError(f"cannot write {target}: it is write-protected; make it writable, or give another name")
    chunks = iter(chunks)
    first = next(chunks, b"")
    kind = _other_kind(target, first)
    if kind == "a spreadsheet":  # (-f csv -o the workbook an -f xlsx run wrote: text under a workbook's name)
        raise UsageError(f"cannot write {target}: it holds a spreadsheet, and these results are text, not a workbook; "
                         "give another name (or -f xlsx, if it is a workbook icpolicy wrote that is to be replaced)")
    if kind:  # (a mistyped -o naming one of the user's documents, e.g. the report just ingested)
        raise UsageError(f"cannot write {target}: it holds {kind}, not results icpolicy wrote; give another name "
                         "(or delete it first if it is to go)")
    source = _ingested(target)
    if source and target.exists():  # (-o naming the report just ingested, as a text file: a shell's > would replace it)
        raise UsageError(f"cannot write {target}: it is a document the index ingests (from {source}); give the results "
                         "a name outside the folders you ingest")
    if source:  # (a new results.txt there: the next ingest of that folder would index the results as a document)
        raise UsageError(f"cannot write {target}: it would lie in {source}, which the index ingests, and the next ingest "
                         "would index the results as a document; give them a name outside the folders you ingest, or a "
                         "suffix ingest does not read (.csv, .jsonl, .json, .xlsx)")
    chunks = _chained(first, chunks)
    from icpolicy import partfiles

    partfiles.sweep(folder, target.name)  # what a killed earlier run left
    with _terminated_raises():  # SIGTERM (timeout, a batch system) deletes the partial file as Ctrl-C does
        made: list[str] = []  # the part file's name, known before it exists (partfiles.create)
        try:
            try:
                fd = partfiles.create(folder, target.name, made)
            except OSError as exc:
                raise OutputFailed(f"cannot write {target}: {exc.strerror or exc}") from None
            tmp = made[-1]
            with os.fdopen(fd, "wb") as fh:
                for data in chunks:
                    write_all(fh, data)
                os.fsync(fh.fileno())
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except OutputFailed:
            raise
        except OSError as exc:
            _discard_all(made)
            raise OutputFailed(f"cannot write {target}: {exc.strerror or exc} (nothing was written)") from None
        except BaseException:  # SIGTERM or Ctrl-C at any line, even while the part file was being made (a signal
            _discard_all(made)  # another thread took is run by Python at the main thread's next line)
            raise


class _terminated_raises:
    """While a file is written: SIGTERM raises Terminated (in the main thread; elsewhere nothing changes)."""

    def __enter__(self):
        import signal

        self.previous = None
        try:
            self.previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except ValueError:  # not the main thread
            pass
        return self

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            import signal

            signal.signal(signal.SIGTERM, self.previous)


def _raise_terminated(_signum, _frame) -> None:
    raise Terminated()


def _ingested(target: Path) -> str:
    """The file or folder ingested into this command's index that target, a file (existing or to be made) of a type
    ingest reads, lies in (the index's recorded roots), or ""."""
    import click

    ctx = click.get_current_context(silent=True)
    folder = (ctx.obj or {}).get("index_folder") if ctx is not None and isinstance(ctx.obj, dict) else None
    if folder is None or (target.exists() and not target.is_file()):
        return ""
    from icpolicy.engine.manifest import recorded_roots
    from icpolicy.readers import readable_suffixes

    if target.suffix.lower() not in readable_suffixes():
        return ""
    real = os.path.realpath(target)
    for root in recorded_roots(Path(folder)):
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return root
    return ""


def _chained(first: bytes, rest):
    yield first
    yield from rest


def _other_kind(target: Path, first: bytes) -> str | None:
    """What an existing file holds when it is no kind of file -o writes over (text, or a workbook
    over a workbook): a PDF, a Word document, another zip, other binary data; else None.  The first
    bytes are the ones the readers know the formats by."""
    import zipfile

    from icpolicy.readers.docx import ZIP_MAGIC
    from icpolicy.readers.office import OLE_MAGIC

    try:
        with open(target, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return None  # not there (or unreadable: the write names the reason)
    for magic, kind in ((b"%PDF-", "a PDF document"), (OLE_MAGIC, "an Office 97-2003 document")):
        if head.startswith(magic):
            return kind
    if head.startswith(ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(target).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "a zip archive"
        if "xl/workbook.xml" in names and first.startswith(ZIP_MAGIC):
            return None  # a workbook over a workbook (-f xlsx again)
        if "word/document.xml" in names:
            return "a Word document"
        return "a spreadsheet" if "xl/workbook.xml" in names else "a zip archive"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def _write_protected(target: Path) -> bool:
    """Whether target is a file its owner may not write (no w bit: read-only even to root), or this user may not."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(target, os.W_OK)


def _special(target: Path) -> bool:
    """Whether target (through its links) is there and neither a regular file nor a folder: a device, a pipe, a socket."""
    import stat

    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    from icpolicy.engine.folder import umask

    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~umask()


def _discard_all(made: list[str]) -> None:
    for tmp in made:
        _discard(tmp)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass

"""Word 97-2003 .doc and WPS .wps through LibreOffice (converted to .docx in a private temp folder),
and .ofd, which is reported with the reason it cannot be read.

LibreOffice runs headless with a user profile of its own (so it never touches, or waits for,
a LibreOffice the user has open) and a timeout; its process group is killed when it hangs.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
from pathlib import Path

from icpolicy.units import env_number
from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.readers import docx, html, mhtml, word97
from icpolicy.readers.encoding import plausible
from icpolicy.readers.garbled import repair
from icpolicy.partfiles import alive

TIMEOUT_SECONDS = env_number("ICPOLICY_SOFFICE_TIMEOUT", 120, above=True)
INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; Windows: libreoffice.org) or save it as .docx"
_profile: str | None = None
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Word 97-2003 (or WPS) file's first bytes, whatever its name
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta)\b", re.I | re.S)
# a web page saved as one file (MHTML: a MIME message of the page and its parts), as Word's and browsers' "single file
# web page" saves it: a header line first, and the related parts or the page's type among the first lines
_MIME_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:MIME-Version|From|Subject|Date|Snapshot-Content-Location|Content-Type|Content-Location|X-[\w-]+)\s*:", re.I)
_MIME_PAGE = re.compile(rb"Content-Type:\s*(?:multipart/related|text/html)", re.I)


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


_TEMP = re.compile(r"icpolicy-(?:convert|soffice-profile)-(\d{1,9})-[a-z0-9_]{8}")  # see _temp_prefix
TEMP_MARK = ".icpolicy-temporary"  # in each such folder, written when it is made: what makes it ours to delete
STALE_SECONDS = 3600  # a folder is swept only when its process is gone and it is this old


def _temp_prefix(kind: str) -> str:
    """icpolicy-<kind>-<pid>-: a temp folder names the process it is for, so a later ingest can delete the
    ones whose process is gone (killed, or a worker ended by its parent) and no other (sweep_temp)."""
    return f"icpolicy-{kind}-{os.getpid()}-"


def _marked(folder: str) -> str:
    """folder, with the mark that makes it one of ours (sweep_temp deletes only marked folders)."""
    with open(os.path.join(folder, TEMP_MARK), "w", encoding="utf-8") as fh:
        fh.write("made by icpolicy for a LibreOffice conversion; deleted when its ingest ends, or by a later one\n")
    return folder


def _profile_dir() -> str:
    """One private LibreOffice profile per process, removed at exit (a first start fills it): at the
    interpreter's exit, or a worker process's (multiprocessing runs its finalizers, not atexit)."""
    global _profile
    if _profile is None:
        from multiprocessing import util

        _profile = _marked(tempfile.mkdtemp(prefix=_temp_prefix("soffice-profile")))
        atexit.register(shutil.rmtree, _profile, True)
        util.Finalize(None, shutil.rmtree, args=(_profile, True), exitpriority=10)
    return _profile


def sweep_temp() -> list[str]:
    """Delete the icpolicy-convert-<pid>-* and icpolicy-soffice-profile-<pid>-* temp folders that a killed
    ingest left (a conversion folder holds a copy of the user's document); their paths.  Only folders of
    this user that hold TEMP_MARK (we made them), whose process is gone, untouched for STALE_SECONDS."""
    import time

    root = tempfile.gettempdir()
    gone = []
    try:
        names = os.listdir(root)
    except OSError:
        return gone
    for name in names:
        match = _TEMP.fullmatch(name)
        if not match:
            continue
        path = os.path.join(root, name)
        try:
            info = os.lstat(path)
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not os.path.isfile(os.path.join(path, TEMP_MARK)):
                continue
            if time.time() - info.st_mtime < STALE_SECONDS or alive(int(match.group(1))):
                continue
        except (OSError, ValueError, OverflowError):
            continue
        shutil.rmtree(path, ignore_errors=True)
        gone.append(path)
    return gone


def convert_to_docx(path: Path, data: bytes, program: str) -> bytes:
    """The bytes of a .docx that LibreOffice makes of data; raises ExtractionError."""
    with tempfile.TemporaryDirectory(prefix=_temp_prefix("convert")) as tmp:
        _marked(tmp)
        # a plain name (the user's may hold anything), with the suffix of what the bytes are (a .doc named .docx)
        source = Path(tmp) / ("input" + (".doc" if data.startswith(OLE_MAGIC) else path.suffix.lower()))
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={Path(_profile_dir()).as_uri()}", "--headless", "--norestore",
                   "--nologo", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(source)]
        try:
            # its own temp files (lu*.tmp, left when it is killed) go in this folder, which is ours to delete
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       start_new_session=True, env={**os.environ, "TMPDIR": tmp})
        except OSError as exc:
            raise ExtractionError(str(path), f"could not start LibreOffice ({exc.strerror or exc}); {INSTALL_HINT}") from None
        try:
            _out, err = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise ExtractionError(str(path), f"LibreOffice did not convert it within {TIMEOUT_SECONDS:.0f} s (set ICPOLICY_SOFFICE_TIMEOUT to wait longer)") from None
        except BaseException:  # Ctrl-C, a worker ended by its parent: LibreOffice (a session of its own) goes too
            _kill(process)
            raise
        converted = Path(tmp) / "input.docx"
        if not converted.exists():
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise ExtractionError(str(path), "LibreOffice could not convert it" + (f" ({detail[-1]})" if detail else " (damaged or not a word-processor file?)"))
        return converted.read_bytes()


def _kill(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    process.wait()


def read_legacy_word(path: Path, data: bytes) -> RawText:
    """A .doc, .wps, .rtf or .odt file: converted by LibreOffice to .docx, then read as one."""
    if _HTML_START.match(data[:1024]):
        # a web page saved as .doc (as many government sites serve their "Word" downloads)
        raw = html.read_html(path, data)
        return RawText(raw.text, raw.layout, raw.title, raw.encoding, raw.hints)
    if _MIME_START.match(data[:1024]) and _MIME_PAGE.search(data[:8192]):
        return mhtml.read_mhtml(path, data)  # the same page saved as one file (Word's "single file web page" named .doc)
    program = soffice()
    if program is None:
        raise ExtractionError(str(path), f"{path.suffix.lower()} needs LibreOffice, which is not installed: {INSTALL_HINT}")
    raw = docx.read_docx(path, convert_to_docx(path, data, program))
    text = repair(raw.text)  # an RTF holding UTF-8 bytes comes out as Latin mojibake: put back
    if data.startswith(OLE_MAGIC):
        text = word97.restore_tables(text, data)  # a table LibreOffice's import ran into one line, as rows again
    if not plausible(text):
        # LibreOffice opens any bytes as some text: random or damaged bytes come out as rare
        # ideographs and control characters, which the .txt reader's check refuses too
        raise ExtractionError(str(path), "not a readable Word document (LibreOffice made only garbled text of it: damaged, or not a .doc?)")
    return RawText(text, raw.layout, raw.title, path.suffix.lower().lstrip("."))


def read_ofd(path: Path, data: bytes) -> RawText:
    """OFD (GB/T 33190) is not read: say so, and how to get the text in.

    easyofd (the one maintained Python OFD package, 2026-04 release) was tried: it pulls in
    PyMuPDF, logs font warnings and prints to stdout at import and while parsing, and fails with
    KeyError '@Size' on a text OFD made by its own pdf2ofd.
    """
    raise ExtractionError(
        str(path),
        "OFD is not supported: open it in an OFD reader (e.g. 数科OFD阅读器 or 福昕OFD版式办公套件), "
        "save it as PDF, then ingest the PDF",
    )

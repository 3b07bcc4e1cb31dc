"""Files written whole under a temporary name beside their own and renamed into place (-o FILE, an export's
files): the part file's name carries its writer's process id (.NAME.PID-xxxxxxxx.part), so that the part
files a killed writer left (kill -9 runs no clean-up) are deleted by the next write of that name, and only
those: a writer still running, a part file written to in the last STALE_SECONDS, or a name of any other shape,
is left alone."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path


def prefix(name: str) -> str:
    """The start of this process's part file names for a file called name (create adds the rest)."""
    return f".{name}.{os.getpid()}-"


SUFFIX = ".part"
STALE_SECONDS = 600  # a part file untouched this long (a writer on another machine sharing the folder has its own pids)


def sweep(folder: Path, name: str) -> list[Path]:
    """Delete the part files of name in folder whose writer is gone; returns them."""
    shape = re.compile(r"\." + re.escape(name) + r"\.(\d{1,9})-[a-z0-9_]{8}" + re.escape(SUFFIX))
    gone = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return gone
    for entry in entries:
        found = shape.fullmatch(entry.name)
        if found and int(found.group(1)) != os.getpid() and not alive(int(found.group(1))) and entry.is_file(follow_symlinks=False) \
                and time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
            try:
                os.unlink(entry.path)
                gone.append(Path(entry.path))
            except OSError:
                pass
    return gone


def alive(pid: int) -> bool:
    """Whether a process with this id runs (someone else's counts: it is left alone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, OverflowError):
        return True
    return True


_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def create(folder: Path, name: str, made: list[str]) -> int:
    """A new part file for name in folder, opened for writing (mode 0600, as mkstemp makes it): its descriptor.  Its
    path goes into `made` before the file is made, so that a signal handled in the middle (SIGTERM raising in the main
    thread, a signal another thread took and Python runs at the next line) still leaves the caller its name to delete;
    a name another file already holds is taken out again and never deleted."""
    import secrets

    for _ in range(100):
        path = str(folder / (prefix(name) + "".join(secrets.choice(_LETTERS) for _ in range(8)) + SUFFIX))
        made.append(path)
        try:
            return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            made.remove(path)
        except OSError:
            made.remove(path)  # (not made: nothing of this name is ours)
            raise
    raise FileExistsError(f"no free part file name for {name} in {folder}")

"""Walking the paths given to ingest: which files, each once, and what was passed over and why."""

from __future__ import annotations

import errno
import os
import stat as stat_mode
from collections.abc import Iterable
from pathlib import Path

from icpolicy import readers
from icpolicy.models import IngestReport, Skipped, readable_path, source_key


def walk(paths: Iterable[Path], report: IngestReport, follow_links: bool = False) -> dict[str, Path]:
    """Supported files under the given paths, each once, in a stable order: {source key: path}.

    Named files of an unsupported type are reported as skipped; inside folders such files,
    hidden entries and lock files are passed over.  Symlink loops, broken links to supported
    files and unreadable folders are skipped and named; the walk goes on.  Links that lead out
    of the given folders are named and not followed unless follow_links.
    """
    paths = list(paths)
    found: dict[str, Path] = {}
    trees = [os.path.realpath(p) for p in paths if p.is_dir()]
    for path in paths:
        if not os.path.lexists(path):
            report.skipped.append(Skipped(str(path), "no such file or folder"))
        elif path.is_dir():
            _walk_dir(path, found, report, trees, follow_links)
        elif not path.exists():
            report.skipped.append(Skipped(str(path), _dead_link(path)))
        elif not path.is_file():
            report.skipped.append(Skipped(str(path), NOT_REGULAR))
        elif readers.is_supported(path):
            found.setdefault(source_key(path), path)
        else:
            report.skipped.append(Skipped(str(path), f"unsupported type '{path.suffix or '(none)'}' (supported: {', '.join(readers.readable_suffixes())})"))
    return dict(sorted(found.items(), key=lambda item: str(item[1])))


NOT_REGULAR = "not a regular file (a named pipe, socket or device): not read"

# A browser's "save page, complete" writes X.html and a folder of its images, scripts and
# widgets beside it: X_files (Chrome, Firefox, Edge), X.files (old Internet Explorer), or
# X.fld (Word).  The folder's .htm/.js files are page furniture, not documents.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")
ASSET_ENDINGS = ("_files", ".files", ".fld")


def page_asset_folders(names: list[str]) -> set[str]:
    """The names among a folder's entries that are the asset folders of a saved page beside them."""
    stems = {name[: -len(suffix)] for name in names for suffix in PAGE_SUFFIXES if name.lower().endswith(suffix)}
    return {name for name in names for ending in ASSET_ENDINGS if name.endswith(ending) and name[: -len(ending)] in stems}


def _dead_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (not followed)"
        return f"broken symbolic link ({exc.strerror})"
    return "not readable"


def inside(target: str, trees: list[str]) -> bool:
    """Whether a resolved path is one of the folders or lies under one."""
    return any(target == tree or target.startswith(tree.rstrip(os.sep) + os.sep) for tree in trees)


def _walk_dir(root: Path, found: dict[str, Path], report: IngestReport, trees: list[str], follow_links: bool) -> None:
    seen_dirs: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            st = os.stat(current)
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue  # reached again through a link: nothing new there
            seen_dirs.add((st.st_dev, st.st_ino))
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            report.skipped.append(Skipped(str(current), f"folder not readable ({exc.strerror})"))
            continue
        real = os.path.realpath(current)  # once per folder: resolving every file costs a stat per path part
        folders = []
        assets = page_asset_folders([entry.name for entry in entries])
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.name in assets and entry.is_dir():
                report.page_assets.append(readable_path(entry.path))
                continue
            path = Path(entry.path)
            wanted = readers.is_supported(path) and not readers.is_ignored(path)
            try:
                link = entry.is_symlink()
                if link:
                    try:
                        is_dir = stat_mode.S_ISDIR(os.stat(entry.path).st_mode)
                    except OSError:
                        if wanted or _dead_link(path).startswith("symbolic link loop"):
                            report.skipped.append(Skipped(str(path), _dead_link(path)))
                        continue
                    target = os.path.realpath(entry.path)
                    if (is_dir or wanted) and not follow_links and not inside(target, trees):
                        report.skipped.append(Skipped(str(path), f"symbolic link to {target}, outside the folders given (not followed; --follow-links follows it)"))
                        continue
                else:
                    is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                report.skipped.append(Skipped(str(path), f"not readable ({exc.strerror})"))
                continue
            if is_dir:
                folders.append(path)
            elif wanted and not entry.is_file():  # (follows a link) a named pipe would block its reader for ever
                report.skipped.append(Skipped(str(path), NOT_REGULAR))
            elif wanted:
                key = source_key(path) if link else readable_path(os.path.join(real, entry.name))
                found.setdefault(key, path)
        stack.extend(reversed(folders))

"""The command line's path parameters: the index folder, export's folder, the files and folders to ingest or take out.
An empty value (an unset variable: remove "$F") is refused, never read as the current folder."""

from __future__ import annotations

import os
from pathlib import Path

import click


class FolderPath(click.Path):
    """A folder argument whose error for a file says what to give instead."""

    def __init__(self):
        super().__init__(path_type=Path, file_okay=False)

    def convert(self, value, param, ctx):
        refuse_blank(self, value, param, ctx, "the index folder")
        if os.path.isfile(value):
            self.fail(f"{value} is a file: give the index folder (an icpolicy index, or a new or empty folder)", param, ctx)
        return super().convert(value, param, ctx)


class ExportFolder(click.Path):
    """export's -o folder: never empty (the current folder would take the files)."""

    def __init__(self):
        super().__init__(path_type=Path, file_okay=False)

    def convert(self, value, param, ctx):
        refuse_blank(self, value, param, ctx, "a new or empty folder, or an earlier export's")
        return super().convert(value, param, ctx)


class DocumentPath(click.Path):
    """A file or folder argument (ingest, remove): never empty, which the OS would read as the current folder."""

    def __init__(self):
        super().__init__(path_type=Path)

    def convert(self, value, param, ctx):
        refuse_blank(self, value, param, ctx, "files or folders")
        return super().convert(value, param, ctx)


def refuse_blank(kind: click.ParamType, value, param, ctx, wanted: str) -> None:
    """An empty path (an unset variable: remove "$F") would be the current folder, and everything under it: refused."""
    if isinstance(value, str) and not value.strip():
        kind.fail(f"an empty path '{value}' (an unset variable?): give {wanted}", param, ctx)

"""Where the index lives: --index, then $ICPOLICY_INDEX, then ./data/index if it exists, then a per-user folder."""

from __future__ import annotations

import os
from collections import namedtuple
from pathlib import Path

from icpolicy.records import Record

ENV = "ICPOLICY_INDEX"
LOCAL = Path("data") / "index"
WHY = {
    "flag": "given with --index",
    "env": f"from ${ENV}",
    "folder": f"{LOCAL} exists in the current folder",
    "default": f"the per-user data folder (no --index, no ${ENV}, no ./{LOCAL.as_posix()} here)",
}


class IndexLocation(Record, namedtuple("IndexLocation", "path why")):
    """An index folder and why it was chosen: flag, env, folder or default."""

    __slots__ = ()
    path: Path
    why: str

    @property
    def reason(self) -> str:
        """The choice in words, for `icpolicy info`."""
        return WHY[self.why]

    @property
    def may_seed(self) -> bool:
        """Only the per-user default is built from the bundled seeds when it is missing."""
        return self.why == "default"


def user_index() -> Path:
    """The per-user index folder (e.g. ~/.local/share/icpolicy/index; $XDG_DATA_HOME is honoured)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("icpolicy", appauthor=False)) / "index"


def locate_index(flag: Path | None) -> IndexLocation:
    """The index folder this run uses, and why."""
    if flag is not None:
        return IndexLocation(Path(flag), "flag")
    env = os.environ.get(ENV)
    if env is not None and env and not env.strip():
        from icpolicy.errors import UsageError

        raise UsageError(f"${ENV} is blank ('{env}'): give the index folder, or unset it")
    if env:
        if os.path.isfile(env):  # as --index FILE (params.FolderPath): never advise building an index at a file
            from icpolicy.errors import UsageError

            raise UsageError(f"${ENV}={env} is a file: give the index folder (an icpolicy index, or a new or empty folder)")
        return IndexLocation(Path(env), "env")
    if LOCAL.is_dir():
        return IndexLocation(LOCAL, "folder")
    return IndexLocation(user_index(), "default")

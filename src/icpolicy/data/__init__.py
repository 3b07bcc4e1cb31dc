"""The rule files: domain knowledge kept as data a user can read and extend."""

from __future__ import annotations

import copy
import tomllib
from functools import lru_cache
from importlib import resources


def rule_files() -> list[str]:
    """The names of the packaged rule files, sorted."""
    return sorted(f.name for f in resources.files(__name__).iterdir() if f.name.endswith((".toml", ".txt")))


def read_bytes(name: str) -> bytes:
    """The bytes of one packaged data file (for rule hashes)."""
    return resources.files(__name__).joinpath(name).read_bytes()


def read_text(name: str) -> str:
    """One packaged data file as UTF-8 text."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_toml(name: str) -> dict:
    """One packaged TOML rule file, parsed (callers compile and cache what they need)."""
    return copy.deepcopy(_parsed(name))  # (a copy: a caller may change what it was given)


@lru_cache(maxsize=None)
def _parsed(name: str) -> dict:
    # the rules read a file table by table, each on first use (years.toml by some twenty): parsed once,
    # copied for each (a copy costs about a twentieth of a parse)
    return tomllib.loads(read_text(name))

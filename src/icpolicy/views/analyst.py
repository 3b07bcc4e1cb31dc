"""The Python API's index: the engine's Index plus the analyst views (targets, changes, documents).

The engine never imports views, so the views are added here, by delegation: `open_index`
(the package face, `icpolicy.open_index`) returns an AnalystIndex that answers every engine
method itself and adds `targets`, `changes` and `documents`.
"""

from __future__ import annotations

from pathlib import Path

from icpolicy.views import changes as _changes
from icpolicy.views import documents as _documents
from icpolicy.views import targets as _targets
from icpolicy.engine.filters import Modes, with_modes
from icpolicy.errors import UsageError
from icpolicy.models import TARGET_KINDS as KINDS


class AnalystIndex:
    """An open index with the analyst views; every other attribute is the engine Index's."""

    def __init__(self, engine_index):
        self.engine = engine_index

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def __enter__(self) -> AnalystIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.engine.close()

    def targets(self, query: str = "", filters=None, limit: int | None = None, kind: str | None = None, sort: str = "score",
                modes: Modes = Modes()) -> dict:
        """Quantified targets and reported figures: {"query", "modes", "total", "targets": [...]} (kind: "target" or
        "reported" only; sort: "score", "year" or "region", as `targets --sort`); UsageError where the CLI exits 2."""
        if sort not in _targets.SORTS:
            raise UsageError(f"sort must be one of {', '.join(_targets.SORTS)}, not '{sort}'")
        if kind not in (None, *KINDS):
            raise UsageError(f"kind must be one of {', '.join(KINDS)} (or None for both), not '{kind}'")
        return with_modes(_targets.targets(self.engine, query, filters, _limit(limit), kind, modes, sort=sort), modes)

    def changes(self, region: str, year_from: int, year_to: int, doc_type: str = _changes.DEFAULT_TYPE, query: str = "") -> dict:
        """Sentence changes between a place's documents of two years: {"from", "to", "added", "removed", "changed", "kept"};
        year_from is the earlier year (UsageError otherwise, as `changes --from` is)."""
        if year_from > year_to:
            raise UsageError(f"year_from {year_from} is after year_to {year_to}: give the earlier year first ({year_to}, {year_from})")
        return _changes.changes(self.engine, region, year_from, year_to, doc_type, query)

    def documents(self, query: str = "", filters=None, title: str | None = None, issuer: str | None = None,
                  number: str | None = None, sort: str = "score", limit: int | None = None) -> dict:
        """Documents (not passages) with their facts and matching-passage counts: {"query", "modes", "total",
        "documents": [...]}; an empty title, issuer or number is refused (UsageError), as the CLI refuses it."""
        for name, value in (("title", title), ("issuer", issuer), ("number", number)):
            if value is not None and not value.strip():
                raise UsageError(f"{name} is empty: give the words to look for, or None")
        return with_modes(_documents.documents(self.engine, query, filters, title, issuer, number, sort, _limit(limit)), Modes())


def _limit(limit: int | None) -> int | None:
    """limit as the views take it: None for every row; a count of at least 1 (0 or less refused, as -n 0 is)."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise UsageError(f"limit must be a whole number of at least 1, or None for every row, not {limit!r}")
    return limit


def open_index(index_dir: str | Path) -> AnalystIndex:
    """Open an index folder for searching and the analyst views (the Python API's entry point)."""
    from icpolicy.engine.search import open_index as open_engine

    return AnalystIndex(open_engine(index_dir))

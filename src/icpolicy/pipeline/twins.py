"""Duplicates on record: a copy whose content is indexed once, under another file (its original).

The manifest keeps them (`duplicates`: copy -> {"of": original, "sha256": content}), so that when
the original leaves the index (removed, gone from disk, edited) the copy is indexed in its place
and the text stays searchable.  An entry holds while its original is indexed with that content
and the copy is not indexed itself; otherwise the copy is an orphan, read by the next ingest or
remove (plan.py).  Every such repair is derived from the committed index and this record, so a
process killed between two steps leaves an entry that the next run acts on again.

The key is optional: an index built before it existed (no key) has no duplicates on record and
opens as before; the schema version is unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from icpolicy.models import disk_path, source_key

KEY = "duplicates"


def on_record(facts: Mapping | None) -> dict[str, dict]:
    """The duplicates a manifest (or a writer's facts) records; {} for an index built before they were."""
    entries = (facts or {}).get(KEY)
    return {copy: entry for copy, entry in entries.items() if isinstance(entry, dict)} if isinstance(entries, dict) else {}


def orphans(entries: Mapping[str, dict], known: Mapping[str, dict], leaving: Iterable[str] = ()) -> list[str]:
    """The copies on record whose original is not (or no longer, once `leaving` goes) in the index with their
    content, and which are not indexed themselves: their text is in the index through no file now."""
    leaving = set(leaving)
    held = {source: facts.get("content_hash") for source, facts in known.items() if source not in leaving}
    return sorted(copy for copy, entry in entries.items() if copy not in held and held.get(entry.get("of")) != entry.get("sha256"))


def updated(entries: Mapping[str, dict], known: Mapping[str, dict], found: Iterable[tuple[str, str]], digests: Mapping[str, str]) -> dict[str, dict]:
    """The record for a run's commits: the entries of copies still on disk and not indexed before it (one this
    run reads stays until a later run finds it indexed: a run killed before reading it leaves it to the next),
    and the duplicates the run found (path, original), whose content hashes are in digests."""
    kept = {copy: dict(entry) for copy, entry in entries.items() if copy not in known and os.path.lexists(disk_path(copy))}
    for path, original in found:
        if path in digests:
            kept[source_key(Path(path))] = {"of": original, "sha256": digests[path]}
    return dict(sorted(kept.items()))

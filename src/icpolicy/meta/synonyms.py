"""Synonym groups from data/synonyms.txt, for --expand."""

from __future__ import annotations

from functools import lru_cache

from icpolicy.text.normalize import normalise
from icpolicy.data import read_text


@lru_cache(maxsize=1)
def groups() -> dict[str, tuple[str, ...]]:
    """Normalised form -> every normalised form of its group (itself first)."""
    table: dict[str, tuple[str, ...]] = {}
    text = read_text("synonyms.txt")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        forms = [normalise(part) for part in line.split("=") if normalise(part)]
        for form in forms:
            table[form] = tuple(dict.fromkeys([form] + forms + list(table.get(form, ())[1:])))
    return table


def expand(norm: str) -> tuple[str, ...]:
    """Every form equivalent to a normalised term (just the term when it has none)."""
    return groups().get(norm, (norm,))

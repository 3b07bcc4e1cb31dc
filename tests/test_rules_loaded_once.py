"""Rule files are parsed and compiled once per process, not once per document or passage.

A rule read through data.load_toml inside a function that runs per title or per passage (without a cache) copies
the whole rule file each time: in session 64 one such function cost a quarter of the ingest worker's CPU. This test
tags a varied set of documents twice in one process and counts rule-file reads during the second pass: there must
be none. It counts calls, not time.
"""
from pathlib import Path

import pytest

from icpolicy import data, readers
from icpolicy.meta import tagging
from icpolicy.meta.document import describe
from icpolicy.meta.target_store import encode_all
from icpolicy.text import clean, passages

ROOT = Path(__file__).resolve().parents[1]


def _documents() -> list[Path]:
    found = sorted((ROOT / "seeds").iterdir())
    for folder in sorted((ROOT / "tests" / "fixtures").glob("blind*")):
        found += sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md", ".html"})[:6]
    return found


def _tag_all(paths: list[Path]) -> int:
    tagged = 0
    for path in paths:
        raw, _ = readers.read(path, readers.MAX_FILE_BYTES)
        pieces = passages.split(clean.clean(raw.text, raw.layout))
        meta, roundup = describe(raw.title, pieces, path.stem, dict(raw.hints))
        found = tagging.PassageTagger(meta, roundup).tag(pieces)
        encode_all(found, meta)
        tagged += len(found)
    return tagged


def test_no_rule_file_is_read_again_once_every_rule_has_been_used(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _documents()
    assert len(paths) > 40
    assert _tag_all(paths) > 500  # first pass: every rule compiled on first use
    reads: list[str] = []
    parsed = data._parsed

    def counting(name: str) -> dict:
        reads.append(name)
        return parsed(name)

    monkeypatch.setattr(data, "_parsed", counting)
    _tag_all(paths)
    assert reads == []

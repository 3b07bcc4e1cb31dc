"""The 70 real documents of ../shared/corpus: every file ingests, and text from every page is found."""

import csv
import random
import re

import pytest

from icpolicy.pipeline.ingest import ingest
from icpolicy.text.normalize import normalise
from icpolicy.readers import read
from icpolicy.engine.search import open_index

from .conftest import CORPUS, needs_corpus

pytestmark = needs_corpus
PAGE = 1500  # characters of a text "page" for formats without pages


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "index"
    report = ingest([CORPUS], folder)
    return folder, report


def _manifest():
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_all_70_files_ingest(corpus_index):
    _, report = corpus_index
    assert report.skipped == []
    assert len(report.indexed) + len(report.duplicates) == len(_manifest()) == 70


def _pages(path):
    """The document's pages as a reader sees them: PDF pages, or fixed slices of the text."""
    raw, _ = read(path)
    if raw.layout == "wrapped":
        return raw.text.split("\f"), True
    text = raw.text
    return [text[i : i + PAGE] for i in range(0, len(text), PAGE)], False


def _phrase(page: str, rng: random.Random, wrapped: bool) -> str | None:
    """A 6-12 character phrase from the middle of a page; PDFs may cross a hard line break."""
    lines = [l for l in page.split("\n") if len(normalise(l)) >= 6 and re.search(r"[\u4e00-\u9fff]{2}", l)]
    if not lines:
        return None
    middle = lines[len(lines) // 2 : len(lines) // 2 + 2] if wrapped else lines[len(lines) // 2 : len(lines) // 2 + 1]
    source = "".join(middle) if wrapped else middle[0]
    source = re.sub(r"<[^>]*>|^#+\s*|\*\*", "", source)  # markup nobody types
    for _ in range(20):
        length = rng.randint(6, 12)
        start = rng.randrange(max(1, len(source) - length))
        phrase = source[start : start + length]
        if len(normalise(phrase)) >= 5 and '"' not in phrase and "“" not in phrase and "”" not in phrase:
            return phrase
    return None


def test_a_phrase_from_every_page_is_found_in_its_document(corpus_index):
    folder, _ = corpus_index
    rng = random.Random(2026)
    misses, checked = [], 0
    with open_index(folder) as ix:
        for row in _manifest():
            path = CORPUS / row["file"]
            pages, wrapped = _pages(path)
            for number, page in enumerate(pages, 1):
                phrase = _phrase(page, rng, wrapped)
                if phrase is None:
                    continue
                checked += 1
                sources = {h.source for h in ix.search(f'"{phrase}"', limit=None).hits}
                if str(path.resolve()) not in sources:
                    misses.append(f"{row['file']} page {number}: {phrase!r}")
    assert checked > 300
    assert misses == []

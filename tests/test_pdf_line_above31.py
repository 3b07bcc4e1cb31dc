"""A paragraph's last line read before the line it ends (session 31, h-blind31b).

In a PDF LibreOffice made (tests/fixtures/blind31b/changsha_yuanqu.pdf, written by h-blind31b in its own
words), pdfminer grouped the one-line box `业。` before the line just above it, `浏阳市…电子信息产`, so the
paragraph ended mid-word and `生物医药和电子信息产业` was found nowhere.  A line read right before the line standing
just above it, within its reach, is put after it now (readers/pdf.py, _upright)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import cli, jsonl

FIXTURE = Path(__file__).parent / "fixtures" / "blind31b" / "changsha_yuanqu.pdf"


def test_a_last_line_follows_the_line_it_ends(tmp_path):
    (tmp_path / "docs").mkdir()
    shutil.copy(FIXTURE, tmp_path / "docs")
    assert cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix").returncode == 0
    hits = jsonl("search", "生物医药和电子信息产业", "--index", tmp_path / "ix")
    assert hits and hits[0]["text"].startswith("浏阳市依托") and hits[0]["text"].endswith("电子信息产业。")

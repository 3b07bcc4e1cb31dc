"""Run-in numbered items in a PDF, wrapped so that a wrap cuts an item's two-digit number (session 26, h-formats25
F4): `…给予奖励。1` over `2.支持…` is item 12, not an item 1 then an item 2 opening a paragraph with the 1 left
behind on the sentence before.  A real PDF written for this test (reportlab), read and searched through the CLI."""

from __future__ import annotations

import textwrap

from tests.conftest import cli, jsonl, make_pdf

ITEMS = [f"对第{n}批认定的芯片设计企业给予一次性奖励，最高不超过{n * 10}万元。" for n in range(1, 16)]


def test_an_item_number_cut_by_a_wrap_stays_whole(tmp_path):
    text = "".join(f"{n}.{item}" for n, item in enumerate(ITEMS, 1))
    at = text.index("。10.") + 2  # lines of 30 characters, one of them ending inside item 10's number: …万元。1 / 0.对第10批…
    head = text[:at]
    lines = [head[: len(head) % 30]] + [head[k : k + 30] for k in range(len(head) % 30, len(head), 30)] + textwrap.wrap(text[at:], 30)
    lines = [line for line in lines if line]
    assert any(line.endswith("。1") and nxt.startswith("0.") for line, nxt in zip(lines, lines[1:]))
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "awards.pdf", [["某某市芯片设计企业奖励办法"] + lines[:28]] + ([lines[28:]] if len(lines) > 28 else []))
    done = cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    for n in (10, 11, 12, 13):
        hits = jsonl("search", f"第{n}批认定", "--index", tmp_path / "ix")
        assert len(hits) == 1
        assert f"{n}.对第{n}批认定" in hits[0]["text"], hits[0]["text"]
        assert not hits[0]["text"].rstrip().endswith(("。1", "。1。")), hits[0]["text"]

"""Readers, session 44, on documents in our own words, through the CLI.

- A .doc that LibreOffice itself wrote from a .docx ending on a table (an attached list, as notices end) came back from
  LibreOffice's import with that table as one line of every cell's text run together: no row kept its place or years. The table is read from the .doc's own text stream (cell marks and row ends) and put back, a row a
  line; the rest of the text is LibreOffice's, as before.
"""

from __future__ import annotations

import subprocess

import docx
import pytest

from icpolicy.readers import office
from tests.conftest import cli, jsonl, passage_finder

ROWS = [("序号", "项目", "所在地", "建设期"),
        ("1", "功率芯片模块封装线", "安徽省滁州市南谯区", "2025—2026"),
        ("2", "硅基传感器研发中心", "安徽省马鞍山市当涂县", "2026—2027"),
        ("3", "电子特气提纯工厂", "安徽省铜陵市义安区", "2024—2025")]


def _table_doc(folder, tmp_path) -> None:
    """A .doc made by LibreOffice from a .docx (python-docx) of two paragraphs and the table it ends on."""
    work = tmp_path / "make"
    work.mkdir()
    document = docx.Document()
    document.add_paragraph("安徽省经济和信息化厅关于下达2025年半导体重点项目清单的通知")
    document.add_paragraph("各市经济和信息化局：现将2025年半导体重点项目清单印发给你们，请抓好推进。")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for row, values in zip(table.rows, ROWS):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(work / "list.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to",
                    "doc", "--outdir", str(work), str(work / "list.docx")], check=True, capture_output=True, timeout=180)
    (folder / "list.doc").write_bytes((work / "list.doc").read_bytes())


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed")
def test_a_doc_table_libreoffice_runs_together_is_read_a_row_a_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _table_doc(docs, tmp_path)
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    index = str(tmp_path / "ix")
    row = passage_finder(index, "的 OR 要 OR 区 OR 县 OR 序号")
    for number, project, place, period in ROWS[1:]:
        found = row("list", f"{number} | {project} | {place} | {period}")
        first, last = (int(year) for year in period.split("—"))
        assert "/".join(found["region_path"]) == place.replace("省", "省/", 1).replace("市", "市/", 1)
        assert found["years"] == list(range(first, last + 1))
    assert any(h["text"].startswith("各市经济和信息化局") for h in jsonl("search", "请抓好推进", "--index", index))

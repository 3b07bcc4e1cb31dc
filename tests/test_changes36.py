"""The `moved` cell of `changes -f csv` (session 36, h-user35b: the cell had neither the years the figures are for nor the
first figure's unit, so a spreadsheet user could not tell a review's 2022 figure from a 2023 target)."""

from __future__ import annotations

import csv
import io

from tests.conftest import cli, ingest_docs
from tests.test_changes35 import NEW, OLD


def test_the_csv_cell_gives_each_figure_its_unit_and_year(tmp_path):
    folder = tmp_path / "docs" / "江苏省" / "徐州市" / "丰县"
    folder.mkdir(parents=True)
    (folder / "2023.txt").write_text(OLD.replace("某县", "丰县"), encoding="utf-8")
    (folder / "2024.txt").write_text(NEW.replace("某县", "丰县"), encoding="utf-8")
    index = ingest_docs(tmp_path)
    proc = cli("changes", "--region", "丰县", "--from", "2023", "--to", "2024", "-f", "csv", "--index", index)
    assert proc.returncode == 0, proc.stderr
    cells = [row["moved"] for row in csv.DictReader(io.StringIO(proc.stdout.lstrip("\ufeff"))) if row["moved"]]
    moved = [part for cell in cells for part in cell.split("; ")]
    assert "城镇新增就业 : 5300人 (2022) -> 5600人 (2023)" in moved, moved
    assert "城镇新增就业 超过: 5000人 (2023) -> 5200人 (2024)" in moved, moved

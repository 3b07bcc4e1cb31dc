"""A PDF whose text boxes stand at equal distances: pdfminer's grouping of them once depended on
where the objects lay in memory (readers/pdf_pages.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import pdf_canvas


def make_grid_pdf(path: Path, rows: int = 5, columns: int = 4) -> Path:
    """A titled table of equal cells at equal spacing, then a closing note: pairs of boxes tie."""
    pdf = pdf_canvas(path)
    y = 800
    pdf.drawString(72, y, "表一 各区集成电路企业数量")
    for r in range(rows):
        y -= 30
        for c in range(columns):
            pdf.drawString(72 + c * 120, y, f"{'甲乙丙丁戊己庚辛'[r % 8]}区{c}类")
    pdf.drawString(72, y - 30, "以上数据来源于统计部门。")
    pdf.showPage()
    pdf.save()
    return path

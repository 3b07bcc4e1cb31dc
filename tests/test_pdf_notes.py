"""PDF notes: a page's foot notes do not cut the paragraph that runs on over the page break, and a
note mark set small and raised after Chinese text is no text (an exponent after a letter stays).
Hand-made geometry for the layout rule; a real PDF (reportlab) through the CLI for the user's view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from icpolicy.readers.pdf_layout import paragraphs
from icpolicy.readers.pdf_regions import Line, Page
from tests.conftest import pdf_canvas

EM, LEFT, RIGHT, HEIGHT = 10.0, 50.0, 290.0, 400.0


def line(text: str, y: float, x0: float = LEFT, x1: float | None = None, em: float = EM) -> Line:
    width = x1 if x1 is not None else min(RIGHT, x0 + len(text) * em)
    return Line(text, x0, width, y, y + em, em, em)


def small(text: str, y: float, x0: float = LEFT, x1: float | None = None) -> Line:
    return line(text, y, x0, x1 if x1 is not None else min(RIGHT, x0 + len(text) * 7.0), em=7.0)


def _runs_on_page() -> Page:
    return Page((line("一、园区对首台套装备给予奖励，对新建中试线的企业", 340, x0=LEFT + 2 * EM, x1=RIGHT),
                 line("按设备投资额的一定比例给予补助，最高不超过两千", 325, x1=RIGHT)), HEIGHT)


def test_foot_notes_between_the_halves_of_a_paragraph_follow_it():
    first = Page(_runs_on_page().lines + (small("1首台套装备指在本市首次投入使用的成套设备。", 60),
                                          small("2中试线指用于验证工艺的小批量生产线。", 50)), HEIGHT)
    second = Page((line("万元。", 340), line("二、加强人才保障。", 320, x0=LEFT + 2 * EM)), HEIGHT)
    assert paragraphs([first, second]) == [
        "一、园区对首台套装备给予奖励，对新建中试线的企业按设备投资额的一定比例给予补助，最高不超过两千万元。",
        "1首台套装备指在本市首次投入使用的成套设备。",
        "2中试线指用于验证工艺的小批量生产线。",
        "二、加强人才保障。",
    ]


def test_small_lines_side_by_side_at_the_foot_are_a_table_and_stay_where_they_stand():
    cells = (small("项目", 80, x0=LEFT), small("金额", 80, x0=150), small("设备", 65, x0=LEFT), small("三百", 65, x0=150))
    first = Page(_runs_on_page().lines + cells, HEIGHT)
    second = Page((line("万元。", 340),), HEIGHT)
    texts = paragraphs([first, second])
    assert texts[0].endswith("最高不超过两千")  # the table stands between, as on the page
    assert "万元。" in texts


def test_foot_notes_after_a_paragraph_that_ends_on_the_page_stay_after_it():
    first = Page((line("一、加强组织领导。", 340, x0=LEFT + 2 * EM), small("1领导小组由分管副市长任组长。", 60)), HEIGHT)
    second = Page((line("二、加强资金保障。", 340, x0=LEFT + 2 * EM),), HEIGHT)
    assert paragraphs([first, second]) == ["一、加强组织领导。", "1领导小组由分管副市长任组长。", "二、加强资金保障。"]


def _real_pdf(path: Path) -> Path:
    """Two pages at 12 pt: a paragraph with a raised 7 pt note mark runs over the page break past two
    9 pt foot notes; an exponent (m2) after a letter."""
    from reportlab.pdfbase import pdfmetrics

    font = "STSong-Light"
    pdf = pdf_canvas(path)

    def text(x: float, y: float, words: str, size: float = 12) -> float:
        pdf.setFont(font, size)
        pdf.drawString(x, y, words)
        return x + pdfmetrics.stringWidth(words, font, size)

    text(72, 800, "柳溪区关于支持智能传感器产业发展的若干措施", 16)
    x = text(96, 760, "一、支持企业建设传感器中试平台，对通过验收的平台")
    x = text(x, 765, "1", 7)
    text(x, 760, "给予一次性奖")
    text(72, 740, "励，建成后厂房面积达到5万m")
    text(72 + pdfmetrics.stringWidth("励，建成后厂房面积达到5万m", font, 12), 745, "2", 7)
    text(72 + pdfmetrics.stringWidth("励，建成后厂房面积达到5万m", font, 12) + 4, 740, "的，另按设备投资额的百分之十给予补助")
    text(72, 720, "并优先保障用地、用能和人才公寓需求，推动产业链上下游企业向")
    pdf.setFont(font, 9)
    pdf.drawString(72, 90, "1中试平台指为新产品小批量验证提供工艺服务的公共设施。")
    pdf.drawString(72, 76, "2本措施所称企业指在本区登记注册的法人。")
    pdf.showPage()
    text(72, 800, "园区集聚发展。")
    text(96, 780, "二、本措施自发布之日起施行。")
    pdf.showPage()
    pdf.save()
    return path


def test_a_real_pdf_reads_over_its_foot_notes_and_drops_its_note_marks(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _real_pdf(docs / "measures.pdf")
    index = str(tmp_path / "idx")
    run = lambda *args: subprocess.run([sys.executable, "-m", "icpolicy", *args, "--index", index],  # noqa: E731
                                       capture_output=True, text=True, encoding="utf-8")
    done = run("ingest", str(docs))
    assert done.returncode == 0, done.stderr

    def passages(query: str) -> list[str]:
        found = run("search", query, "-a", "-f", "jsonl")
        assert found.returncode in (0, 1), found.stderr
        return [json.loads(row)["text"] for row in found.stdout.splitlines()]

    assert passages("对通过验收的平台给予一次性奖励")  # over the note mark
    assert passages("上下游企业向园区集聚发展")  # over the page break and the notes below it
    assert passages("厂房面积达到5万m2的")  # an exponent after a letter stays
    notes = passages("中试平台指为新产品")
    assert len(notes) == 1 and "上下游" not in notes[0]


def test_running_heads_that_take_turns_go():
    """公报 on odd pages and 第3期 on even ones, at the body's size, each on fewer than half the pages."""
    pages = [Page((line("柳溪区关于支持智能传感器产业发展的若干措施", 380, x0=60),
                   line("一、支持企业建设传感器中试平台，对通过验收的平台给予一次", 340, x0=LEFT + 2 * EM, x1=RIGHT)), HEIGHT)]
    for n in range(1, 6):
        head = line("柳溪区人民政府公报" if n % 2 else "2025年第3期", 385, x0=120)
        pages.append(Page((head, line("性奖励，并优先保障用地、用能和人才公寓需求，推动产业链上", 340, x1=RIGHT),
                           line("下游企业向园区集聚发展，对首次流片的企业给予补助，每家企业一", 325, x1=RIGHT)), HEIGHT))
    texts = paragraphs(pages)
    assert not any("公报" in t or "第3期" in t for t in texts), texts
    assert any("向园区集聚发展" in t for t in texts)

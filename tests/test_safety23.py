"""`-o` never replaces one of the user's documents: a file that holds a PDF, a Word document, a zip or other
binary data (say the report just ingested, named by a slip of the keyboard) is refused with exit 2 and left
byte for byte; results written before (text, or a workbook over a workbook) are replaced as ever."""

from __future__ import annotations

import zipfile

import pytest

from tests.clirun import icpolicy

TEXT = "青溪区关于加快化合物半导体产业集聚的通知\n\n各街道要围绕功率器件布局第三代半导体中试线。\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    (home / "docs").mkdir()
    (home / "docs" / "notice.txt").write_text(TEXT, encoding="utf-8")
    assert icpolicy("ingest", home / "docs", "--index", home / "idx", home=home).returncode == 0
    return home


def _word(path):
    import docx

    document = docx.Document()
    document.add_paragraph("本人起草的调研报告，尚未备份。")
    document.save(str(path))


def _zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.txt", "my data")


@pytest.mark.parametrize("name,make", [
    ("report.docx", _word), ("report.csv", _word), ("scan.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n%binary\n")),
    ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)), ("bundle.zip", _zip),
    ("image.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 100)),
])
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "xlsx"])
def test_o_never_replaces_a_document(index, tmp_path, name, make, fmt):
    target = tmp_path / name
    make(target)
    before = target.read_bytes()
    done = icpolicy("search", "第三代半导体", "-f", fmt, "-o", target, "--index", index / "idx", home=index)
    assert done.returncode == 2 and str(target) in done.err and "give another name" in done.err, done.err
    assert "Traceback" not in done.err and target.read_bytes() == before


@pytest.mark.parametrize("fmt,name", [("csv", "out.csv"), ("json", "out.json"), ("table", "out.txt"), ("xlsx", "out.xlsx")])
def test_results_written_before_are_replaced(index, tmp_path, fmt, name):
    target = tmp_path / name
    target.write_text("older results\n", encoding="utf-8")
    for _ in range(2):  # over a text file, then over its own output (a workbook over a workbook)
        done = icpolicy("search", "第三代半导体", "-f", fmt, "-o", target, "--index", index / "idx", home=index)
        assert done.returncode == 0, done.err
    assert target.read_bytes() != b"older results\n"

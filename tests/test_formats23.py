"""Files whose name says one format and whose bytes say another are read by their bytes: a Word document (.docx)
saved or renamed as .txt or .doc is read as the Word document it is, while a zip that is no Word document is
still refused with its reason.  Files of our own, through the CLI as a user ingests and searches."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.clirun import icpolicy

SENTENCE = "各区要围绕功率器件和射频芯片布局第三代半导体中试线。"


def _word(path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("青溪区关于加快化合物半导体产业集聚的通知")
    document.add_paragraph(SENTENCE)
    document.save(str(path))


@pytest.mark.parametrize("name", ["notice.txt", "notice.doc", "notice.md"])
def test_word_document_under_another_name_is_read_as_word(tmp_path, name):
    docs = tmp_path / "docs"
    docs.mkdir()
    _word(docs / name)
    done = icpolicy("ingest", docs, "--index", tmp_path / "idx", home=tmp_path)
    assert done.returncode == 0, done.err
    found = icpolicy("search", "第三代半导体中试线", "--index", tmp_path / "idx", "-f", "jsonl", home=tmp_path)
    rows = [json.loads(line) for line in found.out.splitlines()]
    assert [row["text"] for row in rows] == [SENTENCE]
    assert rows[0]["title"] == "青溪区关于加快化合物半导体产业集聚的通知"


def test_zip_that_is_no_word_document_is_still_refused_with_reason(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "bundle.txt", "w") as archive:
        archive.writestr("readme.txt", "not a policy")
    (docs / "good.txt").write_text("青溪区关于加快化合物半导体产业集聚的通知\n\n" + SENTENCE + "\n", encoding="utf-8")
    done = icpolicy("ingest", docs, "--index", tmp_path / "idx", home=tmp_path)
    assert "bundle.txt" in done.err and "not a text file" in done.err
    assert "indexed 1 file" in done.err


MHTML = """From: <Saved by a browser>
Subject: notice
MIME-Version: 1.0
Content-Type: multipart/related; type="text/html"; boundary="----part-boundary----"

------part-boundary----
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64

{body}
------part-boundary------
"""


def test_a_saved_page_named_html_is_read_as_the_page_and_a_pdf_without_a_pdf_is_refused(tmp_path):
    import base64

    docs = tmp_path / "docs"
    docs.mkdir()
    page = f"<html><head><title>青溪区通知</title></head><body><h1>青溪区关于加快化合物半导体产业集聚的通知</h1><p>{SENTENCE}</p></body></html>"
    (docs / "saved.html").write_text(MHTML.format(body=base64.encodebytes(page.encode("utf-8")).decode("ascii")), encoding="ascii")
    (docs / "error_page.pdf").write_text("<html><body><h1>404 页面不存在</h1></body></html>", encoding="utf-8")  # a failed download
    (docs / "broken.pdf").write_bytes(b"\x00\x01\x02garbage" * 50)
    done = icpolicy("ingest", docs, "--index", tmp_path / "idx", home=tmp_path)
    assert "broken.pdf: corrupt PDF" in done.err and "error_page.pdf: corrupt PDF" in done.err and "indexed 1 file" in done.err, done.err
    for phrase, name in (("第三代半导体中试线", "saved.html"),):
        found = icpolicy("search", phrase, "--index", tmp_path / "idx", "-f", "jsonl", home=tmp_path)
        rows = [json.loads(line) for line in found.out.splitlines()]
        assert [row["source"].rsplit("/", 1)[-1] for row in rows] == [name], (phrase, found.out, found.err)
        assert "Content-Type" not in rows[0]["text"] and "From:" not in rows[0]["text"] and "<" not in rows[0]["text"]

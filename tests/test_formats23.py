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

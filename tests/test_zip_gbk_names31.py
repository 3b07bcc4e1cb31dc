"""A zip member's GBK name whose bytes happen to form UTF-8 (session 31, h-formats31).

A Chinese Windows zipper writes 通知.doc as CD A8 D6 AA …, with no UTF-8 flag; those bytes are valid UTF-8 too (֪ͨ),
and UTF-8 was read first, so the member was named bundle.zip!֪ͨ.doc.  A UTF-8 reading that holds what no one
names a file with (a combining mark after no letter, a fraction sign) gives way to GBK now; 目录 (Ŀ¼ in UTF-8) is
held out.  Café.txt written as UTF-8 without the flag (macOS) keeps its name."""

from __future__ import annotations

import zipfile

from tests.clirun import icpolicy
from tests.test_zip import _patch_name, _sources


def test_gbk_names_that_read_as_utf8(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["通知.txt".encode("gbk"), "目录.txt".encode("gbk"), "Café.txt".encode("utf-8")]
    with zipfile.ZipFile(docs / "windows.zip", "w") as archive:
        for n, raw in enumerate(names):
            archive.writestr(str(n) * (len(raw) - 4) + ".txt", f"关于申报第{n + 1}批专精特新企业的通知\n\n请各企业按要求报送材料。")
    for n, raw in enumerate(names):
        _patch_name(docs / "windows.zip", str(n).encode() * (len(raw) - 4) + b".txt", raw)
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, proc.err
    archive = str((docs / "windows.zip").resolve())
    assert _sources(tmp_path / "ix", tmp_path) == {f"{archive}!通知.txt", f"{archive}!目录.txt", f"{archive}!Café.txt"}

"""A .docx whose stored title does not end like a title (a list's name, 山西省2025年…重点项目名单) while the body's own
title line does (…关于公布…名单的通知): the document bears the body's title and its type (session 41, h-blind41b)."""

from __future__ import annotations

import json

import docx

from tests.conftest import cli


def test_the_bodys_own_title_wins_over_a_stored_title_that_is_no_title(tmp_path):
    document = docx.Document()
    document.core_properties.title = "山西省2025年半导体产业重点项目名单"
    for line in ("山西省工业和信息化厅关于公布2025年半导体产业重点项目名单的通知", "晋工信电子函〔2025〕12号", "各市工业和信息化局：",
                 "经各市推荐、专家评审，现将2025年半导体产业重点项目名单予以公布，请各地加强跟踪服务，推动项目早日投产。",
                 "山西省工业和信息化厅", "2025年3月2日"):
        document.add_paragraph(line)
    docs = tmp_path / "docs"
    docs.mkdir()
    document.save(docs / "名单.docx")
    index = tmp_path / "idx"
    assert cli("ingest", str(docs), "--index", str(index)).returncode == 0
    hit = json.loads(cli("search", "项目名单", "--index", str(index), "-f", "jsonl", "-n", "1").stdout.splitlines()[0])
    assert hit["title"] == "山西省工业和信息化厅关于公布2025年半导体产业重点项目名单的通知"
    assert hit["doc_type"] == "通知"

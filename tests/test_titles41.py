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


def test_a_title_about_a_text_it_names_is_typed_by_its_own_words(tmp_path):
    """(h-blind41d) A title naming a law or plan it does not issue (关于检查《…法》实施情况的报告, 关于《…规划》的批复) was
    typed as that law or plan; one issuing it (关于印发《…》的通知) still is."""
    docs = tmp_path / "docs"
    docs.mkdir()
    texts = {"检查.txt": "青海省人大常委会执法检查组关于检查《中华人民共和国促进科技成果转化法》实施情况的报告\n\n"
                         "检查组认为，全省科技成果转化工作取得积极进展，半导体材料领域转化项目明显增加。\n",
             "批复.txt": "西宁市人民政府关于《西宁市硅材料产业发展规划（2025—2030年）》的批复\n\n"
                         "原则同意该规划，请认真组织实施，加快建设光伏和半导体硅材料基地。\n",
             "印发.txt": "西宁市人民政府关于印发《西宁市硅材料产业发展规划（2025—2030年）》的通知\n\n"
                         "现将规划印发给你们，请认真贯彻执行，推动硅材料产业集聚发展。\n",
             "鉴定.txt": "西宁市科学技术局关于公布2024年鉴定通过的科技成果名单的通知\n\n"
                         "现将2024年鉴定通过的半导体材料等科技成果名单予以公布。\n"}
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(docs), "--index", str(index)).returncode == 0
    listed = [json.loads(line) for line in cli("docs", "--index", str(index), "-f", "jsonl").stdout.splitlines()]
    types = {row["source"].rsplit("/", 1)[1]: row["doc_type"] for row in listed}
    assert types == {"检查.txt": "报告", "批复.txt": "批复", "印发.txt": "规划", "鉴定.txt": "通知"}  # (年鉴定: no yearbook)

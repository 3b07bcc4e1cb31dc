"""A text saved from a PDF (or a .docx made of one, a line a paragraph) carries the page's running head into
the middle of a sentence on every page: its later copies go, so the sentence reads and is found whole."""

from __future__ import annotations

import json

from tests.clirun import icpolicy
from tests.conftest import make_docx

HEAD = "金华市婺城区人民政府文件"
LINES = ["金华市婺城区关于支持智能传感器产业发展的若干意见", "各乡镇人民政府、街道办事处：",
         "为加快智能传感器产业集聚，结合本区实际，提出如下意见。对新认定的省级企", "业研究院给予一次性奖励八十万元，对首次",
         "通过车规认证的传感器产品给予每款二十万元奖励。本意见自2026年1月1日起施行，有效期至2028年12", "月31日。",
         "金华市婺城区人民政府", "2026年1月1日"]


def _paged(lines):
    """The lines with the running head at the top of each 'page' of two lines, and page numbers, as pdftotext gives."""
    out = [HEAD, ""]
    for k in range(0, len(lines), 2):
        if k:
            out += [f"- {k // 2} -", "", HEAD, ""]
        out += lines[k:k + 2]
    return out


def test_a_running_head_inside_sentences_is_dropped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "saved.txt").write_text("\n".join(_paged(LINES)) + "\n", encoding="gbk")
    make_docx(docs / "converted.docx", [line for line in _paged(LINES) if line])
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    for term in ("省级企业研究院", "对首次通过车规认证", "有效期至2028年12月31日"):
        found = icpolicy("search", term, "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
        assert found.returncode == 0, term
        hits = json.loads(found.out)["hits"]
        assert {h["source"].rsplit("/", 1)[-1] for h in hits} == {"saved.txt", "converted.docx"}, term
        assert all(HEAD not in h["text"] for h in hits), term


def test_a_task_list_s_repeated_field_after_a_page_number_is_kept(tmp_path):
    # 责任单位：市科技局 repeats in a task list, once just after a page number: a field, not a head
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = ["某市科技创新重点任务分工", "", "1. 建设概念验证中心，支持高校成果转化", "责任单位：市科技局", "",
             "2. 实施重大科技专项，聚焦集成电路和新材料", "责任单位：市工信局", "", "- 1 -", "",
             "3. 引进高层次创新团队，落实人才安居政策", "- 2 -", "", "责任单位：市科技局", "", "4. 完善科技金融服务体系", "责任单位：市金融办"]
    (docs / "tasks.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path).returncode == 0
    found = icpolicy("search", "责任单位：市科技局", "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
    assert json.loads(found.out)["total"] == 2


def test_a_head_with_no_letterhead_goes_from_its_first_page_too(tmp_path):
    # no copy of the head above the first page's text, every copy inside a sentence at a page's top: the first
    # stayed (cutting 省级企业研究院 in two) while the later copies went
    pages = [LINES[:3], LINES[3:4], LINES[4:5], LINES[5:]]
    lines = list(pages[0])
    for k, page in enumerate(pages[1:], start=1):
        lines += [f"- {k} -", "", HEAD, ""] + page
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "saved.txt").write_text("\n".join(lines) + "\n", encoding="gbk")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path).returncode == 0
    for term in ("省级企业研究院", "对首次通过车规认证", "有效期至2028年12月31日"):
        found = icpolicy("search", term, "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
        assert found.returncode == 0, term
    found = icpolicy("search", HEAD, "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
    assert found.returncode == 1, found.out

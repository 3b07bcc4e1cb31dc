"""Text a reader never sees stays out of the passages, and text a reader sees is read whole: Word's hidden runs,
a web page's hidden inline spans, a hard-wrapped text's bare page numbers (no form feed), a page's running foot line,
a heading a compilation repeats near a page's top, and a page saved as one file (MHTML) but named .doc.  Files of
our own, through the CLI as a user searches."""

from __future__ import annotations

import base64
import json
import subprocess
import sys

import pytest

SENTENCE = "鼓励园区企业建设数字化示范车间，提升精益管理水平。"


def _cli(index, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *args, "--index", str(index)], capture_output=True, text=True, encoding="utf-8")


def _hits(index, query: str) -> dict[str, list[str]]:
    done = _cli(index, "search", query, "-a", "-f", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    found: dict[str, list[str]] = {}
    for row in map(json.loads, done.stdout.splitlines()):
        found.setdefault(row["source"].rsplit("/", 1)[-1], []).append(row["text"])
    return found


def _hidden_docx(path) -> None:
    import docx
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("青溪区关于推进制造业数字化转型的通知")
    paragraph = document.add_paragraph("鼓励园区企业建设")
    note = paragraph.add_run("〔起草备注：金额待定〕")
    note._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    paragraph.add_run("数字化示范车间，提升精益管理水平。")
    hidden = document.add_paragraph().add_run("内部审阅意见：本段发布前删除。")
    hidden._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    shown = document.add_paragraph().add_run("对通过验收的车间给予奖励。")
    off = OxmlElement("w:vanish")
    off.set(qn("w:val"), "0")  # hidden switched off: shown
    shown._r.get_or_add_rPr().append(off)
    document.save(str(path))


PAGE = """<html><head><meta charset="utf-8"><title>青溪区关于推进制造业数字化转型的通知</title>
<style>.plain { color: #333 } @media (max-width: 600px) { .wide { display: none } }</style></head><body><div class="content">
<h1>青溪区关于推进制造业数字化转型的通知</h1>
<p>鼓励园区<span style="display:none">qx07</span>企业建设数字化<span style="display: none;">青溪网</span>示范车间，提升<font style="font-size:0px">版权</font>精益管理<span hidden>x</span>水平。</p>
<p>对通过验收的<span class="plain">车间</span>给予<span class="wide">奖励</span>。</p>
<div style="display:none"><p>申报指南另行发布，企业可登录平台查询办理进度。</p></div>
</div></body></html>"""

WRAPPED = "\n".join([
    "青溪区关于推进制造业数字化转型的若干措施",
    "",
    "　　为加快推进全区制造业数字化转型，提升企业核心竞争力，结合本区实际，制",
    "定以下措施。鼓励园区企业建设数字化示范车间，对通过验收的车间按照设备投资",
    "额的百分之十给予奖励，单个项目最高不超过三百万元，同时支持企业开展工业互",
    "2",
    "联网平台应用，推动设备上云和数据贯通，培育一批数字化转型服务商，形成可复",
    "制可推广的典型经验，带动产业链上下游企业协同发展，打造区域数字化标杆。",
    "　　支持企业引进数字化人才，对年薪五十万元以上的高端人才给予个人所得税返",
    "3/8",
    "还，对企业开展数字化培训的按照实际培训费用的一半给予补助，每家企业每年最",
    "高不超过五十万元，培训补贴资金由区财政统筹安排，按年度申报拨付到位。",
    "",
])


def _paged(pages: list[list[str]], foot: str, head: str) -> str:
    """A text saved from a PDF: each page's lines, then a foot line and the page number, a form feed, a head line."""
    out = []
    for number, lines in enumerate(pages, 1):
        out += ([head] if number > 1 else []) + lines + [foot, f"- {number} -", "\f"]
    return "\n".join(out)


FOOTED = _paged([["青溪区关于推进制造业数字化转型的若干措施", "一、对新建智能工厂的企业，在用地、用能和人才引进等方面给"],
                 ["予全方位支持。", "二、对首次获评省级示范的车间，由区财政一次性奖励五十万元，", "并在融资担保、贷款贴息等费用上给"],
                 ["予优惠。"]], "青溪区经济发展局印发", "青溪区数字化转型政策汇编")
COMPILED = _paged([["青溪区数字化转型政策汇编（上册）", "（四）拓宽企业融资渠道", "支持银行机构开发数字化转型专项贷款产品，对贷款贴息按照实际利率的一半给予补助。"],
                   ["（四）拓宽企业融资渠道", "鼓励保险机构开发首版次软件保险产品。"], ["（四）拓宽企业融资渠道", "支持企业发行数字化转型债券。"]],
                  "", "青溪区数字化转型政策汇编")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    _hidden_docx(docs / "hidden.docx")
    (docs / "masked.html").write_text(PAGE, encoding="utf-8")
    (docs / "wrapped.txt").write_text(WRAPPED, encoding="utf-8")
    (docs / "footed.txt").write_text(FOOTED, encoding="utf-8")
    (docs / "compiled.txt").write_text(COMPILED, encoding="utf-8")
    page = base64.encodebytes(PAGE.replace("charset=\"utf-8\"", "charset=\"gb2312\"").encode("gb2312")).decode("ascii")
    (docs / "saved_page.doc").write_text(
        "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"qx\"\n\n--qx\nContent-Type: text/html; charset=\"gb2312\"\n"
        f"Content-Transfer-Encoding: base64\nContent-Location: http://www.example.gov.cn/qx.htm\n\n{page}\n--qx--\n", encoding="ascii")
    index = tmp_path_factory.mktemp("idx") / "index"
    done = _cli(index, "ingest", str(docs))
    assert done.returncode == 0, done.stderr
    return index


def test_hidden_word_text_is_not_read(index):
    found = _hits(index, "鼓励园区企业建设数字化示范车间")
    assert found.get("hidden.docx") == [SENTENCE]
    assert not _hits(index, "内部审阅意见") and not _hits(index, "起草备注")
    assert "hidden.docx" in _hits(index, "对通过验收的车间给予奖励")  # w:vanish w:val="0" is shown


def test_a_web_pages_hidden_inline_text_is_not_read(index):
    found = _hits(index, "鼓励园区企业建设数字化示范车间")
    assert found.get("masked.html") == [SENTENCE]
    assert "masked.html" in _hits(index, "对通过验收的车间给予奖励")
    assert "masked.html" in _hits(index, "申报指南另行发布")  # a hidden block (a folded section) stays


def test_a_wrapped_texts_bare_page_numbers_do_not_cut_its_sentences(index):
    assert "wrapped.txt" in _hits(index, "同时支持企业开展工业互联网平台应用")
    assert "wrapped.txt" in _hits(index, "高端人才给予个人所得税返还")


def test_a_page_saved_as_one_file_and_named_doc_is_read_as_the_page(index):
    assert _hits(index, "鼓励园区企业建设数字化示范车间").get("saved_page.doc") == [SENTENCE]
    listed = _cli(index, "docs", "-f", "jsonl")
    titles = {row["title"] for row in map(json.loads, listed.stdout.splitlines()) if row["source"].endswith("saved_page.doc")}
    assert titles == {"青溪区关于推进制造业数字化转型的通知"}


def test_a_running_foot_line_does_not_cut_the_sentence_over_the_page_break(index):
    assert "footed.txt" in _hits(index, "人才引进等方面给予全方位支持")
    assert "footed.txt" in _hits(index, "贷款贴息等费用上给予优惠")


def test_a_heading_repeated_near_a_pages_top_is_no_running_head(index):
    assert len(_hits(index, "拓宽企业融资渠道").get("compiled.txt", [])) == 3

"""Footnotes: those of a .docx (and endnotes) are text of the document (session 21: they were not read, so a phrase of a
note found nothing); the note's reference mark is not, so a phrase across it is found whole."""

from __future__ import annotations

import json
import zipfile

from tests.clirun import icpolicy
from tests.conftest import make_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _notes_part(kind: str, text: str) -> str:
    tag = "footnote" if kind == "footnotes" else "endnote"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind} xmlns:w="{W}">'
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:id="1"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
            f'</w:{kind}>')


def _with_notes(path, footnote: str, endnote: str) -> None:
    """Add a footnote (referenced after 特色工艺) and an endnote to a python-docx file, as Word stores them."""
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    body = parts["word/document.xml"].decode("utf-8")
    body = body.replace("特色工艺和", '特色工艺</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>和', 1)
    body = body.replace("测试平台。", '测试平台。</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>', 1)
    parts["word/document.xml"] = body.encode("utf-8")
    parts["word/footnotes.xml"] = _notes_part("footnotes", footnote).encode("utf-8")
    parts["word/endnotes.xml"] = _notes_part("endnotes", endnote).encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8").replace(
        "</Relationships>",
        f'<Relationship Id="rIdFn" Type="{R}/footnotes" Target="footnotes.xml"/>'
        f'<Relationship Id="rIdEn" Type="{R}/endnotes" Target="endnotes.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8").replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_notes_are_read_and_their_marks_are_not(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = make_docx(docs / "plan.docx", ["常州市集成电路产业发展行动方案", "重点发展特色工艺和先进封装，建设公共测试平台。"])
    _with_notes(plan, "特色工艺是指工艺节点在二十八纳米及以上的制造工艺。", "统计口径以规上工业企业为准。")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, proc.err

    def hits(query):
        out = icpolicy("search", query, "-a", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
        return json.loads(out.out)["hits"] if out.returncode == 0 else []

    assert [h["region_path"] for h in hits("二十八纳米及以上")] == [["江苏省", "常州市"]]
    assert len(hits("统计口径以规上")) == 1
    assert len(hits("特色工艺和先进封装")) == 1
    assert not hits("separator")


def test_a_web_page_s_note_marks_are_not_text_but_exponents_are(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.html").write_text(
        "<html><head><title>常州市集成电路产业发展行动方案</title></head><body><h1>常州市集成电路产业发展行动方案</h1>"
        "<p>重点发展特色工艺<sup>[1]</sup>和先进封装，新建洁净厂房5万m<sup>2</sup>，改造厂房3万米<sup>2</sup>。</p>"
        "<p>[1] 特色工艺是指工艺节点在二十八纳米及以上的制造工艺。</p></body></html>", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path).returncode == 0
    for query in ("特色工艺和先进封装", "5万m2", "3万米2"):  # (an exponent after a Chinese unit stays too)
        out = icpolicy("search", query, "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
        assert out.returncode == 0 and json.loads(out.out)["total"] == 1, query


def test_a_note_stands_by_its_text_not_where_the_signature_is_read(tmp_path):
    # a note read after the body became the document's last lines: its date was taken for the signature's
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = make_docx(docs / "plan.docx", ["常州市关于支持特色工艺的实施意见", "重点发展特色工艺和先进封装，建设公共测试平台。",
                                          "常州市人民政府", "2024年5月6日"])
    _with_notes(plan, "依据《常州市产业发展规划》。", "2020年7月27日")  # an endnote of a date alone, cited in the body
    assert icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path).returncode == 0
    out = icpolicy("docs", "--all", "-f", "json", "--index", tmp_path / "ix", home=tmp_path)
    record = json.loads(out.out)["documents"][0]
    assert record["issued"] == "2024-05-06" and record["years"] == [2024]

"""Review 3's reader defects, as a user meets them: documents written for these tests, ingested
with the CLI, then searched, listed and shown with the CLI.

- Big5 text (Taiwan, Hong Kong) is read, and found by simplified words (C4);
- UTF-8 shown as a Western code page (a page that declares iso-8859-1, an RTF holding UTF-8
  bytes) is put back, whatever reader made the text (C4);
- docx text in a table inside a table cell and in a text box (written twice, DrawingML and VML
  fallback) is read once, in document order (C5);
- a PDF title as wide as the body, followed by blank space, stays its own line (M1);
- a PDF body line equal to the next page's top line is not taken for a running header (m6);
- a zip's GBK member names, raw or read as cp437 and written back as UTF-8, are shown and
  removable by their Chinese names (M3);
- a page saved as one file (.mhtml quoted-printable, .mht base64) is read as the page (m10).
"""

from __future__ import annotations

import email.encoders
import email.mime.base
import email.mime.multipart
import email.mime.text
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from icpolicy.readers import office

BIG5_TEXT = "台南市半導體產業推動方案\n本市將推動先進封裝與晶圓代工產業鏈，支援半導體設備在地化，到2026年引進廠商十家。\n"
LATIN_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>泉州市芯片扶持措施</title></head>
<body><h1>泉州市芯片扶持措施</h1><p>对在晋江落地的存储芯片封测项目，按设备投资给予补助，单个项目最高两千万元。</p></body></html>"""
RTF = r"{\rtf1\ansi 漳州市功率器件封装项目推进会在龙海召开，会议部署了车规级模块产线建设。}"
TITLE = "淮北市相山区功率半导体与智能传感器产业协同发展三年行动方案（2025—2027年）"
BODY = "相山区将围绕功率器件和传感器两条主线，推进晶圆制造、封装测试和模块应用协同发展，力争形成百亿级产业集群。"
REPEAT = "园区持续完善集成电路公共服务平台，为中小企业提供流片补贴、封装测试和可靠性验证服务。"  # over a line long
MHTML_PAGE = """<html><head><meta charset="gb2312"><title>莆田市半导体照明产业政策_政策文件</title></head>
<body><div class="article"><h1>莆田市半导体照明产业政策</h1><p>支持涵江区建设氮化镓外延片生产线，对首台套设备给予奖励。</p></div></body></html>"""


def _cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=300, **kw)


def _pdf(path: Path, pages: list[list[tuple[float, str]]]) -> None:
    """A PDF with each line placed by hand: (baseline height, text), 11 pt, left edge 72."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, lines in enumerate(pages, 1):
        pdf.setFont("STSong-Light", 11)
        for y, text in lines:
            pdf.drawString(72, y, text)
        pdf.drawString(290, 40, f"— {number} —")
        pdf.showPage()
    pdf.save()


def _wrapped(text: str, top: float, width: int = 41, pitch: float = 15.0) -> list[tuple[float, str]]:
    """text cut into lines of width characters, pitch points apart (a justified paragraph)."""
    return [(top - i * pitch, text[at : at + width]) for i, at in enumerate(range(0, len(text), width))]


def _docx_with_box_and_nested_table(path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"')
    box = "<w:txbxContent><w:p><w:r><w:t>专栏一：砀山晶圆级封装基地计划投资四十亿元</w:t></w:r></w:p></w:txbxContent>"
    run = parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="box"/><a:graphic>'
        f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{box}</wps:txbx>'
        f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}'
        f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    document.add_paragraph("宿州市2025年存储芯片产业推进方案")
    document.add_paragraph("全市将围绕存储芯片封装测试环节招引项目。")._p.append(run)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "重点项目"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "萧县存储模组产线"
    inner.cell(0, 1).text = "总投资十五亿元"
    document.add_paragraph("宿州市经济和信息化局")
    document.save(str(path))


class _GbkName(zipfile.ZipInfo):
    """A member name written as raw GBK bytes without the UTF-8 flag, as Windows zip tools write it."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(_GbkName("宁德储能芯片方案.txt"), "宁德市支持储能电池管理芯片研发，对首次量产的企业给予奖励。")
        # a name read as cp437 by one tool and written back by another as UTF-8 (the flag set)
        archive.writestr("三明碳化硅衬底.txt".encode("gbk").decode("cp437"), "三明市推动碳化硅衬底材料项目建设，支持企业扩大产能。")
        archive.writestr("Café notes.txt", "Notes on the Café meeting about the foundry project in Xiamen.")


def _mhtml(path: Path, charset: str, encoding: str) -> None:
    message = email.mime.multipart.MIMEMultipart("related", type="text/html")
    message["Subject"] = "saved page"
    message["Snapshot-Content-Location"] = "https://example.gov.cn/zcwj/1.html"
    page = MHTML_PAGE.replace("gb2312", charset)
    html = email.mime.text.MIMEText(page, "html", charset)
    del html["Content-Transfer-Encoding"]
    html.set_payload(page.encode(charset))  # the page's own bytes, in the transfer encoding asked for
    if encoding == "base64":
        email.encoders.encode_base64(html)
    else:
        email.encoders.encode_quopri(html)
    html["Content-Location"] = "https://example.gov.cn/zcwj/1.html"
    image = email.mime.base.MIMEBase("image", "png")
    image.set_payload(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    email.encoders.encode_base64(image)
    message.attach(html)
    message.attach(image)
    path.write_bytes(message.as_bytes())


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    docs = tmp_path_factory.mktemp("readers3") / "docs"
    docs.mkdir()
    (docs / "tainan_big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (docs / "quanzhou_latin.html").write_bytes(LATIN_PAGE.encode("utf-8"))
    _docx_with_box_and_nested_table(docs / "suzhou_box.docx")
    gap = 15.0 + 10  # the title's line, then 10 pt of blank space (a step of 1.67 lines), then the body at 15 pt a line
    _pdf(docs / "huaibei_plan.pdf", [[(760, TITLE), *_wrapped(BODY * 3, 760 - gap)]])
    first = _wrapped(REPEAT + BODY * 2, 730)
    _pdf(docs / "repeat_line.pdf", [[(760, "芜湖市集成电路公共服务平台建设情况"), *first],
                                   [*_wrapped(REPEAT + "平台今年新增服务企业三十家。", 780)]])
    _zip(docs / "fujian_win.zip")
    _mhtml(docs / "putian_page.mhtml", "gb2312", "quoted-printable")
    _mhtml(docs / "putian_copy.mht", "utf-8", "base64")
    folder = docs.parent / "index"
    result = _cli("ingest", docs, "--index", folder, "-j", "1")
    return folder, docs, result


def _hits(index, *query: str) -> list[dict]:
    result = _cli("search", *query, "--all", "--index", index[0], "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["hits"]


def _docs(index) -> dict[str, dict]:
    result = _cli("docs", "--all", "--index", index[0], "-f", "json")
    return {d["source"].split("/docs/", 1)[-1]: d for d in json.loads(result.stdout)["documents"]}


def _shown(index, source: str) -> str:
    doc = _docs(index)[source]
    result = _cli("show", doc["doc_id"], "--index", index[0], "-f", "json")
    return "\n".join(p["text"] for p in json.loads(result.stdout)["passages"])


def test_everything_is_read(index):
    assert index[2].returncode == 0, index[2].stderr


def test_big5_text_is_read_and_found_by_simplified_words(index):
    hits = _hits(index, "先进封装")
    assert [h["source"].rsplit("/", 1)[-1] for h in hits] == ["tainan_big5.txt"]
    assert "先進封裝與晶圓代工" in hits[0]["text"]
    assert _docs(index)["tainan_big5.txt"]["title"] == "台南市半導體產業推動方案"


def test_utf8_shown_as_latin_is_put_back(index):
    hits = _hits(index, "存储芯片封测")
    assert any(h["source"].endswith("quanzhou_latin.html") and "晋江" in h["text"] for h in hits)
    assert _docs(index)["quanzhou_latin.html"]["title"] == "泉州市芯片扶持措施"


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed")
def test_an_rtf_of_utf8_bytes_named_doc_is_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zhangzhou.doc").write_bytes(RTF.encode("utf-8"))
    assert _cli("ingest", docs, "--index", tmp_path / "index").returncode == 0
    hits = _hits((tmp_path / "index",), "车规级模块")
    assert len(hits) == 1 and "漳州市功率器件封装项目推进会" in hits[0]["text"]


def test_docx_nested_table_and_text_box_are_read_once_in_order(index):
    assert len(_hits(index, "砀山晶圆级封装基地")) == 1  # the box's DrawingML and VML copies: read once
    assert _hits(index, "萧县存储模组产线")
    text = _shown(index, "suzhou_box.docx")
    assert text.count("砀山晶圆级封装基地") == 1
    order = ["招引项目", "砀山晶圆级封装基地", "重点项目", "萧县存储模组产线 | 总投资十五亿元", "宿州市经济和信息化局"]
    assert [text.find(part) for part in order] == sorted(text.find(part) for part in order) and -1 not in [text.find(p) for p in order]


def test_a_pdf_title_as_wide_as_the_body_stays_its_own_line(index):
    doc = _docs(index)["huaibei_plan.pdf"]
    assert doc["title"] == TITLE
    assert doc["doc_type"] == "行动方案"
    assert doc["years"] == [2025, 2026, 2027]
    assert _shown(index, "huaibei_plan.pdf").startswith(TITLE + "\n" + BODY)


def test_a_body_line_like_the_next_pages_top_line_is_kept(index):
    text = _shown(index, "repeat_line.pdf")
    assert text.count(REPEAT[:41]) == 2
    assert "芜湖市集成电路公共服务平台建设情况" in text


def test_zip_member_names_in_gbk_are_shown_and_removed_by_their_names(index):
    names = {source.split("!", 1)[1] for source in _docs(index) if "!" in source}
    assert names == {"宁德储能芯片方案.txt", "三明碳化硅衬底.txt", "Café notes.txt"}
    result = _cli("remove", f"{index[1]}/fujian_win.zip!三明碳化硅衬底.txt", "--index", index[0])
    assert result.returncode == 0, result.stderr
    assert not _hits(index, "碳化硅衬底")
    assert _hits(index, "储能电池管理芯片")


def test_a_page_saved_as_one_file_is_read_as_the_page(index):
    docs = _docs(index)
    assert docs["putian_page.mhtml"]["title"] == "莆田市半导体照明产业政策"
    hits = _hits(index, "氮化镓外延片")
    assert {h["source"].rsplit("/", 1)[-1] for h in hits} <= {"putian_page.mhtml", "putian_copy.mht"} and hits
    assert "PNG" not in _shown(index, "putian_page.mhtml")

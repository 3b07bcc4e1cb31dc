"""Every format and encoding, from real bytes."""

from pathlib import Path

import pytest

from icpolicy.text.clean import clean_text
from icpolicy.errors import ExtractionError
from icpolicy.readers import read

from .conftest import FIXTURES, make_docx, make_pdf

TEXT = "青浦区促进集成电路产业高质量发展。\n支持先进封装和测试技术。\n"


def _cleaned(path: Path) -> str:
    raw, _ = read(path)
    return clean_text(raw.text, raw.layout)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_encodings(tmp_path, encoding):
    path = tmp_path / "doc.txt"
    data = TEXT.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + TEXT).encode(encoding)  # with BOM, as Windows Notepad writes it
    path.write_bytes(data)
    assert _cleaned(path) == "青浦区促进集成电路产业高质量发展。\n支持先进封装和测试技术。"


def test_gbk_with_crlf_and_lone_cr(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("第一段。\r\n第二段。\r第三段。".encode("gbk"))
    assert _cleaned(path) == "第一段。\n第二段。\n第三段。"


@pytest.mark.parametrize("name, data, reason", [
    ("doc.txt", bytes(range(256)) * 10, "not a text file"),
    ("empty.txt", b"\n  \n", "empty"),
    ("table.xlsx", b"PK\x03\x04", "unsupported type"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "corrupt docx"),
    ("fake.pdf", b"hello, not a pdf", "corrupt PDF"),
])
def test_unreadable_files_are_refused_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExtractionError, match=reason):
        read(path)


def test_markdown(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# 集成电路布图设计保护条例\n\n**第一条** 为了保护[布图设计](http://x)。\n", encoding="utf-8")
    assert _cleaned(path) == "集成电路布图设计保护条例\n第一条为了保护布图设计。"


def test_html_keeps_only_visible_article_text(tmp_path):
    body = "".join(f"<p>第{i}条 支持集成电路企业发展，加快先进封装技术攻关，推动产业高质量发展。</p>" for i in range(10))
    page = f"""<html><head><meta charset="gb2312"><title>关于支持集成电路发展的通知 | 某市人民政府</title>
    <style>.x{{color:red}}</style><script>var 脚本 = 1;</script></head>
    <body><nav><a href="/">首页</a><a>政务公开</a></nav><div class="content">{body}
    <p>第<span>11</span>条 本办法自发布之日起施行。</p></div><footer>版权所有 主办单位</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    raw, _ = read(path)
    text = clean_text(raw.text)
    assert raw.title == "关于支持集成电路发展的通知"
    assert "第11条本办法自发布之日起施行。" in text  # inline <span> does not break the line
    for chrome in ("脚本", "color", "首页", "政务公开", "版权所有"):
        assert chrome not in text


def test_html_fragment_saved_as_txt_is_stripped(tmp_path):
    path = tmp_path / "frag.txt"
    path.write_text("[<div class=box>" + "".join(f"<p>第{i}段，推进集成电路发展。</p>" for i in range(8)) + "</div>]", encoding="utf-8")
    text = _cleaned(path)
    assert "<p>" not in text and "第3段，推进集成电路发展。" in text


def test_docx_paragraphs_and_tables(tmp_path):
    path = make_docx(tmp_path / "doc.docx", ["2025年江苏省政府工作报告", "大力发展先进封装。"], table=[["指标", "目标"], ["集成电路产量", "增长10%"]])
    text = _cleaned(path)
    assert text.startswith("2025年江苏省政府工作报告\n大力发展先进封装。")
    assert "集成电路产量 | 增长10%" in text


def test_docx_with_external_entity_is_not_resolved(tmp_path):
    import zipfile

    path = make_docx(tmp_path / "xxe.docx", ["正常内容"])
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["word/document.xml"].decode("utf-8")
    xml = xml.replace("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>", "")
    doctype = f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    xml = doctype + xml.replace("正常内容", "正常内容&xxe;")
    members["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    try:
        text = _cleaned(path)
    except ExtractionError:
        return  # refusing the file is as safe as ignoring the entity
    assert "TOPSECRET" not in text


def test_docx_zip_bomb_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(ExtractionError, match="zip bomb"):
        read(path)


def test_pdf_with_text_layer_hard_breaks_and_page_numbers(tmp_path):
    path = make_pdf(tmp_path / "doc.pdf", [
        ["到 2025年，集成电路产业营业收入保持年均增长", "15%左右，达到 350亿元，力争 380亿元。集成电", "路制造业产值保持年均增长 10%左右。", "二、主要任务", "发挥我市在先进封装技术的领先地位，加快关键核心技术", "攻关。"],
        ["第二页：支持 12 英寸硅片和光刻胶等领域实现技术突破。"],
    ])
    text = _cleaned(path)
    assert "集成电路产业营业收入保持年均增长15%左右，达到350亿元，力争380亿元。集成电路制造业产值保持年均增长10%左右。" in text
    assert "加快关键核心技术攻关。" in text
    assert "12英寸硅片" in text
    assert "— 1 —" not in text and "— 2 —" not in text


def test_pdf_without_text_layer_is_reported_as_scanned(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 300, fill=1)
    pdf.save()
    with pytest.raises(ExtractionError, match=r"no text layer \(scanned\?\)"):
        read(path)


def test_encrypted_pdf_is_reported(tmp_path):
    path = make_pdf(tmp_path / "secret.pdf", [["机密文件内容，不可读取。"]], encrypt="secret")
    with pytest.raises(ExtractionError, match="encrypted PDF"):
        read(path)


def test_corrupt_pdf_is_reported(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", [["集成电路产业发展。"]])
    path = tmp_path / "bad.pdf"
    path.write_bytes(good.read_bytes()[:300])
    with pytest.raises(ExtractionError, match="corrupt PDF|no text layer"):
        read(path)


def test_real_pdf_fixture():
    text = _cleaned(FIXTURES / "shenzhen_gender_2021.pdf")
    assert text.startswith("2021年深圳市社会性别统计报告")
    assert "二〇二二年十二月" in text


# ---- markdown, front matter, healing (issue 11) ----

def _markdown(tmp_path, name: str, text: str):
    """A markdown file of text read as the reader gives it: (RawText, its cleaned text)."""
    from icpolicy import readers
    from icpolicy.text.clean import clean_text

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw, _ = readers.read(path)
    return raw, clean_text(raw.text, raw.layout)


def test_markdown_front_matter_yaml_and_toml_become_hints_not_text(tmp_path):
    raw, text = _markdown(tmp_path, "a.md", '---\ntitle: "芯片政策观察"\ndate: 2024-05-06\nsource: 某某日报\ntags:\n  - 芯片\n---\n\n正文第一段。\n')
    assert raw.title == "芯片政策观察" and dict(raw.hints)["date"] == "2024-05-06" and dict(raw.hints)["source"] == "某某日报"
    assert text == "芯片政策观察\n正文第一段。"  # the title (a text's first line when the body does not give it), no keys
    raw, text = _markdown(tmp_path, "b.md", '+++\ntitle = "另一篇"\ndate = 2023-01-02\n+++\n正文。\n')
    assert raw.title == "另一篇" and text == "另一篇\n正文。"


def test_a_block_between_rules_without_keys_is_kept_as_text(tmp_path):
    _, text = _markdown(tmp_path, "c.md", "---\n这是正文，不是元数据。\n---\n后面的段落。\n")
    assert "这是正文，不是元数据。" in text


def test_embedded_html_and_templates_render_to_text_with_heading_levels(tmp_path):
    from icpolicy import readers
    from icpolicy.text.clean import clean

    md = tmp_path / "d.md"
    md.write_text('# 标题\n\n<p>第一段<strong>加粗</strong>。<br>第二行。</p>\n\n<h3>南京</h3>\n\n'
                  '正文{{< figure src="x.png" >}}继续[^1]。\n\n| 城市 | 产值 |\n|---|---|\n| 无锡 | 100 |\n', encoding="utf-8")
    raw, _ = readers.read(md)
    paragraphs = clean(raw.text, raw.layout)
    assert paragraphs[0].text == "标题" and paragraphs[0].heading == 1
    assert ("南京", 3) in [(p.text, p.heading) for p in paragraphs]
    text = "\n".join(p.text for p in paragraphs)
    assert "第一段加粗。" in text and "正文继续。" in text and "无锡 | 100" in text
    assert "<" not in text and "{{" not in text and "[^" not in text and "**" not in text


def test_healing_joins_breaks_inside_sentences_only():
    from icpolicy.text.clean import clean

    web = "江苏提出，加快发展集成\n\n电路产业和半\n\n导体材料。\n\n上海市青浦区人民政府办公室关于印发\n\n《行动方案》的通知\n\n某某办公室\n\n2024年3月1日"
    texts = [p.text for p in clean(web)]
    assert texts[0] == "江苏提出，加快发展集成电路产业和半导体材料。"
    # the title broken over two blocks is one paragraph (a search for 关于印发《行动方案》 finds it);
    # the signature and date stay apart
    assert "上海市青浦区人民政府办公室关于印发《行动方案》的通知" in texts and "某某办公室" in texts and "2024年3月1日" in texts
    marked = "## 小标题\n\n先进封装在后摩尔时代的重要\n\n性，已经得到认同。\n\n- 项一\n- 项二"
    assert [p.text for p in clean(marked, "rendered")][:2] == ["小标题", "先进封装在后摩尔时代的重要性，已经得到认同。"]


def test_front_matter_without_its_closing_line_is_still_not_text(tmp_path):
    raw, text = _markdown(tmp_path, "e.md", "---\ntitle: 未闭合的元数据\ndate: 2024-01-02\n\n正文在这里。\n")
    assert raw.title == "未闭合的元数据" and text == "未闭合的元数据\n正文在这里。"


def test_json_front_matter_becomes_hints_not_text(tmp_path):
    raw, text = _markdown(tmp_path, "j.md", '{\n  "title": "JSON 头信息的文章",\n  "publishDate": "2025-03-01",\n  "tags": ["芯片"]\n}\n\n正文第一段。\n')
    assert raw.title == "JSON 头信息的文章" and dict(raw.hints)["date"] == "2025-03-01"
    assert text == "JSON头信息的文章\n正文第一段。"  # (a space between Latin and CJK is dropped in the text, as anywhere)

"""A Word document's embedded parts (w:altChunk: an HTML page, a saved page, plain text, another Word
document), which Word shows in place, are read where they stand (readers/docx.py); a part that cannot
be read is named in a warning and the rest of the document is read.  The .docx files are built by hand
(python-docx makes no altChunk)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from tests.clirun import icpolicy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _docx(body: list[str | tuple[str, str, bytes] | tuple[str, str]]) -> bytes:
    """A .docx whose body holds paragraphs (str) and altChunks: (content type, part name, bytes) embeds a
    part; (rId, "") refers to a relationship the package lacks."""
    rels, parts, xml = [], {}, []
    for n, block in enumerate(body):
        if isinstance(block, str):
            xml.append(f"<w:p><w:r><w:t>{block}</w:t></w:r></w:p>")
        elif len(block) == 2:
            xml.append(f'<w:altChunk r:id="{block[0]}"/>')
        else:
            kind, name, data = block
            rels.append(f'<Relationship Id="chunk{n}" Type="{CHUNK}" Target="{name}"/>')
            parts[name] = (kind, data)
            xml.append(f'<w:altChunk r:id="chunk{n}"/>')
    overrides = "".join(f'<Override PartName="/word/{name}" ContentType="{kind}"/>' for name, (kind, _) in parts.items())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{MAIN}"/>{overrides}</Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?>'
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(xml)}</w:body></w:document>')
        for name, (_, data) in parts.items():
            z.writestr(f"word/{name}", data)
    return out.getvalue()


PAGE = "<html><head><meta charset='utf-8'></head><body><p>第一条　对新建十二英寸晶圆生产线给予贷款贴息。</p><p>第二条　对首轮流片费用给予百分之三十补助。</p></body></html>"
SAVED_PAGE = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
              "Content-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>第四条　鼓励企业建设先进封装中试线。</p></body></html>\r\n--b--\r\n")
INNER = _docx(["第五条　设立集成电路产业投资基金。"])
NOTICE = [
    "关于支持集成电路企业发展的若干措施",
    ("application/xhtml+xml", "page.html", PAGE.encode("utf-8")),
    "为落实上述措施，制定以下补充条款。",
    ("text/plain", "plain.txt", "第三条　对引进的芯片设计团队给予一次性奖励。".encode("gb18030")),
    ("message/rfc822", "saved.mht", SAVED_PAGE.encode("utf-8")),
    (MAIN, "inner.docx", INNER),
    "本措施自印发之日起施行。",
]
IN_ORDER = ["关于支持集成电路企业发展的若干措施", "对新建十二英寸晶圆生产线给予贷款贴息", "对首轮流片费用给予百分之三十补助",
            "为落实上述措施，制定以下补充条款", "对引进的芯片设计团队给予一次性奖励", "鼓励企业建设先进封装中试线",
            "设立集成电路产业投资基金", "本措施自印发之日起施行"]


def _ingest(tmp_path: Path, files: dict[str, bytes]):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in files.items():
        (docs / name).write_bytes(data)
    return icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)


def _shown_text(tmp_path: Path, name: str) -> str:
    listed = json.loads(icpolicy("docs", "--index", tmp_path / "ix", "-f", "json", home=tmp_path).out)["documents"]
    doc = next(d for d in listed if d["source"].endswith(name))
    shown = json.loads(icpolicy("show", doc["doc_id"], "--index", tmp_path / "ix", "-f", "json", home=tmp_path).out)
    return "\n".join(p["text"] for p in shown["passages"])


def test_embedded_parts_are_read_where_they_stand(tmp_path):
    done = _ingest(tmp_path, {"measures.docx": _docx(NOTICE)})
    assert done.returncode == 0 and "not read" not in done.err, done.err
    text = _shown_text(tmp_path, "measures.docx")
    places = [text.find(phrase) for phrase in IN_ORDER]
    assert -1 not in places and places == sorted(places), text
    for phrase in ("首轮流片费用", "芯片设计团队", "先进封装中试线", "产业投资基金"):
        hits = [json.loads(row) for row in icpolicy("search", phrase, "--index", tmp_path / "ix", "-f", "jsonl", home=tmp_path).out.splitlines()]
        assert any(hit["source"].endswith("measures.docx") for hit in hits), phrase


def test_a_part_that_cannot_be_read_is_named_and_the_rest_is_read(tmp_path):
    broken = _docx(["关于加快发展第三代半导体产业的通知", ("application/rtf", "legacy.rtf", b"{\\rtf1 text}"),
                    ("text/html", "bad.html", bytes(range(256)) * 8), ("rId404", ""), "对碳化硅衬底项目给予设备补助。"])
    done = _ingest(tmp_path, {"broken.docx": broken})
    assert done.returncode == 0, done.err
    warned = [line for line in done.err.splitlines() if "broken.docx" in line and "not read" in line]
    assert len(warned) == 3 and any("legacy.rtf" in line for line in warned) and any("bad.html" in line for line in warned) \
        and any("rId404" in line for line in warned), done.err
    text = _shown_text(tmp_path, "broken.docx")
    assert "第三代半导体产业的通知" in text and "碳化硅衬底项目给予设备补助" in text

"""A Word document's automatic numbers are read as Word shows them: a regulation's articles numbered 第%1条 by a
list are found as 第一条, 第二条 …; a plan's 一、 and （一） headings come back, each level counted on and the
levels below started again; a symbol inserted from the Symbol font (±, ≥) is the character it shows, so a
figure such as 1200±5% keeps its digits apart.  Documents of our own (python-docx), through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.clirun import icpolicy

pytest.importorskip("docx")

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# an abstract list of two levels: 第%1条 (counted in Chinese) and （%2） under it; and a plain 1. list
_ABSTRACT = f"""<w:abstractNum {_NS} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""
_DECIMAL = f"""<w:abstractNum {_NS} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""
_NUMS = [f'<w:num {_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>', f'<w:num {_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>']


def _numbered_docx(path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in (_ABSTRACT, _DECIMAL):  # abstract definitions come before every w:num
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
    for xml in _NUMS:
        numbering.append(parse_xml(xml))

    def para(text, num_id=None, level=0):
        paragraph = document.add_paragraph(text)
        if num_id:
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(parse_xml(f'<w:numPr {_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return paragraph

    para("青溪市智能传感器产业扶持办法")
    para("为培育本市智能传感器产业集群，制定本办法。", 90)
    para("本办法所称智能传感器企业，是指在本市登记注册的企业。", 90)
    para("设计企业流片费用给予补助。", 90, 1)
    para("封装测试企业购置设备给予补助。", 90, 1)
    para("本办法自发布之日起施行。", 90)
    para("申报材料包括：")
    para("企业营业执照复印件；", 91)
    para("上年度财务审计报告。", 91)
    symbol = para("器件耐压偏差控制在1200")
    run = symbol.add_run()
    run._r.append(parse_xml(f'<w:sym {_NS} w:font="Symbol" w:char="F0B1"/>'))
    symbol.add_run("5%以内，良率")
    run = symbol.add_run()
    run._r.append(parse_xml(f'<w:sym {_NS} w:font="Symbol" w:char="F0B3"/>'))
    symbol.add_run("98%。")
    document.save(str(path))


@pytest.fixture(scope="module")
def text(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    (home / "docs").mkdir()
    _numbered_docx(home / "docs" / "办法.docx")
    assert icpolicy("ingest", home / "docs", "--index", home / "ix", home=home).returncode == 0
    listed = json.loads(icpolicy("docs", "-a", "-f", "json", "--index", home / "ix", home=home).out)["documents"]
    shown = json.loads(icpolicy("show", listed[0]["doc_id"], "-f", "json", "--index", home / "ix", home=home).out)
    return home, "\n".join(p["text"] for p in shown["passages"])


def test_articles_numbered_by_a_list_are_found_by_their_numbers(text):
    home, body = text
    for line in ("第一条为培育本市智能传感器产业集群，制定本办法。", "第二条本办法所称智能传感器企业", "（一）设计企业流片费用给予补助。",
                 "（二）封装测试企业购置设备给予补助。", "第三条本办法自发布之日起施行。", "1.企业营业执照复印件；", "2.上年度财务审计报告。"):
        assert line in body, (line, body)
    found = icpolicy("search", "第三条", "-f", "jsonl", "--index", home / "ix", home=home)
    assert [json.loads(row)["text"] for row in found.out.splitlines()] == ["第三条本办法自发布之日起施行。"]


def test_a_symbol_font_character_is_the_character_it_shows(text):
    home, body = text
    assert "1200±5%以内，良率≥98%" in body, body
    assert icpolicy("search", "1200±5%", "-f", "jsonl", "--index", home / "ix", home=home).out.strip()

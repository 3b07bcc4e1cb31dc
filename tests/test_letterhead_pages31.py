"""A red-head document's letterhead (南湖区科技局文件) in text saved from a PDF (session 31, h-formats31).

- Repeated atop each later page after a sentence's end, it stayed as a passage of its own on every page: the
  text's first line again atop a later page is its running head now, wherever the sentence before ends.
- It was glued onto the title (南湖区科技局文件南湖区…若干措施): a letterhead line is no title's first line.
Through the CLI, on texts in our own words; the second file (CRLF, a Party committee's letterhead) is held out."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

PAGES = """南湖区科学技术局文件

南湖区支持新型研发机构建设的若干措施

一、对新认定的省级新型研发机构，给予一次性奖励三百万元。


- 1 -
南湖区科学技术局文件

二、对研发机构购置科研仪器设备的，按实际支出的百分之二十给予补助。

三、对研发机构孵化的科技型企业，给予三年房租补贴。


- 2 -
南湖区科学技术局文件

四、本措施自印发之日起施行。
"""

HELD_OUT = ("中共青田县委办公室文件\r\n\r\n关于加强县域人才引育工作的实施意见\r\n\r\n一、实施青年人才安居工程，每年筹集人才公寓二百套。\r\n\r\n\r\n"
            "- 1 -\r\n中共青田县委办公室文件\r\n\r\n二、设立人才发展专项资金，每年安排不少于五千万元。\r\n")


def test_a_letterhead_heads_no_page_and_no_title(tmp_path):
    index = ingest_docs(tmp_path, {"measures.txt": PAGES})
    hits = jsonl("search", "南湖区科学技术局文件", "--index", index)
    assert [h["passage"] for h in hits] == [0]
    assert hits[0]["title"] == "南湖区支持新型研发机构建设的若干措施"


def test_held_out_letterhead(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "opinion.txt").write_bytes(HELD_OUT.encode("utf-8"))
    index = ingest_docs(tmp_path)
    hits = jsonl("search", "中共青田县委办公室文件", "--index", index)
    assert [h["passage"] for h in hits] == [0]
    assert hits[0]["title"] == "关于加强县域人才引育工作的实施意见"

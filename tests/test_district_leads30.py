"""A city's text that goes district by district (仓山区。…, 晋安区。…) (session 30; h-blind30h).

- A district whose name other cities share (鼓楼区: 南京, 福州, 徐州, 开封) opening such a paragraph of a 福州
  report was left unresolved, and the paragraph fell back to the city.  Now it is the one inside the document's place.
- After the district paragraphs, a numbered heading that names no place (三、存在的问题) did not end the last
  district's section: the problems, the next year's plan and the signature were filed under that district.  Now a
  numbered heading ends a section that a paragraph's lead opened.
Through the CLI, on a report in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

REPORT = """福州市2026年软件和信息服务业发展情况

一、总体情况

全市软件和信息服务业营业收入增长12%，新增规上企业60家。

二、各区进展

仓山区。建成工业软件适配验证中心，服务制造企业200余家。

晋安区。新引进数据标注企业12家，带动就业三千人。

鼓楼区。依托软件园扩建人工智能孵化空间，新增入驻团队45个。

三、存在的问题

一是骨干企业规模偏小；二是高端人才供给不足。

四、2027年工作打算

培育营业收入超十亿元的软件企业三家，推动信创产品进入重点行业。

福州市工业和信息化局
2026年12月10日
"""


def _place(index: str, phrase: str) -> list[str]:
    return jsonl("search", phrase, "--index", index)[0]["region_path"]


def test_a_shared_district_name_is_the_one_inside_the_city(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _place(index, "人工智能孵化空间") == ["福建省", "福州市", "鼓楼区"]
    assert _place(index, "数据标注企业") == ["福建省", "福州市", "晋安区"]


def test_a_numbered_heading_ends_the_last_district(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": REPORT})
    assert _place(index, "骨干企业规模偏小") == ["福建省", "福州市"]
    assert _place(index, "信创产品进入重点行业") == ["福建省", "福州市"]

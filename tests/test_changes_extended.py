"""A sentence kept whole and extended in next year's report is shown as changed, not removed + added."""

from __future__ import annotations

from tests.clirun import changes_of

REPORT = """# {year}年芜湖市人民政府工作报告

芜湖市人民政府

{year}年1月10日

一、{year}年主要工作

{body}

扎实做好民生保障工作，办好十件民生实事。
"""


def test_a_kept_and_extended_sentence_is_changed_not_removed_and_added(tmp_path):
    payload = changes_of(tmp_path, {
        2024: REPORT.format(year=2024, body="支持经开区建设功率半导体封装测试公共服务平台。"),
        2025: REPORT.format(year=2025, body="支持经开区建设功率半导体封装测试公共服务平台，并向全市中小设计企业开放共享流片验证、失效分析与可靠性检测服务，对使用平台的企业按服务费用给予一定比例补贴。"),
    }, "芜湖")
    assert not any("公共服务平台" in row["text"] for row in payload["removed"]), payload["removed"]
    assert not any("公共服务平台" in row["text"] for row in payload["added"]), payload["added"]
    pair = next(row for row in payload["changed"] if "公共服务平台" in row["from"]["text"])
    assert "流片验证" in pair["to"]["text"]

"""Session 58: attribution and text on documents nobody tuned for (blind sets h58 a to e, written by helpers in their own
words against a frozen 0926407a).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import cli, jsonl, ingest_text as _ingest


def _wrapped(text: str, width: int = 26) -> list[str]:
    """A paragraph hard-wrapped as a PDF's text layer gives it."""
    return [text[at:at + width] for at in range(0, len(text), width)]


def test_a_document_number_or_a_long_title_repeated_atop_the_pages_is_a_running_head(tmp_path):
    """A text copied from a PDF repeats its document number (宿开管发〔2025〕7号), or its plan's title with the period
    (longer than thirty characters), atop each page: every copy at a page's top goes, wherever the page break falls
    (inside a sentence, after a heading, after a sentence's end), and the sentence a break cut is found whole.  The
    number's line under the letterhead on the first page stays."""
    number = "宿开管发〔2025〕7号"
    first = _wrapped("第三条　新引进的功率器件、传感器制造项目，固定资产投资在3亿元以上的，按设备投资额的6%给予补助，单个项目最高2000万元。")
    lines = ["宿迁经济技术开发区管理委员会文件", number, "宿迁经开区关于印发支持半导体产业发展若干措施的通知",
             "第一条　为支持半导体产业发展，制定本措施。", "第二条　本措施适用于区内注册的半导体企业。",
             *first[:2], "", "- 1 -", "", number, "", *first[2:], "第四条　对首次流片的企业，按流片费用的20%给予补助。",
             "", "- 2 -", "", number, "", "第五条　本措施自2025年7月1日起施行，有效期三年。", "", "- 3 -"]
    index = _ingest(tmp_path / "a", "measures.txt", "\n".join(lines) + "\n")
    whole = "按设备投资额的6%给予补助"
    assert len(jsonl("search", f'"{whole}"', "--index", index)) == 1
    held = [row["text"] for row in jsonl("search", f'"{number}"', "--all", "--index", index)]
    assert held == [number]  # the first page's line alone
    title = "泗阳县半导体材料产业高质量发展三年行动方案（2025—2027年）"
    assert len(title) > 30
    plan = ["泗阳县半导体材料产业高质量发展三年行动方案", "一、总体要求", *_wrapped("坚持创新驱动，推动硅材料和电子化学品产业集聚发展。"),
            "二、发展目标", "", "- 1 -", "", title, "", *_wrapped("到2027年，全县半导体材料产业营业收入突破150亿元。"),
            "三、重点任务", *_wrapped("（一）建设硅材料产业园。支持龙头企业扩大单晶硅片产能。"), "", "- 2 -", "", title, "",
            *_wrapped("（二）培育配套企业。引进电子特气、湿化学品企业10家。"), "", "- 3 -"]
    index = _ingest(tmp_path / "b", "plan.txt", "\n".join(plan) + "\n")
    assert cli("search", f'"{title}"', "--index", index).returncode == 1  # atop pages 2 and 3 only: both go
    assert len(jsonl("search", '"全县半导体材料产业营业收入突破150亿元"', "--index", index)) == 1

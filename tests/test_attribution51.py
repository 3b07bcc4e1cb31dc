"""Session 51: attribution on documents nobody tuned for (blind sets h51 r, s, t and u, written by helpers in their
own words against a frozen bef6db7).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl


def _ingest(tmp_path, name: str, text: str):
    """Ingest one text file (NAME) through the CLI into tmp_path/ix; returns the index folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return ingest_docs(tmp_path, {name: text})


def _regions(index, term: str) -> dict[str, str]:
    """The region path of every passage holding term, keyed by the passage's first six characters."""
    return {row["text"][:6]: "/".join(row["region_path"]) for row in jsonl("search", term, "--all", "--index", index)}


def _years(index, term: str) -> dict[str, list[int]]:
    """The years of every passage holding term, keyed by the passage's first six characters."""
    return {row["text"][:6]: row["years"] for row in jsonl("search", term, "--all", "--index", index)}


def test_a_forwarded_text_whose_writer_the_title_quotes_speaks_for_the_writers_place(tmp_path):
    """(h51-r) A county forwards a province's notice, the writer named only inside the title's quotes
    (关于转发《X省Y厅关于…的通知》的通知), and prints it after its signature with the writer's name on a line of its own:
    the forwarded text stayed at the county."""
    text = """关于转发《浙江省经济和信息化厅关于开展2025年度电子元器件企业技术改造摸底工作的通知》的通知

各乡镇人民政府、街道办事处，县级有关部门：

现将省经济和信息化厅通知转发给你们，请结合本县实际认真组织企业填报。

德清县经济和信息化局
2025年3月10日

附件

浙江省经济和信息化厅
关于开展2025年度电子元器件企业技术改造摸底工作的通知

各市经济和信息化局：

为掌握全省电子元器件企业技术改造需求，现组织开展摸底工作，请各市汇总后统一报送。

摸底范围为年主营业务收入两千万元以上的电子元器件企业。
"""
    index = _ingest(tmp_path, "forward.txt", text)
    found = _regions(index, "电子元器件")
    assert found["摸底范围为年"] == "浙江省"
    assert found["为掌握全省电"] == "浙江省"
    assert _regions(index, "认真组织")["现将省经济和"] == "浙江省/湖州市/德清县"

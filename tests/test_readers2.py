"""Review defects in reading real documents, as a user meets them: one folder of documents written
for these tests, ingested with the CLI, then searched and listed with the CLI.

- a PDF's running header is no text: a sentence across a page break is one passage; its title,
  set large and wrapped with the plan period on its last line, is one title with all its years;
- hard line breaks inside a sentence (PDF justified lines, a Latin word pushed down, hard-wrapped
  .txt with digits and Latin, a lone 。 line, an HTML <br> after 、) do not cut it; real short
  paragraphs are not glued;
- a stray byte does not lose a document (it is read, with a warning naming the file and offset),
  read whole or streamed;
  random bytes are still refused, as .txt and as .doc;
- a file name in GBK bytes is read and shown readably in JSON and CSV;
- a web page saved as .doc is read as the page (its own title, not the site's);
- the X_files/ folder of a saved page X.html is passed over, and the summary says so once;
- a paragraph of 40,000 characters without punctuation becomes passages of bounded length,
  and a phrase across a cut is still found.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "fixtures" / "readers2"

WRAPPED = (  # hard-wrapped at 20 characters, digits and Latin counted as characters
    "　　淮安市关于支持功率半导体企业发展的若干措施\n"
    + "".join(
        text[i : i + 20] + "\n"
        for text in [
            "　　一、支持企业研发车规级IGBT模块和SiC MOSFET器件，对首次通过AEC-Q101认证的产品给予50万元奖励，每家企业每年最多奖励3项产品",
            "。",
            "　　二、鼓励本地整车企业采购本市生产的功率器件，年度采购额超过2000万元的，按照采购额的3%给予整车企业奖励。",
        ]
        for i in range(0, len(text), 20)
    )
)
SHORT_PARAGRAPHS = "宿迁市半导体产业简报\n本月新签约项目三个。\n一季度产值增长百分之八。\n园区新增企业五家。\n"
HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>连云港市芯片产业奖励办法_通知公告_连云港市人民政府</title></head>
<body><div class="main"><h1>连云港市芯片产业奖励办法</h1>
<p>对年度销售收入首次突破<strong>3亿元</strong>、<br>8亿元、15亿元的芯片设计企业，分别给予一次性奖励，奖励资金由市财政和所在区按比例分担，每家企业累计不超过三次。</p>
<p>本办法自公布之日起施行，由市工业和信息化局负责解释，有效期三年，期满前将评估实施效果。</p>
</div></body></html>"""
STRAY_UTF8 = "盐城市推进汽车芯片应用的实施意见。支持整车企业与芯片企业联合开展上车验证，对验证通过的国产芯片给予奖励。" * 8


def _cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    docs = tmp_path_factory.mktemp("readers2") / "docs"
    docs.mkdir()
    shutil.copy(HERE / "wuhu_sensors.pdf", docs)
    (docs / "huaian_wrapped.txt").write_text(WRAPPED, encoding="utf-8")
    (docs / "suqian_brief.txt").write_text(SHORT_PARAGRAPHS, encoding="utf-8")
    (docs / "lianyungang.html").write_text(HTML, encoding="utf-8")
    data = STRAY_UTF8.encode("utf-8")
    (docs / "yancheng_stray.txt").write_bytes(data[:300] + data[301:])  # one byte of a character lost
    gbk = "南通市集成电路封测产业扶持政策。对新建先进封装产线的企业给予设备补助，对封测企业研发投入给予奖励。".encode("gb18030") * 6
    (docs / "nantong_gbk.txt").write_bytes(gbk[:200] + b"\xff" + gbk[200:])
    os.makedirs(os.fsencode(docs / "gbk_names"))
    name = "关于印发泰州市芯片政策的通知.txt".encode("gb18030")
    with open(os.fsencode(docs / "gbk_names") + b"/" + name, "w", encoding="utf-8") as fh:
        fh.write("泰州市支持芯片设计企业发展的政策措施。对首次流片的企业给予流片费用补助，对引进的芯片人才给予安家补贴。")
    rng = random.Random(7)
    (docs / "noise.doc").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (docs / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (docs / "page_saved.doc").write_text(HTML.replace("连云港", "徐州").replace("芯片设计企业", "封装测试企业"), encoding="utf-8")
    (docs / "changzhou_ledger.txt").write_text("常州市芯片企业补贴台账\n" + "".join(f"第{i}批集成电路企业获得流片补贴资金" for i in range(2500)) + "\n", encoding="utf-8")
    (docs / "yangzhou_policy.html").write_text(HTML.replace("连云港", "扬州"), encoding="utf-8")
    (docs / "yangzhou_policy_files").mkdir()
    (docs / "yangzhou_policy_files" / "share.htm").write_text("<html><body><p>分享到微信朋友圈，扫一扫在手机打开当前页面，扬州集成电路新闻推荐阅读。</p></body></html>", encoding="utf-8")
    folder = docs.parent / "index"
    result = _cli("ingest", docs, "--index", folder, "-j", "1")
    return folder, result


def _hits(index, *query: str) -> list[dict]:
    result = _cli("search", *query, "--all", "--index", index[0], "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["hits"]


def _docs(index) -> dict[str, dict]:
    result = _cli("docs", "--all", "--index", index[0], "-f", "json")
    return {Path(d["source"]).name: d for d in json.loads(result.stdout)["documents"]}


def test_pdf_running_header_is_dropped_and_sentence_across_page_break_is_one_passage(index):
    hits = _hits(index, "对引进的高层次人才")
    assert len(hits) == 1 and "芯片工程师给予每人每年两万元" in hits[0]["text"]
    assert "车规芯片行动方案" not in hits[0]["text"]  # the running header
    assert not _hits(index, '"芜湖市车规芯片行动方案"')  # nowhere as text, not even on page 1


def test_pdf_wrapped_title_holds_the_plan_period(index):
    doc = _docs(index)["wuhu_sensors.pdf"]
    assert doc["title"] == "芜湖市关于推动车规级功率芯片与智能传感器产业协同发展的行动方案（2026—2028年）"
    assert doc["years"] == [2026, 2027, 2028]


def test_pdf_latin_words_and_sentences_across_justified_lines(index):
    hit, = _hits(index, "GaN HEMT MMIC器件")
    assert "鼓励整车企业" in hit["text"]  # "…补助。" ends a full line, the paragraph goes on


def test_hard_wrapped_txt_is_rejoined(index):
    hit, = _hits(index, "SiC MOSFET", "每年最多奖励3项产品")
    assert hit["text"].endswith("每年最多奖励3项产品。")  # the lone 。 line joined
    assert _hits(index, "本市生产的功率器件")[0]["text"].startswith("二、鼓励本地整车企业")


def test_short_real_paragraphs_stay_apart(index):
    hits = _hits(index, "一季度产值增长")
    assert [h["text"] for h in hits] == ["一季度产值增长百分之八。"]


def test_html_br_after_enumeration_comma_is_not_a_break(index):
    hit, = _hits(index, "3亿元、8亿元、15亿元", "-r", "连云港")
    assert hit["text"].startswith("对年度销售收入首次突破3亿元、8亿元")


def test_stray_bytes_are_read_with_a_warning_and_noise_is_refused(index):
    folder, result = index
    err = result.stderr.decode("utf-8", "replace")
    names = _docs(index)
    assert "yancheng_stray.txt" in names and "nantong_gbk.txt" in names
    assert "yancheng_stray.txt: 2 byte(s) not utf-8 at offset 300" in err
    assert "nantong_gbk.txt: 1 byte(s) not gb18030 at offset 200" in err
    assert len(_hits(index, "对验证通过的国产芯片给予奖励")) >= 1
    assert "noise.txt" not in names and "noise.doc" not in names
    from icpolicy.readers.office import soffice

    # refused either way: by its garbled conversion, or (no LibreOffice here) with the way to read it
    assert ("noise.doc: not a readable Word document" if soffice() else "noise.doc: .doc needs LibreOffice") in err


def test_gbk_file_name_is_read_and_shown_readably(index):
    assert "关于印发泰州市芯片政策的通知.txt" in _docs(index)
    result = _cli("search", "流片费用补助", "--index", index[0], "-f", "csv")
    row, = csv.DictReader(io.StringIO(result.stdout.decode("utf-8")))
    assert row["source"].endswith("/gbk_names/关于印发泰州市芯片政策的通知.txt")


def test_web_page_saved_as_doc_is_read_as_the_page(index):
    assert _docs(index)["page_saved.doc"]["title"] == "徐州市芯片产业奖励办法"


def test_saved_page_asset_folder_is_passed_over(index):
    folder, result = index
    names = _docs(index)
    assert "yangzhou_policy.html" in names and "share.htm" not in names
    out = result.stderr.decode("utf-8")  # the summary, on stderr like the rest of ingest's report
    assert out.count("passed over 1 folder(s) of saved web pages") == 1 and "yangzhou_policy_files" in out


def test_a_paragraph_without_punctuation_is_cut_and_still_found_across_cuts(index):
    doc = _docs(index)["changzhou_ledger.txt"]
    result = _cli("show", doc["doc_id"], "--index", index[0], "-f", "json")
    texts = [p["text"] for p in json.loads(result.stdout)["passages"]]
    assert len(texts) > 20 and max(map(len, texts)) <= 1500
    for left, right in list(zip(texts[1:], texts[2:]))[:3]:
        across = left[-12:] + right[:12]  # holds a whole "第N批", which is unique
        assert [h["passage"] for h in _hits(index, f'"{across}"')] == [texts.index(left)]  # where it starts


def test_xlsx_says_when_it_cuts_a_cell(caplog):
    from icpolicy.views.export import table_xlsx

    with caplog.at_level("WARNING"):
        table_xlsx(["text", "passage"], [["芯" * 40000, 1], ["短", 2]])
    assert "1 cell(s) longer than Excel's 32,767-character limit were cut (row 2 text)" in caplog.text


def test_a_streamed_large_file_with_a_stray_byte_is_read(tmp_path):
    text = "".join(f"第{i}条 宿州市支持集成电路企业扩大产能，对新增投资给予补助。\n" for i in range(800)).encode("utf-8")
    (tmp_path / "docs").mkdir()
    at = text.index(b"\n", 20000) + 1  # at a line start, where 0xA0 can start no character
    (tmp_path / "docs" / "suzhou_big.txt").write_bytes(text[:at] + b"\xa0" + text[at:])
    env = {**os.environ, "ICPOLICY_STREAM_MB": "0.01"}  # streamed in blocks, not read whole
    result = _cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix", "-j", "1", env=env)
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode("utf-8")
    assert err.count(f"suzhou_big.txt: 1 byte(s) not utf-8 at offset {at};") == 1 == err.count("not utf-8")
    assert len(_hits((tmp_path / "ix", result), "第799条")) == 1

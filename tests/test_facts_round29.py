"""Issuers read from a signature dated by its month, and a speaking government of a level the text's place lacks
(session 29, h-blind29g).

- A signature on one line whose date gives only the month (长兴县人民政府办公室　2026年2月) was passed over: only a
  full date ended a one-line signature.  A report whose title and body name no place of its own then had none.
- A county's report (我代表县人民政府…) whose body named only its city (在湖州市委、市政府和县委的坚强领导下) was
  given the city's government as issuer: the level word 县 was filled in with the only place found, a 市.  Now the
  level must be that place's; when no place of the text has it, the issuer is left unsaid.
Through the CLI, on reports written here in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

_REPORT = """2026年政府工作报告

各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。

2025年，全县地区生产总值增长6.2%，新型储能电池产能达到十二吉瓦时，绿色智造小镇新落地项目九个。

今年，我们将推动动力电池回收利用项目投产，新建充电桩一千二百个，新增规模以上工业企业四十家。

全县城镇新增就业五千人，完成老旧小区改造二十个。

各位代表，让我们在湖州市委、市政府和县委的坚强领导下，埋头苦干，奋力开创现代化建设新局面。
"""

_NOTICE = """关于做好数字化车间认定工作的通知

各乡镇人民政府、街道办事处，县级有关部门：

为推进制造业数字化转型，现就做好本年度数字化车间认定工作通知如下。

一、申报企业应为在本县注册的规模以上工业企业，近两年无重大安全生产事故。

二、认定的数字化车间给予一次性奖励三十万元。

长兴县经济和信息化局　2025年12月
"""


def test_a_signature_dated_by_its_month_names_the_issuer(tmp_path):
    signed = _REPORT + "\n长兴县人民政府办公室　2026年2月\n"
    index = ingest_docs(tmp_path, {"report.txt": signed, "notice.txt": _NOTICE})
    documents = {d["source"].rsplit("/", 1)[-1]: d for d in jsonl("docs", "--index", index, "--all")}
    assert documents["report.txt"]["issuer"] == "长兴县人民政府办公室"
    assert documents["report.txt"]["region_path"] == ["浙江省", "湖州市", "长兴县"]
    assert documents["notice.txt"]["issuer"] == "长兴县经济和信息化局"
    hit = jsonl("search", "动力电池回收利用", "--index", index)[0]
    assert hit["region_path"] == ["浙江省", "湖州市", "长兴县"]


def test_a_county_speaking_is_not_its_city(tmp_path):
    index = ingest_docs(tmp_path, {"report.txt": _REPORT})
    document = jsonl("docs", "--index", index, "--all")[0]
    assert document["issuer"] != "湖州市人民政府"
    assert document["issuer"] in ("", "长兴县人民政府")


_STORY = """{headline}

{place}负责人表示，产业园将借助气候冷凉的优势建设低能耗数据中心，力争明年形成三千个机架规模。

去年，{place}数字经济核心产业增加值增长百分之十三，软件和信息服务从业人员超过两千人。

{trailer}
"""


def test_a_trailer_of_outlet_and_date_apart_makes_news(tmp_path):
    """A story that ends with its outlet and date in brackets, a space between them (（高原晚报 2026年8月3日）), is
    news like one with a comma between them: its paragraph about last year alone speaks for last year alone."""
    files = {f"story{i}.txt": _STORY.format(headline=f"{place}数字经济产业园迎来首批企业", place=place, trailer=trailer)
             for i, (place, trailer) in enumerate([("城关区", "（高原晚报 2026年8月3日）"), ("堆龙德庆区", "（高原晚报　2026年8月3日）"),
                                                    ("达孜区", "（高原晚报，2026年8月3日）")])}
    index = ingest_docs(tmp_path, files)
    documents = jsonl("docs", "--index", index, "--all")
    assert [d["doc_type"] for d in documents] == ["新闻综述"] * 3
    hits = jsonl("search", "软件和信息服务从业人员", "--index", index, "--all")
    assert len(hits) == 3 and all(hit["years"] == [2025] for hit in hits), hits

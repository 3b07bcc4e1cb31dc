"""Document types added in session 44, on documents in our own words, through the CLI (`docs -f jsonl`).

A chronicle (大事记), a public notice (公示), a meeting's minutes (会议纪要), proposals (建议: a committee's plan proposals,
a member's 提案) and a work bulletin (简报: 工作动态, 工作简报) were untyped; a member's 提案 was titled by the line
`案由：…的建议` under it. Each is typed by the word its title ends on, and none takes a target year stated up front
(`到2028年，…`) for the whole document, as a speech does not. An 实施意见 with its period after it
(`…的实施意见（2025—2027年）`) was typed 意见; a 决定 amending a text it names (`关于修改《…若干政策》的决定`) was typed by
that text; a summary of past years and a plan of this one (`…近三年发展情况及2025年工作打算`) had no type.

A body's name on the first line over a whole title naming the same place (a PDF's running head or a letterhead:
`铜川市工业和信息化局` over `铜川市电子材料产业发展报告（2025年）`) is no part of the title; a body's name over a line
that is no title by itself (`大同市人民政府` over `专题会议纪要`) still is.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl

CHRONICLE = """芜湖市半导体产业发展大事记（2019—2024年）

2019年
3月，首家功率器件封装企业在弋江区投产。

2024年
9月，全市第三代半导体中试平台通过验收。
"""

NOTICE = """关于2025年度宣城市集成电路领域创新型中小企业拟认定名单的公示

根据有关规定，经企业申报、县市区推荐和专家评审，现将拟认定名单予以公示。

到2028年，全市力争累计认定创新型中小企业二百家。

公示期为2025年10月9日至10月15日。

宣城市经济和信息化局
2025年10月8日
"""

MINUTES = """铜陵市人民政府专题会议纪要

2025年6月12日，副市长主持召开专题会议，研究电子材料产业园建设有关事项。

会议要求，到2027年园区电子材料产值突破百亿元。

铜陵市人民政府办公室
2025年6月13日
"""

PROPOSAL = """关于支持马鞍山市功率半导体企业扩产的提案

提案人：市政协委员　某某某
提案时间：2025年1月6日
案由：关于支持马鞍山市功率半导体企业扩产的建议

到2028年，全市功率半导体产值力争翻一番。

建议市财政设立专项资金，对扩产项目给予贴息支持。
"""

BULLETIN = """集成电路产业工作动态（第7期）

滁州市经济和信息化局　2025年8月20日

到2027年，全市光伏和半导体材料产业规模力争达到千亿元。

8月上旬，市经信局组织召开半导体材料企业座谈会。
"""


RUNNING_HEAD = """铜川市工业和信息化局
铜川市电子材料产业发展报告（2025年）

一、总体情况

2024年，全市电子材料产业实现产值41亿元。
"""

MINUTES_HEAD = """渭南市人民政府
专题会议纪要

2025年3月4日，市政府召开专题会议，研究半导体材料产业园建设事项。
"""


OPINIONS = """合肥市关于加快第三代半导体产业发展的实施意见（2025—2027年）

合政〔2025〕18号

一、总体要求

到2027年，全市第三代半导体产业规模达到300亿元。
"""

AMENDMENT = """芜湖市人民政府关于修改《芜湖市支持集成电路产业发展若干政策》的决定

芜政〔2025〕9号

市政府决定对《芜湖市支持集成电路产业发展若干政策》作如下修改：

一、将第五条中的“最高500万元”修改为“最高800万元”。
"""

REISSUED = """关于印发修订后的《扬州市集成电路专项资金管理办法》的通知

扬财规〔2025〕4号

各县（市、区）财政局：现将修订后的办法印发给你们，请遵照执行。
"""

PLANS = """蚌埠市半导体产业近三年发展情况及2025年工作打算

一、近三年发展情况

2022年至2024年，全市半导体产业产值年均增长18%。

二、2025年工作打算

今年力争新引进半导体项目12个。
"""


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("doctypes44")
    files = {"CHRONICLE": CHRONICLE, "NOTICE": NOTICE, "MINUTES": MINUTES, "PROPOSAL": PROPOSAL, "BULLETIN": BULLETIN,
             "RUNNING_HEAD": RUNNING_HEAD, "MINUTES_HEAD": MINUTES_HEAD,
             "OPINIONS": OPINIONS, "AMENDMENT": AMENDMENT, "PLANS": PLANS, "REISSUED": REISSUED}
    index = ingest_docs(folder, {f"{name}.txt": text for name, text in files.items()})
    return {d["source"].rsplit("/", 1)[-1].split(".")[0]: d for d in jsonl("docs", "--index", index)}


@pytest.mark.parametrize("name, doc_type, title, years", [
    ("CHRONICLE", "大事记", "芜湖市半导体产业发展大事记（2019—2024年）", list(range(2019, 2025))),
    ("NOTICE", "公示", "关于2025年度宣城市集成电路领域创新型中小企业拟认定名单的公示", [2025]),
    ("MINUTES", "会议纪要", "铜陵市人民政府专题会议纪要", [2025]),
    ("PROPOSAL", "建议", "关于支持马鞍山市功率半导体企业扩产的提案", [2025]),
    ("BULLETIN", "简报", "集成电路产业工作动态（第7期）", [2025]),
    # an 实施意见 with its period after it was typed 意见; an amending 决定 by the text it amends; a summary of the
    # years before and a plan of this one had no type
    ("OPINIONS", "实施意见", "合肥市关于加快第三代半导体产业发展的实施意见（2025—2027年）", [2025, 2026, 2027]),
    ("AMENDMENT", "决定", "芜湖市人民政府关于修改《芜湖市支持集成电路产业发展若干政策》的决定", [2025]),
    ("PLANS", "工作总结", "蚌埠市半导体产业近三年发展情况及2025年工作打算", [2025]),
    # … but a notice publishing a revised text (关于印发修订后的《…办法》的通知) is typed by it, as before (h-review44)
    ("REISSUED", "办法", "关于印发修订后的《扬州市集成电路专项资金管理办法》的通知", [2025]),
])
def test_records_and_working_papers_have_types_of_their_own(documents, name, doc_type, title, years):
    record = documents[name]
    assert (record["doc_type"], record["title"], record["years"]) == (doc_type, title, years)


def test_a_bodys_name_over_a_title_naming_the_same_place_is_no_part_of_it(documents):
    assert documents["RUNNING_HEAD"]["title"] == "铜川市电子材料产业发展报告（2025年）"
    assert documents["MINUTES_HEAD"]["title"] == "渭南市人民政府专题会议纪要"

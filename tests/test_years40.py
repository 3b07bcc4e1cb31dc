"""Years of passages, session 40's blind round (h-blind40a/b), on reports and plans in our own words, through the CLI.

- Under a heading of the period ahead in a one-year report (二、“十五五”时期奋斗目标 in a 2026 report), a passage opening
  on `到“十五五”末，…` spoke for 2026 and 2030 with a hole between; `到2030年，…` beside it ran on (2026–2030).  Both now
  run on from the report's year, as the README's rule says (no hole).
"""

from __future__ import annotations

import json

from tests.conftest import cli

REPORT = """乐山市2026年政府工作报告

——2026年1月20日在乐山市第九届人民代表大会第六次会议上

一、2025年工作回顾

过去一年，全市晶硅光伏产业营收突破1200亿元。

二、“十五五”时期奋斗目标

到“十五五”末，全市晶硅光伏产业规模达到3000亿元，建成世界级光伏产业基地。

到2030年，全市电子信息产业规模突破800亿元。

三、2026年重点工作

今年，全市新增规上工业企业60家。
"""


def _years(tmp_path, name, text, query):
    (tmp_path / name).write_text(text, encoding="utf-8")
    index = tmp_path / "idx"
    assert cli("ingest", str(tmp_path / name), "--index", str(index)).returncode == 0
    done = cli("search", query, "--index", str(index), "-f", "jsonl", "--all")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return lambda start: next(row["years"] for row in rows if row["text"].startswith(start))


def test_a_period_end_target_under_the_periods_heading_runs_on_from_the_report_year(tmp_path):
    got = _years(tmp_path, "report.txt", REPORT, "全市")
    assert got("到“十五五”末，全市晶硅光") == [2026, 2027, 2028, 2029, 2030]
    assert got("到2030年，全市电子信息") == [2026, 2027, 2028, 2029, 2030]
    assert got("过去一年，全市晶硅光伏产业") == [2025]
    assert got("今年，全市新增规上工业企业") == [2026]


PLAN = """赣州市稀土功能材料产业三年行动方案（2025—2027年）

一、基本情况

全市稀土永磁材料产能居全国前列，龙头企业带动作用明显。

二、工作目标

到2027年，全市稀土功能材料产业营收突破1200亿元。
"""


def test_a_plans_base_section_headed_basic_situation_speaks_for_the_year_before_the_plan(tmp_path):
    """(h-blind40a) 一、基本情况 heads a plan's base as 一、发展基础 does: its paragraphs, naming no year, speak for the
    year before the plan's first (2024 in a 2025—2027 plan), not for the plan's years."""
    got = _years(tmp_path, "plan.txt", PLAN, "稀土")
    assert got("全市稀土永磁材料产能") == [2024]
    assert got("到2027年，全市稀土") == [2027]


MEMO = """湘赣边区电子信息产业协同发展合作备忘录

湖南省工业和信息化厅　江西省工业和信息化厅

二〇二五年九月

为推动湘赣边区电子信息产业协同发展，双方经友好协商，达成以下合作共识。

一、合作内容

（一）湖南省发挥株洲功率半导体优势，建设车规级芯片封测基地。

（二）江西省依托吉安、赣州，建设电子元器件和稀土材料配套基地。

二、合作机制

双方建立年度会商制度，轮流召开会议。

本备忘录自签署之日起生效，有效期三年。
"""


def test_a_memorandum_dated_by_month_under_its_bodies_is_in_force_for_its_term(tmp_path):
    """(h-blind40c) A memorandum of two provinces' bodies, dated 二〇二五年九月 under their names and in force for three
    years from signing: it was typed 新闻综述, read as a round-up of its parties' sections, and dated by a year its body
    names (2026年起…).  It is a 备忘录, 多地, in force 2025–2028 (from September, a term of three years ends in 2028);
    each party's paragraph is its province's."""
    got = _years(tmp_path, "memo.txt", MEMO, "合作 OR 基地 OR 会商")
    assert got("为推动湘赣边区") == [2025, 2026, 2027, 2028]
    assert got("双方建立年度会商") == [2025, 2026, 2027, 2028]
    docs = json.loads(cli("docs", "--index", str(tmp_path / "idx"), "-f", "json").stdout)
    record = (docs["documents"] if isinstance(docs, dict) else docs)[0]
    assert (record["doc_type"], record["region"]) == ("备忘录", "多地")
    rows = [json.loads(line) for line in cli("search", "基地", "--index", str(tmp_path / "idx"), "-f", "jsonl").stdout.splitlines()]
    assert {row["text"][:4]: row["region_path"] for row in rows} == {"（一）湖": ["湖南省"], "（二）江": ["江西省"]}


STORY = """钦州电子信息产业观察

2025-11-20　来源：北部湾日报

今年前三季度，钦州电子信息产业营收同比增长22%。

钦州市工业和信息化局负责人表示，明年钦州将引进显示模组项目3个以上。
"""


def test_next_year_after_a_speakers_lead_is_that_years(tmp_path):
    """(h-blind40c) A story's paragraph that opens on a speaker's lead and then 明年 (…负责人表示，明年钦州将…) speaks for
    next year alone, as one opening on 明年 does; it spoke for the story's year and the next."""
    got = _years(tmp_path, "story.txt", STORY, "钦州")
    assert got("钦州市工业和信息化局负责人表示") == [2026]
    assert got("今年前三季度") == [2025]


REVIEW = """惠州市2026年政府工作报告

——2026年1月15日在惠州市第十三届人民代表大会第六次会议上

一、2025年和“十四五”时期工作回顾

2025年是“十四五”规划收官之年。一年来，全市电子信息产业营收增长9%。

（一）新型显示产业加快集聚。仲恺高新区新投产模组项目6个。

“十四五”时期，我们坚定推进电子信息产业强链补链，产业规模迈上万亿元台阶。

（二）半导体产业从无到有。惠城区建成功率器件封测线2条。

二、2026年工作安排

今年，全市电子信息产业营收力争增长8%。
"""


def test_a_reviews_period_turn_by_its_years_holds_for_what_follows(tmp_path):
    """(h-blind40c) Under 一、2025年和“十四五”时期工作回顾, a paragraph opening on the year before (2025年是…收官之年。一年来，…)
    turns the section to that year, and so is what follows (（一）…); one opening on the period by its years (“十四五”时期，…,
    过去五年，…) turns it back, and what follows is the period's (（二）…), as after 五年来，… (the README's rule).  Before,
    only a turn in words reset it: after “十四五”时期，… the items were still the year's."""
    got = _years(tmp_path, "report.txt", REVIEW, "产业 OR 半导体")
    assert got("2025年是") == [2025]
    assert got("（一）新型显示") == [2025]
    assert got("“十四五”时期") == [2021, 2022, 2023, 2024, 2025]
    assert got("（二）半导体产业") == [2021, 2022, 2023, 2024, 2025]
    assert got("今年，全市") == [2026]


WITHIN = """宁德市锂电与功率半导体产业观察

2025-09-18　来源：闽东日报

根据行动计划，三年内宁德将新增功率半导体规上企业30家。
"""


def test_a_three_year_stretch_with_its_subject_before_the_verb_runs_on(tmp_path):
    """(h-blind40c) 三年内宁德将新增… sets a goal over three years from the text's, as 三年内将新增… does: the place
    named between the stretch and its verb kept the rule from applying."""
    got = _years(tmp_path, "story.txt", WITHIN, "功率半导体")
    assert got("根据行动计划") == [2025, 2026, 2027]


def test_a_headline_reporting_an_agreement_or_an_initiative_made_is_news(tmp_path):
    """(h-review40 9) 深圳市政府与某企业签署战略合作协议 and …联盟发出联合倡议 report an act: news about the agreement or the
    initiative, not the text itself (a title ending on 协议 or 倡议 without such a verb is one)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n\n近日，有关方面召开会议，推动集成电路产业合作。\n"
    for name, title in {"a.txt": "深圳市政府与某芯片企业签署战略合作协议", "b.txt": "长三角集成电路产业联盟发出联合倡议",
                        "c.txt": "湘赣两省集成电路产业合作框架协议"}.items():
        (docs / name).write_text(title + body, encoding="utf-8")
    assert cli("ingest", str(docs), "--index", str(tmp_path / "idx")).returncode == 0
    records = json.loads(cli("docs", "--index", str(tmp_path / "idx"), "-f", "json", "--all").stdout)
    types = {r["title"]: r["doc_type"] for r in (records["documents"] if isinstance(records, dict) else records)}
    assert types == {"深圳市政府与某芯片企业签署战略合作协议": "新闻综述", "长三角集成电路产业联盟发出联合倡议": "新闻综述",
                     "湘赣两省集成电路产业合作框架协议": "协议"}

"""Years, twenty-seventh round (session 27): a term of validity counted from its first day, and a news story's
paragraph that looks back.

Two blind sets written this session (h-blind27a and b, 48 documents, 239 labelled passages, by helpers that never
read the rules) found five classes:
- `自2025年7月1日起施行，有效期三年` runs to 30 June 2028, so the text is in force in 2028 too; the tool counted three
  calendar years (2025–2027).  Now a term from 1 January keeps N years, from any later day (the day stated, or the
  day signed for `自印发之日起`) it reaches into year N on (periods.in_force).
- a report's passage under a heading naming a period and a year (`一、2025年和“十四五”时期工作回顾`) took the
  whole period though its first sentence says `过去一年，…` (2025) or `今年…` (2026); now it speaks for those.
- a story's paragraph that speaks only of last year (`去年全市…实现营收…`) took the story's year as well; now every
  sentence speaking of an earlier year and of no other makes it a look-back, as in a report's review
  (news_years.looks_back).  A sentence with no year (the story's now), a past year dating a thing
  (`去年引进的项目已满产运行`) and `去年以来` (last year to now) keep the story's year.
- a passage citing a document as its ground (`根据2022年出台的《…》和《…“十四五”…规划》`) took the cited documents'
  years; now the titles cited after 根据, 按照, 贯彻落实… and a year dating them are left out (years.toml [cited]).
- a story dated in March that says `较上年` twice (a comparison's base) was counted as writing of last year more
  often than this, and so spoke for both; a comparison's base is no longer counted (years.around).

Through the CLI on documents written for this test in our own words (tests/fixtures/round27/)."""

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round27")


def test_a_term_from_a_later_day_reaches_into_its_last_year(index):
    assert doc(index, "midyear_measures.txt")["years"] == [2025, 2026, 2027, 2028]
    assert doc(index, "signed_notice.txt")["years"] == [2024, 2025, 2026, 2027]  # signed 2024-09-12, 有效期3年


def test_a_term_from_new_year_keeps_its_length(index):
    assert doc(index, "newyear_measures.txt")["years"] == [2025, 2026]


def test_a_story_paragraph_of_last_year_alone(index):
    assert hit(index, "产业实现营收二百一十亿元")["years"] == [2024]


def test_a_past_year_dating_a_thing_or_running_to_now_keeps_the_story_year(index):
    assert hit(index, "碳化硅模块项目已满产")["years"] == [2024, 2025]
    assert hit(index, "先后出台三项人才政策")["years"] == [2024, 2025]


def test_a_comparison_base_does_not_make_a_story_speak_for_last_year(index):
    assert doc(index, "comparison_news.txt")["years"] == [2025]
    assert hit(index, "风电装备出口额较上年")["years"] == [2024]
    assert hit(index, "新培育年出口额")["years"] == [2025]


def test_a_passage_under_a_period_heading_naming_its_own_year(index):
    """A report's heading naming a period and a year (一、2025年和“十四五”时期工作回顾) spoke for every passage under it;
    a passage whose first sentence names its own year in words (过去一年，…; 今年…) now speaks for that year, as it
    would outside the section (h-blind27b: 10 passages of three reports).  A passage about the period, or naming a
    year only in a later sentence, keeps the period."""
    assert hit(index, "光电子产业营收突破")["years"] == [2025]
    assert hit(index, "连上两个台阶")["years"] == [2021, 2022, 2023, 2024, 2025]
    assert hit(index, "力争达到四成")["years"] == [2026, 2027, 2028, 2029, 2030]
    assert hit(index, "城镇新增就业六十万人")["years"] == [2026]


def test_a_story_of_the_whole_country_by_its_title(index):
    """`去年我国…` in a title names the whole country: the story is 全国, though its text goes on to name a province
    and its cities (h-blind27b: filed under 深圳 before); its dateline's year is no year a paragraph speaks of."""
    assert doc(index, "national_title_news.txt")["region_path"] == ["全国"]
    assert hit(index, "工业机器人产量突破五十万套")["region_path"] == ["全国"]
    assert hit(index, "工业机器人产量突破五十万套")["years"] == [2025]
    assert hit(index, "工业机器人产量居全国首位")["region_path"] == ["江苏省"]


def test_a_document_cited_as_ground_lends_no_years(index):
    """`根据2022年出台的《…》和《…“十四五”…规划》，…制定以下措施` speaks for the measures' own years, not the cited
    documents' (h-blind27b: 4 passages); a document the passage is about (`印发《…（2025—2027年）》`) keeps its years."""
    assert hit(index, "加快储能电池产业集聚")["years"] == [2025, 2026, 2027]
    assert hit(index, "新型储能产业发展三年行动方案")["years"] == [2025, 2026, 2027]


def test_a_report_paragraph_opening_with_the_past_five_years(index):
    """`过去五年，…` opening a 2023 report's paragraph is its look-back alone, 2018–2022, as `“十四五”时期，…` is its
    period (h-blind27b: 2018–2023 before, the report's year added)."""
    assert hit(index, "新能源装备产业从无到有")["years"] == [2018, 2019, 2020, 2021, 2022]
    assert hit(index, "增长百分之六左右")["years"] == [2023]


def test_a_headline_about_a_plan_to_come_is_news(index):
    """`芜湖明年将实施储能产业提升计划` is a story about a plan, not the plan: typed 计划 by its last word before, its
    `今年以来` counted from the next year (h-blind27b).  Now a headline saying a body 将/拟 issue or carry out something
    is news (doctypes.toml headline), and `今年` counts from the day it is dated."""
    assert doc(index, "next_year_headline_news.html")["doc_type"] == "新闻综述"
    assert hit(index, "规上储能企业营收同比增长")["years"] == [2024]
    assert hit(index, "力争新引进储能电芯项目")["years"] == [2025]


def test_a_division_named_by_a_word_is_no_place_alone(index):
    """城区, 郊区, 矿区 are districts' names (阳泉市城区) and words (先锋城区, 中心城区): alone they named a place in
    another province, so a paragraph wholly about 鼓楼区 (a name four cities share) stayed with its city (h-blind27c, 南山区…先锋城区).  Now they
    are a place only right after their city's name."""
    assert hit(index, "集成电路设计先锋城区")["region_path"] == ["江苏省", "南京市", "鼓楼区"]
    assert hit(index, "加快中心城区有机更新")["region_path"] == ["江苏省", "南京市"]


def test_a_paragraph_opening_with_a_look_back_at_a_year(index):
    """`回顾2024年，…` in a later text opens on that year, as `2024年，…` does (h-blind27c: it took the text's year too)."""
    assert hit(index, "回顾2024年")["years"] == [2024]


def test_a_notice_on_a_government_site_is_no_news(index):
    """A saved page's info line `2026/03/02 10:00 来源：江西省工业和信息化厅` made a notice news (新闻综述): a government
    site publishes notices too, so a government body as the source no longer makes a text news by itself (a media
    outlet still does: 来源：金华日报).  Its `上年度营业收入…` threshold then speaks for the notice's year alone (since session
    53 a threshold on the year before in words is a condition of who qualifies, as one on a past year in figures has been
    since session 52; it was [2025, 2026])."""
    assert doc(index, "notice_on_government_site.html")["doc_type"] == "通知"
    assert doc(index, "lookback_news.txt")["doc_type"] == "新闻综述"
    assert hit(index, "申报企业上年度营业收入")["years"] == [2026]

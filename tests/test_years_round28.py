"""Years, twenty-eighth round (session 28).

- a story's paragraph that looks back to last year alone (`去年，全市依据《…规划（2019—2023年）》…新增…`) took the
  years of the document it cites as its ground too: the look-back (news_years.looks_back) read the paragraph with
  its citation, where the years stated were read without it (years.toml [cited]).  Now both read it without.

- a yearbook's entry of one sentence opening on its year after a bracketed label (`【综述】2024年，…` in a 2025 yearbook)
  speaks for that year, as `2024年，…` and `一、…。2024年，…` did ([lead] of years.toml); it took the yearbook's too.
- a paragraph of several sentences stating an earlier year keeps its document's years as well (issue 11: "a passage gets
  the years it states about itself, on top of the document's"): `…是我市的特色产业。2024年，全市…达到…。…制定本方案。`
  in a 2025—2027 plan is 2024–2027 (and `“十四五”以来，…` in a “十五五” plan was 2021–2030: session 30 reads a paragraph
  opening on the period before the plan's as that period's alone, 2021–2025).  Narrowing them to the stated
  years alone (as h-blind28e labels them) was tried this session and reverted: three probes of the earlier blind sets
  (blind15, blind16), labelled with the plan's years, moved the wrong way.
- an undated story dates itself by no goal: `会议提出，到2028年…` as its only year made the story 2028 (a target year counts
  only when nothing else is stated, which holds for a plan, not for a story or a text of no known type); and an undated
  story of a year's results told `比上年增长…` (not only `同比`) with `今年以来` is of the year after them.
- a term of validity whose first day is written in figures (`自2024.7.1起施行，有效期两年`, `自2025-03-01起施行，有效期至
  2027年12月31日`) was not read: the text took the year it was signed alone.  periods.in_force reads 2025-03-01,
  2025.3.1 and 2025/3/1 as it reads 2025年3月1日.  Found by h-blind28e.
- a yearbook entry labelled with a place (`【柯桥区】…`) opens that place's section; the next entry's label naming no
  place (`【大事记】…`) now ends it (it stayed with the district).  Found by h-blind28e.

Through the CLI on documents written for this test in our own words (tests/fixtures/round28/)."""

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round28")


def test_a_story_looking_back_through_a_cited_document_keeps_last_year_alone(index):
    assert hit(index, "新增电池材料企业十一家")["years"] == [2024]
    assert hit(index, "兑现奖补资金一点二亿元")["years"] == [2024]
    assert hit(index, "扩建两座动力电池回收基地，年处理")["years"] == [2025]


def test_a_yearbook_entry_under_a_bracketed_label_speaks_for_its_year(index):
    # a yearbook records the year before its edition's (session 41, h-blind41d: the edition's year, 2025, before)
    assert doc(index, "city_yearbook_entries.txt")["years"] == [2024]
    assert hit(index, "比上年增长百分之七点二")["years"] == [2024]
    assert hit(index, "新开工项目九个")["years"] == [2024]


def test_a_paragraph_of_several_sentences_adds_its_earlier_years_to_its_document_s(index):
    assert doc(index, "sensor_action_plan.txt")["years"] == [2025, 2026, 2027]
    assert hit(index, "营业收入达到三百二十亿元")["years"] == [2024, 2025, 2026, 2027]
    assert hit(index, "建设MEMS中试线")["years"] == [2025, 2026, 2027]  # no year of its own: the plan's
    # (session 30: a paragraph *opening* on the period before the plan's speaks for that period alone, as h-blind28e,
    # h-blind30h and h-blind30i label it; blind15's and blind16's probes, labelled with both periods, move with it)
    assert hit(index, "年均增长百分之十二")["years"] == list(range(2021, 2026))


def test_an_undated_story_takes_no_year_from_its_goal(index):
    assert doc(index, "undated_meeting_target.txt")["years"] == []
    assert hit(index, "惠水县的存储设备组装项目")["years"] == []
    assert hit(index, "标准机架规模达到十万架")["years"] == [2028]


def test_an_undated_story_of_last_year_s_results_is_of_the_year_after(index):
    assert doc(index, "undated_results_story.txt")["years"] == [2025]
    assert hit(index, "面板配套企业数量稳步增加")["years"] == [2025]


def test_a_term_from_a_day_written_in_figures(index):
    assert doc(index, "dotted_date_notice.txt")["years"] == [2024, 2025, 2026]
    assert doc(index, "iso_date_measures.txt")["years"] == [2025, 2026, 2027]


def test_a_yearbook_entry_whose_label_names_no_place_ends_a_place_s_entry(index):
    assert hit(index, "新引进功率器件项目五个")["region_path"] == ["浙江省", "绍兴市", "柯桥区"]
    assert hit(index, "新增规上芯片企业三十家")["region_path"] == ["浙江省", "绍兴市"]

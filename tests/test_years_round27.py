"""Years, twenty-seventh round (session 27): a term of validity counted from its first day, and a news story's
paragraph that looks back.

Two blind sets written this session (h-blind27a and b, 48 documents, 239 labelled passages, by helpers that never
read the rules) found three classes:
- `自2025年7月1日起施行，有效期三年` runs to 30 June 2028, so the text is in force in 2028 too; the tool counted three
  calendar years (2025–2027).  Now a term from 1 January keeps N years, from any later day (the day stated, or the
  day signed for `自印发之日起`) it reaches into year N on (periods.in_force).
- a story's paragraph that speaks only of last year (`去年全市…实现营收…`) took the story's year as well; now every
  sentence speaking of an earlier year and of no other makes it a look-back, as in a report's review
  (news_years.looks_back).  A sentence with no year (the story's now), a past year dating a thing
  (`去年引进的项目已满产运行`) and `去年以来` (last year to now) keep the story's year.
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

"""Years, twenty-eighth round (session 28).

- a story's paragraph that looks back to last year alone (`去年，全市依据《…规划（2019—2023年）》…新增…`) took the
  years of the document it cites as its ground too: the look-back (news_years.looks_back) read the paragraph with
  its citation, where the years stated were read without it (years.toml [cited]).  Now both read it without.

Through the CLI on documents written for this test in our own words (tests/fixtures/round28/)."""

from .fixture_cli import hit, index_fixture

index = index_fixture("round28")


def test_a_story_looking_back_through_a_cited_document_keeps_last_year_alone(index):
    assert hit(index, "新增电池材料企业十一家")["years"] == [2024]
    assert hit(index, "兑现奖补资金一点二亿元")["years"] == [2024]
    assert hit(index, "扩建两座动力电池回收基地，年处理")["years"] == [2025]

"""Attribution, twenty-third round (session 23), from a blind test's misses: an autonomous prefecture's or a league's
report that speaks of itself only as 全州/全盟 is a local text (不详), not a national one; and a news round-up whose
title says many places (各地…, 多地…) is one when it goes on to name two, each passage that place's.  Through the
CLI on documents written for this test in our own words (tests/fixtures/round23/)."""

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round23")


def test_a_prefecture_or_league_speaking_of_itself_is_local_not_national(index):
    for name in ("autonomous_prefecture_report.txt", "league_report.txt"):
        assert doc(index, name)["region_path"] == ["不详"], name
    assert hit(index, "高原生态旅游示范带")["region_path"] == ["不详"]
    assert hit(index, "风光储一体化项目")["region_path"] == ["不详"]


def test_a_round_up_titled_many_places_files_each_passage_under_its_place(index):
    roundup = doc(index, "two_place_roundup.txt")
    assert roundup["doc_type"] == "新闻综述"
    assert hit(index, "雾凇观赏专线")["region_path"][:2] == ["吉林省", "长春市"]
    assert hit(index, "新增夜滑项目")["region_path"][0] == "新疆维吾尔自治区"


def test_the_base_of_a_comparison_adds_no_year(index):
    # 比上年/较上年 in a 2024 bulletin compares with 2023: the passage speaks for 2024 only
    assert doc(index, "bulletin_comparison.txt")["years"] == [2024]
    assert hit(index, "规模以上工业增加值较上年提高")["years"] == [2024]


def test_a_year_and_yilai_runs_to_the_text_s_year(index):
    # 2022年以来 in a 2025 opinion: 2022–2025, none of the years between left out
    assert doc(index, "since_opinion.txt")["years"][0] == 2025  # (to 2027: its target year)
    assert {2022, 2023, 2024, 2025} <= set(hit(index, "低空物流航线从无到有")["years"])  # (and the opinion's own years)


def test_the_country_s_session_names_its_venue_not_a_section(index):
    # 全国两会…在北京开幕 leads a round-up: the passage after it (a definition) is the round-up's, not 北京's
    assert hit(index, "以民用有人驾驶和无人驾驶航空器为牵引")["region_path"] == ["多地"]
    assert hit(index, "全域低空空域管理改革试点")["region_path"] == ["湖南省"]

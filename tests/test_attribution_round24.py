"""Attribution, twenty-fourth round (session 24), from a blind test's two largest classes of misses.

A plan whose period is stated only in its body: a text that says 本计划执行期为2025年至2027年 or 规划期为2026—2030年
speaks for those years; one dated by month alone (2026年3月) or by its 文号 (〔2025〕9号) is dated all the same, so a goal
it sets up front (到2027年) or goals year by year (2026年，…；2027年，…；2028年，…) carry it to their last year; goals of
years past do not.  A district name several cities share (鼓楼区, 新城区, 朝阳区), with no other cue, is told apart by
the 文号's first character: the city's, or the municipality's abbreviation.

Through the CLI on documents written for this test in our own words (tests/fixtures/round24/; the five `heldout_`
documents were written after the rules and checked once)."""

import pytest

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round24")


@pytest.mark.parametrize("name, years", [
    ("period_in_body_plan.txt", [2025, 2026, 2027]),  # 执行期为2025年至2027年, signed 2025年6月
    ("yearly_goals_plan.txt", [2026, 2027, 2028]),  # 2026年，…；2027年，…；2028年，…, signed 2026年3月
    ("numbered_goal_opinion.txt", [2025, 2026, 2027]),  # 〔2025〕9号 and 到2027年
    ("past_leads_plan.txt", [2025]),  # 2023年，…；2024年，… look back: signed 2025年5月, it is 2025's
    ("heldout_planning_period.txt", [2026, 2027, 2028, 2029, 2030]),  # 规划期为2026—2030年
    ("heldout_cycle_measures.txt", [2024, 2025, 2026]),  # 实施周期为2024年7月至2026年6月
    ("heldout_yearly_targets_number.txt", [2025, 2026, 2027]),  # 〔2025〕21号 and goals year by year
])
def test_a_plan_s_period_stated_in_its_body_gives_its_years(index, name, years):
    assert doc(index, name)["years"] == years


def test_the_plan_s_passages_speak_for_its_period(index):
    assert hit(index, "公共中试车间两处")["years"] == [2025, 2026, 2027]
    assert hit(index, "每季度发布一次配套需求清单")["years"] == [2026, 2027, 2028]
    assert hit(index, "对绿电消费比例超过八成")["years"] == [2024, 2025, 2026]
    assert hit(index, "打通农产品上行通道")["years"] == [2025]


@pytest.mark.parametrize("name, region", [
    ("shared_district_number.txt", ["江苏省", "徐州市", "鼓楼区"]),  # 徐鼓政发: 徐州's, not 南京's, 福州's or 开封's
    ("heldout_shared_district_number_a.txt", ["内蒙古自治区", "呼和浩特市", "新城区"]),  # 呼新政发
    ("heldout_shared_district_number_b.txt", ["北京市", "朝阳区"]),  # 京朝政发: 京 is 北京's abbreviation
    ("shared_district_other_cue.txt", ["辽宁省", "鞍山市", "铁西区"]),  # 区政发 says nothing; the text's 鞍山市 settles it
])
def test_a_district_name_several_cities_share_is_told_apart_by_its_wenhao(index, name, region):
    # the 文号 opens with the city's first character, or the municipality's abbreviation
    assert doc(index, name)["region_path"] == region

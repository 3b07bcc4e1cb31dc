"""The fourth round's classes of documents, as a user sees them: ingest tests/fixtures/round4 with
the CLI as a subprocess and read each document's facts from `docs --format json` and passages
from `search --format json`.  One test per class; the documents are in our own words."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "round4"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("round4") / "index"
    result = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(FIXTURES), "--index", str(folder), "-j", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return folder


def _json(*args):
    from click.testing import CliRunner

    from icpolicy.cli import main

    result = CliRunner().invoke(main, [*map(str, args), "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def doc(index, name: str) -> dict:
    return next(d for d in _json("docs", "--all", "--index", index)["documents"] if d["source"].endswith("/" + name))


def hit(index, query: str) -> dict:
    found = _json("search", query, "--all", "--index", index)["hits"]
    assert len(found) == 1, found
    return found[0]


def test_a_dateline_in_chinese_numerals_dates_a_work_report(index):
    report = doc(index, "county_report_cn_dateline.txt")
    assert report["years"] == [2025] and report["issued"] == "2025-01-08"
    assert report["region_path"] == ["浙江省", "湖州市", "德清县"]
    assert 2025 in hit(index, "研发经费支出占比达到3.8%以上")["years"]  # 今年 counts from the session year


def test_a_law_is_dated_by_its_latest_revision(index):
    law = doc(index, "revised_local_law.txt")
    assert law["issued"] == "2024-11-28" and law["years"] == [2024]
    assert law["issuer"] == "湖南省人民代表大会常务委员会"
    amended = doc(index, "national_law_amended_twice.txt")  # …《关于修改…的决定》第二次修正
    assert amended["issued"] == "2024-04-26" and amended["years"] == [2024]


def test_a_plan_period_on_the_attached_title_line_is_the_notices_years(index):
    plan = doc(index, "plan_period_in_attachment.txt")
    assert plan["years"] == [2024, 2025, 2026] and plan["issued"] == "2023-12-29"
    assert 2023 in hit(index, "今年以来，全市功率半导体企业")["years"]  # 今年: the year it was written in
    assert hit(index, "支持浏阳经开区建设碳化硅衬底")["region_path"] == ["湖南省", "长沙市", "浏阳市"]


def test_a_text_dated_at_a_years_edge_also_speaks_for_the_year_it_writes_about(index):
    news = doc(index, "january_stats_news.txt")  # January news about last year's figures
    assert news["years"] == [2024, 2025] and news["doc_type"] == "新闻综述"
    plan = doc(index, "december_plan_next_year.txt")  # next year's tasks, signed in December
    assert plan["years"] == [2024, 2025] and plan["issued"] == "2024-12-20"


def test_a_district_name_several_cities_share_is_settled_by_the_city_the_text_names(index):
    assert doc(index, "ambiguous_district_plan.txt")["region_path"] == ["江苏省", "南京市", "鼓楼区"]
    assert doc(index, "shared_district_municipality.txt")["region_path"] == ["北京市", "朝阳区"]


def test_a_text_naming_no_place_is_placed_by_its_number_prefix_or_its_source_outlet(index):
    assert doc(index, "number_prefix_only.txt")["region_path"] == ["浙江省"]
    assert doc(index, "source_outlet_only.txt")["region_path"] == ["浙江省", "宁波市"]


def test_a_corps_division_is_its_city_and_a_county_city_headline_is_news(index):
    assert doc(index, "corps_division.txt")["region_path"] == ["新疆维吾尔自治区", "石河子市"]
    headline = doc(index, "county_city_headline.txt")
    assert headline["doc_type"] == "新闻综述" and headline["region_path"] == ["福建省", "泉州市", "晋江市"]


def test_a_pages_meta_date_beats_an_event_date_inside_a_body_sentence(index):
    page = doc(index, "page_meta_date_body_event.html")
    assert page["issued"] == "2025-03-07" and page["years"] == [2025]


def test_a_plan_period_in_chinese_numerals_and_a_signature_dated_by_month(index):
    assert doc(index, "plan_range_chinese_numerals.txt")["years"] == [2024, 2025, 2026]
    assert doc(index, "signature_month_only.txt")["years"] == [2025]


def test_a_title_naming_two_years_speaks_for_both(index):
    assert doc(index, "summary_and_plan.md")["years"] == [2024, 2025]


def test_no_markdown_mark_is_left_in_a_passage(index):
    # strikethrough, a single-asterisk pair CommonMark leaves literal, reference links, footnotes,
    # an HTML comment, <font>, a code span and character references
    text = hit(index, "对集成电路领域的领军人才")["text"]
    assert "最高500万元1000万元支持" in text and "人才新政" in text
    for mark in ("~~", "__", "*", "[", "]", "<", "&"):
        assert mark not in text, mark
    assert "`" not in hit(index, "人才服务平台")["text"]
    assert hit(index, "以正式文件为准")["text"] == "以正式文件为准。"


def test_measures_in_force_over_stated_years_speak_for_them_and_the_signature_dates_them(index):
    measures = doc(index, "measures_in_force.txt")  # signed 2024-12-30, 自2025年1月1日起施行，有效期三年
    assert measures["years"] == [2025, 2026, 2027]
    assert measures["issued"] == "2024-12-30"  # the signature, not the page's 发布时间
    assert (measures["region_path"], measures["zone"]) == (["陕西省", "西安市"], "西安经开区")  # not a namesake 西安区


def test_round_up_leads_that_turn_to_the_next_place_or_cite_a_report_and_a_group_closing(index):
    assert doc(index, "roundup_turns.txt")["region_path"] == ["多地"]
    assert hit(index, "这座玻璃之城")["region_path"] == ["安徽省", "蚌埠市"]  # 目光转向蚌埠，
    assert hit(index, "依托稀土资源")["region_path"] == ["江西省", "赣州市"]  # 据《2025年赣州市政府工作报告》，
    assert hit(index, "陶瓷覆铜板")["region_path"] == ["湖南省", "株洲市"]  # 而在株洲，
    assert hit(index, "四市的共同点")["region_path"] == ["多地"]


def test_a_table_row_names_its_own_passage_only_and_a_stale_container_title_gives_way(index):
    plan = doc(index, "table_counties.md")
    assert plan["title"] == "黔东南州人民政府办公室关于印发黔东南州数字经济发展三年行动方案的通知"
    assert hit(index, "支持凯里市建设电子信息产业园")["region_path"][-1] == "凯里市"
    assert hit(index, "州财政每年统筹安排")["region_path"] == ["贵州省", "黔东南苗族侗族自治州"]


def test_relative_years_count_for_january_news_and_a_headline_types_a_brief(index):
    assert doc(index, "january_relative_news.txt")["years"] == [2024, 2025]
    assert doc(index, "headline_only_brief.txt")["doc_type"] == "新闻综述"


def test_a_title_that_counts_its_places_makes_a_round_up_of_three_openings_in_any_provinces(index):
    assert doc(index, "roundup_counted_title.txt")["region_path"] == ["多地"]  # 长江下游四城…
    assert hit(index, "当地把车规级功率模块")["region_path"] == ["江苏省", "扬州市"]  # 以扬州为例，
    assert hit(index, "这座钢城")["region_path"] == ["安徽省", "马鞍山市"]  # 再看马鞍山，
    assert hit(index, "四座城市的选择各有侧重")["region_path"] == ["多地"]
    assert doc(index, "roundup_each_place.txt")["region_path"] == ["多地"]  # 各地…: three cities, two provinces


def test_a_headline_abbreviation_a_saved_pages_dated_name_and_a_spelled_out_five_year_plan(index):
    assert doc(index, "headline_abbreviation.txt")["region_path"] == ["上海市"]  # 沪出台…
    assert doc(index, "t20250307_4471.txt")["years"] == [2025]  # no date in the text
    assert doc(index, "five_year_plan_spelled.txt")["years"] == [2021, 2022, 2023, 2024, 2025]  # 第十四个五年规划


def test_front_matter_with_full_width_colons_is_read_and_a_letter_between_rules_is_kept(index):
    post = doc(index, "front_matter_fullwidth.md")  # 标题：… / 日期：…
    assert post["title"] == "宁波集成电路产业观察" and post["issued"] == "2025-03-01"
    assert hit(index, "现将有关事项通知如下")["text"] == "各区人民政府：现将有关事项通知如下。"


def test_a_work_report_without_a_dateline_takes_the_year_of_the_page_that_carries_it(index):
    assert doc(index, "report_page_only_date.html")["years"] == [2025]  # not the 2023 it mentions twice
    assert doc(index, "congress_standing_committee_report.txt")["years"] == [2025]


def test_emphasis_commonmark_leaves_literal_after_cjk_punctuation_is_removed_at_any_depth(index):
    assert hit(index, "聚焦集成电路设计")["text"] == "杭州：聚焦集成电路设计。"  # ***杭州：***
    assert hit(index, "发展材料")["text"] == "嘉兴：湖州：发展材料。"  # ~~嘉兴：~~


def test_round_up_leads_after_an_aside(index):
    assert doc(index, "roundup_asides.txt")["region_path"] == ["多地"]
    assert hit(index, "依托光谷的光通信产业基础")["region_path"] == ["湖北省", "武汉市"]  # 作为省会，武汉…
    assert hit(index, "推动硅光芯片设计企业")["region_path"] == ["江苏省", "苏州市"]  # 与此同时，苏州…
    assert hit(index, "西永片区")["region_path"] == ["重庆市"]  # 位于成渝地区的重庆，…


def test_a_title_naming_two_places_apart_is_filed_under_what_they_share(index):
    assert doc(index, "two_cities_title.txt")["region_path"] == ["广东省"]  # 深圳与东莞共建…

"""Attribution, twentieth round: classes a fresh helper's probe documents found (session 20).  Each class is
checked through the CLI as a subprocess (ingest, then `docs` / `search --format json`) on documents written for
this test in our own words (tests/fixtures/round20/)."""

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round20")


def test_a_headline_figure_is_no_year(index):
    # 突破2000亿元, 新增2030家: a number with a unit in the headline is a quantity; the body's year is the document's
    news = doc(index, "headline_figure_news.txt")
    assert news["years"] == [2025]
    assert hit(index, "偏光片", "-y", "2025")["region_path"] == ["安徽省", "合肥市"]
    count = doc(index, "headline_count_news.txt")
    assert count["years"] == [2026]
    assert 2030 not in hit(index, "流片补贴")["years"]


def test_a_department_s_number_names_its_government(index):
    # 豫工信装〔2026〕31号 signed 省工业和信息化厅: the province's one-character name and the department's short name
    assert doc(index, "dept_number_province.txt")["region_path"] == ["河南省"]
    assert doc(index, "dept_number_economy.txt")["region_path"] == ["福建省"]
    assert doc(index, "dept_number_city.txt")["region_path"] == ["浙江省", "宁波市"]
    assert hit(index, "敏感材料")["region_path"] == ["河南省"]


def test_a_department_that_names_only_its_level_is_local_not_national(index):
    # signed 省工业和信息化厅, addressed to 各市…: a province's text, which one unknown: 不详, not 全国
    assert doc(index, "unnamed_provincial_dept.txt")["region_path"] == ["不详"]


def test_words_of_two_years_run_a_plan_through_both(index):
    # 今明两年，全市… in a plan dated 2026: 2026 and 2027
    plan = doc(index, "this_and_next_year_plan.txt")
    assert plan["years"] == [2026, 2027]
    assert plan["region_path"] == ["广东省", "佛山市"]
    assert 2027 in hit(index, "公共算力调度平台")["years"]


def test_a_notice_signed_by_departments_of_two_provinces_is_several_places(index):
    joint = doc(index, "joint_provinces_notice.txt")
    assert joint["region_path"] == ["多地"]
    # two departments of one province sign as that province
    assert doc(index, "joint_same_province_notice.txt")["region_path"] == ["江西省"]


def test_a_genre_word_set_as_a_heading_is_not_the_title(index):
    # 通　　知 over the full title: the title is the full one
    notice = doc(index, "spaced_genre_heading.txt")
    assert notice["title"] == "嘉兴市南湖区关于开展2026年数字经济人才认定工作的通知"
    assert notice["region_path"] == ["浙江省", "嘉兴市", "南湖区"]


def test_work_points_are_a_type_of_their_own(index):
    # 工作要点 (a year's work points) is its own genre: -t 要点 finds it, -t 工作方案 does not
    points = doc(index, "work_points.txt")
    assert points["doc_type"] == "工作要点"
    assert points["years"] == [2026]
    assert hit(index, "新增规上企业", "-t", "要点")["doc_type"] == "工作要点"


def test_a_shared_district_name_in_a_report_s_dateline_is_settled_by_the_body(index):
    # ——…在鼓楼区第十八届人民代表大会…上 with 福州软件园 in the body: 福州市鼓楼区, not 福州市
    assert doc(index, "district_report_shared_name.txt")["region_path"] == ["福建省", "福州市", "鼓楼区"]
    assert doc(index, "district_report_shared_name2.txt")["region_path"] == ["浙江省", "舟山市", "普陀区"]


def test_a_title_that_counts_two_cities_makes_a_round_up_of_two(index):
    # 两城竞逐… / 双城记… with a section for each city: a round-up (新闻综述), the province the two share (or
    # 多地), each section its own city; not the whole text under the first city
    one = doc(index, "two_cities_one_province.txt")
    assert (one["region_path"], one["doc_type"]) == (["江苏省"], "新闻综述")
    assert hit(index, "晶圆级测试平台")["region_path"][:2] == ["江苏省", "无锡市"]
    assert hit(index, "车规级模块产线")["region_path"] == ["江苏省", "苏州市"]
    two = doc(index, "two_cities_two_provinces.txt")
    assert (two["region_path"], two["doc_type"]) == (["多地"], "新闻综述")
    assert hit(index, "功率模块封装产线")["region_path"] == ["重庆市"]


def test_a_headline_about_last_year_speaks_for_the_year_it_is_dated_too(index):
    # …去年突破2000亿元, dated 2026-01-20: 2025 and 2026 (its 今年 is 2026), not 2025 alone
    news = doc(index, "headline_last_year.md")
    assert news["years"] == [2025, 2026]
    assert 2026 in hit(index, "强链行动")["years"]


def test_more_city_number_prefixes_and_a_park_place_a_text_that_names_no_place(index):
    # 东府〔…〕 (东莞), 筑府办发〔…〕 (贵阳): [number_prefixes]; 松山湖: a park of 东莞 (zones.toml)
    assert doc(index, "dongguan_number.txt")["region_path"] == ["广东省", "东莞市"]
    assert hit(index, "储能电芯项目")["region_path"] == ["广东省", "东莞市"]
    assert doc(index, "guiyang_number.txt")["region_path"] == ["贵州省", "贵阳市"]


def test_a_notice_about_drafting_a_plan_speaks_for_the_year_it_is_dated_too(index):
    # …“十五五”…规划编制工作的通知 signed 2025: 2025 and the plan's period 2026-2030 (-y 2025 finds it)
    notice = doc(index, "plan_drafting_notice.txt")
    assert notice["years"] == [2025, 2026, 2027, 2028, 2029, 2030]
    assert hit(index, "算力设施发展思路", "-y", "2025")["region_path"] == ["甘肃省"]

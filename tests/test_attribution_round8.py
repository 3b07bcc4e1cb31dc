"""The eighth round's classes of documents, as a user sees them: ingest tests/fixtures/round8 with the
CLI as a subprocess, read each document's facts from `docs --format json` and passages from `search
--format json`, and filter by region and year as an analyst would.  One test per class; the documents
are in our own words (a date under a front-matter key of any name, a city-filed story about its whole
province, and the document-level classes the pooled first runs missed, which hold already)."""

from .fixture_cli import cli_json, doc, hit, index_fixture

index = index_fixture("round8")


def test_a_front_matter_date_under_a_key_of_any_name_is_the_date(index):
    notice = doc(index, "frontmatter_odd_date_key.md")  # released_on: 2025-10-16
    assert notice["issued"] == "2025-10-16"
    assert notice["years"] == [2025]
    assert cli_json("search", "设备投资占比", "--all", "--index", index, "-y", "2025")["hits"]


def test_a_city_filed_story_about_the_whole_province_is_the_provinces(index):
    # 本报合肥1月20日讯　…去年全省集成电路产业营收…: filed from 合肥, about 安徽省
    story = doc(index, "dateline_lastyear_headline.txt")
    assert story["region_path"] == ["安徽省"]
    assert story["years"] == [2025]  # the headline's 去年, the story dated 2026-01-21
    assert hit(index, "规模以上企业达到420家")["region_path"] == ["安徽省"]
    assert hit(index, "规模以上企业达到420家", "-r", "安徽")["region_path"] == ["安徽省"]
    assert cli_json("search", "规模以上企业达到420家", "--all", "--index", index, "-r", "合肥")["hits"] == []


def test_a_round_up_dated_only_by_a_byline_in_chinese_numerals(index):
    roundup = doc(index, "roundup_numeral_byline.txt")  # 本报记者　秦朗　二〇二六年二月九日
    assert roundup["region_path"] == ["多地"]
    assert 2026 in roundup["years"]
    assert hit(index, "新开工项目不少于八个")["region_path"] == ["陕西省", "西安市"]


def test_a_reports_delivery_line_at_its_end_gives_its_year(index):
    report = doc(index, "report_delivery_line_late.txt")
    assert report["region_path"] == ["江苏省", "无锡市"]
    assert 2026 in report["years"]


def test_a_district_report_that_never_names_its_city(index):
    assert doc(index, "district_report_no_city.txt")["region_path"] == ["广东省", "深圳市", "龙岗区"]
    # 鼓楼区 is in 南京, 徐州, 福州 and 开封: the 福建省 it names decides
    assert doc(index, "district_report_shared_name.txt")["region_path"] == ["福建省", "福州市", "鼓楼区"]


def test_a_shared_district_name_is_settled_by_a_province_named_late_in_the_body(index):
    # 新华区 (石家庄, 沧州, 平顶山) and, near the end, 美丽河北: 河北省's two, so 河北省, not 全国
    report = doc(index, "district_report_province_late.txt")
    assert report["region_path"] == ["河北省"]
    assert hit(index, "雨污分流管网改造", "-r", "河北")["region_path"] == ["河北省"]
    assert cli_json("search", "雨污分流管网改造", "--all", "--index", index, "-r", "平顶山")["hits"] == []


def test_a_one_province_round_up_is_the_provinces(index):
    roundup = doc(index, "roundup_one_province_bullets.md")
    assert roundup["region_path"] == ["湖北省"]
    assert hit(index, "年内新增产能五万吨")["region_path"] == ["湖北省", "宜昌市"]


def test_a_headline_is_not_run_on_into_a_lead_that_opens_without_a_subject(index):
    # 三座园区的年中成绩单 | 又到半年盘点时。…: 又 opens a sentence here, not the headline's rest
    story = doc(index, "headline_then_subjectless_lead.txt")
    assert story["title"] == "三座园区的年中成绩单"
    assert hit(index, "听听他们上半年交出的答卷")["text"].startswith("又到半年盘点时")

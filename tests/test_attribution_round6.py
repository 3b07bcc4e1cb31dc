"""The sixth round's classes of documents (those blind10 showed), as a user sees them: ingest
tests/fixtures/round6 with the CLI as a subprocess, read each document's facts from `docs --format
json` and passages from `search --format json`, and filter by region as an analyst would.  One test
per class; the documents are in our own words."""

from .fixture_cli import cli_json, doc, hit, index_fixture

index = index_fixture("round6")


def test_a_short_line_naming_one_place_after_an_ordinal_label_opens_its_section(index):
    roundup = doc(index, "roundup_label_lines.txt")
    assert roundup["region_path"] == ["江苏省"]  # three cities of one province: the province (was 多地)
    assert hit(index, "功率器件封测基地")["region_path"] == ["江苏省", "徐州市"]  # 第一站：徐州。
    assert hit(index, "光伏电池片产能")["region_path"] == ["江苏省", "盐城市"]  # 站点二　盐城
    assert hit(index, "高纯石英坩埚")["region_path"] == ["江苏省", "连云港市"]  # 3️⃣ 连云港
    assert hit(index, "从配套走向整链")["region_path"] == ["江苏省"]  # 看完三城，…: the places counted as a group


def test_bold_scene_lines_in_markdown_open_sections_and_a_late_count_closes(index):
    park = hit(index, "晶圆级封装产线")  # shown: the zone's division, the zone apart
    assert (park["region_path"], park["zone"]) == (["江苏省", "苏州市"], "苏州工业园区")
    assert hit(index, "车规芯片验证中心")["region_path"] == ["安徽省", "芜湖市"]
    assert hit(index, "射频前端企业")["region_path"] == ["江苏省", "南京市", "江宁区"]
    assert hit(index, "人才和中试")["region_path"] == ["多地"]  # 明年几地…: no place named, a count of them
    assert hit(index, "射频前端企业", "-r", "南京")["region_path"][-1] == "江宁区"


def test_a_paragraph_going_through_several_districts_is_cut_at_each(index):
    # a sentence of comma clauses each opening with a district stays whole, the city's (sessions 32–37 cut it at each)
    assert hit(index, "弋江区新增芯片设计企业")["region_path"] == ["安徽省", "芜湖市"]
    assert hit(index, "鸠江 湾沚")["region_path"] == ["安徽省", "芜湖市"]  # found by two of its places
    assert hit(index, "全市电子信息产业营业收入增长14%")["region_path"] == ["安徽省", "芜湖市"]
    assert hit(index, "第三代半导体中试线")["region_path"] == ["安徽省", "芜湖市", "繁昌区"]  # one district: its own


def test_a_chongqing_district_the_division_table_leaves_out_is_known(index):
    report = doc(index, "yubei_district_report.txt")
    assert report["region_path"] == ["重庆市", "渝北区"]
    assert hit(index, "仙桃数据谷")["region_path"] == ["重庆市", "渝北区"]
    assert hit(index, "车载芯片测试平台", "-r", "渝北区")["region_path"] == ["重庆市", "渝北区"]


def test_a_place_named_to_be_left_out_is_not_the_subject_and_a_bare_page_date_counts(index):
    notice = doc(index, "province_notice_excluding.html")
    assert notice["region_path"] == ["福建省"]
    assert notice["issued"] == "2026-02-14"  # <span>2026/02/14 09:30</span> 来源：…
    assert hit(index, "研发投入不低于")["region_path"] == ["福建省"]  # （不含厦门市）
    assert cli_json("search", "研发投入不低于", "--all", "--index", index, "-r", "厦门")["hits"] == []


def test_a_byline_with_a_numeric_date_dates_the_round_up(index):
    assert doc(index, "roundup_label_lines.txt")["issued"] == "2026-01-20"  # 科技观察　2026.01.20　阅读 3千


def test_a_reply_is_typed_by_the_word_its_title_ends_on_not_the_plan_it_names(index):
    reply = doc(index, "province_reply_plan.txt")
    assert reply["doc_type"] == "批复"
    assert reply["issued"] == "2026-02-03"


def test_a_newspaper_masthead_is_not_the_title_and_the_county_city_is_the_subject(index):
    story = doc(index, "county_city_masthead.txt")
    assert story["title"] == "福清功率模块封测园新添两条产线"
    assert story["region_path"] == ["福建省", "福州市", "福清市"]
    assert hit(index, "检测和材料配套企业", "-r", "福清市")["region_path"][-1] == "福清市"


def test_a_report_page_is_dated_by_its_delivery_line_not_the_page_date(index):
    report = doc(index, "report_page_subtitle.html")
    assert report["issued"] == "2026-01-10"  # ——2026年1月10日在长兴县…大会…上, not PubDate 2026-01-20
    assert report["region_path"] == ["浙江省", "湖州市", "长兴县"]

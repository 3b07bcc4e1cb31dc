"""Attribution, twenty-first round: words of several years (session 21).  Each class is checked through the CLI
as a subprocess (ingest, then `docs` / `search --format json`) on documents written for this test in our own
words (tests/fixtures/round21/)."""

from .fixture_cli import cli_json, doc, hit, index_fixture

index = index_fixture("round21")


def test_words_of_two_years_in_a_text_dated_early_in_the_year(index):
    # 今明两年 in a notice signed in February: the file is indexed (it was skipped with a TypeError), for 2026–2027
    notice = doc(index, "early_dated_two_years_notice.txt")
    assert notice["years"] == [2026, 2027]
    assert notice["region_path"] == ["福建省", "漳州市"]
    assert hit(index, "车规级模块验证线")["region_path"] == ["福建省", "漳州市"]


def test_a_review_of_five_years_speaks_for_those_years(index):
    # a 2026 report's 过去五年 section: 2021–2025; its 今后五年 section: 2026–2030; its 2026 section: 2026
    review = hit(index, "封装测试产能")
    assert {2021, 2025} <= set(review["years"]) and 2030 not in review["years"]
    ahead = hit(index, "千亿台阶")
    assert {2026, 2030} <= set(ahead["years"]) and 2025 not in ahead["years"]
    assert hit(index, "新开工半导体项目")["years"] == [2026]
    assert doc(index, "five_year_review_report.txt")["years"] == [2026]


def test_a_look_back_up_front_does_not_stretch_a_policy_s_years(index):
    # 过去五年 opening a 2025 实施意见: the passage speaks of 2020–2024, the document stays 2025
    opinion = doc(index, "looking_back_opinion.txt")
    assert opinion["years"] == [2025]
    assert 2022 in hit(index, "从零起步")["years"]
    assert hit(index, "传感器产业专项基金")["years"] == [2025]


def test_front_matter_lists_and_years_are_the_author_s(index):
    # region as a YAML block list or a TOML array: every item (it kept the first only: 浙江省); year / years: what
    # the author states, over the years the text would give (dated 2023, 到2030年)
    plan = doc(index, "block_list_front_matter.md")
    assert plan["region_path"] == ["浙江省", "宁波市"]
    assert plan["years"] == [2024, 2025, 2026]
    measures = doc(index, "toml_list_front_matter.md")
    assert measures["region_path"] == ["广东省", "东莞市"]
    assert measures["years"] == [2025, 2026]
    assert hit(index, "车规芯片检测认证平台")["region_path"] == ["广东省", "东莞市"]


def test_a_notice_in_traditional_script_keeps_its_number_issuer_and_title(index):
    # 中經產字〔2025〕18號 (Big5): the number line is no part of the title, and the 文号 and issuer are read (in
    # simplified script, as search reads traditional text); the title stays as written
    notice = doc(index, "traditional_number_notice.txt")
    assert notice["title"] == "臺中市政府經濟發展局關於開展精密機械與半導體設備補助申報工作的通知"
    assert notice["doc_number"] == "中经产字〔2025〕18号" and notice["issuer"] == "台中市政府经济发展局"
    found = cli_json("docs", "--number", "〔2025〕18号", "--index", index)["documents"]
    assert [d["source"].rsplit("/", 1)[-1] for d in found] == ["traditional_number_notice.txt"]


def test_a_simplified_text_naming_a_place_written_with_a_traditional_form_is_read_as_written(index):
    # 乾县 named six times is no traditional text: its 文号 and issuer are not turned into 干政办发 / 干县 (a review's find)
    notice = doc(index, "qian_county_notice.txt")
    assert notice["doc_number"] == "乾政办发〔2025〕12号" and notice["issuer"] == "乾县人民政府办公室"


def test_a_look_back_does_not_pull_an_early_dated_text_s_years_back(index):
    # 过去五年 three times in a notice dated in February: it votes for none of the five years (it pulled in 2024)
    assert doc(index, "looking_back_early_notice.txt")["years"] == [2025]

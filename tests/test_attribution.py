"""Attribution as a user sees it: ingest the attribution fixtures (one per class of document,
written for these tests) with the CLI as a subprocess, and read region, years, type and facts
from `search --format json` (in-process through click's runner, to keep the suite fast)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("attribution") / "index"
    result = _cli("ingest", FIXTURES, "--index", folder, "-j", "1")
    assert result.returncode == 0, result.stderr
    return folder


def hits(index, query, *options):
    from click.testing import CliRunner

    from icpolicy.cli import main

    result = CliRunner().invoke(main, ["search", query, "--format", "json", "--all", "--index", str(index), *map(str, options)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["hits"] if result.stdout.strip() else []


def one(index, query, *options):
    found = hits(index, query, *options)
    assert len(found) == 1, found
    return found[0]


def test_markdown_front_matter_and_html_never_reach_passages(index):
    for query in ("title", "tags", "<strong>", "<p>", "<table>", "<br>", "**"):
        assert hits(index, query) == [], query
    hit = one(index, "各省份陆续召开人代会")
    assert hit["title"] == "2025年多省份政府工作报告里的芯片关键词"  # the front-matter title
    assert "集成电路仍是高频词" in hit["text"] and "<" not in hit["text"]


def test_markdown_headings_open_sections_and_html_tables_read_as_text(index):
    assert one(index, "郑州航空港区")["region_path"] == ["河南省"]
    table = one(index, "突破8000亿元")
    assert table["region_path"] == ["河南省"] and "<td>" not in table["text"]


def test_web_copy_breaks_are_healed_so_a_term_is_found_whole(index):
    hit = one(index, "集成电路作为主导产业")
    assert hit["region_path"] == ["安徽省", "合肥市"]
    assert one(index, "半导体设备和材料企业")["text"].startswith("据介绍")


@pytest.mark.parametrize("query, path", [
    ("前湾新区建设碳化硅", ["浙江省", "宁波市"]),       # **宁波**：
    ("功率模块封装", ["江苏省", "常州市"]),
    ("按设备投资额给予补贴", ["江苏省", "无锡市"]),     # 【无锡】
    ("公共测试平台", ["江苏省", "无锡市"]),             # the section goes on
    ("射频芯片，推动重点项目", ["四川省", "成都市"]),   # 一、成都：
    ("钛材料和电子元器件", ["陕西省", "宝鸡市"]),       # 近日，2024年宝鸡市政府工作报告公布
    ("长沙建设先进计算产业集群", ["湖南省"]),
    ("12英寸晶圆项目量产", ["江苏省", "苏州市"]),       # one sentence per city
    ("存储芯片二期项目", ["湖北省", "武汉市"]),
    ("车规级控制芯片完成认证", ["江苏省", "南京市"]),   # <h3>南京</h3>
    ("襄阳将引进碳化硅器件项目", ["湖北省", "襄阳市"]),  # a sentence per city inside one paragraph
    ("遵义表示要完善配套材料供应", ["贵州省", "遵义市"]),
    ("可靠性验证平台", ["江苏省", "无锡市"]),
])
def test_round_up_sections_set_each_passage_region(index, query, path):
    assert one(index, query)["region_path"] == path


def test_a_round_up_as_a_whole_is_many_places_never_its_first_city(index):
    for query in ("各地的最新动作", "记者梳理发现", "简要列举如下", "能源和成本上具备一定优势"):
        hit = one(index, query)
        assert hit["region_path"] == ["多地"] and hit["doc_type"] == "新闻综述"
    assert all(h["region_path"] == ["多地"] for h in hits(index, "记者梳理发现", "-r", "多地"))


def test_passages_carry_the_years_they_state(index):
    history = one(index, "2018年5月成都市启动")
    assert 2018 in history["years"] and history["region_path"] == ["四川省", "成都市"]
    assert 2025 in one(index, "到2025年成都将建成")["years"]
    assert 2023 in one(index, "在新材料领域实现多项突破")["years"]
    assert one(index, "2018年5月成都市启动", "-y", "2018")["passage"] == history["passage"]


def test_national_documents_are_national_and_news_datelines_do_not_place_them(index):
    ministry = one(index, "组建协同体")
    assert ministry["region_path"] == ["全国"] and ministry["doc_type"] == "通知"
    news = one(index, "国产化率有所提高")
    assert news["region_path"] == ["全国"] and news["doc_type"] == "新闻综述"


def test_document_facts_from_signature_page_meta_and_law_statement(index):
    ministry = one(index, "组建协同体")
    assert (ministry["doc_number"], ministry["issuer"], ministry["issued"]) == ("工信厅电子〔2024〕17号", "工业和信息化部办公厅", "2024-03-12")
    page = one(index, "完善首轮流片支持政策")
    assert (page["doc_number"], page["issuer"], page["issued"]) == ("国办发〔2024〕31号", "国务院办公厅", "2024-07-02")
    assert page["title"] == "国务院办公厅关于促进集成电路设计产业高质量发展的意见"
    law = one(index, "统筹安排资金")
    assert (law["issuer"], law["issued"], law["doc_type"]) == ("浙江省人民代表大会常务委员会", "2023-09-22", "地方性法规")


def test_type_comes_from_the_text_not_a_title_word(index):
    assert one(index, "横琴与澳门")["doc_type"] == "新闻综述"  # a news item about a work report
    assert one(index, "存储芯片项目顺利投产")["doc_type"] == "政府工作报告"  # the report itself


def test_titles_skip_site_boilerplate_and_crumbs(index):
    hit = one(index, "车规级控制芯片完成认证")
    assert hit["title"] == "江苏三市发力车规级芯片"
    assert hits(index, "当前位置") == [] and hits(index, "新闻中心") == []


def test_a_page_titled_by_its_column_takes_the_articles_own_heading(index):
    """<title> "site - column" whose column the crumb repeats (规范性文件): the <h1> is the document's title."""
    hit = one(index, "电子级多晶硅提纯")
    assert hit["title"] == "乌海市支持电子级硅材料产业发展的若干措施"
    assert hit["region_path"] == ["内蒙古自治区", "乌海市"]


def test_a_report_names_its_government_in_the_byline(index):
    """"代表县政府" names no place; the byline under the title (桐庐县人民政府县长 NAME) does."""
    hit = one(index, "光学镜头模组")
    assert hit["issuer"] == "桐庐县人民政府" and hit["doc_type"] == "政府工作报告"
    # 过去一年，… opens the 2024 report's review: it speaks for 2023 alone (the report's year is --doc-year's)
    assert hit["region_path"][-1] == "桐庐县" and hit["years"] == [2023]


def test_zones_map_to_their_divisions_and_filter_on_their_own(index):
    assert one(index, "跨境投资服务平台")["region_path"] == ["广东省", "深圳市", "南山区"]
    park = one(index, "特色工艺晶圆制造和高端封装")
    # shown: the division the zone lies in, the zone apart (meta/zones.py)
    assert (park["region"], park["region_path"], park["zone"]) == ("苏州市", ["江苏省", "苏州市"], "苏州工业园区")
    in_park = hits(index, "晶圆", "-r", "苏州工业园区")
    assert in_park and all((h["region_path"], h["zone"]) == (["江苏省", "苏州市"], "苏州工业园区") for h in in_park)
    in_city = hits(index, "晶圆", "-r", "苏州")  # the city holds the park and its other divisions
    assert len(in_city) > len(in_park)
    assert one(index, "跨境投资服务平台", "-r", "前海")["region_path"][-1] == "南山区"


def test_full_names_and_regional_groups_work_as_filters(index):
    assert {tuple(h["region_path"][:2]) for h in hits(index, "晶圆", "-r", "江苏省苏州市")} == {("江苏省", "苏州市")}
    delta = hits(index, "芯片", "-r", "长三角")
    assert delta and {h["region_path"][0] for h in delta} <= {"上海市", "江苏省", "浙江省", "安徽省"}
    assert {h["region_path"][0] for h in hits(index, "芯片", "-r", "成渝")} <= {"重庆市", "四川省"}
    assert hits(index, "跨境投资服务平台", "-r", "京津冀") == []


def test_sector_precision_listing_and_parts(index):
    assert "finance" not in one(index, "新车型上市销售")["segments"]
    assert "finance" in one(index, "科创板上市融资")["segments"]
    assert "equipment" not in one(index, "关键零部件技术")["segments"]


def test_lever_words_outside_industry_support_are_not_tagged(index):
    # welfare and consumer subsidies, a bank's bad-loan ratio, 载体 as a figure of speech
    for query in ("育儿补贴", "以旧换新", "不良贷款率", "数字化转型为载体"):
        segments = one(index, query)["segments"]
        assert "finance" not in segments and "land" not in segments, (query, segments)
    # the same words where they are a lever for firms
    assert "finance" in one(index, "设备补贴")["segments"]
    assert "land" in one(index, "半导体产业园区")["segments"]


def test_headline_byline_source_date_and_a_passage_naming_one_place_inside(index):
    # a plain headline (no official type) names the place; the byline is not part of the title;
    # the numeric date of the source line dates the article
    hit = one(index, "引进功率器件后道封装企业十余家")
    assert hit["title"] == "常州：功率芯片配套企业加速集聚"
    assert hit["region_path"] == ["江苏省", "常州市"] and hit["doc_type"] == "新闻综述"
    assert hit["issued"] == "2024-10-15" and 2024 in hit["years"]
    # after a speaker lead-in, the one county-level city inside 常州 that a passage names is its place
    assert one(index, "为功率芯片本地化应用提供了场景")["region_path"] == ["江苏省", "常州市", "溧阳市"]
    # the next passage names no place: back to the document's
    assert one(index, "缩短企业认证周期")["region_path"] == ["江苏省", "常州市"]


def test_a_bracketed_dateline_is_news_and_not_the_passage_place(index):
    hit = one(index, "培育一批MEMS代工与封测骨干企业")
    assert hit["doc_type"] == "新闻综述"
    assert hit["region_path"] == ["浙江省"]  # filed from 杭州, about the province


def test_bold_leads_with_the_colon_inside_or_a_dash_open_sections_in_a_province_article(index):
    # **常州：**依托… is not emphasis to CommonMark (CJK punctuation before the closing **)
    assert one(index, "首年免收测试服务费")["region_path"] == ["江苏省", "常州市"]
    assert one(index, "配套项目给予贴息支持")["region_path"] == ["江苏省", "南通市"]
    lead = one(index, "发展逆变器用功率器件")
    assert lead["region_path"] == ["江苏省", "盐城市"] and "*" not in lead["text"]


def test_a_pages_info_table_outside_the_article_gives_its_facts(index):
    hit = one(index, "汽车电子配套产业园")
    assert (hit["doc_number"], hit["issuer"], hit["issued"]) == ("台政办发〔2024〕41号", "台州市人民政府办公室", "2024-08-19")
    assert hit["region_path"] == ["浙江省", "台州市", "温岭市"]


def test_a_cited_laws_adoption_history_is_not_the_documents_own(index):
    hit = one(index, "全省电子元器件产业营业收入力争突破")
    assert (hit["doc_type"], hit["issuer"], hit["issued"], hit["doc_number"]) == ("意见", "江西省人民政府", "2024-09-27", "赣府发〔2024〕19号")
    assert 1993 not in one(index, "支持赣州市发展稀土功能材料")["years"]


def test_credited_lead_ins_open_round_up_sections(index):
    assert one(index, "当地计划新建电子特气项目三个")["region_path"] == ["甘肃省", "兰州市"]
    assert one(index, "全年完成材料产业投资九十亿元")["region_path"] == ["内蒙古自治区", "呼和浩特市"]
    hit = one(index, "全市将为此设立产业引导资金")
    assert hit["region_path"] == ["青海省", "西宁市"] and 2024 in hit["years"]


def test_a_headline_reporting_a_new_policy_is_news(index):
    assert one(index, "按投入增量的百分之十五给予补助")["doc_type"] == "新闻综述"


def test_a_title_over_three_lines_is_one_title(index):
    hit = one(index, "泉政文")
    assert hit["title"] == "泉州市人民政府关于印发泉州市化合物半导体产业培育行动计划（2024—2026年）的通知"


def test_breaks_after_a_function_word_or_before_a_subjectless_clause_are_healed(index):
    # a phrase is found across a passage break too; healed, it lies whole inside one passage
    assert "总部设在芜湖的显示驱动芯片企业" in one(index, "总部设在芜湖的显示驱动芯片企业")["text"]
    assert "车载显示芯片出货量同比增长六成" in one(index, "车载显示芯片出货量同比增长六成")["text"]


def test_news_counts_relative_years_from_its_date(index):
    # dated 2023-12-28: 明年 in the headline is 2024, and 今年 in the text is 2023
    assert 2024 in one(index, "明年苏州将启动第二批车规芯片验证项目")["years"]
    assert 2023 in one(index, "今年苏州已有十二款车规芯片")["years"]
    assert one(index, "会同整车企业共同组织实施")["years"] == [2024]  # what the article speaks for


def test_a_zone_of_a_city_with_a_namesake_county_is_the_citys(index):
    hit = one(index, "给予三年办公用房租金全额补贴")
    assert (hit["region_path"], hit["zone"]) == (["江西省", "南昌市"], "南昌高新区") and hit["doc_number"] == "洪高新管发〔2024〕6号"


def test_viewpoint_lead_ins_and_a_place_by_place_sentence_list(index):
    assert one(index, "贵阳将扩大智算中心规模")["region_path"] == ["贵州省", "贵阳市"]
    assert one(index, "南宁计划发展跨境电商数据服务")["region_path"] == ["广西壮族自治区", "南宁市"]
    assert one(index, "智算项目总投资最高")["region_path"] == ["贵州省", "贵阳市"]
    assert one(index, "保障数据中心用电")["region_path"] == ["西藏自治区", "拉萨市"]


def test_page_chrome_inside_the_body_never_becomes_passages(index):
    hit = one(index, "按采购额的百分之三给予奖励")
    assert hit["region_path"] == ["江苏省", "苏州市", "常熟市"] and hit["issued"] == "2024-07-02"
    for chrome in ("上一篇", "昆山发布显示面板十条", "张家港举办半导体材料对接会", "分享到", "责任编辑", "ICP备", "联系我们"):
        assert hits(index, chrome) == [], chrome


def test_a_document_about_a_regional_group_is_filed_as_many_places(index):
    assert one(index, "每年举办两次以上对接活动")["region_path"] == ["多地"]
    assert one(index, "牵头组建区域创新联合体")["region_path"] == ["上海市"]
    assert one(index, "扩大车规芯片产能")["region_path"] == ["江苏省"]

"""The ninth round's classes of documents, as a user sees them: ingest tests/fixtures/round9 with the
CLI as a subprocess, read each document's facts from `docs --format json` and passages from `search
--format json`, and filter by region as an analyst would.  One test per class; the documents are in
our own words (a title that lists its places, a title that names a model place, a title ending on a
genre word no type lists, a deadline in the body, a national guidance's target year, …)."""

from .fixture_cli import cli_json, doc, hit, index_fixture, no_hits

index = index_fixture("round9")


def test_a_round_up_whose_title_lists_cities_of_three_provinces_files_each_lead_under_its_city(index):
    # 老工业城市转身做芯片：湘潭、南昌、抚顺… with <strong>南昌：</strong> leads; 湘潭 and 南昌 are also counties' names
    roundup = doc(index, "roundup_title_lists_cities.html")
    assert roundup["region_path"] == ["多地"]
    assert hit(index, "硅衬底发光芯片")["region_path"] == ["江西省", "南昌市"]
    assert hit(index, "湿电子化学品", "-r", "抚顺")["region_path"] == ["辽宁省", "抚顺市"]
    assert no_hits(index, "硅衬底发光芯片", "-r", "湘潭")
    assert hit(index, "老工业城市转身做芯片")["region_path"] == ["多地"]  # the title line is the whole's


def test_a_title_listing_cities_of_one_province_is_the_provinces_and_its_leads_narrow(index):
    roundup = doc(index, "title_lists_cities_one_province.txt")  # 衡阳、邵阳、岳阳三市…
    assert roundup["region_path"] == ["湖南省"]
    assert hit(index, "功率模块封装项目")["region_path"] == ["湖南省", "邵阳市"]
    assert no_hits(index, "功率模块封装项目", "-r", "衡阳")


def test_a_title_naming_a_model_place_is_filed_under_its_issuer_and_subject(index):
    # 借鉴合肥模式加快芜湖…若干措施, issued by 芜湖市发展和改革委员会
    measures = doc(index, "model_city_in_title_with_issuer.txt")
    assert measures["region_path"] == ["安徽省", "芜湖市"]
    assert hit(index, "显示模组项目", "-r", "芜湖")["region_path"] == ["安徽省", "芜湖市"]
    assert no_hits(index, "显示模组项目", "-r", "合肥")


def test_a_title_naming_a_model_place_without_an_issuer_is_the_learners(index):
    plan = doc(index, "model_city_in_title_no_issuer.txt")  # 对标杭州 绍兴集成电路设计产业三年行动计划
    assert plan["region_path"] == ["浙江省", "绍兴市"]
    assert no_hits(index, "首次流片的费用", "-r", "杭州")


def test_a_title_ending_on_a_genre_word_no_type_lists_is_typed_by_that_word(index):
    assert doc(index, "genre_word_plan.txt")["doc_type"] == "方案"  # …第三代半导体产业培育方案
    assert doc(index, "genre_word_points.txt")["doc_type"] == "要点"  # …电子元器件产业推进要点
    assert cli_json("search", "氮化镓功率器件中试线", "--all", "--index", index, "--type", "方案")["hits"]


def test_a_deadline_in_the_body_is_not_the_date_a_notice_was_issued(index):
    notice = doc(index, "deadline_only_date.txt")  # 请…于2025年10月15日前将申报材料报送…, no signature
    assert notice["issued"] != "2025-10-15"
    assert notice["years"] == [2025]


def test_a_national_guidance_speaks_for_the_years_up_to_its_target(index):
    guidance = doc(index, "national_guidance_target.txt")  # signed 2025-09-02, 到2028年，全国算力…
    assert guidance["region_path"] == ["全国"]
    assert guidance["years"] == [2025, 2026, 2027, 2028]
    assert hit(index, "国产算力芯片", "-y", "2027")["region_path"] == ["全国"]


def test_a_notice_publishing_a_plan_named_without_brackets_is_typed_by_the_plan(index):
    # 湖州市人民政府办公室关于印发湖州市“十四五”半导体材料产业发展规划的通知 (no 《》)
    notice = doc(index, "published_bare_title.txt")
    assert notice["doc_type"] == "规划"
    assert notice["issued"] == "2021-11-08"


def test_a_new_area_across_districts_is_its_citys_and_a_district_it_names_is_that_districts(index):
    work = doc(index, "new_area_across_districts.txt")  # 湖南湘江新区管理委员会…工作安排
    assert work["region_path"] == ["湖南省", "长沙市"]
    assert hit(index, "第二条封装线")["region_path"] == ["湖南省", "长沙市", "岳麓区"]
    assert hit(index, "电子化学品园区完成二期", "-r", "望城区")["region_path"] == ["湖南省", "长沙市", "望城区"]
    assert hit(index, "功率半导体和传感器为重点", "-r", "长沙")["region_path"] == ["湖南省", "长沙市"]


def test_a_title_run_into_the_addressee_line_is_cut_at_its_end(index):
    # 关于印发《…行动方案（2025—2027年）》的通知各县（市、区）人民政府，…市直各单位： on one line
    notice = doc(index, "title_glued_to_addressees.txt")
    assert notice["title"] == "关于印发《泉州市功率半导体产业提质行动方案（2025—2027年）》的通知"
    assert notice["doc_type"] == "行动方案"


def test_a_body_above_the_sections_speaking_closes_the_last_one(index):
    # …淮安市淮安区：… then 省发展改革委有关负责人表示，…力争全年新开工光伏项目40个
    roundup = doc(index, "roundup_province_body_closes.txt")
    assert roundup["region_path"] == ["江苏省"]
    assert hit(index, "新开工光伏项目40个")["region_path"] == ["江苏省"]
    assert no_hits(index, "新开工光伏项目40个", "-r", "淮安")


def test_a_national_bodys_list_with_places_as_examples_is_national(index):
    # 科技部公布新一批创新型产业集群…: the news is national, its three clusters are filed where they are
    news = doc(index, "national_list_news.md")
    assert news["region_path"] == ["全国"]
    assert hit(index, "全国共有45个集群")["region_path"] == ["全国"]
    assert hit(index, "集成电路设计集群")["region_path"] == ["广东省", "珠海市", "香洲区"]  # 广东珠海市香洲区: a full name
    assert hit(index, "光电子器件集群")["region_path"] == ["湖北省", "武汉市", "江夏区"]
    assert hit(index, "在项目、平台和人才方面给予倾斜")["region_path"] == ["全国"]
    assert no_hits(index, "在项目、平台和人才方面给予倾斜", "-r", "武汉")


def test_a_forwarded_ministry_notice_is_dated_by_the_forwarder_and_its_text_is_national(index):
    notice = doc(index, "forwarded_ministry_notice.txt")  # signed 2025-05-19, then 附件: the ministry's, 2025-04-28
    assert notice["region_path"] == ["河南省"]
    assert notice["issued"] == "2025-05-19"
    assert hit(index, "将推荐材料报送我厅")["region_path"] == ["河南省"]
    assert hit(index, "全国拟遴选重点平台不超过80个")["region_path"] == ["全国"]
    assert no_hits(index, "全国拟遴选重点平台不超过80个", "-r", "河南")

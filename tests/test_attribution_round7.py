"""The seventh round's classes of documents, as a user sees them: ingest tests/fixtures/round7 with the
CLI as a subprocess, read each document's facts from `docs --format json` and passages from `search
--format json`, and filter by region as an analyst would.  One test per class; the documents are in
our own words (round-up openings by structure, closings by the group, several places of one city)."""

from .fixture_cli import cli_json, doc, hit, index_fixture

index = index_fixture("round7")


def test_a_lead_repeated_with_distinct_places_opens_each_section(index):
    # ❶ 芜湖｜… ❷ 九江｜…: marks before the place, a bar after it, the same shape each time
    assert doc(index, "roundup_circled_bars.txt")["region_path"] == ["多地"]
    assert hit(index, "化学品储运配套区")["region_path"] == ["江西省", "九江市"]  # the paragraph after the lead
    assert hit(index, "产业投资45亿元", "-r", "岳阳")["region_path"] == ["湖南省", "岳阳市"]
    # 南昌篇：… 赣州篇：… in a province's article: the city carries on to the next paragraph
    assert doc(index, "province_city_chapters.txt")["region_path"] == ["江西省"]
    assert hit(index, "贴合线已经满负荷运转")["region_path"] == ["江西省", "南昌市"]
    # 吉安篇：… (吉安 alone is also a word) at the same position as 南昌篇：…, 赣州篇：…
    assert hit(index, "覆盖物流和人才公寓")["region_path"] == ["江西省", "吉安市"]
    assert hit(index, "单点突破走向多点支撑")["region_path"] == ["江西省"]  # 三本账合起来看，… after three


def test_an_ordinal_label_and_its_place_open_a_section_whatever_follows(index):
    # **第二家：宁波**　宁波的…; 城市样本二：无锡　无锡提出…
    assert doc(index, "roundup_bold_ordinal_leads.md")["region_path"] == ["多地"]
    assert hit(index, "危化品运输通道")["region_path"] == ["浙江省", "宁波市"]
    assert hit(index, "市属国企和两家封测龙头")["region_path"] == ["江苏省", "无锡市"]


def test_turns_to_the_next_place_open_sections(index):
    # 先说西安。… 再说成都。… ; 先从贵阳讲起。… 说完贵阳，再来看呼和浩特。…
    assert doc(index, "roundup_spoken_turns.txt")["region_path"] == ["多地"]
    assert hit(index, "民用市场的验证周期")["region_path"] == ["四川省", "成都市"]
    assert hit(index, "余热为周边社区供暖")["region_path"] == ["内蒙古自治区", "呼和浩特市"]
    assert hit(index, "跨境数据服务", "-r", "南宁")["region_path"] == ["广西壮族自治区", "南宁市"]


def test_a_closing_that_refers_to_the_sections_as_a_group_returns_to_the_round_up(index):
    assert hit(index, "分工的意图很明显")["region_path"] == ["多地"]  # 四份计划放在一起看 after four sections
    assert hit(index, "高端人才不够用")["region_path"] == ["多地"]  # 这四家园区…
    assert hit(index, "应用牵引")["region_path"] == ["多地"]  # 从西安到重庆，…: two of its places
    assert hit(index, "算力如何变成生意")["region_path"] == ["多地"]  # after a 结语 head
    assert hit(index, "路径并不相同")["region_path"] == ["多地"]  # 综上，…
    assert cli_json("search", "路径并不相同", "--all", "--index", index, "-r", "合肥")["hits"] == []


def test_a_passage_going_through_several_places_of_one_city_is_that_citys(index):
    # 加快萧山区和临平区的…项目建设 in a province's report
    assert hit(index, "力争年内实现量产")["region_path"] == ["浙江省", "杭州市"]
    assert hit(index, "力争年内实现量产", "-r", "杭州")["region_path"] == ["浙江省", "杭州市"]


def test_a_numbered_paragraph_of_the_openers_rank_ends_the_section(index):
    assert hit(index, "算力调度平台")["region_path"] == ["湖南省", "长沙市"]  # （一）长沙市。… and the paragraph after
    assert hit(index, "承接长株潭产业配套")["region_path"] == ["湖南省"]  # （三）岳阳市、常德市。: two cities
    assert hit(index, "贷款贴息")["region_path"] == ["湖南省"]  # after 三、保障措施


def test_a_date_line_under_a_headline_is_not_part_of_the_title(index):
    story = doc(index, "roundup_spoken_turns.txt")
    assert story["title"] == "西部三城，谁在押注第三代半导体"  # 2026-03-02 18:40　西部产业观察 on the next line
    assert story["issued"] == "2026-03-02"


def test_a_district_report_whose_name_other_cities_share_is_settled_by_its_own_lines(index):
    assert doc(index, "xihu_district_report.txt")["region_path"] == ["江西省", "南昌市", "西湖区"]  # the delivery line
    assert doc(index, "gulou_report_signature.txt")["region_path"] == ["福建省", "福州市", "鼓楼区"]  # the signature
    assert hit(index, "软件企业41家", "-r", "福州")["region_path"] == ["福建省", "福州市", "鼓楼区"]


def test_a_first_clause_naming_a_place_and_its_session_opens_a_section(index):
    # 在刚刚闭幕的阜阳市两会上，…; 记者从日前召开的商丘市第五届人民代表大会…上获悉，…
    assert doc(index, "roundup_session_clauses.txt")["region_path"] == ["多地"]
    assert hit(index, "集成电路人才专项编制")["region_path"] == ["安徽省", "阜阳市"]
    assert hit(index, "电子材料产业园二期", "-r", "商丘")["region_path"] == ["河南省", "商丘市"]


def test_a_round_up_of_one_provinces_cities_is_that_provinces(index):
    # 1️⃣ 杭州滨江 … 4️⃣ 绍兴, each label line over its own paragraph; front matter headline / published_at
    story = doc(index, "roundup_one_province_keycaps.md")
    assert story["region_path"] == ["浙江省"]
    assert story["title"] == "省内四城的“芯”打法各不相同"
    assert story["issued"] == "2026-02-27"
    assert hit(index, "两个高纯试剂项目投产")["region_path"] == ["浙江省", "宁波市", "北仑区"]
    assert hit(index, "车规级模块产能一倍")["region_path"] == ["浙江省", "绍兴市"]  # 相比前几座城市，绍兴的…
    assert hit(index, "在招商上错位发展")["region_path"] == ["浙江省"]  # after ### 写在最后


def test_a_law_published_by_an_announcement_is_titled_and_dated_as_published(index):
    law = doc(index, "law_promulgation_notice.txt")
    assert law["title"] == "合肥市数据要素市场促进条例"
    assert law["issued"] == "2025-08-06"  # the 公告's signature, not the adoption (2025-06-20)
    assert law["doc_type"] == "地方性法规"


def test_a_reports_review_opened_by_a_lead_naming_last_year_speaks_for_it(index):
    # 2025年，全区… then a paragraph with no year, then 2026年，全区…预期目标
    assert 2025 in hit(index, "集成电路设计产业营收首次突破四百亿元")["years"]
    assert cli_json("search", "集成电路设计产业营收", "--all", "--index", index, "-y", "2025")["hits"]


def test_a_report_with_numbered_headings_and_its_delivery_line_at_the_end(index):
    report = doc(index, "report_numbered_headings.md")
    assert report["title"] == "政府工作报告"  # not the first heading, 一、2025年工作回顾
    assert report["issued"] == "2026-01-15"  # （2026年1月15日在义乌市…人民代表大会…上） at the end
    assert report["region_path"] == ["浙江省", "金华市", "义乌市"]
    assert 2026 in report["years"]


def test_a_place_named_twice_opens_its_section_and_a_place_under_it_is_its_own(index):
    assert hit(index, "车规级模块项目5个")["region_path"] == ["江苏省", "常州市"]  # 在常州，常州市…
    assert hit(index, "两座先进封装工厂", "-r", "江阴")["region_path"] == ["江苏省", "无锡市", "江阴市"]  # 无锡下辖的江阴市


def test_a_page_answering_questions_about_a_policy_is_an_explanation(index):
    page = doc(index, "policy_qa_page.html")
    assert page["doc_type"] == "政策解读"  # 《…若干政策》答记者问, not the 若干政策 itself

"""The eleventh round's classes of documents, as a user sees them: ingest tests/fixtures/round11 with the
CLI as a subprocess, read each document's facts from `docs --format json` and passages from `search
--format json`, and filter by region as an analyst would.  One test per class; the documents are in
our own words (a zone that is one area with its district, a zone paired with its district in brackets,
a forwarded provincial notice, a city's popular names, district names several cities share, a study
report on another city, a county round-up, a provincial report naming the site of one action)."""

from .fixture_cli import doc, hit, index_fixture, no_hits

index = index_fixture("round11")


def test_a_zone_that_is_one_area_with_its_district_is_that_district(index):
    # 常州国家高新区（新北区）…若干措施: 区政合一, listed in zones.toml
    measures = doc(index, "zone_one_with_district.txt")
    assert measures["region_path"] == ["江苏省", "常州市", "新北区"]
    assert measures["years"][0] == 2025
    assert hit(index, "碳化硅外延片项目", "-r", "新北区")["region_path"] == ["江苏省", "常州市", "新北区"]
    assert hit(index, "氮化镓射频器件量产")["region_path"] == ["江苏省", "常州市", "新北区"]


def test_a_zone_paired_with_its_district_in_brackets_is_that_district(index):
    # 江门高新区（江海区）…: not listed in zones.toml; the brackets say the zone and the district are one
    rules = doc(index, "zone_bracket_district.txt")
    assert rules["region_path"] == ["广东省", "江门市", "江海区"]
    assert rules["zone"] == ""
    assert hit(index, "电池管理芯片产品", "-r", "江海区")["region_path"] == ["广东省", "江门市", "江海区"]


def test_a_forwarded_provincial_notice_is_the_provinces_and_the_forwarder_keeps_its_own(index):
    # 余杭区…关于转发省经济和信息化厅关于…的通知的通知: no 附件 heading, no 《》, the province named as 省
    notice = doc(index, "forwarded_province_notice.txt")
    assert notice["region_path"] == ["浙江省", "杭州市", "余杭区"]
    assert notice["issued"] == "2025-03-03"  # the forwarder's signature, not the forwarded text's
    assert hit(index, "按销售金额的一成给予补助")["region_path"] == ["浙江省"]
    assert hit(index, "各市于2025年4月10日前汇总报送")["region_path"] == ["浙江省"]
    assert hit(index, "请各企业按时提交材料")["region_path"] == ["浙江省", "杭州市", "余杭区"]
    assert no_hits(index, "按销售金额的一成给予补助", "-r", "余杭区")


def test_a_headline_opening_with_a_citys_one_character_name_names_that_city(index):
    news = doc(index, "headline_city_nickname.md")  # 穗出台集成电路设计十条…
    assert news["region_path"] == ["广东省", "广州市"]
    assert hit(index, "共享EDA平台", "-r", "广州")["region_path"] == ["广东省", "广州市"]


def test_a_citys_popular_name_is_that_city(index):
    news = doc(index, "nickname_in_body.txt")  # 星城芯片设计企业扎堆落户
    assert news["region_path"] == ["湖南省", "长沙市"]
    assert hit(index, "显示驱动芯片成为增长最快", "-r", "长沙")["region_path"] == ["湖南省", "长沙市"]


def test_a_district_name_several_cities_share_is_settled_by_the_city_the_text_names(index):
    assert doc(index, "shared_district_zhoushan.txt")["region_path"] == ["浙江省", "舟山市", "普陀区"]
    assert no_hits(index, "海洋传感器中试基地", "-r", "上海")
    # 鼓楼区… whose text opens on 徐州经开区: 徐州's 鼓楼区, not the zone and not 南京's or 福州's
    plan = doc(index, "shared_district_zone_city.txt")
    assert plan["region_path"] == ["江苏省", "徐州市", "鼓楼区"]
    assert hit(index, "引线框架、封装基板")["region_path"] == ["江苏省", "徐州市", "鼓楼区"]
    assert no_hits(index, "引线框架、封装基板", "-r", "南京")


def test_a_study_report_on_another_city_is_the_visitors_and_its_section_on_the_city_is_that_citys(index):
    # 关于赴苏州考察学习…的报告, signed 南通市科学技术局; 一、苏州市的主要经验 … 二、我市的短板
    report = doc(index, "study_report_other_city.txt")
    assert report["region_path"] == ["江苏省", "南通市"]
    assert hit(index, "首期规模五十亿元")["region_path"] == ["江苏省", "苏州市"]
    assert hit(index, "缺乏公共中试平台")["region_path"] == ["江苏省", "南通市"]
    assert hit(index, "纳米材料中试基地")["region_path"] == ["江苏省", "南通市"]


def test_a_county_round_up_files_each_county_by_its_full_name_and_closes_on_the_whole(index):
    roundup = doc(index, "county_roundup_closing.html")
    assert roundup["region_path"] == ["多地"]
    assert hit(index, "功率器件封装企业")["region_path"] == ["湖北省", "黄冈市", "麻城市"]  # 在湖北黄冈市麻城市，…
    assert hit(index, "电子级硅材料产量")["region_path"] == ["河南省", "许昌市", "长葛市"]
    assert hit(index, "盯准一个细分环节")["region_path"] == ["多地"]  # 这些县域的共同做法是…


def test_a_place_named_as_the_site_of_one_action_in_a_provincial_report_stays_the_provinces(index):
    # the convention: a passage is filed under a place it is about (one opening with it), not under the
    # site of one action named mid-paragraph (…在遂宁建设印制电路板产业集聚区…)
    report = doc(index, "province_report_site_of_action.txt")
    assert report["region_path"] == ["四川省"]
    assert hit(index, "印制电路板产业集聚区")["region_path"] == ["四川省"]
    assert hit(index, "电磁兼容检测平台")["region_path"] == ["四川省"]
    assert hit(index, "发挥主干引领作用")["region_path"] == ["四川省", "成都市"]  # （二）成都市要…: about 成都


def test_a_forwarded_text_with_its_own_letterhead_is_its_writers_and_lends_the_notice_no_number(index):
    # 关于转发《省工信厅关于…的通知》的通知 (衢州), then 浙江省经济和信息化厅文件 / 浙经信企业〔2025〕33号 / its title
    notice = doc(index, "forwarded_letterhead_abbreviated.txt")
    assert notice["region_path"] == ["浙江省", "衢州市"]
    assert notice["doc_number"] == ""  # the number is the forwarded text's, not the notice's
    assert notice["issued"] == "2025-04-08"
    assert hit(index, "培育对象为集成电路")["region_path"] == ["浙江省"]
    assert hit(index, "浙经信企业")["region_path"] == ["浙江省"]
    assert hit(index, "请抓好落实")["region_path"] == ["浙江省", "衢州市"]


def test_a_zone_written_with_national_in_its_name_is_the_same_zone(index):
    # 合肥国家高新技术产业开发区…: 合肥高新区, a place of its own shown under 合肥市
    opinions = doc(index, "zone_national_full_name.txt")
    assert opinions["region_path"] == ["安徽省", "合肥市"]
    assert opinions["zone"] == "合肥高新区"
    assert hit(index, "量子芯片中试线", "-r", "合肥高新区")["zone"] == "合肥高新区"


def test_a_shared_district_name_in_news_is_settled_by_a_city_named_later_and_the_whole_city_is_the_citys(index):
    # 朝阳区 (北京, 长春) in the lead sentence; 长春市 named only in the last paragraph, which reports on 全市
    news = doc(index, "shared_district_news_city_later.txt")
    assert news["region_path"] == ["吉林省", "长春市", "朝阳区"]
    assert hit(index, "满产后年产值可达15亿元")["region_path"] == ["吉林省", "长春市", "朝阳区"]
    assert hit(index, "梳理光电子产业链缺口")["region_path"] == ["吉林省", "长春市"]
    assert no_hits(index, "满产后年产值可达15亿元", "-r", "北京")

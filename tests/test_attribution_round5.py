"""The fifth round's classes of documents (those blind9 showed), as a user sees them: ingest
tests/fixtures/round5 with the CLI as a subprocess, read each document's facts from `docs --format
json` and passages from `search --format json`, and filter by region as an analyst would.  One test
per class; the documents are in our own words."""

from .fixture_cli import doc, hit, index_fixture

index = index_fixture("round5")


def test_a_place_below_the_city_written_in_full_narrows_its_passage(index):
    assert hit(index, "软件园全年新增集成电路设计企业")["region_path"] == ["福建省", "福州市", "鼓楼区"]  # not 南京's 鼓楼区
    assert hit(index, "存储芯片项目二期")["region_path"] == ["福建省", "泉州市", "晋江市"]
    assert hit(index, "化合物半导体走廊")["region_path"] == ["福建省", "厦门市"]  # two of its districts: the city
    # a zone of a city whose short name is an ordinary word (文山) is still read as the zone
    found = hit(index, "硅材料中试基地")  # shown: the zone's division, the zone apart
    assert (found["region_path"], found["zone"]) == (["云南省", "文山壮族苗族自治州"], "文山高新区")


def test_a_document_about_a_zone_is_filed_under_the_zone_and_so_are_its_partners_passages(index):
    measures = doc(index, "nanjing_ftz_measures.txt")
    in_zone = (["江苏省", "南京市"], "江北新区")  # shown: the zone's division, the zone apart
    assert (measures["region_path"], measures["zone"]) == in_zone
    partners = hit(index, "共建验证平台")  # 与浦口、六合等地: partners
    assert (partners["region_path"], partners["zone"]) == in_zone
    assert hit(index, "落户奖励", "-r", "江北新区")["zone"] == "江北新区"


def test_a_joint_notice_of_two_provinces_bodies_is_multi_place_and_titled_in_full(index):
    notice = doc(index, "joint_notice_two_provinces.html")
    assert notice["region_path"] == ["多地"]
    assert notice["title"].replace(" ", "").startswith("上海市经济和信息化委员会浙江省经济和信息化厅关于")
    assert "工作动态" not in notice["title"]
    assert hit(index, "批量验证")["region_path"] == ["浙江省", "宁波市"]
    assert hit(index, "联席会议制度")["region_path"] == ["多地"]


def test_a_heading_whose_last_item_is_a_place_opens_its_section(index):
    roundup = doc(index, "roundup_heading_tails.html")
    assert roundup["region_path"] == ["多地"]  # not 北京, named once in the intro
    assert hit(index, "高铁牵引变流器")["region_path"] == ["湖南省", "株洲市"]
    assert hit(index, "工程机械电控")["region_path"] == ["广西壮族自治区", "柳州市"]
    assert hit(index, "应用端反推制造端")["region_path"] == ["多地"]  # 写在最后: about all four


def test_place_leads_and_a_closing_after_a_reporters_aside(index):
    assert hit(index, "配套树脂项目")["region_path"] == ["浙江省", "嘉兴市", "海宁市"]  # 嘉兴方面，海宁市的…
    assert hit(index, "高纯石英砂")["region_path"] == ["江苏省", "泰州市"]
    assert hit(index, "四地年度数据一览")["region_path"] == ["多地"]
    assert hit(index, "上下游衔接")["region_path"] == ["多地"]  # 记者注意到，四座城市都…


def test_a_delivered_report_is_issued_by_the_speaking_government_not_the_posting_office(index):
    assert doc(index, "prefecture_report_publisher.html")["issuer"] == "黔东南苗族侗族自治州人民政府"
    assert doc(index, "district_report_publisher.md")["issuer"] == "上海市闵行区人民政府"  # a district with its city


def test_a_zone_of_a_county_level_city_is_the_city(index):
    assert doc(index, "county_city_zone.txt")["region_path"] == ["湖北省", "仙桃市"]
    assert hit(index, "电池隔膜基材项目")["region_path"] == ["湖北省", "仙桃市"]

"""The twelfth round's classes of documents, as a user sees them: ingest tests/fixtures/round12 with the
CLI as a subprocess, read each document's facts from `docs --format json` and passages from `search
--format json`, and filter by region as an analyst would.  One test per class; the documents are in
our own words (a district name several cities share in a district's own policy that names partner
places in its city; a city forwarding its province's text, with or without 《》 and the 的 of the
original title)."""

from .fixture_cli import doc, hit, index_fixture, no_hits

index = index_fixture("round12")


def test_a_shared_district_name_is_the_district_of_the_city_its_partner_places_lie_in(index):
    # 江北区 (重庆 / 宁波) naming 渝北区 and 两江新区 as partners: 重庆's 江北区, not 渝北区
    measures = doc(index, "shared_district_chongqing_jiangbei.txt")
    assert measures["region_path"] == ["重庆市", "江北区"]
    assert measures["years"][0] == 2025
    assert hit(index, "按实际租金的40%给予补贴")["region_path"] == ["重庆市", "江北区"]
    assert hit(index, "封装测试企业开展联合攻关", "-r", "江北区")["region_path"] == ["重庆市", "江北区"]
    assert no_hits(index, "封装测试企业开展联合攻关", "-r", "渝北区")
    # 朝阳区 (北京 / 长春) naming 海淀区中关村 and 亦庄 as partners: 北京's 朝阳区
    policy = doc(index, "shared_district_beijing_chaoyang.txt")
    assert policy["region_path"] == ["北京市", "朝阳区"]
    assert hit(index, "晶圆厂开展流片合作")["region_path"] == ["北京市", "朝阳区"]
    assert no_hits(index, "晶圆厂开展流片合作", "-r", "海淀区")
    # 鼓楼区 of a 福州 document naming 仓山区 and 马尾区 (a city with provinces above it: as before)
    assert doc(index, "shared_district_fuzhou_gulou.txt")["region_path"] == ["福建省", "福州市", "鼓楼区"]


def test_a_forwarding_notice_is_a_notice_and_its_attached_provincial_text_is_the_provinces(index):
    # 株洲市人民政府办公室转发省发展改革委等部门关于…实施意见的通知: no 附件 heading, no 《》, and the
    # attached title has a 的 the notice's title leaves out; the writer (省…) is named only in the title
    notice = doc(index, "forwarded_province_opinions_no_de.txt")
    assert notice["doc_type"] == "通知"
    assert notice["region_path"] == ["湖南省", "株洲市"]
    assert notice["issued"] == "2025-05-12"
    assert notice["doc_number"] == "株政办发〔2025〕14号"
    assert hit(index, "高纯靶材企业建设中试线")["region_path"] == ["湖南省"]
    assert hit(index, "每年认定省级特色园区2个")["region_path"] == ["湖南省"]
    assert hit(index, "培育电子陶瓷和高纯硅材料配套企业")["region_path"] == ["湖南省", "株洲市"]
    assert no_hits(index, "高纯靶材企业建设中试线", "-r", "株洲")
    # 关于转发《省经信厅关于…若干措施》的通知, the attached title written out (湖北省经济和信息化厅关于…的若干措施)
    forwarded = doc(index, "forwarded_quoted_measures.txt")
    assert forwarded["doc_type"] == "通知"
    assert forwarded["region_path"] == ["湖北省", "襄阳市"]
    assert forwarded["issued"] == "2024-08-26"
    assert hit(index, "车规级功率模块量产")["region_path"] == ["湖北省"]
    assert hit(index, "拟支持项目清单报送市经信局")["region_path"] == ["湖北省", "襄阳市"]


def test_a_stale_container_title_gives_way_to_the_notice_that_publishes_the_plan(index):
    # a .docx whose core title stops short of the period its body's title line carries (…三年行动计划
    # over …三年行动计划（2025—2027年）): the first line that holds it, the 印发 notice's title
    plan = doc(index, "stale_core_title_plan.docx")
    assert plan["title"] == "湖南省人民政府办公厅关于印发湖南省先进封装产业发展三年行动计划（2025—2027年）的通知"
    assert plan["doc_type"] == "行动计划"
    assert plan["region_path"] == ["湖南省"]
    # a core title that is the plan's whole title, period included, stays
    assert doc(index, "full_core_title_plan.docx")["title"] == "贵州省电子元器件产业提升方案（2024—2026年）"


def test_the_year_before_in_a_dated_notice_counts_from_its_signature(index):
    # 上一年度内投保… in a notice signed 2025-05-22: 2024
    notice = doc(index, "relative_year_notice.txt")
    assert notice["years"] == [2025]
    assert 2024 in hit(index, "投保首台套产品质量险")["years"]
    assert hit(index, "按实际保费的80%给予补偿")["years"] == [2025]

"""Attribution, fourteenth round (blind19 as the development set, then classes seen across the held-out sets'
misses).  Each class is checked through the CLI as a subprocess (ingest, then `docs` / `search --format json`)
on documents written for this test in our own words (tests/fixtures/round14/)."""

from .fixture_cli import doc, hit, index_fixture, no_hits

index = index_fixture("round14")


def test_a_numbered_task_about_the_province_s_own_fund_stays_with_the_province(index):
    # (一)培育…。推进海东市…建设…。设立省级…资金: 海东市 only in passing, the passage is the province's action
    report = doc(index, "province_tasks_own_fund.txt")
    assert report["region_path"] == ["青海省"]
    assert report["years"][0] == 2026
    assert report["doc_type"] == "政府工作报告"
    assert hit(index, "绿色算力发展引导资金")["region_path"] == ["青海省"]
    # a task that opens with its city is still that city's
    assert hit(index, "单晶硅片扩产项目")["region_path"] == ["青海省", "西宁市"]


def test_a_numbered_task_about_the_city_s_own_fund_stays_with_the_city(index):
    plan = doc(index, "city_plan_own_fund.txt")
    assert plan["region_path"] == ["安徽省", "芜湖市"]
    assert plan["years"][:3] == [2026, 2027, 2028]
    assert hit(index, "功率半导体专项资金")["region_path"] == ["安徽省", "芜湖市"]
    assert hit(index, "可靠性测试中心")["region_path"] == ["安徽省", "芜湖市", "无为市"]


def test_a_zone_across_districts_is_shown_under_its_city_not_one_district(index):
    # 北京经济技术开发区 (亦庄) lies across 大兴区 and 通州区: a zone of its own under 北京市, like 两江新区
    measures = doc(index, "yizhuang_equipment_measures.txt")
    assert measures["region_path"] == ["北京市"]
    assert measures["years"][0] == 2026
    assert measures["doc_type"] == "若干政策"  # 若干措施 is typed 若干政策 (doctypes.toml)
    assert hit(index, "首台套验证")["region_path"] == ["北京市"]
    assert no_hits(index, "首台套验证", "-r", "大兴区")
    assert hit(index, "首台套验证", "-r", "北京")["region_path"] == ["北京市"]
    roundup = doc(index, "capital_chip_roundup_zones.md")
    assert roundup["region_path"] == ["多地"]
    assert hit(index, "量测的本地配套")["region_path"] == ["北京市"]
    assert hit(index, "显示面板配套材料")["region_path"] == ["河北省", "廊坊市", "固安县"]


def test_a_summary_after_the_last_city_is_the_whole_province_s(index):
    # 整体看，… and 🔚 总的来看，… (a summary lead after marks that are no letters) close the last city's section
    news = doc(index, "hubei_cities_closing.txt")
    assert news["region_path"] == ["湖北省"]
    assert news["years"][0] == 2026
    assert news["doc_type"] == "新闻综述"
    assert hit(index, "湿电子化学品产能")["region_path"] == ["湖北省", "宜昌市"]
    assert hit(index, "协同分工有待加强")["region_path"] == ["湖北省"]
    roundup = doc(index, "sichuan_cities_emoji_closing.md")
    assert roundup["region_path"] == ["四川省"]
    assert hit(index, "多晶硅材料产能")["region_path"] == ["四川省", "乐山市"]
    assert hit(index, "链条逐步成形")["region_path"] == ["四川省"]


def test_a_new_area_run_by_one_city_is_shown_under_that_city(index):
    # 贵安新区 lies across 贵阳市 and 安顺市, but 贵阳市 has run it since late 2020 (贵阳贵安融合发展): a zone of its own
    # under 贵阳市, as 深汕 is under 深圳市 (since session 56; under 贵州省 before, as 赣江新区 still is)
    measures = doc(index, "guian_compute_measures.txt")
    assert measures["region_path"] == ["贵州省", "贵阳市"]
    assert measures["years"][0] == 2026
    assert measures["doc_type"] == "若干政策"
    assert hit(index, "算力券")["region_path"] == ["贵州省", "贵阳市"]
    assert not no_hits(index, "算力券", "-r", "贵阳")
    assert no_hits(index, "算力券", "-r", "安顺")
    points = doc(index, "guizhou_report_zone_task.txt")
    assert points["region_path"] == ["贵州省"]
    assert hit(index, "万卡级智算集群")["region_path"] == ["贵州省", "贵阳市"]
    assert hit(index, "电子元器件产业园建设")["region_path"] == ["贵州省", "遵义市"]


def test_places_listed_then_counted_are_the_group_not_the_last_section(index):
    # 湘潭、衡阳、岳阳三市也在…: the places as a group (a province's round-up: the province), not 株洲's section
    news = doc(index, "hunan_reports_listed_count.txt")
    assert news["region_path"] == ["湖南省"]
    assert news["years"][0] == 2026
    assert hit(index, "扩大IGBT模块产能")["region_path"] == ["湖南省", "株洲市"]
    assert hit(index, "尚未形成独立的芯片项目")["region_path"] == ["湖南省"]
    roundup = doc(index, "delta_listed_count.md")
    assert roundup["region_path"] == ["多地"]
    assert hit(index, "封装基板项目")["region_path"] == ["浙江省", "宁波市"]
    # the places listed after the sections, both 江苏's: what they share (since session 44; before, the round-up's 多地)
    assert hit(index, "签约名单")["region_path"] == ["江苏省"]


def test_a_district_opening_a_later_clause_as_its_subject_files_the_city_s_passage(index):
    # 江门则瞄准…，蓬江区上半年签约…: the district is the clause's subject (a time or 一家 follows it)
    roundup = doc(index, "pearl_river_district_clause.md")
    assert roundup["region_path"] == ["广东省"]
    assert roundup["years"][0] == 2026
    assert hit(index, "车规模块项目")["region_path"] == ["广东省", "江门市", "蓬江区"]
    news = doc(index, "yunnan_cities_district_clause.txt")
    assert news["region_path"] == ["云南省"]
    assert news["doc_type"] == "新闻综述"
    assert hit(index, "单晶硅企业完成二期扩产")["region_path"] == ["云南省", "曲靖市", "麒麟区"]
    # 今年…，呈贡区将建设…: the district is the subject of 将建设 (not a site after 支持/在)
    assert hit(index, "光电子器件产业园")["region_path"] == ["云南省", "昆明市", "呈贡区"]

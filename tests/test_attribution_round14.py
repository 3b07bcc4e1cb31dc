"""Attribution, fourteenth round (blind19 as the development set, then classes seen across the held-out sets'
misses).  Each class is checked through the CLI as a subprocess (ingest, then `docs` / `search --format json`)
on documents written for this test in our own words (tests/fixtures/round14/)."""

from .fixture_cli import doc, hit, index_fixture

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

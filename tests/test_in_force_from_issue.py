"""A policy in force from the day it is issued for a stated time (自印发之日起施行，有效期三年; …有效期至2026年
12月31日) speaks for the years from its date of issue to the end: it spoke for its year of issue alone."""

from __future__ import annotations

from tests.clirun import documents_of

_BODY = "关于支持低空经济产业发展的若干措施\n\n一、对新落地的整机制造企业给予落户奖励。\n\n二、{end}\n\n肇庆市人民政府\n{date}\n"


def test_the_years_in_force_run_from_the_date_of_issue(tmp_path):
    found = documents_of(tmp_path, {
        "three.txt": _BODY.format(end="本措施自印发之日起施行，有效期三年。", date="2025年6月18日"),
        "until.txt": _BODY.format(end="本措施自发布之日起实施，有效期至2026年12月31日。", date="2024年11月5日"),
        "plain.txt": _BODY.format(end="本措施由市工业和信息化局负责解释。", date="2025年6月18日"),
    })
    assert found["three.txt"]["years"] == [2025, 2026, 2027, 2028]  # to 17 June 2028 (session 27: N years less a day)
    assert found["until.txt"]["years"] == [2024, 2025, 2026]
    assert found["plain.txt"]["years"] == [2025]

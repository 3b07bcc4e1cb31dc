"""A target restated next year with another word for the same level (达到 → 突破, 超过) is the same
target moved (data/changes.toml same_level); a stretch goal (力争) beside the level stays its own."""

from __future__ import annotations

from tests.clirun import changes_of

REPORT = """# {year}年铜陵市政府工作报告

铜陵市人民政府

{year}年1月9日

二、{year}年重点工作

{body}

持续优化营商环境，推动各项政策落地见效。
"""


def _moved(payload: dict) -> list[tuple]:
    return sorted((m["metric"], m["from"], m["to"]) for row in payload["changed"] for m in row["moved"])


def test_a_level_restated_with_another_level_word_moved(tmp_path):
    payload = changes_of(tmp_path, {
        2024: REPORT.format(year=2024, body="做大铜基新材料产业，铜基新材料产业产值达到800亿元，新培育链主企业3家。"),
        2025: REPORT.format(year=2025, body="做大铜基新材料产业，铜基新材料产业产值突破950亿元，新培育链主企业5家。"),
    }, "铜陵")
    assert ("铜基新材料产业产值", 800, 950) in _moved(payload), payload["changed"]


def test_a_stretch_goal_pairs_with_the_stretch_goal_and_the_level_with_the_level(tmp_path):
    payload = changes_of(tmp_path, {
        2024: REPORT.format(year=2024, body="铜箔产业营业收入超过120亿元、力争150亿元。"),
        2025: REPORT.format(year=2025, body="铜箔产业营业收入达到140亿元、力争170亿元。"),
    }, "铜陵")
    assert _moved(payload) == [("铜箔产业营业收入", 120, 140), ("铜箔产业营业收入", 150, 170)], payload["changed"]

"""A paragraph of a one-place story whose subject is another place is that place's (session 30; h-blind29g).

A story about one district that goes on `同日，南京江北新区发布了…`, or a story about a county-level city that says
`凉山州也在同步推进…`, kept the story's place on that paragraph, so `-r 江北新区` missed what 江北新区 did.  Now a
paragraph that opens with another place followed by what marks it as the subject (也, 已, 将, 发布, 举办…:
regions.toml elsewhere_subject) is that place's, unless it names the story's own place, its level (我区, 全市) or
points back to one (该市, 当地).  Through the CLI, on stories in our own words."""

from __future__ import annotations

from tests.conftest import ingest_docs, jsonl

STORY = """宝安区发布智能终端产业扶持计划

9月12日，深圳市宝安区发布智能终端产业扶持计划，首批安排资金三亿元。

当天，深圳市南山区也举办了集成电路设计企业对接会，二十余家企业签约。

据了解，广东省出台的芯片设计补贴政策在当地已率先兑现，首批企业已拿到补贴。

（深圳特区报 2026年9月13日）
"""

COUNTY_STORY = """义乌跨境电商园新添智能仓

义乌市国际陆港内新建的智能仓库近日投用，日处理包裹能力达到八十万件。

金华市已将跨境电商列为今年重点扶持的产业，各县市区同步推进海外仓布局。

（金华日报 2026年4月2日）
"""


def _place(index: str, phrase: str) -> list[str]:
    return jsonl("search", phrase, "--index", index)[0]["region_path"]


def test_a_sibling_district_that_acts_is_its_own_place(tmp_path):
    index = ingest_docs(tmp_path, {"story.md": STORY})
    assert _place(index, "集成电路设计企业对接会") == ["广东省", "深圳市", "南山区"]
    assert _place(index, "首批安排资金") == ["广东省", "深圳市", "宝安区"]


def test_the_city_above_that_acts_is_its_own_place(tmp_path):
    index = ingest_docs(tmp_path, {"story.md": COUNTY_STORY})
    assert _place(index, "海外仓布局") == ["浙江省", "金华市"]
    assert _place(index, "日处理包裹") == ["浙江省", "金华市", "义乌市"]


def test_a_paragraph_pointing_back_to_the_story_place_keeps_it(tmp_path):
    index = ingest_docs(tmp_path, {"story.md": STORY})
    assert _place(index, "芯片设计补贴政策") == ["广东省", "深圳市", "宝安区"]

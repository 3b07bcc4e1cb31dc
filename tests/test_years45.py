"""Years, session 45 (the h-blind45 sets), on documents in our own words, through the CLI.

- (c) A paragraph that opens on the last few years (`近三年，…`, `三年来，…`) looks back over as many years, ending with
  the one it otherwise speaks for (a 2025 report's review: 2022–2024); it was that one year alone.  Not a condition
  inside a sentence (`对近三年未发生重大安全事故的企业…`).
- (c) An edition named by its year (`在2022年版若干措施基础上`) is the former text's, not a year the passage speaks for.
- (c) A date from which what a policy says holds (`对2025年1月1日以后竣工投产的项目`) speaks for the policy's years from
  it to the end (2025–2027; `2026年1月1日以后`: 2026–2027), not for that year alone.
- (a) In a story's look-back, a sentence naming no year but pointing back to the one before it (`这一年，…`, a quote and
  `…回忆说`) keeps the paragraph looking back: `2018年，…。“那时候…”…回忆说。` is 2018's alone (it was 2018 and the story's
  2025).
- (h-review45) Not over-reached: a condition opening on `近三年，` (`…条件：近三年，企业研发投入…不低于5%`) keeps the
  policy's years; a look-back sentence that also speaks of now (`当时…3家，现在已发展到21家`) keeps the story's year too.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, passage_finder

RECENT = """蜀山区2025年政府工作报告
——2025年1月9日在合肥市蜀山区第十八届人民代表大会第五次会议上
合肥市蜀山区人民政府区长　某某

一、2024年工作回顾
2024年，全区地区生产总值增长6.2%，集成电路设计企业新增23家。
近三年，全区累计引进集成电路项目45个，设计产业规模翻了一番。
二、2025年工作安排
今年，全区将新建芯片设计孵化载体2个，集成电路产业营收增长15%以上。
对近三年未发生重大安全事故的企业，优先推荐申报省级示范项目。
"""

EDITION = """关于印发江西省支持半导体材料产业发展若干措施（2025年修订）的通知
赣府厅发〔2025〕12号

各市人民政府，省政府各部门：
此次修订在2022年版若干措施基础上，进一步加大对电子化学品和靶材企业的支持力度，请认真贯彻执行。
本措施自2025年6月1日起施行，有效期至2027年12月31日。
一、对2026年1月1日以后新认定的省级半导体材料企业技术中心，给予一次性奖励100万元。
二、对2025年1月1日以后竣工投产的材料项目，按设备投资额的10%给予补助。
三、申报企业应符合以下条件：近三年，企业研发投入占营业收入比例不低于5%。
江西省人民政府办公厅
2025年5月20日
"""

LOOK_BACK = """从一栋旧厂房到一座封测园：麻城芯片封装的七年
来源：某某日报2025-09-03

2018年，麻城市在经济开发区东区腾出一栋闲置厂房，引进了第一家芯片封装企业。“那时候连一台像样的设备都没有。”企业创始人回忆说。
转折出现在2021年。这一年，园区建成首条功率器件封装线，当年实现产值6亿元。
如今，园区已集聚封测企业21家，今年上半年产值同比增长24%。
2020年，园区引进第一条测试线。当时园区仅有封测企业3家，现在已发展到21家。
"""


@pytest.fixture(scope="module")
def row(tmp_path_factory):
    index = ingest_docs(tmp_path_factory.mktemp("years45"), {"RECENT.txt": RECENT, "EDITION.txt": EDITION, "LOOK_BACK.txt": LOOK_BACK})
    return passage_finder(index, "的 OR 年 OR 区 OR 企业 OR 项目 OR 修订")


@pytest.mark.parametrize("start, years", [("2024年，全区", [2024]), ("近三年，全区", [2022, 2023, 2024]), ("今年，全区将", [2025]),
                                          ("对近三年未发生", [2025])])
def test_a_paragraph_opening_on_the_last_few_years_looks_back_over_them(row, start, years):
    assert row("RECENT", start)["years"] == years


@pytest.mark.parametrize("start, years", [("此次修订在2022年版", [2025, 2026, 2027]), ("一、对2026年1月1日以后", [2026, 2027]),
                                          ("二、对2025年1月1日以后", [2025, 2026, 2027]), ("三、申报企业应符合", [2025, 2026, 2027])])
def test_an_editions_year_adds_none_and_a_start_date_runs_to_the_policys_end(row, start, years):
    assert row("EDITION", start)["years"] == years


@pytest.mark.parametrize("start, years", [("2018年，麻城市", [2018]), ("转折出现在2021年", [2021]), ("如今，园区", [2025]),
                                          ("2020年，园区引进", [2020, 2025])])
def test_a_sentence_pointing_back_keeps_a_storys_look_back(row, start, years):
    assert row("LOOK_BACK", start)["years"] == years

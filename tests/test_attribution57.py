"""Session 57: attribution on documents nobody tuned for (blind sets h57 a to e, written by helpers in their own words
against a frozen f1621ae, and classes left open by session 56).  Each test is a class of case, in my own words, through
the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, years_by_start as _years


def test_years_ahead_in_a_text_dated_the_year_before_its_period_count_from_the_period(tmp_path):
    """(session 56's leftover) In a plan or 建议 dated the year before the years it is for, 今后五年 and 未来三年 are those
    years, not the writer's year and the four after it; 去年 is still the writer's year's last; and the bracketed line
    dating the text's adoption speaks for that year alone (and is no wrapped line of the title above it, however short
    the text). A work report's 今后五年 still counts from its own year."""
    plan = """中共镇江市委关于制定镇江市国民经济和社会发展第十五个五年规划的建议

（2025年12月9日中国共产党镇江市第九届委员会第十一次全体会议通过）

今后五年，镇江要把集成电路材料产业打造成为千亿级产业集群。

去年，全市电子材料产业营收增长18%。
"""
    index = _ingest(tmp_path / "a", "advice.txt", plan)
    dated = _years(index, "镇江 OR 全市")
    titles = {row["title"] for row in jsonl("search", "镇江", "--all", "--index", index)}
    assert titles == {"中共镇江市委关于制定镇江市国民经济和社会发展第十五个五年规划的建议"}  # (a short text: the date line is no wrap)
    assert dated["（2025年"] == [2025]
    assert dated["今后五年，镇"] == [2026, 2027, 2028, 2029, 2030]
    assert dated["去年，全市电"] == [2024]
    action = """芜湖市功率半导体产业三年行动方案（2026—2028年）

（二〇二五年十二月二十二日印发）

未来三年，全市功率半导体产业规模年均增长20%以上。
"""
    index = _ingest(tmp_path / "b", "action.txt", action)
    dated = _years(index, "芜湖 OR 全市 OR 印发")
    assert dated["（二〇二五年"] == [2025]
    assert dated["未来三年，全"] == [2026, 2027, 2028]
    report = """2023年扬州市政府工作报告

——2023年1月9日在扬州市第九届人民代表大会第三次会议上

今后五年，全市半导体产业规模力争翻一番。
"""
    index = _ingest(tmp_path / "c", "report.txt", report)
    assert _years(index, "全市")["今后五年，全"] == [2023, 2024, 2025, 2026, 2027]


def test_an_audits_rectification_speaks_for_the_year_it_is_delivered(tmp_path):
    """(h56b-c) An audit's report on a year, delivered the next year: its section and paragraphs on putting right what
    the audit found (…整改情况; 对审计发现的问题，…截至2025年6月底，已整改…; 上年度审计…已整改到位) speak for the year the report is
    delivered, not the audited year; its findings keep the audited year, and its dash date line its own year."""
    text = """关于2024年度省级预算执行和其他财政收支的审计工作报告

——2025年7月28日在安徽省第十四届人民代表大会常务委员会第十八次会议上

安徽省审计厅厅长　李华

一、省级预算执行审计情况

2024年，省级半导体产业发展资金下达4.5亿元，支持项目62个。

二、审计发现的主要问题

个别市县未按规定用途使用半导体产业发展资金，涉及金额3900万元。

三、审计查出问题的整改情况

对审计发现的问题，省审计厅已依法出具审计报告。截至2025年6月底，有关单位已整改问题金额2.6亿元，追回资金1200万元。

上年度审计指出的园区厂房闲置问题已基本整改到位。

四、审计建议

加强半导体产业发展资金绩效管理。
"""
    index = _ingest(tmp_path, "audit.txt", text)
    dated = _years(index, "审计 OR 资金 OR 整改 OR 会议")
    assert dated["——2025"] == [2025]
    assert dated["2024年，"] == [2024]
    assert dated["个别市县未按"] == [2024]
    assert dated["三、审计查出"] == [2025]
    assert dated["对审计发现的"] == [2025]
    assert dated["上年度审计指"] == [2025]

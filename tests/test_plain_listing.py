"""The search listing for a pipe or a file is plain text without rich: it must read exactly as
rich prints the same hits without colour, and fall back to rich where rich would rewrite text."""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console

from icpolicy.models import Hit
from icpolicy.views import plain, render


def _hit(text: str, spans, title: str = "苏州市支持芯片设计企业发展的若干措施", matched=("芯片",), years=(2024, 2025), segments=("design",)) -> Hit:
    return Hit(doc_id="bcdfghjkmnpq", title=title, source="/tmp/docs/苏州芯片.txt", doc_type="若干措施", region="苏州市",
               region_path=["江苏省", "苏州市"], years=list(years), segments=list(segments), passage=3, text=text,
               highlights=list(spans), score=1.5, matched=list(matched))


def _rich(found, spread_args) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, highlight=False, width=100_000, soft_wrap=True, color_system=None)
    render.hits(console, found)
    console.print(render.spread_line(*spread_args))
    return buffer.getvalue()


def test_plain_listing_reads_as_rich_prints_it():
    long_text = "对从事芯片设计的企业给予流片补贴，" * 30 + "并对[bold]首轮流片[/bold]给予奖励。"
    found = [
        _hit("对年度研发投入超过一千万元的芯片设计企业，按其投入的百分之十给予补助。", [(12, 14)]),
        _hit(long_text, [(3, 5), (400, 402)], title="", matched=(), years=(), segments=()),
        _hit("支持 EDA 工具与 IP 核的研发：emoji :smile: 不变。", [(3, 6)], matched=("EDA", "IP核（IP）")),
    ]
    spread = (42, 17, 3, Counter({"江苏省": 30, "上海市": 12}), Counter({2024: 20, 2025: 22}))
    text = plain.listing(found, plain.spread_parts(*spread))
    assert text == _rich(found, spread)
    assert "  ·  regions: 江苏省 30, 上海市 12" in text and "(showing 3; -n N or --all for more)" in text


def test_text_that_rich_would_rewrite_is_left_to_rich():
    found = [_hit("第一条\t支持芯片设计企业。", [(4, 6)])]
    spread = (1, 1, 1, Counter(), Counter())
    assert plain.listing(found, plain.spread_parts(*spread)) is None
    assert "\t" not in _rich(found, spread)  # rich expands the tab: the listing must not differ from it

"""Session 50: attribution on documents nobody tuned for (four blind sets, h50 g, h, i and j, written by helpers in
their own words against a frozen 26512eb).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import ingest_docs, jsonl


def _ingest(tmp_path, name: str, text: str):
    """Ingest one text file (NAME) through the CLI into tmp_path/ix; returns the index folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return ingest_docs(tmp_path, {name: text})


def _regions(index, term: str) -> dict[str, str]:
    """The region path of every passage holding term, keyed by the passage's first six characters."""
    return {row["text"][:6]: "/".join(row["region_path"]) for row in jsonl("search", term, "--all", "--index", index)}


@pytest.mark.parametrize("lead, county", [("仙居：", "浙江省/台州市/仙居县"), ("盈江丨", "云南省/德宏傣族景颇族自治州/盈江县")])
def test_a_headline_led_by_a_county_short_name_is_that_county_story(tmp_path, lead, county):
    """(h50-g) A story headlined by a county's short name and a colon (西昌：…, 孟连：…) whose text never writes the
    county in full went to a city it shipped to, or stayed at the county's city or province."""
    short = lead[:-1]
    text = f"""{lead}小县城里的芯片封装车间
2025-06-18　来源：本地日报

在{short}的电子产业园，一家封装企业的生产线正在满负荷运转，产品发往杭州、深圳的整机厂。
今年上半年，{short}电子信息产业产值同比增长百分之十八，新引进配套企业六家。
"""
    index = _ingest(tmp_path, "county.txt", text)
    found = _regions(index, "产业")
    assert found["今年上半年，"] == county
    assert found[f"在{short}的电子"] == county

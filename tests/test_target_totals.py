"""A total stated after a figure of its sentence (新增…企业9家，总数达到57家) is the total of what that figure
measures: its metric names both, so `targets 单项冠军` lists it (its metric was 总数 alone before, which the
query did not mention)."""

from __future__ import annotations

import json

from tests.conftest import cli, ingest_docs

_REPORT = ("# 2025年绵阳市政府工作报告\n\n绵阳市人民政府\n\n2025年1月15日\n\n一、2024年工作回顾\n\n"
           "制造业提质增效，新增国家级制造业单项冠军企业9家，总数达到57家。全市电子信息产业营业收入增长11.3%，总量突破4200亿元。\n\n"
           "二、2025年重点工作\n\n推动优质企业梯度培育，力争高新技术企业总数超过1800家。\n")


def _rows(index: str, query: str) -> list[dict]:
    done = cli("targets", query, "--all", "-f", "json", "--index", index)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["targets"]


def test_a_total_after_a_count_is_the_total_of_what_it_counts(tmp_path):
    index = ingest_docs(tmp_path, {"mianyang.md": _REPORT})
    rows = {(r["value"], r["metric"]) for r in _rows(index, "单项冠军")}
    assert rows == {(9, "国家级制造业单项冠军企业"), (57, "国家级制造业单项冠军企业总数")}
    assert (4200, "电子信息产业营业收入总量") in {(r["value"], r["metric"]) for r in _rows(index, "营业收入")}
    assert (1800, "高新技术企业总数") in {(r["value"], r["metric"]) for r in _rows(index, "高新技术企业")}

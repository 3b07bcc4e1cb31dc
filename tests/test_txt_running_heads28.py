"""A running head in a text saved from a PDF, seen once or first inside a sentence (session 28, h-formats28).

A .txt saved from a PDF keeps each page's head after the page number.  The head was dropped only when a later copy,
too, cut a sentence: a two-page text's only head, and a head whose later copy stood after a sentence's end, were
glued into the sentence running over the page (`…每年最高补助五百万沙坪坝区经济和信息化委员会` / `元，所需资金…`),
which was cut into two passages.  Now a short line with no clause mark that stands between a wrapped line running on
and the line going on with its sentence is a head (pages._splits_sentence), and so are its later copies atop a page.
Through the CLI, on files written here in our own words."""

from __future__ import annotations

from tests.conftest import cli, ingest_docs, jsonl

_HEAD = "重庆市沙坪坝区经济和信息化委员会"

_TWO_PAGES = f"""重庆市沙坪坝区智能终端产业扶持办法

　　支持企业建设智能终端整机和模组产线，对设备投资额超过五亿元的项目按实际
投资的百分之八给予补助，单个项目最高不超过五千万元。对首次通过车规认证的
芯片企业，按照认证费用的百分之五十给予补助，每家企业每年最高补助三百万

- 1 -

{_HEAD}
元，所需资金由区财政统筹安排。鼓励整机企业优先采购本地芯片和模组产品，
对年度采购额超过一亿元的企业给予奖励。

- 2 -
"""

_THREE_PAGES = _TWO_PAGES.replace("\n- 2 -\n", f"""
- 2 -

{_HEAD}
　　支持区内高校与企业共建智能终端联合实验室，对认定的实验室给予一次性支持
一百万元。

- 3 -
""")


def test_a_head_seen_once_inside_a_sentence_is_dropped(tmp_path):
    index = ingest_docs(tmp_path, {"measures.txt": _TWO_PAGES})
    text = jsonl("search", "每家企业每年最高补助三百万元", "--index", index)[0]["text"]
    assert "三百万元，所需资金由区财政统筹安排" in text and _HEAD not in text
    assert _nowhere(index)


def test_its_later_copy_after_a_sentence_end_goes_too(tmp_path):
    index = ingest_docs(tmp_path, {"measures.txt": _THREE_PAGES})
    assert _nowhere(index)
    assert len(jsonl("search", "联合实验室", "--index", index)) == 1


def _nowhere(index: str) -> bool:
    """The head is in no passage: search finds nothing (exit 1, no output)."""
    done = cli("search", _HEAD, "--index", index, "-f", "jsonl")
    return done.returncode == 1 and done.stdout == ""

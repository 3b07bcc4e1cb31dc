"""h-user39's defects in the views (session 39), on reports in our own words, through the CLI.

- `changes` into a pipe or a file wrapped its side-by-side table at 60 columns, so `grep` for a sentence found nothing:
  off a terminal it prints each sentence whole on its own line, as a diff does (`- ` the earlier year's, `+ ` the later's).
- `compare '… region:苏州' -r 苏州 -r 无锡` added 苏州's passages to 无锡's column, and `changes` dropped filters written
  inside QUERY without a word: both refuse them (exit 2), naming what to give instead.
- `targets 光伏` where passages match but none states a quantity said "nothing matched": it says how many passages
  match and that none states one.
- `-f csv -o` a workbook icpolicy wrote said the file was "not results icpolicy wrote": it says the results are text.
"""

from __future__ import annotations

import json

from tests.conftest import cli, ingest_docs, jsonl

OLD = """宜兴市2024年政府工作报告

——2024年1月18日在宜兴市第十八届人民代表大会第三次会议上

一、2023年工作回顾

过去一年，全市半导体材料产业营业收入达到210亿元，电子特气、湿化学品和靶材三条链条初步成形，龙头企业加快集聚。

二、2024年主要任务

推进光伏玻璃产线技术改造，支持企业开展节能降碳。
"""

NEW = """宜兴市2025年政府工作报告

——2025年1月16日在宜兴市第十八届人民代表大会第四次会议上

一、2024年工作回顾

过去一年，全市半导体材料产业营业收入达到245亿元，电子特气、湿化学品和靶材三条链条初步成形，龙头企业加快集聚。

二、2025年主要任务

建设半导体材料检测公共服务平台，为园区企业提供纯度检测、失效分析和认证服务。
"""


def _two_years(tmp_path, place: tuple[str, ...], old: str, new: str) -> str:
    """A place's 2024 and 2025 texts in a folder named by its path, ingested; the index folder."""
    folder = tmp_path.joinpath("docs", *place)
    folder.mkdir(parents=True)
    (folder / "2024.txt").write_text(old, encoding="utf-8")
    (folder / "2025.txt").write_text(new, encoding="utf-8")
    return ingest_docs(tmp_path)


def _index(tmp_path) -> str:
    return _two_years(tmp_path, ("江苏省", "无锡市", "宜兴市"), OLD, NEW)


def test_changes_off_a_terminal_keeps_each_sentence_whole(tmp_path):
    index = _index(tmp_path)
    done = cli("changes", "-r", "宜兴", "--from", "2024", "--to", "2025", "--index", index)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "- 过去一年，全市半导体材料产业营业收入达到210亿元，电子特气、湿化学品和靶材三条链条初步成形，龙头企业加快集聚。" in lines
    assert "+ 过去一年，全市半导体材料产业营业收入达到245亿元，电子特气、湿化学品和靶材三条链条初步成形，龙头企业加快集聚。" in lines
    assert "+ 建设半导体材料检测公共服务平台，为园区企业提供纯度检测、失效分析和认证服务。" in lines
    assert "- 推进光伏玻璃产线技术改造，支持企业开展节能降碳。" in lines
    assert not [line for line in lines if "│" in line]  # no table


def test_filters_inside_query_that_a_view_would_not_apply_are_refused(tmp_path):
    index = _index(tmp_path)
    done = cli("compare", "半导体 region:宜兴", "-r", "宜兴", "-r", "江阴", "--index", index)
    assert done.returncode == 2 and "region:宜兴 in QUERY" in done.stderr and "-r" in done.stderr, done.stderr
    done = cli("changes", "半导体 type:行动方案", "-r", "宜兴", "--from", "2024", "--to", "2025", "--index", index)
    assert done.returncode == 2 and "type:行动方案 in QUERY" in done.stderr and "--type" in done.stderr, done.stderr
    assert cli("changes", "半导体", "-r", "宜兴", "--from", "2024", "--to", "2025", "--index", index).returncode == 0


def test_targets_says_when_passages_match_but_state_no_quantity(tmp_path):
    index = _index(tmp_path)
    done = cli("targets", "光伏", "--index", index)
    assert done.returncode == 1
    assert "1 passage matches 光伏, and none states a quantity" in done.stderr, done.stderr
    done = cli("targets", "光伏", "-r", "宜兴", "--expand", "--kind", "target", "--index", index)
    assert "`icpolicy search 光伏 -r 宜兴 --expand` shows them" in done.stderr and "none states a target" in done.stderr, done.stderr
    done = cli("targets", "量子计算", "--index", index)
    assert done.returncode == 1 and "nothing matched 量子计算" in done.stderr, done.stderr


def test_text_over_a_workbook_names_the_format_to_give(tmp_path):
    index = _index(tmp_path)
    book = tmp_path / "counts.xlsx"
    assert cli("stats", "半导体", "-o", book, "--index", index).returncode == 0
    before = book.read_bytes()
    done = cli("stats", "半导体", "-f", "csv", "-o", book, "--index", index)
    assert done.returncode == 2 and "these results are text" in done.stderr and "-f xlsx" in done.stderr, done.stderr
    assert book.read_bytes() == before
    assert json.loads(cli("stats", "半导体", "-f", "json", "--index", index).stdout)["rows"]


def test_one_measure_has_one_metric_across_places(tmp_path):
    """h-user39 #6: `合肥市集成电路产业产值`, `全市集成电路产业产值` after 力争, and `集成电路产业产值` were three metrics, so a
    pivot by metric across places broke: the row's own place (its region columns give it) and 力争全市 are left out."""
    index = ingest_docs(tmp_path, {
        "taizhou.txt": "泰州市集成电路产业提升方案（2025年）\n\n到2025年，泰州市集成电路产业产值达到300亿元。\n\n泰州市人民政府\n2025年2月1日\n",
        "nantong.txt": "南通市集成电路产业提升方案（2025年）\n\n到2025年，力争全市集成电路产业产值突破500亿元。\n\n南通市人民政府\n2025年2月3日\n",
        "yangzhou.txt": "扬州市集成电路产业提升方案（2025年）\n\n到2025年，集成电路产业产值达到200亿元。\n\n扬州市人民政府\n2025年2月5日\n",
    })
    rows = jsonl("targets", "产业产值", "--all", "--index", index)
    assert sorted((r["region"], r["metric"], r["value"]) for r in rows) == [
        ("南通市", "集成电路产业产值", 500), ("扬州市", "集成电路产业产值", 200), ("泰州市", "集成电路产业产值", 300)]


def test_a_place_name_that_runs_into_a_word_is_kept(tmp_path):
    """h-review39: 上海市场主体数量 lost 上海市 (leaving 场主体数量), 江苏省级… and 苏州市级以上… theirs: the name is left out
    only where a word ends with it."""
    index = ingest_docs(tmp_path, {
        "sh.txt": "上海市营商环境工作要点（2025年）\n\n到2025年，上海市场主体数量达到350万户。\n\n上海市人民政府\n2025年2月1日\n",
        "js.txt": "江苏省专精特新企业培育方案（2025年）\n\n到2025年，江苏省级专精特新企业达到1万家。\n\n江苏省人民政府\n2025年2月3日\n",
    })
    metrics = sorted(r["metric"] for r in jsonl("targets", "--all", "--index", index))
    assert metrics == ["上海市场主体数量", "江苏省级专精特新企业"], metrics


def test_a_total_over_a_period_still_running_is_for_its_last_year(tmp_path):
    """h-user39 #4: `“十四五”期间累计完成集成电路产业投资500亿元` in a 2024 policy was a 2024 figure, reported: a total over a
    period still running is the period's last year's (2025), a target; one over a period past keeps its passage's year."""
    index = ingest_docs(tmp_path, {"xiamen.txt": "厦门市关于促进集成电路产业发展的若干措施\n\n厦府〔2024〕11号\n\n"
                                                 "“十四五”期间累计完成集成电路产业投资600亿元。\n\n厦门市人民政府\n2024年3月1日\n"})
    rows = jsonl("targets", "产业投资", "--index", index)
    assert [(r["value"], r["unit"], r["year"], r["kind"]) for r in rows] == [(600, "亿元", 2025, "target")]


ZJ_2024 = """浙江省2024年政府工作报告

——2024年1月23日在浙江省第十四届人民代表大会第二次会议上

一、2023年工作回顾

过去一年，全省地区生产总值达到8.3万亿元，增长6%。数字经济核心产业增加值突破9000亿元，新增上市企业60家。

二、2024年主要任务

大力发展数字经济，推动集成电路、智能计算和软件协同发展。2024年全省数字经济核心产业增加值达到9500亿元。
"""

ZJ_2025 = """浙江省2025年政府工作报告

——2025年1月15日在浙江省第十四届人民代表大会第三次会议上

一、2024年工作回顾

过去一年，全省地区生产总值达到9万亿元，增长5.5%。数字经济核心产业增加值达到9800亿元，增长8%。

二、2025年主要任务

大力发展数字经济，重点突破集成电路和人工智能，2025年全省数字经济核心产业增加值达到1.05万亿元。
"""


def test_changes_pairs_a_plans_target_with_the_next_plans_and_a_review_with_the_next_review(tmp_path):
    """h-user39 #3: the 2024 plan's `…达到9500亿元` was paired by its wording with the 2025 review's `…达到9800亿元` and
    again, by its target, with the 2025 plan's, so two sentences stood in two contradicting pairs: a pair of a target and a
    result is no pair; each goes back to be paired by the target it states."""
    index = _two_years(tmp_path, ("浙江省",), ZJ_2024, ZJ_2025)
    done = cli("changes", "-r", "浙江", "--from", "2024", "--to", "2025", "-f", "json", "--index", index)
    assert done.returncode == 0, done.stderr
    pairs = [(c["from"]["text"], c["to"]["text"]) for c in json.loads(done.stdout)["changed"]]
    sides = [a for a, _ in pairs] + [b for _, b in pairs]
    assert len(sides) == len(set(sides)), pairs  # each sentence in one pair at most
    assert ("数字经济核心产业增加值突破9000亿元，新增上市企业60家。", "数字经济核心产业增加值达到9800亿元，增长8%。") in pairs
    assert ("2024年全省数字经济核心产业增加值达到9500亿元。",
            "大力发展数字经济，重点突破集成电路和人工智能，2025年全省数字经济核心产业增加值达到1.05万亿元。") in pairs


def test_targets_sort_by_year_and_by_place(tmp_path):
    """h-user39 #11: targets had no --sort, its rows in the order of their passages' scores, so `-n` cut by relevance."""
    index = ingest_docs(tmp_path, {
        "a.txt": "洛阳市集成电路产业方案（2024—2026年）\n\n到2024年，集成电路产业产值达到80亿元；到2026年，产值达到150亿元。\n\n洛阳市人民政府\n2024年2月1日\n",
        "b.txt": "开封市集成电路产业方案（2025年）\n\n到2025年，集成电路产业产值达到40亿元。\n\n开封市人民政府\n2025年2月3日\n",
        "c.txt": "北京市集成电路产业方案（2025年）\n\n到2025年，集成电路产业产值达到3000亿元。\n\n北京市人民政府\n2025年2月5日\n",
    })
    by_year = [r["year"] for r in jsonl("targets", "产值", "--sort", "year", "--all", "--index", index)]
    assert by_year == sorted(by_year, reverse=True) and by_year[0] == 2026
    by_place = [r["region"] for r in jsonl("targets", "产值", "--sort", "region", "--all", "--index", index)]
    assert by_place[0] == "北京市" and by_place[-1] in ("洛阳市", "开封市") and by_place.index("开封市") < by_place.index("洛阳市")
    assert [r["year"] for r in jsonl("targets", "产值", "--sort", "year", "-n", "1", "--index", index)] == [2026]


def test_a_hits_wrapped_lines_keep_their_indent_on_a_narrow_terminal(tmp_path):
    """h-user39 #13: at 50–60 columns a hit's passage and keys wrapped back to column 0 under the hit's number."""
    from rich.console import Console

    from icpolicy.engine.search import open_index
    from icpolicy.views import render

    index = _index(tmp_path)
    with open_index(index) as ix:
        console = Console(width=40, force_terminal=True, color_system=None, record=True)
        render.hits(console, ix.search("电子特气", limit=1).hits)
    lines = [line for line in console.export_text().splitlines()[1:] if line.strip()]
    assert len(lines) > 3 and all(line.startswith("    ") for line in lines), lines


def test_no_period_total_in_a_reports_review_nor_in_a_shared_word(tmp_path):
    """h-review39: `共` alone took 公共/共建 for a total, and a work report's review of the period so far became a 2025 target."""
    report = """岳阳市2024年政府工作报告

——2024年1月15日在岳阳市第八届人民代表大会第四次会议上

一、2023年工作回顾

“十四五”期间，全市累计完成固定资产投资3000亿元，年均增长8%。

“十四五”时期，共建共享产业园区10个。
"""
    index = ingest_docs(tmp_path, {"yueyang.txt": report})
    rows = {r["metric"]: (r["year"], r["kind"]) for r in jsonl("targets", "--all", "--index", index)}
    assert all(kind == "reported" and year < 2025 for year, kind in rows.values()), rows


def test_a_plans_yearly_targets_are_targets(tmp_path):
    """h-user39b: in a 2024—2026 plan, `到2024年…达到1800亿元` and `到2025年…` were `reported` (the plan's uncued figures are
    for 2026, and a year before that was read as past), so `targets --kind target` missed a plan's yearly targets; a
    plan's `到2027年…` in a 2026—2030 plan the same.  A status there (`到2024年底，全市已…`) stays reported."""
    plan = ("常熟市集成电路产业三年行动方案（2024—2026年）\n\n常熟市人民政府办公室\n2024年3月5日\n\n一、发展目标\n\n"
            "到2024年，全市集成电路产业规模达到180亿元。\n\n到2025年，全市集成电路产业规模达到210亿元。\n\n"
            "到2026年，全市集成电路产业规模达到250亿元。\n")
    index = ingest_docs(tmp_path, {"changshu.txt": plan})
    rows = jsonl("targets", "产业规模", "--all", "--sort", "year", "--index", index)
    assert [(r["year"], r["value"], r["kind"]) for r in rows] == [(2026, 250, "target"), (2025, 210, "target"), (2024, 180, "target")]


def test_grouped_hits_keep_their_indent_on_a_narrow_terminal(tmp_path):
    """h-user39b: `search --per-doc` on a narrow terminal wrapped its title's id, its keys and its passages to column 0."""
    from rich.console import Console

    from icpolicy.engine.search import open_index
    from icpolicy.views.analyst_render import grouped_hits

    index = _index(tmp_path)
    with open_index(index) as ix:
        console = Console(width=40, force_terminal=True, color_system=None, record=True)
        grouped_hits(console, ix.search("电子特气", limit=None).hits)
    import re

    lines = [line for line in console.export_text().splitlines() if line.strip() and not re.match(r"^ ?\d+\. ", line)]
    assert len(lines) > 3 and all(line.startswith("    ") for line in lines), lines

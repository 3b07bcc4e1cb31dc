"""Quantities extracted at ingest and stored in the passage records (meta/target_store.py): the
targets view reads them and answers exactly what extracting from the text at query time answers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from icpolicy.meta import target_store
from icpolicy.meta.targets import extract
from icpolicy.text.normalize import normalise

from .conftest import CORPUS, SEEDS

# plain terms, several terms, OR, NOT, a phrase, a metric that is no substring of its sentence
# (服务业实现增加值 -> 服务业增加值), a term found in sentences without quantities, a filter, no query
QUERIES = [["营业收入"], ["集成电路"], ["亿元"], ["集成电路", "人才"], ["产值", "OR", "增加值"], ["规模", "-集成电路"],
           ['"高质量发展"'], ["服务业增加值"], ["就业"], ["增长", "--year", "2018-2020"], ["GDP"], []]


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    """The seeds and the corpus indexed once; and a copy whose manifest says its stored quantities
    are of other rules (as after an upgrade that changed data/targets.toml), so the view extracts."""
    from icpolicy.pipeline.ingest import ingest

    stored = tmp_path_factory.mktemp("stored") / "index"
    ingest([SEEDS, CORPUS] if CORPUS.is_dir() else [SEEDS], stored, workers=2)
    fresh = tmp_path_factory.mktemp("fresh") / "index"
    shutil.copytree(stored, fresh)
    manifest = json.loads((fresh / "icpolicy.json").read_text(encoding="utf-8"))
    assert manifest["targets"] == target_store.rules_hash()
    manifest["targets"] = "0123456789ab"
    (fresh / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return stored, fresh


def _targets(index, args) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "icpolicy", "targets", *args, "--all", "-f", "json", "--index", str(index)],
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: " ".join(a) or "(all)")
def test_stored_quantities_answer_what_extraction_answers(indexes, args):
    stored, fresh = indexes
    code, out = _targets(stored, args)
    assert (code, out) == _targets(fresh, args)  # the same bytes, the same exit code
    if args in (["营业收入"], ["亿元"], []):
        assert json.loads(out)["total"] > 0


def test_every_stored_passage_holds_what_extract_finds(indexes):
    """Through the Python API: each passage's stored quantities, decoded, are extract's on its text
    with the year of its uncued figures (target_store.figure_year: its document's), its document's type and the
    part of its work report it stands in (worked out over the document's passages), field for field (the sentence too);
    a heading's less those the passages under it repeat (target_headings.body_of)."""
    from icpolicy import open_index
    from icpolicy.meta.target_headings import body_of, unrepeated
    from icpolicy.meta.target_parts import by_ordinal, is_heading

    stored, _ = indexes
    seen, reviews, part_of, texts, headings = 0, 0, {}, {}, 0
    with open_index(stored) as ix:
        for hit in ix.search("", None, limit=None).hits:
            assert hit.stored_targets is not None
            if hit.doc_id not in part_of:
                _, passages = ix.document(hit.doc_id)
                part_of[hit.doc_id] = by_ordinal([(p["passage"], p["text"]) for p in passages], hit.doc_type)
                texts[hit.doc_id] = {p["passage"]: p["text"] for p in passages}
            part = part_of[hit.doc_id][hit.passage]
            reviews += part == "review"
            facts = ix.facts(hit.doc_id)
            year = target_store.figure_year(tuple(facts["years"]), hit.doc_type, hit.years, facts.get("issued", ""))
            found = extract(hit.text, year, hit.doc_type, part=part)
            if found and is_heading(hit.text):
                ordered = [texts[hit.doc_id][k] for k in sorted(texts[hit.doc_id])]
                body = [q for k in body_of(ordered, hit.passage, is_heading) for q in extract(ordered[k], year, hit.doc_type, part=part)]
                kept = unrepeated(found, body)
                headings += len(kept) < len(found)
                found = kept
            decoded = target_store.decode(hit.stored_targets, hit.text)
            expected = [(d["metric"], d["comparator"], d["value"], d["unit"], d["year"], d["kind"], d["clause"])
                        for d in (q.as_dict() for q in found)]
            assert [tuple(s[:7]) for s in decoded] == expected, hit.text
            assert all(q.clause in s.sentence for q, s in zip(found, decoded))
            seen += len(found)
    if CORPUS.is_dir():
        assert seen > 100 and reviews > 0  # the work reports' review parts were found
    else:
        assert seen > 50  # the seeds alone hold ~90 quantities and no work report
    assert headings > 0  # a seed's heading (辽宁：做大做强集成电路等10个战略性新兴产业) repeats the figure of the passage after it


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["到2025年", "2024年", "去年", "，", "。", "；", "\n", "、", "达到", "力争", "增长", "超", "以上的", "左右", "实现",
                                 "服务业", "增加值", "集成电路", "产业规模", "营业收入", "企业", "12", "3.5", "１５", "1,200", "三十", "亿元",
                                 "万亿元", "%", "家", "个", "的", "比", "今年", "“", "”"]), max_size=40),
       st.lists(st.sampled_from(["亿元", "增加值", "服务业增加值", "企业", "2025", "集成电路", "规模"]), max_size=2),
       st.sampled_from(["行动方案", "政府工作报告", ""]), st.sampled_from([[], [2024], [2023, 2026]]))
@example(["服务业", "实现", "增加值", "12", "亿元", "。"], ["服务业增加值"], "政府工作报告", [2024])  # the metric joins words the sentence parts
@example(["超", "亿元"], [], "行动方案", [])  # a bare magnitude, no digit: stored too
@example(["收入由2010年的12亿元增加到2015年的29亿元", "。", "存款由4.6万亿元增加到8.7万亿元", "。"], ["万亿元"], "政府工作报告", [2016])  # a 由…到 pair lends its years to the next sentence's, whether or not the query keeps its own
def test_stored_and_extracted_quantities_agree_on_any_text_and_terms(parts, terms, doc_type, years):
    """What the view keeps of the stored quantities is what extracting with the query's terms gives."""
    from types import SimpleNamespace

    from icpolicy.views.targets import _fresh

    text = "".join(parts)
    hit = SimpleNamespace(text=text, years=years, doc_type=doc_type)
    year = max(years, default=0)
    stored = target_store.encode(text, year, doc_type)
    assert stored is not None
    terms = [normalise(t) for t in terms]  # the view passes the query's normalised terms
    kept = target_store.decode(stored, text, terms)
    assert [q._replace(sentence="") for q in kept] == _fresh(hit, terms, "", year, 0, lambda hit: "")  # _fresh leaves the sentence out


def test_a_passage_without_a_numeral_stores_nothing_and_one_with_a_tab_is_left_to_the_view():
    assert target_store.encode("推动集成电路产业高质量发展。", 2024, "通知") == ""
    assert target_store.encode("到2025年，产业规模达到500亿元。", 2024, "通知") != ""
    assert target_store.encode("到2025年，产业\t规模达到500亿元。", 2024, "通知") is None  # the metric holds a tab
    text = "到2025年，全市集成电路产业营业收入达到５００亿元，力争600亿元。"
    (a, b) = target_store.decode(target_store.encode(text, 2024, "行动方案"), text)
    assert (a.value, a.unit, a.comparator, a.year, a.clause) == (500, "亿元", "达到", 2025, "全市集成电路产业营业收入达到500亿元")
    assert (b.value, b.comparator) == (600, "力争") and b.sentence == a.sentence


def test_an_ingest_after_the_rules_changed_marks_the_stored_quantities_stale():
    current = target_store.rules_hash()
    assert target_store.manifest_hash(None) == current  # a new index or a rebuild
    assert target_store.manifest_hash(current) == current
    assert target_store.manifest_hash("0123456789ab") == target_store.STALE
    assert target_store.manifest_hash(target_store.STALE) == target_store.STALE  # until a rebuild


def test_ingest_into_an_index_of_other_target_rules_records_stale_and_the_view_extracts(tmp_path):
    index = tmp_path / "index"
    files = sorted(SEEDS.iterdir())
    subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", *map(str, files[:3]), "--index", str(index)], check=True)
    before = _targets(index, ["营业收入"])
    manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
    manifest["targets"] = "0123456789ab"  # what an index built by other rules records
    (index / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", *map(str, files), "--index", str(index)], check=True)
    assert json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))["targets"] == target_store.STALE
    after = _targets(index, ["营业收入"])
    subprocess.run([sys.executable, "-m", "icpolicy", "-q", "ingest", "--rebuild", "--index", str(index)], check=True)
    assert json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))["targets"] == target_store.rules_hash()
    assert _targets(index, ["营业收入"]) == after and json.loads(after[1])["total"] >= json.loads(before[1])["total"] > 0


def _report_text() -> str:
    """A work report of our own: the review part's figures have no cue word of their own, nor have
    the plan part's; only the headings say which part a passage stands in."""
    filler = "围绕产业链部署创新链，推动重点项目按期落地，持续优化营商环境，各项工作取得积极进展。"
    review = "\n\n".join(f"第{i}项工作方面，{filler}" for i in range(1, 30))
    plan = "\n\n".join(f"第{i}项任务方面，{filler}" for i in range(1, 30))
    return ("2025年某市政府工作报告\n\n——2025年1月10日在某市第十七届人民代表大会第四次会议上\n\n"
            "一、2024年工作回顾\n\n" + review + "\n\n集成电路企业营业收入320亿元，新增规上工业企业45家。\n\n"
            "二、2025年工作安排\n\n" + plan + "\n\n集成电路企业营业收入400亿元，新增规上工业企业60家。\n")


@pytest.mark.parametrize("stream_mb", [None, "0.001"], ids=["whole file", "streamed"])
def test_a_work_reports_part_decides_the_kind_of_uncued_figures(tmp_path, stream_mb):
    """Through the CLI, a file read whole and one streamed: the review's 320亿元 is reported, the
    plan's 400亿元 a target; an index whose stored quantities are stale answers the same."""
    from .clirun import icpolicy

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(_report_text(), encoding="utf-8")
    extra = {"ICPOLICY_STREAM_MB": stream_mb} if stream_mb else {}
    index = tmp_path / "index"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path, **extra).returncode == 0
    answers = []
    for _ in range(2):
        proc = icpolicy("targets", "营业收入", "-f", "json", "--index", index, home=tmp_path)
        assert proc.returncode == 0, proc.err
        answers.append(proc.out)
        kinds = {row["value"]: row["kind"] for row in json.loads(proc.out)["targets"]}
        assert kinds == {320: "reported", 400: "target"}
        manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
        manifest["targets"] = "0123456789ab"  # the second round extracts at query time
        (index / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert answers[0] == answers[1]


def test_info_says_whether_the_stored_quantities_are_current(tmp_path):
    """`info` tells a user whose index holds quantities of other rules (after an upgrade) that
    targets is slower until a rebuild, and gives the command."""
    from .clirun import icpolicy

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(_report_text(), encoding="utf-8")
    index = tmp_path / "index"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    assert json.loads(icpolicy("info", "-f", "json", "--index", index, home=tmp_path).out)["targets"] == "stored"
    manifest = json.loads((index / "icpolicy.json").read_text(encoding="utf-8"))
    manifest["targets"] = "0123456789ab"
    (index / "icpolicy.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert json.loads(icpolicy("info", "-f", "json", "--index", index, home=tmp_path).out)["targets"] == "stale"
    table = icpolicy("info", "--index", index, home=tmp_path)
    assert table.returncode == 0 and "icpolicy ingest --rebuild --index" in table.out
    assert icpolicy("ingest", "--rebuild", "--index", index, home=tmp_path).returncode == 0
    assert json.loads(icpolicy("info", "-f", "json", "--index", index, home=tmp_path).out)["targets"] == "stored"

"""changes' shortcuts give what the plain algorithm gives (views/changes.py, views/align.py).

Each shortcut (quantities read only for sentence pairs that can hold a moved target, exact-match
keys without normalising a plain sentence no other sentence can equal, a sentence test that skips
sentences without a needle, the two documents' passages read without building hits) is checked
against a reference written out here as the view did it before: every sentence extracted, every
sentence normalised, every sentence run through the query tree, every hit of the search.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st
from rapidfuzz import fuzz

from icpolicy.data import load_toml
from icpolicy.engine import query as ql
from icpolicy.engine.schema import plain_ideographs
from icpolicy.meta.targets import extract
from icpolicy.text.normalize import normalise
from icpolicy.views import align as A, changes as C

# sentence parts: metrics, comparators, numbers (Arabic, Chinese, full-width), units and filler,
# so that generated sentences state targets, move them, repeat each other and differ in length
METRICS = ["营业收入", "产业规模", "地区生产总值", "旅游收入", "固定资产投资", ""]
COMPARATORS = ["达到", "增长", "突破", "力争", "超过", ""]
NUMBERS = ["350", "12.5", "三十", "１２", "2000", "百分之五", "一", "3%和5"]
UNITS = ["亿元", "%", "家", "个", "万人次", ""]
FILLER = ["全年", "推进", "旅游", "经济", "建设", "，", "同比", "全区", "高质量发展"]


@st.composite
def sentence(draw) -> str:
    parts = draw(st.lists(st.sampled_from(FILLER), max_size=4))
    for _ in range(draw(st.integers(0, 2))):
        parts += [draw(st.sampled_from(METRICS)), draw(st.sampled_from(COMPARATORS)), draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(UNITS))]
        parts += draw(st.lists(st.sampled_from(FILLER), max_size=2))
    return "".join(parts) + "。"


def as_sentences(texts: list[str], doc: str) -> list[dict]:
    return [{"doc_id": doc, "passage": k // 3, "sentence": k % 3, "text": t} for k, t in enumerate(texts)]


SAME_LEVEL = set(load_toml("changes.toml")["same_level"])  # 达到, 突破, 超过: one target (data/changes.toml)


def target_key(q, own: int, later: int) -> tuple:
    """What makes two quantities one target: metric, unit and comparator, the level words as one; and the year
    it is for, where either document's own year (`own` of its own, `later` the newer one's) is one."""
    year = q.year or own
    return q.metric, q.unit, "level" if q.comparator in SAME_LEVEL else q.comparator, "own" if year in (own, later) else year


GENERIC = set(load_toml("changes.toml")["generic"]["metrics"])  # 计划投资: never a moved target
CUMULATIVE = re.compile(load_toml("changes.toml")["cumulative"]["pattern"])  # 五年累计: no move to or from one year's


def near(keys, key) -> tuple | None:
    """key if among keys, else the one key of keys whose metric is key's with up to NEAR_METRIC characters put in
    (or left out), the rest the same; else None."""
    if key in keys:
        return key
    def put_in(a, b):
        short, long = sorted((a, b), key=len)
        if len(short) < A.ONLY_METRIC or not 0 < len(long) - len(short) <= A.NEAR_METRIC:
            return False
        at = 0
        for c in short:
            at = long.find(c, at) + 1
            if not at:
                return False
        return True
    found = [k for k in set(keys) if k[1:] == key[1:] and k[0] and key[0] and put_in(k[0], key[0])]
    return found[0] if len(found) == 1 else None


def comparable(a: str, b: str) -> bool:
    return bool(CUMULATIVE.search(a)) == bool(CUMULATIVE.search(b))


def reference_moved(before, after, year_a: int, year_b: int) -> list[tuple]:
    """moved_targets written out plainly, from two sentences' quantities: the n-th value of a metric (unit,
    comparator) on one side against the n-th on the other when both state it as often; a value stated once
    against each on the other side; nothing when both state it several times, but not as often.  The metric
    may be one near it (`near`); a generic metric never moves."""
    old_key, key = (lambda q: target_key(q, year_a, year_b)), (lambda q: target_key(q, year_b, year_b))
    out = []
    for n, q in enumerate(after):
        match = near([old_key(p) for p in before], key(q))
        olds = [p for p in before if old_key(p) == match]
        olds = [p.value for p in olds if not {p.metric, q.metric} & GENERIC]
        news = [p.value for p in after if key(p) == key(q)]
        if len(olds) == len(news):
            olds = [olds[sum(1 for p in after[:n] if key(p) == key(q))]]
        elif len(olds) > 1 and len(news) > 1:
            olds = []
        out += [(q.metric, q.comparator, q.unit, o, q.value) for o in olds if o != q.value]
    return out


def reference_pair_moved(old, new, year_from, year_to):
    """pair_moved_targets written out plainly: the quantities of every sentence read."""
    stated: dict[tuple, list] = {}
    for i, s in enumerate(old):
        for q in extract(s["text"], year_from):
            if q.metric:
                stated.setdefault(target_key(q, year_from, year_to), []).append((i, q.value))
    candidates = []
    for j, s in enumerate(new):
        moved = {i for q in extract(s["text"], year_to) if q.metric for i, value in stated.get(near(stated, target_key(q, year_to, year_to)), ()) if value != q.value}
        for i in moved:
            score = fuzz.ratio(old[i]["text"], s["text"])
            if score >= A.MOVED_FLOOR and comparable(old[i]["text"], s["text"]) and reference_moved(extract(old[i]["text"], year_from), extract(s["text"], year_to), year_from, year_to):
                candidates.append((score, i, j))
    pairs, used_old, used_new = [], set(), set()
    for score, i, j in sorted(candidates, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j], score))
    # then the only left-over sentence on each side that states a long metric (unit, comparator) with another value
    def only(sentences, used, year):
        found: dict[tuple, set] = {}
        for i, s in enumerate(sentences):
            if i not in used:
                for q in extract(s["text"], year):
                    if len(q.metric) >= A.ONLY_METRIC:
                        found.setdefault(target_key(q, year, year_to), set()).add((i, q.value))
        return {key: next(iter(v)) for key, v in found.items() if len(v) == 1}
    before, after = only(old, used_old, year_from), only(new, used_new, year_to)
    late = sorted({(fuzz.ratio(old[before[near(before, key)][0]]["text"], new[j]["text"]), before[near(before, key)][0], j)
                   for key, (j, value) in after.items() if near(before, key) and before[near(before, key)][1] != value}, reverse=True)
    for score, i, j in late:
        if score >= A.ONLY_FLOOR and comparable(old[i]["text"], new[j]["text"]) and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j], score))
    return pairs, [s for j, s in enumerate(new) if j not in used_new], [s for i, s in enumerate(old) if i not in used_old]


@settings(max_examples=150)
@given(st.lists(sentence(), max_size=8), st.lists(sentence(), max_size=8), st.integers(2015, 2026))
def test_moved_targets_are_paired_as_when_every_sentence_was_read(old, new, year):
    old_s, new_s = as_sentences(old, "a"), as_sentences(new, "b")
    assert A.pair_moved_targets(old_s, new_s, year, year + 1) == reference_pair_moved(old_s, new_s, year, year + 1)
    for a in old:
        for b in new:
            expected = reference_moved(extract(a, year), extract(b, year + 1), year, year + 1) if comparable(a, b) else []
            got = [(m["metric"], m["comparator"], m["unit"], m["from"], m["to"]) for m in A.moved_targets(a, b, year, year + 1)]
            assert got == expected


@settings(max_examples=150)
@given(st.lists(st.sampled_from(["推进旅游发展。", "推进旅游发展", "全年接待游客30万人次。", "全年接待游客40万人次。", "经济增长5%。",
                                 "经济增长５%。", "建设全域旅游示范区，", "高质量发展。"]), max_size=10),
       st.lists(st.sampled_from(["推进旅游发展。", "全年接待游客30万人次。", "全年接待游客45万人次。", "经济增长5%。", "经济增长５%。",
                                 "建设全域旅游示范区。", "高质量发展，"]), max_size=10),
       st.sampled_from([40.0, 60.0, 80.0]))
def test_alignment_with_plain_sentences_is_the_alignment_of_their_search_forms(old, new, threshold):
    """A plain sentence of a length the other side lacks is not normalised: the result is the same."""
    old_s, new_s = as_sentences(old, "a"), as_sentences(new, "b")
    plain = ([plain_ideographs(t, normalise(t)) for t in old], [plain_ideographs(t, normalise(t)) for t in new])
    assert A.align(old_s, new_s, threshold, plain) == A.align(old_s, new_s, threshold)


QUERIES = ["旅游", "旅游 经济", "旅游 OR 经济", "旅游 -经济", "-经济 旅游", "旅游 OR -经济", '"高质量发展"', "增长 (旅游 OR 建设)", "５%"]


@settings(max_examples=100)
@given(st.sampled_from(QUERIES), st.lists(st.sampled_from(FILLER + ["增长", "5%", "％"]), max_size=6))
def test_sentence_test_agrees_with_the_query_tree(query, parts):
    tree = ql.parse(query).tree
    needles = [n for t in ql.terms(tree) for n in t.needles()]
    norm = normalise("".join(parts))
    assert C._sentence_test(tree, needles)(norm) == C._satisfies(tree, norm)


def test_passage_texts_are_the_searchs_hits_of_the_documents(seed_engine):
    """Index.passage_texts: the passages of the given documents among the search's hits, as they are stored
    (with the quantities the targets view reads)."""
    from icpolicy import Filters

    for query, filters in [("集成电路", None), ('"集成电路" OR "人才"', Filters(["上海"], None, [], [])), ("集成电路 -基金", None),
                           ("", Filters([], "2024-2025", [], [])), ("不存在的词语", None), ("IC", None)]:
        hits = seed_engine.search(query, filters, limit=None).hits
        docs = sorted({h.doc_id for h in hits})[:2] or ["nothing"]
        expected = sorted((h.doc_id, h.passage, h.text, h.plain, h.stored_targets, list(h.years)) for h in hits if h.doc_id in docs)
        assert sorted(seed_engine.passage_texts(query, filters, docs)) == expected, query


class _WithoutPassageTexts:
    """An engine without Index.passage_texts (as the ClickHouse backend): changes reads hits instead."""

    def __init__(self, engine):
        self._engine = engine

    def __getattr__(self, name):
        if name == "passage_texts":
            raise AttributeError(name)
        return getattr(self._engine, name)


def test_changes_reads_the_same_sentences_from_hits_where_the_engine_has_no_passage_texts(tmp_path_factory):
    import shutil

    import pytest

    from icpolicy import open_index
    from icpolicy.pipeline.ingest import ingest

    from .conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("corpus not present")
    src = tmp_path_factory.mktemp("two-reports")
    for path in sorted((CORPUS / "txt").glob("gwr_201[89]_neimenggu_hulunbeier_hailaer_gbk.txt")):
        shutil.copy(path, src / path.name)
    folder = tmp_path_factory.mktemp("two-reports-index") / "index"
    ingest([src], folder, workers=1)
    with open_index(folder) as ix:
        for query in ("", "旅游", "经济 -旅游", '"亿元"'):
            assert C.changes(_WithoutPassageTexts(ix.engine), "海拉尔", 2018, 2019, query=query) == C.changes(ix.engine, "海拉尔", 2018, 2019, query=query)


REPORT_2023 = """2023年无锡市政府工作报告
各位代表：过去一年，全市地区生产总值达到1.5万亿元，增长6%；集成电路产业营业收入突破2000亿元。
今年的主要预期目标是：地区生产总值增长5.5%左右，规模以上工业增加值增长6%；
新增高新技术企业500家，力争600家。城镇新增就业１５万人。
全年旅游收入完成82.8亿元，
接待游客3000万人次。推进先进封装项目建设，新建5G基站3000个。
我们坚持“创新为先，质量为本。”新增专精特新企业80家。
我们坚持“开放为要，人才为本。”新增人才公寓2000套。
加快改革（详见附表！）新增孵化器5个。培育产业。"强链"工程新增企业80家。
推进改革; 到2025年软件产业营业收入突破2000亿元。
编制"十四五"规划中期评估报告。
全年引进外资项目12个。
"""
REPORT_2024 = """2024年无锡市政府工作报告
各位代表：过去一年，全市地区生产总值达到1.6万亿元，增长6.2%；集成电路产业营业收入突破2300亿元。
今年的主要预期目标是：地区生产总值增长5%左右，规模以上工业增加值增长6.5%；
新增高新技术企业550家，力争700家。城镇新增就业１６万人。
全年旅游收入达到94.8亿元，
接待游客3300万人次。推进先进封装项目建设，新建5G基站3000个。
我们坚持“创新为先，服务为本。”新增专精特新企业95家。
我们坚持“开放为要，人才为本。”新增人才公寓2600套。
加快改革。新增孵化器8个。培育产业集群。"强链"工程新增企业90家。
深化改革; 到2025年软件产业营业收入突破2500亿元。
完成"十四五"规划中期评估。
全年引进外资项目15个，有力带动区域经济发展。
"""


class _StaleTargets:
    """The engine as if its stored quantities were of other rules: changes extracts them again."""

    def __init__(self, engine):
        self._engine = engine
        self.manifest = {**engine.manifest, "targets": "stale"}

    def __getattr__(self, name):
        return getattr(self._engine, name)


@pytest.fixture(scope="module")
def wuxi_reports(tmp_path_factory):
    """An index of two yearly reports of our own (REPORT_2023, REPORT_2024)."""
    from icpolicy.pipeline.ingest import ingest

    src = tmp_path_factory.mktemp("wuxi")
    (src / "wx2023.txt").write_text(REPORT_2023, encoding="utf-8")
    (src / "wx2024.txt").write_text(REPORT_2024, encoding="utf-8")
    (src / "wx2025.txt").write_text("无锡市关于推动软件产业发展的实施意见\n到2025年，全市软件产业营业收入突破3000亿元。\n", encoding="utf-8")
    folder = tmp_path_factory.mktemp("wuxi-index") / "index"
    ingest([src], folder, workers=1)
    return folder


def test_changes_reads_the_stored_quantities_as_extract_finds_them(wuxi_reports, monkeypatch):
    """Moved targets from the quantities the index stored at ingest equal those extracted from each sentence
    (across a line break, after a semicolon, with full-width digits, after a quotation closed by 。” or a bracket by
    ！）, after an ASCII quote or a space that follows the end), and the rules are not run for them."""
    from icpolicy import open_index

    with open_index(wuxi_reports) as ix:
        extracted = {q: C.changes(_StaleTargets(ix.engine), "无锡", 2023, 2024, query=q) for q in ("", "增长", "旅游 OR 企业", "经济")}
        assert any(c["moved"] for c in extracted[""]["changed"])
        after_quote = [c["moved"] for c in extracted[""]["changed"] if c["to"]["text"].startswith("新增人才公寓")]
        assert after_quote and after_quote[0][0]["to"] == 2600
        moved = {(m["metric"], m["from"], m["to"]) for c in extracted[""]["changed"] for m in c["moved"]}
        assert {("孵化器", 5, 8), ("软件产业营业收入", 2000, 2500)} <= moved, moved

        def no_rules():
            raise AssertionError("the rules were run")

        from icpolicy.views import stated as S

        monkeypatch.setattr(S, "_TARGETS", None)
        monkeypatch.setattr(S, "_targets", no_rules)
        for query, payload in extracted.items():
            assert C.changes(ix.engine, "无锡", 2023, 2024, query=query) == payload, query


@pytest.mark.parametrize("query", ["增长", "增长 亿元", "(增长 OR 旅游) 亿元", '"地区生产总值" (增长 OR 达到)', "增长 -亿元", "旅游 OR -企业",
                                   "企业 (力争 OR 新增) 家", "不存在 增长", "旅游 OR NOT NOT 企业", "旅游 OR -(-企业)",
                                   "增长 OR -(-企业 -旅游)", "(增长 -亿元) OR 公寓", '「"十四五"规划」', '企业 OR -(-「"十四五"规划」)',
                                   '「"」 -企业'])
def test_changes_keeps_exactly_the_sentences_that_satisfy_the_query(wuxi_reports, query):
    """A sentence is compared when it satisfies the query: every sentence of both reports tested one by one."""
    from icpolicy import Filters, open_index

    with open_index(wuxi_reports) as ix:
        e = ix.engine
        old_doc, new_doc = C._pick_both(e, "无锡", 2023, 2024, C.DEFAULT_TYPE)
        tree = ql.parse(query).tree
        got = C._matching_sentences(e, tree, Filters(["无锡"], "2023-2024", [], [C.DEFAULT_TYPE]), old_doc["doc_id"], new_doc["doc_id"], A.Stated())
        for k, doc in enumerate((old_doc, new_doc)):
            every = C._sentences(e, doc["doc_id"], A.Stated())[0]
            assert got[k] == [s for s in every if C._satisfies(tree, normalise(s["text"]))], (query, doc["doc_id"])
        assert got[0] or query.startswith("不存在")


def test_changes_answers_a_query_nested_as_deep_as_the_parser_takes(wuxi_reports):
    """The passages are selected by a query rebuilt from the parsed one: it nests no deeper than the one typed."""
    from icpolicy import open_index

    def nested(depth: int) -> str:
        inner = "企业"
        for k in range(depth):
            inner = f"(新增 OR {inner})" if k % 2 else f"(家 {inner})"
        return inner

    query = "新增 " + nested(ql.MAX_DEPTH)
    ql.parse(query)  # the parser takes it
    with open_index(wuxi_reports) as ix:
        payload = C.changes(ix.engine, "无锡", 2023, 2024, query=query)
    assert payload["changed"] or payload["added"] or payload["kept"]


def test_a_metric_stated_several_times_moves_value_by_value():
    """分别 lists: the n-th value against the n-th; the same values in both years move nothing."""
    def moved(a, b):
        return [(m["from"], m["to"]) for m in A.moved_targets(a, b, 2024, 2025)]

    assert moved("城乡低保标准分别提高13.1%和17.7%。", "城乡低保标准分别提高9.97%和14.1%。") == [(13.1, 9.97), (17.7, 14.1)]
    assert moved("人均补助标准分别提高30元和5元。", "人均补助标准分别提高30元和5元，全部落实。") == []


def _cli(*args, index) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "icpolicy", *args, "--index", str(index)], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "160"})


def test_changes_refuses_documents_of_two_types(wuxi_reports):
    """--type matches part of a type (or all, when empty): the years' documents must be of one type, else exit 2
    naming both."""
    proc = _cli("changes", "--region", "无锡", "--type", "", "--from", "2024", "--to", "2025", index=wuxi_reports)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "政府工作报告" in proc.stderr and "实施意见" in proc.stderr and "--type" in proc.stderr


def test_changes_table_shows_the_targets_that_moved(wuxi_reports):
    proc = _cli("changes", "孵化器", "--region", "无锡", "--from", "2023", "--to", "2024", index=wuxi_reports)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"孵化器 \S*: 5个 \(2023\) → 8个 \(2024\)", proc.stdout), proc.stdout


def test_a_changed_pair_needs_the_query_on_one_side_only(wuxi_reports):
    """经济 is in 2024's sentence only: the two are still one sentence changed, with the target that moved."""
    from icpolicy import open_index

    with open_index(wuxi_reports) as ix:
        payload = C.changes(ix.engine, "无锡", 2023, 2024, query="经济")
    pair = [c for c in payload["changed"] if c["from"]["text"].startswith("全年引进外资项目")]
    assert pair and [(m["from"], m["to"]) for m in pair[0]["moved"]] == [(12, 15)]
    assert not any(s["text"].startswith("全年引进外资项目") for s in payload["added"] + payload["removed"])

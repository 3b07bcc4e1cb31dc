"""Quantified targets and reported figures in a passage, by the rules in data/targets.toml.

Pure: `extract(text, year)` -> [Quantity].  A quantity is a number with a unit; its clause,
comparator, metric, year and kind (target or reported) come from the words around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from icpolicy.meta.target_numbers import beyond_precision, value_of as _value, with_listed
from icpolicy.meta.target_metric import (CLOSING_QUOTES as _CLOSING_QUOTES, CLOSING_QUOTES_SET as _CLOSING_QUOTES_SET,
                                        OPENING_QUOTES as _OPENING_QUOTES, analyse, counted_over, following_noun, granted, last_words, trailing)
from icpolicy.meta.target_headings import unrepeated
from icpolicy.meta.target_parts import PLAN, REVIEW, dropped_cues, runs_in
from icpolicy.meta.target_patterns import ascii_form, year_number
from icpolicy.meta.target_kind import Plan, kind_of
from icpolicy.meta.target_rules import CLAUSE_MARK as _CLAUSE_MARK, Rules, rules
from icpolicy.meta.target_shape import bound_of, cumulative, ratio_of, upper_of
from icpolicy.meta.target_years import pair_years as _pair_years, year_at as _year_at, years_of as _years
from icpolicy.text.passages import SENTENCE_CLOSERS
from icpolicy.units import whole

_SENTENCE_END = "。；;！？!?\n"
# a sentence keeps the closing quotes and brackets after its end (…质量为本。”) and the spaces after those, as
# text/passages.split_sentences does: the next one starts at its first word
_AFTER_END = "[" + re.escape(SENTENCE_CLOSERS) + "]*[ \t\u3000]*"
_SENTENCE = re.compile("[^" + re.escape(_SENTENCE_END) + "]+(?:[" + re.escape(_SENTENCE_END) + "]" + _AFTER_END + ")?|[" + re.escape(_SENTENCE_END) + "]" + _AFTER_END)
_MARKS = re.compile("[" + re.escape(_CLAUSE_MARK) + "]")


@dataclass(frozen=True)
class Quantity:
    """One number with its unit and what it says: e.g. 集成电路产业营业收入 达到 350 亿元, target for 2025."""

    value: float
    unit: str
    comparator: str
    metric: str
    year: int
    kind: str
    clause: str
    start: int
    end: int
    high: float | None = None  # a range's upper end (6%—7%: 7), in unit
    bound: str = ""  # 超过 (at least) or 以内 (at most) when the number bounds the figure (增长超30%: 超过)
    ratio: str = ""  # a fraction as written (占1/3: "1/3"; value 33.33 in %)

    def as_dict(self) -> dict:
        """JSON-ready fields (value as int when whole)."""
        value = whole(self.value)
        return {"metric": self.metric, "comparator": self.comparator, "value": value, "unit": self.unit,
                "year": self.year or None, "kind": self.kind, "clause": self.clause, "high": whole(self.high), "bound": self.bound, "ratio": self.ratio}


def _scaled(value: float | None, scale: float) -> float | None:
    return value * scale if value is not None else None


def extract(text: str, year: int = 0, doc_type: str = "", wanted=None, part: str = "", since: int = 0) -> list[Quantity]:
    """Every quantity in a passage.

    `year` is the passage's year (the default for figures without one); `doc_type` decides the
    kind of uncued figures: targets in plans (data: target_doc_types), reported elsewhere.
    `since`: a plan's first year (target_store.plan_start), after which a figure for a year before `year` is one of
    its yearly targets unless a cue says otherwise (力争2026年… in a 2025—2027 plan), not a past figure.
    `wanted(sentence)`, when given, skips the quantities of sentences it refuses (a quantity's
    clause and metric lie inside its sentence), which saves reading them.
    """
    r = rules()
    plain = ascii_form(text)
    matches = with_listed([m for m in r.number.finditer(plain) if _counts(m, plain, r)], plain, r)  # (3.9、2.0、2.9个百分点)
    if not matches:
        return []
    reporting = bool(doc_type) and any(t in doc_type for t in r.reporting_doc_types)
    plan = Plan(text, doc_type, r) if part not in (PLAN, REVIEW) else part == PLAN
    dropped = dropped_cues(part)
    found: list[Quantity] = []
    context = (year, False)  # (year, came from a target marker such as 到) carried across sentences
    last_pair = None  # (start year, end year) of the 由…到 pair of the sentence before (由2010年的…增加到2015年的…)
    carried = ""  # the kind the last cue of an earlier sentence gave (预期目标是：…；…)
    k = 0
    for s_start, s_end in sentence_spans(plain):
        if k >= len(matches):
            break
        sentence = plain[s_start:s_end]
        numbers = []
        while k < len(matches) and matches[k].start() < s_end:
            if matches[k].end() <= s_end:  # 12\n亿元 spans two lines: no quantity
                numbers.append(matches[k])
            k += 1
        own = numbers  # what the sentence holds: what it lends the next ones does not depend on `wanted`
        if numbers and wanted is not None and not wanted(sentence):
            numbers = []
        # a sentence without quantities matters only for a year opening it (到2025年，…)
        opener = r.year_opener_re.search(sentence) is not None
        years = _years(sentence if own or opener else sentence[: r.year_opening + 12], year, r, totals=part != REVIEW and not reporting)
        pair = _pair_years(sentence, years, last_pair, r) if own else None
        if pair and not years:  # 公共预算支出由11.66亿元增加到29.33亿元: the years of the pair before
            years = [(pair[0], last_pair[0], False), (pair[1], last_pair[1], False)]
        elif pair:
            last_pair = pair[2:]
        elif own:
            last_pair = None
        metric = ""
        boundary = 0
        first = len(found)  # the quantities before this sentence lend it nothing
        cues = [m for m in r.cue.finditer(sentence) if m.group(0) not in r.not_cues and m.group(0) not in dropped
                and not r.obtaining.match(sentence, m.start())  # 争取中央投资: obtains, no cue
                and not _named(sentence, m, r)
                and not (m.group(0) in r.disposal_cues and r.disposal_re.match(sentence, m.end()))] if numbers else []
        marks = [-1] + [m.start() for m in _MARKS.finditer(sentence)] if numbers else []
        for match in numbers:
            if beyond_precision(match):
                continue  # 12345678901234567890元: more digits than a number (or a spreadsheet cell) holds exactly
            n_start, n_end = match.start() - s_start, match.end() - s_start
            unit = (match.group("unit") or "%").replace("多", "").replace("余", "")
            unit, scale = r.scaled_units.get(unit, (unit, 1.0))  # 1.2千亿元: 1200亿元
            if unit in r.rate_units:  # 产能达到每月8万片: 万片/月, as 8万片/月 is
                unit += next(("/" + per for word, per in r.rate_before if sentence.endswith(word, 0, n_start)), "")
            after = sentence[n_end:]
            suffix = r.suffix_re.match(after)
            suffix = suffix.group(0) if suffix else ""
            rest = after[len(suffix):]
            if boundary and sentence[boundary:n_start] and sentence[boundary:n_start] in r.range_marks:
                if len(found) > first:  # 70%—75% (…7%的区间 too): a range's end, its row's clause and `high`
                    found[-1] = replace(found[-1], clause=found[-1].clause + sentence[boundary:n_end + len(suffix)], end=s_start + n_end + len(suffix))
                    boundary = n_end + len(suffix)
                continue
            # 安排不少于3亿元的专项资金: an attribute after one of its words (data: attributive) is a quantity
            before = sentence[:n_start].rstrip() if after.startswith("的") else None  # (stripped once for all the words)
            attribute = next((name for word, name in r.attributive if before.endswith(word)), None) if before is not None else None
            share = not suffix and unit in r.share_units and not r.comparator_re.search(sentence, marks[bisect.bisect_left(marks, n_start) - 1] + 1, n_start)
            approximate = attribute is None and (suffix in r.attributive_suffixes or share) and rest.startswith("的")
            if approximate and not r.comparator_end.search(sentence, 0, n_start):
                attribute = r.suffixes.get(suffix, "")  # 八成左右的[财政支出]: an approximate amount of the noun; 90%的[市场主体]: a part of it
            if attribute is None and not approximate and (rest.startswith(r.qualifier_after) or after.startswith(r.qualifier_after)) \
                    and not rest.lstrip("的").startswith(r.capacity_nouns):
                continue  # (控制在12亿左右的目标: a quantity of the words before, as 控制在12亿左右)
            if attribute is None and not suffix and r.noun_threshold.match(rest):
                continue  # 30万人口以上的县: a threshold with the noun it measures
            if unit in r.qualifier_units:
                rest = rest[next((len(w) for w in r.qualifier_joins if rest.startswith(w)), 0):]  # 65岁及以上[老年人]
            if (suffix in r.threshold_suffixes and unit not in r.counting_units and not (unit in r.over_counts and match.group("value") and counted_over(rest, r))
                    or unit in r.qualifier_units) \
                    and rest[:1] and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(r.noun_stops) and not rest.startswith(r.verb_openers):
                continue  # 5000万元以上项目库, 2-3岁幼儿: a threshold naming a kind of thing (七成以上用于…: a share; 200个以上[项目] a count)
            if not suffix and unit.endswith(r.threshold_units) and rest.startswith(r.threshold_nouns):
                continue  # 营收超10亿元企业: the same
            if sentence.endswith(r.over_words, 0, n_start) and _listed_threshold(after, unit, r):
                continue  # 打造一批超百亿、超千亿产业链: an item of a list of thresholds before one noun
            if (unit + after[:6]).startswith(r.unit_followers) or after[len(suffix):len(suffix) + 1] in _CLOSING_QUOTES_SET:
                continue  # 5个工作日内, 8个方面; “…清单16条”: a name
            if sentence.endswith(r.rate_base_before, 0, n_start):
                continue  # 每10万人口: the base of a rate, no quantity
            if unit in r.enumerated_units and sentence.endswith(r.enumerators, max(0, n_start - 2), n_start):
                continue  # 做好以下9项: an enumeration, no quantity
            if unit in r.rank_units and (sentence[:n_start].endswith(r.rank_before)
                                         or any(w in r.clause_end.split(sentence[:n_start])[-1] for w in r.rank_words)):
                continue  # 跻身全球前20名: a rank, no quantity
            mark = marks[bisect.bisect_left(marks, n_start) - 1] + 1  # just after the last clause mark before the number
            clause_start = max(boundary, mark)
            if r.formula_marks.search(sentence, mark, n_start):
                continue  # 考评分值=日常监测（60%）+…: a formula's weight, no quantity (its clause only)
            lead = sentence[clause_start:n_start]
            scope = sentence[mark:clause_start]  # earlier items of a 、 list
            if unit in r.classifiers and clause_start == mark and "、" in lead and "、" in r.asides.sub("", lead) and "\u4e00" <= lead[-1] <= "\u9fff" \
                    and not lead.endswith(r.list_closers) and not r.number.search(lead) and rest[:1] \
                    and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(r.noun_stops) and not _counted_kind(rest, r):
                boundary = n_end  # the list's words are no lead of the next number (…3个类别9个项目)
                continue  # 个人引进、专项引进、团队引进3个类别: counts the items just named, no quantity (…等15个 is one)
            listed = len(found) > first and clause_start == boundary
            if attribute is not None:
                # …的[专项资金]; …的集成电路、生物医药4只[政府性专项基金]: the noun the later count counts
                counted = next((m for m in numbers if m.start() > match.start()), None)
                noun = following_noun(plain[counted.end():s_end], r) if counted and not _MARKS.search(plain[match.end():counted.start()]) else ""
                noun = noun or following_noun(after[1:] if after.startswith("的") else rest[1:], r, attribute=True)
                verbs = [k for k in (noun.find(v, 1) for v in r.verb_openers) if k > 0]  # …的引导资金[扶持]…
                comparator, metric = attribute, noun[:min(verbs)] if verbs else noun or metric
            elif listed and not lead.strip("、和及与 "):
                comparator = found[-1].comparator  # 分别下降7%、14.4%: one comparator for the list
            else:
                comparator, own, _ = analyse(lead, r, scope, unit in r.ratio_units, unit in r.classifiers, unit == "%")
                if not comparator and listed and (lead.startswith("、") and scope or lead.rstrip("、和及与 ") == found[-1].metric) \
                        and not found[-1].metric.endswith(tuple(r.kept_verbs)):  # (扩招413万人、培训…: 扩招's own)
                    comparator = found[-1].comparator  # 新增托位1.6万个、学位8.4万个; 力争…70万吨煤制烯烃和80万吨煤制油
                    if comparator == r.adding_name and unit.endswith(r.threshold_units) and not found[-1].unit.endswith(r.threshold_units):
                        comparator = ""  # 新建…项目1.57万个、总投资10.8万亿元: the money of what was counted, none added itself
                if not comparator and lead.rstrip().endswith(r.split_level_end):
                    split = next(((word, name) for word, name in r.split_levels if word in lead), None)
                    if split:  # 稳定[基本医疗保险参保率]在97%以上: the verb's object is the metric
                        comparator, own = split[1], own.rstrip().removesuffix(r.split_level_end)
                        own = own[own.find(split[0]) + len(split[0]):] if split[0] in own else own
                if not comparator and suffix:
                    comparator = r.suffixes[suffix]
                # 蒲城、周至、甘泉等10个[质效提升突出县]; 青山、绿水、白沙3个[镇]入选…
                named = "、" in lead and (lead.endswith(r.list_closers) or unit in r.classifiers and _counted_kind(rest, r))
                inside = rest[:1] in "）)" and lead.rfind("（") > lead.rfind("）")  # （累计约3600户）[大中型餐饮单位]: the aside's count
                ranged = rest[:1] in r.range_marks and rest[1:2].isdigit()  # 1.2万人至1.5万人: no noun after the range's first end
                following = "" if unit in r.ratio_units or ranged else following_noun(rest[inside:], r, named=named, restated=not own)  # 推进30个[城中村改造项目]
                if following and not comparator and unit in r.classifiers:
                    comparator = trailing(rest, following, r)  # 8条高速公路建成通车
                elif following and comparator == r.upgrading and (unit in r.classifiers or unit in r.counting_units):  # 改造提升350个[希望小屋], 提高6000万[农村人口]…水平: upgraded
                    comparator = r.adding_name if any(w in lead.rstrip()[-4:] for w in r.adding_words) else ""  # (增加超350个: added)
                if lead.strip() in r.existence_words and following and r.comparator_re.match(rest, len(following)):
                    following = ""  # 有28种[产量增加]: the count of what changed
                # 学生营养改善计划惠及3200万孩子: what a programme reaches is counted; the programme names it too (惠及310万人
                # alone names nothing: the clause before's metric)
                own = "" if not following and own in r.reach_verbs else own
                # 中央财政安排109亿元资金支持再就业: a money noun that says nothing more, before a purpose or alone, names nothing
                generic = next((g for g in r.generic_nouns if following.startswith(g)), "")
                if generic and (following == generic or r.purpose_re.match(following, len(generic))):
                    following, rest = "", rest[len(generic):]
                own = own + following if following and own.endswith(r.reach_verbs) else following or own
                purpose = r.purpose_re.match(rest)
                purpose = purpose.group(0) if purpose else ""
                if purpose and (not own or own in r.giving_verbs):
                    own = following_noun(rest[len(purpose):], r) or own  # 拿出120亿元支持[基层化债]: what it is for
                if not own and not following and lead.strip() in r.existence_words:
                    own = r.clause_end.split(rest, 1)[0] if len(r.clause_end.split(rest, 1)[0]) <= r.max_plain_metric else ""  # 有3种[实现增长]
                alone = lead.strip(" ，,")
                while alone.startswith(r.cap_per):
                    alone = alone[next(len(w) for w in r.cap_per if alone.startswith(w)):]
                if alone in r.cap_leads:
                    own = granted(sentence[:n_start], r) or own  # 给予奖补，最高500万元: the cap of the [奖补]
                elif unit.endswith(r.threshold_units) and any(v in lead for v in r.grant_verbs):
                    given = granted(lead, r)  # 对…企业给予一次性[奖补]100万元 (给予每人每月5000元[生活补贴]: a rate, the noun after)
                    compares = any(m.group(0) not in r.adjacent_only for m in r.comparator_re.finditer(given))  # (高龄补贴: no 高)
                    own = given if given and not compares and not given.startswith(r.cap_per) else own
                if own in r.totals and len(found) > first and found[-1].metric and not found[-1].metric.endswith(own):
                    own = found[-1].metric + own  # …企业45家，总数达到210家: the total of what the figure before measures
                if own:
                    metric = own
                elif not metric and len(found) == first:  # 研发经费，从2002年1288亿元…: the clause before names it
                    metric = _topic(sentence, marks, n_start, r, unit in r.classifiers, bool(r.dropped.match(lead.strip())))
            fig_year, by_marker = _year_at(years, n_start, context)
            if lead.endswith(r.pair_openers) and not r.year.search(lead):
                pair = r.pair_start.search(sentence, 0, n_start)  # …由2476元增加到…: the first pair's start year
                fig_year, by_marker = (year_number(pair.group(1)), False) if pair else (fig_year, by_marker)
            if unit == "番" and comparator != "翻番":
                continue  # 经过一番努力: no quantity; only 翻一番, 翻两番 are
            # a target cue before a 的 names a kind of thing (国家规划免疫预防的疾病由7种), it states no target
            # (only in the number's own clause: 今年新建…的中型水库，建成… keeps its 今年, as 将按照…的比例给予奖励，最高…
            # keeps its 将; in a review part only a relative year does, the cue of an earlier clause is no figure's there)
            told = [m for m in cues if m.group(0) not in r.target_cues or "的" not in sentence[m.end():n_start]
                    or (m.group(0) in r.relative or part != REVIEW) and _MARKS.search(sentence, m.end(), n_start)]
            # a reporting document (统计公报) states what was: only a figure for a later year is a target there
            kind = "target" if reporting and fig_year > year > 0 else "reported" if reporting else \
                kind_of(told, n_start, sentence[n_end:], fig_year, by_marker, year, plan, carried, r, yearly=bool(since) and since < fig_year < year)
            found.append(Quantity(
                value=_value(match) * scale,
                unit=unit,
                comparator=cumulative(comparator, lead, r),
                metric=metric,
                year=fig_year,
                kind=kind,
                clause=sentence[clause_start:n_end + len(suffix)].strip("，,、 "),
                start=s_start + n_start,
                end=s_start + n_end + len(suffix),
                high=_scaled(upper_of(match, rest, unit, r), scale), bound=bound_of(lead, suffix, comparator, r), ratio=ratio_of(match),
            ))
            boundary = n_end + len(suffix)
        _respectively(found, first, plain, r)
        if part != REVIEW and r.carried_cues.search(sentence):
            carried = "target"
        # a year opens its sentence when only a marker stands before it (到2025年, 在2023年), never a verb's object (获得2021年度…奖励)
        opening = [y for y in years if y[1] is not None and not sentence.startswith(r.clause_years, y[0]) and (y[0] <= r.year_opening and not r.year_object.search(sentence, 0, y[0])
                                                             or opener and sentence[:y[0]].endswith(r.year_openers))]
        if opening:
            context = opening[-1][1:]
    head = next(sentence_spans(plain))
    if found and found[0].end <= head[1] < len(plain.rstrip()) and runs_in(plain[:head[1]]):  # （三）新增充电桩5000个。全市新增…5000个
        own = [q for q in found if q.end <= head[1]]
        found = unrepeated(own, found[len(own):]) + found[len(own):]
    return found


def _respectively(found: list[Quantity], first: int, plain: str, r: Rules) -> None:
    """…第二产业增加值62亿元，第三产业增加值33亿元，分别增长9.2%、12.3%: each number of a list after a word of
    `respectively` opening its clause measures, in order, what the as many figures right before it (of its sentence,
    found[first:]) measure, when those name as many different things (营业收入和利润总额分别完成…亿元和…亿元，分别增长…:
    one name for two, so the list keeps its own)."""
    words, joins = r.respectively
    k = first + 1
    while k < len(found):
        lead = plain[found[k - 1].end:found[k].start]
        run = k + 1
        while run < len(found) and plain[found[run - 1].end:found[run].start].strip() in joins:
            run += 1
        size, at = run - k, max(lead.rfind(w) for w in words)
        opens = at >= 0 and not _MARKS.split(lead[:at])[-1].strip()  # (城乡居民收入分别增长8%和10%: names its own)
        named = [q.metric for q in found[k - size:k]] if k - size >= first else []
        if size > 1 and opens and all(named) and len(set(named)) == size and len({q.metric for q in found[k:run]}) == 1:
            found[k:run] = [replace(q, metric=m) for q, m in zip(found[k:run], named)]
        k = run


def _listed_threshold(after: str, unit: str, r: Rules) -> bool:
    """Whether after (、超千亿产业链) is the next item of a list of thresholds, its number in a unit of the same kind after a
    word of over_words and running straight into a noun."""
    if not after.startswith("、"):
        return False
    over = next((w for w in r.over_words if after.startswith(w, 1)), "")
    following = r.number.match(after, 1 + len(over)) if over else None
    tail = after[following.end():] if following else ""
    same = bool(following) and (following.group("unit") or "").lstrip("万亿") == unit.lstrip("万亿")  # 千万元、亿元: both money
    return same and "\u4e00" <= tail[:1] <= "\u9fff" \
        and not tail.startswith(r.noun_stops) and not tail.startswith(tuple(r.suffixes))


def _counted_kind(rest: str, r: Rules) -> bool:
    """Whether the noun after a count is a head word that a predicate follows (沈阳航空、…3个[集群]获评…): the
    named list are instances of a kind of thing measured, the count what they did (a quantity); not the classes
    of a scheme (…3个类别9个项目) nor a list closing its clause (…人才专项3个项目，)."""
    head = r.metric_head.match(rest)
    end = r.clause_end.search(rest)
    end = end.start() if end else len(rest)
    predicate = r.named_predicate.search(rest, 0, end)  # 青山、绿水、白沙3个[镇]入选…: the named did something
    return (bool(head) and len(head.group(0)) > 1 and head.end() < end or bool(predicate) and 0 < predicate.start() <= r.max_plain_metric) \
        and not r.any_number.search(rest, 0, end)


def _topic(sentence: str, marks: list[int], position: int, r: Rules, counted: bool = False, timed: bool = False) -> str:
    """The metric a sentence's opening clause names when it holds no number and no comparator and
    names a measure (全社会研究与实验发展经费，从…增加到…): the topic of the clauses after it; for a count (`counted`) the
    things the clause closes on (…设置平价蔬菜超市，年内完成20个), after a time word (`timed`) what it names with no head too."""
    at = bisect.bisect_left(marks, position) - 1
    if at < 1 or sentence[marks[at]] not in "，,|":  # (a table row: the cell before names the measure)
        return ""
    topic = sentence[marks[at - 1] + 1:marks[at]]
    if r.number.search(topic):
        return ""
    comparator, metric, _ = analyse(topic, r)
    headed = any(len(h.group(0)) > 1 for h in r.metric_head.finditer(metric))
    if (counted or timed and not headed) and not comparator:  # (…全部设置[平价蔬菜超市]: what the clause closes on, after its last 的)
        return last_words(topic.split("的")[-1].strip(), r.max_plain_metric)
    return metric if not comparator and headed else ""


def _named(sentence: str, cue: re.Match, r: Rules) -> bool:
    """Whether a cue word that can be a noun names a programme here (“兴辽英才计划”, 头羊计划，,
    省级科技计划项目): after a closing quote, or before a clause mark, quote, list mark or a noun."""
    if cue.group(0) not in r.noun_cues:
        return False
    before, after = sentence[cue.start() - 1: cue.start()], sentence[cue.end(): cue.end() + 2]
    return before in _CLOSING_QUOTES_SET or not after or after[0] in _CLAUSE_MARK or after[0] in "、”’」』" \
        or after.startswith(r.noun_cue_followers)


_ABOUT = ("多", "余")  # after a numeral: more than, never a name


def _counts(match: re.Match, text: str, r: Rules) -> bool:
    """Whether a number is a quantity: a slash fraction only as a share ending its clause; a Chinese one only outside quotes (“四个意识”, “百分之百”),
    not counting quoted slogans (五个“必须统筹好”), and when its quantity ends a clause or list
    item (企业三十家，/ 突破千亿元。), never 十项工程."""
    if match.group("value") and match.start() and text[match.start() - 1] in _OPENING_QUOTES:
        return False  # “3个100”工程, “1+N”: a name's number
    if match.group("value") or match.group("tenth") or match.group("bare") is not None and not text[match.end():match.end() + 1].strip(_CLAUSE_MARK):
        return True  # (a bare magnitude only closing its clause: 连续5年超万亿斤，)
    start, end = match.span()
    following = text[end: end + 2]
    # (a passage's first or last character stands next to no quote: "" is in every string)
    if start and text[start - 1] in _OPENING_QUOTES or following and (following[0] in _CLOSING_QUOTES or following[0] in _OPENING_QUOTES):
        return False  # “科创板八条”, “最后一公里”
    if start and text[start - 1] in r.vague or (match.group("den") and following[:1] in r.vague):
        return False  # 几十个, 数百家, 百分之十几: a vague number has no value
    if match.group("den"):
        return True
    if match.group("cn") and match.group("unit")[:1] in r.counting_units and match.group(0)[len(match.group("cn")):].lstrip()[:1] in _ABOUT:
        return True  # 六千多万贫困人口: a numeral with 多/余 before its magnitude is a count, whatever follows
    if following[:1].isdigit():
        return False  # 三个1亿人: a Chinese count runs into no quantity (项目198个20.1万套 is Arabic)
    if match.group("part"):  # 1/3 ends its clause and is a proper fraction, never a date or a spec (14/10纳米)
        return 0 < int(match.group("part")) < int(match.group("whole")) and (not following or following[0] in _CLAUSE_MARK)
    return not following or not ("\u4e00" <= following[0] <= "\u9fff") or following[0] in _CLAUSE_MARK \
        or following.startswith(r.numeral_followers) or following in r.suffixes


def sentence_spans(text: str):
    """(start, end) of each sentence of the text, as extract reads them."""
    for match in _SENTENCE.finditer(text):
        yield match.span()

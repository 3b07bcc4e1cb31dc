"""Quantified targets and reported figures in a passage, by the rules in data/targets.toml.

Pure: `extract(text, year)` -> [Quantity].  A quantity is a number with a unit; its clause,
comparator, metric, year and kind (target or reported) come from the words around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from icpolicy.meta.target_rules import CLAUSE_MARK as _CLAUSE_MARK, CN_DIGITS as _CN_DIGITS, Rules, rules

_WIDE = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%", "．": ".", "，": "，"})
_SENTENCE_END = "。；;！？!?\n"
_WIDE_CHARS = re.compile("[０-９％．]")
_SENTENCE = re.compile("[^" + re.escape(_SENTENCE_END) + "]+[" + re.escape(_SENTENCE_END) + "]?|[" + re.escape(_SENTENCE_END) + "]")
_MARKS = re.compile("[" + re.escape(_CLAUSE_MARK) + "]")
_PLAIN_CUT = re.compile("[的等]")
_CN_POWERS = {"十": 10, "百": 100, "千": 1000}
_CN_MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
_OPENING_QUOTES = "“‘「『\"'"
_CLOSING_QUOTES = "”’」』"
_CLOSING_QUOTES_SET = frozenset(_CLOSING_QUOTES)


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

    def as_dict(self) -> dict:
        """JSON-ready fields (value as int when whole)."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"metric": self.metric, "comparator": self.comparator, "value": value, "unit": self.unit,
                "year": self.year or None, "kind": self.kind, "clause": self.clause}


def extract(text: str, year: int = 0, doc_type: str = "", wanted=None) -> list[Quantity]:
    """Every quantity in a passage.

    `year` is the passage's year (the default for figures without one); `doc_type` decides the
    kind of uncued figures: targets in plans (data: target_doc_types), reported elsewhere.
    `wanted(sentence)`, when given, skips the quantities of sentences it refuses (a quantity's
    clause and metric lie inside its sentence), which saves reading them.
    """
    r = rules()
    plain = text.translate(_WIDE) if _WIDE_CHARS.search(text) else text
    matches = [m for m in r.number.finditer(plain) if _counts(m, plain, r)]
    if not matches:
        return []
    plan = _Plan(text, doc_type, r)
    found: list[Quantity] = []
    context = (year, False)  # (year, came from a target marker such as 到) carried across sentences
    carried = ""  # the kind the last cue of an earlier sentence gave (预期目标是：…；…)
    k = 0
    for s_start, s_end in _sentences(plain):
        if k >= len(matches):
            break
        sentence = plain[s_start:s_end]
        numbers = []
        while k < len(matches) and matches[k].start() < s_end:
            if matches[k].end() <= s_end:  # 12\n亿元 spans two lines: no quantity
                numbers.append(matches[k])
            k += 1
        if numbers and wanted is not None and not wanted(sentence):
            numbers = []
        # a sentence without quantities matters only for a year opening it (到2025年，…)
        opener = any(w in sentence for w in r.year_openers)
        years = _years(sentence if numbers or opener else sentence[: r.year_opening + 12], year, r)
        metric = ""
        boundary = 0
        first = len(found)  # the quantities before this sentence lend it nothing
        cues = [m for m in r.cue.finditer(sentence) if m.group(0) not in r.not_cues] if numbers else []
        marks = [-1] + [m.start() for m in _MARKS.finditer(sentence)] if numbers else []
        for match in numbers:
            n_start, n_end = match.start() - s_start, match.end() - s_start
            unit = (match.group("unit") or "%").replace("多", "").replace("余", "")
            after = sentence[n_end:]
            suffix = next((w for w in r.suffixes if after.startswith(w)), "")
            rest = after[len(suffix):]
            if (rest.startswith(r.qualifier_after) or after.startswith(r.qualifier_after)) and not rest.lstrip("的").startswith(r.capacity_nouns):
                continue
            if (suffix in r.threshold_suffixes and unit not in r.counting_units or unit in r.qualifier_units) and rest[:1] \
                    and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(r.noun_stops):
                continue  # 5000万元以上项目库, 2-3岁幼儿: a threshold naming a kind of thing
            if not suffix and unit.endswith(r.threshold_units) and rest.startswith(r.threshold_nouns):
                continue  # 营收超10亿元企业: the same
            if (unit + after[:6]).startswith(r.unit_followers) or after[len(suffix):len(suffix) + 1] in _CLOSING_QUOTES_SET:
                continue  # 5个工作日内, 8个方面; “…清单16条”: a name
            if sentence[max(0, n_start - 2):n_start].endswith(r.enumerators):
                continue  # 做好以下9项: an enumeration, no quantity
            if boundary and sentence[boundary:n_start] and sentence[boundary:n_start] in r.range_marks:
                continue  # 70%—75%: the end of a range
            mark = marks[bisect.bisect_left(marks, n_start) - 1] + 1  # just after the last clause mark before the number
            clause_start = max(boundary, mark)
            lead = sentence[clause_start:n_start]
            scope = sentence[mark:clause_start]  # earlier items of a 、 list
            if unit in r.classifiers and clause_start == mark and "、" in lead and "\u4e00" <= lead[-1] <= "\u9fff" \
                    and not lead.endswith(r.list_closers) and not r.number.search(lead) and rest[:1] \
                    and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(r.noun_stops):
                boundary = n_end  # the list's words are no lead of the next number (…3个类别9个项目)
                continue  # 个人引进、专项引进、团队引进3个类别: counts the items just named, no quantity (…等15个 is one)
            listed = len(found) > first and clause_start == boundary
            if listed and not lead.strip("、和及与 "):
                comparator = found[-1].comparator  # 分别下降7%、14.4%: one comparator for the list
            else:
                comparator, own, _ = _analyse(lead, r, scope)
                if not comparator and listed and (lead.startswith("、") and scope or lead.rstrip("、和及与 ") == found[-1].metric):
                    comparator = found[-1].comparator  # 新增托位1.6万个、学位8.4万个; 力争…70万吨煤制烯烃和80万吨煤制油
                if not comparator and suffix:
                    comparator = r.suffixes[suffix]
                following = "" if unit in r.ratio_units else _following_noun(rest, r)  # 推进30个[城中村改造项目]
                own = following or own
                if own:
                    metric = own
            fig_year, by_marker = _year_at(years, n_start, context)
            # a target cue before a 的 names a kind of thing (国家规划免疫预防的疾病由7种), it states no target
            told = [m for m in cues if m.group(0) not in r.target_cues or "的" not in sentence[m.end():n_start]]
            kind = _kind(told, n_start, sentence[n_end:], fig_year, by_marker, year, plan, carried, r)
            found.append(Quantity(
                value=_value(match),
                unit=unit,
                comparator=comparator,
                metric=metric,
                year=fig_year,
                kind=kind,
                clause=sentence[clause_start:n_end + len(suffix)].strip("，,、 "),
                start=s_start + n_start,
                end=s_start + n_end + len(suffix),
            ))
            boundary = n_end + len(suffix)
        if r.carried_cues.search(sentence):
            carried = "target"
        opening = [y for y in years if y[0] <= r.year_opening or opener and sentence[:y[0]].endswith(r.year_openers)]
        if opening:
            context = opening[-1][1:]
    return found


def _counts(match: re.Match, text: str, r: Rules) -> bool:
    """Whether a number is a quantity: a Chinese one only outside quotes (“四个意识”, “百分之百”),
    not counting quoted slogans (五个“必须统筹好”), and when its quantity ends a clause or list
    item (企业三十家，/ 突破千亿元。), never 十项工程."""
    if match.group("value"):
        return True
    start, end = match.span()
    following = text[end: end + 2]
    if text[start - 1: start] in _OPENING_QUOTES or following[:1] in _CLOSING_QUOTES or following[:1] in _OPENING_QUOTES:
        return False  # “科创板八条”, “最后一公里”
    if match.group("den"):
        return True
    return not following or not ("\u4e00" <= following[0] <= "\u9fff") or following[0] in _CLAUSE_MARK \
        or following.startswith(r.numeral_followers) or following in r.suffixes


def _value(match: re.Match) -> float:
    if match.group("den"):
        den, num = match.group("den"), match.group("num")
        return round(_number(num) / (100 if den == "百" else _number(den)) * 100, 2)
    return _number(match.group("value") or match.group("cn"))


def _number(text: str) -> float:
    """12 / 1,200 / 3.5 / 三十 / 一百二十 / 千 / 一万二千 / 七点二 as a number."""
    if text[0].isdigit():
        return float(text.replace(",", ""))
    whole, _, decimals = text.partition("点")
    total, section, digit = 0, 0, 0
    for ch in whole:
        if ch in _CN_POWERS:
            section += (digit or 1) * _CN_POWERS[ch]
            digit = 0
        elif ch in _CN_MAGNITUDES:
            total += (section + digit) * _CN_MAGNITUDES[ch]
            section = digit = 0
        else:
            digit = _CN_DIGITS[ch]
    fraction = float("0." + "".join(str(_CN_DIGITS[ch]) for ch in decimals)) if decimals else 0.0
    return float(total + section + digit) + fraction


def _sentences(text: str):
    for match in _SENTENCE.finditer(text):
        yield match.span()


def _analyse(lead: str, r: Rules, scope: str = "") -> tuple[str, str, int]:
    """(comparator, metric, where the comparator starts) of the words before a number.

    The comparator is the last comparator word in the lead, unless a 的 after it makes it part
    of a qualifier (主营业务收入超百亿元以上的企业).  The metric is what the comparator takes
    (新增 [5G基站]), else the words before it, cut after their last head word.  `scope` is the
    clause before the lead (earlier items of a list), where a 力争 may stand.
    """
    text = r.qualifier.sub("", lead)  # 培育[营业收入超过10亿元的]企业
    text = r.dropped.sub("", text)  # years, periods (五年来, 每年) and relative years: no metric
    for marker in r.target_year_markers:
        if text.startswith(marker):
            # 力争到2029年: 到 goes, 力争 stays a comparator
            text = text[len(marker):] if not marker.startswith(tuple(r.overriding)) else text[:len(marker) - 1] + text[len(marker):]
    # a comparator word inside a metric head (城镇新增就业) is part of the metric; 开工建设 is none
    masked = r.masked.sub(lambda m: "\0" * len(m.group(0)), text)
    found = _last_comparator(masked, r)
    if found and found[2] in r.overridable:
        before = scope + masked[: found[0]]
        stretch = next((w for w in r.stretch_words if w in before), None)
        if stretch:
            found = (found[0], found[1], r.comparator_names[stretch])
    if found and found[1] in r.clause_prepositions and not text[: found[0]].strip(" ，,、"):
        text, found = text[found[0] + len(found[1]):], None  # ，为1.17万个乡镇卫生院…: "for", no comparator
    share = bool(found) and found[2] in r.reference_objects and text.rstrip().endswith("的")  # 占全市公园总数的87.3%
    if found and not share and "的" in text[found[0] + len(found[1]):]:
        found = None
    if found and found[2] in r.near_only and len(_trim(text[found[0] + len(found[1]):], r)) > r.near_limit:
        found = None  # 治理提升[滨江岸线]61公里: 提升 takes a noun here, not the number
    if found and not share and found[2] in r.reference_objects and r.metric_head.search(text, found[0] + len(found[1])):
        found = None  # 占国内生产总值比重: 占 belongs to the metric
    if found is None:
        return "", _trim(_cut(text, r), r), -1
    at, word, name = found
    taken = "" if name in r.reference_objects else _trim(_cut(text[at + len(word):], r), r)
    subject = _strip_comparators(_trim(_cut(text[:at], r), r), r) if not taken or taken in r.head_words else ""
    if taken and subject:
        return name, subject + taken, at  # 服务业实现[增加值]: a bare measure takes the subject before it
    return name, taken if taken else subject, at


def _strip_comparators(text: str, r: Rules) -> str:
    """A metric never starts with a comparator word (力争达到8%: 力争 is no metric)."""
    return r.comparator_lead.sub("", text)


def _following_noun(text: str, r: Rules) -> str:
    """The noun a number stands before (30个城中村改造项目, 3.5万吨造纸生产线), up to a clause mark or list word."""
    text = text.lstrip("“”\"'‘’")
    if not text or not ("\u4e00" <= text[0] <= "\u9fff") or text.startswith(r.noun_stops) or text.startswith(r.verb_openers):
        return ""
    stop = r.noun_stop.search(text)
    noun = text[: stop.start()] if stop else text
    return _trim(_cut(noun, r, 2 * r.max_plain_metric), r)


def _cut(text: str, r: Rules, limit: int = 0) -> str:
    # a one-character head (率, 数) ends a metric only at its end: 数字化车间 is no 数
    heads = [h for h in r.metric_head.finditer(text) if len(h.group(0)) > 1 or _word_ends(text, h.end(), r)]
    if heads:
        # a short noun after the last head belongs to the metric (企业[技术中心], 企业[开办时间])
        tail = r.tail_trim_re.sub("", text[heads[-1].end():])
        keep = len(tail) <= r.head_tail and not r.comparator_re.search(tail)
        return text if keep else text[: heads[-1].end()]
    # 计划生育服务管理的[已婚育龄妇女], 竹产业等[供需对接活动]
    text = r.lead_trim_re.sub("", _PLAIN_CUT.split(r.verb_cut.split(r.asides.sub("", text))[-1])[-1])
    return "" if len(text) > (limit or r.max_plain_metric) else text


def _word_ends(text: str, end: int, r: Rules) -> bool:
    nxt = text[end:end + 1]
    return not ("\u4e00" <= nxt <= "\u9fff") or text.startswith(r.tail_trim, end) or r.comparator_re.match(text, end) is not None


def _last_comparator(text: str, r: Rules):
    """(position, word, canonical name) of the last comparator word in text (a one-character word only right before the number)."""
    end = len(text.rstrip())
    best = None
    for match in r.comparator_re.finditer(text):
        word = match.group(0)
        if word in r.adjacent_only and match.end() != end:
            continue
        best = (match.start(), word, r.comparator_names[word])
    return best


def _trim(text: str, r: Rules, lead_only: bool = False) -> str:
    while text:
        trimmed = r.lead_trim_re.sub("", text)
        if not lead_only:
            trimmed = r.tail_trim_re.sub("", trimmed)
        if trimmed == text:
            break
        text = trimmed
    return text.strip(" ，,、：:")


def _years(sentence: str, default: int, r: Rules) -> list[tuple[int, int, bool]]:
    """(position, year, came from a target marker) of every year a figure may be for, in order."""
    out = []
    for match in r.year.finditer(sentence):
        before = sentence[max(0, match.start() - 4): match.start()]
        if before.endswith(r.base_markers):
            continue
        if before.endswith(("~", "～", "-", "—", "至")) and sentence[match.end():match.end() + 1] in ")）":
            continue
        if sentence.startswith(r.year_not_before, match.end()):
            continue
        after = sentence[match.end(): match.end() + 3]
        if re.match(r"\s*[-~～—–至到]\s*(?:19|20)\d{2}", after):
            continue  # the start of a range: the end year governs
        marker = before.endswith(r.target_year_markers) and not before.endswith(r.not_target_markers)
        out.append((match.start(), int(match.group(1)), marker))
    if default:
        for match in r.relative_re.finditer(sentence):
            before = sentence[max(0, match.start() - 2): match.start()]
            if before.endswith(r.base_markers):
                continue
            out.append((match.start(), default + r.relative[match.group(0)], False))
    return sorted(out)


def _year_at(years, position: int, context: tuple[int, bool]) -> tuple[int, bool]:
    best = context
    for at, year, marker in years:
        if at < position:
            best = (year, marker)
    return best


class _Plan:
    """Whether a passage reads as a plan (its uncued figures are targets); worked out when first asked."""

    def __init__(self, text: str, doc_type: str, r: Rules):
        self.text, self.doc_type, self.r, self.value = text, doc_type, r, None

    def __bool__(self) -> bool:
        if self.value is None:
            r, text = self.r, self.text
            self.value = bool(self.doc_type) and any(t in self.doc_type for t in r.target_doc_types)
            if not self.value:
                review = r.review_lean.search(text) or r.closing_lean.search(text)
                self.value = not review and bool(r.plan_lean.search(text))
        return self.value


def _kind(cues: list, position: int, after: str, fig_year: int, by_marker: bool, year: int, plan, carried: str, r: Rules) -> str:
    """target or reported: a figure for a later year or under 到YYYY年 is a target, else the nearest
    cue decides: before the number in its sentence, else opening the next clause (…4200亿元，同比增长),
    else a cue carried from an earlier sentence (预期目标是：…；…), else the kind of document."""
    if fig_year and year and fig_year < year:
        return "reported"
    if by_marker:
        return "target"
    if fig_year and year and fig_year > year:
        return "target"
    before = [m for m in cues if m.end() <= position]
    cue = before[-1].group(0) if before else ""
    if not cue:
        mark = next((k for k, ch in enumerate(after) if ch in _CLAUSE_MARK), -1)
        nxt = r.cue.match(after, mark + 1) if mark >= 0 else None
        cue = nxt.group(0) if nxt and nxt.group(0) not in r.not_cues else ""
    if cue:
        return "target" if cue in r.target_cues else "reported"
    return carried or ("target" if plan else "reported")

"""The words of a quantity: its comparator and metric, read from the words around its number.

Pure helpers of meta/targets.py, by the rules in data/targets.toml (meta/target_rules.py).
"""

from __future__ import annotations

import re

from icpolicy.meta.target_rules import Rules
from icpolicy.text.tokens import cut

OPENING_QUOTES = "“‘「『\"'"
CLOSING_QUOTES = "”’」』"
CLOSING_QUOTES_SET = frozenset(CLOSING_QUOTES)
_QUOTED = re.compile("“[^“”]*”|‘[^‘’]*’|「[^「」]*」|『[^『』]*』")


def analyse(lead: str, r: Rules, scope: str = "", ratio: bool = False, count: bool = False, percent: bool = False) -> tuple[str, str, int]:
    """(comparator, metric, where the comparator starts) of the words before a number.

    The comparator is the last comparator word in the lead, unless a 的 after it makes it part
    of a qualifier (主营业务收入超百亿元以上的企业).  The metric is what the comparator takes
    (新增 [5G基站]), else the words before it, cut after their last head word.  `scope` is the
    clause before the lead (earlier items of a list), where a 力争 may stand; `ratio` says the number is a
    ratio (%, 倍), which a change word far before it still takes (降低工商业电价5%).
    """
    # 培育[营业收入超过10亿元的]企业 (a qualifier ends with 的 or 级: most leads hold neither)
    text = r.qualifier.sub("", lead) if "的" in lead or "级" in lead else lead
    marked = next((m for m in r.target_year_markers if text.startswith(m) and r.dropped.match(text, len(m))), None) \
        if text.startswith(r.target_year_markers) else None
    text = r.dropped.sub("", text)  # years, periods (五年来, 每年) and relative years: no metric
    if marked is not None:  # (到 before a year only: 到位资金 keeps its 到)
        # 力争到2029年: 到 goes, 力争 stays a comparator
        text = text[len(marked):] if not marked.startswith(tuple(r.overriding)) else text[:len(marked) - 1] + text[len(marked):]
    # a comparator word inside a metric head (城镇新增就业) is part of the metric; 开工建设 is none
    masked = r.masked.sub(lambda m: "\0" * len(m.group(0)), text)
    # a quoted name's words compare nothing (供应“新时代城市建设者之家”床位: no 建设)
    masked = _QUOTED.sub(lambda m: m.group(0)[0] + "\0" * (len(m.group(0)) - 2) + m.group(0)[-1], masked)
    found = _last_comparator(masked, r, ratio and masked.rstrip().endswith("的"), percent)
    if found and (found[2] in r.growth_qualified or found[1] in r.growth_levels):
        # 增长超过30%, 年均增速超过20%: the growth is what is measured (a growth word hidden as a metric head counts
        # here); 增速高于全省6.7个百分点 compares with a reference: 超过
        growth = r.growth_before.search(text, 0, found[0]) if not text[found[0] + len(found[1]):].strip() else None
        if growth:
            found = (found[0], found[1], r.comparator_names[growth.group(1)])
    if found and found[2] in r.approximated and masked[: found[0]].endswith(r.approximate_before):
        found = (found[0], found[1], r.approximate_name)  # 约为55万套, 约占40%: an approximate level
    elif found and found[2] in r.approximated and masked[: found[0]].endswith(r.cap_words):
        found = (found[0], found[1], r.cap_name)  # 最高可达1000万元: a ceiling
    if found and found[2] in r.overridable and not (count and found[2] in r.counts_kept):
        before = r.masked.sub(lambda m: "\0" * len(m.group(0)), scope) + masked[: found[0]]
        stretch = next((w for w in r.stretch_words if w in before), None)
        if stretch:
            found = (found[0], found[1], r.comparator_names[stretch])
    # (全年为2.3万名困难群众…: a count after words a metric drops too)
    if found and found[1] in r.clause_prepositions and not (text[: found[0]].strip(" ，,、") if not count else _trim(text[: found[0]], r)) \
            and not _dated(lead, found[1], r):
        text, found = text[found[0] + len(found[1]):], None  # ，为1.17万个乡镇卫生院…: "for", no comparator
    # 占全市公园总数的87.3%, 完成年度目标任务的113%: the number is a part of the noun before 的, a reference
    share = bool(found) and found[2] in r.share_comparators and text.rstrip().endswith("的")
    if found and not share and "的" in text[found[0] + len(found[1]):] \
            and not (found[2] == r.adding_name and (text[found[0] + len(found[1]):].strip() == "的"
                                                     or not ratio and not _trim(text[: found[0]], r))):
        # (新建的7个[便民超市]; a verb that adds things opening its clause keeps them over a 的: 新增联山联水的绿道1000公里,
        # not one inside a clause, 按其新增研发投入的10%, 为改造…而引进的设备有1万项, nor before a ratio: 新增财力的六成)
        found = None
    if found and found[2] in r.near_only and text.startswith(r.goal_nouns, found[0] + len(found[1])):
        # 经济增长预期目标6.5%, 地区生产总值增长预期目标5.5%: the growth names the goal, the number is its level
        metric = _trim(_cut(text[: found[0]], r), r) + found[1]
        return "", metric if _trim(_cut(text[: found[0]], r), r) else "", -1
    if found and found[2] in r.near_only and len(_trim(text[found[0] + len(found[1]):], r)) > r.near_limit \
            and not (ends_with_head(text[found[0] + len(found[1]):].rstrip(), r) and not (count and found[1] in r.adding_words)) \
            and not (ratio and not ends_with_head(_trim(text[found[0] + len(found[1]):], r), r, 1)):
        # 治理提升[滨江岸线]61公里: 提升 takes a noun here, not the number (增加…建设投资100亿元 a measure, or a ratio
        # after a noun with no head word, 降低工商业电价5%: it changes by it; not 增长贡献率接近60%);
        # 增加[深松土地]1333万公顷 adds that much of the noun: 新增
        dropped, found = found, (found[0], found[1], r.adding_name) if found[1] in r.adding_words else None
        if found is None:  # 新建和改造[提升]高标准农田45万亩: a verb joined to the dropped one before it
            earlier = _last_comparator(masked[: dropped[0]], r)
            if earlier and earlier[2] not in r.near_only and dropped[0] - earlier[0] - len(earlier[1]) <= r.joined_verbs:
                found = earlier
    if found and not share and found[2] in r.reference_objects and r.metric_head.search(text, found[0] + len(found[1])):
        found = None  # 占国内生产总值比重: 占 belongs to the metric
    if found is None:
        metric = _trim(_cut(text, r), r)
        if metric in r.verb_heads:
            return r.verb_heads[metric], "", -1  # ，占比24.9%: a share of the clause before's subject
        head = next((h for h in r.verb_heads if metric.endswith(h) and len(metric) > len(h)), "")
        if head and text.lstrip(" ，,、").startswith(r.part_openers):
            return r.verb_heads[head], metric[: -len(head)], -1  # 其中[制造业外资]占比51%: a part's share of the whole
        return "", "" if metric in r.no_metrics else metric, -1
    at, word, name = found
    after = text[at + len(word):]
    after = after[len(r.aspect):] if r.aspect and after.startswith(r.aspect) else after  # 增加了0.3元: 了 is the verb's
    # 占全国18%, 高于全国0.3个百分点: the words after name the reference, not the metric
    taken = "" if name in r.reference_objects or share or word in r.reference_words else _trim(_cut(after, r), r)
    before = text[:at].lstrip(" ，,、")
    if before.startswith(r.base_openers) and not r.metric_head.match(before):
        before = ""  # 较去年同期增长37%, 比上年预算减少198亿元: the base of the change, no metric (the clause's before it stands)
    elif r.base_closing.search(trimmed := _trim(before, r)) and not ends_with_head(trimmed, r):
        before = r.base_closing.sub("", trimmed)  # 财政收入比[上年]增加: the base went with its year (占比, 可比 stay)
    if word in r.reference_words:  # 增速比城镇居民高2.4个百分点: the base after 比 is the reference, no metric
        base = max((before.rfind(o) for o in r.base_openers), default=-1)
        before = before[:base] if base >= 0 and not r.metric_head.match(before, base) else before
    subject = _strip_comparators(_trim(_cut(before, r), r), r) if not taken or taken in r.head_words else ""
    item = subject[subject.rfind("、") + 1:]
    if item != subject and r.comparator_lead.match(item):
        subject = _strip_comparators(item, r)  # …先导区、[力争产业规模]: a list item opening with a comparator opens a clause
    if not subject and word in r.reference_words:
        subject = _trim(_cut(before, r), r)  # [增速]比城镇居民高: the growth compared is the metric
    if taken and subject:
        return name, subject + taken, at  # 服务业实现[增加值]: a bare measure takes the subject before it
    metric = taken if taken else subject + word if word in r.kept_verbs else subject  # (累计[扩招]413万人)
    return name, "" if metric in r.no_metrics else metric, at


def _dated(lead: str, word: str, r: Rules) -> bool:
    """Whether a year stands right before the word (1982年为270元: the level of that year, no preposition)."""
    before = lead[:lead.rfind(word)].rstrip()
    return any(m.end() == len(before) for m in r.year.finditer(before))


def ends_with_head(text: str, r: Rules, shortest: int = 2) -> bool:
    """Whether text ends with a metric head word of `shortest` characters or more (a measure: 投资, 经费)."""
    heads = list(r.metric_head.finditer(text))
    return bool(heads) and heads[-1].end() == len(text) and len(heads[-1].group(0)) >= shortest


def _strip_comparators(text: str, r: Rules) -> str:
    """A metric never starts with a comparator word (力争达到8%: 力争 is no metric), unless one character would be left."""
    stripped = r.comparator_lead.sub("", text)
    if stripped.startswith(r.goal_nouns):
        return text  # [增长预期目标]: the growth names the goal
    return text if len(stripped) == 1 else stripped  # 增长面 stays: 面 alone is no metric


_LATIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+/-]*(?<=[A-Za-z+])[\u4e00-\u9fff]")  # AI芯片, 5G+工业, 4G/5G基站


def following_noun(text: str, r: Rules, attribute: bool = False, named: bool = False, restated: bool = False) -> str:
    """The noun a number stands before (30个城中村改造项目, 3.5万吨造纸生产线), up to a clause mark or list word;
    after an attribute's 的 a comparator word opening it or inside a head word stops nothing (40%左右的[新增建设用地指标]);
    after a named list closed by 等 (`named`) none does, the noun runs to a predicate (蒲城、周至等10个[质效提升突出县]获得表彰)."""
    aside = r.asides.match(text)  # 7万套（间）[保障性租赁住房]: a short aside on the unit opens no noun
    # ...nor, for a count with no noun before it (`restated`), one restating the count (新增2400户（累计约3600户）[大中型餐饮单位])
    text = text[aside.end():] if aside and (aside.end() <= r.unit_aside or restated and r.number.search(aside.group(0))) else text
    qualified = r.qualified.match(text)  # 1467位[80岁以上]低收入老年人: an age threshold qualifies the noun after it
    text = text[qualified.end():] if qualified else text
    threshold = r.noun_qualifier.match(text)  # 5家[营收超10亿元的]企业: a threshold qualifies the noun after it
    text = text[threshold.end():] if threshold else text
    quoted = _quoted_length(text)  # “平安建设”示范村: the name's words stop nothing, its quotes stay
    bare = text.lstrip("“”\"'‘’")
    if not bare or not ("\u4e00" <= bare[0] <= "\u9fff" or _LATIN_NAME.match(bare)) or bare.startswith(r.noun_stops) or bare.startswith(r.verb_openers):
        return ""  # (a Latin or alphanumeric word may open the noun: 10家[AI芯片设计企业], 20个[5G+工业互联网示范工厂])
    text = text if quoted else bare
    stop = r.noun_stop.search(text, quoted)
    while stop and stop.group(0) in r.comparator_names and (attribute and (stop.start() == quoted or _in_head(text, stop, r))
                                                            or r.comparator_names[stop.group(0)] == r.adding_name and _in_head(text, stop, r)):
        # (a comparator word opening an attribute's noun or inside a head, 新增建设用地指标; a verb of adding inside a head
        # anywhere, 1400亿元长期[建设国债]: not a change word, 15个[大类行业]增加值增长 counts the industries)
        stop = r.noun_stop.search(text, stop.end())
    while named and stop and stop.group(0) in r.comparator_names and not text.startswith(tuple(r.trailing), stop.start()):
        stop = r.noun_stop.search(text, stop.end())
    if named:
        predicate = r.named_predicate.search(text, 0, stop.start() if stop else len(text))
        stop = predicate or stop
    span = _joined(text, stop, r)  # 20家[中试基地和概念验证中心]，: the noun runs on over joining words
    noun = r.verb_cut.split(text[span[0]: span[1]] if span else text[: stop.start()] if stop else text)[0]  # 18个设区城市[开展]…: the noun ends at its verb
    return _trim(_cut(noun, r, 2 * r.max_plain_metric), r)


def _in_head(text: str, word: re.Match, r: Rules) -> bool:
    """Whether a word found in text lies inside a metric head word (建设 in 建设用地)."""
    return any(h.start() <= word.start() and word.end() <= h.end() for h in r.metric_head.finditer(text, max(0, word.start() - 6), word.end() + 6))


def _joined(text: str, stop, r: Rules) -> tuple[int, int] | None:
    """Where the noun after a count starts when joining words (和, 及, 、, 以上) and a long modifier's 的
    make it run on to its clause's end (20家[中试基地和概念验证中心]，, 5处[省级以上考古遗址公园]。, 3家[在国内…的]
    跨行业、跨领域综合型工业互联网平台，); None when it stops at its first stop word as before: another
    number, a word of another kind, or a part longer than joined_part with no head word (a clause).
    Returns the noun's (start, end); a comparator word or a verb of object_verbs ends it early."""
    if not stop or stop.group(0) not in r.noun_joins:
        return None
    end = r.clause_end.search(text, stop.start())
    end = end.start() if end else len(text)
    number = r.any_number.search(text, stop.start(), end)
    if number:  # 托位1.6万个、学位8.4万个: the next item is a quantity of its own, the noun ends before it (after a short
        # noun's 的, 20个[国家和地区]的419家企业, or at a 、 the next item's number follows: 19家[市级以上龙头企业]、67个…)
        modifier = text.find("的", stop.start(), number.start())
        if 0 <= modifier < r.modifier_length:
            end = modifier + 1
        elif stop.group(0) not in r.list_joins and text[number.start() - 1: number.start()] in r.list_joins \
                and not any(j in text[stop.start(): number.start() - 1] for j in r.list_joins):
            end = number.start() - 1
        else:
            return None
    opening, at, previous = 0, stop, 0
    while at and at.start() < end:
        if at.group(0) not in r.noun_joins:
            return (opening, at.start()) if at.group(0) in r.comparator_names else None  # …和美乡村片区[建设]试点
        if at.group(0) in r.modifier_ends and at.start() - opening < r.modifier_length:
            return opening, at.start()  # 89个[国家和地区]的元首: the short noun before 的 is what is counted
        if not ("\u4e00" <= text[at.end():at.end() + 1] <= "\u9fff"):
            return None
        if at.group(0) in r.list_joins and at.start() - previous > r.list_item:
            return None  # …示范县、总数居全国首位: a 、 after a long part ends the noun (行业型、专业型、区域型…平台 goes on)
        previous = at.end()
        if at.group(0) in r.modifier_ends:
            opening = at.end()  # a clause before 的 qualifies the noun after it: the clause goes
        nxt = r.noun_stop.search(text, at.end(), end)
        part_end = nxt.start() if nxt else end
        verb = r.verb_cut.search(text, at.end(), part_end)
        part = text[at.end(): verb.start() if verb else part_end]
        if len(part) > 2 * r.max_plain_metric or len(part) > r.joined_part and not ends_with_head(part, r):
            return None  # …和特困群众基本生活得到保障: a clause, not a part of the noun
        if verb:
            return opening, verb.start()  # …的污水治理[开展]…: the noun ends at its verb
        at = nxt
    return opening, end


def trailing(rest: str, noun: str, r: Rules) -> str:
    """The comparator named by the words right after the noun a count stands before (…高速公路[建成通车])."""
    at = rest.find(noun)
    after = rest[at + len(noun):] if at >= 0 else ""
    return next((name for word, name in r.trailing.items() if after.startswith(word)), "")


def _quoted_length(text: str) -> int:
    """Length of the quoted name text opens with (“五好两宜”…: 6), 0 when it opens with none."""
    if text[:1] not in OPENING_QUOTES:
        return 0
    close = next((k for k, ch in enumerate(text[1:], 1) if ch in CLOSING_QUOTES_SET or ch == text[0] and ch in "\"'"), -1)
    return close + 1 if close > 0 else 0


def _cut(text: str, r: Rules, limit: int = 0) -> str:
    if not text:
        return ""  # (a third of the calls: a comparator with nothing after it)
    # a one-character head (率, 数) ends a metric only at its end: 数字化车间 is no 数
    head = None  # the last head (none inside a quoted name: “上海标准”、“上海品牌”分别新增11个 names the two)
    names = [m.span() for m in _QUOTED.finditer(text)] if "“" in text else []
    for h in r.metric_head.finditer(text):
        if (h.end() - h.start() > 1 or _word_ends(text, h.end(), r)) and not any(a < h.start() and h.end() < b for a, b in names):
            head = h
    if head:
        # a short noun after the last head belongs to the metric (企业[技术中心], 企业[开办时间])
        tail = r.tail_trim_re.sub("", text[head.end():])
        verb = r.taking_part.match(tail)
        verb = verb.group(0) if verb else ""
        if verb and len(tail) > r.head_tail:
            return _cut(tail[len(verb):], r, limit)  # 组织企业参加[境外展洽活动]: the head is who takes part, the number counts what
        item = tail[tail.rfind("、") + 1:]
        if "、" in tail and len(item) > r.list_item and len(tail) > r.head_tail:
            return _cut(item, r, limit)  # 北汽、小米…等重点整车项目陆续投产、[在京生产新能源汽车]: the head closed an earlier clause
        part = r.locatives.match(tail)
        part = tail[part.end():] if part else ""
        if part and len(part) <= r.max_plain_metric and not r.comparator_re.search(part):
            return part  # 项目中[集成电路领域]: the part of the whole
        bare = r.asides.sub("", r.threshold.sub("", tail))  # (…总值[超千亿元城市], 生产总值[超200亿元县（区）])
        # a one-character comparator word opening the tail makes a word there (就业[高校毕业生]: no 高), unless a word
        # that names nothing follows it (项目[约有]…)
        keep = len(bare) <= r.head_tail and not any(
            m.group(0) not in r.adjacent_only or m.start() > 0 or m.end() == len(bare) or bare[m.end()] in r.no_metrics
            or not "\u4e00" <= bare[m.end()] <= "\u9fff"
            for m in r.comparator_re.finditer(bare))
        return text if keep else text[: head.end()]
    # 竹产业等[供需对接活动]; 计划生育服务管理的[已婚育龄妇女], but a short phrase keeps its modifier (国家财政用于科技的投入)
    items = r.etc.split(r.verb_cut.split(_drop_asides(text, r))[-1])
    plain = items[-1] if items[-1].strip() or len(items) == 1 else items[-2]  # (…、抗震宜居农房等3.5万户: the list is what is counted)
    text = _trim(plain, r)
    if len(text) > (limit or r.max_plain_metric) or plain.rstrip().endswith("的"):
        closing = plain.rstrip()[:-1] if plain.rstrip().endswith("的") and r.number.search(plain) is None else plain
        text = _trim(r.etc.split(closing.split("的")[-1])[-1], r)  # (等于一九四九年的[]二点五倍: a base, no metric; [新增财力]的六成)
    # the limit holds for each item of a 、 list (社区养老服务综合体、农村互助照料中心300家)
    if max(map(len, text.split("、"))) <= (limit or r.max_plain_metric):
        return text
    # 开办假期公益[“爱心托管班”]6200多个: a quoted name closing the words is what they count
    opening = max(text.rfind(q) for q in OPENING_QUOTES) if text[-1:] in CLOSING_QUOTES_SET or text[-1:] in "\"'" else -1
    if opening >= 0:
        return text[opening:] if len(text) - opening <= (limit or r.max_plain_metric) else ""
    return last_words(text, limit or r.max_plain_metric)


def _drop_asides(text: str, r: Rules) -> str:
    """The text without the bracketed asides that close it or a list item (养老服务综合体（农村幸福院）); one inside a
    name, with its words going on (国家工程（技术）研究中心), is part of the name."""
    return r.asides.sub(lambda m: "" if not ("\u4e00" <= text[m.end():m.end() + 1] <= "\u9fff") else m.group(0), text)


def last_words(text: str, limit: int) -> str:
    """The whole words a too-long headless phrase ends on, within limit characters: the head of a
    Chinese noun phrase comes last (特殊困难[老年人家庭适老化改造]2.6万户)."""
    kept = ""
    for word in reversed(cut(text)):
        if len(kept) + len(word) > limit:
            break
        kept = word + kept
    closing = max(kept.rfind(q) for q in CLOSING_QUOTES)
    if closing >= 0 and not any(q in kept[:closing] for q in OPENING_QUOTES):
        kept = kept[closing + 1:]  # 弯”攻坚战…: no half of a quoted name
    return kept if len(kept) > 1 else ""


def _word_ends(text: str, end: int, r: Rules) -> bool:
    nxt = text[end:end + 1]
    return not ("\u4e00" <= nxt <= "\u9fff") or text.startswith(r.tail_trim, end) or r.comparator_re.match(text, end) is not None


def _last_comparator(text: str, r: Rules, of_base: bool = False, percent: bool = False):
    """(position, word, canonical name) of the last comparator word in text (a one-character word only right before the number;
    `of_base`: a ratio after 的, where a level word of base_levels opens the base: 是“十一五”时期的2.7倍; `percent`: the
    number is a percentage, which a word of percent_falls right before it makes a fall: 比上年改善6.5%)."""
    end = len(text.rstrip())
    best = None
    for match in r.comparator_re.finditer(text):
        word = match.group(0)
        if word in r.adjacent_only and match.end() != end and not (of_base and word in r.base_levels):
            continue
        if text.startswith("、", match.end()) and _trim(text[text.rfind("、", 0, match.start()) + 1:match.start()].replace("\0", ""), r, True):
            continue  # 精细图完成、10兆瓦…: the word closes the item before, no comparator of the next (新建、改扩建…50个 is one)
        best = (match.start(), word, r.comparator_names[word])
    if percent:
        fall = next((w for w in r.percent_falls if text.endswith(w, 0, end)), None)
        if fall:
            return end - len(fall), fall, r.percent_fall_name
    return best


def _trim(text: str, r: Rules, lead_only: bool = False) -> str:
    while text:
        trimmed = r.lead_trim_re.sub("", text)
        if not lead_only and trimmed[-1:] in r.tail_trim_ends and not trimmed.endswith(r.tail_trim_words):  # (资产总计 keeps its 总计)
            trimmed = r.tail_trim_re.sub("", trimmed)
        if trimmed == text:
            break
        text = trimmed
    return text.strip(" ，,、：:")


def granted(before: str, r: Rules) -> str:
    """The noun a grant verb before a lone ceiling gives (…10%给予[奖补]，最高500万元), or ''."""
    at, verb = max(((before.rfind(v), v) for v in r.grant_verbs), default=(-1, ""))
    if at < 0:
        return ""
    noun = r.dropped.sub("", r.clause_end.split(before[at + len(verb):], 1)[0].strip().split("的")[-1])  # (2017年义务兵优待金)
    for word in r.grant_trim:
        noun = noun.removeprefix(word)
    return noun if 0 < len(noun) <= r.max_plain_metric else ""


def counted_over(rest: str, r: Rules) -> bool:
    """Whether the noun after a count's 以上 is what it counts (推进200个以上[重大项目]; a threshold or a clause of at least
    modifier_length before a 的 qualifies it: …以上[投资超亿元的]文旅项目, …以上[优质资源牵头的]幼儿园共同体), not a
    condition on a noun after a 的 (拥有3项以上[发明专利]的企业)."""
    clause = r.clause_end.split(rest, 1)[0]
    return "的" not in clause or bool(r.noun_qualifier.match(clause)) or clause.find("的") >= r.modifier_length

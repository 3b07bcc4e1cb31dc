"""The rules of data/targets.toml, compiled once for meta/targets.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta.target_patterns import CN_DIGITS, YEAR, alternation, etc_pattern, firsts, in_order, not_inside, starting

CLAUSE_MARK = "，,：:；;。！？!?\n|"  # | parts the cells of a table row (docx: " | ")


@dataclass(frozen=True)
class Rules:
    number: re.Pattern
    comparators: list[tuple[str, str]]  # (word, canonical), longest word first
    suffixes: dict[str, str]
    suffix_re: re.Pattern  # the first of suffixes starting at a place
    qualifier_after: tuple[str, ...]
    metric_head: re.Pattern
    lead_trim: tuple[str, ...]
    tail_trim: tuple[str, ...]
    tail_trim_ends: frozenset  # the last characters of tail_trim and a newline: a text ending with none has no tail word (`$`)
    year: re.Pattern
    base_markers: tuple[str, ...]
    relative: dict[str, int]
    relative_re: re.Pattern
    target_year_markers: tuple[str, ...]
    cue: re.Pattern
    target_cues: frozenset
    reported_cues: frozenset
    classifiers: frozenset
    generic_nouns: tuple[str, ...]
    over_counts: frozenset  # classifiers a 以上 may stand after before the noun counted (200个以上[项目])
    noun_stops: tuple[str, ...]
    max_plain_metric: int
    reference_objects: frozenset
    adjacent_only: frozenset
    overriding: frozenset
    overridable: frozenset
    counts_kept: frozenset
    split_levels: tuple
    split_level_end: str
    cap_leads: tuple
    cap_per: tuple
    grant_verbs: tuple
    grant_trim: tuple
    year_not_before: tuple[str, ...]
    plan_lean: re.Pattern
    closing_lean: re.Pattern
    noun_stop: re.Pattern
    comparator_re: re.Pattern
    lead_trim_re: re.Pattern
    tail_trim_re: re.Pattern
    comparator_names: dict
    metric_drop: re.Pattern
    threshold_suffixes: tuple[str, ...]
    year_opening: int
    year_openers: tuple
    year_opener_re: re.Pattern
    clause_prepositions: frozenset
    asides: re.Pattern
    verb_cut: re.Pattern
    unit_followers: tuple
    verb_openers: tuple
    giving_verbs: frozenset
    attributive_suffixes: tuple
    share_units: frozenset  # (and people_units: 3948人的安全饮水问题)
    cap_words: tuple
    cap_name: str
    unit_aside: int
    qualifier_joins: tuple
    year_object: re.Pattern
    threshold: re.Pattern
    existence_words: frozenset
    comparator_end: re.Pattern
    purpose_re: re.Pattern  # the first of purpose_words, longest first, starting at a place
    head_words: frozenset
    list_closers: tuple
    counting_units: frozenset
    review_lean: re.Pattern
    target_doc_types: tuple[str, ...]
    numeral_followers: tuple[str, ...]
    carried_cues: re.Pattern
    qualifier_units: frozenset
    capacity_nouns: tuple[str, ...]
    attributive: tuple[tuple[str, str], ...]
    ratio_units: frozenset
    head_tail: int
    comparator_lead: re.Pattern
    stretch_words: tuple[str, ...]
    dropped: re.Pattern
    not_cues: frozenset
    disposal_cues: frozenset
    disposal_re: re.Pattern
    masked: re.Pattern
    threshold_nouns: tuple[str, ...]
    threshold_units: tuple[str, ...]
    near_only: frozenset
    percent_falls: tuple[str, ...]
    percent_fall_name: str
    enumerators: tuple[str, ...]
    ordinal_marks: tuple[str, ...]
    kept_verbs: frozenset
    clause_years: tuple[str, ...]
    qualified: re.Pattern
    rank_words: tuple[str, ...]
    tail_trim_words: tuple[str, ...]
    enumerated_units: frozenset
    formula_marks: re.Pattern
    near_limit: int
    not_target_markers: tuple[str, ...]
    qualifier: re.Pattern
    noun_qualifier: re.Pattern
    range_marks: str
    bound_names: frozenset
    bound_ends: frozenset  # the last characters of the bound comparators' words (a lead ending otherwise has none)
    obtaining: re.Pattern
    locatives: re.Pattern  # the first of them, longest first, starting at a place
    trailing: dict
    pair_openers: tuple[str, ...]
    pair_start: re.Pattern
    growth_qualified: frozenset
    growth_levels: frozenset
    growth_before: re.Pattern
    respectively: tuple[tuple[str, ...], frozenset]  # (words, the joins of the list after them)
    rate_base_before: tuple[str, ...]
    rate_before: tuple[tuple[str, str], ...]  # (每月, 月): a rate's span before its number, and the unit's per part
    rate_units: frozenset
    scaled_units: dict[str, tuple[str, float]]  # 千亿元: 亿元 ×1000
    verb_heads: dict
    part_openers: tuple[str, ...]
    over_words: tuple
    noun_threshold: re.Pattern
    pair_end: re.Pattern
    pair_bare: re.Pattern
    base_openers: tuple[str, ...]
    base_closing: re.Pattern
    multiple_base: re.Pattern
    reporting_doc_types: tuple[str, ...]
    aspect: str
    no_metrics: frozenset
    noun_cues: frozenset
    noun_cue_followers: tuple[str, ...]
    approximated: frozenset
    approximate_before: tuple[str, ...]
    approximate_name: str
    vague: str
    noun_joins: frozenset
    modifier_ends: frozenset
    modifier_length: int
    joined_part: int
    list_joins: frozenset
    list_item: int
    share_comparators: frozenset
    span_openers: tuple[str, ...]
    adding_words: frozenset
    adding_name: str
    cumulative: tuple[tuple[str, ...], str]  # (words, name)
    upgrading: str
    joined_verbs: int
    reference_words: frozenset
    goal_nouns: tuple
    named_predicate: re.Pattern
    taking_part: re.Pattern  # the first of them starting at a place
    base_levels: frozenset
    period_end: re.Pattern
    period_total: re.Pattern  # “十四五”期间累计…: a total over the period, for its last year
    period_years: dict
    period_hint: str  # the last characters of the period names: a sentence without one names no period
    reach_verbs: tuple[str, ...]
    totals: frozenset
    rank_before: tuple[str, ...]
    rank_units: frozenset
    clause_end: re.Pattern
    any_number: re.Pattern
    etc: re.Pattern  # 等 closing a list (钢铁、水泥等), not inside a word (高等, 等于)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The rules of data/targets.toml, compiled once."""
    raw = load_toml("targets.toml")
    # 2.4万多个, 4万多亿元: 多/余 may follow the 万/亿 of a unit
    units = "|".join(re.sub(r"^(万亿|亿|万)(?=.)", lambda m: "(?:多|余)?".join(m.group(1)) + "(?:多|余)?", re.escape(u))
                     for u in sorted(set(raw["units"]), key=len, reverse=True))
    # a change word closed by 到/至 names the level reached (上升到63%, 提高至85.6%): reaching_name
    reached = [(w + end, raw["reaching_name"]) for name in raw["reaching_from"] for w in raw["comparators"][name] for end in raw["reaching_ends"]]
    reached_words, not_before = {w for w, _ in reached}, "(?!" + alternation(raw["reaching_not_before"]) + ")"
    comparators = sorted(dict([*reached, *((w, name) for name, words in raw["comparators"].items() for w in words)]).items(), key=lambda p: -len(p[0]))
    cues = list(raw["target_cues"]) + list(raw["reported_cues"]) + list(raw["not_cues"])
    cn = "[" + "".join(CN_DIGITS) + "十百千]"
    stops = list(raw["noun_stops"]) + [w for w, _ in comparators if w not in raw["adjacent_only"]]
    # 13亿人口: the unit is 亿, not 亿人, when its last character starts a word
    breakers = "".join(f"|(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in raw["unit_breaking_words"])
    # a count may run straight into the next quantity (项目198个20.1万套); a magnitude never (1亿2000万)
    counted = "".join(sorted({re.escape(c[-1]) for c in raw["classifiers"]}))
    # a Chinese numeral may hold 万/亿 before more digits (一万二千亿斤) and a decimal point (七点二倍)
    numeral = "(?:" + cn + "+[万亿])*" + cn + "+(?:点[" + "".join(CN_DIGITS) + "]+)?"
    # an ordinal's mark before a number (第3, 十一届六次) makes it none; a comma after a digit is a thousands
    # separator, after a word a clause mark (…实现新突破,87项专利: a text with ASCII commas); a number written with a
    # leading zero is a heading's (07对外经济)
    ordinal = "".join(re.escape(c) for c in raw["ordinal_marks"])
    # a numeral and a unit that are one word (一起: together) are no quantity; a Chinese numeral after an Arabic digit is
    # the rest of a mixed number (5千多户, 1万6千多户), no numeral of its own
    idioms = "".join(f"(?!{re.escape(w)})" for w in raw.get("numeral_words", ()))
    number = r"(?:(?<![\d.\-~～/" + ordinal + r"A-Za-z])(?<!\d,)(?!0\d)(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?<![\d" + ordinal + "点万亿" + "".join(CN_DIGITS) + r"十百千])" + idioms + r"(?P<cn>" + numeral + r"))"
    # 超万亿斤, 破亿元: a bare magnitude after one of bare_magnitude_after is one of it
    bare = "(?<=[" + "".join(re.escape(c) for c in raw["bare_magnitude_after"]) + "])(?P<bare>)(?=[万亿])"
    # units of money (超千亿元城市: a threshold before a noun of threshold_nouns)
    money = alternation(u for u in raw["units"] if u.endswith(tuple(raw["threshold_units"])))
    # 争取 before a source of funds (争取中央投资) obtains it: no comparator, no cue
    # ...and 争取到 before no year (争取到“两重”“两新”国家资金450亿元: obtained; 争取到2027年 is a year marker)
    obtaining = "(?:" + alternation(raw["obtaining_words"]) + ")(?:(?=" + alternation(raw["obtained_objects"]) + ")|(?:" \
        + alternation(raw["obtaining_ends"]) + r")(?!\s*(?:19|20)\d{2}|[一二][〇○零九]|[“\"]?十[一二三四五]五))"
    # a plan period quoted or with its end (“七五”末, 十三五期间) names a time, no metric
    names, ends = alternation(raw["plan_periods"]), alternation([*raw["period_end_words"], *raw["period_span_words"]])
    # the comparator words of a threshold (超过10亿元的, 超千亿元): every one but a verb that adds things
    limiting = [w for w, n in comparators if n != raw["adding_name"]]
    limit_first, limit_words = firsts(limiting) + "\\d" + "".join(CN_DIGITS) + "十百千", alternation(limiting)
    periods = f"[“\"](?:{names})[”\"](?:{ends})?|(?:{names})(?:{ends})"
    return Rules(
        # Not part of a longer number or a year (2025年), not a date or ordinal.
        # Not part of a longer number or a year (2025年), not a date or ordinal; Chinese numerals
        # (三十, 一百二十) and fractions (三分之一, 百分之五) too.
        # (the lookahead lets the regex engine skip to a digit before trying the lookbehinds: 6x faster)
        number=re.compile(r"(?=[\d" + "".join(CN_DIGITS) + r"十百千万亿])(?:(?:" + number + "|" + bare + r")(?:\s*[-~～—–至到]\s*(?P<to>\d+(?:\.\d+)?|" + cn + r"+))?\s*(?:多|余)?(?P<unit>(?:" + units + r")(?:/(?:" + alternation(raw["per_units"]) + r"))?)(?!(?<=[万亿])[A-Za-z]|(?<![" + counted + r"])\d" + breakers + r")|"
                          r"(?<![第" + cn[1:-1] + r"])(?P<den>百|" + cn + r"+)分之(?P<num>" + numeral + r"|\d+(?:\.\d+)?)|"
                          # 八成左右, 七成以上: tenths, a share in %
                          r"(?<![" + ordinal + cn[1:-1] + r"\d.])(?P<tenth>[" + "".join(c for c in CN_DIGITS if CN_DIGITS[c]) + r"]|[1-9])成(?=" + alternation(raw["tenths_followers"]) + r")|"
                          # 占1/3: a fraction written with a slash, counted only when it ends its clause (see _counts)
                          r"(?<![\d./\-])(?P<part>\d{1,2})/(?P<whole>\d{1,2})(?![\d./]))"),
        comparators=comparators,
        suffixes=dict(raw["suffix_comparators"]),
        suffix_re=re.compile(in_order(raw["suffix_comparators"])),
        qualifier_after=tuple(sorted(raw["qualifier_after"], key=len, reverse=True)),
        metric_head=re.compile(starting(firsts(raw["metric_heads"]), not_inside(raw["headless_phrases"], raw["metric_heads"]) + "(?:" + alternation(raw["metric_heads"]) + ")")),
        lead_trim=tuple(sorted(raw["metric_lead_trim"], key=len, reverse=True)),
        tail_trim=tuple(sorted(raw["metric_tail_trim"], key=len, reverse=True)),
        tail_trim_ends=frozenset(w[-1] for w in raw["metric_tail_trim"]) | {"\n"},
        year=re.compile(YEAR),
        base_markers=tuple(raw["base_markers"]),
        relative=dict(raw["relative_years"]),
        relative_re=re.compile(alternation(raw["relative_years"])),
        target_year_markers=tuple(sorted(raw["target_year_markers"], key=len, reverse=True)),
        # a pattern of reported_cue_patterns starts with \d or a literal character
        cue=re.compile(starting(firsts(cues) + "".join(p[:2] if p.startswith("\\") else re.escape(p[0]) for p in raw["reported_cue_patterns"]),
                                 alternation(cues) + "|" + "|".join(raw["reported_cue_patterns"]))),
        target_cues=frozenset(raw["target_cues"]),
        reported_cues=frozenset(raw["reported_cues"]),
        classifiers=frozenset(raw["classifiers"]),
        generic_nouns=tuple(raw["generic_nouns"]),
        over_counts=frozenset(raw["classifiers"]) - frozenset(raw["people_units"]) - frozenset(raw["qualifier_units"]) - frozenset(raw["threshold_counts"]),
        noun_stops=tuple(raw["noun_stops"]),
        max_plain_metric=int(raw["max_plain_metric"]),
        reference_objects=frozenset(raw["reference_objects"]),
        adjacent_only=frozenset(raw["adjacent_only"]),
        overriding=frozenset(raw["overriding"]),
        overridable=frozenset(raw["overridable"]),
        counts_kept=frozenset(raw["counts_kept"]),
        split_levels=tuple(raw["split_levels"].items()),
        split_level_end=raw["split_level_end"],
        cap_leads=tuple(raw["cap_leads"]),
        cap_per=tuple(sorted(raw["cap_per"], key=len, reverse=True)),
        grant_verbs=tuple(raw["grant_verbs"]),
        grant_trim=tuple(raw["grant_trim"]),
        year_not_before=tuple(raw["year_not_before"]),
        plan_lean=re.compile("(?:" + alternation(raw["plan_lean"]) + ")(?![。，；;,])"),
        closing_lean=re.compile("(?:" + alternation(w for w in raw["plan_lean"] if w not in raw["closing_nouns"]) + ")[。，；;,]"),
        metric_drop=re.compile("|".join(raw["metric_drop"])),
        threshold_suffixes=tuple(raw["threshold_suffixes"]),
        year_opening=int(raw["year_opening"]),
        year_openers=tuple(raw["year_openers"]),
        year_opener_re=re.compile(alternation(raw["year_openers"])),
        clause_prepositions=frozenset(raw["clause_prepositions"]),
        asides=re.compile("|".join(raw["metric_asides"])),
        verb_cut=re.compile(alternation(raw["object_verbs"])),
        unit_followers=tuple(raw["unit_followers"]),
        verb_openers=tuple(raw["verb_openers"]),
        giving_verbs=frozenset(raw["giving_verbs"]),
        attributive_suffixes=tuple(raw["attributive_suffixes"]),
        share_units=frozenset(raw["share_units"]) | frozenset(raw["people_units"]),
        cap_words=tuple(raw["cap_words"]),
        cap_name=raw["cap_name"],
        unit_aside=int(raw["unit_aside"]),
        existence_words=frozenset(raw["existence_words"]),
        comparator_end=re.compile("(?:" + alternation(w for w, _ in comparators) + ")$"),
        qualifier_joins=tuple(sorted(raw["qualifier_joins"], key=len, reverse=True)),
        year_object=re.compile("(?:" + alternation(raw["year_object_verbs"]) + ")$"),
        purpose_re=re.compile(in_order(sorted(raw["purpose_words"], key=len, reverse=True))),
        head_words=frozenset(raw["metric_heads"]),
        list_closers=tuple(raw["list_closers"]),
        counting_units=frozenset(raw["counting_units"]),
        comparator_re=re.compile("|".join(re.escape(w) + (not_before if w in reached_words else "") for w, _ in comparators)),
        lead_trim_re=re.compile("^(?:(?!" + alternation(raw["lead_trim_words"]) + ")(?:" + "|".join([alternation(raw["metric_lead_trim"])] + raw["metric_list_marks"]) + "))+"),
        tail_trim_re=re.compile(starting(firsts(raw["metric_tail_trim"]), "(?:" + alternation(raw["metric_tail_trim"]) + ")+$")),
        comparator_names={w: n for w, n in comparators},
        noun_stop=re.compile(starting(re.escape(CLAUSE_MARK) + "、\\d" + firsts(stops), "[" + re.escape(CLAUSE_MARK) + "、]|\\d(?![\\d.]*[A-Za-z])|" + etc_pattern(raw["etc_words"]) + "|"
                                       + alternation(w for w in stops if w != "等"))),
        review_lean=re.compile(alternation(raw["review_lean"])),
        target_doc_types=tuple(raw["target_doc_types"]),
        numeral_followers=tuple(raw["numeral_followers"]),
        carried_cues=re.compile(alternation(raw["carried_cues"])),
        qualifier_units=frozenset(raw["qualifier_units"]),
        capacity_nouns=tuple(raw["capacity_nouns"]),
        attributive=tuple(sorted(raw["attributive"].items(), key=lambda kv: len(kv[0]), reverse=True)),
        ratio_units=frozenset(raw["ratio_units"]),
        head_tail=int(raw["head_tail"]),
        not_cues=frozenset(raw["not_cues"]),
        disposal_cues=frozenset(raw["disposal_cues"]),
        disposal_re=re.compile(raw["disposal_re"]),
        threshold_nouns=tuple(raw["threshold_nouns"]),
        threshold_units=tuple(raw["threshold_units"]),
        # what hides comparator words: metric heads (城镇新增就业) and not_comparators (开工建设)
        masked=re.compile(starting(firsts(list(raw["metric_heads"]) + list(raw["not_comparators"]) + list(raw["obtaining_words"])),
                                    alternation(list(raw["metric_heads"]) + list(raw["not_comparators"])) + "|" + obtaining)),
        dropped=re.compile("(?:" + YEAR + ")度?的?|" + "|".join(raw["metric_drop"]) + "|" + alternation(raw["relative_years"]) + "|" + periods),
        stretch_words=tuple(w for w, n in comparators if n in raw["overriding"]),
        comparator_lead=re.compile("^(?:" + alternation(w for w, _ in comparators if w not in raw["adjacent_only"]) + ")+"),
        near_only=frozenset(raw["near_only"]),
        percent_falls=tuple(raw["percent_falls"]), percent_fall_name=raw["percent_fall_name"],
        enumerators=tuple(raw["enumerators"]),
        ordinal_marks=tuple(raw["ordinal_marks"]), kept_verbs=frozenset(raw["kept_verbs"]), clause_years=tuple(raw["clause_years"]), rank_words=tuple(raw["rank_words"]),
        qualified=re.compile(r"\d+(?:" + alternation(raw["qualifier_units"]) + ")(?:" + alternation(raw["qualifier_joins"]) + ")?"), tail_trim_words=tuple(raw["tail_trim_words"]),
        enumerated_units=frozenset(raw["enumerated_units"]),
        formula_marks=re.compile(alternation(raw["formula_marks"])),
        near_limit=int(raw["near_limit"]),
        not_target_markers=tuple(raw["not_target_markers"]),
        # a threshold inside the words before a number (营业收入超过10亿元的[企业]) is no part of its metric; a verb that
        # adds things stays (培育[千万级]核心景区: 培育 is the count's comparator)
        qualifier=re.compile(starting(limit_first, "(?:" + limit_words + ")?") + number + r"\s*(?:多|余)?(?:" + units + ")(?:以上|以下)?(?:的|级)"),
        # the same threshold opening the noun after a count (200个以上[投资超亿元的]文旅重大项目, 5家[营收超10亿元的]企业): it
        # qualifies the noun, which the count counts (a bare magnitude after its comparator too: 超亿元)
        noun_qualifier=re.compile(r"[^，,；;。：:、“”的\d]{1,12}?(?:" + limit_words + ")(?:" + number
                                  + r")?\s*(?:多|余)?(?:" + units + ")(?:以上|以下)?的"),
        # 超千亿元城市: a threshold before a noun of threshold_nouns, which a metric keeps (营业收入额超10亿元企业)
        threshold=re.compile(starting(limit_first, "(?:" + limit_words + ")?") + number
                             + r"\s*(?:多|余)?(?:" + money + ")(?=" + alternation(raw["threshold_nouns"]) + ")"),
        range_marks="-~～—–－至到",  # (－ full-width: 6.5%－7%)
        bound_names=frozenset(raw["bound_names"]),
        bound_ends=frozenset(w[-1] for w, n in comparators if n in raw["bound_names"]),
        obtaining=re.compile(obtaining),
        trailing=dict(raw["trailing_comparators"]),
        locatives=re.compile(in_order(sorted(raw["locatives"], key=len, reverse=True))),
        pair_openers=tuple(raw["pair_openers"]),
        pair_start=re.compile("(?:" + alternation(raw["pair_openers"]) + ")" + YEAR),
        growth_qualified=frozenset(raw["growth_qualified"]),
        growth_levels=frozenset(raw["growth_levels"]),
        pair_end=re.compile(alternation(raw["pair_closers"])),
        pair_bare=re.compile("(?:" + alternation(raw["pair_openers"]) + r")(?=\d)"),
        base_openers=tuple(raw["base_openers"]),
        multiple_base=re.compile("的(?:" + number + r")\s*(?:多|余)?(?:" + alternation(raw["multiple_units"]) + ")"),
        reporting_doc_types=tuple(raw["reporting_doc_types"]),
        base_closing=re.compile("(?:" + alternation(raw["base_openers"]) + ")$"),
        aspect=raw["aspect_after_comparator"],
        no_metrics=frozenset(raw["no_metrics"]),
        noun_cues=frozenset(raw["noun_cues"]),
        noun_cue_followers=tuple(raw["noun_cue_followers"]),
        approximated=frozenset(raw["approximated"]),
        approximate_before=tuple(raw["comparators"][raw["approximate_name"]]),
        approximate_name=raw["approximate_name"],
        vague="".join(raw["vague_numerals"]),
        noun_joins=frozenset(raw["noun_joins"]) | frozenset(raw["modifier_ends"]),
        modifier_ends=frozenset(raw["modifier_ends"]),
        modifier_length=int(raw["modifier_length"]),
        joined_part=int(raw["joined_part"]),
        list_joins=frozenset(raw["list_joins"]),
        list_item=int(raw["list_item"]),
        span_openers=tuple(raw["span_openers"]),
        adding_words=frozenset(raw["adding_words"]),
        adding_name=raw["adding_name"],
        cumulative=(tuple(raw["cumulative_words"]), raw["cumulative_name"]),
        upgrading=raw["upgrading"],
        joined_verbs=int(raw["joined_verbs"]),
        reference_words=frozenset(raw["reference_words"]),
        goal_nouns=tuple(raw["goal_nouns"]),
        named_predicate=re.compile(alternation(raw["named_predicates"])),
        taking_part=re.compile(in_order(raw["taking_part"])),
        base_levels=frozenset(raw["base_levels"]),
        period_end=re.compile("(" + alternation(raw["plan_periods"]) + ")[”’\"']?(?:" + alternation(raw["period_end_words"]) + ")"),
        period_total=re.compile("(" + alternation(raw["plan_periods"]) + ")[”’\"']?(?:" + alternation(raw["period_span_words"]) + ")[，,]?[^。；;，,]{0,6}?"
                                "(?:" + alternation(raw["period_totals"]) + ")"),
        period_years=dict(raw["plan_periods"]),
        period_hint="".join(sorted({name[-1] for name in raw["plan_periods"]})),
        reach_verbs=tuple(raw["reach_verbs"]),
        totals=frozenset(raw["totals"]),
        rank_before=tuple(raw["rank_before"]),
        rank_units=frozenset(raw["rank_units"]),
        share_comparators=frozenset(raw["reference_objects"]) | frozenset(raw["share_levels"]),
        clause_end=re.compile("[" + re.escape(CLAUSE_MARK) + "]"),
        etc=re.compile(starting("等", etc_pattern(raw["etc_words"]))),
        any_number=re.compile("[\\d" + "".join(CN_DIGITS) + "十百千]"),
        verb_heads=dict(raw["verb_heads"]),
        part_openers=tuple(raw["part_openers"]),
        over_words=tuple(raw["bare_magnitude_after"]),
        noun_threshold=re.compile("[\u4e00-\u9fff]{1,%d}(?:以上|以下)的" % int(raw["threshold_noun"])),
        growth_before=re.compile("(" + alternation(w for w, n in comparators if n in raw["near_only"]) + ")(?:了)?$"),
        respectively=(tuple(raw["respectively"]), frozenset(raw["respectively_joins"])),
        rate_base_before=tuple(raw["rate_base_before"]),
        rate_before=tuple(raw["rate_before"].items()), rate_units=frozenset(raw["rate_units"]),
        scaled_units={unit: (base, float(factor)) for unit, (base, factor) in raw["scaled_units"].items()},
    )

"""Policy years: which years a document (and each passage) speaks for."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from icpolicy.data import load_toml
from icpolicy.meta import bare_numbers, dates, year_spans
from icpolicy.meta.year_words import ahead as _ahead, framing, is_base_year, period_ends, run_on, said_once, spoken, stretches, word_rules as _word_rules, years_rule  # noqa: F401  (run_on, spoken: years.run_on and years.spoken to callers)

_RANGE = re.compile(r"[（(]?((?:19|20)\d{2})\s*年?\s*[-~～—–－至到]+\s*((?:19|20)\d{2})\s*年[）)]?")

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!代)")  # (1950年代: a decade, no year; since session 65)
ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")  # any year in figures (a file name's, a table cell's; in prose: _BARE_YEAR)
_DATELINE = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?:在|于).{0,30}(?:人民代表大会|人代会|代表大会)")
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})年?(?:度)?(?:的)?(?:[\u4e00-\u9fff]{0,10}?(?:省|市|区|县|州|盟|旗)|各地|全国)?(?:人民)?政府工作报告")  # 2025年绍兴市政府工作报告
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.%])")
_REVIEW = re.compile(r"((?:19|20)\d{2})年(?:工作)?回顾")


_BRACKET_RANGE = re.compile(r"[（(]((?:19|20)\d{2})\s*[-~～—–－至到]+\s*((?:19|20)\d{2})[）)]")  # （2025-2027）
# a period of months in brackets (…年度报告（2023年7月至2024年6月）, （2024年10月—2025年3月）): the years it spans
_MONTH_RANGE = re.compile(r"[（(]((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[-~～—–－至到]+\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[）)]")


def plan_range(title: str) -> tuple[int, ...]:
    """Years of a plan period written in the title, e.g. （2023~2025年） -> 2023, 2024, 2025, （2023年7月至2024年6月） ->
    2023, 2024, or named by it (“十五五”规划 -> 2026 … 2030)."""
    plain = dates.plain(title)
    match = _RANGE.search(plain) or _BRACKET_RANGE.search(plain) or _MONTH_RANGE.search(plain)
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        if start <= end <= start + 15:
            return tuple(range(start, end + 1))
    _, _, period_pattern, periods = _word_rules()
    period = period_pattern.search(plain)
    if period and not years_rule("period_year", "after").match(plain, period.end()):  # (“十五五”开局，…: its first year, no plan)
        start, end = periods[period.group()]
        return tuple(range(start, end + 1))
    return ()


HEADER_LINE = 40  # a numeric date (2024-09-06) counts in a line this short: a source or byline line


@lru_cache(maxsize=1)
def _deadline() -> tuple[re.Pattern, re.Pattern]:
    rule = load_toml("years.toml")["deadline"]
    return re.compile(rule["after"]), re.compile(rule["before"])


def is_deadline(text: str, match: re.Match) -> bool:
    """True when the date matched in text is a deadline (…日前申报, 截止…; data/years.toml [deadline])."""
    after, before = _deadline()
    return bool(after.match(text, match.end()) or before.search(text[max(0, match.start() - 8):match.start()]))


def first_date(texts: list[str]) -> tuple[int, str]:
    """(year, ISO date) of the first full date in the texts, or (0, ""); a numeric date only in
    a short line that is not a sentence (来源：某某网 2024-09-06), not in body text."""
    for text in texts:
        plain = dates.plain(text)
        match = next((m for m in dates.DATE.finditer(plain) if not is_deadline(plain, m)), None)
        if not match and len(plain) <= HEADER_LINE and not plain.endswith(("。", "；", "！", "？")):
            match = dates.NUMERIC_DATE.search(plain)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return year, f"{year:04d}-{month:02d}-{day:02d}"
    return 0, ""


def report_year(title: str, opening: list[str], body: list[str], stem: str = "", dated: int = 0) -> int:
    """The session year of a government work report (a 2025 report reviews 2024).

    Cues, strongest first: the dateline (2024年3月5日在…人民代表大会), "2025年政府工作报告",
    a "2023年工作回顾" heading, a year in the file name, the date of the page that carries it
    (a report goes online in the days it is delivered), and last the year pair mentioned most
    (reports say 今年/去年 far more than they write years, so counting is only a guess).
    """
    for text in [title] + opening:
        plain = dates.plain(text)
        for pattern in (_DATELINE, _REPORT_YEAR):
            match = pattern.search(plain)
            if match:
                return int(match.group(1))
    for text in opening + body[:40]:
        match = _REVIEW.search(dates.plain(text))
        if match:
            return int(match.group(1)) + 1
    if filename_year(stem) or dated:
        return filename_year(stem) or dated
    counts = Counter(int(m) for text in body for m in _YEAR.findall(dates.plain(text)))
    if not counts:
        return 0
    return max(counts, key=lambda y: (counts[y] + counts.get(y - 1, 0), y))


_CN_YEAR = re.compile(r"([〇○零OＯ一二三四五六七八九]{4})年")


def title_year(title: str) -> int:
    """A year named in the title (统计公报, 考评办法, 工作方案; 二〇二五年…工作要点), or 0."""
    plain = dates.plain(title)
    match = _YEAR.search(plain) or next((m for m in _BARE_YEAR.finditer(plain) if not bare_numbers.not_a_year(plain, m)), None)
    if match:
        return int(match.group(1))
    chinese = _CN_YEAR.search(title)
    year = dates.cn_number(chinese.group(1)) if chinese else 0
    return year if 1900 <= year <= 2099 else 0


_NOT_OWN = re.compile(r"(?:比|较|自|从|到|至|力争到|争取到)\s*$")


def title_years(title: str, aside: bool = True) -> tuple[int, ...]:
    """The years a title names (2024年工作总结和2025年工作思路: both), leaving out a year it
    compares with or aims at (比2020年, 到2027年, 2024年以来) unless it names no other (with aside; else none);
    else title_year's."""
    plain = dates.plain(title)
    found = [(int(m.group(1)), bool(_NOT_OWN.search(plain[: m.start()]) or plain[m.end():].startswith("以来")))
             for m in _YEAR.finditer(plain)]
    own = sorted({year for year, set_aside in found if not set_aside and 1949 <= year <= 2100})
    if own or (found and not aside):
        return tuple(own)
    year = title_year(title)
    return (year,) if year else ()


_ATTACHED = re.compile(r"印发(.{4,60}?)的通知")


def attached_plan_range(title: str, body: list[str]) -> tuple[int, ...]:
    """A plan period stated only on the attached text's own title line (关于印发《X》的通知 …
    X（2024—2026年）), or ()."""
    plain = dates.plain(title).replace(" ", "")
    inner = re.findall(r"《([^》]+)》", plain) or _ATTACHED.findall(plain)
    if not inner:
        return ()
    name = inner[-1].strip("《》")
    for text in body[:60]:
        line = dates.plain(text).replace(" ", "")
        if len(line) <= len(name) + 20 and line.startswith(name):
            found = plan_range(line[len(name):])
            if found:
                return found
    return ()


@lru_cache(maxsize=None)
def _table(name: str) -> dict:
    """A table of data/years.toml, parsed once (drafted and horizon run for every document)."""
    return load_toml("years.toml")[name]


def drafted(plan: tuple[int, ...], title: str, issued: str) -> tuple[int, ...]:
    """A plan period named in a title, with the year the text is dated before it when the title is about the
    work of drafting the plan (data/years.toml [drafting]: …“十五五”…规划编制工作的通知, dated 2025)."""
    dated = int(issued[:4]) if issued[:4].isdigit() else 0
    if dated and plan and dated < plan[0] and any(word in title for word in _table("drafting")["words"]):
        return (dated, *plan)
    return plan


def horizon(found: tuple[int, ...], doc_type: str, opening: list[str]) -> tuple[int, ...]:
    """The years of an official text dated found, through the first target year it sets up front
    (到2027年; data/years.toml [horizon]), or found as it is."""
    rule = _table("horizon")
    if not found or doc_type in rule["skip_types"]:
        return found
    last = max(found)
    pattern, relative = _word_rules()[:2]
    terms = re.compile(rule["terms"])
    for at, text in enumerate(opening[: rule["within"]]):
        plain = dates.plain(text)
        if terms.search(plain):
            continue  # (合同履行期限：…2026年7月1日至2029年6月30日: a contract's term)
        # 到2027年，… (到“十四五”末: 2025); or goals year by year (2025年，…；2026年，…；2027年，…): through the last of them
        ahead = [int(m.group(1)) for m in (*_TARGET_YEAR.finditer(plain), *_LEAD_YEAR.finditer(plain))] + period_ends(plain)
        if ahead:  # … and goals in phases, a paragraph each (到2025年，… / 到2027年，… / 到2030年，…): the last phase's (since session 65)
            ahead += _phases(opening[at + 1:])
        else:  # … or a stretch it sets itself (力争用三年左右时间…届时…: [duration]; since session 66)
            ahead = sorted(stretches(plain, last))
        ahead = [target for target in ahead if last < target <= last + rule["span"]]
        if ahead:
            return tuple(sorted(set(found) | set(range(last + 1, max(ahead) + 1))))
        if len(found) == 1:  # 今明两年，全市…: words of several years ([relative]) from the year it is dated
            span = next((relative[m.group()] for m in pattern.finditer(text) if _ahead(relative[m.group()]) and framing(text, m.start())), None)
            if span:
                return tuple(sorted(set(found) | {last + offset for offset in span}))
    return found


def _phases(paragraphs: list[str]) -> list[int]:
    """The target years of the paragraphs that follow one another, each opening on its target (到2027年，…)."""
    found = []
    for text in paragraphs:
        phase = _TARGET_YEAR.search(dates.plain(text), 0, PHASE_LEAD)
        if not phase:
            break
        found.append(int(phase.group(1)))
    return found


PHASE_LEAD = 14  # characters within which a phase's paragraph names its target (中期目标：到2027年)
EARLY_MONTHS, LATE_MONTHS = 3, 11  # texts dated early in a year often report the year before; late ones plan the next


def around(date: str, body: list[str]) -> tuple[int, ...]:
    """The years of a text dated `date`: its year, and also the year before when it is dated in
    the first months and its text writes the year before more often (2024年全省产量…, dated
    2025-01-22), or the year after when it is dated in the last months and writes that more
    often (2025年重点任务…, signed 2024-12-20).  Target years (到2025年) are not counted;
    relative words (去年9月, 过去一年) count for the year they name."""
    year, month = int(date[:4]), int(date[5:7] or 0)
    if not month or EARLY_MONTHS < month < LATE_MONTHS:
        return (year,)
    plain = [dates.plain(text) for text in body]
    counts = Counter(int(m.group(1)) for text in plain for m in _YEAR.finditer(text) if not is_base_year(text, m.start(), m.end()))
    counts.subtract(Counter(int(m) for text in plain for m in _TARGET_YEAR.findall(text)))
    # (nor a planned date, 预计2026年三季度投产, nor a year in a cited title, 《…规划（2026—2030年）》: since session 59)
    counts.subtract(Counter(int(m.group(1) or m.group(2)) for text in plain for m in years_rule("target", "planned").finditer(text)))
    counts.subtract(Counter(int(y) for text in plain for cited in _CITED.findall(text) for y in _YEAR.findall(cited)))
    # relative words (去年, 过去一年, 明年; data/years.toml) count for the year they name, not a comparison's
    # base (较上年); words of one year only: 过去五年 names five, and votes for none of them
    counts.update(found for text in plain for found in said_once(text, year))
    other = year - 1 if month <= EARLY_MONTHS else year + 1
    if counts[other] >= 2 and counts[other] > counts[year]:
        return tuple(sorted((year, other)))
    return (year,)


_CITED = re.compile(r"《[^《》]{1,80}》")  # a cited title
_MONTH_LINE = re.compile(r"[（(]?((?:19|20)\d{2})年(\d{1,2})月[）)]?")


def signed_year(tail: list[str]) -> int:
    """The year of a signature dated by month alone (南京市人民政府 / 2025年3月), or 0."""
    for text in reversed(tail):
        match = _MONTH_LINE.fullmatch(dates.plain(text).strip())
        if match:
            return int(match.group(1))
    return 0


def signed_month(lines: list[str]) -> str:
    """The first day of the month a text is signed by month alone (二〇二五年十一月 under a memo's bodies), as an ISO date
    for reckoning a term from it (periods.in_force: 有效期五年 from November runs into the fifth year after), or ""."""
    for text in reversed(lines):
        match = _MONTH_LINE.fullmatch(dates.plain(text).strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{int(match.group(2)):02d}-01"
    return ""


def bylined_year(lines: list[str]) -> int:
    """The year of a byline dated by month (（本报记者 2024年11月）, 记者 2023年9月; data/years.toml [byline]), or 0."""
    rule = _table("byline")
    for at, text in enumerate(lines):
        plain = dates.plain(text).strip()
        if len(plain) <= rule["longest"] and any(word in plain for word in rule["words"]):
            match = _MONTH.search(plain) or (_MONTH.fullmatch(dates.plain(lines[at + 1]).strip()) if at + 1 < len(lines) else None)
            if match:
                return int(match.group(1))
    return 0


_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")


def number_year(number: str) -> int:
    """The year in a 发文字号 (沪金发〔2024〕5号), or 0."""
    match = re.search(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]", number)
    return int(match.group(1)) if match else 0


def roundup_year(opening: list[str], body: list[str], dated: int = 0) -> int:
    """The year of the reports a news round-up covers: a report year its opening names, else
    the year it is dated (a project's start year in one section is not the round-up's), else
    the year its text states most, not a target's (到2025年形成…: no date of a story; since session 59)."""
    return named_report_year(opening) or dated or most_stated(body, news=True)


def named_report_year(opening: list[str]) -> int:
    """The report year a round-up's opening names (2025年…政府工作报告), or 0."""
    for text in opening:
        match = _REPORT_YEAR.search(dates.plain(text))
        if match:
            return int(match.group(1))
    return 0


_TARGET_YEAR = re.compile(r"(?:(?<![截止])(?:到|至)|展望)((?:19|20)\d{2})\s*年")  # (截至2026年10月底: a status, no target)
_LEAD_YEAR = re.compile(r"(?:^|[。；;：:])\s*((?:19|20)\d{2})\s*年\s*[，,]")  # a clause led by its year: 2026年，建成…


def most_stated(body: list[str], news: bool = False) -> int:
    """The year the texts write out most often (the later on a tie), or 0; a target year
    (到2027年) counts only when the texts state no other year, and never in a story (its goal is no date)."""
    plain = [dates.plain(text) for text in body]
    counts = Counter(int(m) for text in plain for m in _YEAR.findall(text))
    targets = Counter(int(m) for text in plain for m in _TARGET_YEAR.findall(text))
    stated = Counter({year: n - targets[year] for year, n in counts.items() if n > targets[year]}) or (Counter() if news else counts)
    return max(stated, key=lambda y: (stated[y], y)) if stated else 0


# an event's name led by its year (2024第三代半导体产业发展高峰论坛): no 年, then its name and kind (regions.toml venue_events)
_EVENT_YEAR = re.compile(r"((?:19|20)\d{2})(?!\s*[年\d])(?=[^，,。；;\s]{2,30}?(?:"
                         + "|".join(map(re.escape, load_toml("regions.toml")["venue_events"])) + "))")


def event_year(title: str, opening: list[str]) -> int:
    """The year an event's name gives it (2024第三代半导体产业发展高峰论坛在厦门…), in the title or the opening's first
    lines: the year of an undated report of it (since session 51); else 0."""
    for text in [title, *opening[:3]]:
        found = _EVENT_YEAR.search(text)
        if found:
            return int(found.group(1))
    return 0


def filename_year(name: str) -> int:
    """A plausible year in a file name, or 0; also a saved page's date (t20250307_123456)."""
    match = ANY_YEAR.search(name) or re.search(r"(?<!\d)((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])(?!\d)", name)
    return int(match.group(1)) if match else 0


def congress_year(text: str) -> int:
    """The year of a dated congress session opening a round-up section, or 0."""
    match = dates.DATE.search(dates.plain(text)[:60])
    return int(match.group(1)) if match else 0


def parse_range(value: str) -> tuple[int, int]:
    """A --year value: 2024, 2023-2025, 2023- (since), -2020 (until); full-width digits, and a
    dash, tilde, 至 or 到 between the years (2023至2025), are read as the same.  Raises ValueError."""
    value = re.sub(r"[~—–‐‑−至到]", "-", unicodedata.normalize("NFKC", value).strip())
    value = re.sub(r"(\d{4})年", r"\1", value)
    match = re.fullmatch(r"(\d{4})?\s*(-)?\s*(\d{4})?", value)
    if not match or not (match.group(1) or match.group(3)):
        raise ValueError(f"'{value}' is not a year or range (2024, 2023-2025, 2023-, -2020)")
    if match.group(1) and match.group(3) and not match.group(2):
        raise ValueError(f"'{value}' is two years, not one: give a range such as {match.group(1)}-{match.group(3)}")
    start = int(match.group(1)) if match.group(1) else 0
    end = int(match.group(3)) if match.group(3) else (9999 if match.group(2) else start)
    if not match.group(2):
        end = start
    if start and end and start > end:
        raise ValueError(f"'{value}': the range starts after it ends")
    return start, end


# a range of years, or of dates (自2023年1月1日至2027年12月31日), or a start and a term (自2025年3月1日起施行，有效期至2027年12月31日)
_STATED_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:起?\s*[-~～—–－至到]+"
                           r"|起[^。；;]{0,12}?有效期(?:至|到))\s*((?:19|20)\d{2})\s*年")


_BORN = years_rule("founded", "born")  # (1989年3月1日以后出生: an age limit, no year spoken of)


@lru_cache(maxsize=1024)  # (a passage's years are asked for by several rules)
def stated(text: str) -> tuple[int, ...]:
    """Years a text states about itself: 2018年…, 到2025年, a range 2023—2025年 (every year in it)."""
    plain = dates.plain(text)
    found: set[int] = set()
    for match in _STATED_RANGE.finditer(plain):
        start, end = int(match.group(1)), int(match.group(2))
        if start <= end <= start + 15:
            found.update(range(start, end + 1))
    found.update(int(m.group(1)) for m in _YEAR.finditer(plain)
                 if not is_base_year(plain, m.start(), m.end()) and not years_rule("founded", "before").search(plain, max(0, m.start() - 4), m.start())
                 and not years_rule("founded", "after").match(plain, m.end())
                 and not _BORN.match(plain, m.end()))
    found.update(year_spans.spans(plain))  # (a schedule, a term, a date in figures: since session 49)
    return tuple(sorted(y for y in found if 1949 <= y <= 2100))


_DECLARED_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-~～—–－至到]+\s*((?:19|20)\d{2})")


def declared(value: str) -> tuple[int, ...]:
    """The years an author's field gives (front matter `year: 2025`, `years: [2024, 2025]`, `2024-2026`, `十四五`), or ()."""
    plain = unicodedata.normalize("NFKC", value)
    found: set[int] = set()
    for match in _DECLARED_RANGE.finditer(plain):
        start, end = int(match.group(1)), int(match.group(2))
        if start <= end <= start + 15:
            found.update(range(start, end + 1))
    found.update(int(m) for m in _BARE_YEAR.findall(_DECLARED_RANGE.sub(" ", plain)))
    found.update(spoken(plain, 0))  # year: 十四五
    return tuple(sorted(y for y in found if 1949 <= y <= 2100))


def report_year_in(text: str) -> int:
    """The year of a work report a sentence names ("2024年宝鸡市政府工作报告"), or 0."""
    match = re.search(r"((?:19|20)\d{2})年.{0,12}?政府工作报告", dates.plain(text)[:80])
    return int(match.group(1)) if match else 0

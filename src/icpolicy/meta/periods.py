"""The period a text states for itself in its body, whenever it was signed: in force from one date to
another (自2026年1月1日起施行，有效期至2028年12月31日; 有效期三年), or a plan's own period (本方案实施期为2024年至2025年)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import dates


def stated(body: list[str], issued: int = 0, issued_on: str = "") -> tuple[int, ...]:
    """The years a text states it covers (in force, else its own period, else the next year it takes effect in), or ()."""
    return in_force(body, issued, issued_on) or stated_period(body) or _starts_next_year(body, issued)


def _starts_next_year(body: list[str], issued: int) -> tuple[int, ...]:
    """The year after the one it was signed in that a text takes effect in, naming no end (本公告自2023年1月1日起施行, signed
    in December 2022: 2023; since session 65), or ()."""
    starts = [int(m.group(1)) for text in body if "本" in text for m in _OWN_START.finditer(dates.plain(text))]
    return (starts[-1],) if starts and issued and starts[-1] == issued + 1 else ()


# a first day written 2025年3月1日 or 2025-03-01 (2025.3.1, 2025/3/1)
_DAY = r"(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?"
# (from the signing by the parties too: 本协议自双方签署之日起生效，有效期五年; since session 62)
_IN_FORCE = re.compile(rf"自((?:19|20)\d{{2}}){_DAY}起(?:施行|实施|执行|生效)[，,]?(?:[^。]{{0,12}}?)有效期(?:至|到)((?:19|20)\d{{2}})年"
                       rf"|有效期(?:至|到)((?:19|20)\d{{2}})年[^。]{{0,30}}?自((?:19|20)\d{{2}}){_DAY}起(?:施行|实施|执行|生效)"
                       rf"|自((?:19|20)\d{{2}}){_DAY}起(?:施行|实施|执行|生效)[，,]?(?:[^。]{{0,12}}?)有效期([一二三四五六七八九十两\d]{{1,2}})年"
                       r"|自(?:双方|各方|三方|多方|协议各方)?(?:印发|发布|公布|签发|签署|签订|盖章)之日起(?:施行|实施|执行|生效)[，,]?(?:[^。]{0,12}?)有效期(?:([一二三四五六七八九十两\d]{1,2})年"
                       r"|(?:至|到)((?:19|20)\d{2})年)"
                       # (… or its length first, 本措施有效期为三年，自印发之日起计算: since session 67; not an approval's, a
                       # review's or a filing's, 本审查意见有效期2年，自印发之日起计算, one act of its year)
                       r"|(?:措施|办法|政策|细则|方案|规定|(?<!审查)意见|通知|公告|指引|计划)有效期(?:为)?([一二三四五六七八九十两\d]{1,2})年[，,]\s*"
                       r"自(?:印发|发布|公布|签发)之日起(?:计算|算起|生效|施行)")


_UNTIL = re.compile(r"有效期(?:至|到)\s*((?:19|20)\d{2})\s*年")
# a term extended (有效期延长至2027年12月31日), from the day the extending text takes effect (本通知自2026年1月1日起施行)
# (… and since session 66 with its length before the end, 有效期延长两年，至2027年12月31日, or its length alone, 有效期延长两年:
# from the old end, 有效期至2025年12月31日, on)
_EXTENDED = re.compile(r"(?:有效期|执行期限|实施期限|执行期|实施期)(?:由(?:原定的?|原)?(?:19|20)\d{2}\s*年[^，,。；;]{0,8}?)?(?:再|继续)?(?:延长|延续|顺延|延期)\s*(?:([一二两三四五六七八九十\d]{1,2})\s*(?:个)?年)?"
                       r"(?:[，,]\s*(?:即|延长)?\s*(?:至|到)\s*((?:19|20)\d{2})\s*年|(?:至|到)\s*((?:19|20)\d{2})\s*年)?")
# a title changing another text's term (关于延长《…》有效期的通知, 关于调整《…（2021—2025年）》实施期限…的通知)
# (… or keeping it in force, 关于延续执行…扶持政策的通知: since session 68)
TERM_CHANGE = re.compile(r"(?:延长|调整|延续|延期)[^，。]{0,40}?(?:有效期|实施期限|执行期限|实施期|执行期)|(?:有效期|实施期限|执行期限)[^，。]{0,6}?(?:延长|调整|延续|延期)"
                         r"|(?:延续|继续)执行[^，。]{0,40}?(?:政策|措施|办法|意见|规定|细则)")
# (… its own start after a clause, 本通知由…负责解释，自2024年1月1日起施行: since session 68)
_OWN_START = re.compile(rf"本(?:通知|决定|公告|意见|办法)(?:[^。；;]{{0,30}}?[，,])?自((?:19|20)\d{{2}}){_DAY}起(?:施行|实施|执行|生效)")
_CONTINUED = re.compile(r"(?:延续|继续)执行(?:期限)?(?:至|到)\s*((?:19|20)\d{2})\s*年")  # 《若干措施》延续执行至2025年12月31日


def extended(body: list[str], issued: int) -> tuple[int, ...]:
    """The years a text extending another's term covers: from the day it takes effect (else the year it was issued) to
    the new end, or () (the term it extends, 自2023年1月1日起施行，有效期至2025年12月31日, is the other text's)."""
    ends = []
    for text in body:
        ends += [int(m.group(1)) for m in _CONTINUED.finditer(dates.plain(text))] if "执行" in text else []
        for m in _EXTENDED.finditer(dates.plain(text)) if "延" in text else ():
            if m.group(2) or m.group(3):
                ends.append(int(m.group(2) or m.group(3)))
            elif m.group(1) and (length := dates.count(m.group(1))) and (old := [int(u.group(1)) for u in _UNTIL.finditer(dates.plain("".join(body)))]):
                ends.append(old[0] + length)  # 有效期延长两年 of a text 有效期至2025年12月31日: to 2027
    if not ends:
        return ()
    starts = [int(m.group(1)) for text in body if "本" in text for m in _OWN_START.finditer(dates.plain(text))]
    start = starts[-1] if starts else issued
    return tuple(range(start, ends[-1] + 1)) if start and start <= ends[-1] <= start + 15 else ()


def in_force(body: list[str], issued: int = 0, issued_on: str = "") -> tuple[int, ...]:
    """The years a text is in force, when it states both ends (自2026年1月1日起施行，有效期至2028年
    12月31日; …有效期3年; 自印发之日起施行，有效期三年 from `issued`, the year it was issued, and
    `issued_on`, its date when known): like a plan period, or ().  A term of N years runs N years less a
    day from its first day: from 1 January it ends in the year N-1 on, from any later day in the year N on
    (自2024年6月1日起施行，有效期3年: to 31 May 2027, so 2024–2027)."""
    longer = extended(body, issued)
    if longer:
        return longer  # 关于延长《…若干政策》有效期的通知: the extension's years
    until = ()
    for text in reversed(body):
        if "有效期" not in text:
            continue
        match = _IN_FORCE.search(dates.plain(text))
        if not match:
            # a term given by its end alone (本公告有效期至2027年12月31日), in force from the year of issue (since session 42),
            # unless a term with both ends is stated anywhere (since session 66: …，有效期三年 in a Q&A's answer, and a cited
            # provincial text's 有效期至2025年底 in a later one)
            bare = _UNTIL.search(dates.plain(text))
            if not until and bare and issued and issued <= int(bare.group(1)) <= issued + 15:
                until = tuple(range(issued, int(bare.group(1)) + 1))
            continue
        g = match.groups()
        if g[0]:
            start, end = int(g[0]), int(g[3])
        elif g[4]:
            start, end = int(g[5]), int(g[4])
        elif g[13]:
            start, end = issued, int(g[13])  # 自印发之日起施行，有效期至2027年12月31日
        else:
            length = dates.count(g[11] or g[12] or g[14])
            if not length:
                continue
            start = int(g[8]) if g[8] else issued
            first_day = (int(g[9]), int(g[10])) if g[8] else _month_day(issued_on, issued)
            end = start + length - (1 if first_day in ((1, 1), None) else 0)
        if start and start <= end <= start + 15:
            return tuple(range(start, end + 1))
    return until


def _month_day(issued_on: str, year: int) -> tuple[int, int] | None:
    """The month and day of an ISO date of the year given (2024-05-08: (5, 8)), or None when unknown."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", issued_on or "")
    if not match or int(match.group(1)) != year:
        return None
    return int(match.group(2)), int(match.group(3))


def stated_period(body: list[str]) -> tuple[int, ...]:
    """The period a text states for itself in its body (本方案实施期为2024年至2025年; 规划期为2026—2030年;
    data/years.toml [period]), or ()."""
    rule = _rule()
    for text in body:
        if not any(word in text for word in rule["words"]):
            continue
        plain = dates.plain(text)
        match = _period().search(plain)
        if match and re.search(rule["phase_before"], plain[max(0, match.start() - 6):match.start()]):
            continue  # 一期建设期为2023年至2025年: a project's phase, not the text's period (since session 67)
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if start <= end <= start + rule["span"]:
                return tuple(range(start, end + 1))
    return ()


@lru_cache(maxsize=None)
def _period() -> re.Pattern:
    words = "|".join(map(re.escape, _rule()["words"]))
    # (试点期为三年（2025—2027年）: its length in years, then the years in brackets; 试点期为两年，自2024年11月至2025年12月:
    # then a comma and the dates, since session 60)
    return re.compile(rf"(?:{words})(?:为|是|：|:|从)?\s*(?:[一二三四五六七八九十两\d]{{1,2}}\s*年\s*(?:[（(]|[，,]\s*(?:自|从)?))?\s*((?:19|20)\d{{2}})\s*年?(?:\d{{1,2}}\s*月(?:\d{{1,2}}\s*日)?)?\s*"
                      rf"(?:至|到|—|－|-|–|~|～)+\s*((?:19|20)\d{{2}})\s*年")


@lru_cache(maxsize=None)
def _rule() -> dict:
    return load_toml("years.toml")["period"]
